package parquetio

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// Damaged Parquet files (cut short, or bytes overwritten anywhere: in the
// pages, the footer, the lengths) give an error or a graph, never a
// panic; an error names the file.
func TestDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	var s, d, w pqCol = pqCol{name: "source", node: reqInt64}, pqCol{name: "target", node: reqString}, pqCol{name: "weight", node: optDouble}
	for i := 0; i < 300; i++ {
		s.vals = append(s.vals, int64(i%37))
		d.vals = append(d.vals, string(rune('a'+i%26)))
		w.vals = append(w.vals, float64(i%5))
	}
	good, err := os.ReadFile(writePQ(t, dir, "good.parquet", 100, s, d, w))
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(5, 6))
	n := 400
	if testing.Short() {
		n = 100
	}
	p := filepath.Join(dir, "bad.parquet")
	for i := 0; i < n; i++ {
		bad := bytes.Clone(good)
		switch i % 3 {
		case 0:
			bad = bad[:rng.IntN(len(bad))]
		case 1:
			for k := 0; k < 1+rng.IntN(4); k++ {
				bad[rng.IntN(len(bad))] = byte(rng.IntN(256))
			}
		default: // the footer and its length, where the damage is worst
			k := len(bad) - 1 - rng.IntN(min(200, len(bad)))
			bad[k] = byte(rng.IntN(256))
		}
		require.NoError(t, os.WriteFile(p, bad, 0o644))
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("case %d: panic: %v", i, r)
				}
			}()
			_, _, err := ReadEdgeList(p, "", network.EdgeListOptions{})
			if err != nil {
				require.Contains(t, err.Error(), p, "case %d", i)
			}
		}()
	}
}

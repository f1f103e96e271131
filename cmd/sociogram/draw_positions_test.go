package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/visualize"
)

// readPositions reads a --positions file (node,x,y,r, or panel first).
func readPositions(t *testing.T, path string) []visualize.Position {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	off := 0
	if rows[0][0] == "panel" {
		off = 1
	}
	require.Equal(t, []string{"node", "x", "y", "r"}, rows[0][off:])
	var out []visualize.Position
	for _, r := range rows[1:] {
		p := visualize.Position{Node: r[off]}
		if off == 1 {
			p.Panel = r[0]
		}
		for i, v := range []*float64{&p.X, &p.Y, &p.R} {
			x, err := strconv.ParseFloat(r[off+1+i], 64)
			require.NoError(t, err)
			*v = x
		}
		out = append(out, p)
	}
	return out
}

// readEdges reads a two-column edge list's ties as pairs of node IDs.
func readEdges(t *testing.T, path string) [][2]string {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out [][2]string
	for _, r := range rows[1:] {
		out = append(out, [2]string{r[0], r[1]})
	}
	return out
}

// TestDrawPositionsGuarantee draws the Florentine families (Padgett &
// Ansell 1993, examples/brokers/data) and Zachary's karate club (Zachary
// 1977, measures/testdata/reference) with the concentric, circle and force
// layouts, sized by effective size as in the command, and checks
// from the --positions file alone (with the edge list) that no tie passes
// within 2 pt of the marker of a node it does not join and that no two
// markers overlap.
func TestDrawPositionsGuarantee(t *testing.T) {
	nets := map[string][2]string{
		"florentine": {"../../examples/brokers/data/florentine_marriages.csv", "../../examples/brokers/data/florentine_families.csv"},
		"karate":     {"../../measures/testdata/reference/karate.edges.csv", "../../measures/testdata/reference/karate.nodes.csv"},
	}
	out := t.TempDir()
	for name, files := range nets {
		for _, layout := range []string{"concentric", "circle", "force"} {
			t.Run(name+"_"+layout, func(t *testing.T) {
				pos := filepath.Join(out, name+layout+".csv")
				var so, se bytes.Buffer
				require.Equal(t, 0, run([]string{"draw", "--edges", files[0], "--nodes", files[1], "--layout", layout,
					"--size", "effective_size", "--positions", pos, "-o", filepath.Join(out, name+layout+".png")}, &so, &se), se.String())
				assert.Empty(t, se.String(), "nothing left to report")
				ps := readPositions(t, pos)
				index := map[string]int{}
				for i, p := range ps {
					index[p.Node] = i
				}
				var ties [][2]int
				for _, e := range readEdges(t, files[0]) {
					u, ok1 := index[e[0]]
					v, ok2 := index[e[1]]
					require.True(t, ok1 && ok2, "tie %v has both ends in the positions", e)
					ties = append(ties, [2]int{u, v})
				}
				v := visualize.CheckPositions(ps, ties, nil, 2)
				assert.Empty(t, v, "%d violations", len(v))
			})
		}
	}
}

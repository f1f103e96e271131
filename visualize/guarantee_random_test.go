package visualize

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// randomEgoStudy builds one ego with n alters spread over sectors ×
// rings, most of them crowded into the first two sectors (dense
// sectors), and about ties·n random alter–alter ties, from a seeded
// stream.
func randomEgoStudy(t testing.TB, seed uint64, n, sectors, rings int, ties float64) *network.Dataset {
	rng := rand.New(rand.NewPCG(seed, 11))
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	s := b.AlterAttrs()
	require.NoError(t, b.AddEgo("E", "", nil))
	for i := 0; i < n; i++ {
		sec := rng.IntN(sectors)
		if rng.Float64() < 0.5 {
			sec = rng.IntN(2)
		}
		require.NoError(t, b.AddAlter("E", "", fmt.Sprintf("a%02d", i), 1, network.NewAttrs(s, map[string]string{
			"ring": strconv.Itoa(rng.IntN(rings) + 1), "sector": fmt.Sprintf("s%d", sec)})))
	}
	row := network.NewAttrs(b.TieAttrs(), nil)
	for k := 0; k < int(ties*float64(n)); k++ {
		x, y := rng.IntN(n), rng.IntN(n)
		if x != y {
			require.NoError(t, b.AddTie("E", "", fmt.Sprintf("a%02d", x), fmt.Sprintf("a%02d", y), 1, row))
		}
	}
	ds, _ := b.Build()
	return ds
}

// TestGuaranteeRandomEgograms: seeded random egograms of 50 to 60 alters
// in 8 sectors × 5 rings, half the alters crowded into two sectors, with
// 1.5 ties per alter, keep the guarantee after Fit (page at most 3 times
// its size); most keep it at the page size.
func TestGuaranteeRandomEgograms(t *testing.T) {
	atSize := 0
	runs := uint64(12)
	if raceOn {
		runs = 3
	}
	for seed := uint64(1); seed <= runs; seed++ {
		n := 50 + int(seed)%11
		ds := randomEgoStudy(t, seed, n, 8, 5, 1.5)
		f, err := EgogramFigure(ds.Egos[0], DrawOptions{EgogramOptions: EgogramOptions{Rings: "ring", NumRings: 5, Sectors: "sector"},
			Style: Style{Color: "sector"}})
		require.NoError(t, err)
		if len(f.Violations()) == 0 {
			atSize++
		}
		v := f.Fit(3)
		assert.Empty(t, v, "seed %d, %d alters: %d violations, e.g. %v", seed, n, len(v), v)
	}
	t.Logf("%d of %d clear at the page size", atSize, runs)
}

// TestGuaranteeRandomForce: seeded random networks of 500 nodes and
// about 750 ties keep the guarantee in a force-directed sociogram after
// Fit.
func TestGuaranteeRandomForce(t *testing.T) {
	if raceOn {
		t.Skip("500 nodes and Fit take minutes under the race detector; run without -race")
	}
	for seed := uint64(1); seed <= 1; seed++ {
		rng := rand.New(rand.NewPCG(seed, 5))
		b := network.NewBuilder(false, false)
		for i := 0; i < 500; i++ {
			b.LookupOrAdd("n" + strconv.Itoa(i))
		}
		for k := 0; k < 750; k++ {
			u, v := rng.IntN(500), rng.IntN(500)
			if u != v {
				require.NoError(t, b.AddEdge(u, v, 1))
			}
		}
		g, _ := b.Build()
		f, err := SociogramFigure(context.Background(), g, SociogramOptions{Seed: seed})
		require.NoError(t, err)
		n0 := len(f.Violations())
		v := f.Fit(3)
		t.Logf("seed %d: %d violations at the page size, %d after Fit", seed, n0, len(v))
		assert.Empty(t, v, "seed %d: %d violations, e.g. %v", seed, len(v), v)
	}
}

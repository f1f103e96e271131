package measures

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Finite weights whose sums overflow float64 (issue 18 item 16).
//
// Hand derivation, ego e with two alters a, b of weight W = 1.7e308 and no
// tie between them: p_ea = p_eb = W/(2W) = 1/2, no indirect paths, so
// constraint = (1/2)² + (1/2)² = 0.5; both dyadic constraints equal the
// mean, r = 1, ln r = 0, hierarchy = 0. Before, 2W overflowed to +Inf,
// p = 0: constraint 0, hierarchy NaN.
func TestExtremeWeights(t *testing.T) {
	b := network.NewBuilder(false, true)
	e, a, c := b.LookupOrAdd("e"), b.LookupOrAdd("a"), b.LookupOrAdd("b")
	require.NoError(t, b.AddEdge(e, a, 1.7e308))
	require.NoError(t, b.AddEdge(e, c, 1.7e308))
	g, _ := b.Build()
	st := Structural(g, e)
	assert.InDelta(t, 0.5, st.Constraint, 1e-12, "got %v want 0.5", st.Constraint)
	assert.InDelta(t, 0, st.Hierarchy, 1e-12, "got %v want 0", st.Hierarchy)

	// Alters a and b tied with weight W too: weighted density W/1 pair,
	// finite although the kernel's plain sum of ego's ties overflowed.
	b = network.NewBuilder(false, true)
	e, a, c = b.LookupOrAdd("e"), b.LookupOrAdd("a"), b.LookupOrAdd("b")
	require.NoError(t, b.AddEdge(e, a, 1.7e308))
	require.NoError(t, b.AddEdge(e, c, 1.7e308))
	require.NoError(t, b.AddEdge(a, c, 1.7e308))
	g, _ = b.Build()
	st = Structural(g, e)
	assert.InDelta(t, 1.7e308, st.WeightedDensity, 1e295)
	// Triangle, all weights W: p = 1/2 everywhere, indirect p_ab p_bc... =
	// 1/2 · 1/2 = 1/4, c_ij = (1/2 + 1/4)² = 9/16, constraint 9/8.
	assert.InDelta(t, 9.0/8, st.Constraint, 1e-12)
}

// The documented bounds hold on extreme weights: 0 ≤ hierarchy ≤ 1,
// constraint ≥ 1/size (see RELIABILITY.md), for random stars and their
// alter ties with weights from 5e-324 to 1.7976931348623157e308. Seeded.
func TestBoundsOnExtremeWeights(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 16))
	extremes := []float64{math.SmallestNonzeroFloat64, 1e-300, 1, 1e300, 1.7e308, math.MaxFloat64}
	for trial := range 300 {
		n := 1 + r.IntN(14)
		b := network.NewBuilder(false, true)
		ego := b.LookupOrAdd("ego")
		ids := make([]int, n)
		for j := range n {
			ids[j] = b.LookupOrAdd(string(rune('a' + j)))
			require.NoError(t, b.AddEdge(ego, ids[j], extremes[r.IntN(len(extremes))]))
		}
		for j := range n {
			for k := j + 1; k < n; k++ {
				if r.IntN(3) == 0 {
					require.NoError(t, b.AddEdge(ids[j], ids[k], extremes[r.IntN(len(extremes))]))
				}
			}
		}
		g, _ := b.Build()
		st := Structural(g, ego)
		if n >= 2 {
			assert.False(t, math.IsNaN(st.Hierarchy), "trial %d: hierarchy NaN", trial)
			assert.GreaterOrEqual(t, st.Hierarchy, 0.0, "trial %d", trial)
			assert.LessOrEqual(t, st.Hierarchy, 1.0, "trial %d", trial)
		}
		assert.GreaterOrEqual(t, st.Constraint, 1/float64(n)-1e-12, "trial %d: constraint %v < 1/%d", trial, st.Constraint, n)
		assert.False(t, math.IsInf(st.WeightedDensity, 0), "trial %d: weighted density infinite", trial)
	}
}

// 13 isolated alters of weight 1: every dyadic constraint is 1/169, equal
// to the mean, so hierarchy is exactly 0 (was −4.3e−17 from rounding).
func TestHierarchyNotNegative(t *testing.T) {
	b := network.NewBuilder(false, false)
	ego := b.LookupOrAdd("ego")
	for j := range 13 {
		require.NoError(t, b.AddEdge(ego, b.LookupOrAdd(string(rune('a'+j))), 1))
	}
	g, _ := b.Build()
	assert.GreaterOrEqual(t, Structural(g, ego).Hierarchy, 0.0)
}

// The all-nodes engine's weighted density with alter–alter ties whose sum
// overflows (issue 18 item 16). Hand derivation: ego e with alters a, b, c
// (ego weights 1), ties a–b and b–c of weight W = 1.7e308, a–c absent:
// pairs = 3·2/2 = 3, weighted density = (W + W)/3 = 2W/3 ≈ 1.1333e308,
// finite although W + W overflows (before: +Inf).
func TestAllNodesWeightedDensityExtreme(t *testing.T) {
	const W = 1.7e308
	b := network.NewBuilder(false, true)
	e, a, bb, c := b.LookupOrAdd("e"), b.LookupOrAdd("a"), b.LookupOrAdd("b"), b.LookupOrAdd("c")
	require.NoError(t, b.AddEdge(e, a, 1))
	require.NoError(t, b.AddEdge(e, bb, 1))
	require.NoError(t, b.AddEdge(e, c, 1))
	require.NoError(t, b.AddEdge(a, bb, W))
	require.NoError(t, b.AddEdge(bb, c, W))
	g, _ := b.Build()
	all, err := AllNodes(context.Background(), g, AllNodesOptions{})
	require.NoError(t, err)
	want := W / 3 * 2
	assert.InDelta(t, want, all[e].WeightedDensity, want*1e-15, "all-nodes got %v", all[e].WeightedDensity)
	// The per-ego kernel agrees (it scales too, see TestExtremeWeights).
	assert.InDelta(t, want, Structural(g, e).WeightedDensity, want*1e-15)
}

// sd of a numeric alter attribute whose deviations overflow (issue 18 item
// 16). Hand derivation: values 0 and W = 1.7e308, mean W/2, squared
// deviations (W/2)² each, sample variance 2(W/2)²/(2−1) = W²/2, sd =
// W/√2 ≈ 1.2021e308; before, (W/2)·W overflowed: sd = +Inf. Values −W, W:
// mean 0, variance 2W², sd = W√2 ≈ 2.4e308 is past float64: +Inf is right.
func TestSDExtremeValues(t *testing.T) {
	const W = 1.7e308
	sd := func(vals ...string) float64 {
		b := network.NewDatasetBuilder(network.DatasetOptions{})
		require.NoError(t, b.AddEgo("e", "", network.Attrs{}))
		for i, v := range vals {
			require.NoError(t, b.AddAlter("e", "", string(rune('a'+i)), 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"x": v})))
		}
		ds, _ := b.Build()
		return SD(ds.Ego("e", ""), "x")
	}
	want := W / math.Sqrt2
	got := sd("0", "1.7e308")
	assert.InDelta(t, want, got, want*1e-15, "got %v", got)
	// Three values 0, W, W: mean 2W/3, deviations −2W/3, W/3, W/3, sum of
	// squares 4W²/9 + 2W²/9 = 6W²/9 = 2W²/3, variance W²/3, sd = W/√3.
	want = W / math.Sqrt(3)
	got = sd("0", "1.7e308", "1.7e308")
	assert.InDelta(t, want, got, want*1e-15, "got %v", got)
	assert.True(t, math.IsInf(sd("-1.7e308", "1.7e308"), 1))
	// Ordinary values unchanged: 1, 2, 3 → sd 1.
	assert.Equal(t, 1.0, sd("1", "2", "3"))
}

package measures

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/internal/graphgen"
	"github.com/sociogram/sociogram/network"
)

// randomGraph is a seeded random graph for the property tests: n nodes, each
// pair tied with probability p, plus hubs tied to a share hubShare of all
// nodes, plus isolates (nodes with no ties). Weights, when weighted, are
// drawn from {0, 0.5, 1, 1.5, 2, 3} or, with float64 set, uniform in (0, 3]
// (not exact in float32, so the graph keeps float64 weights). The edge list
// also holds self-loops and duplicate ties, which the builder drops and
// merges, as readers do.
type randomGraph struct {
	n, hubs, isolates  int
	p, hubShare        float64
	directed, weighted bool
	float64Weights     bool
}

func (r randomGraph) build(seed uint64) *network.Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	b := network.NewBuilder(r.directed, r.weighted)
	for i := 0; i < r.n+r.isolates; i++ {
		b.LookupOrAdd(strconv.Itoa(i))
	}
	weight := func() float64 {
		if r.float64Weights {
			return 3 * (1 - rng.Float64())
		}
		return []float64{0, 0.5, 1, 1.5, 2, 3}[rng.IntN(6)]
	}
	add := func(u, v int) {
		if err := b.AddEdge(u, v, weight()); err != nil {
			panic(err)
		}
	}
	for u := 0; u < r.n; u++ {
		for v := 0; v < r.n; v++ {
			if (r.directed || u < v) && rng.Float64() < r.p {
				add(u, v)
			}
		}
		if rng.IntN(10) == 0 {
			add(u, u) // self-loop: dropped
		}
	}
	for h := 0; h < r.hubs; h++ {
		for v := 0; v < r.n; v++ {
			if rng.Float64() < r.hubShare {
				if r.directed && rng.IntN(2) == 0 {
					add(v, h)
				} else {
					add(h, v) // may duplicate a random tie: merged
				}
			}
		}
	}
	g, _ := b.Build()
	return g
}

// close reports whether a and b agree to 1e-12 relative (absolute near 0:
// effective size and hierarchy are sums that can cancel to about 0), NaN
// matching NaN.
func closeTo(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// requireSameStats compares every field of got and want.
func requireSameStats(t *testing.T, g *network.Graph, got []Stats, withBetweenness bool) {
	t.Helper()
	require.Len(t, got, g.Order())
	typ := reflect.TypeOf(Stats{})
	for v := 0; v < g.Order(); v++ {
		want := Structural(g, v)
		if !withBetweenness {
			want.EgoBetweenness, want.EgoBetweennessNorm = 0, 0
		}
		gv, wv := reflect.ValueOf(got[v]), reflect.ValueOf(want)
		for f := 0; f < typ.NumField(); f++ {
			a, b := gv.Field(f).Float(), wv.Field(f).Float()
			if !closeTo(a, b) {
				t.Fatalf("node %d (degree %d) %s: AllNodes gives %v, Structural %v", v, g.Degree(v), typ.Field(f).Name, a, b)
			}
		}
	}
}

var randomGraphs = []struct {
	name string
	g    randomGraph
}{
	{"sparse undirected", randomGraph{n: 80, p: 0.04}},
	{"dense undirected", randomGraph{n: 40, p: 0.4}},
	{"undirected with isolates", randomGraph{n: 50, p: 0.08, isolates: 10}},
	{"undirected with hubs", randomGraph{n: 120, p: 0.03, hubs: 3, hubShare: 0.7}},
	{"weighted with zero weights", randomGraph{n: 60, p: 0.15, weighted: true, hubs: 2, hubShare: 0.5}},
	{"weighted float64", randomGraph{n: 60, p: 0.15, weighted: true, float64Weights: true, hubs: 1, hubShare: 0.8}},
	{"directed", randomGraph{n: 50, p: 0.08, directed: true, hubs: 2, hubShare: 0.5}},
	{"directed weighted with isolates", randomGraph{n: 50, p: 0.1, directed: true, weighted: true, isolates: 5}},
}

// TestAllNodesEqualsStructural is a property test: on seeded random graphs
// of every kind the engine gives, node by node and measure by measure, what
// the per-ego reference Structural gives.
func TestAllNodesEqualsStructural(t *testing.T) {
	for _, tc := range randomGraphs {
		t.Run(tc.name, func(t *testing.T) {
			for seed := uint64(1); seed <= 5; seed++ {
				g := tc.g.build(seed)
				got, err := AllNodes(context.Background(), g, AllNodesOptions{})
				require.NoError(t, err)
				requireSameStats(t, g, got, true)
				got, err = AllNodes(context.Background(), g, AllNodesOptions{SkipBetweenness: true})
				require.NoError(t, err)
				requireSameStats(t, g, got, false)
			}
		})
	}
}

// TestAllNodesClustered checks the engine on a clustered scale-free graph
// (Holme–Kim, many triangles and hubs), weighted and not.
func TestAllNodesClustered(t *testing.T) {
	for _, weighted := range []bool{false, true} {
		n := 600
		g := graphgen.Graph(n, graphgen.HolmeKim(n, 4, 0.7, 3), weighted)
		got, err := AllNodes(context.Background(), g, AllNodesOptions{Workers: 2})
		require.NoError(t, err)
		requireSameStats(t, g, got, true)
	}
}

// TestAllNodesSmall checks hand-derived values on the smallest cases, so a
// shared mistake of engine and kernel would show: a triangle gives each
// node constraint (1/2 + 1/4)² · 2 = 1.125 and effective size 2 − 2·1/2 = 1;
// the centre of a star with 3 leaves has constraint 3·(1/3)² = 1/3,
// effective size 3 and ego betweenness 3 (each leaf pair has one 2-path).
func TestAllNodesSmall(t *testing.T) {
	build := func(n int, edges [][2]int) *network.Graph {
		b := network.NewBuilder(false, false)
		for i := 0; i < n; i++ {
			b.LookupOrAdd(strconv.Itoa(i))
		}
		for _, e := range edges {
			require.NoError(t, b.AddEdge(e[0], e[1], 1))
		}
		g, _ := b.Build()
		return g
	}
	tests := []struct {
		name                           string
		g                              *network.Graph
		node                           int
		size, ties, constraint, effect float64
		egoBetweenness                 float64
	}{
		{"isolate", build(1, nil), 0, 0, 0, math.NaN(), math.NaN(), 0},
		{"one alter", build(2, [][2]int{{0, 1}}), 0, 1, 0, 1, 1, 0},
		{"triangle", build(3, [][2]int{{0, 1}, {1, 2}, {0, 2}}), 0, 2, 1, 1.125, 1, 0},
		{"star centre", build(4, [][2]int{{0, 1}, {0, 2}, {0, 3}}), 0, 3, 0, 1.0 / 3, 3, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AllNodes(context.Background(), tc.g, AllNodesOptions{})
			require.NoError(t, err)
			st := got[tc.node]
			assert.Equal(t, tc.size, st.Size, "size")
			assert.Equal(t, tc.ties, st.Ties, "ties")
			for _, c := range []struct {
				name      string
				got, want float64
			}{{"constraint", st.Constraint, tc.constraint}, {"effective size", st.EffectiveSize, tc.effect}, {"ego betweenness", st.EgoBetweenness, tc.egoBetweenness}} {
				if math.IsNaN(c.want) {
					assert.True(t, math.IsNaN(c.got), "%s: got %v, want NaN", c.name, c.got)
				} else {
					assert.InDelta(t, c.want, c.got, 1e-12, "%s: got %v, want %v", c.name, c.got, c.want)
				}
			}
		})
	}
}

// TestAllNodesWorkerIndependence checks that 1, 2 and 7 workers give
// bit-identical results (each ego's sums are made in a fixed order).
func TestAllNodesWorkerIndependence(t *testing.T) {
	graphs := map[string]*network.Graph{
		"clustered": graphgen.Graph(3000, graphgen.HolmeKim(3000, 5, 0.5, 11), true),
		"directed":  randomGraph{n: 300, p: 0.03, directed: true, weighted: true, hubs: 2, hubShare: 0.5}.build(3),
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			ref, err := AllNodes(context.Background(), g, AllNodesOptions{Workers: 1})
			require.NoError(t, err)
			for _, w := range []int{2, 7} {
				got, err := AllNodes(context.Background(), g, AllNodesOptions{Workers: w})
				require.NoError(t, err)
				for v := range ref {
					a, b := reflect.ValueOf(ref[v]), reflect.ValueOf(got[v])
					for f := 0; f < a.NumField(); f++ {
						x, y := a.Field(f).Float(), b.Field(f).Float()
						if math.Float64bits(x) != math.Float64bits(y) {
							t.Fatalf("workers=%d node %d field %d: %v, with 1 worker %v", w, v, f, y, x)
						}
					}
				}
			}
		})
	}
}

// TestAllNodesCancel checks that a cancelled context stops the work and
// gives ctx.Err(), both before and during the run.
func TestAllNodesCancel(t *testing.T) {
	g := graphgen.Graph(20000, graphgen.BarabasiAlbert(20000, 5, 5), false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := AllNodes(ctx, g, AllNodesOptions{})
	require.ErrorIs(t, err, context.Canceled)

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	calls := 0
	_, err = AllNodes(ctx, g, AllNodesOptions{Workers: 2, Progress: func(done, total int) {
		calls++
		if calls == 1 {
			cancel()
		}
	}})
	require.True(t, errors.Is(err, context.Canceled), "got %v, want context.Canceled", err)
	assert.Less(t, time.Since(start), 2*time.Second, "cancellation took too long")
}

// TestAllNodesProgress checks that Progress reaches the number of nodes.
func TestAllNodesProgress(t *testing.T) {
	g := graphgen.Graph(2000, graphgen.BarabasiAlbert(2000, 3, 2), false)
	last := 0
	_, err := AllNodes(context.Background(), g, AllNodesOptions{Progress: func(done, total int) {
		assert.Equal(t, g.Order(), total)
		last = max(last, done)
	}})
	require.NoError(t, err)
	assert.Equal(t, g.Order(), last)
}

// TestLocalKernelBitForBit is a property test: the local kernel behind
// Structural, which sums each alter's strength on demand, gives the same
// bits as the kernel with every strength precomputed (the one AllNodes runs
// on directed graphs), on seeded random graphs of every kind.
func TestLocalKernelBitForBit(t *testing.T) {
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	typ := reflect.TypeOf(Stats{})
	for _, tc := range randomGraphs {
		t.Run(tc.name, func(t *testing.T) {
			for seed := uint64(1); seed <= 3; seed++ {
				g := tc.g.build(seed)
				dense, local := newKernel(g, nil, nil), newLocalKernel(g)
				for v := range g.Order() {
					var want, got Stats
					dense.compute(int32(v), &want, true)
					local.compute(int32(v), &got, true)
					gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
					for f := range typ.NumField() {
						if a, b := gv.Field(f).Float(), wv.Field(f).Float(); !same(a, b) {
							t.Fatalf("seed %d node %d %s: local %v, precomputed %v", seed, v, typ.Field(f).Name, a, b)
						}
					}
				}
			}
		})
	}
}

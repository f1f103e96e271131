package measures

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// edge is a test edge u–v (u→v when directed) of weight w (0 means 1).
type edge struct {
	u, v string
	w    float64
}

// graphOf builds a graph from labelled edges; extra names isolated nodes.
func graphOf(t testing.TB, directed bool, edges []edge, extra ...string) *network.Graph {
	t.Helper()
	weighted := false
	for _, e := range edges {
		weighted = weighted || e.w != 0
	}
	b := network.NewBuilder(directed, weighted)
	for _, e := range edges {
		w := e.w
		if w == 0 {
			w = 1
		}
		require.NoError(t, b.AddEdge(b.LookupOrAdd(e.u), b.LookupOrAdd(e.v), w))
	}
	for _, x := range extra {
		b.LookupOrAdd(x)
	}
	g, _ := b.Build()
	return g
}

func star(n int) []edge {
	var es []edge
	for k := range n {
		es = append(es, edge{u: "i", v: "l" + strconv.Itoa(k)})
	}
	return es
}

// borgattiEdges is the example graph of Borgatti (1997), "Structural holes:
// unpacking Burt's redundancy measures", Connections 20(1):35–38, as given
// in networkx's test_structuralholes.py.
var borgattiEdges = []edge{{"A", "B", 0}, {"A", "F", 0}, {"A", "G", 0}, {"A", "E", 0}, {"E", "G", 0},
	{"F", "G", 0}, {"B", "G", 0}, {"B", "D", 0}, {"D", "G", 0}, {"G", "C", 0}}

// TestStructuralHand checks Structural on cases small enough to derive by
// hand (derivations beside each case) and on Borgatti's published values.
// Cases run from degenerate to published.
func TestStructuralHand(t *testing.T) {
	nan := math.NaN()
	// Hierarchy of ego i with alters a, b, c and the tie a–b: p = 1/3 each;
	// c_ia = c_ib = (1/3 + 1/3·1/2)² = 1/4, c_ic = 1/9, C = 11/18;
	// r_j = c_ij/(C/3): r_a = r_b = 27/22, r_c = 6/11;
	// H = (2·(27/22)·ln(27/22) + (6/11)·ln(6/11)) / (3·ln 3).
	hier := (2*(27.0/22)*math.Log(27.0/22) + (6.0/11)*math.Log(6.0/11)) / (3 * math.Log(3))
	// Hierarchy of the weighted triangle below: c = (49/81, 49/225), n = 2,
	// r_j = c_j/(C/2).
	cw := []float64{49.0 / 81, 49.0 / 225}
	wHier := 0.0
	for _, c := range cw {
		r := c / ((cw[0] + cw[1]) / 2)
		wHier += r * math.Log(r)
	}
	wHier /= 2 * math.Log(2)
	cases := []struct {
		name     string
		directed bool
		edges    []edge
		extra    []string
		ego      string
		want     Stats
		tol      float64
		source   string
	}{
		{"isolated ego", false, nil, []string{"i"}, "i",
			Stats{Density: nan, EffectiveSize: nan, Efficiency: nan, Constraint: nan, Hierarchy: nan,
				EgoBetweennessNorm: nan, BrokerageNorm: nan, WeightedDensity: nan, Redundancy: nan}, 1e-12,
			"no alters: counts 0, everything normalised by n undefined (SPEC table)"},
		{"one alter", false, []edge{{"i", "a", 0}}, nil, "i",
			Stats{Size: 1, Components: 1, Isolates: 1, EffectiveSize: 1, Efficiency: 1, Constraint: 1,
				Density: nan, Hierarchy: nan, EgoBetweennessNorm: nan, BrokerageNorm: nan, WeightedDensity: nan}, 1e-12,
			"p_ia = 1: constraint 1² = 1; effective size 1 − 0; hierarchy needs n ≥ 2"},
		{"triangle", false, []edge{{"i", "a", 0}, {"i", "b", 0}, {"a", "b", 0}}, nil, "i",
			Stats{Size: 2, Ties: 1, Density: 1, Components: 1, EffectiveSize: 1, Efficiency: 0.5,
				Constraint: 1.125, Redundancy: 1, WeightedDensity: 1}, 1e-12,
			"c_ij = (1/2 + 1/2·1/2)² = 9/16, twice: 9/8; effective size 2 − 2·1/2 = 1; equal c gives hierarchy 0; no broker pair"},
		{"weighted triangle", false, []edge{{"i", "a", 2}, {"i", "b", 1}, {"a", "b", 0.5}}, nil, "i",
			Stats{Size: 2, Ties: 1, Density: 1, Components: 1, EffectiveSize: 19.0 / 12, Efficiency: 19.0 / 24,
				Constraint: 49.0/81 + 49.0/225, Hierarchy: wHier, Redundancy: 5.0 / 12, WeightedDensity: 0.5}, 1e-12,
			"p_ia = 2/3, p_ib = 1/3, p_ab = 0.5/2.5, p_ba = 0.5/1.5: c_ia = (2/3 + 1/3·1/3)² = 49/81, " +
				"c_ib = (1/3 + 2/3·1/5)² = 49/225; m_ab = 0.5/2, m_ba = 0.5/1: effective size 2 − 1/3·1/4 − 2/3·1/2 = 19/12 " +
				"(networkx 2.8.8 constraint 0.8227160493827159, effective_size 1.5833333333333335 with weight='weight'); " +
				"weighted density 0.5/1 (egor ego_density(weight=) sums weights over possible pairs); counts by presence"},
		{"star of 5", false, star(5), nil, "i",
			Stats{Size: 5, Components: 5, Isolates: 5, EffectiveSize: 5, Efficiency: 1, Constraint: 0.2,
				EgoBetweenness: 10, EgoBetweennessNorm: 1, Brokerage: 10, BrokerageNorm: 1}, 1e-12,
			"star with n leaves: constraint n·(1/n)² = 1/n, effective size n, ego betweenness n(n−1)/2 = 10, brokerage 10"},
		{"path through ego plus one tie", false, []edge{{"i", "a", 0}, {"i", "b", 0}, {"i", "c", 0}, {"a", "b", 0}}, nil, "i",
			Stats{Size: 3, Ties: 1, Density: 1.0 / 3, Components: 2, Isolates: 1, EffectiveSize: 7.0 / 3,
				Efficiency: 7.0 / 9, Constraint: 11.0 / 18, Hierarchy: hier, EgoBetweenness: 2, EgoBetweennessNorm: 2.0 / 3,
				Brokerage: 2, BrokerageNorm: 2.0 / 3, Redundancy: 2.0 / 3, WeightedDensity: 1.0 / 3}, 1e-12,
			"effective size 3 − 2·1/3; ego betweenness: {a,c} and {b,c} have only the ego between them; hierarchy as derived above"},
		{"directed geodesic of length 3 through the ego", true,
			[]edge{{"j", "x", 0}, {"x", "i", 0}, {"i", "l", 0}, {"i", "j", 0}}, nil, "i",
			Stats{Size: 3, Ties: 1, Density: 1.0 / 6, Components: 2, Isolates: 1, EffectiveSize: 7.0 / 3,
				Efficiency: 7.0 / 9, Constraint: 11.0 / 18, Hierarchy: hier, EgoBetweenness: 3, EgoBetweennessNorm: 0.5,
				Brokerage: 5, BrokerageNorm: 5.0 / 6, Redundancy: 2.0 / 3, WeightedDensity: 1.0 / 6}, 1e-12,
			"shortest j→l is j→x→i→l (length 3) and x→j, x→l go x→i→·: ego betweenness 3 " +
				"(networkx 2.8.8 betweenness_centrality(ego_graph(G,'i',undirected=True), normalized=False)['i'] = 3.0); " +
				"mutual weights make Burt's measures those of the undirected case above (networkx constraint 0.6111, effective_size 2.3333)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := graphOf(t, c.directed, c.edges, c.extra...)
			ego, ok := g.Lookup(c.ego)
			require.True(t, ok)
			assertStats(t, c.want, Structural(g, ego), c.tol, c.source)
		})
	}
}

// assertStats compares every field of two Stats (NaN equal to NaN).
func assertStats(t *testing.T, want, got Stats, tol float64, source string) {
	t.Helper()
	fields := []struct {
		name string
		w, g float64
	}{
		{"Size", want.Size, got.Size}, {"Ties", want.Ties, got.Ties}, {"Density", want.Density, got.Density},
		{"Components", want.Components, got.Components}, {"Isolates", want.Isolates, got.Isolates},
		{"EffectiveSize", want.EffectiveSize, got.EffectiveSize}, {"Efficiency", want.Efficiency, got.Efficiency},
		{"Constraint", want.Constraint, got.Constraint}, {"Hierarchy", want.Hierarchy, got.Hierarchy},
		{"EgoBetweenness", want.EgoBetweenness, got.EgoBetweenness},
		{"EgoBetweennessNorm", want.EgoBetweennessNorm, got.EgoBetweennessNorm},
		{"Brokerage", want.Brokerage, got.Brokerage}, {"BrokerageNorm", want.BrokerageNorm, got.BrokerageNorm},
		{"WeightedDensity", want.WeightedDensity, got.WeightedDensity}, {"Redundancy", want.Redundancy, got.Redundancy},
	}
	for _, f := range fields {
		if math.IsNaN(f.w) {
			assert.True(t, math.IsNaN(f.g), "%s: got %v, want NaN (%s)", f.name, f.g, source)
			continue
		}
		assert.InDelta(t, f.w, f.g, tol, "%s: got %v, want %v (%s)", f.name, f.g, f.w, source)
	}
}

// TestBorgattiPublished checks the values printed in Borgatti (1997),
// Connections 20(1):35–38, for its example graph: node G constraint 0.400
// and effective size 4.67, node A constraint 0.595 and effective size
// 2.50 (given to 3 digits, so tolerance half a unit in the last digit).
func TestBorgattiPublished(t *testing.T) {
	g := graphOf(t, false, borgattiEdges)
	for _, c := range []struct {
		node           string
		constraint, es float64
		tolC, tolE     float64
	}{
		{"G", 0.400, 4.67, 5e-4, 5e-3},
		{"A", 0.595, 2.50, 5e-4, 5e-3},
	} {
		v, _ := g.Lookup(c.node)
		st := Structural(g, v)
		assert.InDelta(t, c.constraint, st.Constraint, c.tolC, "%s constraint: got %v, want %v (Borgatti 1997)", c.node, st.Constraint, c.constraint)
		assert.InDelta(t, c.es, st.EffectiveSize, c.tolE, "%s effective size: got %v, want %v (Borgatti 1997)", c.node, st.EffectiveSize, c.es)
	}
}

// TestOfSurvey checks Of on survey ego networks: the ego–alter weights
// enter Burt's measures only; self ties are dropped and duplicates merged.
func TestOfSurvey(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{AlterWeighted: true, TieWeighted: true})
	require.NoError(t, b.AddEgo("e", "", nil))
	require.NoError(t, b.AddAlter("e", "", "a", 3, nil))
	require.NoError(t, b.AddAlter("e", "", "b", 1, nil))
	require.NoError(t, b.AddTie("e", "", "a", "a", 1, nil)) // self tie: dropped
	ds, stats := b.Build()
	assert.Equal(t, 1, stats.SelfLoops)
	st := Of(ds.Egos[0])
	// p_ia = 3/4, p_ib = 1/4, no alter–alter tie: constraint 9/16 + 1/16 =
	// 5/8; effective size 2 (no redundancy); counts by presence.
	assertStats(t, Stats{Size: 2, Components: 2, Isolates: 2, EffectiveSize: 2, Efficiency: 1, Constraint: 0.625,
		Hierarchy:      ((1.8 * math.Log(1.8)) + 0.2*math.Log(0.2)) / (2 * math.Log(2)),
		EgoBetweenness: 1, EgoBetweennessNorm: 1, Brokerage: 1, BrokerageNorm: 1},
		st, 1e-12, "hand: r_a = (9/16)/(5/16) = 1.8, r_b = 0.2")
}

// TestStructuralInvariants checks, on seeded random graphs (undirected and
// directed, weighted, with isolates): density and normalised brokerage in
// [0,1]; effective size ≤ size; efficiency ≤ 1; components ≤ size;
// isolates ≤ components; and that relabelling the nodes and shuffling the
// edge rows (reversing some undirected ones) leaves every node's measures
// unchanged.
func TestStructuralInvariants(t *testing.T) {
	for _, directed := range []bool{false, true} {
		t.Run(fmt.Sprintf("directed=%v", directed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(42, uint64(len(fmt.Sprint(directed)))))
			const n = 120
			var es []edge
			for range 500 {
				u, v := r.IntN(n), r.IntN(n)
				es = append(es, edge{u: "n" + strconv.Itoa(u), v: "n" + strconv.Itoa(v), w: float64(1 + r.IntN(4))})
			}
			var all []string
			for v := range n + 10 { // 10 isolates beyond the edges' nodes
				all = append(all, "n"+strconv.Itoa(v))
			}
			g := graphOf(t, directed, es, all...)
			base, err := AllNodes(context.Background(), g, AllNodesOptions{})
			require.NoError(t, err)
			for v, st := range base {
				if st.Size >= 2 {
					assert.True(t, st.Density >= 0 && st.Density <= 1, "density %v", st.Density)
					assert.True(t, st.BrokerageNorm >= 0 && st.BrokerageNorm <= 1)
				}
				if st.Size > 0 {
					assert.LessOrEqual(t, st.EffectiveSize, st.Size+1e-12, "node %d", v)
					assert.LessOrEqual(t, st.Efficiency, 1+1e-12)
				}
				assert.LessOrEqual(t, st.Components, st.Size)
				assert.LessOrEqual(t, st.Isolates, st.Components)
			}

			// Relabel (reverse the label order) and shuffle the rows.
			shuffled := slices.Clone(es)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			relabel := func(s string) string { return "x" + s }
			for i := range shuffled {
				shuffled[i].u, shuffled[i].v = relabel(shuffled[i].u), relabel(shuffled[i].v)
				if !directed && r.IntN(2) == 0 {
					shuffled[i].u, shuffled[i].v = shuffled[i].v, shuffled[i].u
				}
			}
			var extra []string
			for _, s := range slices.Backward(all) {
				extra = append(extra, relabel(s))
			}
			h := graphOf(t, directed, shuffled, extra...)
			other, err := AllNodes(context.Background(), h, AllNodesOptions{})
			require.NoError(t, err)
			for v := range base {
				w, ok := h.Lookup(relabel(g.Label(v)))
				require.True(t, ok)
				assertStats(t, base[v], other[w], 1e-9, "relabelled and shuffled node "+g.Label(v))
			}
		})
	}
}

// TestOfEqualsGraphPath checks that Of, which lays the ego graph out
// itself, gives bit-for-bit the Stats of Structural on e.Graph() for every
// ego of the random study and of both reference studies (weighted,
// directed, zero- and one-alter egos), and that a hand-built EgoNet with
// unsorted ties takes the e.Graph() path with the same result.
func TestOfEqualsGraphPath(t *testing.T) {
	var studies []*network.Dataset
	studies = append(studies, randomStudy(9, 200))
	for _, c := range []struct {
		name     string
		directed bool
	}{{"study", false}, {"study_directed", true}} {
		p := func(s string) string { return refDir + "/" + c.name + "." + s + ".csv" }
		ds, _, err := network.ReadEgoCSV(p("egos"), p("alters"), p("aaties"), network.EgoCSVOptions{AlterWeight: "closeness", Directed: c.directed})
		require.NoError(t, err)
		studies = append(studies, ds)
	}
	same := func(a, b Stats) bool {
		fa, fb := []float64{a.Size, a.Ties, a.Density, a.Components, a.Isolates, a.EffectiveSize, a.Efficiency,
			a.Constraint, a.Hierarchy, a.EgoBetweenness, a.EgoBetweennessNorm, a.Brokerage, a.BrokerageNorm,
			a.WeightedDensity, a.Redundancy}, []float64{b.Size, b.Ties, b.Density, b.Components, b.Isolates,
			b.EffectiveSize, b.Efficiency, b.Constraint, b.Hierarchy, b.EgoBetweenness, b.EgoBetweennessNorm,
			b.Brokerage, b.BrokerageNorm, b.WeightedDensity, b.Redundancy}
		for i := range fa {
			if fa[i] != fb[i] && !(math.IsNaN(fa[i]) && math.IsNaN(fb[i])) {
				return false
			}
		}
		return true
	}
	for _, ds := range studies {
		for _, e := range ds.Egos {
			require.True(t, canonicalTies(e), "ego %s: the builder leaves ties canonical", e.ID)
			want := Structural(e.Graph(), e.EgoNode())
			assert.True(t, same(want, Of(e)), "ego %s: got %+v, want %+v", e.ID, Of(e), want)
		}
	}
	// A hand-made permutation of one ego's ties is not canonical.
	for _, e := range studies[1].Egos {
		if len(e.Ties) >= 2 {
			want := Of(e)
			e.Ties[0], e.Ties[1] = e.Ties[1], e.Ties[0]
			assert.False(t, canonicalTies(e))
			assert.True(t, same(want, Of(e)), "unsorted ties: same measures through e.Graph()")
			e.Ties[0], e.Ties[1] = e.Ties[1], e.Ties[0]
			break
		}
	}
}

// TestZeroWeightTies pins down what a tie of weight 0 is: present. It
// counts in size, ties, density, components, ego betweenness and brokerage
// (which count ties by presence), and adds 0 to Burt's p and m, as in
// networkx and igraph, where an edge with weight 0 is still an edge.
// Provenance of the Burt values: networkx 2.8.8 (/usr/bin/python3),
// nx.constraint(G, weight="weight")["i"] and nx.effective_size(G,
// weight="weight")["i"] on the same graphs, and python-igraph 0.10.2
// Graph.constraint(weights=...)[0] for the first two; the counts and the
// hierarchy are derived beside each case.
func TestZeroWeightTies(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name   string
		edges  []edge // weights as given, 0 kept
		want   Stats
		source string
	}{
		{"every ego tie has weight 0", []edge{{"i", "a", 0}, {"i", "b", 0}},
			Stats{Size: 2, Density: 0, Components: 2, Isolates: 2, EffectiveSize: 2, Efficiency: 1, Constraint: 0,
				Hierarchy: nan, EgoBetweenness: 1, EgoBetweennessNorm: 1, Brokerage: 1, BrokerageNorm: 1,
				WeightedDensity: 0, Redundancy: 0},
			"S_i = 0, so p_ij = 0 (networkx: 0 when the scale is 0): constraint 0, effective size 2 − 0 " +
				"(networkx 2.8.8: 0 and 2); hierarchy divides by C = 0: NaN; the pair {a,b} is open: ego betweenness 1"},
		{"one ego tie of weight 0", []edge{{"i", "a", 0}, {"i", "b", 1}},
			Stats{Size: 2, Density: 0, Components: 2, Isolates: 2, EffectiveSize: 2, Efficiency: 1, Constraint: 1,
				Hierarchy: 1, EgoBetweenness: 1, EgoBetweennessNorm: 1, Brokerage: 1, BrokerageNorm: 1,
				WeightedDensity: 0, Redundancy: 0},
			"p_ia = 0, p_ib = 1: c_ia = 0, c_ib = 1, constraint 1 (networkx 2.8.8 1.0, local_constraint 0.0 and 1.0; " +
				"igraph 0.10.2 1.0); effective size 2 (networkx 2.0); r = (0, 2): hierarchy 2·ln 2/(2·ln 2) = 1; a still counts as an alter"},
		{"alter-alter tie of weight 0", []edge{{"i", "a", 1}, {"i", "b", 1}, {"a", "b", 0}},
			Stats{Size: 2, Ties: 1, Density: 1, Components: 1, EffectiveSize: 2, Efficiency: 1, Constraint: 0.5,
				Hierarchy: 0, WeightedDensity: 0, Redundancy: 0},
			"a–b is present: ties 1, density 1, one component, no open pair (ego betweenness 0, brokerage 0); " +
				"p_ab = m_ab = 0: c_ia = c_ib = (1/2)² = 1/4, constraint 0.5, effective size 2 " +
				"(networkx 2.8.8: 0.5 and 2.0, nx.density 1.0; igraph 0.10.2 constraint 0.5); weighted density 0/1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := network.NewBuilder(false, true)
			for _, e := range c.edges {
				require.NoError(t, b.AddEdge(b.LookupOrAdd(e.u), b.LookupOrAdd(e.v), e.w))
			}
			g, _ := b.Build()
			ego, ok := g.Lookup("i")
			require.True(t, ok)
			assertStats(t, c.want, Structural(g, ego), 1e-12, c.source)
		})
	}
}

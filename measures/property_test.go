package measures

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Property tests: invariants that hold for every input, checked on seeded
// random models (so a failure reproduces). The all-nodes-equals-per-ego
// property lives with the all-nodes engine's tests.

// randomEgoRows is a generated survey study as rows, before building, so
// that the same study can be built with its rows in another order and its
// alters under other names.
type randomEgoRows struct {
	directed, alterWeighted, tieWeighted bool
	egos                                 []randomEgo
}

type randomEgo struct {
	id, sex string
	alters  []randomAlter
	ties    []randomTie // may hold self-ties and duplicates
}

type randomAlter struct {
	id, sex, age string
	weight       float64
}

type randomTie struct {
	from, to int
	weight   float64
}

var (
	sexes   = []string{"f", "m", "x", ""} // "" is missing
	weights = []float64{0, 0.5, 1, 1, 2, 3.75}
)

// genEgoRows draws a study of up to 6 egos with 0–9 alters each (sizes 0
// and 1 come up often), ties drawn with probability dens, some self-ties
// and duplicates.
func genEgoRows(r *rand.Rand) randomEgoRows {
	s := randomEgoRows{directed: r.IntN(2) == 0, alterWeighted: r.IntN(2) == 0, tieWeighted: r.IntN(2) == 0}
	for e := range 1 + r.IntN(6) {
		eg := randomEgo{id: "e" + strconv.Itoa(e), sex: sexes[r.IntN(3)]}
		n := r.IntN(10)
		for a := range n {
			al := randomAlter{id: "a" + strconv.Itoa(a), sex: sexes[r.IntN(4)], age: strconv.Itoa(18 + r.IntN(70)), weight: 1}
			if r.IntN(5) == 0 {
				al.age = "NA"
			}
			if s.alterWeighted {
				al.weight = weights[1+r.IntN(len(weights)-1)] // positive: an ego with no weight to its alters is its own case below
			}
			eg.alters = append(eg.alters, al)
		}
		dens := r.Float64()
		for i := range n {
			for j := range n {
				if i == j || (!s.directed && j < i) || r.Float64() >= dens {
					continue
				}
				t := randomTie{from: i, to: j, weight: 1}
				if s.tieWeighted {
					t.weight = weights[r.IntN(len(weights))]
				}
				eg.ties = append(eg.ties, t)
			}
		}
		if n > 0 && r.IntN(3) == 0 {
			i := r.IntN(n)
			eg.ties = append(eg.ties, randomTie{from: i, to: i, weight: 1})
		}
		if len(eg.ties) > 0 && r.IntN(3) == 0 {
			eg.ties = append(eg.ties, eg.ties[r.IntN(len(eg.ties))])
		}
		s.egos = append(s.egos, eg)
	}
	return s
}

// build builds the study. With shuffle, alters and ties are added in a
// random order, undirected ties with their endpoints swapped at random, and
// every alter gets a new name; egos keep their order.
func (s randomEgoRows) build(t testing.TB, shuffle *rand.Rand) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{Directed: s.directed, AlterWeighted: s.alterWeighted, TieWeighted: s.tieWeighted})
	b.EgoAttrs().Add("sex")
	b.AlterAttrs().Add("sex")
	b.AlterAttrs().Add("age")
	for _, e := range s.egos {
		require.NoError(t, b.AddEgo(e.id, "", network.NewAttrs(b.EgoAttrs(), map[string]string{"sex": e.sex})))
	}
	for _, e := range s.egos {
		order := make([]int, len(e.alters))
		for i := range order {
			order[i] = i
		}
		name := func(i int) string { return e.alters[i].id }
		if shuffle != nil {
			shuffle.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			name = func(i int) string { return "renamed-" + strconv.Itoa(len(e.alters)-i) }
		}
		for _, i := range order {
			a := e.alters[i]
			require.NoError(t, b.AddAlter(e.id, "", name(i), a.weight, network.NewAttrs(b.AlterAttrs(), map[string]string{"sex": a.sex, "age": a.age})))
		}
		ties := append([]randomTie(nil), e.ties...)
		if shuffle != nil {
			shuffle.Shuffle(len(ties), func(i, j int) { ties[i], ties[j] = ties[j], ties[i] })
		}
		for _, tie := range ties {
			f, to := tie.from, tie.to
			if shuffle != nil && !s.directed && shuffle.IntN(2) == 0 {
				f, to = to, f
			}
			require.NoError(t, b.AddTie(e.id, "", name(f), name(to), tie.weight, nil))
		}
	}
	ds, _ := b.Build()
	return ds
}

// statsFields lists every field of Stats by name, for comparisons and bounds.
func statsFields(st Stats) map[string]float64 {
	return map[string]float64{
		"Size": st.Size, "Ties": st.Ties, "Density": st.Density, "Components": st.Components, "Isolates": st.Isolates,
		"EffectiveSize": st.EffectiveSize, "Efficiency": st.Efficiency, "Constraint": st.Constraint, "Hierarchy": st.Hierarchy,
		"EgoBetweenness": st.EgoBetweenness, "EgoBetweennessNorm": st.EgoBetweennessNorm, "Brokerage": st.Brokerage,
		"BrokerageNorm": st.BrokerageNorm, "WeightedDensity": st.WeightedDensity, "Redundancy": st.Redundancy,
	}
}

// sameFloat reports whether x and y agree to 1e-9 relative (NaN equals NaN):
// reordering rows reorders floating-point sums.
func sameFloat(x, y float64) bool {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.IsNaN(x) && math.IsNaN(y)
	}
	return math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
}

func assertSameStats(t *testing.T, want, got Stats, msg string) {
	t.Helper()
	g := statsFields(got)
	for name, w := range statsFields(want) {
		assert.True(t, sameFloat(w, g[name]), "%s: %s got %v want %v", msg, name, g[name], w)
	}
}

// Of is a function of the ego network, not of how its rows were ordered or
// what its alters are called.
func TestPropertyOfInvariantUnderRelabelAndShuffle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		rows := genEgoRows(r)
		a := rows.build(t, nil)
		b := rows.build(t, rand.New(rand.NewPCG(uint64(trial), 7)))
		for i := range a.Egos {
			assertSameStats(t, Of(a.Egos[i]), Of(b.Egos[i]), fmt.Sprintf("trial %d ego %s", trial, a.Egos[i].ID))
		}
	}
}

// The batch table, structural and compositional columns alike, is invariant
// under relabelling alters and shuffling the rows.
func TestPropertyEgoTableInvariantUnderRelabelAndShuffle(t *testing.T) {
	specs, err := ParseList("size,ties,density,constraint,effective_size,ego_betweenness,blau(sex),iqv(sex),entropy(sex),richness(sex),prop(sex=f),count(sex=f|m),mean(age),sd(age),count(age>=65),bonding(sex),bridging(sex),ei(sex),ei_alters(sex)")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		rows := genEgoRows(r)
		a, err := EgoTable(context.Background(), rows.build(t, nil), specs, TableOptions{Workers: 1})
		require.NoError(t, err)
		b, err := EgoTable(context.Background(), rows.build(t, rand.New(rand.NewPCG(uint64(trial), 9))), specs, TableOptions{Workers: 1})
		require.NoError(t, err)
		require.Equal(t, a.Keys, b.Keys)
		for i := range a.Values {
			for c, col := range a.Columns {
				assert.True(t, sameFloat(a.Values[i][c], b.Values[i][c]), "trial %d ego %s %s: got %v want %v", trial, a.Keys[i][0], col, b.Values[i][c], a.Values[i][c])
			}
		}
	}
}

// checkBounds checks the bounds every ego's measures obey:
//
//	0 ≤ density ≤ 1                  (ties ≤ possible pairs)
//	effective size ≤ size            (each alter adds 1 − redundancy, redundancy ≥ 0)
//	0 ≤ efficiency ≤ 1
//	constraint ≥ 1/size              when ego's ties have positive total weight
//	0 ≤ hierarchy ≤ 1
//	0 ≤ ego betweenness ≤ n(n−1)/2   (n(n−1) directed: one term ≤ 1 per pair)
//
// Constraint: with p_ij ≥ 0 and Σ_j p_ij = 1, constraint = Σ_j (p_ij +
// indirect_ij)² ≥ Σ_j p_ij² ≥ (Σ_j p_ij)²/n = 1/n by Cauchy–Schwarz, since
// indirect terms are non-negative. This holds for weighted and directed
// data alike: p_ij = (a_ij + a_ji)/Σ_k (a_ik + a_ki) always sums to 1 over
// N(i) (Burt 1992, Structural Holes, ch. 2; the star's 1/n is the minimum).
// It fails only when all of ego's ties have weight 0: p is then 0/0, which
// the kernel takes as 0 (networkx's normalized_mutual_weight does the
// same), so constraint is 0.
//
// Hierarchy: r_j ≥ 0 with mean 1, so Σ r_j ln r_j ≥ 0 by Jensen and
// ≤ n ln n (all weight on one alter).
func checkBounds(t *testing.T, st Stats, egoStrength float64, directed bool, msg string) {
	t.Helper()
	n := st.Size
	const eps = 1e-12
	if n >= 2 {
		assert.True(t, st.Density >= 0 && st.Density <= 1, "%s: density %v", msg, st.Density)
	} else {
		assert.True(t, math.IsNaN(st.Density), "%s: density %v with n=%v, want NaN", msg, st.Density, n)
	}
	if n == 0 {
		assert.True(t, math.IsNaN(st.EffectiveSize) && math.IsNaN(st.Constraint), "%s: Burt's measures of an ego without alters %v %v, want NaN", msg, st.EffectiveSize, st.Constraint)
		return
	}
	assert.LessOrEqual(t, st.EffectiveSize, n+eps, "%s: effective size %v > size %v", msg, st.EffectiveSize, n)
	assert.True(t, st.Efficiency <= 1+eps, "%s: efficiency %v", msg, st.Efficiency)
	if egoStrength > 0 {
		assert.GreaterOrEqual(t, st.Constraint, 1/n-eps, "%s: constraint %v < 1/size %v", msg, st.Constraint, 1/n)
	} else {
		assert.Equal(t, 0.0, st.Constraint, "%s: constraint with zero total weight", msg)
	}
	if n >= 2 && st.Constraint > 0 {
		assert.True(t, st.Hierarchy >= -eps && st.Hierarchy <= 1+eps, "%s: hierarchy %v", msg, st.Hierarchy)
	}
	pairs := n * (n - 1) / 2
	if directed {
		pairs *= 2
	}
	assert.True(t, st.EgoBetweenness >= 0 && st.EgoBetweenness <= pairs+eps, "%s: ego betweenness %v of %v pairs", msg, st.EgoBetweenness, pairs)
}

func TestPropertyStructuralBoundsEgoNets(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		ds := genEgoRows(r).build(t, nil)
		for _, e := range ds.Egos {
			var strength float64
			for _, a := range e.Alters {
				strength += a.Weight
			}
			checkBounds(t, Of(e), strength, ds.Directed, fmt.Sprintf("trial %d ego %s", trial, e.ID))
		}
	}
}

// genGraph draws a whole network of up to 40 nodes, directed or not,
// weighted (weights from {0, 0.5, 1, 2, 3.75}) or not, with self-loops and
// duplicates among the edges, and returns the node labels and edges as
// added so that the same graph can be rebuilt under a permutation.
type randomEdge struct {
	u, v int
	w    float64
}

func genGraph(r *rand.Rand) (n int, directed, weighted bool, edges []randomEdge) {
	n = r.IntN(40)
	directed, weighted = r.IntN(2) == 0, r.IntN(2) == 0
	if n == 0 {
		return
	}
	m := r.IntN(4 * n)
	for range m {
		e := randomEdge{u: r.IntN(n), v: r.IntN(n), w: 1}
		if weighted {
			e.w = weights[r.IntN(len(weights))]
		}
		edges = append(edges, e)
	}
	return
}

// buildGraph builds the graph with node i labelled "n<i>", adding nodes in
// the order perm (identity when nil) and edges in the order given.
func buildGraph(t testing.TB, n int, directed, weighted bool, edges []randomEdge, perm []int) *network.Graph {
	b := network.NewBuilder(directed, weighted)
	if perm == nil {
		perm = make([]int, n)
		for i := range perm {
			perm[i] = i
		}
	}
	for _, i := range perm {
		b.LookupOrAdd("n" + strconv.Itoa(i))
	}
	for _, e := range edges {
		u, _ := b.LookupOrAdd("n"+strconv.Itoa(e.u)), 0
		v := b.LookupOrAdd("n" + strconv.Itoa(e.v))
		require.NoError(t, b.AddEdge(u, v, e.w))
	}
	g, _ := b.Build()
	return g
}

// Structural on a whole network is invariant under renumbering the nodes
// and reordering the edges, and obeys the bounds of checkBounds.
func TestPropertyStructuralWholeNetwork(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 200 {
		n, directed, weighted, edges := genGraph(r)
		g := buildGraph(t, n, directed, weighted, edges, nil)
		perm := r.Perm(n)
		shuffled := append([]randomEdge(nil), edges...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		h := buildGraph(t, n, directed, weighted, shuffled, perm)
		for v := range n {
			hv, ok := h.Lookup(g.Label(v))
			require.True(t, ok)
			st := Structural(g, v)
			msg := fmt.Sprintf("trial %d node %s (directed %v weighted %v)", trial, g.Label(v), directed, weighted)
			assertSameStats(t, st, Structural(h, hv), msg)
			var strength float64
			for _, u := range g.Neighbors(v) {
				w, _ := g.EdgeWeight(v, u)
				strength += w
			}
			if directed {
				for _, u := range g.InNeighbors(v) {
					w, _ := g.EdgeWeight(u, v)
					strength += w
				}
			}
			checkBounds(t, st, strength, directed, msg)
		}
	}
}

// The compositional measures obey their bounds on every ego:
//
//	0 ≤ blau < 1        (1 − Σ p_k², Σ p_k = 1 over at least one value)
//	0 ≤ iqv ≤ 1         (blau scaled by K/(K−1), its maximum)
//	−1 ≤ ei ≤ 1, −1 ≤ ei_alters ≤ 1   ((E − I)/(E + I) with E, I ≥ 0)
//	0 ≤ prop ≤ 1; bonding + bridging ≤ size
func TestPropertyCompositionalBounds(t *testing.T) {
	specs, err := ParseList("size,blau(sex),iqv(sex),ei(sex),ei_alters(sex),prop(sex=f),bonding(sex),bridging(sex)")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(9, 10))
	for trial := range 300 {
		tab, err := EgoTable(context.Background(), genEgoRows(r).build(t, nil), specs, TableOptions{Workers: 1})
		require.NoError(t, err)
		for i, row := range tab.Values {
			msg := fmt.Sprintf("trial %d ego %s", trial, tab.Keys[i][0])
			size, blau, iqv, ei, eia, prop, bond, bridge := row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7]
			inRange := func(name string, x, lo, hi float64) {
				if !math.IsNaN(x) {
					assert.True(t, x >= lo-1e-12 && x <= hi+1e-12, "%s: %s %v not in [%v, %v]", msg, name, x, lo, hi)
				}
			}
			inRange("blau", blau, 0, 1)
			assert.False(t, blau >= 1, "%s: blau %v, want < 1", msg, blau)
			inRange("iqv", iqv, 0, 1)
			inRange("ei", ei, -1, 1)
			inRange("ei_alters", eia, -1, 1)
			inRange("prop", prop, 0, 1)
			if !math.IsNaN(bond) {
				assert.LessOrEqual(t, bond+bridge, size, "%s: bonding %v + bridging %v > size %v", msg, bond, bridge, size)
			}
		}
	}
}

// NodeTable (whole-network model, structural and compositional columns) is
// invariant under renumbering the nodes and reordering the edges: each
// node's row, found by its label, is the same.
func TestPropertyNodeTableInvariantUnderRelabelAndShuffle(t *testing.T) {
	specs, err := ParseList("size,ties,density,effective_size,constraint,hierarchy,ego_betweenness,blau(group),richness(group),prop(group=a),mean(score),ei(group),ei_alters(group),bonding(group)")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(23, 24))
	for trial := range 100 {
		n, directed, weighted, edges := genGraph(r)
		if n == 0 {
			continue
		}
		groups := make([]string, n)
		scores := make([]string, n)
		for i := range n {
			groups[i] = []string{"a", "b", "c", ""}[r.IntN(4)]
			scores[i] = strconv.Itoa(r.IntN(100))
		}
		withAttrs := func(g *network.Graph) *network.Graph {
			// Rebuild with attributes: Builder.SetAttr needs the builder,
			// so build again from the graph's rows.
			b := network.NewBuilder(directed, weighted)
			b.DeclareAttr("group")
			b.DeclareAttr("score")
			for v := range g.Order() {
				u := b.LookupOrAdd(g.Label(v))
				i, _ := strconv.Atoi(g.Label(v)[1:])
				b.SetAttr(u, "group", network.ParseValue(groups[i]))
				b.SetAttr(u, "score", network.ParseValue(scores[i]))
			}
			for v := range g.Order() {
				for _, x := range g.Neighbors(v) {
					if directed || x > v {
						w, _ := g.EdgeWeight(v, x)
						require.NoError(t, b.AddEdge(v, x, w))
					}
				}
			}
			out, _ := b.Build()
			return out
		}
		g := withAttrs(buildGraph(t, n, directed, weighted, edges, nil))
		shuffled := append([]randomEdge(nil), edges...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		h := withAttrs(buildGraph(t, n, directed, weighted, shuffled, r.Perm(n)))
		a, err := NodeTable(context.Background(), g, specs, TableOptions{Workers: 1})
		require.NoError(t, err)
		b, err := NodeTable(context.Background(), h, specs, TableOptions{Workers: 2})
		require.NoError(t, err)
		rowOf := map[string]int{}
		for i, k := range b.Keys {
			rowOf[k[0]] = i
		}
		for i, k := range a.Keys {
			j, ok := rowOf[k[0]]
			require.True(t, ok, "node %s missing", k[0])
			for c, col := range a.Columns {
				assert.True(t, sameFloat(a.Values[i][c], b.Values[j][c]), "trial %d node %s %s: got %v want %v", trial, k[0], col, b.Values[j][c], a.Values[i][c])
			}
		}
	}
}

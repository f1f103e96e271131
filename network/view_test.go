package network

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/sociogram/sociogram/internal/csr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/encoding/dot"
	gnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/testgraph"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/graph/traverse"
)

// The views must satisfy exactly one reading each.
func TestViewsSatisfyOneReading(t *testing.T) {
	g, _ := build(t, true, false, [][2]string{{"a", "b"}}, nil)
	var x any = g
	_, isU := x.(graph.Undirected)
	_, isD := x.(graph.Directed)
	assert.False(t, isU || isD, "*Graph itself is no gonum graph")
	x = g.AsUndirected()
	_, isD = x.(graph.Directed)
	assert.False(t, isD, "the undirected view is not graph.Directed")
	x = g.AsDirected()
	_, isU = x.(graph.Undirected)
	assert.False(t, isU, "the directed view is not graph.Undirected")
}

// viewBuilder returns a testgraph.Builder that builds a gonum simple graph
// (directed or not) from the test case, brings it in with FromGonum, and
// returns view(g). The nodes are renumbered 0..n−1 in ascending order of
// the test's IDs (FromGonum's numbering), and the expected edges are those
// the view should show: the input edges, their weak projection (weights
// summed) or each edge as two arcs.
func viewBuilder(directedIn, undirectedView bool) testgraph.Builder {
	return func(nodes []graph.Node, edges []testgraph.WeightedLine, _, _ float64) (graph.Graph, []graph.Node, []testgraph.Edge, float64, float64, bool) {
		ids := map[int64]bool{}
		for _, n := range nodes {
			ids[n.ID()] = true
		}
		// The last weight given to a pair wins, as in gonum's simple graphs.
		type pair struct{ u, v int64 }
		w := map[pair]float64{}
		var order []pair
		for _, e := range edges {
			u, v := e.From().ID(), e.To().ID()
			if u == v {
				continue
			}
			x := e.Weight()
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return nil, nil, nil, 0, 0, false
			}
			ids[u], ids[v] = true, true
			p := pair{u, v}
			if !directedIn && u > v {
				p = pair{v, u}
			}
			if _, ok := w[p]; !ok {
				order = append(order, p)
			}
			w[p] = x
		}
		if len(order) == 0 && len(edges) != 0 {
			return nil, nil, nil, 0, 0, false
		}
		var src graph.Graph
		if directedIn {
			s := simple.NewWeightedDirectedGraph(0, math.Inf(1))
			for id := range ids {
				s.AddNode(simple.Node(id))
			}
			for _, p := range order {
				s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(p.u), simple.Node(p.v), w[p]))
			}
			src = s
		} else {
			s := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
			for id := range ids {
				s.AddNode(simple.Node(id))
			}
			for _, p := range order {
				s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(p.u), simple.Node(p.v), w[p]))
			}
			src = s
		}
		g, err := FromGonum(src, FromGonumOptions{})
		if err != nil {
			panic(err)
		}
		sorted := make([]int64, 0, len(ids))
		for id := range ids {
			sorted = append(sorted, id)
		}
		slices.Sort(sorted)
		idx := map[int64]int64{}
		var ns []graph.Node
		for i, id := range sorted {
			idx[id] = int64(i)
			ns = append(ns, simple.Node(i))
		}
		edge := func(u, v int64, x float64) testgraph.Edge {
			return simple.WeightedEdge{F: simple.Node(idx[u]), T: simple.Node(idx[v]), W: x}
		}
		var want []testgraph.Edge
		var view graph.Graph
		switch {
		case undirectedView && directedIn:
			view = g.AsUndirected()
			sum := map[pair]float64{}
			var keys []pair
			for _, p := range order {
				k := p
				if k.u > k.v {
					k = pair{p.v, p.u}
				}
				if _, ok := sum[k]; !ok {
					keys = append(keys, k)
				}
				sum[k] += w[p]
			}
			for _, k := range keys {
				want = append(want, edge(k.u, k.v, sum[k]))
			}
		case undirectedView:
			view = g.AsUndirected()
			for _, p := range order {
				want = append(want, edge(p.u, p.v, w[p]))
			}
		case directedIn:
			view = g.AsDirected()
			for _, p := range order {
				want = append(want, edge(p.u, p.v, w[p]))
			}
		default:
			view = g.AsDirected()
			for _, p := range order {
				want = append(want, edge(p.u, p.v, w[p]), edge(p.v, p.u, w[p]))
			}
		}
		return view, ns, want, 0, math.Inf(1), true
	}
}

// TestViewConformance runs gonum's graph/testgraph conformance suite
// (gonum v0.17.0) on both views of directed and undirected graphs.
func TestViewConformance(t *testing.T) {
	for _, c := range []struct {
		name                       string
		directedIn, undirectedView bool
	}{
		{"undirected graph, undirected view", false, true},
		{"directed graph, directed view", true, false},
		{"directed graph, undirected view (weak projection)", true, true},
		{"undirected graph, directed view (two arcs per edge)", false, false},
	} {
		b := viewBuilder(c.directedIn, c.undirectedView)
		t.Run(c.name, func(t *testing.T) {
			t.Run("EdgeExistence", func(t *testing.T) { testgraph.EdgeExistence(t, b, true) })
			t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, b) })
			t.Run("ReturnAdjacentNodes", func(t *testing.T) { testgraph.ReturnAdjacentNodes(t, b, true, true) })
			t.Run("ReturnAllEdges", func(t *testing.T) { testgraph.ReturnAllEdges(t, b, true) })
			t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, b, true) })
			t.Run("ReturnAllWeightedEdges", func(t *testing.T) { testgraph.ReturnAllWeightedEdges(t, b, true) })
			t.Run("ReturnEdgeSlice", func(t *testing.T) { testgraph.ReturnEdgeSlice(t, b, true) })
			t.Run("ReturnWeightedEdgeSlice", func(t *testing.T) { testgraph.ReturnWeightedEdgeSlice(t, b, true) })
			t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, b, true) })
			t.Run("Weight", func(t *testing.T) { testgraph.Weight(t, b) })
		})
	}
}

// interopEdges is the fixture of the interop tests: 7 nodes a..g, arcs
// with weights, a mutual pair (b⇄c, weights 2 and 3) and an isolate g.
var interopEdges = []struct {
	u, v string
	w    float64
}{
	{"a", "b", 1}, {"b", "c", 2}, {"c", "b", 3}, {"c", "d", 1.5}, {"d", "a", 4},
	{"d", "e", 1}, {"f", "e", 2.5}, {"e", "f", 0.5},
}

// interopGraphs builds the fixture as a Graph (directed or not) and as the
// reference gonum simple graphs with the same node numbering: the directed
// arcs, and their weak projection with the weights of arcs between the same
// two nodes summed (an undirected input merges them the same way).
func interopGraphs(t *testing.T, directed bool) (*Graph, *simple.WeightedDirectedGraph, *simple.WeightedUndirectedGraph) {
	t.Helper()
	b := NewBuilder(directed, true)
	for _, l := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		b.LookupOrAdd(l)
	}
	sd := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	su := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range 7 {
		sd.AddNode(simple.Node(i))
		su.AddNode(simple.Node(i))
	}
	for _, e := range interopEdges {
		u, v := b.LookupOrAdd(e.u), b.LookupOrAdd(e.v)
		require.NoError(t, b.AddEdge(u, v, e.w))
		x, y := simple.Node(u), simple.Node(v)
		if directed {
			sd.SetWeightedEdge(sd.NewWeightedEdge(x, y, e.w))
		} else {
			// An undirected Graph merges u–v and v–u, summing.
			old := 0.0
			if we := sd.WeightedEdge(int64(u), int64(v)); we != nil {
				old = we.Weight()
			}
			sd.SetWeightedEdge(sd.NewWeightedEdge(x, y, old+e.w))
			sd.SetWeightedEdge(sd.NewWeightedEdge(y, x, old+e.w))
		}
		old := 0.0
		if we := su.WeightedEdge(int64(u), int64(v)); we != nil {
			old = we.Weight()
		}
		su.SetWeightedEdge(su.NewWeightedEdge(x, y, old+e.w))
	}
	g, _ := b.Build()
	return g, sd, su
}

func sortedComponents(cc [][]graph.Node) [][]int64 {
	var out [][]int64
	for _, c := range cc {
		var ids []int64
		for _, n := range c {
			ids = append(ids, n.ID())
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []int64) int { return int(a[0] - b[0]) })
	return out
}

// Every expected value below is gonum's own result on the simple graphs
// built from the same edges (gonum v0.17.0), except the issue's repro cases,
// whose hand derivations are given.
func TestViewInterop(t *testing.T) {
	for _, directed := range []bool{true, false} {
		g, sd, su := interopGraphs(t, directed)
		u, d := g.AsUndirected(), g.AsDirected()
		name := fmt.Sprintf("directed=%v", directed)

		assert.Equal(t, sortedComponents(topo.ConnectedComponents(su)), sortedComponents(topo.ConnectedComponents(u)), name)
		assert.Equal(t, sortedComponents(topo.TarjanSCC(sd)), sortedComponents(topo.TarjanSCC(d)), name)

		for src := range int64(7) {
			for _, c := range []struct {
				view, ref graph.Graph
			}{{u, su}, {d, sd}} {
				got := path.DijkstraFrom(simple.Node(src), c.view.(traverse.Graph))
				want := path.DijkstraFrom(simple.Node(src), c.ref.(traverse.Graph))
				for dst := range int64(7) {
					assert.Equal(t, want.WeightTo(dst), got.WeightTo(dst), "%s Dijkstra %d→%d (%T)", name, src, dst, c.view)
				}
			}
		}

		assert.Equal(t, gnet.Betweenness(su), gnet.Betweenness(u), name+" betweenness, undirected")
		assert.Equal(t, gnet.Betweenness(sd), gnet.Betweenness(d), name+" betweenness, directed")

		comm := [][]graph.Node{{simple.Node(0), simple.Node(1), simple.Node(2), simple.Node(3)}, {simple.Node(4), simple.Node(5)}, {simple.Node(6)}}
		assert.InDelta(t, community.Q(su, comm, 1), community.Q(u, comm, 1), 1e-12, name+" Q undirected")
		assert.InDelta(t, community.Q(sd, comm, 1), community.Q(d, comm, 1), 1e-12, name+" Q directed")

		gotDot, err := dot.Marshal(u, "G", "", "  ")
		require.NoError(t, err)
		wantDot, err := dot.Marshal(su, "G", "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(wantDot), string(gotDot), name+" dot of the undirected view")
		gotDot, err = dot.Marshal(d, "G", "", "  ")
		require.NoError(t, err)
		wantDot, err = dot.Marshal(sd, "G", "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(wantDot), string(gotDot), name+" dot of the directed view")

		// Edge lookups agree with the simple graphs on every ordered pair.
		for x := range int64(8) {
			for y := range int64(8) {
				assert.Equal(t, su.HasEdgeBetween(x, y), u.HasEdgeBetween(x, y), "%s u.HasEdgeBetween(%d,%d)", name, x, y)
				assert.Equal(t, sd.HasEdgeBetween(x, y), d.HasEdgeBetween(x, y), "%s d.HasEdgeBetween(%d,%d)", name, x, y)
				assert.Equal(t, sd.HasEdgeFromTo(x, y), d.HasEdgeFromTo(x, y), "%s d.HasEdgeFromTo(%d,%d)", name, x, y)
				for _, c := range []struct {
					got, want graph.WeightedEdge
				}{
					{u.WeightedEdge(x, y), su.WeightedEdge(x, y)},
					{u.WeightedEdgeBetween(x, y), su.WeightedEdgeBetween(x, y)},
					{d.WeightedEdge(x, y), sd.WeightedEdge(x, y)},
				} {
					if c.want == nil {
						assert.Nil(t, c.got, "%s edge %d-%d", name, x, y)
						continue
					}
					require.NotNil(t, c.got, "%s edge %d-%d", name, x, y)
					assert.Equal(t, [3]float64{float64(x), float64(y), c.want.Weight()},
						[3]float64{float64(c.got.From().ID()), float64(c.got.To().ID()), c.got.Weight()}, "%s edge %d-%d", name, x, y)
				}
				assert.Equal(t, su.Edge(x, y) == nil, u.Edge(x, y) == nil, "%s u.Edge(%d,%d)", name, x, y)
				assert.Equal(t, su.EdgeBetween(x, y) == nil, u.EdgeBetween(x, y) == nil, "%s u.EdgeBetween(%d,%d)", name, x, y)
				assert.Equal(t, sd.Edge(x, y) == nil, d.Edge(x, y) == nil, "%s d.Edge(%d,%d)", name, x, y)
				ws, oks := su.Weight(x, y)
				wu, oku := u.Weight(x, y)
				assert.Equal(t, [2]any{ws, oks}, [2]any{wu, oku}, "%s u.Weight(%d,%d)", name, x, y)
				ws, oks = sd.Weight(x, y)
				wd, okd := d.Weight(x, y)
				assert.Equal(t, [2]any{ws, oks}, [2]any{wd, okd}, "%s d.Weight(%d,%d)", name, x, y)
			}
			if x < 7 {
				assert.Equal(t, ids(su.From(x)), ids(u.From(x)), "%s u.From(%d)", name, x)
				assert.Equal(t, ids(sd.From(x)), ids(d.From(x)), "%s d.From(%d)", name, x)
				assert.Equal(t, ids(sd.To(x)), ids(d.To(x)), "%s d.To(%d)", name, x)
			}
		}
	}
}

func ids(it graph.Nodes) []int64 {
	var out []int64
	for it.Next() {
		out = append(out, it.Node().ID())
	}
	slices.Sort(out)
	return out
}

// The cases the issue reproduced on the old Graph, each with its hand
// derivation.
func TestViewIssueRepros(t *testing.T) {
	// a→b←c is weakly connected: one component (b joins a and c).
	g, _ := build(t, true, false, [][2]string{{"a", "b"}, {"c", "b"}}, nil)
	assert.Len(t, topo.ConnectedComponents(g.AsUndirected()), 1)
	// ... and has three strong components (no cycle).
	assert.Len(t, topo.TarjanSCC(g.AsDirected()), 3)

	// On the projection, EdgeBetween is symmetric: c(2)–b(1) exists both
	// ways, as HasEdgeBetween says.
	u := g.AsUndirected()
	assert.True(t, u.HasEdgeBetween(2, 1))
	assert.NotNil(t, u.EdgeBetween(2, 1))
	assert.NotNil(t, u.EdgeBetween(1, 2))
	// The directed view keeps the arc's direction: c→b, not b→c.
	assert.NotNil(t, g.AsDirected().Edge(2, 1))
	assert.Nil(t, g.AsDirected().Edge(1, 2))

	// community.Q on a directed graph reads the arcs: for the path a→b→c
	// with communities {a,b},{c}, m = 2 arcs, k_out = (1,1,0), k_in =
	// (0,1,1): Q = 1/m Σ_ij [A_ij − k_i^out k_j^in/m] δ(c_i,c_j)
	// = 1/2 [A_ab − (k_a^out k_b^in + k_b^out k_b^in + k_a^out k_a^in + k_b^out k_a^in)/2
	//        + A_cc − k_c^out k_c^in/2] = 1/2 [1 − (1+1+0+0)/2 + 0 − 0] = 0.
	p, _ := build(t, true, false, [][2]string{{"a", "b"}, {"b", "c"}}, nil)
	comm := [][]graph.Node{{simple.Node(0), simple.Node(1)}, {simple.Node(2)}}
	assert.InDelta(t, 0.0, community.Q(p.AsDirected(), comm, 1), 1e-15)
	// Read undirected (path a–b–c, m = 2 edges, k = (1,2,1)): Q = Σ_c
	// [L_c/m − (d_c/2m)²] = [1/2 − (3/4)²] + [0 − (1/4)²] = 1/2 − 9/16 − 1/16 = −1/8.
	assert.InDelta(t, -0.125, community.Q(p.AsUndirected(), comm, 1), 1e-15)

	// dot.Marshal of an undirected graph writes "strict graph" with each
	// edge once (a–b, b–c).
	ug, _ := build(t, false, false, [][2]string{{"a", "b"}, {"b", "c"}}, nil)
	out, err := dot.Marshal(ug.AsUndirected(), "", "", "")
	require.NoError(t, err)
	assert.Equal(t, "strict graph {\n// Node definitions.\n0;\n1;\n2;\n\n// Edge definitions.\n0 -- 1;\n1 -- 2;\n}", string(out))
}

// The projection of an unweighted directed graph is unweighted: a mutual
// pair a⇄b gives one edge of weight 1 (hand derivation); of a weighted one,
// the sum (2 + 3 = 5).
func TestUndirectedViewWeights(t *testing.T) {
	g, _ := build(t, true, false, [][2]string{{"a", "b"}, {"b", "a"}}, nil)
	w, ok := g.AsUndirected().Weight(0, 1)
	assert.True(t, ok)
	assert.Equal(t, 1.0, w)
	g, _ = build(t, true, true, [][2]string{{"a", "b"}, {"b", "a"}}, []float64{2, 3})
	w, _ = g.AsUndirected().Weight(1, 0)
	assert.Equal(t, 5.0, w)
	assert.Equal(t, 1, g.AsUndirected().From(0).Len(), "one merged neighbour")
	// Self and absent: gonum's path convention.
	w, ok = g.AsUndirected().Weight(0, 0)
	assert.Equal(t, [2]any{0.0, true}, [2]any{w, ok})
	w, ok = g.AsDirected().Weight(0, 7)
	assert.Equal(t, [2]any{math.Inf(1), false}, [2]any{w, ok})
}

// The zero views are empty graphs; out-of-range IDs have no node and no
// neighbours.
func TestViewZeroAndRange(t *testing.T) {
	var u undirectedView
	var d directedView
	assert.Nil(t, u.Node(0))
	assert.Equal(t, 0, u.Nodes().Len())
	assert.Equal(t, 0, d.Nodes().Len())
	assert.Equal(t, 0, u.From(0).Len())
	assert.Equal(t, 0, d.To(0).Len())
	assert.False(t, u.HasEdgeBetween(0, 1))
	assert.False(t, d.HasEdgeFromTo(0, 1))
	assert.Equal(t, 0, u.Edges().Len())
	assert.Equal(t, 0, d.WeightedEdges().Len())
	g, _ := build(t, true, false, [][2]string{{"a", "b"}}, nil)
	for _, id := range []int64{-1, 2, math.MaxInt64} {
		assert.Nil(t, g.AsDirected().Node(id))
		assert.Equal(t, 0, g.AsDirected().From(id).Len())
		assert.Equal(t, 0, g.AsDirected().To(id).Len())
		assert.Equal(t, 0, g.AsUndirected().From(id).Len())
		assert.Nil(t, g.AsUndirected().Edge(0, id))
	}
}

func TestFromGonum(t *testing.T) {
	// A directed weighted simple graph with IDs 10, 5, 7 and the isolate
	// 42: nodes ordered by ID (5, 7, 10, 42), labelled by ID, arcs and
	// weights kept.
	s := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for _, id := range []int64{10, 5, 7, 42} {
		s.AddNode(simple.Node(id))
	}
	s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(10), simple.Node(5), 2.5))
	s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(5), simple.Node(7), 1))
	g, err := FromGonum(s, FromGonumOptions{})
	require.NoError(t, err)
	assert.True(t, g.Directed())
	assert.True(t, g.IsWeighted())
	assert.Equal(t, []string{"5", "7", "10", "42"}, []string{g.Label(0), g.Label(1), g.Label(2), g.Label(3)})
	assert.Equal(t, 2, g.Size())
	ten, _ := g.Lookup("10")
	five, _ := g.Lookup("5")
	w, ok := g.EdgeWeight(ten, five)
	assert.True(t, ok)
	assert.Equal(t, 2.5, w)
	_, ok = g.EdgeWeight(five, ten)
	assert.False(t, ok, "arcs keep their direction")

	// An unweighted undirected graph stays unweighted and undirected.
	us := simple.NewUndirectedGraph()
	us.SetEdge(us.NewEdge(simple.Node(1), simple.Node(2)))
	us.SetEdge(us.NewEdge(simple.Node(2), simple.Node(3)))
	ug, err := FromGonum(us, FromGonumOptions{Label: func(n graph.Node) string { return "n" + strconv.FormatInt(n.ID(), 10) }})
	require.NoError(t, err)
	assert.False(t, ug.Directed())
	assert.False(t, ug.IsWeighted())
	assert.Equal(t, 2, ug.Size())
	assert.Equal(t, "n2", ug.Label(1))

	// Round trip through a view: the same graph back.
	orig, _, _ := interopGraphs(t, true)
	back, err := FromGonum(orig.AsDirected(), FromGonumOptions{Label: func(n graph.Node) string { return orig.Label(int(n.ID())) }})
	require.NoError(t, err)
	require.NoError(t, equalGraphs(orig, back, exact))
}

func TestFromGonumErrors(t *testing.T) {
	s := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(1), simple.Node(2), -1))
	_, err := FromGonum(s, FromGonumOptions{})
	assert.ErrorIs(t, err, ErrBadWeight)

	d := simple.NewDirectedGraph()
	d.AddNode(simple.Node(1))
	d.AddNode(simple.Node(2))
	_, err = FromGonum(d, FromGonumOptions{Label: func(graph.Node) string { return "same" }})
	assert.ErrorContains(t, err, `"same"`)
}

// The node iterators: Len counts down, Node is nil before the first Next
// and after the last, Reset starts again, NodeSlice returns what is left.
// Fixture (hand-built): directed a→b, a→c, d→a, c→a, so the projection of
// a has neighbours b, c, d (c both ways, counted once).
func TestViewIterators(t *testing.T) {
	g, _ := build(t, true, false, [][2]string{{"a", "b"}, {"a", "c"}, {"d", "a"}, {"c", "a"}}, nil)
	for _, c := range []struct {
		name string
		it   graph.Nodes
		want []int64
	}{
		{"all nodes", g.AsDirected().Nodes(), []int64{0, 1, 2, 3}},
		{"out-row of a", g.AsDirected().From(0), []int64{1, 2}},
		{"in-row of a", g.AsDirected().To(0), []int64{2, 3}},
		{"merged row of a", g.AsUndirected().From(0), []int64{1, 2, 3}},
	} {
		it := c.it
		assert.Nil(t, it.Node(), "%s: no node before Next", c.name)
		for round := range 2 {
			var got []int64
			for i := 0; it.Next(); i++ {
				got = append(got, it.Node().ID())
				assert.Equal(t, len(c.want)-i-1, it.Len(), "%s: Len after %d nodes", c.name, i+1)
			}
			assert.Equal(t, c.want, got, "%s round %d", c.name, round)
			assert.Equal(t, 0, it.Len(), c.name)
			assert.Nil(t, it.Node(), "%s: no node after the last", c.name)
			assert.False(t, it.Next(), "%s: stays exhausted", c.name)
			it.Reset()
		}
		assert.Equal(t, len(c.want), it.Len(), "%s: Len after Reset", c.name)
		it.Next()
		rest := it.(graph.NodeSlicer).NodeSlice()
		assert.Len(t, rest, len(c.want)-1, "%s: NodeSlice after one Next", c.name)
		assert.False(t, it.Next(), "%s: NodeSlice exhausts", c.name)
	}
}

// internal/csr reads the same rows the views show.
func TestCSRAccess(t *testing.T) {
	g, _ := build(t, true, true, [][2]string{{"a", "b"}, {"c", "b"}}, []float64{1.5, 0.1})
	c := csr.Of(g)
	assert.True(t, c.Directed)
	assert.True(t, c.Weighted)
	assert.Equal(t, 3, c.Order())
	assert.Equal(t, []int32{1}, c.Out.Row(0))
	assert.Equal(t, []int32{0, 2}, c.In.Row(1))
	assert.True(t, c.Out.Has(2, 1))
	assert.False(t, c.Out.Has(1, 2))
	assert.Equal(t, 1.5, c.Out.Weight(c.Out.Off[0]))
	assert.Equal(t, 0.1, c.In.Weight(c.In.Off[1]+1), "c→b kept as float64")
	u, _ := build(t, false, false, [][2]string{{"a", "b"}}, nil)
	cu := csr.Of(u)
	assert.Equal(t, cu.Out.Row(1), cu.In.Row(1), "undirected: in-rows are the out-rows")
	assert.Equal(t, 1.0, cu.Out.Weight(0), "unweighted: weight 1")
	assert.Equal(t, 8*3+4*2, u.Bytes(), "3 offsets of 8 bytes, 2 row entries of 4")
}

package network

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/topo"
)

// build makes a graph from label pairs with weights.
func build(t *testing.T, directed, weighted bool, edges [][2]string, w []float64) (*Graph, BuildStats) {
	t.Helper()
	b := NewBuilder(directed, weighted)
	for i, e := range edges {
		x := 1.0
		if w != nil {
			x = w[i]
		}
		require.NoError(t, b.AddEdge(b.LookupOrAdd(e[0]), b.LookupOrAdd(e[1]), x))
	}
	return b.Build()
}

func TestBuilderMergesAndDrops(t *testing.T) {
	// Hand-built: a-b twice (weights 1 and 2 → 3), b-a once more (undirected
	// duplicate → 4), a-a self-loop, b-c weight 0.1 (not exact in float32).
	g, st := build(t, false, true, [][2]string{{"a", "b"}, {"a", "b"}, {"b", "a"}, {"a", "a"}, {"b", "c"}}, []float64{1, 2, 1, 5, 0.1})
	assert.Equal(t, BuildStats{SelfLoops: 1, Duplicates: 2}, st)
	assert.Equal(t, 3, g.Order())
	assert.Equal(t, 2, g.Size())
	w, ok := g.EdgeWeight(0, 1)
	assert.True(t, ok)
	assert.Equal(t, 4.0, w, "summed weight of merged a-b")
	w, _ = g.EdgeWeight(2, 1)
	assert.Equal(t, 0.1, w, "float64 weight kept exactly")
	assert.Equal(t, []int{1}, g.Neighbors(0))
	assert.Equal(t, []int{0, 2}, g.Neighbors(1))
	_, ok = g.EdgeWeight(0, 2)
	assert.False(t, ok, "a-c was never added")
	_, ok = g.EdgeWeight(2, 1)
	assert.True(t, ok, "c-b read from either end")
}

func TestGraphDirected(t *testing.T) {
	g, st := build(t, true, false, [][2]string{{"a", "b"}, {"b", "a"}, {"b", "c"}, {"b", "c"}}, nil)
	assert.Equal(t, 1, st.Duplicates)
	assert.Equal(t, 3, g.Size(), "a→b, b→a, b→c")
	_, ok := g.EdgeWeight(1, 2)
	assert.True(t, ok, "b→c")
	_, ok = g.EdgeWeight(2, 1)
	assert.False(t, ok, "no c→b")
	assert.Equal(t, []int{1}, g.InNeighbors(2))
	assert.Equal(t, []int{1}, g.InNeighbors(0))
	assert.Equal(t, 2, g.Degree(1), "b→a, b→c")
	assert.Equal(t, 1, g.InDegree(1), "a→b")
}

func TestGraphWithGonum(t *testing.T) {
	// A path a-b-c-d plus an isolated e: gonum's shortest paths and connected
	// components run on the undirected view (hand derivation: a to d is 3
	// steps of weight 1; {a,b,c,d} and {e} are the components).
	b := NewBuilder(false, false)
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}} {
		require.NoError(t, b.AddEdge(b.LookupOrAdd(e[0]), b.LookupOrAdd(e[1]), 1))
	}
	b.LookupOrAdd("e")
	g, _ := b.Build()
	u := g.AsUndirected()
	sp := path.DijkstraFrom(u.Node(0), u)
	assert.Equal(t, 3.0, sp.WeightTo(3))
	cc := topo.ConnectedComponents(u)
	assert.Len(t, cc, 2)
	// The node slice gonum gets is a fresh copy: sorting it must not touch g.
	ns := graph.NodesOf(u.From(1))
	ns[0], ns[1] = ns[1], ns[0]
	assert.Equal(t, []int{0, 2}, g.Neighbors(1))
	nb := g.Neighbors(1)
	nb[0] = 3
	assert.Equal(t, []int{0, 2}, g.Neighbors(1), "Neighbors returns a copy")
}

func TestInducedUnsorted(t *testing.T) {
	// Path a-b-c-d (hand-built). The nodes {a,b,c} induce a-b and b-c (2
	// edges) in whatever order they are given, repeated or not; the
	// caller's slice is left as it was.
	g, _ := build(t, false, false, [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}}, nil)
	for _, nodes := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0, 1}} {
		before := slices.Clone(nodes)
		sub := g.Induced(nodes)
		assert.Equal(t, 3, sub.Order(), "order for %v", before)
		assert.Equal(t, 2, sub.Size(), "edges for %v", before)
		assert.Equal(t, []string{"a", "b", "c"}, []string{sub.Label(0), sub.Label(1), sub.Label(2)}, "ascending index order for %v", before)
		assert.Equal(t, before, nodes, "caller's slice untouched")
	}
	// Directed, weighted, unsorted: arcs d→b (2.5) and b→c (1) survive
	// among {d, b, c}; a→b does not.
	dg, _ := build(t, true, true, [][2]string{{"a", "b"}, {"d", "b"}, {"b", "c"}}, []float64{1, 2.5, 1})
	d, _ := dg.Lookup("d")
	bb, _ := dg.Lookup("b")
	c, _ := dg.Lookup("c")
	sub := dg.Induced([]int{d, c, bb})
	assert.Equal(t, 2, sub.Size())
	sd, _ := sub.Lookup("d")
	sb, _ := sub.Lookup("b")
	w, ok := sub.EdgeWeight(sd, sb)
	assert.True(t, ok)
	assert.Equal(t, 2.5, w)
	assert.Equal(t, 0, g.Induced(nil).Order(), "no nodes, empty graph")
	assert.Panics(t, func() { g.Induced([]int{0, 4}) }, "node 4 of a 4-node graph")
}

func TestExtract(t *testing.T) {
	// Path a-b-c-d-e: radius 1 around c is b,c,d; radius 2 is all but none.
	g, _ := build(t, false, false, [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}}, nil)
	c, _ := g.Lookup("c")
	sub, ego := Extract(g, c, 1)
	assert.Equal(t, 3, sub.Order())
	assert.Equal(t, "c", sub.Label(ego))
	assert.Equal(t, 2, sub.Size())
	sub, _ = Extract(g, c, 2)
	assert.Equal(t, 5, sub.Order())
	sub, ego = Extract(g, c, 0)
	assert.Equal(t, 1, sub.Order())
	assert.Equal(t, 0, ego)
}

func TestEgoNetOfAndGraph(t *testing.T) {
	// Triangle a-b-c plus pendant d on a: ego a has alters b,c,d and one tie b-c.
	g, _ := build(t, false, false, [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}, {"a", "d"}}, nil)
	e := EgoNetOf(g, 0)
	assert.Equal(t, 3, e.Size())
	require.Len(t, e.Ties, 1)
	assert.Equal(t, "b", e.Alters[e.Ties[0].From].ID)
	assert.Equal(t, "c", e.Alters[e.Ties[0].To].ID)
	eg := e.Graph()
	assert.Equal(t, 4, eg.Order())
	assert.Equal(t, 4, eg.Size(), "3 ego–alter ties and b–c")
	assert.Equal(t, 3, eg.Degree(e.EgoNode()))
}

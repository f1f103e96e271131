package network

import (
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
		require.NoError(t, b.AddEdge(b.Node(e[0]), b.Node(e[1]), x))
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
	assert.Equal(t, []int32{1}, g.Neighbors(0))
	assert.Equal(t, []int32{0, 2}, g.Neighbors(1))
	assert.False(t, g.HasEdgeBetween(0, 2))
	assert.True(t, g.HasEdgeBetween(2, 1))
}

func TestGraphDirected(t *testing.T) {
	g, st := build(t, true, false, [][2]string{{"a", "b"}, {"b", "a"}, {"b", "c"}, {"b", "c"}}, nil)
	assert.Equal(t, 1, st.Duplicates)
	assert.Equal(t, 3, g.Size(), "a→b, b→a, b→c")
	assert.True(t, g.HasEdgeFromTo(1, 2))
	assert.False(t, g.HasEdgeFromTo(2, 1))
	assert.True(t, g.HasEdgeBetween(2, 1))
	assert.Equal(t, []int32{1}, g.InNeighbors(2))
	to := graph.NodesOf(g.To(0))
	require.Len(t, to, 1)
	assert.Equal(t, int64(1), to[0].ID())
}

func TestGraphWithGonum(t *testing.T) {
	// A path a-b-c-d plus an isolated e: gonum's shortest paths and connected
	// components run on Graph directly.
	b := NewBuilder(false, false)
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}} {
		require.NoError(t, b.AddEdge(b.Node(e[0]), b.Node(e[1]), 1))
	}
	b.Node("e")
	g, _ := b.Build()
	sp := path.DijkstraFrom(Node(0), g)
	assert.Equal(t, 3.0, sp.WeightTo(3))
	cc := topo.ConnectedComponents(g)
	assert.Len(t, cc, 2)
	// The node slice gonum gets is a fresh copy: sorting it must not touch g.
	ns := graph.NodesOf(g.From(1))
	ns[0], ns[1] = ns[1], ns[0]
	assert.Equal(t, []int32{0, 2}, g.Neighbors(1))
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
	assert.Equal(t, int64(0), ego)
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

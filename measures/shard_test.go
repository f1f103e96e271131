package measures

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// shardGraph is a seeded random graph with a hub, isolates, weights and an
// attribute, directed or not.
func shardGraph(t *testing.T, directed bool) *network.Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(17, 6))
	b := network.NewBuilder(directed, true)
	const n = 120
	for v := 0; v < n; v++ {
		id := b.LookupOrAdd(string(rune('A'+v%26)) + string(rune('a'+v/26)))
		b.SetAttr(id, "group", network.TextValue([]string{"x", "y", "z"}[v%3]))
	}
	for k := 0; k < 300; k++ {
		u, v := r.IntN(n-5), r.IntN(n-5) // the last five nodes stay isolated
		if k%4 == 0 {
			u = 7 // a hub
		}
		if u != v {
			require.NoError(t, b.AddEdge(u, v, 1+float64(r.IntN(4))))
		}
	}
	g, _ := b.Build()
	return g
}

// TestShardTiles: for every k the shards cover 0..n-1 once, in order
// (the property merge relies on), and k larger than n leaves empty shards.
func TestShardTiles(t *testing.T) {
	g := shardGraph(t, false)
	for _, k := range []int{1, 2, 3, 7, 119, 120, 121, 500} {
		next, nonEmpty := 0, 0
		for i := 0; i < k; i++ {
			r := Shard(g, i, k)
			require.Equal(t, next, r.First, "k=%d shard %d: got first %d, want %d", k, i, r.First, next)
			require.GreaterOrEqual(t, r.End, r.First)
			next = r.End
			if r.Len() > 0 {
				nonEmpty++
			}
		}
		assert.Equal(t, g.Order(), next, "k=%d: shards end at %d, want %d", k, next, g.Order())
		assert.LessOrEqual(t, nonEmpty, g.Order())
	}
}

// TestShardBalance: with weights deg(v)+1 no shard's weight exceeds its
// share W/k by more than the largest single node weight (a cut falls at
// the first node that reaches the share). Hand check on a path a-b-c-d:
// weights 2,3,3,2 (W = 10), k = 2: the cut is at the first prefix ≥ 5,
// after a,b (2+3 = 5), so shards {a,b} and {c,d}.
func TestShardBalance(t *testing.T) {
	b := network.NewBuilder(false, false)
	for _, s := range []string{"a", "b", "c", "d"} {
		b.LookupOrAdd(s)
	}
	require.NoError(t, b.AddEdge(0, 1, 1))
	require.NoError(t, b.AddEdge(1, 2, 1))
	require.NoError(t, b.AddEdge(2, 3, 1))
	path, _ := b.Build()
	assert.Equal(t, NodeRange{0, 2}, Shard(path, 0, 2))
	assert.Equal(t, NodeRange{2, 4}, Shard(path, 1, 2))

	g := shardGraph(t, false)
	var total, most int64
	for v := 0; v < g.Order(); v++ {
		w := int64(g.Degree(v)) + 1
		total += w
		most = max(most, w)
	}
	for _, k := range []int{2, 3, 7} {
		for i := 0; i < k; i++ {
			r := Shard(g, i, k)
			var w int64
			for v := r.First; v < r.End; v++ {
				w += int64(g.Degree(v)) + 1
			}
			assert.LessOrEqual(t, w, total/int64(k)+1+most, "k=%d shard %d: weight %d, share %d", k, i, w, total/int64(k))
		}
	}
}

// TestNodeTableShards: the rows of every shard are the rows of the whole
// table (the unsharded run is the reference), bit for bit, directed and
// undirected, for structural and compositional measures.
func TestNodeTableShards(t *testing.T) {
	specs, err := ParseList("size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage,blau(group),iqv(group)")
	require.NoError(t, err)
	for _, directed := range []bool{false, true} {
		g := shardGraph(t, directed)
		whole, err := NodeTable(context.Background(), g, specs, TableOptions{})
		require.NoError(t, err)
		for _, k := range []int{1, 2, 3, 7, 200} {
			row := 0
			for i := 0; i < k; i++ {
				r := Shard(g, i, k)
				part, err := NodeTable(context.Background(), g, specs, TableOptions{Nodes: &r, Workers: 2})
				require.NoError(t, err)
				require.Equal(t, r.Len(), part.Len())
				for j := range part.Values {
					require.Equal(t, whole.Keys[row], part.Keys[j])
					for c := range part.Values[j] {
						w, got := whole.Values[row][c], part.Values[j][c]
						if w == w || got == got { // NaN equals NaN here
							require.Equal(t, w, got, "directed=%v k=%d node %s %s: got %v want %v", directed, k, part.Keys[j][0], part.Columns[c], got, w)
						}
					}
					row++
				}
			}
			require.Equal(t, g.Order(), row)
		}
	}
}

// TestNodeRangeErrors: a range outside the graph is an error, not a panic.
func TestNodeRangeErrors(t *testing.T) {
	g := shardGraph(t, false)
	for _, r := range []NodeRange{{-1, 3}, {5, 4}, {0, g.Order() + 1}} {
		_, err := AllNodes(context.Background(), g, AllNodesOptions{Nodes: &r})
		assert.ErrorContains(t, err, "node range", "range %v", r)
		_, err = NodeTable(context.Background(), g, DefaultSpecs(), TableOptions{Nodes: &r})
		assert.ErrorContains(t, err, "node range", "range %v", r)
	}
	assert.Panics(t, func() { Shard(g, 3, 3) }, "i must be below k: caller misuse")
}

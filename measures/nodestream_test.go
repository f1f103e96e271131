package measures

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/sociogram/sociogram/internal/graphgen"
	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// streamGraphs are the graphs the block tests run on: undirected
// unweighted and weighted Holme–Kim graphs with isolates and a node
// attribute, and a directed one (the per-ego kernel).
func streamGraphs(t *testing.T) map[string]*network.Graph {
	out := map[string]*network.Graph{}
	for _, c := range []struct {
		name               string
		directed, weighted bool
	}{{"undirected", false, false}, {"weighted", false, true}, {"directed", true, false}} {
		const n = 700
		b := network.NewBuilder(c.directed, c.weighted)
		for i := range n + 5 { // 5 isolates at the end
			u := b.LookupOrAdd(strconv.Itoa(i))
			b.SetAttr(u, "group", network.ParseValue(fmt.Sprint("g", i%3)))
		}
		for k, e := range graphgen.HolmeKim(n, 3, 0.6, 7) {
			require.NoError(t, b.AddEdge(int(e[0]), int(e[1]), 1+float64(k%4)/2))
		}
		g, _ := b.Build()
		out[c.name] = g
	}
	return out
}

// TestStreamNodeTableBlocks: the rows of StreamNodeTable's blocks, for any
// block size and node range, are NodeTable's rows bit for bit (the
// engine is made once and its scratch reused from block to block; nothing
// may leak from one block to the next).
func TestStreamNodeTableBlocks(t *testing.T) {
	specs, err := ParseList("size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage,blau(group),ei(group)")
	require.NoError(t, err)
	for name, g := range streamGraphs(t) {
		ranges := []*NodeRange{nil, {First: 100, End: 433}, {First: 704, End: 705}, {First: 3, End: 3}}
		for _, nr := range ranges {
			want, err := NodeTable(context.Background(), g, specs, TableOptions{Nodes: nr})
			require.NoError(t, err)
			for _, batch := range []int{1, 7, 256, 100000} {
				var keys [][]string
				var vals [][]float64
				calls := 0
				err := StreamNodeTable(context.Background(), g, specs, StreamOptions{Batch: batch, Table: TableOptions{Nodes: nr, Workers: 3}}, func(b *Table) error {
					calls++
					assert.Equal(t, want.KeyNames, b.KeyNames)
					assert.Equal(t, want.Columns, b.Columns)
					assert.LessOrEqual(t, b.Len(), batch)
					keys = append(keys, b.Keys...)
					vals = append(vals, b.Values...)
					return nil
				})
				require.NoError(t, err)
				what := fmt.Sprintf("%s range %v batch %d", name, nr, batch)
				assert.GreaterOrEqual(t, calls, 1, what)
				require.Equal(t, len(want.Keys), len(keys), what)
				for r := range keys {
					require.Equal(t, want.Keys[r], keys[r], what)
					for c := range vals[r] {
						require.Equal(t, math.Float64bits(want.Values[r][c]), math.Float64bits(vals[r][c]), "%s row %d column %s: got %v want %v", what, r, want.Columns[c], vals[r][c], want.Values[r][c])
					}
				}
			}
		}
	}
}

// TestStreamNodeTableAgreesWithStructural: the streamed rows agree with the
// per-node kernel (Structural, the reference of AllNodes) to 1e-12.
func TestStreamNodeTableAgreesWithStructural(t *testing.T) {
	g := streamGraphs(t)["weighted"]
	specs := DefaultSpecs()
	row := 0
	err := StreamNodeTable(context.Background(), g, specs, StreamOptions{Batch: 50}, func(b *Table) error {
		for r := range b.Keys {
			st := Structural(g, row)
			want := []float64{st.Size, st.Ties, st.Density, st.Components, st.Isolates, st.EffectiveSize, st.Efficiency, st.Constraint, st.Hierarchy, st.EgoBetweenness, st.Brokerage}
			for c := range want {
				if math.IsNaN(want[c]) {
					assert.True(t, math.IsNaN(b.Values[r][c]), "node %d %s: got %v want NaN", row, b.Columns[c], b.Values[r][c])
					continue
				}
				assert.InDelta(t, want[c], b.Values[r][c], 1e-12*math.Max(1, math.Abs(want[c])), "node %d %s", row, b.Columns[c])
			}
			row++
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, g.Order(), row)
}

// TestStreamNodeTableStopsOnError: an error from fn ends the stream and is
// returned as it is; a cancelled context stops it with ctx.Err().
func TestStreamNodeTableStopsOnError(t *testing.T) {
	g := streamGraphs(t)["undirected"]
	stop := fmt.Errorf("disk full")
	calls := 0
	err := StreamNodeTable(context.Background(), g, DefaultSpecs(), StreamOptions{Batch: 100}, func(*Table) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	assert.Equal(t, stop, err)
	assert.Equal(t, 3, calls)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = StreamNodeTable(ctx, g, DefaultSpecs(), StreamOptions{Batch: 100}, func(*Table) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}

// TestStreamNodeTableProgress: progress counts the structural pass and the
// compositional pass of every block, ending at 2n (as NodeTable's).
func TestStreamNodeTableProgress(t *testing.T) {
	g := streamGraphs(t)["undirected"]
	specs, err := ParseList("size,blau(group)")
	require.NoError(t, err)
	last, total := 0, 0
	opt := StreamOptions{Batch: 64, Table: TableOptions{Progress: func(done, tot int) {
		assert.GreaterOrEqual(t, done, last, "progress goes forward")
		last, total = done, tot
	}}}
	var buf bytes.Buffer
	require.NoError(t, StreamNodeTable(context.Background(), g, specs, opt, func(b *Table) error { return b.WriteCSV(&buf) }))
	assert.Equal(t, 2*g.Order(), total)
	assert.Equal(t, 2*g.Order(), last)
}

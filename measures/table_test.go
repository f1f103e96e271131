package measures

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallStudy is a hand-made study used by the table tests:
//
//	e0: no alters
//	e1: one alter x (sex f)
//	e2: alters a (f, 30), b (m, 70), c (f, age missing); tie a–b; ego sex m
//	e3: alters p, q (sex missing), tie p–q; ego sex missing
func smallStudy(t *testing.T) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	ego := func(id string, kv map[string]string) {
		require.NoError(t, b.AddEgo(id, "", network.NewAttrs(b.EgoAttrs(), kv)))
	}
	alter := func(ego, id string, kv map[string]string) {
		require.NoError(t, b.AddAlter(ego, "", id, 1, network.NewAttrs(b.AlterAttrs(), kv)))
	}
	ego("e0", map[string]string{"sex": "f"})
	ego("e1", map[string]string{"sex": "f"})
	alter("e1", "x", map[string]string{"sex": "f", "age": "50"})
	ego("e2", map[string]string{"sex": "m"})
	alter("e2", "a", map[string]string{"sex": "f", "age": "30"})
	alter("e2", "b", map[string]string{"sex": "m", "age": "70"})
	alter("e2", "c", map[string]string{"sex": "f", "age": "NA"})
	require.NoError(t, b.AddTie("e2", "", "a", "b", 1, nil))
	ego("e3", map[string]string{"sex": "NA"})
	alter("e3", "p", map[string]string{"sex": "", "age": ""})
	alter("e3", "q", map[string]string{"sex": "", "age": ""})
	require.NoError(t, b.AddTie("e3", "", "p", "q", 1, nil))
	ds, _ := b.Build()
	return ds
}

func TestEgoTableSmallStudy(t *testing.T) {
	ds := smallStudy(t)
	specs, err := ParseList("size,ties,density,constraint,ego_betweenness,blau(sex),iqv(sex),count(sex=f),prop(sex=f),mean(age),sd(age),bonding(sex),ei(sex),ei_alters(sex)")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 1})
	require.NoError(t, err)
	nan := math.NaN()
	// Hand derivations:
	// e2: p = 1/3 to each alter. Constraint: a and b each
	// (1/3 + 1/3·1/2)² = 1/4, c (1/3)² = 1/9; total 1/2 + 1/9 = 11/18.
	// Ego betweenness: non-adjacent pairs {a,c},{b,c}, no other 2-path: 2.
	// Sex among alters f,m,f: blau = 1 − (4/9 + 1/9) = 4/9; K = 2 levels in
	// the study, iqv = 4/9·2 = 8/9. Ages 30, 70: mean 50, sd √800.
	// Ego m: bonding 1 (b), bridging 2, ei = (2−1)/3. The one tie a–b joins
	// f and m: ei_alters = (1−0)/1 = 1.
	// e3 is a triangle ego–p–q: each c_j = (1/2 + 1/2·1/2)² = 9/16, total
	// 9/8 (the 1.125 of the SPEC); its sex values are all missing.
	want := map[string][]float64{
		"e0": {0, 0, nan, nan, 0, nan, nan, 0, nan, nan, nan, 0, nan, nan},
		"e1": {1, 0, nan, 1, 0, 0, 0, 1, 1, 50, nan, 1, -1, nan},
		"e2": {3, 1, 1.0 / 3, 11.0 / 18, 2, 4.0 / 9, 8.0 / 9, 2, 2.0 / 3, 50, math.Sqrt(800), 1, 1.0 / 3, 1},
		"e3": {2, 1, 1, 1.125, 0, nan, nan, 0, nan, nan, nan, nan, nan, nan},
	}
	require.Equal(t, 4, tab.Len())
	assert.Equal(t, []string{"egoID"}, tab.KeyNames)
	for r, key := range tab.Keys {
		w := want[key[0]]
		for c, col := range tab.Columns {
			got := tab.Values[r][c]
			if math.IsNaN(w[c]) {
				assert.True(t, math.IsNaN(got), "%s %s: got %v, want NaN", key[0], col, got)
				continue
			}
			assert.InDelta(t, w[c], got, 1e-12, "%s %s: got %v, want %v", key[0], col, got, w[c])
		}
	}
}

func TestEgoTableWorkersAndCancel(t *testing.T) {
	ds := randomStudy(7, 300)
	specs, err := ParseList("size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage,blau(sex),iqv(sex),entropy(sex),mean(age),sd(age),ei(sex),ei_alters(sex),ei_alters_rescaled(sex)")
	require.NoError(t, err)
	one, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 1})
	require.NoError(t, err)
	calls := 0
	many, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 5, Progress: func(done, total int) {
		calls++
		assert.LessOrEqual(t, done, total)
	}})
	require.NoError(t, err)
	assert.Positive(t, calls, "progress is reported")
	var a, b bytes.Buffer
	require.NoError(t, one.WriteCSV(&a))
	require.NoError(t, many.WriteCSV(&b))
	assert.Equal(t, a.String(), b.String(), "same bytes for 1 and 5 workers")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = EgoTable(ctx, ds, specs, TableOptions{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestTableWriters(t *testing.T) {
	tab := &Table{
		KeyNames: []string{"egoID", "wave"},
		Columns:  []string{"size", "prop(sex=f)", "x"},
		Keys:     [][]string{{"a", "1"}, {`q"t`, "2"}},
		Values:   [][]float64{{3, 2.0 / 3, math.NaN()}, {0, 1e-300, 12345678901}},
	}
	var csvOut, jsonOut bytes.Buffer
	require.NoError(t, tab.WriteCSV(&csvOut))
	assert.Equal(t, "egoID,wave,size,prop(sex=f),x\na,1,3,0.6666666666666666,NA\n\"q\"\"t\",2,0,1e-300,12345678901\n", csvOut.String())
	require.NoError(t, tab.WriteJSON(&jsonOut))
	assert.Equal(t, "[\n{\"egoID\":\"a\",\"wave\":\"1\",\"size\":3,\"prop(sex=f)\":0.6666666666666666,\"x\":null},\n"+
		"{\"egoID\":\"q\\\"t\",\"wave\":\"2\",\"size\":0,\"prop(sex=f)\":1e-300,\"x\":12345678901}\n]\n", jsonOut.String())
	jsonOut.Reset()
	require.NoError(t, (&Table{KeyNames: []string{"node"}}).WriteJSON(&jsonOut))
	assert.Equal(t, "[]\n", jsonOut.String())
}

func TestEgoTableErrors(t *testing.T) {
	ds := smallStudy(t)
	for _, c := range []struct{ list, want string }{
		{"blau(gender)", `bad measure "blau(gender)": attribute "gender" does not exist`},
		{"mean(sex)", `attribute "sex" is not numeric`},
	} {
		specs, err := ParseList(c.list)
		require.NoError(t, err)
		_, err = EgoTable(context.Background(), ds, specs, TableOptions{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.want)
	}
}

// TestNodeTableWorkers checks that NodeTable gives the same bytes for 1
// and 3 workers on the 400-node reference graph with node attributes
// attached, structural and compositional columns together.
func TestNodeTableWorkers(t *testing.T) {
	src := loadRefGraph(t, "sparse_isolates", false)
	b := network.NewBuilder(false, false)
	for v := 0; v < src.Order(); v++ {
		id := b.LookupOrAdd(src.Label(v))
		b.SetAttr(id, "group", network.TextValue([]string{"a", "b", "c"}[v%3]))
	}
	for v := 0; v < src.Order(); v++ {
		for _, u := range src.Neighbors(v) {
			if int(u) > v {
				require.NoError(t, b.AddEdge(v, u, 1))
			}
		}
	}
	g, _ := b.Build()
	specs, err := ParseList("size,constraint,ego_betweenness,blau(group),ei(group),ei_alters(group)")
	require.NoError(t, err)
	var out [2]bytes.Buffer
	for i, w := range []int{1, 3} {
		tab, err := NodeTable(context.Background(), g, specs, TableOptions{Workers: w})
		require.NoError(t, err)
		require.NoError(t, tab.WriteCSV(&out[i]))
	}
	assert.Equal(t, out[0].String(), out[1].String())
	assert.Equal(t, 401, strings.Count(out[0].String(), "\n"), "a header and one row per node, isolates included")
}

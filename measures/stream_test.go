package measures

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// streamStudy writes a five-ego study grouped by ego (e2 and e5 have no
// alters) and returns the three paths.
func streamStudy(t *testing.T, alters string) (string, string, string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"egos.csv":   "egoID,sex\ne1,F\ne2,M\ne3,F\ne4,M\ne5,F\n",
		"alters.csv": alters,
		"aaties.csv": "egoID,Source,Target\ne1,a,b\ne3,c,d\ne3,d,f\ne4,g,h\n",
	}
	for n, c := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644))
	}
	return filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv")
}

const streamAlters = "egoID,alterID,sex,age\ne1,a,F,30\ne1,b,M,40\ne3,c,F,50\ne3,d,F,60\ne3,f,M,70\ne4,g,M,20\ne4,h,F,NA\n"

// TestStreamEgoTable: the batches of StreamEgoTable, put together, equal
// EgoTable on the study read whole (the reference is EgoTable itself, whose
// values are tested against networkx and by hand elsewhere).
func TestStreamEgoTable(t *testing.T) {
	eg, al, ti := streamStudy(t, streamAlters)
	specs, err := ParseList("size,ties,density,constraint,ego_betweenness,blau(sex),prop(sex=F),ei(sex)")
	require.NoError(t, err)
	ds, _, err := network.ReadEgoCSV(eg, al, ti, network.EgoCSVOptions{})
	require.NoError(t, err)
	want, err := EgoTable(context.Background(), ds, specs, TableOptions{})
	require.NoError(t, err)

	var got Table
	batches := 0
	_, err = StreamEgoTable(context.Background(), eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{Batch: 2}, func(tb *Table, egos []*network.EgoNet) error {
		batches++
		require.Len(t, egos, tb.Len())
		got.KeyNames, got.Columns = tb.KeyNames, tb.Columns
		got.Keys = append(got.Keys, tb.Keys...)
		got.Values = append(got.Values, tb.Values...)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 3, batches, "5 egos in batches of 2")
	assert.Equal(t, want.KeyNames, got.KeyNames)
	assert.Equal(t, want.Columns, got.Columns)
	assert.Equal(t, want.Keys, got.Keys)
	require.Len(t, got.Values, len(want.Values))
	for r := range want.Values {
		for c := range want.Values[r] {
			w, g := want.Values[r][c], got.Values[r][c]
			if w != w { // NaN
				assert.True(t, g != g, "row %d column %s: got %v, want NaN", r, want.Columns[c], g)
				continue
			}
			assert.Equal(t, w, g, "row %d column %s", r, want.Columns[c])
		}
	}
}

func TestStreamEgoTableErrors(t *testing.T) {
	eg, al, ti := streamStudy(t, streamAlters)
	never := func(*Table, []*network.EgoNet) error { t.Error("fn called"); return nil }
	for _, list := range []string{"iqv(sex)", "mean(age)", "count(age>=65)", "bonding"} {
		specs, err := ParseList(list)
		require.NoError(t, err)
		_, err = StreamEgoTable(context.Background(), eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{}, never)
		assert.ErrorIs(t, err, ErrNotStreamable, list)
	}
	specs, err := ParseList("blau(nosuch)")
	require.NoError(t, err)
	_, err = StreamEgoTable(context.Background(), eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{}, never)
	assert.ErrorIs(t, err, ErrMeasure, "an attribute the data does not have")

	// e3's alters after e4's: not grouped in the order of egos.csv.
	eg, al, ti = streamStudy(t, "egoID,alterID,sex,age\ne1,a,F,30\ne4,g,M,20\ne3,c,F,50\n")
	specs, err = ParseList("size")
	require.NoError(t, err)
	_, err = StreamEgoTable(context.Background(), eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{}, func(*Table, []*network.EgoNet) error { return nil })
	assert.ErrorIs(t, err, network.ErrUngrouped)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	eg, al, ti = streamStudy(t, streamAlters)
	_, err = StreamEgoTable(ctx, eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{}, never)
	assert.ErrorIs(t, err, context.Canceled)
}

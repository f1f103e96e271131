package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/sociogram/sociogram/internal/pqtest"
	"github.com/sociogram/sociogram/parquetio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readParquet reads a Parquet table with parquet-go: column names, and
// rows as Go values (string, int64, float64, bool; nil for null).
func readParquet(t *testing.T, path string) ([]string, [][]any) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names []string
	for _, fd := range f.Schema().Fields() {
		names = append(names, fd.Name())
	}
	rows, err := pqtest.Rows(f)
	require.NoError(t, err)
	return names, rows
}

// pqEdges and pqNodes are a whole network with the awkward cases: an
// isolate (iso), a duplicate tie (a-b twice, weights summed), a self tie
// (c-c), a missing attribute.
const (
	pqEdges = "source,target,weight\na,b,1.5\nb,c,0.25\nc,c,2\nb,a,1\nd,a,3\n"
	pqNodes = "id,group,age\na,x,30\nb,y,NA\nc,x,41.5\nd,,20\niso,z,18\n"
)

// nodes reads the same network from CSV and from the Parquet files that
// convert --to parquet writes, and writes the same table, with the same
// warnings (1 self-loop, 1 duplicate).
func TestParquetInputSameTable(t *testing.T) {
	in := put(t, t.TempDir(), map[string]string{"edges.csv": pqEdges, "nodes.csv": pqNodes})
	var pq string
	for _, directed := range []bool{false, true} {
		args := []string{"nodes", "--measures", "size,ties,density,constraint,blau(group),mean(age)"}
		conv := []string{"convert", "--edges", filepath.Join(in, "edges.csv"), "--nodes", filepath.Join(in, "nodes.csv"), "--to", "parquet"}
		if directed {
			args = append(args, "--directed")
			conv = append(conv, "--directed")
		}
		pq = filepath.Join(t.TempDir(), "pq")
		runOK(t, append(conv, "-o", pq)...)
		wantOut, _ := runOK(t, append(args, "--edges", filepath.Join(in, "edges.csv"), "--nodes", filepath.Join(in, "nodes.csv"))...)
		gotOut, stderr := runOK(t, append(args, "--edges", filepath.Join(pq, "edges.parquet"), "--nodes", filepath.Join(pq, "nodes.parquet"))...)
		assert.Equal(t, wantOut, gotOut, "directed %v", directed)
		assert.Contains(t, wantOut, "iso,0,", "the isolate keeps its row")
		if !directed {
			assert.Empty(t, stderr, "convert wrote the merged graph: no duplicates or self ties left")
		}
	}

	status, _, errs := runCLI("nodes", "--edges", filepath.Join(pq, "edges.parquet"), "--nodes", filepath.Join(in, "nodes.csv"))
	assert.Equal(t, 2, status)
	assert.Contains(t, errs, "both as Parquet")
}

// The reports of the Parquet reader reach stderr as the CSV reader's do.
func TestParquetInputWarnings(t *testing.T) {
	dir := t.TempDir()
	in := put(t, dir, map[string]string{"edges.csv": pqEdges})
	// A Parquet file with the duplicate and the self tie still in it:
	// written by the table writer from the edge list's JSON form.
	var rows []map[string]any
	r := csv.NewReader(strings.NewReader(pqEdges))
	recs, err := r.ReadAll()
	require.NoError(t, err)
	for _, rec := range recs[1:] {
		w, err := strconv.ParseFloat(rec[2], 64)
		require.NoError(t, err)
		rows = append(rows, map[string]any{"source": rec[0], "target": rec[1], "weight": w})
	}
	js, err := json.Marshal(rows)
	require.NoError(t, err)
	f, err := os.Create(filepath.Join(dir, "e.parquet"))
	require.NoError(t, err)
	require.NoError(t, parquetio.WriteJSONTable(f, bytes.NewReader(js)))
	require.NoError(t, f.Close())
	_, wantErr := runOK(t, "nodes", "--edges", filepath.Join(in, "edges.csv"), "--measures", "size")
	_, gotErr := runOK(t, "nodes", "--edges", filepath.Join(dir, "e.parquet"), "--measures", "size")
	require.NotEmpty(t, wantErr)
	assert.Equal(t, strings.ReplaceAll(wantErr, filepath.Join(in, "edges.csv"), "E"), strings.ReplaceAll(gotErr, filepath.Join(dir, "e.parquet"), "E"))
}

// nodes --format parquet writes the table of --format csv as typed
// columns: node as strings, every measure a double equal to the CSV value
// written with --digits 17 (which reads back exactly), NA as null.
func TestFormatParquetNodes(t *testing.T) {
	in := put(t, t.TempDir(), map[string]string{"edges.csv": pqEdges, "nodes.csv": pqNodes})
	out := filepath.Join(t.TempDir(), "t.parquet")
	args := []string{"nodes", "--edges", filepath.Join(in, "edges.csv"), "--nodes", filepath.Join(in, "nodes.csv"),
		"--measures", "size,density,constraint,mean(age)", "--digits", "17"}
	csvOut, _ := runOK(t, args...)
	runOK(t, append(args, "--format", "parquet", "-o", out)...)
	names, rows := readParquet(t, out)
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, recs[0], names)
	require.Len(t, rows, len(recs)-1)
	nulls := 0
	for i, rec := range recs[1:] {
		assert.Equal(t, rec[0], rows[i][0])
		for c := 1; c < len(rec); c++ {
			if rec[c] == "NA" {
				assert.Nil(t, rows[i][c], "row %d col %s", i, names[c])
				nulls++
				continue
			}
			x, err := strconv.ParseFloat(rec[c], 64)
			require.NoError(t, err)
			assert.Equal(t, x, rows[i][c], "row %d col %s", i, names[c])
		}
	}
	assert.Positive(t, nulls, "the isolate's density and constraint are NA, so some nulls were checked")

	status, _, errs := runCLI(append(args[:len(args)-2], "--format", "parquet")...)
	assert.Equal(t, 2, status)
	assert.Contains(t, errs, "--format parquet needs -o FILE")
}

// A table of another kind (summary) goes through its JSON form: the
// Parquet values are the JSON values, null for null, in the same columns.
func TestFormatParquetOtherTables(t *testing.T) {
	plain := filepath.Join(interopDir, "egor32", "plain")
	in := threeTables(plain, "egos.csv", "alters.csv", "aaties.csv")
	jsonOut, _ := runOK(t, append([]string{"summary", "--format", "json"}, in...)...)
	out := filepath.Join(t.TempDir(), "s.parquet")
	runOK(t, append([]string{"summary", "--format", "parquet", "-o", out}, in...)...)
	names, rows := readParquet(t, out)
	dec := json.NewDecoder(strings.NewReader(jsonOut))
	dec.UseNumber()
	var want []map[string]any
	require.NoError(t, dec.Decode(&want))
	require.Len(t, rows, len(want))
	for i, obj := range want {
		require.Len(t, names, len(obj))
		for c, name := range names {
			switch v := obj[name].(type) {
			case json.Number: // every number a double, counts too
				x, err := v.Float64()
				require.NoError(t, err)
				assert.Equal(t, x, rows[i][c], "row %d %s", i, name)
			default:
				assert.Equal(t, v, rows[i][c], "row %d %s", i, name)
			}
		}
	}
}

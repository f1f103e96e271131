package parquetio

import (
	"bytes"
	"io"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/internal/pqtest"
	"github.com/sociogram/sociogram/measures"
)

// readBack reads a Parquet file with parquet-go's own reader: the column
// names, each column's type ("STRING", "INT64", "DOUBLE", "BOOLEAN") with
// "?" for an optional column, and the rows as Go values (nil for null).
func readBack(t *testing.T, data []byte) ([]string, []string, [][]any) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names, types []string
	for _, fd := range f.Schema().Fields() {
		names = append(names, fd.Name())
		typ := fd.Type().Kind().String()
		if lt := fd.Type().LogicalType(); lt != nil && lt.Value != nil && strings.Contains(lt.String(), "STRING") {
			typ = "STRING"
		}
		if fd.Optional() {
			typ += "?"
		}
		types = append(types, typ)
	}
	rows, err := pqtest.Rows(f)
	require.NoError(t, err)
	return names, types, rows
}

// A measures table read back from Parquet: key columns as required
// strings, measures as optional doubles holding the float64s of the
// table bit for bit (-0, subnormal, huge), null where the CSV has NA (NaN,
// ±Inf); names as the CSV writer writes them with the options.
func TestWriteTableRoundTrip(t *testing.T) {
	tiny, huge := math.SmallestNonzeroFloat64, math.MaxFloat64
	tab := &measures.Table{KeyNames: []string{"egoID", "wave"}, Columns: []string{"size", "blau(role)"},
		Keys:   [][]string{{"P1", "1"}, {"a,b", "2"}, {"Zoë", ""}},
		Values: [][]float64{{3, math.NaN()}, {math.Copysign(0, -1), tiny}, {math.Inf(1), huge}}}
	var buf bytes.Buffer
	require.NoError(t, WriteTable(&buf, tab, measures.WriteOptions{KeyNames: []string{"person", "interview"}, Syntactic: true, Digits: 3}))
	names, types, rows := readBack(t, buf.Bytes())
	assert.Equal(t, []string{"person", "interview", "size", "blau_role"}, names)
	assert.Equal(t, []string{"STRING", "STRING", "DOUBLE?", "DOUBLE?"}, types)
	require.Len(t, rows, 3)
	assert.Equal(t, []any{"P1", "1", 3.0, nil}, rows[0])
	assert.Equal(t, []any{"a,b", "2", math.Copysign(0, -1), tiny}, rows[1])
	assert.True(t, math.Signbit(rows[1][2].(float64)), "-0 kept")
	assert.Equal(t, []any{"Zoë", "", nil, huge}, rows[2])

	// Many rows: several batches of the writer, values bit for bit.
	big := &measures.Table{KeyNames: []string{"node"}, Columns: []string{"x"}}
	for r := 0; r < 3*batchRows+5; r++ {
		x := math.Float64frombits(uint64(r) * 0x9E3779B97F4A7C15)
		big.Keys = append(big.Keys, []string{strings.Repeat("n", r%7)})
		big.Values = append(big.Values, []float64{x})
	}
	buf.Reset()
	require.NoError(t, WriteTable(&buf, big, measures.WriteOptions{}))
	_, _, rows = readBack(t, buf.Bytes())
	require.Len(t, rows, big.Len())
	for r, row := range rows {
		x := big.Values[r][0]
		if math.IsNaN(x) || math.IsInf(x, 0) {
			require.Nil(t, row[1], "row %d", r)
			continue
		}
		require.Equal(t, math.Float64bits(x), math.Float64bits(row[1].(float64)), "row %d", r)
		require.Equal(t, big.Keys[r][0], row[0])
	}

	// Two columns of one name cannot be written.
	dup := &measures.Table{KeyNames: []string{"node"}, Columns: []string{"node"}, Keys: [][]string{{"a"}}, Values: [][]float64{{1}}}
	assert.ErrorContains(t, WriteTable(io.Discard, dup, measures.WriteOptions{}), `two columns are named "node"`)
}

// A table in the JSON form of the library's writers becomes typed
// columns: the types below follow from the values by WriteJSONTable's
// rule (strings; numbers → double, whole or not; booleans; mixed kinds →
// strings), nulls and missing keys null.
func TestWriteJSONTable(t *testing.T) {
	in := `[
{"group":"a","egos":3,"mean":0.5,"flag":true,"mixed":1,"none":null},
{"group":"b","egos":12,"mean":2,"flag":false,"mixed":"x","none":null,"late":1e3},
{"group":null,"egos":null,"mean":null,"flag":null,"mixed":null}
]`
	var buf bytes.Buffer
	require.NoError(t, WriteJSONTable(&buf, strings.NewReader(in)))
	names, types, rows := readBack(t, buf.Bytes())
	assert.Equal(t, []string{"group", "egos", "mean", "flag", "mixed", "none", "late"}, names)
	assert.Equal(t, []string{"STRING?", "DOUBLE?", "DOUBLE?", "BOOLEAN?", "STRING?", "STRING?", "DOUBLE?"}, types)
	assert.Equal(t, [][]any{
		{"a", 3.0, 0.5, true, "1", nil, nil},
		{"b", 12.0, 2.0, false, "x", nil, 1000.0},
		{nil, nil, nil, nil, nil, nil, nil},
	}, rows)

	// An empty table has no columns to write: an error, not an empty file.
	assert.Error(t, WriteJSONTable(io.Discard, strings.NewReader("[]\n")))
	for _, bad := range []string{`{}`, `[{"a":[1]}]`, `[{"a":1,"a":2}]`, `[1]`, `[{"a":1}`, `[{"a":1e999}]`} {
		assert.Error(t, WriteJSONTable(io.Discard, strings.NewReader(bad)), "%s", bad)
	}
}

// The library packages do not depend on Parquet: only this package and
// the command-line tool import it (go list -deps of each library package
// names no parquet-go package).
func TestLibraryDoesNotImportParquet(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	for _, pkg := range []string{"network", "measures", "visualize", "analysis"} {
		out, err := exec.Command(goTool, "list", "-deps", "github.com/sociogram/sociogram/"+pkg).CombinedOutput()
		require.NoError(t, err, "%s", out)
		assert.NotContains(t, string(out), "parquet-go", "%s depends on parquet-go", pkg)
	}
}

package parquetio

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// pqCol is a column of a test file: a Parquet node (any type the test
// wants, int32 included) and one value per row (nil for null).
type pqCol struct {
	name string
	node parquet.Node
	vals []any
}

// writePQ writes cols as a Parquet file in dir, rowsPerGroup rows per row
// group and small pages, so that reads cross row groups and pages.
func writePQ(t *testing.T, dir, name string, rowsPerGroup int64, cols ...pqCol) string {
	t.Helper()
	g := make(orderedGroup, len(cols))
	for i, c := range cols {
		g[i] = &field{Node: c.node, name: c.name}
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[any](&buf, parquet.NewSchema("test", g),
		parquet.MaxRowsPerRowGroup(rowsPerGroup), parquet.PageBufferSize(256))
	n := len(cols[0].vals)
	for r := 0; r < n; r++ {
		row := make(parquet.Row, len(cols))
		for i, c := range cols {
			v, def := parquet.NullValue(), 0
			if c.vals[r] != nil {
				v, def = parquet.ValueOf(c.vals[r]), 1
			}
			if !c.node.Optional() {
				def = 0
			}
			row[i] = v.Level(0, def, i)
		}
		_, err := w.WriteRows([]parquet.Row{row})
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	return p
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

var (
	optInt64  = parquet.Optional(parquet.Int(64))
	optInt32  = parquet.Optional(parquet.Int(32))
	optString = parquet.Optional(parquet.String())
	optDouble = parquet.Optional(parquet.Leaf(parquet.DoubleType))
	reqInt64  = parquet.Int(64)
	reqString = parquet.String()
)

// requireSameGraph checks that two graphs are equal: order, node labels in
// order, direction, weighting, every edge with its weight, and every node
// attribute value (text, number and kind).
func requireSameGraph(t *testing.T, want, got *network.Graph) {
	t.Helper()
	require.Equal(t, want.Order(), got.Order(), "order")
	require.Equal(t, want.Size(), got.Size(), "size")
	require.Equal(t, want.Directed(), got.Directed(), "directed")
	require.Equal(t, want.IsWeighted(), got.IsWeighted(), "weighted")
	require.Equal(t, want.Attrs().Names(), got.Attrs().Names(), "attribute names")
	for u := 0; u < want.Order(); u++ {
		require.Equal(t, want.Label(u), got.Label(u), "label of node %d", u)
		require.Equal(t, want.Neighbors(u), got.Neighbors(u), "neighbours of %s", want.Label(u))
		for _, v := range want.Neighbors(u) {
			w1, _ := want.EdgeWeight(u, v)
			w2, _ := got.EdgeWeight(u, v)
			require.Equal(t, w1, w2, "weight %s-%s", want.Label(u), want.Label(v))
		}
		for c := 0; c < want.Attrs().Len(); c++ {
			require.Equal(t, want.NodeAttr(u, c), got.NodeAttr(u, c), "attribute %s of %s", want.Attrs().Name(c), want.Label(u))
		}
	}
}

// repairs returns a report's repairs as "kind count" lines, without file
// names (the CSV and Parquet files have different names).
func repairs(rep network.Report) []string {
	var s []string
	for _, r := range rep.Repairs {
		s = append(s, fmt.Sprintf("%v %d", r.Kind, r.Count))
	}
	return s
}

// The awkward cases of a whole network, the same data as CSV and as
// Parquet with integer and with string IDs: an isolate (9) and a node
// only in the node table's order before its edges (5), a duplicate edge
// (1-2 twice, in both orders: weights 2 and 0.5 summed to 2.5), a self
// tie (3-3, dropped), a missing attribute (null / NA), a numeric and a
// text attribute. The Parquet reader must build the graph the CSV reader
// builds and report the same repairs (1 self-loop, 1 duplicate).
func TestSameGraphAsCSV(t *testing.T) {
	dir := t.TempDir()
	ecsv := writeFile(t, dir, "e.csv", "source,target,weight\n1,2,2\n2,3,1\n3,3,4\n2,1,0.5\n5,1,1.25\n")
	ncsv := writeFile(t, dir, "n.csv", "id,age,sex\n5,70,f\n1,34,NA\n2,,m\n3,51.5,f\n9,18,x\n")
	for _, ids := range []string{"int64", "int32", "string"} {
		var node parquet.Node
		conv := func(x int) any { return int64(x) }
		switch ids {
		case "int64":
			node = reqInt64
		case "int32":
			node = parquet.Int(32)
			conv = func(x int) any { return int32(x) }
		default:
			node = reqString
			conv = func(x int) any { return fmt.Sprint(x) }
		}
		col := func(name string, xs ...int) pqCol {
			c := pqCol{name: name, node: node}
			for _, x := range xs {
				c.vals = append(c.vals, conv(x))
			}
			return c
		}
		epq := writePQ(t, dir, ids+"_e.parquet", 2,
			col("source", 1, 2, 3, 2, 5), col("target", 2, 3, 3, 1, 1),
			pqCol{"weight", optDouble, []any{2.0, 1.0, 4.0, 0.5, 1.25}})
		npq := writePQ(t, dir, ids+"_n.parquet", 3, col("id", 5, 1, 2, 3, 9),
			pqCol{"age", optDouble, []any{70.0, 34.0, nil, 51.5, 18.0}},
			pqCol{"sex", optString, []any{"f", nil, "m", "f", "x"}})
		for _, directed := range []bool{false, true} {
			opt := network.EdgeListOptions{Directed: directed}
			want, wrep, err := network.ReadEdgeList(ecsv, ncsv, opt)
			require.NoError(t, err)
			got, grep, err := ReadEdgeList(epq, npq, opt)
			require.NoError(t, err, "%s IDs", ids)
			requireSameGraph(t, want, got)
			assert.Equal(t, repairs(wrep), repairs(grep), "%s IDs, directed %v", ids, directed)
			// Without the node table: nodes in order of first appearance.
			want, _, err = network.ReadEdgeList(ecsv, "", opt)
			require.NoError(t, err)
			got, _, err = ReadEdgeList(epq, "", opt)
			require.NoError(t, err)
			requireSameGraph(t, want, got)
		}
	}
}

// Gephi's column names (Source, Target, Weight) are found in any letter
// case, as in CSV; --weight - reads the graph unweighted; --source names
// another column.
func TestColumnNames(t *testing.T) {
	dir := t.TempDir()
	p := writePQ(t, dir, "g.parquet", 10,
		pqCol{"Source", reqString, []any{"a", "b"}}, pqCol{"Target", reqString, []any{"b", "c"}},
		pqCol{"Weight", optInt32, []any{int32(3), int32(4)}}, pqCol{"from", reqString, []any{"c", "c"}})
	g, _, err := ReadEdgeList(p, "", network.EdgeListOptions{})
	require.NoError(t, err)
	require.True(t, g.IsWeighted())
	a, _ := g.Lookup("a")
	b, _ := g.Lookup("b")
	w, ok := g.EdgeWeight(a, b)
	require.True(t, ok)
	assert.Equal(t, 3.0, w, "the INT32 weight of row 1")
	g, _, err = ReadEdgeList(p, "", network.EdgeListOptions{Weight: "-"})
	require.NoError(t, err)
	assert.False(t, g.IsWeighted())
	g, _, err = ReadEdgeList(p, "", network.EdgeListOptions{Source: "from", Weight: "-"})
	require.NoError(t, err)
	// Rows (from, Target): (c, b) and (c, c); the self tie is dropped.
	assert.Equal(t, 1, g.Size(), "c-b only")
}

// Bad input gives an error of the kind the CSV reader gives for the same
// data, naming the file, the row and the column.
func TestErrorsLikeCSV(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name     string
		csv      string
		cols     []pqCol
		nodesCSV string
		nodes    []pqCol
		opt      network.EdgeListOptions
		want     error
		where    string // in the Parquet error
	}{
		{name: "null weight", csv: "source,target,weight\n1,2,1\n2,3,\n",
			cols: []pqCol{{"source", reqInt64, []any{int64(1), int64(2)}}, {"target", reqInt64, []any{int64(2), int64(3)}}, {"weight", optDouble, []any{1.0, nil}}},
			want: network.ErrBadWeight, where: `row 2, column "weight"`},
		{name: "negative weight", csv: "source,target,weight\n1,2,-1\n",
			cols: []pqCol{{"source", reqInt64, []any{int64(1)}}, {"target", reqInt64, []any{int64(2)}}, {"weight", optInt64, []any{int64(-1)}}},
			want: network.ErrBadWeight, where: `row 1, column "weight"`},
		{name: "text weight", csv: "source,target,weight\n1,2,heavy\n",
			cols: []pqCol{{"source", reqInt64, []any{int64(1)}}, {"target", reqInt64, []any{int64(2)}}, {"weight", optString, []any{"heavy"}}},
			want: network.ErrBadWeight, where: `row 1, column "weight"`},
		{name: "null ID", csv: "source,target\n1,2\n,3\n",
			cols: []pqCol{{"source", optString, []any{"1", nil}}, {"target", reqString, []any{"2", "3"}}},
			want: network.ErrEmptyID, where: `row 2, column "source"`},
		{name: "NA ID", csv: "source,target\nNA,2\n",
			cols: []pqCol{{"source", reqString, []any{"NA"}}, {"target", reqString, []any{"2"}}},
			want: network.ErrEmptyID, where: `row 1, column "source"`},
		{name: "missing column", csv: "from,to\n1,2\n",
			cols: []pqCol{{"from", reqInt64, []any{int64(1)}}, {"to", reqInt64, []any{int64(2)}}},
			want: network.ErrMissingColumn, where: `"source"`},
		{name: "unknown node", csv: "source,target\n1,2\n1,7\n", nodesCSV: "id\n1\n2\n",
			cols:  []pqCol{{"source", reqInt64, []any{int64(1), int64(1)}}, {"target", reqInt64, []any{int64(2), int64(7)}}},
			nodes: []pqCol{{"id", reqInt64, []any{int64(1), int64(2)}}},
			want:  network.ErrUnknownNode, where: `row 2, column "target": unknown node: "7" is not in`},
		{name: "duplicate node", csv: "source,target\n1,2\n", nodesCSV: "id\n1\n2\n1\n",
			cols:  []pqCol{{"source", reqInt64, []any{int64(1)}}, {"target", reqInt64, []any{int64(2)}}},
			nodes: []pqCol{{"id", reqInt64, []any{int64(1), int64(2), int64(1)}}},
			want:  network.ErrDuplicateID, where: `row 3, column "id"`},
		{name: "no rows", csv: "source,target\n",
			cols: []pqCol{{"source", reqInt64, []any{}}, {"target", reqInt64, []any{}}},
			want: network.ErrEmptyFile, where: "no edges"},
		{name: "double IDs", csv: "",
			cols: []pqCol{{"source", optDouble, []any{1.5}}, {"target", optDouble, []any{2.0}}},
			want: network.ErrSyntax, where: `column "source": syntax error: an ID column of type DOUBLE`},
	}
	for i, c := range cases {
		var ncsv, npq string
		if c.nodes != nil {
			ncsv = writeFile(t, dir, fmt.Sprintf("%d_n.csv", i), c.nodesCSV)
			npq = writePQ(t, dir, fmt.Sprintf("%d_n.parquet", i), 2, c.nodes...)
		}
		if c.csv != "" {
			_, _, err := network.ReadEdgeList(writeFile(t, dir, fmt.Sprintf("%d.csv", i), c.csv), ncsv, c.opt)
			require.ErrorIs(t, err, c.want, "%s: CSV", c.name)
		}
		p := writePQ(t, dir, fmt.Sprintf("%d.parquet", i), 1, c.cols...)
		_, _, err := ReadEdgeList(p, npq, c.opt)
		require.ErrorIs(t, err, c.want, "%s: Parquet", c.name)
		var pe *network.ParseError
		require.True(t, errors.As(err, &pe), "%s: a *network.ParseError", c.name)
		if c.want == network.ErrDuplicateID {
			p = npq // the error is in the node table
		}
		assert.Contains(t, err.Error(), p+": ", "%s: names the file", c.name)
		assert.Contains(t, err.Error(), c.where, "%s", c.name)
		assert.NotContains(t, err.Error(), "\n", "%s: one line", c.name)
	}
	// Not a Parquet file at all.
	_, _, err := ReadEdgeList(writeFile(t, dir, "x.parquet", "source,target\n1,2\n"), "", network.EdgeListOptions{})
	assert.ErrorIs(t, err, network.ErrSyntax)
	assert.Contains(t, err.Error(), "x.parquet: ")
}

// A random graph of 2,000 edges (about 1,000 node IDs, random weights,
// duplicates and self ties among them; integer targets small, huge and
// negative), read from Parquet files of 37 rows per row
// group and 256-byte pages, equals the graph read from the same edges as
// CSV: the reader keeps its columns in step across pages and groups.
func TestManyGroupsAndPages(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("source,target,weight\n")
	var s, d pqCol = pqCol{name: "source", node: reqString}, pqCol{name: "target", node: reqInt64}
	wc := pqCol{name: "weight", node: optDouble}
	for i := 0; i < 2000; i++ {
		u, v, w := rng.IntN(500), int64(rng.IntN(500)), float64(rng.IntN(1000))/8
		switch v % 3 { // integer IDs of the dense table, of the map: huge and negative
		case 1:
			v += 1 << 40
		case 2:
			v = -v
		}
		fmt.Fprintf(&csv, "%d,%d,%g\n", u, v, w)
		s.vals = append(s.vals, fmt.Sprint(u))
		d.vals = append(d.vals, v)
		wc.vals = append(wc.vals, w)
	}
	want, wrep, err := network.ReadEdgeList(writeFile(t, dir, "e.csv", csv.String()), "", network.EdgeListOptions{})
	require.NoError(t, err)
	got, grep, err := ReadEdgeList(writePQ(t, dir, "e.parquet", 37, s, d, wc), "", network.EdgeListOptions{})
	require.NoError(t, err)
	requireSameGraph(t, want, got)
	assert.Equal(t, repairs(wrep), repairs(grep))
}

// WriteEdgeList and ReadEdgeList round-trip a graph: labels, order
// (isolates kept by the node table), weights, attributes (numbers, text,
// missing).
func TestEdgeListRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, ids := range []string{"1,2,3,5,9", "a,b,c,e,i"} {
		id := strings.Split(ids, ",")
		e := fmt.Sprintf("source,target,weight\n%s,%s,2\n%s,%s,1.5\n%s,%s,1e-300\n", id[0], id[1], id[1], id[2], id[3], id[0])
		n := fmt.Sprintf("id,age,note\n%s,70,x\n%s,NA,\n%s,3.25,y z\n%s,1e+21,7\n%s,18,NA\n", id[3], id[0], id[1], id[2], id[4])
		for _, directed := range []bool{false, true} {
			want, _, err := network.ReadEdgeList(writeFile(t, dir, "e.csv", e), writeFile(t, dir, "n.csv", n), network.EdgeListOptions{Directed: directed})
			require.NoError(t, err)
			out := filepath.Join(dir, "out")
			require.NoError(t, WriteEdgeListDir(out, want))
			got, _, err := ReadEdgeList(filepath.Join(out, "edges.parquet"), filepath.Join(out, "nodes.parquet"), network.EdgeListOptions{Directed: directed})
			require.NoError(t, err)
			requireSameGraph(t, want, got)
		}
	}
}

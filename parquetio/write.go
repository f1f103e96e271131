package parquetio

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/sociogram/sociogram/internal/outfiles"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// batchRows is the number of rows handed to the Parquet writer at a time.
const batchRows = 4096

// writeRows writes n rows with cols to w: fill(row, r) sets the values of
// row r (one per column, in column order, without levels; a null is
// parquet.NullValue()), and writeRows sets the levels.
func writeRows(w io.Writer, cols []column, n int, fill func(row parquet.Row, r int)) error {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	if err := checkNames(names); err != nil {
		return err
	}
	pw := newWriter(w, cols)
	batch := make([]parquet.Row, 0, batchRows)
	flat := make([]parquet.Value, batchRows*len(cols))
	for lo := 0; lo < n; lo += batchRows {
		hi := min(lo+batchRows, n)
		batch = batch[:0]
		for r := lo; r < hi; r++ {
			k := (r - lo) * len(cols)
			row := parquet.Row(flat[k : k+len(cols) : k+len(cols)])
			fill(row, r)
			for c := range row {
				def := 0
				if cols[c].optional && !row[c].IsNull() {
					def = 1
				}
				row[c] = row[c].Level(0, def, c)
			}
			batch = append(batch, row)
		}
		if _, err := pw.WriteRows(batch); err != nil {
			return err
		}
	}
	return pw.Close()
}

// WriteTable writes t as Parquet: the key columns (egoID, wave, node) as
// strings, the measure columns as optional doubles with null where the CSV
// has NA (an undefined value: NaN or an infinity), one row per row of t,
// column names as t.WriteCSVWith writes them with opt (KeyNames,
// Syntactic). Values are the float64s of the table, every digit kept:
// opt.Digits does not apply.
func WriteTable(w io.Writer, t *measures.Table, opt measures.WriteOptions) error {
	head, err := t.Header(opt)
	if err != nil {
		return err
	}
	nk := len(t.KeyNames)
	cols := make([]column, len(head))
	for i, h := range head {
		cols[i] = column{name: h, kind: kString}
		if i >= nk {
			cols[i] = column{name: h, kind: kDouble, optional: true}
		}
	}
	return writeRows(w, cols, t.Len(), func(row parquet.Row, r int) {
		for k, s := range t.Keys[r] {
			row[k] = parquet.ValueOf(s)
		}
		for c, x := range t.Values[r] {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				row[nk+c] = parquet.NullValue()
			} else {
				row[nk+c] = parquet.DoubleValue(x)
			}
		}
	})
}

// jsonColumn is a column of a table read from JSON: its values, one per
// row (nil for null or a row without the key), and what kinds they are.
type jsonColumn struct {
	name              string
	vals              []any // string, json.Number, bool or nil
	str, num, boolean bool  // some value is a string, a number, a bool
}

// WriteJSONTable reads a table in the JSON form the library's tables write
// (an array of flat objects, one per row, its keys the columns) from r and
// writes it as Parquet to w. Columns keep the order in which their keys
// first appear. A column's type follows the kind of its values: strings
// give a string column, numbers a double column (counts included: a
// column's type must not depend on the data, or a wave whose densities are
// all 0 or 1 would give an int64 column that does not stack with the next
// wave's), true and false a boolean column; a column with values of
// several kinds is written as strings (numbers in their JSON text). null,
// and a key missing from a row, is null; every column is optional. A
// nested array or object is an error naming the row and key, and so is a
// table without rows (its JSON names no columns).
func WriteJSONTable(w io.Writer, r io.Reader) error {
	cols, rows, err := readJSONTable(r)
	if err != nil {
		return err
	}
	if len(cols) == 0 {
		return errors.New("parquet: the table has no rows, so its JSON names no columns; a Parquet file needs them (write CSV)")
	}
	spec := make([]column, len(cols))
	for i, c := range cols {
		spec[i] = column{name: c.name, kind: kString, optional: true}
		switch {
		case c.num && !c.str && !c.boolean:
			spec[i].kind = kDouble
		case c.boolean && !c.str && !c.num:
			spec[i].kind = kBool
		}
	}
	var convErr error
	err = writeRows(w, spec, rows, func(row parquet.Row, r int) {
		for i, c := range cols {
			row[i] = jsonValue(c.vals[r], spec[i].kind, &convErr)
		}
	})
	if convErr != nil {
		return convErr
	}
	return err
}

// jsonValue converts one JSON value to the Parquet value of a column of
// kind k; a number out of the range of its column sets *err.
func jsonValue(v any, k kind, err *error) parquet.Value {
	switch x := v.(type) {
	case nil:
		return parquet.NullValue()
	case string:
		return parquet.ValueOf(x)
	case bool:
		if k == kBool {
			return parquet.BooleanValue(x)
		}
		return parquet.ValueOf(strconv.FormatBool(x))
	case json.Number:
		if k == kDouble {
			f, e := strconv.ParseFloat(string(x), 64)
			if e != nil && *err == nil {
				*err = fmt.Errorf("parquet: %s does not fit a double column", x)
			}
			return parquet.DoubleValue(f)
		}
		return parquet.ValueOf(string(x))
	}
	return parquet.NullValue() // not reached: readJSONTable gives only these types
}

// readJSONTable reads an array of flat JSON objects into columns.
func readJSONTable(r io.Reader) ([]*jsonColumn, int, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	bad := func(row int, format string, args ...any) error {
		return fmt.Errorf("parquet: JSON table row %d: %s", row, fmt.Sprintf(format, args...))
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, 0, errors.New("parquet: JSON table: want an array of objects")
	}
	var cols []*jsonColumn
	index := map[string]int{}
	rows := 0
	for dec.More() {
		rows++
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return nil, 0, bad(rows, "want an object")
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return nil, 0, bad(rows, "%v", err)
			}
			key := t.(string) // object keys are strings
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, 0, bad(rows, "key %q: %v", key, err)
			}
			i, ok := index[key]
			if !ok {
				i = len(cols)
				index[key] = i
				cols = append(cols, &jsonColumn{name: key, vals: make([]any, rows-1, rows)})
			}
			c := cols[i]
			if len(c.vals) == rows {
				return nil, 0, bad(rows, "key %q twice", key)
			}
			switch v.(type) {
			case nil:
			case string:
				c.str = true
			case bool:
				c.boolean = true
			case json.Number:
				c.num = true
			default:
				return nil, 0, bad(rows, "key %q holds an array or object, not a value", key)
			}
			c.vals = append(c.vals, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, 0, bad(rows, "%v", err)
		}
		for _, c := range cols {
			if len(c.vals) < rows {
				c.vals = append(c.vals, nil)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, 0, fmt.Errorf("parquet: JSON table: %v", err)
	}
	return cols, rows, nil
}

// WriteEdgeList writes g as a Parquet edge list to edges (source, target
// and, for a weighted graph, weight; each undirected edge once, lower
// index first, as network.WriteEdgeList) and, when nodes is not nil, a
// Parquet node table (id, then every attribute) that keeps isolates and
// the node order. IDs are int64 columns when every label is an integer
// written as strconv.FormatInt writes it, else strings. An attribute is a
// double column when every value is a number written as
// strconv.FormatFloat(x, 'g', -1, 64) writes it, else a string column of
// the values' text; missing values are null. ReadEdgeList reads the files
// back into a graph equal to g.
func WriteEdgeList(edges, nodes io.Writer, g *network.Graph) error {
	attrs := g.Attrs()
	if nodes != nil {
		for _, n := range attrs.Names() {
			if strings.EqualFold(n, "id") {
				return fmt.Errorf("cannot write a node table: the node attribute %q would clash with its id column; rename it", n)
			}
		}
	}
	ids := kInt64
	nums := make([]int64, g.Order()) // the labels as numbers, when every one is
	for u := range nums {
		n, ok := canonicalInt(g.Label(u))
		if !ok {
			ids, nums = kString, nil
			break
		}
		nums[u] = n
	}
	label := func(u int) parquet.Value {
		if ids == kInt64 {
			return parquet.Int64Value(nums[u])
		}
		return parquet.ValueOf(g.Label(u))
	}
	cols := []column{{name: "source", kind: ids}, {name: "target", kind: ids}}
	if g.IsWeighted() {
		cols = append(cols, column{name: "weight", kind: kDouble})
	}
	type edge struct{ u, v int }
	es := make([]edge, 0, g.Size())
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Neighbors(u) {
			if g.Directed() || v >= u {
				es = append(es, edge{u, v})
			}
		}
	}
	err := writeRows(edges, cols, len(es), func(row parquet.Row, r int) {
		e := es[r]
		row[0], row[1] = label(e.u), label(e.v)
		if g.IsWeighted() {
			w, _ := g.EdgeWeight(e.u, e.v)
			row[2] = parquet.DoubleValue(w)
		}
	})
	if err != nil || nodes == nil {
		return err
	}
	ncols := []column{{name: "id", kind: ids}}
	for c := 0; c < attrs.Len(); c++ {
		k := kDouble
		for u := 0; u < g.Order(); u++ {
			v := g.NodeAttr(u, c)
			if x, ok := v.Float(); !v.IsMissing() && (!ok || strconv.FormatFloat(x, 'g', -1, 64) != v.Text) {
				k = kString
				break
			}
		}
		ncols = append(ncols, column{name: attrs.Name(c), kind: k, optional: true})
	}
	return writeRows(nodes, ncols, g.Order(), func(row parquet.Row, u int) {
		row[0] = label(u)
		for c := 1; c < len(ncols); c++ {
			v := g.NodeAttr(u, c-1)
			switch {
			case v.IsMissing():
				row[c] = parquet.NullValue()
			case ncols[c].kind == kDouble:
				row[c] = parquet.DoubleValue(v.Num)
			default:
				row[c] = parquet.ValueOf(v.Text)
			}
		}
	})
}

// canonicalInt returns s as an int64 when strconv.FormatInt writes that
// number as s.
func canonicalInt(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && strconv.FormatInt(n, 10) == s
}

// WriteEdgeListDir writes dir/edges.parquet and dir/nodes.parquet (see
// WriteEdgeList), creating dir if needed.
func WriteEdgeListDir(dir string, g *network.Graph) error {
	return outfiles.WritePair(dir, "edges.parquet", "nodes.parquet", func(edges, nodes io.Writer) error {
		return WriteEdgeList(edges, nodes, g)
	})
}

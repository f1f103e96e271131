package parquetio

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/sociogram/sociogram/network"
)

// Input is an open Parquet file: its name (used in errors), contents and
// size.
type Input struct {
	Name string
	R    io.ReaderAt
	Size int64
}

// IsParquet reports whether path names a Parquet file by its extension
// (.parquet, .parq or .pq in any letter case), the test the command-line
// tool uses to choose the reader.
func IsParquet(path string) bool {
	l := strings.ToLower(path)
	return strings.HasSuffix(l, ".parquet") || strings.HasSuffix(l, ".parq") || strings.HasSuffix(l, ".pq")
}

// ReadEdgeList reads a whole network from a Parquet edge list and, when
// nodes is not "", a Parquet node table whose other columns become node
// attributes, with the rules of network.ReadEdgeList: opt names the
// columns (Source, Target, Weight and NodeID, found in any letter case
// when not given; Comma and Limits do not apply); nodes are numbered in
// the order of the node table, then in order of first appearance in the
// edge list; with a node table an edge to a node it does not list is an
// error; self-loops are dropped and duplicate edges merged (weights
// summed), both counted in the Report.
//
// ID columns may be integers (INT32, INT64, signed or not) or strings
// (BYTE_ARRAY); a weight column integers, floats, doubles or strings (read
// as network.ParseNumber reads CSV text). A null ID or weight is an error,
// as an empty field in CSV. Node attributes become the values
// network.ParseValue makes of their text (integers in decimal, doubles as
// strconv.FormatFloat(x, 'g', -1, 64)), null a missing value. Errors are
// *network.ParseError values that name the file and the row (1 for the
// first row of data) and wrap the errors of network (ErrMissingColumn,
// ErrEmptyID, ErrBadWeight, ErrUnknownNode, ErrDuplicateID, ErrEmptyFile).
func ReadEdgeList(edges, nodes string, opt network.EdgeListOptions) (*network.Graph, network.Report, error) {
	ein, eclose, err := open(edges)
	if err != nil {
		return nil, network.Report{}, err
	}
	defer eclose()
	var nin *Input
	if nodes != "" {
		var nclose func()
		if nin, nclose, err = open(nodes); err != nil {
			return nil, network.Report{}, err
		}
		defer nclose()
	}
	return ReadEdgeListFrom(ein, nin, opt)
}

func open(path string) (*Input, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return &Input{Name: path, R: f, Size: st.Size()}, func() { f.Close() }, nil
}

// ReadEdgeListFrom is ReadEdgeList on open inputs; nodes may be nil.
//
// A damaged file is an error, not a panic: the Parquet decoder panics on
// some damaged pages and footers (a length past the end of a buffer), and
// such a panic is returned as a *network.ParseError wrapping
// network.ErrSyntax that names the file being read.
func ReadEdgeListFrom(edges, nodes *Input, opt network.EdgeListOptions) (g *network.Graph, rep network.Report, err error) {
	reading := edges.Name
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, &network.ParseError{File: reading, Err: fmt.Errorf("%w: damaged Parquet file (%v)", network.ErrSyntax, r)}
		}
	}()
	et, err := openTable(edges)
	if err != nil {
		return nil, rep, err
	}
	src, err := et.needFold(opt.Source, "source", "EdgeListOptions.Source")
	if err != nil {
		return nil, rep, err
	}
	dst, err := et.needFold(opt.Target, "target", "EdgeListOptions.Target")
	if err != nil {
		return nil, rep, err
	}
	wcol := -1
	switch opt.Weight {
	case "-":
	case "":
		if wcol, err = et.optionalFold("weight", "EdgeListOptions.Weight"); err != nil {
			return nil, rep, err
		}
	default:
		if wcol, err = et.need(opt.Weight, "EdgeListOptions.Weight"); err != nil {
			return nil, rep, err
		}
	}
	srcID, err := et.idReader(src)
	if err != nil {
		return nil, rep, err
	}
	dstID, err := et.idReader(dst)
	if err != nil {
		return nil, rep, err
	}
	var weight func(parquet.Value) (float64, error)
	if wcol >= 0 {
		if weight, err = et.weightReader(wcol); err != nil {
			return nil, rep, err
		}
	}
	b := network.NewBuilder(opt.Directed, wcol >= 0)
	closed := false
	if nodes != nil {
		reading = nodes.Name
		if err := readNodes(nodes, b, opt); err != nil {
			return nil, rep, err
		}
		reading = edges.Name
		closed = true
	}
	// Integer IDs seen, and their node, without a string per look-up: in a
	// slice for IDs in [0, maxDense) (IDs numbered from 0 or 1, the common
	// case: 4 bytes per ID up to the largest), else in a map.
	var dense []int32 // node+1 of ID i; 0: not seen
	byInt := map[int64]int{}
	seen := func(n int64) (int, bool) {
		if n >= 0 && n < int64(len(dense)) {
			u := dense[n]
			return int(u) - 1, u > 0
		}
		u, ok := byInt[n]
		return u, ok
	}
	remember := func(n int64, u int) {
		if n >= 0 && n < maxDense {
			if int64(len(dense)) <= n {
				dense = append(dense, make([]int32, min(max(n+1, 2*int64(len(dense))), maxDense)-int64(len(dense)))...)
			}
			dense[n] = int32(u + 1)
			return
		}
		byInt[n] = u
	}
	node := func(id idValue, col, row int) (int, error) {
		if id.isInt {
			if u, ok := seen(id.n); ok {
				return u, nil
			}
		}
		label := id.label()
		if err := checkID(label); err != nil {
			return 0, et.errAt(row, col, err)
		}
		if closed && !b.HasNode(label) {
			return 0, et.errAt(row, col, fmt.Errorf("%w: %q is not in %s", network.ErrUnknownNode, label, nodes.Name))
		}
		u := b.LookupOrAdd(label)
		if id.isInt {
			remember(id.n, u)
		}
		return u, nil
	}
	cols := []int{src, dst}
	if wcol >= 0 {
		cols = append(cols, wcol)
	}
	sum := 0.0 // of all weights: when finite, no merged weight overflows
	err = et.scan(cols, func(row int, vals []parquet.Value) error {
		u, err := node(srcID(vals[0]), src, row)
		if err != nil {
			return err
		}
		v, err := node(dstID(vals[1]), dst, row)
		if err != nil {
			return err
		}
		w := 1.0
		if wcol >= 0 {
			if w, err = weight(vals[2]); err != nil {
				return et.errAt(row, wcol, err)
			}
			sum += w
		}
		if err := b.AddEdge(u, v, w); err != nil {
			return et.errAt(row, -1, err)
		}
		return nil
	})
	if err != nil {
		return nil, rep, err
	}
	if et.rows == 0 && b.Order() == 0 {
		return nil, rep, &network.ParseError{File: et.name, Err: fmt.Errorf("%w: no edges and no node table", network.ErrEmptyFile)}
	}
	var st network.BuildStats
	g, st = b.Build()
	if math.IsInf(sum, 0) {
		if err := checkSums(g, et.name); err != nil {
			return nil, rep, err
		}
	}
	rep.Add(et.name, network.RepairSelfLoops, st.SelfLoops)
	rep.Add(et.name, network.RepairDuplicates, st.Duplicates)
	rep.Add(et.name, network.RepairMultiplex, st.Multiplex)
	return g, rep, nil
}

// maxDense bounds the integer IDs kept in a slice by ReadEdgeListFrom:
// 2^24 IDs, 64 MiB at most; larger IDs go to a map.
const maxDense = 1 << 24

// checkSums rejects a graph in which merging duplicate edges summed
// weights beyond the float64 range, as network.ReadEdgeList does.
func checkSums(g *network.Graph, file string) error {
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Neighbors(u) {
			if w, _ := g.EdgeWeight(u, v); math.IsInf(w, 0) {
				return &network.ParseError{File: file, Err: fmt.Errorf("%w: duplicate ties sum to more than %g", network.ErrBadWeight, math.MaxFloat64)}
			}
		}
	}
	return nil
}

// checkID rejects an ID that CSV readers reject: empty, or "NA".
func checkID(id string) error {
	switch id {
	case "":
		return fmt.Errorf("%w: node", network.ErrEmptyID)
	case "NA":
		return fmt.Errorf("%w: node is \"NA\", a missing value", network.ErrEmptyID)
	}
	return nil
}

// readNodes reads a node table into b: the ID column, then every other
// column as an attribute.
func readNodes(in *Input, b *network.Builder, opt network.EdgeListOptions) error {
	t, err := openTable(in)
	if err != nil {
		return err
	}
	idc, err := t.needFold(opt.NodeID, "id", "EdgeListOptions.NodeID")
	if err != nil {
		return err
	}
	id, err := t.idReader(idc)
	if err != nil {
		return err
	}
	cols := []int{idc}
	var texts []func(parquet.Value) (string, error)
	for i, h := range t.names {
		if i == idc {
			continue
		}
		f, err := t.textReader(i)
		if err != nil {
			return err
		}
		b.DeclareAttr(h)
		cols = append(cols, i)
		texts = append(texts, f)
	}
	return t.scan(cols, func(row int, vals []parquet.Value) error {
		label := id(vals[0]).label()
		if err := checkID(label); err != nil {
			return t.errAt(row, idc, err)
		}
		if b.HasNode(label) {
			return t.errAt(row, idc, fmt.Errorf("%w: node %q appears twice", network.ErrDuplicateID, label))
		}
		u := b.LookupOrAdd(label)
		for k, f := range texts {
			s, err := f(vals[k+1])
			if err != nil {
				return t.errAt(row, cols[k+1], err)
			}
			b.SetAttr(u, t.names[cols[k+1]], network.ParseValue(s))
		}
		return nil
	})
}

// table is an open Parquet file read as a flat table: its top-level
// columns by name.
type table struct {
	name  string
	file  *parquet.File
	names []string       // top-level field names
	leaf  []int          // leaf column index of each field, -1 for a group
	nodes []parquet.Node // each field's node
	rows  int            // rows scanned so far
}

func openTable(in *Input) (*table, error) {
	f, err := parquet.OpenFile(in.R, in.Size)
	if err != nil {
		return nil, &network.ParseError{File: in.Name, Err: fmt.Errorf("%w: not a Parquet file: %v", network.ErrSyntax, err)}
	}
	t := &table{name: in.Name, file: f}
	leaf := 0
	for _, fd := range f.Schema().Fields() {
		t.names = append(t.names, fd.Name())
		t.nodes = append(t.nodes, fd)
		if fd.Leaf() {
			t.leaf = append(t.leaf, leaf)
			leaf++
		} else {
			t.leaf = append(t.leaf, -1)
			leaf += len(parquet.NewSchema("", fd).Columns())
		}
	}
	return t, nil
}

// errAt returns a *network.ParseError at a row (0: none) and column (-1:
// none) of the table.
func (t *table) errAt(row, col int, err error) error {
	var at []string
	if row > 0 {
		at = append(at, fmt.Sprintf("row %d", row))
	}
	if col >= 0 {
		at = append(at, fmt.Sprintf("column %q", t.names[col]))
	}
	if len(at) > 0 {
		err = fmt.Errorf("%s: %w", strings.Join(at, ", "), err)
	}
	return &network.ParseError{File: t.name, Err: err}
}

func (t *table) need(name, field string) (int, error) {
	for i, n := range t.names {
		if n == name {
			return i, nil
		}
	}
	hint := ""
	if field != "" {
		hint = fmt.Sprintf(" (set another name with %s)", field)
	}
	q := make([]string, len(t.names))
	for i, n := range t.names {
		q[i] = strconv.Quote(n)
	}
	return -1, &network.ParseError{File: t.name, Field: field, Err: fmt.Errorf("%w %q; the columns are %s%s", network.ErrMissingColumn, name, strings.Join(q, ", "), hint)}
}

// needFold finds a column by the given name, or by the default name in any
// letter case when no name is given.
func (t *table) needFold(name, def, field string) (int, error) {
	if name != "" {
		return t.need(name, field)
	}
	i, err := t.optionalFold(def, field)
	if err != nil || i >= 0 {
		return i, err
	}
	return t.need(def, field)
}

// optionalFold returns the column whose name is name in any letter case, or
// -1; two such columns are an error.
func (t *table) optionalFold(name, field string) (int, error) {
	found := -1
	for i, h := range t.names {
		if strings.EqualFold(h, name) {
			if found >= 0 {
				return -1, &network.ParseError{File: t.name, Field: field, Err: fmt.Errorf("%w: columns %q and %q both match %q; name one with %s", network.ErrDuplicateID, t.names[found], h, name, field)}
			}
			found = i
		}
	}
	return found, nil
}

// plain returns the leaf node of column col, or an error when it is a
// group or a repeated (list) column: a table cell holds one value.
func (t *table) plain(col int) (parquet.Node, error) {
	n := t.nodes[col]
	if t.leaf[col] < 0 || n.Repeated() {
		return nil, t.errAt(0, col, fmt.Errorf("%w: a nested or repeated column; want one value per row", network.ErrSyntax))
	}
	return n, nil
}

// idValue is an ID read from a Parquet value: an integer or a string.
type idValue struct {
	isInt bool
	n     int64
	s     string
}

func (v idValue) label() string {
	if v.isInt {
		return strconv.FormatInt(v.n, 10)
	}
	return v.s
}

// idReader returns the reader of ID column col: integers or strings
// (trimmed, as CSV fields); a null reads as the empty ID, refused by
// checkID.
func (t *table) idReader(col int) (func(parquet.Value) idValue, error) {
	n, err := t.plain(col)
	if err != nil {
		return nil, err
	}
	typ := n.Type()
	unsigned, special := logical(typ)
	switch {
	case special:
	case typ.Kind() == parquet.Int32 && unsigned:
		return func(v parquet.Value) idValue {
			if v.IsNull() {
				return idValue{}
			}
			return idValue{isInt: true, n: int64(uint32(v.Int32()))}
		}, nil
	case typ.Kind() == parquet.Int32, typ.Kind() == parquet.Int64 && !unsigned:
		return func(v parquet.Value) idValue {
			if v.IsNull() {
				return idValue{}
			}
			return idValue{isInt: true, n: v.Int64()}
		}, nil
	case typ.Kind() == parquet.Int64:
		return func(v parquet.Value) idValue {
			if v.IsNull() {
				return idValue{}
			}
			if u := v.Uint64(); u > math.MaxInt64 {
				return idValue{s: strconv.FormatUint(u, 10)}
			}
			return idValue{isInt: true, n: v.Int64()}
		}, nil
	case typ.Kind() == parquet.ByteArray, typ.Kind() == parquet.FixedLenByteArray:
		return func(v parquet.Value) idValue {
			return idValue{s: strings.TrimSpace(string(v.ByteArray()))}
		}, nil
	}
	return nil, t.errAt(0, col, fmt.Errorf("%w: an ID column of type %s; want integers or strings", network.ErrSyntax, typ))
}

// weightReader returns the reader of weight column col.
func (t *table) weightReader(col int) (func(parquet.Value) (float64, error), error) {
	n, err := t.plain(col)
	if err != nil {
		return nil, err
	}
	typ := n.Type()
	unsigned, special := logical(typ)
	if special {
		return nil, t.errAt(0, col, fmt.Errorf("%w: a weight column of type %s; want numbers", network.ErrBadWeight, typ))
	}
	missing := fmt.Errorf("%w: missing (null)", network.ErrBadWeight)
	var num func(parquet.Value) float64
	switch typ.Kind() {
	case parquet.Int32:
		num = func(v parquet.Value) float64 { return float64(v.Int32()) }
		if unsigned {
			num = func(v parquet.Value) float64 { return float64(v.Uint32()) }
		}
	case parquet.Int64:
		num = func(v parquet.Value) float64 { return float64(v.Int64()) }
		if unsigned {
			num = func(v parquet.Value) float64 { return float64(v.Uint64()) }
		}
	case parquet.Float:
		num = func(v parquet.Value) float64 { return float64(v.Float()) }
	case parquet.Double:
		num = func(v parquet.Value) float64 { return v.Double() }
	case parquet.ByteArray:
		return func(v parquet.Value) (float64, error) {
			if v.IsNull() {
				return 0, missing
			}
			w, err := network.ParseNumber(string(v.ByteArray()))
			if err != nil {
				return 0, fmt.Errorf("%w: %w", network.ErrBadWeight, err)
			}
			return w, checkWeight(w)
		}, nil
	default:
		return nil, t.errAt(0, col, fmt.Errorf("%w: a weight column of type %s; want numbers", network.ErrBadWeight, typ))
	}
	return func(v parquet.Value) (float64, error) {
		if v.IsNull() {
			return 0, missing
		}
		w := num(v)
		return w, checkWeight(w)
	}, nil
}

// logical reports whether typ is an unsigned integer, and whether it has a
// logical type whose values are not what their physical type says
// (decimal, date, time, timestamp, float16, UUID...): such columns are
// refused rather than read as their raw numbers or bytes.
func logical(typ parquet.Type) (unsigned, special bool) {
	lt := typ.LogicalType()
	if lt == nil || lt.Value == nil {
		return false, false
	}
	switch x := lt.Value.(type) {
	case *format.IntType:
		return !x.IsSigned, false
	case *format.StringType, *format.EnumType, *format.JsonType, *format.NullType:
		return false, false
	}
	return false, true
}

// checkWeight rejects a weight that CSV readers reject.
func checkWeight(w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return fmt.Errorf("%w: %v (weights must be finite and non-negative)", network.ErrBadWeight, w)
	}
	return nil
}

// textReader returns the reader of attribute column col: each value as
// the text a CSV file would hold, "" for null.
func (t *table) textReader(col int) (func(parquet.Value) (string, error), error) {
	n, err := t.plain(col)
	if err != nil {
		return nil, err
	}
	typ := n.Type()
	unsigned, special := logical(typ)
	if special {
		return nil, t.errAt(0, col, fmt.Errorf("%w: an attribute column of type %s; write it as a string or a number", network.ErrSyntax, typ))
	}
	var text func(parquet.Value) string
	switch typ.Kind() {
	case parquet.Boolean:
		text = func(v parquet.Value) string { return strconv.FormatBool(v.Boolean()) }
	case parquet.Int32:
		text = func(v parquet.Value) string { return strconv.FormatInt(int64(v.Int32()), 10) }
		if unsigned {
			text = func(v parquet.Value) string { return strconv.FormatUint(uint64(v.Uint32()), 10) }
		}
	case parquet.Int64:
		text = func(v parquet.Value) string { return strconv.FormatInt(v.Int64(), 10) }
		if unsigned {
			text = func(v parquet.Value) string { return strconv.FormatUint(v.Uint64(), 10) }
		}
	case parquet.Float:
		text = func(v parquet.Value) string { return strconv.FormatFloat(float64(v.Float()), 'g', -1, 32) }
	case parquet.Double:
		text = func(v parquet.Value) string { return strconv.FormatFloat(v.Double(), 'g', -1, 64) }
	case parquet.ByteArray, parquet.FixedLenByteArray:
		text = func(v parquet.Value) string { return string(v.ByteArray()) }
	default:
		return nil, t.errAt(0, col, fmt.Errorf("%w: an attribute column of type %s; write it as a string or a number", network.ErrSyntax, typ))
	}
	return func(v parquet.Value) (string, error) {
		if v.IsNull() {
			return "", nil
		}
		return text(v), nil
	}, nil
}

// scan calls fn for each row with the values of cols (top-level columns,
// checked plain), row numbers from 1, reading the columns of each row
// group page by page in step.
func (t *table) scan(cols []int, fn func(row int, vals []parquet.Value) error) error {
	vals := make([]parquet.Value, len(cols))
	for _, rg := range t.file.RowGroups() {
		chunks := rg.ColumnChunks()
		cur := make([]*cursor, len(cols))
		for i, c := range cols {
			cur[i] = &cursor{pages: chunks[t.leaf[c]].Pages(), buf: make([]parquet.Value, 1024)}
		}
		err := func() error {
			defer func() {
				for _, c := range cur {
					c.pages.Close()
				}
			}()
			for r := int64(0); r < rg.NumRows(); r++ {
				for i, c := range cur {
					v, err := c.next()
					if err != nil {
						return t.errAt(t.rows+1, cols[i], fmt.Errorf("%w: %v", network.ErrSyntax, err))
					}
					vals[i] = v
				}
				t.rows++
				if err := fn(t.rows, vals); err != nil {
					return err
				}
			}
			return nil
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// cursor reads the values of one column chunk one at a time across its
// pages.
type cursor struct {
	pages parquet.Pages
	vals  parquet.ValueReader // of the current page; nil before the first
	buf   []parquet.Value
	i, n  int
	eof   bool // vals has no more values after buf[i:n]
}

func (c *cursor) next() (parquet.Value, error) {
	for c.i == c.n {
		if c.vals == nil || c.eof {
			p, err := c.pages.ReadPage()
			if err == io.EOF {
				return parquet.Value{}, errors.New("the column has fewer values than the row group has rows")
			}
			if err != nil {
				return parquet.Value{}, err
			}
			c.vals, c.eof = p.Values(), false
		}
		n, err := c.vals.ReadValues(c.buf)
		c.i, c.n = 0, n
		if err == io.EOF {
			c.eof = true
		} else if err != nil {
			return parquet.Value{}, err
		}
	}
	c.i++
	return c.buf[c.i-1], nil
}

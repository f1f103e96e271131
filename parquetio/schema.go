package parquetio

import (
	"fmt"
	"io"
	"reflect"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"
)

// kind is the type of a column this package writes.
type kind int

const (
	kString kind = iota // BYTE_ARRAY, logical type STRING (UTF-8)
	kInt64              // INT64, logical type INTEGER(64, signed)
	kDouble             // DOUBLE
	kBool               // BOOLEAN
)

// column is a column to write: its name, type and whether it may hold
// nulls (an OPTIONAL column; else REQUIRED).
type column struct {
	name     string
	kind     kind
	optional bool
}

func (c column) node() parquet.Node {
	var n parquet.Node
	switch c.kind {
	case kString:
		n = parquet.String()
	case kInt64:
		n = parquet.Int(64)
	case kDouble:
		n = parquet.Leaf(parquet.DoubleType)
	default:
		n = parquet.Leaf(parquet.BooleanType)
	}
	if c.optional {
		n = parquet.Optional(n)
	}
	return n
}

// orderedGroup is a group node whose fields keep the order they are given
// in: parquet.Group is a map and sorts its fields by name, and a table's
// columns must stay in the order its CSV writer writes them.
type orderedGroup []parquet.Field

func (g orderedGroup) ID() int                     { return 0 }
func (g orderedGroup) String() string              { return g.group().String() }
func (g orderedGroup) Type() parquet.Type          { return parquet.Group{}.Type() }
func (g orderedGroup) Optional() bool              { return false }
func (g orderedGroup) Repeated() bool              { return false }
func (g orderedGroup) Required() bool              { return true }
func (g orderedGroup) Leaf() bool                  { return false }
func (g orderedGroup) Fields() []parquet.Field     { return g }
func (g orderedGroup) Encoding() encoding.Encoding { return nil }
func (g orderedGroup) Compression() compress.Codec { return nil }
func (g orderedGroup) GoType() reflect.Type        { return g.group().GoType() }
func (g orderedGroup) group() parquet.Group {
	m := parquet.Group{}
	for _, f := range g {
		m[f.Name()] = f
	}
	return m
}

// field is a named node of an orderedGroup. Rows are written as
// parquet.Row values, never by reflection, so Value is not used; it
// returns the zero reflect.Value.
type field struct {
	parquet.Node
	name string
}

func (f *field) Name() string                           { return f.name }
func (f *field) Value(base reflect.Value) reflect.Value { return reflect.Value{} }

// schema returns the Parquet schema of cols, in their order.
func schema(cols []column) *parquet.Schema {
	g := make(orderedGroup, len(cols))
	for i, c := range cols {
		g[i] = &field{Node: c.node(), name: c.name}
	}
	return parquet.NewSchema("sociogram", g)
}

// rowsPerGroup is the most rows of one row group: pyarrow's default of
// 1,048,576 rows, so a reader can stream a large table a group at a time
// and the writer holds at most one group's pages in memory.
const rowsPerGroup = 1 << 20

// newWriter returns a Parquet writer of cols to w, Snappy compressed.
func newWriter(w io.Writer, cols []column) *parquet.GenericWriter[any] {
	return parquet.NewGenericWriter[any](w, schema(cols),
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
		parquet.CreatedBy("sociogram", "", ""))
}

// checkNames returns an error naming the first column name that appears
// twice: a Parquet group cannot hold two fields of one name.
func checkNames(names []string) error {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return fmt.Errorf("parquet: two columns are named %q", n)
		}
		seen[n] = true
	}
	return nil
}

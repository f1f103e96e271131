package network

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/internal/outfiles"
)

// EdgeListOptions names the columns of a whole network's edge list CSV
// (source,target[,weight]) and node CSV (id,attributes...). The zero value
// uses the default names, which match in any letter case (so Gephi's
// "Source,Target,Weight" and "Id" work as they are).
type EdgeListOptions struct {
	Source string // default "source"
	Target string // default "target"
	// Weight is the weight column. Empty means "weight" if the edge list
	// has such a column, else unweighted; "-" means unweighted.
	Weight   string
	NodeID   string // ID column of the node CSV; default "id"
	Directed bool   // edges are arcs source → target
	// Comma is the field delimiter of both files; 0 detects it from the
	// edge list's header (see DetectDelimiter).
	Comma rune
	// Limits bound the cost of a hostile record or gzip bomb (zero value:
	// the defaults; see Limits).
	Limits Limits
}

// ReadEdgeList reads a whole network from an edge list CSV and, when nodes
// is not "", a node CSV whose other columns become node attributes. Nodes
// are numbered in the order of the node CSV, then in order of first
// appearance in the edge list. With a node CSV, an edge to a node it does
// not list is an error (a typing error in an ID must not create a node).
// Files may be gzip compressed. Self-loops are dropped and duplicate edges
// merged (weights summed); both are counted in the Report.
func ReadEdgeList(edges, nodes string, opt EdgeListOptions) (*Graph, Report, error) {
	ein, err := Open(edges)
	if err != nil {
		return nil, Report{}, err
	}
	defer ein.Close()
	var nin *Input
	if nodes != "" {
		if nin, err = Open(nodes); err != nil {
			return nil, Report{}, err
		}
		defer nin.Close()
	}
	return ReadEdgeListFrom(ein, nin, opt)
}

// ReadEdgeListFrom is ReadEdgeList on open inputs; nodes may be nil.
func ReadEdgeListFrom(edges, nodes *Input, opt EdgeListOptions) (*Graph, Report, error) {
	if opt.Comma == 0 {
		opt.Comma = sniffDelimiter(edges)
	}
	setLimits(opt.Limits, edges, nodes)
	if g, rep, ok, err := readEdgeListParallel(edges, nodes, opt); ok {
		return g, rep, err // plain headers, on all cores (ingest.go)
	}
	if g, rep, ok, err := readEdgeListFast(edges, nodes, opt); ok {
		return g, rep, err // the common case, without encoding/csv (fastedges.go)
	}
	var rep Report
	et, err := newCSVTable(edges, opt.Comma)
	if err != nil {
		return nil, rep, err
	}
	if edges.BOM {
		rep.Add(edges.Name, RepairBOM, 1)
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
	b := NewBuilder(opt.Directed, wcol >= 0)
	closed := false
	if nodes != nil {
		if err := readNodeCSV(nodes, b, opt, &rep); err != nil {
			return nil, rep, err
		}
		closed = true
	}
	node := func(rec []string, col int) (int, error) {
		id := strings.TrimSpace(rec[col])
		if err := checkID("node", id); err != nil {
			return 0, et.errf(err, "column %q", et.header[col])
		}
		if closed && !b.HasNode(id) {
			return 0, et.errf(ErrUnknownNode, "%q is not in %s", id, nodes.Name)
		}
		return b.LookupOrAdd(id), nil
	}
	rows := 0
	for {
		rec, err := et.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		rows++
		u, err := node(rec, src)
		if err != nil {
			return nil, rep, err
		}
		v, err := node(rec, dst)
		if err != nil {
			return nil, rep, err
		}
		w := 1.0
		if wcol >= 0 {
			if w, err = parseWeight(rec[wcol]); err != nil {
				return nil, rep, et.errf(err, "column %q", et.header[wcol])
			}
		}
		if err := b.AddEdge(u, v, w); err != nil {
			return nil, rep, et.errf(err, "")
		}
	}
	if rows == 0 && b.Order() == 0 {
		return nil, rep, &ParseError{File: et.file, Line: 1, Err: fmt.Errorf("%w: no edges after the header and no node file", ErrEmptyFile)}
	}
	g, st := b.Build()
	if err := checkSums(g, edges.Name); err != nil {
		return nil, rep, err
	}
	rep.addStats(edges.Name, st)
	return g, rep, nil
}

func readNodeCSV(in *Input, b *Builder, opt EdgeListOptions, rep *Report) error {
	t, err := newCSVTable(in, opt.Comma)
	if err != nil {
		return err
	}
	if in.BOM {
		rep.Add(in.Name, RepairBOM, 1)
	}
	idc, err := t.needFold(opt.NodeID, "id", "EdgeListOptions.NodeID")
	if err != nil {
		return err
	}
	for i, h := range t.header {
		if i != idc {
			b.DeclareAttr(h)
		}
	}
	for {
		rec, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		id := strings.TrimSpace(rec[idc])
		if err := checkID("node", id); err != nil {
			return t.errf(err, "column %q", t.header[idc])
		}
		if b.HasNode(id) {
			return t.errf(ErrDuplicateID, "node %q appears twice", id)
		}
		u := b.LookupOrAdd(id)
		for i, f := range rec {
			if i != idc {
				b.SetAttr(u, t.header[i], ParseValue(f))
			}
		}
	}
}

// needFold finds a column by the given name, or by the default name in any
// letter case when no name is given.
func (t *csvTable) needFold(name, def, field string) (int, error) {
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
// -1; two such columns are an error, as the reader could not tell which.
func (t *csvTable) optionalFold(name, field string) (int, error) {
	found := -1
	for i, h := range t.header {
		if strings.EqualFold(h, name) {
			if found >= 0 {
				return -1, &ParseError{File: t.file, Line: 1, Field: field, Err: fmt.Errorf("%w: columns %q and %q both match %q; name one with %s", ErrDuplicateID, t.header[found], h, name, field)}
			}
			found = i
		}
	}
	return found, nil
}

// checkSums rejects a graph in which merging duplicate edges summed
// weights beyond the float64 range.
func checkSums(g *Graph, file string) error {
	w32, w64 := g.w32, g.w64
	for _, w := range w32 {
		if math.IsInf(float64(w), 0) {
			return &ParseError{File: file, Err: fmt.Errorf("%w: duplicate ties sum to more than %g", ErrBadWeight, math.MaxFloat64)}
		}
	}
	for _, w := range w64 {
		if math.IsInf(w, 0) {
			return &ParseError{File: file, Err: fmt.Errorf("%w: duplicate ties sum to more than %g", ErrBadWeight, math.MaxFloat64)}
		}
	}
	return nil
}

// WriteEdgeList writes g as an edge list (source,target[,weight]; each
// undirected edge once, lower index first) and, when nodes is not nil, a
// node CSV (id and every attribute, NA for missing) that keeps isolates.
//
// With a node CSV, it writes nothing and returns an error when a node
// attribute is named "id" in any letter case: the node CSV could not be
// read back.
func WriteEdgeList(edges, nodes io.Writer, g *Graph) error {
	if nodes != nil {
		if err := checkNodeAttrNames(g); err != nil {
			return err
		}
	}
	ew := csv.NewWriter(edges)
	head := []string{"source", "target"}
	if g.weighted {
		head = append(head, "weight")
	}
	ew.Write(head)
	for u := 0; u < g.Order(); u++ {
		lo := g.off[u]
		for k, v := range g.adj[lo:g.off[u+1]] {
			if !g.directed && int(v) < u {
				continue
			}
			row := []string{g.Label(u), g.Label(int(v))}
			if g.weighted {
				row = append(row, strconv.FormatFloat(g.weightAt(lo+k), 'g', -1, 64))
			}
			ew.Write(row)
		}
	}
	ew.Flush()
	if err := ew.Error(); err != nil {
		return err
	}
	if nodes == nil {
		return nil
	}
	nw := csv.NewWriter(nodes)
	attrs := g.Attrs()
	nw.Write(append([]string{"id"}, attrs.Names()...))
	for u := 0; u < g.Order(); u++ {
		row := []string{g.Label(u)}
		for c := 0; c < attrs.Len(); c++ {
			row = append(row, g.NodeAttr(u, c).String())
		}
		nw.Write(row)
	}
	nw.Flush()
	return nw.Error()
}

// WriteEdgeListDir writes dir/edges.csv and dir/nodes.csv.
func WriteEdgeListDir(dir string, g *Graph) error {
	if err := checkNodeAttrNames(g); err != nil {
		return err // before creating anything
	}
	return outfiles.WritePair(dir, "edges.csv", "nodes.csv", func(edges, nodes io.Writer) error {
		return WriteEdgeList(edges, nodes, g)
	})
}

// checkNodeAttrNames rejects a node attribute that the node CSV's "id"
// column would clash with.
func checkNodeAttrNames(g *Graph) error {
	for _, n := range g.Attrs().Names() {
		if strings.EqualFold(n, "id") {
			return fmt.Errorf("cannot write an edge list: the node attribute %q would clash with the node file's id column; rename it", n)
		}
	}
	return nil
}

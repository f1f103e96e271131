package network

// Writing GraphML: whole networks (WriteGraphML) and one file per ego
// (WriteGraphMLEgo, WriteGraphMLDatasetDir).

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"
)

// gmlWriter writes GraphML with escaped text and remembers the first error.
type gmlWriter struct {
	w   io.Writer
	err error
}

func (x *gmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = io.WriteString(x.w, s)
	}
}

func (x *gmlWriter) esc(s string) {
	if x.err != nil {
		return
	}
	if !utf8.ValidString(s) {
		x.err = fmt.Errorf("%w: %q is not valid UTF-8", ErrXMLChar, s)
		return
	}
	for _, r := range s {
		if !isXMLChar(r) {
			x.err = fmt.Errorf("%w: %q holds the character %U, which XML 1.0 cannot represent", ErrXMLChar, s, r)
			return
		}
	}
	x.err = xml.EscapeText(x.w, []byte(s))
}

// ErrSeveralGraphs is the error of ReadGraphML for a file with more than
// one top-level <graph>, which only ReadGraphMLDataset reads.
var ErrSeveralGraphs = errors.New("more than one graph")

// ErrXMLChar is returned by the GraphML writers for an ID or value holding
// a character that XML 1.0 cannot represent (a control character other than
// tab, newline and carriage return, or invalid UTF-8); writing it would
// change the data.
var ErrXMLChar = errors.New("character not allowed in XML")

// isXMLChar reports whether r is in XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

const gmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// key writes a <key>; the type is double for a Number column, string
// otherwise.
func (x *gmlWriter) key(id, domain, name string, kind Kind) {
	typ := "string"
	if kind == Number {
		typ = "double"
	}
	x.raw(`  <key id="` + id + `" for="` + domain + `" attr.name="`)
	x.esc(name)
	x.raw(`" attr.type="` + typ + `"/>` + "\n")
}

// data writes <data> unless the value is missing. Numbers are written as
// they were read, so that "1.50" stays "1.50".
func (x *gmlWriter) data(indent, id string, v Value) {
	if v.Kind == Missing {
		return
	}
	x.raw(indent + `<data key="` + id + `">`)
	x.esc(v.Text)
	x.raw("</data>\n")
}

func (x *gmlWriter) num(indent, id string, f float64) {
	x.raw(indent + `<data key="` + id + `">` + strconv.FormatFloat(f, 'g', -1, 64) + "</data>\n")
}

// WriteGraphML writes a whole network as GraphML that networkx
// (read_graphml) and igraph (Graph.Read_GraphML) read back: one <graph>
// with edgedefault directed or undirected, a node per node (id = label)
// with its attributes (double keys for numeric columns, string otherwise;
// missing values are left out), and an edge per edge (each undirected edge
// once) with a double "weight" key when the graph is weighted.
func WriteGraphML(w io.Writer, g *Graph) error {
	x := &gmlWriter{w: w}
	x.raw(gmlHeader)
	attrs := g.Attrs()
	for i := 0; i < attrs.Len(); i++ {
		x.key("n"+strconv.Itoa(i), "node", attrs.Name(i), attrs.Kind(i))
	}
	if g.weighted {
		x.key("e0", "edge", "weight", Number)
	}
	ed := "undirected"
	if g.directed {
		ed = "directed"
	}
	x.raw(`  <graph id="G" edgedefault="` + ed + `">` + "\n")
	for u := 0; u < g.Order(); u++ {
		x.raw(`    <node id="`)
		x.esc(g.Label(int(u)))
		has := false
		for i := 0; i < attrs.Len(); i++ {
			v := g.NodeAttr(u, i)
			if v.Kind == Missing {
				continue
			}
			if !has {
				x.raw("\">\n")
				has = true
			}
			x.data("      ", "n"+strconv.Itoa(i), v)
		}
		if has {
			x.raw("    </node>\n")
		} else {
			x.raw("\"/>\n")
		}
	}
	for u := 0; u < g.Order(); u++ {
		lo := g.off[u]
		for k, v := range g.adj[lo:g.off[u+1]] {
			if !g.directed && int(v) < u {
				continue
			}
			x.raw(`    <edge source="`)
			x.esc(g.Label(int(u)))
			x.raw(`" target="`)
			x.esc(g.Label(int(v)))
			if !g.weighted {
				x.raw("\"/>\n")
				continue
			}
			x.raw("\">\n")
			x.num("      ", "e0", g.weightAt(lo+k))
			x.raw("    </edge>\n")
		}
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.err
}

// WriteGraphMLEgo writes one ego network as a GraphML file Network Canvas
// style: the ego's ID (key opt.EgoID, else the column the data was read
// from, else "egoID"; key id "g_id"), wave (key id "g_wave"; both read back
// by ReadGraphMLDataset without options) and attributes as
// graph-level data, the alters as nodes (with a node "weight" key, or
// opt.AlterWeight, when the dataset has ego–alter weights) and the
// alter–alter ties as edges (with an edge "weight" key, or opt.Weight, when
// weighted). Every file of a dataset declares the same keys, from the
// dataset's schemas; missing values are left out.
func WriteGraphMLEgo(w io.Writer, e *EgoNet, opt GraphMLOptions) error {
	ds := e.ds
	if opt.EgoID == "" {
		opt.EgoID = ds.EgoIDColumn // the input's name, e.g. person
	}
	opt = opt.withDefaults()
	x := &gmlWriter{w: w}
	x.raw(gmlHeader)
	x.key("g_id", "graph", opt.EgoID, Text)
	if ds.WaveColumn != "" {
		x.key("g_wave", "graph", ds.WaveColumn, Text)
	}
	for i := 0; i < ds.EgoAttrs.Len(); i++ {
		x.key("g"+strconv.Itoa(i), "graph", ds.EgoAttrs.Name(i), ds.EgoAttrs.Kind(i))
	}
	aw := opt.AlterWeight
	if aw == "" || aw == "-" {
		aw = "weight"
	}
	if ds.AlterWeighted {
		x.key("n_w", "node", aw, Number)
	}
	for i := 0; i < ds.AlterAttrs.Len(); i++ {
		x.key("n"+strconv.Itoa(i), "node", ds.AlterAttrs.Name(i), ds.AlterAttrs.Kind(i))
	}
	tw := opt.Weight
	if tw == "-" {
		tw = "weight"
	}
	if ds.TieWeighted {
		x.key("e_w", "edge", tw, Number)
	}
	for i := 0; i < ds.TieAttrs.Len(); i++ {
		x.key("e"+strconv.Itoa(i), "edge", ds.TieAttrs.Name(i), ds.TieAttrs.Kind(i))
	}
	ed := "undirected"
	if ds.Directed {
		ed = "directed"
	}
	x.raw(`  <graph edgedefault="` + ed + `">` + "\n")
	x.data("    ", "g_id", TextValue(e.ID))
	if ds.WaveColumn != "" {
		x.data("    ", "g_wave", TextValue(e.Wave))
	}
	for i := 0; i < ds.EgoAttrs.Len(); i++ {
		x.data("    ", "g"+strconv.Itoa(i), e.Attrs.At(i))
	}
	for _, a := range e.Alters {
		x.raw(`    <node id="`)
		x.esc(a.ID)
		x.raw("\">\n")
		if ds.AlterWeighted {
			x.num("      ", "n_w", a.Weight)
		}
		for i := 0; i < ds.AlterAttrs.Len(); i++ {
			x.data("      ", "n"+strconv.Itoa(i), a.Attrs.At(i))
		}
		x.raw("    </node>\n")
	}
	for _, t := range e.Ties {
		x.raw(`    <edge source="`)
		x.esc(e.Alters[t.From].ID)
		x.raw(`" target="`)
		x.esc(e.Alters[t.To].ID)
		x.raw("\">\n")
		if ds.TieWeighted {
			x.num("      ", "e_w", t.Weight)
		}
		for i := 0; i < ds.TieAttrs.Len(); i++ {
			x.data("      ", "e"+strconv.Itoa(i), t.Attrs.At(i))
		}
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.err
}

// GraphMLEgoFileNames returns the file name WriteGraphMLDatasetDir gives each
// ego, in ego order: a zero-padded position (so that reading the directory in
// name order keeps the study's order), the ego ID and the wave, made safe
// and unique by FileNames, and the extension .graphml.
func GraphMLEgoFileNames(ds *Dataset) []string {
	width := len(strconv.Itoa(len(ds.Egos)))
	if width < 3 {
		width = 3
	}
	keys := make([][]string, len(ds.Egos))
	for i, e := range ds.Egos {
		keys[i] = []string{fmt.Sprintf("%0*d", width, i+1), e.ID}
		if e.Wave != "" {
			keys[i] = append(keys[i], e.Wave)
		}
	}
	return FileNames(keys, "graphml")
}

// WriteGraphMLDatasetDir writes one GraphML file per ego into dir (created if
// needed), named by GraphMLEgoFileNames and written by WriteGraphMLEgo.
// ReadGraphMLDataset on the directory, with the same options, gives back an
// equal Dataset.
func WriteGraphMLDatasetDir(dir string, ds *Dataset, opt GraphMLOptions) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, name := range GraphMLEgoFileNames(ds) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		err = WriteGraphMLEgo(bw, ds.Egos[i], opt)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

package network

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// This file holds the fuzz targets of the readers and the checks they share
// with the property tests: validateDataset and validateGraph state the
// model's invariants, equalDatasets and equalGraphs compare two models.
// Each target asserts that a reader either fails with a positioned error or
// returns a valid model that the writer writes and the reader reads back
// unchanged. Seeds live in testdata/fuzz/FuzzXxx; `go test` runs them, and
// RELIABILITY.md says how to fuzz for longer.

// checkReadError fails the test unless err is a *ParseError or names one of
// the inputs.
func checkReadError(t *testing.T, err error, names ...string) {
	t.Helper()
	var pe *ParseError
	if errors.As(err, &pe) {
		if pe.File == "" {
			t.Fatalf("ParseError without a file name: %v", err)
		}
		return
	}
	for _, n := range names {
		if strings.Contains(err.Error(), n) {
			return
		}
	}
	t.Fatalf("error neither a *ParseError nor naming an input: %v", err)
}

// validWeight reports whether w is a weight the model may hold.
func validWeight(w float64) bool { return !math.IsNaN(w) && !math.IsInf(w, 0) && w >= 0 }

// validateAttrs checks that every row is no longer than its schema and that
// each column's kind is what the recorded values say: Missing when none is
// recorded, Number when all are numbers, Text otherwise.
func validateAttrs(what string, s *Schema, rows []Attrs) error {
	if s == nil {
		return fmt.Errorf("%s: nil schema", what)
	}
	want := make([]Kind, s.Len())
	for r, a := range rows {
		if len(a) > s.Len() {
			return fmt.Errorf("%s row %d: %d values, schema has %d columns", what, r, len(a), s.Len())
		}
		for c, v := range a {
			switch v.Kind {
			case Missing:
				if v.Text != "" {
					return fmt.Errorf("%s row %d col %d: missing value with text %q", what, r, c, v.Text)
				}
				continue
			case Number:
				if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
					return fmt.Errorf("%s row %d col %d: number %v", what, r, c, v.Num)
				}
			}
			if v.Text == "" || v.Text == "NA" {
				return fmt.Errorf("%s row %d col %d: recorded value with text %q", what, r, c, v.Text)
			}
			switch {
			case want[c] == Missing:
				want[c] = v.Kind
			case want[c] == Number && v.Kind == Text:
				want[c] = Text
			}
		}
	}
	for c := range want {
		if s.Kind(c) != want[c] {
			return fmt.Errorf("%s column %q: kind %v, values say %v", what, s.Name(c), s.Kind(c), want[c])
		}
	}
	return nil
}

// validateDataset returns the first way ds breaks the model's invariants:
// non-empty unique ego keys and alter IDs, finite non-negative weights, no
// self-ties, no duplicate ties, tie endpoints that are alters of their ego,
// From < To when undirected, ties sorted, attribute rows aligned with their
// schemas and schema kinds matching the values.
func validateDataset(ds *Dataset) error {
	type key struct{ id, wave string }
	seen := map[key]bool{}
	var egoRows, alterRows, tieRows []Attrs
	for _, e := range ds.Egos {
		if e.Dataset() != ds {
			return fmt.Errorf("ego %q: Dataset() is not its dataset", e.ID)
		}
		if e.ID == "" {
			return errors.New("ego with empty ID")
		}
		if seen[key{e.ID, e.Wave}] {
			return fmt.Errorf("ego %q wave %q twice", e.ID, e.Wave)
		}
		seen[key{e.ID, e.Wave}] = true
		if ds.WaveColumn == "" && e.Wave != "" {
			return fmt.Errorf("ego %q has wave %q but the dataset has no wave column", e.ID, e.Wave)
		}
		egoRows = append(egoRows, e.Attrs)
		ids := map[string]bool{}
		for _, a := range e.Alters {
			if a.ID == "" {
				return fmt.Errorf("ego %q: alter with empty ID", e.ID)
			}
			if ids[a.ID] {
				return fmt.Errorf("ego %q: alter %q twice", e.ID, a.ID)
			}
			ids[a.ID] = true
			if !validWeight(a.Weight) {
				return fmt.Errorf("ego %q alter %q: weight %v", e.ID, a.ID, a.Weight)
			}
			if !ds.AlterWeighted && a.Weight != 1 {
				return fmt.Errorf("ego %q alter %q: weight %v in data without alter weights", e.ID, a.ID, a.Weight)
			}
			alterRows = append(alterRows, a.Attrs)
		}
		for k, t := range e.Ties {
			n := len(e.Alters)
			switch {
			case t.From < 0 || t.From >= n || t.To < 0 || t.To >= n:
				return fmt.Errorf("ego %q tie %d: endpoint out of range (%d, %d; %d alters)", e.ID, k, t.From, t.To, n)
			case t.From == t.To:
				return fmt.Errorf("ego %q tie %d: self-tie of %q", e.ID, k, e.Alters[t.From].ID)
			case !ds.Directed && t.From > t.To:
				return fmt.Errorf("ego %q tie %d: undirected tie with From > To", e.ID, k)
			case !validWeight(t.Weight):
				return fmt.Errorf("ego %q tie %d: weight %v", e.ID, k, t.Weight)
			case !ds.TieWeighted && t.Weight != 1:
				return fmt.Errorf("ego %q tie %d: weight %v in unweighted data", e.ID, k, t.Weight)
			}
			if k > 0 {
				p := e.Ties[k-1]
				if p.From > t.From || (p.From == t.From && p.To >= t.To) {
					return fmt.Errorf("ego %q ties %d, %d: not sorted or duplicate (%d-%d, %d-%d)", e.ID, k-1, k, p.From, p.To, t.From, t.To)
				}
			}
			tieRows = append(tieRows, t.Attrs)
		}
	}
	if err := validateAttrs("egos", ds.EgoAttrs, egoRows); err != nil {
		return err
	}
	if err := validateAttrs("alters", ds.AlterAttrs, alterRows); err != nil {
		return err
	}
	return validateAttrs("ties", ds.TieAttrs, tieRows)
}

// validateGraph returns the first way g breaks the Graph invariants: rows
// sorted without duplicates or self-loops, neighbours in range, undirected
// rows symmetric with equal weights, directed in-rows the transpose of the
// out-rows, finite non-negative weights, unique labels that Lookup finds,
// attribute rows aligned with the schema.
func validateGraph(g *Graph) error {
	n := g.Order()
	for u := range n {
		if g.Label(u) == "" {
			return fmt.Errorf("node %d: empty label", u)
		}
		if i, ok := g.Lookup(g.Label(u)); !ok || i != u {
			return fmt.Errorf("node %d: Lookup(%q) = %d, %v", u, g.Label(u), i, ok)
		}
		nbrs, w := g.row(u)
		for k, v := range nbrs {
			switch {
			case v < 0 || int(v) >= n:
				return fmt.Errorf("node %d: neighbour %d out of range", u, v)
			case int(v) == u:
				return fmt.Errorf("node %d: self-loop", u)
			case k > 0 && nbrs[k-1] >= v:
				return fmt.Errorf("node %d: row not strictly increasing at %d", u, k)
			case !validWeight(w(k)):
				return fmt.Errorf("edge %d-%d: weight %v", u, v, w(k))
			case !g.weighted && w(k) != 1:
				return fmt.Errorf("edge %d-%d: weight %v in an unweighted graph", u, v, w(k))
			}
			if !g.directed {
				if back, ok := g.EdgeWeight(int(v), int(u)); !ok || back != w(k) {
					return fmt.Errorf("edge %d-%d: not symmetric (%v, %v)", u, v, back, ok)
				}
			}
		}
	}
	if len(g.index) != n {
		return fmt.Errorf("%d labels but %d index entries", n, len(g.index))
	}
	if g.directed {
		// The in-rows hold exactly the out-arcs, reversed, with their weights.
		arcs := 0
		for v := range n {
			in, w := g.inRow(v)
			arcs += len(in)
			for k, u := range in {
				if k > 0 && in[k-1] >= u {
					return fmt.Errorf("node %d: in-row not strictly increasing", v)
				}
				if fw, ok := g.EdgeWeight(int(u), int(v)); !ok || fw != w(k) {
					return fmt.Errorf("in-arc %d->%d not an out-arc with the same weight", u, v)
				}
			}
		}
		if arcs != g.Size() {
			return fmt.Errorf("%d in-arcs, %d out-arcs", arcs, g.Size())
		}
	}
	var rows []Attrs
	if g.nodeValues != nil {
		if len(g.nodeValues) != n {
			return fmt.Errorf("%d attribute rows for %d nodes", len(g.nodeValues), n)
		}
		rows = g.nodeValues
	}
	return validateAttrs("nodes", g.Attrs(), rows)
}

// valueMode says how strictly equalValues compares.
type valueMode bool

const (
	// exact: kind, text and number must all agree.
	exact valueMode = false
	// textColumns: in a column of kind Text, only the text (and whether the
	// value is missing) must agree. GraphML declares a column's type, so a
	// numeric-looking value in a string column ("007", "1e3") is read back
	// as Text where the CSV readers, which type each value, made it a Number.
	textColumns valueMode = true
)

// equalValues compares two attribute rows column by column over the
// columns of schema s.
func equalValues(what string, a, b Attrs, s *Schema, mode valueMode) error {
	for c := range s.Len() {
		x, y := a.At(c), b.At(c)
		if mode == textColumns && s.Kind(c) == Text && x.Text == y.Text && x.IsMissing() == y.IsMissing() {
			continue
		}
		if x != y {
			return fmt.Errorf("%s column %d: %#v vs %#v", what, c, x, y)
		}
	}
	return nil
}

func equalSchemas(what string, a, b *Schema) error {
	if !slices.Equal(a.Names(), b.Names()) {
		return fmt.Errorf("%s schema names %q vs %q", what, a.Names(), b.Names())
	}
	for c := range a.Len() {
		if a.Kind(c) != b.Kind(c) {
			return fmt.Errorf("%s column %q: kind %v vs %v", what, a.Name(c), a.Kind(c), b.Kind(c))
		}
	}
	return nil
}

// equalDatasets returns the first difference between a and b, or nil.
func equalDatasets(a, b *Dataset, mode valueMode) error {
	if a.Directed != b.Directed || a.AlterWeighted != b.AlterWeighted || a.TieWeighted != b.TieWeighted || a.WaveColumn != b.WaveColumn {
		return fmt.Errorf("flags differ: directed %v/%v alter-weighted %v/%v tie-weighted %v/%v wave %q/%q",
			a.Directed, b.Directed, a.AlterWeighted, b.AlterWeighted, a.TieWeighted, b.TieWeighted, a.WaveColumn, b.WaveColumn)
	}
	for _, s := range []struct {
		what string
		x, y *Schema
	}{{"egos", a.EgoAttrs, b.EgoAttrs}, {"alters", a.AlterAttrs, b.AlterAttrs}, {"ties", a.TieAttrs, b.TieAttrs}} {
		if err := equalSchemas(s.what, s.x, s.y); err != nil {
			return err
		}
	}
	if len(a.Egos) != len(b.Egos) {
		return fmt.Errorf("%d egos vs %d", len(a.Egos), len(b.Egos))
	}
	for i, x := range a.Egos {
		y := b.Egos[i]
		if x.ID != y.ID || x.Wave != y.Wave {
			return fmt.Errorf("ego %d: %q/%q vs %q/%q", i, x.ID, x.Wave, y.ID, y.Wave)
		}
		if err := equalValues("ego "+x.ID, x.Attrs, y.Attrs, a.EgoAttrs, mode); err != nil {
			return err
		}
		if len(x.Alters) != len(y.Alters) {
			return fmt.Errorf("ego %q: %d alters vs %d", x.ID, len(x.Alters), len(y.Alters))
		}
		for k, p := range x.Alters {
			q := y.Alters[k]
			if p.ID != q.ID || p.Weight != q.Weight {
				return fmt.Errorf("ego %q alter %d: %q (%v) vs %q (%v)", x.ID, k, p.ID, p.Weight, q.ID, q.Weight)
			}
			if err := equalValues("alter "+p.ID, p.Attrs, q.Attrs, a.AlterAttrs, mode); err != nil {
				return err
			}
		}
		if len(x.Ties) != len(y.Ties) {
			return fmt.Errorf("ego %q: %d ties vs %d", x.ID, len(x.Ties), len(y.Ties))
		}
		for k, p := range x.Ties {
			q := y.Ties[k]
			if p.From != q.From || p.To != q.To || p.Weight != q.Weight {
				return fmt.Errorf("ego %q tie %d: %d-%d (%v) vs %d-%d (%v)", x.ID, k, p.From, p.To, p.Weight, q.From, q.To, q.Weight)
			}
			if err := equalValues(fmt.Sprintf("ego %q tie %d", x.ID, k), p.Attrs, q.Attrs, a.TieAttrs, mode); err != nil {
				return err
			}
		}
	}
	return nil
}

// equalGraphs returns the first difference between a and b, or nil.
func equalGraphs(a, b *Graph, mode valueMode) error {
	if a.Directed() != b.Directed() || a.IsWeighted() != b.IsWeighted() {
		return fmt.Errorf("directed %v/%v weighted %v/%v", a.Directed(), b.Directed(), a.IsWeighted(), b.IsWeighted())
	}
	if a.Order() != b.Order() || a.Size() != b.Size() {
		return fmt.Errorf("order/size %d/%d vs %d/%d", a.Order(), a.Size(), b.Order(), b.Size())
	}
	if err := equalSchemas("nodes", a.Attrs(), b.Attrs()); err != nil {
		return err
	}
	for u := range a.Order() {
		if a.Label(u) != b.Label(u) {
			return fmt.Errorf("node %d: label %q vs %q", u, a.Label(u), b.Label(u))
		}
		if err := equalValues(fmt.Sprintf("node %q", a.Label(u)), a.nodeRow(u), b.nodeRow(u), a.Attrs(), mode); err != nil {
			return err
		}
		an, aw := a.row(u)
		bn, bw := b.row(u)
		if !slices.Equal(an, bn) {
			return fmt.Errorf("node %q: neighbours %v vs %v", a.Label(u), an, bn)
		}
		for k := range an {
			if aw(k) != bw(k) {
				return fmt.Errorf("edge %q-%q: weight %v vs %v", a.Label(u), a.Label(int(an[k])), aw(k), bw(k))
			}
		}
	}
	return nil
}

// nodeRow returns node u's attribute row (nil when the graph has none).
func (g *Graph) nodeRow(u int) Attrs {
	if g.nodeValues == nil {
		return nil
	}
	return g.nodeValues[u]
}

// egoOptionsFromBits turns a fuzzed byte into reader options, so the
// fuzzer also explores directed data, explicit "no weight", an ego–alter
// weight column, waves and another delimiter.
func egoOptionsFromBits(bits byte) EgoCSVOptions {
	var o EgoCSVOptions
	o.Directed = bits&1 != 0
	if bits&2 != 0 {
		o.Weight = "-"
	}
	if bits&4 != 0 {
		o.AlterWeight = "w"
	}
	if bits&8 != 0 {
		o.Wave = "wave"
	}
	if bits&16 != 0 {
		o.Comma = ';'
	}
	return o
}

// readEgoBytes reads the three tables from byte slices.
func readEgoBytes(egos, alters, ties []byte, opt EgoCSVOptions) (*Dataset, Report, error) {
	ein, err := NewInput("egos.csv", bytes.NewReader(egos), false)
	if err != nil {
		return nil, Report{}, err
	}
	ain, err := NewInput("alters.csv", bytes.NewReader(alters), false)
	if err != nil {
		return nil, Report{}, err
	}
	tin, err := NewInput("aaties.csv", bytes.NewReader(ties), false)
	if err != nil {
		return nil, Report{}, err
	}
	return ReadEgoCSVFrom(ein, ain, tin, opt)
}

// checkEgoRoundTrip validates ds and checks that writing it and reading the
// result with the same options gives it back. With mayRefuse, the writer
// may decline a dataset whose attribute names clash with its key or weight
// columns (possible for data from other formats, not from ego CSV itself).
func checkEgoRoundTrip(t *testing.T, ds *Dataset, opt EgoCSVOptions, mayRefuse bool) {
	t.Helper()
	if err := validateDataset(ds); err != nil {
		t.Fatalf("invalid dataset: %v", err)
	}
	var eb, ab, tb bytes.Buffer
	if err := WriteEgoCSV(&eb, &ab, &tb, ds, opt); err != nil {
		if mayRefuse && strings.HasPrefix(err.Error(), "cannot write ego CSV") && eb.Len()+ab.Len()+tb.Len() == 0 {
			return
		}
		t.Fatalf("write: %v", err)
	}
	back, rep, err := readEgoBytes(eb.Bytes(), ab.Bytes(), tb.Bytes(), opt)
	if err != nil {
		t.Fatalf("reading what the writer wrote: %v\negos:\n%s\nalters:\n%s\nties:\n%s", err, eb.String(), ab.String(), tb.String())
	}
	if len(rep.Repairs) != 0 {
		t.Fatalf("reading what the writer wrote needed repairs: %v", rep.Lines())
	}
	if err := equalDatasets(ds, back, exact); err != nil {
		t.Fatalf("round trip changed the data: %v\negos:\n%s\nalters:\n%s\nties:\n%s", err, eb.String(), ab.String(), tb.String())
	}
}

func FuzzEgoCSV(f *testing.F) {
	f.Add([]byte("egoID,sex,age\ne1,f,34\ne2,m,NA\ne3,f,51\n"),
		[]byte("egoID,alterID,sex,closeness\ne1,a,f,1\ne1,b,m,2\ne1,c,f,3\ne1,d,,1\ne2,x,m,2\n"),
		[]byte("egoID,Source,Target,weight\ne1,a,b,1\ne1,b,a,2\ne1,c,c,1\ne1,c,d,0.5\n"), byte(0))
	f.Add([]byte("egoID,wave\ne1,1\ne1,2\n"), []byte("egoID,wave,alterID,w\ne1,1,a,2\ne1,2,a,0.5\ne1,1,b,1\n"),
		[]byte("egoID,wave,Source,Target\ne1,1,a,b\n"), byte(4|8))
	f.Add([]byte("egoID;x\n\"e;1\";\"q\"\"uote\"\n"), []byte("egoID;alterID\n\"e;1\";\"a,b\"\n\"e;1\";c\n"),
		[]byte("egoID;Source;Target\n\"e;1\";c;\"a,b\"\n"), byte(1|16))
	f.Add([]byte("\xef\xbb\xbfegoID\r\ne1\r\n"), []byte("egoID,alterID\r\n"), []byte(""), byte(2))
	f.Fuzz(func(t *testing.T, egos, alters, ties []byte, bits byte) {
		opt := egoOptionsFromBits(bits)
		ds, _, err := readEgoBytes(egos, alters, ties, opt)
		if err != nil {
			checkReadError(t, err, "egos.csv", "alters.csv", "aaties.csv")
			return
		}
		checkEgoRoundTrip(t, ds, opt, false)
	})
}

// edgeOptionsFromBits turns a fuzzed byte into edge list reader options.
func edgeOptionsFromBits(bits byte) EdgeListOptions {
	var o EdgeListOptions
	o.Directed = bits&1 != 0
	if bits&2 != 0 {
		o.Weight = "-"
	}
	if bits&4 != 0 {
		o.Comma = '\t'
	}
	return o
}

// checkEdgeRoundTrip validates g and checks that writing it (edges and
// nodes) and reading both back gives it again.
func checkEdgeRoundTrip(t *testing.T, g *Graph, directed bool) {
	t.Helper()
	if err := validateGraph(g); err != nil {
		t.Fatalf("invalid graph: %v", err)
	}
	var eb, nb bytes.Buffer
	if err := WriteEdgeList(&eb, &nb, g); err != nil {
		t.Fatalf("write: %v", err)
	}
	ein, _ := NewInput("edges.csv", bytes.NewReader(eb.Bytes()), false)
	nin, _ := NewInput("nodes.csv", bytes.NewReader(nb.Bytes()), false)
	back, rep, err := ReadEdgeListFrom(ein, nin, EdgeListOptions{Directed: directed})
	if err != nil {
		t.Fatalf("reading what the writer wrote: %v\nedges:\n%s\nnodes:\n%s", err, eb.String(), nb.String())
	}
	if len(rep.Repairs) != 0 {
		t.Fatalf("reading what the writer wrote needed repairs: %v", rep.Lines())
	}
	if err := equalGraphs(g, back, exact); err != nil {
		t.Fatalf("round trip changed the graph: %v\nedges:\n%s\nnodes:\n%s", err, eb.String(), nb.String())
	}
}

func FuzzEdgeList(f *testing.F) {
	f.Add([]byte("Source,Target,Weight\na,b,1\nb,a,2\nc,c,4\nb,c,0.25\n"), []byte("Id,group,score\na,x,1.5\nb,y,NA\nc,x,2\nd,z,3\n"), byte(0))
	f.Add([]byte("source,target\na,b\nb,c\nc,a\n"), []byte(""), byte(1))
	f.Add([]byte("source\ttarget\tweight\n\"a\tb\"\tc\t1e300\n"), []byte("id\tx\n\"a\tb\"\t1\nc\tNA\n"), byte(4))
	f.Add([]byte("\xef\xbb\xbfsource,target,weight\r\n\"a,\"\"b\"\"\",c,2\r\n"), []byte(""), byte(2))
	f.Fuzz(func(t *testing.T, edges, nodes []byte, bits byte) {
		opt := edgeOptionsFromBits(bits)
		ein, err := NewInput("edges.csv", bytes.NewReader(edges), false)
		if err != nil {
			checkReadError(t, err, "edges.csv")
			return
		}
		var nin *Input
		if len(nodes) > 0 {
			if nin, err = NewInput("nodes.csv", bytes.NewReader(nodes), false); err != nil {
				checkReadError(t, err, "nodes.csv")
				return
			}
		}
		g, _, err := ReadEdgeListFrom(ein, nin, opt)
		if err != nil {
			checkReadError(t, err, "edges.csv", "nodes.csv")
			return
		}
		checkEdgeRoundTrip(t, g, opt.Directed)
	})
}

// checkGraphMLRoundTrip validates g and checks that WriteGraphML and
// ReadGraphMLFrom give it back. With mayRefuse, the writer may decline a
// label or value holding a character XML 1.0 cannot represent (U+0000 and
// most other control characters), which other formats can hold.
func checkGraphMLRoundTrip(t *testing.T, g *Graph, mayRefuse bool) {
	t.Helper()
	if err := validateGraph(g); err != nil {
		t.Fatalf("invalid graph: %v", err)
	}
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g); err != nil {
		if mayRefuse && errors.Is(err, ErrXMLChar) {
			return
		}
		t.Fatalf("write: %v", err)
	}
	in, _ := NewInput("out.graphml", bytes.NewReader(buf.Bytes()), false)
	back, rep, err := ReadGraphMLFrom(in, GraphMLOptions{})
	if err != nil {
		t.Fatalf("reading what the writer wrote: %v\n%s", err, buf.String())
	}
	if len(rep.Repairs) != 0 {
		t.Fatalf("reading what the writer wrote needed repairs: %v\n%s", rep.Lines(), buf.String())
	}
	if err := equalGraphs(g, back, textColumns); err != nil {
		t.Fatalf("round trip changed the graph: %v\n%s", err, buf.String())
	}
}

const fuzzGraphML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="group" attr.type="string"><default>x</default></key>
  <key id="d1" for="node" attr.name="age" attr.type="int"/>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d3" for="graph" attr.name="egoID" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <data key="d3">e1</data>
    <node id="a"><data key="d0">y</data><data key="d1">34</data></node>
    <node id="b"/>
    <node id="c &amp; d"/>
    <edge source="a" target="b"><data key="d2">2.5</data></edge>
    <edge source="b" target="a"><data key="d2">1</data></edge>
    <edge source="b" target="b"/>
    <edge source="c &amp; d" target="z" directed="false"/>
  </graph>
</graphml>
`

func FuzzGraphML(f *testing.F) {
	f.Add([]byte(fuzzGraphML), byte(0))
	f.Add([]byte(`<graphml><graph edgedefault="directed"><node id="1"/><edge source="1" target="2"/></graph></graphml>`), byte(0))
	f.Add([]byte(`<graphml><key id="w" for="edge" attr.name="weight" attr.type="float"/><graph><edge source="a" target="b"><data key="w">NaN</data></edge></graph></graphml>`), byte(1))
	f.Add([]byte(`<graphml><graph><node id="a"><graph><node id="b"/></graph></node></graph></graphml>`), byte(0))
	f.Fuzz(func(t *testing.T, data []byte, bits byte) {
		in, err := NewInput("in.graphml", bytes.NewReader(data), false)
		if err != nil {
			checkReadError(t, err, "in.graphml")
			return
		}
		var opt GraphMLOptions
		if bits&1 != 0 {
			opt.Weight = "-"
		}
		g, _, err := ReadGraphMLFrom(in, opt)
		if err != nil {
			checkReadError(t, err, "in.graphml")
			return
		}
		checkGraphMLRoundTrip(t, g, false)
	})
}

const fuzzGraphMLEgos = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:nc="http://schema.networkcanvas.com/xmlns">
  <key id="ego" for="graph" attr.name="egoID" attr.type="string"/>
  <key id="sex" for="graph" attr.name="sex" attr.type="string"/>
  <key id="role" for="node" attr.name="role" attr.type="string"/>
  <key id="close" for="node" attr.name="weight" attr.type="double"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="undirected" nc:caseId="case 1">
    <data key="sex">f</data>
    <node id="a"><data key="role">kin</data><data key="close">3</data></node>
    <node id="b"><data key="role">friend</data><data key="close">1</data></node>
    <edge source="a" target="b"><data key="kind">kin</data></edge>
  </graph>
  <graph edgedefault="undirected"><data key="ego">e2</data></graph>
</graphml>
`

func FuzzGraphMLDataset(f *testing.F) {
	f.Add([]byte(fuzzGraphMLEgos), byte(0))
	f.Add([]byte(`<graphml><graph id="e1"><node id="a"/><node id="b"/><edge source="a" target="a"/><edge source="a" target="b"/><edge source="b" target="a"/></graph></graphml>`), byte(0))
	f.Add([]byte(`<graphml><key id="w" for="graph" attr.name="wave" attr.type="int"/><graph id="e1"><data key="w">1</data></graph><graph id="e1"><data key="w">2</data></graph></graphml>`), byte(2))
	f.Fuzz(func(t *testing.T, data []byte, bits byte) {
		in, err := NewInput("in.graphml", bytes.NewReader(data), false)
		if err != nil {
			checkReadError(t, err, "in.graphml")
			return
		}
		var opt GraphMLOptions
		if bits&1 != 0 {
			opt.Weight = "-"
		}
		if bits&2 != 0 {
			opt.Wave = "wave"
		}
		ds, _, err := ReadGraphMLDatasetFrom(in, opt)
		if err != nil {
			checkReadError(t, err, "in.graphml")
			return
		}
		if err := validateDataset(ds); err != nil {
			t.Fatalf("invalid dataset: %v", err)
		}
		dir := t.TempDir()
		if err := WriteGraphMLDatasetDir(dir, ds, opt); err != nil {
			t.Fatalf("write: %v", err)
		}
		back, rep, err := ReadGraphMLDataset(dir, opt)
		if err != nil {
			t.Fatalf("reading what the writer wrote: %v", err)
		}
		if len(rep.Repairs) != 0 {
			t.Fatalf("reading what the writer wrote needed repairs: %v", rep.Lines())
		}
		if err := equalDatasets(ds, back, textColumns); err != nil {
			t.Fatalf("round trip changed the data: %v", err)
		}
	})
}

// FuzzPajek: the Pajek reader fails with a positioned error or returns a
// valid graph. There is no Pajek writer; the graph must round-trip through
// GraphML, which keeps labels exactly. The vertex limit is lowered so that
// the fuzzer explores parsing rather than allocation.
func FuzzPajek(f *testing.F) {
	f.Add([]byte("*vertices 4\n1 x 0.0 0.0 ellipse\n2 y 0.0 0.0 ellipse\n3 z\n4 w\n*arcs\n1 2 1.5\n2 1 0.5\n2 3 2.0\n3 3\n"))
	f.Add([]byte("% comment\r\n*Vertices 3\r\n1 \"a b\"\r\n2 \"c\"\r\n*Edges\r\n1 2\r\n1 2 2\r\n*Edgeslist\r\n3 1 2\r\n"))
	f.Add([]byte("*Network x\n*Vertices 2\n*Arcslist\n1 2\n*Edges\n1 2\n"))
	f.Add([]byte("*Vertices 99999999\n"))
	f.Add([]byte("*Vertices 2\n1 \"a\n*Edges\n1 2 -1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := NewInput("in.net", bytes.NewReader(data), false)
		if err != nil {
			checkReadError(t, err, "in.net")
			return
		}
		g, _, err := ReadPajekFrom(in, PajekOptions{MaxVertices: 1 << 12})
		if err != nil {
			checkReadError(t, err, "in.net")
			return
		}
		checkGraphMLRoundTrip(t, g, true)
	})
}

// FuzzNetCanvas: the Network Canvas CSV export reader (an ego file, a node
// attribute list and two edge lists) fails with a positioned error or
// returns a valid dataset, which must round-trip through the ego CSV writer.
func FuzzNetCanvas(f *testing.F) {
	const ego = "a81d-1"
	f.Add([]byte("networkCanvasEgoUUID,networkCanvasCaseID,age,gender\n"+ego+",P001,34,female\n"),
		[]byte("nodeID,networkCanvasEgoUUID,networkCanvasUUID,name,closeness,role_family\n1,"+ego+",n1,Ann,5,true\n2,"+ego+",n2,Bob,3,false\n3,"+ego+",n3,\"Cal, Jr.\",,false\n"),
		[]byte("edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID,since_years\n1,1,2,"+ego+",e1,n1,n2,10\n2,2,3,"+ego+",e2,n2,n3,\n"),
		[]byte("edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\n4,2,1,"+ego+",e4,n2,n1\n"), byte(0))
	f.Add([]byte("networkCanvasEgoUUID\nu1\nu2\n"), []byte("nodeID,networkCanvasEgoUUID,networkCanvasUUID\n1,u1,a\n1,u2,a\n"),
		[]byte("edgeID,from,to,networkCanvasEgoUUID\n1,1,1,u1\n2,1,1,u2\n"), []byte(""), byte(1))
	f.Fuzz(func(t *testing.T, egos, nodes, knows, close []byte, bits byte) {
		dir := t.TempDir()
		names := []string{"P_S_ego.csv", "P_S_attributeList_Person.csv", "P_S_edgeList_knows.csv", "P_S_edgeList_close.csv"}
		var files []*Input
		for i, data := range [][]byte{egos, nodes, knows, close} {
			if i > 0 && len(data) == 0 {
				continue
			}
			in, err := NewInput(dir+"/"+names[i], bytes.NewReader(data), false)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, in)
		}
		opt := NetCanvasOptions{Directed: bits&1 != 0}
		ds, _, err := ReadNetCanvasFrom(files, opt)
		if err != nil {
			checkReadError(t, err, names...)
			return
		}
		eo := EgoCSVOptions{Directed: opt.Directed}
		if !ds.TieWeighted {
			eo.Weight = "-" // an edge variable may be called "weight"
		}
		checkEgoRoundTrip(t, ds, eo, true)
	})
}

// FuzzStreamEgoCSV checks the streaming ego CSV reader against ReadEgoCSV
// on the same files: when the stream succeeds, ReadEgoCSV succeeds too and
// gives the same egos, alters, ties and values in the same order, and the
// same Report; when ReadEgoCSV fails, the stream fails (it may also fail
// where ReadEgoCSV does not, on rows not grouped by ego). Every ego network
// passed to fn is valid on its own.
func FuzzStreamEgoCSV(f *testing.F) {
	f.Add([]byte("egoID,sex,age\ne1,f,34\ne2,m,NA\ne3,f,51\n"),
		[]byte("egoID,alterID,sex,closeness\ne1,a,f,1\ne1,b,m,2\ne1,c,f,3\ne1,d,,1\ne2,x,m,2\n"),
		[]byte("egoID,Source,Target,weight\ne1,a,b,1\ne1,b,a,2\ne1,c,c,1\ne1,c,d,0.5\n"), byte(0))
	f.Add([]byte("egoID,wave\ne1,1\ne1,2\n"), []byte("egoID,wave,alterID,w\ne1,1,a,2\ne1,1,b,1\ne1,2,a,0.5\n"),
		[]byte("egoID,wave,Source,Target\ne1,1,a,b\n"), byte(4|8))
	f.Add([]byte("egoID\ne1\ne2\n"), []byte("egoID,alterID\ne2,a\ne1,b\n"), []byte("egoID,Source,Target\n"), byte(0))
	f.Add([]byte("egoID;x\n\"e;1\";\"q\"\"uote\"\n"), []byte("egoID;alterID\n\"e;1\";\"a,b\"\n\"e;1\";c\n"),
		[]byte("egoID;Source;Target\n\"e;1\";c;\"a,b\"\n"), byte(1|16))
	f.Fuzz(func(t *testing.T, egos, alters, ties []byte, bits byte) {
		opt := egoOptionsFromBits(bits)
		dir := t.TempDir()
		paths := [3]string{dir + "/egos.csv", dir + "/alters.csv", dir + "/aaties.csv"}
		for i, data := range [][]byte{egos, alters, ties} {
			if err := os.WriteFile(paths[i], data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var got []*EgoNet
		srep, serr := StreamEgoCSV(paths[0], paths[1], paths[2], opt, func(e *EgoNet) error {
			if len(e.Dataset().Egos) != 1 || e.Dataset().Egos[0] != e {
				t.Fatalf("ego %q: its Dataset does not hold just it", e.ID)
			}
			if err := validateDataset(e.Dataset()); err != nil {
				// Kinds are those of the values read so far, so only the
				// structural part of validateAttrs applies here.
				if !strings.Contains(err.Error(), "kind") {
					t.Fatalf("stream passed an invalid ego network %q: %v", e.ID, err)
				}
			}
			got = append(got, e)
			return nil
		})
		ds, rrep, rerr := ReadEgoCSV(paths[0], paths[1], paths[2], opt)
		if serr != nil {
			checkReadError(t, serr, paths[:]...)
			return
		}
		if rerr != nil {
			t.Fatalf("the stream read files that ReadEgoCSV rejects: %v", rerr)
		}
		if !slices.Equal(srep.Lines(), rrep.Lines()) {
			t.Fatalf("reports differ: stream %q, ReadEgoCSV %q", srep.Lines(), rrep.Lines())
		}
		if len(got) != len(ds.Egos) {
			t.Fatalf("stream gave %d egos, ReadEgoCSV %d", len(got), len(ds.Egos))
		}
		for i, e := range got {
			want := ds.Egos[i]
			one := func(x *EgoNet) *Dataset {
				return &Dataset{Egos: []*EgoNet{x}, EgoAttrs: ds.EgoAttrs, AlterAttrs: ds.AlterAttrs, TieAttrs: ds.TieAttrs,
					Directed: ds.Directed, AlterWeighted: ds.AlterWeighted, TieWeighted: ds.TieWeighted, WaveColumn: ds.WaveColumn}
			}
			if err := equalDatasets(one(want), one(e), exact); err != nil {
				t.Fatalf("ego %d: stream and ReadEgoCSV differ: %v", i, err)
			}
		}
	})
}

package network

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GraphMLOptions configures the GraphML readers and writers. The zero value
// reads what networkx, igraph, Gephi, yEd and Network Canvas write.
type GraphMLOptions struct {
	// Weight is the attr.name of the edge key that holds edge weights.
	// Empty means "weight" (in any letter case); "-" means unweighted (the key then becomes an
	// ordinary edge attribute, or is ignored for a whole network).
	Weight string
	// EgoID is the attr.name of the graph-level key that names the ego of a
	// survey ego network. Empty means "egoID".
	EgoID string
	// Wave is the attr.name of the graph-level key that holds the wave of a
	// survey ego network; empty means none (the key, if present, is then an
	// ego attribute).
	Wave string
	// AlterWeight is the attr.name of the node key that holds the ego–alter
	// tie weight in a survey ego network. Empty means "weight" when such a
	// node key is declared; "-" means none.
	AlterWeight string
	// MaxDepth limits how deeply elements may nest (default 64): a guard
	// against "billion laughs" style nesting bombs.
	MaxDepth int
	// MaxTokenBytes limits the size of one tag or one run of text (default
	// 16 MiB), so that a file cannot make the reader hold an unbounded value.
	MaxTokenBytes int
}

func (o GraphMLOptions) withDefaults() GraphMLOptions {
	if o.Weight == "" {
		o.Weight = "weight"
	}
	if o.EgoID == "" {
		o.EgoID = "egoID"
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 64
	}
	if o.MaxTokenBytes <= 0 {
		o.MaxTokenBytes = 16 << 20
	}
	return o
}

// What the GraphML readers repaired or left out; these are Repair.What
// values in the Report.
const (
	RepairNodesFromEdges = "nodes created by an edge without a <node> element"
	RepairMissingWeights = "edges without a weight value (weight 1 used)"
	RepairEdgeData       = "edge data values ignored (a whole network keeps only edge weights)"
	RepairGraphData      = "graph-level data values ignored (a whole network has no graph attributes)"
)

// --- the streaming parser ---

// gmlDomain is what a key applies to.
type gmlDomain uint8

const (
	domNode gmlDomain = 1 << iota
	domEdge
	domGraph
	domAll = domNode | domEdge | domGraph
)

// gmlKey is one <key> declaration.
type gmlKey struct {
	id, name, typ string
	domain        gmlDomain
	hasDefault    bool
	def           Value
	skip          bool // yEd graphics and other structured data: ignored
	col           int  // index in the key list
}

// gmlVal is one <data> value.
type gmlVal struct {
	key *gmlKey
	v   Value
}

// gmlGraph is a top-level <graph> and its graph-level data.
type gmlGraph struct {
	id       string
	directed bool   // edgedefault
	ncCaseID string // Network Canvas's nc:caseId attribute, if any
	data     []gmlVal
	line     int
	index    int // 0-based position in the file
}

// gmlHandler receives what the parser finds.
type gmlHandler interface {
	startGraph(g *gmlGraph) error
	node(id string, vals []gmlVal, line int) error
	edge(src, dst string, directed bool, vals []gmlVal, line int) error
	endGraph(g *gmlGraph, line int) error
}

type gmlParser struct {
	file  string
	dec   *xml.Decoder
	guard *tokenGuard
	opt   GraphMLOptions
	keys  map[string]*gmlKey
	order []*gmlKey
	depth int
	h     gmlHandler
	graph *gmlGraph // current top-level graph
	seen  int       // top-level graphs seen
}

// tokenGuard fails a read when more than max bytes pass without a '<', which
// bounds the size of every tag and every run of text the XML decoder buffers.
type tokenGuard struct {
	r   io.Reader
	max int
	run int
}

var errTokenTooLarge = errors.New("token too large")

func (g *tokenGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '<' {
			g.run = 0
			continue
		}
		g.run++
		if g.run > g.max {
			return i, errTokenTooLarge
		}
	}
	return n, err
}

func newGMLParser(in *Input, opt GraphMLOptions, h gmlHandler) *gmlParser {
	guard := &tokenGuard{r: in, max: opt.MaxTokenBytes}
	dec := xml.NewDecoder(guard)
	dec.Strict = true
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported (use UTF-8)", label)
	}
	return &gmlParser{file: in.Name, dec: dec, guard: guard, opt: opt, keys: map[string]*gmlKey{}, h: h}
}

func (p *gmlParser) line() int {
	l, _ := p.dec.InputPos()
	return l
}

func (p *gmlParser) errf(line int, err error, format string, args ...any) error {
	return errAt(p.file, line, err, format, args...)
}

// next returns the next token, tracking nesting depth and turning decoder
// failures into *ParseErrors. It returns io.EOF only at a clean end of input.
func (p *gmlParser) next() (xml.Token, error) {
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF {
			if p.depth > 0 {
				return nil, p.errf(p.line(), ErrSyntax, "unexpected end of file (the file is truncated)")
			}
			return nil, io.EOF
		}
		var se *xml.SyntaxError
		switch {
		case errors.Is(err, errTokenTooLarge):
			return nil, p.errf(p.line(), ErrTooLarge, "more than %d bytes in one tag or text", p.opt.MaxTokenBytes)
		case errors.As(err, &se):
			msg := se.Msg
			if msg == "unexpected EOF" {
				msg = "unexpected end of file (the file is truncated)"
			}
			return nil, p.errf(se.Line, ErrSyntax, "malformed XML: %s", msg)
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, p.errf(p.line(), ErrSyntax, "%v", err)
	}
	switch tok.(type) {
	case xml.StartElement:
		p.depth++
		if p.depth > p.opt.MaxDepth {
			return nil, p.errf(p.line(), ErrTooLarge, "elements nested more than %d deep", p.opt.MaxDepth)
		}
	case xml.EndElement:
		p.depth--
	}
	return tok, nil
}

// skip consumes the rest of the element whose start was just read.
func (p *gmlParser) skip() error {
	d := 1
	for d > 0 {
		tok, err := p.next()
		if err == io.EOF {
			return p.errf(p.line(), ErrSyntax, "unexpected end of file (the file is truncated)")
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// children reads the content of the element whose start was just read, up
// to and including its end tag, calling child for each child element's
// start tag; child must consume that element (read it or skip it). Text
// between child elements is ignored.
func (p *gmlParser) children(child func(xml.StartElement) error) error {
	for {
		tok, err := p.next()
		if err != nil {
			if err == io.EOF {
				return p.errf(p.line(), ErrSyntax, "unexpected end of file (the file is truncated)")
			}
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := child(t); err != nil {
				return err
			}
		}
	}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// parse reads the whole document.
func (p *gmlParser) parse() error {
	var root xml.StartElement
	for {
		tok, err := p.next()
		if err == io.EOF {
			return &ParseError{File: p.file, Line: p.line(), Err: fmt.Errorf("%w: no GraphML element", ErrEmptyFile)}
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
		if cd, ok := tok.(xml.CharData); ok && len(strings.TrimSpace(string(cd))) > 0 {
			return p.errf(p.line(), ErrSyntax, "not a GraphML file: text before the first element")
		}
	}
	if root.Name.Local != "graphml" {
		return p.errf(p.line(), ErrSyntax, "not a GraphML file: the root element is <%s>, not <graphml>", root.Name.Local)
	}
	err := p.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "key":
			return p.parseKey(t)
		case "graph":
			return p.parseGraph(t, true)
		}
		return p.skip()
	})
	if err != nil {
		return err
	}
	if p.seen == 0 {
		return p.errf(p.line(), ErrEmptyFile, "the file has no <graph>")
	}
	return p.trailing()
}

// trailing checks that nothing but comments and space follow the root.
func (p *gmlParser) trailing() error {
	for {
		tok, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			return p.errf(p.line(), ErrSyntax, "malformed XML: an element after the end of <graphml>")
		}
	}
}

func (p *gmlParser) parseKey(se xml.StartElement) error {
	line := p.line()
	id, _ := attr(se, "id")
	if id == "" {
		return p.errf(line, ErrEmptyID, "<key> without an id")
	}
	k := &gmlKey{id: id, col: len(p.order)}
	k.name, _ = attr(se, "attr.name")
	if k.name == "" {
		k.name = id
	}
	k.typ, _ = attr(se, "attr.type")
	k.typ = strings.ToLower(k.typ)
	switch k.typ {
	case "":
		k.typ = "string"
	case "integer": // some writers' spelling of int
		k.typ = "int"
	case "bool":
		k.typ = "boolean"
	}
	switch k.typ {
	case "boolean", "int", "long", "float", "double", "string":
	default:
		return p.errf(line, ErrSyntax, "key %q has unknown attr.type %q (want boolean, int, long, float, double or string)", id, k.typ)
	}
	if _, ok := attr(se, "yfiles.type"); ok {
		k.skip = true
	}
	f, _ := attr(se, "for")
	switch f {
	case "node":
		k.domain = domNode
	case "edge":
		k.domain = domEdge
	case "graph":
		k.domain = domGraph
	case "all", "":
		k.domain = domAll
	default:
		// graphml, hyperedge, port, endpoint: nothing we read.
		k.skip = true
		k.domain = domAll
	}
	err := p.children(func(t xml.StartElement) error {
		if t.Name.Local != "default" || k.skip {
			return p.skip()
		}
		dl := p.line()
		text, complex, err := p.text()
		if err != nil || complex {
			return err
		}
		v, err := k.parse(text)
		if err != nil {
			return p.errf(dl, ErrSyntax, "default of key %q: %v", id, err)
		}
		k.hasDefault, k.def = true, v
		return nil
	})
	if err != nil {
		return err
	}
	if _, dup := p.keys[id]; dup {
		return p.errf(line, ErrDuplicateID, "key %q is declared twice", id)
	}
	p.keys[id] = k
	p.order = append(p.order, k)
	return nil
}

// text reads the character data of the element just started, up to its end.
// complex is true when the element holds child elements (yEd graphics).
func (p *gmlParser) text() (s string, complex bool, err error) {
	var b strings.Builder
	for {
		tok, err := p.next()
		if err != nil {
			if err == io.EOF {
				return "", false, p.errf(p.line(), ErrSyntax, "unexpected end of file (the file is truncated)")
			}
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) > p.opt.MaxTokenBytes {
				return "", false, p.errf(p.line(), ErrTooLarge, "a value longer than %d bytes", p.opt.MaxTokenBytes)
			}
			b.Write(t)
		case xml.StartElement:
			complex = true
			if err := p.skip(); err != nil {
				return "", false, err
			}
		case xml.EndElement:
			return b.String(), complex, nil
		}
	}
}

// parse converts a data text to a value of the key's type. For numeric keys
// "NaN" (how igraph writes a missing number) and an empty text are missing;
// for string keys "" and "NA" are missing. Booleans become the categories
// "true" and "false".
func (k *gmlKey) parse(s string) (Value, error) {
	t := strings.TrimSpace(s)
	switch k.typ {
	case "boolean":
		switch strings.ToLower(t) {
		case "":
			return Value{}, nil
		case "true", "1":
			return Value{Text: "true", Kind: Text}, nil
		case "false", "0":
			return Value{Text: "false", Kind: Text}, nil
		}
		return Value{}, fmt.Errorf("%q is not a boolean", t)
	case "int", "long":
		if t == "" || strings.EqualFold(t, "nan") {
			return Value{}, nil
		}
		i, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			// Some writers put 1.0 in an int key; accept integral floats.
			f, ferr := strconv.ParseFloat(t, 64)
			if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
				return Value{}, fmt.Errorf("%q is not an integer", t)
			}
			return Value{Text: t, Num: f, Kind: Number}, nil
		}
		return Value{Text: t, Num: float64(i), Kind: Number}, nil
	case "float", "double":
		if t == "" || strings.EqualFold(t, "nan") {
			return Value{}, nil
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return Value{}, fmt.Errorf("%q is not a number", t)
		}
		if math.IsInf(f, 0) {
			return Value{Text: t, Kind: Text}, nil
		}
		return Value{Text: t, Num: f, Kind: Number}, nil
	}
	return TextValue(s), nil
}

// where names the element a <data> belongs to, for error messages: the
// graph, node a, or edge a-b.
func where(dom gmlDomain, a, b string) string {
	switch dom {
	case domNode:
		return fmt.Sprintf("node %q", a)
	case domEdge:
		return fmt.Sprintf("edge %q-%q", a, b)
	}
	return "the graph"
}

// data reads a <data> element for an element of the given domain (node a,
// edge a-b, or the graph). It returns ok false for data that is ignored
// (structured yEd data).
func (p *gmlParser) data(se xml.StartElement, dom gmlDomain, a, b string) (gmlVal, bool, error) {
	line := p.line()
	id, _ := attr(se, "key")
	k, ok := p.keys[id]
	if !ok {
		return gmlVal{}, false, p.errf(line, ErrUnknownKey, "<data key=%q> on %s: no <key id=%q> is declared before the graph", id, where(dom, a, b), id)
	}
	if k.domain&dom == 0 {
		return gmlVal{}, false, p.errf(line, ErrUnknownKey, "key %q (%s) is declared for another kind of element than %s", id, k.name, where(dom, a, b))
	}
	text, complex, err := p.text()
	if err != nil {
		return gmlVal{}, false, err
	}
	if k.skip || complex {
		return gmlVal{}, false, nil
	}
	v, err := k.parse(text)
	if err != nil {
		kind := ErrSyntax
		if dom == domEdge && k.name == p.opt.Weight {
			kind = ErrBadWeight
		}
		return gmlVal{}, false, p.errf(line, kind, "key %q on %s: %v", k.name, where(dom, a, b), err)
	}
	return gmlVal{key: k, v: v}, true, nil
}

// withDefaults appends the default of every key of the domain that has one
// and is not among vals.
func (p *gmlParser) withDefaults(vals []gmlVal, dom gmlDomain) []gmlVal {
	for _, k := range p.order {
		if !k.hasDefault || k.skip || k.domain&dom == 0 {
			continue
		}
		found := false
		for _, v := range vals {
			if v.key == k {
				found = true
				break
			}
		}
		if !found {
			vals = append(vals, gmlVal{key: k, v: k.def})
		}
	}
	return vals
}

func (p *gmlParser) parseGraph(se xml.StartElement, top bool) error {
	line := p.line()
	directed := false
	if ed, ok := attr(se, "edgedefault"); ok {
		switch ed {
		case "directed":
			directed = true
		case "undirected":
		default:
			return p.errf(line, ErrSyntax, "edgedefault %q (want directed or undirected)", ed)
		}
	} else if !top {
		directed = p.graph.directed
	}
	if top {
		g := &gmlGraph{directed: directed, line: line, index: p.seen}
		g.id, _ = attr(se, "id")
		for _, a := range se.Attr {
			if a.Name.Local == "caseId" {
				g.ncCaseID = a.Value
			}
		}
		p.seen++
		p.graph = g
		if err := p.h.startGraph(g); err != nil {
			return err
		}
	}
	err := p.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "node":
			return p.parseNode(t)
		case "edge":
			return p.parseEdge(t, directed)
		case "data":
			v, ok, err := p.data(t, domGraph, "", "")
			if ok && top {
				p.graph.data = append(p.graph.data, v)
			}
			return err
		case "hyperedge":
			return p.errf(p.line(), ErrSyntax, "hyperedges are not supported")
		}
		return p.skip()
	})
	if err != nil || !top {
		return err
	}
	return p.h.endGraph(p.graph, p.line())
}

func (p *gmlParser) parseNode(se xml.StartElement) error {
	line := p.line()
	id, _ := attr(se, "id")
	if id == "" {
		return p.errf(line, ErrEmptyID, "<node> without an id")
	}
	var vals []gmlVal
	err := p.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "data":
			v, ok, err := p.data(t, domNode, id, "")
			if ok {
				vals = append(vals, v)
			}
			return err
		case "graph":
			// A nested graph (yEd group node): its nodes and edges are
			// read into the enclosing graph, as networkx does.
			return p.parseGraph(t, false)
		}
		return p.skip()
	})
	if err != nil {
		return err
	}
	return p.h.node(id, p.withDefaults(vals, domNode), line)
}

func (p *gmlParser) parseEdge(se xml.StartElement, directed bool) error {
	line := p.line()
	src, _ := attr(se, "source")
	dst, _ := attr(se, "target")
	if src == "" || dst == "" {
		return p.errf(line, ErrEmptyID, "<edge> without a source or target")
	}
	if d, ok := attr(se, "directed"); ok {
		switch d {
		case "true", "1":
			directed = true
		case "false", "0":
			directed = false
		default:
			return p.errf(line, ErrSyntax, "edge attribute directed=%q (want true or false)", d)
		}
	}
	var vals []gmlVal
	err := p.children(func(t xml.StartElement) error {
		if t.Name.Local != "data" {
			return p.skip()
		}
		v, ok, err := p.data(t, domEdge, src, dst)
		if ok {
			vals = append(vals, v)
		}
		return err
	})
	if err != nil {
		return err
	}
	return p.h.edge(src, dst, directed, p.withDefaults(vals, domEdge), line)
}

// findKey returns the key with this attr.name for the domain, or nil. The
// default name "weight" also matches in any letter case (Gephi's "Weight").
func (p *gmlParser) findKey(name string, dom gmlDomain) *gmlKey {
	for _, k := range p.order {
		if k.name == name && k.domain&dom != 0 && !k.skip {
			return k
		}
	}
	if name == "weight" {
		for _, k := range p.order {
			if strings.EqualFold(k.name, name) && k.domain&dom != 0 && !k.skip {
				return k
			}
		}
	}
	return nil
}

// direction enforces one direction for all edges: the first edge decides,
// and a later edge that differs is an error (GraphML allows mixed graphs;
// our model does not).
type direction struct {
	set      bool
	directed bool
}

func (d *direction) check(p *gmlParser, directed bool, line int) error {
	if !d.set {
		d.set, d.directed = true, directed
		return nil
	}
	if d.directed != directed {
		what := map[bool]string{true: "directed", false: "undirected"}
		return p.errf(line, ErrMixedDirection, "this edge is %s but earlier edges are %s", what[directed], what[d.directed])
	}
	return nil
}

// weightOf returns an edge's weight: the value of the weight key, 1 with
// missing=true when it has none. A weight must be a finite non-negative
// number.
func weightOf(vals []gmlVal, wk *gmlKey) (w float64, missing bool, err error) {
	if wk == nil {
		return 1, false, nil
	}
	for _, v := range vals {
		if v.key != wk {
			continue
		}
		if v.v.Kind == Missing {
			return 1, true, nil
		}
		f, ok := v.v.Float()
		if !ok {
			return 0, false, fmt.Errorf("%w: %q is not a number", ErrBadWeight, v.v.Text)
		}
		if err := checkWeight(f); err != nil {
			return 0, false, err
		}
		return f, false, nil
	}
	return 1, true, nil
}

// --- whole networks ---

type gmlWhole struct {
	p        *gmlParser
	b        *Builder
	declared []bool
	dir      direction
	wk       *gmlKey
	fromEdge int // nodes never declared by a <node> element
	noWeight int
	edgeData int
}

func (h *gmlWhole) startGraph(g *gmlGraph) error {
	if g.index > 0 {
		return h.p.errf(g.line, ErrSeveralGraphs, "a whole network is one graph; read a file of several graphs as ego networks (ReadGraphMLDataset), one per graph")
	}
	if h.p.opt.Weight != "-" {
		h.wk = h.p.findKey(h.p.opt.Weight, domEdge)
	}
	h.b = NewBuilder(g.directed, h.wk != nil)
	h.dir.directed = g.directed
	for _, k := range h.p.order {
		if k.domain&domNode != 0 && !k.skip {
			h.b.DeclareAttr(k.name)
		}
	}
	return nil
}

func (h *gmlWhole) node(id string, vals []gmlVal, line int) error {
	u := h.b.Node(id)
	for len(h.declared) <= int(u) {
		h.declared = append(h.declared, false)
	}
	if h.declared[u] {
		return h.p.errf(line, ErrDuplicateID, "node %q is declared twice", id)
	}
	h.declared[u] = true
	for _, v := range vals {
		h.b.SetAttr(u, v.key.name, v.v)
	}
	return nil
}

func (h *gmlWhole) endpoint(id string) int64 {
	u := h.b.Node(id)
	for len(h.declared) <= int(u) {
		h.declared = append(h.declared, false)
	}
	return u
}

func (h *gmlWhole) edge(src, dst string, directed bool, vals []gmlVal, line int) error {
	if err := h.dir.check(h.p, directed, line); err != nil {
		return err
	}
	w, missing, err := weightOf(vals, h.wk)
	if err != nil {
		return h.p.errf(line, err, "edge %q-%q", src, dst)
	}
	if missing {
		h.noWeight++
	}
	for _, v := range vals {
		if v.key != h.wk {
			h.edgeData++
		}
	}
	u, v := h.endpoint(src), h.endpoint(dst)
	return h.b.AddEdge(u, v, w)
}

func (h *gmlWhole) endGraph(g *gmlGraph, line int) error { return nil }

// ReadGraphML reads a whole network from a GraphML file (gzip compressed
// when it is). See ReadGraphMLFrom.
func ReadGraphML(path string, opt GraphMLOptions) (*Graph, Report, error) {
	in, err := Open(path)
	if err != nil {
		return nil, Report{}, err
	}
	defer in.Close()
	return ReadGraphMLFrom(in, opt)
}

// ReadGraphMLFrom reads a whole network from GraphML, streaming the XML
// tokens (the document is never held in memory).
//
// What it reads: typed keys (boolean, int, long, float, double, string)
// with defaults, for node, edge, graph or all; node data become node
// attributes (booleans as the categories "true"/"false", int and double as
// numbers, "NaN" or an absent value as missing); the edge key whose attr.name
// is opt.Weight is the weight (finite and non-negative; an edge without a
// value gets weight 1, counted in the Report). The graph is directed when
// its edges are: edgedefault gives each edge's direction unless the edge has
// its own directed attribute, and edges of both kinds are an
// ErrMixedDirection error (a missing edgedefault means undirected, as in
// networkx). Structured data (yEd graphics), ports and unknown elements are
// skipped; a nested graph inside a node is flattened into the main graph, as
// networkx does. An edge may name a node that has no <node> element: the node
// is created, as networkx and igraph do, and counted in the Report. Edge data
// other than the weight and graph-level data are counted as ignored.
//
// A file holds one graph for a whole network; a second <graph> is an
// ErrSeveralGraphs error (read such files with ReadGraphMLDataset).
//
// Errors are *ParseErrors with the line: malformed or truncated XML,
// ErrEmptyFile, ErrUnknownKey for data whose key is not declared (keys must
// precede the graph), a bad typed value, ErrBadWeight, ErrDuplicateID for a
// node declared twice, and ErrTooLarge when elements nest more than
// opt.MaxDepth deep or a tag or text exceeds opt.MaxTokenBytes. encoding/xml
// expands no entities other than the five predefined ones. Self-loops are
// dropped and duplicate edges merged (weights summed) and counted.
//
// Time is linear in the file's size; memory is the Graph being built (the
// Builder's edge arrays, then the CSR), never the XML text or a DOM.
func ReadGraphMLFrom(in *Input, opt GraphMLOptions) (*Graph, Report, error) {
	opt = opt.withDefaults()
	var rep Report
	if in.BOM {
		rep.Add(in.Name, RepairBOM, 1)
	}
	h := &gmlWhole{}
	p := newGMLParser(in, opt, h)
	h.p = p
	graphData := 0
	if err := p.parse(); err != nil {
		return nil, rep, err
	}
	if p.graph != nil {
		graphData = len(p.graph.data)
	}
	h.b.directed = h.dir.directed
	for _, d := range h.declared {
		if !d {
			h.fromEdge++
		}
	}
	g, st := h.b.Build()
	rep.Add(in.Name, RepairNodesFromEdges, h.fromEdge)
	rep.Add(in.Name, RepairMissingWeights, h.noWeight)
	rep.Add(in.Name, RepairEdgeData, h.edgeData)
	rep.Add(in.Name, RepairGraphData, graphData)
	rep.addStats(in.Name, st)
	return g, rep, nil
}

// --- writing ---

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
		x.esc(g.labels[u])
		has := false
		for i := 0; i < attrs.Len(); i++ {
			v := g.NodeAttr(int64(u), i)
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
			x.esc(g.labels[u])
			x.raw(`" target="`)
			x.esc(g.labels[v])
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

// --- survey ego networks ---

// gmlNode and gmlEdge buffer one ego graph, so that alters declared after
// the edges that name them are still alters with attributes.
type gmlNode struct {
	id   string
	vals []gmlVal
	line int
}

type gmlEdge struct {
	src, dst string
	vals     []gmlVal
	line     int
}

// gmlEgos reads ego graphs into a DatasetBuilder, one ego per <graph>.
type gmlEgos struct {
	p        *gmlParser
	b        *DatasetBuilder
	rep      *Report
	fileBase string // file name without extensions, for an ego ID of last resort
	dir      *direction
	nodes    []gmlNode
	nodeAt   map[string]int
	edges    []gmlEdge
	graphs   int
	fromEdge int
	noWeight int
	tieAt    *[]fileLine // file and line of each AddTie call
}

// fileLine is a place in one of several input files.
type fileLine struct {
	file string
	line int
}

func (h *gmlEgos) startGraph(g *gmlGraph) error {
	h.nodes, h.edges = h.nodes[:0], h.edges[:0]
	h.nodeAt = map[string]int{}
	h.graphs++
	return nil
}

func (h *gmlEgos) node(id string, vals []gmlVal, line int) error {
	if i, ok := h.nodeAt[id]; ok {
		if h.nodes[i].line > 0 {
			return h.p.errf(line, ErrDuplicateID, "node %q is declared twice", id)
		}
		h.nodes[i] = gmlNode{id: id, vals: vals, line: line}
		return nil
	}
	h.nodeAt[id] = len(h.nodes)
	h.nodes = append(h.nodes, gmlNode{id: id, vals: vals, line: line})
	return nil
}

func (h *gmlEgos) edge(src, dst string, directed bool, vals []gmlVal, line int) error {
	if err := h.dir.check(h.p, directed, line); err != nil {
		return err
	}
	for _, id := range []string{src, dst} {
		if _, ok := h.nodeAt[id]; !ok {
			h.nodeAt[id] = len(h.nodes)
			h.nodes = append(h.nodes, gmlNode{id: id}) // line 0: not declared
		}
	}
	h.edges = append(h.edges, gmlEdge{src: src, dst: dst, vals: vals, line: line})
	return nil
}

// egoID finds the ego of a graph: the graph-level key opt.EgoID, else
// Network Canvas's nc:caseId, else the graph's id attribute, else the file
// name when the file holds one graph.
func (h *gmlEgos) egoID(g *gmlGraph) (id, wave string) {
	opt := h.p.opt
	for _, v := range g.data {
		if v.key.name == opt.EgoID && v.v.Kind != Missing {
			id = v.v.Text
		}
		if opt.Wave != "" && v.key.name == opt.Wave && v.v.Kind != Missing {
			wave = v.v.Text
		}
	}
	switch {
	case id != "":
	case g.ncCaseID != "":
		id = g.ncCaseID
	case g.id != "":
		id = g.id
	case g.index == 0:
		id = h.fileBase
	}
	return strings.TrimSpace(id), strings.TrimSpace(wave)
}

func (h *gmlEgos) endGraph(g *gmlGraph, line int) error {
	p, b := h.p, h.b
	opt := p.opt
	g.data = p.withDefaults(g.data, domGraph)
	id, wave := h.egoID(g)
	if id == "" {
		return p.errf(g.line, ErrEmptyID, "graph %d has no ego ID: give it a graph-level <data> for a key named %q, or an id attribute", g.index+1, opt.EgoID)
	}
	var egoAttrs Attrs
	for _, v := range g.data {
		if v.key.name == opt.EgoID || (opt.Wave != "" && v.key.name == opt.Wave) {
			continue
		}
		egoAttrs.set(b.EgoAttrs().Add(v.key.name), v.v)
	}
	if err := b.AddEgo(id, wave, egoAttrs); err != nil {
		return p.errf(g.line, err, "")
	}

	var awk, twk *gmlKey
	switch opt.AlterWeight {
	case "-":
	case "":
		// A for="all" key named weight weighs both: ego–alter ties on
		// nodes, alter–alter ties on edges.
		awk = p.findKey("weight", domNode)
	default:
		awk = p.findKey(opt.AlterWeight, domNode)
	}
	if opt.Weight != "-" {
		twk = p.findKey(opt.Weight, domEdge)
	}
	if awk != nil {
		b.ds.AlterWeighted = true
	}
	if twk != nil {
		b.ds.TieWeighted = true
	}
	for _, k := range p.order {
		if k.skip {
			continue
		}
		if k.domain&domNode != 0 && k != awk {
			b.AlterAttrs().Add(k.name)
		}
		if k.domain&domEdge != 0 && k != twk {
			b.TieAttrs().Add(k.name)
		}
		if k.domain&domGraph != 0 && k.name != opt.EgoID && k.name != opt.Wave {
			b.EgoAttrs().Add(k.name)
		}
	}
	for _, n := range h.nodes {
		if n.line == 0 {
			h.fromEdge++
		}
		w := 1.0
		var attrs Attrs
		hasW := false
		for _, v := range n.vals {
			if v.key == awk {
				hasW = true
				var missing bool
				var err error
				if w, missing, err = weightOf([]gmlVal{v}, awk); err != nil {
					return p.errf(n.line, err, "alter %q", n.id)
				}
				if missing {
					h.noWeight++
				}
				continue
			}
			attrs.set(b.AlterAttrs().Add(v.key.name), v.v)
		}
		if awk != nil && !hasW {
			h.noWeight++
		}
		if err := b.AddAlter(id, wave, n.id, w, attrs); err != nil {
			return p.errf(n.line, err, "")
		}
	}
	if h.dir.set {
		b.ds.Directed = h.dir.directed
	}
	// Repeated edges between the same two alters (Network Canvas writes
	// one per edge type, each with its own UUID) become one tie: weights
	// summed, and for each attribute the distinct values joined with "|".
	type merged struct {
		e     gmlEdge
		w     float64
		attrs Attrs
	}
	var ties []*merged
	at := map[[2]string]int{}
	for _, e := range h.edges {
		w, missing, err := weightOf(e.vals, twk)
		if err != nil {
			return p.errf(e.line, err, "edge %q-%q", e.src, e.dst)
		}
		if missing {
			h.noWeight++
		}
		var attrs Attrs
		for _, v := range e.vals {
			if v.key != twk {
				attrs.set(b.TieAttrs().Add(v.key.name), v.v)
			}
		}
		k := [2]string{e.src, e.dst}
		if !h.dir.directed && k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		i, seen := at[k]
		if !seen || e.src == e.dst {
			at[k] = len(ties)
			ties = append(ties, &merged{e: e, w: w, attrs: attrs})
			continue
		}
		m := ties[i]
		if w2 := m.w + w; !math.IsInf(w2, 0) {
			m.w = w2
		} else {
			return p.errf(e.line, ErrBadWeight, "repeated edge %q-%q: weights sum to more than %g", e.src, e.dst, math.MaxFloat64)
		}
		if joinValues(&m.attrs, attrs) {
			h.rep.Add(p.file, RepairMergedEdges, 1)
		} else {
			h.rep.Add(p.file, RepairDuplicates, 1)
		}
	}
	for _, m := range ties {
		*h.tieAt = append(*h.tieAt, fileLine{p.file, m.e.line})
		w := m.w
		if twk == nil {
			w = 1
		}
		if err := b.AddTie(id, wave, m.e.src, m.e.dst, w, m.attrs); err != nil {
			return p.errf(m.e.line, err, "")
		}
	}
	return nil
}

// RepairMergedEdges is the Report entry for repeated GraphML edges between
// the same two alters whose data differ, merged into one tie.
const RepairMergedEdges = "repeated edges between the same alters merged (differing values joined with |)"

// joinValues merges row b into row a: a missing value takes b's, and a
// different recorded value is appended to a's text after "|" (the result is
// text). It reports whether any value differed.
func joinValues(a *Attrs, b Attrs) bool {
	differ := false
	for c, v := range b {
		if v.Kind == Missing {
			continue
		}
		old := a.At(c)
		switch {
		case old.Kind == Missing:
			a.set(c, v)
		case old.Text == v.Text || slices.Contains(strings.Split(old.Text, "|"), v.Text):
		default:
			differ = true
			a.set(c, Value{Text: old.Text + "|" + v.Text, Kind: Text})
		}
	}
	return differ
}

// ReadGraphMLDataset reads survey ego networks from GraphML, Network Canvas
// style: each <graph> is one ego, its graph-level data are the ego's
// attributes, its nodes are the alters and its edges the alter–alter ties.
// path is a file (one or several graphs) or a directory, whose *.graphml,
// *.xml and *.graphml.gz files are read in name order. Egos keep the order
// of the files and of the graphs in them; an ego graph without nodes is an
// ego with no alters.
//
// The ego ID is the graph-level value of the key named opt.EgoID ("egoID"),
// else the graph's Network Canvas nc:caseId attribute, else its id attribute,
// else, for the first graph of a file, the file name without extensions. The
// wave is the graph-level key opt.Wave when set. The node key opt.AlterWeight
// (by default a node key named "weight") gives the ego–alter weight; the
// edge key opt.Weight the tie weight. Other data become ego, alter and tie
// attributes. Every edge of every graph must have the same direction (see
// ReadGraphMLFrom). Repeated edges between the same two alters (Network
// Canvas writes one per edge type) become one tie: weights summed and, for
// each attribute, the distinct values joined with "|" (counted as
// RepairMergedEdges, or RepairDuplicates when the data are the same). Errors and repairs are as for ReadGraphMLFrom, plus the
// dataset checks of DatasetBuilder (an ego twice in a wave, a node declared
// twice). Memory is the Dataset plus one ego graph's nodes and edges, which
// are buffered until its </graph>.
func ReadGraphMLDataset(path string, opt GraphMLOptions) (*Dataset, Report, error) {
	files, err := graphMLFiles(path)
	if err != nil {
		return nil, Report{}, err
	}
	return readGraphMLDataset(files, opt)
}

// ReadGraphMLDatasetFrom reads survey ego networks from one open GraphML
// input; see ReadGraphMLDataset.
func ReadGraphMLDatasetFrom(in *Input, opt GraphMLOptions) (*Dataset, Report, error) {
	opt = opt.withDefaults()
	b := NewDatasetBuilder(DatasetOptions{WaveColumn: opt.Wave})
	var rep Report
	var dir direction
	var tieAt []fileLine
	if err := readGraphMLEgos(in, opt, b, &dir, &rep, &tieAt); err != nil {
		return nil, rep, err
	}
	return buildGraphMLDataset(b, in.Name, tieAt, rep)
}

// buildGraphMLDataset builds the dataset, turning a duplicate tie that
// contradicts an earlier one (different attributes, or weights summing past
// the float64 range) into an error at its edge.
func buildGraphMLDataset(b *DatasetBuilder, name string, tieAt []fileLine, rep Report) (*Dataset, Report, error) {
	ds, st, conflict := b.build()
	if conflict != nil {
		at := tieAt[conflict.seq]
		return nil, rep, &ParseError{File: at.file, Line: at.line, Err: conflict.err}
	}
	rep.addStats(name, st)
	return ds, rep, nil
}

func readGraphMLDataset(files []string, opt GraphMLOptions) (*Dataset, Report, error) {
	opt = opt.withDefaults()
	b := NewDatasetBuilder(DatasetOptions{WaveColumn: opt.Wave})
	var rep Report
	var dir direction
	var tieAt []fileLine
	for _, f := range files {
		in, err := Open(f)
		if err != nil {
			return nil, rep, err
		}
		err = readGraphMLEgos(in, opt, b, &dir, &rep, &tieAt)
		in.Close()
		if err != nil {
			return nil, rep, err
		}
	}
	name := "GraphML files"
	if len(files) == 1 {
		name = files[0]
	}
	return buildGraphMLDataset(b, name, tieAt, rep)
}

func readGraphMLEgos(in *Input, opt GraphMLOptions, b *DatasetBuilder, dir *direction, rep *Report, tieAt *[]fileLine) error {
	if in.BOM {
		rep.Add(in.Name, RepairBOM, 1)
	}
	h := &gmlEgos{b: b, rep: rep, dir: dir, fileBase: fileBase(in.Name), tieAt: tieAt}
	h.p = newGMLParser(in, opt, h)
	if err := h.p.parse(); err != nil {
		return err
	}
	rep.Add(in.Name, RepairNodesFromEdges, h.fromEdge)
	rep.Add(in.Name, RepairMissingWeights, h.noWeight)
	return nil
}

// fileBase returns a file's name without directory and without the
// extensions .gz, .graphml and .xml.
func fileBase(name string) string {
	base := filepath.Base(name)
	for _, ext := range []string{".gz", ".graphml", ".xml"} {
		if strings.HasSuffix(strings.ToLower(base), ext) {
			base = base[:len(base)-len(ext)]
		}
	}
	return base
}

// graphMLFiles returns path itself for a file, or the GraphML files of a
// directory in name order.
func graphMLFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range ents {
		n := strings.ToLower(e.Name())
		if e.IsDir() || strings.HasPrefix(n, ".") {
			continue
		}
		if strings.HasSuffix(n, ".graphml") || strings.HasSuffix(n, ".graphml.gz") || strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".xml.gz") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, &ParseError{File: path, Err: fmt.Errorf("%w: the directory has no .graphml files", ErrEmptyFile)}
	}
	sort.Strings(files)
	return files, nil
}

// IsGraphMLDataset reports whether path holds survey ego networks rather
// than one whole network: a directory always does; a file does when it
// declares a graph-level key named opt.EgoID ("egoID") or its first graph
// carries Network Canvas's nc:caseId attribute. Only the file's head, up to
// the first <graph>, is read.
func IsGraphMLDataset(path string, opt GraphMLOptions) (bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if fi.IsDir() {
		return true, nil
	}
	opt = opt.withDefaults()
	in, err := Open(path)
	if err != nil {
		return false, err
	}
	defer in.Close()
	p := newGMLParser(in, opt, nil)
	for {
		tok, err := p.next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "key":
			if err := p.parseKey(se); err != nil {
				return false, err
			}
		case "graph":
			if k := p.findKey(opt.EgoID, domGraph); k != nil && k.domain == domGraph {
				return true, nil
			}
			for _, a := range se.Attr {
				if a.Name.Local == "caseId" {
					return true, nil
				}
			}
			return false, nil
		}
	}
}

// WriteGraphMLEgo writes one ego network as a GraphML file Network Canvas
// style: the ego's ID (key opt.EgoID, "egoID"), wave and attributes as
// graph-level data, the alters as nodes (with a node "weight" key, or
// opt.AlterWeight, when the dataset has ego–alter weights) and the
// alter–alter ties as edges (with an edge "weight" key, or opt.Weight, when
// weighted). Every file of a dataset declares the same keys, from the
// dataset's schemas; missing values are left out.
func WriteGraphMLEgo(w io.Writer, e *EgoNet, opt GraphMLOptions) error {
	opt = opt.withDefaults()
	ds := e.ds
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

// GraphMLEgoFileNames returns the file name WriteGraphMLDataset gives each
// ego, in ego order: a zero-padded position (so that reading the directory in
// name order keeps the study's order), the ego ID and the wave, with
// characters other than letters, digits, '-', '.' and '_' replaced by '_',
// and the extension .graphml.
func GraphMLEgoFileNames(ds *Dataset) []string {
	width := len(strconv.Itoa(len(ds.Egos)))
	if width < 3 {
		width = 3
	}
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '-' || r == '.' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
				return r
			}
			return '_'
		}, s)
	}
	out := make([]string, len(ds.Egos))
	for i, e := range ds.Egos {
		name := fmt.Sprintf("%0*d_%s", width, i+1, clean(e.ID))
		if e.Wave != "" {
			name += "_" + clean(e.Wave)
		}
		if len(name) > 120 {
			name = name[:120]
		}
		out[i] = name + ".graphml"
	}
	return out
}

// WriteGraphMLDataset writes one GraphML file per ego into dir (created if
// needed), named by GraphMLEgoFileNames and written by WriteGraphMLEgo.
// ReadGraphMLDataset on the directory, with the same options, gives back an
// equal Dataset.
func WriteGraphMLDataset(dir string, ds *Dataset, opt GraphMLOptions) error {
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

package network

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
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
	// MaxKeys limits the number of <key> declarations (default 1,000):
	// each key is a column of every node's or edge's attribute row, so
	// memory is nodes × keys (5,000 sparse keys made a 582 KB file take
	// 1.16 GB).
	MaxKeys int
	// MaxAttrs limits the attributes on one tag (default 256), counted as
	// the bytes arrive, before encoding/xml holds them.
	MaxAttrs int
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
	if o.MaxKeys <= 0 {
		o.MaxKeys = 1000
	}
	if o.MaxAttrs <= 0 {
		o.MaxAttrs = 256
	}
	return o
}

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
	seenAt        int  // the element (p.elem) that last had data for this key
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
	elem     int // the number its <data> are read with (newElem)
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
	elem  int       // a number for each element whose <data> are read
	defs  []*gmlKey // the keys with a <default>
	names map[string][]*gmlKey
}

// tokenGuard fails a read when more than max bytes pass without a '<', which
// bounds the size of every tag and every run of text the XML decoder buffers.
type tokenGuard struct {
	r        io.Reader
	max      int
	run      int
	maxAttrs int
	// The last bytes seen, to tell comments, CDATA sections and processing
	// instructions, whose '<' do not start a tag, from tags.
	win     [9]byte
	special string // the end of the comment, CDATA or PI being read, or ""
	inTag   bool
	quote   byte // the quote of the attribute value being read, or 0
	attrs   int  // '=' seen in the current tag outside quotes
}

var errTooManyAttrs = errors.New("too many attributes")

func (g *tokenGuard) ends(s string) bool {
	n := len(s)
	return string(g.win[len(g.win)-n:]) == s
}

var errTokenTooLarge = errors.New("token too large")

func (g *tokenGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		copy(g.win[:], g.win[1:])
		g.win[len(g.win)-1] = c
		switch {
		case g.special != "":
			// Inside a comment, CDATA section or PI a '<' starts nothing:
			// the whole of it counts as one token.
			if g.ends(g.special) {
				g.special = ""
			}
		case c == '<' && g.quote == 0:
			g.run, g.inTag, g.attrs = 0, true, 0
			continue
		case g.inTag && g.ends("<!--"):
			g.special, g.inTag = "-->", false
		case g.inTag && g.ends("<![CDATA["):
			g.special, g.inTag = "]]>", false
		case g.inTag && g.ends("<?"):
			g.special, g.inTag = "?>", false
		case g.inTag && g.quote != 0:
			if c == g.quote {
				g.quote = 0
			}
		case g.inTag && (c == '"' || c == '\''):
			g.quote = c
		case g.inTag && c == '=':
			g.attrs++
			if g.maxAttrs > 0 && g.attrs > g.maxAttrs {
				return i, errTooManyAttrs
			}
		case g.inTag && c == '>':
			g.inTag = false
		}
		g.run++
		if g.run > g.max {
			return i, errTokenTooLarge
		}
	}
	return n, err
}

func newGMLParser(in *Input, opt GraphMLOptions, h gmlHandler) *gmlParser {
	guard := &tokenGuard{r: in, max: opt.MaxTokenBytes, maxAttrs: opt.MaxAttrs}
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
			return nil, p.errf(p.line(), ErrTooLarge, "more than %d bytes in one tag, text, comment, CDATA section or processing instruction", p.opt.MaxTokenBytes)
		case errors.Is(err, errTooManyAttrs):
			return nil, p.errf(p.line(), ErrTooLarge, "more than %d attributes on one tag (GraphMLOptions.MaxAttrs raises the limit)", p.opt.MaxAttrs)
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
			if err := p.foreign(t); err != nil {
				return err
			}
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
		switch t := tok.(type) {
		case xml.StartElement:
			return p.errf(p.line(), ErrSyntax, "malformed XML: an element after the end of <graphml>")
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return p.errf(p.line(), ErrSyntax, "malformed XML: text after the end of <graphml>")
			}
		}
	}
}

// graphMLNS is the GraphML namespace; elements of another namespace are
// refused where GraphML elements go (inside <data> anything is allowed).
const graphMLNS = "http://graphml.graphdrawing.org/xmlns"

// foreign refuses an element of another namespace than GraphML's (or none).
func (p *gmlParser) foreign(se xml.StartElement) error {
	if se.Name.Space != "" && se.Name.Space != graphMLNS {
		return p.errf(p.line(), ErrSyntax, "element <%s> of namespace %q where a GraphML element belongs", se.Name.Local, excerpt(se.Name.Space))
	}
	return nil
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
	if len(p.order) >= p.opt.MaxKeys {
		return p.errf(line, ErrTooLarge, "more than %d <key> declarations (GraphMLOptions.MaxKeys raises the limit)", p.opt.MaxKeys)
	}
	if !k.skip {
		if p.names == nil {
			p.names = map[string][]*gmlKey{}
		}
		for _, o := range p.names[k.name] {
			if o.domain&k.domain != 0 {
				return p.errf(line, ErrDuplicateID, "keys %q and %q both have attr.name %q for the same elements; which one holds the value would be a guess", o.id, id, k.name)
			}
		}
		p.names[k.name] = append(p.names[k.name], k)
		if k.hasDefault {
			p.defs = append(p.defs, k)
		}
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
		// Some writers put 1.0 in an int key; accept integral numbers.
		f, err := ParseNumber(t)
		if err != nil || f != math.Trunc(f) {
			return Value{}, fmt.Errorf("%q is not an integer", excerpt(t))
		}
		return Value{Text: t, Num: f, Kind: Number}, nil
	case "float", "double":
		if t == "" || strings.EqualFold(t, "nan") {
			return Value{}, nil
		}
		switch strings.ToLower(strings.TrimLeft(t, "+-")) {
		case "inf", "infinity":
			// networkx writes an infinite distance as inf: kept as text.
			return Value{Text: t, Kind: Text}, nil
		}
		f, err := ParseNumber(t)
		if err != nil {
			return Value{}, err
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
func (p *gmlParser) data(se xml.StartElement, dom gmlDomain, elem int, a, b string) (gmlVal, bool, error) {
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
	if k.seenAt == elem {
		return gmlVal{}, false, p.errf(line, ErrDuplicateID, "two <data> for key %q (%s) on %s", id, k.name, where(dom, a, b))
	}
	k.seenAt = elem
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
// Each element's <data> are read with a number of its own (newElem), so
// that a key's seenAt says whether the element gave it a value: O(keys
// with a default) per element.
func (p *gmlParser) withDefaults(vals []gmlVal, dom gmlDomain, elem int) []gmlVal {
	for _, k := range p.defs {
		if k.domain&dom != 0 && k.seenAt != elem {
			vals = append(vals, gmlVal{key: k, v: k.def})
		}
	}
	return vals
}

// newElem returns a number for a new element whose <data> are read.
func (p *gmlParser) newElem() int {
	p.elem++
	return p.elem
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
	gelem := p.newElem()
	if top {
		g := &gmlGraph{directed: directed, line: line, index: p.seen, elem: gelem}
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
			v, ok, err := p.data(t, domGraph, gelem, "", "")
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
	el := p.newElem()
	err := p.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "data":
			v, ok, err := p.data(t, domNode, el, id, "")
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
	return p.h.node(id, p.withDefaults(vals, domNode, el), line)
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
	el := p.newElem()
	err := p.children(func(t xml.StartElement) error {
		if t.Name.Local != "data" {
			return p.skip()
		}
		v, ok, err := p.data(t, domEdge, el, src, dst)
		if ok {
			vals = append(vals, v)
		}
		return err
	})
	if err != nil {
		return err
	}
	return p.h.edge(src, dst, directed, p.withDefaults(vals, domEdge, el), line)
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

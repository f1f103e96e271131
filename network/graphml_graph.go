package network

// Reading a GraphML file as one whole network (ReadGraphML).

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
	u := h.b.LookupOrAdd(id)
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

func (h *gmlWhole) endpoint(id string) int {
	u := h.b.LookupOrAdd(id)
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

package network

// Reading GraphML files as survey ego networks, one graph per ego
// (ReadGraphMLDataset).

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

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
	h.ownKeys()
	return nil
}

// ownKeys finds the ego ID and wave keys that WriteGraphMLEgo writes (ids
// "g_id" and "g_wave"), so that a round trip keeps the ego IDs, the wave
// and their column names without options: the wave key is used when
// opt.Wave is empty, the ego ID key when no graph key is named opt.EgoID.
// The dataset takes their names as its EgoIDColumn and WaveColumn.
func (h *gmlEgos) ownKeys() {
	opt := &h.p.opt
	if k := h.p.findKey(opt.EgoID, domGraph); k == nil || k.domain != domGraph {
		for _, k := range h.p.order {
			if k.id == "g_id" && k.domain == domGraph {
				opt.EgoID = k.name
			}
		}
	}
	if opt.Wave == "" {
		for _, k := range h.p.order {
			if k.id == "g_wave" && k.domain == domGraph {
				opt.Wave = k.name
			}
		}
	}
	if h.b.ds.WaveColumn == "" {
		h.b.ds.WaveColumn = opt.Wave
	}
	if k := h.p.findKey(opt.EgoID, domGraph); k != nil && k.domain == domGraph && h.b.ds.EgoIDColumn == "" {
		h.b.ds.EgoIDColumn = opt.EgoID
	}
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
	g.data = p.withDefaults(g.data, domGraph, g.elem)
	id, wave := h.egoID(g)
	for _, v := range g.data {
		if v.key.name == opt.EgoID && (v.v.Kind == Missing || strings.TrimSpace(v.v.Text) == "") {
			// An ego ID given empty is not a missing key: never fall back
			// on the graph's id or the file name silently.
			return p.errf(g.line, ErrEmptyID, "graph %d has an empty ego ID (<data> for key %q)", g.index+1, opt.EgoID)
		}
	}
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
// declares a graph-level key named opt.EgoID ("egoID") or WriteGraphMLEgo's
// ego ID key (id "g_id"), or its first graph
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
			for _, k := range p.order {
				if k.id == "g_id" && k.domain == domGraph {
					return true, nil // WriteGraphMLEgo's ego ID key
				}
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

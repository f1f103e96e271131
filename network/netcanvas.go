package network

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// NetCanvasOptions configures ReadNetCanvas. The zero value reads a Network
// Canvas CSV export as it is.
type NetCanvasOptions struct {
	// EgoID is the column of the ego files that names the ego. Empty means
	// "networkCanvasEgoUUID", which is unique per interview; use
	// "networkCanvasCaseID" for the researcher's case IDs (which must then be
	// unique).
	EgoID string
	// Type is the name of the alter attribute that holds the node type and
	// of the tie attribute that holds the edge type(s). Empty means "type".
	Type string
	// Directed makes edges arcs from networkCanvasSourceUUID to
	// networkCanvasTargetUUID; by default they are undirected, as Network
	// Canvas exports them.
	Directed bool
	// Limits bound the cost of a hostile record or gzip bomb (zero value:
	// the defaults; see Limits).
	Limits Limits
}

// Column names of the Network Canvas CSV export.
const (
	ncEgoUUID    = "networkCanvasEgoUUID"
	ncUUID       = "networkCanvasUUID"
	ncSourceUUID = "networkCanvasSourceUUID"
	ncTargetUUID = "networkCanvasTargetUUID"
)

// ReadNetCanvas reads a Network Canvas CSV export from a directory; see
// ReadNetCanvasFrom. Files in the directory whose names do not follow the
// export's pattern (the GraphML export, adjacency matrices, notes) are
// ignored.
func ReadNetCanvas(dir string, opt NetCanvasOptions) (*Dataset, Report, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, Report{}, err
	}
	var ins []*Input
	defer func() {
		for _, in := range ins {
			in.Close()
		}
	}()
	for _, e := range ents {
		if _, _, ok := netCanvasKind(e.Name()); ok && !e.IsDir() {
			in, err := Open(filepath.Join(dir, e.Name()))
			if err != nil {
				return nil, Report{}, err
			}
			ins = append(ins, in)
		}
	}
	if len(ins) == 0 {
		return nil, Report{}, &ParseError{File: dir, Err: fmt.Errorf("%w: no Network Canvas CSV files (*_ego.csv, *_attributeList_TYPE.csv, *_edgeList_TYPE.csv)", ErrEmptyFile)}
	}
	return ReadNetCanvasFrom(ins, opt)
}

// netCanvasKind classifies an export file by its name:
// CASE_SESSION_ego.csv, CASE_SESSION_attributeList_NODETYPE.csv or
// CASE_SESSION_edgeList_EDGETYPE.csv (each may be .csv.gz).
func netCanvasKind(path string) (kind, typ string, ok bool) {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, ".gz")
	if !strings.HasSuffix(strings.ToLower(base), ".csv") || strings.HasPrefix(base, ".") {
		return "", "", false
	}
	stem := base[:len(base)-len(".csv")]
	switch {
	case strings.HasSuffix(stem, "_ego"):
		return "ego", "", true
	case strings.Contains(stem, "_attributeList_"):
		i := strings.LastIndex(stem, "_attributeList_")
		return "nodes", stem[i+len("_attributeList_"):], true
	case strings.Contains(stem, "_edgeList_"):
		i := strings.LastIndex(stem, "_edgeList_")
		return "edges", stem[i+len("_edgeList_"):], true
	}
	return "", "", false
}

// ncTie is a tie being merged across edge types.
type ncTie struct {
	ego, from, to string
	attrs         Attrs
	types         []string
	file          string
	line          int
}

// ReadNetCanvasFrom reads the CSV export of Network Canvas (Interviewer,
// Server or Fresco) into a Dataset, one ego per interview, from open inputs
// (the caller closes them). The files are recognised by their Input.Name,
// as the exporter names them:
//
//	CASE_SESSION_ego.csv                 networkCanvasEgoUUID, networkCanvasCaseID,
//	                                     networkCanvasSessionID, ..., ego variables
//	CASE_SESSION_attributeList_TYPE.csv  nodeID, networkCanvasEgoUUID,
//	                                     networkCanvasUUID, node variables
//	CASE_SESSION_edgeList_TYPE.csv       edgeID, from, to, networkCanvasEgoUUID,
//	                                     networkCanvasUUID, networkCanvasSourceUUID,
//	                                     networkCanvasTargetUUID, edge variables
//
// A file of another name is an error. Ego files are read first, then node
// files, then edge files, each kind in name order; a unified export (all
// interviews in one set of files) works the same way, since every row names
// its ego by networkCanvasEgoUUID.
//
// The ego ID is the opt.EgoID column; every other ego column, session
// metadata included, is an ego attribute. Alters are the nodes of every type,
// identified by networkCanvasUUID, with the node type in the attribute
// opt.Type and the node variables as attributes (a categorical variable
// exported as one true/false column per option stays so). Ties are the edges
// of every type, between networkCanvasSourceUUID and networkCanvasTargetUUID
// (or, without those columns, from and to matched against nodeID). Edges of
// several types between the same two alters become one tie whose opt.Type
// attribute lists the types joined with "|" (counted as RepairMultiplex); a
// repeated edge of one type is a duplicate (counted); values that
// contradict each other are an ErrDuplicateID error. Network Canvas edges
// have no weights: ties and ego–alter ties have weight 1.
//
// Errors name the file and line: a missing column, a row whose
// networkCanvasEgoUUID is in no ego file, a duplicate ego or alter, an edge
// whose endpoint is not a node of that interview.
func ReadNetCanvasFrom(ins []*Input, opt NetCanvasOptions) (*Dataset, Report, error) {
	if len(ins) == 0 {
		return nil, Report{}, &ParseError{Err: fmt.Errorf("%w: no Network Canvas CSV files", ErrEmptyFile)}
	}
	if opt.EgoID == "" {
		opt.EgoID = ncEgoUUID
	}
	if opt.Type == "" {
		opt.Type = "type"
	}
	var egoFiles, nodeFiles, edgeFiles []*Input
	types := map[*Input]string{}
	for _, f := range ins {
		kind, typ, ok := netCanvasKind(f.Name)
		if !ok {
			return nil, Report{}, &ParseError{File: f.Name, Err: fmt.Errorf("%w: not a Network Canvas CSV export file name (want CASE_SESSION_ego.csv, CASE_SESSION_attributeList_TYPE.csv or CASE_SESSION_edgeList_TYPE.csv)", ErrSyntax)}
		}
		types[f] = typ
		switch kind {
		case "ego":
			egoFiles = append(egoFiles, f)
		case "nodes":
			nodeFiles = append(nodeFiles, f)
		default:
			edgeFiles = append(edgeFiles, f)
		}
	}
	for _, s := range [][]*Input{egoFiles, nodeFiles, edgeFiles} {
		sort.SliceStable(s, func(i, j int) bool { return s[i].Name < s[j].Name })
	}
	if len(egoFiles) == 0 {
		return nil, Report{}, &ParseError{File: ins[0].Name, Err: fmt.Errorf("%w: no ego file (CASE_SESSION_ego.csv) among the files", ErrEmptyFile)}
	}
	r := &ncReader{
		opt:     opt,
		b:       NewDatasetBuilder(DatasetOptions{Directed: opt.Directed}),
		egoOf:   map[string]string{},
		nodeIDs: map[string]map[string]string{},
		tieAt:   map[string]int{},
	}
	for _, f := range egoFiles {
		if err := r.file(f, r.egos); err != nil {
			return nil, r.rep, err
		}
	}
	if len(r.egoOf) == 0 {
		return nil, r.rep, &ParseError{File: egoFiles[0].Name, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}
	for _, f := range nodeFiles {
		typ := types[f]
		if err := r.file(f, func(t *csvTable) error { return r.nodes(t, typ) }); err != nil {
			return nil, r.rep, err
		}
	}
	for _, f := range edgeFiles {
		typ := types[f]
		if err := r.file(f, func(t *csvTable) error { return r.edges(t, typ) }); err != nil {
			return nil, r.rep, err
		}
	}
	typeCol := r.b.TieAttrs().Add(opt.Type)
	for _, t := range r.ties {
		t.attrs.set(typeCol, TextValue(strings.Join(t.types, "|")))
		if err := r.b.AddTie(t.ego, "", t.from, t.to, 1, t.attrs); err != nil {
			return nil, r.rep, errAt(t.file, t.line, err, "")
		}
	}
	ds, st := r.b.Build()
	name := "Network Canvas export"
	if len(edgeFiles) == 1 {
		name = edgeFiles[0].Name
	}
	r.rep.addStats(name, st)
	return ds, r.rep, nil
}

type ncReader struct {
	opt     NetCanvasOptions
	b       *DatasetBuilder
	rep     Report
	egoOf   map[string]string            // networkCanvasEgoUUID → ego ID
	nodeIDs map[string]map[string]string // ego UUID → nodeID → networkCanvasUUID
	ties    []*ncTie
	tieAt   map[string]int // merge key → index in ties
}

// file runs read on the table of one export file.
func (r *ncReader) file(in *Input, read func(t *csvTable) error) error {
	in.SetLimits(r.opt.Limits)
	if in.BOM {
		r.rep.Add(in.Name, RepairBOM, 1)
	}
	t, err := newCSVTable(in, ',')
	if err != nil {
		return err
	}
	return read(t)
}

// ego returns the ego ID of a row's networkCanvasEgoUUID.
func (r *ncReader) ego(t *csvTable, uuid string) (string, error) {
	id, ok := r.egoOf[uuid]
	if !ok {
		return "", t.errf(ErrUnknownEgo, "%s %q is in no ego file", ncEgoUUID, uuid)
	}
	return id, nil
}

func (r *ncReader) egos(t *csvTable) error {
	uc, err := t.need(ncEgoUUID, "")
	if err != nil {
		return err
	}
	ic, err := t.need(r.opt.EgoID, "NetCanvasOptions.EgoID")
	if err != nil {
		return err
	}
	cols := attrColumns(t.header, r.b.EgoAttrs(), ic)
	for {
		rec, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		uuid, id := strings.TrimSpace(rec[uc]), strings.TrimSpace(rec[ic])
		if uuid == "" {
			return t.errf(ErrEmptyID, "column %q", ncEgoUUID)
		}
		if _, dup := r.egoOf[uuid]; dup {
			return t.errf(ErrDuplicateID, "interview %s %q appears twice", ncEgoUUID, uuid)
		}
		if err := r.b.AddEgo(id, "", rowAttrs(rec, cols)); err != nil {
			return t.errf(err, "")
		}
		r.egoOf[uuid] = id
	}
}

func (r *ncReader) nodes(t *csvTable, typ string) error {
	ec, err := t.need(ncEgoUUID, "")
	if err != nil {
		return err
	}
	uc, err := t.need(ncUUID, "")
	if err != nil {
		return err
	}
	nc := t.optional("nodeID")
	if err := r.typeClash(t, "node"); err != nil {
		return err
	}
	typeCol := r.b.AlterAttrs().Add(r.opt.Type)
	cols := attrColumns(t.header, r.b.AlterAttrs(), ec, uc, nc)
	for {
		rec, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		euuid := strings.TrimSpace(rec[ec])
		ego, err := r.ego(t, euuid)
		if err != nil {
			return err
		}
		uuid := strings.TrimSpace(rec[uc])
		attrs := rowAttrs(rec, cols)
		attrs.set(typeCol, TextValue(typ))
		if err := r.b.AddAlter(ego, "", uuid, 1, attrs); err != nil {
			return t.errf(err, "")
		}
		if nc >= 0 {
			m := r.nodeIDs[euuid]
			if m == nil {
				m = map[string]string{}
				r.nodeIDs[euuid] = m
			}
			id := strings.TrimSpace(rec[nc])
			if _, dup := m[id]; dup {
				// Only an error if an edge file names nodes by nodeID.
				m[id] = ""
			} else {
				m[id] = uuid
			}
		}
	}
}

// typeClash refuses a node or edge variable named like the attribute that
// holds the node or edge type (opt.Type, "type"): the type would overwrite
// the variable silently.
func (r *ncReader) typeClash(t *csvTable, what string) error {
	if _, ok := t.col[r.opt.Type]; ok {
		article := map[string]string{"node": "a", "edge": "an"}[what]
		return &ParseError{File: t.file, Line: 1, Err: fmt.Errorf("%w: %s %s variable is named %q, the attribute that holds the %s type; set NetCanvasOptions.Type to another name", ErrDuplicateID, article, what, r.opt.Type, what)}
	}
	return nil
}

func (r *ncReader) edges(t *csvTable, typ string) error {
	ec, err := t.need(ncEgoUUID, "")
	if err != nil {
		return err
	}
	sc, tc := t.optional(ncSourceUUID), t.optional(ncTargetUUID)
	fc, toc := t.optional("from"), t.optional("to")
	byNodeID := sc < 0 || tc < 0
	if byNodeID {
		if fc < 0 || toc < 0 {
			_, err := t.need(ncSourceUUID, "")
			return err
		}
		sc, tc = fc, toc
	}
	if err := r.typeClash(t, "edge"); err != nil {
		return err
	}
	cols := attrColumns(t.header, r.b.TieAttrs(), ec, sc, tc, fc, toc, t.optional("edgeID"), t.optional("id"), t.optional(ncUUID))
	for {
		rec, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		euuid := strings.TrimSpace(rec[ec])
		ego, err := r.ego(t, euuid)
		if err != nil {
			return err
		}
		from, to := strings.TrimSpace(rec[sc]), strings.TrimSpace(rec[tc])
		if byNodeID {
			m := r.nodeIDs[euuid]
			f, ok1 := m[from]
			g, ok2 := m[to]
			if !ok1 || !ok2 {
				return t.errf(ErrUnknownAlter, "nodeID %q or %q is not a node of interview %q", from, to, euuid)
			}
			if f == "" || g == "" {
				// Two nodes share the nodeID: the tie's end is a guess.
				return t.errf(ErrDuplicateID, "nodeID %q or %q is shared by two nodes of interview %q, and this edge file has no %s/%s columns to tell them apart", from, to, euuid, ncSourceUUID, ncTargetUUID)
			}
			from, to = f, g
		}
		a, b := from, to
		if !r.opt.Directed && b < a {
			a, b = b, a
		}
		key := euuid + "\x00" + a + "\x00" + b
		attrs := rowAttrs(rec, cols)
		i, seen := r.tieAt[key]
		if !seen {
			r.tieAt[key] = len(r.ties)
			r.ties = append(r.ties, &ncTie{ego: ego, from: from, to: to, attrs: attrs, types: []string{typ}, file: t.file, line: t.line})
			continue
		}
		old := r.ties[i]
		for c, v := range attrs {
			if v.Kind == Missing {
				continue
			}
			if w := old.attrs.At(c); w.Kind != Missing && w != v {
				return t.errf(ErrDuplicateID, "tie %q–%q appears twice with different values of %q (%s and %s)", from, to, r.b.TieAttrs().Name(c), w, v)
			}
			old.attrs.set(c, v)
		}
		if slices.Contains(old.types, typ) {
			r.rep.Add(t.file, RepairDuplicates, 1)
		} else {
			old.types = append(old.types, typ)
			r.rep.Add(t.file, RepairMultiplex, 1)
		}
	}
}

package network

import (
	"fmt"
	"slices"
	"strings"
)

// Node types. A study may name alters that are not people: places,
// activities, organisations and services (Sweet et al. 2018 mapped places
// and activities alongside people; Network Canvas collects one node list
// per node type). The node type is an ordinary alter attribute, "type" by
// default, so every reader and writer keeps it: the ego CSV and GraphML
// readers read it as any other column, and ReadNetCanvasFiles writes each
// node's type there. NodeType maps a study's words onto the four types
// below; any other value is a type of the study's own.
const (
	NodePerson       = "person"
	NodePlace        = "place"
	NodeActivity     = "activity"
	NodeOrganisation = "organisation"
)

// nodeTypeWords maps the common spellings of the node types (lower case)
// to their names.
var nodeTypeWords = map[string]string{
	"person": NodePerson, "people": NodePerson, "persons": NodePerson,
	"alter": NodePerson, "individual": NodePerson,
	"place": NodePlace, "places": NodePlace, "location": NodePlace, "venue": NodePlace,
	"activity": NodeActivity, "activities": NodeActivity,
	"organisation": NodeOrganisation, "organization": NodeOrganisation,
	"organisations": NodeOrganisation, "organizations": NodeOrganisation,
	"service": NodeOrganisation, "services": NodeOrganisation,
	"agency": NodeOrganisation, "org": NodeOrganisation,
}

// NodeType returns the node type of an alter's type value: "" when the
// value is missing (an alter of unknown type, which measures count as a
// person), one of NodePerson, NodePlace, NodeActivity or NodeOrganisation
// for their common spellings in any letter case ("Person", "people",
// "Service", "organization", ...), else the value in lower case, trimmed.
func NodeType(v Value) string {
	if v.IsMissing() {
		return ""
	}
	s := strings.ToLower(strings.TrimSpace(v.Text))
	if t, ok := nodeTypeWords[s]; ok {
		return t
	}
	return s
}

// NodeTypeSet is a set of node types, as given by a user ("person",
// "place,organisation", "all"). Its zero value holds people: NodePerson
// and alters whose type is missing.
type NodeTypeSet struct {
	all   bool
	types []string // NodeType names; "" stands for a missing type
}

// ParseNodeTypes parses a comma-separated list of node types: names or
// their spellings as NodeType reads them, "missing" for alters with no
// type, or "all". An empty list is the zero value (people). "person"
// includes alters whose type is missing, as in the zero value.
func ParseNodeTypes(list string) (NodeTypeSet, error) {
	var s NodeTypeSet
	if strings.TrimSpace(list) == "" {
		return s, nil
	}
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		switch strings.ToLower(f) {
		case "":
			return NodeTypeSet{}, fmt.Errorf("node types %q: empty name", list)
		case "all":
			s.all = true
			continue
		case "missing", "na":
			s.types = append(s.types, "")
			continue
		}
		t := NodeType(TextValue(f))
		s.types = append(s.types, t)
		if t == NodePerson {
			s.types = append(s.types, "")
		}
	}
	return s, nil
}

// All reports whether the set holds every type.
func (s NodeTypeSet) All() bool { return s.all }

// Has reports whether an alter of type value v belongs to the set.
func (s NodeTypeSet) Has(v Value) bool {
	if s.all {
		return true
	}
	t := NodeType(v)
	if s.types == nil {
		return t == "" || t == NodePerson
	}
	return slices.Contains(s.types, t)
}

// String returns the set as ParseNodeTypes reads it.
func (s NodeTypeSet) String() string {
	if s.all {
		return "all"
	}
	if s.types == nil {
		return NodePerson
	}
	var out []string
	for _, t := range s.types {
		if t == "" {
			t = "missing"
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, ",")
}

// Subset returns the ego network restricted to the alters for which keep
// is true, in their order, with the ties among them. The result shares the
// ego's attributes and dataset (schemas, direction); e is not changed.
// It returns e itself when every alter is kept. Cost O(n + t).
func (e *EgoNet) Subset(keep func(i int, a Alter) bool) *EgoNet {
	idx := make([]int, len(e.Alters))
	var alters []Alter
	for i, a := range e.Alters {
		idx[i] = -1
		if keep(i, a) {
			idx[i] = len(alters)
			alters = append(alters, a)
		}
	}
	if len(alters) == len(e.Alters) {
		return e
	}
	var ties []Tie
	for _, t := range e.Ties {
		if f, g := idx[t.From], idx[t.To]; f >= 0 && g >= 0 {
			t.From, t.To = f, g
			ties = append(ties, t)
		}
	}
	return &EgoNet{ID: e.ID, Wave: e.Wave, Attrs: e.Attrs, Alters: alters, Ties: ties, ds: e.ds}
}

// OfNodeTypes returns the ego network restricted to the alters whose value
// of the attribute column is in types (see NodeTypeSet.Has; an alter with a
// missing type counts as a person). When the dataset has no such attribute
// every alter is kept and e itself is returned.
func (e *EgoNet) OfNodeTypes(column string, types NodeTypeSet) *EgoNet {
	col, ok := e.ds.AlterAttrs.Index(column)
	if !ok || types.All() {
		return e
	}
	return e.Subset(func(_ int, a Alter) bool { return types.Has(a.Attrs.At(col)) })
}

// TieTypes splits a tie's type value into its types: a tie of several
// types holds them joined with "|" (as ReadNetCanvasFiles and the
// DatasetBuilder merge them), e.g. "support|conflict". Types are trimmed;
// empty ones and a missing value give none.
func TieTypes(v Value) []string {
	if v.IsMissing() {
		return nil
	}
	var out []string
	for _, t := range strings.Split(v.Text, "|") {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// WithTies returns the ego network with only the alter–alter ties for
// which keep is true; alters and ego–alter ties are unchanged. It returns e
// itself when every tie is kept.
func (e *EgoNet) WithTies(keep func(t Tie) bool) *EgoNet {
	var ties []Tie
	for _, t := range e.Ties {
		if keep(t) {
			ties = append(ties, t)
		}
	}
	if len(ties) == len(e.Ties) {
		return e
	}
	return &EgoNet{ID: e.ID, Wave: e.Wave, Attrs: e.Attrs, Alters: e.Alters, Ties: ties, ds: e.ds}
}

// SelectTieType returns a copy of the dataset whose alter–alter ties are
// those with typ among the types of their column attribute (TieTypes);
// each kept tie keeps its attributes, the whole type list included.
// Egos, alters and ego–alter ties are unchanged. It is an error when the
// ties have no such attribute. Cost O(egos + alters + ties).
func SelectTieType(ds *Dataset, column, typ string) (*Dataset, error) {
	col, ok := ds.TieAttrs.Index(column)
	if !ok {
		return nil, fmt.Errorf("%w: alter–alter ties have no attribute %q to select type %q from", ErrMissingColumn, column, typ)
	}
	return ds.mapEgos(func(e *EgoNet) *EgoNet {
		return e.WithTies(func(t Tie) bool { return slices.Contains(TieTypes(t.Attrs.At(col)), typ) })
	}), nil
}

// mapEgos returns a shallow copy of ds whose egos are fn's results, each
// re-attached to the copy.
func (ds *Dataset) mapEgos(fn func(e *EgoNet) *EgoNet) *Dataset {
	out := *ds
	out.Egos = make([]*EgoNet, len(ds.Egos))
	for i, e := range ds.Egos {
		n := *fn(e)
		n.ds = &out
		out.Egos[i] = &n
	}
	return &out
}

// mergeTyped merges tie t into p, a tie between the same alters, when the
// builder has a tie-type column and t brings a type p does not have: the
// types are joined with "|" in order of appearance, the other attributes
// fill each other's missing values, and the weight is the larger of the
// two (a pair tied in two ways is as strong as its strongest tie, not the
// sum). It returns false, changing nothing, when t is a duplicate of types
// p already has. A non-missing attribute on which the two differ is an
// error.
func (b *DatasetBuilder) mergeTyped(p *Tie, t Tie) (bool, error) {
	col, ok := b.ds.TieAttrs.Index(b.tieType)
	if b.tieType == "" || !ok {
		return false, nil
	}
	have, add := TieTypes(p.Attrs.At(col)), TieTypes(t.Attrs.At(col))
	fresh := false
	for _, x := range add {
		if !slices.Contains(have, x) {
			have = append(have, x)
			fresh = true
		}
	}
	if !fresh {
		return false, nil
	}
	attrs := make(Attrs, max(len(p.Attrs), len(t.Attrs), col+1))
	for i := range attrs {
		v, w := p.Attrs.At(i), t.Attrs.At(i)
		switch {
		case i == col:
		case v.IsMissing():
			attrs[i] = w
		case !w.IsMissing() && v != w:
			return true, fmt.Errorf("%w: tie of types %q and %q has different values of %q (%s and %s)", ErrDuplicateID, p.Attrs.At(col).Text, t.Attrs.At(col).Text, b.ds.TieAttrs.Name(i), v, w)
		default:
			attrs[i] = v
		}
	}
	attrs[col] = TextValue(strings.Join(have, "|"))
	b.ds.TieAttrs.observe(col, attrs[col])
	p.Attrs = attrs
	p.Weight = max(p.Weight, t.Weight)
	return true, nil
}

// sameExceptType reports whether two attribute rows agree: without a
// tie-type column, they hold the same values; with one, they hold no two
// different recorded values outside it (a row merged from several types
// has the values of all of them, so a repeated row may lack some).
func (b *DatasetBuilder) sameExceptType(x, y Attrs) bool {
	col, ok := b.ds.TieAttrs.Index(b.tieType)
	if b.tieType == "" || !ok {
		return sameAttrs(x, y)
	}
	for i := range max(len(x), len(y)) {
		if v, w := x.At(i), y.At(i); i != col && !v.IsMissing() && !w.IsMissing() && v != w {
			return false
		}
	}
	return true
}

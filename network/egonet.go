package network

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Dataset is a survey study: many ego networks read from one set of files,
// sharing the attribute schemas of egos, alters and alter–alter ties. The same
// ego may appear once per wave. Egos keep the order in which they were read,
// including egos with no alters.
type Dataset struct {
	Egos []*EgoNet

	EgoAttrs   *Schema // attributes of egos (not the ID or wave columns)
	AlterAttrs *Schema // attributes of alters (not the ID or weight columns)
	TieAttrs   *Schema // attributes of alter–alter ties

	Directed      bool   // alter–alter ties are arcs
	AlterWeighted bool   // alters carry an ego–alter weight
	TieWeighted   bool   // alter–alter ties carry weights
	WaveColumn    string // name of the wave column, "" when there is none
	// EgoIDColumn is the name of the ego ID column the data was read from
	// (e.g. "person"; "" when the source has none), so that tables written
	// from the data can keep it.
	EgoIDColumn string

	// index maps (ID, wave) to the position in Egos, as built; nil for a
	// Dataset made as a literal.
	index map[egoKey]int
}

// Waves returns the distinct waves in the order first seen ("" when the
// dataset has no wave column).
func (d *Dataset) Waves() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range d.Egos {
		if !seen[e.Wave] {
			seen[e.Wave] = true
			out = append(out, e.Wave)
		}
	}
	return out
}

// Ego returns the ego with this ID in this wave, or nil. For a dataset
// from a reader or a DatasetBuilder it costs O(1) (an index built with the
// dataset); a Dataset made as a literal is searched in O(number of egos),
// and so are egos appended to Egos after it was built.
func (d *Dataset) Ego(id, wave string) *EgoNet {
	if d.index != nil {
		i, ok := d.index[egoKey{id, wave}]
		if ok && i < len(d.Egos) && d.Egos[i].ID == id && d.Egos[i].Wave == wave {
			return d.Egos[i]
		}
		if !ok && len(d.index) == len(d.Egos) {
			return nil
		}
	}
	for _, e := range d.Egos {
		if e.ID == id && e.Wave == wave {
			return e
		}
	}
	return nil
}

// EgoNet is one ego's personal network: the ego, its alters, the ego–alter
// ties (every alter is tied to the ego) and the ties among alters. Ties are
// validated and merged when the network is built: there are no self-ties, no
// duplicates, and for undirected data From < To.
type EgoNet struct {
	ID     string
	Wave   string // "" when the dataset has no waves
	Attrs  Attrs  // aligned with Schema().EgoAttrs
	Alters []Alter
	Ties   []Tie

	ds *Dataset
}

// Alter is a person named by the ego.
type Alter struct {
	ID     string
	Weight float64 // ego–alter tie weight; 1 when the data has none
	Attrs  Attrs   // aligned with the dataset's AlterAttrs
}

// Tie is an alter–alter tie between Alters[From] and Alters[To].
type Tie struct {
	From, To int
	Weight   float64 // 1 when the data has no weights
	Attrs    Attrs   // aligned with the dataset's TieAttrs
}

// Dataset returns the dataset the ego network belongs to.
func (e *EgoNet) Dataset() *Dataset { return e.ds }

// Directed reports whether alter–alter ties are arcs.
func (e *EgoNet) Directed() bool { return e.ds.Directed }

// Size returns the number of alters.
func (e *EgoNet) Size() int { return len(e.Alters) }

// EgoValue returns the ego's value of the named attribute (missing when the
// attribute does not exist).
func (e *EgoNet) EgoValue(name string) Value {
	i, ok := e.ds.EgoAttrs.Index(name)
	if !ok {
		return Value{}
	}
	return e.Attrs.At(i)
}

// AlterValues returns each alter's value of the named attribute, in alter
// order, and whether the attribute exists.
func (e *EgoNet) AlterValues(name string) ([]Value, bool) {
	i, ok := e.ds.AlterAttrs.Index(name)
	if !ok {
		return nil, false
	}
	out := make([]Value, len(e.Alters))
	for k, a := range e.Alters {
		out[k] = a.Attrs.At(i)
	}
	return out, true
}

// AlterIndex returns the position of the alter with this ID.
func (e *EgoNet) AlterIndex(id string) (int, bool) {
	for i, a := range e.Alters {
		if a.ID == id {
			return i, true
		}
	}
	return -1, false
}

// Graph returns the ego network as a compact graph that gonum algorithms can
// use: node i (0 ≤ i < n) is Alters[i] and node n is the ego, tied to every
// alter with the alter's Weight (both arcs when directed). The graph is
// weighted when the dataset has ego–alter or alter–alter weights.
func (e *EgoNet) Graph() *Graph {
	n := len(e.Alters)
	weighted := e.ds.AlterWeighted || e.ds.TieWeighted
	b := &Builder{directed: e.ds.Directed, weighted: weighted, attrs: NewSchema()}
	b.labels = make([]string, n+1)
	b.index = make(map[string]int32, n)
	for i, a := range e.Alters {
		b.labels[i] = a.ID
		b.index[a.ID] = int32(i)
	}
	b.labels[n] = e.ID
	for i, a := range e.Alters {
		b.addRaw(int32(n), int32(i), a.Weight)
		if b.directed {
			b.addRaw(int32(i), int32(n), a.Weight)
		}
	}
	for _, t := range e.Ties {
		b.addRaw(int32(t.From), int32(t.To), t.Weight)
	}
	g, _ := b.Build()
	return g
}

// EgoNode returns the ID of the ego in the graph returned by Graph.
func (e *EgoNet) EgoNode() int { return len(e.Alters) }

func (b *Builder) addRaw(u, v int32, w float64) {
	b.src = append(b.src, u)
	b.dst = append(b.dst, v)
	if b.weighted {
		b.w = append(b.w, w)
	}
}

// DatasetOptions configures a DatasetBuilder.
type DatasetOptions struct {
	Directed      bool   // alter–alter ties are arcs
	AlterWeighted bool   // alters carry an ego–alter weight
	TieWeighted   bool   // alter–alter ties carry weights
	WaveColumn    string // name of the wave column, if any
	// TieType names the tie attribute that holds tie types ("" for none).
	// Ties between the same alters with different types are then one tie
	// of several types joined with "|" (multiplex; counted in
	// BuildStats.Multiplex), not a contradicting duplicate.
	TieType string
}

// DatasetBuilder assembles a Dataset row by row, checking each row as it
// comes so that a reader can report the line of the first bad one. The
// checks: IDs are non-empty; an ego appears once per wave; an alter belongs to
// a known ego and appears once in it; a tie joins two alters of its ego;
// weights are finite and non-negative. Self-ties and duplicate ties are not
// errors: Build drops and merges them and counts them in BuildStats.
type DatasetBuilder struct {
	ds       *Dataset
	egoIndex map[egoKey]int
	idWaves  map[string][]string
	alters   []map[string]int
	ties     [][]Tie
	seqs     [][]int32 // per ego, the AddTie call that added each tie
	calls    int32     // AddTie calls so far
	stats    BuildStats
	tieType  string // DatasetOptions.TieType
}

type egoKey struct{ id, wave string }

// NewDatasetBuilder returns a builder with empty schemas.
func NewDatasetBuilder(opt DatasetOptions) *DatasetBuilder {
	return &DatasetBuilder{
		ds: &Dataset{
			EgoAttrs: NewSchema(), AlterAttrs: NewSchema(), TieAttrs: NewSchema(),
			Directed: opt.Directed, AlterWeighted: opt.AlterWeighted, TieWeighted: opt.TieWeighted,
			WaveColumn: opt.WaveColumn,
		},
		egoIndex: make(map[egoKey]int),
		idWaves:  make(map[string][]string),
		tieType:  opt.TieType,
	}
}

// EgoAttrs, AlterAttrs and TieAttrs return the schemas that the Attrs rows
// passed to the Add methods are aligned with. A reader adds its columns to
// them before adding rows.
func (b *DatasetBuilder) EgoAttrs() *Schema { return b.ds.EgoAttrs }

// AlterAttrs returns the alter schema; see EgoAttrs.
func (b *DatasetBuilder) AlterAttrs() *Schema { return b.ds.AlterAttrs }

// TieAttrs returns the tie schema; see EgoAttrs.
func (b *DatasetBuilder) TieAttrs() *Schema { return b.ds.TieAttrs }

// NewAttrs parses a map of attribute texts into a row aligned with schema s,
// adding columns that are new. It is a convenience for building data in code.
func NewAttrs(s *Schema, kv map[string]string) Attrs {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var a Attrs
	for _, k := range keys {
		a.set(s.Add(k), ParseValue(kv[k]))
	}
	return a
}

// duplicateEgo is the error for an ego that appears twice in the egos table.
func duplicateEgo(id, wave string) error {
	if wave != "" {
		return fmt.Errorf("%w: ego %q appears twice in wave %q", ErrDuplicateID, id, wave)
	}
	return fmt.Errorf("%w: ego %q appears twice (if the study has several waves, name its wave column in the reader's options, e.g. EgoCSVOptions.Wave)", ErrDuplicateID, id)
}

// checkID refuses an empty ID or wave, and "NA", which every reader takes
// for a missing value: an ego, alter, node or wave cannot be missing.
func checkID(what, id string) error {
	switch id {
	case "":
		return fmt.Errorf("%w: %s", ErrEmptyID, what)
	case "NA":
		return fmt.Errorf("%w: %s is \"NA\", a missing value", ErrEmptyID, what)
	}
	return nil
}

// AddEgo adds an ego in a wave ("" when there are no waves).
func (b *DatasetBuilder) AddEgo(id, wave string, attrs Attrs) error {
	if err := checkID("ego", id); err != nil {
		return err
	}
	if b.ds.WaveColumn != "" {
		if err := checkID("wave", wave); err != nil {
			return err
		}
	}
	k := egoKey{id, wave}
	if _, ok := b.egoIndex[k]; ok {
		return duplicateEgo(id, wave)
	}
	b.egoIndex[k] = len(b.ds.Egos)
	b.idWaves[id] = append(b.idWaves[id], wave)
	for i, v := range attrs {
		b.ds.EgoAttrs.observe(i, v)
	}
	b.ds.Egos = append(b.ds.Egos, &EgoNet{ID: id, Wave: wave, Attrs: attrs, ds: b.ds})
	b.alters = append(b.alters, make(map[string]int))
	b.ties = append(b.ties, nil)
	b.seqs = append(b.seqs, nil)
	return nil
}

// HasWaves reports whether some ego ID appears in more than one wave.
func (b *DatasetBuilder) HasWaves() bool {
	for _, w := range b.idWaves {
		if len(w) > 1 {
			return true
		}
	}
	return false
}

// ego finds the ego for an alter or tie row. When the row has no wave
// (wave == "" but the dataset has waves), the ego ID must be unique.
func (b *DatasetBuilder) ego(id, wave string) (int, error) {
	if i, ok := b.egoIndex[egoKey{id, wave}]; ok {
		return i, nil
	}
	if wave == "" {
		if ws := b.idWaves[id]; len(ws) == 1 {
			return b.egoIndex[egoKey{id, ws[0]}], nil
		} else if len(ws) > 1 {
			return -1, fmt.Errorf("%w: ego %q appears in %d waves; the row needs a wave column", ErrUnknownEgo, id, len(ws))
		}
	}
	if wave != "" {
		return -1, fmt.Errorf("%w: %q in wave %q", ErrUnknownEgo, id, wave)
	}
	return -1, fmt.Errorf("%w: %q", ErrUnknownEgo, id)
}

func checkWeight(w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return fmt.Errorf("%w: %v (weights must be finite and non-negative)", ErrBadWeight, w)
	}
	return nil
}

// AddAlter adds an alter to an ego. weight is the ego–alter tie weight; it
// is checked, then stored as 1 when the dataset has no ego–alter weights.
func (b *DatasetBuilder) AddAlter(egoID, wave, alterID string, weight float64, attrs Attrs) error {
	if err := checkID("alter", alterID); err != nil {
		return err
	}
	if err := checkWeight(weight); err != nil {
		return err
	}
	ei, err := b.ego(egoID, wave)
	if err != nil {
		return err
	}
	m := b.alters[ei]
	if _, ok := m[alterID]; ok {
		return fmt.Errorf("%w: alter %q appears twice for ego %q", ErrDuplicateID, alterID, egoID)
	}
	e := b.ds.Egos[ei]
	if !b.ds.AlterWeighted {
		weight = 1 // no ego–alter weights: the model holds 1, as documented on Alter
	}
	m[alterID] = len(e.Alters)
	for i, v := range attrs {
		b.ds.AlterAttrs.observe(i, v)
	}
	e.Alters = append(e.Alters, Alter{ID: alterID, Weight: weight, Attrs: attrs})
	return nil
}

// AddTie adds an alter–alter tie. Both alters must already belong to the
// ego. weight is checked, then stored as 1 when the dataset has no tie
// weights.
func (b *DatasetBuilder) AddTie(egoID, wave, from, to string, weight float64, attrs Attrs) error {
	seq := b.calls
	b.calls++
	if err := checkWeight(weight); err != nil {
		return err
	}
	ei, err := b.ego(egoID, wave)
	if err != nil {
		return err
	}
	m := b.alters[ei]
	f, ok := m[from]
	if !ok {
		return fmt.Errorf("%w: %q is not an alter of ego %q", ErrUnknownAlter, from, egoID)
	}
	t, ok := m[to]
	if !ok {
		return fmt.Errorf("%w: %q is not an alter of ego %q", ErrUnknownAlter, to, egoID)
	}
	if f == t {
		b.stats.SelfLoops++
		return nil
	}
	if !b.ds.Directed && f > t {
		f, t = t, f
	}
	if !b.ds.TieWeighted {
		weight = 1 // unweighted data: the model holds 1, as documented on Tie
	}
	for i, v := range attrs {
		b.ds.TieAttrs.observe(i, v)
	}
	b.ties[ei] = append(b.ties[ei], Tie{From: f, To: t, Weight: weight, Attrs: attrs})
	b.seqs[ei] = append(b.seqs[ei], seq)
	return nil
}

// Build sorts and merges each ego's ties and returns the dataset with what
// was dropped (self-ties) and merged (duplicate ties; weights summed when the
// data is tie-weighted, else the merged tie keeps weight 1). Build merges
// even duplicates that contradict each other (different attributes: the
// first row's are kept; weights summing beyond the float64 range: +Inf);
// the readers reject those, naming the row.
func (b *DatasetBuilder) Build() (*Dataset, BuildStats) {
	ds, st, _ := b.build()
	return ds, st
}

// tieConflict is a duplicate tie that cannot be merged: seq is the AddTie
// call (0-based) of the row that contradicts an earlier one.
type tieConflict struct {
	seq int32
	err error
}

// build is Build that also returns the earliest duplicate tie that
// contradicts an earlier row, or nil.
func (b *DatasetBuilder) build() (*Dataset, BuildStats, *tieConflict) {
	var conflict *tieConflict
	note := func(seq int32, err error) {
		if conflict == nil || seq < conflict.seq {
			conflict = &tieConflict{seq: seq, err: err}
		}
	}
	for i, e := range b.ds.Egos {
		ts, sq := b.ties[i], b.seqs[i]
		order := make([]int, len(ts))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(x, y int) int {
			if ts[x].From != ts[y].From {
				return ts[x].From - ts[y].From
			}
			return ts[x].To - ts[y].To
		})
		out := make([]Tie, 0, len(ts))
		for _, k := range order {
			t := ts[k]
			if n := len(out); n > 0 && out[n-1].From == t.From && out[n-1].To == t.To {
				p := &out[n-1]
				if typed, err := b.mergeTyped(p, t); typed { // types.go
					b.stats.Multiplex++
					if err != nil {
						note(sq[k], err)
					}
					continue
				}
				b.stats.Duplicates++
				if !b.sameExceptType(p.Attrs, t.Attrs) {
					note(sq[k], fmt.Errorf("%w: tie %q–%q appears twice with different attributes", ErrDuplicateID, e.Alters[t.From].ID, e.Alters[t.To].ID))
				}
				if b.ds.TieWeighted {
					p.Weight += t.Weight
					if math.IsInf(p.Weight, 0) {
						note(sq[k], fmt.Errorf("%w: duplicate ties sum to more than %g", ErrBadWeight, math.MaxFloat64))
					}
				}
				continue
			}
			out = append(out, t)
		}
		e.Ties = out
	}
	ds, st := b.ds, b.stats
	ds.index = b.egoIndex
	b.ds = nil
	return ds, st, conflict
}

// sameAttrs reports whether two attribute rows hold the same values.
func sameAttrs(a, b Attrs) bool {
	for i := range max(len(a), len(b)) {
		if a.At(i) != b.At(i) {
			return false
		}
	}
	return true
}

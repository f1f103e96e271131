package measures

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// ChangeOptions configures ChangeTable and AlterChangeTable.
type ChangeOptions struct {
	// Before and After name two waves to compare; "" picks the first and
	// second wave in order of appearance (see CompareWaves). Used only
	// when Waves is empty.
	Before, After string
	// Waves lists the waves to compare, in order (see ChangeWaves). When
	// Waves, Before and After are all empty, every wave of the data is
	// compared in order of appearance.
	Waves []string
	// Baseline, when not "", compares this wave with each later wave
	// instead of consecutive waves (see WaveChanges).
	Baseline string
	// FromTo adds the key columns from and to (the two waves of each row)
	// also when only two waves are compared; with more than two they are
	// always there.
	FromTo bool
	// Change lists the change measures of ChangeTable, in order (see
	// ChangeMeasures); nil means kept, gained, lost, jaccard.
	Change []string
	// Ring is the alter attribute holding the ring of a network map (a
	// number, 1 = innermost) for closer and further; "" means
	// Table.Instruments' ring attribute ("ring" by default).
	Ring string
	// Role is the alter attribute of role_changed; "" means "role".
	Role string
	// Table configures the measures (workers, progress, classification
	// rules for class_changed and the class counts, instruments).
	Table TableOptions
}

// changeMeasures are the change measures in their documented order.
var changeMeasures = []string{
	"kept", "gained", "lost", "jaccard", "returned", "stability", "turnover",
	"closer", "further", "role_changed", "class_changed",
	"ties_kept", "ties_gained", "ties_lost", "broker_kept", "broker_gained", "broker_lost",
}

// ChangeMeasures returns the names of the change measures ChangeTable
// knows, in documented order:
//
//	kept, gained, lost      |B ∩ A|, |A \ B|, |B \ A| (AlterChange)
//	jaccard                 |B ∩ A| / |B ∪ A| (AlterChange)
//	returned                gained alters named before the earlier wave (EgoChange.Returned)
//	stability               |kept| / |B| (Stability)
//	turnover                (|gained| + |lost|) / |B ∪ A| (Turnover)
//	closer, further         kept alters moved in or out between rings (RingMoves)
//	role_changed            kept alters whose role changed (AttrChanges)
//	class_changed           kept alters whose social-capital class changed (ClassChanges)
//	ties_kept, …_gained, …_lost      alter–alter ties among kept alters (TieChurn)
//	broker_kept, …_gained, …_lost    open pairs of kept alters (BrokerChurn)
func ChangeMeasures() []string { return slices.Clone(changeMeasures) }

func (o *ChangeOptions) ring() string {
	if o.Ring != "" {
		return o.Ring
	}
	return o.Table.Instruments.RingAttr()
}

func (o *ChangeOptions) role() string {
	if o.Role != "" {
		return o.Role
	}
	return "role"
}

// changes resolves the waves of o and compares every ego across them;
// it also reports whether the table needs the from and to keys.
func (o *ChangeOptions) changes(ds *network.Dataset) ([]EgoChange, bool, error) {
	var waves []string
	switch {
	case len(o.Waves) > 0 && (o.Before != "" || o.After != ""):
		return nil, false, fmt.Errorf("%w: give either the list of waves or before and after, not both", ErrWave)
	case len(o.Waves) > 0:
		waves = o.Waves
	case o.Before != "" || o.After != "":
		b, a, err := CompareWaves(ds, o.Before, o.After)
		if err != nil {
			return nil, false, err
		}
		waves = []string{b, a}
	}
	cs, err := WaveChanges(ds, waves, o.Baseline)
	if err != nil {
		return nil, false, err
	}
	n := len(waves)
	if n == 0 {
		n = len(ds.Waves())
	}
	return cs, o.FromTo || n > 2, nil
}

// checkChange checks the change measures against the data.
func (o *ChangeOptions) checkChange(ds *network.Dataset) ([]string, error) {
	names := o.Change
	if names == nil {
		names = changeMeasures[:4]
	}
	for i, n := range names {
		if !slices.Contains(changeMeasures, n) {
			return nil, fmt.Errorf("%w: unknown change measure %q (known: %s)", ErrMeasure, n, strings.Join(changeMeasures, ", "))
		}
		if slices.Contains(names[:i], n) {
			return nil, fmt.Errorf("%w: change measure %q is given twice", ErrMeasure, n)
		}
		var attr string
		switch n {
		case "closer", "further":
			attr = o.ring()
		case "role_changed":
			attr = o.role()
		case "class_changed":
			if o.Table.Classifier == nil {
				return nil, fmt.Errorf("%w: class_changed needs classification rules", ErrMeasure)
			}
		}
		if _, ok := ds.AlterAttrs.Index(attr); attr != "" && !ok {
			return nil, fmt.Errorf("%w: %s needs the alter attribute %q, which the alter table does not have (alter attributes: %s)",
				ErrMeasure, n, attr, listOrNone(ds.AlterAttrs.Names()))
		}
	}
	return names, nil
}

// changeValue computes change measure name for c (NaN when the ego is
// missing from a wave).
func (o *ChangeOptions) changeValue(name string, c *EgoChange) float64 {
	if !c.Present() {
		return math.NaN()
	}
	switch name {
	case "kept":
		return float64(len(c.Kept))
	case "gained":
		return float64(len(c.Gained))
	case "lost":
		return float64(len(c.Lost))
	case "jaccard":
		return c.Jaccard
	case "returned":
		return float64(len(c.Returned))
	case "stability":
		return Stability(c)
	case "turnover":
		return Turnover(c)
	case "closer", "further":
		cl, fu := RingMoves(c, o.ring())
		if name == "closer" {
			return float64(cl)
		}
		return float64(fu)
	case "role_changed":
		return float64(AttrChanges(c, o.role()))
	case "class_changed":
		return float64(ClassChanges(c, o.Table.Classifier))
	}
	var ch Churn
	if strings.HasPrefix(name, "ties_") {
		ch = TieChurn(c)
	} else {
		ch = BrokerChurn(c)
	}
	switch name[strings.IndexByte(name, '_')+1:] {
	case "kept":
		return float64(ch.Kept)
	case "gained":
		return float64(ch.Gained)
	}
	return float64(ch.Lost)
}

// ChangeTable is the change-between-waves table: one row per ego per
// pair of waves compared (see WaveChanges; with two waves, one row per ego
// present at either wave, as Changes), key column egoID, then from and to
// when more than two waves are compared (or FromTo is set), then the
// columns
//
//	the change measures of opt.Change    (default kept, gained, lost, jaccard)
//	M:before, M:after, M:change          for each measure M in specs
//
// with M:change = M:after − M:before, "before" being the row's From wave
// and "after" its To wave. The change measures are NaN for an ego missing
// from either wave of the row; M:before (M:after) is NaN when the ego is
// missing from that wave, and M:change is NaN when either is NaN (IEEE
// arithmetic gives this). The measures are computed with EgoTable on the
// whole dataset. Complexity: that of EgoTable, plus O(k²) per row for the
// broker counts (k kept alters).
func ChangeTable(ctx context.Context, ds *network.Dataset, specs []Spec, opt ChangeOptions) (*Table, error) {
	names, err := opt.checkChange(ds)
	if err != nil {
		return nil, err
	}
	changes, fromTo, err := opt.changes(ds)
	if err != nil {
		return nil, err
	}
	var mt *Table
	row := map[*network.EgoNet]int{}
	if len(specs) > 0 {
		mt, err = EgoTable(ctx, ds, specs, opt.Table)
		if err != nil {
			return nil, err
		}
		for r, e := range ds.Egos {
			row[e] = r
		}
	}
	t := &Table{KeyNames: []string{"egoID"}, Columns: slices.Clone(names)}
	if fromTo {
		t.KeyNames = append(t.KeyNames, "from", "to")
	}
	for _, s := range specs {
		t.Columns = append(t.Columns, s.Column+":before", s.Column+":after", s.Column+":change")
	}
	nan := math.NaN()
	value := func(e *network.EgoNet, c int) float64 {
		if e == nil {
			return nan
		}
		return mt.Values[row[e]][c]
	}
	for i := range changes {
		c := &changes[i]
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		vals := make([]float64, 0, len(t.Columns))
		for _, n := range names {
			vals = append(vals, opt.changeValue(n, c))
		}
		for k := range specs {
			b, a := value(c.Before, k), value(c.After, k)
			vals = append(vals, b, a, a-b)
		}
		key := []string{c.EgoID}
		if fromTo {
			key = append(key, c.From, c.To)
		}
		t.Keys = append(t.Keys, key)
		t.Values = append(t.Values, vals)
	}
	return t, nil
}

// AlterChangeTable is the alter-level change table: one row per alter of
// each ego per pair of waves compared (the pairs of ChangeTable; a pair
// at which the ego was missing from a wave has no alters to list), in the
// order lost alters (earlier wave's order), then kept, gained and
// returned alters (later wave's order). Key columns:
//
//	egoID, from, to, alterID, status    status: kept, gained, returned, lost
//	R:from, R:to                        the ring attribute R at each wave, NA where absent
//	role:from, role:to                  the role attribute (opt.Role)
//	class:from, class:to                the class by opt.Table.Classifier
//
// (ring, role and class columns only when the data has the attribute or
// the classifier is set), then the values
//
//	ring_move       ring_to − ring_from (negative: moved closer); NaN unless kept with two numeric rings
//	role_changed    1 when the role differs (as in AttrChanges), 0 when not; NaN unless kept with two roles
//	class_changed   1 when the class differs, 0 when not; NaN unless kept
//	ties_kept, ties_gained, ties_lost   the alter's ties to other kept alters (as in TieChurn); NaN unless kept
//
// Complexity O(Σ (n_B + n_A + t_B + t_A)) over the rows.
func AlterChangeTable(ctx context.Context, ds *network.Dataset, opt ChangeOptions) (*Table, error) {
	changes, _, err := opt.changes(ds)
	if err != nil {
		return nil, err
	}
	ring, role, cl := opt.ring(), opt.role(), opt.Table.Classifier
	_, hasRing := ds.AlterAttrs.Index(ring)
	_, hasRole := ds.AlterAttrs.Index(role)
	t := &Table{KeyNames: []string{"egoID", "from", "to", "alterID", "status"}}
	if hasRing {
		t.KeyNames = append(t.KeyNames, ring+":from", ring+":to")
		t.Columns = append(t.Columns, "ring_move")
	}
	if hasRole {
		t.KeyNames = append(t.KeyNames, role+":from", role+":to")
		t.Columns = append(t.Columns, "role_changed")
	}
	if cl != nil {
		t.KeyNames = append(t.KeyNames, "class:from", "class:to")
		t.Columns = append(t.Columns, "class_changed")
	}
	t.Columns = append(t.Columns, "ties_kept", "ties_gained", "ties_lost")
	nan := math.NaN()
	for i := range changes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := &changes[i]
		if !c.Present() {
			continue
		}
		sb, sa := c.Statuses()
		ib, ia := alterPositions(c.Before), alterPositions(c.After)
		var cb, ca []string
		if cl != nil {
			cb, ca = cl.ClassifyAlters(c.Before), cl.ClassifyAlters(c.After)
		}
		keep := keptSet(c)
		tb, ta := tieSet(c.Before, keep), tieSet(c.After, keep)
		per := map[string]*Churn{}
		for _, id := range c.Kept {
			per[id] = &Churn{}
		}
		for k := range tb {
			for _, id := range k {
				if ta[k] {
					per[id].Kept++
				} else {
					per[id].Lost++
				}
			}
		}
		for k := range ta {
			if !tb[k] {
				per[k[0]].Gained++
				per[k[1]].Gained++
			}
		}
		add := func(id string, st AlterStatus) {
			jb, inB := ib[id]
			ja, inA := ia[id]
			val := func(e *network.EgoNet, attr string, j int, in bool) network.Value {
				if !in {
					return network.Value{}
				}
				return e.Alters[j].Attrs.At(mustIndex(ds.AlterAttrs, attr))
			}
			key := []string{c.EgoID, c.From, c.To, id, st.String()}
			vals := []float64{}
			if hasRing {
				rb, ra := val(c.Before, ring, jb, inB), val(c.After, ring, ja, inA)
				key = append(key, rb.String(), ra.String())
				x, okb := rb.Float()
				y, oka := ra.Float()
				move := nan
				if st == StatusKept && okb && oka {
					move = y - x
				}
				vals = append(vals, move)
			}
			if hasRole {
				rb, ra := val(c.Before, role, jb, inB), val(c.After, role, ja, inA)
				key = append(key, rb.String(), ra.String())
				ch := nan
				if st == StatusKept && !rb.IsMissing() && !ra.IsMissing() {
					ch = boolNum(normValue(rb.Text) != normValue(ra.Text))
				}
				vals = append(vals, ch)
			}
			if cl != nil {
				kb, ka := "NA", "NA"
				if inB {
					kb = classOrUnclassified(cb[jb])
				}
				if inA {
					ka = classOrUnclassified(ca[ja])
				}
				key = append(key, kb, ka)
				ch := nan
				if st == StatusKept {
					ch = boolNum(kb != ka)
				}
				vals = append(vals, ch)
			}
			if p := per[id]; p != nil {
				vals = append(vals, float64(p.Kept), float64(p.Gained), float64(p.Lost))
			} else {
				vals = append(vals, nan, nan, nan)
			}
			t.Keys = append(t.Keys, key)
			t.Values = append(t.Values, vals)
		}
		for j, a := range c.Before.Alters {
			if sb[j] == StatusLost {
				add(a.ID, StatusLost)
			}
		}
		for j, a := range c.After.Alters {
			add(a.ID, sa[j])
		}
	}
	return t, nil
}

func mustIndex(s *network.Schema, attr string) int {
	i, _ := s.Index(attr)
	return i
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func classOrUnclassified(c string) string {
	if c == "" {
		return Unclassified.String()
	}
	return c
}

package measures

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// EgoChange is how one ego's network changed between two waves (time
// points), e.g. before and after an intervention. Alters are matched by
// their alter ID, so a study must give a person the same alter ID at both
// waves.
type EgoChange struct {
	EgoID string
	// Before and After are the ego's networks at the two waves; nil when
	// the ego was not interviewed at that wave.
	Before, After *network.EgoNet
	// Kept are the alters named at both waves (in the after wave's order),
	// Gained those named only after, Lost those named only before. All
	// nil when the ego is missing from either wave.
	Kept, Gained, Lost []string
	// Jaccard is the Jaccard similarity of the two alter sets,
	// |kept| / |before ∪ after|: 1 when the same people were named, 0 when
	// nobody was named twice. NaN when the ego is missing from a wave, or
	// when it named nobody at both waves (0/0: there is nothing to compare).
	Jaccard float64
}

// Present reports whether the ego was interviewed at both waves.
func (c *EgoChange) Present() bool { return c.Before != nil && c.After != nil }

// AlterChange compares the alters of one ego at two waves (either may be
// nil when the ego is missing from that wave; see EgoChange).
//
//	kept   = B ∩ A,  gained = A \ B,  lost = B \ A
//	jaccard = |B ∩ A| / |B ∪ A|       (NaN when B ∪ A is empty)
//
// with B and A the sets of alter IDs before and after. Complexity O(n_B + n_A).
//
// Jaccard, P. (1912). The distribution of the flora in the alpine zone. New
// Phytologist 11(2):37–50. doi:10.1111/j.1469-8137.1912.tb05611.x.
func AlterChange(before, after *network.EgoNet) EgoChange {
	c := EgoChange{Before: before, After: after, Jaccard: math.NaN()}
	switch {
	case before != nil:
		c.EgoID = before.ID
	case after != nil:
		c.EgoID = after.ID
	}
	if !c.Present() {
		return c
	}
	inBefore := make(map[string]bool, len(before.Alters))
	for _, a := range before.Alters {
		inBefore[a.ID] = true
	}
	inAfter := make(map[string]bool, len(after.Alters))
	c.Kept, c.Gained, c.Lost = []string{}, []string{}, []string{}
	for _, a := range after.Alters {
		inAfter[a.ID] = true
		if inBefore[a.ID] {
			c.Kept = append(c.Kept, a.ID)
		} else {
			c.Gained = append(c.Gained, a.ID)
		}
	}
	for _, a := range before.Alters {
		if !inAfter[a.ID] {
			c.Lost = append(c.Lost, a.ID)
		}
	}
	if union := len(c.Kept) + len(c.Gained) + len(c.Lost); union > 0 {
		c.Jaccard = float64(len(c.Kept)) / float64(union)
	}
	return c
}

// ErrWave is returned when the waves to compare cannot be found.
var ErrWave = errors.New("bad waves")

// CompareWaves resolves the two waves to compare: before and after as
// given; when before is empty, the first wave in order of first
// appearance in the data; when after is empty, the first wave other than
// before (so by default the first two waves). It is an error if the data has fewer than two
// waves, a named wave does not occur, or both are the same.
func CompareWaves(ds *network.Dataset, before, after string) (string, string, error) {
	waves := ds.Waves()
	if ds.WaveColumn == "" || len(waves) < 2 {
		if ds.WaveColumn == "" {
			return "", "", fmt.Errorf("%w: the data has no wave column (name it, e.g. --wave wave)", ErrWave)
		}
		return "", "", fmt.Errorf("%w: the data has %d wave(s) (%s); comparing needs two", ErrWave, len(waves), strings.Join(waves, ", "))
	}
	if before == "" {
		before = waves[0]
	}
	if after == "" {
		for _, w := range waves {
			if w != before {
				after = w
				break
			}
		}
	}
	for _, w := range []string{before, after} {
		found := false
		for _, x := range waves {
			found = found || x == w
		}
		if !found {
			return "", "", fmt.Errorf("%w: wave %q does not occur in the data (waves: %s)", ErrWave, w, strings.Join(waves, ", "))
		}
	}
	if before == after {
		return "", "", fmt.Errorf("%w: before and after are the same wave %q", ErrWave, before)
	}
	return before, after, nil
}

// Changes compares every ego between waves before and after (resolved by
// CompareWaves). Egos come in order of first appearance in the dataset;
// an ego present at only one of the two waves is listed with nil for the
// other and NaN Jaccard, never dropped. Egos seen only at other waves are
// not listed. Complexity O(total alters).
func Changes(ds *network.Dataset, before, after string) ([]EgoChange, error) {
	before, after, err := CompareWaves(ds, before, after)
	if err != nil {
		return nil, err
	}
	type pair struct{ b, a *network.EgoNet }
	index := map[string]int{}
	var pairs []pair
	for _, e := range ds.Egos {
		if e.Wave != before && e.Wave != after {
			continue
		}
		i, ok := index[e.ID]
		if !ok {
			i = len(pairs)
			index[e.ID] = i
			pairs = append(pairs, pair{})
		}
		if e.Wave == before {
			pairs[i].b = e
		} else {
			pairs[i].a = e
		}
	}
	out := make([]EgoChange, len(pairs))
	for i, p := range pairs {
		out[i] = AlterChange(p.b, p.a)
	}
	return out, nil
}

// ChangeOptions configures ChangeTable.
type ChangeOptions struct {
	// Before and After name the waves; "" picks the first and second wave
	// in order of appearance (see CompareWaves).
	Before, After string
	// Table configures the measures (workers, progress, classification
	// rules, instruments).
	Table TableOptions
}

// ChangeTable is the change-between-waves table: one row per ego present
// at either wave (see Changes), key column egoID, then the columns
//
//	kept, gained, lost, jaccard
//	M:before, M:after, M:change     for each measure M in specs
//
// with M:change = M:after − M:before. Counts and Jaccard are NaN for an
// ego missing from a wave; M:before (M:after) is NaN when the ego is
// missing from that wave, and M:change is NaN when either is NaN
// (IEEE arithmetic gives this). The measures are computed with EgoTable on
// the whole dataset. Complexity: that of EgoTable.
func ChangeTable(ctx context.Context, ds *network.Dataset, specs []Spec, opt ChangeOptions) (*Table, error) {
	changes, err := Changes(ds, opt.Before, opt.After)
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
	t := &Table{KeyNames: []string{"egoID"}, Columns: []string{"kept", "gained", "lost", "jaccard"}}
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
	for _, c := range changes {
		vals := []float64{nan, nan, nan, c.Jaccard}
		if c.Present() {
			vals[0], vals[1], vals[2] = float64(len(c.Kept)), float64(len(c.Gained)), float64(len(c.Lost))
		}
		for k := range specs {
			b, a := value(c.Before, k), value(c.After, k)
			vals = append(vals, b, a, a-b)
		}
		t.Keys = append(t.Keys, []string{c.EgoID})
		t.Values = append(t.Values, vals)
	}
	return t, nil
}

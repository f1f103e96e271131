package measures

import (
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
	// From and To name the two waves compared, also when the ego was
	// not interviewed at one of them.
	From, To string
	// Before and After are the ego's networks at the two waves; nil when
	// the ego was not interviewed at that wave.
	Before, After *network.EgoNet
	// Kept are the alters named at both waves (in the after wave's order),
	// Gained those named only after, Lost those named only before. All
	// nil when the ego is missing from either wave.
	Kept, Gained, Lost []string
	// Returned are the gained alters that the ego had named at an earlier
	// wave than From (dormant or forgotten alters: Fischer & Offer 2020);
	// filled by WaveChanges, empty from AlterChange alone, nil when the
	// ego is missing from either wave. Returned is a subset of Gained.
	Returned []string
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
	if before != nil {
		c.From = before.Wave
	}
	if after != nil {
		c.To = after.Wave
	}
	if !c.Present() {
		return c
	}
	inBefore := make(map[string]bool, len(before.Alters))
	for _, a := range before.Alters {
		inBefore[a.ID] = true
	}
	inAfter := make(map[string]bool, len(after.Alters))
	c.Kept, c.Gained, c.Lost, c.Returned = []string{}, []string{}, []string{}, []string{}
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
			return "", "", fmt.Errorf("%w: the data has no wave column (name it in the reader's options, e.g. EgoCSVOptions.Wave)", ErrWave)
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
	return waveChanges(ds, []string{before, after}, ""), nil
}

package measures

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// ChangeWaves resolves the waves of a study to compare across, in order:
// waves as given, or every wave of the data in order of first appearance
// when waves is empty. It is an error if the data has no wave column or
// fewer than two waves, if fewer than two waves are given, or if a given
// wave does not occur or is repeated.
func ChangeWaves(ds *network.Dataset, waves []string) ([]string, error) {
	all := ds.Waves()
	if ds.WaveColumn == "" {
		return nil, fmt.Errorf("%w: the data has no wave column (name it in the reader's options, e.g. EgoCSVOptions.Wave)", ErrWave)
	}
	if len(waves) == 0 {
		if len(all) < 2 {
			return nil, fmt.Errorf("%w: the data has %d wave(s) (%s); comparing needs two", ErrWave, len(all), strings.Join(all, ", "))
		}
		return all, nil
	}
	if len(waves) < 2 {
		return nil, fmt.Errorf("%w: %d wave given (%s); comparing needs two", ErrWave, len(waves), strings.Join(waves, ", "))
	}
	for i, w := range waves {
		if !slices.Contains(all, w) {
			return nil, fmt.Errorf("%w: wave %q does not occur in the data (waves: %s)", ErrWave, w, strings.Join(all, ", "))
		}
		if slices.Contains(waves[:i], w) {
			return nil, fmt.Errorf("%w: wave %q is given twice", ErrWave, w)
		}
	}
	return slices.Clone(waves), nil
}

// WaveChanges compares every ego across several waves (resolved by
// ChangeWaves), one EgoChange per ego per pair of waves, egos in order of
// first appearance in the dataset and each ego's pairs in wave order.
//
// With baseline "" the pairs are consecutive: for an ego interviewed at
// the waves w₁ < w₂ < … < wₘ of the list (in list order), the pairs are
// (wⱼ, wⱼ₊₁), so a wave the ego missed is skipped over (1→3 when the ego
// missed wave 2). An ego that entered after the first wave also gets the
// pair (wave before w₁, w₁) with Before nil, and one that dropped out
// before the last wave the pair (wₘ, wave after wₘ) with After nil: an ego
// is never dropped, and an ego seen at one of two waves has one row, as in
// Changes.
//
// With a baseline wave (one of waves), the pairs are (baseline, w) for
// every wave w after the baseline in the list at which the ego was
// interviewed at the baseline, at w, or both (nil for the missing side).
//
// Returned is filled in both cases: the gained alters of a pair that the
// ego named at a wave of the list before From. Complexity O(total alters
// of the listed waves × waves).
func WaveChanges(ds *network.Dataset, waves []string, baseline string) ([]EgoChange, error) {
	waves, err := ChangeWaves(ds, waves)
	if err != nil {
		return nil, err
	}
	if baseline != "" {
		if i := slices.Index(waves, baseline); i < 0 {
			return nil, fmt.Errorf("%w: the baseline wave %q is not among the waves compared (%s)", ErrWave, baseline, strings.Join(waves, ", "))
		} else if i == len(waves)-1 {
			return nil, fmt.Errorf("%w: the baseline wave %q is the last wave compared: there is nothing after it", ErrWave, baseline)
		}
	}
	return waveChanges(ds, waves, baseline), nil
}

// waveChanges is WaveChanges for resolved waves.
func waveChanges(ds *network.Dataset, waves []string, baseline string) []EgoChange {
	pos := make(map[string]int, len(waves))
	for i, w := range waves {
		pos[w] = i
	}
	index := map[string]int{}
	var at [][]*network.EgoNet // at[ego][wave position]
	var ids []string
	for _, e := range ds.Egos {
		p, ok := pos[e.Wave]
		if !ok {
			continue
		}
		i, seen := index[e.ID]
		if !seen {
			i = len(at)
			index[e.ID] = i
			at = append(at, make([]*network.EgoNet, len(waves)))
			ids = append(ids, e.ID)
		}
		at[i][p] = e
	}
	var out []EgoChange
	for i, nets := range at {
		for _, pr := range egoPairs(nets, pos[baseline], baseline != "") {
			c := AlterChange(nets[pr[0]], nets[pr[1]])
			c.EgoID, c.From, c.To = ids[i], waves[pr[0]], waves[pr[1]]
			if c.Present() {
				c.Returned = returned(c.Gained, nets[:pr[0]])
			}
			out = append(out, c)
		}
	}
	return out
}

// egoPairs returns the pairs of wave positions compared for one ego whose
// networks by wave position are nets (nil where not interviewed); see
// WaveChanges.
func egoPairs(nets []*network.EgoNet, base int, baseline bool) [][2]int {
	var pairs [][2]int
	if baseline {
		for w := base + 1; w < len(nets); w++ {
			if nets[base] != nil || nets[w] != nil {
				pairs = append(pairs, [2]int{base, w})
			}
		}
		return pairs
	}
	var seen []int
	for w, e := range nets {
		if e != nil {
			seen = append(seen, w)
		}
	}
	if len(seen) == 0 {
		return nil
	}
	if seen[0] > 0 {
		pairs = append(pairs, [2]int{seen[0] - 1, seen[0]})
	}
	for j := 0; j+1 < len(seen); j++ {
		pairs = append(pairs, [2]int{seen[j], seen[j+1]})
	}
	if last := seen[len(seen)-1]; last < len(nets)-1 {
		pairs = append(pairs, [2]int{last, last + 1})
	}
	return pairs
}

// returned returns the alters of gained that appear in any of the earlier
// networks (nil entries are waves the ego missed).
func returned(gained []string, earlier []*network.EgoNet) []string {
	out := []string{}
	for _, id := range gained {
		for _, e := range earlier {
			if e == nil {
				continue
			}
			if _, ok := e.AlterIndex(id); ok {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

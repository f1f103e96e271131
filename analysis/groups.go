package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// ErrGroups is wrapped by the errors of Groups about the grouping: an ego
// attribute that does not exist, a listed group that no ego is in, fewer
// than two groups.
var ErrGroups = errors.New("bad grouping")

// GroupOptions configures Groups. The zero value (with By set) compares
// the groups in text order, one row per measure (and wave) for the first
// two groups.
type GroupOptions struct {
	// By is the ego attribute whose values are the groups (e.g. an agency
	// type). Required.
	By string
	// Groups, when not empty, lists the groups to compare in this order;
	// egos in other groups are left out. Empty: every value of By, sorted
	// as text.
	Groups []string
	// AllPairs adds a row for every further pair of groups (in the order
	// of Groups: (1,2), (1,3), …, (2,3), …); false gives the first pair
	// only. The k-group tests are the same on every row of a measure.
	AllPairs bool
	// Change compares the change between two waves (after − before of
	// each ego present at both with the measure defined at both) instead
	// of the measures, and adds each group's paired change.
	Change bool
	// Before and After name the waves of Change ("": the first two waves,
	// see measures.CompareWaves).
	Before, After string
	// Table configures the measures (classification rules, instruments,
	// workers).
	Table measures.TableOptions
}

// Comparison is one row of a group comparison: one measure (at one wave,
// or its change), two groups a and b, and the tests over all groups.
type Comparison struct {
	Measure        string // the measure's column; "M:change" for a change
	Wave           string // the wave, "" without waves or for a change
	GroupA, GroupB string
	A, B           Describe
	Diff           float64 // mean_a − mean_b
	Hedges         Hedges  // of a − b
	Welch          Test    // a against b
	MannWhitney    Test    // Stat is W of a
	Anova          Anova   // all groups
	Kruskal        Test    // all groups
	// PairedA and PairedB are each group's change between the waves
	// (Change only; nil otherwise).
	PairedA, PairedB *Paired
}

// GroupMean is one group's mean of one measure with its 95% t interval
// (mean ± t_{.975,n−1}·sd/√n; NaN for n < 2), for charts.
type GroupMean struct {
	Measure, Wave, Group string
	N                    int
	Mean, Low, High      float64
}

// GroupTable is the result of Groups.
type GroupTable struct {
	Change     bool
	Waves      bool // rows carry a wave (the data has waves and Change is false)
	Before     string
	After      string
	Groups     []string // in comparison order
	Rows       []Comparison
	Means      []GroupMean
	NoGroup    int // egos (ego rows) left out for a missing group value
	OtherGroup int // egos left out for a group not in Groups
}

// Groups compares groups of egos, defined by an ego attribute, on each
// measure of specs: descriptives, the mean difference, Hedges' g with its
// 95% CI (HedgesG), Welch's t (Welch) and the Mann–Whitney test
// (MannWhitney) for each reported pair, and the one-way ANOVA (OneWay) and
// Kruskal–Wallis test (KruskalWallis) over all groups. An ego is left out
// of a measure's row when its value is NaN; an ego whose group is missing
// is left out of every row and counted in NoGroup. For data with waves,
// each wave has its rows; with Change, each ego's change score is compared
// instead and the group is the ego's value at the before wave (at the
// after wave when missing there).
//
// Complexity: that of measures.EgoTable plus O(m·N log N) for m measures
// and N egos.
func Groups(ctx context.Context, ds *network.Dataset, specs []measures.Spec, opt GroupOptions) (*GroupTable, error) {
	col, ok := ds.EgoAttrs.Index(opt.By)
	if opt.By == "" || !ok {
		return nil, fmt.Errorf("%w: no ego attribute %q (ego attributes: %s)", ErrGroups, opt.By, strings.Join(ds.EgoAttrs.Names(), ", "))
	}
	out := &GroupTable{Change: opt.Change}
	group := func(e *network.EgoNet) string {
		if e == nil {
			return ""
		}
		v := e.Attrs.At(col)
		if v.IsMissing() {
			return ""
		}
		return v.Text
	}
	// Each unit is one ego (or ego × wave) with its group and its values.
	type unit struct {
		group, wave string
		values      []float64
	}
	var units []unit
	if opt.Change {
		b, a, err := measures.CompareWaves(ds, opt.Before, opt.After)
		if err != nil {
			return nil, err
		}
		out.Before, out.After = b, a
		ct, err := measures.ChangeTable(ctx, ds, specs, measures.ChangeOptions{Before: b, After: a, Table: opt.Table})
		if err != nil {
			return nil, err
		}
		cols := make([]int, len(specs))
		for k, s := range specs {
			if cols[k] = ct.Column(s.Column + ":change"); cols[k] < 0 {
				return nil, fmt.Errorf("change table has no column %q", s.Column+":change")
			}
		}
		at := map[[2]string]*network.EgoNet{} // (egoID, wave) → ego, for O(1) lookups
		for _, e := range ds.Egos {
			at[[2]string{e.ID, e.Wave}] = e
		}
		for r, key := range ct.Keys {
			g := group(at[[2]string{key[0], b}])
			if g == "" {
				g = group(at[[2]string{key[0], a}])
			}
			u := unit{group: g}
			for _, c := range cols {
				u.values = append(u.values, ct.Values[r][c])
			}
			units = append(units, u)
		}
	} else {
		t, err := measures.EgoTable(ctx, ds, specs, opt.Table)
		if err != nil {
			return nil, err
		}
		out.Waves = ds.WaveColumn != ""
		for r, e := range ds.Egos {
			units = append(units, unit{group: group(e), wave: e.Wave, values: t.Values[r]})
		}
	}

	// The groups, in order.
	present := map[string]bool{}
	for _, u := range units {
		if u.group != "" {
			present[u.group] = true
		}
	}
	if len(opt.Groups) > 0 {
		seen := map[string]bool{}
		for _, g := range opt.Groups {
			if seen[g] {
				return nil, fmt.Errorf("%w: group %q listed twice", ErrGroups, g)
			}
			seen[g] = true
			if !present[g] {
				return nil, fmt.Errorf("%w: no ego has %s = %q (values: %s)", ErrGroups, opt.By, g, strings.Join(sortedKeys(present), ", "))
			}
		}
		out.Groups = append([]string(nil), opt.Groups...)
	} else {
		out.Groups = sortedKeys(present)
	}
	if len(out.Groups) < 2 {
		return nil, fmt.Errorf("%w: %s has %d group(s) (%s); comparing needs two", ErrGroups, opt.By, len(out.Groups), strings.Join(out.Groups, ", "))
	}
	index := map[string]int{}
	for i, g := range out.Groups {
		index[g] = i
	}
	var waves []string
	if out.Waves {
		waves = ds.Waves()
	} else {
		waves = []string{""}
	}
	for _, u := range units {
		if u.group == "" {
			out.NoGroup++
		} else if _, ok := index[u.group]; !ok {
			out.OtherGroup++
		}
	}
	for k, s := range specs {
		name := s.Column
		if opt.Change {
			name += ":change"
		}
		for _, w := range waves {
			samples := make([][]float64, len(out.Groups))
			for _, u := range units {
				gi, ok := index[u.group]
				if !ok || u.wave != w || math.IsNaN(u.values[k]) {
					continue
				}
				samples[gi] = append(samples[gi], u.values[k])
			}
			for gi, x := range samples {
				out.Means = append(out.Means, groupMean(name, w, out.Groups[gi], x))
			}
			out.Rows = append(out.Rows, compareSamples(name, w, out.Groups, samples, opt.AllPairs, opt.Change)...)
		}
	}
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func groupMean(measure, wave, group string, x []float64) GroupMean {
	d := Summarize(x)
	m := GroupMean{Measure: measure, Wave: wave, Group: group, N: d.N, Mean: d.Mean, Low: math.NaN(), High: math.NaN()}
	if d.N >= 2 {
		q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(d.N - 1)}.Quantile(0.975)
		se := d.SD / math.Sqrt(float64(d.N))
		m.Low, m.High = d.Mean-q*se, d.Mean+q*se
	}
	return m
}

// CompareSamples compares named samples (one per group, in order) as
// Groups does for one measure: a row for the first two samples, or for
// every pair when allPairs is set, each with the k-sample tests over all
// samples. NaN values are left out (as R's na.omit). It needs at least two
// samples.
func CompareSamples(measure string, names []string, samples [][]float64, allPairs bool) []Comparison {
	clean := make([][]float64, len(samples))
	for i, x := range samples {
		for _, v := range x {
			if !math.IsNaN(v) {
				clean[i] = append(clean[i], v)
			}
		}
	}
	return compareSamples(measure, "", names, clean, allPairs, false)
}

func compareSamples(measure, wave string, names []string, samples [][]float64, allPairs, change bool) []Comparison {
	anova := OneWay(samples)
	kw := KruskalWallis(samples)
	var rows []Comparison
	for i := 0; i < len(samples); i++ {
		for j := i + 1; j < len(samples); j++ {
			if !allPairs && (i > 0 || j > 1) {
				continue
			}
			a, b := samples[i], samples[j]
			c := Comparison{
				Measure: measure, Wave: wave, GroupA: names[i], GroupB: names[j],
				A: Summarize(a), B: Summarize(b),
				Hedges: HedgesG(a, b), Welch: Welch(a, b), MannWhitney: MannWhitney(a, b),
				Anova: anova, Kruskal: kw,
			}
			c.Diff = c.A.Mean - c.B.Mean
			if change {
				pa, pb := PairedChange(a), PairedChange(b)
				c.PairedA, c.PairedB = &pa, &pb
			}
			rows = append(rows, c)
		}
	}
	return rows
}

package analysis

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// DefaultRho is Kiresuk & Sherman's assumed correlation between the goal
// scores of one person, ρ = 0.3.
const DefaultRho = 0.3

// GAST is the Goal Attainment Scaling summary T-score of levels xᵢ with
// weights wᵢ (Kiresuk & Sherman 1968):
//
//	T = 50 + 10 Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²)
//
// over the scored goals only (a NaN level is not scored). T is 50 when
// every goal reached its expected level (0), and has standard deviation
// 10 when the levels are distributed as GAS assumes. NaN when no goal is
// scored. levels and weights have the same length (it panics if not).
// Complexity O(n).
//
// Kiresuk, T. J. & Sherman, R. E. (1968). Goal attainment scaling: a
// general method for evaluating comprehensive community mental health
// programs. Community Mental Health Journal 4(6):443–453.
// doi:10.1007/BF01530764.
func GAST(levels, weights []float64, rho float64) float64 {
	if len(levels) != len(weights) {
		panic("analysis: GAST: levels and weights differ in length")
	}
	var wx, w2, w float64
	n := 0
	for i, x := range levels {
		if math.IsNaN(x) {
			continue
		}
		n++
		wx += weights[i] * x
		w2 += weights[i] * weights[i]
		w += weights[i]
	}
	if n == 0 {
		return math.NaN()
	}
	return 50 + 10*wx/math.Sqrt((1-rho)*w2+rho*w*w)
}

// GoalScore is one goal's attainment at one wave.
type GoalScore struct {
	Goal *Goal
	// Value is what the goal's rule measured (the change since the
	// baseline for a ":change" rule); NaN for a recorded goal or when the
	// measure is undefined or the person was not interviewed.
	Value float64
	// Level is the GAS level, −2..2; NaN when not scored.
	Level float64
}

// Attainment is one person's goal attainment at one wave.
type Attainment struct {
	EgoID, Wave string
	// Baseline marks the baseline wave, at which goals are set: its levels
	// are shown (the starting point), not summarised as attainment.
	Baseline bool
	// Interviewed reports whether the person was interviewed at the wave.
	Interviewed bool
	// Scores holds one score per goal of the person, in table order.
	Scores []GoalScore
	// Goals is the number of goals scored, Met the number scored at
	// level 0 or above.
	Goals, Met int
	// T is the GAS T-score over the scored goals (GAST); NaN when none.
	T float64
}

// AttainmentOptions configures EvaluateGoals.
type AttainmentOptions struct {
	// Baseline is the wave at which the goals were set; "" means the
	// first wave of the data. The follow-up waves are the waves after it,
	// in order of appearance.
	Baseline string
	// Rho is ρ of GAST; 0 means DefaultRho (0.3).
	Rho float64
	// Table configures the measures of the rules (classification rules,
	// instruments, workers).
	Table measures.TableOptions
}

// EvaluateGoals scores every person's goals at the baseline and each
// follow-up wave: a rule goal from the measure at that wave (see
// GoalRule), a recorded goal from its level:WAVE column. One Attainment
// per person (in order of first appearance in the data, also people with
// no goals: 0 goals, NaN T) per wave, the baseline first. A rule goal is
// not scored at a wave at which the person was not interviewed (nor, with
// ":change", when the person missed the baseline).
//
// It is an error if the data has no waves, if a goal names a person the
// data does not have, if a level:WAVE column names a wave the data does
// not have, or if a rule's measure does not fit the data; errors name the
// goals table and line. Complexity: that of measures.EgoTable for the
// rules' measures, plus O(goals × waves).
func EvaluateGoals(ctx context.Context, ds *network.Dataset, g *Goals, opt AttainmentOptions) ([]Attainment, error) {
	waves := ds.Waves()
	if ds.WaveColumn == "" || len(waves) == 0 {
		return nil, fmt.Errorf("%s: %w: goals need data with a wave column", g.Source, ErrGoals)
	}
	base := opt.Baseline
	if base == "" {
		base = waves[0]
	}
	bi := slices.Index(waves, base)
	if bi < 0 {
		return nil, fmt.Errorf("%s: %w: the baseline wave %q is not in the data (waves: %s)", g.Source, ErrGoals, base, strings.Join(waves, ", "))
	}
	waves = append([]string{base}, waves[bi+1:]...)
	for _, w := range g.LevelWaves {
		if !slices.Contains(ds.Waves(), w) {
			return nil, fmt.Errorf("%s:1: %w: column \"level:%s\": wave %q is not in the data (waves: %s)", g.Source, ErrGoals, w, w, strings.Join(ds.Waves(), ", "))
		}
	}
	rho := opt.Rho
	if rho == 0 {
		rho = DefaultRho
	}
	// The people, in order of first appearance, and their networks.
	var ids []string
	nets := map[[2]string]*network.EgoNet{}
	row := map[*network.EgoNet]int{}
	for r, e := range ds.Egos {
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
		nets[[2]string{e.ID, e.Wave}] = e
		row[e] = r
	}
	byEgo := map[string][]*Goal{}
	for i := range g.Goals {
		gl := &g.Goals[i]
		if !slices.Contains(ids, gl.EgoID) {
			return nil, fmt.Errorf("%s:%d: %w: ego %q is not in the data", g.Source, gl.Line, ErrGoals, gl.EgoID)
		}
		if gl.Rule != nil {
			err := measures.Check([]measures.Spec{gl.Rule.Spec}, measures.Schemas{Alters: ds.AlterAttrs, Egos: ds.EgoAttrs}, &opt.Table)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w: column \"rule\": %w", g.Source, gl.Line, ErrGoals, err)
			}
		}
		byEgo[gl.EgoID] = append(byEgo[gl.EgoID], gl)
	}
	specs := g.specs()
	var mt *measures.Table
	if len(specs) > 0 {
		var err error
		if mt, err = measures.EgoTable(ctx, ds, specs, opt.Table); err != nil {
			return nil, fmt.Errorf("%s: %w", g.Source, err)
		}
	}
	value := func(gl *Goal, id, wave string) float64 {
		e := nets[[2]string{id, wave}]
		if e == nil {
			return math.NaN()
		}
		return mt.Values[row[e]][mt.Column(gl.Rule.Spec.Column)]
	}
	var out []Attainment
	for _, id := range ids {
		goals := byEgo[id]
		for k, w := range waves {
			a := Attainment{EgoID: id, Wave: w, Baseline: k == 0, Interviewed: nets[[2]string{id, w}] != nil}
			levels := make([]float64, len(goals))
			weights := make([]float64, len(goals))
			for i, gl := range goals {
				s := GoalScore{Goal: gl, Value: math.NaN(), Level: math.NaN()}
				if gl.Rule != nil {
					s.Value = value(gl, id, w)
					if gl.Rule.Change {
						s.Value -= value(gl, id, base)
					}
					s.Level = gl.Rule.Level(s.Value)
				} else if x, ok := gl.Levels[w]; ok {
					s.Level = x
				}
				levels[i], weights[i] = s.Level, gl.Weight
				if !math.IsNaN(s.Level) {
					a.Goals++
					if s.Level >= 0 {
						a.Met++
					}
				}
				a.Scores = append(a.Scores, s)
			}
			a.T = GAST(levels, weights, rho)
			out = append(out, a)
		}
	}
	return out, nil
}

// GASGroup is the mean GAS T-score of a group of people at one follow-up
// wave, with its 95% confidence interval.
type GASGroup struct {
	Group, Wave string
	// N is the number of people with a T-score.
	N int
	// Mean is the mean T; Low and High the 95% confidence interval
	// Mean ± t(0.975, N−1) · s / √N (s the sample standard deviation),
	// NaN when N < 2; Mean is NaN when N = 0.
	Mean, Low, High float64
}

// GroupGAS averages the T-scores of the follow-up rows (Baseline false) by
// group (group gives a person's group; "" and "NA" are the group "NA",
// listed, not dropped) and wave. Groups come in order of first
// appearance, waves in row order. Complexity O(rows).
func GroupGAS(rows []Attainment, group func(egoID string) string) []GASGroup {
	type key struct{ g, w string }
	var order []key
	vals := map[key][]float64{}
	for _, a := range rows {
		if a.Baseline {
			continue
		}
		g := group(a.EgoID)
		if g == "" {
			g = "NA"
		}
		k := key{g, a.Wave}
		if _, ok := vals[k]; !ok {
			order = append(order, k)
			vals[k] = []float64{}
		}
		if !math.IsNaN(a.T) {
			vals[k] = append(vals[k], a.T)
		}
	}
	var out []GASGroup
	for _, k := range order {
		g := GASGroup{Group: k.g, Wave: k.w, N: len(vals[k])}
		g.Mean, g.Low, g.High = MeanCI(vals[k])
		out = append(out, g)
	}
	return out
}

// MeanCI returns the mean of xs and its 95% confidence interval
//
//	mean ± t(0.975, n−1) · s / √n
//
// with s the sample standard deviation (n − 1 in the denominator) and t
// the Student t quantile; lo and hi are NaN when n < 2, all three when n
// = 0. It agrees with R 4.2.2's t.test(xs)$conf.int (analysis tests).
// Complexity O(n).
func MeanCI(xs []float64) (mean, lo, hi float64) {
	nan := math.NaN()
	if len(xs) == 0 {
		return nan, nan, nan
	}
	mean = stat.Mean(xs, nil)
	if len(xs) < 2 {
		return mean, nan, nan
	}
	half := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(xs) - 1)}.Quantile(0.975) *
		stat.StdDev(xs, nil) / math.Sqrt(float64(len(xs)))
	return mean, mean - half, mean + half
}

package analysis

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// ErrGoals is wrapped by every error about a goals table or a goal rule.
var ErrGoals = errors.New("bad goals")

// Goal is one goal of a person's Goal Attainment Scale (GAS; Kiresuk &
// Sherman 1968): a goal the person and the worker set at the baseline
// wave, its importance weight, and how its level of attainment is found
// at each wave: evaluated from the network data by a Rule, or recorded by
// the worker (Levels).
//
// Levels run from −2 (much less than expected) through −1 (less than
// expected), 0 (the expected outcome), +1 (more than expected) to +2 (much
// more than expected).
type Goal struct {
	EgoID       string
	ID          string // the goal's name, unique per ego
	Description string
	Weight      float64 // importance weight wᵢ > 0
	// Rule, when not nil, evaluates the goal from the data at each wave.
	Rule *GoalRule
	// Levels are the recorded levels by wave (NaN: not scored), for a
	// goal without a Rule; nil for a goal with one.
	Levels map[string]float64
	// Line is the goal's line in its table (1 is the header), for errors.
	Line int
}

// GoalRule is a rule that gives a goal's GAS level from a measure of the
// ego network (see ParseGoalRule for the syntax).
type GoalRule struct {
	// Text is the rule as written.
	Text string
	// Spec is the measure, any item of a measures list: "size",
	// "bridging", "count(role=group)", "mean(closeness)".
	Spec measures.Spec
	// Change compares the measure's change since the baseline wave
	// (value at the wave − value at the baseline) instead of its value.
	Change bool
	// Lower marks a rule written with <=: lower values are better.
	Lower bool
	// Cuts are the thresholds: one (the expected outcome, level 0) or four
	// (the lowest value of levels −1, 0, +1, +2 for >=; the highest for
	// <=).
	Cuts []float64
}

// ParseGoalRule parses a goal rule:
//
//	rule     = measure [":change"] op cuts
//	op       = ">=" | "<="
//	cuts     = number | number number number number    (spaces or commas between)
//
// The measure is any item of a measures list (see measures.ParseSpec),
// e.g. "count(role=group)", "bridging", "size". With ":change" the rule
// looks at the measure's change since the baseline wave. One cut c gives
// level 0 (the expected outcome) when the value reaches c (x ≥ c with >=,
// x ≤ c with <=) and −1 otherwise. Four cuts c₋₁ c₀ c₊₁ c₊₂ (rising for
// >=, falling for <=) give the five GAS levels:
//
//	>=:  x < c₋₁ → −2,  c₋₁ ≤ x < c₀ → −1,  c₀ ≤ x < c₊₁ → 0,  c₊₁ ≤ x < c₊₂ → +1,  x ≥ c₊₂ → +2
//	<=:  the same with the inequalities turned round (x > c₋₁ → −2, …, x ≤ c₊₂ → +2)
//
// Examples: "count(role=group) >= 1" (joined a group: 0, else −1);
// "bridging:change >= 0 1 2 3" (no new bridging tie −1, one 0, two +1,
// three or more +2; fewer than before −2); "constraint <= 0.6 0.5 0.4 0.3".
func ParseGoalRule(s string) (*GoalRule, error) {
	text := strings.TrimSpace(s)
	r := &GoalRule{Text: text}
	depth, at := 0, -1
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '>', '<':
			if depth == 0 && text[i+1] == '=' {
				at = i
			}
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("%w: rule %q has no >= or <= (e.g. \"count(role=group) >= 1\")", ErrGoals, text)
	}
	r.Lower = text[at] == '<'
	left := strings.TrimSpace(text[:at])
	if m, ok := strings.CutSuffix(left, ":change"); ok {
		r.Change, left = true, strings.TrimSpace(m)
	}
	spec, err := measures.ParseSpec(left)
	if err != nil {
		return nil, fmt.Errorf("%w: rule %q: %w", ErrGoals, text, err)
	}
	r.Spec = spec
	for _, f := range strings.FieldsFunc(text[at+2:], func(c rune) bool { return c == ' ' || c == ',' || c == '\t' }) {
		x, err := network.ParseNumber(f)
		if err != nil {
			return nil, fmt.Errorf("%w: rule %q: threshold %q is not a number", ErrGoals, text, f)
		}
		r.Cuts = append(r.Cuts, x)
	}
	if len(r.Cuts) != 1 && len(r.Cuts) != 4 {
		return nil, fmt.Errorf("%w: rule %q has %d thresholds; give one (the expected outcome) or four (levels -1, 0, +1, +2)", ErrGoals, text, len(r.Cuts))
	}
	for i := 1; i < len(r.Cuts); i++ {
		if (!r.Lower && r.Cuts[i] <= r.Cuts[i-1]) || (r.Lower && r.Cuts[i] >= r.Cuts[i-1]) {
			dir := "rise"
			if r.Lower {
				dir = "fall"
			}
			return nil, fmt.Errorf("%w: rule %q: with %s the thresholds must %s strictly", ErrGoals, text, text[at:at+2], dir)
		}
	}
	return r, nil
}

// Level returns the GAS level of value x by the rule (see ParseGoalRule);
// NaN when x is NaN.
func (r *GoalRule) Level(x float64) float64 {
	if math.IsNaN(x) {
		return math.NaN()
	}
	reached := func(c float64) bool {
		if r.Lower {
			return x <= c
		}
		return x >= c
	}
	if len(r.Cuts) == 1 {
		if reached(r.Cuts[0]) {
			return 0
		}
		return -1
	}
	level := -2.0
	for _, c := range r.Cuts {
		if reached(c) {
			level++
		}
	}
	return level
}

// Goals is a goals table: every person's goals, in the order read.
type Goals struct {
	Goals []Goal
	// LevelWaves are the waves of the level:WAVE columns, in column order.
	LevelWaves []string
	// Source names the table in errors.
	Source string
}

// GoalsOptions configures ReadGoals.
type GoalsOptions struct {
	// EgoID is the ego ID column; "" means "egoID".
	EgoID string
}

// ReadGoals reads a goals table (see ReadGoalsFrom) from a file.
func ReadGoals(path string, opt GoalsOptions) (*Goals, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGoalsFrom(f, path, opt)
}

// ReadGoalsFrom reads a goals table in CSV from r; name is used in errors.
// Columns (by name, in any order):
//
//	egoID          the person (opt.EgoID)                       required
//	goal           the goal's name, unique per person           required
//	description    free text                                    optional
//	weight         importance weight, a number > 0              required
//	rule           a goal rule (ParseGoalRule)                  optional
//	level:WAVE     the level recorded at WAVE: -2..2 or NA      optional, any number
//
// Each goal has either a rule (and NA or empty levels) or recorded levels
// (and an empty rule); a level:WAVE column for the baseline wave gives the
// recorded baseline level, shown in the goals picture but not scored.
// Errors name the file, line and column. Example:
//
//	egoID,goal,description,weight,rule,level:2,level:3
//	P01,group,join a group,2,count(role=group) >= 1,,
//	P01,sister,get back in touch with my sister,3,,1,2
//	P01,bridging,meet new people,1,bridging:change >= 0 1 2 3,,
func ReadGoalsFrom(r io.Reader, name string, opt GoalsOptions) (*Goals, error) {
	idCol := opt.EgoID
	if idCol == "" {
		idCol = "egoID"
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: %w: empty file (want a header: %s,goal,weight,rule or level:WAVE)", name, ErrGoals, idCol)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", name, ErrGoals, err)
	}
	g := &Goals{Source: name}
	col := map[string]int{}
	var levels []int
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("%s:1: %w: column %q appears twice", name, ErrGoals, h)
		}
		col[h] = i
		if w, ok := strings.CutPrefix(h, "level:"); ok {
			if w == "" {
				return nil, fmt.Errorf("%s:1: %w: column %q names no wave (want level:WAVE)", name, ErrGoals, h)
			}
			levels = append(levels, i)
			g.LevelWaves = append(g.LevelWaves, w)
		}
	}
	for _, need := range []string{idCol, "goal", "weight"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s:1: %w: no column %q (columns: %s)", name, ErrGoals, need, strings.Join(head, ", "))
		}
	}
	_, hasRule := col["rule"]
	if !hasRule && len(levels) == 0 {
		return nil, fmt.Errorf("%s:1: %w: neither a rule column nor level:WAVE columns", name, ErrGoals)
	}
	seen := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %w", name, ErrGoals, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(c string) string {
			i, ok := col[c]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		fail := func(c, format string, args ...any) error {
			return fmt.Errorf("%s:%d: %w: column %q: %s", name, line, ErrGoals, c, fmt.Sprintf(format, args...))
		}
		gl := Goal{EgoID: field(idCol), ID: field("goal"), Description: field("description"), Line: line}
		if gl.EgoID == "" {
			return nil, fail(idCol, "empty ego ID")
		}
		if gl.ID == "" {
			return nil, fail("goal", "empty goal name")
		}
		if prev, dup := seen[[2]string{gl.EgoID, gl.ID}]; dup {
			return nil, fail("goal", "ego %q has goal %q twice (also line %d)", gl.EgoID, gl.ID, prev)
		}
		seen[[2]string{gl.EgoID, gl.ID}] = line
		w, err := network.ParseNumber(field("weight"))
		if err != nil || !(w > 0) {
			return nil, fail("weight", "%q is not a number greater than 0", field("weight"))
		}
		gl.Weight = w
		recorded := false
		lv := map[string]float64{}
		for k, i := range levels {
			c := head[i]
			s := ""
			if i < len(rec) {
				s = strings.TrimSpace(rec[i])
			}
			x, ok, err := parseLevel(s)
			if err != nil {
				return nil, fail(c, "%v", err)
			}
			if ok {
				recorded = true
			}
			lv[g.LevelWaves[k]] = x
		}
		if rule := field("rule"); rule != "" {
			if recorded {
				return nil, fail("rule", "goal %q has a rule and recorded levels; give one or the other", gl.ID)
			}
			if gl.Rule, err = ParseGoalRule(rule); err != nil {
				return nil, fail("rule", "%v", err)
			}
		} else {
			if len(levels) == 0 {
				return nil, fail("rule", "goal %q has no rule and the table has no level:WAVE columns", gl.ID)
			}
			gl.Levels = lv
		}
		g.Goals = append(g.Goals, gl)
	}
	return g, nil
}

// parseLevel reads a GAS level: a whole number from −2 to 2 ("+1"
// allowed), or not scored ("", "NA").
func parseLevel(s string) (float64, bool, error) {
	if s == "" || s == "NA" {
		return math.NaN(), false, nil
	}
	x, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
	if err != nil || x < -2 || x > 2 {
		return 0, false, fmt.Errorf("level %q is not a whole number from -2 to 2 (or NA)", s)
	}
	return float64(x), true, nil
}

// specs returns the distinct measures of the goals' rules.
func (g *Goals) specs() []measures.Spec {
	var out []measures.Spec
	for _, gl := range g.Goals {
		if gl.Rule != nil && !slices.ContainsFunc(out, func(s measures.Spec) bool { return s.Column == gl.Rule.Spec.Column }) {
			out = append(out, gl.Rule.Spec)
		}
	}
	return out
}

package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "goals",
		summary: "goal attainment (GAS T-scores) per person per follow-up wave",
		usage: `Usage: sociogram goals --goals FILE --egos FILE --alters FILE [--ties FILE] --wave COL
       [--baseline WAVE] [--goal-rows | --by ATTR] [--draw DIR]
       [--classify RULES.json] [--instruments FILE.json] [other input flags]
       [--format csv|json|parquet] [-o FILE]

Scores each person's goals (Goal Attainment Scaling, Kiresuk & Sherman
1968) at each follow-up wave: every wave after the baseline (default: the
first wave). A goal's level runs from -2 (much less than expected) to +2
(much more than expected), 0 being the expected outcome. The goals table
(CSV) has the columns

  egoID        the person (named as --ego-id says)
  goal         the goal's name, unique per person
  description  free text (optional)
  weight       importance, a number > 0
  rule         a rule on the data, e.g. count(role=group) >= 1, or
               bridging:change >= 0 1 2 3 (one threshold: 0 when reached,
               else -1; four: the lowest value of levels -1, 0, +1, +2;
               <= when lower is better)
  level:WAVE   or the level the worker recorded at WAVE (-2..2, NA)

One row per person per follow-up wave:

  egoID,wave,goals,met,gas_t

goals counts the goals scored, met those at level 0 or above, gas_t is
T = 50 + 10 Σ w x / √((1 − ρ) Σ w² + ρ (Σ w)²), ρ = 0.3, over the scored
goals (NA when none). --goal-rows writes a row per goal per wave instead
(baseline included): weight, value (what the rule measured), level. --by
ATTR writes the mean T per group of the ego attribute ATTR (its value at
the baseline) and wave, with its 95% confidence interval. --draw DIR draws
each person's goals, baseline and reached levels, as DIR/goals_EGO.png.
The README describes the goals table with an example.

Example:
  sociogram goals --goals goals.csv --egos egos.csv --alters alters.csv \
      --ties aaties.csv --wave wave --classify rules.json
`,
		run: runGoals,
	})
}

func runGoals(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["goals"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	var tf tableFlags
	tf.add(fs)
	var cf capitalFlags
	cf.add(fs)
	goalsFile := fs.String("goals", "", "goals table `FILE` (CSV: egoID, goal, description, weight, rule or level:WAVE)")
	baseline := fs.String("baseline", "", "the `WAVE` at which the goals were set (default: the first wave)")
	goalRows := fs.Bool("goal-rows", false, "write one row per goal per wave with its level")
	by := fs.String("by", "", "write the mean T-score per group of this ego `ATTR` and wave, with its 95% CI")
	drawDir := fs.String("draw", "", "draw each person's goals into `DIR`/goals_EGO.png")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	if *goalsFile == "" {
		return usagef("goals needs --goals FILE, the goals table")
	}
	if *goalRows && *by != "" {
		return usagef("give --goal-rows or --by, not both")
	}
	if in.wave == "" {
		return usagef("goals needs --wave COL, the wave column of the egos table")
	}
	g, err := analysis.ReadGoals(*goalsFile, analysis.GoalsOptions{EgoID: in.egoID})
	if err != nil {
		return err
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("goals needs survey data (--egos, --alters) with a wave column, not a whole network")
	}
	ds := src.ds
	if *by != "" {
		if _, ok := ds.EgoAttrs.Index(*by); !ok {
			return fmt.Errorf("%s: the egos table has no column %q for --by (ego attributes: %v)", in.egos, *by, ds.EgoAttrs.Names())
		}
	}
	opt, err := cf.options(ds, measures.TableOptions{Types: in.tableTypes()})
	if err != nil {
		return err
	}
	rows, err := analysis.EvaluateGoals(context.Background(), ds, g, analysis.AttainmentOptions{Baseline: *baseline, Table: opt})
	if err != nil {
		return err
	}
	if *drawDir != "" {
		if err := drawGoals(*drawDir, rows); err != nil {
			return err
		}
	}
	var t *measures.Table
	switch {
	case *goalRows:
		t = goalRowsTable(in.egoID, rows)
	case *by != "":
		t = goalGroupsTable(*by, rows, egoGroups(ds, *by, rows))
	default:
		t = gasTable(in.egoID, rows)
	}
	return tf.write(stdout, t.WriteCSV, t.WriteJSON)
}

// gasTable is one row per person per follow-up wave: goals, met, gas_t.
func gasTable(key string, rows []analysis.Attainment) *measures.Table {
	t := &measures.Table{KeyNames: []string{key, "wave"}, Columns: []string{"goals", "met", "gas_t"}}
	for _, a := range rows {
		if a.Baseline {
			continue
		}
		t.Keys = append(t.Keys, []string{a.EgoID, a.Wave})
		t.Values = append(t.Values, []float64{float64(a.Goals), float64(a.Met), a.T})
	}
	return t
}

// goalRowsTable is one row per goal per wave (baseline included): weight,
// value, level.
func goalRowsTable(key string, rows []analysis.Attainment) *measures.Table {
	t := &measures.Table{KeyNames: []string{key, "wave", "goal"}, Columns: []string{"weight", "value", "level"}}
	for _, a := range rows {
		for _, s := range a.Scores {
			t.Keys = append(t.Keys, []string{a.EgoID, a.Wave, s.Goal.ID})
			t.Values = append(t.Values, []float64{s.Goal.Weight, s.Value, s.Level})
		}
	}
	return t
}

// egoGroups returns each person's value of the ego attribute attr at the
// baseline wave of rows (or at the first wave the person was interviewed).
func egoGroups(ds *network.Dataset, attr string, rows []analysis.Attainment) map[string]string {
	base := map[string]string{}
	for _, a := range rows {
		if a.Baseline {
			base[a.EgoID] = a.Wave
		}
	}
	out := map[string]string{}
	for _, e := range ds.Egos {
		v := e.EgoValue(attr).String()
		if _, ok := out[e.ID]; !ok || (e.Wave == base[e.ID] && v != "NA") {
			out[e.ID] = v
		}
	}
	return out
}

// goalGroupsTable is the mean T per group and follow-up wave.
func goalGroupsTable(attr string, rows []analysis.Attainment, group map[string]string) *measures.Table {
	t := &measures.Table{KeyNames: []string{attr, "wave"}, Columns: []string{"people", "mean_t", "ci_low", "ci_high"}}
	for _, g := range analysis.GroupGAS(rows, func(id string) string { return group[id] }) {
		t.Keys = append(t.Keys, []string{g.Group, g.Wave})
		t.Values = append(t.Values, []float64{float64(g.N), g.Mean, g.Low, g.High})
	}
	return t
}

// drawGoals draws one goals picture per person with goals.
func drawGoals(dir string, rows []analysis.Attainment) error {
	for _, p := range goalPeople(rows) {
		f, err := visualize.GoalsFigure(p)
		if err != nil {
			return err
		}
		if err := writeFigure(filepath.Join(dir, "goals_"+network.FileNames([][]string{{p.EgoID}}, "png")[0]), f); err != nil {
			return err
		}
	}
	return nil
}

// goalPeople turns attainment rows (each person's waves together, the
// baseline first) into the goals pictures' input, for people with goals.
func goalPeople(rows []analysis.Attainment) []visualize.GoalPerson {
	var out []visualize.GoalPerson
	for _, a := range rows {
		if len(a.Scores) == 0 {
			continue
		}
		if a.Baseline || len(out) == 0 || out[len(out)-1].EgoID != a.EgoID {
			p := visualize.GoalPerson{EgoID: a.EgoID}
			for _, s := range a.Scores {
				p.Goals = append(p.Goals, visualize.GoalRow{Goal: s.Goal.ID, Description: s.Goal.Description, Weight: s.Goal.Weight})
			}
			out = append(out, p)
		}
		p := &out[len(out)-1]
		p.Waves = append(p.Waves, a.Wave)
		p.T = append(p.T, a.T)
		for i, s := range a.Scores {
			p.Goals[i].Levels = append(p.Goals[i].Levels, s.Level)
		}
	}
	return out
}

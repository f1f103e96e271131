package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// demoGoalEgo is the person whose goals the demo draws.
const demoGoalEgo = "P01"

// demoGoals evaluates the study's goals (Goal Attainment Scaling) at wave
// 2, writes the T-scores per person and one person's goals picture, and
// returns the lines the demo prints: how many goals were met.
func demoGoals(ctx context.Context, ds *network.Dataset, opt measures.TableOptions, dir string, res *demoResult) ([]string, error) {
	g, err := demo.Goals()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	rows, err := analysis.EvaluateGoals(ctx, ds, g, analysis.AttainmentOptions{Table: opt})
	if err != nil {
		return nil, err
	}
	t := gasTable("egoID", rows)
	path := filepath.Join(dir, "goal_attainment.csv")
	if err := writeOutput(path, nil, t.WriteCSV); err != nil {
		return nil, err
	}
	res.add(path, "goals scored and met, GAS T-score per person at wave 2")
	for _, p := range goalPeople(rows) {
		if p.EgoID != demoGoalEgo {
			continue
		}
		f, err := visualize.GoalsFigure(p)
		if err != nil {
			return nil, err
		}
		path = filepath.Join(dir, "goals_"+p.EgoID+".png")
		if err := writeFigure(path, f); err != nil {
			return nil, err
		}
		res.add(path, "goals of "+p.EgoID+": baseline and reached level")
	}
	var people, scored, met, allMet, ruled, ruledMet int
	var ts []float64
	for _, a := range rows {
		if a.Baseline {
			continue
		}
		people++
		scored += a.Goals
		met += a.Met
		if a.Goals > 0 && a.Met == a.Goals {
			allMet++
		}
		for _, s := range a.Scores {
			if s.Goal.Rule != nil && s.Level == s.Level {
				ruled++
				if s.Level >= 0 {
					ruledMet++
				}
			}
		}
		if a.T == a.T {
			ts = append(ts, a.T)
		}
	}
	m, lo, hi := analysis.MeanCI(ts)
	return []string{
		fmt.Sprintf("%d goals set by %d people; %d scored at wave 2, %d met (level 0 or above); %d people met every goal",
			len(g.Goals), people, scored, met, allMet),
		fmt.Sprintf("goals evaluated from the data: %d of %d met; recorded by the worker: %d of %d met",
			ruledMet, ruled, met-ruledMet, scored-ruled),
		fmt.Sprintf("GAS T-score at wave 2: mean %.1f [95%% CI %.1f, %.1f] over %d people (50 = every goal at its expected level)", m, lo, hi, len(ts)),
	}, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"

	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "run the whole pipeline on the embedded sample study",
		usage: `Usage: sociogram demo [-o DIR]

Runs the whole analysis on the embedded sample study — a SYNTHETIC study of
40 people supported by a mental health service, interviewed before (wave 1)
and after (wave 2) an intervention like Connecting People — and writes to
DIR (default ./sociogram-demo):

  data/            the study itself (egos.csv, alters.csv, aaties.csv, the
                   bonding/bridging/linking rules, rules.json, and the
                   goals, goals.csv), to rerun
                   any command on it
  measures.csv     the measures of every person at each wave: structure,
                   composition, social capital, LSNS-6, Resource Generator-UK
  change.csv       per person: alters kept, gained, lost; measures before
                   and after
  summary.csv      the study per wave
  egogram_*.png    network maps of three people
  before_after_*.png  the person who gained most bridging ties, both waves
  size_*.png, bridging_*.png  distributions at each wave and change per person
  groups.csv, groups.png  change in bridging ties, size and LSNS-6 of people
                   supported by third-sector and statutory agencies
                   (sociogram groups)
  types.csv, type_profiles.csv, types.png, types_tree.png  three network
                   types at wave 1 (sociogram types)
  goal_attainment.csv, goals_P01.png  each person's goals (data/goals.csv)
                   scored at wave 2: goals met, GAS T-score (sociogram goals)

It prints where each file is, a short summary of what changed and how many
goals were met.

Example:
  sociogram demo -o /tmp/demo
  sociogram egos --egos /tmp/demo/data/egos.csv --alters /tmp/demo/data/alters.csv \
      --ties /tmp/demo/data/aaties.csv --wave wave --measures size,density
`,
		run: runDemo,
	})
}

// demoOutput is one file the demo wrote, with what it holds.
type demoOutput struct {
	path, what string
}

// demoResult is what a demo run produced: its files and the summary lines.
type demoResult struct {
	files   []demoOutput
	summary []string
	groups  []string // change by agency (demoAnalysis)
	types   []string // network types at wave 1 (demoAnalysis)
	goals   []string // goals met at wave 2 (demoGoals)
}

func runDemo(args []string, stdout, stderr io.Writer) error {
	c := commands["demo"]
	fs := newFlags(c, stderr)
	dir := fs.String("o", "sociogram-demo", "output `DIR` (created if needed)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := demoPipeline(context.Background(), *dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Sample study (synthetic): 40 people, two waves. Files in %s:\n", *dir)
	for _, f := range res.files {
		rel, err := filepath.Rel(*dir, f.path)
		if err != nil {
			rel = f.path
		}
		fmt.Fprintf(stdout, "  %-25s %s\n", rel, f.what)
	}
	fmt.Fprintln(stdout, "\nWhat changed between wave 1 and wave 2:")
	for _, l := range res.summary {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	fmt.Fprintln(stdout, "\nChange by agency (third sector - statutory), groups.csv:")
	for _, l := range res.groups {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	fmt.Fprintf(stdout, "\nNetwork types at wave 1 (Ward on z-scores of %s), types.csv:\n", demoTypes)
	for _, l := range res.types {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	fmt.Fprintln(stdout, "\nGoals set at wave 1 (Goal Attainment Scaling), goal_attainment.csv:")
	for _, l := range res.goals {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	return nil
}

// demoMeasures is the measures list of the demo's table: structure,
// composition, social capital (bonding, bridging, linking by the study's
// rules) and the instruments (LSNS-6, Resource Generator-UK).
const demoMeasures = "size,ties,density,components,isolates,effective_size,efficiency,constraint," +
	"hierarchy,ego_betweenness,brokerage,bonding,bridging,linking,blau(role),count(role=group)," +
	"ring(1),lsns6,lsns6_isolated,rguk_total"

// demoChange is the measures list of the demo's change table.
const demoChange = "size,bonding,bridging,linking,effective_size,density,lsns6,rguk_total"

// demoEgos are the egos drawn as egograms at wave 1: a typical network, a
// large one, and a one-person network.
var demoEgos = []string{"P01", "P03", "P13"}

// demoLook is how the demo draws egograms: rings by closeness (1 =
// closest), sectors and colours by role.
var demoLook = visualize.DrawOptions{
	EgogramOptions: visualize.EgogramOptions{
		Rings: "ring", NumRings: 3,
		Sectors: "role", SectorOrder: []string{"family", "friend", "neighbour", "group", "professional"},
	},
	Style: visualize.Style{Color: "role"},
}

// add records a file the demo wrote and what it holds.
func (r *demoResult) add(path, what string) { r.files = append(r.files, demoOutput{path, what}) }

// writeFigure writes a figure as PNG atomically, its page grown (up to 3
// times) where that keeps every tie clear of the people it does not join.
func writeFigure(path string, f *visualize.Figure) error {
	f.Fit(3)
	return writeOutput(path, nil, func(w io.Writer) error { return f.Write(w, "png") })
}

// demoPipeline runs every step on the embedded study and writes the
// results under dir.
func demoPipeline(ctx context.Context, dir string) (*demoResult, error) {
	res := &demoResult{}
	ds, err := demo.Load()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	rules, err := demo.Rules()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	opt := measures.TableOptions{Classifier: rules}
	data := filepath.Join(dir, "data")
	if err := demo.WriteFiles(data); err != nil {
		return nil, err
	}
	res.add(data, "the study: egos.csv, alters.csv, aaties.csv, rules.json")

	// Measures of every person at each wave.
	specs, err := measures.ParseList(demoMeasures)
	if err != nil {
		return nil, err
	}
	table, err := measures.EgoTable(ctx, ds, specs, opt)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "measures.csv")
	if err := writeOutput(path, nil, table.WriteCSV); err != nil {
		return nil, err
	}
	res.add(path, "measures of every person at each wave")

	// Change between the waves.
	cspecs, err := measures.ParseList(demoChange)
	if err != nil {
		return nil, err
	}
	change, err := measures.ChangeTable(ctx, ds, cspecs, measures.ChangeOptions{Table: opt})
	if err != nil {
		return nil, err
	}
	path = filepath.Join(dir, "change.csv")
	if err := writeOutput(path, nil, change.WriteCSV); err != nil {
		return nil, err
	}
	res.add(path, "change per person: alters kept, gained, lost; measures before, after")

	// The study in one table per wave.
	path = filepath.Join(dir, "summary.csv")
	if err := writeOutput(path, nil, measures.SummaryTable(ds).WriteCSV); err != nil {
		return nil, err
	}
	res.add(path, "the study per wave: people, alters, size, density")

	// Pictures: egograms, a before/after, distributions and change, in
	// one visual language (colours, shapes, rings and sectors of the
	// whole study).
	look := demoLook
	if look.Study, err = visualize.NewStudyStyle(ds, demoLook); err != nil {
		return nil, err
	}
	for _, id := range demoEgos {
		f, err := visualize.EgogramFigure(ds.Ego(id, "1"), look)
		if err != nil {
			return nil, err
		}
		path = filepath.Join(dir, "egogram_"+id+".png")
		if err := writeFigure(path, f); err != nil {
			return nil, err
		}
		res.add(path, "network map of "+id+" at wave 1")
	}
	gainer := mostGained(change, "bridging")
	f, err := visualize.BeforeAfterFigure(ds.Ego(gainer, "1"), ds.Ego(gainer, "2"), look)
	if err != nil {
		return nil, err
	}
	path = filepath.Join(dir, "before_after_"+gainer+".png")
	if err := writeFigure(path, f); err != nil {
		return nil, err
	}
	res.add(path, gainer+" before and after (largest gain in bridging ties)")
	for _, m := range []string{"size", "bridging"} {
		// Both waves on shared axes, so that they can be compared.
		waves := []string{"1", "2"}
		figs, err := visualize.HistogramFigures(m, waves, [][]float64{waveColumn(table, m, "1"), waveColumn(table, m, "2")}, visualize.HistogramOptions{})
		if err != nil {
			return nil, err
		}
		for i, w := range waves {
			path = filepath.Join(dir, m+"_wave"+w+".png")
			if err := writeFigure(path, figs[i]); err != nil {
				return nil, err
			}
			res.add(path, "distribution of "+m+" at wave "+w)
		}
		ids, before, after := changeColumns(change, m)
		f, err := visualize.ChangeFigure(m, ids, before, after, [2]string{"1", "2"})
		if err != nil {
			return nil, err
		}
		path = filepath.Join(dir, m+"_change.png")
		if err := writeFigure(path, f); err != nil {
			return nil, err
		}
		res.add(path, "change of "+m+" per person")
	}

	res.summary = demoSummary(measures.Summary(ds), change, table)
	if res.groups, res.types, err = demoAnalysis(ctx, ds, opt, dir, res); err != nil {
		return nil, err
	}
	if res.goals, err = demoGoals(ctx, ds, opt, dir, res); err != nil {
		return nil, err
	}
	return res, nil
}

// waveColumn returns the values of a measure column at one wave.
func waveColumn(t *measures.Table, col, wave string) []float64 {
	c := t.Column(col)
	var out []float64
	for r, key := range t.Keys {
		if key[1] == wave {
			out = append(out, t.Values[r][c])
		}
	}
	return out
}

// changeColumns returns the egos and the before and after values of a
// measure from a change table.
func changeColumns(t *measures.Table, m string) (ids []string, before, after []float64) {
	b, a := t.Column(m+":before"), t.Column(m+":after")
	for r, key := range t.Keys {
		ids = append(ids, key[0])
		before = append(before, t.Values[r][b])
		after = append(after, t.Values[r][a])
	}
	return ids, before, after
}

// mostGained returns the ego with the largest change of measure m (the
// first in table order on a tie).
func mostGained(t *measures.Table, m string) string {
	c := t.Column(m + ":change")
	best, id := math.Inf(-1), ""
	for r, key := range t.Keys {
		if x := t.Values[r][c]; x > best {
			best, id = x, key[0]
		}
	}
	return id
}

// demoSummary describes in five lines what changed between the waves.
func demoSummary(waves []measures.WaveSummary, change, table *measures.Table) []string {
	sum := func(col string) (s float64, n int) {
		c := change.Column(col)
		for r := range change.Keys {
			if x := change.Values[r][c]; !math.IsNaN(x) {
				s += x
				n++
			}
		}
		return s, n
	}
	kept, _ := sum("kept")
	gained, _ := sum("gained")
	lost, _ := sum("lost")
	jaccard, nj := sum("jaccard")
	meanAt := func(col, wave string) float64 {
		var s float64
		var n int
		for _, x := range waveColumn(table, col, wave) {
			if !math.IsNaN(x) {
				s += x
				n++
			}
		}
		return s / float64(n)
	}
	count := func(col, wave string) (k int) {
		for _, x := range waveColumn(table, col, wave) {
			if x == 1 {
				k++
			}
		}
		return k
	}
	var up, down int
	c := change.Column("bridging:change")
	for r := range change.Keys {
		switch x := change.Values[r][c]; {
		case x > 0:
			up++
		case x < 0:
			down++
		}
	}
	w1, w2 := waves[0], waves[1]
	return []string{
		fmt.Sprintf("people: %d at wave 1 (%d named nobody), %d at wave 2 (%d named nobody)", w1.Egos, w1.ZeroAlterEgos, w2.Egos, w2.ZeroAlterEgos),
		fmt.Sprintf("network size: mean %.2f at wave 1, %.2f at wave 2 (%+.2f)", w1.MeanSize, w2.MeanSize, w2.MeanSize-w1.MeanSize),
		fmt.Sprintf("alters: %.0f kept, %.0f gained, %.0f lost; mean Jaccard similarity of the two waves %.2f", kept, gained, lost, jaccard/float64(nj)),
		fmt.Sprintf("bridging ties (neighbours, groups): mean %.2f at wave 1, %.2f at wave 2; more for %d people, fewer for %d",
			meanAt("bridging", "1"), meanAt("bridging", "2"), up, down),
		fmt.Sprintf("LSNS-6 below 12 (risk of isolation): %d people at wave 1, %d at wave 2", count("lsns6_isolated", "1"), count("lsns6_isolated", "2")),
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "trajectories",
		summary: "measures per person per wave as a long table, and trajectory charts",
		usage: `Usage: sociogram trajectories --egos FILE --alters FILE [--ties FILE] --wave COL
       [--waves LIST] [--measures LIST] [--by ATTR] [--classify RULES.json]
       [--instruments FILE.json] [--chart FILE.png [--chart-measure M]]
       [--ego ID --ego-chart FILE.png [--rings COL] [--sectors COL]]
       [other input flags] [--format csv|json|parquet] [-o FILE]

Writes the measures of every person at every wave as a long table, one row
per person per wave at which the person was interviewed, people in order of
first appearance and each person's waves in order (--waves, default every
wave) — the layout growth-curve and multilevel models read (lme4's
lmer(size ~ occasion + (occasion | egoID)), statsmodels MixedLM):

  egoID,wave,[ATTR,]occasion,M1,M2,...

occasion numbers the waves 0, 1, 2, ... in the order of --waves. --by ATTR
adds the ego attribute ATTR (its value at the person's first wave) as a
column and groups the chart.

--chart draws the trajectory of one measure (--chart-measure, default the
first of --measures): one thin line per person, the mean with its 95%
confidence interval on top, one panel per group of --by. --ego ID
--ego-chart FILE draws that person's network maps at every wave side by
side (alters kept, gained, returned since the previous wave) and the
person's trajectory of each measure; --rings and --sectors give the maps'
rings and sectors (alter attributes).

Example:
  sociogram trajectories --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --measures size,density,bridging --classify rules.json \
      --by arm --chart size.png
`,
		run: runTrajectories,
	})
}

func runTrajectories(args []string, stdout, stderr io.Writer) error {
	fs, in, mf, cf := newSurveyFlags(commands["trajectories"], stderr)
	waves := fs.String("waves", "", "comma-separated `LIST` of waves in order (default: every wave in order)")
	by := fs.String("by", "", "ego `ATTR` to group by (its value at the person's first wave)")
	chart := fs.String("chart", "", "draw the trajectory chart into `FILE` (.png, .svg or .pdf)")
	chartMeasure := fs.String("chart-measure", "", "the `MEASURE` of --chart (default: the first of --measures)")
	ego := fs.String("ego", "", "the person `ID` of --ego-chart")
	egoChart := fs.String("ego-chart", "", "draw the person's maps at every wave and trajectories into `FILE`")
	rings := fs.String("rings", "", "alter `COLUMN` of the maps' rings (--ego-chart)")
	sectors := fs.String("sectors", "", "alter `COLUMN` of the maps' sectors (--ego-chart)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	if in.wave == "" {
		return usagef("trajectories needs --wave COL, the wave column of the egos table")
	}
	if (*ego == "") != (*egoChart == "") {
		return usagef("give --ego ID and --ego-chart FILE together")
	}
	measure := *chartMeasure
	if measure == "" && len(specs) > 0 {
		measure = specs[0].Column
	}
	if *chart != "" && !slices.ContainsFunc(specs, func(s measures.Spec) bool { return s.Column == measure }) {
		return usagef("--chart-measure %q is not among --measures", measure)
	}
	for _, p := range []string{*chart, *egoChart} {
		if p != "" {
			if _, err := figureFormat(p); err != nil {
				return err
			}
		}
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("trajectories needs survey data (--egos, --alters) with a wave column, not a whole network")
	}
	ds := src.ds
	var wl []string
	if *waves != "" {
		wl = splitList(*waves)
	}
	wl, err = measures.ChangeWaves(ds, wl)
	if errors.Is(err, measures.ErrWave) && len(wl) == 0 && ds.WaveColumn != "" && len(ds.Waves()) == 1 {
		wl, err = ds.Waves(), nil // one wave: a trajectory of one point is still a table
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in.egos, err)
	}
	if *by != "" {
		if _, ok := ds.EgoAttrs.Index(*by); !ok {
			return fmt.Errorf("%s: the egos table has no column %q for --by (ego attributes: %v)", in.egos, *by, ds.EgoAttrs.Names())
		}
	}
	prog, end := progress(stderr, "trajectories")
	opt, err := cf.options(ds, measures.TableOptions{Progress: prog, Types: in.tableTypes()})
	if err != nil {
		end()
		return err
	}
	mt, err := measures.EgoTable(context.Background(), ds, specs, opt)
	end()
	if err != nil {
		return err
	}
	tr := trajectoryTable(ds, mt, wl, "egoID", *by)
	if *chart != "" {
		f, err := visualize.TrajectoryFigure(measure, wl, trajectoryGroups(tr, measure, wl, *by))
		if err != nil {
			return err
		}
		if err := writeFigureAs(*chart, f); err != nil {
			return err
		}
	}
	if *egoChart != "" {
		nets := make([]*network.EgoNet, len(wl))
		found := false
		for i, w := range wl {
			nets[i] = ds.Ego(*ego, w)
			found = found || nets[i] != nil
		}
		if !found {
			return fmt.Errorf("%s: %w: no ego %q at waves %v", in.egos, network.ErrUnknownEgo, *ego, wl)
		}
		var series []visualize.MeasureSeries
		for c, s := range specs {
			ms := visualize.MeasureSeries{Name: s.Column, Values: make([]float64, len(wl))}
			for i, e := range nets {
				ms.Values[i] = math.NaN()
				if e != nil {
					ms.Values[i] = mt.Values[slices.Index(ds.Egos, e)][c]
				}
			}
			series = append(series, ms)
		}
		look := visualize.DrawOptions{EgogramOptions: visualize.EgogramOptions{Rings: *rings, Sectors: *sectors}}
		f, err := visualize.WavesFigure(wl, nets, series, look)
		if err != nil {
			return err
		}
		if err := writeFigureAs(*egoChart, f); err != nil {
			return err
		}
	}
	return mf.writeTable(stdout, tr, ds)
}

// trajectoryTable is the long table: one row per person per listed wave
// at which the person was interviewed, people in order of first
// appearance, then occasion and the measures.
func trajectoryTable(ds *network.Dataset, mt *measures.Table, waves []string, key, by string) *measures.Table {
	t := &measures.Table{KeyNames: []string{key, "wave"}, Columns: append([]string{"occasion"}, mt.Columns...)}
	if by != "" {
		t.KeyNames = append(t.KeyNames, by)
	}
	var ids []string
	rows := map[[2]string]int{}
	for r, e := range ds.Egos {
		if !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
		rows[[2]string{e.ID, e.Wave}] = r
	}
	for _, id := range ids {
		group := ""
		for k, w := range waves {
			r, ok := rows[[2]string{id, w}]
			if !ok {
				continue
			}
			key := []string{id, w}
			if by != "" {
				if group == "" {
					group = ds.Egos[r].EgoValue(by).String()
				}
				key = append(key, group)
			}
			t.Keys = append(t.Keys, key)
			t.Values = append(t.Values, append([]float64{float64(k)}, mt.Values[r]...))
		}
	}
	return t
}

// trajectoryGroups turns the long table into the chart's groups: each
// person's values of measure at every wave, and per group and wave the
// mean with its 95% CI (analysis.MeanCI).
func trajectoryGroups(t *measures.Table, measure string, waves []string, by string) []visualize.TrajectoryGroup {
	c := t.Column(measure)
	var groups []visualize.TrajectoryGroup
	index := map[string]int{}
	person := map[string]int{}
	for r, key := range t.Keys {
		g := ""
		if by != "" {
			g = by + " " + key[2]
		}
		gi, ok := index[g]
		if !ok {
			gi = len(groups)
			index[g] = gi
			groups = append(groups, visualize.TrajectoryGroup{Name: g})
		}
		pg := &groups[gi]
		pi, ok := person[key[0]]
		if !ok {
			pi = len(pg.People)
			person[key[0]] = pi
			vals := make([]float64, len(waves))
			for i := range vals {
				vals[i] = math.NaN()
			}
			pg.People = append(pg.People, visualize.Trajectory{ID: key[0], Values: vals})
		}
		pg.People[pi].Values[int(t.Values[r][0])] = t.Values[r][c]
	}
	for gi := range groups {
		g := &groups[gi]
		for w := range waves {
			var xs []float64
			for _, p := range g.People {
				if !math.IsNaN(p.Values[w]) {
					xs = append(xs, p.Values[w])
				}
			}
			m, lo, hi := analysis.MeanCI(xs)
			g.Mean, g.Low, g.High = append(g.Mean, m), append(g.Low, lo), append(g.High, hi)
		}
	}
	return groups
}

// figureFormat returns the image format of a picture path from its
// extension: png, svg or pdf.
func figureFormat(path string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if !slices.Contains(visualize.Formats(), ext) {
		return "", usagef("%s: unknown image extension %q (want .png, .svg or .pdf)", path, filepath.Ext(path))
	}
	return ext, nil
}

// writeFigureAs writes a figure atomically in the format its path's
// extension names.
func writeFigureAs(path string, f *visualize.Figure) error {
	format, err := figureFormat(path)
	if err != nil {
		return err
	}
	return writeOutput(path, nil, func(w io.Writer) error { return f.Write(w, format) })
}

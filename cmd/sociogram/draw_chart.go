package main

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/visualize"
)

// drawChart draws --chart MEASURE across egos: a histogram, or the change
// per ego with --before/--after.
func (d *drawFlags) drawChart(src *loaded) error {
	format, err := d.outFormat()
	if err != nil {
		return err
	}
	if format == "" {
		return usagef("--chart draws one FILE ending in .png, .svg or .pdf")
	}
	specs, err := measures.ParseList(d.chart)
	if err != nil {
		return usageError{err}
	}
	if len(specs) != 1 {
		return usagef("--chart takes one measure")
	}
	var t *measures.Table
	if src.g != nil {
		if d.before != "" {
			return usagef("--before/--after need survey data with waves")
		}
		t, err = measures.NodeTable(context.Background(), src.g, specs, src.table)
	} else {
		t, err = measures.EgoTable(context.Background(), src.ds, specs, src.table)
	}
	if err != nil {
		return err
	}
	waveCol := slices.Index(t.KeyNames, "wave")
	var f *visualize.Figure
	if d.before == "" {
		wave := d.atWave
		if wave == "" && src.ds != nil && len(src.ds.Waves()) > 0 {
			wave = src.ds.Waves()[0]
		}
		// Every wave's values, so that the chart of one wave has the axes
		// of the others: charts of two waves can be laid side by side.
		var waves []string
		byWave := map[string][]float64{}
		for r, row := range t.Values {
			w := ""
			if waveCol >= 0 {
				w = t.Keys[r][waveCol]
			}
			if _, ok := byWave[w]; !ok {
				waves = append(waves, w)
			}
			byWave[w] = append(byWave[w], row[0])
		}
		if _, ok := byWave[wave]; !ok {
			return fmt.Errorf("no values of %s at wave %q", d.chart, wave)
		}
		vals := make([][]float64, len(waves))
		for i, w := range waves {
			vals[i] = byWave[w]
		}
		opt := visualize.HistogramOptions{CutOffs: visualize.CutOffsOf(d.chart)}
		if src.g != nil {
			opt.Unit = "nodes"
		}
		var fs []*visualize.Figure
		if fs, err = visualize.HistogramFigures(d.chart, waves, vals, opt); err == nil {
			f = fs[slices.Index(waves, wave)]
		}
	} else {
		if waveCol < 0 {
			return usagef("--before/--after need a wave column (--wave COL)")
		}
		byKey := map[[2]string]float64{}
		var ids []string
		for r, row := range t.Values {
			id, w := t.Keys[r][0], t.Keys[r][waveCol]
			byKey[[2]string{id, w}] = row[0]
			if (w == d.before || w == d.after) && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		get := func(id, w string) float64 {
			if v, ok := byKey[[2]string{id, w}]; ok {
				return v
			}
			return math.NaN()
		}
		var b, a []float64
		for _, id := range ids {
			b = append(b, get(id, d.before))
			a = append(a, get(id, d.after))
		}
		f, err = visualize.ChangeFigure(d.chart, ids, b, a, [2]string{d.before, d.after})
	}
	if err != nil {
		return err
	}
	if d.title != "" {
		f.Title = d.title
	}
	return d.write(d.out, format, "", f)
}

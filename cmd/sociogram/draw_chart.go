package main

import (
	"context"
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
		var vals []float64
		for r, row := range t.Values {
			if waveCol >= 0 && t.Keys[r][waveCol] != wave {
				continue
			}
			vals = append(vals, row[0])
		}
		f, err = visualize.HistogramFigure(d.chart, vals, 0)
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

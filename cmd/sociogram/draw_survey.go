package main

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// studyStyle sets the run's visual language from the whole dataset: one
// colour and shape per category, the rings and sectors of the study, the
// scales of size (by an alter attribute) and tie width.
func (d *drawFlags) studyStyle(ds *network.Dataset) error {
	st := d.style(0)
	if _, has := ds.AlterAttrs.Index(d.size); has {
		st.Size = d.size
	}
	ss, err := visualize.NewStudyStyle(ds, visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: st})
	if err != nil {
		return err
	}
	d.study = ss
	return nil
}

// egoFigure returns the picture of one ego network in the run's style
// (d.study; nil: the ego's own dataset's).
func (d *drawFlags) egoFigure(e *network.EgoNet, alterAttrs *network.Schema) (*visualize.Figure, error) {
	if d.layout == "ecomap" {
		return d.ecomapFigure(e) // typedraw.go
	}
	_, has := alterAttrs.Index(d.size)
	if d.layout != "" && d.layout != "egogram" {
		st := d.style(len(e.Alters) + 1)
		if err := d.sizeBy(&st, has, e.Graph()); err != nil {
			return nil, err
		}
		st.SizeLo, st.SizeHi = d.sizeLo, d.sizeHi
		layout, _ := visualize.ParseLayout(d.layout)
		return visualize.EgoSociogramFigure(d.ctx, e, visualize.SociogramOptions{Style: st, Study: d.study, Layout: layout, Seed: d.seed, Title: d.title})
	}
	opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(len(e.Alters)), Study: d.study, Title: d.title}
	if err := d.sizeBy(&opt.Style, has, e.Graph()); err != nil {
		return nil, err
	}
	if opt.SizeValues != nil {
		opt.SizeValues = opt.SizeValues[:len(e.Alters)] // the ego is the last node
	}
	opt.SizeLo, opt.SizeHi = d.sizeLo, d.sizeHi
	return visualize.EgogramFigure(e, opt)
}

// sharedSizeScale sets the scale of --size MEASURE (a measure, not an
// attribute) from its values in every ego drawn (alters only in egograms,
// where the ego is not sized), so that all pictures of the run share it.
func (d *drawFlags) sharedSizeScale(ds *network.Dataset, egos []*network.EgoNet) error {
	if _, has := ds.AlterAttrs.Index(d.size); d.size == "" || has || d.before != "" {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range egos {
		var st visualize.Style
		if err := d.sizeBy(&st, false, e.Graph()); err != nil {
			return err
		}
		vals := st.SizeValues
		if d.layout == "" || d.layout == "egogram" {
			vals = vals[:len(e.Alters)]
		}
		for _, v := range vals {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if hi > lo {
		d.sizeLo, d.sizeHi = lo, hi
	}
	return nil
}

// selectEgos returns the egos to draw: --ego IDs in the order given, or
// every ego with --all, at the wave asked (the first wave by default).
func (d *drawFlags) selectEgos(ds *network.Dataset, wave string) ([]*network.EgoNet, error) {
	var out []*network.EgoNet
	if d.all {
		for _, e := range ds.Egos {
			if e.Wave == wave {
				out = append(out, e)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("no ego at wave %q", wave)
		}
		return out, nil
	}
	for _, id := range d.egos {
		e := ds.Ego(id, wave)
		if e == nil {
			if wave != "" {
				return nil, fmt.Errorf("%w: no ego %q at wave %q", network.ErrUnknownEgo, id, wave)
			}
			return nil, fmt.Errorf("%w: no ego %q", network.ErrUnknownEgo, id)
		}
		out = append(out, e)
	}
	return out, nil
}

// pairs returns the egos of --all with both --before and --after waves,
// and lists the others on standard error with the wave they lack.
func (d *drawFlags) pairs(ds *network.Dataset) []*network.EgoNet {
	var out []*network.EgoNet
	var skipped []string
	seen := map[string]bool{}
	for _, e := range ds.Egos {
		if seen[e.ID] || (e.Wave != d.before && e.Wave != d.after) {
			continue
		}
		seen[e.ID] = true
		b, a := ds.Ego(e.ID, d.before), ds.Ego(e.ID, d.after)
		switch {
		case b != nil && a != nil:
			out = append(out, b)
		case b == nil:
			skipped = append(skipped, fmt.Sprintf("%s (no interview at wave %s)", e.ID, d.before))
		default:
			skipped = append(skipped, fmt.Sprintf("%s (no interview at wave %s)", e.ID, d.after))
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(d.stderr, "draw: %d people present at both waves drawn; %d skipped: %s\n", len(out), len(skipped), strings.Join(skipped, ", "))
	}
	return out
}

// fileNames are the egos' file names in an output directory: EGO_wWAVE,
// with --before/--after EGO_wBEFORE-AFTER, made safe and unique by
// network.FileNames (issue 18: "A B" and "A_B" no longer collide, a wave
// "../x" stays inside the directory).
func (d *drawFlags) fileNames(egos []*network.EgoNet, format string) []string {
	keys := make([][]string, len(egos))
	for i, e := range egos {
		keys[i] = []string{e.ID}
		switch {
		case d.before != "":
			keys[i] = append(keys[i], "w"+e.Wave+"-"+d.after)
		case e.Wave != "":
			keys[i] = append(keys[i], "w"+e.Wave)
		}
	}
	return network.FileNames(keys, format)
}

// drawSurvey draws egograms or before/after pictures of survey data.
func (d *drawFlags) drawSurvey(ds *network.Dataset) error {
	if !d.all && len(d.egos) == 0 {
		return usagef("give --ego ID (repeatable) or --all")
	}
	format, err := d.outFormat()
	if err != nil {
		return err
	}
	waves := ds.Waves()
	wave := d.atWave
	if d.before != "" {
		wave = d.before
	}
	if wave == "" && len(waves) > 0 {
		wave = waves[0]
	}
	if wave != "" && !slices.Contains(waves, wave) {
		return fmt.Errorf("no wave %q in the data (waves: %s)", wave, strings.Join(waves, ", "))
	}
	if d.after != "" && !slices.Contains(waves, d.after) {
		return fmt.Errorf("no wave %q in the data (waves: %s)", d.after, strings.Join(waves, ", "))
	}
	if err := d.studyStyle(ds); err != nil {
		return err
	}
	if d.waves != "" {
		return d.drawWaves(ds, format)
	}
	var egos []*network.EgoNet
	if d.all && d.before != "" {
		if egos = d.pairs(ds); len(egos) == 0 {
			return fmt.Errorf("nobody has both wave %s and wave %s", d.before, d.after)
		}
	} else if egos, err = d.selectEgos(ds, wave); err != nil {
		return err
	}
	if err := d.sharedSizeScale(ds, egos); err != nil {
		return err
	}
	figure := func(e *network.EgoNet) (*visualize.Figure, error) {
		if d.before == "" {
			return d.egoFigure(e, ds.AlterAttrs)
		}
		after := ds.Ego(e.ID, d.after)
		if after == nil {
			return nil, fmt.Errorf("%w: ego %q has no wave %q", network.ErrUnknownEgo, e.ID, d.after)
		}
		if _, has := ds.AlterAttrs.Index(d.size); d.size != "" && !has {
			return nil, usagef("--size with --before/--after takes an alter attribute; %q is not one", d.size)
		}
		opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(len(e.Alters) + len(after.Alters)), Study: d.study, Title: d.title}
		return visualize.BeforeAfterFigure(e, after, opt)
	}
	if format != "" && len(egos) == 1 {
		f, err := figure(egos[0])
		if err != nil {
			return err
		}
		return d.write(d.out, format, "", f)
	}
	if format != "" {
		// Several egos into one file: a page of small multiples.
		if d.before != "" {
			return usagef("--before/--after for several egos needs -o DIR (one file per ego)")
		}
		if d.layout != "" && d.layout != "egogram" {
			return usagef("a page of several egos draws egograms; use -o DIR for other layouts")
		}
		if _, has := ds.AlterAttrs.Index(d.size); d.size != "" && !has {
			return usagef("--size on a page of several egos takes an alter attribute; %q is not one", d.size)
		}
		opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(0), Study: d.study, Title: d.title}
		opt.NoLabels = d.label == "" || d.label == "-"
		f, err := visualize.EgogramGrid(egos, opt)
		if err != nil {
			return err
		}
		return d.write(d.out, format, "", f)
	}
	dirFormat, err := d.dirFormat()
	if err != nil {
		return err
	}
	// One file per ego: draw them all first, so that nothing is written
	// when one fails.
	figs := make([]*visualize.Figure, len(egos))
	for i, e := range egos {
		if figs[i], err = figure(e); err != nil {
			return fmt.Errorf("ego %s: %w", e.ID, err)
		}
	}
	// The pictures go to a temporary directory beside d.out and are moved
	// in only when all are written: on failure (a full disk) d.out is as
	// it was.
	names := d.fileNames(egos, dirFormat)
	return writeDir(d.out, func(dir string) error {
		for i := range egos {
			if err := d.write(filepath.Join(dir, names[i]), dirFormat, strings.TrimSuffix(names[i], "."+dirFormat), figs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

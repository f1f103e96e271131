package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "draw",
		summary: "draw egograms, sociograms, before/after pictures and charts (PNG, SVG, PDF)",
		usage: `Usage: sociogram draw <input flags> [--ego ID ...|--all] [--at-wave W]
       [--before W --after W] [--layout egogram|force|circle|concentric]
       [--rings ATTR] [--num-rings N] [--ring-order A,B,..] [--reverse-rings] [--sectors ATTR]
       [--sector-order A,B,..] [--color ATTR] [--size ATTR|MEASURE]
       [--label ATTR|-] [--dashed TIE_ATTR] [--seed N] [--chart MEASURE]
       [--title TEXT] [--format png|svg|pdf] -o FILE|DIR

Survey data (--egos/--alters/--ties, --graphml DIR, --netcanvas DIR) draws
egograms: the ego at the centre, alters in rings by --rings (ordinal,
1 = innermost; --num-rings N fixes rings 1..N; --reverse-rings when a
larger value means closer) and in sectors by --sectors; alters with a
missing value go to an "unknown" ring or sector. One ego (--ego ID) goes
to -o FILE; several egos (--ego repeated or --all) go to one FILE as a
page of small multiples, or to a DIR as one file per ego (EGO.png,
EGO_wWAVE.png when the data has waves, EGO_wBEFORE-AFTER.png with
--before/--after). --layout force|circle|concentric draws the ego network
as a sociogram instead, the ego highlighted.

--before W --after W draws each ego's two waves side by side on the same
ring and sector frame, alters matched by ID and marked kept, lost, gained.
Without them, --at-wave W picks the wave to draw (default: the first wave).
(--wave names the wave column of the tables, as in egos and compare.)

A whole network (--edges/--nodes, --graphml FILE, --pajek) draws the
sociogram of the whole network (--layout force by default, or circle,
concentric), or with --ego ID the ego network of that node (its
neighbours and the ties among them; --layout egogram puts them in rings
and sectors by node attributes).

--color colours (and shapes) nodes by an attribute; --size sizes them by
a numeric attribute or, when no attribute has that name, by a measure
(e.g. degree-like "size", "constraint"), computed for every node of the
network drawn. --label names the label attribute ("-" for none; default
the IDs, or none above 60 nodes). --dashed draws ties dashed by a tie
attribute (solid for its first value).

--chart MEASURE draws the distribution of a measure across egos (a
histogram), or with --before/--after its change per ego (one arrow per ego).

The format is taken from the extension of -o (.png, .svg, .pdf), or from
--format when -o is a directory or - (standard output). Output is byte-identical for identical
input; nothing is written when drawing fails.

Examples:
  sociogram draw --egos egos.csv --alters alters.csv --ties aaties.csv \
      --ego P1 --rings closeness --sectors role --color role -o P1.png
  sociogram draw --egos egos.csv --alters alters.csv --wave wave --ego P1 \
      --before 1 --after 2 --rings closeness --sectors role -o P1_change.pdf
  sociogram draw --edges edges.csv --nodes people.csv --color group \
      --size constraint --seed 7 -o network.svg
`,
		run: runDraw,
	})
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type drawFlags struct {
	egos                   listFlag
	all                    bool
	atWave, before, after  string
	layout                 string
	rings, sectors         string
	ringOrder, sectorOrder string
	reverseRings           bool
	numRings               int
	color, size, label     string
	dashed, chart, title   string
	format, out            string
	seed                   uint64
	stdout                 io.Writer
}

func runDraw(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["draw"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addWhole(fs)
	in.addCommon(fs)
	d := drawFlags{stdout: stdout}
	fs.Var(&d.egos, "ego", "draw the ego (survey) or node (whole network) with this `ID`; repeat for several")
	fs.BoolVar(&d.all, "all", false, "draw every ego")
	fs.StringVar(&d.atWave, "at-wave", "", "the `WAVE` to draw (default: the first wave)")
	fs.StringVar(&d.before, "before", "", "draw the change from this `WAVE` ...")
	fs.StringVar(&d.after, "after", "", "... to this `WAVE` (with --before)")
	fs.StringVar(&d.layout, "layout", "", "`LAYOUT`: egogram (survey default), force (whole-network default), circle or concentric")
	fs.StringVar(&d.rings, "rings", "", "alter `ATTR` giving the ring (ordinal, 1 = innermost)")
	fs.StringVar(&d.ringOrder, "ring-order", "", "ring values innermost first, comma-separated `LIST`")
	fs.BoolVar(&d.reverseRings, "reverse-rings", false, "put the largest ring value innermost")
	fs.IntVar(&d.numRings, "num-rings", 0, "`N` rings 1..N for an integer ring attribute (default: from the data)")
	fs.StringVar(&d.sectors, "sectors", "", "alter `ATTR` giving the sector (categorical)")
	fs.StringVar(&d.sectorOrder, "sector-order", "", "sector values clockwise from the top, comma-separated `LIST`")
	fs.StringVar(&d.color, "color", "", "node `ATTR` to colour (and shape) nodes by")
	fs.StringVar(&d.size, "size", "", "numeric node `ATTR` or MEASURE to size nodes by")
	fs.StringVar(&d.label, "label", "", "node `ATTR` to label nodes with (\"-\" for none; default the IDs)")
	fs.StringVar(&d.dashed, "dashed", "", "tie `ATTR`: ties with its first value solid, others dashed")
	fs.StringVar(&d.chart, "chart", "", "draw a chart of `MEASURE` across egos instead of networks")
	fs.StringVar(&d.title, "title", "", "figure `TITLE`")
	fs.Uint64Var(&d.seed, "seed", 1, "random `SEED` of the force-directed layout")
	fs.StringVar(&d.format, "format", "", "image `FORMAT` when -o is a directory: png (default), svg or pdf")
	fs.StringVar(&d.out, "o", "", "output `FILE` (.png, .svg, .pdf) or DIR")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if d.out == "" {
		return usagef("-o FILE or DIR is required")
	}
	if (d.before == "") != (d.after == "") {
		return usagef("--before and --after go together")
	}
	if d.before != "" && d.atWave != "" {
		return usagef("give --at-wave or --before/--after, not both")
	}
	if d.all && len(d.egos) > 0 {
		return usagef("give --ego or --all, not both")
	}
	switch d.layout {
	case "", "egogram", visualize.LayoutForce, visualize.LayoutCircle, visualize.LayoutConcentric:
	default:
		return usagef("unknown --layout %q (want egogram, force, circle or concentric)", d.layout)
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if d.chart != "" {
		return d.drawChart(src)
	}
	if src.g != nil {
		return d.drawWhole(src.g)
	}
	return d.drawSurvey(src.ds)
}

// outFormat returns the image format of -o FILE, or "" when -o names a
// directory (no image extension).
func (d *drawFlags) outFormat() (string, error) {
	if d.out == "-" {
		// Standard output: one picture, in --format (default png).
		return d.dirFormat()
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(d.out)), ".")
	if slices.Contains(visualize.Formats, ext) {
		if d.format != "" && d.format != ext {
			return "", usagef("--format %s does not match -o %s", d.format, d.out)
		}
		return ext, nil
	}
	if ext != "" {
		return "", usagef("-o %s: unknown image extension .%s (want .png, .svg or .pdf, or a directory)", d.out, ext)
	}
	return "", nil
}

// dirFormat is the format of the files written into a directory.
func (d *drawFlags) dirFormat() (string, error) {
	switch d.format {
	case "":
		return "png", nil
	case "png", "svg", "pdf":
		return d.format, nil
	}
	return "", usagef("unknown --format %q (want png, svg or pdf)", d.format)
}

func (d *drawFlags) style(n int) visualize.Style {
	st := visualize.Style{Color: d.color, Dashed: d.dashed}
	switch d.label {
	case "-":
		st.NoLabels = true
	case "":
		st.NoLabels = n > 60
	default:
		st.Label = d.label
	}
	return st
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(s, ",")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

func (d *drawFlags) egogramOptions() visualize.EgogramOptions {
	return visualize.EgogramOptions{Rings: d.rings, RingOrder: splitList(d.ringOrder), ReverseRings: d.reverseRings, NumRings: d.numRings,
		Sectors: d.sectors, SectorOrder: splitList(d.sectorOrder)}
}

// sizeBy fills st's size fields: a node attribute when one has that name
// (exists reports it), else a measure computed on g for every node.
func (d *drawFlags) sizeBy(st *visualize.Style, exists bool, g *network.Graph) error {
	if d.size == "" {
		return nil
	}
	if exists {
		st.Size = d.size
		return nil
	}
	specs, err := measures.ParseList(d.size)
	if err != nil {
		return usagef("--size %s: no such attribute, and not a measure: %v", d.size, err)
	}
	t, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{Workers: 1})
	if err != nil {
		return err
	}
	st.SizeValues = make([]float64, t.Len())
	for i, row := range t.Values {
		st.SizeValues[i] = row[0]
	}
	st.SizeName = d.size
	return nil
}

// write draws f to path atomically in format ("-": standard output).
func (d *drawFlags) write(path, format string, f *visualize.Figure) error {
	return writeOutput(path, d.stdout, func(w io.Writer) error { return f.Write(w, format) })
}

// maxDrawNodes is the largest whole network draw lays out (the
// force-directed layout of 20,000 nodes takes about a minute).
const maxDrawNodes = 20000

// drawWhole draws a whole network, or the ego network of --ego.
func (d *drawFlags) drawWhole(g *network.Graph) error {
	if d.all || len(d.egos) > 1 {
		return usagef("a whole network draws as one sociogram, or the ego network of one --ego")
	}
	if d.before != "" || d.atWave != "" {
		return usagef("--at-wave, --before and --after need survey data with waves")
	}
	format, err := d.outFormat()
	if err != nil {
		return err
	}
	if format == "" {
		return usagef("-o %s: a whole network draws to one FILE ending in .png, .svg or .pdf", d.out)
	}
	highlight := -1
	if len(d.egos) == 1 {
		v, ok := g.Lookup(d.egos[0])
		if !ok {
			return fmt.Errorf("%w: no node %q in the network", network.ErrUnknownNode, d.egos[0])
		}
		if d.layout == "egogram" {
			e := network.EgoNetOf(g, v)
			return d.drawEgogram(e, g.Attrs(), format, d.out)
		}
		g, highlight = network.Extract(g, v, 1)
	} else if d.layout == "egogram" {
		return usagef("--layout egogram needs an ego: give --ego ID")
	} else if g.Order() > maxDrawNodes {
		return fmt.Errorf("the network has %d nodes, too many to draw legibly (at most %d); draw the ego network of one node with --ego ID", g.Order(), maxDrawNodes)
	}
	_, has := g.Attrs().Index(d.size)
	st := d.style(g.Order())
	if err := d.sizeBy(&st, has, g); err != nil {
		return err
	}
	title := d.title
	if title == "" && highlight >= 0 {
		title = "ego network of " + d.egos[0]
	}
	f, err := visualize.SociogramFigure(g, visualize.SociogramOptions{Style: st, Layout: d.layout, Seed: d.seed, Title: title, Highlight: highlight})
	if err != nil {
		return err
	}
	return d.write(d.out, format, f)
}

// drawEgogram draws one ego network (egogram or sociogram layout) to path.
func (d *drawFlags) drawEgogram(e *network.EgoNet, alterAttrs *network.Schema, format, path string) error {
	f, err := d.egoFigure(e, alterAttrs)
	if err != nil {
		return err
	}
	return d.write(path, format, f)
}

// egoFigure returns the picture of one ego network.
func (d *drawFlags) egoFigure(e *network.EgoNet, alterAttrs *network.Schema) (*visualize.Figure, error) {
	_, has := alterAttrs.Index(d.size)
	if d.layout != "" && d.layout != "egogram" {
		st := d.style(len(e.Alters) + 1)
		if err := d.sizeBy(&st, has, e.Graph()); err != nil {
			return nil, err
		}
		// The ego graph has no node attributes: draw a copy with the
		// alters' attributes, nodes in the same order (alters, then ego).
		g := attributed(e)
		title := d.title
		if title == "" {
			title = "ego " + e.ID
			if e.Wave != "" {
				title += ", wave " + e.Wave
			}
		}
		return visualize.SociogramFigure(g, visualize.SociogramOptions{Style: st, Layout: d.layout, Seed: d.seed, Title: title, Highlight: e.EgoNode()})
	}
	opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(len(e.Alters)), Title: d.title}
	if err := d.sizeBy(&opt.Style, has, e.Graph()); err != nil {
		return nil, err
	}
	if opt.SizeValues != nil {
		opt.SizeValues = opt.SizeValues[:len(e.Alters)] // the ego is the last node
	}
	return visualize.EgogramFigure(e, opt)
}

// attributed returns e's ego graph with the alters' attributes as node
// attributes (the ego's row empty).
func attributed(e *network.EgoNet) *network.Graph {
	ds := e.Dataset()
	b := network.NewBuilder(e.Directed(), ds.AlterWeighted || ds.TieWeighted)
	names := ds.AlterAttrs.Names()
	for _, n := range names {
		b.DeclareAttr(n)
	}
	for _, a := range e.Alters {
		v := b.Node(a.ID)
		for i, n := range names {
			b.SetAttr(v, n, a.Attrs.At(i))
		}
	}
	ego := b.Node(e.ID + " (ego)")
	for i, a := range e.Alters {
		_ = b.AddEdge(ego, i, a.Weight)
	}
	for _, t := range e.Ties {
		_ = b.AddEdge(t.From, t.To, t.Weight)
	}
	g, _ := b.Build()
	return g
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

// fileName is one ego's file name in an output directory (EGO_wWAVE.format),
// made safe by network.FileNames.
func fileName(e *network.EgoNet, format string) string {
	key := []string{e.ID}
	if e.Wave != "" {
		key = append(key, "w"+e.Wave)
	}
	return network.FileNames([][]string{key}, format)[0]
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
	egos, err := d.selectEgos(ds, wave)
	if err != nil {
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
		opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(len(e.Alters) + len(after.Alters)), Title: d.title}
		if _, has := ds.AlterAttrs.Index(d.size); d.size != "" && !has {
			return nil, usagef("--size with --before/--after takes an alter attribute; %q is not one", d.size)
		}
		opt.Size = d.size
		return visualize.BeforeAfterFigure(e, after, opt)
	}
	if format != "" && len(egos) == 1 {
		f, err := figure(egos[0])
		if err != nil {
			return err
		}
		return d.write(d.out, format, f)
	}
	if format != "" {
		// Several egos into one file: a page of small multiples.
		if d.before != "" {
			return usagef("--before/--after for several egos needs -o DIR (one file per ego)")
		}
		if d.layout != "" && d.layout != "egogram" {
			return usagef("a page of several egos draws egograms; use -o DIR for other layouts")
		}
		opt := visualize.DrawOptions{EgogramOptions: d.egogramOptions(), Style: d.style(0), Title: d.title}
		opt.NoLabels = d.label == "" || d.label == "-"
		if d.label != "" && d.label != "-" {
			opt.Label = d.label
		}
		if d.size != "" {
			if _, has := ds.AlterAttrs.Index(d.size); !has {
				return usagef("--size on a page of several egos takes an alter attribute; %q is not one", d.size)
			}
			opt.Size = d.size
		}
		f, err := visualize.EgogramGrid(egos, opt)
		if err != nil {
			return err
		}
		return d.write(d.out, format, f)
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
			if err := d.write(filepath.Join(dir, names[i]), dirFormat, figs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

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
		t, err = measures.NodeTable(context.Background(), src.g, specs, measures.TableOptions{})
	} else {
		t, err = measures.EgoTable(context.Background(), src.ds, specs, measures.TableOptions{})
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
	return d.write(d.out, format, f)
}

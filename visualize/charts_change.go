package visualize

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// shapeGlyph draws a plotter glyph with one of the figure's node shapes,
// so that chart markers match the network pictures.
type shapeGlyph struct {
	shape  Shape
	fill   color.Color
	dashed bool
}

// DrawGlyph implements draw.GlyphDrawer.
func (g shapeGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	out := draw.LineStyle{Color: color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}, Width: vg.Points(0.8)}
	if g.dashed {
		out.Dashes = []vg.Length{vg.Points(2), vg.Points(1.5)}
	}
	drawShape(c, g.shape, pt, sty.Radius, g.fill, out)
}

// lineThumb is a legend thumbnail of a line, optionally with a marker.
type lineThumb struct {
	style draw.LineStyle
	glyph *shapeGlyph
}

// Thumbnail implements plot.Thumbnailer.
func (t lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	if t.style.Width > 0 {
		c.StrokeLine2(t.style, c.Min.X, y, c.Max.X, y)
	}
	if t.glyph != nil {
		t.glyph.DrawGlyph(c, draw.GlyphStyle{Radius: vg.Points(3.5)}, c.Center())
	}
}

// Looks of the charts of change. Lines are black and grey, so that colour
// keeps one meaning (the wave, or the alter's status) in each picture.
var (
	personLine   = draw.LineStyle{Color: color.NRGBA{R: 0x60, G: 0x60, B: 0x60, A: 0x70}, Width: vg.Points(0.8)}
	meanLine     = draw.LineStyle{Color: color.Black, Width: vg.Points(2.2)}
	ciLine       = draw.LineStyle{Color: color.Black, Width: vg.Points(1.2)}
	expectedLine = draw.LineStyle{Color: GuideColor, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	baselineLook = shapeGlyph{shape: ShapeCircle, fill: color.White}
	firstLook    = NodeThumb{Color: color.White, Shape: ShapeCircle}
	returnedLook = NodeThumb{Color: okabeIto[5], Shape: ShapeDiamond}
)

// waveLook is the marker of the k-th follow-up wave (k ≥ 1) in the goals
// picture.
func waveLook(k int) shapeGlyph {
	return shapeGlyph{shape: ShapeOf(k), fill: ColorOf(okabeIto, k-1)}
}

// Trajectory is one person's values of a measure at each wave (NaN where
// the person was not interviewed or the measure is undefined).
type Trajectory struct {
	ID     string
	Values []float64
}

// TrajectoryGroup is a group of people's trajectories and, at each wave,
// their mean and its confidence interval (NaN where undefined), computed
// by the caller (e.g. analysis.MeanCI).
type TrajectoryGroup struct {
	Name            string
	People          []Trajectory
	Mean, Low, High []float64
}

// TrajectoryFigure draws a measure across waves: one thin translucent grey
// line per person (a dot for a value without a neighbouring one; lines of
// people with the same values overlap and darken), and on top the
// mean (thick black line) with its confidence interval (black bars), one
// panel per group on a shared scale. It fails when the groups' values are
// not aligned with waves or no value is defined.
func TrajectoryFigure(measure string, waves []string, groups []TrajectoryGroup) (*Figure, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, g := range groups {
		if len(g.Mean) != len(waves) || len(g.Low) != len(waves) || len(g.High) != len(waves) {
			return nil, fmt.Errorf("trajectory chart of %s: group %q has %d means for %d waves", measure, g.Name, len(g.Mean), len(waves))
		}
		for _, p := range g.People {
			if len(p.Values) != len(waves) {
				return nil, fmt.Errorf("trajectory chart of %s: %s has %d values for %d waves", measure, p.ID, len(p.Values), len(waves))
			}
			for _, x := range p.Values {
				if !math.IsNaN(x) {
					lo, hi = math.Min(lo, x), math.Max(hi, x)
				}
			}
		}
		for _, xs := range [][]float64{g.Low, g.High, g.Mean} {
			for _, x := range xs {
				if !math.IsNaN(x) {
					lo, hi = math.Min(lo, x), math.Max(hi, x)
				}
			}
		}
	}
	if math.IsInf(lo, 1) {
		return nil, fmt.Errorf("trajectory chart of %s: no defined values", measure)
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	counts := true // every person's value a whole number: one tick per count
	for _, g := range groups {
		for _, p := range g.People {
			for _, x := range p.Values {
				counts = counts && (math.IsNaN(x) || x == math.Trunc(x))
			}
		}
	}
	f := &Figure{Title: measure + " by wave", Columns: len(groups)}
	for _, g := range groups {
		p := chartPanel("wave", measure)
		p.Title.Text = fmt.Sprintf("%s (%d people)", g.Name, len(g.People))
		if len(groups) == 1 && g.Name == "" {
			p.Title.Text = fmt.Sprintf("%d people", len(g.People))
		}
		p.Title.TextStyle.Font = p.X.Label.TextStyle.Font
		p.NominalX(waves...)
		// No grid: its lines would read as people's lines.
		for _, person := range g.People {
			if err := addPath(p, person.Values, personLine, nil); err != nil {
				return nil, err
			}
		}
		for i := range waves {
			if math.IsNaN(g.Low[i]) || math.IsNaN(g.High[i]) {
				continue
			}
			bar, err := plotter.NewLine(plotter.XYs{{X: float64(i), Y: g.Low[i]}, {X: float64(i), Y: g.High[i]}})
			if err != nil {
				return nil, err
			}
			bar.LineStyle = ciLine
			p.Add(bar)
		}
		glyph := shapeGlyph{shape: ShapeCircle, fill: color.Black}
		if err := addPath(p, g.Mean, meanLine, &glyph); err != nil {
			return nil, err
		}
		p.Y.Min, p.Y.Max = lo, hi
		if counts && hi-lo <= 20 {
			p.Y.Tick.Marker = countTicks{}
		}
		p.X.Min, p.X.Max = -0.3, float64(len(waves)-1)+0.3
		f.Panels = append(f.Panels, p)
	}
	f.Legend = []LegendEntry{
		{Text: "one person", Thumbs: []plot.Thumbnailer{lineThumb{style: personLine}}},
		{Text: "mean", Thumbs: []plot.Thumbnailer{lineThumb{style: meanLine, glyph: &shapeGlyph{shape: ShapeCircle, fill: color.Black}}}},
		{Text: "95% CI of the mean", Thumbs: []plot.Thumbnailer{ciThumb{}}},
	}
	f.Note = "lines of people with the same values overlap and darken"
	f.Width = max(SingleWidth, vg.Points(80+260*float64(len(groups))))
	return f, nil
}

// ciThumb is the legend thumbnail of a confidence interval bar.
type ciThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (ciThumb) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(ciLine, x, c.Min.Y, x, c.Max.Y)
}

// addPath adds a line through the defined values of vs at x = 0, 1, …,
// broken where a value is NaN; a defined value with no defined neighbour
// gets a dot, and every point glyph when glyph is not nil.
func addPath(p *plot.Plot, vs []float64, sty draw.LineStyle, glyph *shapeGlyph) error {
	var run plotter.XYs
	flush := func() error {
		switch {
		case len(run) > 1:
			l, err := plotter.NewLine(run)
			if err != nil {
				return err
			}
			l.LineStyle = sty
			p.Add(l)
		case len(run) == 1 && glyph == nil:
			s, err := plotter.NewScatter(run)
			if err != nil {
				return err
			}
			s.GlyphStyle = draw.GlyphStyle{Color: sty.Color, Radius: sty.Width * 1.6, Shape: draw.CircleGlyph{}}
			p.Add(s)
		}
		run = nil
		return nil
	}
	for i, x := range vs {
		if math.IsNaN(x) {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		run = append(run, plotter.XY{X: float64(i), Y: x})
	}
	if err := flush(); err != nil {
		return err
	}
	if glyph != nil {
		var pts plotter.XYs
		for i, x := range vs {
			if !math.IsNaN(x) {
				pts = append(pts, plotter.XY{X: float64(i), Y: x})
			}
		}
		if len(pts) > 0 {
			s, err := plotter.NewScatter(pts)
			if err != nil {
				return err
			}
			s.GlyphStyle = draw.GlyphStyle{Radius: vg.Points(3.5), Shape: *glyph}
			p.Add(s)
		}
	}
	return nil
}

// GoalPerson is one person's goals for the goals picture: each goal's
// level at the baseline and at each follow-up wave.
type GoalPerson struct {
	EgoID string
	// Waves are the baseline then the follow-up waves.
	Waves []string
	Goals []GoalRow
	// T is the GAS T-score at each wave (NaN where none).
	T []float64
}

// GoalRow is one goal and its levels, −2..2 or NaN (not scored), aligned
// with GoalPerson.Waves.
type GoalRow struct {
	Goal, Description string
	Weight            float64
	Levels            []float64
}

// GoalsFigure draws one person's goals: a row per goal (the first on top,
// labelled with its name, description and weight), the attainment level across (−2 much less
// than expected … 0 expected, dashed … +2 much more), a hollow circle at
// the baseline level and one marker per follow-up wave (colour and shape
// by wave), joined in wave order; markers of one goal are spread a little
// vertically so that equal levels do not hide each other. Goals not
// scored at a wave are listed in the note. It fails when levels are not
// aligned with the waves or the person has no goals.
func GoalsFigure(p GoalPerson) (*Figure, error) {
	if len(p.Goals) == 0 {
		return nil, fmt.Errorf("goals picture of %s: no goals", p.EgoID)
	}
	if len(p.Waves) < 1 {
		return nil, fmt.Errorf("goals picture of %s: no waves", p.EgoID)
	}
	n, nw := len(p.Goals), len(p.Waves)
	names := make([]string, n)
	var unscored []string
	pl := chartPanel("level of attainment (0 = expected)", "")
	exp, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(n) - 0.5}})
	if err != nil {
		return nil, err
	}
	exp.LineStyle = expectedLine
	pl.Add(exp)
	offset := func(k int) float64 {
		if nw == 1 {
			return 0
		}
		return 0.22 - 0.44*float64(k)/float64(nw-1)
	}
	for i, g := range p.Goals {
		if len(g.Levels) != nw {
			return nil, fmt.Errorf("goals picture of %s: goal %q has %d levels for %d waves", p.EgoID, g.Goal, len(g.Levels), nw)
		}
		y := float64(n - 1 - i)
		label := g.Goal
		if g.Description != "" && g.Description != g.Goal {
			label += ": " + g.Description
		}
		names[n-1-i] = fmt.Sprintf("%s (w %s)", label, strconv.FormatFloat(g.Weight, 'g', 4, 64))
		var path plotter.XYs
		for k, x := range g.Levels {
			if math.IsNaN(x) {
				unscored = append(unscored, g.Goal+" at wave "+p.Waves[k])
				continue
			}
			path = append(path, plotter.XY{X: x, Y: y + offset(k)})
		}
		if len(path) > 1 {
			l, err := plotter.NewLine(path)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: EdgeColor, Width: vg.Points(1)}
			pl.Add(l)
		}
		for k, x := range g.Levels {
			if math.IsNaN(x) {
				continue
			}
			s, err := plotter.NewScatter(plotter.XYs{{X: x, Y: y + offset(k)}})
			if err != nil {
				return nil, err
			}
			glyph := baselineLook
			if k > 0 {
				glyph = waveLook(k)
			}
			s.GlyphStyle = draw.GlyphStyle{Radius: vg.Points(5), Shape: glyph}
			pl.Add(s)
		}
	}
	pl.NominalY(names...)
	pl.X.Min, pl.X.Max = -2.5, 2.5
	pl.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{
		{Value: -2, Label: "-2"}, {Value: -1, Label: "-1"}, {Value: 0, Label: "0"}, {Value: 1, Label: "+1"}, {Value: 2, Label: "+2"}})
	f := &Figure{Title: "goals of " + p.EgoID, Panels: []*plot.Plot{pl}}
	if len(p.T) == nw {
		var ts []string
		for k, t := range p.T {
			if k > 0 {
				ts = append(ts, fmt.Sprintf("wave %s: %s", p.Waves[k], tText(t)))
			}
		}
		if len(ts) > 0 {
			f.Title += " (GAS T " + strings.Join(ts, ", ") + ")"
		}
	}
	f.Legend = []LegendEntry{{Text: "baseline, wave " + p.Waves[0], Thumbs: []plot.Thumbnailer{lineThumb{glyph: &baselineLook}}}}
	for k := 1; k < nw; k++ {
		g := waveLook(k)
		f.Legend = append(f.Legend, LegendEntry{Text: "wave " + p.Waves[k], Thumbs: []plot.Thumbnailer{lineThumb{glyph: &g}}})
	}
	f.Legend = append(f.Legend, LegendEntry{Text: "expected outcome", Thumbs: []plot.Thumbnailer{lineThumb{style: expectedLine}}})
	if len(unscored) > 0 {
		f.Note = "not scored: " + strings.Join(unscored, "; ")
	}
	f.Width, f.Height = SingleWidth, max(vg.Points(260), vg.Points(44*float64(n)+110))
	return f, nil
}

func tText(t float64) string {
	if math.IsNaN(t) {
		return "NA"
	}
	return strconv.FormatFloat(t, 'f', 1, 64)
}

// MeasureSeries is one measure of one person at each wave (NaN where
// undefined or not interviewed), for WavesFigure.
type MeasureSeries struct {
	Name   string
	Values []float64
}

// LayoutEgogramWaves lays out several waves of one ego on one frame, as
// LayoutEgogramPair does for two: the alters of every wave are laid out
// together (LayoutEgogram on their union, matched by ID and cell, ties of
// every wave included), so an alter that stays in its ring and sector
// keeps its place in every panel. ins and ids are aligned, one per wave.
func LayoutEgogramWaves(ins []EgogramInput, ids [][]string) []*Egogram {
	type key struct {
		id           string
		ring, sector int
	}
	var union EgogramInput
	if len(ins) > 0 {
		union.Rings, union.Sectors = ins[0].Rings, ins[0].Sectors
	}
	index := map[key]int{}
	maps := make([][]int, len(ins))
	for w, in := range ins {
		idx := make([]int, len(in.Ring))
		for i := range in.Ring {
			k := key{ids[w][i], in.Ring[i], in.Sector[i]}
			u, ok := index[k]
			if !ok {
				u = len(union.Ring)
				index[k] = u
				union.Ring = append(union.Ring, in.Ring[i])
				union.Sector = append(union.Sector, in.Sector[i])
			}
			idx[i] = u
		}
		for _, t := range in.Ties {
			if t[0] >= 0 && t[1] >= 0 && t[0] < len(idx) && t[1] < len(idx) {
				union.Ties = append(union.Ties, [2]int{idx[t[0]], idx[t[1]]})
			}
		}
		maps[w] = idx
	}
	u := LayoutEgogram(union)
	out := make([]*Egogram, len(ins))
	for w, idx := range maps {
		g := &Egogram{Rings: u.Rings, Sectors: u.Sectors, EgoRadius: u.EgoRadius, RingWidth: u.RingWidth,
			Alters: make([]r2.Vec, len(idx)), Ring: make([]int, len(idx)), Sector: make([]int, len(idx))}
		for i, k := range idx {
			g.Alters[i], g.Ring[i], g.Sector[i] = u.Alters[k], u.Ring[k], u.Sector[k]
		}
		out[w] = g
	}
	return out
}

// WavesFigure draws one person's network at several waves as small
// multiples on one frame (LayoutEgogramWaves: an alter who stays in its
// ring and sector stays in place), and, when series are given, the
// person's trajectory of each measure in panels after the maps. nets are
// the person's networks at waves (nil where not interviewed: the panel
// says so). At the first wave every alter is a white circle; later, each
// alter shows its status since the person's previous interview (see
// measures.WaveChanges): kept (blue circle), gained (green triangle),
// returned — named at an earlier wave, absent at the previous one —
// (purple diamond); lost alters are counted in the panel title. Style.Color
// is not used (colour shows the change); size and labels are.
func WavesFigure(waves []string, nets []*network.EgoNet, series []MeasureSeries, opt DrawOptions) (*Figure, error) {
	if len(waves) != len(nets) || len(waves) == 0 {
		return nil, fmt.Errorf("waves picture: %d waves, %d networks", len(waves), len(nets))
	}
	var first *network.EgoNet
	for _, e := range nets {
		if e != nil && first == nil {
			first = e
		}
	}
	if first == nil {
		return nil, fmt.Errorf("waves picture: the person was not interviewed at any of the waves %s", strings.Join(waves, ", "))
	}
	panels, legend, note, err := wavesNetworks(waves, nets, first, opt)
	if err != nil {
		return nil, err
	}
	f := &Figure{Title: "ego " + first.ID + " across waves " + strings.Join(waves, ", "), Isotropic: true}
	for _, wp := range panels {
		p := newPanel(wp.title)
		if wp.net != nil {
			p.Add(wp.net)
		}
		f.Panels = append(f.Panels, p)
	}
	f.Legend = append(legend,
		LegendEntry{Text: "alters, since the previous wave"},
		LegendEntry{Text: "first wave drawn", Thumbs: []plot.Thumbnailer{firstLook}},
		LegendEntry{Text: Kept, Thumbs: []plot.Thumbnailer{keptLook}},
		LegendEntry{Text: Gained + " (new)", Thumbs: []plot.Thumbnailer{gainedLook}},
		LegendEntry{Text: "returned (named before)", Thumbs: []plot.Thumbnailer{returnedLook}},
	)
	f.Note = note
	cols := len(waves)
	for _, s := range series {
		if len(s.Values) != len(waves) {
			return nil, fmt.Errorf("waves picture: measure %s has %d values for %d waves", s.Name, len(s.Values), len(waves))
		}
		p, err := seriesPanel(s, waves)
		if err != nil {
			return nil, err
		}
		f.Panels = append(f.Panels, p)
	}
	f.Columns = cols
	rows := (len(f.Panels) + cols - 1) / cols
	f.Width = vg.Points(300*float64(cols) + 170)
	f.Height = vg.Points(300*float64(rows) + 40)
	return f, nil
}

// wavePanel is one panel of WavesFigure: its title and network (nil when
// the person was not interviewed).
type wavePanel struct {
	title string
	net   *Network
}

// wavesNetworks lays out and styles the maps of WavesFigure.
func wavesNetworks(waves []string, nets []*network.EgoNet, first *network.EgoNet, opt DrawOptions) ([]wavePanel, []LegendEntry, string, error) {
	// Statuses since the previous interview, from the library's changes.
	changes, err := measures.WaveChanges(first.Dataset(), waves, "")
	if err != nil {
		return nil, nil, "", err
	}
	byTo := map[string]*measures.EgoChange{}
	for i := range changes {
		if c := &changes[i]; c.EgoID == first.ID && c.Present() {
			byTo[c.To] = c
		}
	}
	var ins []EgogramInput
	var ids [][]string
	var drawn []int
	for w, e := range nets {
		if e == nil {
			continue
		}
		in, err := EgogramInputOf(e, opt.EgogramOptions)
		if err != nil {
			return nil, nil, "", err
		}
		ins, ids, drawn = append(ins, in), append(ids, alterIDs(e)), append(drawn, w)
	}
	layouts := LayoutEgogramWaves(ins, ids)
	opt.Style.Color = ""
	ss, err := studyOf(first, opt)
	if err != nil {
		return nil, nil, "", err
	}
	var out []wavePanel
	var legend []LegendEntry
	var note string
	for w, wave := range waves {
		e := nets[w]
		if e == nil {
			out = append(out, wavePanel{title: "wave " + wave + ": not interviewed"})
			continue
		}
		net, lg, nt, err := egogramNetwork(e, layouts[indexOf(drawn, w)], opt, ss)
		if err != nil {
			return nil, nil, "", err
		}
		legend, note = lg, nt
		title := "wave " + wave
		if c := byTo[wave]; c == nil {
			title += fmt.Sprintf(": %d named", len(e.Alters))
			for i := range e.Alters {
				net.Nodes[i].Color, net.Nodes[i].Shape = firstLook.Color, firstLook.Shape
			}
		} else {
			_, sa := c.Statuses()
			title += fmt.Sprintf(": %d kept, %d new, %d back, %d lost", len(c.Kept), len(c.Gained)-len(c.Returned), len(c.Returned), len(c.Lost))
			for i, s := range sa {
				lk := map[measures.AlterStatus]NodeThumb{measures.StatusKept: keptLook, measures.StatusGained: gainedLook, measures.StatusReturned: returnedLook}[s]
				net.Nodes[i].Color, net.Nodes[i].Shape = lk.Color, lk.Shape
			}
		}
		out = append(out, wavePanel{title: title, net: net})
	}
	return out, legend, note, nil
}

func indexOf(xs []int, x int) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// seriesPanel draws one measure across waves in a unit square (the
// figure makes panels isotropic for the maps), with axis ticks in the
// measure's own units.
func seriesPanel(s MeasureSeries, waves []string) (*plot.Plot, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range s.Values {
		if !math.IsNaN(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	p := chartPanel("wave", s.Name)
	p.Title.Text = s.Name
	p.Title.TextStyle.Font = p.X.Label.TextStyle.Font
	if math.IsInf(lo, 1) {
		p.Title.Text = s.Name + ": undefined at every wave"
		p.HideAxes()
		return p, nil
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.08
	lo, hi = lo-pad, hi+pad
	nw := max(len(waves)-1, 1)
	sx := func(i int) float64 { return float64(i) / float64(nw) }
	sy := func(y float64) float64 { return (y - lo) / (hi - lo) }
	scaled := make([]float64, len(s.Values))
	for i, x := range s.Values {
		scaled[i] = sy(x)
	}
	glyph := shapeGlyph{shape: ShapeCircle, fill: color.Black}
	grid := plotter.NewGrid()
	p.Add(grid)
	// addPath puts value i at x = i; rescale to the unit square.
	var pts plotter.XYs
	var runs []plotter.XYs
	for i, y := range scaled {
		if math.IsNaN(y) {
			if len(pts) > 0 {
				runs = append(runs, pts)
			}
			pts = nil
			continue
		}
		pts = append(pts, plotter.XY{X: sx(i), Y: y})
	}
	if len(pts) > 0 {
		runs = append(runs, pts)
	}
	for _, r := range runs {
		if len(r) > 1 {
			l, err := plotter.NewLine(r)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(1.5)}
			p.Add(l)
		}
		sc, err := plotter.NewScatter(r)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Radius: vg.Points(3.5), Shape: glyph}
		p.Add(sc)
	}
	var xt []plot.Tick
	for i, w := range waves {
		xt = append(xt, plot.Tick{Value: sx(i), Label: w})
	}
	p.X.Tick.Marker = plot.ConstantTicks(xt)
	var yt []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo+pad, hi-pad) {
		if t.Label != "" {
			yt = append(yt, plot.Tick{Value: sy(t.Value), Label: t.Label})
		}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(yt)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -0.08, 1.08, 0, 1
	return p, nil
}

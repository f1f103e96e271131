package visualize

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// chartPanel returns a plot with axes in the figure's typeface.
func chartPanel(xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sansFont, 11)
		a.Tick.Label.Font = font.From(sansFont, 9)
	}
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	useTextHandler(p)
	return p
}

// HistogramOptions configures HistogramFigure. The zero value counts
// "people", one bar per whole number (else Sturges' bins), on the data's
// own axes.
type HistogramOptions struct {
	// Bins is the number of bars; 0 chooses (see HistogramFigure).
	Bins int
	// Wave, if not "", is named in the title ("at wave W").
	Wave string
	// Unit is what the bars count: "people" when "".
	Unit string
	// Lo and Hi, when Hi > Lo, fix the measure's axis (and the bins), so
	// that pictures of several waves can be compared; HistogramFigures
	// sets them.
	Lo, Hi float64
	// MaxCount, when > 0, fixes the count axis to at least this count.
	MaxCount float64
	// CutOffs are reference lines (e.g. an instrument's cut-off);
	// CutOffsOf gives the known ones.
	CutOffs []CutOff
}

// CutOff is a reference line of a chart: a value of the measure and what
// it means.
type CutOff struct {
	Value float64
	Label string
}

// CutOffsOf returns the published cut-offs of a measure: LSNS-6 below 12
// is at risk of social isolation (Lubben et al. 2006,
// doi:10.1093/geront/46.4.503); none for other measures.
func CutOffsOf(measure string) []CutOff {
	switch measure {
	case "lsns6":
		return []CutOff{{Value: 12, Label: "12: below = risk of isolation (Lubben 2006)"}}
	}
	return nil
}

// HistogramFigure draws the distribution of a measure across people as a
// histogram: with Bins = 0, whole-number values (counts) get one bar per
// value, centred on it, with a tick at every value when the range is
// small, and other values ⌈log₂ n⌉ + 1 bins (Sturges' rule). The count
// axis has whole-number ticks and room above the tallest bar; the title
// gives the measure, the wave and the number of people. Undefined values
// (NaN) are left out and counted in a note. It fails when no value is
// defined.
func HistogramFigure(name string, values []float64, opt HistogramOptions) (*Figure, error) {
	var vs plotter.Values
	na := 0
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			na++
			continue
		}
		vs = append(vs, v)
	}
	unit := opt.Unit
	if unit == "" {
		unit = "people"
	}
	at := ""
	if opt.Wave != "" {
		at = " at wave " + opt.Wave
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("histogram of %s%s: no defined values among %d", name, at, len(values))
	}
	lo, hi := floats.Min(vs), floats.Max(vs)
	if opt.Hi > opt.Lo {
		lo, hi = opt.Lo, opt.Hi
	}
	h, err := histogram(vs, opt.Bins, lo, hi)
	if err != nil {
		return nil, err
	}
	h.FillColor = okabeIto[0]
	h.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(1)}
	p := chartPanel(name, unit)
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	p.Add(grid, h)
	top := 0.0
	for _, b := range h.Bins {
		top = math.Max(top, b.Weight)
	}
	top = math.Max(top, opt.MaxCount)
	// Room over the tallest bar: a tenth, and at least half a count.
	p.Y.Min, p.Y.Max = 0, math.Ceil(top*1.1+0.5)
	p.Y.Tick.Marker = countTicks{}
	if ilo, ihi, ok := integral(vs); ok && opt.Bins <= 0 && math.Max(hi, ihi)-math.Min(lo, ilo) <= 20 {
		p.X.Tick.Marker = countTicks{}
	}
	if h.Bins != nil {
		p.X.Min, p.X.Max = math.Min(h.Bins[0].Min, lo), math.Max(h.Bins[len(h.Bins)-1].Max, hi)
	}
	f := &Figure{Title: fmt.Sprintf("%s%s: %d %s", name, at, len(vs), unit), Panels: []*plot.Plot{p}}
	for _, c := range opt.CutOffs {
		line := draw.LineStyle{Color: okabeIto[3], Width: vg.Points(1.6), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
		l, err := plotter.NewLine(plotter.XYs{{X: c.Value, Y: 0}, {X: c.Value, Y: p.Y.Max}})
		if err != nil {
			return nil, err
		}
		l.LineStyle = line
		p.Add(l)
		p.X.Min, p.X.Max = math.Min(p.X.Min, c.Value-0.5), math.Max(p.X.Max, c.Value+0.5)
		f.Legend = append(f.Legend, LegendEntry{Text: "cut-off " + c.Label, Thumbs: []plot.Thumbnailer{EdgeThumb{line}}})
	}
	if na > 0 {
		f.Note = fmt.Sprintf("not shown: %d %s with %s undefined (NA)", na, unit, name)
	}
	return f, nil
}

// HistogramFigures draws one histogram of a measure per wave (values[i]
// at waves[i]) on shared axes: the same range and bins of the measure and
// the same count axis, so that the waves can be compared side by side.
func HistogramFigures(name string, waves []string, values [][]float64, opt HistogramOptions) ([]*Figure, error) {
	if len(waves) != len(values) {
		return nil, fmt.Errorf("histograms of %s: %d waves, %d sets of values", name, len(waves), len(values))
	}
	var all plotter.Values
	for _, vs := range values {
		for _, v := range vs {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				all = append(all, v)
			}
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("histograms of %s: no defined values", name)
	}
	opt.Lo, opt.Hi = floats.Min(all), floats.Max(all)
	if opt.Hi <= opt.Lo {
		opt.Lo, opt.Hi = opt.Lo-0.5, opt.Hi+0.5
	}
	if opt.Bins <= 0 {
		if _, _, ok := integral(all); !ok || opt.Hi-opt.Lo > 60 {
			// Sturges' bins for the largest wave, the same for every wave.
			n := 0
			for _, vs := range values {
				n = max(n, len(vs))
			}
			opt.Bins = int(math.Ceil(math.Log2(float64(max(n, 1))))) + 1
		}
	}
	// The count axis: the tallest bar of any wave.
	for i, vs := range values {
		o := opt
		o.Wave = waves[i]
		f, err := HistogramFigure(name, vs, o)
		if err != nil {
			continue
		}
		opt.MaxCount = math.Max(opt.MaxCount, f.Panels[0].Y.Max)
	}
	out := make([]*Figure, len(values))
	for i, vs := range values {
		o := opt
		o.Wave = waves[i]
		o.MaxCount = math.Floor((opt.MaxCount - 0.5) / 1.1)
		f, err := HistogramFigure(name, vs, o)
		if err != nil {
			return nil, err
		}
		f.Panels[0].Y.Max = opt.MaxCount
		out[i] = f
	}
	return out, nil
}

// ChangeFigure draws a measure before and after for each ego: one row per
// ego (in the order given, the first on top), a hollow circle at the first
// wave's value and an arrow from it to the second wave's value, blue when
// the value went up and vermillion when it went down (the arrowhead shows
// the direction in greyscale too; a change too small to draw at scale
// gets a whole arrowhead just outside the circle); an ego whose
// value did not change gets a circle with a dot instead. A column at the
// right gives each change as a number (second wave minus first). Egos
// with either value undefined are listed in a note.
func ChangeFigure(name string, ids []string, before, after []float64, waves [2]string) (*Figure, error) {
	if len(ids) != len(before) || len(ids) != len(after) {
		return nil, fmt.Errorf("change chart of %s: %d egos, %d and %d values", name, len(ids), len(before), len(after))
	}
	rows, cr, skipped := changeRowsOf(ids, before, after)
	if len(rows) == 0 {
		return nil, fmt.Errorf("change chart of %s: no ego has both values", name)
	}
	p := chartPanel(name, "")
	p.NominalY(rows...)
	p.Add(plotter.NewGrid(), cr)
	var all []float64
	for _, r := range cr.rows {
		all = append(all, r.before, r.after)
	}
	if lo, hi, ok := integral(all); ok && hi-lo <= 20 {
		// Counts: a tick at every whole number.
		p.X.Tick.Marker = countTicks{}
	}
	f := &Figure{
		Title:  fmt.Sprintf("%s, wave %s to wave %s: %d people", name, waves[0], waves[1], len(rows)),
		Panels: []*plot.Plot{p},
		Legend: []LegendEntry{
			{Text: "wave " + waves[0], Thumbs: []plot.Thumbnailer{changeThumb{kind: changeNone, hollow: true}}},
			{Text: "up at wave " + waves[1], Thumbs: []plot.Thumbnailer{changeThumb{kind: changeUp}}},
			{Text: "down at wave " + waves[1], Thumbs: []plot.Thumbnailer{changeThumb{kind: changeDown}}},
			{Text: "no change", Thumbs: []plot.Thumbnailer{changeThumb{kind: changeNone}}},
		},
	}
	if len(skipped) > 0 {
		f.Note = fmt.Sprintf("left out (NA): %s", strings.Join(skipped, ", "))
		if len(skipped) > 5 {
			f.Note = fmt.Sprintf("left out (NA): %d people", len(skipped))
		}
	}
	// Grow the page with the number of rows so labels never overlap.
	f.Width, f.Height = SingleWidth, max(SingleHeight, vg.Points(14*float64(len(rows))+90))
	return f, nil
}

// changeRowsOf returns the rows of a change chart, the first ego on top
// (y = rows-1), with the egos' IDs from the bottom row up; egos with an
// undefined (NaN) or infinite value are left out and returned in skipped.
func changeRowsOf(ids []string, before, after []float64) (names []string, cr *changeRows, skipped []string) {
	cr = &changeRows{}
	shown := 0
	defined := func(i int) bool {
		return !math.IsNaN(before[i]) && !math.IsNaN(after[i]) && !math.IsInf(before[i], 0) && !math.IsInf(after[i], 0)
	}
	for i := range ids {
		if defined(i) {
			shown++
		}
	}
	for i, id := range ids {
		if !defined(i) {
			skipped = append(skipped, id)
			continue
		}
		names = append(names, id)
		cr.rows = append(cr.rows, changeRow{y: float64(shown - len(names)), before: before[i], after: after[i]})
	}
	slices.Reverse(names)
	return names, cr, skipped
}

// changeRow is one ego's row of a change chart.
type changeRow struct{ y, before, after float64 }

// changeRows is the plotter of ChangeFigure: per row an arrow from the
// first wave's value to the second's over a hollow circle at the first,
// and the change as a number in a column right of the data area.
type changeRows struct{ rows []changeRow }

// Sizes of the change chart's marks.
var (
	changeMarker  = vg.Points(3.5) // radius of the wave-1 circle
	changeArrow   = vg.Points(7)   // length of an arrowhead
	changeLine    = vg.Points(2.5) // width of an arrow's shaft
	changeColumn  = vg.Points(18)  // gap between the data area and the numbers: more than an arrowhead sticks out
	changeText    = textStyle(9, color.Black)
	changeHeading = textStyle(9, color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xFF})
)

const changeHeadingText = "change"

// Kinds of change.
const (
	changeNone = iota
	changeUp
	changeDown
)

func (r changeRow) kind() int {
	switch {
	case r.after > r.before:
		return changeUp
	case r.after < r.before:
		return changeDown
	}
	return changeNone
}

// changeColour is the colour of an arrow of kind k.
func changeColour(k int) color.Color {
	if k == changeDown {
		return okabeIto[3]
	}
	return okabeIto[0]
}

// changeLabel formats a change with its sign and 3 significant digits.
func changeLabel(d float64) string {
	s := strconv.FormatFloat(d, 'g', 3, 64)
	if d > 0 {
		s = "+" + s
	}
	return s
}

// DataRange implements plot.DataRanger.
func (cr *changeRows) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, r := range cr.rows {
		xmin = math.Min(xmin, math.Min(r.before, r.after))
		xmax = math.Max(xmax, math.Max(r.before, r.after))
	}
	return xmin, xmax, -0.5, float64(len(cr.rows)) - 0.5
}

// GlyphBoxes implements plot.GlyphBoxer: the markers, and the column of
// numbers right of the data area with its heading.
func (cr *changeRows) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	m := changeMarker + vg.Points(1)
	// An arrowhead may stick out beyond the circle by its length.
	mx := m + changeArrow
	for _, r := range cr.rows {
		for _, x := range []float64{r.before, r.after} {
			boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(x), Y: p.Y.Norm(r.y),
				Rectangle: vg.Rectangle{Min: vg.Point{X: -mx, Y: -m}, Max: vg.Point{X: mx, Y: m}}})
		}
		s := changeLabel(r.after - r.before)
		w, h := changeText.Width(s), changeText.Height(s)
		boxes = append(boxes, plot.GlyphBox{X: 1, Y: p.Y.Norm(r.y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: changeColumn, Y: -h / 2}, Max: vg.Point{X: changeColumn + w, Y: h / 2}}})
	}
	// The heading sits above the top row.
	w, h := changeHeading.Width(changeHeadingText), changeHeading.Height(changeHeadingText)
	top := p.Y.Norm(float64(len(cr.rows)) - 0.5)
	boxes = append(boxes, plot.GlyphBox{X: 1, Y: top,
		Rectangle: vg.Rectangle{Min: vg.Point{X: changeColumn, Y: 0}, Max: vg.Point{X: changeColumn + w, Y: h}}})
	return boxes
}

// Plot implements plot.Plotter.
func (cr *changeRows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	right := c.Max.X + changeColumn
	for _, r := range cr.rows {
		b := vg.Point{X: trX(r.before), Y: trY(r.y)}
		a := vg.Point{X: trX(r.after), Y: trY(r.y)}
		drawChangeMark(&c, r.kind(), b, a)
		sty := changeText
		sty.YAlign = draw.YCenter
		c.FillText(sty, vg.Point{X: right, Y: b.Y}, changeLabel(r.after-r.before))
	}
	sty := changeHeading
	c.FillText(sty, vg.Point{X: right, Y: trY(float64(len(cr.rows)) - 0.5)}, changeHeadingText)
}

// drawChangeMark draws one row's marks: for a change, the shaft from b
// towards a, the hollow circle at b, and the arrowhead with its tip at a,
// or just outside the circle when a is closer than that (so that a small
// change still shows its direction); for no change, a circle with a dot.
func drawChangeMark(c *draw.Canvas, kind int, b, a vg.Point) {
	out := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	if kind == changeNone {
		drawShape(c, ShapeCircle, b, changeMarker, color.White, out)
		drawShape(c, ShapeCircle, b, changeMarker*0.45, color.Black, draw.LineStyle{})
		return
	}
	col := changeColour(kind)
	dir := vg.Length(1)
	if a.X < b.X {
		dir = -1
	}
	// A change too small to show at scale still gets a whole arrowhead,
	// just outside the circle.
	if tip := b.X + dir*(changeMarker+changeArrow); (a.X-tip)*dir < 0 {
		a.X = tip
	}
	base := vg.Point{X: a.X - dir*changeArrow, Y: a.Y}
	if (base.X-b.X)*dir > 0 {
		c.StrokeLine2(draw.LineStyle{Color: col, Width: changeLine}, b.X, b.Y, base.X, base.Y)
	}
	drawShape(c, ShapeCircle, b, changeMarker, color.White, out)
	half := changeArrow * 0.6
	c.FillPolygon(col, []vg.Point{a, {X: base.X, Y: a.Y + half}, {X: base.X, Y: a.Y - half}})
}

// changeThumb is a legend thumbnail of the change chart: an arrow up or
// down, a circle with a dot for no change, or (hollow) the wave-1 circle.
type changeThumb struct {
	kind   int
	hollow bool
}

// Thumbnail implements plot.Thumbnailer.
func (t changeThumb) Thumbnail(c *draw.Canvas) {
	mid := c.Center()
	out := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	switch {
	case t.hollow:
		drawShape(c, ShapeCircle, mid, changeMarker, color.White, out)
	case t.kind == changeNone:
		drawChangeMark(c, changeNone, mid, mid)
	default:
		l, r := vg.Point{X: c.Min.X, Y: mid.Y}, vg.Point{X: c.Max.X, Y: mid.Y}
		if t.kind == changeDown {
			l, r = r, l
		}
		// The arrow alone: shaft and head, without the wave-1 circle.
		col := changeColour(t.kind)
		dir := vg.Length(1)
		if r.X < l.X {
			dir = -1
		}
		base := vg.Point{X: r.X - dir*changeArrow, Y: r.Y}
		c.StrokeLine2(draw.LineStyle{Color: col, Width: changeLine}, l.X, l.Y, base.X, base.Y)
		half := changeArrow * 0.6
		c.FillPolygon(col, []vg.Point{r, {X: base.X, Y: r.Y + half}, {X: base.X, Y: r.Y - half}})
	}
}

// countTicks marks whole numbers only: every 1, 2, 5, 10, 20, 50, …
// whichever spans the range in at most 12 steps (counts have no
// fractions).
type countTicks struct{}

// Ticks implements plot.Ticker.
func (countTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 1.0
	for k := 0; (hi-lo)/step > 12; k++ {
		step *= []float64{2, 2.5, 2}[k%3] // 1, 2, 5, 10, 20, 50, …
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		if v == 0 {
			v = 0 // not -0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ticks
}

// integral reports whether every value is a whole number, with the
// smallest and largest.
func integral(vs []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if v != math.Trunc(v) {
			return 0, 0, false
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi, len(vs) > 0
}

// histogram bins the values (see HistogramFigure) over the range lo … hi.
func histogram(vs plotter.Values, bins int, lo, hi float64) (*plotter.Histogram, error) {
	var h *plotter.Histogram
	if ilo, ihi, ok := integral(vs); ok && bins <= 0 && hi-lo <= 60 {
		// Counts and other whole numbers: one bar per value, centred on it.
		lo, hi = math.Min(math.Floor(lo), ilo), math.Max(math.Ceil(hi), ihi)
		h = &plotter.Histogram{Width: 1}
		for x := lo; x <= hi; x++ {
			h.Bins = append(h.Bins, plotter.HistogramBin{Min: x - 0.5, Max: x + 0.5})
		}
		for _, v := range vs {
			h.Bins[int(v-lo)].Weight++
		}
	} else if lo == hi {
		// One value, not a whole number: one bar centred on it (gonum's
		// binning would put it at the left end of a bar from v to v+1).
		w := math.Max(math.Abs(lo)*0.2, 1e-9)
		h = &plotter.Histogram{Width: w, Bins: []plotter.HistogramBin{{Min: lo - w/2, Max: lo + w/2, Weight: float64(len(vs))}}}
	} else {
		if bins <= 0 {
			bins = int(math.Ceil(math.Log2(float64(len(vs))))) + 1
		}
		w := (hi - lo) / float64(bins)
		h = &plotter.Histogram{Width: w}
		for i := 0; i < bins; i++ {
			h.Bins = append(h.Bins, plotter.HistogramBin{Min: lo + float64(i)*w, Max: lo + float64(i+1)*w})
		}
		for _, v := range vs {
			i := min(max(int((v-lo)/w), 0), bins-1)
			h.Bins[i].Weight++
		}
	}
	return h, nil
}

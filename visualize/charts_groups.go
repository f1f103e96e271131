package visualize

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// GroupMean is one group's mean of one measure with its 95% confidence
// interval, a point of GroupMeansFigure. Panel names the measure the point
// belongs to, and Slot the place along the x axis within the panel (e.g.
// "wave 1"; "" when there is one).
type GroupMean struct {
	Panel     string
	Slot      string
	Group     string
	N         int
	Mean      float64
	Low, High float64 // NaN when the interval is undefined (n < 2)
}

// GroupMeansFigure draws each group's mean with its 95% CI as a marker and
// a vertical bar: one panel per Panel (in order of first appearance), the
// slots (waves) along the x axis in order of first appearance, the groups
// side by side within a slot in the order of groups, each group with the
// same look in every panel: the colour and shape ss gives the value when
// the study's pictures colour it as a category (ss may be nil), else a
// grey and a shape, so that a group never takes a colour that means
// something else in the study's other pictures. Under each slot, the
// number of egos of each group. A group without a defined mean has no
// mark; a mean without an interval (n = 1) is a hollow marker. zero adds
// a dashed line at 0 (for change scores). It fails when no group has a
// defined mean.
func GroupMeansFigure(title string, groups []string, points []GroupMean, zero bool, ss *StudyStyle) (*Figure, error) {
	panels, err := groupPanels(groups, points, zero)
	if err != nil {
		return nil, err
	}
	looks := groupLooks(groups, ss)
	for _, gp := range panels {
		gp.bars.looks = looks
	}
	f := &Figure{Title: title}
	slots := 0
	for _, gp := range panels {
		p := chartPanel("", "")
		p.Title.Text = gp.name
		p.Title.TextStyle.Font = font.From(sansFont, 11)
		grid := plotter.NewGrid()
		grid.Vertical.Color = nil
		p.Add(grid, gp.bars)
		p.NominalX(gp.labels...)
		p.X.Min, p.X.Max = -0.5, float64(len(gp.labels))-0.5
		f.Panels = append(f.Panels, p)
		slots = len(gp.labels)
	}
	for i, g := range groups {
		f.Legend = append(f.Legend, LegendEntry{Text: g, Thumbs: []plot.Thumbnailer{NodeThumb{Color: looks[i].color, Shape: looks[i].shape}}})
	}
	f.Note = "marker: mean; bar: 95% CI (t); hollow: one ego, no CI"
	cols := min(len(panels), 3)
	rows := (len(panels) + cols - 1) / cols
	f.Columns = cols
	f.Width = max(SingleWidth, vg.Points(float64(150+90*slots)*float64(cols)+150))
	f.Height = max(vg.Points(280), vg.Points(250*float64(rows)+60))
	return f, nil
}

// groupPanel is one panel of GroupMeansFigure: its name, the labels of
// its slots and its marks.
type groupPanel struct {
	name   string
	labels []string
	bars   *meanBars
}

// groupPanels lays out the points of GroupMeansFigure: one panel per
// Panel, slots in order of first appearance, a mark per defined mean at
// its slot, offset by group.
func groupPanels(groups []string, points []GroupMean, zero bool) ([]groupPanel, error) {
	gi := map[string]int{}
	for i, g := range groups {
		gi[g] = i
	}
	var names, slots []string
	byPanel := map[string][]GroupMean{}
	slotIndex := map[string]int{}
	for _, p := range points {
		if _, ok := gi[p.Group]; !ok {
			return nil, fmt.Errorf("group means chart: group %q is not among the %d groups", p.Group, len(groups))
		}
		if _, ok := byPanel[p.Panel]; !ok {
			names = append(names, p.Panel)
		}
		byPanel[p.Panel] = append(byPanel[p.Panel], p)
		if _, ok := slotIndex[p.Slot]; !ok {
			slotIndex[p.Slot] = len(slots)
			slots = append(slots, p.Slot)
		}
	}
	defined := false
	step := math.Min(0.22, 0.8/float64(len(groups)))
	var out []groupPanel
	for _, name := range names {
		ns := make([][]string, len(slots))
		ms := &meanBars{zero: zero}
		for _, pt := range byPanel[name] {
			i, s := gi[pt.Group], slotIndex[pt.Slot]
			ns[s] = append(ns[s], fmt.Sprintf("%s %d", pt.Group, pt.N))
			if math.IsNaN(pt.Mean) {
				continue
			}
			defined = true
			x := float64(s) + (float64(i)-float64(len(groups)-1)/2)*step
			ms.bars = append(ms.bars, meanBar{x: x, mean: pt.Mean, low: pt.Low, high: pt.High, group: i})
		}
		labels := make([]string, len(slots))
		for s, slot := range slots {
			labels[s] = strings.TrimSpace(slot + "\nn: " + strings.Join(ns[s], ", "))
		}
		out = append(out, groupPanel{name: name, labels: labels, bars: ms})
	}
	if !defined {
		return nil, fmt.Errorf("group means chart: no group has a defined mean")
	}
	return out, nil
}

// groupGreys are the shades of groups and types: dark to light greys
// with a shape each (ShapeOf), so that a group never takes a colour that
// means an alter category (a role, say) in the study's other pictures.
var groupGreys = []color.Color{
	color.NRGBA{R: 0x1A, G: 0x1A, B: 0x1A, A: 0xFF},
	color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF},
	color.NRGBA{R: 0x4D, G: 0x4D, B: 0x4D, A: 0xFF},
	color.NRGBA{R: 0xA6, G: 0xA6, B: 0xA6, A: 0xFF},
}

// groupColor returns the shade of group (or type) i, from 0.
func groupColor(i int) color.Color { return ColorOf(groupGreys, i) }

type groupLook struct {
	color color.Color
	shape Shape
}

// groupLooks returns each group's colour and shape: the study's when ss
// (may be nil) colours that value as a category, so that a category looks
// the same on the chart as on the network maps; else a grey and a shape.
func groupLooks(groups []string, ss *StudyStyle) []groupLook {
	out := make([]groupLook, len(groups))
	for i, g := range groups {
		out[i] = groupLook{groupColor(i), ShapeOf(i)}
		if ss != nil {
			if c, sh, ok := ss.Category(g); ok {
				out[i] = groupLook{c, sh}
			}
		}
	}
	return out
}

type meanBar struct {
	x, mean, low, high float64
	group              int
}

// meanBars is a plotter of means with CI bars.
type meanBars struct {
	bars  []meanBar
	zero  bool
	looks []groupLook // per group; nil: greys
}

// DataRange implements plot.DataRanger.
func (m *meanBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	ymin, ymax = math.Inf(1), math.Inf(-1)
	if m.zero {
		ymin, ymax = 0, 0
	}
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, b := range m.bars {
		xmin, xmax = math.Min(xmin, b.x), math.Max(xmax, b.x)
		for _, v := range []float64{b.mean, b.low, b.high} {
			if !math.IsNaN(v) {
				ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
			}
		}
	}
	if ymin == ymax {
		ymin, ymax = ymin-1, ymax+1
	}
	pad := (ymax - ymin) * 0.08
	return xmin, xmax, ymin - pad, ymax + pad
}

// Plot implements plot.Plotter.
func (m *meanBars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	if m.zero {
		ls := draw.LineStyle{Color: EdgeColor, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
		y := ty(0)
		c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
	}
	for _, b := range m.bars {
		col, shape := groupColor(b.group), ShapeOf(b.group)
		if b.group < len(m.looks) {
			col, shape = m.looks[b.group].color, m.looks[b.group].shape
		}
		x := tx(b.x)
		if !math.IsNaN(b.low) {
			ls := draw.LineStyle{Color: col, Width: vg.Points(2)}
			c.StrokeLine2(ls, x, ty(b.low), x, ty(b.high))
			cap := vg.Points(5)
			c.StrokeLine2(ls, x-cap, ty(b.low), x+cap, ty(b.low))
			c.StrokeLine2(ls, x-cap, ty(b.high), x+cap, ty(b.high))
		}
		pt := vg.Point{X: x, Y: ty(b.mean)}
		out := draw.LineStyle{Color: color.White, Width: vg.Points(0.8)}
		fill := col
		if math.IsNaN(b.low) {
			out = draw.LineStyle{Color: col, Width: vg.Points(1.6)}
			fill = color.White
		}
		drawShape(&c, shape, pt, vg.Points(5), fill, out)
	}
}

// TypeProfile is one type of a typology for TypeProfilesFigure: its
// number, size and mean z-score of each measure.
type TypeProfile struct {
	Type  int
	Size  int
	MeanZ []float64
}

// Diverging returns the colour of a z-score on a blue–white–vermillion
// scale (blue below the mean, vermillion above; Okabe–Ito end points),
// saturating at |z| = 2; NaN gives MissingColor.
func Diverging(z float64) color.Color {
	if math.IsNaN(z) {
		return MissingColor
	}
	t := math.Max(-1, math.Min(1, z/2))
	end := [3]float64{0xD5, 0x5E, 0x00}
	if t < 0 {
		end, t = [3]float64{0x00, 0x72, 0xB2}, -t
	}
	var c [3]uint8
	for i := range c {
		c[i] = uint8(math.Round(255 + t*(end[i]-255)))
	}
	return color.NRGBA{R: c[0], G: c[1], B: c[2], A: 0xFF}
}

// TypeProfilesFigure draws a typology's profiles as a heat map: one row
// per type (type 1 on top, labelled with its size), one column per
// measure, each cell coloured by the type's mean z-score of the measure
// (Diverging) and labelled with it.
func TypeProfilesFigure(title string, measures []string, profiles []TypeProfile) (*Figure, error) {
	if len(profiles) == 0 || len(measures) == 0 {
		return nil, fmt.Errorf("type profiles chart: %d types, %d measures", len(profiles), len(measures))
	}
	for _, p := range profiles {
		if len(p.MeanZ) != len(measures) {
			return nil, fmt.Errorf("type profiles chart: type %d has %d means for %d measures", p.Type, len(p.MeanZ), len(measures))
		}
	}
	p := chartPanel("", "")
	rows := make([]string, len(profiles))
	for i, pr := range profiles {
		rows[len(profiles)-1-i] = fmt.Sprintf("type %d (n = %d)", pr.Type, pr.Size)
	}
	p.Add(&heatCells{profiles: profiles, cols: len(measures)})
	labels := make([]string, len(measures))
	for i, m := range measures {
		labels[i] = wrapMeasure(m, 18)
	}
	p.NominalX(labels...)
	p.NominalY(rows...)
	p.X.Min, p.X.Max = -0.5, float64(len(measures))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(len(profiles))-0.5
	p.X.Tick.Label.Rotation = 0
	f := &Figure{Title: title, Panels: []*plot.Plot{p}}
	for _, z := range []float64{2, 1, 0, -1, -2} {
		label := fmt.Sprintf("z = %+g", z)
		if z == 0 {
			label = "z = 0 (mean)"
		}
		f.Legend = append(f.Legend, LegendEntry{Text: label, Thumbs: []plot.Thumbnailer{swatch{Diverging(z)}}})
	}
	f.Note = "cells: each type's mean z-score (sample SD) of the measure"
	f.Width = max(SingleWidth, vg.Points(110*float64(len(measures))+260))
	f.Height = max(vg.Points(260), vg.Points(48*float64(len(profiles))+140))
	return f, nil
}

// wrapMeasure breaks a measure's name into lines of about width runes:
// before an opening parenthesis and after a '|' or ',' once a line is
// long enough (half the width before a parenthesis, the width after a
// separator).
func wrapMeasure(m string, width int) string {
	var b strings.Builder
	line := 0
	for _, r := range m {
		if r == '(' && line >= width/2 {
			b.WriteByte('\n')
			line = 0
		}
		b.WriteRune(r)
		line++
		if (r == '|' || r == ',') && line >= width {
			b.WriteByte('\n')
			line = 0
		}
	}
	return b.String()
}

type swatch struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.FillPolygon(s.c, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

type heatCells struct {
	profiles []TypeProfile
	cols     int
}

// Plot implements plot.Plotter.
func (h *heatCells) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(h.profiles)
	st := textStyle(9.5, color.Black)
	st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
	for i, pr := range h.profiles {
		y := float64(n - 1 - i)
		for j, z := range pr.MeanZ {
			x := float64(j)
			rect := vg.Rectangle{Min: vg.Point{X: tx(x - 0.48), Y: ty(y - 0.46)}, Max: vg.Point{X: tx(x + 0.48), Y: ty(y + 0.46)}}
			c.FillPolygon(Diverging(z), []vg.Point{rect.Min, {X: rect.Max.X, Y: rect.Min.Y}, rect.Max, {X: rect.Min.X, Y: rect.Max.Y}})
			s := st
			if math.Abs(z) > 1.3 {
				s.Color = color.White
			}
			c.FillText(s, vg.Point{X: tx(x), Y: ty(y)}, fmt.Sprintf("%+.2f", z))
		}
	}
}

// DendrogramFigure draws an agglomerative clustering in R's hclust layout
// (merge, height, order as analysis.Tree holds them; labels and types per
// observation, types 1..K from cutting the tree into K clusters): leaves
// along the x axis in the tree's order, labelled, with a grey and a shape
// per type; links as right angles at their merge heights (thicker within
// a type), each type named at the top of its subtree, and a dashed line
// where the tree is cut into K types.
func DendrogramFigure(title string, merge [][2]int, height []float64, order []int, labels []string, types []int) (*Figure, error) {
	n := len(merge) + 1
	if len(height) != n-1 || len(order) != n || len(labels) != n || len(types) != n {
		return nil, fmt.Errorf("dendrogram: %d merges, %d heights, %d leaves in order, %d labels, %d types", len(merge), len(height), len(order), len(labels), len(types))
	}
	k := 0
	for _, t := range types {
		k = max(k, t)
	}
	p := chartPanel("", "height (Ward, z-scores)")
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	p.Add(grid)
	d := newDendro(merge, height, order, types)
	ticks := make([]plot.Tick, n)
	for pos, o := range order {
		ticks[pos] = plot.Tick{Value: float64(pos), Label: labels[o-1]}
	}
	p.Add(d)
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Label.Rotation = math.Pi / 2
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.X.Tick.Label.Font = font.From(sansFont, 7.5)
	p.X.Min, p.X.Max = -0.7, float64(n)-0.3
	p.Y.Min = 0
	f := &Figure{Title: title, Panels: []*plot.Plot{p}}
	for t := 1; t <= k; t++ {
		f.Legend = append(f.Legend, LegendEntry{Text: fmt.Sprintf("type %d", t), Thumbs: []plot.Thumbnailer{NodeThumb{Color: groupColor(t - 1), Shape: ShapeOf(t - 1)}}})
	}
	if k > 1 {
		f.Note = fmt.Sprintf("dashed: cut into %d types", k)
	}
	f.Width = max(SingleWidth, vg.Points(11*float64(n)+200))
	return f, nil
}

// newDendro places the leaves at 0, 1, … in the tree's order.
func newDendro(merge [][2]int, height []float64, order, types []int) *dendro {
	d := &dendro{merge: merge, height: height, types: types, leafX: make([]float64, len(order))}
	for _, t := range types {
		d.k = max(d.k, t)
	}
	for pos, o := range order {
		d.leafX[o-1] = float64(pos)
	}
	return d
}

type dendro struct {
	merge  [][2]int
	height []float64
	types  []int
	leafX  []float64
	k      int
}

// DataRange implements plot.DataRanger.
func (d *dendro) DataRange() (xmin, xmax, ymin, ymax float64) {
	top := 0.0
	for _, h := range d.height {
		top = math.Max(top, h)
	}
	return 0, float64(len(d.leafX) - 1), 0, top * 1.05
}

// Plot implements plot.Plotter.
func (d *dendro) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := len(d.leafX)
	// x and y of each step's cluster, and its type (0 when mixed).
	cx := make([]float64, n-1)
	left := make([]float64, n-1) // left end of each merge's bar
	ctype := make([]int, n-1)
	pos := func(m int) (x, y float64, t int) {
		if m < 0 {
			return d.leafX[-m-1], 0, d.types[-m-1]
		}
		return cx[m-1], d.height[m-1], ctype[m-1]
	}
	grey := draw.LineStyle{Color: EdgeColor, Width: vg.Points(1)}
	for s, m := range d.merge {
		xa, ya, ta := pos(m[0])
		xb, yb, tb := pos(m[1])
		h := d.height[s]
		cx[s] = (xa + xb) / 2
		left[s] = math.Min(xa, xb)
		if ta == tb {
			ctype[s] = ta
		}
		ls := grey
		if ctype[s] > 0 && d.k > 1 {
			ls.Width = vg.Points(1.6) // within one type
		}
		c.StrokeLines(ls, []vg.Point{{X: tx(xa), Y: ty(ya)}, {X: tx(xa), Y: ty(h)}, {X: tx(xb), Y: ty(h)}, {X: tx(xb), Y: ty(yb)}})
	}
	if d.k > 1 && d.k <= len(d.height) {
		// Cut between the last merge done (n − k merges leave k clusters)
		// and the first not done.
		i := n - d.k
		cut := d.height[i] / 2
		if i > 0 {
			cut = (d.height[i-1] + d.height[i]) / 2
		}
		ls := draw.LineStyle{Color: EdgeColor, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
		c.StrokeLine2(ls, c.Min.X, ty(cut), c.Max.X, ty(cut))
	}
	for i, x := range d.leafX {
		out := draw.LineStyle{Color: color.White, Width: vg.Points(0.6)}
		drawShape(&c, ShapeOf(d.types[i]-1), vg.Point{X: tx(x), Y: ty(0)}, vg.Points(3.5), groupColor(d.types[i]-1), out)
	}
	// Name each type at the top of its subtree: the last merge within it,
	// or its leaf when it is one ego.
	if d.k > 1 {
		// Left-aligned just above the left end of the subtree's top bar,
		// clear of the link that rises from the bar's middle.
		st := textStyle(9, color.Black)
		st.XAlign, st.YAlign = draw.XLeft, draw.YBottom
		top := map[int]vg.Point{}
		for i, x := range d.leafX {
			top[d.types[i]] = vg.Point{X: tx(x) - vg.Points(3), Y: ty(0) + vg.Points(5)}
		}
		for s := range d.merge {
			if ctype[s] > 0 {
				top[ctype[s]] = vg.Point{X: tx(left[s]) + vg.Points(2), Y: ty(d.height[s]) + vg.Points(2)}
			}
		}
		for t := 1; t <= d.k; t++ {
			if pt, ok := top[t]; ok {
				c.FillText(st, pt, fmt.Sprintf("type %d", t))
			}
		}
	}
}

package visualize

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

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

// HistogramFigure draws the distribution of a measure across egos as a
// histogram with the given number of bins. With bins = 0, whole-number
// values (counts) get one bar per value, centred on it, and other values
// ⌈log₂ n⌉ + 1 bins (Sturges' rule).
// Undefined values (NaN) are left out and counted in a note. It fails when
// no value is defined.
func HistogramFigure(name string, values []float64, bins int) (*Figure, error) {
	var vs plotter.Values
	na := 0
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			na++
			continue
		}
		vs = append(vs, v)
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("histogram of %s: no defined values among %d", name, len(values))
	}
	h, err := histogram(vs, bins)
	if err != nil {
		return nil, err
	}
	h.FillColor = OkabeIto[0]
	h.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(1)}
	p := chartPanel(name, "egos")
	p.Add(h)
	p.Y.Min = 0
	f := &Figure{Title: fmt.Sprintf("%s across %d egos", name, len(vs)), Panels: []*plot.Plot{p}}
	if na > 0 {
		f.Note = fmt.Sprintf("not shown: %d egos with %s undefined (NA)", na, name)
	}
	return f, nil
}

// ChangeFigure draws a measure before and after for each ego as a
// dumbbell chart: one row per ego (in the order given, the first on top), a hollow circle at
// the first wave's value, a filled triangle at the second's, joined by a
// line coloured by the direction of change (blue up, vermillion down, grey
// none). Egos with either value undefined are listed in a note.
func ChangeFigure(name string, ids []string, before, after []float64, waves [2]string) (*Figure, error) {
	if len(ids) != len(before) || len(ids) != len(after) {
		return nil, fmt.Errorf("change chart of %s: %d egos, %d and %d values", name, len(ids), len(before), len(after))
	}
	p := chartPanel(name, "")
	var rows []string
	var b, a plotter.XYs
	var skipped []string
	shown := 0
	for i := range ids {
		if !math.IsNaN(before[i]) && !math.IsNaN(after[i]) {
			shown++
		}
	}
	for i, id := range ids {
		if math.IsNaN(before[i]) || math.IsNaN(after[i]) {
			skipped = append(skipped, id)
			continue
		}
		// The first ego on top.
		y := float64(shown - 1 - len(rows))
		rows = append(rows, id)
		l, err := plotter.NewLine(plotter.XYs{{X: before[i], Y: y}, {X: after[i], Y: y}})
		if err != nil {
			return nil, err
		}
		l.Width = vg.Points(2.5)
		switch {
		case after[i] > before[i]:
			l.Color = OkabeIto[0]
		case after[i] < before[i]:
			l.Color = OkabeIto[3]
		default:
			l.Color = GuideColor
		}
		p.Add(l)
		b = append(b, plotter.XY{X: before[i], Y: y})
		a = append(a, plotter.XY{X: after[i], Y: y})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("change chart of %s: no ego has both values", name)
	}
	sb, err := plotter.NewScatter(b)
	if err != nil {
		return nil, err
	}
	sb.GlyphStyle = draw.GlyphStyle{Shape: draw.RingGlyph{}, Color: color.Black, Radius: vg.Points(4)}
	sa, err := plotter.NewScatter(a)
	if err != nil {
		return nil, err
	}
	sa.GlyphStyle = draw.GlyphStyle{Shape: draw.PyramidGlyph{}, Color: color.Black, Radius: vg.Points(4.5)}
	p.Add(sb, sa)
	slices.Reverse(rows)
	p.NominalY(rows...)
	p.Add(plotter.NewGrid())
	f := &Figure{
		Title:  fmt.Sprintf("%s, wave %s to wave %s", name, waves[0], waves[1]),
		Panels: []*plot.Plot{p},
		Legend: []LegendEntry{
			{Text: "wave " + waves[0], Thumbs: []plot.Thumbnailer{sb}},
			{Text: "wave " + waves[1], Thumbs: []plot.Thumbnailer{sa}},
			{Text: "up", Thumbs: []plot.Thumbnailer{EdgeThumb{draw.LineStyle{Color: OkabeIto[0], Width: vg.Points(2.5)}}}},
			{Text: "down", Thumbs: []plot.Thumbnailer{EdgeThumb{draw.LineStyle{Color: OkabeIto[3], Width: vg.Points(2.5)}}}},
		},
	}
	if len(skipped) > 0 {
		f.Note = fmt.Sprintf("left out (NA): %s", strings.Join(skipped, ", "))
		if len(skipped) > 5 {
			f.Note = fmt.Sprintf("left out (NA): %d egos", len(skipped))
		}
	}
	// Grow the page with the number of rows so labels never overlap.
	f.Width, f.Height = SingleWidth, max(SingleHeight, vg.Points(14*float64(len(rows))+90))
	return f, nil
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

// histogram bins the values (see HistogramFigure).
func histogram(vs plotter.Values, bins int) (*plotter.Histogram, error) {
	var h *plotter.Histogram
	if lo, hi, ok := integral(vs); ok && bins <= 0 && hi-lo <= 60 {
		// Counts and other whole numbers: one bar per value, centred on it.
		h = &plotter.Histogram{Width: 1}
		for x := lo; x <= hi; x++ {
			h.Bins = append(h.Bins, plotter.HistogramBin{Min: x - 0.5, Max: x + 0.5})
		}
		for _, v := range vs {
			h.Bins[int(v-lo)].Weight++
		}
	} else {
		if bins <= 0 {
			bins = int(math.Ceil(math.Log2(float64(len(vs))))) + 1
		}
		var err error
		if h, err = plotter.NewHist(vs, bins); err != nil {
			return nil, err
		}
	}
	return h, nil
}

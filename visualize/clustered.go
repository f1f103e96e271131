package visualize

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ClusteredPanel is one clustered graph (Brandes, Lerner, Lubbers et al.
// 2008): for each category of alters its mean count over the egos of a
// group (and wave), and between each two categories their mean density.
// analysis.Clustered computes it.
type ClusteredPanel struct {
	Title string // e.g. "third_sector, wave 1 (20 people)"
	// Counts[c] is the mean number of alters of category c, aligned with
	// ClusteredOptions.Categories.
	Counts []float64
	// Density[a][b] (= Density[b][a]) is the mean density between
	// categories a and b, Density[a][a] within a; NaN where no ego
	// defines it.
	Density [][]float64
}

// ClusteredOptions configures ClusteredFigure.
type ClusteredOptions struct {
	Title string
	// By names the category attribute (for the legend).
	By string
	// Categories in their fixed order: every panel places category c at
	// the same spot, so groups and waves compare.
	Categories []string
	// Study, if not nil, colours categories as every other picture of the
	// study (its colour attribute should be By); nil colours them in
	// Categories order.
	Study *StudyStyle
}

// clusteredMaxRadius is the marker radius of the largest mean count; the
// scale is shared by every panel of a figure.
const clusteredMaxRadius = vg.Length(16)

// clusteredWidth is the width of a tie of mean density d: 0.6 pt plus
// 7 pt × d, on one absolute scale (density 1 is 7.6 pt) in every panel.
func clusteredWidth(d float64) vg.Length { return vg.Points(0.6 + 7*d) }

// ClusteredFigure draws clustered graphs, one panel per group (and wave),
// all on one frame: the categories on a circle in Categories order, each a
// node whose area is proportional to the mean count (the same scale in
// every panel, the largest mean count of the figure at 16 pt radius), and
// between two categories a tie whose width is proportional to the mean
// density (0.6 + 7·d pt). A pair whose mean density is 0 or undefined has
// no tie (no ego had one). The density within a category and the mean
// count are written under its name. Ties keep the guarantee of every
// picture (DefaultClearance).
func ClusteredFigure(panels []ClusteredPanel, opt ClusteredOptions) (*Figure, error) {
	k := len(opt.Categories)
	maxCount := 0.0
	for _, p := range panels {
		if len(p.Counts) != k || len(p.Density) != k {
			return nil, fmt.Errorf("clustered panel %q: %d counts and %d density rows for %d categories", p.Title, len(p.Counts), len(p.Density), k)
		}
		for _, c := range p.Counts {
			maxCount = math.Max(maxCount, c)
		}
	}
	f := &Figure{Title: opt.Title, Isotropic: true}
	for _, p := range panels {
		nodes := make([]Node, k)
		labels := make([][]string, k)
		regions := make([]region, k)
		for c, name := range opt.Categories {
			th := math.Pi/2 - 2*math.Pi*float64(c)/float64(max(k, 1))
			col, shape := ColorOf(okabeIto, c), ShapeCircle
			if opt.Study != nil {
				if cc, sh, ok := opt.Study.Category(name); ok {
					col, shape = cc, sh
				}
			}
			r := vg.Points(2)
			if maxCount > 0 && p.Counts[c] > 0 {
				r = max(r, clusteredMaxRadius*vg.Length(math.Sqrt(p.Counts[c]/maxCount)))
			}
			within := "–"
			if d := p.Density[c][c]; !math.IsNaN(d) {
				within = fmtNum(round2(d))
			}
			nodes[c] = Node{X: math.Cos(th), Y: math.Sin(th), ID: name, Color: col, Shape: shape, Radius: r,
				Hollow: p.Counts[c] == 0}
			labels[c] = []string{name, alterCount(p.Counts[c]), "within " + within}
			regions[c] = region{cx: nodes[c].X, cy: nodes[c].Y, r1: 0.1, half: math.Pi}
		}
		var edges []Edge
		for a := 0; a < k; a++ {
			for b := a + 1; b < k; b++ {
				if d := p.Density[a][b]; d > 0 {
					edges = append(edges, Edge{From: a, To: b, Width: clusteredWidth(d)})
				}
			}
		}
		net := NewNetwork(nodes, edges)
		net.Clearance = DefaultClearance
		net.regions = regions
		pl := newPanel(p.Title)
		pl.Add(net, &outerLabels{net: net, lines: labels})
		f.Panels = append(f.Panels, pl)
		f.nets = append(f.nets, figureNet{panel: p.Title, net: net})
	}
	for c, name := range opt.Categories {
		th := NodeThumb{Color: ColorOf(okabeIto, c)}
		if opt.Study != nil {
			th = opt.Study.CategoryThumb(name)
		}
		f.Legend = append(f.Legend, LegendEntry{Text: name, Thumbs: []plot.Thumbnailer{th}})
	}
	for _, d := range []float64{0.25, 0.5, 1} {
		f.Legend = append(f.Legend, LegendEntry{Text: "mean density " + fmtNum(d),
			Thumbs: []plot.Thumbnailer{EdgeThumb{Style: draw.LineStyle{Color: EdgeColor, Width: clusteredWidth(d)}}}})
	}
	f.Note = fmt.Sprintf("categories of %s; node area: mean number of alters (largest %s); tie width: mean density between categories, averaged over the people for whom it is defined",
		opt.By, fmtNum(round2(maxCount)))
	cols := int(math.Ceil(math.Sqrt(float64(max(len(panels), 1)))))
	rows := (len(panels) + cols - 1) / cols
	f.Columns = cols
	f.Width = vg.Points(320*float64(cols) + 170)
	f.Height = vg.Points(320*float64(max(rows, 1)) + 50)
	return f, nil
}

// alterCount is "1 alter" or "N alters", N to two decimals.
func alterCount(x float64) string {
	if round2(x) == 1 {
		return "1 alter"
	}
	return fmtNum(round2(x)) + " alters"
}

// round2 rounds to two decimals for labels.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// outerLabels writes each node's lines outside a circle layout around the
// origin, beyond its marker, where no tie runs (ties are chords inside the
// circle).
type outerLabels struct {
	net   *Network
	lines [][]string
}

// Plot implements plot.Plotter.
func (o *outerLabels) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	centre := vg.Point{X: trX(0), Y: trY(0)}
	sty := textStyle(8.5, color.Black)
	for i, lines := range o.lines {
		at := vg.Point{X: trX(o.net.Nodes[i].X), Y: trY(o.net.Nodes[i].Y)}
		if d := o.net.drawn; d != nil && i < len(d.centres) {
			at = d.centres[i]
		}
		_, _, r := o.net.style(i)
		dv := at.Sub(centre)
		l := math.Hypot(float64(dv.X), float64(dv.Y))
		ux, uy := 0.0, 1.0
		if l > 0 {
			ux, uy = float64(dv.X)/l, float64(dv.Y)/l
		}
		off := r + vg.Points(5)
		p := vg.Point{X: at.X + vg.Length(ux)*off, Y: at.Y + vg.Length(uy)*off}
		s := sty
		switch {
		case ux > 0.3:
			s.XAlign = draw.XLeft
		case ux < -0.3:
			s.XAlign = draw.XRight
		default:
			s.XAlign = draw.XCenter
		}
		lh := s.Height("Ag")
		n := vg.Length(len(lines))
		switch {
		case uy > 0.3:
			p.Y += lh * (n - 1)
		case uy > -0.3:
			p.Y += lh * (n - 1) / 2
		}
		s.YAlign = draw.YBottom
		if uy < -0.3 {
			s.YAlign = draw.YTop
		}
		for j, line := range lines {
			c.FillText(s, vg.Point{X: p.X, Y: p.Y - lh*vg.Length(j)}, line)
		}
	}
}

// DataRange implements plot.DataRanger: room for the labels.
func (o *outerLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -2.2, 2.2, -1.6, 1.6
}

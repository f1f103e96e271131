package visualize

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Node is one node of a Network. The zero values of the style fields take
// the Network's defaults.
type Node struct {
	X, Y  float64 // position in data units
	ID    string  // the node's ID, for Positions
	Label string  // drawn beside the node; "" for none

	Color  color.Color // fill; nil: Network.NodeColor
	Shape  Shape
	Radius vg.Length // 0: Network.NodeRadius
	Dashed bool      // dashed outline (e.g. an alter lost since the last wave)
	Hollow bool      // white fill (e.g. a size value that is undefined)
	Thick  bool      // thick outline (e.g. an alter new since the last wave)
	NA     bool      // a dash across the marker (e.g. a missing colour value)
}

// Edge is a tie between Nodes[From] and Nodes[To].
type Edge struct {
	From, To int
	Width    vg.Length   // 0: Network.EdgeStyle.Width
	Dashed   bool        // e.g. a tie of another type
	Dashes   []vg.Length // dash pattern, overriding Dashed; nil: solid
	Arrow    bool        // draw an arrowhead at To (directed ties)
	Color    color.Color // nil: Network.EdgeStyle.Color
}

// Network is a gonum/plot Plotter that draws a network: edges first, in the
// order given, then nodes in the order given, then labels, each placed at
// the first of several positions around its node that overlaps no other
// label and no node (the least overlapping one when none is free). An
// optional egogram frame draws ring and sector guides with their labels
// underneath.
//
// Network implements plot.Plotter, plot.DataRanger and plot.GlyphBoxer, so
// nodes and labels are not clipped by the plot's edges. Use Figure, or
// Isotropic, to keep one data unit the same length on both axes. Plot
// records where it put the labels, so one Network must not be drawn by two
// goroutines at once.
type Network struct {
	Nodes []Node
	Edges []Edge

	// Frame, if not nil, draws the rings and sectors of an egogram, ring
	// labels along the top and sector labels outside the outer ring.
	Frame *Egogram

	NodeColor  color.Color // default fill
	NodeRadius vg.Length   // default radius
	Outline    draw.LineStyle
	EdgeStyle  draw.LineStyle
	GuideStyle draw.LineStyle
	LabelStyle text.Style // node labels
	GuideText  text.Style // ring labels
	SectorText text.Style // sector labels

	// StyleFunc, if not nil, overrides the style of node i.
	StyleFunc func(i int) (fill color.Color, shape Shape, radius vg.Length)

	// Clearance, when > 0, makes Plot move nodes, in points on the
	// canvas, until no tie passes within Clearance of the marker of a node
	// that is not one of its ends and no two markers overlap (see
	// Violations). Nodes keep to their region: an egogram alter to its
	// ring and sector, a node of a circle or concentric layout to its ring
	// between its neighbours, other nodes to within half an edge length of
	// their place (the ego of an egogram does not move). What cannot be
	// had at the canvas size stays, and is reported by Violations.
	Clearance vg.Length

	// Message, if not "", is drawn at the centre of the frame (e.g.
	// "named nobody at wave 2").
	Message string

	// regions keep moved nodes to their place (nil: free, within half a
	// data unit).
	regions []region
	// drawn is where the last Plot put the nodes and ties, for Positions
	// and Violations; cache keeps the moved centres.
	drawn *drawing
	cache *clearCache

	// label, node and guide label boxes of the last Plot, for tests
	placed, nodeBoxes, guideBoxes []vg.Rectangle
}

// Font sizes and the typeface used by every picture.
var (
	sansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
)

func textStyle(size vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(sansFont, size), Handler: textHandler,
		XAlign: draw.XLeft, YAlign: draw.YBottom}
}

// NewNetwork returns a Network with default styles: nodes of radius 5pt
// with a dark outline, grey ties 1pt wide, 8pt labels.
func NewNetwork(nodes []Node, edges []Edge) *Network {
	return &Network{
		Nodes: nodes, Edges: edges,
		NodeColor:  okabeIto[0],
		NodeRadius: vg.Points(5),
		Outline:    draw.LineStyle{Color: color.NRGBA{A: 0xFF, R: 0x22, G: 0x22, B: 0x22}, Width: vg.Points(0.8)},
		EdgeStyle:  draw.LineStyle{Color: EdgeColor, Width: vg.Points(1)},
		GuideStyle: draw.LineStyle{Color: GuideColor, Width: vg.Points(0.7)},
		LabelStyle: textStyle(8, color.Black),
		GuideText:  textStyle(7.5, color.NRGBA{R: 0x60, G: 0x60, B: 0x60, A: 0xFF}),
		SectorText: textStyle(11, color.Black),
	}
}

// style returns node i's fill, shape and radius with defaults applied.
func (n *Network) style(i int) (color.Color, Shape, vg.Length) {
	nd := n.Nodes[i]
	fill, shape, r := nd.Color, nd.Shape, nd.Radius
	if n.StyleFunc != nil {
		fill, shape, r = n.StyleFunc(i)
	}
	if fill == nil {
		fill = n.NodeColor
	}
	if r <= 0 {
		r = n.NodeRadius
	}
	return fill, shape, r
}

// DataRange implements plot.DataRanger: the nodes, and the outer ring of
// the frame.
func (n *Network) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	grow := func(x, y float64) {
		xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
		ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
	}
	for _, nd := range n.Nodes {
		grow(nd.X, nd.Y)
	}
	if n.Frame != nil {
		r := n.Frame.OuterRadius()
		grow(-r, -r)
		grow(r, r)
		// Sector label anchors must be in range for their glyph boxes
		// to count.
		for _, s := range n.sectorLabels() {
			grow(s.x, s.y)
		}
	}
	if math.IsInf(xmin, 0) {
		return -1, 1, -1, 1
	}
	return xmin, xmax, ymin, ymax
}

// GlyphBoxes implements plot.GlyphBoxer: each node's disc, the label
// beside it (on the side away from the centre of the drawing), and the
// sector labels of the frame.
func (n *Network) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	x0, x1, _, _ := n.DataRange()
	mid := (x0 + x1) / 2
	for i, nd := range n.Nodes {
		_, _, r := n.style(i)
		b := plot.GlyphBox{X: plt.X.Norm(nd.X), Y: plt.Y.Norm(nd.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}}
		boxes = append(boxes, b)
		if nd.Label != "" {
			w, h := n.LabelStyle.Width(nd.Label), n.LabelStyle.Height(nd.Label)
			lb := b
			if nd.X >= mid {
				lb.Rectangle = vg.Rectangle{Min: vg.Point{X: r, Y: -h / 2}, Max: vg.Point{X: r + 4 + w, Y: h / 2}}
			} else {
				lb.Rectangle = vg.Rectangle{Min: vg.Point{X: -r - 4 - w, Y: -h / 2}, Max: vg.Point{X: -r, Y: h / 2}}
			}
			boxes = append(boxes, lb)
		}
	}
	if n.Frame != nil {
		for _, s := range n.sectorLabels() {
			w, h := n.SectorText.Width(s.text), n.SectorText.Height(s.text)
			min := vg.Point{X: -vg.Length(s.ax) * w, Y: -vg.Length(s.ay) * h}
			boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(s.x), Y: plt.Y.Norm(s.y),
				Rectangle: vg.Rectangle{Min: min, Max: vg.Point{X: min.X + w, Y: min.Y + h}}})
		}
	}
	return boxes
}

type sectorLabel struct {
	text   string
	x, y   float64 // anchor in data units
	ax, ay float64 // alignment: fraction of the text box left of / below the anchor
}

// sectorLabels places each sector's name just outside the outer ring at
// the middle of the sector, aligned away from the centre.
func (n *Network) sectorLabels() []sectorLabel {
	g := n.Frame
	if len(g.Sectors) < 2 {
		return nil
	}
	r := g.OuterRadius() + 0.12
	var out []sectorLabel
	for s, name := range g.Sectors {
		start, end := g.SectorAngles(s)
		th := (start + end) / 2
		c, si := math.Cos(th), math.Sin(th)
		out = append(out, sectorLabel{text: name, x: r * c, y: r * si,
			ax: 0.5 - 0.5*clampUnit(c*2), ay: 0.5 - 0.5*clampUnit(si*2)})
	}
	return out
}

func clampUnit(x float64) float64 { return math.Max(-1, math.Min(1, x)) }

// Plot implements plot.Plotter.
func (n *Network) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	pt := func(x, y float64) vg.Point { return vg.Point{X: trX(x), Y: trY(y)} }
	var guides []vg.Rectangle
	if n.Frame != nil {
		guides = n.plotFrame(c, pt)
	}
	centres := make([]vg.Point, len(n.Nodes))
	radii := make([]vg.Length, len(n.Nodes))
	for i, nd := range n.Nodes {
		centres[i] = pt(nd.X, nd.Y)
		_, _, radii[i] = n.style(i)
	}
	n.drawn = n.layoutDrawing(c, pt, centres)
	n.drawn.origin = pt(0, 0)
	n.drawn.unit = pt(1, 0).X - n.drawn.origin.X
	// Arcs both ways between two nodes are drawn side by side, each
	// shifted to its own left, so that neither hides the other.
	arcs := map[[2]int]bool{}
	for _, e := range n.Edges {
		if e.Arrow {
			arcs[[2]int{e.From, e.To}] = true
		}
	}
	for _, e := range n.Edges {
		if e.From < 0 || e.To < 0 || e.From >= len(n.Nodes) || e.To >= len(n.Nodes) || e.From == e.To {
			continue
		}
		a, b := centres[e.From], centres[e.To]
		if e.Arrow && arcs[[2]int{e.To, e.From}] {
			a, b = shiftLeft(a, b, reciprocalGap)
		}
		n.plotEdge(c, e, a, b, radii[e.From], radii[e.To])
	}
	for i, nd := range n.Nodes {
		fill, shape, r := n.style(i)
		out := n.Outline
		if nd.Dashed {
			out.Dashes = []vg.Length{vg.Points(2), vg.Points(1.5)}
		}
		if nd.Thick {
			out.Width = vg.Points(2.4)
		}
		if nd.Hollow {
			fill = color.White
		}
		drawShape(&c, shape, centres[i], r, fill, out)
		if nd.NA {
			drawDash(&c, centres[i], r)
		}
	}
	if n.Message != "" {
		sty := n.LabelStyle
		sty.Font.Size = 10
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		at := pt(0, 0)
		if n.Frame != nil {
			_, out := n.Frame.RingRadii(0)
			at = pt(0, -out)
		}
		halo(&c, sty, at, n.Message)
		c.FillText(sty, at, n.Message)
	}
	n.plotLabels(c, centres, radii, guides)
}

// drawDash draws a short dark dash across a marker of radius r at p (the
// mark of a missing value).
func drawDash(c *draw.Canvas, p vg.Point, r vg.Length) {
	c.StrokeLine2(draw.LineStyle{Color: color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}, Width: vg.Points(1.2)},
		p.X-r*0.6, p.Y, p.X+r*0.6, p.Y)
}

// plotFrame draws ring circles, sector rays, ring labels and sector
// labels, and returns the boxes of the ring and sector labels, for node
// labels to avoid.
func (n *Network) plotFrame(c draw.Canvas, pt func(x, y float64) vg.Point) []vg.Rectangle {
	g := n.Frame
	origin := pt(0, 0)
	unit := pt(1, 0).X - origin.X
	for k := range g.Rings {
		_, outer := g.RingRadii(k)
		sty := n.GuideStyle
		if g.Rings[k] == Unknown {
			sty.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		}
		var p vg.Path
		p.Move(vg.Point{X: origin.X + unit*vg.Length(outer), Y: origin.Y})
		p.Arc(origin, unit*vg.Length(outer), 0, 2*math.Pi)
		p.Close()
		c.SetLineStyle(sty)
		c.Stroke(p)
	}
	var p vg.Path
	p.Move(vg.Point{X: origin.X + unit*vg.Length(g.EgoRadius), Y: origin.Y})
	p.Arc(origin, unit*vg.Length(g.EgoRadius), 0, 2*math.Pi)
	p.Close()
	c.SetLineStyle(n.GuideStyle)
	c.Stroke(p)
	if len(g.Sectors) > 1 {
		for s := range g.Sectors {
			start, _ := g.SectorAngles(s)
			cs, sn := math.Cos(start), math.Sin(start)
			c.StrokeLine2(n.GuideStyle, origin.X+unit*vg.Length(g.EgoRadius*cs), origin.Y+unit*vg.Length(g.EgoRadius*sn),
				origin.X+unit*vg.Length(g.OuterRadius()*cs), origin.Y+unit*vg.Length(g.OuterRadius()*sn))
		}
	}
	// Ring labels sit on the vertical ray at the top, centred on the ring,
	// with a white backing so that they read across the ray.
	var boxes []vg.Rectangle
	for k, name := range g.Rings {
		if name == "" {
			continue
		}
		in, out := g.RingRadii(k)
		at := pt(0, (in+out)/2)
		sty := n.GuideText
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		halo(&c, sty, at, name)
		c.FillText(sty, at, name)
		w, h := sty.Width(name), sty.Height(name)
		boxes = append(boxes, vg.Rectangle{Min: vg.Point{X: at.X - w/2 - 1, Y: at.Y - h/2}, Max: vg.Point{X: at.X + w/2 + 1, Y: at.Y + h/2}})
	}
	for _, s := range n.sectorLabels() {
		sty := n.SectorText
		sty.XAlign, sty.YAlign = text.XAlignment(-s.ax), text.YAlignment(-s.ay)
		at := pt(s.x, s.y)
		c.FillText(sty, at, s.text)
		w, h := sty.Width(s.text), sty.Height(s.text)
		min := vg.Point{X: at.X - vg.Length(s.ax)*w - 1, Y: at.Y - vg.Length(s.ay)*h}
		boxes = append(boxes, vg.Rectangle{Min: min, Max: vg.Point{X: min.X + w + 2, Y: min.Y + h}})
	}
	return boxes
}

// halo paints a white, slightly transparent box behind a text.
func halo(c *draw.Canvas, sty text.Style, at vg.Point, s string) {
	w, h := sty.Width(s), sty.Height(s)
	x0 := at.X + vg.Length(sty.XAlign)*w - 1
	y0 := at.Y + vg.Length(sty.YAlign)*h - 0.5
	c.FillPolygon(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xE0}, []vg.Point{
		{X: x0, Y: y0}, {X: x0 + w + 2, Y: y0}, {X: x0 + w + 2, Y: y0 + h + 1}, {X: x0, Y: y0 + h + 1},
	})
}

// reciprocalGap is how far each of two arcs between the same nodes, one
// each way, is shifted to its left.
const reciprocalGap = vg.Length(2.5)

// shiftLeft moves the segment a–b by gap to its left (seen from a
// towards b).
func shiftLeft(a, b vg.Point, gap vg.Length) (vg.Point, vg.Point) {
	d := b.Sub(a)
	l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if l == 0 {
		return a, b
	}
	off := vg.Point{X: -d.Y, Y: d.X}.Scale(gap / l)
	return a.Add(off), b.Add(off)
}

// plotEdge draws one tie between the borders of its nodes, with an
// arrowhead at the target when asked.
func (n *Network) plotEdge(c draw.Canvas, e Edge, a, b vg.Point, ra, rb vg.Length) {
	sty := n.EdgeStyle
	if e.Width > 0 {
		sty.Width = e.Width
	}
	if e.Color != nil {
		sty.Color = e.Color
	}
	if e.Dashed {
		sty.Dashes = []vg.Length{vg.Points(4), vg.Points(2.5)}
	}
	if e.Dashes != nil {
		sty.Dashes = e.Dashes
	}
	d := b.Sub(a)
	l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if l <= ra+rb {
		return
	}
	u := d.Scale(1 / l)
	from := a.Add(u.Scale(ra))
	to := b.Sub(u.Scale(rb))
	if e.Arrow {
		size := vg.Points(6) + sty.Width
		base := to.Sub(u.Scale(size))
		perp := vg.Point{X: -u.Y, Y: u.X}.Scale(size * 0.45)
		c.StrokeLines(sty, []vg.Point{from, base})
		c.FillPolygon(sty.Color, []vg.Point{to, base.Add(perp), base.Sub(perp)})
		return
	}
	c.StrokeLines(sty, []vg.Point{from, to})
}

// drawShape fills a node marker and strokes its outline.
func drawShape(c *draw.Canvas, s Shape, at vg.Point, r vg.Length, fill color.Color, out draw.LineStyle) {
	var p vg.Path
	switch s {
	case ShapeCircle:
		p.Move(vg.Point{X: at.X + r, Y: at.Y})
		p.Arc(at, r, 0, 2*math.Pi)
	case ShapeSquare:
		a := r * 0.88
		p.Move(vg.Point{X: at.X - a, Y: at.Y - a})
		p.Line(vg.Point{X: at.X + a, Y: at.Y - a})
		p.Line(vg.Point{X: at.X + a, Y: at.Y + a})
		p.Line(vg.Point{X: at.X - a, Y: at.Y + a})
	default:
		k, rot := polygonOf(s)
		rr := r * 1.15
		for i := 0; i < k; i++ {
			th := rot + 2*math.Pi*float64(i)/float64(k)
			q := vg.Point{X: at.X + rr*vg.Length(math.Cos(th)), Y: at.Y + rr*vg.Length(math.Sin(th))}
			if i == 0 {
				p.Move(q)
			} else {
				p.Line(q)
			}
		}
	}
	p.Close()
	c.SetColor(fill)
	c.Fill(p)
	if out.Width > 0 {
		c.SetLineStyle(out)
		c.Stroke(p)
	}
}

// polygonOf returns the number of corners and the angle of the first one.
func polygonOf(s Shape) (int, float64) {
	switch s {
	case ShapeTriangle:
		return 3, math.Pi / 2
	case ShapeDiamond:
		return 4, math.Pi / 2
	case ShapeTriangleDown:
		return 3, -math.Pi / 2
	case ShapeHexagon:
		return 6, 0
	default: // ShapePentagon
		return 5, math.Pi / 2
	}
}

// plotLabels places node labels greedily in node order (see placeLabels),
// avoiding the guide labels too, and draws them on a white backing.
func (n *Network) plotLabels(c draw.Canvas, centres []vg.Point, radii []vg.Length, guides []vg.Rectangle) {
	reqs := make([]labelRequest, 0, len(n.Nodes))
	for i, nd := range n.Nodes {
		if nd.Label == "" {
			continue
		}
		reqs = append(reqs, labelRequest{node: i, w: n.LabelStyle.Width(nd.Label), h: n.LabelStyle.Height(nd.Label)})
	}
	if len(reqs) == 0 {
		return
	}
	var segs [][2]vg.Point
	if len(n.Edges) <= maxLabelEdges {
		for _, e := range n.Edges {
			if e.From >= 0 && e.To >= 0 && e.From < len(centres) && e.To < len(centres) {
				segs = append(segs, [2]vg.Point{centres[e.From], centres[e.To]})
			}
		}
	}
	boxes := placeLabels(reqs, centres, radii, segs, guides, c.Rectangle)
	n.placed = boxes
	n.guideBoxes = guides
	n.nodeBoxes = n.nodeBoxes[:0]
	for i, p := range centres {
		r := radii[i]
		n.nodeBoxes = append(n.nodeBoxes, vg.Rectangle{Min: vg.Point{X: p.X - r, Y: p.Y - r}, Max: vg.Point{X: p.X + r, Y: p.Y + r}})
	}
	// A label moved off to a diagonal (no longer level with its node, nor
	// centred above or below it) gets a thin leader line from the node, so
	// that in a crowded picture it is clear whose label it is.
	for k, r := range reqs {
		if from, to, ok := leader(centres[r.node], radii[r.node], boxes[k]); ok {
			c.StrokeLine2(leaderStyle, from.X, from.Y, to.X, to.Y)
		}
	}
	for k, r := range reqs {
		sty := n.LabelStyle
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		label := n.Nodes[r.node].Label
		halo(&c, sty, boxes[k].Min, label)
		c.FillText(sty, boxes[k].Min, label)
	}
}

// leader returns the leader line from a node at p of radius r to its
// label box b: from the node's border to the nearest point of b, when b
// is neither level with p (p.Y within b) nor above or below it (p.X
// within b), and is farther than r.
func leader(p vg.Point, r vg.Length, b vg.Rectangle) (from, to vg.Point, ok bool) {
	if (p.Y >= b.Min.Y && p.Y <= b.Max.Y) || (p.X >= b.Min.X && p.X <= b.Max.X) {
		return from, to, false
	}
	to = vg.Point{X: max(b.Min.X, min(p.X, b.Max.X)), Y: max(b.Min.Y, min(p.Y, b.Max.Y))}
	d := to.Sub(p)
	l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if l <= r {
		return from, to, false
	}
	return p.Add(d.Scale(r / l)), to, true
}

// leaderStyle is the line from a node to a label moved off to a diagonal.
var leaderStyle = draw.LineStyle{Color: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF}, Width: vg.Points(0.5)}

// maxLabelEdges is the number of ties above which label placement stops
// avoiding ties (the cost is labels × ties).
const maxLabelEdges = 5000

type labelRequest struct {
	node int
	w, h vg.Length
}

// placeLabels chooses a box for each label, in order: the first of several
// positions around its node (the side away from the centre of the drawing
// first, then the other side, above, below, then shifted up and down) that
// overlaps no label placed so far, no node, no guide label, crosses no tie
// and stays inside bounds; when none is free, the one with the least
// overlap (labels weigh 3, guide labels 2, nodes 1, a crossed tie 20
// square points, area outside bounds 2).
//
// Cost: O(L · (L + N + E)) for L labels, N nodes and E ties.
func placeLabels(reqs []labelRequest, centres []vg.Point, radii []vg.Length, segs [][2]vg.Point, guides []vg.Rectangle, bounds vg.Rectangle) []vg.Rectangle {
	nodes := make([]vg.Rectangle, len(centres))
	for i, p := range centres {
		r := radii[i]
		nodes[i] = vg.Rectangle{Min: vg.Point{X: p.X - r, Y: p.Y - r}, Max: vg.Point{X: p.X + r, Y: p.Y + r}}
	}
	mid := vg.Point{X: (bounds.Min.X + bounds.Max.X) / 2, Y: (bounds.Min.Y + bounds.Max.Y) / 2}
	out := make([]vg.Rectangle, 0, len(reqs))
	for _, q := range reqs {
		i, w, h := q.node, q.w, q.h
		// Shapes other than circles reach 1.15 r from the centre.
		r, p := radii[i]*1.15, centres[i]
		gap := vg.Points(2.5)
		right := vg.Rectangle{Min: vg.Point{X: p.X + r + gap, Y: p.Y - h/2}, Max: vg.Point{X: p.X + r + gap + w, Y: p.Y + h/2}}
		left := vg.Rectangle{Min: vg.Point{X: p.X - r - gap - w, Y: p.Y - h/2}, Max: vg.Point{X: p.X - r - gap, Y: p.Y + h/2}}
		above := vg.Rectangle{Min: vg.Point{X: p.X - w/2, Y: p.Y + r + gap}, Max: vg.Point{X: p.X + w/2, Y: p.Y + r + gap + h}}
		below := vg.Rectangle{Min: vg.Point{X: p.X - w/2, Y: p.Y - r - gap - h}, Max: vg.Point{X: p.X + w/2, Y: p.Y - r - gap}}
		cands := []vg.Rectangle{right, left}
		if p.X < mid.X {
			cands = []vg.Rectangle{left, right}
		}
		if p.Y >= mid.Y {
			cands = append(cands, above, below)
		} else {
			cands = append(cands, below, above)
		}
		for _, dy := range []vg.Length{h * 0.8, -h * 0.8, h * 1.6, -h * 1.6} {
			for _, b := range cands[:2] {
				cands = append(cands, shift(b, 0, dy))
			}
		}
		best, bestCost := cands[0], math.Inf(1)
		for _, b := range cands {
			cost := outside(b, bounds) * 2
			for _, o := range out {
				cost += 3 * overlapArea(b, o)
			}
			for j, o := range nodes {
				if j != i {
					cost += overlapArea(b, o)
				}
			}
			for _, o := range guides {
				cost += 2 * overlapArea(b, o)
			}
			for _, s := range segs {
				if segmentHitsRect(s[0], s[1], b) {
					cost += 20
				}
			}
			if cost < bestCost-1e-9 {
				best, bestCost = b, cost
			}
			if cost == 0 {
				break
			}
		}
		out = append(out, best)
	}
	return out
}

// segmentHitsRect reports whether the segment a–b passes through r
// (Liang–Barsky clipping).
func segmentHitsRect(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	clip := func(p, q float64) bool {
		if p == 0 {
			return q >= 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	return clip(-dx, float64(a.X-r.Min.X)) && clip(dx, float64(r.Max.X-a.X)) &&
		clip(-dy, float64(a.Y-r.Min.Y)) && clip(dy, float64(r.Max.Y-a.Y)) && t0 < t1
}

func shift(r vg.Rectangle, dx, dy vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X + dx, Y: r.Min.Y + dy}, Max: vg.Point{X: r.Max.X + dx, Y: r.Max.Y + dy}}
}

func overlapArea(a, b vg.Rectangle) float64 {
	w := math.Min(float64(a.Max.X), float64(b.Max.X)) - math.Max(float64(a.Min.X), float64(b.Min.X))
	h := math.Min(float64(a.Max.Y), float64(b.Max.Y)) - math.Max(float64(a.Min.Y), float64(b.Min.Y))
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// outside returns the area of a that lies outside b.
func outside(a, b vg.Rectangle) float64 {
	area := float64(a.Size().X * a.Size().Y)
	return area - overlapArea(a, b)
}

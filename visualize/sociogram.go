package visualize

import (
	"context"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/network"
)

// Layout is the layout of a sociogram.
type Layout string

// The layouts of SociogramFigure.
const (
	LayoutForce      Layout = "force" // the default (also "")
	LayoutCircle     Layout = "circle"
	LayoutConcentric Layout = "concentric"
)

// ParseLayout returns the layout named s ("" gives LayoutForce).
func ParseLayout(s string) (Layout, error) {
	switch l := Layout(s); l {
	case "":
		return LayoutForce, nil
	case LayoutForce, LayoutCircle, LayoutConcentric:
		return l, nil
	}
	return "", fmt.Errorf("unknown layout %q (want force, circle or concentric)", s)
}

// SociogramOptions configures SociogramFigure. The zero value draws a
// force-directed layout with seed 0, no node drawn as an ego.
type SociogramOptions struct {
	Style
	// Study, if not nil, gives colours, shapes and scales shared with the
	// other pictures of a run (its Style is used instead of Style's
	// mapping fields, Style's label fields still apply); nil computes
	// them from g.
	Study *StudyStyle
	// Layout is LayoutForce (the default), LayoutCircle, or
	// LayoutConcentric (by SizeValues, or by degree when there are none,
	// highest at the centre, binned into concentricLevels(n) rings).
	Layout Layout
	// Seed of the force-directed layout.
	Seed uint64
	// Title of the figure.
	Title string
	// Ego, if not "", is the label of a node drawn as the ego (dark,
	// larger, with an "ego" legend entry); "" draws every node alike.
	Ego string
}

// graphGetter returns a get function for lookOf over the nodes of g.
func graphGetter(g *network.Graph) func(string) ([]network.Value, []network.Value, bool) {
	return func(attr string) ([]network.Value, []network.Value, bool) {
		col, ok := g.Attrs().Index(attr)
		if !ok {
			return nil, nil, false
		}
		vals := make([]network.Value, g.Order())
		for i := range vals {
			vals[i] = g.NodeAttr(i, col)
		}
		return vals, vals, true
	}
}

// graphValues returns a get function for lookOf over the nodes of g.
func graphValues(g *network.Graph) func(string) ([]network.Value, bool) {
	get := graphGetter(g)
	return func(attr string) ([]network.Value, bool) {
		v, _, ok := get(attr)
		return v, ok
	}
}

// SociogramFigure draws a whole network (or an ego network extracted from
// one) with a force-directed, circle or concentric layout. Ties are drawn
// with width by weight and arrows when the graph is directed; the drawing
// order is the node and edge order of g, so equal input gives equal bytes.
// Nodes are moved, within their place in the layout, so that no tie
// passes within DefaultClearance of a node it does not join (see
// Figure.Violations). The force layout stops when ctx is done.
func SociogramFigure(ctx context.Context, g *network.Graph, opt SociogramOptions) (*Figure, error) {
	net, legend, note, err := SociogramNetwork(ctx, g, opt)
	if err != nil {
		return nil, err
	}
	p := newPanel("")
	p.Add(net)
	f := &Figure{Title: opt.Title, Panels: []*plot.Plot{p}, Isotropic: true, Legend: legend, Note: note}
	f.nets = []figureNet{{net: net}}
	return f, nil
}

// concentricLevels is the number of rings of a concentric sociogram of n
// nodes: about √n, from 3 to 8, so that rings stay far enough apart for
// their nodes (one ring per distinct score put 30 rings of one node each
// on top of one another in the 34-node karate club).
func concentricLevels(n int) int {
	return min(8, max(3, int(math.Round(math.Sqrt(float64(n))))))
}

// SociogramNetwork returns the Network plotter of SociogramFigure, its
// legend entries and a note on node sizes, to compose with other plots.
// Node i is node i of g; edges are g's ties in node order (u < v when
// undirected), with Arrow set when g is directed and widths from 0.6pt to
// 3pt by weight when the weights vary.
func SociogramNetwork(ctx context.Context, g *network.Graph, opt SociogramOptions) (*Network, []LegendEntry, string, error) {
	n := g.Order()
	layout, err := ParseLayout(string(opt.Layout))
	if err != nil {
		return nil, nil, "", err
	}
	ss := opt.Study
	if ss == nil {
		if ss, err = NewGraphStyle(g, opt.Style); err != nil {
			return nil, nil, "", err
		}
	} else {
		st := ss.style
		st.Label, st.NoLabels, st.SizeValues, st.SizeName = opt.Label, opt.NoLabels, opt.SizeValues, opt.SizeName
		if opt.SizeValues != nil {
			st.Size = ""
			st.SizeLo, st.SizeHi = opt.SizeLo, opt.SizeHi
		}
		cp := *ss
		cp.style = st
		ss = &cp
	}
	ego := -1
	if opt.Ego != "" {
		v, ok := g.Lookup(opt.Ego)
		if !ok {
			return nil, nil, "", fmt.Errorf("%w: no node %q to draw as the ego", network.ErrUnknownNode, opt.Ego)
		}
		ego = v
	}
	var edges [][2]int
	var ws []float64
	for u := 0; u < n; u++ {
		for _, v := range g.Neighbors(u) {
			if !g.Directed() && v < u {
				continue
			}
			w, _ := g.EdgeWeight(u, v)
			edges = append(edges, [2]int{u, v})
			ws = append(ws, w)
		}
	}
	var pos []r2.Vec
	regions := make([]region, n)
	switch layout {
	case LayoutForce:
		if pos, err = Force(ctx, n, edges, ForceOptions{Seed: opt.Seed}); err != nil {
			return nil, nil, "", err
		}
		for i, p := range pos {
			regions[i] = freeRegion(p.X, p.Y)
		}
	case LayoutCircle:
		pos = Circle(n)
		for i, p := range pos {
			regions[i] = ringRegion(1, math.Atan2(p.Y, p.X), 0.45*2*math.Pi/float64(n))
		}
		if n == 1 {
			regions[0] = region{fixed: true}
		}
	case LayoutConcentric:
		score := opt.SizeValues
		if score == nil {
			score = make([]float64, n)
			for i := range score {
				score[i] = float64(g.Degree(i))
			}
		}
		if len(score) != n {
			return nil, nil, "", fmt.Errorf("%d values for %d nodes", len(score), n)
		}
		var level []int
		pos, level = Concentric(score, ConcentricOptions{Levels: concentricLevels(n)})
		count := map[int]int{}
		for _, l := range level {
			count[l]++
		}
		for i, p := range pos {
			r := r2.Norm(p)
			if r == 0 {
				regions[i] = region{r1: 0.3, half: math.Pi}
				continue
			}
			regions[i] = ringRegion(r, math.Atan2(p.Y, p.X), 0.45*2*math.Pi/float64(count[level[i]]))
		}
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = g.Label(i)
	}
	lk, err := lookOf(ss, n, ids, graphValues(g), ego)
	if err != nil {
		return nil, nil, "", err
	}
	nodes := make([]Node, n)
	if n > 150 {
		// Smaller markers for large networks: area shrinks as 1/n, down
		// to a quarter of the radius.
		f := vg.Length(math.Max(0.25, math.Sqrt(150/float64(n))))
		for i := range lk.radius {
			lk.radius[i] *= f
		}
	}
	for i, p := range pos {
		nodes[i] = Node{X: p.X, Y: p.Y, ID: ids[i], Label: lk.label[i], Color: lk.color[i], Shape: lk.shape[i], Radius: lk.radius[i],
			NA: lk.na[i], Hollow: lk.hollow[i]}
	}
	legend := lk.legend
	if layout == LayoutConcentric {
		name := opt.SizeName
		if opt.SizeValues == nil {
			name = "degree"
		} else if name == "" {
			name = "value"
		}
		legend = append(legend, LegendEntry{Text: "centre: highest " + name})
	}
	if ego >= 0 {
		nodes[ego].Color, nodes[ego].Shape, nodes[ego].Radius = EgoColor, ShapeCircle, egoSize
		nodes[ego].NA, nodes[ego].Hollow = false, false
		legend = append([]LegendEntry{{Text: "ego " + ids[ego], Thumbs: []plot.Thumbnailer{NodeThumb{Color: EgoColor}}}}, legend...)
	}
	scale := vg.Length(1)
	if n > 150 {
		scale = 0.4 // as the ties are drawn below
	}
	legend = append(legend, weightLegend(ss.widthLo, ss.widthHi, scale)...)
	es := make([]Edge, len(edges))
	for i, e := range edges {
		es[i] = Edge{From: e[0], To: e[1], Width: ss.widthOf(ws[i]), Arrow: g.Directed()}
	}
	net := NewNetwork(nodes, es)
	net.regions = regions
	net.Clearance = DefaultClearance
	if n > 150 {
		net.EdgeStyle.Color = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0x60}
		net.Outline.Width = 0.3
		for i := range es {
			es[i].Width *= 0.4
		}
	}
	return net, legend, lk.note, nil
}

// EgoSociogramFigure draws one ego network of a survey with a
// force-directed, circle or concentric layout: the alters with their
// attributes (colours, shapes and scales from opt.Study, or from the ego's
// whole dataset when nil, so that they agree with the study's egograms),
// the ego drawn as the ego, ego–alter and alter–alter ties. opt.Ego is not
// used; SizeValues, when given, has one value per alter and then the ego.
func EgoSociogramFigure(ctx context.Context, e *network.EgoNet, opt SociogramOptions) (*Figure, error) {
	if opt.Study == nil {
		ss, err := NewStudyStyle(e.Dataset(), DrawOptions{Style: opt.Style})
		if err != nil {
			return nil, err
		}
		opt.Study = ss
	}
	g := attributedEgoGraph(e)
	opt.Ego = g.Label(e.EgoNode())
	if opt.Title == "" {
		opt.Title = egoTitle(e)
	}
	f, err := SociogramFigure(ctx, g, opt)
	if err != nil {
		return nil, err
	}
	// The ego is "ID (ego)" in the graph only so that it cannot merge with
	// an alter of the same ID: its picture, legend and positions say ID.
	nd := &f.nets[0].net.Nodes[e.EgoNode()]
	nd.ID = e.ID
	if nd.Label != "" {
		nd.Label = e.ID
	}
	if len(f.Legend) > 0 && f.Legend[0].Text == "ego "+opt.Ego {
		f.Legend[0].Text = "ego " + e.ID
	}
	return f, nil
}

// attributedEgoGraph returns e's ego graph with the alters' attributes as
// node attributes: alters in order, then the ego (labelled "ID (ego)" so
// that it cannot merge with an alter of the same ID, its attributes
// missing).
func attributedEgoGraph(e *network.EgoNet) *network.Graph {
	ds := e.Dataset()
	b := network.NewBuilder(e.Directed(), ds.AlterWeighted || ds.TieWeighted)
	names := ds.AlterAttrs.Names()
	for _, n := range names {
		b.DeclareAttr(n)
	}
	for _, a := range e.Alters {
		v := b.LookupOrAdd(a.ID)
		for i, n := range names {
			b.SetAttr(v, n, a.Attrs.At(i))
		}
	}
	ego := b.LookupOrAdd(e.ID + " (ego)")
	for i, a := range e.Alters {
		_ = b.AddEdge(ego, i, a.Weight)
	}
	for _, t := range e.Ties {
		_ = b.AddEdge(t.From, t.To, t.Weight)
	}
	g, _ := b.Build()
	return g
}

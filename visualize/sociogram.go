package visualize

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/network"
)

// Layout names for SociogramFigure.
const (
	LayoutForce      = "force"
	LayoutCircle     = "circle"
	LayoutConcentric = "concentric"
)

// SociogramOptions configures SociogramFigure.
type SociogramOptions struct {
	Style
	// Layout is LayoutForce (the default), LayoutCircle, or
	// LayoutConcentric (by SizeValues, or by degree when there are none,
	// highest at the centre, binned into concentricLevels(n) rings).
	Layout string
	// Seed of the force-directed layout.
	Seed uint64
	// Title of the figure.
	Title string
	// Highlight, if ≥ 0, is a node drawn as the ego (dark, larger).
	Highlight int
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

// SociogramFigure draws a whole network (or an ego network extracted from
// one) with a force-directed, circle or concentric layout. Ties are drawn
// with width by weight and arrows when the graph is directed; the drawing
// order is the node and edge order of g, so equal input gives equal bytes.
func SociogramFigure(g *network.Graph, opt SociogramOptions) (*Figure, error) {
	net, legend, note, err := SociogramNetwork(g, opt)
	if err != nil {
		return nil, err
	}
	p := newPanel("")
	p.Add(net)
	return &Figure{Title: opt.Title, Panels: []*plot.Plot{p}, Isotropic: true, Legend: legend, Note: note}, nil
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
func SociogramNetwork(g *network.Graph, opt SociogramOptions) (*Network, []LegendEntry, string, error) {
	n := g.Order()
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
	switch opt.Layout {
	case "", LayoutForce:
		pos = Force(n, edges, ForceOptions{Seed: opt.Seed})
	case LayoutCircle:
		pos = Circle(n)
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
		pos, _ = Concentric(score, ConcentricOptions{Levels: concentricLevels(n)})
	default:
		return nil, nil, "", fmt.Errorf("unknown layout %q (want force, circle or concentric)", opt.Layout)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = g.Label(i)
	}
	lk, err := lookOf(opt.Style, n, ids, graphGetter(g))
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
		nodes[i] = Node{X: p.X, Y: p.Y, Label: lk.label[i], Color: lk.color[i], Shape: lk.shape[i], Radius: lk.radius[i]}
	}
	legend := lk.legend
	if opt.Layout == LayoutConcentric {
		name := opt.SizeName
		if opt.SizeValues == nil {
			name = "degree"
		} else if name == "" {
			name = "value"
		}
		legend = append(legend, LegendEntry{Text: "centre: highest " + name})
	}
	if opt.Highlight >= 0 && opt.Highlight < n {
		nodes[opt.Highlight].Color, nodes[opt.Highlight].Shape, nodes[opt.Highlight].Radius = EgoColor, ShapeCircle, egoSize
		legend = append([]LegendEntry{{Text: "ego " + ids[opt.Highlight], Thumbs: []plot.Thumbnailer{NodeThumb{Color: EgoColor}}}}, legend...)
	}
	widths := make([]vg.Length, len(edges))
	lo, hi := tieWidths(widths, ws)
	scale := vg.Length(1)
	if n > 150 {
		scale = 0.4 // as the ties are drawn below
	}
	legend = append(legend, weightLegend(lo, hi, scale)...)
	es := make([]Edge, len(edges))
	for i, e := range edges {
		es[i] = Edge{From: e[0], To: e[1], Width: widths[i], Arrow: g.Directed()}
	}
	net := NewNetwork(nodes, es)
	if n > 150 {
		net.EdgeStyle.Color = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0x60}
		net.Outline.Width = 0.3
		for i := range es {
			es[i].Width *= 0.4
		}
	}
	return net, legend, lk.note, nil
}

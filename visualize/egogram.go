package visualize

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// DrawOptions configures the egogram pictures: where alters go (the
// embedded EgogramOptions) and how they look (Style).
type DrawOptions struct {
	EgogramOptions
	Style
	// Title of the figure; "" gives "ego ID" (and the wave).
	Title string
}

// egoTitle is "ego ID" with the wave when there is one, and ", no
// alters" for an ego who named nobody (so that an empty frame does not
// look like a drawing that failed).
func egoTitle(e *network.EgoNet) string {
	t := "ego " + e.ID
	if e.Wave != "" {
		t = fmt.Sprintf("ego %s, wave %s", e.ID, e.Wave)
	}
	if len(e.Alters) == 0 {
		t += ", no alters"
	}
	return t
}

// EgogramPanel returns the egogram of e as a plot and its legend entries:
// the ego at the centre, alters in their ring and sector (EgogramOf),
// alter–alter ties drawn, rings and sectors labelled.
func EgogramPanel(e *network.EgoNet, opt DrawOptions) (*plot.Plot, []LegendEntry, string, error) {
	net, legend, note, err := EgogramNetwork(e, opt)
	if err != nil {
		return nil, nil, "", err
	}
	p := newPanel(opt.Title)
	p.Add(net)
	return p, legend, note, nil
}

// EgogramNetwork returns the Network plotter of e's egogram (see
// EgogramPanel), its legend entries and a note on node sizes. The ego is
// the last node.
func EgogramNetwork(e *network.EgoNet, opt DrawOptions) (*Network, []LegendEntry, string, error) {
	g, err := EgogramOf(e, opt.EgogramOptions)
	if err != nil {
		return nil, nil, "", err
	}
	return egogramNetwork(e, g, opt)
}

// egogramNetwork draws e on the layout g.
func egogramNetwork(e *network.EgoNet, g *Egogram, opt DrawOptions) (*Network, []LegendEntry, string, error) {
	ids := make([]string, len(e.Alters))
	for i, a := range e.Alters {
		ids[i] = a.ID
	}
	lk, err := lookOf(opt.Style, len(e.Alters), ids, alterGetter(e))
	if err != nil {
		return nil, nil, "", err
	}
	dashed, width, tieLegend, err := tieLook(e, opt.Style)
	if err != nil {
		return nil, nil, "", err
	}
	nodes := make([]Node, 0, len(e.Alters)+1)
	for i, p := range g.Alters {
		nodes = append(nodes, Node{X: p.X, Y: p.Y, Label: lk.label[i], Color: lk.color[i], Shape: lk.shape[i], Radius: lk.radius[i]})
	}
	nodes = append(nodes, Node{Color: EgoColor, Radius: egoSize})
	edges := make([]Edge, len(e.Ties))
	for i, t := range e.Ties {
		edges[i] = Edge{From: t.From, To: t.To, Dashed: dashed[i], Width: width[i], Arrow: e.Directed()}
	}
	net := NewNetwork(nodes, edges)
	net.Frame = g
	legend := append([]LegendEntry{{Text: "ego", Thumbs: []plot.Thumbnailer{NodeThumb{Color: EgoColor}}}}, lk.legend...)
	legend = append(legend, tieLegend...)
	if opt.Rings != "" && len(g.Rings) > 1 {
		legend = append(legend, LegendEntry{Text: "rings: " + opt.Rings}, LegendEntry{Text: g.Rings[0] + " innermost"})
	}
	return net, legend, lk.note, nil
}

// EgogramFigure returns a one-panel figure of e's egogram with its legend.
func EgogramFigure(e *network.EgoNet, opt DrawOptions) (*Figure, error) {
	title := opt.Title
	if title == "" {
		title = egoTitle(e)
	}
	opt.Title = ""
	p, legend, note, err := EgogramPanel(e, opt)
	if err != nil {
		return nil, err
	}
	return &Figure{Title: title, Panels: []*plot.Plot{p}, Isotropic: true, Legend: legend, Note: note}, nil
}

// EgogramGrid returns a page of small multiples: one egogram per ego, in
// the order given, all on the frame of the study (with StudyUnknown), with
// one legend.
func EgogramGrid(egos []*network.EgoNet, opt DrawOptions) (*Figure, error) {
	f := &Figure{Title: opt.Title, Isotropic: true}
	opt.StudyUnknown = true
	for _, e := range egos {
		o := opt
		o.Title = egoTitle(e)
		p, legend, note, err := EgogramPanel(e, o)
		if err != nil {
			return nil, err
		}
		f.Panels = append(f.Panels, p)
		f.Legend, f.Note = legend, note
	}
	cols := int(math.Ceil(math.Sqrt(float64(max(len(egos), 1)))))
	rows := (len(egos) + cols - 1) / cols
	f.Columns = cols
	f.Width = vg.Points(300*float64(cols) + 160)
	f.Height = vg.Points(300*float64(max(rows, 1)) + 40)
	return f, nil
}

// Change status of an alter between two waves.
const (
	Kept   = "kept"
	Gained = "gained"
	Lost   = "lost"
)

// Colours and shapes of the change statuses: distinct in colour and in
// shape, and lost alters have a dashed outline, so the picture reads in
// greyscale too.
var (
	keptLook   = NodeThumb{Color: OkabeIto[0], Shape: ShapeCircle}
	gainedLook = NodeThumb{Color: OkabeIto[2], Shape: ShapeTriangle}
	lostLook   = NodeThumb{Color: color.NRGBA{R: 0xF2, G: 0xC4, B: 0xA8, A: 0xFF}, Shape: ShapeSquare, Dashed: true}
)

// BeforeAfterFigure draws two waves of one ego side by side on the same
// ring and sector frame (levels from the whole study), laid out together
// by LayoutEgogramPair so that an alter kept in its ring and sector stays
// in place. Alters are matched by ID: kept alters are blue circles in both panels, lost alters pale
// dashed squares in the first, gained alters green triangles in the
// second. Style.Color is not used (colour shows the change); size and
// labels are.
func BeforeAfterFigure(before, after *network.EgoNet, opt DrawOptions) (*Figure, error) {
	ch := measures.AlterChange(before, after)
	sb, sa := ch.Statuses()
	title := opt.Title
	if title == "" {
		title = fmt.Sprintf("ego %s: %d kept, %d lost, %d gained", before.ID, len(ch.Kept), len(ch.Lost), len(ch.Gained))
	}
	opt.Style.Color = ""
	inB, err := EgogramInputOf(before, opt.EgogramOptions)
	if err != nil {
		return nil, err
	}
	inA, err := EgogramInputOf(after, opt.EgogramOptions)
	if err != nil {
		return nil, err
	}
	gb, ga := LayoutEgogramPair(inB, inA, alterIDs(before), alterIDs(after))
	f := &Figure{Title: title, Isotropic: true, Columns: 2, Width: PairWidth, Height: PairHeight}
	for k, e := range []*network.EgoNet{before, after} {
		o := opt
		o.Title = "wave " + e.Wave
		if e.Wave == "" {
			o.Title = []string{"before", "after"}[k]
		}
		net, legend, note, err := egogramNetwork(e, []*Egogram{gb, ga}[k], o)
		if err != nil {
			return nil, err
		}
		p := newPanel(o.Title)
		p.Add(net)
		status := [][]measures.AlterStatus{sb, sa}[k]
		for i, s := range status {
			lk := map[measures.AlterStatus]NodeThumb{measures.StatusKept: keptLook, measures.StatusLost: lostLook, measures.StatusGained: gainedLook}[s]
			net.Nodes[i].Color, net.Nodes[i].Shape, net.Nodes[i].Dashed = lk.Color, lk.Shape, lk.Dashed
		}
		f.Panels = append(f.Panels, p)
		f.Legend, f.Note = legend, note
	}
	f.Legend = append(f.Legend,
		LegendEntry{Text: "alters"},
		LegendEntry{Text: Kept, Thumbs: []plot.Thumbnailer{keptLook}},
		LegendEntry{Text: Lost + " (before only)", Thumbs: []plot.Thumbnailer{lostLook}},
		LegendEntry{Text: Gained + " (after only)", Thumbs: []plot.Thumbnailer{gainedLook}},
	)
	return f, nil
}

func alterIDs(e *network.EgoNet) []string {
	ids := make([]string, len(e.Alters))
	for i, a := range e.Alters {
		ids[i] = a.ID
	}
	return ids
}

// Default page sizes, in points (1/72 inch; at 96 dpi a point is 4/3
// pixel): a single picture is 800 × 640 pixels, a pair 1280 × 720.
var (
	SingleWidth, SingleHeight = vg.Points(600), vg.Points(480)
	PairWidth, PairHeight     = vg.Points(960), vg.Points(540)
)

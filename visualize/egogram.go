package visualize

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// DrawOptions configures the egogram pictures: where alters go (the
// embedded EgogramOptions) and how they look (Style).
type DrawOptions struct {
	EgogramOptions
	Style
	// Study, if not nil, is the visual language shared by every picture
	// of a run (NewStudyStyle): its colours, shapes, scales, rings and
	// sectors are used instead of those computed from EgogramOptions and
	// Style's mapping fields (Style's label fields still apply). nil
	// computes it from the ego's dataset, which gives the same result for
	// the same options.
	Study *StudyStyle
	// Title of the figure; "" gives "ego ID" (and the wave).
	Title string
}

// studyOf returns the study style of opt for e's dataset, with opt's
// label fields.
func studyOf(e *network.EgoNet, opt DrawOptions) (*StudyStyle, error) {
	ss := opt.Study
	if ss == nil {
		var err error
		if ss, err = NewStudyStyle(e.Dataset(), opt); err != nil {
			return nil, err
		}
	}
	cp := *ss
	cp.style.Label, cp.style.NoLabels = opt.Label, opt.NoLabels
	if opt.SizeValues != nil {
		cp.style.SizeValues, cp.style.SizeName, cp.style.Size = opt.SizeValues, opt.SizeName, ""
		cp.style.SizeLo, cp.style.SizeHi = opt.SizeLo, opt.SizeHi
	}
	return &cp, nil
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

// nobody is the words in the frame of an ego who named nobody.
func nobody(e *network.EgoNet) string {
	if e.Wave != "" {
		return "named nobody at wave " + e.Wave
	}
	return "named nobody"
}

// Panel is one network picture with what its figure needs: the plot, the
// Network drawn in it, its legend entries and a note on node sizes.
type Panel struct {
	Plot    *plot.Plot
	Network *Network
	Legend  []LegendEntry
	Note    string
}

// EgogramPanel returns the egogram of e as a panel: the ego at the centre,
// alters in their ring and sector (EgogramOf), alter–alter ties drawn,
// rings and sectors labelled.
func EgogramPanel(e *network.EgoNet, opt DrawOptions) (*Panel, error) {
	net, legend, note, err := EgogramNetwork(e, opt)
	if err != nil {
		return nil, err
	}
	p := newPanel(opt.Title)
	p.Add(net)
	return &Panel{Plot: p, Network: net, Legend: legend, Note: note}, nil
}

// EgogramNetwork returns the Network plotter of e's egogram (see
// EgogramPanel), its legend entries and a note on node sizes. The ego is
// the last node.
func EgogramNetwork(e *network.EgoNet, opt DrawOptions) (*Network, []LegendEntry, string, error) {
	ss, err := studyOf(e, opt)
	if err != nil {
		return nil, nil, "", err
	}
	g, err := EgogramOf(e, ss.frame)
	if err != nil {
		return nil, nil, "", err
	}
	return egogramNetwork(e, g, opt, ss)
}

// egogramNetwork draws e on the layout g in the study style ss.
func egogramNetwork(e *network.EgoNet, g *Egogram, opt DrawOptions, ss *StudyStyle) (*Network, []LegendEntry, string, error) {
	ids := alterIDs(e)
	lk, err := lookOf(ss, len(e.Alters), ids, alterGetter(e), -1)
	if err != nil {
		return nil, nil, "", err
	}
	dashes, width, tieLegend, err := tieLook(e, ss)
	if err != nil {
		return nil, nil, "", err
	}
	nodes := make([]Node, 0, len(e.Alters)+1)
	regions := make([]region, 0, len(e.Alters)+1)
	for i, p := range g.Alters {
		nodes = append(nodes, Node{X: p.X, Y: p.Y, ID: ids[i], Label: lk.label[i], Color: lk.color[i], Shape: lk.shape[i], Radius: lk.radius[i],
			NA: lk.na[i], Hollow: lk.hollow[i]})
		regions = append(regions, g.cellRegion(g.Ring[i], g.Sector[i]))
	}
	nodes = append(nodes, Node{ID: e.ID, Color: EgoColor, Radius: egoSize})
	regions = append(regions, region{fixed: true})
	edges := make([]Edge, len(e.Ties))
	for i, t := range e.Ties {
		edges[i] = Edge{From: t.From, To: t.To, Dashes: dashes[i], Width: width[i], Arrow: e.Directed()}
	}
	net := NewNetwork(nodes, edges)
	net.Frame = g
	net.regions = regions
	net.Clearance = DefaultClearance
	if len(e.Alters) == 0 {
		net.Message = nobody(e)
	}
	legend := append([]LegendEntry{{Text: "ego", Thumbs: []plot.Thumbnailer{NodeThumb{Color: EgoColor}}}}, lk.legend...)
	legend = append(legend, tieLegend...)
	legend = append(legend, ringLegend(ss.frame.Rings, g)...)
	return net, legend, lk.note, nil
}

// ringLegend says in plain words what the rings show and which way:
// "closeness: 1 = closest (inner ring)" (a ring column named "ring" is
// called closeness).
func ringLegend(attr string, g *Egogram) []LegendEntry {
	if attr == "" || len(g.Rings) < 2 {
		return nil
	}
	name := attr
	if strings.EqualFold(name, "ring") || strings.EqualFold(name, "rings") {
		name = "closeness"
	}
	return []LegendEntry{{Text: fmt.Sprintf("%s: %s = closest (inner ring)", name, g.Rings[0])}}
}

// cellRegion is the region of ring k and sector s: an alter moved to keep
// the picture clear stays in its cell, its marker inside.
func (g *Egogram) cellRegion(k, s int) region {
	in, out := g.RingRadii(k)
	if len(g.Sectors) < 2 {
		return region{r0: in, r1: out, half: math.Pi, margin: true}
	}
	start, end := g.SectorAngles(s)
	return region{r0: in, r1: out, mid: (start + end) / 2, half: (start - end) / 2, margin: true}
}

// EgogramFigure returns a one-panel figure of e's egogram with its legend.
func EgogramFigure(e *network.EgoNet, opt DrawOptions) (*Figure, error) {
	title := opt.Title
	if title == "" {
		title = egoTitle(e)
	}
	opt.Title = ""
	p, err := EgogramPanel(e, opt)
	if err != nil {
		return nil, err
	}
	f := &Figure{Title: title, Panels: []*plot.Plot{p.Plot}, Isotropic: true, Legend: p.Legend, Note: p.Note}
	f.nets = []figureNet{{net: p.Network}}
	return f, nil
}

// EgogramGrid returns a page of small multiples: one egogram per ego, in
// the order given, all on the frame of the study, with one legend (every
// entry any panel needs).
func EgogramGrid(egos []*network.EgoNet, opt DrawOptions) (*Figure, error) {
	f := &Figure{Title: opt.Title, Isotropic: true}
	if opt.Study == nil && len(egos) > 0 {
		ss, err := NewStudyStyle(egos[0].Dataset(), opt)
		if err != nil {
			return nil, err
		}
		opt.Study = ss
	}
	var legends [][]LegendEntry
	for _, e := range egos {
		o := opt
		o.Title = egoTitle(e)
		p, err := EgogramPanel(e, o)
		if err != nil {
			return nil, err
		}
		f.Panels = append(f.Panels, p.Plot)
		f.nets = append(f.nets, figureNet{panel: e.ID, net: p.Network})
		legends = append(legends, p.Legend)
		f.Note = p.Note
	}
	f.Legend = mergeLegends(legends...)
	cols := int(math.Ceil(math.Sqrt(float64(max(len(egos), 1)))))
	rows := (len(egos) + cols - 1) / cols
	f.Columns = cols
	f.Width = vg.Points(300*float64(cols) + 160)
	f.Height = vg.Points(300*float64(max(rows, 1)) + 40)
	return f, nil
}

// mergeLegends returns every entry of the legends once (by text), each
// after the entry that precedes it in its own legend.
func mergeLegends(ls ...[]LegendEntry) []LegendEntry {
	var out []LegendEntry
	index := func(text string) int {
		for i, e := range out {
			if e.Text == text {
				return i
			}
		}
		return -1
	}
	for _, l := range ls {
		at := 0
		for _, e := range l {
			if i := index(e.Text); i >= 0 {
				at = i + 1
				continue
			}
			out = append(out[:at], append([]LegendEntry{e}, out[at:]...)...)
			at++
		}
	}
	return out
}

// Change status of an alter between two waves, as legend words.
const (
	Kept   = "kept"
	Gained = "gained"
	Lost   = "lost"
)

// Looks of kept and gained alters in the pictures of several waves
// (charts_change.go).
var (
	keptLook   = NodeThumb{Color: okabeIto[0], Shape: ShapeCircle}
	gainedLook = NodeThumb{Color: okabeIto[2], Shape: ShapeTriangle}
)

// Marks of change between two waves. Alters keep the colour and shape of
// their category (one visual language for the study); a lost alter has a
// dashed outline and a gained one a thick outline, and their labels say
// so; alter–alter ties kept are drawn as usual, lost ones dashed
// vermillion in the first panel, gained ones green in the second.
var (
	lostTie     = draw.LineStyle{Color: color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, Width: vg.Points(1.6), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
	gainedTie   = draw.LineStyle{Color: color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, Width: vg.Points(2)}
	lostThumb   = NodeThumb{Color: color.White, Shape: ShapeCircle, Dashed: true}
	gainedThumb = NodeThumb{Color: color.White, Shape: ShapeCircle, Thick: true}
)

// BeforeAfterFigure draws two waves of one ego side by side on the same
// ring and sector frame (the study's), laid out together by
// LayoutEgogramPair so that an alter kept in its ring and sector stays in
// place. Alters are matched by ID and keep their study colour and shape:
// lost alters (first wave only) have a dashed outline and "(lost)" after
// their label, gained alters (second wave only) a thick outline and
// "(new)"; a kept alter who moved ring has "(closer)" or "(further)" in
// the second panel. Alter–alter ties are matched by their alters' IDs:
// kept ties drawn as usual, lost ties dashed vermillion in the first
// panel, gained ties green in the second. A wave at which the ego named
// nobody gets "named nobody at wave W" in its frame.
func BeforeAfterFigure(before, after *network.EgoNet, opt DrawOptions) (*Figure, error) {
	ch := measures.AlterChange(before, after)
	sb, sa := ch.Statuses()
	title := opt.Title
	if title == "" {
		title = fmt.Sprintf("ego %s: %d kept, %d lost, %d gained", before.ID, len(ch.Kept), len(ch.Lost), len(ch.Gained))
	}
	ss, err := studyOf(before, opt)
	if err != nil {
		return nil, err
	}
	inB, err := EgogramInputOf(before, ss.frame)
	if err != nil {
		return nil, err
	}
	inA, err := EgogramInputOf(after, ss.frame)
	if err != nil {
		return nil, err
	}
	gb, ga := LayoutEgogramPair(inB, inA, alterIDs(before), alterIDs(after))
	tb, ta := tieKeys(before), tieKeys(after)
	ringB := map[string]int{}
	for i, a := range before.Alters {
		if gb.Rings[gb.Ring[i]] != Unknown {
			ringB[a.ID] = gb.Ring[i]
		}
	}
	f := &Figure{Title: title, Isotropic: true, Columns: 2, Width: PairWidth, Height: PairHeight}
	var legends [][]LegendEntry
	moved := false
	for k, e := range []*network.EgoNet{before, after} {
		o := opt
		o.Title = "wave " + e.Wave
		if e.Wave == "" {
			o.Title = []string{"before", "after"}[k]
		}
		g := []*Egogram{gb, ga}[k]
		net, legend, note, err := egogramNetwork(e, g, o, ss)
		if err != nil {
			return nil, err
		}
		status := [][]measures.AlterStatus{sb, sa}[k]
		for i, s := range status {
			nd := &net.Nodes[i]
			switch s {
			case measures.StatusLost:
				nd.Dashed = true
				nd.Label = withNote(nd.Label, "lost")
			case measures.StatusGained, measures.StatusReturned:
				nd.Thick = true
				nd.Label = withNote(nd.Label, "new")
			case measures.StatusKept:
				if k == 1 && g.Rings[g.Ring[i]] != Unknown {
					if r, ok := ringB[e.Alters[i].ID]; ok && r != g.Ring[i] {
						moved = true
						nd.Label = withNote(nd.Label, map[bool]string{true: "closer", false: "further"}[g.Ring[i] < r])
					}
				}
			}
		}
		other := []map[[2]string]bool{ta, tb}[k]
		for i, t := range e.Ties {
			if other[tieKey(e, t)] {
				continue
			}
			sty := []draw.LineStyle{lostTie, gainedTie}[k]
			net.Edges[i].Color, net.Edges[i].Width, net.Edges[i].Dashes = sty.Color, sty.Width, sty.Dashes
		}
		p := newPanel(o.Title)
		p.Add(net)
		f.Panels = append(f.Panels, p)
		f.nets = append(f.nets, figureNet{panel: o.Title, net: net})
		legends = append(legends, legend)
		f.Note = note
	}
	f.Legend = mergeLegends(legends...)
	f.Legend = append(f.Legend,
		LegendEntry{Text: "change"},
		LegendEntry{Text: "lost (first wave only)", Thumbs: []plot.Thumbnailer{lostThumb}},
		LegendEntry{Text: "new (second wave only)", Thumbs: []plot.Thumbnailer{gainedThumb}},
		LegendEntry{Text: "tie lost", Thumbs: []plot.Thumbnailer{EdgeThumb{lostTie}}},
		LegendEntry{Text: "tie new", Thumbs: []plot.Thumbnailer{EdgeThumb{gainedTie}}},
	)
	if moved {
		f.Legend = append(f.Legend, LegendEntry{Text: "(closer), (further): moved ring"})
	}
	return f, nil
}

// withNote appends a note in brackets to a label ("" stays "", so that
// NoLabels keeps pictures bare).
func withNote(label, note string) string {
	if label == "" {
		return ""
	}
	return label + " (" + note + ")"
}

// tieKey identifies an alter–alter tie across waves by its alters' IDs
// (in order for an undirected tie).
func tieKey(e *network.EgoNet, t network.Tie) [2]string {
	a, b := e.Alters[t.From].ID, e.Alters[t.To].ID
	if !e.Directed() && b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

func tieKeys(e *network.EgoNet) map[[2]string]bool {
	out := make(map[[2]string]bool, len(e.Ties))
	for _, t := range e.Ties {
		out[tieKey(e, t)] = true
	}
	return out
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
const (
	SingleWidth, SingleHeight vg.Length = 600, 480
	PairWidth, PairHeight     vg.Length = 960, 540
)

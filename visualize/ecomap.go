package visualize

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sociogram/sociogram/network"
)

// Quality is the quality of a relationship in an ecomap (Hartman 1978).
type Quality uint8

// Qualities of a relationship; QualityUnknown when not recorded.
const (
	QualityUnknown   Quality = iota
	QualityStrong            // a solid, heavy line
	QualityTenuous           // a dashed line
	QualityStressful         // a hatched line
)

// Flow is the direction in which energy and resources flow between the
// person and a relationship in an ecomap.
type Flow uint8

// Flows; FlowNone when not recorded.
const (
	FlowNone    Flow = iota
	FlowToEgo        // towards the person: arrowhead at the person
	FlowFromEgo      // from the person: arrowhead at the other end
	FlowBoth         // both ways
)

// defaultQualities and defaultFlows are the words an ecomap's quality and
// flow columns are read with when the study gives no mapping (lower case).
var (
	defaultQualities = map[string]Quality{
		"strong": QualityStrong, "close": QualityStrong, "good": QualityStrong,
		"tenuous": QualityTenuous, "weak": QualityTenuous, "distant": QualityTenuous,
		"stressful": QualityStressful, "stress": QualityStressful, "conflict": QualityStressful, "conflictual": QualityStressful,
	}
	defaultFlows = map[string]Flow{
		"to ego": FlowToEgo, "to_ego": FlowToEgo, "in": FlowToEgo, "receives": FlowToEgo, "received": FlowToEgo, "to": FlowToEgo,
		"from ego": FlowFromEgo, "from_ego": FlowFromEgo, "out": FlowFromEgo, "gives": FlowFromEgo, "given": FlowFromEgo, "from": FlowFromEgo,
		"both": FlowBoth, "mutual": FlowBoth, "two-way": FlowBoth, "two way": FlowBoth,
	}
)

// ParseQualityMap reads a study's own quality words: a comma-separated
// list of QUALITY=VALUE|VALUE..., QUALITY one of strong, tenuous,
// stressful (e.g. "strong=3|4,tenuous=1|2,stressful=conflict"). Values
// are matched as written, after trimming, in any letter case.
func ParseQualityMap(s string) (map[string]Quality, error) {
	names := map[string]Quality{"strong": QualityStrong, "tenuous": QualityTenuous, "stressful": QualityStressful}
	out := map[string]Quality{}
	err := parseMap(s, func(k, v string) error {
		q, ok := names[strings.ToLower(k)]
		if !ok {
			return fmt.Errorf("quality %q: want strong, tenuous or stressful", k)
		}
		out[strings.ToLower(v)] = q
		return nil
	})
	return out, err
}

// ParseFlowMap reads a study's own flow words: a comma-separated list of
// FLOW=VALUE|VALUE..., FLOW one of to (towards the person), from (from the
// person), both (e.g. "to=receives,from=gives,both=mutual").
func ParseFlowMap(s string) (map[string]Flow, error) {
	names := map[string]Flow{"to": FlowToEgo, "from": FlowFromEgo, "both": FlowBoth}
	out := map[string]Flow{}
	err := parseMap(s, func(k, v string) error {
		f, ok := names[strings.ToLower(k)]
		if !ok {
			return fmt.Errorf("flow %q: want to, from or both", k)
		}
		out[strings.ToLower(v)] = f
		return nil
	})
	return out, err
}

func parseMap(s string, put func(k, v string) error) error {
	for _, item := range strings.Split(s, ",") {
		k, vs, ok := strings.Cut(item, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return fmt.Errorf("%q: want NAME=VALUE|VALUE", strings.TrimSpace(item))
		}
		for _, v := range strings.Split(vs, "|") {
			if v = strings.TrimSpace(v); v == "" {
				return fmt.Errorf("%q: empty value", strings.TrimSpace(item))
			}
			if err := put(k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// EcomapOptions configures EcomapFigure.
type EcomapOptions struct {
	// Systems is the alter attribute whose values are the systems of the
	// person's life (family, friends, work, health and social services,
	// faith, leisure, ...), drawn as labelled circles around the person.
	// Alters with no value are in an "unknown" system.
	Systems string
	// SystemOrder is the systems clockwise from the top; nil: the study's
	// order (Study's sectors when they are Systems, else sorted).
	SystemOrder []string
	// Quality is the alter attribute holding the quality of the
	// relationship; QualityMap maps its values (lower case) to qualities,
	// nil: strong/close/good, tenuous/weak/distant, stressful/stress/
	// conflict.
	Quality    string
	QualityMap map[string]Quality
	// Flow is the alter attribute holding the direction of the flow of
	// energy and resources; FlowMap maps its values (lower case), nil:
	// "to ego"/in/receives, "from ego"/out/gives, both/mutual.
	Flow    string
	FlowMap map[string]Flow
	// Style colours, shapes and labels the alters as in every other
	// picture of the study; Study, if not nil, is the run's visual
	// language (NewStudyStyle).
	Style Style
	Study *StudyStyle
	Title string
}

// Ecomap tie styles.
var (
	ecoStrong   = draw.LineStyle{Color: color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}, Width: vg.Points(2.6)}
	ecoTenuous  = draw.LineStyle{Color: color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3.5)}}
	ecoStress   = draw.LineStyle{Color: color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, Width: vg.Points(1.2)} // Okabe–Ito vermillion
	ecoUnknown  = draw.LineStyle{Color: EdgeColor, Width: vg.Points(1)}
	ecoHatch    = vg.Points(3.2) // half-length of a hatch stroke
	ecoHatchGap = vg.Points(5)
	// ecoBand is the half-width of an ego tie for the guarantee: the
	// widest of the styles, hatches included.
	ecoBand = ecoHatch
)

// EcomapFigure draws the ecomap of one person (Hartman 1978): the person
// (the ego) in the centre, the systems of their life as labelled circles
// around them, in the study's fixed order (a system this person has
// nobody in keeps its place, as an empty circle), each alter in the
// circle of its system, a line from the person to every alter whose style
// says the quality of the relationship (strong: solid and heavy;
// tenuous: dashed; stressful: hatched, in vermillion; not recorded: thin
// grey) and whose arrowheads say which way energy and resources flow (to
// the person, from the person, both). Ties among the alters are drawn thin
// and grey. Alters keep the colours and shapes of the study's other
// pictures, and the drawing keeps their guarantee: no line within
// DefaultClearance of a person it does not join, no two markers
// overlapping (alters move within their system).
//
// Hartman, A. (1978). Diagrammatic assessment of family relationships.
// Social Casework 59(8):465–476. doi:10.1177/104438947805900803.
func EcomapFigure(e *network.EgoNet, opt EcomapOptions) (*Figure, error) {
	if opt.Systems == "" {
		return nil, fmt.Errorf("%w: an ecomap needs the alter attribute of the systems", ErrUnknownAttribute)
	}
	do := DrawOptions{EgogramOptions: EgogramOptions{Sectors: opt.Systems, SectorOrder: opt.SystemOrder}, Style: opt.Style, Study: opt.Study}
	ss, err := studyOf(e, do)
	if err != nil {
		return nil, err
	}
	frame := ss.frame
	if frame.Sectors != opt.Systems { // the run's style has other sectors
		frame = EgogramOptions{Sectors: opt.Systems, SectorOrder: opt.SystemOrder, StudyUnknown: true}
		if opt.SystemOrder == nil {
			st, err := NewStudyStyle(e.Dataset(), DrawOptions{EgogramOptions: EgogramOptions{Sectors: opt.Systems}})
			if err != nil {
				return nil, err
			}
			frame.SectorOrder = st.frame.SectorOrder
		}
	}
	frame.Rings, frame.RingOrder, frame.NumRings = "", nil, 0
	g, err := EgogramOf(e, frame)
	if err != nil {
		return nil, err
	}
	quality, err := ecoValues(e, opt.Quality, "quality", func(v string) (Quality, bool) {
		m := opt.QualityMap
		if m == nil {
			m = defaultQualities
		}
		q, ok := m[strings.ToLower(v)]
		return q, ok
	})
	if err != nil {
		return nil, err
	}
	flow, err := ecoValues(e, opt.Flow, "flow", func(v string) (Flow, bool) {
		m := opt.FlowMap
		if m == nil {
			m = defaultFlows
		}
		f, ok := m[strings.ToLower(v)]
		return f, ok
	})
	if err != nil {
		return nil, err
	}
	ids := alterIDs(e)
	lk, err := lookOf(ss, len(e.Alters), ids, alterGetter(e), -1)
	if err != nil {
		return nil, err
	}

	// Layout: k systems on a circle of radius 1; system s's circle has
	// radius rs and holds its alters on an arc of radius 1 around the
	// person, within its sector.
	k := max(len(g.Sectors), 1)
	half := math.Pi / float64(k)
	rs := 0.9 * math.Sin(half)
	if k == 1 {
		rs = 0.6
	}
	mid := func(s int) float64 { return math.Pi/2 - 2*half*float64(s) }
	bySystem := make([][]int, k)
	for i := range e.Alters {
		s := max(g.Sector[i], 0)
		bySystem[s] = append(bySystem[s], i)
	}
	nodes := make([]Node, len(e.Alters), len(e.Alters)+1)
	regions := make([]region, len(e.Alters), len(e.Alters)+1)
	for s, members := range bySystem {
		arc := math.Min(0.7*rs, 0.8*half) // half-angle of the arc the alters spread on
		for j, i := range members {
			th := mid(s)
			if n := len(members); n > 1 {
				th += arc * (2*float64(j)/float64(n-1) - 1)
			}
			r := 1.0
			if len(members) > 5 && j%2 == 1 {
				r = 1 - 0.35*rs
			}
			nodes[i] = Node{X: r * math.Cos(th), Y: r * math.Sin(th), ID: ids[i], Label: lk.label[i], Color: lk.color[i],
				Shape: lk.shape[i], Radius: lk.radius[i], NA: lk.na[i], Hollow: lk.hollow[i]}
			// An alter stays in its system's circle: within 0.75 rs of
			// its centre.
			cx, cy := math.Cos(mid(s)), math.Sin(mid(s))
			regions[i] = region{cx: cx, cy: cy, r1: 0.75 * rs, half: math.Pi, margin: true}
		}
	}
	ego := len(e.Alters)
	nodes = append(nodes, Node{ID: e.ID, Color: EgoColor, Radius: egoSize, Label: ""})
	regions = append(regions, region{fixed: true})

	// Ego ties: drawn by the overlay, arrowheads included; in the Network
	// they are transparent bands as wide as the widest style, so that the
	// guarantee holds for what is drawn.
	var edges []Edge
	var ecoTies []ecoTie
	band := color.NRGBA{} // transparent: the overlay draws the tie
	for i := range e.Alters {
		ecoTies = append(ecoTies, ecoTie{alter: i, quality: quality[i], flow: flow[i]})
		edges = append(edges, Edge{From: ego, To: i, Width: 2 * ecoBand, Color: band})
	}
	for _, t := range e.Ties {
		edges = append(edges, Edge{From: t.From, To: t.To, Width: vg.Points(0.8), Color: GuideColor, Arrow: e.Directed()})
	}
	net := NewNetwork(nodes, edges)
	net.regions = regions
	net.Clearance = DefaultClearance
	if len(e.Alters) == 0 {
		net.Message = nobody(e)
	}
	title := opt.Title
	if title == "" {
		title = "ecomap of " + strings.TrimPrefix(egoTitle(e), "ego ")
	}
	p := newPanel("")
	p.Add(&ecoSystems{names: g.Sectors, mid: mid, r: rs, counts: bySystem}, net, &ecoOverlay{net: net, ties: ecoTies})

	legend := []LegendEntry{{Text: "the person", Thumbs: []plot.Thumbnailer{NodeThumb{Color: EgoColor}}}}
	legend = append(legend, lk.legend...)
	if opt.Quality != "" {
		legend = append(legend,
			LegendEntry{Text: "relationship:"},
			LegendEntry{Text: "strong", Thumbs: []plot.Thumbnailer{EdgeThumb{Style: ecoStrong}}},
			LegendEntry{Text: "tenuous", Thumbs: []plot.Thumbnailer{EdgeThumb{Style: ecoTenuous}}},
			LegendEntry{Text: "stressful", Thumbs: []plot.Thumbnailer{hatchThumb{}}},
		)
		if hasQuality(quality, QualityUnknown) {
			legend = append(legend, LegendEntry{Text: "not recorded", Thumbs: []plot.Thumbnailer{EdgeThumb{Style: ecoUnknown}}})
		}
	} else if len(e.Alters) > 0 {
		legend = append(legend, LegendEntry{Text: "relationship (quality not recorded)", Thumbs: []plot.Thumbnailer{EdgeThumb{Style: ecoUnknown}}})
	}
	if opt.Flow != "" {
		legend = append(legend,
			LegendEntry{Text: "energy and resources flow:"},
			LegendEntry{Text: "to the person", Thumbs: []plot.Thumbnailer{arrowThumb{to: true}}},
			LegendEntry{Text: "from the person", Thumbs: []plot.Thumbnailer{arrowThumb{}}},
			LegendEntry{Text: "both ways", Thumbs: []plot.Thumbnailer{arrowThumb{to: true, both: true}}},
		)
	}
	if len(e.Ties) > 0 {
		legend = append(legend, LegendEntry{Text: "the others know each other", Thumbs: []plot.Thumbnailer{EdgeThumb{Style: draw.LineStyle{Color: GuideColor, Width: vg.Points(0.8)}}}})
	}
	note := "circles: " + opt.Systems
	if lk.note != "" {
		note += "; " + lk.note
	}
	f := &Figure{Title: title, Panels: []*plot.Plot{p}, Isotropic: true, Legend: legend, Note: note}
	f.nets = []figureNet{{net: net}}
	return f, nil
}

func hasQuality(qs []Quality, q Quality) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// ecoValues reads an alter attribute through a word mapping; "" gives
// zero values. A recorded value that the mapping does not know is an
// error naming it.
func ecoValues[T any](e *network.EgoNet, attr, what string, get func(string) (T, bool)) ([]T, error) {
	out := make([]T, len(e.Alters))
	if attr == "" {
		return out, nil
	}
	vals, ok := e.AlterValues(attr)
	if !ok {
		return nil, fmt.Errorf("%w: no alter attribute %q for the %s of relationships", ErrUnknownAttribute, attr, what)
	}
	for i, v := range vals {
		if v.IsMissing() {
			continue
		}
		x, ok := get(strings.TrimSpace(v.Text))
		if !ok {
			return nil, fmt.Errorf("ego %s, alter %s: %s %q is not in the %s mapping", e.ID, e.Alters[i].ID, what, v.Text, what)
		}
		out[i] = x
	}
	return out, nil
}

// ecoTie is an ego tie of an ecomap: its alter, quality and flow.
type ecoTie struct {
	alter   int
	quality Quality
	flow    Flow
}

// ecoSystems draws the systems' circles and names, under the network.
type ecoSystems struct {
	names  []string
	mid    func(s int) float64
	r      float64
	counts [][]int
}

// Plot implements plot.Plotter.
func (s *ecoSystems) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	pt := func(x, y float64) vg.Point { return vg.Point{X: trX(x), Y: trY(y)} }
	line := draw.LineStyle{Color: GuideColor, Width: vg.Points(1)}
	fill := color.NRGBA{R: 0xF4, G: 0xF4, B: 0xF4, A: 0xFF}
	sty := textStyle(10, color.NRGBA{R: 0x30, G: 0x30, B: 0x30, A: 0xFF})
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	for i, name := range s.names {
		th := s.mid(i)
		ctr := pt(math.Cos(th), math.Sin(th))
		rad := trX(s.r) - trX(0)
		var p vg.Path
		p.Move(vg.Point{X: ctr.X + rad, Y: ctr.Y})
		p.Arc(ctr, rad, 0, 2*math.Pi)
		p.Close()
		c.SetColor(fill)
		c.Fill(p)
		c.SetLineStyle(line)
		c.Stroke(p)
		at := pt((1+s.r+0.16)*math.Cos(th), (1+s.r+0.16)*math.Sin(th))
		c.FillText(sty, at, name)
	}
}

// DataRange implements plot.DataRanger: the circles and their names.
func (s *ecoSystems) DataRange() (xmin, xmax, ymin, ymax float64) {
	m := 1 + s.r + 0.3
	return -m - 0.3, m + 0.3, -m, m // names beside the side circles
}

// ecoOverlay draws the ego ties of an ecomap where the Network put their
// ends, in their quality's style, with the arrowheads of their flow.
type ecoOverlay struct {
	net  *Network
	ties []ecoTie
}

// Plot implements plot.Plotter.
func (o *ecoOverlay) Plot(c draw.Canvas, _ *plot.Plot) {
	d := o.net.drawn
	if d == nil {
		return
	}
	ego := len(o.net.Nodes) - 1
	for _, t := range o.ties {
		a, b := d.centres[ego], d.centres[t.alter]
		ra, rb := d.reach[ego], d.reach[t.alter]
		dv := b.Sub(a)
		l := vg.Length(math.Hypot(float64(dv.X), float64(dv.Y)))
		if l <= ra+rb {
			continue
		}
		u := dv.Scale(1 / l)
		from, to := a.Add(u.Scale(ra)), b.Sub(u.Scale(rb))
		sty := ecoUnknown
		switch t.quality {
		case QualityStrong:
			sty = ecoStrong
		case QualityTenuous:
			sty = ecoTenuous
		case QualityStressful:
			sty = ecoStress
		}
		head := vg.Points(7) + sty.Width
		lineFrom, lineTo := from, to
		if t.flow == FlowFromEgo || t.flow == FlowBoth {
			lineTo = to.Sub(u.Scale(head))
		}
		if t.flow == FlowToEgo || t.flow == FlowBoth {
			lineFrom = from.Add(u.Scale(head))
		}
		c.StrokeLines(sty, []vg.Point{lineFrom, lineTo})
		if t.quality == QualityStressful {
			hatches(&c, sty, lineFrom, lineTo)
		}
		if t.flow == FlowFromEgo || t.flow == FlowBoth {
			arrowHead(&c, sty.Color, to, u, head)
		}
		if t.flow == FlowToEgo || t.flow == FlowBoth {
			arrowHead(&c, sty.Color, from, u.Scale(-1), head)
		}
	}
}

// hatches draws the strokes across a stressful tie, every ecoHatchGap,
// slanted as Hartman's "/ / /".
func hatches(c *draw.Canvas, sty draw.LineStyle, a, b vg.Point) {
	dv := b.Sub(a)
	l := vg.Length(math.Hypot(float64(dv.X), float64(dv.Y)))
	if l <= 0 {
		return
	}
	u := dv.Scale(1 / l)
	n := vg.Point{X: -u.Y, Y: u.X}
	sty.Dashes = nil
	for s := ecoHatchGap / 2; s < l; s += ecoHatchGap {
		p := a.Add(u.Scale(s))
		c.StrokeLines(sty, []vg.Point{p.Add(n.Scale(ecoHatch)).Add(u.Scale(ecoHatch / 2)), p.Sub(n.Scale(ecoHatch)).Sub(u.Scale(ecoHatch / 2))})
	}
}

// arrowHead fills an arrowhead with its tip at tip pointing along u.
func arrowHead(c *draw.Canvas, col color.Color, tip, u vg.Point, size vg.Length) {
	base := tip.Sub(u.Scale(size))
	perp := vg.Point{X: -u.Y, Y: u.X}.Scale(size * 0.42)
	c.FillPolygon(col, []vg.Point{tip, base.Add(perp), base.Sub(perp)})
}

// hatchThumb is the legend thumbnail of a stressful relationship.
type hatchThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (hatchThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	a, b := vg.Point{X: c.Min.X, Y: y}, vg.Point{X: c.Max.X, Y: y}
	c.StrokeLines(ecoStress, []vg.Point{a, b})
	hatches(c, ecoStress, a, b)
}

// arrowThumb is the legend thumbnail of a flow: an arrow to the left (to
// the person, drawn on the left), to the right, or both.
type arrowThumb struct{ to, both bool }

// Thumbnail implements plot.Thumbnailer.
func (t arrowThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	a, b := vg.Point{X: c.Min.X, Y: y}, vg.Point{X: c.Max.X, Y: y}
	sty := ecoUnknown
	sty.Color = EdgeColor
	c.StrokeLines(sty, []vg.Point{a, b})
	size := vg.Points(6)
	if t.to || t.both {
		arrowHead(c, sty.Color, a, vg.Point{X: -1}, size)
	}
	if !t.to || t.both {
		arrowHead(c, sty.Color, b, vg.Point{X: 1}, size)
	}
}

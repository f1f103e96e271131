package visualize

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// The page of a PersonReport: A4 portrait, 210 × 297 mm.
const (
	A4Width  = 210 * vg.Millimeter
	A4Height = 297 * vg.Millimeter
)

// PersonReport is the one-page summary of a person's network for their
// file, made at a meeting of the person and their worker: their map, its
// measures in words, what changed since the last meeting (in words and
// as the before/after picture) and their goals with the levels reached.
// Every picture on it is one of this package's, with the study's visual
// language: EgogramFigure, BeforeAfterFigure and GoalsFigure.
type PersonReport struct {
	// Title heads the page; "" gives "Network map of EGO" and the wave.
	Title string
	// Date, when not "", is printed under the title (e.g. "meeting of
	// 30 November 2026").
	Date string
	// Map is the person's map at this meeting (required).
	Map *network.EgoNet
	// Before is the map of the last meeting, or nil at the first one.
	Before *network.EgoNet
	// Draw gives the pictures' rings, sectors and style (set Draw.Study
	// to the study's style so that this page looks like every other
	// picture of the study). Its Title is not used.
	Draw DrawOptions
	// Words configures the sentences (measures.Describe and
	// measures.DescribeChange): the study's rules, instruments, label
	// attribute.
	Words measures.WordsOptions
	// Goals are the person's goals and their levels (GoalsFigure), with
	// the GAS T-score per wave in T (analysis.GAST); nil or no goals
	// prints "No goals recorded yet." Waves after Map's wave are left
	// out (the report of an earlier meeting shows what was known then).
	Goals *GoalPerson
}

// ErrReport is wrapped by the errors of PersonReport about its input.
var ErrReport = errors.New("bad person report")

// Write draws the report on one A4 page (A4Width × A4Height) and writes it
// in format "pdf" (one page, fonts embedded, fixed dates: the same report
// always gives the same bytes), "png" (96 dpi) or "svg". Text is set in
// Liberation Sans; in PDF, whose fonts are encoded in Windows-1252,
// letters outside it are written as their base letter (č as c, Ł as L) or
// "?" (see pdfText).
//
// The page holds, from the top: the title; the map (the panel of
// EgogramFigure of Map, its legend under it) with its measures in words
// beside it (measures.Describe); "Since the last meeting": what changed
// in words (measures.DescribeChange) and the two panels of
// BeforeAfterFigure with the legend entries the map's legend does not
// already have, or a line saying this is the first map; "Goals": the GAS
// T-score in words and the goals picture (GoalsFigure). Long texts and
// many goals shrink the pictures, then the words (8.5 pt down to 7 pt),
// never spill onto a second page; when the words do not fit even then,
// Write fails rather than cut them.
func (r *PersonReport) Write(w io.Writer, format string) error {
	if r.Map == nil {
		return fmt.Errorf("%w: no map (PersonReport.Map is nil)", ErrReport)
	}
	page, err := r.layout()
	if err != nil {
		return err
	}
	cw := newCanvas(format, A4Width, A4Height)
	if cw == nil {
		return fmt.Errorf("unknown report format %q (want pdf, png or svg)", format)
	}
	page.draw(draw.New(cw))
	return writeCanvas(w, cw, format)
}

// Report page constants.
var (
	reportMargin  = vg.Points(30)
	reportTitle   = reportText(16, color.Black)
	reportSub     = reportText(9.5, color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xFF})
	reportHeading = reportText(12, color.NRGBA{R: 0x10, G: 0x30, B: 0x60, A: 0xFF})
	reportLegend  = reportText(8, color.Black)
	reportLegendH = reportText(8, color.NRGBA{R: 0x50, G: 0x50, B: 0x50, A: 0xFF})
	reportGap     = vg.Points(8)
)

// reportText is a style of the report's own texts. It is always the
// regular face: vgpdf (gonum/plot v0.17.0) cannot select a bold one
// ("undefined font: liberationsans-bold B"), and with two faces fpdf
// writes the fonts in map order, so the same report gave different bytes.
func reportText(size vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(sansFont, size), Handler: textHandler, XAlign: draw.XLeft, YAlign: draw.YTop}
}

// page geometry: the map's column (mapCol wide) and the words beside it.
var (
	contentW = A4Width - 2*reportMargin
	mapCol   = vg.Points(285)
	wordsX   = mapCol + 2*reportGap
	wordsW   = contentW - wordsX
)

// reportPage is a laid-out report: its texts, the panels of its figures,
// and the sizes of the pictures.
type reportPage struct {
	title, sub string
	words      [][]string // each sentence's lines, for the column beside the map
	mapPanel   *plot.Plot
	mapLegend  []LegendEntry
	changeHead string
	change     [][]string   // each change sentence's lines, full width
	pairPanels []*plot.Plot // nil at the first meeting
	pairLegend []LegendEntry
	goalsFig   *Figure // nil without goals
	goalsText  [][]string
	goalRows   int
	other      string // the line said instead of a missing part
	noGoals    string

	mapS, pairS, goalsH vg.Length // map square, before/after panel square, goals picture height

	body      text.Style  // the words' style (its size shrinks to fit)
	sentences [3][]string // the words beside the map, of the change, of the goals
}

// bodySizes are the sizes of the words, tried in order until the page
// fits.
var bodySizes = []vg.Length{8.5, 8, 7.5, 7}

func (r *PersonReport) layout() (*reportPage, error) {
	e := r.Map
	p := &reportPage{title: r.Title, sub: r.Date, changeHead: "Since the last meeting"}
	if p.title == "" {
		p.title = "Network map of " + e.ID
		if e.Wave != "" {
			p.title += ", wave " + e.Wave
		}
	}
	words, err := measures.Describe(e, r.Words)
	if err != nil {
		return nil, err
	}
	for _, s := range words {
		p.sentences[0] = append(p.sentences[0], s.Text)
	}
	opt := r.Draw
	opt.Title = ""
	mf, err := EgogramFigure(e, opt)
	if err != nil {
		return nil, err
	}
	p.mapPanel, p.mapLegend = mf.Panels[0], withNoteEntry(mf.Legend, mf.Note)

	if r.Before != nil {
		if r.Before.Wave != "" {
			p.changeHead += " (wave " + r.Before.Wave + ")"
		}
		for _, s := range measures.DescribeChange(r.Before, e, r.Words) {
			p.sentences[1] = append(p.sentences[1], s.Text)
		}
		pf, err := BeforeAfterFigure(r.Before, e, opt)
		if err != nil {
			return nil, err
		}
		p.pairPanels = pf.Panels
		p.pairLegend = newEntries(withNoteEntry(pf.Legend, pf.Note), p.mapLegend)
	} else {
		p.other = "This is the first map: there is no earlier one to compare it with."
	}

	if g := goalsUpTo(r.Goals, e.Wave); g != nil && len(g.Goals) > 0 {
		if p.goalsFig, err = GoalsFigure(*g); err != nil {
			return nil, err
		}
		p.goalsFig.Title = ""
		p.goalRows = len(g.Goals)
		p.sentences[2] = gasWords(g)
	} else {
		p.noGoals = "No goals recorded yet."
	}
	for _, size := range bodySizes {
		p.body = reportText(size, color.Black)
		p.words, p.change, p.goalsText = p.wrap(p.sentences[0], wordsW), p.wrap(p.sentences[1], contentW), p.wrap(p.sentences[2], contentW)
		if err = p.fit(); err == nil {
			break
		}
	}
	return p, err
}

// wrap breaks each sentence, after a bullet, into lines no wider than w.
func (p *reportPage) wrap(ss []string, w vg.Length) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = wrapText(p.body, "• "+s, w)
	}
	return out
}

// goalsUpTo returns g with only the waves up to and including wave, so
// that the report of a meeting shows no level recorded after it; g itself
// when wave is not among g's waves (or is the last).
func goalsUpTo(g *GoalPerson, wave string) *GoalPerson {
	if g == nil {
		return nil
	}
	k := slices.Index(g.Waves, wave)
	if k < 0 || k == len(g.Waves)-1 {
		return g
	}
	cp := *g
	cp.Waves = g.Waves[:k+1]
	if len(g.T) == len(g.Waves) {
		cp.T = g.T[:k+1]
	}
	cp.Goals = make([]GoalRow, len(g.Goals))
	for i, row := range g.Goals {
		cp.Goals[i] = row
		if len(row.Levels) == len(g.Waves) {
			cp.Goals[i].Levels = row.Levels[:k+1]
		}
	}
	return &cp
}

// withNoteEntry is a figure's legend with its note as a last entry.
func withNoteEntry(l []LegendEntry, note string) []LegendEntry {
	if note == "" {
		return l
	}
	return append(slices.Clone(l), LegendEntry{Text: note})
}

// newEntries returns the entries of l that seen does not have (by text),
// with the headings of those entries; a heading whose entries are all in
// seen goes too.
func newEntries(l, seen []LegendEntry) []LegendEntry {
	has := map[string]bool{}
	for _, e := range seen {
		has[e.Text] = true
	}
	var out []LegendEntry
	heading := -1
	for i, e := range l {
		switch {
		case len(e.Thumbs) == 0 && i+1 < len(l) && len(l[i+1].Thumbs) > 0:
			heading = i // a heading: kept if one of its entries is
		case has[e.Text]:
		default:
			if heading >= 0 {
				out = append(out, l[heading])
				heading = -1
			}
			out = append(out, e)
		}
	}
	return out
}

// gasWords says each follow-up wave's GAS T-score, and what 50 means.
func gasWords(g *GoalPerson) []string {
	var out []string
	if len(g.T) != len(g.Waves) {
		return nil
	}
	for k := 1; k < len(g.Waves); k++ {
		t := g.T[k]
		if math.IsNaN(t) {
			out = append(out, fmt.Sprintf("At wave %s no goal was scored.", g.Waves[k]))
			continue
		}
		out = append(out, fmt.Sprintf("At wave %s the GAS T-score is %s (50 means the goals were reached as expected).",
			g.Waves[k], strconv.FormatFloat(t, 'f', 1, 64)))
	}
	return out
}

func (p *reportPage) lineH() vg.Length { return p.body.Font.Size * 1.3 }

func headingH() vg.Length { return reportHeading.Font.Size*1.3 + reportGap/2 }

// linesHeight is the height of wrapped sentences, a small gap between them.
func (p *reportPage) linesHeight(ss [][]string) vg.Length {
	var h vg.Length
	for i, s := range ss {
		if i > 0 {
			h += p.body.Font.Size * 0.35
		}
		h += vg.Length(len(s)) * p.lineH()
	}
	return h
}

// The pictures' sizes: wanted, and the least they may shrink to.
var (
	wantMapS, minMapS     = mapCol, vg.Points(190)
	wantPairS, minPairS   = vg.Points(185), vg.Points(125)
	wantGoalsH, minGoalsH = vg.Points(220), vg.Points(105)
)

// heights returns the heights of the page's rows for the current sizes:
// the title block, the map row, the change row and the goals row.
func (p *reportPage) heights() (title, mapRow, changeRow, goalsRow vg.Length) {
	title = reportTitle.Font.Size*1.3 + reportGap
	if p.sub != "" {
		title += reportSub.Font.Size * 1.4
	}
	legH := flowLegend(nil, 0, 0, mapCol, p.mapLegend)
	mapRow = max(p.mapS+reportGap+legH, headingH()+p.linesHeight(p.words)) + reportGap
	changeRow = headingH()
	if p.pairPanels == nil {
		changeRow += p.lineH()
	} else {
		changeRow += p.linesHeight(p.change) + reportGap/2 + max(p.pairS, listLegendHeight(p.pairLegend))
	}
	changeRow += reportGap
	goalsRow = headingH()
	if p.goalsFig == nil {
		goalsRow += p.lineH()
	} else {
		goalsRow += p.linesHeight(p.goalsText) + reportGap/2 + p.goalsH
	}
	return title, mapRow, changeRow, goalsRow
}

// fit sizes the pictures to fill one page: the map as wide as its column,
// the before/after panels 185 pt square, the goals picture 44 pt a goal
// plus 60 (at most 220 pt); height left over goes to the goals picture.
// When the page is too full the map shrinks first (to 190 pt), then the
// goals picture (to 105 pt, or 18 pt a goal plus 50), then the
// before/after panels (to 125 pt).
func (p *reportPage) fit() error {
	p.mapS = wantMapS
	if p.pairPanels != nil {
		p.pairS = wantPairS
	}
	if p.goalsFig != nil {
		p.goalsH = min(max(vg.Points(44*float64(p.goalRows)+60), minGoalsH), wantGoalsH)
	}
	left := func() vg.Length {
		a, b, c, d := p.heights()
		return A4Height - 2*reportMargin - (a + b + c + d)
	}
	if l := left(); l > 0 && p.goalsFig != nil {
		p.goalsH += min(l, wantGoalsH+vg.Points(60)-p.goalsH)
	}
	goalsLo := max(minGoalsH, vg.Points(18*float64(p.goalRows)+50))
	for _, s := range []struct {
		size *vg.Length
		lo   vg.Length
	}{{&p.mapS, minMapS}, {&p.goalsH, goalsLo}, {&p.pairS, minPairS}} {
		for left() < 0 && *s.size > s.lo {
			*s.size = max(s.lo, *s.size-vg.Points(2))
		}
	}
	if l := left(); l < 0 {
		return fmt.Errorf("%w: %s: the words and pictures need %.0f pt more than one A4 page holds",
			ErrReport, p.title, float64(-l))
	}
	return nil
}

// draw draws the page on c (A4).
func (p *reportPage) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	x0 := c.Min.X + reportMargin
	y := c.Max.Y - reportMargin
	title, mapRow, _, _ := p.heights()
	c.FillText(reportTitle, vg.Point{X: x0, Y: y}, p.title)
	if p.sub != "" {
		c.FillText(reportSub, vg.Point{X: x0, Y: y - reportTitle.Font.Size*1.3}, p.sub)
	}
	y -= title

	// The map, its legend under it, the words beside it.
	mx := x0 + (mapCol-p.mapS)/2
	drawPanel(sub(c, mx, y-p.mapS, p.mapS, p.mapS), p.mapPanel)
	flowLegend(&c, x0, y-p.mapS-reportGap, mapCol, p.mapLegend)
	c.FillText(reportHeading, vg.Point{X: x0 + wordsX, Y: y}, "The map in words")
	p.drawLines(c, x0+wordsX, y-headingH(), p.words)
	y -= mapRow

	// What changed: the words, the two panels, the legend entries that
	// are new on the page.
	c.FillText(reportHeading, vg.Point{X: x0, Y: y}, p.changeHead)
	y -= headingH()
	if p.pairPanels == nil {
		c.FillText(p.body, vg.Point{X: x0, Y: y}, p.other)
		y -= p.lineH()
	} else {
		y = p.drawLines(c, x0, y, p.change) - reportGap/2
		for k, pl := range p.pairPanels {
			x := x0 + vg.Length(k)*(p.pairS+2*reportGap)
			drawPanel(sub(c, x, y-p.pairS, p.pairS, p.pairS), pl)
		}
		listLegend(c, x0+2*p.pairS+5*reportGap, y, p.pairLegend)
		y -= max(p.pairS, listLegendHeight(p.pairLegend))
	}
	y -= reportGap

	// Goals.
	c.FillText(reportHeading, vg.Point{X: x0, Y: y}, "Goals")
	y -= headingH()
	if p.goalsFig == nil {
		c.FillText(p.body, vg.Point{X: x0, Y: y}, p.noGoals)
		return
	}
	y = p.drawLines(c, x0, y, p.goalsText) - reportGap/2
	p.goalsFig.Draw(sub(c, x0, y-p.goalsH, contentW, p.goalsH))
}

// panelSize is the least size a network panel is laid out at: a smaller
// square on the page gets the panel drawn at this size and scaled down,
// labels and all, instead of labels of full size leaving the network a
// small middle (gonum/plot keeps the labels' room out of the data area).
var panelSize = vg.Points(260)

// drawPanel draws a network panel on the square c with one data unit the
// same length on both axes, as Figure.Draw does for isotropic figures;
// below panelSize it is drawn at panelSize and scaled to fit.
func drawPanel(c draw.Canvas, p *plot.Plot) {
	side := min(c.Size().X, c.Size().Y)
	if side >= panelSize {
		Isotropic(p, c)
		p.Draw(c)
		return
	}
	k := float64(side / panelSize)
	c.Push()
	defer c.Pop()
	c.Translate(c.Min)
	c.Scale(k, k)
	vc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Max: vg.Point{X: panelSize, Y: panelSize}}}
	Isotropic(p, vc)
	p.Draw(vc)
}

// legendThumb is the size of a legend thumbnail on the page.
var legendThumb = vg.Points(9)

// flowLegend lays the entries out in lines from (x, y) down, no wider than
// w: a heading (an entry without thumbnails) starts a line in grey, the
// entries after it follow on the same line. It draws them when c is not
// nil and returns the height used.
func flowLegend(c *draw.Canvas, x, y, w vg.Length, entries []LegendEntry) vg.Length {
	if len(entries) == 0 {
		return 0
	}
	lh := reportLegend.Font.Size * 1.6
	gap := reportLegend.Width("  ")
	cx, cy := x, y
	for i, e := range entries {
		ew := reportLegend.Width(e.Text)
		if len(e.Thumbs) > 0 {
			ew += legendThumb + reportLegend.Width(" ")
		}
		if i > 0 && (len(e.Thumbs) == 0 || cx+ew > x+w) {
			cx, cy = x, cy-lh
		}
		if c != nil {
			drawEntry(*c, cx, cy, lh, e)
		}
		cx += ew + gap
	}
	return y - cy + lh
}

// listLegend draws the entries one a line from (x, y) down.
func listLegend(c draw.Canvas, x, y vg.Length, entries []LegendEntry) {
	lh := reportLegend.Font.Size * 1.6
	for i, e := range entries {
		drawEntry(c, x, y-vg.Length(i)*lh, lh, e)
	}
}

func listLegendHeight(entries []LegendEntry) vg.Length {
	return vg.Length(len(entries)) * reportLegend.Font.Size * 1.6
}

// drawEntry draws one legend entry in a line of height lh whose top is at
// y: its thumbnails, then its text (grey for a heading).
func drawEntry(c draw.Canvas, x, y, lh vg.Length, e LegendEntry) {
	mid := y - lh/2
	sty := reportLegendH
	if len(e.Thumbs) > 0 {
		tc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: mid - legendThumb/2}, Max: vg.Point{X: x + legendThumb, Y: mid + legendThumb/2}}}
		for _, t := range e.Thumbs {
			t.Thumbnail(&tc)
		}
		x += legendThumb + reportLegend.Width(" ")
		sty = reportLegend
	}
	sty.YAlign = draw.YCenter
	c.FillText(sty, vg.Point{X: x, Y: mid}, e.Text)
}

// sub is the part of c with lower left corner (x, y), width w, height h.
func sub(c draw.Canvas, x, y, w, h vg.Length) draw.Canvas {
	return draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}}
}

// drawLines draws wrapped sentences from (x, y) down and returns the y
// below them.
func (p *reportPage) drawLines(c draw.Canvas, x, y vg.Length, ss [][]string) vg.Length {
	indent := p.body.Width("• ")
	for i, s := range ss {
		if i > 0 {
			y -= p.body.Font.Size * 0.35
		}
		for k, l := range s {
			dx := vg.Length(0)
			if k > 0 {
				dx = indent
			}
			c.FillText(p.body, vg.Point{X: x + dx, Y: y}, l)
			y -= p.lineH()
		}
	}
	return y
}

// wrapText breaks s into lines no wider than w at spaces (lines after the
// first are indented by the width of a bullet and a space); a word wider
// than a line gets a line of its own.
func wrapText(sty text.Style, s string, w vg.Length) []string {
	indent := sty.Width("• ")
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		lw := w
		if len(lines) > 0 {
			lw = w - indent
		}
		if line != "" && sty.Width(line+" "+word) > lw {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

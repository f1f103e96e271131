package visualize

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"regexp"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a page: a title, one or more panels in a grid, and a legend
// in a column to the right of the panels, so that it never covers a node.
type Figure struct {
	Title  string
	Panels []*plot.Plot
	// Columns of the panel grid; 0 chooses about √(panels).
	Columns int
	// Isotropic panels have their X and Y ranges widened so that one data
	// unit is the same length on both axes (circles stay circles). Set it
	// for networks, not for charts.
	Isotropic bool
	Legend    []LegendEntry
	// Note is a line of small text under the legend (e.g. what node size
	// shows), or under the title when there is no legend, so that the
	// panels keep the page's whole width.
	Note string
	// Width and Height are the page size used by Write; zero means
	// SingleWidth × SingleHeight.
	Width, Height vg.Length

	// nets are the networks of the panels, for Positions and Violations.
	nets []figureNet
}

// LegendEntry is one line of a legend: a text and the thumbnails drawn
// before it. An entry without thumbnails is a heading.
type LegendEntry struct {
	Text   string
	Thumbs []plot.Thumbnailer
}

// NodeThumb is a legend thumbnail showing a node marker.
type NodeThumb struct {
	Color  color.Color
	Shape  Shape
	Dashed bool // dashed outline
	Thick  bool // thick outline
	NA     bool // a dash across (a missing value)
}

// Thumbnail implements plot.Thumbnailer.
func (t NodeThumb) Thumbnail(c *draw.Canvas) {
	out := draw.LineStyle{Color: color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}, Width: vg.Points(0.8)}
	if t.Dashed {
		out.Dashes = []vg.Length{vg.Points(2), vg.Points(1.5)}
	}
	if t.Thick {
		out.Width = vg.Points(2.4)
	}
	r := math.Min(float64(c.Max.Y-c.Min.Y), float64(c.Max.X-c.Min.X)) * 0.38
	drawShape(c, t.Shape, c.Center(), vg.Length(r), t.Color, out)
	if t.NA {
		drawDash(c, c.Center(), vg.Length(r))
	}
}

// EdgeThumb is a legend thumbnail showing a tie.
type EdgeThumb struct{ Style draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (t EdgeThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(t.Style, c.Min.X, y, c.Max.X, y)
}

// Figure layout constants.
var (
	titleStyle  = textStyle(13, color.Black)
	legendStyle = textStyle(9.5, color.Black)
	noteStyle   = textStyle(8, color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xFF})
	pagePad     = vg.Points(8)
)

// legendLayout returns the number of legend columns needed to fit the
// entries in height h, and the width of one column (0 without entries).
func (f *Figure) legendLayout(h vg.Length) (cols int, colW vg.Length) {
	if len(f.Legend) == 0 {
		return 0, 0
	}
	for _, e := range f.Legend {
		tw := legendStyle.Width(e.Text)
		if len(e.Thumbs) > 0 {
			tw += vg.Points(14) + legendStyle.Width(" ")
		}
		colW = max(colW, tw)
	}
	// A long note wraps (see noteLines) rather than widening the column.
	colW = max(colW, min(noteStyle.Width(f.Note), noteWidth)) + 2*pagePad
	perCol := max(1, int((h-2*legendLine())/(legendLine()*1.25)))
	return max(1, (len(f.Legend)+perCol-1)/perCol), colW
}

// legendLine is the height of one legend line.
func legendLine() vg.Length { return legendStyle.Height("Ag") * 1.45 }

// Draw draws the figure on c.
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	c = draw.Crop(c, pagePad, -pagePad, pagePad, -pagePad)
	if f.Title != "" {
		sty := titleStyle
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
		c.FillText(sty, vg.Point{X: c.Min.X, Y: c.Max.Y}, f.Title)
		c.Max.Y -= sty.Height(f.Title) + pagePad
	}
	if len(f.Legend) == 0 && f.Note != "" {
		sty := noteStyle
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
		c.FillText(sty, vg.Point{X: c.Min.X, Y: c.Max.Y}, f.Note)
		c.Max.Y -= sty.Height(f.Note) + pagePad
	}
	if cols, colW := f.legendLayout(c.Size().Y); cols > 0 {
		lw := vg.Length(cols) * colW
		f.drawLegend(draw.Crop(c, c.Size().X-lw+pagePad, 0, 0, 0), colW)
		c.Max.X -= lw
	}
	if len(f.Panels) == 0 {
		return
	}
	cols := f.Columns
	if cols <= 0 {
		cols = int(math.Ceil(math.Sqrt(float64(len(f.Panels)))))
	}
	rows := (len(f.Panels) + cols - 1) / cols
	// Wide gaps between network panels so that one panel's outer labels
	// do not run into the next one's.
	padX := pagePad
	if f.Isotropic {
		padX = 4 * pagePad
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: padX, PadY: pagePad}
	for i, p := range f.Panels {
		pc := tiles.At(c, i%cols, i/cols)
		if f.Isotropic {
			Isotropic(p, pc)
		}
		p.Draw(pc)
	}
}

// drawLegend draws the entries from the top of c downwards, starting a
// new column of width colW when one is full.
func (f *Figure) drawLegend(c draw.Canvas, colW vg.Length) {
	y := c.Max.Y
	lineH := legendLine()
	thumbW := vg.Points(14)
	x0 := c.Min.X
	for _, e := range f.Legend {
		if y-lineH*1.25 < c.Min.Y+lineH {
			x0 += colW
			y = c.Max.Y
		}
		sty := legendStyle
		sty.YAlign = draw.YCenter
		mid := y - lineH/2
		x := x0
		if len(e.Thumbs) > 0 {
			tc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: mid - thumbW/2}, Max: vg.Point{X: x + thumbW, Y: mid + thumbW/2}}}
			for _, t := range e.Thumbs {
				t.Thumbnail(&tc)
			}
			x += thumbW + sty.Width(" ")
		} else if y < c.Max.Y {
			mid -= lineH * 0.25 // a little space above a heading
			y -= lineH * 0.25
		}
		c.FillText(sty, vg.Point{X: x, Y: mid}, e.Text)
		y -= lineH
	}
	if f.Note != "" {
		sty := noteStyle
		sty.YAlign = draw.YTop
		y -= lineH * 0.3
		for _, l := range noteLines(f.Note, max(colW-2*pagePad, noteWidth)) {
			c.FillText(sty, vg.Point{X: x0, Y: y}, l)
			y -= sty.Height(l) * 1.2
		}
	}
}

// noteWidth is the width at which a legend's note wraps when the legend's
// entries are narrower.
var noteWidth = vg.Points(130)

// noteLines breaks a note into lines no wider than w at spaces (a word
// longer than w gets a line of its own).
func noteLines(s string, w vg.Length) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && noteStyle.Width(line+" "+word) > w {
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

// Isotropic widens p's X or Y range so that one data unit has the same
// length on both axes when p is drawn on c, keeping the data centred. The
// plot's padding for glyphs depends on the ranges, so the ranges are
// refined until the two scales agree to a part in 10⁹.
func Isotropic(p *plot.Plot, c draw.Canvas) {
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	if x1 <= x0 {
		x0, x1 = x0-1, x0+1
	}
	if y1 <= y0 {
		y0, y1 = y0-1, y0+1
	}
	for i := 0; i < 50; i++ {
		dc := p.DataCanvas(c)
		w, h := float64(dc.Size().X), float64(dc.Size().Y)
		if w <= 0 || h <= 0 {
			return
		}
		s := math.Min(w/(x1-x0), h/(y1-y0))
		cx, cy := (x0+x1)/2, (y0+y1)/2
		p.X.Min, p.X.Max = cx-w/s/2, cx+w/s/2
		p.Y.Min, p.Y.Max = cy-h/s/2, cy+h/s/2
		dc = p.DataCanvas(c)
		sx := float64(dc.Size().X) / (p.X.Max - p.X.Min)
		sy := float64(dc.Size().Y) / (p.Y.Max - p.Y.Min)
		if math.Abs(sx-sy) <= 1e-9*math.Max(sx, sy) {
			return
		}
	}
}

// Formats returns the output formats Write accepts.
func Formats() []string { return []string{"png", "svg", "pdf"} }

// Write draws the figure at its size (Width × Height) and writes it in
// format "png" (96 dpi), "svg" (fonts embedded) or "pdf" (fonts embedded,
// fixed creation date) to w. The same figure always gives the same bytes.
func (f *Figure) Write(w io.Writer, format string) error {
	width, height := f.size()
	cw := newCanvas(format, width, height)
	if cw == nil {
		return fmt.Errorf("unknown image format %q (want png, svg or pdf)", format)
	}
	f.Draw(draw.New(cw))
	return writeCanvas(w, cw, format)
}

// newCanvas returns a width × height canvas for format "png" (96 dpi),
// "svg" (fonts embedded) or "pdf", or nil for any other format.
func newCanvas(format string, width, height vg.Length) vg.CanvasWriterTo {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(96))}
	case "svg":
		return vgsvg.NewWith(vgsvg.UseWH(width, height), vgsvg.EmbedFonts(true))
	case "pdf":
		return straightAlphaCanvas{vgpdf.New(width, height)}
	}
	return nil
}

// writeCanvas writes cw, drawn by newCanvas for format, to w; a PDF gets
// fixed creation dates (fixPDFDates) so that the same drawing always gives
// the same bytes.
func writeCanvas(w io.Writer, cw vg.CanvasWriterTo, format string) error {
	if format != "pdf" {
		_, err := cw.WriteTo(w)
		return err
	}
	var buf bytes.Buffer
	if _, err := cw.WriteTo(&buf); err != nil {
		return err
	}
	_, err := w.Write(fixPDFDates(buf.Bytes()))
	return err
}

// straightAlphaCanvas passes every colour to its canvas with straight
// (not premultiplied) red, green and blue. vgpdf (gonum/plot v0.17.0) takes
// the premultiplied values of color.Color.RGBA as the PDF fill colour and
// sets the alpha on top, so a translucent colour came out darker in PDF
// than in PNG and SVG: the labels' white backing (alpha 0.88) turned into
// grey boxes and the ties of a large network nearly black. Upstream: no
// issue filed for vgpdf's SetColor yet; gonum/plot#157 fixed the same
// fault in vgsvg, and gonum/plot#421 (PDF colour blending) is the nearest
// report. Remove this wrapper when vgpdf un-premultiplies.
type straightAlphaCanvas struct{ vg.CanvasWriterTo }

// SetColor implements vg.Canvas.
func (c straightAlphaCanvas) SetColor(col color.Color) {
	if col != nil {
		if n := color.NRGBAModel.Convert(col).(color.NRGBA); n.A != 0xFF {
			col = straightAlpha(n)
		}
	}
	c.CanvasWriterTo.SetColor(col)
}

// straightAlpha is a colour whose RGBA method returns straight alpha
// components, which is what vgpdf expects (see straightAlphaCanvas); it is
// only ever handed to vgpdf.
type straightAlpha color.NRGBA

// RGBA implements color.Color, with straight (not premultiplied) alpha.
func (s straightAlpha) RGBA() (r, g, b, a uint32) {
	return uint32(s.R) * 0x101, uint32(s.G) * 0x101, uint32(s.B) * 0x101, uint32(s.A) * 0x101
}

var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}\)`)

// fixPDFDates replaces the creation and modification dates that the PDF
// writer takes from the clock with a fixed date of the same length, so that
// the cross-reference offsets stay valid and the output is reproducible.
func fixPDFDates(b []byte) []byte {
	return pdfDate.ReplaceAll(b, []byte("/$1 (D:20000101000000)"))
}

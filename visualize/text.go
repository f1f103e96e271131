package visualize

import (
	"image/draw"
	"unicode/utf8"

	"gonum.org/v1/plot"
	pfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// textHandler renders every text of every picture. It is text.Plain,
// except on a raster canvas (PNG), where a string is drawn in pieces split
// between kerned letter pairs, each piece placed where the font's metrics
// (Style.Width, which every layout here measures with) put it.
//
// Why: golang.org/x/image/font/opentype (v0.30.0) returns kerning scaled as
// if the font were 32 pixels per em whatever its size, so at the sizes of
// node labels (8 pt = 10.7 px per em at 96 dpi) a kerned pair is pulled
// together three times too far: "Tom" prints as "Tbm", "A11" as "A1l",
// "AVAWAY" collapses. Vector output (SVG, PDF) is not affected and is
// drawn by text.Plain unchanged. Upstream: golang/go#46727
// ("x/image/font/opentype: Face.Kern always returns the same value",
// open); remove this handler when it is fixed.
var textHandler text.Handler = rasterText{Plain: text.Plain{Fonts: pfont.DefaultCache}}

// rasterText is the text.Handler of textHandler.
type rasterText struct{ text.Plain }

// Draw implements text.Handler.
func (h rasterText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	inner := c
	for {
		switch dc := inner.(type) {
		case *vgdraw.Canvas:
			inner = dc.Canvas
			continue
		case vgdraw.Canvas:
			inner = dc.Canvas
			continue
		}
		break
	}
	if _, ok := inner.(interface{ Image() draw.Image }); ok {
		c = kernedCanvas{Canvas: c}
	}
	h.Plain.Draw(c, txt, sty, pt)
}

// kernedCanvas passes everything to its Canvas but draws strings piece by
// piece (see textHandler).
type kernedCanvas struct{ vg.Canvas }

// FillString implements vg.Canvas.
func (k kernedCanvas) FillString(f pfont.Face, pt vg.Point, s string) {
	start := 0
	for _, cut := range kernCuts(f, s) {
		k.Canvas.FillString(f, vg.Point{X: pt.X + f.Width(s[:start]), Y: pt.Y}, s[start:cut])
		start = cut
	}
	k.Canvas.FillString(f, vg.Point{X: pt.X + f.Width(s[:start]), Y: pt.Y}, s[start:])
}

// kernCuts returns the byte offsets of the runes of s that are kerned
// against the rune before them: where the width of the pair differs from
// the sum of the widths of its letters.
func kernCuts(f pfont.Face, s string) []int {
	if f.Face == nil {
		return nil
	}
	var cuts []int
	prev, prevW := -1, vg.Length(0)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:]) // size 1 for a byte that is not UTF-8
		w := f.Width(s[i : i+size])
		if prev >= 0 && f.Width(s[prev:i+size]) != prevW+w {
			cuts = append(cuts, i)
		}
		prev, prevW = i, w
		i += size
	}
	return cuts
}

// useTextHandler sets the text handler of a plot's title and axes.
func useTextHandler(p *plot.Plot) {
	p.Title.TextStyle.Handler = textHandler
	p.Legend.TextStyle.Handler = textHandler
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Handler = textHandler
		a.Tick.Label.Handler = textHandler
	}
}

package visualize

import (
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestKernCuts: Liberation Sans kerns "To", "11" and "AV"/"VA"/"AW"/"WA"/
// "AY" (its kern table, as read by golang.org/x/image/font/sfnt), and no
// pair of "abc".
func TestKernCuts(t *testing.T) {
	f := textHandler.Cache().Lookup(textStyle(8, color.Black).Font, 8)
	for _, tc := range []struct {
		name string
		s    string
		want []int
	}{
		{"empty", "", nil},
		{"one letter", "T", nil},
		{"no kerned pair", "abc", nil},
		{"To", "Tom", []int{1}},
		{"11", "A11", []int{2}},
		{"AVAWAY", "AVAWAY", []int{1, 2, 3, 4, 5}},
		{"multi-byte letters keep their byte offsets", "éTo", []int{3}},
		{"bytes that are not UTF-8 do not panic", "T\xffo\xe2", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, kernCuts(f, tc.s))
		})
	}
}

// TestRasterKerning draws "To" at 8 pt on a PNG canvas and measures where
// its ink ends: with textHandler the ink ends within a pixel of the width
// Style.Width gives (which label placement uses); with text.Plain the
// "o" is pulled under the "T" (x/image's kerning is about three times too
// large at this size), so the ink ends at least 1.5 px short.
func TestRasterKerning(t *testing.T) {
	inkEnd := func(h text.Handler) float64 {
		c := vgimg.NewWith(vgimg.UseWH(vg.Points(60), vg.Points(20)), vgimg.UseDPI(96))
		dc := draw.New(c)
		dc.SetColor(color.White)
		dc.Fill(dc.Rectangle.Path())
		sty := textStyle(8, color.Black)
		sty.Handler = h
		dc.FillText(sty, vg.Point{X: 0, Y: 4}, "To")
		img := c.Image()
		last := -1
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 && x > last {
					last = x
				}
			}
		}
		require.GreaterOrEqual(t, last, 0, "no ink drawn")
		return float64(last + 1)
	}
	width := float64(textStyle(8, color.Black).Width("To").Dots(96))
	fixed := inkEnd(textHandler)
	plain := inkEnd(text.Plain{Fonts: textHandler.Cache()})
	assert.InDelta(t, width, fixed, 1.0, "ink of \"To\" with textHandler")
	assert.Greater(t, width-plain, 1.5, "text.Plain's kerning was expected to be too large; if x/image fixed it, textHandler can go")
}

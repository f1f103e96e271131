package visualize

import (
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/plot/vg"
)

// colourRecorder records the colours a canvas is given; every other
// method of vg.CanvasWriterTo is left nil (not called here).
type colourRecorder struct {
	vg.CanvasWriterTo
	got []color.Color
}

func (r *colourRecorder) SetColor(c color.Color) { r.got = append(r.got, c) }

// TestStraightAlphaCanvas: vgpdf reads RGBA() as straight alpha, so a
// translucent colour must reach it with its straight components (white at
// alpha 0xE0 stays 0xFFFF white, not premultiplied 0xE0E0 grey); opaque
// colours and nil pass unchanged.
func TestStraightAlphaCanvas(t *testing.T) {
	for _, tc := range []struct {
		name       string
		in         color.Color
		r, g, b, a uint32
	}{
		{"label backing: white at 0xE0", color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xE0}, 0xFFFF, 0xFFFF, 0xFFFF, 0xE0E0},
		{"large network tie: grey at 0x60", color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0x60}, 0x5555, 0x5555, 0x5555, 0x6060},
		{"opaque", color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xFF}, 0x1212, 0x3434, 0x5656, 0xFFFF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &colourRecorder{}
			straightAlphaCanvas{rec}.SetColor(tc.in)
			r, g, b, a := rec.got[0].RGBA()
			assert.Equal(t, []uint32{tc.r, tc.g, tc.b, tc.a}, []uint32{r, g, b, a})
		})
	}
	t.Run("nil", func(t *testing.T) {
		rec := &colourRecorder{}
		straightAlphaCanvas{rec}.SetColor(nil)
		assert.Nil(t, rec.got[0])
	})
}

// TestNoteLines: a note wraps at spaces to the width given; a word wider
// than that keeps a line of its own; nothing is lost.
func TestNoteLines(t *testing.T) {
	w := noteStyle.Width("size: effective_size,")
	for _, tc := range []struct {
		name string
		s    string
		want []string
	}{
		{"empty", "", nil},
		{"fits", "size: x", []string{"size: x"}},
		{"wraps", "size: effective_size, from 1 (smallest) to 3.5 (largest)",
			[]string{"size: effective_size,", "from 1 (smallest) to", "3.5 (largest)"}},
		{"long word", "a_very_long_measure_name_indeed here", []string{"a_very_long_measure_name_indeed", "here"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := noteLines(tc.s, w)
			assert.Equal(t, tc.want, got)
		})
	}
}

package visualize

import (
	"image/color"
	"math"
	"slices"
)

// OkabeIto returns (a copy of) the colour-blind-safe palette of Okabe & Ito (2008), "Color
// Universal Design", https://jfly.uni-koeln.de/color/, without its black,
// in the order used for categories: blue, orange, bluish green, vermillion,
// sky blue, reddish purple, yellow. Categories beyond the seventh reuse the
// colours with a different shape.
func OkabeIto() []color.Color { return slices.Clone(okabeIto) }

var okabeIto = []color.Color{
	color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF},
	color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF},
	color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF},
	color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF},
	color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF},
	color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF},
	color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF},
}

// Colours with a fixed meaning.
var (
	// MissingColor fills nodes whose colour attribute is missing.
	MissingColor color.Color = color.NRGBA{R: 0xBB, G: 0xBB, B: 0xBB, A: 0xFF}
	// EgoColor fills the ego of an egogram.
	EgoColor color.Color = color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xFF}
	// GuideColor strokes ring and sector guides.
	GuideColor color.Color = color.NRGBA{R: 0xB0, G: 0xB0, B: 0xB0, A: 0xFF}
	// EdgeColor strokes ties.
	EdgeColor color.Color = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xFF}
)

// Sequential returns the colour for t in [0, 1] on a light-to-dark blue
// ramp (ColorBrewer "Blues" end points, Harrower & Brewer 2003,
// doi:10.1179/000870403235002042), for numeric attributes; it stays
// ordered in greyscale. NaN gives MissingColor.
func Sequential(t float64) color.Color {
	if math.IsNaN(t) {
		return MissingColor
	}
	t = math.Min(1, math.Max(0, t))
	lo := [3]float64{0xDE, 0xEB, 0xF7}
	hi := [3]float64{0x08, 0x30, 0x6B}
	var c [3]uint8
	for i := range c {
		c[i] = uint8(math.Round(lo[i] + t*(hi[i]-lo[i])))
	}
	return color.NRGBA{R: c[0], G: c[1], B: c[2], A: 0xFF}
}

// Shape is a node marker. Shapes double the colours of categories so
// that a picture reads in greyscale.
type Shape uint8

// The shapes, in the order given to categories.
const (
	ShapeCircle Shape = iota
	ShapeSquare
	ShapeTriangle
	ShapeDiamond
	ShapeTriangleDown
	ShapeHexagon
	ShapePentagon
	numShapes
)

// ShapeOf returns the shape of category i: the i-th shape for the first
// seven categories (doubling the seven OkabeIto colours), then shifted by
// one for every further seven, so that the first 49 categories all differ
// in colour or shape.
func ShapeOf(i int) Shape {
	k := int(numShapes)
	return Shape((i + i/k) % k)
}

// ColorOf returns the colour of category i from palette (OkabeIto when
// nil); i < 0 gives MissingColor.
func ColorOf(palette []color.Color, i int) color.Color {
	if i < 0 {
		return MissingColor
	}
	if len(palette) == 0 {
		palette = okabeIto
	}
	return palette[i%len(palette)]
}

package visualize

import (
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestColourShapePairsDiffer(t *testing.T) {
	// 49 = 7 colours × 7 shapes distinct pairs.
	seen := map[[2]any]int{}
	for i := 0; i < 49; i++ {
		k := [2]any{ColorOf(nil, i), ShapeOf(i)}
		if j, ok := seen[k]; ok {
			t.Fatalf("categories %d and %d look the same", j, i)
		}
		seen[k] = i
	}
	assert.Equal(t, MissingColor, ColorOf(nil, -1))
	for i := 0; i < 7; i++ {
		assert.Equal(t, Shape(i), ShapeOf(i), "first seven: one shape each")
	}
}

func TestSequential(t *testing.T) {
	// End points of the ramp (ColorBrewer Blues #DEEBF7 … #08306B).
	cases := []struct {
		name string
		t    float64
		want color.Color
	}{
		{"NaN is missing", math.NaN(), MissingColor},
		{"below 0 clamps", -1, color.NRGBA{R: 0xDE, G: 0xEB, B: 0xF7, A: 0xFF}},
		{"0", 0, color.NRGBA{R: 0xDE, G: 0xEB, B: 0xF7, A: 0xFF}},
		{"1", 1, color.NRGBA{R: 0x08, G: 0x30, B: 0x6B, A: 0xFF}},
		// Midpoint: round((0xDE+0x08)/2) = 115 = 0x73, (0xEB+0x30)/2 = 141.5 → 142, (0xF7+0x6B)/2 = 177.
		{"0.5", 0.5, color.NRGBA{R: 115, G: 142, B: 177, A: 0xFF}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, Sequential(c.t)) })
	}
}

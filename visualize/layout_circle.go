package visualize

import (
	"math"

	"gonum.org/v1/gonum/spatial/r2"
)

// Circle places n nodes evenly on the unit circle in index order, node 0 at
// the top (angle π/2) and the rest clockwise:
//
//	p_i = (cos θ_i, sin θ_i),  θ_i = π/2 − 2πi/n
//
// A single node is placed at the origin; n ≤ 0 gives nil. Cost: O(n).
func Circle(n int) []r2.Vec {
	if n <= 0 {
		return nil
	}
	if n == 1 {
		return []r2.Vec{{}}
	}
	out := make([]r2.Vec, n)
	for i := range out {
		out[i] = polar(1, math.Pi/2-2*math.Pi*float64(i)/float64(n))
	}
	return out
}

// polar returns the point at radius r and angle theta (radians,
// counter-clockwise from the positive x axis).
func polar(r, theta float64) r2.Vec {
	return r2.Vec{X: r * math.Cos(theta), Y: r * math.Sin(theta)}
}

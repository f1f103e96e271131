package visualize

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/spatial/r2"
)

// ConcentricOptions configures Concentric.
type ConcentricOptions struct {
	// Levels is the number of rings the scores are binned into, in equal
	// widths between the smallest and largest score. Zero gives one ring
	// per distinct score.
	Levels int
}

// Concentric places nodes on concentric circles by a score (typically a
// centrality measure): the highest scores nearest the centre. Nodes are
// grouped into levels (one per distinct score, or Levels equal-width bins),
// level k drawn on the circle of radius k+1, or radius k when level 0 holds
// a single node, which then sits at the origin. Within a level nodes are
// spread evenly in index order starting at the top and going clockwise,
// ring k rotated clockwise by 0.37·k of its step, so that nodes of
// neighbouring rings, and ties between them, do not line up. Nodes whose score is NaN (undefined) go on one extra,
// outermost ring: they are never dropped.
//
// The second result gives each node's level (the NaN ring is the last).
// Cost: O(n log n).
func Concentric(score []float64, opt ConcentricOptions) (pos []r2.Vec, level []int) {
	n := len(score)
	level = make([]int, n)
	var defined []float64
	for _, s := range score {
		if !math.IsNaN(s) {
			defined = append(defined, s)
		}
	}
	slices.Sort(defined)
	defined = slices.Compact(defined)
	nLevels := len(defined)
	lo, hi := 0.0, 0.0
	if len(defined) > 0 {
		lo, hi = defined[0], defined[len(defined)-1]
	}
	if opt.Levels > 0 && nLevels > opt.Levels {
		nLevels = opt.Levels
	}
	for i, s := range score {
		switch {
		case math.IsNaN(s):
			level[i] = nLevels
		case opt.Levels > 0 && len(defined) > opt.Levels:
			// Equal-width bins, highest scores in bin 0.
			b := int(float64(opt.Levels) * (hi - s) / (hi - lo))
			level[i] = min(b, opt.Levels-1)
		default:
			j, _ := slices.BinarySearch(defined, s)
			level[i] = len(defined) - 1 - j
		}
	}
	count := make([]int, nLevels+1)
	for _, l := range level {
		count[l]++
	}
	shift := 1.0
	if count[0] == 1 {
		shift = 0
	}
	pos = make([]r2.Vec, n)
	seen := make([]int, nLevels+1)
	for i, l := range level {
		r := float64(l) + shift
		if r == 0 {
			pos[i] = r2.Vec{}
			continue
		}
		step := 2 * math.Pi / float64(count[l])
		theta := math.Pi/2 - step*(float64(seen[l])+0.37*float64(l))
		pos[i] = polar(r, theta)
		seen[l]++
	}
	return pos, level
}

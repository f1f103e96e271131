package measures

import (
	"fmt"

	"github.com/sociogram/sociogram/network"
)

// RingCounts is the number of alters an ego placed in each ring of a
// network map (concentric circles: inner = closest), and the number whose
// ring is missing.
type RingCounts struct {
	// Counts maps each ring value (as written) to its number of alters.
	Counts map[string]int
	// Missing is the number of alters with no ring recorded.
	Missing int
}

// Rings counts the alters of e per value of the ring attribute attr (the
// circle of a hierarchical mapping, Antonucci 1986; Network Canvas
// "categorical bins" or concentric circles). Alters with a missing ring
// are counted in Missing, never dropped. Complexity O(n).
//
// Antonucci, T. C. (1986). Hierarchical mapping technique. Generations
// 10(4):10–12.
func Rings(e *network.EgoNet, attr string) RingCounts {
	out := RingCounts{Counts: map[string]int{}}
	vals, ok := e.AlterValues(attr)
	if !ok {
		out.Missing = len(e.Alters)
		return out
	}
	for _, v := range vals {
		if v.IsMissing() {
			out.Missing++
			continue
		}
		out.Counts[v.Text]++
	}
	return out
}

// defineRings registers ring(V), the number of alters in ring V, and
// ring_missing, the number with no ring recorded.
func defineRings() {
	prep := func(c *evalContext, p population) error {
		attr := instrumentsOf(c.Options).RingAttr()
		if egos := p.egos(); len(egos) > 0 {
			if _, ok := egos[0].Dataset().AlterAttrs.Index(attr); !ok {
				return fmt.Errorf("the alters table has no ring column %q", attr)
			}
		}
		return nil
	}
	define(definition{name: "ring", arg: argAttr, argName: true, prepare: prep,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			r := Rings(e, instrumentsOf(c.Options).RingAttr())
			want := network.ParseValue(c.Spec.Attr)
			n := 0
			for v, k := range r.Counts {
				if sameValue(network.ParseValue(v), want) {
					n += k
				}
			}
			return float64(n)
		}})
	define(definition{name: "ring_missing", arg: argNone, prepare: prep,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return float64(Rings(e, instrumentsOf(c.Options).RingAttr()).Missing)
		}})
}

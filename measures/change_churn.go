package measures

import (
	"math"

	"github.com/sociogram/sociogram/network"
)

// AlterStatus is what happened to one alter between two waves.
type AlterStatus uint8

// The statuses. Returned is a gained alter the ego had named at an earlier
// wave (see EgoChange.Returned).
const (
	StatusKept AlterStatus = iota + 1
	StatusGained
	StatusReturned
	StatusLost
)

// String returns "kept", "gained", "returned" or "lost" ("" for the zero
// value).
func (s AlterStatus) String() string {
	switch s {
	case StatusKept:
		return "kept"
	case StatusGained:
		return "gained"
	case StatusReturned:
		return "returned"
	case StatusLost:
		return "lost"
	}
	return ""
}

// Statuses returns the status of every alter of Before (kept or lost) and
// of After (kept, gained or returned), in alter order; nil for a missing
// wave. Complexity O(n_B + n_A).
func (c *EgoChange) Statuses() (before, after []AlterStatus) {
	in := func(e *network.EgoNet) map[string]bool {
		m := map[string]bool{}
		if e != nil {
			for _, a := range e.Alters {
				m[a.ID] = true
			}
		}
		return m
	}
	inB, inA := in(c.Before), in(c.After)
	back := map[string]bool{}
	for _, id := range c.Returned {
		back[id] = true
	}
	if c.Before != nil {
		before = make([]AlterStatus, len(c.Before.Alters))
		for i, a := range c.Before.Alters {
			before[i] = StatusLost
			if inA[a.ID] {
				before[i] = StatusKept
			}
		}
	}
	if c.After != nil {
		after = make([]AlterStatus, len(c.After.Alters))
		for i, a := range c.After.Alters {
			switch {
			case inB[a.ID]:
				after[i] = StatusKept
			case back[a.ID]:
				after[i] = StatusReturned
			default:
				after[i] = StatusGained
			}
		}
	}
	return before, after
}

// Stability is the share of the earlier wave's alters named again:
//
//	stability = |kept| / |B|
//
// with B the alters at the earlier wave. NaN when the ego is missing from
// a wave or named nobody at the earlier wave. Complexity O(1).
func Stability(c *EgoChange) float64 {
	if !c.Present() || len(c.Before.Alters) == 0 {
		return math.NaN()
	}
	return float64(len(c.Kept)) / float64(len(c.Before.Alters))
}

// Turnover is the share of all alters of the two waves who were gained or
// lost:
//
//	turnover = (|gained| + |lost|) / |B ∪ A|  = 1 − jaccard
//
// NaN when the ego is missing from a wave or named nobody at both.
// Complexity O(1).
func Turnover(c *EgoChange) float64 {
	union := len(c.Kept) + len(c.Gained) + len(c.Lost)
	if !c.Present() || union == 0 {
		return math.NaN()
	}
	return float64(len(c.Gained)+len(c.Lost)) / float64(union)
}

// Churn counts what was kept, gained and lost of something between two
// waves.
type Churn struct {
	Kept, Gained, Lost int
}

// keptSet returns the kept alters of c as a set.
func keptSet(c *EgoChange) map[string]bool {
	m := make(map[string]bool, len(c.Kept))
	for _, id := range c.Kept {
		m[id] = true
	}
	return m
}

// tieSet returns the ties of e among the alters in keep, keyed by alter
// IDs (the smaller ID first when undirected).
func tieSet(e *network.EgoNet, keep map[string]bool) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, t := range e.Ties {
		u, v := e.Alters[t.From].ID, e.Alters[t.To].ID
		if !keep[u] || !keep[v] {
			continue
		}
		if !e.Directed() && u > v {
			u, v = v, u
		}
		out[[2]string{u, v}] = true
	}
	return out
}

// TieChurn counts the alter–alter ties among the kept alters (those named
// at both waves) that were kept, gained and lost:
//
//	K = kept alters;  T_B, T_A = ties within K at the two waves
//	kept = |T_B ∩ T_A|,  gained = |T_A \ T_B|,  lost = |T_B \ T_A|
//
// Ties that involve a gained or lost alter are not counted: they changed
// because the alter did. Directed data counts arcs. Zero counts when the
// ego is missing from a wave. Complexity O(t_B + t_A).
//
// Halgin, D. S. & Borgatti, S. P. (2012). An introduction to personal
// network analysis and tie churn statistics using E-NET. Connections
// 32(1):37–48.
func TieChurn(c *EgoChange) Churn {
	if !c.Present() {
		return Churn{}
	}
	keep := keptSet(c)
	tb, ta := tieSet(c.Before, keep), tieSet(c.After, keep)
	var out Churn
	for k := range tb {
		if ta[k] {
			out.Kept++
		} else {
			out.Lost++
		}
	}
	for k := range ta {
		if !tb[k] {
			out.Gained++
		}
	}
	return out
}

// BrokerChurn counts the ego's brokerage opportunities among the kept
// alters: unordered pairs of kept alters not tied to each other (in either
// direction), whom only the ego connects:
//
//	kept   = pairs open at both waves
//	gained = pairs tied at the earlier wave, open at the later
//	lost   = pairs open at the earlier wave, tied at the later
//
// For undirected data gained equals TieChurn's lost and lost its gained
// (the same pairs seen from the ego's side); kept + gained + lost + ties
// kept = k(k−1)/2 for k kept alters. Zero counts when the ego is missing
// from a wave. Complexity O(k² + t_B + t_A).
//
// Halgin, D. S. & Borgatti, S. P. (2012). An introduction to personal
// network analysis and tie churn statistics using E-NET. Connections
// 32(1):37–48 (UCINET/E-NET longitudinal brokerage).
func BrokerChurn(c *EgoChange) Churn {
	if !c.Present() {
		return Churn{}
	}
	keep := keptSet(c)
	tb, ta := tieSet(c.Before, keep), tieSet(c.After, keep)
	linked := func(s map[[2]string]bool, u, v string) bool {
		return s[[2]string{u, v}] || s[[2]string{v, u}]
	}
	var out Churn
	for i, u := range c.Kept {
		for _, v := range c.Kept[i+1:] {
			b, a := !linked(tb, u, v), !linked(ta, u, v)
			switch {
			case b && a:
				out.Kept++
			case a:
				out.Gained++
			case b:
				out.Lost++
			}
		}
	}
	return out
}

// RingMoves counts the kept alters who moved between the rings of a
// network map (attribute attr, a number, 1 = the innermost ring):
//
//	closer  = #{kept alters: ring_A < ring_B}
//	further = #{kept alters: ring_A > ring_B}
//
// An alter whose ring is missing or not a number at either wave is not
// counted. Zero counts when the ego is missing from a wave or the data has
// no attribute attr. Complexity O(n_B + n_A).
//
// Antonucci, T. C. (1986). Hierarchical mapping technique. Generations
// 10(4):10–12.
func RingMoves(c *EgoChange, attr string) (closer, further int) {
	for _, d := range keptPairs(c, attr) {
		b, okb := d[0].Float()
		a, oka := d[1].Float()
		switch {
		case !okb || !oka:
		case a < b:
			closer++
		case a > b:
			further++
		}
	}
	return closer, further
}

// AttrChanges counts the kept alters whose value of the alter attribute
// attr changed between the waves (e.g. the role: an acquaintance who
// became a friend). Values compare as text, ignoring case and surrounding
// spaces; an alter whose value is missing at either wave is not counted.
// Zero when the ego is missing from a wave or the data has no attribute
// attr. Complexity O(n_B + n_A).
func AttrChanges(c *EgoChange, attr string) int {
	n := 0
	for _, d := range keptPairs(c, attr) {
		if !d[0].IsMissing() && !d[1].IsMissing() && normValue(d[0].Text) != normValue(d[1].Text) {
			n++
		}
	}
	return n
}

// keptPairs returns, for each kept alter, its value of attr at the two
// waves.
func keptPairs(c *EgoChange, attr string) [][2]network.Value {
	if !c.Present() {
		return nil
	}
	vb, okb := c.Before.AlterValues(attr)
	va, oka := c.After.AlterValues(attr)
	if !okb || !oka {
		return nil
	}
	ib, ia := alterPositions(c.Before), alterPositions(c.After)
	out := make([][2]network.Value, 0, len(c.Kept))
	for _, id := range c.Kept {
		out = append(out, [2]network.Value{vb[ib[id]], va[ia[id]]})
	}
	return out
}

// alterPositions maps each alter ID of e to its position.
func alterPositions(e *network.EgoNet) map[string]int {
	m := make(map[string]int, len(e.Alters))
	for i, a := range e.Alters {
		m[a.ID] = i
	}
	return m
}

// ClassChanges counts the kept alters whose social-capital class (by cl,
// e.g. Rules) differs between the waves, "unclassified" counting as a
// class of its own. Zero when the ego is missing from a wave or cl is
// nil. Complexity that of cl.ClassifyAlters at both waves.
func ClassChanges(c *EgoChange, cl AlterClassifier) int {
	if !c.Present() || cl == nil {
		return 0
	}
	cb, ca := cl.ClassifyAlters(c.Before), cl.ClassifyAlters(c.After)
	ib, ia := alterPositions(c.Before), alterPositions(c.After)
	n := 0
	for _, id := range c.Kept {
		if cb[ib[id]] != ca[ia[id]] {
			n++
		}
	}
	return n
}

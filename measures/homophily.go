package measures

import (
	"math"

	"github.com/sociogram/sociogram/network"
)

// This file holds the measures of homophily: how far alters share the
// ego's value of an attribute (bonding, bridging, ei), and how far ties
// among alters stay within groups (ei_alters). Alters with a missing value
// drop out; so does a tie with a missing value at either end.

// homophilyCounts returns I (alters with the ego's value of attr) and E
// (alters with another value), and false when the ego's value is missing.
func homophilyCounts(e *network.EgoNet, attr string) (i, x float64, ok bool) {
	alterColumn(e, attr) // panics on an attribute the data does not have
	ego := e.EgoValue(attr)
	if ego.IsMissing() {
		return 0, 0, false
	}
	eachAlterValue(e, attr, func(v network.Value) {
		switch {
		case v.IsMissing():
		case equalValues(v, ego):
			i++
		default:
			x++
		}
	})
	return i, x, true
}

// BondingCount is the number of alters with the same value of attr as the ego
// (homophilous, "bonding" ties by attribute similarity; numeric values
// compare as numbers). NaN when the ego's value is missing. Cost O(n).
// McPherson, M., Smith-Lovin, L. & Cook, J. M. (2001). Birds of a feather:
// homophily in social networks. Annual Review of Sociology 27:415–444.
// doi:10.1146/annurev.soc.27.1.415.
func BondingCount(e *network.EgoNet, attr string) float64 {
	i, _, ok := homophilyCounts(e, attr)
	if !ok {
		return math.NaN()
	}
	return i
}

// BridgingCount is the number of alters whose value of attr differs from the
// ego's (heterophilous, "bridging" ties); alters with a missing value are
// not counted. NaN when the ego's value is missing. Cost O(n). McPherson et
// al. (2001), as BondingCount.
func BridgingCount(e *network.EgoNet, attr string) float64 {
	_, x, ok := homophilyCounts(e, attr)
	if !ok {
		return math.NaN()
	}
	return x
}

// EIIndex is Krackhardt & Stern's E-I index of the ego–alter ties:
//
//	ei = (E − I) / (E + I),   E = BridgingCount, I = BondingCount
//
// from −1 (every alter shares the ego's value) to +1 (none does). NaN when
// the ego's value is missing or no alter has a value. The same index as
// egor's comp_ei, except that egor compares values as text ("1" differs
// from "1.0") where we compare numbers as numbers. Cost O(n). Krackhardt, D. & Stern, R. N. (1988). Informal
// networks and organizational crises: an experimental simulation. Social
// Psychology Quarterly 51(2):123–140. doi:10.2307/2786835.
func EIIndex(e *network.EgoNet, attr string) float64 {
	i, x, ok := homophilyCounts(e, attr)
	if !ok || i+x == 0 {
		return math.NaN()
	}
	return (x - i) / (x + i)
}

// aaCounts counts the alter–alter ties (arcs when directed) between alters
// of different values of attr (E) and of the same value (I), ties with a
// missing value at either end left out.
func aaCounts(e *network.EgoNet, attr string) (x, i float64, vals []network.Value) {
	vals = alterValues(e, attr)
	if vals == nil {
		return 0, 0, nil
	}
	for _, t := range e.Ties {
		a, b := vals[t.From], vals[t.To]
		switch {
		case a.IsMissing() || b.IsMissing():
		case equalValues(a, b):
			i++
		default:
			x++
		}
	}
	return x, i, vals
}

// EIAlters is the E-I index of the ties among the alters (ego excluded):
//
//	ei_alters = (E − I) / (E + I)
//
// with E the number of alter–alter ties (arcs when directed) joining
// different values of attr and I those joining equal values; ties with a
// missing value at either end drop out. NaN when no tie is left. Cost
// O(n + t). Krackhardt & Stern (1988), as EIIndex. This is the raw index;
// egor's EI(rescale = FALSE) sums per-group counts, so counts each external
// tie twice and differs from it; see EIAltersRescaled for egor's default.
func EIAlters(e *network.EgoNet, attr string) float64 {
	x, i, _ := aaCounts(e, attr)
	if x+i == 0 {
		return math.NaN()
	}
	return (x - i) / (x + i)
}

// EIAltersRescaled is the E-I index of the alter–alter ties with counts
// replaced by densities, so that unequal group sizes do not bias it (egor's
// EI with rescale = TRUE, its default):
//
//	ei_alters_rescaled = (d_E − d_I) / (d_E + d_I)
//	d_E = E / P_E,   P_E = Σ_{g<h} n_g n_h          (pairs across groups)
//	d_I = I / P_I,   P_I = Σ_g n_g (n_g − 1) / 2    (pairs within groups)
//
// where n_g is the number of alters with value g (alters with a missing
// value left out) and E, I are as in EIAlters. For directed data both
// counts of possible arcs double, which leaves the index unchanged. NaN when
// P_E or P_I is 0 (one group only, or no two alters share a group) or no tie
// is left. Cost O(n + t). Krackhardt & Stern (1988); egor R/ei.R. When
// every alter has a value it equals egor's whole-network EI (rescale =
// TRUE): egor sums per-group counts, doubling both E and P_E, which cancels.
// With missing values egor keeps those alters in its group sizes (poss_ext
// counts pairs with them as between-group pairs); we leave them out.
func EIAltersRescaled(e *network.EgoNet, attr string) float64 {
	x, i, _ := aaCounts(e, attr)
	if x+i == 0 {
		return math.NaN()
	}
	n, counts := categories(e, attr)
	var sumSq, within float64
	for _, c := range counts {
		sumSq += float64(c) * float64(c)
		within += float64(c) * float64(c-1) / 2
	}
	across := (float64(n)*float64(n) - sumSq) / 2
	if across == 0 || within == 0 {
		return math.NaN()
	}
	dx, di := x/across, i/within
	return (dx - di) / (dx + di)
}

// classCount counts the alters a classifier puts in class.
func classCount(e *network.EgoNet, c AlterClassifier, class string) float64 {
	n := 0.0
	for _, k := range c.ClassifyAlters(e) {
		if k == class {
			n++
		}
	}
	return n
}

func needsAttrOrClassifier(s *Spec, opt *TableOptions) error {
	if s.Attr == "" && (opt == nil || opt.Classifier == nil) {
		return errNeedsClassifier
	}
	return nil
}

func init() {
	define(definition{name: "bonding", arg: argNone | argAttr, egoAttr: true, check: needsAttrOrClassifier,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			if c.Spec.Attr == "" {
				return classCount(e, c.Options.Classifier, "bonding")
			}
			return BondingCount(e, c.Spec.Attr)
		}})
	define(definition{name: "bridging", arg: argNone | argAttr, egoAttr: true, check: needsAttrOrClassifier,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			if c.Spec.Attr == "" {
				return classCount(e, c.Options.Classifier, "bridging")
			}
			return BridgingCount(e, c.Spec.Attr)
		}})
	define(definition{name: "ei", arg: argAttr, egoAttr: true,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return EIIndex(e, c.Spec.Attr) }})
	define(definition{name: "ei_alters", arg: argAttr,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return EIAlters(e, c.Spec.Attr) }})
	define(definition{name: "ei_alters_rescaled", arg: argAttr,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return EIAltersRescaled(e, c.Spec.Attr) }})
}

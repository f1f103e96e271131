package measures

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// This file holds the compositional measures of diversity: how the alters'
// values of one attribute are spread. All of them look at the alters only
// (the ego's own value plays no part) and skip alters whose value is
// missing. An attribute that the dataset does not have behaves as one that
// is missing for every alter.

// valueKey is the category a value falls in: its number when numeric (so
// "1" and "1.0" are one category), else its text.
func valueKey(v network.Value) string {
	if x, ok := v.Float(); ok {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return v.Text
}

// equalValues reports whether two recorded values are equal: as numbers when
// both are numeric, else as texts. A missing value equals nothing.
func equalValues(a, b network.Value) bool {
	if a.IsMissing() || b.IsMissing() {
		return false
	}
	if x, ok := a.Float(); ok {
		if y, ok := b.Float(); ok {
			return x == y
		}
	}
	return a.Text == b.Text
}

// alterValues returns the alters' values of attr (nil without a dataset);
// it panics when the dataset has no such attribute (see alterColumn).
func alterValues(e *network.EgoNet, attr string) []network.Value {
	if alterColumn(e, attr) < 0 {
		return nil
	}
	v, _ := e.AlterValues(attr)
	return v
}

// eachAlterValue calls fn with each alter's value of attr, in alter order,
// without allocating; nothing without a dataset. It panics when the
// dataset has no such attribute (see alterColumn).
func eachAlterValue(e *network.EgoNet, attr string, fn func(v network.Value)) {
	col := alterColumn(e, attr)
	if col < 0 {
		return
	}
	for i := range e.Alters {
		fn(e.Alters[i].Attrs.At(col))
	}
}

// categories returns the number of alters with a value of attr and the
// count of each category, in order of first appearance. Categories are
// found by linear search while there are few (the usual case), then by a
// map.
func categories(e *network.EgoNet, attr string) (int, []int) {
	var keys []string
	var index map[string]int
	var counts []int
	total := 0
	eachAlterValue(e, attr, func(v network.Value) {
		if v.IsMissing() {
			return
		}
		k := valueKey(v)
		i := -1
		if index != nil {
			if j, ok := index[k]; ok {
				i = j
			}
		} else {
			for j, x := range keys {
				if x == k {
					i = j
					break
				}
			}
		}
		if i < 0 {
			i = len(counts)
			counts = append(counts, 0)
			if index != nil {
				index[k] = i
			} else if keys = append(keys, k); len(keys) > 16 {
				index = make(map[string]int, 2*len(keys))
				for j, x := range keys {
					index[x] = j
				}
			}
		}
		counts[i]++
		total++
	})
	return total, counts
}

// Richness is the number of distinct non-missing values of attr among the
// alters (numeric values compare as numbers). 0 when no alter has a value.
// The same count as egor's alts_diversity_count (egor R/composition.R).
// Cost O(n).
func Richness(e *network.EgoNet, attr string) float64 {
	_, c := categories(e, attr)
	return float64(len(c))
}

// Blau is Blau's (1977) index of heterogeneity of attr among the alters,
// the chance that two alters drawn with replacement differ:
//
//	blau = 1 − Σ_k p_k²,   p_k = share of alters with a value that are in category k
//
// 0 when every alter with a value shares it; NaN when no alter has a value.
// Cost O(n). Blau, P. M. (1977). Inequality and Heterogeneity. New York:
// Free Press.
func Blau(e *network.EgoNet, attr string) float64 {
	n, counts := categories(e, attr)
	if n == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, c := range counts {
		p := float64(c) / float64(n)
		s += p * p
	}
	return 1 - s
}

// IQV is the index of qualitative variation of attr among the alters:
// Blau's index rescaled to [0, 1] by its maximum for K levels,
//
//	iqv = blau × K / (K − 1)
//
// K is the number of levels the attribute can take (in tables: the
// distinct non-missing values across the whole dataset unless levels are
// given in TableOptions.Levels). NaN when no alter has a value or K < 2.
// Cost O(n). Agresti, A. & Agresti, B. F. (1978). Statistical analysis of
// qualitative variation. Sociological Methodology 9:204–237.
// doi:10.2307/270810.
func IQV(e *network.EgoNet, attr string, levels int) float64 {
	if levels < 2 {
		return math.NaN()
	}
	return Blau(e, attr) * float64(levels) / float64(levels-1)
}

// Entropy is Shannon's (1948) entropy, in bits, of attr among the alters:
//
//	entropy = −Σ_k p_k log₂ p_k
//
// with p_k as in Blau. 0 when every alter with a value shares it; NaN when
// no alter has a value (egor's alts_diversity_entropy, base 2 by default,
// computes the same sum but returns 0 there). Cost O(n). Shannon, C. E. (1948). A mathematical
// theory of communication. Bell System Technical Journal 27(3):379–423.
// doi:10.1002/j.1538-7305.1948.tb01338.x.
func Entropy(e *network.EgoNet, attr string) float64 {
	n, counts := categories(e, attr)
	if n == 0 {
		return math.NaN()
	}
	h := 0.0
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// CountFunc is the number of alters whose value of attr is recorded and
// satisfies match. Cost O(n).
func CountFunc(e *network.EgoNet, attr string, match func(network.Value) bool) float64 {
	c, _ := countProp(e, attr, match)
	return c
}

// PropFunc is the share of the alters with a recorded value of attr whose
// value satisfies match; NaN when no alter has a value. Cost O(n).
func PropFunc(e *network.EgoNet, attr string, match func(network.Value) bool) float64 {
	c, n := countProp(e, attr, match)
	if n == 0 {
		return math.NaN()
	}
	return c / n
}

// Count is the number of alters whose value of attr is one of values
// (numeric values compare as numbers): count(attr=v1|v2). 0 when none.
// Cost O(n).
func Count(e *network.EgoNet, attr string, values ...string) float64 {
	return CountFunc(e, attr, oneOf(values))
}

// Prop is the share of alters with a value of attr whose value is one of
// values: prop(attr=v1|v2) = count / number of alters with a value. NaN when
// no alter has a value. Cost O(n).
func Prop(e *network.EgoNet, attr string, values ...string) float64 {
	return PropFunc(e, attr, oneOf(values))
}

func oneOf(values []string) func(network.Value) bool {
	return func(v network.Value) bool {
		for _, s := range values {
			if valueEquals(v, s) {
				return true
			}
		}
		return false
	}
}

func countProp(e *network.EgoNet, attr string, match func(network.Value) bool) (count, withValue float64) {
	eachAlterValue(e, attr, func(v network.Value) {
		if v.IsMissing() {
			return
		}
		withValue++
		if match(v) {
			count++
		}
	})
	return count, withValue
}

// Mean is the arithmetic mean of the numeric attribute attr over the
// alters with a value; NaN when none has one. Cost O(n).
func Mean(e *network.EgoNet, attr string) float64 {
	m, _, n := meanVar(e, attr)
	if n == 0 {
		return math.NaN()
	}
	return m
}

// SD is the sample standard deviation (denominator n − 1) of the numeric
// attribute attr over the alters with a value, as R's sd; NaN when fewer
// than two alters have one. Cost O(n); computed with Welford's update.
func SD(e *network.EgoNet, attr string) float64 {
	_, m2, n := meanVar(e, attr)
	if n < 2 {
		return math.NaN()
	}
	if sd := math.Sqrt(m2 / float64(n-1)); !math.IsInf(sd, 0) && !math.IsNaN(sd) {
		return sd
	}
	// Finite values whose deviations or squares overflow float64 (issue 18
	// item 16): sd(x) = M · sd(x/M), M the largest |x|, scaled before
	// summing. Only this case pays the second and third pass.
	var m float64
	eachAlterValue(e, attr, func(v network.Value) {
		if x, ok := v.Float(); ok {
			m = max(m, math.Abs(x))
		}
	})
	var mean float64
	n = 0
	m2 = 0
	eachAlterValue(e, attr, func(v network.Value) {
		x, ok := v.Float()
		if !ok {
			return
		}
		x /= m
		n++
		d := x - mean
		mean += d / float64(n)
		m2 += d * (x - mean)
	})
	return m * math.Sqrt(m2/float64(n-1))
}

// meanVar returns the mean, the sum of squared deviations and the count of
// the numeric values of attr (Welford 1962).
func meanVar(e *network.EgoNet, attr string) (mean, m2 float64, n int) {
	eachAlterValue(e, attr, func(v network.Value) {
		x, ok := v.Float()
		if !ok {
			return
		}
		n++
		d := x - mean
		mean += d / float64(n)
		m2 += d * (x - mean)
	})
	return mean, m2, n
}

// countLevels is the prepare function of iqv: K from the options or from
// the distinct values over the whole population. Given levels must cover
// every value in the data (else blau × K/(K−1) can exceed 1) and be
// distinct (numeric values compare as numbers).
func countLevels(c *evalContext, p population) error {
	attr := c.Spec.Attr
	if lv, ok := c.Options.Levels[attr]; ok {
		given := map[string]bool{}
		for _, l := range lv {
			k := valueKey(network.ParseValue(l))
			if given[k] {
				return fmt.Errorf("level %q of %q is given twice", l, attr)
			}
			given[k] = true
		}
		var bad *network.Value
		p.alterValues(attr, func(v network.Value) {
			if bad == nil && !v.IsMissing() && !given[valueKey(v)] {
				bad = &v
			}
		})
		if bad != nil {
			return fmt.Errorf("value %q of %q is not one of the given levels (%s)", bad.Text, attr, strings.Join(lv, ", "))
		}
		c.Levels = len(lv)
		return nil
	}
	seen := map[string]bool{}
	p.alterValues(attr, func(v network.Value) {
		if !v.IsMissing() {
			seen[valueKey(v)] = true
		}
	})
	c.Levels = len(seen)
	return nil
}

func init() {
	attrMeasure := func(name string, numeric bool, f func(*network.EgoNet, string) float64) {
		define(definition{name: name, arg: argAttr, numeric: numeric,
			eval: func(e *network.EgoNet, c *evalContext) float64 { return f(e, c.Spec.Attr) }})
	}
	attrMeasure("richness", false, Richness)
	attrMeasure("blau", false, Blau)
	attrMeasure("entropy", false, Entropy)
	attrMeasure("mean", true, Mean)
	attrMeasure("sd", true, SD)
	define(definition{name: "iqv", arg: argAttr, prepare: countLevels,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return IQV(e, c.Spec.Attr, c.Levels) }})
	define(definition{name: "count", arg: argSelector,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return CountFunc(e, c.Spec.Attr, c.Spec.match) }})
	define(definition{name: "prop", arg: argSelector,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return PropFunc(e, c.Spec.Attr, c.Spec.match) }})
}

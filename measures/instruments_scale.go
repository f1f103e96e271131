package measures

import (
	"errors"
	"fmt"
	"math"

	"github.com/sociogram/sociogram/network"
)

// Scale is a rating scale scored by summing its items, such as the Lubben
// Social Network Scale. Every answer must be a whole number in [Min, Max].
type Scale struct {
	// Name names the scale in errors and output, e.g. "lsns6".
	Name string `json:"name"`
	// Items are the ego columns holding the answers, in item order.
	Items []string `json:"items"`
	// Min and Max bound each answer.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Subscales maps a subscale name to its items (each one of Items).
	Subscales map[string][]string `json:"subscales,omitempty"`
	// Cutoff, when not nil, flags a total below it (e.g. LSNS-6 < 12:
	// risk of social isolation).
	Cutoff *float64 `json:"cutoff,omitempty"`
}

// LSNS6 returns the abbreviated Lubben Social Network Scale (Lubben et al.
// 2006) with answers in the ego columns lsns1 … lsns6:
//
//	items 1–3  family:  how many relatives do you see or hear from at least
//	           once a month / feel at ease talking to about private matters
//	           / feel close to such that you could call on them for help
//	items 4–6  friends: the same three questions about friends
//	answers    0 = none, 1 = one, 2 = two, 3 = three or four,
//	           4 = five to eight, 5 = nine or more
//	total      0–30;  family and friends subscales 0–15 each
//	isolated   total < 12 (risk of social isolation)
//
// Lubben, J., Blozik, E., Gillmann, G., Iliffe, S., von Renteln Kruse, W.,
// Beck, J. C. & Stuck, A. E. (2006). Performance of an abbreviated version
// of the Lubben Social Network Scale among three European community-dwelling
// older adult populations. The Gerontologist 46(4):503–513.
// doi:10.1093/geront/46.4.503.
func LSNS6() *Scale {
	cut := 12.0
	return &Scale{
		Name:  "lsns6",
		Items: []string{"lsns1", "lsns2", "lsns3", "lsns4", "lsns5", "lsns6"},
		Min:   0, Max: 5,
		Subscales: map[string][]string{
			"family":  {"lsns1", "lsns2", "lsns3"},
			"friends": {"lsns4", "lsns5", "lsns6"},
		},
		Cutoff: &cut,
	}
}

// ScaleScore is one ego's score on a Scale.
type ScaleScore struct {
	// Total is the sum of all items; NaN if any answer is missing.
	Total float64
	// Subscales holds each subscale's sum; NaN if one of its answers is missing.
	Subscales map[string]float64
	// Flag is 1 when Total < Cutoff, 0 when not, NaN when Total is NaN or
	// the scale has no cutoff.
	Flag float64
}

// Validate checks the scale's definition: items named, no duplicates,
// Min ≤ Max, subscale items among Items.
func (s *Scale) Validate() error {
	return validateItems(s.Name, s.Items, s.Subscales, func() error {
		if !(s.Min <= s.Max) {
			return fmt.Errorf("%w: %s: min %v is above max %v", ErrInstrument, s.Name, s.Min, s.Max)
		}
		return nil
	})
}

// Score returns ego e's total, subscale sums and flag. Errors name the ego
// and the item: a missing column, a non-numeric answer, or one that is not
// a whole number in [Min, Max].
//
// Complexity O(k) for k items.
func (s *Scale) Score(e *network.EgoNet) (ScaleScore, error) {
	vals := make(map[string]float64, len(s.Items))
	out := ScaleScore{Total: 0, Flag: math.NaN(), Subscales: map[string]float64{}}
	for _, it := range s.Items {
		v, err := answer(e, it)
		if err != nil {
			return out, err
		}
		if v.IsMissing() {
			vals[it] = math.NaN()
			continue
		}
		x, ok := v.Float()
		if !ok || x != math.Trunc(x) || x < s.Min || x > s.Max {
			return out, instrumentErr(e, it, "answer %q is not a whole number from %v to %v", v.Text, s.Min, s.Max)
		}
		vals[it] = x
	}
	for _, it := range s.Items {
		out.Total += vals[it]
	}
	for name, its := range s.Subscales {
		sum := 0.0
		for _, it := range its {
			sum += vals[it]
		}
		out.Subscales[name] = sum
	}
	if s.Cutoff != nil && !math.IsNaN(out.Total) {
		out.Flag = 0
		if out.Total < *s.Cutoff {
			out.Flag = 1
		}
	}
	return out, nil
}

// defineScale registers lsns6, lsns6_family, lsns6_friends, lsns6_isolated.
func defineScale() {
	scale := func(c *evalContext) *Scale { return instrumentsOf(c.Options).LSNS6 }
	check := func(s *Spec, opt *TableOptions) error {
		if instrumentsOf(opt).LSNS6 == nil {
			return errors.New("no LSNS-6 instrument is defined")
		}
		return nil
	}
	prep := func(c *evalContext, p population) error {
		sc := scale(c)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := sc.Score(e); return err })
	}
	value := map[string]func(ScaleScore) float64{
		"lsns6":          func(s ScaleScore) float64 { return s.Total },
		"lsns6_family":   func(s ScaleScore) float64 { return subscale(s.Subscales, "family") },
		"lsns6_friends":  func(s ScaleScore) float64 { return subscale(s.Subscales, "friends") },
		"lsns6_isolated": func(s ScaleScore) float64 { return s.Flag },
	}
	for name, f := range value {
		define(definition{name: name, arg: argNone, check: check, prepare: prep,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				s, err := scale(c).Score(e)
				if err != nil {
					return math.NaN()
				}
				return f(s)
			}})
	}
}

func subscale(m map[string]float64, name string) float64 {
	x, ok := m[name]
	if !ok {
		return math.NaN()
	}
	return x
}

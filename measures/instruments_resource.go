package measures

import (
	"fmt"
	"math"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Access is how an ego can reach a resource or position: not at all, or
// through someone of a tie type (family, friend, acquaintance).
//
// Answers are read as text, without regard to case or spaces: "0", "no",
// "none", "nobody" mean no access; "1" or "yes" mean access through a tie
// of unrecorded type; one of the instrument's TieTypes means access through
// that type of tie. In the Resource and Position Generators the respondent
// names the closest such tie when there are several (van der Gaag &
// Snijders 2005).
var noAccess = map[string]bool{"0": true, "no": true, "none": true, "nobody": true, "no one": true}

var yesAccess = map[string]bool{"1": true, "yes": true}

// DefaultTieTypes returns the tie types of the Resource and Position
// Generators (van der Gaag & Snijders 2005; Lin, Fu & Hsung 2001), a new
// slice on every call.
func DefaultTieTypes() []string { return []string{"family", "friend", "acquaintance"} }

// access parses one generator answer: accessed, the tie type ("" when not
// recorded), missing, or an error.
func access(e *network.EgoNet, item string, tieTypes []string) (ok bool, tie string, missing bool, err error) {
	v, err := answer(e, item)
	if err != nil {
		return false, "", false, err
	}
	if v.IsMissing() {
		return false, "", true, nil
	}
	t := normValue(v.Text)
	switch {
	case noAccess[t]:
		return false, "", false, nil
	case yesAccess[t]:
		return true, "", false, nil
	}
	for _, tt := range tieTypes {
		if normValue(tt) == t {
			return true, tt, false, nil
		}
	}
	return false, "", false, instrumentErr(e, item, "answer %q is not 0/1, yes/no or a tie type (%s)", v.Text, strings.Join(tieTypes, ", "))
}

// ResourceGenerator is a Resource Generator: a list of concrete resources
// ("Do you know anyone who can repair a broken bicycle?"), each answered
// with whether the ego knows someone who has it and through which kind of
// tie (see Access for the answers accepted).
//
// van der Gaag, M. & Snijders, T. A. B. (2005). The Resource Generator:
// social capital quantification with concrete items. Social Networks
// 27(1):1–29. doi:10.1016/j.socnet.2004.10.001.
type ResourceGenerator struct {
	// Name names the instrument in errors and output, e.g. "rguk".
	Name string `json:"name"`
	// Items are the ego columns holding the answers.
	Items []string `json:"items"`
	// Subscales maps a subscale name to its items.
	Subscales map[string][]string `json:"subscales,omitempty"`
	// TieTypes are the accepted tie types; nil means DefaultTieTypes.
	TieTypes []string `json:"tie_types,omitempty"`
}

// RGUK returns the Resource Generator-UK (Webber & Huxley 2007): 27 items,
// answers in the ego columns rg01 … rg27, total 0–27.
//
// The published instrument has four subscales — domestic resources, expert
// advice, personal skills and problem-solving resources. Their item
// assignment (Webber & Huxley 2007) could not be checked against the paper
// while this package was written, so NO subscale assignment is built in:
// Subscales is empty, and rguk(SUBSCALE) needs an instruments file that
// gives the assignment from the paper (see ReadInstrumentsFrom). Totals and
// access by tie type need no assignment.
//
// Webber, M. P. & Huxley, P. J. (2007). Measuring access to social capital:
// the validity and reliability of the Resource Generator-UK and its
// association with common mental disorder. Social Science & Medicine
// 65(3):481–492. doi:10.1016/j.socscimed.2007.03.030.
func RGUK() *ResourceGenerator {
	items := make([]string, 27)
	for i := range items {
		items[i] = fmt.Sprintf("rg%02d", i+1)
	}
	return &ResourceGenerator{Name: "rguk", Items: items}
}

// ResourceScore is one ego's Resource Generator score.
type ResourceScore struct {
	// Total is the number of items the ego has access to (0 … k); NaN if
	// any answer is missing.
	Total float64
	// Subscales holds the number of accessed items of each subscale; NaN
	// if one of its answers is missing.
	Subscales map[string]float64
	// ByTie holds, for each tie type, the number of items accessed through
	// that type; NaN if any answer is missing. Items answered plain "yes"
	// or "1" count in Total only.
	ByTie map[string]float64
}

func (g *ResourceGenerator) tieTypes() []string {
	if g.TieTypes == nil {
		return DefaultTieTypes()
	}
	return g.TieTypes
}

// Validate checks the instrument's definition.
func (g *ResourceGenerator) Validate() error {
	return validateItems(g.Name, g.Items, g.Subscales, nil)
}

// Score returns ego e's Resource Generator score:
//
//	total        = Σ_items access(item)            (access = 0 or 1)
//	subscale s   = Σ_{item ∈ s} access(item)
//	by tie t     = Σ_items [accessed through a tie of type t]
//
// Errors name the ego and the item: a missing column or an answer that is
// not one of those listed under Access. Complexity O(k) for k items.
func (g *ResourceGenerator) Score(e *network.EgoNet) (ResourceScore, error) {
	tts := g.tieTypes()
	out := ResourceScore{Subscales: map[string]float64{}, ByTie: map[string]float64{}}
	for _, t := range tts {
		out.ByTie[t] = 0
	}
	got := make(map[string]float64, len(g.Items))
	missing := false
	for _, it := range g.Items {
		ok, tie, miss, err := access(e, it, tts)
		if err != nil {
			return out, err
		}
		switch {
		case miss:
			got[it] = math.NaN()
			missing = true
		case ok:
			got[it] = 1
			out.Total++
			if tie != "" {
				out.ByTie[tie]++
			}
		default:
			got[it] = 0
		}
	}
	if missing {
		out.Total = math.NaN()
		for t := range out.ByTie {
			out.ByTie[t] = math.NaN()
		}
	}
	for name, its := range g.Subscales {
		s := 0.0
		for _, it := range its {
			s += got[it]
		}
		out.Subscales[name] = s
	}
	return out, nil
}

// defineGenerator registers NAME_total, NAME(SUBSCALE) and NAME_tie(TYPE)
// for a Resource Generator (rguk or rg).
func defineGenerator(name string, get func(*Instruments) *ResourceGenerator) {
	gen := func(opt *TableOptions) *ResourceGenerator { return get(instrumentsOf(opt)) }
	exists := func(opt *TableOptions) error {
		if gen(opt) == nil {
			return fmt.Errorf("no %s instrument is defined (give one in an instruments file)", name)
		}
		return nil
	}
	prep := func(c *evalContext, p population) error {
		g := gen(c.Options)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := g.Score(e); return err })
	}
	score := func(e *network.EgoNet, c *evalContext) (ResourceScore, bool) {
		s, err := gen(c.Options).Score(e)
		return s, err == nil
	}
	define(definition{name: name + "_total", arg: argNone, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error { return exists(opt) },
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			return s.Total
		}})
	define(definition{name: name, arg: argAttr, argName: true, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error {
			if err := exists(opt); err != nil {
				return err
			}
			g := gen(opt)
			if _, ok := g.Subscales[s.Attr]; !ok {
				if len(g.Subscales) == 0 {
					return fmt.Errorf("%s has no subscales defined; give the item-to-subscale assignment in an instruments file", name)
				}
				return fmt.Errorf("%s has no subscale %q (subscales: %s)", name, s.Attr, strings.Join(sortedKeys(g.Subscales), ", "))
			}
			return nil
		},
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			return subscale(s.Subscales, c.Spec.Attr)
		}})
	define(definition{name: name + "_tie", arg: argAttr, argName: true, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error {
			if err := exists(opt); err != nil {
				return err
			}
			if tts := gen(opt).tieTypes(); !containsFold(tts, s.Attr) {
				return fmt.Errorf("unknown tie type %q (tie types: %s)", s.Attr, strings.Join(tts, ", "))
			}
			return nil
		},
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			for t, x := range s.ByTie {
				if strings.EqualFold(t, c.Spec.Attr) {
					return x
				}
			}
			return math.NaN()
		}})
}

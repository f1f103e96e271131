package measures

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Position is one occupation of a Position Generator and its prestige
// score (e.g. on the SIOPS or ISEI scale, or a national prestige scale).
type Position struct {
	Item       string  `json:"item"`       // ego column holding the answer
	Occupation string  `json:"occupation"` // e.g. "nurse"
	Prestige   float64 `json:"prestige"`
}

// PositionGenerator is a Position Generator: a list of occupations, each
// answered with whether the ego knows someone in it and through which kind
// of tie (see Access for the answers accepted). The prestige list is data
// the study supplies.
//
// Lin, N. & Dumin, M. (1986). Access to occupations through social ties.
// Social Networks 8(4):365–385. doi:10.1016/0378-8733(86)90003-1.
// Lin, N., Fu, Y.-C. & Hsung, R.-M. (2001). The position generator:
// measurement techniques for investigations of social capital. In Lin,
// Cook & Burt (eds.), Social Capital: Theory and Research, 57–81.
// van der Gaag, M. & Snijders, T. A. B. (2005), doi:10.1016/j.socnet.2004.10.001.
type PositionGenerator struct {
	Name      string     `json:"name"`
	Positions []Position `json:"positions"`
	// TieTypes are the accepted tie types; nil means DefaultTieTypes.
	TieTypes []string `json:"tie_types,omitempty"`
}

// PositionAccess are the Position Generator measures over a set of
// accessed positions P (all, or those reached through one tie type):
//
//	extensity           |P|, the number of positions accessed
//	upper reachability  max_{p∈P} prestige(p)
//	range               max − min prestige over P
//	average             mean prestige over P
//	total               Σ_{p∈P} prestige(p)
//
// Upper reachability, range and average are NaN when P is empty;
// extensity and total are then 0. Every value is NaN when an answer is
// missing.
type PositionAccess struct {
	Extensity, UpperReachability, Range, Average, Total float64
}

// PositionScore is one ego's Position Generator score: over all positions
// accessed and by tie type (a position answered plain "yes" counts in All
// only).
type PositionScore struct {
	All   PositionAccess
	ByTie map[string]PositionAccess
}

// Validate checks the instrument's definition: positions with items, no
// duplicate items, finite prestige.
func (g *PositionGenerator) Validate() error {
	items := make([]string, len(g.Positions))
	for i, p := range g.Positions {
		items[i] = p.Item
		if math.IsNaN(p.Prestige) || math.IsInf(p.Prestige, 0) {
			return fmt.Errorf("%w: %s: item %q: prestige must be a finite number", ErrInstrument, g.Name, p.Item)
		}
	}
	return validateItems(g.Name, items, nil, nil)
}

// Score returns ego e's Position Generator measures (see PositionAccess).
// Errors name the ego and the item. Complexity O(k) for k positions.
func (g *PositionGenerator) Score(e *network.EgoNet) (PositionScore, error) {
	tts := g.TieTypes
	if tts == nil {
		tts = DefaultTieTypes()
	}
	all := []float64{}
	by := map[string][]float64{}
	missing := false
	for _, p := range g.Positions {
		ok, tie, miss, err := access(e, p.Item, tts)
		if err != nil {
			return PositionScore{}, err
		}
		if miss {
			missing = true
		}
		if ok {
			all = append(all, p.Prestige)
			if tie != "" {
				by[tie] = append(by[tie], p.Prestige)
			}
		}
	}
	out := PositionScore{All: positionAccess(all, missing), ByTie: map[string]PositionAccess{}}
	for _, t := range tts {
		out.ByTie[t] = positionAccess(by[t], missing)
	}
	return out, nil
}

func positionAccess(p []float64, missing bool) PositionAccess {
	nan := math.NaN()
	if missing {
		return PositionAccess{nan, nan, nan, nan, nan}
	}
	if len(p) == 0 {
		return PositionAccess{Extensity: 0, UpperReachability: nan, Range: nan, Average: nan, Total: 0}
	}
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, x := range p {
		lo, hi, sum = math.Min(lo, x), math.Max(hi, x), sum+x
	}
	return PositionAccess{
		Extensity: float64(len(p)), UpperReachability: hi, Range: hi - lo,
		Average: sum / float64(len(p)), Total: sum,
	}
}

// definePositions registers pg_extensity, pg_upper, pg_range, pg_average,
// pg_total, each also with a tie type: pg_extensity(family).
func definePositions() {
	gen := func(opt *TableOptions) *PositionGenerator { return instrumentsOf(opt).PG }
	prep := func(c *evalContext, p population) error {
		g := gen(c.Options)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := g.Score(e); return err })
	}
	check := func(s *Spec, opt *TableOptions) error {
		g := gen(opt)
		if g == nil {
			return errors.New("no Position Generator is defined (give the positions and their prestige in an instruments file)")
		}
		tts := g.TieTypes
		if tts == nil {
			tts = DefaultTieTypes()
		}
		if s.Attr != "" && !containsFold(tts, s.Attr) {
			return fmt.Errorf("unknown tie type %q (tie types: %s)", s.Attr, strings.Join(tts, ", "))
		}
		return nil
	}
	value := map[string]func(PositionAccess) float64{
		"pg_extensity": func(a PositionAccess) float64 { return a.Extensity },
		"pg_upper":     func(a PositionAccess) float64 { return a.UpperReachability },
		"pg_range":     func(a PositionAccess) float64 { return a.Range },
		"pg_average":   func(a PositionAccess) float64 { return a.Average },
		"pg_total":     func(a PositionAccess) float64 { return a.Total },
	}
	for name, f := range value {
		define(definition{name: name, arg: argNone | argAttr, argName: true, check: check, prepare: prep,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				s, err := gen(c.Options).Score(e)
				if err != nil {
					return math.NaN()
				}
				if c.Spec.Attr == "" {
					return f(s.All)
				}
				for t, a := range s.ByTie {
					if strings.EqualFold(t, c.Spec.Attr) {
						return f(a)
					}
				}
				return math.NaN()
			}})
	}
}

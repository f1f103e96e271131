package visualize

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/network"
)

// StudyStyle is the visual language of one study: which colour and shape
// each category has, the order of sectors and rings (empty ones keep their
// place), and the value ranges of node size and tie width. It is computed
// once, from every ego and wave of a dataset (NewStudyStyle) or every node
// of a whole network (NewGraphStyle), and shared by every picture of a
// run — egograms, grids, before/after pictures, force, circle and
// concentric sociograms, and the charts of other packages — so that one
// category never has two colours, nor one colour two meanings.
//
// A StudyStyle is read-only once made and safe for concurrent use.
type StudyStyle struct {
	style Style
	frame EgogramOptions // levels fixed, with the study's Unknown ring and sector

	levels  []string // categories of Style.Color, in order
	index   map[string]int
	numeric bool // Style.Color on a sequential scale
	lo, hi  float64

	sizeLo, sizeHi   float64 // range of Style.Size (NaN when none)
	widthLo, widthHi float64 // range of tie weights (+Inf, −Inf when none)
	dashLevels       []string
	rings, sectors   []string
}

// NewStudyStyle returns the style of a survey study: colours by opt.Color
// and sizes by opt.Size over the alters of every ego and wave of ds, tie
// widths over every alter–alter tie, and the ring and sector levels of the
// whole study (with an Unknown ring or sector when any alter lacks a
// value). It fails when an attribute does not exist.
func NewStudyStyle(ds *network.Dataset, opt DrawOptions) (*StudyStyle, error) {
	s := &StudyStyle{style: opt.Style, frame: opt.EgogramOptions}
	alterVals := func(attr string) ([]network.Value, bool) {
		if _, ok := ds.AlterAttrs.Index(attr); !ok {
			return nil, false
		}
		var all []network.Value
		for _, e := range ds.Egos {
			v, _ := e.AlterValues(attr)
			all = append(all, v...)
		}
		return all, true
	}
	if err := s.init(alterVals, "alter"); err != nil {
		return nil, err
	}
	var ws []float64
	for _, e := range ds.Egos {
		for _, t := range e.Ties {
			ws = append(ws, t.Weight)
		}
	}
	s.widthLo, s.widthHi = weightRange(ws)
	if opt.Dashed != "" {
		col, ok := ds.TieAttrs.Index(opt.Dashed)
		if !ok {
			return nil, fmt.Errorf("%w: no tie attribute %q for dashed ties", ErrUnknownAttribute, opt.Dashed)
		}
		var all []network.Value
		for _, e := range ds.Egos {
			for _, t := range e.Ties {
				all = append(all, t.Attrs.At(col))
			}
		}
		s.dashLevels = Levels(all, nil, 0)
	}
	// The frame: levels of the whole study, fixed as orders so that every
	// picture has every ring and sector in the same place.
	for k, spec := range []struct {
		attr    string
		order   []string
		fixed   int
		reverse bool
	}{{opt.Rings, opt.RingOrder, opt.NumRings, opt.ReverseRings}, {opt.Sectors, opt.SectorOrder, 0, false}} {
		if spec.attr == "" {
			continue
		}
		all, ok := alterVals(spec.attr)
		if !ok {
			return nil, fmt.Errorf("%w: no alter attribute %q", ErrUnknownAttribute, spec.attr)
		}
		levels := Levels(all, spec.order, spec.fixed)
		if spec.reverse {
			slices.Reverse(levels)
		}
		if k == 0 {
			s.rings, s.frame.RingOrder, s.frame.ReverseRings, s.frame.NumRings = levels, levels, false, 0
		} else {
			s.sectors, s.frame.SectorOrder = levels, levels
		}
	}
	s.frame.StudyUnknown = true
	return s, nil
}

// NewGraphStyle returns the style of a whole network: colours by st.Color
// and sizes by st.Size over every node of g, tie widths over every tie.
func NewGraphStyle(g *network.Graph, st Style) (*StudyStyle, error) {
	s := &StudyStyle{style: st}
	get := func(attr string) ([]network.Value, bool) {
		vals, _, ok := graphGetter(g)(attr)
		return vals, ok
	}
	if err := s.init(get, "node"); err != nil {
		return nil, err
	}
	var ws []float64
	for u := 0; u < g.Order(); u++ {
		for _, v := range g.Neighbors(u) {
			w, _ := g.EdgeWeight(u, v)
			ws = append(ws, w)
		}
	}
	s.widthLo, s.widthHi = weightRange(ws)
	return s, nil
}

// init sets the colour levels and size range from the study's values.
func (s *StudyStyle) init(all func(string) ([]network.Value, bool), what string) error {
	s.sizeLo, s.sizeHi = math.NaN(), math.NaN()
	s.widthLo, s.widthHi = math.Inf(1), math.Inf(-1)
	if attr := s.style.Color; attr != "" {
		vals, ok := all(attr)
		if !ok {
			return fmt.Errorf("%w: no %s attribute %q to colour by", ErrUnknownAttribute, what, attr)
		}
		s.levels = Levels(vals, s.style.ColorOrder, 0)
		s.numeric = len(s.levels) > 7 && s.style.ColorOrder == nil
		for _, v := range vals {
			if !v.IsMissing() && v.Kind != network.Number {
				s.numeric = false
			}
		}
		if s.numeric {
			s.lo, s.hi = numRange(vals)
			s.levels = nil
		}
		s.index = make(map[string]int, len(s.levels))
		for i, l := range s.levels {
			s.index[l] = i
		}
	}
	if attr := s.style.Size; attr != "" && s.style.SizeValues == nil {
		vals, ok := all(attr)
		if !ok {
			return fmt.Errorf("%w: no %s attribute %q to size by", ErrUnknownAttribute, what, attr)
		}
		s.sizeLo, s.sizeHi = numRange(vals)
	}
	return nil
}

// Style returns the attributes the study style maps.
func (s *StudyStyle) Style() Style { return s.style }

// Frame returns the egogram options of the study: its rings and sectors
// in their fixed order, with the Unknown ring or sector whenever an alter
// of the study lacks a value.
func (s *StudyStyle) Frame() EgogramOptions { return s.frame }

// Categories returns the categories of the colour attribute in legend
// order (nil when there is none, or when it is numeric and drawn on a
// sequential scale).
func (s *StudyStyle) Categories() []string { return slices.Clone(s.levels) }

// Category returns the colour and shape of a category of the colour
// attribute (its text as in the data; numbers in canonical form), and
// false, with MissingColor and ShapeCircle, for a value that is not one.
func (s *StudyStyle) Category(value string) (color.Color, Shape, bool) {
	i, ok := s.index[value]
	if !ok {
		return MissingColor, ShapeCircle, false
	}
	return ColorOf(s.style.Palette, i), ShapeOf(i), true
}

// CategoryThumb returns a legend thumbnail of a category's marker (the
// missing marker for a value that is not a category).
func (s *StudyStyle) CategoryThumb(value string) NodeThumb {
	c, sh, ok := s.Category(value)
	if !ok {
		return missingThumb
	}
	return NodeThumb{Color: c, Shape: sh}
}

// ColorLegend returns the legend entries of the colour attribute: a
// heading and one entry per category (or three for a numeric scale), and
// "missing" last when withMissing is set.
func (s *StudyStyle) ColorLegend(withMissing bool) []LegendEntry {
	if s.style.Color == "" {
		return nil
	}
	out := []LegendEntry{{Text: s.style.Color}}
	if s.numeric {
		for _, t := range []float64{0, 0.5, 1} {
			out = append(out, LegendEntry{Text: fmtNum(s.lo + t*(s.hi-s.lo)), Thumbs: []plot.Thumbnailer{NodeThumb{Color: Sequential(t)}}})
		}
	} else {
		for _, l := range s.levels {
			out = append(out, LegendEntry{Text: l, Thumbs: []plot.Thumbnailer{s.CategoryThumb(l)}})
		}
	}
	if withMissing {
		out = append(out, LegendEntry{Text: "missing " + s.style.Color, Thumbs: []plot.Thumbnailer{missingThumb}})
	}
	return out
}

// colorOf returns the fill and shape of a value of the colour attribute
// and whether it is missing.
func (s *StudyStyle) colorOf(v network.Value) (color.Color, Shape, bool) {
	if v.IsMissing() {
		return MissingColor, ShapeCircle, true
	}
	if s.numeric {
		f, ok := v.Float()
		if !ok {
			return MissingColor, ShapeCircle, true
		}
		return Sequential((f - s.lo) / math.Max(s.hi-s.lo, 1e-300)), ShapeCircle, false
	}
	c, sh, ok := s.Category(levelText(v))
	return c, sh, !ok
}

// widthOf returns the width of a tie of weight w on the study's scale:
// 0.6pt at the smallest weight to 3pt at the largest, 1pt when the weights
// do not vary.
func (s *StudyStyle) widthOf(w float64) vg.Length {
	out := []vg.Length{0}
	widthsIn(out, []float64{w}, s.widthLo, s.widthHi)
	return out[0]
}

// missingThumb is the legend marker of a missing colour value: grey with
// a dash.
var missingThumb = NodeThumb{Color: MissingColor, Shape: ShapeCircle, NA: true}

// undefinedThumb is the legend marker of an undefined size: hollow.
var undefinedThumb = NodeThumb{Color: color.White, Shape: ShapeCircle}

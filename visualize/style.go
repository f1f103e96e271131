package visualize

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sociogram/sociogram/network"
)

// Style says how attributes map onto the look of nodes. The zero value
// draws every node in one colour, labelled with its ID.
type Style struct {
	// Color names a node (alter) attribute. A categorical attribute, or a
	// numeric one with at most seven values, gives each category a colour
	// from Palette and a shape, so that the picture reads in greyscale;
	// missing values are grey. Other numeric attributes colour on a light
	// to dark blue scale.
	Color string
	// ColorOrder, when not nil, lists the categories of Color in order:
	// each keeps its colour and shape whatever values the data holds
	// (values not listed are drawn as missing), so that a picture
	// redrawn while its data is edited keeps its colours. nil: the
	// categories of the data (see Levels).
	ColorOrder []string
	// Palette for categories; nil means OkabeIto.
	Palette []color.Color

	// Size names a numeric node attribute; node area grows with it.
	Size string
	// SizeValues, when not nil, gives one value per node (per alter in an
	// egogram) to size by instead, e.g. a measure; SizeName names it in
	// the legend. Nodes whose value is NaN (undefined) are drawn small and
	// hollow, with their own legend entry.
	SizeValues []float64
	SizeName   string
	// SizeLo and SizeHi, when SizeHi > SizeLo, fix the scale of
	// SizeValues (smallest marker at SizeLo, largest at SizeHi), so that
	// the pictures of a run, each with its own values, share one scale.
	SizeLo, SizeHi float64

	// Label names a node attribute to label nodes with; "" labels them
	// with their ID.
	Label string
	// NoLabels draws no labels.
	NoLabels bool

	// Dashed names a tie attribute: ties with its first level are solid,
	// ties with other levels dashed (e.g. "type" with levels "close" and
	// "acquaintance").
	Dashed string
}

// Node radii in points.
const (
	minRadius = 3.5
	maxRadius = 11
	defRadius = 5.5
	egoSize   = 7
)

// nodeLook is the look of a set of nodes with its legend.
type nodeLook struct {
	color  []color.Color
	shape  []Shape
	radius []vg.Length
	label  []string
	na     []bool // colour value missing: grey with a dash
	hollow []bool // size value undefined: hollow
	legend []LegendEntry
	note   string
}

// lookOf maps the study style's attributes onto n nodes whose values come
// from get (false when the attribute does not exist). Node skip (the ego
// drawn as the ego, or -1) does not count as missing.
func lookOf(ss *StudyStyle, n int, ids []string, get func(attr string) ([]network.Value, bool), skip int) (*nodeLook, error) {
	st := ss.style
	lk := &nodeLook{color: make([]color.Color, n), shape: make([]Shape, n), radius: make([]vg.Length, n),
		label: make([]string, n), na: make([]bool, n), hollow: make([]bool, n)}
	for i := range lk.color {
		lk.color[i] = ColorOf(st.Palette, 0)
		lk.radius[i] = defRadius
	}
	anyNA, anyUndefined := false, false
	if st.Color != "" {
		vals, ok := get(st.Color)
		if !ok {
			return nil, fmt.Errorf("%w: no node attribute %q to colour by", ErrUnknownAttribute, st.Color)
		}
		for i, v := range vals {
			lk.color[i], lk.shape[i], lk.na[i] = ss.colorOf(v)
			anyNA = anyNA || (lk.na[i] && i != skip)
		}
	}
	sizes := st.SizeValues
	sizeName := st.SizeName
	if sizes == nil && st.Size != "" {
		vals, ok := get(st.Size)
		if !ok {
			return nil, fmt.Errorf("%w: no node attribute %q to size by", ErrUnknownAttribute, st.Size)
		}
		sizes = make([]float64, n)
		for i, v := range vals {
			f, ok := v.Float()
			if !ok {
				f = math.NaN()
			}
			sizes[i] = f
		}
		sizeName = st.Size
		lk.note = sizeNote(st.Size, ss.sizeLo, ss.sizeHi)
		sizeNodes(lk.radius, sizes, ss.sizeLo, ss.sizeHi)
	} else if sizes != nil {
		if len(sizes) != n {
			return nil, fmt.Errorf("%d size values for %d nodes", len(sizes), n)
		}
		var vs []network.Value
		for i, f := range sizes {
			if i != skip {
				vs = append(vs, network.NumberValue(f))
			}
		}
		lo, hi := numRange(vs)
		if st.SizeHi > st.SizeLo {
			lo, hi = st.SizeLo, st.SizeHi
		}
		if sizeName == "" {
			sizeName = "value"
		}
		lk.note = sizeNote(sizeName, lo, hi)
		sizeNodes(lk.radius, sizes, lo, hi)
	}
	for i, f := range sizes {
		if math.IsNaN(f) {
			lk.hollow[i], lk.radius[i] = true, undefinedRadius
			anyUndefined = anyUndefined || i != skip
		}
	}
	lk.legend = ss.ColorLegend(anyNA)
	if anyUndefined {
		lk.legend = append(lk.legend, LegendEntry{Text: sizeName + " undefined (NA)", Thumbs: []plot.Thumbnailer{undefinedThumb}})
	}
	if !st.NoLabels {
		copy(lk.label, ids)
		if st.Label != "" {
			vals, ok := get(st.Label)
			if !ok {
				return nil, fmt.Errorf("%w: no node attribute %q to label by", ErrUnknownAttribute, st.Label)
			}
			for i, v := range vals {
				lk.label[i] = v.String()
				if v.IsMissing() {
					lk.label[i] = ""
				}
			}
		}
	}
	return lk, nil
}

// undefinedRadius is the radius of a node whose size value is undefined
// (drawn hollow): small, never a middle size that reads as data.
const undefinedRadius = 4.2

// sizeNodes sets radii so that node area is linear in the value.
func sizeNodes(r []vg.Length, v []float64, lo, hi float64) {
	for i, f := range v {
		if math.IsNaN(f) || hi <= lo {
			r[i] = defRadius
			continue
		}
		t := (f - lo) / (hi - lo)
		r[i] = vg.Length(math.Sqrt(minRadius*minRadius + t*(maxRadius*maxRadius-minRadius*minRadius)))
	}
}

func numRange(vs []network.Value) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if f, ok := v.Float(); ok {
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// fmtNum formats a number for a legend: up to 3 significant digits.
func fmtNum(f float64) string {
	if math.IsNaN(f) {
		return "NA"
	}
	return strconv.FormatFloat(f, 'g', 3, 64)
}

// alterGetter returns a get function for lookOf over an ego's alters.
func alterGetter(e *network.EgoNet) func(string) ([]network.Value, bool) {
	return e.AlterValues
}

// tieDashes are the dash patterns of the levels of Style.Dashed after the
// first (solid), distinct so that the legend tells every level apart.
var tieDashes = [][]vg.Length{
	{vg.Points(4), vg.Points(2.5)},
	{vg.Points(1.2), vg.Points(1.8)},
	{vg.Points(7), vg.Points(2), vg.Points(1.2), vg.Points(2)},
	{vg.Points(8), vg.Points(4)},
}

// dashesOf returns the dash pattern of level i of the dashed attribute
// (nil, solid, for the first).
func dashesOf(i int) []vg.Length {
	if i <= 0 {
		return nil
	}
	return tieDashes[(i-1)%len(tieDashes)]
}

// tieLook returns the dash pattern and width of each tie of e on the study
// style's scales, and legend entries for the dashed attribute and widths.
func tieLook(e *network.EgoNet, ss *StudyStyle) ([][]vg.Length, []vg.Length, []LegendEntry, error) {
	dashes := make([][]vg.Length, len(e.Ties))
	width := make([]vg.Length, len(e.Ties))
	var legend []LegendEntry
	if attr := ss.style.Dashed; attr != "" {
		col, ok := e.Dataset().TieAttrs.Index(attr)
		if !ok {
			return nil, nil, nil, fmt.Errorf("%w: no tie attribute %q for dashed ties", ErrUnknownAttribute, attr)
		}
		pos := map[string]int{}
		for i, l := range ss.dashLevels {
			pos[l] = i
		}
		missing := false
		for i, t := range e.Ties {
			v := t.Attrs.At(col)
			k, ok := pos[levelText(v)]
			if v.IsMissing() || !ok {
				dashes[i], missing = missingDashes, true
				continue
			}
			dashes[i] = dashesOf(k)
		}
		legend = append(legend, LegendEntry{Text: attr})
		for i, l := range ss.dashLevels {
			sty := tieStyle()
			sty.Dashes = dashesOf(i)
			legend = append(legend, LegendEntry{Text: l, Thumbs: []plot.Thumbnailer{EdgeThumb{sty}}})
		}
		if missing {
			sty := tieStyle()
			sty.Dashes = missingDashes
			legend = append(legend, LegendEntry{Text: "missing " + attr, Thumbs: []plot.Thumbnailer{EdgeThumb{sty}}})
		}
	}
	for i, t := range e.Ties {
		width[i] = ss.widthOf(t.Weight)
	}
	legend = append(legend, weightLegend(ss.widthLo, ss.widthHi, 1)...)
	return dashes, width, legend, nil
}

// missingDashes is the dash pattern of a tie whose dashed attribute is
// missing.
var missingDashes = []vg.Length{vg.Points(0.8), vg.Points(3)}

// weightRange returns the smallest and largest of the defined weights
// (+Inf, −Inf when there are none).
func weightRange(ws []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, w := range ws {
		if !math.IsNaN(w) {
			lo, hi = math.Min(lo, w), math.Max(hi, w)
		}
	}
	return lo, hi
}

// widthsIn sets widths from 0.6pt at weight lo to 3pt at hi, or 1pt for
// every tie when hi ≤ lo or the weight is undefined.
func widthsIn(width []vg.Length, ws []float64, lo, hi float64) {
	for i, w := range ws {
		if hi > lo && !math.IsNaN(w) {
			width[i] = vg.Length(0.6 + 2.4*(w-lo)/(hi-lo))
		} else {
			width[i] = 1
		}
	}
}

// weightLegend returns the legend entries of tie widths from widthsIn
// (a heading, the thinnest and the thickest tie, drawn scale times as wide
// as the ties are), or none when the weights do not vary.
func weightLegend(lo, hi float64, scale vg.Length) []LegendEntry {
	if !(hi > lo) {
		return nil
	}
	thumb := func(w vg.Length) []plot.Thumbnailer {
		return []plot.Thumbnailer{EdgeThumb{draw.LineStyle{Color: EdgeColor, Width: w * scale}}}
	}
	return []LegendEntry{
		{Text: "tie weight"},
		{Text: fmtNum(lo), Thumbs: thumb(0.6)},
		{Text: fmtNum(hi), Thumbs: thumb(3)},
	}
}

func tieStyle() (s draw.LineStyle) {
	s.Color, s.Width = EdgeColor, 1
	return s
}

// newPanel returns a plot for a network: no axes, no padding, a title in
// the figure's typeface.
func newPanel(title string) *plot.Plot {
	p := plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sansFont, 11)
	p.Title.Padding = vg.Points(4)
	useTextHandler(p)
	return p
}

// sizeNote says what node size shows, and which way: "size: NAME, from LO
// (smallest) to HI (largest)"; "size: NAME, all LO" when every value is
// the same (all nodes then have the default size); "size: NAME, no
// values" when none is defined.
func sizeNote(name string, lo, hi float64) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return fmt.Sprintf("size: %s, no values", name)
	}
	if hi <= lo {
		return fmt.Sprintf("size: %s, all %s", name, fmtNum(lo))
	}
	return fmt.Sprintf("size: %s, from %s (smallest) to %s (largest)", name, fmtNum(lo), fmtNum(hi))
}

package visualize

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func TestHistogramBins(t *testing.T) {
	t.Run("whole numbers: one bar per value", func(t *testing.T) {
		// Values 0,1,1,3: bars at 0,1,2,3 with counts 1,2,0,1.
		h, err := histogram(plotter.Values{0, 1, 1, 3}, 0, 0, 3)
		require.NoError(t, err)
		require.Len(t, h.Bins, 4)
		for i, want := range []float64{1, 2, 0, 1} {
			assert.Equal(t, float64(i)-0.5, h.Bins[i].Min)
			assert.Equal(t, want, h.Bins[i].Weight, "bar %d", i)
		}
	})
	t.Run("fractions: Sturges", func(t *testing.T) {
		// n = 4: ⌈log₂ 4⌉ + 1 = 3 bins.
		h, err := histogram(plotter.Values{0.5, 0.25, 1, 0.75}, 0, 0.25, 1)
		require.NoError(t, err)
		assert.Len(t, h.Bins, 3)
	})
	t.Run("one value, not whole: one bar centred on it", func(t *testing.T) {
		// 0.5 three times: a bar from 0.45 to 0.55 (width 0.2·0.5) of height 3.
		h, err := histogram(plotter.Values{0.5, 0.5, 0.5}, 0, 0.5, 0.5)
		require.NoError(t, err)
		require.Len(t, h.Bins, 1)
		assert.InDelta(t, 0.45, h.Bins[0].Min, 1e-12)
		assert.InDelta(t, 0.55, h.Bins[0].Max, 1e-12)
		assert.Equal(t, 3.0, h.Bins[0].Weight)
	})
	t.Run("bins given", func(t *testing.T) {
		h, err := histogram(plotter.Values{1, 2, 3}, 2, 1, 3)
		require.NoError(t, err)
		assert.Len(t, h.Bins, 2)
	})
}

func TestChartErrors(t *testing.T) {
	_, err := HistogramFigure("size", []float64{math.NaN()}, HistogramOptions{})
	assert.ErrorContains(t, err, "no defined values among 1")
	_, err = ChangeFigure("size", []string{"a"}, []float64{1}, nil, [2]string{"1", "2"})
	assert.ErrorContains(t, err, "1 egos, 1 and 0 values")
	_, err = ChangeFigure("size", []string{"a"}, []float64{math.NaN()}, []float64{1}, [2]string{"1", "2"})
	assert.ErrorContains(t, err, "no ego has both values")
}

// TestChangeFigure: rows in the order given (the first on top), each with
// its kind of change and the number shown in the change column; an ego
// with an undefined or infinite value is left out and named in the note.
func TestChangeFigure(t *testing.T) {
	ids := []string{"up", "down", "same", "na", "tiny", "inf"}
	before := []float64{1, 5, 3, 2, 100, math.Inf(1)}
	after := []float64{4, 4.5, 3, math.NaN(), 100.001, 1}
	f, err := ChangeFigure("size", ids, before, after, [2]string{"1", "2"})
	require.NoError(t, err)
	assert.Equal(t, "left out (NA): na, inf", f.Note)
	names, cr, skipped := changeRowsOf(ids, before, after)
	assert.Equal(t, []string{"tiny", "same", "down", "up"}, names, "tick labels from the bottom up")
	assert.Equal(t, []string{"na", "inf"}, skipped)
	for i, want := range []struct {
		y     float64
		kind  int
		label string
	}{
		{3, changeUp, "+3"},
		{2, changeDown, "-0.5"},
		{1, changeNone, "0"},
		{0, changeUp, "+0.001"}, // 100.001 - 100 = 0.00099999... in float64
	} {
		r := cr.rows[i]
		assert.Equal(t, want.y, r.y, "row %d", i)
		assert.Equal(t, want.kind, r.kind(), "row %d", i)
		assert.Equal(t, want.label, changeLabel(r.after-r.before), "row %d", i)
	}
}

// TestSmallChangeShowsDirection draws a change of a fraction of a point:
// the arrowhead still appears, whole, on the side of the change (blue ink
// right of the circle for up, vermillion ink left of it for down).
func TestSmallChangeShowsDirection(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind int
		dx   vg.Length
	}{
		{"up", changeUp, 0.3},
		{"down", changeDown, -0.3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := vgimg.NewWith(vgimg.UseWH(vg.Points(60), vg.Points(20)), vgimg.UseDPI(72))
			dc := draw.New(c)
			dc.SetColor(color.White)
			dc.Fill(dc.Rectangle.Path())
			b := vg.Point{X: 30, Y: 10}
			drawChangeMark(&dc, tc.kind, b, vg.Point{X: b.X + tc.dx, Y: b.Y})
			want := changeColour(tc.kind)
			left, right := 0, 0
			img := c.Image()
			wr, wg, wb, _ := want.RGBA()
			for x := 0; x < 60; x++ {
				if r, g, bb, _ := img.At(x, 10).RGBA(); r == wr && g == wg && bb == wb {
					if x < 30 {
						left++
					} else {
						right++
					}
				}
			}
			if tc.kind == changeUp {
				assert.Equal(t, 0, left)
				assert.GreaterOrEqual(t, right, 4, "an arrowhead 7 pt long, partly under nothing")
			} else {
				assert.Equal(t, 0, right)
				assert.GreaterOrEqual(t, left, 4)
			}
		})
	}
}

// TestCountTicks: whole numbers only, at most 12 steps, the step 1, 2, 5, 10,
// 20, 50, … (hand-derived); a range from -0.5 starts at "0", not "-0".
func TestCountTicks(t *testing.T) {
	labels := func(lo, hi float64) []string {
		var out []string
		for _, tk := range (countTicks{}).Ticks(lo, hi) {
			out = append(out, tk.Label)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		lo, hi float64
		want   []string
	}{
		{"one value", 0, 0, []string{"0"}},
		{"bars from -0.5", -0.5, 3.5, []string{"0", "1", "2", "3"}},
		{"0 to 12: every 1", 0, 12, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
		{"0 to 13: every 2", 0, 13, []string{"0", "2", "4", "6", "8", "10", "12"}},
		{"0 to 40: every 5", 0, 40, []string{"0", "5", "10", "15", "20", "25", "30", "35", "40"}},
		{"0 to 100: every 10", 0, 100, []string{"0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"}},
		{"0 to 150: every 20", 0, 150, []string{"0", "20", "40", "60", "80", "100", "120", "140"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, labels(tc.lo, tc.hi))
		})
	}
}

// TestHistogramFigures: two waves on shared axes (hand-derived: wave 1
// {1,2,2,3}, wave 2 {2,5,5,5,5}: bars for 1 … 5, x from 0.5 to 5.5 in
// both; tallest bar 4, so both count axes end at ⌈4·1.1 + 0.5⌉ = 5), whole
// number ticks, and the wave and number of people in the title.
func TestHistogramFigures(t *testing.T) {
	figs, err := HistogramFigures("size", []string{"1", "2"}, [][]float64{{1, 2, 2, 3}, {2, 5, 5, 5, 5, math.NaN()}}, HistogramOptions{})
	require.NoError(t, err)
	require.Len(t, figs, 2)
	for i, f := range figs {
		p := f.Panels[0]
		assert.Equal(t, [4]float64{0.5, 5.5, 0, 5}, [4]float64{p.X.Min, p.X.Max, p.Y.Min, p.Y.Max}, "wave %d", i+1)
		for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			assert.Equal(t, math.Trunc(tk.Value), tk.Value, "count ticks are whole numbers")
		}
		var xs []string
		for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
			xs = append(xs, tk.Label)
		}
		assert.Equal(t, []string{"1", "2", "3", "4", "5"}, xs, "a tick at every value")
		assert.Equal(t, "people", p.Y.Label.Text)
	}
	assert.Equal(t, "size at wave 1: 4 people", figs[0].Title)
	assert.Equal(t, "size at wave 2: 5 people", figs[1].Title)
	assert.Equal(t, "not shown: 1 people with size undefined (NA)", figs[1].Note)
	_, err = HistogramFigures("size", []string{"1"}, nil, HistogramOptions{})
	assert.ErrorContains(t, err, "1 waves, 0 sets of values")
}

// TestHistogramCutOff: LSNS-6 gets its cut-off of 12 (Lubben et al.
// 2006) as a line with a legend entry; other measures none.
func TestHistogramCutOff(t *testing.T) {
	assert.Empty(t, CutOffsOf("size"))
	f, err := HistogramFigure("lsns6", []float64{8, 10, 14, 20}, HistogramOptions{CutOffs: CutOffsOf("lsns6")})
	require.NoError(t, err)
	require.Len(t, f.Legend, 1)
	assert.Equal(t, "cut-off 12: below = risk of isolation (Lubben 2006)", f.Legend[0].Text)
	p := f.Panels[0]
	assert.LessOrEqual(t, p.X.Min, 12.0)
	assert.GreaterOrEqual(t, p.X.Max, 12.0)
}

// TestTieDashesDistinct: every level of a dashed tie attribute has its
// own dash pattern (the first solid), so no two legend entries look alike.
func TestTieDashesDistinct(t *testing.T) {
	seen := map[string]int{}
	for i := 0; i <= len(tieDashes); i++ {
		key := fmt.Sprint(dashesOf(i))
		prev, dup := seen[key]
		assert.False(t, dup, "levels %d and %d share the dashes %s", prev, i, key)
		seen[key] = i
	}
	assert.Nil(t, dashesOf(0), "the first level is solid")
}

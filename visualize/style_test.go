package visualize

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/network"
)

func TestLookOf(t *testing.T) {
	num, txt := network.NumberValue, network.TextValue
	attrs := map[string][]network.Value{
		"role": {txt("friends"), txt("family"), {}},
		"age":  {num(20), num(80), num(50)},
		// Ten numeric levels: more than seven, so a colour scale.
		"score": {num(0), num(10), num(5)},
	}
	study := map[string][]network.Value{
		"score": {num(0), num(1), num(2), num(3), num(4), num(5), num(6), num(7), num(8), num(10)},
	}
	get := func(a string) ([]network.Value, bool) {
		v, ok := attrs[a]
		return v, ok
	}
	// mk returns the study style of st over the study's values (the
	// nodes' own where the study has none).
	mk := func(st Style) *StudyStyle {
		ss := &StudyStyle{style: st}
		require.NoError(t, ss.init(func(a string) ([]network.Value, bool) {
			if all, ok := study[a]; ok {
				return all, true
			}
			return get(a)
		}, "node"))
		return ss
	}
	ids := []string{"x", "y", "z"}

	t.Run("categories: colour and shape by level, missing grey", func(t *testing.T) {
		lk, err := lookOf(mk(Style{Color: "role"}), 3, ids, get, -1)
		require.NoError(t, err)
		// Levels sorted: family (0), friends (1).
		assert.Equal(t, okabeIto[1], lk.color[0])
		assert.Equal(t, ShapeSquare, lk.shape[0])
		assert.Equal(t, okabeIto[0], lk.color[1])
		assert.Equal(t, MissingColor, lk.color[2])
		var texts []string
		for _, e := range lk.legend {
			texts = append(texts, e.Text)
		}
		assert.Equal(t, []string{"role", "family", "friends", "missing role"}, texts)
		assert.Equal(t, []bool{false, false, true}, lk.na, "the missing value is marked with a dash")
		assert.Equal(t, []string{"x", "y", "z"}, lk.label, "labels default to IDs")
	})
	t.Run("numeric with many levels: sequential scale over the study range", func(t *testing.T) {
		lk, err := lookOf(mk(Style{Color: "score"}), 3, ids, get, -1)
		require.NoError(t, err)
		assert.Equal(t, Sequential(0), lk.color[0])
		assert.Equal(t, Sequential(1), lk.color[1])
		assert.Equal(t, Sequential(0.5), lk.color[2])
	})
	t.Run("size: area linear in the value", func(t *testing.T) {
		lk, err := lookOf(mk(Style{Size: "age"}), 3, ids, get, -1)
		require.NoError(t, err)
		// r = √(3.5² + t·(11² − 3.5²)), t = (v − 20)/(80 − 20).
		assert.InDelta(t, 3.5, float64(lk.radius[0]), 1e-12)
		assert.InDelta(t, 11, float64(lk.radius[1]), 1e-12)
		assert.InDelta(t, math.Sqrt(3.5*3.5+0.5*(121-12.25)), float64(lk.radius[2]), 1e-12)
		assert.Equal(t, "size: age, from 20 (smallest) to 80 (largest)", lk.note)
	})
	t.Run("size values with NaN: small, hollow, own legend entry", func(t *testing.T) {
		lk, err := lookOf(mk(Style{SizeValues: []float64{1, math.NaN(), 3}, SizeName: "constraint"}), 3, ids, get, -1)
		require.NoError(t, err)
		assert.Equal(t, vg.Length(undefinedRadius), lk.radius[1])
		assert.Less(t, float64(lk.radius[1]), float64(lk.radius[2]), "never a middle size")
		assert.Equal(t, []bool{false, true, false}, lk.hollow)
		require.Len(t, lk.legend, 1)
		assert.Equal(t, "constraint undefined (NA)", lk.legend[0].Text)
		assert.Equal(t, "size: constraint, from 1 (smallest) to 3 (largest)", lk.note)
	})
	t.Run("size values on a fixed scale shared by a run", func(t *testing.T) {
		// Scale 0 … 4: r = √(3.5² + t·(11² − 3.5²)), t = 1/4 and 2/4.
		lk, err := lookOf(mk(Style{SizeValues: []float64{1, 2, 4}, SizeName: "size", SizeLo: 0, SizeHi: 4}), 3, ids, get, -1)
		require.NoError(t, err)
		assert.InDelta(t, math.Sqrt(3.5*3.5+0.25*(121-12.25)), float64(lk.radius[0]), 1e-12)
		assert.InDelta(t, math.Sqrt(3.5*3.5+0.5*(121-12.25)), float64(lk.radius[1]), 1e-12)
		assert.Equal(t, "size: size, from 0 (smallest) to 4 (largest)", lk.note)
	})
	t.Run("labels from an attribute, none when missing", func(t *testing.T) {
		lk, err := lookOf(mk(Style{Label: "role"}), 3, ids, get, -1)
		require.NoError(t, err)
		assert.Equal(t, []string{"friends", "family", ""}, lk.label)
		lk, err = lookOf(mk(Style{NoLabels: true}), 3, ids, get, -1)
		require.NoError(t, err)
		assert.Equal(t, []string{"", "", ""}, lk.label)
	})
	errs := []struct {
		name string
		st   Style
		msg  string
	}{
		{"unknown colour attribute", Style{Color: "nope"}, `no node attribute "nope" to colour by`},
		{"unknown size attribute", Style{Size: "nope"}, `no node attribute "nope" to size by`},
		{"unknown label attribute", Style{Label: "nope"}, `no node attribute "nope" to label by`},
		{"size values of the wrong length", Style{SizeValues: []float64{1}}, "1 size values for 3 nodes"},
	}
	for _, c := range errs {
		t.Run(c.name, func(t *testing.T) {
			_, err := lookOf(&StudyStyle{style: c.st}, 3, ids, get, -1)
			assert.ErrorContains(t, err, c.msg)
		})
	}
}

// TestEgoTitle: the wave when there is one, and "no alters" for an ego
// who named nobody (fixtures of study: P1 has 25 alters, "empty" none).
func TestEgoTitle(t *testing.T) {
	ds := study(t)
	for _, tc := range []struct {
		name, ego, want string
	}{
		{"empty", "empty", "ego empty, wave 1, no alters"},
		{"with alters", "P1", "ego P1, wave 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, egoTitle(ds.Ego(tc.ego, "1")))
		})
	}
	t.Run("no waves", func(t *testing.T) {
		assert.Equal(t, "ego x", egoTitle(&network.EgoNet{ID: "x", Alters: []network.Alter{{ID: "a"}}}))
	})
}

// TestSizeNote: the direction of the size scale is spelled out; one value
// or none are said so (hand-written expectations).
func TestSizeNote(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lo, hi float64
		want   string
	}{
		{"no values", math.NaN(), math.NaN(), "size: degree, no values"},
		{"one value", 2, 2, "size: degree, all 2"},
		{"a range", 0.155, 1, "size: degree, from 0.155 (smallest) to 1 (largest)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, sizeNote("degree", tc.lo, tc.hi))
		})
	}
}

// TestTieWidthsAcrossStudy: tie widths run from 0.6 pt at the study's
// smallest weight to 3 pt at its largest, the same scale for every ego, and
// the legend shows both ends (hand-derived: ego a's weights 1 and 2 in a
// study whose weights span 1 to 4 give 0.6 and 0.6 + 2.4·(2−1)/(4−1) = 1.4).
func TestTieWidthsAcrossStudy(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{TieWeighted: true})
	row := network.NewAttrs(b.AlterAttrs(), nil)
	for _, ego := range []string{"a", "b"} {
		require.NoError(t, b.AddEgo(ego, "", nil))
		for _, x := range []string{"x", "y", "z"} {
			require.NoError(t, b.AddAlter(ego, "", x, 1, row))
		}
	}
	trow := network.NewAttrs(b.TieAttrs(), nil)
	require.NoError(t, b.AddTie("a", "", "x", "y", 1, trow))
	require.NoError(t, b.AddTie("a", "", "y", "z", 2, trow))
	require.NoError(t, b.AddTie("b", "", "x", "y", 4, trow))
	ds, _ := b.Build()

	ss, err := NewStudyStyle(ds, DrawOptions{})
	require.NoError(t, err)
	_, width, legend, err := tieLook(ds.Ego("a", ""), ss)
	require.NoError(t, err)
	require.Len(t, width, 2)
	assert.InDelta(t, 0.6, float64(width[0]), 1e-12)
	assert.InDelta(t, 1.4, float64(width[1]), 1e-12)
	var texts []string
	for _, l := range legend {
		texts = append(texts, l.Text)
	}
	assert.Equal(t, []string{"tie weight", "1", "4"}, texts)

	_, width, _, err = tieLook(ds.Ego("b", ""), ss)
	require.NoError(t, err)
	assert.InDelta(t, 3, float64(width[0]), 1e-12, "b's one tie is the study's heaviest")
}

// TestWeightLegend: no entries when the weights do not vary or there are
// none.
func TestWeightLegend(t *testing.T) {
	assert.Empty(t, weightLegend(1, 1, 1))
	assert.Empty(t, weightLegend(math.Inf(1), math.Inf(-1), 1))
	assert.Len(t, weightLegend(0, 1, 1), 3)
}

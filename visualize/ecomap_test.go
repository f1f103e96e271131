package visualize

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// readEcomapStudy reads the ecomap example (examples/ecomap): Maria and
// 14 relationships in 7 systems, with quality and flow columns.
func readEcomapStudy(t *testing.T) *network.Dataset {
	t.Helper()
	const d = "../examples/ecomap/"
	ds, _, err := network.ReadEgoCSV(d+"egos.csv", d+"alters.csv", d+"aaties.csv", network.EgoCSVOptions{})
	require.NoError(t, err)
	return ds
}

func TestEcomapLayout(t *testing.T) {
	ds := readEcomapStudy(t)
	e := ds.Egos[0]
	f, err := EcomapFigure(e, EcomapOptions{Systems: "system", Quality: "quality", Flow: "flow", Style: Style{Color: "type"}})
	require.NoError(t, err)
	// The guarantee: no tie within 2 pt of a marker it does not join, no
	// overlapping markers, at the page size.
	assert.Empty(t, f.Violations())
	pos := f.Positions()
	require.Len(t, pos, len(e.Alters)+1, "every alter and the person")
	ego := pos[len(pos)-1]
	assert.Equal(t, "Maria", ego.Node)
	// Alters of one system sit together, on the side of the person where
	// their circle is: the mean direction of each system's alters differs
	// from the next system's by about 2π/7 (7 systems on the circle).
	sys, _ := e.AlterValues("system")
	dirs := map[string][2]float64{}
	for i, p := range pos[:len(e.Alters)] {
		d := dirs[sys[i].Text]
		dx, dy := p.X-ego.X, p.Y-ego.Y
		l := math.Hypot(dx, dy)
		dirs[sys[i].Text] = [2]float64{d[0] + dx/l, d[1] + dy/l}
	}
	require.Len(t, dirs, 7)
	angle := func(s string) float64 { return math.Atan2(dirs[s][1], dirs[s][0]) }
	// Clockwise from the top in sorted order: faith at the top, family
	// next (to the right).
	assert.InDelta(t, math.Pi/2, angle("faith"), 0.2, "faith at the top")
	assert.InDelta(t, math.Pi/2-2*math.Pi/7, angle("family"), 0.3, "family next, clockwise")
}

func TestEcomapMappingsAndErrors(t *testing.T) {
	ds := readEcomapStudy(t)
	e := ds.Egos[0]
	q, err := ParseQualityMap("strong=3|4, tenuous=1|2,stressful=Conflict")
	require.NoError(t, err)
	assert.Equal(t, map[string]Quality{"3": QualityStrong, "4": QualityStrong, "1": QualityTenuous, "2": QualityTenuous, "conflict": QualityStressful}, q)
	fl, err := ParseFlowMap("to=receives,from=gives,both=mutual")
	require.NoError(t, err)
	assert.Equal(t, FlowBoth, fl["mutual"])
	for _, bad := range []string{"", "close=3", "strong=", "strong"} {
		_, err := ParseQualityMap(bad)
		assert.Error(t, err, bad)
	}
	_, err = ParseFlowMap("in=x")
	assert.Error(t, err)

	// A recorded quality the mapping does not know is an error naming it.
	_, err = EcomapFigure(e, EcomapOptions{Systems: "system", Quality: "quality", QualityMap: q})
	assert.ErrorContains(t, err, `quality "strong" is not in the quality mapping`)
	_, err = EcomapFigure(e, EcomapOptions{Systems: "system", Flow: "nope"})
	assert.ErrorIs(t, err, ErrUnknownAttribute)
	_, err = EcomapFigure(e, EcomapOptions{})
	assert.ErrorIs(t, err, ErrUnknownAttribute)
}

func TestClusteredFigureFrame(t *testing.T) {
	nan := math.NaN()
	panels := []ClusteredPanel{
		{Title: "A", Counts: []float64{2, 1, 0}, Density: [][]float64{{1, 0.5, nan}, {0.5, nan, nan}, {nan, nan, nan}}},
		{Title: "B", Counts: []float64{1, 3, 1}, Density: [][]float64{{nan, 0, 0.25}, {0, 1.0 / 3, 1}, {0.25, 1, nan}}},
	}
	f, err := ClusteredFigure(panels, ClusteredOptions{By: "role", Categories: []string{"family", "friend", "group"}})
	require.NoError(t, err)
	assert.Empty(t, f.Violations())
	// One frame: each category at the same place in both panels (up to
	// the small moves the guarantee may make), and a tie only where the
	// mean density is positive: A has family–friend; B has family–group
	// and friend–group (family–friend is 0: no tie).
	assert.Len(t, f.nets[0].net.Edges, 1)
	assert.Len(t, f.nets[1].net.Edges, 2)
	for c := range 3 {
		a, b := f.nets[0].net.Nodes[c], f.nets[1].net.Nodes[c]
		assert.Equal(t, a.X, b.X)
		assert.Equal(t, a.Y, b.Y)
	}
	// Area ∝ mean count on one scale: B's friend (3, the largest) has the
	// largest radius, A's friend (1) √(1/3) of it; a zero count is hollow.
	assert.InDelta(t, float64(clusteredMaxRadius), float64(f.nets[1].net.Nodes[1].Radius), 1e-9)
	assert.InDelta(t, float64(clusteredMaxRadius)*math.Sqrt(1.0/3), float64(f.nets[0].net.Nodes[1].Radius), 1e-9)
	assert.True(t, f.nets[0].net.Nodes[2].Hollow)

	_, err = ClusteredFigure([]ClusteredPanel{{Title: "bad", Counts: []float64{1}}}, ClusteredOptions{Categories: []string{"a", "b"}})
	assert.Error(t, err)
}

// Degenerate people: nobody named (E2 of the typed study), one alter (E3),
// and no quality or flow column: drawn, clear, without error.
func TestEcomapDegenerate(t *testing.T) {
	const d = "../measures/testdata/types/"
	ds, _, err := network.ReadEgoCSV(d+"egos.csv", d+"alters.csv", d+"aaties.csv", network.EgoCSVOptions{})
	require.NoError(t, err)
	for _, e := range ds.Egos {
		f, err := EcomapFigure(e, EcomapOptions{Systems: "system", Style: Style{Color: "type"}})
		require.NoError(t, err, e.ID)
		assert.Empty(t, f.Violations(), e.ID)
		assert.Len(t, f.Positions(), len(e.Alters)+1, e.ID)
	}
}

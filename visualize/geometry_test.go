package visualize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// geometryOpts draws the fixture study as the mapping page does: rings by
// closeness 1..3, sectors and colours by role in a fixed order.
var geometryOpts = DrawOptions{
	EgogramOptions: EgogramOptions{Rings: "closeness", NumRings: 3, Sectors: "role", SectorOrder: roles},
	Style:          Style{Color: "role", ColorOrder: roles},
}

func TestMapGeometryFrame(t *testing.T) {
	ds := study(t)
	e := ds.Ego("P1", "1")
	f, err := EgogramFigure(e, geometryOpts)
	require.NoError(t, err)
	m, err := f.MapGeometry()
	require.NoError(t, err)

	// The page size is the figure's, as Write gives the SVG (600 × 480 pt).
	assert.Equal(t, 600.0, m.Width)
	assert.Equal(t, 480.0, m.Height)
	// Hand derivation from LayoutEgogram's geometry: the ego's disc has
	// radius 0.6 and every ring is 1 wide (data units), so with u points
	// per unit ring k (0-based) runs from (0.6 + k)u to (1.6 + k)u and
	// EgoRadius = 0.6u.
	// The study has alters without a closeness, so the frame has the
	// Unknown ring after the three (StudyUnknown), and one without a
	// role, so an Unknown sector after the five.
	require.Len(t, m.Rings, 4)
	u := m.Rings[0].Outer - m.Rings[0].Inner
	assert.InDelta(t, 0.6*u, m.EgoRadius, 1e-9, "ego radius: got %v want 0.6 × %v", m.EgoRadius, u)
	for k, r := range m.Rings {
		assert.Equal(t, []string{"1", "2", "3", Unknown}[k], r.Label)
		assert.InDelta(t, (0.6+float64(k))*u, r.Inner, 1e-9, "ring %d inner", k)
		assert.InDelta(t, (1.6+float64(k))*u, r.Outer, 1e-9, "ring %d outer", k)
	}
	// Six sectors (the five roles and Unknown) of 360/6 = 60° each,
	// clockwise from 12 o'clock, in SectorOrder.
	require.Len(t, m.Sectors, 6)
	for s, sec := range m.Sectors {
		assert.Equal(t, append(roles[:5:5], Unknown)[s], sec.Label)
		assert.InDelta(t, 60*float64(s), sec.Start, 1e-9, "sector %d start", s)
		assert.InDelta(t, 60*float64(s+1), sec.End, 1e-9, "sector %d end", s)
	}

	// Nodes: the alters in input order, then the ego at the centre; the
	// same points as Positions, with y measured from the top.
	pos := f.Positions()
	require.Len(t, m.Nodes, len(e.Alters)+1)
	require.Len(t, pos, len(m.Nodes))
	for i, n := range m.Nodes {
		assert.Equal(t, pos[i].Node, n.ID)
		assert.InDelta(t, pos[i].X, n.X, 1e-9)
		assert.InDelta(t, m.Height-pos[i].Y, n.Y, 1e-9)
		assert.InDelta(t, pos[i].R, n.R, 1e-9)
	}
	ego := m.Nodes[len(m.Nodes)-1]
	assert.Equal(t, "P1", ego.ID)
	assert.InDelta(t, m.CentreX, ego.X, 1e-9)
	assert.InDelta(t, m.CentreY, ego.Y, 1e-9)
}

// Every alter's marker lies in its own ring and sector: Cell of its
// centre gives back the cell LayoutEgogram put it in (the clearance step
// moves alters only within their cell).
func TestMapGeometryCellOfEveryAlter(t *testing.T) {
	ds := study(t)
	for _, wave := range []string{"1", "2"} {
		e := ds.Ego("P1", wave)
		f, err := EgogramFigure(e, geometryOpts)
		require.NoError(t, err)
		m, err := f.MapGeometry()
		require.NoError(t, err)
		g, err := EgogramOf(e, studyFrame(t, ds))
		require.NoError(t, err)
		for i := range e.Alters {
			ring, sector := m.Cell(m.Nodes[i].X, m.Nodes[i].Y)
			assert.Equal(t, g.Rings[g.Ring[i]], m.Rings[ring].Label, "wave %s alter %s ring", wave, e.Alters[i].ID)
			assert.Equal(t, g.Sectors[g.Sector[i]], m.Sectors[sector].Label, "wave %s alter %s sector", wave, e.Alters[i].ID)
		}
	}
}

// studyFrame returns the frame geometryOpts gives the study.
func studyFrame(t *testing.T, ds *network.Dataset) EgogramOptions {
	ss, err := NewStudyStyle(ds, geometryOpts)
	require.NoError(t, err)
	return ss.Frame()
}

func TestMapGeometryCellByHand(t *testing.T) {
	// A frame drawn by hand: centre (100, 100), ego radius 6, rings of
	// width 10 (1: 6–16, 2: 16–26, 3: 26–36), four sectors of 90°.
	m := &MapGeometry{
		CentreX: 100, CentreY: 100, EgoRadius: 6,
		Rings:   []RingGeometry{{"1", 6, 16}, {"2", 16, 26}, {"3", 26, 36}},
		Sectors: []SectorGeometry{{"a", 0, 90}, {"b", 90, 180}, {"c", 180, 270}, {"d", 270, 360}},
	}
	cases := []struct {
		name         string
		x, y         float64
		ring, sector int
	}{
		// At the centre: on the ego's disc → ring 1; angle atan2(0, 0) = 0 → sector a.
		{"centre", 100, 100, 0, 0},
		// 20 up (y grows downwards): radius 20 is in ring 2; straight up is 0° → a.
		{"up in ring 2", 100, 80, 1, 0},
		// 30 right: radius 30 → ring 3; 3 o'clock is 90° clockwise → b.
		{"right in ring 3", 130, 100, 2, 1},
		// 10 down: radius 10 → ring 1; 6 o'clock is 180° → c.
		{"down in ring 1", 100, 110, 0, 2},
		// 100 left: beyond the frame → the outermost ring; 9 o'clock 270° → d.
		{"far left", 0, 100, 2, 3},
		// Just left of straight up: 359.4° → d.
		{"just left of up", 99.9, 90, 0, 3},
	}
	for _, c := range cases {
		ring, sector := m.Cell(c.x, c.y)
		assert.Equal(t, c.ring, ring, "%s: ring", c.name)
		assert.Equal(t, c.sector, sector, "%s: sector", c.name)
	}
	// An Unknown ring beyond the real ones: a point beyond the frame goes
	// to the last real ring, a point inside the Unknown annulus to it.
	m.Rings = append(m.Rings, RingGeometry{Unknown, 36, 46})
	ring, _ := m.Cell(100, 0)
	assert.Equal(t, 2, ring, "beyond the frame with an unknown ring")
	ring, _ = m.Cell(100, 60)
	assert.Equal(t, 3, ring, "inside the unknown ring (radius 40)")
	// No rings and no sectors.
	empty := &MapGeometry{}
	ring, sector := empty.Cell(1, 2)
	assert.Equal(t, -1, ring)
	assert.Equal(t, -1, sector)
}

func TestMapGeometryNoFrame(t *testing.T) {
	f, err := HistogramFigure("size", []float64{1, 2, 3}, HistogramOptions{})
	require.NoError(t, err)
	_, err = f.MapGeometry()
	assert.ErrorIs(t, err, ErrNoFrame)
}

// ColorOrder fixes each category's colour: an ego whose alters are all
// "groups" gets the fifth colour and shape, as in the whole study, not
// the first.
func TestColorOrderKeepsColours(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	s := b.AlterAttrs()
	require.NoError(t, b.AddEgo("E", "", nil))
	require.NoError(t, b.AddAlter("E", "", "x", 1, network.NewAttrs(s, map[string]string{"role": "groups"})))
	ds, _ := b.Build()
	ss, err := NewStudyStyle(ds, DrawOptions{Style: Style{Color: "role", ColorOrder: roles}})
	require.NoError(t, err)
	assert.Equal(t, roles, ss.Categories())
	c, sh, ok := ss.Category("groups")
	require.True(t, ok)
	assert.Equal(t, ColorOf(nil, 4), c, "groups is the fifth of roles")
	assert.Equal(t, ShapeOf(4), sh)
	// Without ColorOrder the only category is the first.
	ss, err = NewStudyStyle(ds, DrawOptions{Style: Style{Color: "role"}})
	require.NoError(t, err)
	c, _, _ = ss.Category("groups")
	assert.Equal(t, ColorOf(nil, 0), c)
}

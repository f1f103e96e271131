package visualize

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// TestLabelsDoNotCollide draws the 25-alter egogram at its default size
// and checks the label boxes the plotter chose: no label over another, no
// label over a node or a ring or sector label, every label inside the page.
func TestLabelsDoNotCollide(t *testing.T) {
	ds := study(t)
	// The two waves of P1 laid out together, as BeforeAfterFigure does.
	b, a := ds.Ego("P1", "1"), ds.Ego("P1", "2")
	inB, err := EgogramInputOf(b, egoOpts().EgogramOptions)
	require.NoError(t, err)
	inA, err := EgogramInputOf(a, egoOpts().EgogramOptions)
	require.NoError(t, err)
	gb, ga := LayoutEgogramPair(inB, inA, alterIDs(b), alterIDs(a))
	pair := map[string]*Egogram{"1": gb, "2": ga}
	for _, c := range []struct {
		ego, wave string
		pair      bool
	}{{"P1", "1", false}, {"P1", "2", false}, {"P1", "1", true}, {"P1", "2", true}, {"noties", "1", false}, {"missing", "1", false}} {
		name := c.ego + "_" + c.wave
		if c.pair {
			name += "_pair"
		}
		t.Run(name, func(t *testing.T) {
			e := ds.Ego(c.ego, c.wave)
			net, legend, _, err := EgogramNetwork(e, egoOpts())
			if c.pair {
				ss, serr := NewStudyStyle(ds, egoOpts())
				require.NoError(t, serr)
				net, legend, _, err = egogramNetwork(e, pair[c.wave], egoOpts(), ss)
			}
			require.NoError(t, err)
			p := newPanel("")
			p.Add(net)
			f := &Figure{Panels: []*plot.Plot{p}, Isotropic: true, Legend: legend}
			require.NoError(t, f.Write(&bytes.Buffer{}, "png"))
			labels := 0
			for _, nd := range net.Nodes {
				if nd.Label != "" {
					labels++
				}
			}
			require.Len(t, net.placed, labels)
			// Labels avoid both the ring labels and the sector labels.
			require.Len(t, net.guideBoxes, len(net.Frame.Rings)+len(net.Frame.Sectors))
			page := vg.Rectangle{Max: vg.Point{X: SingleWidth, Y: SingleHeight}}
			for i, a := range net.placed {
				assert.Zero(t, outside(a, page), "label %d outside the page", i)
				for j := i + 1; j < len(net.placed); j++ {
					assert.Zero(t, overlapArea(a, net.placed[j]), "labels %d and %d overlap", i, j)
				}
				for j, nb := range net.nodeBoxes {
					assert.Zero(t, overlapArea(a, nb), "label %d over node %d", i, j)
				}
				for j, gb := range net.guideBoxes {
					assert.Zero(t, overlapArea(a, gb), "label %d over ring or sector label %d", i, j)
				}
			}
		})
	}
}

func TestSegmentHitsRect(t *testing.T) {
	r := vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: 10, Y: 10}}
	cases := []struct {
		name string
		a, b vg.Point
		want bool
	}{
		{"through the middle", vg.Point{X: -5, Y: 5}, vg.Point{X: 15, Y: 5}, true},
		{"inside", vg.Point{X: 2, Y: 2}, vg.Point{X: 3, Y: 3}, true},
		{"passes beside", vg.Point{X: -5, Y: 11}, vg.Point{X: 15, Y: 11}, false},
		{"stops short", vg.Point{X: -5, Y: 5}, vg.Point{X: -1, Y: 5}, false},
		{"diagonal missing a corner", vg.Point{X: 8, Y: 13}, vg.Point{X: 13, Y: 8}, false},
		{"diagonal through a corner region", vg.Point{X: 5, Y: 12}, vg.Point{X: 12, Y: 5}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, segmentHitsRect(c.a, c.b, r))
		})
	}
}

// TestShiftLeft: two arcs between the same nodes, one each way, end up on
// opposite sides of the line through the nodes, 2·gap apart (hand-derived:
// the left of a rightward segment is +y, of a leftward one −y).
func TestShiftLeft(t *testing.T) {
	for _, tc := range []struct {
		name         string
		a, b         vg.Point
		wantA, wantB vg.Point
	}{
		{"zero length stays", vg.Point{X: 1, Y: 1}, vg.Point{X: 1, Y: 1}, vg.Point{X: 1, Y: 1}, vg.Point{X: 1, Y: 1}},
		{"rightward: up", vg.Point{}, vg.Point{X: 100}, vg.Point{Y: 2.5}, vg.Point{X: 100, Y: 2.5}},
		{"leftward: down", vg.Point{X: 100}, vg.Point{}, vg.Point{X: 100, Y: -2.5}, vg.Point{Y: -2.5}},
		{"upward: left", vg.Point{}, vg.Point{Y: 10}, vg.Point{X: -2.5}, vg.Point{X: -2.5, Y: 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := shiftLeft(tc.a, tc.b, 2.5)
			assert.InDelta(t, float64(tc.wantA.X), float64(a.X), 1e-12)
			assert.InDelta(t, float64(tc.wantA.Y), float64(a.Y), 1e-12)
			assert.InDelta(t, float64(tc.wantB.X), float64(b.X), 1e-12)
			assert.InDelta(t, float64(tc.wantB.Y), float64(b.Y), 1e-12)
		})
	}
}

// TestLeader: a label level with its node, or centred above it, gets no
// leader; one moved off to a diagonal gets a line from the node's border to
// the label's nearest corner (hand-derived: node at the origin, r = 5, box
// from (30, 40) to (60, 50): the corner (30, 40) is 50 away, the line
// starts at (3, 4)).
func TestLeader(t *testing.T) {
	box := func(x0, y0, x1, y1 vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
	}
	for _, tc := range []struct {
		name     string
		b        vg.Rectangle
		ok       bool
		from, to vg.Point
	}{
		{"level, right", box(8, -4, 40, 4), false, vg.Point{}, vg.Point{}},
		{"above", box(-10, 8, 10, 16), false, vg.Point{}, vg.Point{}},
		{"diagonal, touching the node", box(3, 3, 30, 10), false, vg.Point{}, vg.Point{}},
		{"diagonal", box(30, 40, 60, 50), true, vg.Point{X: 3, Y: 4}, vg.Point{X: 30, Y: 40}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to, ok := leader(vg.Point{}, 5, tc.b)
			require.Equal(t, tc.ok, ok)
			if ok {
				assert.InDelta(t, float64(tc.from.X), float64(from.X), 1e-12)
				assert.InDelta(t, float64(tc.from.Y), float64(from.Y), 1e-12)
				assert.Equal(t, tc.to, to)
			}
		})
	}
}

package visualize

import (
	"bytes"
	"context"
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/network"
)

func TestNetworkDataRange(t *testing.T) {
	cases := []struct {
		name                   string
		net                    *Network
		xmin, xmax, ymin, ymax float64
	}{
		{"empty: a unit box", NewNetwork(nil, nil), -1, 1, -1, 1},
		{"nodes", NewNetwork([]Node{{X: -2, Y: 1}, {X: 3, Y: 5}}, nil), -2, 3, 1, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x0, x1, y0, y1 := c.net.DataRange()
			assert.Equal(t, [4]float64{c.xmin, c.xmax, c.ymin, c.ymax}, [4]float64{x0, x1, y0, y1})
		})
	}
	t.Run("frame: outer ring and sector labels", func(t *testing.T) {
		// One ring of 4 sectors: outer radius 1.6; sector labels at
		// radius 1.72 on the diagonals, so the range is the ring.
		g := LayoutEgogram(EgogramInput{Sectors: []string{"a", "b", "c", "d"}})
		n := NewNetwork(nil, nil)
		n.Frame = g
		x0, x1, y0, y1 := n.DataRange()
		assert.InDelta(t, -1.6, x0, 1e-12)
		assert.InDelta(t, 1.6, x1, 1e-12)
		assert.InDelta(t, -1.6, y0, 1e-12)
		assert.InDelta(t, 1.6, y1, 1e-12)
	})
}

func TestNetworkStyle(t *testing.T) {
	n := NewNetwork([]Node{{}, {Color: color.Black, Shape: ShapeSquare, Radius: 9}}, nil)
	fill, shape, r := n.style(0)
	assert.Equal(t, n.NodeColor, fill, "default colour")
	assert.Equal(t, ShapeCircle, shape)
	assert.Equal(t, n.NodeRadius, r, "default radius")
	fill, shape, r = n.style(1)
	assert.Equal(t, color.Black, fill)
	assert.Equal(t, ShapeSquare, shape)
	assert.Equal(t, vg.Length(9), r)
	n.StyleFunc = func(i int) (color.Color, Shape, vg.Length) { return color.White, ShapeHexagon, vg.Length(i + 2) }
	fill, shape, r = n.style(1)
	assert.Equal(t, [3]any{color.White, ShapeHexagon, vg.Length(3)}, [3]any{fill, shape, r}, "StyleFunc wins")
}

func TestNetworkGlyphBoxes(t *testing.T) {
	// Two nodes, one labelled: a node box each and one label box, on the
	// side away from the centre (the right for the right-hand node).
	n := NewNetwork([]Node{{X: 0}, {X: 1, Label: "Bob"}}, nil)
	p := plot.New()
	p.Add(n)
	boxes := n.GlyphBoxes(p)
	require.Len(t, boxes, 3)
	assert.Equal(t, vg.Length(-n.NodeRadius), boxes[0].Min.X)
	// The label box starts at the node's edge and is the label's width
	// plus a 4pt gap.
	assert.Equal(t, n.NodeRadius, boxes[2].Min.X, "label to the right")
	assert.InDelta(t, float64(n.LabelStyle.Width("Bob"))+4, float64(boxes[2].Size().X), 1e-9)
}

func TestSociogramNetwork(t *testing.T) {
	b := network.NewBuilder(true, true)
	for _, e := range []struct {
		u, v string
		w    float64
	}{{"a", "b", 1}, {"b", "c", 3}, {"c", "a", 2}} {
		require.NoError(t, b.AddEdge(b.LookupOrAdd(e.u), b.LookupOrAdd(e.v), e.w))
	}
	g, _ := b.Build()
	net, _, _, err := SociogramNetwork(context.Background(), g, SociogramOptions{Layout: LayoutCircle})
	require.NoError(t, err)
	require.Len(t, net.Edges, 3)
	// Widths 0.6 + 2.4·(w−1)/(3−1): a→b 0.6, b→c 3, c→a 1.8.
	want := map[[2]int]vg.Length{{0, 1}: 0.6, {1, 2}: 3, {2, 0}: 1.8}
	for _, e := range net.Edges {
		assert.True(t, e.Arrow, "directed ties have arrows")
		assert.InDelta(t, float64(want[[2]int{e.From, e.To}]), float64(e.Width), 1e-12, "tie %d→%d", e.From, e.To)
	}
	p := newPanel("")
	p.Add(net)
	f := &Figure{Panels: []*plot.Plot{p}, Isotropic: true}
	require.NoError(t, f.Write(&bytes.Buffer{}, "png"))

	_, _, _, err = SociogramNetwork(context.Background(), g, SociogramOptions{Layout: "spiral"})
	assert.ErrorContains(t, err, `unknown layout "spiral"`)
	_, _, _, err = SociogramNetwork(context.Background(), g, SociogramOptions{Style: Style{Color: "nope"}})
	assert.ErrorIs(t, err, ErrUnknownAttribute)
}

// TestConcentricLevels: about √n rings, at least 3 and at most 8
// (hand-derived: √34 ≈ 5.83 → 6 for the karate club).
func TestConcentricLevels(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		want int
	}{
		{"empty", 0, 3},
		{"one node", 1, 3},
		{"karate club, 34 nodes", 34, 6},
		{"3000 nodes", 3000, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, concentricLevels(tc.n))
		})
	}
}

// TestSociogramZeroValue: SociogramOptions{} draws no node as the ego (a
// probe's legend read "ego alice" when the zero value highlighted node
// 0), and a whole network's legend has no "ego" or "missing" entry when
// nothing is asked for or missing.
func TestSociogramZeroValue(t *testing.T) {
	b := network.NewBuilder(false, false)
	require.NoError(t, b.AddEdge(b.LookupOrAdd("alice"), b.LookupOrAdd("bob"), 1))
	g, _ := b.Build()
	net, legend, _, err := SociogramNetwork(context.Background(), g, SociogramOptions{})
	require.NoError(t, err)
	for _, l := range legend {
		assert.NotContains(t, l.Text, "ego")
		assert.NotContains(t, l.Text, "missing")
	}
	assert.NotEqual(t, EgoColor, net.Nodes[0].Color)
	_, legend, _, err = SociogramNetwork(context.Background(), g, SociogramOptions{Ego: "bob"})
	require.NoError(t, err)
	require.NotEmpty(t, legend)
	assert.Equal(t, "ego bob", legend[0].Text)
	_, _, _, err = SociogramNetwork(context.Background(), g, SociogramOptions{Ego: "carol"})
	assert.ErrorIs(t, err, network.ErrUnknownNode)
}

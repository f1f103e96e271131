package visualize

import (
	"context"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// TestLook writes every picture style to $LOOK_DIR for a person to look at.
func TestLook(t *testing.T) {
	dir := os.Getenv("LOOK_DIR")
	if dir == "" {
		t.Skip("set LOOK_DIR to write pictures to look at")
	}
	for name, f := range pictures(t) {
		w, err := os.Create(dir + "/" + name + ".png")
		require.NoError(t, err)
		require.NoError(t, f.Write(w, "png"))
		require.NoError(t, w.Close())
	}
}

func egoOpts() DrawOptions {
	return DrawOptions{EgogramOptions: EgogramOptions{Rings: "closeness", Sectors: "role", SectorOrder: roles}, Style: Style{Color: "role", Dashed: "type"}}
}

// whole builds a small whole network by hand: two groups of friends
// joined by a broker, a separate pair, and an isolate, with a "group"
// node attribute.
func whole(t testing.TB) *network.Graph {
	b := network.NewBuilder(false, false)
	add := func(x, y string) {
		require.NoError(t, b.AddEdge(b.LookupOrAdd(x), b.LookupOrAdd(y), 1))
	}
	a := []string{"Ann", "Bob", "Cat", "Dan", "Eve"}
	c := []string{"Fay", "Gus", "Hal", "Ivy"}
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			if (i+j)%3 != 0 {
				add(a[i], a[j])
			}
		}
		b.SetAttr(b.LookupOrAdd(a[i]), "group", network.TextValue("choir"))
	}
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			add(c[i], c[j])
		}
		b.SetAttr(b.LookupOrAdd(c[i]), "group", network.TextValue("allotment"))
	}
	add("Ann", "Broker")
	add("Broker", "Fay")
	b.SetAttr(b.LookupOrAdd("Broker"), "group", network.TextValue("both"))
	add("Jon", "Kay")
	b.LookupOrAdd("Lou")
	g, _ := b.Build()
	return g
}

// pictures returns one figure per style and awkward case.
func pictures(t testing.TB) map[string]*Figure {
	ds := study(t)
	out := map[string]*Figure{}
	for _, id := range []string{"P1", "empty", "one", "noties", "missing", "big"} {
		opt := egoOpts()
		if id == "big" {
			opt.NoLabels = true
		}
		f, err := EgogramFigure(ds.Ego(id, "1"), opt)
		require.NoError(t, err)
		out["egogram_"+id] = f
	}
	// 30 categories: the legend must wrap into columns, not run off.
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("many", "", nil))
	for i := 0; i < 30; i++ {
		require.NoError(t, b.AddAlter("many", "", fmt.Sprintf("x%02d", i), 1,
			network.NewAttrs(b.AlterAttrs(), map[string]string{"occupation": fmt.Sprintf("occupation %02d", i)})))
	}
	many, _ := b.Build()
	f, err := EgogramFigure(many.Egos[0], DrawOptions{Style: Style{Color: "occupation"}})
	require.NoError(t, err)
	out["egogram_manycategories"] = f

	f, err = BeforeAfterFigure(ds.Ego("P1", "1"), ds.Ego("P1", "2"), egoOpts())
	require.NoError(t, err)
	out["beforeafter"] = f

	var egos []*network.EgoNet
	for _, e := range ds.Egos {
		if e.ID != "big" {
			egos = append(egos, e)
		}
	}
	gopt := egoOpts()
	gopt.Title = "all egos"
	gopt.NoLabels = true
	f, err = EgogramGrid(egos, gopt)
	require.NoError(t, err)
	out["grid"] = f

	g := whole(t)
	var es []float64
	for v := 0; v < g.Order(); v++ {
		es = append(es, measures.Structural(g, v).EffectiveSize)
	}
	f, err = SociogramFigure(context.Background(), g, SociogramOptions{Style: Style{Color: "group", SizeValues: es, SizeName: "effective_size"}, Seed: 1, Title: "choir and allotment"})
	require.NoError(t, err)
	out["sociogram_force"] = f
	f, err = SociogramFigure(context.Background(), g, SociogramOptions{Style: Style{Color: "group"}, Layout: LayoutCircle, Ego: g.Label(9), Title: "circle layout"})
	require.NoError(t, err)
	out["sociogram_circle"] = f

	var size []float64
	var ids []string
	var before, after []float64
	for _, e := range ds.Egos {
		st := measures.Of(e)
		size = append(size, st.Density)
		if e.Wave == "1" {
			if e2 := ds.Ego(e.ID, "2"); e2 != nil {
				ids = append(ids, e.ID)
				before = append(before, st.Size)
				after = append(after, measures.Of(e2).Size)
			} else {
				ids = append(ids, e.ID)
				before = append(before, st.Size)
				after = append(after, math.NaN())
			}
		}
	}
	f, err = HistogramFigure("density", size, HistogramOptions{})
	require.NoError(t, err)
	out["histogram"] = f
	// A synthetic second wave for egos without one, so the chart has rows
	// going up, down and flat.
	for i := range after {
		if math.IsNaN(after[i]) && ids[i] != "missing" {
			after[i] = before[i] + float64(i%3-1)
		}
	}
	f, err = ChangeFigure("size", ids, before, after, [2]string{"1", "2"})
	require.NoError(t, err)
	out["change"] = f
	return out
}

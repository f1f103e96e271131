package visualize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/network"
)

// demoOpts is how the demo and the README draw the demo study: rings by
// closeness (1 = closest, 3 rings), sectors and colours by role.
func demoOpts() DrawOptions {
	return DrawOptions{
		EgogramOptions: EgogramOptions{Rings: "ring", NumRings: 3, Sectors: "role",
			SectorOrder: []string{"family", "friend", "neighbour", "group", "professional"}},
		Style: Style{Color: "role"},
	}
}

// TestGuaranteeDemoStudy draws every egogram (40 people × 2 waves), the
// grid of each wave and every before/after picture of the demo study
// (internal/demo) with one study style, as `sociogram draw` does, and
// checks that none breaks the guarantee after Fit (and logs how many are
// clear at their page size).
func TestGuaranteeDemoStudy(t *testing.T) {
	ds, err := demo.Load()
	require.NoError(t, err)
	opt := demoOpts()
	opt.Study, err = NewStudyStyle(ds, opt)
	require.NoError(t, err)
	check := func(name string, f *Figure, atSize *int) {
		if len(f.Violations()) == 0 {
			*atSize++
		}
		v := f.Fit(3)
		assert.Empty(t, v, "%s: %d violations, e.g. %v", name, len(v), v)
	}
	var egograms, pairs, grids int
	for _, e := range ds.Egos {
		f, err := EgogramFigure(e, opt)
		require.NoError(t, err)
		check("egogram "+e.ID+" wave "+e.Wave, f, &egograms)
	}
	for _, w := range ds.Waves() {
		var egos []*network.EgoNet
		for _, e := range ds.Egos {
			if e.Wave == w {
				egos = append(egos, e)
			}
		}
		g := opt
		g.NoLabels = true
		f, err := EgogramGrid(egos, g)
		require.NoError(t, err)
		check("grid wave "+w, f, &grids)
	}
	for _, e := range ds.Egos {
		if e.Wave != "1" || ds.Ego(e.ID, "2") == nil {
			continue
		}
		f, err := BeforeAfterFigure(e, ds.Ego(e.ID, "2"), opt)
		require.NoError(t, err)
		check("before/after "+e.ID, f, &pairs)
	}
	t.Logf("clear at the page size: %d of %d egograms, %d of 2 grids, %d before/after", egograms, len(ds.Egos), grids, pairs)
}

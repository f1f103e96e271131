package measures

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// waveStudy builds a study from lines "ego wave alters ties", e.g.
// "P1 1 A,B,C A-B"; "-" for none. The ego attribute x is the wave number.
func waveStudy(t *testing.T, lines ...string) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	for _, l := range lines {
		f := strings.Fields(l)
		require.Len(t, f, 4, l)
		require.NoError(t, b.AddEgo(f[0], f[1], network.NewAttrs(b.EgoAttrs(), map[string]string{"x": f[1]})))
		if f[2] != "-" {
			for _, a := range strings.Split(f[2], ",") {
				require.NoError(t, b.AddAlter(f[0], f[1], a, 1, nil))
			}
		}
		if f[3] != "-" {
			for _, tie := range strings.Split(f[3], ",") {
				u, v, _ := strings.Cut(tie, "-")
				require.NoError(t, b.AddTie(f[0], f[1], u, v, 1, nil))
			}
		}
	}
	ds, _ := b.Build()
	return ds
}

// The worked study of the change tests. By hand:
//
//	P1: before A,B,C (tie A–B), after B,C,D (ties B–C, C–D)
//	    kept B,C = 2; gained D = 1; lost A = 1; jaccard 2/|{A,B,C,D}| = 0.5
//	    size 3 → 3, change 0; density 1/3 → 2/3, change 1/3
//	P2: nobody at either wave: 0, 0, 0; jaccard 0/0 = NA; density NA
//	P3: before only (X): NA everywhere after; size:before 1
//	P5: before nobody, after E,F: kept 0, gained 2, lost 0, jaccard 0/2 = 0
//	P4: after only (Y, Z)
var changeLines = []string{
	"P1 1 A,B,C A-B",
	"P2 1 - -",
	"P3 1 X -",
	"P5 1 - -",
	"P1 2 B,C,D B-C,C-D",
	"P2 2 - -",
	"P4 2 Y,Z Y-Z",
	"P5 2 E,F -",
}

func TestAlterChange(t *testing.T) {
	ds := waveStudy(t, changeLines...)
	cs, err := Changes(ds, "", "")
	require.NoError(t, err)
	nan := math.NaN()
	want := []struct {
		id                 string
		kept, gained, lost []string
		jaccard            float64
	}{
		{"P1", []string{"B", "C"}, []string{"D"}, []string{"A"}, 0.5},
		{"P2", []string{}, []string{}, []string{}, nan},
		{"P3", nil, nil, nil, nan},
		{"P5", []string{}, []string{"E", "F"}, []string{}, 0},
		{"P4", nil, nil, nil, nan},
	}
	require.Len(t, cs, len(want))
	for i, w := range want {
		c := cs[i]
		assert.Equal(t, w.id, c.EgoID)
		assert.Equal(t, w.kept, c.Kept, "%s kept", w.id)
		assert.Equal(t, w.gained, c.Gained, "%s gained", w.id)
		assert.Equal(t, w.lost, c.Lost, "%s lost", w.id)
		assertNaNOrDelta(t, w.jaccard, c.Jaccard, w.id+" jaccard")
	}
	assert.True(t, cs[0].Present())
	assert.False(t, cs[2].Present())
	assert.Nil(t, cs[2].After)
	assert.Nil(t, cs[4].Before)
}

func TestChangeTable(t *testing.T) {
	ds := waveStudy(t, changeLines...)
	specs, err := ParseList("size,density")
	require.NoError(t, err)
	tab, err := ChangeTable(context.Background(), ds, specs, ChangeOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID"}, tab.KeyNames)
	assert.Equal(t, []string{"kept", "gained", "lost", "jaccard",
		"size:before", "size:after", "size:change", "density:before", "density:after", "density:change"}, tab.Columns)
	nan := math.NaN()
	want := []struct {
		id   string
		vals []float64
	}{
		{"P1", []float64{2, 1, 1, 0.5, 3, 3, 0, 1.0 / 3, 2.0 / 3, 1.0 / 3}},
		{"P2", []float64{0, 0, 0, nan, 0, 0, 0, nan, nan, nan}},
		{"P3", []float64{nan, nan, nan, nan, 1, nan, nan, nan, nan, nan}},
		{"P5", []float64{0, 2, 0, 0, 0, 2, 2, nan, 0, nan}},
		{"P4", []float64{nan, nan, nan, nan, nan, 2, nan, nan, 1, nan}},
	}
	require.Equal(t, len(want), tab.Len())
	for r, w := range want {
		assert.Equal(t, []string{w.id}, tab.Keys[r])
		for c, x := range w.vals {
			assertNaNOrDelta(t, x, tab.Values[r][c], w.id+" "+tab.Columns[c])
		}
	}

	// Reversed waves: gained and lost swap, changes change sign.
	tab, err = ChangeTable(context.Background(), ds, specs, ChangeOptions{Before: "2", After: "1"})
	require.NoError(t, err)
	assert.Equal(t, "P1", tab.Keys[0][0])
	assert.Equal(t, []float64{2, 1, 1, 0.5, 3, 3, 0}, tab.Values[0][:7])
	assert.InDelta(t, -1.0/3, tab.Values[0][9], 1e-15)
	assert.Equal(t, "P3", tab.Keys[2][0], "egos keep their order of first appearance in the dataset")
}

// TestCompareWaves: defaults and errors.
func TestCompareWaves(t *testing.T) {
	three := waveStudy(t, "P1 b - -", "P1 a - -", "P1 c - -")
	b, a, err := CompareWaves(three, "", "")
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "a"}, []string{b, a}, "first two waves in order of appearance")
	b, a, err = CompareWaves(three, "a", "")
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, []string{b, a}, "after defaults to the first other wave")

	one := waveStudy(t, "P1 1 - -")
	noWave, _ := network.NewDatasetBuilder(network.DatasetOptions{}).Build()
	cases := []struct {
		name          string
		ds            *network.Dataset
		before, after string
		want          string
	}{
		{"no wave column", noWave, "", "", "no wave column"},
		{"one wave", one, "", "", "the data has 1 wave(s) (1)"},
		{"unknown wave", three, "a", "z", `wave "z" does not occur in the data (waves: b, a, c)`},
		{"same wave", three, "a", "a", `before and after are the same wave "a"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := CompareWaves(c.ds, c.before, c.after)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrWave)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

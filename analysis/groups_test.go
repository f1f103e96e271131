package analysis

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// A two-wave study drawn by hand: sizes at wave 1 / wave 2
//
//	E1 third 2/3, E2 third 1/1, E3 statutory 3/4, E4 statutory 0/2,
//	E5 (agency missing) 2/2, E6 third 1/– (drops out after wave 1).
const (
	groupEgos = "egoID,wave,agency\nE1,1,third\nE1,2,third\nE2,1,third\nE2,2,third\nE3,1,statutory\nE3,2,statutory\n" +
		"E4,1,statutory\nE4,2,statutory\nE5,1,NA\nE5,2,NA\nE6,1,third\n"
	groupAlters = "egoID,wave,alterID\nE1,1,a\nE1,1,b\nE1,2,a\nE1,2,b\nE1,2,c\nE2,1,a\nE2,2,a\n" +
		"E3,1,a\nE3,1,b\nE3,1,c\nE3,2,a\nE3,2,b\nE3,2,c\nE3,2,d\nE4,2,a\nE4,2,b\n" +
		"E5,1,a\nE5,1,b\nE5,2,a\nE5,2,b\nE6,1,a\n"
	groupTies = "egoID,wave,Source,Target\nE3,1,a,b\n"
)

func groupStudy(t *testing.T) *network.Dataset {
	return readStudy(t, groupEgos, groupAlters, groupTies, network.EgoCSVOptions{Wave: "wave"})
}

func TestGroupsByWave(t *testing.T) {
	ds := groupStudy(t)
	specs, err := measures.ParseList("size,density")
	require.NoError(t, err)
	gt, err := Groups(context.Background(), ds, specs, GroupOptions{By: "agency"})
	require.NoError(t, err)
	assert.Equal(t, []string{"statutory", "third"}, gt.Groups, "sorted as text")
	assert.Equal(t, 2, gt.NoGroup, "E5 at both waves")
	require.Len(t, gt.Rows, 4, "two measures × two waves")
	// size, wave 1: statutory {3, 0} mean 1.5; third {2, 1, 1} mean 4/3.
	r := gt.Rows[0]
	assert.Equal(t, [4]string{"size", "1", "statutory", "third"}, [4]string{r.Measure, r.Wave, r.GroupA, r.GroupB})
	assert.Equal(t, [2]int{2, 3}, [2]int{r.A.N, r.B.N})
	near(t, 1.5-4.0/3, r.Diff, "diff")
	// density, wave 1: undefined for fewer than two alters (E4 0, E2 and
	// E6 1 alter), so statutory has E3 only (3 alters, 1 tie of 3: 1/3)
	// and third E1 only (0 ties): one ego each, sd NA, Welch NA.
	r = gt.Rows[2]
	assert.Equal(t, "density", r.Measure)
	assert.Equal(t, [2]int{1, 1}, [2]int{r.A.N, r.B.N})
	near(t, 1.0/3, r.A.Mean, "density statutory")
	assert.True(t, isNaN(r.A.SD) && isNaN(r.Welch.P) && isNaN(r.Hedges.G), "one ego per group: sd, t test, g NA")
	// The CSV has a wave column and NA where undefined.
	recs := csvRows(t, func(b *bytes.Buffer) error { return gt.WriteCSV(b) })
	assert.Equal(t, "wave", recs[0][0])
	assert.Equal(t, append([]string{"wave"}, groupColumns...), recs[0])
	assert.Equal(t, "NA", recs[3][8], "sd_a of density at wave 1")
}

func TestGroupsChange(t *testing.T) {
	ds := groupStudy(t)
	specs, err := measures.ParseList("size")
	require.NoError(t, err)
	gt, err := Groups(context.Background(), ds, specs, GroupOptions{By: "agency", Change: true,
		Groups: []string{"third", "statutory"}})
	require.NoError(t, err)
	assert.Equal(t, "1", gt.Before)
	assert.Equal(t, "2", gt.After)
	assert.Equal(t, 1, gt.NoGroup, "E5")
	require.Len(t, gt.Rows, 1)
	r := gt.Rows[0]
	// Change in size: third E1 +1, E2 0 (E6 dropped out: NA, left out);
	// statutory E3 +1, E4 +2. Group order as listed.
	assert.Equal(t, [3]string{"size:change", "third", "statutory"}, [3]string{r.Measure, r.GroupA, r.GroupB})
	assert.Equal(t, [2]int{2, 2}, [2]int{r.A.N, r.B.N})
	near(t, 0.5, r.A.Mean, "mean change third")
	near(t, -1, r.Diff, "0.5 − 1.5")
	require.NotNil(t, r.PairedA)
	near(t, 0.5, r.PairedA.Mean, "paired mean third")
	// Paired t of third by hand: d = {1, 0}, sd = √0.5, se = 0.5, t = 1,
	// df = 1, p = 2·P(T₁ ≥ 1) = 0.5 (Cauchy: P(T₁ ≥ 1) = 1/4).
	near(t, 1, r.PairedA.T.Stat, "paired t")
	near(t, 0.5, r.PairedA.T.P, "paired p")
	recs := csvRows(t, func(b *bytes.Buffer) error { return gt.WriteCSV(b) })
	assert.Equal(t, len(groupColumns)+2*len(pairedColumns), len(recs[0]))
}

func TestGroupsErrors(t *testing.T) {
	ds := groupStudy(t)
	specs, err := measures.ParseList("size")
	require.NoError(t, err)
	for name, opt := range map[string]GroupOptions{
		"no such attribute":  {By: "sector"},
		"unknown group":      {By: "agency", Groups: []string{"third", "private"}},
		"group listed twice": {By: "agency", Groups: []string{"third", "third"}},
		"one group":          {By: "agency", Groups: []string{"third"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Groups(context.Background(), ds, specs, opt)
			assert.ErrorIs(t, err, ErrGroups)
		})
	}
}

func TestAllPairs(t *testing.T) {
	names := []string{"A", "B", "C"}
	samples := [][]float64{{1, 2, 3}, {4, 5}, {6, 7, 8, 9}}
	first := CompareSamples("x", names, samples, false)
	all := CompareSamples("x", names, samples, true)
	require.Len(t, first, 1)
	require.Len(t, all, 3)
	var pairs [][2]string
	for _, r := range all {
		pairs = append(pairs, [2]string{r.GroupA, r.GroupB})
		assert.Equal(t, first[0].Anova, r.Anova, "the k-group columns repeat on every row")
	}
	assert.Equal(t, [][2]string{{"A", "B"}, {"A", "C"}, {"B", "C"}}, pairs)
}

func isNaN(x float64) bool { return x != x }

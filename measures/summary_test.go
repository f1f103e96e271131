package measures

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// TestSummary: by hand from the change study (changeLines).
//
//	wave 1: P1 n=3 (1 tie: density 1/3), P2 n=0, P3 n=1, P5 n=0
//	        4 egos, 4 alters, 2 with none, size mean 4/4 = 1, min 0, max 3;
//	        density defined for P1 only: mean = min = max = 1/3
//	wave 2: P1 n=3 (2 ties: 2/3), P2 n=0, P4 n=2 (1 tie: 1), P5 n=2 (0 ties: 0)
//	        4 egos, 7 alters, 1 with none, size mean 7/4, min 0, max 3;
//	        density over P1, P4, P5: mean (2/3 + 1 + 0)/3 = 5/9, min 0, max 1
func TestSummary(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		ds   *network.Dataset
		want []WaveSummary
	}{
		{"no egos", waveStudy(t), []WaveSummary{}},
		{"only zero-alter egos", waveStudy(t, "A 1 - -", "B 1 - -"), []WaveSummary{
			{Wave: "1", Egos: 2, ZeroAlterEgos: 2, MeanSize: 0, MinSize: 0, MaxSize: 0,
				MeanDensity: nan, MinDensity: nan, MaxDensity: nan}}},
		{"one alter", waveStudy(t, "A 1 X -"), []WaveSummary{
			{Wave: "1", Egos: 1, Alters: 1, MeanSize: 1, MinSize: 1, MaxSize: 1,
				MeanDensity: nan, MinDensity: nan, MaxDensity: nan}}},
		{"two waves", waveStudy(t, changeLines...), []WaveSummary{
			{Wave: "1", Egos: 4, Alters: 4, ZeroAlterEgos: 2, MeanSize: 1, MinSize: 0, MaxSize: 3,
				DensityEgos: 1, MeanDensity: 1.0 / 3, MinDensity: 1.0 / 3, MaxDensity: 1.0 / 3},
			{Wave: "2", Egos: 4, Alters: 7, ZeroAlterEgos: 1, MeanSize: 1.75, MinSize: 0, MaxSize: 3,
				DensityEgos: 3, MeanDensity: 5.0 / 9, MinDensity: 0, MaxDensity: 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Summary(c.ds)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				g := got[i]
				assert.Equal(t, w.Wave, g.Wave)
				assert.Equal(t, []int{w.Egos, w.Alters, w.ZeroAlterEgos, w.DensityEgos},
					[]int{g.Egos, g.Alters, g.ZeroAlterEgos, g.DensityEgos}, "egos, alters, zero, density egos")
				for _, f := range []struct {
					what      string
					want, got float64
				}{
					{"mean size", w.MeanSize, g.MeanSize}, {"min size", w.MinSize, g.MinSize}, {"max size", w.MaxSize, g.MaxSize},
					{"mean density", w.MeanDensity, g.MeanDensity}, {"min density", w.MinDensity, g.MinDensity},
					{"max density", w.MaxDensity, g.MaxDensity},
				} {
					assertNaNOrDelta(t, f.want, f.got, "wave "+w.Wave+" "+f.what)
				}
			}
		})
	}
}

// TestSummaryDirected: with directed ties density divides by n(n−1): two
// alters and one arc give 1/2 (undirected it would be 1).
func TestSummaryDirected(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{Directed: true})
	require.NoError(t, b.AddEgo("e", "", nil))
	require.NoError(t, b.AddAlter("e", "", "a", 1, nil))
	require.NoError(t, b.AddAlter("e", "", "b", 1, nil))
	require.NoError(t, b.AddTie("e", "", "a", "b", 1, nil))
	ds, _ := b.Build()
	s := Summary(ds)
	require.Len(t, s, 1)
	assert.Equal(t, "", s[0].Wave)
	assert.InDelta(t, 0.5, s[0].MeanDensity, 1e-15)
}

// TestSummaryTable: the table form, written as CSV.
func TestSummaryTable(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, SummaryTable(waveStudy(t, "A 1 - -", "A 2 X,Y X-Y")).WriteCSV(&buf))
	assert.Equal(t, "wave,egos,alters,zero_alter_egos,size_mean,size_min,size_max,density_egos,density_mean,density_min,density_max\n"+
		"1,1,0,1,0,0,0,0,NA,NA,NA\n"+
		"2,1,2,0,2,2,2,1,1,1,1\n", buf.String())
}

package measures

import (
	"math"
	"strconv"

	"github.com/sociogram/sociogram/network"
)

// WaveSummary describes a study at one wave: how many people were
// interviewed, how many people they named, and how large and dense their
// networks are.
type WaveSummary struct {
	// Wave is the wave ("" when the data has no wave column).
	Wave string
	// Egos is the number of egos interviewed at this wave, including
	// those who named nobody.
	Egos int
	// Alters is the number of alters named, summed over egos (the same
	// person named by two egos counts twice).
	Alters int
	// ZeroAlterEgos is the number of egos who named nobody.
	ZeroAlterEgos int
	// MeanSize, MinSize and MaxSize summarise network size n over all egos,
	// zero-alter egos included (their n = 0 counts). NaN when Egos = 0.
	MeanSize, MinSize, MaxSize float64
	// DensityEgos is the number of egos whose density is defined (n ≥ 2).
	DensityEgos int
	// MeanDensity, MinDensity and MaxDensity summarise density over the
	// egos with n ≥ 2 only: density is undefined for n < 2 (NA), so
	// those egos are left out of these three, not counted as 0. NaN when
	// DensityEgos = 0.
	MeanDensity, MinDensity, MaxDensity float64
}

// Summary returns one WaveSummary per wave, in order of first appearance
// (one summary with Wave "" when the data has no waves). Density is
// ties / (n(n−1)/2), or ties / (n(n−1)) for directed ties, as the density
// measure. Complexity O(number of egos).
func Summary(ds *network.Dataset) []WaveSummary {
	waves := ds.Waves()
	index := make(map[string]int, len(waves))
	out := make([]WaveSummary, len(waves))
	nan := math.NaN()
	for i, w := range waves {
		index[w] = i
		out[i] = WaveSummary{Wave: w, MinSize: math.Inf(1), MaxSize: math.Inf(-1),
			MinDensity: math.Inf(1), MaxDensity: math.Inf(-1)}
	}
	sumDensity := make([]float64, len(waves))
	for _, e := range ds.Egos {
		s := &out[index[e.Wave]]
		n := len(e.Alters)
		s.Egos++
		s.Alters += n
		if n == 0 {
			s.ZeroAlterEgos++
		}
		s.MinSize = math.Min(s.MinSize, float64(n))
		s.MaxSize = math.Max(s.MaxSize, float64(n))
		if n >= 2 {
			possible := float64(n) * float64(n-1)
			if !ds.Directed {
				possible /= 2
			}
			d := float64(len(e.Ties)) / possible
			s.DensityEgos++
			sumDensity[index[e.Wave]] += d
			s.MinDensity = math.Min(s.MinDensity, d)
			s.MaxDensity = math.Max(s.MaxDensity, d)
		}
	}
	for i := range out {
		s := &out[i]
		if s.Egos == 0 {
			s.MeanSize, s.MinSize, s.MaxSize = nan, nan, nan
		} else {
			s.MeanSize = float64(s.Alters) / float64(s.Egos)
		}
		if s.DensityEgos == 0 {
			s.MeanDensity, s.MinDensity, s.MaxDensity = nan, nan, nan
		} else {
			s.MeanDensity = sumDensity[i] / float64(s.DensityEgos)
		}
	}
	return out
}

// SummaryColumns returns the columns of SummaryTable, after the key "wave"
// (a new slice on every call).
func SummaryColumns() []string {
	return []string{"egos", "alters", "zero_alter_egos", "size_mean", "size_min", "size_max",
		"density_egos", "density_mean", "density_min", "density_max"}
}

// SummaryTable returns Summary as a Table: key column "wave" (empty when
// the data has no waves), then the SummaryColumns, so that it can be written
// with WriteCSV or WriteJSON.
func SummaryTable(ds *network.Dataset) *Table {
	t := &Table{KeyNames: []string{"wave"}, Columns: SummaryColumns()}
	for _, s := range Summary(ds) {
		t.Keys = append(t.Keys, []string{s.Wave})
		t.Values = append(t.Values, []float64{
			float64(s.Egos), float64(s.Alters), float64(s.ZeroAlterEgos), s.MeanSize, s.MinSize, s.MaxSize,
			float64(s.DensityEgos), s.MeanDensity, s.MinDensity, s.MaxDensity,
		})
	}
	return t
}

// String returns a one-line description, e.g. for logs.
func (s WaveSummary) String() string {
	w := s.Wave
	if w == "" {
		w = "(no waves)"
	}
	return "wave " + w + ": " + count(s.Egos, "ego") + ", " + count(s.Alters, "alter") + ", " +
		strconv.Itoa(s.ZeroAlterEgos) + " with no alters, mean size " + FormatValue(s.MeanSize) +
		", mean density " + FormatValue(s.MeanDensity) + " (" + count(s.DensityEgos, "ego") + " with n ≥ 2)"
}

// count returns "1 ego", "2 egos".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

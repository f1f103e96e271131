package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readCSV reads a testdata table into header-keyed rows.
func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// parseNA parses a number written by R, NA as NaN.
func parseNA(t *testing.T, s string) float64 {
	t.Helper()
	if s == "NA" || s == "NaN" {
		return math.NaN()
	}
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "number %q", s)
	return x
}

// near asserts got ≈ want: both NaN, or within a relative 1e-9 (absolute
// 1e-12 near 0). R's reference values are written with 17 digits.
func near(t *testing.T, want, got float64, what string) {
	t.Helper()
	if math.IsNaN(want) || math.IsNaN(got) {
		assert.True(t, math.IsNaN(want) && math.IsNaN(got), "%s: got %v, want %v", what, got, want)
		return
	}
	assert.InDelta(t, want, got, 1e-12+1e-9*math.Abs(want), "%s: got %v, want %v", what, got, want)
}

func TestHedgesGByHand(t *testing.T) {
	// Borenstein et al. (2009), eqs. 4.18–4.24, worked by hand.
	cases := []struct {
		name        string
		a, b        []float64
		d, vd, j, g float64
	}{
		{
			// a = {1,2,3}: mean 2, Σ(x−m)² = 2; b = {3,5,7}: mean 5, Σ = 8.
			// S_within = √((2+8)/(3+3−2)) = √2.5; d = (2−5)/√2.5, d² = 9/2.5 = 3.6.
			// V_d = 6/9 + 3.6/(2·6) = 2/3 + 0.3 = 29/30.
			// J = 1 − 3/(4·4 − 1) = 1 − 1/5 = 0.8; g = 0.8 d; V_g = 0.64 · 29/30.
			name: "two groups of three", a: []float64{1, 2, 3}, b: []float64{3, 5, 7},
			d: -3 / math.Sqrt(2.5), vd: 29.0 / 30, j: 0.8, g: -2.4 / math.Sqrt(2.5),
		},
		{
			// a = {4} (a group of one adds (1−1)s² = 0), b = {1,2,3}: Σ = 2.
			// S_within = √(2/(1+3−2)) = 1; d = (4−2)/1 = 2.
			// V_d = 4/3 + 4/(2·4) = 4/3 + 1/2 = 11/6; J = 1 − 3/(4·2 − 1) = 4/7.
			name: "group of one", a: []float64{4}, b: []float64{1, 2, 3},
			d: 2, vd: 11.0 / 6, j: 4.0 / 7, g: 8.0 / 7,
		},
		{
			// Ties and unequal sizes: a = {2,2,4}: mean 8/3, Σ = 4+4+16 − 64/3 = 8/3;
			// b = {1,1,1,5}: mean 2, Σ = 28 − 16 = 12. df = 5,
			// S_within = √((8/3 + 12)/5) = √(44/15); d = (2/3)/√(44/15), d² = (4/9)(15/44) = 5/33.
			// V_d = 7/12 + (5/33)/14 = 7/12 + 5/462; J = 1 − 3/19 = 16/19.
			name: "ties, unequal sizes", a: []float64{2, 2, 4}, b: []float64{1, 1, 1, 5},
			d: (2.0 / 3) / math.Sqrt(44.0/15), vd: 7.0/12 + 5.0/462, j: 16.0 / 19, g: 16.0 / 19 * (2.0 / 3) / math.Sqrt(44.0/15),
		},
	}
	z := 1.959963984540054 // qnorm(0.975)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := HedgesG(tc.a, tc.b)
			near(t, tc.d, h.D, "d")
			near(t, tc.g, h.G, "g")
			near(t, tc.j*tc.d, h.G, "g = J d")
			near(t, tc.j*tc.j*tc.vd, h.VarG, "V_g = J² V_d")
			near(t, tc.g-z*math.Sqrt(tc.j*tc.j*tc.vd), h.Low, "g_low")
			near(t, tc.g+z*math.Sqrt(tc.j*tc.j*tc.vd), h.High, "g_high")
		})
	}
	// Undefined: no spread within groups, two singletons (df 0), an empty group.
	for name, ab := range map[string][2][]float64{
		"constant":       {{5, 5}, {5, 5, 5}},
		"two singletons": {{1}, {4}},
		"empty group":    {{}, {1, 2}},
	} {
		assert.True(t, math.IsNaN(HedgesG(ab[0], ab[1]).G), "%s: got g %v, want NaN", name, HedgesG(ab[0], ab[1]).G)
	}
}

func TestRanksByHand(t *testing.T) {
	// x = 3 1 4 1 5: sorted 1 1 3 4 5, the two 1s share ranks 1 and 2 → 1.5;
	// one tie of size 2 gives Σ(t³ − t) = 6.
	r, ties := ranks([]float64{3, 1, 4, 1, 5})
	assert.Equal(t, []float64{3, 1.5, 4, 1.5, 5}, r)
	assert.Equal(t, 6.0, ties)
}

// TestGroupsAgainstR compares every pair of every case of
// testdata/groups.csv with R's t.test, wilcox.test, oneway.test, aov and
// kruskal.test as testdata/reference.R calls them (R version in
// testdata/R-version.txt; output testdata/r_groups.csv).
func TestGroupsAgainstR(t *testing.T) {
	data := readCSV(t, "groups.csv")
	type sample struct {
		names  []string
		values map[string][]float64
	}
	cases := map[string]*sample{}
	var order []string
	for _, r := range data {
		s, ok := cases[r["case"]]
		if !ok {
			s = &sample{values: map[string][]float64{}}
			cases[r["case"]] = s
			order = append(order, r["case"])
		}
		if _, ok := s.values[r["group"]]; !ok {
			s.names = append(s.names, r["group"])
		}
		s.values[r["group"]] = append(s.values[r["group"]], parseNA(t, r["value"]))
	}
	got := map[[3]string]Comparison{}
	for _, c := range order {
		s := cases[c]
		var samples [][]float64
		for _, n := range s.names {
			samples = append(samples, s.values[n])
		}
		for _, row := range CompareSamples("x", s.names, samples, true) {
			got[[3]string{c, row.GroupA, row.GroupB}] = row
		}
	}
	ref := readCSV(t, "r_groups.csv")
	require.NotEmpty(t, ref)
	for _, r := range ref {
		key := [3]string{r["case"], r["group_a"], r["group_b"]}
		c, ok := got[key]
		require.True(t, ok, "no comparison %v", key)
		t.Run(r["case"]+"/"+r["group_a"]+"-"+r["group_b"], func(t *testing.T) {
			assert.Equal(t, r["n_a"], strconv.Itoa(c.A.N))
			assert.Equal(t, r["n_b"], strconv.Itoa(c.B.N))
			// Constant data: R's aov gives sums of squares of rounding
			// noise (~1e-30) and F, p and eta² from them; we give NA.
			if parseNA(t, r["ss_within"]) < 1e-20 {
				r["anova_f"], r["anova_p"] = "NA", "NA"
			}
			if parseNA(t, r["ss_between"])+parseNA(t, r["ss_within"]) < 1e-20 {
				r["eta2"] = "NA"
			}
			for _, f := range []struct {
				col string
				got float64
			}{
				{"mean_a", c.A.Mean}, {"mean_b", c.B.Mean}, {"sd_a", c.A.SD}, {"sd_b", c.B.SD},
				{"welch_t", c.Welch.Stat}, {"welch_df", c.Welch.DF}, {"welch_p", c.Welch.P},
				{"mw_w", c.MannWhitney.Stat}, {"mw_p", c.MannWhitney.P},
				{"anova_f", c.Anova.F}, {"anova_p", c.Anova.P}, {"eta2", c.Anova.Eta2},
				{"kw_h", c.Kruskal.Stat}, {"kw_p", c.Kruskal.P},
			} {
				near(t, parseNA(t, r[f.col]), f.got, f.col)
			}
		})
	}
}

// TestPairedAgainstR compares PairedChange with R t.test(after, before,
// paired = TRUE) and wilcox.test(after, before, paired = TRUE, exact =
// FALSE, correct = TRUE) on testdata/paired.csv (output
// testdata/r_paired.csv, from testdata/reference.R).
func TestPairedAgainstR(t *testing.T) {
	data := readCSV(t, "paired.csv")
	d := map[string][]float64{}
	for _, r := range data {
		d[r["case"]] = append(d[r["case"]], parseNA(t, r["d"]))
	}
	ref := readCSV(t, "r_paired.csv")
	require.NotEmpty(t, ref)
	for _, r := range ref {
		t.Run(r["case"], func(t *testing.T) {
			p := PairedChange(d[r["case"]])
			assert.Equal(t, r["n"], strconv.Itoa(p.N))
			for _, f := range []struct {
				col string
				got float64
			}{
				{"mean", p.Mean}, {"low", p.Low}, {"high", p.High}, {"t", p.T.Stat}, {"df", p.T.DF},
				{"p", p.T.P}, {"v", p.SignedRank.Stat}, {"p_w", p.SignedRank.P},
			} {
				near(t, parseNA(t, r[f.col]), f.got, f.col)
			}
		})
	}
}

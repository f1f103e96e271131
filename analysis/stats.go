package analysis

import (
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// The tests below follow R's stats package (R Core Team) call by call; each
// says which call it agrees with and what it returns where R stops with an
// error: NaN (NA in tables), never a panic.

// essentiallyConstant is R's check in t.test: the standard error is below
// 10·ε times the larger absolute mean.
func essentiallyConstant(se, m1, m2 float64) bool {
	return se < 10*2.220446049250313e-16*math.Max(math.Abs(m1), math.Abs(m2))
}

// Describe holds the size, mean and sample standard deviation of a sample.
type Describe struct {
	N        int
	Mean, SD float64 // SD with n − 1; NaN when N < 2 (Mean NaN when N = 0)
}

// Summarize returns the size, mean and sample SD of x.
func Summarize(x []float64) Describe {
	d := Describe{N: len(x), Mean: math.NaN(), SD: math.NaN()}
	if d.N > 0 {
		d.Mean = stat.Mean(x, nil)
	}
	if d.N > 1 {
		d.SD = math.Sqrt(stat.Variance(x, nil))
	}
	return d
}

// ssd returns the sum of squared deviations from the mean (0 for one value).
func ssd(x []float64) float64 {
	if len(x) < 2 {
		return 0
	}
	m := stat.Mean(x, nil)
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return s
}

// Hedges holds Hedges' g, the bias-corrected standardised mean difference,
// with its variance and 95% confidence interval.
type Hedges struct {
	D, G, VarG, Low, High float64
}

// HedgesG returns Hedges' g of a − b as Borenstein et al. (2009) define it
// (Introduction to Meta-Analysis, Wiley, eqs. 4.18–4.24):
//
//	S_within = √( ((n_a−1)s_a² + (n_b−1)s_b²) / (n_a+n_b−2) )
//	d        = (mean_a − mean_b) / S_within
//	V_d      = (n_a+n_b)/(n_a n_b) + d²/(2(n_a+n_b))
//	J        = 1 − 3/(4(n_a+n_b−2) − 1)
//	g        = J d,   V_g = J² V_d,   95% CI g ± z_.975 √V_g
//
// with z_.975 = 1.959964 (Borenstein rounds it to 1.96). A group of one
// adds nothing to S_within (its (n−1)s² is 0), as in R's pooled variance.
// Everything is NaN when n_a + n_b < 3, either group is empty, or S_within
// is 0 (no spread within the groups).
func HedgesG(a, b []float64) Hedges {
	nan := math.NaN()
	h := Hedges{nan, nan, nan, nan, nan}
	na, nb := float64(len(a)), float64(len(b))
	df := na + nb - 2
	if len(a) == 0 || len(b) == 0 || df < 1 {
		return h
	}
	sw := math.Sqrt((ssd(a) + ssd(b)) / df)
	if sw == 0 {
		return h
	}
	h.D = (stat.Mean(a, nil) - stat.Mean(b, nil)) / sw
	vd := (na+nb)/(na*nb) + h.D*h.D/(2*(na+nb))
	j := 1 - 3/(4*df-1)
	h.G = j * h.D
	h.VarG = j * j * vd
	z := distuv.UnitNormal.Quantile(0.975)
	h.Low, h.High = h.G-z*math.Sqrt(h.VarG), h.G+z*math.Sqrt(h.VarG)
	return h
}

// Test is the result of a test: its statistic, degrees of freedom (NaN for
// tests without) and two-sided p value.
type Test struct {
	Stat, DF, P float64
}

func naTest() Test { return Test{math.NaN(), math.NaN(), math.NaN()} }

// Welch returns Welch's two-sample t test of a against b, as R
// t.test(a, b, var.equal = FALSE):
//
//	t  = (mean_a − mean_b) / √(s_a²/n_a + s_b²/n_b)
//	df = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1))
//	p  = 2 P(T_df ≥ |t|)
//
// NaN where R stops: a group with fewer than two values ("not enough
// observations") or a standard error of (essentially) 0 ("data are
// essentially constant").
func Welch(a, b []float64) Test {
	if len(a) < 2 || len(b) < 2 {
		return naTest()
	}
	ma, mb := stat.Mean(a, nil), stat.Mean(b, nil)
	va, vb := stat.Variance(a, nil)/float64(len(a)), stat.Variance(b, nil)/float64(len(b))
	se := math.Sqrt(va + vb)
	if essentiallyConstant(se, ma, mb) {
		return naTest()
	}
	t := (ma - mb) / se
	df := (va + vb) * (va + vb) / (va*va/float64(len(a)-1) + vb*vb/float64(len(b)-1))
	return Test{t, df, twoSidedT(t, df)}
}

func twoSidedT(t, df float64) float64 {
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.CDF(-math.Abs(t))
}

// twoSidedZ returns 2·min(Φ(z), 1 − Φ(z)).
func twoSidedZ(z float64) float64 {
	if math.IsNaN(z) {
		return math.NaN()
	}
	return 2 * distuv.UnitNormal.CDF(-math.Abs(z))
}

// ranks returns the mid-ranks (1-based, ties get the mean of their ranks)
// of x and Σ(t³ − t) over the groups of t tied values.
func ranks(x []float64) (r []float64, ties float64) {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return x[idx[i]] < x[idx[j]] })
	r = make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		mid := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mid
		}
		t := float64(j - i + 1)
		ties += t*t*t - t
		i = j + 1
	}
	return r, ties
}

// MannWhitney returns the Wilcoxon rank-sum (Mann–Whitney) test of a
// against b with the normal approximation, as R wilcox.test(a, b,
// exact = FALSE, correct = TRUE):
//
//	W = Σ_{i∈a} R_i − n_a(n_a+1)/2        (R_i mid-ranks in a ∪ b)
//	σ = √( n_a n_b/12 · ((n+1) − Σ(t³−t)/(n(n−1))) ),  n = n_a + n_b
//	z = (W − n_a n_b/2 − sign(W − n_a n_b/2)·½) / σ,   p = 2 Φ(−|z|)
//
// Stat is W (the U of group a). P is NaN when σ = 0 (all values tied; R
// gives NaN too); everything is NaN when a group is empty (R stops).
func MannWhitney(a, b []float64) Test {
	if len(a) == 0 || len(b) == 0 {
		return naTest()
	}
	na, nb := float64(len(a)), float64(len(b))
	r, ties := ranks(append(slices.Clone(a), b...))
	w := 0.0
	for i := range a {
		w += r[i]
	}
	w -= na * (na + 1) / 2
	n := na + nb
	z := w - na*nb/2
	sigma := math.Sqrt(na * nb / 12 * ((n + 1) - ties/(n*(n-1))))
	z = (z - sign(z)*0.5) / sigma
	return Test{Stat: w, DF: math.NaN(), P: twoSidedZ(z)}
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// Anova holds a one-way analysis of variance.
type Anova struct {
	F, DF1, DF2, P float64
	Eta2           float64 // SS_between / SS_total
}

// OneWay returns the one-way ANOVA with equal variances of the groups, as
// R oneway.test(x ~ g, var.equal = TRUE) or summary(aov(x ~ g)):
//
//	F = (SS_between/(k−1)) / (SS_within/(N−k)),  p = P(F_{k−1,N−k} ≥ F)
//	η² = SS_between / SS_total
//
// Empty groups are ignored; k counts the others. A group of one is used
// (it adds to SS_between, not to SS_within). NaN when k < 2 or N ≤ k; F
// and p NaN when SS_within is 0 (R gives F = Inf or NaN, p = 0 or NaN);
// η² NaN when SS_total is 0.
func OneWay(groups [][]float64) Anova {
	nan := math.NaN()
	out := Anova{nan, nan, nan, nan, nan}
	var all []float64
	k := 0
	for _, g := range groups {
		if len(g) > 0 {
			k++
			all = append(all, g...)
		}
	}
	n := len(all)
	if k < 2 || n <= k {
		return out
	}
	grand := stat.Mean(all, nil)
	ssb, ssw := 0.0, 0.0
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		m := stat.Mean(g, nil)
		ssb += float64(len(g)) * (m - grand) * (m - grand)
		ssw += ssd(g)
	}
	out.DF1, out.DF2 = float64(k-1), float64(n-k)
	if sst := ssb + ssw; sst > 0 {
		out.Eta2 = ssb / sst
	}
	if ssw > 0 {
		out.F = (ssb / out.DF1) / (ssw / out.DF2)
		out.P = distuv.F{D1: out.DF1, D2: out.DF2}.Survival(out.F)
	}
	return out
}

// KruskalWallis returns the Kruskal–Wallis rank-sum test of the groups, as
// R kruskal.test(x, g):
//
//	H = (12/(N(N+1)) Σ_g R_g²/n_g − 3(N+1)) / (1 − Σ(t³−t)/(N³−N))
//	p = P(χ²_{k−1} ≥ H)
//
// with mid-ranks R over all values and t the sizes of the groups of ties.
// Empty groups are ignored; NaN when fewer than two groups remain (R
// stops: "all observations are in the same group") or all values are tied
// (R gives NaN).
func KruskalWallis(groups [][]float64) Test {
	var all []float64
	var size []int
	for _, g := range groups {
		if len(g) > 0 {
			all = append(all, g...)
			size = append(size, len(g))
		}
	}
	if len(size) < 2 {
		return naTest()
	}
	r, ties := ranks(all)
	n := float64(len(all))
	s, off := 0.0, 0
	for _, m := range size {
		sum := 0.0
		for _, v := range r[off : off+m] {
			sum += v
		}
		s += sum * sum / float64(m)
		off += m
	}
	corr := 1 - ties/(n*n*n-n)
	if corr <= 0 {
		return naTest()
	}
	h := (12*s/(n*(n+1)) - 3*(n+1)) / corr
	df := float64(len(size) - 1)
	return Test{h, df, distuv.ChiSquared{K: df}.Survival(h)}
}

// Paired holds the change within one group between two waves: the mean
// of the differences d = after − before with its 95% t interval, the
// standardised mean change d_z = mean(d)/sd(d), the paired t test and the
// Wilcoxon signed-rank test.
type Paired struct {
	N               int
	Mean, Low, High float64
	DZ              float64
	T               Test // paired t: Stat t, DF n − 1, P
	SignedRank      Test // Wilcoxon: Stat V, P
}

// PairedChange returns the paired analysis of the differences d (after −
// before, one per person):
//
//	mean ± t_{.975, n−1} · sd/√n,   d_z = mean/sd
//	t = mean/(sd/√n), p = 2 P(T_{n−1} ≥ |t|)      R t.test(after, before, paired = TRUE)
//	V = Σ_{d_i>0} R_i  (R_i mid-ranks of |d_i|, zeros dropped, n' left)
//	σ = √( n'(n'+1)(2n'+1)/24 − Σ(t³−t)/48 )
//	z = (V − n'(n'+1)/4 − sign(·)·½)/σ, p = 2 Φ(−|z|)
//	                                   R wilcox.test(after, before, paired = TRUE,
//	                                                 exact = FALSE, correct = TRUE)
//
// The interval, d_z and t test are NaN when n < 2 or the differences are
// (essentially) constant and not all 0 (R stops: "data are essentially
// constant"); when every difference is 0, t and the interval are NaN (0/0)
// and DF is n − 1, as R gives them. d_z is NaN when sd is 0. When every
// difference is 0, V is 0 and its p NaN (as R).
func PairedChange(d []float64) Paired {
	nan := math.NaN()
	p := Paired{N: len(d), Mean: nan, Low: nan, High: nan, DZ: nan, T: naTest(), SignedRank: naTest()}
	if len(d) == 0 {
		return p
	}
	p.Mean = stat.Mean(d, nil)
	if len(d) >= 2 {
		sd := math.Sqrt(stat.Variance(d, nil))
		se := sd / math.Sqrt(float64(len(d)))
		if sd > 0 {
			p.DZ = p.Mean / sd
		}
		if !essentiallyConstant(se, p.Mean, 0) {
			// As R: t first, the interval from it (NaN when every
			// difference is 0, where t = 0/0).
			df := float64(len(d) - 1)
			q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(0.975)
			t := p.Mean / se
			p.Low, p.High = (t-q)*se, (t+q)*se
			p.T = Test{t, df, twoSidedT(t, df)}
		}
	}
	p.SignedRank = signedRank(d)
	return p
}

func signedRank(d []float64) Test {
	var nz []float64
	for _, v := range d {
		if v != 0 {
			nz = append(nz, v)
		}
	}
	if len(nz) == 0 {
		return Test{Stat: 0, DF: math.NaN(), P: math.NaN()} // R: V = 0, p NaN
	}
	abs := make([]float64, len(nz))
	for i, v := range nz {
		abs[i] = math.Abs(v)
	}
	r, ties := ranks(abs)
	v := 0.0
	for i, x := range nz {
		if x > 0 {
			v += r[i]
		}
	}
	n := float64(len(nz))
	z := v - n*(n+1)/4
	sigma := math.Sqrt(n*(n+1)*(2*n+1)/24 - ties/48)
	z = (z - sign(z)*0.5) / sigma
	return Test{Stat: v, DF: math.NaN(), P: twoSidedZ(z)}
}

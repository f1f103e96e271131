package analysis

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// ClusteredOptions configures Clustered.
type ClusteredOptions struct {
	// By is the alter attribute whose values are the categories (e.g.
	// role, or the node type). Alters with a missing value are in no
	// category: they and their ties are left out.
	By string
	// GroupBy, when not "", is an ego attribute: one clustered graph per
	// value (egos with a missing value form the group "NA"). Data with
	// waves has one clustered graph per wave (and group).
	GroupBy string
}

// ClusteredRow is one edge (a ≠ b) or one category's inner density
// (a = b) of a clustered graph.
type ClusteredRow struct {
	Wave, Group string // "" without waves / without GroupBy
	A, B        string // categories, A ≤ B in Categories order
	// Egos is the number of egos of the group where the density is
	// defined: n_a·n_b > 0 (a ≠ b) or n_a ≥ 2 (a = b).
	Egos int
	// MeanCountA and MeanCountB are the mean numbers of alters of
	// categories A and B over all egos of the group, zeros included.
	MeanCountA, MeanCountB float64
	// MeanDensity is the mean, over the Egos egos, of the density between
	// the categories; NaN when Egos is 0.
	MeanDensity float64
}

// ClusteredGraph is the clustered graphs of a study: for each wave and
// group, every pair of categories.
type ClusteredGraph struct {
	By, GroupBy string
	Categories  []string // every category of the study, sorted: the shared frame
	Waves       []string // waves in data order; [""] without waves
	Groups      []string // groups, sorted; [""] without GroupBy
	Rows        []ClusteredRow
}

// Clustered aggregates the ego networks of a study by alter category
// (Brandes, Lerner, Lubbers, McCarty & Molina 2008; Lubbers et al. 2010,
// egor's clustered_graphs). For each ego, n_c is its number of alters of
// category c and t_ab the number of alter–alter ties between categories a
// and b (within a when a = b). The density between a and b is
//
//	d_ab = t_ab / (n_a·n_b)        a ≠ b   (÷ 2 n_a n_b if directed: arcs both ways)
//	d_aa = t_aa / (n_a(n_a−1)/2)   a = b   (÷ n_a(n_a−1) if directed)
//
// defined when the denominator is positive. Over the egos of a group (and
// wave), a category's node is its mean count (zeros included) and a
// pair's edge the mean of d_ab over the egos where it is defined. Every
// pair of every category of the whole study is reported for every group,
// so groups and waves share one frame. Cost O(Σ (n + t) + groups·K²) for
// K categories.
//
// It is an error when the alters have no attribute By, or the egos none
// GroupBy.
//
// Brandes, U., Lerner, J., Lubbers, M. J., McCarty, C. & Molina, J. L.
// (2008). Visual statistics for collections of clustered graphs. IEEE
// Pacific Visualization Symposium, 47–54. doi:10.1109/PACIFICVIS.2008.4475458.
// Lubbers, M. J., Molina, J. L., Lerner, J., Brandes, U., Ávila, J. &
// McCarty, C. (2010). Longitudinal analysis of personal networks: the case
// of Argentinean migrants in Spain. Social Networks 32(1):91–104.
// doi:10.1016/j.socnet.2009.05.001.
func Clustered(ds *network.Dataset, opt ClusteredOptions) (*ClusteredGraph, error) {
	col, ok := ds.AlterAttrs.Index(opt.By)
	if !ok {
		return nil, fmt.Errorf("%w: alters have no attribute %q (alter attributes: %v)", network.ErrMissingColumn, opt.By, ds.AlterAttrs.Names())
	}
	gcol := -1
	if opt.GroupBy != "" {
		if gcol, ok = ds.EgoAttrs.Index(opt.GroupBy); !ok {
			return nil, fmt.Errorf("%w: egos have no attribute %q (ego attributes: %v)", network.ErrMissingColumn, opt.GroupBy, ds.EgoAttrs.Names())
		}
	}
	cg := &ClusteredGraph{By: opt.By, GroupBy: opt.GroupBy, Waves: ds.Waves()}
	catIndex := map[string]int{}
	for _, e := range ds.Egos {
		for _, a := range e.Alters {
			if v := a.Attrs.At(col); !v.IsMissing() {
				if _, seen := catIndex[v.Text]; !seen {
					catIndex[v.Text] = 0
					cg.Categories = append(cg.Categories, v.Text)
				}
			}
		}
	}
	sort.Strings(cg.Categories)
	for i, c := range cg.Categories {
		catIndex[c] = i
	}
	group := func(e *network.EgoNet) string {
		if gcol < 0 {
			return ""
		}
		return e.Attrs.At(gcol).String()
	}
	gs := map[string]bool{}
	for _, e := range ds.Egos {
		gs[group(e)] = true
	}
	for g := range gs {
		cg.Groups = append(cg.Groups, g)
	}
	sort.Strings(cg.Groups)

	k := len(cg.Categories)
	type acc struct {
		egos   int
		counts []float64 // Σ n_c
		dsum   []float64 // Σ d_ab over defined egos, k×k upper triangle
		dn     []int
	}
	accs := map[[2]string]*acc{}
	for _, w := range cg.Waves {
		for _, g := range cg.Groups {
			accs[[2]string{w, g}] = &acc{counts: make([]float64, k), dsum: make([]float64, k*k), dn: make([]int, k*k)}
		}
	}
	n := make([]int, k)
	t := make([]int, k*k)
	for _, e := range ds.Egos {
		a := accs[[2]string{e.Wave, group(e)}]
		a.egos++
		clear(n)
		clear(t)
		cat := make([]int, len(e.Alters))
		for i, al := range e.Alters {
			cat[i] = -1
			if v := al.Attrs.At(col); !v.IsMissing() {
				cat[i] = catIndex[v.Text]
				n[cat[i]]++
			}
		}
		for _, tie := range e.Ties {
			x, y := cat[tie.From], cat[tie.To]
			if x < 0 || y < 0 {
				continue
			}
			t[min(x, y)*k+max(x, y)]++
		}
		for c := range k {
			a.counts[c] += float64(n[c])
		}
		for x := range k {
			for y := x; y < k; y++ {
				var possible float64
				if x == y {
					possible = float64(n[x]) * float64(n[x]-1) / 2
				} else {
					possible = float64(n[x]) * float64(n[y])
				}
				if ds.Directed {
					possible *= 2
				}
				if possible > 0 {
					a.dsum[x*k+y] += float64(t[x*k+y]) / possible
					a.dn[x*k+y]++
				}
			}
		}
	}
	for _, w := range cg.Waves {
		for _, g := range cg.Groups {
			a := accs[[2]string{w, g}]
			for x := range k {
				for y := x; y < k; y++ {
					r := ClusteredRow{Wave: w, Group: g, A: cg.Categories[x], B: cg.Categories[y], Egos: a.dn[x*k+y], MeanDensity: math.NaN()}
					if a.egos > 0 {
						r.MeanCountA = a.counts[x] / float64(a.egos)
						r.MeanCountB = a.counts[y] / float64(a.egos)
					}
					if r.Egos > 0 {
						r.MeanDensity = a.dsum[x*k+y] / float64(r.Egos)
					}
					cg.Rows = append(cg.Rows, r)
				}
			}
		}
	}
	return cg, nil
}

// WriteCSV writes the rows: wave (with waves), group (with GroupBy),
// category_a, category_b, egos, mean_count_a, mean_count_b, mean_density;
// numbers to 15 significant digits, NA where undefined.
func (cg *ClusteredGraph) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	waves := len(cg.Waves) > 1 || (len(cg.Waves) == 1 && cg.Waves[0] != "")
	var head []string
	if waves {
		head = append(head, "wave")
	}
	if cg.GroupBy != "" {
		head = append(head, "group")
	}
	head = append(head, "category_a", "category_b", "egos", "mean_count_a", "mean_count_b", "mean_density")
	if err := cw.Write(head); err != nil {
		return err
	}
	num := func(f float64) string { return measures.FormatValueDigits(f, 15) }
	for _, r := range cg.Rows {
		var rec []string
		if waves {
			rec = append(rec, r.Wave)
		}
		if cg.GroupBy != "" {
			rec = append(rec, r.Group)
		}
		rec = append(rec, r.A, r.B, fmt.Sprint(r.Egos), num(r.MeanCountA), num(r.MeanCountB), num(r.MeanDensity))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the rows as an array of objects with the keys of
// WriteCSV; undefined values are null.
func (cg *ClusteredGraph) WriteJSON(w io.Writer) error {
	waves := len(cg.Waves) > 1 || (len(cg.Waves) == 1 && cg.Waves[0] != "")
	num := func(f float64) any {
		if math.IsNaN(f) {
			return nil
		}
		return f
	}
	rows := make([]map[string]any, len(cg.Rows))
	for i, r := range cg.Rows {
		m := map[string]any{"category_a": r.A, "category_b": r.B, "egos": r.Egos,
			"mean_count_a": num(r.MeanCountA), "mean_count_b": num(r.MeanCountB), "mean_density": num(r.MeanDensity)}
		if waves {
			m["wave"] = r.Wave
		}
		if cg.GroupBy != "" {
			m["group"] = r.Group
		}
		rows[i] = m
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(rows)
}

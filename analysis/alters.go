package analysis

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// ErrAlterMeasure is wrapped by the errors of Alters about its options: an
// unknown alter measure or a column name used twice.
var ErrAlterMeasure = errors.New("bad alter measure")

// AlterMeasures are the names of the alter-level measures Alters computes,
// in the order they are listed in its documentation.
func AlterMeasures() []string {
	return []string{"degree", "betweenness", "betweenness_norm", "component", "isolate"}
}

// ParseAlterMeasures splits a comma-separated list of alter measures and
// checks each name (see AlterMeasures); an empty list gives none.
func ParseAlterMeasures(list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	known := map[string]bool{}
	for _, m := range AlterMeasures() {
		known[m] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range strings.Split(list, ",") {
		m = strings.TrimSpace(m)
		if !known[m] {
			return nil, fmt.Errorf("%w %q (alter measures: %s)", ErrAlterMeasure, m, strings.Join(AlterMeasures(), ", "))
		}
		if seen[m] {
			return nil, fmt.Errorf("%w %q listed twice", ErrAlterMeasure, m)
		}
		seen[m] = true
		out = append(out, m)
	}
	return out, nil
}

// AlterOptions configures Alters. The zero value writes the keys and the
// attributes only.
type AlterOptions struct {
	// Measures are alter-level measures, each one of AlterMeasures.
	Measures []string
	// Rules, when not nil, adds each alter's class and the rule that gave
	// it (measures.Rules.Classify).
	Rules *measures.Rules
}

// AlterTable is one row per alter of every ego (and wave), for multilevel
// models of alters nested in egos (lme4::lmer, statsmodels MixedLM).
type AlterTable struct {
	t rowTable
	// Rows is the number of alter rows.
	Rows int
	// NoAlters is the number of egos (ego rows, one per wave) who named
	// nobody: they have no rows.
	NoAlters int
}

// Columns returns the table's column names, in order.
func (a *AlterTable) Columns() []string { return append([]string(nil), a.t.names...) }

// WriteCSV writes the table as CSV, NA for missing and undefined values.
func (a *AlterTable) WriteCSV(w io.Writer) error { return a.t.writeCSV(w) }

// WriteJSON writes the table as a JSON array of objects, keys in column
// order, numbers as numbers, text as strings and null for NA.
func (a *AlterTable) WriteJSON(w io.Writer) error { return a.t.writeJSON(w) }

// Alters returns the alter table of ds: for every ego in dataset order and
// every alter in input order, the columns
//
//	egoID, wave (only when the data has waves), alterID,
//	ego_A for each ego attribute A, then each alter attribute,
//	the measures of opt.Measures, then class and rule with opt.Rules.
//
// The alter-level measures are computed in the alter–alter graph, the ego
// removed; for directed data the ties are taken without direction:
//
//   - degree: the number of other alters the alter is tied to (ties in
//     either direction, each neighbour once: duplicates were merged when
//     the data was read, weights ignored).
//   - betweenness: Freeman's betweenness within the alter–alter graph,
//     Σ_{s<t, s,t≠v} σ_st(v)/σ_st, each unordered pair counted once, not
//     normalised (Brandes 2001, doi:10.1080/0022250X.2001.9990249); as
//     igraph betweenness(g, directed = FALSE, normalized = FALSE) and
//     networkx betweenness_centrality(G, normalized = False).
//   - betweenness_norm: betweenness / ((n−1)(n−2)/2) for n alters, as
//     networkx betweenness_centrality(G, normalized = True); NaN for n < 3.
//   - component: the number of the alter's connected component once the
//     ego is removed; components are numbered 1, 2, … in the order of their
//     first alter in input order (so the first alter is always in
//     component 1, and an isolate is a component of its own).
//   - isolate: 1 when the alter is tied to no other alter, else 0.
//
// Egos with no alters give no rows; NoAlters counts them. Ego attributes
// keep their values (missing as NA) on each of the ego's rows. It is an
// error if a measure is unknown or two columns would have the same name
// (an alter attribute named like a key or measure column).
//
// Complexity O(Σ_egos n·(n + t)) for n alters and t ties (Brandes).
func Alters(ds *network.Dataset, opt AlterOptions) (*AlterTable, error) {
	known := map[string]bool{}
	for _, m := range AlterMeasures() {
		known[m] = true
	}
	out := &AlterTable{}
	names := []string{"egoID"}
	waves := ds.WaveColumn != ""
	if waves {
		names = append(names, "wave")
	}
	names = append(names, "alterID")
	for _, n := range ds.EgoAttrs.Names() {
		names = append(names, "ego_"+n)
	}
	names = append(names, ds.AlterAttrs.Names()...)
	for _, m := range opt.Measures {
		if !known[m] {
			return nil, fmt.Errorf("%w %q (alter measures: %s)", ErrAlterMeasure, m, strings.Join(AlterMeasures(), ", "))
		}
		names = append(names, m)
	}
	if opt.Rules != nil {
		names = append(names, "class", "rule")
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			return nil, fmt.Errorf("%w: two columns named %q (rename the alter attribute)", ErrAlterMeasure, n)
		}
		seen[n] = true
	}
	out.t.names = names
	for _, e := range ds.Egos {
		if len(e.Alters) == 0 {
			out.NoAlters++
			continue
		}
		st := alterStructure(e)
		var cls []measures.Classification
		if opt.Rules != nil {
			cls = opt.Rules.Classify(e)
		}
		for i, a := range e.Alters {
			r := []cell{txt(e.ID)}
			if waves {
				r = append(r, txt(e.Wave))
			}
			r = append(r, txt(a.ID))
			for k := range ds.EgoAttrs.Len() {
				r = append(r, value(e.Attrs.At(k)))
			}
			for k := range ds.AlterAttrs.Len() {
				r = append(r, value(a.Attrs.At(k)))
			}
			for _, m := range opt.Measures {
				switch m {
				case "degree":
					r = append(r, count(st.degree[i]))
				case "betweenness":
					r = append(r, num(st.betweenness[i]))
				case "betweenness_norm":
					n := float64(len(e.Alters))
					r = append(r, num(st.betweenness[i]/((n-1)*(n-2)/2)))
				case "component":
					r = append(r, count(st.component[i]))
				case "isolate":
					iso := 0
					if st.degree[i] == 0 {
						iso = 1
					}
					r = append(r, count(iso))
				}
			}
			if cls != nil {
				r = append(r, txt(cls[i].Class.String()), textOrNA(cls[i].Rule))
			}
			out.t.rows = append(out.t.rows, r)
		}
	}
	out.Rows = len(out.t.rows)
	return out, nil
}

// value is an attribute value as a cell: numbers as numbers, text as read.
func value(v network.Value) cell {
	switch v.Kind {
	case network.Missing:
		return cell{na: true}
	case network.Number:
		return cell{text: v.Text, num: v.Num, isNum: true}
	}
	return txt(v.Text)
}

// alterStats are the alter-level measures of one ego network.
type alterStats struct {
	degree      []int
	betweenness []float64
	component   []int
}

// alterStructure computes degree, betweenness and component of every alter
// of e in the undirected alter–alter graph (ego removed).
func alterStructure(e *network.EgoNet) alterStats {
	n := len(e.Alters)
	adj := make([][]int, n)
	has := map[[2]int]bool{}
	for _, t := range e.Ties {
		a, b := min(t.From, t.To), max(t.From, t.To)
		if a == b || has[[2]int{a, b}] {
			continue
		}
		has[[2]int{a, b}] = true
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	st := alterStats{degree: make([]int, n), betweenness: make([]float64, n), component: make([]int, n)}
	for i := range adj {
		st.degree[i] = len(adj[i])
	}
	// Components numbered in order of their first alter.
	c := 0
	for s := range n {
		if st.component[s] != 0 {
			continue
		}
		c++
		st.component[s] = c
		queue := []int{s}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, w := range adj[v] {
				if st.component[w] == 0 {
					st.component[w] = c
					queue = append(queue, w)
				}
			}
		}
	}
	// Brandes (2001): every ordered pair is counted, so halve at the end.
	sigma := make([]float64, n)
	dist := make([]int, n)
	delta := make([]float64, n)
	pred := make([][]int, n)
	for s := range n {
		for i := range n {
			sigma[i], dist[i], delta[i], pred[i] = 0, -1, 0, pred[i][:0]
		}
		sigma[s], dist[s] = 1, 0
		order := []int{s}
		for q := 0; q < len(order); q++ {
			v := order[q]
			for _, w := range adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
					pred[w] = append(pred[w], v)
				}
			}
		}
		for q := len(order) - 1; q > 0; q-- {
			w := order[q]
			for _, v := range pred[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			st.betweenness[w] += delta[w]
		}
	}
	for i := range st.betweenness {
		st.betweenness[i] /= 2
	}
	return st
}

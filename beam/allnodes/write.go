package allnodes

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/sociogram/sociogram/measures"
)

// value returns the measure name of st.
func value(name string, st *measures.Stats) float64 {
	switch name {
	case "size":
		return st.Size
	case "ties":
		return st.Ties
	case "density":
		return st.Density
	case "components":
		return st.Components
	case "isolates":
		return st.Isolates
	case "effective_size":
		return st.EffectiveSize
	case "efficiency":
		return st.Efficiency
	case "constraint":
		return st.Constraint
	case "hierarchy":
		return st.Hierarchy
	case "ego_betweenness":
		return st.EgoBetweenness
	case "ego_betweenness_norm":
		return st.EgoBetweennessNorm
	case "brokerage":
		return st.Brokerage
	case "brokerage_norm":
		return st.BrokerageNorm
	case "weighted_density":
		return st.WeightedDensity
	case "redundancy":
		return st.Redundancy
	}
	return math.NaN() // check refuses every other name
}

// writeFn writes the rows, in the order sociogram nodes numbers the
// nodes (first appearance in the edge list), with the library's table
// writer.
type writeFn struct {
	Out     string
	Format  string
	Digits  int
	Names   []string
	Columns []string
}

// ProcessElement writes the table.
func (f *writeFn) ProcessElement(ctx context.Context, _ int, rows func(*row) bool) error {
	var all []row
	var r row
	for rows(&r) {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Pos < all[b].Pos })
	t := &measures.Table{KeyNames: []string{"node"}, Columns: f.Columns,
		Keys: make([][]string, len(all)), Values: make([][]float64, len(all))}
	for i := range all {
		t.Keys[i] = []string{all[i].Node}
		v := make([]float64, len(f.Names))
		for c, name := range f.Names {
			v[c] = value(name, &all[i].Stats)
		}
		t.Values[i] = v
	}
	fs, err := openFS(ctx, f.Out)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, f.Out)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Out, err)
	}
	opt := measures.WriteOptions{Digits: f.Digits}
	if f.Format == "json" {
		err = t.WriteJSONWith(w, opt)
	} else {
		err = t.WriteCSVWith(w, opt)
	}
	if err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", f.Out, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.Out, err)
	}
	return nil
}

// Located returns the one line of a failed run's error that a worker wrote
// about the file path: "PATH:LINE: what is wrong" for a bad row (a runner
// wraps a worker's error in a report of its own, many lines long), or ""
// when the error has no such line.
func Located(err error, path string) string {
	if err == nil || path == "" {
		return ""
	}
	s := err.Error()
	i := strings.LastIndex(s, path+":")
	if i < 0 {
		return ""
	}
	line, _, _ := strings.Cut(s[i:], "\n")
	return strings.TrimSpace(line)
}

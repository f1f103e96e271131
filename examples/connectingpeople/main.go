// Command connectingpeople analyses a before/after study in the style of
// the Connecting People intervention, in which people supported by a
// mental health service map their personal networks with a worker, set
// goals and build connections, and are interviewed before (wave 1) and
// after (wave 2). The intervention is described and evaluated by Webber
// and colleagues (2019, cited below).
// Did their networks grow? Did they gain bridging ties — to neighbours and
// groups, people outside family and services?
//
// It runs on the embedded sample study, which is SYNTHETIC (see
// internal/demo): computes the measures of every person at each wave,
// classifies every tie as bonding, bridging or linking by the study's
// rules, pairs each person's two interviews (measures.ChangeTable: alters
// kept, gained and lost, and each measure before and after) and reports, for each measure,
// the mean at each wave, the mean change with a 95% confidence interval
// (paired t), and how many people went up or down.
//
//	go run ./examples/connectingpeople
//	go run ./examples/connectingpeople -o pictures/   # and before/after pictures
//
// Webber, M., Morris, D., Howarth, S., Fendt-Newlin, M., Treacy, S. &
// McCrone, P. (2019). Effect of the Connecting People Intervention on
// social capital: a pilot study. Research on Social Work Practice
// 29(5):483–494. doi:10.1177/1049731517753685.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/visualize"
)

// outcomes are the measures compared between the waves.
const outcomes = "size,bonding,bridging,linking,effective_size,density,blau(role)"

func main() {
	dir := flag.String("o", "", "write before/after pictures of the three largest gains in bridging ties to `DIR`")
	flag.Parse()
	if err := run(os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "connectingpeople:", err)
		os.Exit(1)
	}
}

// change is the paired comparison of one measure between the waves.
type change struct {
	measure       string
	n             int     // people with the measure defined at both waves
	before, after float64 // means over those people
	diff, lo, hi  float64 // mean change and its 95% confidence interval
	up, down      int     // people whose value rose / fell
}

func run(out io.Writer, dir string) error {
	ds, err := demo.Load()
	if err != nil {
		return err
	}
	rules, err := demo.Rules()
	if err != nil {
		return err
	}
	specs, err := measures.ParseList(outcomes)
	if err != nil {
		return err
	}
	// One row per person: alters kept, gained, lost, Jaccard, and every
	// measure before, after and its change.
	table, err := measures.ChangeTable(context.Background(), ds, specs,
		measures.ChangeOptions{Before: "1", After: "2", Table: measures.TableOptions{Classifier: rules}})
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "%d people, interviewed before (wave 1) and after (wave 2)\n", table.Len())
	kept, gained, lost, jaccard := total(table, "kept"), total(table, "gained"), total(table, "lost"), summarise(table, "jaccard")
	fmt.Fprintf(out, "alters: %.0f kept, %.0f gained, %.0f lost; mean Jaccard similarity %.2f\n\n", kept, gained, lost, jaccard.after)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "measure\tn\twave 1\twave 2\tchange\t95% CI\tup\tdown\t")
	for _, s := range specs {
		c := summarise(table, s.Column)
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%+.2f\t[%+.2f, %+.2f]\t%d\t%d\t\n", c.measure, c.n, c.before, c.after, c.diff, c.lo, c.hi, c.up, c.down)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if dir == "" {
		return nil
	}

	// Pictures of the three people who gained most bridging ties.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	look := visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{Rings: "ring", NumRings: 3, Sectors: "role",
			SectorOrder: []string{"family", "friend", "neighbour", "group", "professional"}},
	}
	for _, id := range topGainers(table, "bridging", 3) {
		f, err := visualize.BeforeAfterFigure(ds.Ego(id, "1"), ds.Ego(id, "2"), look)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, "before_after_"+id+".png")
		var buf bytes.Buffer
		if err := f.Write(&buf, "png"); err != nil {
			return err
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(out, "wrote", path)
	}
	return nil
}

// total sums a column of the change table over the people for whom it is
// defined.
func total(t *measures.Table, col string) float64 {
	c, s := t.Column(col), 0.0
	for _, row := range t.Values {
		if !math.IsNaN(row[c]) {
			s += row[c]
		}
	}
	return s
}

// summarise compares measure m between the waves over the people for whom
// it is defined at both, from the change table's m:before and m:after
// columns. For a column without them (e.g. jaccard) it summarises the
// column itself as "after".
func summarise(t *measures.Table, m string) change {
	ch := change{measure: m}
	bc, ac := t.Column(m+":before"), t.Column(m+":after")
	if bc < 0 {
		bc, ac = t.Column(m), t.Column(m)
	}
	var b, a, d []float64
	for _, row := range t.Values {
		x, y := row[bc], row[ac]
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		b, a, d = append(b, x), append(a, y), append(d, y-x)
		switch {
		case y > x:
			ch.up++
		case y < x:
			ch.down++
		}
	}
	ch.n = len(d)
	if ch.n == 0 {
		nan := math.NaN()
		ch.before, ch.after, ch.diff, ch.lo, ch.hi = nan, nan, nan, nan, nan
		return ch
	}
	ch.before, ch.after = stat.Mean(b, nil), stat.Mean(a, nil)
	mean, sd := stat.MeanStdDev(d, nil)
	half := math.NaN()
	if ch.n > 1 {
		half = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(ch.n - 1)}.Quantile(0.975) * sd / math.Sqrt(float64(ch.n))
	}
	ch.diff, ch.lo, ch.hi = mean, mean-half, mean+half
	return ch
}

// topGainers returns the k people with the largest change of m, largest
// first (table order on ties).
func topGainers(t *measures.Table, m string, k int) []string {
	c := t.Column(m + ":change")
	idx := make([]int, 0, t.Len())
	for r, row := range t.Values {
		if !math.IsNaN(row[c]) {
			idx = append(idx, r)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return t.Values[idx[i]][c] > t.Values[idx[j]][c] })
	var out []string
	for _, r := range idx[:min(k, len(idx))] {
		out = append(out, t.Keys[r][0])
	}
	return out
}

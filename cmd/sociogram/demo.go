package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"

	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "run the whole pipeline on the embedded sample study",
		usage: `Usage: sociogram demo [-o DIR]

Runs the whole analysis on the embedded sample study — a SYNTHETIC study of
40 people supported by a mental health service, interviewed before (wave 1)
and after (wave 2) an intervention like Connecting People — and writes to
DIR (default ./sociogram-demo):

  data/      the study itself (egos.csv, alters.csv, aaties.csv), to rerun
             any command on it
  measures.csv  the measures of every person at each wave: structure,
             composition and social capital (bonding, bridging)

It prints where each file is and a short summary of what changed.

Example:
  sociogram demo -o /tmp/demo
  sociogram egos --egos /tmp/demo/data/egos.csv --alters /tmp/demo/data/alters.csv \
      --ties /tmp/demo/data/aaties.csv --wave wave --measures size,density
`,
		run: runDemo,
	})
}

// demoOutput is one file the demo wrote, with what it holds.
type demoOutput struct {
	path, what string
}

// demoResult is what a demo run produced: its files and the summary lines.
type demoResult struct {
	files   []demoOutput
	summary []string
}

func runDemo(args []string, stdout, stderr io.Writer) error {
	c := commands["demo"]
	fs := newFlags(c, stderr)
	dir := fs.String("o", "sociogram-demo", "output `DIR` (created if needed)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := demoPipeline(context.Background(), *dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Sample study (synthetic): 40 people, two waves. Files in %s:\n", *dir)
	for _, f := range res.files {
		fmt.Fprintf(stdout, "  %-28s %s\n", f.path, f.what)
	}
	fmt.Fprintln(stdout, "\nWhat changed between wave 1 and wave 2:")
	for _, l := range res.summary {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	return nil
}

// demoMeasures is the measures list of the demo's table: structure,
// composition and social capital (bonding, bridging by the study's rules).
const demoMeasures = "size,ties,density,components,isolates,effective_size,efficiency,constraint," +
	"hierarchy,ego_betweenness,brokerage,bonding,bridging,blau(role),count(role=group),prop(role=professional)"

// demoPipeline runs every step on the embedded study and writes the
// results under dir.
func demoPipeline(ctx context.Context, dir string) (*demoResult, error) {
	res := &demoResult{}
	ds, err := demo.Load()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	rules, err := demo.Rules()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	data := filepath.Join(dir, "data")
	if err := demo.WriteFiles(data); err != nil {
		return nil, err
	}
	res.files = append(res.files, demoOutput{data, "the study: egos.csv, alters.csv, aaties.csv, rules.json"})

	specs, err := measures.ParseList(demoMeasures)
	if err != nil {
		return nil, err
	}
	table, err := measures.EgoTable(ctx, ds, specs, measures.TableOptions{Classifier: rules})
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "measures.csv")
	if err := writeOutput(path, nil, table.WriteCSV); err != nil {
		return nil, err
	}
	res.files = append(res.files, demoOutput{path, "measures of every person at each wave"})

	res.summary = demoSummary(ds, table)
	return res, nil
}

// demoSummary describes in five lines what changed between the waves.
func demoSummary(ds *network.Dataset, t *measures.Table) []string {
	// mean returns the mean of a column at each wave over the rows where
	// it is defined.
	mean := func(col string) (m [2]float64) {
		c := t.Column(col)
		var n [2]int
		for r, key := range t.Keys {
			x := t.Values[r][c]
			if math.IsNaN(x) {
				continue
			}
			w := 0
			if key[1] == "2" {
				w = 1
			}
			m[w] += x
			n[w]++
		}
		for w := range m {
			m[w] /= float64(n[w])
		}
		return m
	}
	var kept, gained, lost, grew, shrank, people int
	for _, e1 := range ds.Egos {
		if e1.Wave != "1" {
			continue
		}
		e2 := ds.Ego(e1.ID, "2")
		if e2 == nil {
			continue
		}
		people++
		for _, a := range e1.Alters {
			if _, ok := e2.AlterIndex(a.ID); ok {
				kept++
			} else {
				lost++
			}
		}
		for _, a := range e2.Alters {
			if _, ok := e1.AlterIndex(a.ID); !ok {
				gained++
			}
		}
		switch {
		case e2.Size() > e1.Size():
			grew++
		case e2.Size() < e1.Size():
			shrank++
		}
	}
	change := func(what string, m [2]float64) string {
		return fmt.Sprintf("%s: mean %.2f at wave 1, %.2f at wave 2 (%+.2f)", what, m[0], m[1], m[1]-m[0])
	}
	return []string{
		fmt.Sprintf("%d people interviewed at both waves; networks grew for %d, shrank for %d, kept their size for %d", people, grew, shrank, people-grew-shrank),
		fmt.Sprintf("alters: %d kept, %d gained, %d lost", kept, gained, lost),
		change("network size", mean("size")),
		change("bridging ties (neighbours, groups)", mean("bridging")),
		change("effective size", mean("effective_size")),
	}
}

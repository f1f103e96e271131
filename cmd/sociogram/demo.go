package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"

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
  measures.csv  the measures of every person at each wave

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
	res, err := demoPipeline(*dir)
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

// demoPipeline runs every step on the embedded study and writes the
// results under dir.
func demoPipeline(dir string) (*demoResult, error) {
	res := &demoResult{}
	ds, err := demo.Load()
	if err != nil {
		return nil, fmt.Errorf("embedded study: %w", err)
	}
	data := filepath.Join(dir, "data")
	if err := demo.WriteFiles(data); err != nil {
		return nil, err
	}
	res.files = append(res.files, demoOutput{data, "the study: egos.csv, alters.csv, aaties.csv"})

	stats := make([]measures.Stats, len(ds.Egos))
	for i, e := range ds.Egos {
		stats[i] = measures.Of(e)
	}
	path := filepath.Join(dir, "measures.csv")
	if err := writeOutput(path, nil, func(w io.Writer) error { return writeDemoMeasures(w, ds, stats) }); err != nil {
		return nil, err
	}
	res.files = append(res.files, demoOutput{path, "measures of every person at each wave"})

	res.summary = demoSummary(ds, stats)
	return res, nil
}

// demoColumns are the structural measures of the demo's measures table.
var demoColumns = []struct {
	name string
	get  func(*measures.Stats) float64
}{
	{"size", func(s *measures.Stats) float64 { return s.Size }},
	{"ties", func(s *measures.Stats) float64 { return s.Ties }},
	{"density", func(s *measures.Stats) float64 { return s.Density }},
	{"components", func(s *measures.Stats) float64 { return s.Components }},
	{"isolates", func(s *measures.Stats) float64 { return s.Isolates }},
	{"effective_size", func(s *measures.Stats) float64 { return s.EffectiveSize }},
	{"efficiency", func(s *measures.Stats) float64 { return s.Efficiency }},
	{"constraint", func(s *measures.Stats) float64 { return s.Constraint }},
	{"hierarchy", func(s *measures.Stats) float64 { return s.Hierarchy }},
	{"ego_betweenness", func(s *measures.Stats) float64 { return s.EgoBetweenness }},
	{"brokerage", func(s *measures.Stats) float64 { return s.Brokerage }},
}

func writeDemoMeasures(w io.Writer, ds *network.Dataset, stats []measures.Stats) error {
	cw := csv.NewWriter(w)
	head := []string{"egoID", "wave"}
	for _, c := range demoColumns {
		head = append(head, c.name)
	}
	cw.Write(head)
	for i, e := range ds.Egos {
		row := []string{e.ID, e.Wave}
		for _, c := range demoColumns {
			row = append(row, formatNA(c.get(&stats[i])))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func formatNA(x float64) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// demoSummary describes in five lines what changed between the waves.
func demoSummary(ds *network.Dataset, stats []measures.Stats) []string {
	var size, eff [2]float64
	var n, nEff [2]int
	for i, e := range ds.Egos {
		w := 0
		if e.Wave == "2" {
			w = 1
		}
		n[w]++
		size[w] += stats[i].Size
		if !math.IsNaN(stats[i].EffectiveSize) {
			eff[w] += stats[i].EffectiveSize
			nEff[w]++
		}
	}
	var kept, gained, lost, grew, shrank int
	for _, e1 := range ds.Egos {
		if e1.Wave != "1" {
			continue
		}
		e2 := ds.Ego(e1.ID, "2")
		if e2 == nil {
			continue
		}
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
	mean := func(s float64, k int) float64 { return s / float64(k) }
	return []string{
		fmt.Sprintf("people: %d at wave 1, %d at wave 2", n[0], n[1]),
		fmt.Sprintf("network size: mean %.2f at wave 1, %.2f at wave 2 (%+.2f)", mean(size[0], n[0]), mean(size[1], n[1]), mean(size[1], n[1])-mean(size[0], n[0])),
		fmt.Sprintf("networks grew for %d people, shrank for %d, kept their size for %d", grew, shrank, n[0]-grew-shrank),
		fmt.Sprintf("alters: %d kept, %d gained, %d lost", kept, gained, lost),
		fmt.Sprintf("effective size: mean %.2f at wave 1, %.2f at wave 2 (people with at least one alter)", mean(eff[0], nEff[0]), mean(eff[1], nEff[1])),
	}
}

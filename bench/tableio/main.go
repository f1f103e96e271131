// Command tableio times the input and output of issue 17 items 2 and 4:
// reading an edge list as CSV and as Parquet, writing it as Parquet, and
// writing the measures table of `sociogram nodes` as CSV and JSON (one
// worker and GOMAXPROCS workers: the parallel block writer) and as
// Parquet. Each phase runs -runs times; it prints one JSON object per
// phase on stdout with the median seconds, the file's bytes, MB/s and
// rows/s.
//
//	GOMAXPROCS=2 tableio -edges ba_1000000.csv -work DIR [-measures LIST] [-runs 3]
//
// The Parquet edge list is written to DIR/edges.parquet (by the timed
// Parquet write), the tables to DIR/table.*; DIR is left in place.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/parquetio"
)

type result struct {
	Phase      string  `json:"phase"`
	GOMAXPROCS int     `json:"gomaxprocs"`
	Runs       int     `json:"runs"`
	Seconds    float64 `json:"median_s"`
	CPU        float64 `json:"median_cpu_s"` // user + system CPU seconds of the process
	Bytes      int64   `json:"bytes"`
	Rows       int     `json:"rows"`
	MBps       float64 `json:"mb_per_s"`
	RowsPerS   float64 `json:"rows_per_s"`
}

func main() {
	edges := flag.String("edges", "", "edge list CSV `FILE`")
	work := flag.String("work", "", "working `DIR` for the files written")
	list := flag.String("measures", "", "measures `LIST` of the table (default: every structural measure)")
	runs := flag.Int("runs", 3, "`N` runs of each phase (median)")
	tables := flag.Bool("tables-only", false, "time only the table writers (the graph read once from the CSV)")
	flag.Parse()
	if *edges == "" || *work == "" {
		fmt.Fprintln(os.Stderr, "tableio: -edges FILE and -work DIR are required")
		os.Exit(2)
	}
	if err := run(*edges, *work, *list, *runs, *tables); err != nil {
		fmt.Fprintln(os.Stderr, "tableio:", err)
		os.Exit(1)
	}
}

// cpuSeconds returns the user and system CPU time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// lastCPU is the median CPU seconds of the last timeIt.
var lastCPU float64

// timeIt runs fn runs times and returns the median wall seconds (and sets
// lastCPU to the median CPU seconds, GC included: on a shared machine the
// wall time also holds the waits for a core).
func timeIt(runs int, fn func() error) (float64, error) {
	var ts, cs []float64
	for i := 0; i < runs; i++ {
		runtime.GC()
		c0, t0 := cpuSeconds(), time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		ts = append(ts, time.Since(t0).Seconds())
		cs = append(cs, cpuSeconds()-c0)
	}
	slices.Sort(ts)
	slices.Sort(cs)
	lastCPU = cs[len(cs)/2]
	return ts[len(ts)/2], nil
}

func report(phase string, runs int, s float64, path string, rows int) {
	st, _ := os.Stat(path)
	r := result{Phase: phase, GOMAXPROCS: runtime.GOMAXPROCS(0), Runs: runs, Seconds: s, CPU: lastCPU, Rows: rows}
	if st != nil {
		r.Bytes = st.Size()
		r.MBps = float64(r.Bytes) / 1e6 / s
	}
	r.RowsPerS = float64(rows) / s
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
}

// writeFile writes path with write through a 1 MiB buffer, as the CLI's
// output does.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func run(edges, work, list string, runs int, tablesOnly bool) error {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	var g *network.Graph
	if tablesOnly {
		var err error
		if g, _, err = network.ReadEdgeList(edges, "", network.EdgeListOptions{}); err != nil {
			return err
		}
		return writeTables(g, work, list, runs)
	}
	s, err := timeIt(runs, func() error {
		var err error
		g, _, err = network.ReadEdgeList(edges, "", network.EdgeListOptions{})
		return err
	})
	if err != nil {
		return err
	}
	m := g.Size()
	report("read edges CSV", runs, s, edges, m)

	pq := filepath.Join(work, "edges.parquet")
	s, err = timeIt(runs, func() error {
		return writeFile(pq, func(w io.Writer) error { return parquetio.WriteEdgeList(w, nil, g) })
	})
	if err != nil {
		return err
	}
	report("write edges Parquet", runs, s, pq, m)
	g = nil
	s, err = timeIt(runs, func() error {
		var err error
		g, _, err = parquetio.ReadEdgeList(pq, "", network.EdgeListOptions{})
		return err
	})
	if err != nil {
		return err
	}
	report("read edges Parquet", runs, s, pq, m)
	return writeTables(g, work, list, runs)
}

// writeTables computes the measures table of g and times its writers.
func writeTables(g *network.Graph, work, list string, runs int) error {
	specs := measures.DefaultSpecs()
	var err error
	if list != "" {
		if specs, err = measures.ParseList(list); err != nil {
			return err
		}
	}
	t, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{})
	if err != nil {
		return err
	}
	n := t.Len()
	// The four CSV and JSON writes alternate, in an order that turns each
	// run, so that none always runs first (on a shared machine the first
	// of a series was up to 30% slower).
	type variant struct {
		name  string
		path  string
		write func(io.Writer) error
	}
	var vs []variant
	for _, format := range []string{"CSV", "JSON"} {
		for _, workers := range []int{1, 0} {
			name := "1 worker"
			if workers == 0 {
				name = fmt.Sprintf("%d workers", runtime.GOMAXPROCS(0))
			}
			opt := measures.WriteOptions{Digits: 15, Workers: workers}
			v := variant{name: "write table " + format + ", " + name, path: filepath.Join(work, "table."+strings.ToLower(format))}
			if format == "CSV" {
				v.write = func(w io.Writer) error { return t.WriteCSVWith(w, opt) }
			} else {
				v.write = func(w io.Writer) error { return t.WriteJSONWith(w, opt) }
			}
			vs = append(vs, v)
		}
	}
	wall := make([][]float64, len(vs))
	cpu := make([][]float64, len(vs))
	for r := 0; r < runs; r++ {
		for k := range vs {
			i := (k + r) % len(vs)
			runtime.GC()
			c0, t0 := cpuSeconds(), time.Now()
			if err := writeFile(vs[i].path, vs[i].write); err != nil {
				return err
			}
			wall[i] = append(wall[i], time.Since(t0).Seconds())
			cpu[i] = append(cpu[i], cpuSeconds()-c0)
		}
	}
	for i, v := range vs {
		slices.Sort(wall[i])
		slices.Sort(cpu[i])
		lastCPU = cpu[i][runs/2]
		report(v.name, runs, wall[i][runs/2], v.path, n)
	}
	p := filepath.Join(work, "table.parquet")
	s, err := timeIt(runs, func() error {
		return writeFile(p, func(w io.Writer) error { return parquetio.WriteTable(w, t, measures.WriteOptions{}) })
	})
	if err != nil {
		return err
	}
	report("write table Parquet", runs, s, p, n)
	return nil
}

// Command allnodes is the Go side of the benchmark: it reads an edge list
// with network.ReadEdgeList, computes every node's structural measures with
// measures.AllNodes, writes them as CSV, and prints the time of each phase
// and the graph's storage to stderr as one JSON object. It is what
// `sociogram nodes` does, without the CLI's measure selection, so the
// reader and the engine can be timed apart.
//
//	allnodes -edges ba_1e6.csv -o out.csv [-measures constraint] [-workers N]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

var columns = map[string]func(*measures.Stats) float64{
	"size":            func(s *measures.Stats) float64 { return s.Size },
	"ties":            func(s *measures.Stats) float64 { return s.Ties },
	"density":         func(s *measures.Stats) float64 { return s.Density },
	"components":      func(s *measures.Stats) float64 { return s.Components },
	"isolates":        func(s *measures.Stats) float64 { return s.Isolates },
	"effective_size":  func(s *measures.Stats) float64 { return s.EffectiveSize },
	"efficiency":      func(s *measures.Stats) float64 { return s.Efficiency },
	"constraint":      func(s *measures.Stats) float64 { return s.Constraint },
	"hierarchy":       func(s *measures.Stats) float64 { return s.Hierarchy },
	"ego_betweenness": func(s *measures.Stats) float64 { return s.EgoBetweenness },
	"brokerage":       func(s *measures.Stats) float64 { return s.Brokerage },
}

var profile *os.File

const all = "size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage"

func main() {
	edges := flag.String("edges", "", "edge list `FILE`")
	out := flag.String("o", "", "output CSV `FILE` (none: no output)")
	list := flag.String("measures", all, "comma-separated measures")
	workers := flag.Int("workers", 0, "worker goroutines (0: GOMAXPROCS)")
	directed := flag.Bool("directed", false, "edges are arcs")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the compute phase to `FILE`")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "allnodes:", err)
			os.Exit(1)
		}
		profile = f
	}
	if err := run(*edges, *out, *list, *workers, *directed); err != nil {
		fmt.Fprintln(os.Stderr, "allnodes:", err)
		os.Exit(1)
	}
}

func run(edges, out, list string, workers int, directed bool) error {
	names := strings.Split(list, ",")
	withBetweenness := false
	for _, n := range names {
		if columns[n] == nil {
			return fmt.Errorf("unknown measure %q", n)
		}
		withBetweenness = withBetweenness || n == "ego_betweenness"
	}
	t0 := time.Now()
	g, _, err := network.ReadEdgeList(edges, "", network.EdgeListOptions{Directed: directed})
	if err != nil {
		return err
	}
	t1 := time.Now()
	if profile != nil {
		if err := pprof.StartCPUProfile(profile); err != nil {
			return err
		}
	}
	st, err := measures.AllNodes(context.Background(), g, measures.AllNodesOptions{Workers: workers, SkipBetweenness: !withBetweenness})
	if err != nil {
		return err
	}
	t2 := time.Now()
	if profile != nil {
		pprof.StopCPUProfile()
		profile.Close()
	}
	if out != "" {
		if err := write(out, g, st, names); err != nil {
			return err
		}
	}
	t3 := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return json.NewEncoder(os.Stderr).Encode(map[string]any{
		"nodes": g.Order(), "edges": g.Size(),
		"read_s": t1.Sub(t0).Seconds(), "compute_s": t2.Sub(t1).Seconds(), "write_s": t3.Sub(t2).Seconds(),
		"graph_bytes": g.Bytes(), "graph_bytes_per_edge": float64(g.Bytes()) / float64(max(1, g.Size())),
		"go_heap_sys_bytes": ms.HeapSys,
	})
}

func write(path string, g *network.Graph, st []measures.Stats, names []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("node," + strings.Join(names, ",") + "\n")
	fns := make([]func(*measures.Stats) float64, len(names))
	for i, n := range names {
		fns[i] = columns[n]
	}
	var buf []byte
	for v := range st {
		buf = append(buf[:0], g.Label(v)...)
		for _, fn := range fns {
			buf = append(buf, ',')
			if x := fn(&st[v]); math.IsNaN(x) {
				buf = append(buf, "NA"...)
			} else {
				buf = strconv.AppendFloat(buf, x, 'g', -1, 64)
			}
		}
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

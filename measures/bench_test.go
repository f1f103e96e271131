package measures

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/sociogram/sociogram/internal/graphgen"
	"github.com/sociogram/sociogram/network"
)

// Benchmark fixtures: seeded Barabási–Albert (m = 5) and Holme–Kim (m = 5,
// p = 0.5) graphs, built once per size and shared by the benchmarks.
var (
	fixtureMu sync.Mutex
	fixtures  = map[string]*network.Graph{}
)

func fixture(kind string, edges int, weighted bool) *network.Graph {
	fixtureMu.Lock()
	defer fixtureMu.Unlock()
	key := fmt.Sprintf("%s/%d/%v", kind, edges, weighted)
	if g, ok := fixtures[key]; ok {
		return g
	}
	const m = 5
	n := edges/m + m
	var e []graphgen.Edge
	if kind == "ba" {
		e = graphgen.BarabasiAlbert(n, m, 1)
	} else {
		e = graphgen.HolmeKim(n, m, 0.5, 1)
	}
	g := graphgen.Graph(n, e, weighted)
	fixtures[key] = g
	return g
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

func benchAllNodes(b *testing.B, kind string, weighted bool, opt AllNodesOptions) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("edges=%d", size), func(b *testing.B) {
			g := fixture(kind, size, weighted)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := AllNodes(context.Background(), g, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(g.Size())*float64(b.N)/b.Elapsed().Seconds(), "edges/s")
		})
	}
}

func BenchmarkAllNodesBA(b *testing.B)         { benchAllNodes(b, "ba", false, AllNodesOptions{}) }
func BenchmarkAllNodesHolmeKim(b *testing.B)   { benchAllNodes(b, "hk", false, AllNodesOptions{}) }
func BenchmarkAllNodesBAWeighted(b *testing.B) { benchAllNodes(b, "ba", true, AllNodesOptions{}) }
func BenchmarkAllNodesBANoBetweenness(b *testing.B) {
	benchAllNodes(b, "ba", false, AllNodesOptions{SkipBetweenness: true})
}

// BenchmarkKernelAllNodesBA is the per-ego kernel (the reference behind
// Structural, and the engine AllNodes used before the triangle engine) run
// on every node, single-threaded, for comparison with AllNodes at
// Workers: 1.
func BenchmarkKernelAllNodesBA(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("edges=%d", size), func(b *testing.B) {
			g := fixture("ba", size, false)
			k := newKernel(g, nil, nil)
			var st Stats
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for v := 0; v < g.Order(); v++ {
					k.compute(int32(v), &st, true)
				}
			}
			b.ReportMetric(float64(g.Size())*float64(b.N)/b.Elapsed().Seconds(), "edges/s")
		})
	}
}

// BenchmarkAllNodesBAOneWorker is AllNodes on one core, to compare with
// BenchmarkKernelAllNodesBA.
func BenchmarkAllNodesBAOneWorker(b *testing.B) {
	benchAllNodes(b, "ba", false, AllNodesOptions{Workers: 1})
}

// localFixture is a seeded Barabási–Albert graph (m = 5, seed 1) of n
// nodes, unweighted.
func localFixture(n int) *network.Graph {
	fixtureMu.Lock()
	defer fixtureMu.Unlock()
	key := fmt.Sprintf("local/%d", n)
	if g, ok := fixtures[key]; ok {
		return g
	}
	g := graphgen.Graph(n, graphgen.BarabasiAlbert(n, 5, 1), false)
	fixtures[key] = g
	return g
}

// sameNeighbourhood returns the node of degree deg whose 2-hop volume
// Σ_{j∈N(v)} deg(j) is closest to vol (the lowest index among ties), and
// that volume, so that graphs of different order can be compared on nodes
// whose neighbourhoods cost the same.
func sameNeighbourhood(g *network.Graph, deg, vol int) (int, int) {
	best, bestVol := -1, 0
	for v := range g.Order() {
		if g.Degree(v) != deg {
			continue
		}
		s := 0
		for _, j := range g.Neighbors(v) {
			s += g.Degree(j)
		}
		if best < 0 || abs(s-vol) < abs(bestVol-vol) {
			best, bestVol = v, s
		}
	}
	return best, bestVol
}

func abs(x int) int { return max(x, -x) }

var sink float64

// BenchmarkConstraintLocal times one Constraint(g, v) call on BA graphs of
// 2,000 and 200,000 nodes, at a node of degree 10 whose alters have 200
// ties in all (the closest there is; reported as the metric "2hop"): a
// per-node call costs the node's 2-hop neighbourhood, so the time should
// not depend on the order of g.
func BenchmarkConstraintLocal(b *testing.B) {
	for _, n := range []int{2_000, 200_000} {
		g := localFixture(n)
		v, vol := sameNeighbourhood(g, 10, 200)
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = Constraint(g, v)
			}
			b.ReportMetric(float64(vol), "2hop")
		})
	}
}

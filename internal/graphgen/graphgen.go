// Package graphgen generates seeded random graphs and survey data for the
// benchmarks of this module: Barabási–Albert preferential attachment
// graphs, Holme–Kim clustered scale-free graphs, and synthetic surveys in
// the three-table ego CSV layout. The same seed always gives the same output
// (the generators use math/rand/v2's PCG).
package graphgen

import (
	"math/rand/v2"
	"strconv"

	"github.com/sociogram/sociogram/network"
)

// Edge is an undirected edge between node indices.
type Edge [2]int32

// BarabasiAlbert returns the edges of a Barabási–Albert graph with n nodes,
// each new node attaching m edges to distinct existing nodes chosen with
// probability proportional to degree (Barabási & Albert 1999,
// doi:10.1126/science.286.5439.509). It follows networkx's
// barabasi_albert_graph: the first new node (index m) links to the m
// initial nodes; it has (n−m)·m edges. It needs n > m ≥ 1.
//
// Cost: O(n·m) time and memory.
func BarabasiAlbert(n, m int, seed uint64) []Edge {
	return HolmeKim(n, m, 0, seed)
}

// HolmeKim returns the edges of a Holme–Kim clustered scale-free graph
// (Holme & Kim 2002, doi:10.1103/PhysRevE.65.026107), as networkx's
// powerlaw_cluster_graph: each new node makes m distinct ties, the first by
// preferential attachment, each further one with probability p a triad
// formation step (a tie to a random neighbour of the previous target) and
// otherwise by preferential attachment. p = 0 gives BarabasiAlbert.
//
// Cost: O(n·m) time and memory, plus the neighbour lists when p > 0.
func HolmeKim(n, m int, p float64, seed uint64) []Edge {
	if m < 1 || n <= m {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed_b0a7))
	edges := make([]Edge, 0, (n-m)*m)
	// repeated holds each node once per incident edge end: a uniform draw
	// from it is a draw proportional to degree.
	repeated := make([]int32, 0, 2*(n-m)*m)
	var nbrs [][]int32
	if p > 0 {
		nbrs = make([][]int32, n)
	}
	targets := make([]int32, 0, m)
	has := func(t int32) bool {
		for _, x := range targets {
			if x == t {
				return true
			}
		}
		return false
	}
	for v := m; v < n; v++ {
		targets = targets[:0]
		if v == m {
			for t := 0; t < m; t++ {
				targets = append(targets, int32(t))
			}
		} else {
			prev := int32(-1)
			for len(targets) < m {
				var t int32 = -1
				if prev >= 0 && p > 0 && rng.Float64() < p {
					// Triad formation: a neighbour of prev not yet chosen.
					nb := nbrs[prev]
					for try := 0; try < 4 && len(nb) > 0; try++ {
						c := nb[rng.IntN(len(nb))]
						if c != int32(v) && !has(c) {
							t = c
							break
						}
					}
				}
				if t < 0 {
					t = repeated[rng.IntN(len(repeated))]
					if has(t) {
						continue
					}
				}
				targets = append(targets, t)
				prev = t
			}
		}
		for _, t := range targets {
			edges = append(edges, Edge{int32(v), t})
			repeated = append(repeated, int32(v), t)
			if p > 0 {
				nbrs[v] = append(nbrs[v], t)
				nbrs[t] = append(nbrs[t], int32(v))
			}
		}
	}
	return edges
}

// Graph builds an undirected network.Graph with nodes labelled "0".."n-1"
// from edges; with weighted, edge k gets the weight 1 + (k mod 5)/4 (so
// weights 1, 1.25, ..., 2 are exact in float32).
func Graph(n int, edges []Edge, weighted bool) *network.Graph {
	b := network.NewBuilder(false, weighted)
	for i := 0; i < n; i++ {
		b.LookupOrAdd(strconv.Itoa(i))
	}
	for k, e := range edges {
		w := 1.0
		if weighted {
			w = 1 + float64(k%5)/4
		}
		if err := b.AddEdge(int(e[0]), int(e[1]), w); err != nil {
			panic(err) // indices are in range by construction
		}
	}
	g, _ := b.Build()
	return g
}

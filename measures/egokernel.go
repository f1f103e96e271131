package measures

import (
	"sync"

	"github.com/sociogram/sociogram/network"
)

// egoKernel computes the structural measures of a survey ego network
// without building a network.Graph: it lays the ego graph out (alters
// 0..n−1 in alter order, the ego n, tied to every alter) as compressed
// rows in buffers it reuses, and runs the kernel on them. The rows are
// those e.Graph() would build, in the same order with the same weights, so
// the results are bit-for-bit those of Structural(e.Graph(), e.EgoNode()).
type egoKernel struct {
	k        kernel
	off, in  []int
	adj, iad []int32
	w, iw    []float64
	S, M     []float64
	cur      []int // each row's next free slot while laying out
	icur     []int
	wset     bool // k.w and k.iw are set
	g        network.EgoGraph
}

var egoKernels = sync.Pool{New: func() any { return new(egoKernel) }}

// canonicalTies reports whether e's ties are as DatasetBuilder.Build and
// network.EgoNetOf leave them: endpoints in range and distinct, From < To
// when undirected, sorted by (From, To) without duplicates. The fast path
// relies on it; a hand-built EgoNet that breaks it goes through e.Graph().
func canonicalTies(e *network.EgoNet) bool {
	n := len(e.Alters)
	pf, pt := -1, -1
	for _, t := range e.Ties {
		if t.From < 0 || t.To < 0 || t.From >= n || t.To >= n || t.From == t.To {
			return false
		}
		if !e.Directed() && t.From > t.To {
			return false
		}
		if t.From < pf || (t.From == pf && t.To <= pt) {
			return false
		}
		pf, pt = t.From, t.To
	}
	return true
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// of fills st with the measures of e's ego: e is copied into the
// kernel's EgoGraph scratch (weights 1 when the dataset has none, as
// e.Graph() has them) and measured by ofGraph.
func (ek *egoKernel) of(e *network.EgoNet, st *Stats, withBetweenness bool) {
	ds := e.Dataset()
	weighted := ds == nil || ds.AlterWeighted || ds.TieWeighted
	g := &ek.g
	g.Directed = e.Directed()
	g.AlterWeights = g.AlterWeights[:0]
	for j := range e.Alters {
		w := 1.0
		if weighted {
			w = e.Alters[j].Weight
		}
		g.AlterWeights = append(g.AlterWeights, w)
	}
	g.Ties = g.Ties[:0]
	for i := range e.Ties {
		t := &e.Ties[i]
		w := 1.0
		if weighted {
			w = t.Weight
		}
		g.Ties = append(g.Ties, network.EgoTie{From: int32(t.From), To: int32(t.To), Weight: w})
	}
	ek.ofGraph(g, st, withBetweenness)
}

// ofGraph fills st with the measures of g's ego; g's ties must be
// canonical (see network.EgoGraph). It allocates nothing once its buffers
// have grown to the largest ego network seen.
func (ek *egoKernel) ofGraph(g *network.EgoGraph, st *Stats, withBetweenness bool) {
	n := len(g.AlterWeights)
	order := n + 1
	directed := g.Directed
	aw := g.AlterWeights
	m := 2 * (len(g.Ties) + n) // row entries, counting both ends
	ek.off = growInts(ek.off, order+1)
	ek.adj = grow32(ek.adj, m)
	ek.w = grow(ek.w, m)
	// Row lengths, then offsets; cur holds each row's next free slot.
	if directed {
		ek.in = growInts(ek.in, order+1)
		ek.iad = grow32(ek.iad, m)
		ek.iw = grow(ek.iw, m)
		for _, t := range g.Ties {
			ek.off[t.From+1]++
			ek.in[t.To+1]++
		}
		for j := 0; j < n; j++ {
			ek.off[j+1]++
			ek.in[j+1]++
		}
		ek.off[order] += n
		ek.in[order] += n
		for v := 1; v <= order; v++ {
			ek.off[v] += ek.off[v-1]
			ek.in[v] += ek.in[v-1]
		}
		ek.adj, ek.w = ek.adj[:ek.off[order]], ek.w[:ek.off[order]]
		ek.iad, ek.iw = ek.iad[:ek.in[order]], ek.iw[:ek.in[order]]
		cur := append(ek.cur[:0], ek.off[:order]...)
		icur := append(ek.icur[:0], ek.in[:order]...)
		ek.cur, ek.icur = cur, icur
		// Ties come sorted by (From, To): out-rows get their targets in
		// order, in-rows their sources in order; the ego (n) comes last.
		for _, t := range g.Ties {
			f, to := int(t.From), int(t.To)
			ek.adj[cur[f]], ek.w[cur[f]] = t.To, t.Weight
			cur[f]++
			ek.iad[icur[to]], ek.iw[icur[to]] = t.From, t.Weight
			icur[to]++
		}
		for j := 0; j < n; j++ {
			ek.adj[cur[j]], ek.w[cur[j]] = int32(n), aw[j]
			cur[j]++
			ek.iad[icur[j]], ek.iw[icur[j]] = int32(n), aw[j]
			icur[j]++
			ek.adj[cur[n]], ek.w[cur[n]] = int32(j), aw[j]
			cur[n]++
			ek.iad[icur[n]], ek.iw[icur[n]] = int32(j), aw[j]
			icur[n]++
		}
	} else {
		ek.in, ek.iad, ek.iw = nil, nil, nil
		for _, t := range g.Ties {
			ek.off[t.From+1]++
			ek.off[t.To+1]++
		}
		for j := 0; j < n; j++ {
			ek.off[j+1]++
		}
		ek.off[order] += n
		for v := 1; v <= order; v++ {
			ek.off[v] += ek.off[v-1]
		}
		ek.adj, ek.w = ek.adj[:ek.off[order]], ek.w[:ek.off[order]]
		cur := append(ek.cur[:0], ek.off[:order]...)
		ek.cur = cur
		// Row j receives the partners f < j of ties (f, j) before the
		// partners t > j of ties (j, t), both ascending, then the ego.
		for _, t := range g.Ties {
			f, to := int(t.From), int(t.To)
			ek.adj[cur[f]], ek.w[cur[f]] = t.To, t.Weight
			cur[f]++
			ek.adj[cur[to]], ek.w[cur[to]] = t.From, t.Weight
			cur[to]++
		}
		for j := 0; j < n; j++ {
			ek.adj[cur[j]], ek.w[cur[j]] = int32(n), aw[j]
			cur[j]++
			ek.adj[cur[n]], ek.w[cur[n]] = int32(j), aw[j]
			cur[n]++
		}
	}
	k := &ek.k
	k.directed = directed
	k.off, k.adj, k.in, k.iad = ek.off, ek.adj, ek.in, ek.iad
	if !ek.wset {
		// The closures read the kernel's current slices, so they are made
		// once and stay valid as the slices grow.
		k.w = func(i int) float64 { return ek.w[i] }
		k.iw = func(i int) float64 { return ek.iw[i] }
		ek.wset = true
	}
	for len(k.pos) < order {
		k.pos = append(k.pos, -1)
	}
	ek.S, ek.M = grow(ek.S, order), grow(ek.M, order)
	k.S, k.M = ek.S, ek.M
	k.fillStrengths(k.S, k.M)
	k.compute(int32(n), st, withBetweenness)
}

// canonicalGraph is canonicalTies for an EgoGraph.
func canonicalGraph(g *network.EgoGraph) bool {
	n := int32(len(g.AlterWeights))
	pf, pt := int32(-1), int32(-1)
	for _, t := range g.Ties {
		if t.From < 0 || t.To < 0 || t.From >= n || t.To >= n || t.From == t.To {
			return false
		}
		if !g.Directed && t.From > t.To {
			return false
		}
		if t.From < pf || (t.From == pf && t.To <= pt) {
			return false
		}
		pf, pt = t.From, t.To
	}
	return true
}

// OfEgoGraph returns the structural measures of g's ego: Of for the ego
// network whose structure g is (network.StreamEgoGraphs passes them), the
// ego tied to every alter with its weight, alter–alter ties counted by
// presence except in Burt's measures, which use their weights. The result
// is bit-for-bit that of Structural(g.Graph(), g.Size()).
//
// The ego graph is laid out in scratch space reused across calls (safe for
// concurrent use): once that has grown to the largest ego network, a call
// allocates nothing. Ties that are not canonical (see network.EgoGraph)
// take the slower way through g.Graph(). Cost as Structural on the ego
// graph: O(n + t) memory, O(Σ_j deg(j)·d) time for n alters, t ties and d
// the largest alter degree (ego betweenness: a BFS per alter when
// directed).
func OfEgoGraph(g *network.EgoGraph) Stats {
	var st Stats
	ofEgoGraph(g, &st, true)
	return st
}

// ofEgoGraph is OfEgoGraph into st, with the ego betweenness only when
// withBetweenness is true.
func ofEgoGraph(g *network.EgoGraph, st *Stats, withBetweenness bool) {
	if !canonicalGraph(g) {
		newLocalKernel(g.Graph()).compute(int32(len(g.AlterWeights)), st, withBetweenness)
		return
	}
	ek := egoKernels.Get().(*egoKernel)
	ek.ofGraph(g, st, withBetweenness)
	egoKernels.Put(ek)
}

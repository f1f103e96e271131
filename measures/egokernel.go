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

// of fills st with the measures of e's ego.
func (ek *egoKernel) of(e *network.EgoNet, st *Stats, withBetweenness bool) {
	n := len(e.Alters)
	order := n + 1
	directed := e.Directed()
	ds := e.Dataset()
	weighted := ds == nil || ds.AlterWeighted || ds.TieWeighted
	aw := func(j int) float64 {
		if weighted {
			return e.Alters[j].Weight
		}
		return 1
	}
	tw := func(t *network.Tie) float64 {
		if weighted {
			return t.Weight
		}
		return 1
	}
	m := 2 * (len(e.Ties) + n) // row entries, counting both ends
	ek.off = growInts(ek.off, order+1)
	ek.adj = grow32(ek.adj, m)
	ek.w = grow(ek.w, m)
	// Row lengths, then offsets; cur holds each row's next free slot.
	if directed {
		ek.in = growInts(ek.in, order+1)
		ek.iad = grow32(ek.iad, m)
		ek.iw = grow(ek.iw, m)
		for _, t := range e.Ties {
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
		cur := append([]int(nil), ek.off[:order]...)
		icur := append([]int(nil), ek.in[:order]...)
		put := func(adj []int32, w []float64, cur []int, u, v int, x float64) {
			adj[cur[u]], w[cur[u]] = int32(v), x
			cur[u]++
		}
		// Ties come sorted by (From, To): out-rows get their targets in
		// order, in-rows their sources in order; the ego (n) comes last.
		for i := range e.Ties {
			t := &e.Ties[i]
			put(ek.adj, ek.w, cur, t.From, t.To, tw(t))
			put(ek.iad, ek.iw, icur, t.To, t.From, tw(t))
		}
		for j := 0; j < n; j++ {
			put(ek.adj, ek.w, cur, j, n, aw(j))
			put(ek.iad, ek.iw, icur, j, n, aw(j))
			put(ek.adj, ek.w, cur, n, j, aw(j))
			put(ek.iad, ek.iw, icur, n, j, aw(j))
		}
	} else {
		ek.in, ek.iad, ek.iw = nil, nil, nil
		for _, t := range e.Ties {
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
		cur := append([]int(nil), ek.off[:order]...)
		put := func(u, v int, x float64) {
			ek.adj[cur[u]], ek.w[cur[u]] = int32(v), x
			cur[u]++
		}
		// Row j receives the partners f < j of ties (f, j) before the
		// partners t > j of ties (j, t), both ascending, then the ego.
		for i := range e.Ties {
			t := &e.Ties[i]
			put(t.From, t.To, tw(t))
			put(t.To, t.From, tw(t))
		}
		for j := 0; j < n; j++ {
			put(j, n, aw(j))
			put(n, j, aw(j))
		}
	}
	k := &ek.k
	k.directed = directed
	k.off, k.adj, k.in, k.iad = ek.off, ek.adj, ek.in, ek.iad
	w, iw := ek.w, ek.iw
	k.w = func(i int) float64 { return w[i] }
	k.iw = func(i int) float64 { return iw[i] }
	for len(k.pos) < order {
		k.pos = append(k.pos, -1)
	}
	ek.S, ek.M = grow(ek.S, order), grow(ek.M, order)
	k.S, k.M = ek.S, ek.M
	k.fillStrengths(k.S, k.M)
	k.compute(int32(n), st, withBetweenness)
}

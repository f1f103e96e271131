package measures

import (
	"math"
	"slices"

	"github.com/sociogram/sociogram/internal/csr"
	"github.com/sociogram/sociogram/network"
)

// kernel computes the structural measures of one node of a *network.Graph
// at a time, reusing its scratch space, so that all nodes of a large graph
// can be done without allocation in the loop. A kernel is not safe for
// concurrent use; AllNodes gives each worker its own.
//
// Notation: N(i) is the set of neighbours of i, in- and
// out-neighbours together, self excluded; a_jk is the weight of the arc
// j→k (or of the edge j–k) and 0 if there is none; mw(j,k) = a_jk + a_kj is
// the mutual weight; S_j = Σ_k mw(j,k) and M_j = max_k mw(j,k) over N(j).
// For an undirected graph mw(j,k) is counted once (= a_jk); the factor 2 of
// a_jk + a_kj cancels in every ratio below.
type kernel struct {
	g        *network.Graph
	directed bool
	off, in  []int
	adj, iad []int32
	w        func(k int) float64 // weight of out-row entry k
	iw       func(k int) float64 // weight of in-row entry k
	// S and M hold every node's sum and max of mutual weights, and pos
	// maps every node to its local index in N(i) (or −1), when the kernel
	// runs over all nodes. A local kernel (newLocalKernel) leaves them nil
	// and computes the strengths of i and its alters on demand and finds
	// local indices by binary search in nb, so that one node costs only
	// its 2-hop neighbourhood.
	S, M []float64
	pos  []int32

	nb      []int32   // N(i), sorted global indices
	p       []float64 // p_ij per local j
	sl, ml  []float64 // S_j and M_j per local j
	scaled  []bool    // sl[j] holds Σ mw/M_j: S_j itself overflows
	loff    []int32   // local alter–alter adjacency (undirected sense)
	ladj    []int32
	lout    []int32 // local out-adjacency (directed) offsets in loutOff
	loutOff []int32
	toEgo   []bool // directed: arc j→i
	fromEgo []bool // directed: arc i→j
	acc     []float64
	dist    []int32   // directed ego betweenness: BFS distances
	sigma   []float64 // and shortest-path counts
	queue   []int32
	cnt     []int32
	touched []int32
	mark    []bool
	uf      []int32
}

// Stats holds the structural measures of one ego (one node). Integer
// counts are float64 so that every measure has the same type; undefined
// values are NaN. The fields are documented by the functions of the same
// name (Size, Ties, Density, ...); the two normalised
// fields are:
//
//	EgoBetweennessNorm = EgoBetweenness / P   (Everett & Borgatti 2005: the star's value is the maximum)
//	BrokerageNorm      = Brokerage / P        (share of alter pairs not directly tied)
//
// with P = n(n−1)/2 alter pairs, or n(n−1) ordered pairs when directed;
// both NaN when n < 2.
type Stats struct {
	Size, Ties, Density, Components, Isolates             float64
	EffectiveSize, Efficiency, Constraint, Hierarchy      float64
	EgoBetweenness, EgoBetweennessNorm                    float64
	Brokerage, BrokerageNorm, WeightedDensity, Redundancy float64
}

// newLocalKernel returns a kernel for one node at a time whose set-up and
// per-node cost do not depend on the order of g.
func newLocalKernel(g *network.Graph) *kernel {
	c := csr.Of(g)
	return &kernel{g: g, directed: g.Directed(), off: c.Out.Off, adj: c.Out.Adj, in: c.In.Off, iad: c.In.Adj,
		w: weightFunc(c.Out.W32, c.Out.W64), iw: weightFunc(c.In.W32, c.In.W64)}
}

// newKernel returns a kernel for running over all nodes of g, with every
// node's strengths (computed when S is nil) and a dense local index.
func newKernel(g *network.Graph, S, M []float64) *kernel {
	c := csr.Of(g)
	off, adj, w32, w64 := c.Out.Off, c.Out.Adj, c.Out.W32, c.Out.W64
	in, iad, iw32, iw64 := c.In.Off, c.In.Adj, c.In.W32, c.In.W64
	k := &kernel{g: g, directed: g.Directed(), off: off, adj: adj, in: in, iad: iad,
		w: weightFunc(w32, w64), iw: weightFunc(iw32, iw64), S: S, M: M}
	k.pos = make([]int32, g.Order())
	for i := range k.pos {
		k.pos[i] = -1
	}
	if S == nil {
		k.S, k.M = strengths(k)
	}
	return k
}

func weightFunc(w32 []float32, w64 []float64) func(int) float64 {
	switch {
	case w32 != nil:
		return func(k int) float64 { return float64(w32[k]) }
	case w64 != nil:
		return func(k int) float64 { return w64[k] }
	}
	return func(int) float64 { return 1 }
}

// strengths returns S and M for every node.
func strengths(k *kernel) ([]float64, []float64) {
	n := k.g.Order()
	S, M := make([]float64, n), make([]float64, n)
	k.fillStrengths(S, M)
	return S, M
}

// fillStrengths sets S[v] and M[v], the sum and the largest of v's mutual
// weights, for every node v < len(S); S and M must be zero.
func (k *kernel) fillStrengths(S, M []float64) {
	for v := range S {
		S[v], M[v] = k.strength(int32(v))
	}
}

// strength returns the sum and the largest of v's mutual weights, summed
// in row order (the same bits wherever it is called).
func (k *kernel) strength(v int32) (s, m float64) {
	k.mutualRow(v, func(_ int32, mw float64) {
		s += mw
		if mw > m {
			m = mw
		}
	})
	return s, m
}

// local returns the local index of node q in N(i), or −1.
func (k *kernel) local(q int32) int32 {
	if k.pos != nil {
		return k.pos[q]
	}
	if i, ok := slices.BinarySearch(k.nb, q); ok {
		return int32(i)
	}
	return -1
}

// mutualRow calls fn for each neighbour q of v (sorted, self excluded) with
// the mutual weight mw(v,q), merging the out- and in-rows when directed.
func (k *kernel) mutualRow(v int32, fn func(q int32, mw float64)) {
	lo, hi := k.off[v], k.off[v+1]
	if !k.directed {
		for e := lo; e < hi; e++ {
			fn(k.adj[e], k.w(e))
		}
		return
	}
	ilo, ihi := k.in[v], k.in[v+1]
	a, b := lo, ilo
	for a < hi || b < ihi {
		switch {
		case b >= ihi || (a < hi && k.adj[a] < k.iad[b]):
			fn(k.adj[a], k.w(a))
			a++
		case a >= hi || k.iad[b] < k.adj[a]:
			fn(k.iad[b], k.iw(b))
			b++
		default:
			fn(k.adj[a], k.w(a)+k.iw(b))
			a++
			b++
		}
	}
}

// compute fills st with the measures of node i. With brokerageOnly false
// the ego betweenness (the costliest part) is computed too.
func (k *kernel) compute(i int32, st *Stats, withBetweenness bool) {
	*st = Stats{}
	// N(i) and p_ij.
	k.nb = k.nb[:0]
	k.p = k.p[:0]
	k.toEgo, k.fromEgo = k.toEgo[:0], k.fromEgo[:0]
	var si float64
	if k.S != nil {
		si = k.S[i]
	} else {
		si, _ = k.strength(i)
	}
	k.mutualRow(i, func(q int32, mw float64) {
		if k.pos != nil {
			k.pos[q] = int32(len(k.nb))
		}
		k.nb = append(k.nb, q)
		p := 0.0
		if si > 0 {
			p = mw / si
		}
		k.p = append(k.p, p)
	})
	if math.IsInf(si, 1) {
		k.rescaleP(i)
	}
	n := len(k.nb)
	if k.pos != nil {
		defer func() {
			for _, q := range k.nb {
				k.pos[q] = -1
			}
		}()
	}
	// S_j and M_j of each alter: looked up, or summed from its row.
	k.sl, k.ml = grow(k.sl, n), grow(k.ml, n)
	for j, q := range k.nb {
		if k.S != nil {
			k.sl[j], k.ml[j] = k.S[q], k.M[q]
		} else {
			k.sl[j], k.ml[j] = k.strength(q)
		}
	}
	// An alter whose finite weights sum beyond float64: keep Σ mw/M_j
	// instead, and divide mw by M_j before using it (issue 18 item 16).
	k.scaled = k.scaled[:0]
	for j, q := range k.nb {
		if !math.IsInf(k.sl[j], 1) {
			continue
		}
		if len(k.scaled) == 0 {
			k.scaled = append(k.scaled, make([]bool, n)...)
		}
		var ss float64
		k.mutualRow(q, func(_ int32, mw float64) { ss += mw / k.ml[j] })
		k.sl[j], k.scaled[j] = ss, true
	}
	if k.directed {
		for range n {
			k.toEgo = append(k.toEgo, false)
			k.fromEgo = append(k.fromEgo, false)
		}
		for e := k.off[i]; e < k.off[i+1]; e++ {
			k.fromEgo[k.local(k.adj[e])] = true
		}
		for e := k.in[i]; e < k.in[i+1]; e++ {
			k.toEgo[k.local(k.iad[e])] = true
		}
	}
	st.Size = float64(n)

	// One scan of each alter's neighbourhood gives the local adjacency and
	// Burt's sums: indirect_j = Σ_q p_iq p_qj and red_j = Σ_q p_iq m_jq over
	// q ∈ N(i) ∩ N(j), where p_qj = mw(q,j)/S_q and m_jq = mw(j,q)/M_j.
	k.loff = append(k.loff[:0], 0)
	k.ladj = k.ladj[:0]
	var ties, wsum float64
	var constraint, effSize float64
	k.acc = grow(k.acc, n) // dyadic constraint c_ij per alter, for hierarchy
	for j := 0; j < n; j++ {
		gj := k.nb[j]
		var indirect, red float64
		mj := k.ml[j]
		k.mutualRow(gj, func(q int32, mw float64) {
			lq := k.local(q)
			if lq < 0 {
				return
			}
			k.ladj = append(k.ladj, lq)
			if sq := k.sl[lq]; sq > 0 {
				if len(k.scaled) > 0 && k.scaled[lq] {
					indirect += k.p[lq] * (mw / k.ml[lq]) / sq
				} else {
					indirect += k.p[lq] * mw / sq
				}
			}
			if mj > 0 {
				red += k.p[lq] * mw / mj
			}
		})
		k.loff = append(k.loff, int32(len(k.ladj)))
		c := k.p[j] + indirect
		k.acc[j] = c * c
		constraint += c * c
		effSize += 1 - red
	}
	// Ties among alters (arcs when directed) and their weight.
	if k.directed {
		k.loutOff = append(k.loutOff[:0], 0)
		k.lout = k.lout[:0]
		for j := 0; j < n; j++ {
			gj := k.nb[j]
			for e := k.off[gj]; e < k.off[gj+1]; e++ {
				if lq := k.local(k.adj[e]); lq >= 0 {
					k.lout = append(k.lout, lq)
					ties++
					wsum += k.w(e)
				}
			}
			k.loutOff = append(k.loutOff, int32(len(k.lout)))
		}
	} else {
		for j := 0; j < n; j++ {
			gj := k.nb[j]
			for e := k.off[gj]; e < k.off[gj+1]; e++ {
				if lq := k.local(k.adj[e]); lq > int32(j) {
					ties++
					wsum += k.w(e)
				}
			}
		}
	}
	st.Ties = ties
	pairs := float64(n) * float64(n-1)
	if !k.directed {
		pairs /= 2
	}

	st.Brokerage = pairs - ties
	if n >= 2 {
		st.Density = ties / pairs
		st.WeightedDensity = wsum / pairs
		if math.IsInf(wsum, 1) {
			st.WeightedDensity = k.scaledTieWeights(pairs)
		}
		st.BrokerageNorm = st.Brokerage / pairs
	} else {
		st.Density, st.WeightedDensity, st.BrokerageNorm = math.NaN(), math.NaN(), math.NaN()
	}
	// Components and isolates among alters.
	k.uf = grow32(k.uf, n)
	for j := range n {
		k.uf[j] = int32(j)
	}
	comps := n
	for j := 0; j < n; j++ {
		deg := k.loff[j+1] - k.loff[j]
		if deg == 0 {
			st.Isolates++
		}
		for _, q := range k.ladj[k.loff[j]:k.loff[j+1]] {
			if a, b := find(k.uf, int32(j)), find(k.uf, q); a != b {
				k.uf[a] = b
				comps--
			}
		}
	}
	st.Components = float64(comps)
	// Burt's measures.
	if n == 0 {
		st.EffectiveSize, st.Efficiency, st.Constraint, st.Hierarchy, st.Redundancy = nan, nan, nan, nan, nan
	} else {
		st.EffectiveSize = effSize
		st.Efficiency = effSize / float64(n)
		st.Redundancy = float64(n) - effSize
		st.Constraint = constraint
		st.Hierarchy = hierarchy(k.acc[:n], constraint)
	}
	if withBetweenness {
		st.EgoBetweenness = k.egoBetweenness()
		if n >= 2 {
			st.EgoBetweennessNorm = st.EgoBetweenness / pairs
		} else {
			st.EgoBetweennessNorm = nan
		}
	}
}

var nan = math.NaN()

// scaledTieWeights is the weighted density Σw/pairs of the ties among the
// alters, summed as Σ(w/pairs) so that it does not overflow where the
// plain sum did.
func (k *kernel) scaledTieWeights(pairs float64) float64 {
	var s float64
	for j, gj := range k.nb {
		for e := k.off[gj]; e < k.off[gj+1]; e++ {
			if lq := k.local(k.adj[e]); lq >= 0 && (k.directed || lq > int32(j)) {
				s += k.w(e) / pairs
			}
		}
	}
	return s
}

// rescaleP recomputes p_ij when ego i's weights are finite but their sum
// overflows float64 (two weights of 1.7e308): p_ij = (mw_ij/M) / Σ_q
// (mw_iq/M), M the largest mutual weight, which cannot overflow (issue 18
// item 16). Only this case pays for the second pass.
func (k *kernel) rescaleP(i int32) {
	_, m := k.strength(i)
	var s float64
	k.mutualRow(i, func(_ int32, mw float64) { s += mw / m })
	j := 0
	k.mutualRow(i, func(_ int32, mw float64) {
		k.p[j] = mw / m / s
		j++
	})
}

// hierarchy is Burt's hierarchy from the dyadic constraints c and their sum.
func hierarchy(c []float64, total float64) float64 {
	n := float64(len(c))
	if len(c) < 2 || total <= 0 {
		return nan
	}
	var h float64
	for _, cij := range c {
		r := cij / (total / n)
		if r > 0 {
			h += r * math.Log(r)
		}
	}
	// Rounding can leave −4e−17 where the value is 0 (13 equal dyadic
	// constraints); the measure is within [0, 1].
	return min(max(h/(n*math.Log(n)), 0), 1)
}

// egoBetweenness uses the local adjacency built by compute.
func (k *kernel) egoBetweenness() float64 {
	n := len(k.nb)
	if n < 2 {
		return 0
	}
	k.cnt = grow32(k.cnt, n)
	k.mark = growBool(k.mark, n)
	var sum float64
	if !k.directed {
		// Undirected: each unordered non-adjacent pair {j,l}, j < l, adds
		// 1/(1 + c_jl), c_jl = number of alters tied to both.
		for j := 0; j < n; j++ {
			k.touched = k.touched[:0]
			for _, q := range k.ladj[k.loff[j]:k.loff[j+1]] {
				k.mark[q] = true
				for _, l := range k.ladj[k.loff[q]:k.loff[q+1]] {
					if int(l) > j {
						if k.cnt[l] == 0 {
							k.touched = append(k.touched, l)
						}
						k.cnt[l]++
					}
				}
			}
			adjAbove := 0
			for _, q := range k.ladj[k.loff[j]:k.loff[j+1]] {
				if int(q) > j {
					adjAbove++
				}
			}
			nonAdj := n - 1 - j - adjAbove
			for _, l := range k.touched {
				if !k.mark[l] {
					sum += 1/float64(1+k.cnt[l]) - 1
				}
			}
			sum += float64(nonAdj)
			for _, l := range k.touched {
				k.cnt[l] = 0
			}
			for _, q := range k.ladj[k.loff[j]:k.loff[j+1]] {
				k.mark[q] = false
			}
		}
		return sum
	}
	return k.directedEgoBetweenness()
}

// directedEgoBetweenness is the betweenness of the ego in its directed ego
// network (Everett & Borgatti 2005 define ego betweenness as the ego's
// betweenness within its ego network; networkx computes the same with
// betweenness_centrality(ego_graph(G, i, undirected=True),
// normalized=False)[i]). In a directed ego network a shortest path through
// the ego may be longer than 2 (j→x→i→l when there is no arc j→i), so the
// 2-path formula of the undirected case does not apply. With d and σ the
// distance and number of shortest paths within the ego network, every
// ordered pair of alters (s,t) adds
//
//	σ(s,i)·σ(i,t) / σ(s,t)   when d(s,i) + d(i,t) = d(s,t)
//
// One breadth-first search from the ego and one from each alter:
// O(n·(n + t)) for n alters and t arcs among them.
func (k *kernel) directedEgoBetweenness() float64 {
	n := len(k.nb)
	ego := int32(n)
	k.dist = grow32(k.dist, 2*(n+1))
	k.sigma = grow(k.sigma, 2*(n+1))
	fromEgoD, toD := k.dist[:n+1], k.dist[n+1:]
	fromEgoS, toS := k.sigma[:n+1], k.sigma[n+1:]
	k.bfs(ego, fromEgoD, fromEgoS)
	var sum float64
	for s := int32(0); s < ego; s++ {
		if !k.toEgo[s] && k.loutOff[s+1] == k.loutOff[s] {
			continue // s reaches nothing
		}
		k.bfs(s, toD, toS)
		dsi, ssi := toD[ego], toS[ego]
		if dsi < 0 {
			continue
		}
		for t := int32(0); t < ego; t++ {
			if t == s || toD[t] < 0 || fromEgoD[t] < 0 {
				continue
			}
			if dsi+fromEgoD[t] == toD[t] {
				sum += ssi * fromEgoS[t] / toS[t]
			}
		}
	}
	return sum
}

// bfs fills dist (−1 when unreachable) and sigma (number of shortest paths)
// from local node src over the directed ego network: alters 0..n−1 with
// their arcs in lout, the ego n with arcs to the alters in fromEgo and from
// those in toEgo.
func (k *kernel) bfs(src int32, dist []int32, sigma []float64) {
	n := int32(len(k.nb))
	for v := range dist {
		dist[v] = -1
		sigma[v] = 0
	}
	dist[src], sigma[src] = 0, 1
	q := append(k.queue[:0], src)
	visit := func(u, v int32) {
		switch {
		case dist[v] < 0:
			dist[v] = dist[u] + 1
			sigma[v] = sigma[u]
			q = append(q, v)
		case dist[v] == dist[u]+1:
			sigma[v] += sigma[u]
		}
	}
	for h := 0; h < len(q); h++ {
		u := q[h]
		if u == n {
			for v := int32(0); v < n; v++ {
				if k.fromEgo[v] {
					visit(u, v)
				}
			}
			continue
		}
		for _, v := range k.lout[k.loutOff[u]:k.loutOff[u+1]] {
			visit(u, v)
		}
		if k.toEgo[u] {
			visit(u, n)
		}
	}
	k.queue = q
}

func find(uf []int32, x int32) int32 {
	for uf[x] != x {
		uf[x] = uf[uf[x]]
		x = uf[x]
	}
	return x
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

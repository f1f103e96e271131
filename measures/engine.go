package measures

import (
	"context"
	"math"
	"runtime"

	"github.com/sociogram/sociogram/internal/csr"
	"github.com/sociogram/sociogram/network"
)

// engine computes the structural measures of every node of an undirected
// graph (weighted or not) from its triangles. It is the fast path of
// AllNodes; the per-ego kernel is the reference it must agree with.
//
// Method. Nodes are ranked by (degree, index). Each node j keeps an
// oriented row N⁺(j) of the neighbours ranked above it (the "forward"
// orientation of Schank & Wagner 2005, doi:10.1007/11427186_54; Chiba &
// Nishizeki 1985, doi:10.1137/0214017). For an ego i with its alters
// marked, scanning N⁺(j) for every alter j finds every triangle i–j–q
// exactly once (from the lower-ranked of its two alters j, q); over all
// egos a triangle is found three times, once for each of its nodes, which
// keeps every ego's work, and so its summation order, to itself. In an
// undirected graph every term of Burt's sums that is not the direct tie
// runs over such triangles:
//
//	indirect_ij = Σ_{q∈N(i)∩N(j)} p_iq p_qj        (constraint)
//	red_ij      = Σ_{q∈N(i)∩N(j)} p_iq m_jq        (effective size)
//
// so one triangle i–j–q adds p_iq·w_jq/S_q and p_ij·w_jq/S_j to the two
// indirect accumulators of the ego's edge slots (i,j) and (i,q), and
// p_iq·w_jq/M_j and p_ij·w_jq/M_q to the two redundancy accumulators. The
// same triangles give the ties among alters (one per triangle), their
// weight, the components and isolates among alters (union–find on the
// triangles' alter pairs), and the local adjacency from which ego
// betweenness counts the 2-paths between alters.
//
// Cost: Σ_j deg(j)·deg⁺(j) over all nodes, the same as the forward
// triangle listing, O(m^1.5) in the worst case and far less than the
// kernel's Σ_j deg(j)² on graphs with hubs, plus Σ_i Σ_{x∈N(i)} t_ix² for
// ego betweenness (t_ix = triangles on edge i–x). Each ego's sums are made
// by one goroutine in a fixed order, so results do not depend on the
// number of workers. Memory: 4 bytes per edge and 20 bytes per node for the
// oriented rows, their offsets (32-bit: fewer than 2³² oriented edges) and
// the reciprocal strengths (8 bytes per edge and per node more when
// weighted), plus 4.125 bytes per node of scratch per worker.
type engine struct {
	off  []int
	adj  []int32
	w32  []float32
	w64  []float64
	hadj []int32   // oriented rows: the neighbours ranked above, node by node
	hw   []float64 // their weights; nil when unweighted
	meta []nodeMeta
	invM []float64 // 1/M_v, 0 when M_v = 0; nil when unweighted (1 for every alter)
}

// nodeMeta is what the triangle scan reads of an alter, in 16 bytes: the
// scan jumps from alter to alter, and each separate array would cost a
// cache miss. 1/M_v (M_v: v's largest tie weight) is 1 for every alter of
// an unweighted graph, so only a weighted graph keeps it, in engine.invM.
type nodeMeta struct {
	lo, hi uint32  // its oriented row: hadj[lo:hi]
	invS   float64 // 1/S_v, 0 when S_v = 0 (S_v: sum of v's tie weights)
}

func newEngine(g *network.Graph, workers int) *engine {
	c := csr.Of(g)
	off, adj, w32, w64 := c.Out.Off, c.Out.Adj, c.Out.W32, c.Out.W64
	n := g.Order()
	e := &engine{off: off, adj: adj, w32: w32, w64: w64}
	e.meta = make([]nodeMeta, n)
	weighted := w32 != nil || w64 != nil
	if weighted {
		e.invM = make([]float64, n)
	}
	// rank orders the nodes by (degree, index): a counting sort by degree,
	// stable in index order.
	maxDeg := 0
	for v := 0; v < n; v++ {
		maxDeg = max(maxDeg, off[v+1]-off[v])
	}
	first := make([]int32, maxDeg+2)
	for v := 0; v < n; v++ {
		first[off[v+1]-off[v]+1]++
	}
	for d := 1; d < len(first); d++ {
		first[d] += first[d-1]
	}
	rank := make([]int32, n)
	for v := 0; v < n; v++ {
		d := off[v+1] - off[v]
		rank[v] = first[d]
		first[d]++
	}
	// Strengths and the length of each oriented row, node by node.
	parallelRange(n, workers, func(lo, hi int) {
		for u := lo; u < hi; u++ {
			m := &e.meta[u]
			c := 0
			for _, v := range adj[off[u]:off[u+1]] {
				if rank[v] > rank[u] {
					c++
				}
			}
			m.hi = uint32(c)
			if !weighted {
				if d := off[u+1] - off[u]; d > 0 {
					m.invS = 1 / float64(d)
				}
				continue
			}
			var sum, mx float64
			for k := off[u]; k < off[u+1]; k++ {
				x := e.weight(k)
				sum += x
				mx = max(mx, x)
			}
			if math.IsInf(sum, 1) {
				// Finite weights whose sum overflows: 1/sum as
				// (1/mx)/Σ(x/mx) (issue 18 item 16).
				var scaled float64
				for k := off[u]; k < off[u+1]; k++ {
					scaled += e.weight(k) / mx
				}
				m.invS = 1 / mx / scaled
			} else if sum > 0 {
				m.invS = 1 / sum
			}
			if mx > 0 {
				e.invM[u] = 1 / mx
			}
		}
	})
	total := 0
	for u := range e.meta {
		c := int(e.meta[u].hi)
		e.meta[u].lo, e.meta[u].hi = uint32(total), uint32(total+c)
		total += c
	}
	e.hadj = make([]int32, total)
	if weighted {
		e.hw = make([]float64, total)
	}
	parallelRange(n, workers, func(lo, hi int) {
		for u := lo; u < hi; u++ {
			p := int(e.meta[u].lo)
			for k := off[u]; k < off[u+1]; k++ {
				if v := adj[k]; rank[v] > rank[u] {
					e.hadj[p] = v
					if weighted {
						e.hw[p] = e.weight(k)
					}
					p++
				}
			}
		}
	})
	return e
}

// parallelRange calls fn on workers contiguous blocks of 0..n-1 at once
// (0 workers: GOMAXPROCS; at least 4096 indices a block) and waits for
// them, on the pool of forChunks.
func parallelRange(n, workers int, fn func(lo, hi int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n/4096))
	_ = forChunks(context.Background(), n, workers, (n+workers-1)/workers, noState, func(_ struct{}, lo, hi int) { fn(lo, hi) }, nil)
}

func (e *engine) weight(k int) float64 {
	switch {
	case e.w32 != nil:
		return float64(e.w32[k])
	case e.w64 != nil:
		return e.w64[k]
	}
	return 1
}

// scratch is one worker's reusable space; every per-alter slice is indexed
// by the alter's position in the ego's row.
type scratch struct {
	pos      []int32  // node → position in the current ego's row, or -1
	mark     []uint64 // bit set of the current ego's alters: a cache-friendly filter before pos
	p        []float64
	ind, red []float64
	acc      []float64 // dyadic constraint per alter
	ldeg     []int32   // ties of each alter to other alters
	uf       []int32
	pairs    []int32 // alter pairs tied to each other, flattened
	loff     []int32 // local adjacency among alters
	ladj     []int32
	fill     []int32
	cnt      []int32
	seen     []bool
	touched  []int32
}

func newScratch(n int) *scratch {
	s := &scratch{pos: make([]int32, n), mark: make([]uint64, n/64+1)}
	for i := range s.pos {
		s.pos[i] = -1
	}
	return s
}

// compute fills st with the measures of node i.
func (e *engine) compute(s *scratch, i int32, st *Stats, withBetweenness bool) {
	lo, hi := e.off[i], e.off[i+1]
	nb := e.adj[lo:hi]
	n := len(nb)
	*st = Stats{Size: float64(n)}
	s.p = grow(s.p, n)
	s.ind = grow(s.ind, n)
	s.red = grow(s.red, n)
	s.acc = grow(s.acc, n)
	s.ldeg = grow32(s.ldeg, n)
	s.uf = grow32(s.uf, n)
	invSi := e.meta[i].invS
	for a, q := range nb {
		s.pos[q] = int32(a)
		s.mark[q>>6] |= 1 << (q & 63)
		s.p[a] = e.weight(lo+a) * invSi
		s.uf[a] = int32(a)
	}
	s.pairs = s.pairs[:0]
	var wsum, wover float64
	pairs := float64(n) * float64(n-1) / 2
	comps := n
	for a, j := range nb {
		pj := s.p[a]
		mj := &e.meta[j]
		invSj, invMj := mj.invS, 1.0
		if e.invM != nil {
			invMj = e.invM[j]
		}
		for k := mj.lo; k < mj.hi; k++ {
			q := e.hadj[k]
			if s.mark[q>>6]&(1<<(q&63)) == 0 {
				continue // most scanned neighbours are not alters
			}
			b := s.pos[q]
			w := 1.0
			if e.hw != nil {
				w = e.hw[k]
			}
			pq := s.p[b]
			mq := &e.meta[q]
			s.ind[a] += pq * w * mq.invS
			s.red[a] += pq * w * invMj
			s.ind[b] += pj * w * invSj
			if e.invM != nil {
				s.red[b] += pj * w * e.invM[q]
			} else {
				s.red[b] += pj * w
			}
			if t := wsum + w; t <= math.MaxFloat64 {
				wsum = t
			} else {
				wover += w / pairs // the plain sum overflowed: scale the rest
			}
			s.ldeg[a]++
			s.ldeg[b]++
			s.pairs = append(s.pairs, int32(a), b)
			if x, y := find(s.uf, int32(a)), find(s.uf, b); x != y {
				s.uf[x] = y
				comps--
			}
		}
	}
	for _, q := range nb {
		s.pos[q] = -1
		s.mark[q>>6] = 0
	}
	ties := float64(len(s.pairs) / 2)
	st.Ties = ties
	st.Components = float64(comps)
	for a := 0; a < n; a++ {
		if s.ldeg[a] == 0 {
			st.Isolates++
		}
	}
	st.Brokerage = pairs - ties
	if n >= 2 {
		st.Density = ties / pairs
		st.WeightedDensity = wsum / pairs
		if wover > 0 {
			// Finite weights whose sum overflows float64 (issue 18 item
			// 16): the weights past the overflow were divided by the
			// pairs before summing (each term ≤ max weight / pairs, so
			// wover stays finite), the first part is divided now.
			st.WeightedDensity = wsum/pairs + wover
		}
		st.BrokerageNorm = st.Brokerage / pairs
	} else {
		st.Density, st.WeightedDensity, st.BrokerageNorm = nan, nan, nan
	}
	if n == 0 {
		st.EffectiveSize, st.Efficiency, st.Constraint, st.Hierarchy, st.Redundancy = nan, nan, nan, nan, nan
	} else {
		var constraint, effSize float64
		// Unweighted, every alter on no triangle with the ego has the same
		// dyadic constraint, p² = 1/n²: hierarchy takes its logarithm once
		// for all of them (most alters, in sparse graphs).
		plain, lone := e.w32 == nil && e.w64 == nil, 0
		k := 0
		for a := 0; a < n; a++ {
			c := s.p[a] + s.ind[a]
			constraint += c * c
			effSize += 1 - s.red[a]
			if plain && s.ldeg[a] == 0 {
				lone++
			} else {
				s.acc[k] = c * c
				k++
			}
		}
		st.EffectiveSize = effSize
		st.Efficiency = effSize / float64(n)
		st.Redundancy = float64(n) - effSize
		st.Constraint = constraint
		st.Hierarchy = hierarchyGrouped(s.acc[:k], lone, s.p[0]*s.p[0], n, constraint)
	}
	if withBetweenness {
		st.EgoBetweenness = s.egoBetweenness(n)
		if n >= 2 {
			st.EgoBetweennessNorm = st.EgoBetweenness / pairs
		} else {
			st.EgoBetweennessNorm = nan
		}
	}
}

// hierarchyGrouped is hierarchy (kernel.go) for n dyadic constraints given
// as the list c and lone more, each equal to c0:
//
//	hierarchy = Σ_j r_j ln r_j / (n ln n),   r_j = c_ij / (C/n)
//
// NaN when n < 2 or C ≤ 0, as hierarchy.
func hierarchyGrouped(c []float64, lone int, c0 float64, n int, total float64) float64 {
	if n < 2 || total <= 0 {
		return nan
	}
	nf := float64(n)
	mean := total / nf
	var h float64
	for _, cij := range c {
		if r := cij / mean; r > 0 {
			h += r * math.Log(r)
		}
	}
	if r := c0 / mean; lone > 0 && r > 0 {
		h += float64(lone) * r * math.Log(r)
	}
	// Rounding can leave −4e−17 where the value is 0; it is within [0, 1].
	return min(max(h/(nf*math.Log(nf)), 0), 1)
}

// egoBetweenness is Everett & Borgatti's ego betweenness from the alter
// pairs found by compute: every non-adjacent pair of alters {a,b} adds
// 1/(1 + c_ab), c_ab the number of alters tied to both; pairs with no
// common alter add 1 each and are counted, not enumerated, so a hub costs
// the number of 2-paths among its alters, not the square of its degree.
func (s *scratch) egoBetweenness(n int) float64 {
	if n < 2 {
		return 0
	}
	ties := len(s.pairs) / 2
	sum := float64(n)*float64(n-1)/2 - float64(ties)
	if ties < 2 {
		return sum // no 2-path among alters
	}
	s.loff = grow32(s.loff, n+1)
	for a := 0; a < n; a++ {
		s.loff[a+1] = s.loff[a] + s.ldeg[a]
	}
	s.ladj = grow32(s.ladj, 2*ties)
	s.fill = append(s.fill[:0], s.loff[:n]...)
	for k := 0; k < len(s.pairs); k += 2 {
		a, b := s.pairs[k], s.pairs[k+1]
		s.ladj[s.fill[a]] = b
		s.fill[a]++
		s.ladj[s.fill[b]] = a
		s.fill[b]++
	}
	s.cnt = grow32(s.cnt, n)
	s.seen = growBool(s.seen, n)
	for a := 0; a < n; a++ {
		row := s.ladj[s.loff[a]:s.loff[a+1]]
		if len(row) == 0 {
			continue
		}
		s.touched = s.touched[:0]
		for _, x := range row {
			s.seen[x] = true
			for _, b := range s.ladj[s.loff[x]:s.loff[x+1]] {
				if int(b) > a {
					if s.cnt[b] == 0 {
						s.touched = append(s.touched, b)
					}
					s.cnt[b]++
				}
			}
		}
		for _, b := range s.touched {
			if !s.seen[b] {
				sum += 1/float64(1+s.cnt[b]) - 1
			}
			s.cnt[b] = 0
		}
		for _, x := range row {
			s.seen[x] = false
		}
	}
	return sum
}

// forEachNode runs fn(worker, v) for every node v on workers goroutines,
// in chunks taken in index order (the pool of forChunks), and stops early
// when ctx is cancelled. Each worker gets its own state from newState.
func forEachNode[S any](ctx context.Context, n, workers int, newState func() S, fn func(S, int), progress func(done, total int)) error {
	return forChunks(ctx, n, workers, chunk, newState, func(st S, lo, hi int) {
		for v := lo; v < hi; v++ {
			fn(st, v)
		}
	}, progress)
}

// chunk is the number of nodes a worker takes at a time: small enough to
// balance hubs across workers and to notice cancellation quickly.
const chunk = 256

package measures

import (
	"github.com/sociogram/sociogram/network"
)

// Structural returns every structural measure of node ego of g in one pass
// (see Stats and the package overview for definitions). Burt's measures use
// the whole-network model: p and m are normalised over each node's full
// neighbourhood in g, as networkx and igraph do. For a survey ego network,
// use Of, which applies this to the ego graph (the ego tied to every alter).
//
// Cost: only ego's 2-hop neighbourhood, whatever the size of g:
// O(Σ_{j∈N(i)} deg(j) · log n) for the measures (Burt's normalisers S_j
// and M_j of each alter are summed from its row on demand; an alter's
// neighbours are matched against N(i) by binary search) and
// O(Σ_{j∈N(i)} d_j²) for the ego betweenness, d_j being j's degree among
// the alters; memory O(n + t) for n alters and t ties among them. The
// per-measure functions below (Size, Density, ...) each call Structural,
// so call Structural once when you need several. For every node use
// AllNodes or NodeTable, which compute each strength once and share the
// work between nodes.
func Structural(g *network.Graph, ego int) Stats {
	var st Stats
	newLocalKernel(g).compute(int32(ego), &st, true)
	return st
}

// Of returns the structural measures of a survey ego network: Structural
// on e.Graph() at the ego. The ego is tied to every alter (weight = the
// alter's Weight); alter–alter ties count by presence except in Burt's
// measures, which use their weights.
//
// It does not build e.Graph(): the ego graph is laid out in scratch space
// reused across calls (safe for concurrent use), with the same rows and
// weights, so the result is bit-for-bit that of Structural(e.Graph(),
// e.EgoNode()). Cost as Structural on the ego graph, O(n + t) memory.
func Of(e *network.EgoNet) Stats { return of(e, true) }

// of is Of, computing the ego betweenness only when withBetweenness is
// true (a BFS per alter for directed data: EgoTable asks for it only when
// a betweenness column is requested, issue 18 item 9).
func of(e *network.EgoNet, withBetweenness bool) Stats {
	var st Stats
	if !canonicalTies(e) {
		newLocalKernel(e.Graph()).compute(int32(e.EgoNode()), &st, withBetweenness)
		return st
	}
	ek := egoKernels.Get().(*egoKernel)
	defer egoKernels.Put(ek)
	ek.of(e, &st, withBetweenness)
	return st
}

// Size is the number of alters, n = |N(i)| (in- and out-neighbours
// together for directed data, self excluded; a tie of weight 0 counts).
// Never undefined: 0 for an isolated node or an ego who named nobody.
// Agrees with len(set(nx.all_neighbors(G, i)) - {i}) (networkx 2.8.8). Cost as Structural (it computes every measure;
// call Structural once when you need several).
func Size(g *network.Graph, ego int) float64 { return Structural(g, ego).Size }

// Ties is the number of ties among the alters of ego, ego's own ties
// excluded (arcs when directed), counted by presence:
//
//	ties = |{ {j,k} : j,k ∈ N(i), j–k }|     (undirected)
//	ties = |{ (j,k) : j,k ∈ N(i), j→k }|     (directed)
//
// Never undefined (0 when n < 2). Agrees with networkx
// G.subgraph(N).number_of_edges() (networkx 2.8.8).
// Cost as Structural.
func Ties(g *network.Graph, ego int) float64 { return Structural(g, ego).Ties }

// Density is the share of possible alter–alter ties that are present:
//
//	density = ties / (n(n−1)/2)     (undirected)
//	density = ties / (n(n−1))       (directed)
//
// Alters only (the ego's ties excluded), ties by presence. NaN when
// n < 2 (networkx's density returns 0 there). Agrees with networkx
// density(G.subgraph(N)) (networkx 2.8.8) and equals
// igraph's transitivity_local_undirected for undirected simple graphs
// (both count ties among the neighbours). Cost as Structural. Wasserman,
// S. & Faust, K. (1994). Social Network Analysis. Cambridge University
// Press. doi:10.1017/CBO9780511815478.
func Density(g *network.Graph, ego int) float64 { return Structural(g, ego).Density }

// WeightedDensity is the sum of alter–alter tie weights divided by the
// number of possible ties (n(n−1)/2, or n(n−1) directed), as egor's
// ego_density(weight = ...) (egor R/density.R, which expects weights in
// [0, 1]; we accept any non-negative weight, so the value can exceed 1).
// Alters only. NaN when n < 2. Cost as Structural.
func WeightedDensity(g *network.Graph, ego int) float64 {
	return Structural(g, ego).WeightedDensity
}

// Components is the number of weak components among the alters once the
// ego is removed (ties by presence; an alter with no tie to another alter
// is a component of its own). 0 when there are no alters. Agrees with
// networkx number_connected_components (number_weakly_connected_components
// when directed) of G.subgraph(N) (networkx 2.8.8).
// Cost as Structural.
func Components(g *network.Graph, ego int) float64 { return Structural(g, ego).Components }

// Isolates is the number of alters with no tie to another alter, in
// either direction (ties by presence). Never undefined (0 when n = 0).
// Agrees with networkx number_of_isolates(G.subgraph(N)) (networkx 2.8.8). Cost as Structural.
func Isolates(g *network.Graph, ego int) float64 { return Structural(g, ego).Isolates }

// EffectiveSize is Burt's (1992) effective size, the number of alters less
// their redundancy:
//
//	effective_size(i) = Σ_{j∈N(i)} [1 − Σ_{q∈N(i), q≠j} p_iq m_jq]
//	p_iq = mw(i,q) / Σ_k mw(i,k),   m_jq = mw(j,q) / max_k mw(j,k)
//	mw(u,v) = a_uv + a_vu
//
// For an unweighted undirected graph this equals n − 2t/n, t = ties
// (Borgatti 1997, Connections 20(1):35–38). Whole-network model: p and m
// are normalised over each node's full neighbourhood in g. NaN when n = 0.
// Agrees with networkx effective_size (tested against networkx 2.8.8 to
// 1e-9), except that networkx gives NaN to a directed
// node with in-arcs only, which has alters here. Cost as Structural.
// Burt, R. S. (1992). Structural Holes. Harvard University Press (no DOI).
func EffectiveSize(g *network.Graph, ego int) float64 { return Structural(g, ego).EffectiveSize }

// Efficiency is Burt's (1992) efficiency, the share of the alters that are
// non-redundant:
//
//	efficiency = EffectiveSize / n
//
// Scope as EffectiveSize. NaN when n = 0. networkx 2.8.8 has no
// efficiency function; it equals networkx effective_size divided by the
// number of alters. Cost as Structural.
func Efficiency(g *network.Graph, ego int) float64 { return Structural(g, ego).Efficiency }

// Constraint is Burt's (1992) aggregate constraint:
//
//	constraint(i) = Σ_{j∈N(i)} c_ij,   c_ij = (p_ij + Σ_{q∈N(i), q≠j} p_iq p_qj)²
//
// with p as in EffectiveSize. A triangle gives 1.125 to each node; the
// centre of a star with n leaves 1/n. Whole-network model, weights used.
// NaN when n = 0. Agrees with networkx constraint and igraph constraint
// (tested against networkx 2.8.8 and python-igraph 0.10.2 to 1e-9). Cost as Structural. Burt (1992), as EffectiveSize.
func Constraint(g *network.Graph, ego int) float64 { return Structural(g, ego).Constraint }

// Hierarchy is Burt's (1992) hierarchy, how much of the constraint on ego
// is concentrated on one alter:
//
//	hierarchy(i) = Σ_j r_j ln r_j / (n ln n),   r_j = c_ij / (C/n)
//
// with c_ij the dyadic constraint and C = Constraint (terms with r_j = 0
// count 0). 0 when the constraint is spread evenly; NaN when n < 2 or C = 0
// (every tie of the ego has weight 0). No reference tool computes it; the
// tests check hand derivations. Cost as Structural.
func Hierarchy(g *network.Graph, ego int) float64 { return Structural(g, ego).Hierarchy }

// Redundancy is Burt's redundancy of ego's contacts (Borgatti 1997):
//
//	redundancy = n − EffectiveSize = Σ_j Σ_{q∈N(i), q≠j} p_iq m_jq
//
// Scope as EffectiveSize. NaN when n = 0. Its complement, effective size,
// is tested against networkx 2.8.8. Cost as Structural.
func Redundancy(g *network.Graph, ego int) float64 { return Structural(g, ego).Redundancy }

// EgoBetweenness is Everett & Borgatti's (2005) ego betweenness, the
// betweenness of the ego within its own ego network (ties by presence):
//
//	undirected: Σ over unordered pairs {j,k} of non-adjacent alters of 1/(1 + c_jk)
//	directed:   Σ over ordered pairs (j,k) of alters with d(j,i) + d(i,k) = d(j,k)
//	            of σ(j,i)·σ(i,k)/σ(j,k)
//
// where c_jk is the number of alters tied to both j and k, and d and σ are
// distances and numbers of shortest paths within the directed ego network.
// In the undirected case every geodesic through the ego has length 2, so
// the first line is the whole betweenness (Everett & Borgatti's A²[1−A]
// algorithm). In the directed case a geodesic through the ego can be
// longer (j→x→i→k when there is no arc j→i), so it is computed by one
// breadth-first search per alter, O(n·(n + t)).
//
// 0 when n < 2. A star with n leaves gives n(n−1)/2. It equals networkx's
// betweenness_centrality(ego_graph(G, i, undirected=True),
// normalized=False)[i] (tested against networkx 2.8.8 on undirected,
// directed and weighted graphs). Everett, M. & Borgatti, S. P. (2005). Ego
// network betweenness. Social Networks 27(1):31–38.
// doi:10.1016/j.socnet.2004.11.007.
func EgoBetweenness(g *network.Graph, ego int) float64 { return Structural(g, ego).EgoBetweenness }

// LocalConstraint is Burt's dyadic constraint of j on i,
//
//	c_ij = (p_ij + Σ_{q∈N(i), q≠j} p_iq p_qj)²
//
// whole-network model, p as in EffectiveSize. It agrees with networkx
// local_constraint(G, i, j, weight) for every neighbour j (tested against
// networkx 2.8.8 on undirected, directed and weighted graphs); Constraint
// is its sum over N(i). 0 when j is not a neighbour of i (networkx would
// still add the indirect terms). Cost O(Σ_{q∈N(i)} deg(q)), i's 2-hop
// neighbourhood, whatever the order of g.
func LocalConstraint(g *network.Graph, i, j int) float64 {
	k := newLocalKernel(g) // strengths computed below, as needed
	p := func(u, v int32) float64 {
		var x, sum float64
		k.mutualRow(u, func(q int32, mw float64) {
			sum += mw
			if q == v {
				x = mw
			}
		})
		if sum == 0 {
			return 0
		}
		return x / sum
	}
	c := p(int32(i), int32(j))
	_, ij := g.EdgeWeight(i, j)
	_, ji := g.EdgeWeight(j, i)
	if c == 0 && !ij && !ji {
		return 0
	}
	var si float64 // i's strength, the denominator of every p_iq
	k.mutualRow(int32(i), func(_ int32, mw float64) { si += mw })
	k.mutualRow(int32(i), func(q int32, mw float64) {
		if q != int32(j) && si > 0 {
			c += mw / si * p(q, int32(j))
		}
	})
	return c * c
}

func init() {
	structural := []struct {
		name  string
		order int
		stat  func(*Stats) float64
	}{
		{"size", 1, func(s *Stats) float64 { return s.Size }},
		{"ties", 2, func(s *Stats) float64 { return s.Ties }},
		{"density", 3, func(s *Stats) float64 { return s.Density }},
		{"components", 4, func(s *Stats) float64 { return s.Components }},
		{"isolates", 5, func(s *Stats) float64 { return s.Isolates }},
		{"effective_size", 6, func(s *Stats) float64 { return s.EffectiveSize }},
		{"efficiency", 7, func(s *Stats) float64 { return s.Efficiency }},
		{"constraint", 8, func(s *Stats) float64 { return s.Constraint }},
		{"hierarchy", 9, func(s *Stats) float64 { return s.Hierarchy }},
		{"ego_betweenness", 10, func(s *Stats) float64 { return s.EgoBetweenness }},
		{"brokerage", 11, func(s *Stats) float64 { return s.Brokerage }},
		{"weighted_density", 0, func(s *Stats) float64 { return s.WeightedDensity }},
		{"redundancy", 0, func(s *Stats) float64 { return s.Redundancy }},
		{"ego_betweenness_norm", 0, func(s *Stats) float64 { return s.EgoBetweennessNorm }},
		{"brokerage_norm", 0, func(s *Stats) float64 { return s.BrokerageNorm }},
	}
	for _, m := range structural {
		define(definition{name: m.name, arg: argNone, order: m.order, stat: m.stat,
			betweenness: m.name == "ego_betweenness" || m.name == "ego_betweenness_norm"})
	}
}

// Brokerage is the number of pairs of alters not directly tied, the pairs
// the ego can broker (UCINET's ego-network "Broker" count; Burt 1992):
//
//	brokerage = n(n−1)/2 − ties        (undirected)
//	brokerage = n(n−1) − arcs          (directed: ordered pairs without an arc)
//
// counted by presence. 0 when n < 2. Stats.BrokerageNorm divides it by the
// number of pairs. Cost as Structural.
func Brokerage(g *network.Graph, ego int) float64 { return Structural(g, ego).Brokerage }

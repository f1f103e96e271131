package network

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/graph"
)

// Graph is a compact, immutable, index-based graph (compressed sparse rows)
// for whole networks. Nodes are numbered 0..Order()-1; that number is the
// gonum node ID. Each node's neighbours are stored sorted, so an adjacency
// test is a binary search.
//
// Storage: an undirected edge is stored once in each endpoint's row as a
// 4-byte index (8 bytes per edge); a directed arc once in the out-rows and once
// in the in-rows (8 bytes per arc). Weights, when the graph is weighted, are
// kept as float32 per row entry (8 bytes per edge) when every weight is exactly
// representable in float32, and as float64 (16 bytes per edge) otherwise, so
// weights are never rounded. Node storage is 8 bytes for the row offset plus
// the label.
//
// Graph implements graph.Undirected or graph.Directed (by Directed()) and
// graph.Weighted (an unweighted graph has weight 1 on every edge). For
// gonum's path algorithms the weight is a distance; for community and layout
// algorithms a strength.
type Graph struct {
	directed bool
	weighted bool

	off []int   // len n+1; out-rows when directed
	adj []int32 // neighbour indices, sorted within each row
	w32 []float32
	w64 []float64

	inOff []int // directed only
	inAdj []int32
	inW32 []float32
	inW64 []float64

	labels []string
	index  map[string]int32

	attrs      *Schema
	nodeValues []Attrs // per node; nil when no attributes
}

// Order returns the number of nodes.
func (g *Graph) Order() int { return len(g.labels) }

// Size returns the number of edges (arcs if directed), after merging.
func (g *Graph) Size() int {
	if g.directed {
		return len(g.adj)
	}
	return len(g.adj) / 2
}

// Directed reports whether edges are arcs.
func (g *Graph) Directed() bool { return g.directed }

// IsWeighted reports whether edges carry weights other than the default 1.
func (g *Graph) IsWeighted() bool { return g.weighted }

// Label returns the label (input ID) of node id.
func (g *Graph) Label(id int64) string { return g.labels[id] }

// Lookup returns the node with the given label.
func (g *Graph) Lookup(label string) (int64, bool) {
	i, ok := g.index[label]
	return int64(i), ok
}

// Attrs returns the node attribute schema (never nil).
func (g *Graph) Attrs() *Schema {
	if g.attrs == nil {
		return NewSchema()
	}
	return g.attrs
}

// NodeAttr returns the value of attribute column col for node id.
func (g *Graph) NodeAttr(id int64, col int) Value {
	if g.nodeValues == nil {
		return Value{}
	}
	return g.nodeValues[id].At(col)
}

// Degree returns the number of distinct neighbours of id (out-neighbours
// when directed).
func (g *Graph) Degree(id int64) int { return g.off[id+1] - g.off[id] }

// InDegree returns the number of in-neighbours of id (the degree if undirected).
func (g *Graph) InDegree(id int64) int {
	if !g.directed {
		return g.Degree(id)
	}
	return g.inOff[id+1] - g.inOff[id]
}

// Neighbors returns a copy of the sorted out-neighbours of id (all
// neighbours when undirected).
func (g *Graph) Neighbors(id int64) []int32 {
	return slices.Clone(g.adj[g.off[id]:g.off[id+1]])
}

// InNeighbors returns a copy of the sorted in-neighbours of id.
func (g *Graph) InNeighbors(id int64) []int32 {
	if !g.directed {
		return g.Neighbors(id)
	}
	return slices.Clone(g.inAdj[g.inOff[id]:g.inOff[id+1]])
}

// Row gives read-only access to the sorted out-row of id and its weights,
// for algorithms in this module that must not allocate. The slices must not
// be modified; weight(k) returns the weight of entry k of the row.
func (g *Graph) Row(id int64) (nbrs []int32, weight func(k int) float64) {
	lo, hi := g.off[id], g.off[id+1]
	return g.adj[lo:hi], func(k int) float64 { return g.weightAt(lo + k) }
}

// InRow is Row for the in-rows of a directed graph (Row when undirected).
func (g *Graph) InRow(id int64) (nbrs []int32, weight func(k int) float64) {
	if !g.directed {
		return g.Row(id)
	}
	lo, hi := g.inOff[id], g.inOff[id+1]
	return g.inAdj[lo:hi], func(k int) float64 { return g.inWeightAt(lo + k) }
}

// RawCSR exposes the out-rows for fast engines in this module: offsets,
// neighbour indices, and per-entry weights (nil when unweighted; exactly one
// of w32 and w64 is non-nil when weighted). The slices must not be modified.
func (g *Graph) RawCSR() (off []int, adj []int32, w32 []float32, w64 []float64) {
	return g.off, g.adj, g.w32, g.w64
}

// RawInCSR is RawCSR for the in-rows (the out-rows when undirected).
func (g *Graph) RawInCSR() (off []int, adj []int32, w32 []float32, w64 []float64) {
	if !g.directed {
		return g.RawCSR()
	}
	return g.inOff, g.inAdj, g.inW32, g.inW64
}

// Bytes returns the memory held by the graph's adjacency and offsets (not
// labels or attributes), for reports of storage per edge.
func (g *Graph) Bytes() int {
	b := 8*len(g.off) + 4*len(g.adj) + 4*len(g.w32) + 8*len(g.w64)
	b += 8*len(g.inOff) + 4*len(g.inAdj) + 4*len(g.inW32) + 8*len(g.inW64)
	return b
}

func (g *Graph) weightAt(k int) float64 {
	switch {
	case g.w32 != nil:
		return float64(g.w32[k])
	case g.w64 != nil:
		return g.w64[k]
	}
	return 1
}

func (g *Graph) inWeightAt(k int) float64 {
	switch {
	case g.inW32 != nil:
		return float64(g.inW32[k])
	case g.inW64 != nil:
		return g.inW64[k]
	}
	return 1
}

// find returns the position of v in the out-row of u, or -1.
func (g *Graph) find(u, v int64) int {
	if u < 0 || v < 0 || int(u) >= len(g.labels) || int(v) >= len(g.labels) {
		return -1
	}
	lo, hi := g.off[u], g.off[u+1]
	row := g.adj[lo:hi]
	k, ok := slices.BinarySearch(row, int32(v))
	if !ok {
		return -1
	}
	return lo + k
}

// EdgeWeight returns the weight of edge u–v (arc u→v when directed) and
// whether it exists.
func (g *Graph) EdgeWeight(u, v int64) (float64, bool) {
	k := g.find(u, v)
	if k < 0 {
		return 0, false
	}
	return g.weightAt(k), true
}

// --- gonum graph interfaces ---

// Node is a node of a Graph or of an ego network's graph.
type Node int64

// ID returns the node's index.
func (n Node) ID() int64 { return int64(n) }

// Edge is an edge of a Graph.
type Edge struct {
	F, T Node
	W    float64
}

// From returns the from node.
func (e Edge) From() graph.Node { return e.F }

// To returns the to node.
func (e Edge) To() graph.Node { return e.T }

// ReversedEdge returns the edge reversed.
func (e Edge) ReversedEdge() graph.Edge { return Edge{F: e.T, T: e.F, W: e.W} }

// Weight returns the edge weight.
func (e Edge) Weight() float64 { return e.W }

// Node returns the node with the given ID, or nil if there is none.
func (g *Graph) Node(id int64) graph.Node {
	if id < 0 || id >= int64(len(g.labels)) {
		return nil
	}
	return Node(id)
}

// Nodes returns all nodes in index order.
func (g *Graph) Nodes() graph.Nodes { return &rangeNodes{n: int64(len(g.labels)), cur: -1} }

// From returns the out-neighbours of id (all neighbours when undirected).
func (g *Graph) From(id int64) graph.Nodes {
	if id < 0 || id >= int64(len(g.labels)) {
		return graph.Empty
	}
	return &rowNodes{row: g.adj[g.off[id]:g.off[id+1]], cur: -1}
}

// To returns the in-neighbours of id (all neighbours when undirected).
func (g *Graph) To(id int64) graph.Nodes {
	if !g.directed {
		return g.From(id)
	}
	if id < 0 || id >= int64(len(g.labels)) {
		return graph.Empty
	}
	return &rowNodes{row: g.inAdj[g.inOff[id]:g.inOff[id+1]], cur: -1}
}

// HasEdgeBetween reports whether x and y are adjacent in either direction.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool {
	return g.find(xid, yid) >= 0 || (g.directed && g.find(yid, xid) >= 0)
}

// HasEdgeFromTo reports whether there is an arc u→v (an edge when undirected).
func (g *Graph) HasEdgeFromTo(uid, vid int64) bool { return g.find(uid, vid) >= 0 }

// Edge returns the edge u→v, or nil.
func (g *Graph) Edge(uid, vid int64) graph.Edge {
	if e := g.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// EdgeBetween returns the edge between x and y, or nil (undirected use).
func (g *Graph) EdgeBetween(xid, yid int64) graph.Edge { return g.Edge(xid, yid) }

// WeightedEdge returns the weighted edge u→v, or nil.
func (g *Graph) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	k := g.find(uid, vid)
	if k < 0 {
		return nil
	}
	return Edge{F: Node(uid), T: Node(vid), W: g.weightAt(k)}
}

// WeightedEdgeBetween returns the weighted edge between x and y, or nil.
func (g *Graph) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	return g.WeightedEdge(xid, yid)
}

// Weight returns the weight of edge x→y: 0 for x == y, the edge weight when
// the edge exists, and (+Inf, false) otherwise, the convention of gonum's
// path algorithms where a weight is a distance.
func (g *Graph) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, true
	}
	if w, ok := g.EdgeWeight(xid, yid); ok {
		return w, true
	}
	return math.Inf(1), false
}

// Compile-time checks that Graph satisfies gonum's interfaces.
var (
	_ graph.WeightedUndirected = (*Graph)(nil)
	_ graph.WeightedDirected   = (*Graph)(nil)
)

type rangeNodes struct{ n, cur int64 }

func (r *rangeNodes) Next() bool {
	if r.cur+1 >= r.n {
		r.cur = r.n
		return false
	}
	r.cur++
	return true
}
func (r *rangeNodes) Len() int {
	if r.cur >= r.n {
		return 0
	}
	return int(r.n - r.cur - 1)
}
func (r *rangeNodes) Node() graph.Node {
	if r.cur < 0 || r.cur >= r.n {
		return nil
	}
	return Node(r.cur)
}
func (r *rangeNodes) Reset() { r.cur = -1 }

type rowNodes struct {
	row []int32
	cur int
}

func (r *rowNodes) Next() bool {
	if r.cur+1 >= len(r.row) {
		r.cur = len(r.row)
		return false
	}
	r.cur++
	return true
}
func (r *rowNodes) Len() int {
	if r.cur >= len(r.row) {
		return 0
	}
	return len(r.row) - r.cur - 1
}
func (r *rowNodes) Node() graph.Node {
	if r.cur < 0 || r.cur >= len(r.row) {
		return nil
	}
	return Node(r.row[r.cur])
}
func (r *rowNodes) Reset() { r.cur = -1 }

// --- construction ---

// Builder accumulates nodes and edges and builds a Graph. The zero value is
// not usable; call NewBuilder.
type Builder struct {
	directed bool
	weighted bool
	src, dst []int32
	w        []float64
	labels   []string
	index    map[string]int32
	attrs    *Schema
	values   []Attrs
	self     int
}

// NewBuilder returns a builder for a directed or undirected graph. A graph
// is weighted if weighted is true; unweighted edges get weight 1.
func NewBuilder(directed, weighted bool) *Builder {
	return &Builder{directed: directed, weighted: weighted, index: make(map[string]int32), attrs: NewSchema()}
}

// Node returns the index of the node with this label, adding it if new.
func (b *Builder) Node(label string) int64 {
	if i, ok := b.index[label]; ok {
		return int64(i)
	}
	i := int32(len(b.labels))
	b.index[label] = i
	b.labels = append(b.labels, label)
	return int64(i)
}

// HasNode reports whether a node with this label was added.
func (b *Builder) HasNode(label string) bool { _, ok := b.index[label]; return ok }

// Order returns the number of nodes added so far.
func (b *Builder) Order() int { return len(b.labels) }

// SetAttr sets attribute name of node id to v.
func (b *Builder) SetAttr(id int64, name string, v Value) {
	col := b.attrs.Add(name)
	for len(b.values) <= int(id) {
		b.values = append(b.values, nil)
	}
	b.values[id].set(col, v)
	b.attrs.observe(col, v)
}

// DeclareAttr adds an attribute column even if no node has a value for it.
func (b *Builder) DeclareAttr(name string) { b.attrs.Add(name) }

// AddEdge adds an edge (an arc u→v when directed) of weight w. Self-loops
// are counted and dropped at Build; duplicate edges are merged and their
// weights summed. The weight must be finite and non-negative; an unweighted
// builder ignores it.
func (b *Builder) AddEdge(u, v int64, w float64) error {
	if u < 0 || v < 0 || int(u) >= len(b.labels) || int(v) >= len(b.labels) {
		return fmt.Errorf("%w: edge %d-%d", ErrUnknownNode, u, v)
	}
	if b.weighted {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return fmt.Errorf("%w: %v", ErrBadWeight, w)
		}
	}
	if u == v {
		b.self++
		return nil
	}
	b.src = append(b.src, int32(u))
	b.dst = append(b.dst, int32(v))
	if b.weighted {
		b.w = append(b.w, w)
	}
	return nil
}

// BuildStats says what Build merged and dropped.
type BuildStats struct {
	SelfLoops  int // self-loops dropped
	Duplicates int // duplicate edges merged (weights summed)
}

// Build returns the graph and what was merged or dropped. The builder must
// not be used afterwards.
func (b *Builder) Build() (*Graph, BuildStats) {
	n := len(b.labels)
	g := &Graph{directed: b.directed, weighted: b.weighted, labels: b.labels, index: b.index}
	if b.attrs.Len() > 0 {
		g.attrs = b.attrs
		for len(b.values) < n {
			b.values = append(b.values, nil)
		}
		g.nodeValues = b.values
	}
	stats := BuildStats{SelfLoops: b.self}
	var dup int
	if b.directed {
		g.off, g.adj, g.w64, dup = csr(n, b.src, b.dst, b.w, false)
		g.inOff, g.inAdj, g.inW64, _ = csr(n, b.dst, b.src, b.w, false)
	} else {
		g.off, g.adj, g.w64, dup = csr(n, b.src, b.dst, b.w, true)
	}
	stats.Duplicates = dup
	b.src, b.dst, b.w = nil, nil, nil
	if g.weighted {
		g.w32 = narrow(g.w64)
		if g.w32 != nil {
			g.w64 = nil
		}
		if g.directed {
			g.inW32 = narrow(g.inW64)
			if g.inW32 != nil {
				g.inW64 = nil
			}
		}
		if g.w32 == nil && g.w64 == nil {
			g.w64 = []float64{}
		}
		if g.directed && g.inW32 == nil && g.inW64 == nil {
			g.inW64 = []float64{}
		}
	}
	return g, stats
}

// narrow returns w as float32 if every value is exactly representable.
func narrow(w []float64) []float32 {
	if w == nil {
		return nil
	}
	out := make([]float32, len(w))
	for i, x := range w {
		f := float32(x)
		if float64(f) != x {
			return nil
		}
		out[i] = f
	}
	return out
}

// csr builds sorted rows from an edge list, merging duplicates (summing
// weights). With both, each edge is placed in both endpoints' rows. It
// returns the number of duplicates merged (counted once per edge).
func csr(n int, src, dst []int32, w []float64, both bool) ([]int, []int32, []float64, int) {
	deg := make([]int, n+1)
	for i := range src {
		deg[src[i]+1]++
		if both {
			deg[dst[i]+1]++
		}
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	off := deg
	m := off[n]
	adj := make([]int32, m)
	var ws []float64
	if w != nil {
		ws = make([]float64, m)
	}
	pos := make([]int, n)
	copy(pos, off[:n])
	put := func(u, v int32, x float64) {
		p := pos[u]
		adj[p] = v
		if ws != nil {
			ws[p] = x
		}
		pos[u]++
	}
	for i := range src {
		x := 1.0
		if w != nil {
			x = w[i]
		}
		put(src[i], dst[i], x)
		if both {
			put(dst[i], src[i], x)
		}
	}
	// Sort each row and merge duplicates in place.
	dup := 0
	out := 0
	newOff := make([]int, n+1)
	for u := 0; u < n; u++ {
		lo, hi := off[u], off[u+1]
		row := adj[lo:hi]
		if ws == nil {
			slices.Sort(row)
		} else {
			sort.Sort(rowSorter{row, ws[lo:hi]})
		}
		newOff[u] = out
		for k := lo; k < hi; k++ {
			if out > newOff[u] && adj[out-1] == adj[k] {
				dup++
				if ws != nil {
					ws[out-1] += ws[k]
				}
				continue
			}
			adj[out] = adj[k]
			if ws != nil {
				ws[out] = ws[k]
			}
			out++
		}
	}
	newOff[n] = out
	if both {
		dup /= 2
	}
	adj = slices.Clip(adj[:out])
	if ws != nil {
		ws = slices.Clip(ws[:out])
	}
	return newOff, adj, ws, dup
}

type rowSorter struct {
	a []int32
	w []float64
}

func (r rowSorter) Len() int           { return len(r.a) }
func (r rowSorter) Less(i, j int) bool { return r.a[i] < r.a[j] }
func (r rowSorter) Swap(i, j int) {
	r.a[i], r.a[j] = r.a[j], r.a[i]
	r.w[i], r.w[j] = r.w[j], r.w[i]
}

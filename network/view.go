package network

import (
	"math"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// UndirectedView is what AsUndirected returns: a gonum graph.Undirected
// that is also a graph.WeightedUndirected.
type UndirectedView interface {
	graph.Undirected
	graph.WeightedUndirected
}

// DirectedView is what AsDirected returns: a gonum graph.Directed that is
// also a graph.WeightedDirected.
type DirectedView interface {
	graph.Directed
	graph.WeightedDirected
}

// AsUndirected returns g as a gonum graph.Undirected and
// graph.WeightedUndirected, for gonum's algorithms. Node IDs are the node indices
// 0..Order()−1; nodes are simple.Node and edges simple.WeightedEdge. The
// view also lists its edges (Edges and WeightedEdges, each edge once, from
// the lower ID) and reads g without copying it.
//
// For an undirected graph it is the graph itself. For a directed graph it
// is the weak projection: x and y are adjacent when there is an arc x→y,
// y→x or both, and the edge's weight is the sum of the weights of the arcs
// between them (w(x→y) + w(y→x), a missing arc counting 0), as igraph's
// as_undirected(mode = "collapse", edge.attr.comb = "sum"). An unweighted
// graph stays unweighted: every edge of its projection has weight 1.
//
// Weight(x, y) follows gonum's path convention: 0 when x = y, the edge
// weight when x and y are adjacent, and (+Inf, false) otherwise. A weight
// is a distance to gonum's path algorithms and a strength to its community
// and centrality algorithms, so pick the algorithm that reads it as you
// mean it.
//
// Cost: Node O(1); HasEdgeBetween and the edge lookups O(log d) for degree
// d; From(x) O(d) (when g is directed, O(d) more to count the merged row
// before the first node); Edges and WeightedEdges O(m), allocating every
// edge.
func (g *Graph) AsUndirected() UndirectedView { return undirectedView{g} }

// AsDirected returns g as a gonum graph.Directed and
// graph.WeightedDirected, for gonum's algorithms. Node IDs are the node indices
// 0..Order()−1; nodes are simple.Node and edges simple.WeightedEdge. For a
// directed graph the arcs are g's; for an undirected graph each edge x–y
// is the two arcs x→y and y→x, each with the edge's weight. Weight follows
// the convention of AsUndirected. The view also lists its arcs (Edges and
// WeightedEdges, by tail then head) and reads g without copying it. Cost:
// Node, From and To O(1); HasEdgeFromTo and the edge lookups O(log d);
// Edges and WeightedEdges O(m), allocating every arc.
func (g *Graph) AsDirected() DirectedView { return directedView{g} }

// undirectedView and directedView are the views; the zero value of each
// is an empty graph.
type (
	undirectedView struct{ g *Graph }
	directedView   struct{ g *Graph }
)

// Compile-time checks: each view satisfies one reading, never both.
var (
	_ UndirectedView = undirectedView{}
	_ DirectedView   = directedView{}
)

// order is the number of nodes of g, 0 for a nil graph.
func order(g *Graph) int64 {
	if g == nil {
		return 0
	}
	return int64(g.Order())
}

func node(g *Graph, id int64) graph.Node {
	if id < 0 || id >= order(g) {
		return nil
	}
	return simple.Node(id)
}

func nodes(g *Graph) graph.Nodes {
	n := order(g)
	if n == 0 {
		return graph.Empty
	}
	return &rangeNodes{n: n, cur: -1}
}

// gonumWeight is gonum's Weight for an edge lookup w.
func gonumWeight(xid, yid int64, w float64, ok bool) (float64, bool) {
	if xid == yid {
		return 0, true
	}
	if !ok {
		return math.Inf(1), false
	}
	return w, true
}

// --- the undirected view ---

// Node returns the node with the given ID, or nil if there is none.
func (u undirectedView) Node(id int64) graph.Node { return node(u.g, id) }

// Nodes returns all nodes in index order.
func (u undirectedView) Nodes() graph.Nodes { return nodes(u.g) }

// From returns the neighbours of id in ascending order (out- and
// in-neighbours merged when the graph is directed).
func (u undirectedView) From(id int64) graph.Nodes {
	g := u.g
	if id < 0 || id >= order(g) {
		return graph.Empty
	}
	out := g.adj[g.off[id]:g.off[id+1]]
	var in []int32
	if g.directed {
		in = g.inAdj[g.inOff[id]:g.inOff[id+1]]
	}
	if len(out) == 0 && len(in) == 0 {
		return graph.Empty
	}
	return newMergeNodes(out, in)
}

// weightBetween returns the projected weight of x–y and whether they are
// adjacent.
func (u undirectedView) weightBetween(xid, yid int64) (float64, bool) {
	g := u.g
	if g == nil {
		return 0, false
	}
	k := g.find(xid, yid)
	if !g.directed {
		if k < 0 {
			return 0, false
		}
		return g.weightAt(k), true
	}
	r := g.find(yid, xid)
	if k < 0 && r < 0 {
		return 0, false
	}
	if !g.weighted {
		return 1, true
	}
	var w float64
	if k >= 0 {
		w += g.weightAt(k)
	}
	if r >= 0 {
		w += g.weightAt(r)
	}
	return w, true
}

// HasEdgeBetween reports whether x and y are adjacent.
func (u undirectedView) HasEdgeBetween(xid, yid int64) bool {
	_, ok := u.weightBetween(xid, yid)
	return ok
}

// Edge returns the edge from u to v (as WeightedEdge), or nil.
func (u undirectedView) Edge(uid, vid int64) graph.Edge {
	if e := u.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// EdgeBetween returns the edge from x to y, or nil.
func (u undirectedView) EdgeBetween(xid, yid int64) graph.Edge { return u.Edge(xid, yid) }

// WeightedEdge returns the edge from u to v with its projected weight, or
// nil.
func (u undirectedView) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	w, ok := u.weightBetween(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: w}
}

// WeightedEdgeBetween returns the edge from x to y with its weight, or nil.
func (u undirectedView) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	return u.WeightedEdge(xid, yid)
}

// Weight returns the weight of x–y: 0 for x = y, the edge weight when x
// and y are adjacent, and (+Inf, false) otherwise.
func (u undirectedView) Weight(xid, yid int64) (float64, bool) {
	w, ok := u.weightBetween(xid, yid)
	return gonumWeight(xid, yid, w, ok)
}

// Edges returns every edge once, from the lower to the higher node ID, in
// order.
func (u undirectedView) Edges() graph.Edges {
	return orderedEdges(u.edges())
}

// WeightedEdges returns every edge once with its weight, from the lower to
// the higher node ID, in order.
func (u undirectedView) WeightedEdges() graph.WeightedEdges {
	return orderedWeightedEdges(u.edges())
}

func (u undirectedView) edges() []simple.WeightedEdge {
	var es []simple.WeightedEdge
	for x := range order(u.g) {
		it := u.From(x)
		for it.Next() {
			y := it.Node().ID()
			if y > x {
				w, _ := u.weightBetween(x, y)
				es = append(es, simple.WeightedEdge{F: simple.Node(x), T: simple.Node(y), W: w})
			}
		}
	}
	return es
}

// --- the directed view ---

// Node returns the node with the given ID, or nil if there is none.
func (d directedView) Node(id int64) graph.Node { return node(d.g, id) }

// Nodes returns all nodes in index order.
func (d directedView) Nodes() graph.Nodes { return nodes(d.g) }

// From returns the nodes reached by an arc from id, in ascending order.
func (d directedView) From(id int64) graph.Nodes {
	g := d.g
	if id < 0 || id >= order(g) || g.off[id] == g.off[id+1] {
		return graph.Empty
	}
	return &rowNodes{row: g.adj[g.off[id]:g.off[id+1]], cur: -1}
}

// To returns the nodes with an arc to id, in ascending order.
func (d directedView) To(id int64) graph.Nodes {
	g := d.g
	if id < 0 || id >= order(g) {
		return graph.Empty
	}
	if !g.directed {
		return d.From(id)
	}
	if g.inOff[id] == g.inOff[id+1] {
		return graph.Empty
	}
	return &rowNodes{row: g.inAdj[g.inOff[id]:g.inOff[id+1]], cur: -1}
}

func (d directedView) arc(uid, vid int64) (float64, bool) {
	if d.g == nil {
		return 0, false
	}
	k := d.g.find(uid, vid)
	if k < 0 {
		return 0, false
	}
	return d.g.weightAt(k), true
}

// HasEdgeBetween reports whether there is an arc x→y or y→x.
func (d directedView) HasEdgeBetween(xid, yid int64) bool {
	return d.HasEdgeFromTo(xid, yid) || d.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo reports whether there is an arc u→v.
func (d directedView) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := d.arc(uid, vid)
	return ok
}

// Edge returns the arc u→v (as WeightedEdge), or nil.
func (d directedView) Edge(uid, vid int64) graph.Edge {
	if e := d.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// WeightedEdge returns the arc u→v with its weight, or nil.
func (d directedView) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	w, ok := d.arc(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: w}
}

// Weight returns the weight of the arc x→y: 0 for x = y, the arc's weight
// when there is one, and (+Inf, false) otherwise.
func (d directedView) Weight(xid, yid int64) (float64, bool) {
	w, ok := d.arc(xid, yid)
	return gonumWeight(xid, yid, w, ok)
}

// Edges returns every arc, ordered by tail then head.
func (d directedView) Edges() graph.Edges {
	return orderedEdges(d.arcs())
}

// WeightedEdges returns every arc with its weight, ordered by tail then
// head.
func (d directedView) WeightedEdges() graph.WeightedEdges {
	return orderedWeightedEdges(d.arcs())
}

func (d directedView) arcs() []simple.WeightedEdge {
	g := d.g
	var es []simple.WeightedEdge
	for u := range order(g) {
		lo := g.off[u]
		for k, v := range g.adj[lo:g.off[u+1]] {
			es = append(es, simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: g.weightAt(lo + k)})
		}
	}
	return es
}

// --- iterators ---

// rangeNodes iterates over the nodes 0..n−1.
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
	return simple.Node(r.cur)
}
func (r *rangeNodes) Reset() { r.cur = -1 }

// NodeSlice returns the remaining nodes and exhausts the iterator.
func (r *rangeNodes) NodeSlice() []graph.Node {
	var out []graph.Node
	for r.Next() {
		out = append(out, r.Node())
	}
	return out
}

// rowNodes iterates over one sorted row.
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
	return simple.Node(r.row[r.cur])
}
func (r *rowNodes) Reset() { r.cur = -1 }

// NodeSlice returns the remaining nodes and exhausts the iterator.
func (r *rowNodes) NodeSlice() []graph.Node {
	var out []graph.Node
	for r.Next() {
		out = append(out, r.Node())
	}
	return out
}

// mergeNodes iterates over the union of two sorted rows, each common node
// once.
type mergeNodes struct {
	a, b   []int32
	i, j   int   // next unread positions
	cur    int32 // current node, -1 before the first
	n, pos int   // union size and nodes returned so far
}

func newMergeNodes(a, b []int32) *mergeNodes {
	n := len(a) + len(b)
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			n--
			i++
			j++
		}
	}
	return &mergeNodes{a: a, b: b, cur: -1, n: n}
}

func (m *mergeNodes) Next() bool {
	switch {
	case m.i >= len(m.a) && m.j >= len(m.b):
		m.cur, m.pos = -1, m.n+1
		return false
	case m.j >= len(m.b) || (m.i < len(m.a) && m.a[m.i] < m.b[m.j]):
		m.cur = m.a[m.i]
		m.i++
	case m.i >= len(m.a) || m.b[m.j] < m.a[m.i]:
		m.cur = m.b[m.j]
		m.j++
	default:
		m.cur = m.a[m.i]
		m.i++
		m.j++
	}
	m.pos++
	return true
}
func (m *mergeNodes) Len() int { return max(0, m.n-m.pos) }
func (m *mergeNodes) Node() graph.Node {
	if m.cur < 0 {
		return nil
	}
	return simple.Node(m.cur)
}
func (m *mergeNodes) Reset() { m.i, m.j, m.cur, m.pos = 0, 0, -1, 0 }

// NodeSlice returns the remaining nodes and exhausts the iterator.
func (m *mergeNodes) NodeSlice() []graph.Node {
	var out []graph.Node
	for m.Next() {
		out = append(out, m.Node())
	}
	return out
}

// orderedEdges hands es to gonum as an edge iterator (graph.Empty when
// there are none).
func orderedEdges(es []simple.WeightedEdge) graph.Edges {
	if len(es) == 0 {
		return graph.Empty
	}
	out := make([]graph.Edge, len(es))
	for i, e := range es {
		out[i] = e
	}
	return iterator.NewOrderedEdges(out)
}

// orderedWeightedEdges hands es to gonum as a weighted edge iterator
// (graph.Empty when there are none).
func orderedWeightedEdges(es []simple.WeightedEdge) graph.WeightedEdges {
	if len(es) == 0 {
		return graph.Empty
	}
	out := make([]graph.WeightedEdge, len(es))
	for i, e := range es {
		out[i] = e
	}
	return iterator.NewOrderedWeightedEdges(out)
}

package network

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/sociogram/sociogram/internal/csr"
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
// A Graph is not itself a gonum graph: hand it to gonum's algorithms
// through AsUndirected or AsDirected, which say which reading of the ties
// the algorithm gets. Node IDs there are the node indices.
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

	labels []string // nil when the labels are packed (below)
	// labelText holds every label, one after another, and labelEnd[i] is
	// where node i's ends: 4 bytes a node instead of a 16-byte string
	// header (the parallel edge-list reader packs them; see packLabels).
	labelText string
	labelEnd  []uint32
	index     map[string]int32
	// lazyIndex builds index on the first Lookup when the reader did not
	// (the parallel edge-list reader: a map of every label costs 40 to 60
	// bytes per node, and most uses never look a label up).
	lazyIndex *sync.Once

	attrs      *Schema
	nodeValues []Attrs // per node; nil when no attributes
}

// Order returns the number of nodes.
func (g *Graph) Order() int {
	if g.labels == nil {
		return len(g.labelEnd)
	}
	return len(g.labels)
}

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

// Label returns the label (input ID) of node id, 0 <= id < Order().
func (g *Graph) Label(id int) string {
	if g.labels != nil {
		return g.labels[id]
	}
	start := uint32(0)
	if id > 0 {
		start = g.labelEnd[id-1]
	}
	return g.labelText[start:g.labelEnd[id]]
}

// packLabels stores labels as one string and their ends, when their
// total length allows 32-bit ends.
func (g *Graph) packLabels(labels []string) {
	total := 0
	for _, l := range labels {
		total += len(l)
	}
	if total > math.MaxUint32 {
		g.labels = labels
		return
	}
	var b strings.Builder
	b.Grow(total)
	ends := make([]uint32, len(labels))
	for i, l := range labels {
		b.WriteString(l)
		ends[i] = uint32(b.Len())
	}
	g.labels, g.labelText, g.labelEnd = nil, b.String(), ends
}

// Lookup returns the node with the given label.
func (g *Graph) Lookup(label string) (int, bool) {
	if g.lazyIndex != nil {
		g.lazyIndex.Do(func() {
			index := make(map[string]int32, g.Order())
			for i := range g.Order() {
				index[g.Label(i)] = int32(i)
			}
			g.index = index
		})
	}
	i, ok := g.index[label]
	return int(i), ok
}

// Attrs returns the node attribute schema (never nil).
func (g *Graph) Attrs() *Schema {
	if g.attrs == nil {
		return NewSchema()
	}
	return g.attrs
}

// NodeAttr returns the value of attribute column col for node id.
func (g *Graph) NodeAttr(id, col int) Value {
	if g.nodeValues == nil {
		return Value{}
	}
	return g.nodeValues[id].At(col)
}

// Degree returns the number of distinct neighbours of id (out-neighbours
// when directed).
func (g *Graph) Degree(id int) int { return g.off[id+1] - g.off[id] }

// InDegree returns the number of in-neighbours of id (the degree if undirected).
func (g *Graph) InDegree(id int) int {
	if !g.directed {
		return g.Degree(id)
	}
	return g.inOff[id+1] - g.inOff[id]
}

// Neighbors returns the sorted out-neighbours of id (all neighbours when
// undirected), in a new slice.
func (g *Graph) Neighbors(id int) []int {
	return toInts(g.adj[g.off[id]:g.off[id+1]])
}

// InNeighbors returns the sorted in-neighbours of id (all neighbours when
// undirected), in a new slice.
func (g *Graph) InNeighbors(id int) []int {
	if !g.directed {
		return g.Neighbors(id)
	}
	return toInts(g.inAdj[g.inOff[id]:g.inOff[id+1]])
}

func toInts(row []int32) []int {
	out := make([]int, len(row))
	for i, v := range row {
		out[i] = int(v)
	}
	return out
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

// row returns the sorted out-row of id (all neighbours when undirected)
// and the weight of its entry k; the slice must not be modified.
func (g *Graph) row(id int) ([]int32, func(k int) float64) {
	lo, hi := g.off[id], g.off[id+1]
	return g.adj[lo:hi], func(k int) float64 { return g.weightAt(lo + k) }
}

// inRow is row for the in-rows (row when undirected).
func (g *Graph) inRow(id int) ([]int32, func(k int) float64) {
	if !g.directed {
		return g.row(id)
	}
	lo, hi := g.inOff[id], g.inOff[id+1]
	return g.inAdj[lo:hi], func(k int) float64 { return g.inWeightAt(lo + k) }
}

// rows returns the compressed rows for package csr: the in-rows are the
// out-rows when undirected.
func (g *Graph) rows() csr.Graph {
	c := csr.Graph{Directed: g.directed, Weighted: g.weighted,
		Out: csr.Rows{Off: g.off, Adj: g.adj, W32: g.w32, W64: g.w64}}
	c.In = c.Out
	if g.directed {
		c.In = csr.Rows{Off: g.inOff, Adj: g.inAdj, W32: g.inW32, W64: g.inW64}
	}
	return c
}

func init() {
	csr.Register(func(g any) csr.Graph { return g.(*Graph).rows() })
}

// find returns the position of v in the out-row of u, or -1 (also when u
// or v is not a node).
func (g *Graph) find(u, v int64) int {
	if n := int64(g.Order()); u < 0 || v < 0 || u >= n || v >= n {
		return -1
	}
	lo, hi := g.off[u], g.off[u+1]
	k, ok := slices.BinarySearch(g.adj[lo:hi], int32(v))
	if !ok {
		return -1
	}
	return lo + k
}

// EdgeWeight returns the weight of edge u–v (arc u→v when directed) and
// whether it exists; an unweighted graph's edges have weight 1. Node IDs
// out of range have no edges.
func (g *Graph) EdgeWeight(u, v int) (float64, bool) {
	k := g.find(int64(u), int64(v))
	if k < 0 {
		return 0, false
	}
	return g.weightAt(k), true
}

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
	merged   int // duplicate edges merged by AddEdge and compact
	// compactAt is the pending edge count at which AddEdge compacts the
	// buffer next (see compact).
	compactAt int
}

// minCompact is the smallest pending edge buffer that AddEdge compacts.
const minCompact = 1 << 16

// NewBuilder returns a builder for a directed or undirected graph. A graph
// is weighted if weighted is true; unweighted edges get weight 1.
func NewBuilder(directed, weighted bool) *Builder {
	return &Builder{directed: directed, weighted: weighted, index: make(map[string]int32), attrs: NewSchema()}
}

// LookupOrAdd returns the index of the node with this label, adding the
// node first if no node has that label yet.
func (b *Builder) LookupOrAdd(label string) int {
	if i, ok := b.index[label]; ok {
		return int(i)
	}
	i := int32(len(b.labels))
	b.index[label] = i
	b.labels = append(b.labels, label)
	return int(i)
}

// HasNode reports whether a node with this label was added.
func (b *Builder) HasNode(label string) bool { _, ok := b.index[label]; return ok }

// Order returns the number of nodes added so far.
func (b *Builder) Order() int { return len(b.labels) }

// SetAttr sets attribute name of node id to v.
func (b *Builder) SetAttr(id int, name string, v Value) {
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
func (b *Builder) AddEdge(u, v int, w float64) error {
	if u < 0 || v < 0 || u >= len(b.labels) || v >= len(b.labels) {
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
	// A repeat of the edge just added is merged at once, so that a file of
	// one edge repeated (a gzip bomb of "1,2" lines) stays one edge in
	// memory (issue 18 item 7). Other duplicates are merged at Build.
	// (Only the same u, v: some readers set b.directed after the edges.)
	if k := len(b.src) - 1; k >= 0 && b.src[k] == int32(u) && b.dst[k] == int32(v) {
		b.merged++
		if b.weighted {
			b.w[k] += w
		}
		return nil
	}
	b.src = append(b.src, int32(u))
	b.dst = append(b.dst, int32(v))
	if b.weighted {
		b.w = append(b.w, w)
	}
	if len(b.src) >= max(b.compactAt, minCompact) {
		b.compact()
	}
	return nil
}

// compact sorts the pending edges by (source, target) and merges identical
// ones in place, summing their weights, so that interleaved duplicates (a
// stream alternating 1,2 / 3,4 / 1,2 ...) keep memory at the distinct
// edges (issue 18 item 7). Only identical ordered pairs merge (a reader may
// set b.directed after the edges); Build merges u–v with v–u. AddEdge calls
// it when the buffer reaches 2 (4 when few merged) times the distinct edges
// of the last call, and at least minCompact: amortised O(log m) per edge.
func (b *Builder) compact() {
	var ws []float64
	if b.weighted {
		ws = b.w
	}
	src0 := b.src
	sort.Sort(edgeSorter{b.src, b.dst, ws})
	out := 0
	for k := range b.src {
		if out > 0 && b.src[out-1] == b.src[k] && b.dst[out-1] == b.dst[k] {
			b.merged++
			if ws != nil {
				ws[out-1] += ws[k]
			}
			continue
		}
		b.src[out], b.dst[out] = b.src[k], b.dst[k]
		if ws != nil {
			ws[out] = ws[k]
		}
		out++
	}
	b.src, b.dst = b.src[:out], b.dst[:out]
	if ws != nil {
		b.w = ws[:out]
	}
	// Twice the distinct edges; four times when under a quarter of the
	// buffer merged (few duplicates: the buffer is the model anyway), so
	// that a list without duplicates is sorted less often.
	b.compactAt = 2 * out
	if 4*out > 3*len(src0) {
		b.compactAt = 4 * out
	}
}

// edgeSorter sorts pending edges by (source, target), weights alongside.
type edgeSorter struct {
	src, dst []int32
	w        []float64
}

func (e edgeSorter) Len() int { return len(e.src) }
func (e edgeSorter) Less(i, j int) bool {
	return e.src[i] < e.src[j] || (e.src[i] == e.src[j] && e.dst[i] < e.dst[j])
}
func (e edgeSorter) Swap(i, j int) {
	e.src[i], e.src[j] = e.src[j], e.src[i]
	e.dst[i], e.dst[j] = e.dst[j], e.dst[i]
	if e.w != nil {
		e.w[i], e.w[j] = e.w[j], e.w[i]
	}
}

// BuildStats says what Build merged and dropped.
type BuildStats struct {
	SelfLoops  int // self-loops dropped
	Duplicates int // duplicate edges merged (weights summed)
	Multiplex  int // ties of another type between the same alters merged (see DatasetOptions.TieType)
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
		g.off, g.adj, g.w64, dup = buildRows(n, b.src, b.dst, b.w, false)
		g.inOff, g.inAdj, g.inW64, _ = buildRows(n, b.dst, b.src, b.w, false)
	} else {
		g.off, g.adj, g.w64, dup = buildRows(n, b.src, b.dst, b.w, true)
	}
	stats.Duplicates = dup + b.merged
	b.src, b.dst, b.w = nil, nil, nil
	if g.weighted {
		g.narrowWeights()
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

// buildRows builds sorted rows from an edge list, merging duplicates (summing
// weights). With both, each edge is placed in both endpoints' rows. It
// returns the number of duplicates merged (counted once per edge).
func buildRows(n int, src, dst []int32, w []float64, both bool) ([]int, []int32, []float64, int) {
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

// narrowWeights stores the weights of a weighted graph as float32 where
// every weight survives the conversion exactly (narrow), and keeps an
// empty, not nil, slice for a weighted graph without edges. Both builders
// (Builder.Build and the parallel edge-list reader) end with it.
func (g *Graph) narrowWeights() {
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

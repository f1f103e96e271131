package measures

import (
	"fmt"

	"github.com/sociogram/sociogram/network"
)

// NodeRange is a contiguous range of node indices, First to End-1, of a
// whole network: the rows one shard of an all-nodes run computes.
type NodeRange struct {
	// First is the first node of the range.
	First int
	// End is one past the last node; End == First for an empty range.
	End int
}

// Len returns the number of nodes in the range.
func (r NodeRange) Len() int { return r.End - r.First }

// in returns the range itself, or every node of a graph of order n when r
// is nil, with an error when r does not lie within 0..n.
func (r *NodeRange) in(n int) (NodeRange, error) {
	if r == nil {
		return NodeRange{0, n}, nil
	}
	if r.First < 0 || r.End < r.First || r.End > n {
		return NodeRange{}, fmt.Errorf("node range %d to %d: want 0 <= First <= End <= %d (the number of nodes)", r.First, r.End, n)
	}
	return *r, nil
}

// Shard returns shard i (0-based) of k contiguous node ranges that together
// cover every node of g once, in node order, balanced by work: each range
// holds about 1/k of the total Σ_v (deg(v) + 1), the degree counting every
// edge end (in and out when directed) and the 1 giving isolated nodes
// their row's cost. The cut after range i falls at the first node v with
// Σ_{u<v} (deg(u) + 1) ≥ ⌈(i+1)·W/k⌉, W the total, so ranges are empty
// only when one node's weight spans more than one share (k larger than
// the number of nodes, or a hub). The ranges depend only on the degree
// sequence, so every process that reads the same graph cuts it the same
// way. Cost O(n). It panics unless 0 ≤ i < k (caller misuse).
func Shard(g *network.Graph, i, k int) NodeRange {
	if k < 1 || i < 0 || i >= k {
		panic(fmt.Sprintf("measures.Shard(%d, %d): want 0 <= i < k", i, k))
	}
	n := g.Order()
	weight := func(v int) int64 {
		w := int64(g.Degree(v)) + 1
		if g.Directed() {
			w += int64(g.InDegree(v))
		}
		return w
	}
	var total int64
	for v := 0; v < n; v++ {
		total += weight(v)
	}
	// cut(j) is the first node of range j: the first v whose prefix sum
	// reaches ⌈j·W/k⌉ (0 for j = 0, n for j = k).
	cut := func(j int) int {
		if j == 0 {
			return 0
		}
		if j == k {
			return n
		}
		target := (int64(j)*total + int64(k) - 1) / int64(k)
		var sum int64
		for v := 0; v < n; v++ {
			if sum >= target {
				return v
			}
			sum += weight(v)
		}
		return n
	}
	return NodeRange{First: cut(i), End: cut(i + 1)}
}

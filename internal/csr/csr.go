// Package csr gives the packages of this module read-only access to the
// compressed sparse rows inside a *network.Graph, for engines that must not
// allocate per edge. It is internal: users see the graph only through
// network's methods and its gonum views.
package csr

import "slices"

// Rows is one direction of a graph's adjacency: the neighbours of node u
// are Adj[Off[u]:Off[u+1]], sorted ascending and distinct; entry k has
// weight W32[k] or W64[k] (at most one of the two is non-nil; both nil
// means every weight is 1). The slices belong to the graph and must not be
// modified.
type Rows struct {
	Off []int
	Adj []int32
	W32 []float32
	W64 []float64
}

// Row returns the neighbours of u.
func (r *Rows) Row(u int32) []int32 { return r.Adj[r.Off[u]:r.Off[u+1]] }

// Weight returns the weight of entry k.
func (r *Rows) Weight(k int) float64 {
	switch {
	case r.W32 != nil:
		return float64(r.W32[k])
	case r.W64 != nil:
		return r.W64[k]
	}
	return 1
}

// Graph is a graph's rows: Out holds the out-rows (all neighbours when
// undirected), In the in-rows (the same slices as Out when undirected).
type Graph struct {
	Directed bool
	Weighted bool
	Out, In  Rows
}

// Order is the number of nodes.
func (g *Graph) Order() int { return len(g.Out.Off) - 1 }

var of func(any) Graph

// Register is called once by package network's init with the function
// that reads a *network.Graph's rows.
func Register(f func(any) Graph) { of = f }

// Of returns the rows of g, which must be a *network.Graph.
func Of(g any) Graph { return of(g) }

// Has reports whether v is in the row of u (binary search).
func (r *Rows) Has(u, v int32) bool {
	_, ok := slices.BinarySearch(r.Row(u), v)
	return ok
}

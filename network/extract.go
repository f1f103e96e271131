package network

import (
	"fmt"
	"slices"
)

// Extract returns the ego network of radius k around node: the subgraph
// induced by every node within k steps of it, following ties in either
// direction when the graph is directed (igraph make_ego_graph with mode
// "all"; networkx ego_graph with undirected=True). The subgraph keeps labels,
// weights and node attributes, lists nodes in their original order, and the
// second result is the ego's ID in it. Radius 0 gives the ego alone; a
// negative radius is taken as 0.
//
// Cost: O(sum of degrees within the radius · log d).
func Extract(g *Graph, node, radius int) (*Graph, int) {
	dist := map[int32]int{int32(node): 0}
	frontier := []int32{int32(node)}
	for d := 1; d <= radius && len(frontier) > 0; d++ {
		var next []int32
		for _, u := range frontier {
			visit := func(row []int32) {
				for _, v := range row {
					if _, ok := dist[v]; !ok {
						dist[v] = d
						next = append(next, v)
					}
				}
			}
			visit(g.adj[g.off[u]:g.off[u+1]])
			if g.directed {
				visit(g.inAdj[g.inOff[u]:g.inOff[u+1]])
			}
		}
		frontier = next
	}
	keep := make([]int32, 0, len(dist))
	for v := range dist {
		keep = append(keep, v)
	}
	slices.Sort(keep)
	i, _ := slices.BinarySearch(keep, int32(node))
	return g.induced(keep), i
}

// Induced returns the subgraph induced by the given nodes: the nodes, in
// ascending index order whatever the order given (a repeated node counts
// once), with their labels and attributes, and every edge among them with
// its weight. Node i of the subgraph is the i-th smallest of nodes. The
// caller's slice is not modified. Like the other methods taking a node
// index, it panics when a node is not in 0..Order()−1. Cost
// O(k log k + Σ deg · log k) for k nodes.
func (g *Graph) Induced(nodes []int) *Graph {
	keep := make([]int32, len(nodes))
	for i, v := range nodes {
		if v < 0 || v >= g.Order() {
			panic(fmt.Sprintf("network: Induced: node %d out of range [0, %d)", v, g.Order()))
		}
		keep[i] = int32(v)
	}
	slices.Sort(keep)
	return g.induced(slices.Compact(keep))
}

// induced is Induced for nodes sorted and distinct.
func (g *Graph) induced(nodes []int32) *Graph {
	b := &Builder{directed: g.directed, weighted: g.weighted, index: make(map[string]int32, len(nodes)), attrs: NewSchema()}
	for i, v := range nodes {
		b.labels = append(b.labels, g.Label(int(v)))
		b.index[g.Label(int(v))] = int32(i)
	}
	for i, u := range nodes {
		lo := g.off[u]
		for k, v := range g.adj[lo:g.off[u+1]] {
			j, ok := slices.BinarySearch(nodes, v)
			if !ok || (!g.directed && j < i) {
				continue
			}
			b.addRaw(int32(i), int32(j), g.weightAt(lo+k))
		}
	}
	sub, _ := b.Build()
	if g.attrs != nil {
		sub.attrs = g.attrs
		sub.nodeValues = make([]Attrs, len(nodes))
		for i, v := range nodes {
			sub.nodeValues[i] = g.nodeValues[v]
		}
	}
	return sub
}

// EgoNetOf returns node's first-order ego network as an EgoNet, so that the
// survey measures can be applied to a node of a whole network: the alters are
// its neighbours (in- and out-neighbours when directed), in index order, with
// the graph's node attributes as alter attributes and the node's own as ego
// attributes; the ties are the edges among them. An alter's Weight is the
// weight of the edge from the ego (from the alter to the ego if there is no
// such arc).
//
// Note that this is the ego-network model: Burt's measures computed on it
// normalise over the ego network only. For the whole-network model use the
// graph itself.
func EgoNetOf(g *Graph, node int) *EgoNet {
	ds := &Dataset{
		EgoAttrs: g.Attrs(), AlterAttrs: g.Attrs(), TieAttrs: NewSchema(),
		Directed: g.directed, AlterWeighted: g.weighted, TieWeighted: g.weighted,
	}
	var nb []int32
	nb = append(nb, g.adj[g.off[node]:g.off[node+1]]...)
	if g.directed {
		nb = append(nb, g.inAdj[g.inOff[node]:g.inOff[node+1]]...)
		slices.Sort(nb)
		nb = slices.Compact(nb)
	}
	e := &EgoNet{ID: g.Label(node), ds: ds}
	if g.nodeValues != nil {
		e.Attrs = g.nodeValues[node]
	}
	for _, v := range nb {
		w, ok := g.EdgeWeight(node, int(v))
		if !ok {
			w, _ = g.EdgeWeight(int(v), node)
		}
		a := Alter{ID: g.Label(int(v)), Weight: w}
		if g.nodeValues != nil {
			a.Attrs = g.nodeValues[v]
		}
		e.Alters = append(e.Alters, a)
	}
	for i, u := range nb {
		lo := g.off[u]
		for k, v := range g.adj[lo:g.off[u+1]] {
			j, ok := slices.BinarySearch(nb, v)
			if !ok || (!g.directed && j < i) {
				continue
			}
			e.Ties = append(e.Ties, Tie{From: i, To: j, Weight: g.weightAt(lo + k)})
		}
	}
	ds.Egos = []*EgoNet{e}
	return e
}

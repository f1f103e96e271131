package network

import (
	"fmt"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/graph"
)

// FromGonumOptions configures FromGonum. The zero value labels each node
// with its gonum ID in decimal.
type FromGonumOptions struct {
	// Label, when not nil, gives each node's label; labels must be
	// distinct.
	Label func(graph.Node) string
}

// FromGonum builds a Graph from any gonum graph. The Graph is directed
// when g is a graph.Directed and undirected otherwise; it is weighted when
// g is a graph.Weighted, each edge taking the weight of g.WeightedEdge.
// Nodes are numbered in ascending order of their gonum IDs and labelled
// with the ID in decimal (or opt.Label), so Lookup(strconv.FormatInt(id,
// 10)) finds a node again; isolated nodes are kept. Self-loops are
// dropped (a Graph has none). A multigraph's parallel lines become one
// edge with the weight gonum's WeightedEdge gives them.
//
// It returns an error wrapping ErrBadWeight when a weight is negative, NaN
// or infinite, and one naming the label when two nodes get the same label.
// Cost O((N + m) log N) time for N nodes and m edges.
func FromGonum(g graph.Graph, opt FromGonumOptions) (*Graph, error) {
	ns := graph.NodesOf(g.Nodes())
	slices.SortFunc(ns, func(a, b graph.Node) int {
		switch {
		case a.ID() < b.ID():
			return -1
		case a.ID() > b.ID():
			return 1
		}
		return 0
	})
	_, directed := g.(graph.Directed)
	wg, weighted := g.(graph.Weighted)
	b := NewBuilder(directed, weighted)
	index := make(map[int64]int, len(ns))
	for _, n := range ns {
		label := strconv.FormatInt(n.ID(), 10)
		if opt.Label != nil {
			label = opt.Label(n)
		}
		if b.HasNode(label) {
			return nil, fmt.Errorf("network: FromGonum: nodes %d and another share the label %q", n.ID(), label)
		}
		index[n.ID()] = b.LookupOrAdd(label)
	}
	for _, n := range ns {
		u := n.ID()
		it := g.From(u)
		for it.Next() {
			v := it.Node().ID()
			if u == v || (!directed && v < u) {
				continue
			}
			j, ok := index[v]
			if !ok {
				return nil, fmt.Errorf("network: FromGonum: %w: edge %d-%d ends at a node that Nodes does not list", ErrUnknownNode, u, v)
			}
			w := 1.0
			if weighted {
				w = wg.WeightedEdge(u, v).Weight()
			}
			if err := b.AddEdge(index[u], j, w); err != nil {
				return nil, fmt.Errorf("network: FromGonum: edge %d-%d: %w", u, v, err)
			}
		}
	}
	out, _ := b.Build()
	return out, nil
}

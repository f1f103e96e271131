package network_test

import (
	"fmt"

	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/sociogram/sociogram/network"
)

// A directed graph a→b←c read both ways by gonum: weakly connected (one
// component of the undirected view), three strong components (no cycle in
// the directed view).
func ExampleGraph_AsUndirected() {
	b := network.NewBuilder(true, false)
	b.AddEdge(b.LookupOrAdd("a"), b.LookupOrAdd("b"), 1)
	b.AddEdge(b.LookupOrAdd("c"), b.LookupOrAdd("b"), 1)
	g, _ := b.Build()
	fmt.Println("weak components:", len(topo.ConnectedComponents(g.AsUndirected())))
	fmt.Println("strong components:", len(topo.TarjanSCC(g.AsDirected())))
	a, _ := g.Lookup("a")
	c, _ := g.Lookup("c")
	sp := path.DijkstraFrom(g.AsUndirected().Node(int64(a)), g.AsUndirected())
	fmt.Println("a to c, ignoring direction:", sp.WeightTo(int64(c)))
	out, _ := dot.Marshal(g.AsUndirected(), "", "", "")
	fmt.Println(string(out))
	// Output:
	// weak components: 1
	// strong components: 3
	// a to c, ignoring direction: 2
	// strict graph {
	// // Node definitions.
	// 0;
	// 1;
	// 2;
	//
	// // Edge definitions.
	// 0 -- 1;
	// 1 -- 2;
	// }
}

// A gonum graph brought in: nodes ordered by ID and labelled with it,
// weights kept.
func ExampleFromGonum() {
	s := simple.NewWeightedUndirectedGraph(0, 0)
	s.SetWeightedEdge(s.NewWeightedEdge(simple.Node(7), simple.Node(3), 2.5))
	s.AddNode(simple.Node(9))
	g, err := network.FromGonum(s, network.FromGonumOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	seven, _ := g.Lookup("7")
	three, _ := g.Lookup("3")
	w, _ := g.EdgeWeight(seven, three)
	fmt.Println(g.Order(), "nodes:", g.Label(0), g.Label(1), g.Label(2))
	fmt.Println("directed:", g.Directed(), "weight 7-3:", w)
	// Output:
	// 3 nodes: 3 7 9
	// directed: false weight 7-3: 2.5
}

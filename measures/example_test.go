package measures_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// The structural measures of one survey ego network: ann names four
// people; her mother and sister know each other, the others know nobody
// else in the network. By hand: density 1/6; effective size 4 − 2·1/4 =
// 3.5 (Borgatti 1997); constraint 2·(1/4 + 1/4·1/2)² + 2·(1/4)² = 0.40625
// (networkx 3.6.1, pyenv python3: nx.constraint(G, nodes=["ann"]) gives
// 0.40625 and nx.effective_size(G, nodes=["ann"]) 3.5, G the ego graph
// with ann tied to all four).
func ExampleOf() {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	b.AddEgo("ann", "", nil)
	for _, alter := range []string{"mother", "sister", "neighbour", "nurse"} {
		b.AddAlter("ann", "", alter, 1, nil)
	}
	b.AddTie("ann", "", "mother", "sister", 1, nil)
	ds, _ := b.Build()

	st := measures.Of(ds.Egos[0])
	fmt.Println("size", st.Size, "ties", st.Ties, "components", st.Components, "isolates", st.Isolates)
	fmt.Printf("density %.3f, effective size %.2f, constraint %.3f\n", st.Density, st.EffectiveSize, st.Constraint)
	fmt.Println("ego betweenness", st.EgoBetweenness, "brokerage", st.Brokerage)
	// Output:
	// size 4 ties 1 components 3 isolates 2
	// density 0.167, effective size 3.50, constraint 0.406
	// ego betweenness 5 brokerage 5
}

// A node of a whole network as an ego (whole-network model: Burt's measures
// normalised over each node's full neighbourhood, as networkx and igraph).
// The centre of a star with three leaves is a pure broker. By hand (star
// with n = 3 leaves): effective size n = 3, constraint n·(1/n)² = 1/3, ego
// betweenness n(n−1)/2 = 3 (Everett & Borgatti 2005: each of the three
// pairs of leaves has only the centre between them).
func ExampleStructural() {
	b := network.NewBuilder(false, false)
	hub := b.LookupOrAdd("hub")
	for _, leaf := range []string{"a", "b", "c"} {
		b.AddEdge(hub, b.LookupOrAdd(leaf), 1)
	}
	g, _ := b.Build()

	st := measures.Structural(g, hub)
	fmt.Printf("effective size %g, constraint %.4f, ego betweenness %g\n", st.EffectiveSize, st.Constraint, st.EgoBetweenness)
	// Output:
	// effective size 3, constraint 0.3333, ego betweenness 3
}

// Every node of a whole network as an ego, on all cores: a triangle a–b–c
// with a pendant d on c. The values agree with networkx 3.6.1 (pyenv
// python3): nx.effective_size(G) gives a 1.0, b 1.0, c 2.3333333333333335,
// d 1.0 and nx.constraint(G) a 1.0069444444444444, b the same,
// c 0.6111111111111112, d 1.0.
func ExampleAllNodes() {
	b := network.NewBuilder(false, false)
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}} {
		b.AddEdge(b.LookupOrAdd(e[0]), b.LookupOrAdd(e[1]), 1)
	}
	g, _ := b.Build()

	stats, err := measures.AllNodes(context.Background(), g, measures.AllNodesOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for v, st := range stats {
		fmt.Printf("%s: size %g, effective size %.3f, constraint %.3f\n", g.Label(v), st.Size, st.EffectiveSize, st.Constraint)
	}
	// Output:
	// a: size 2, effective size 1.000, constraint 1.007
	// b: size 2, effective size 1.000, constraint 1.007
	// c: size 3, effective size 2.333, constraint 0.611
	// d: size 1, effective size 1.000, constraint 1.000
}

// A batch of measures for every ego of a study, named as in a measures
// list: structure, composition and a count by attribute. Bob names nobody
// and keeps his row, with NA where a measure is undefined. By hand: ann's
// density 1/3; blau 1 − (2/3)² − (1/3)² = 4/9.
func ExampleEgoTable() {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	b.AddEgo("ann", "", nil)
	b.AddEgo("bob", "", nil)
	for _, a := range [][2]string{{"mother", "family"}, {"sister", "family"}, {"jo", "friend"}} {
		b.AddAlter("ann", "", a[0], 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"role": a[1]}))
	}
	b.AddTie("ann", "", "mother", "sister", 1, nil)
	ds, _ := b.Build()

	specs, err := measures.ParseList("size,density,blau(role),count(role=family)")
	if err != nil {
		log.Fatal(err)
	}
	table, err := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{})
	if err != nil {
		log.Fatal(err)
	}
	table.WriteCSV(os.Stdout)
	// Output:
	// egoID,size,density,blau(role),count(role=family)
	// ann,3,0.3333333333333333,0.4444444444444444,2
	// bob,0,NA,NA,0
}

// Every node of a whole network as an ego, as a table: the centre of a star
// and its leaves. By hand: the centre as in ExampleStructural; a leaf has
// one alter, so effective size 1 and constraint (p = 1)² = 1.
func ExampleNodeTable() {
	b := network.NewBuilder(false, false)
	hub := b.LookupOrAdd("hub")
	for _, leaf := range []string{"a", "b", "c"} {
		b.AddEdge(hub, b.LookupOrAdd(leaf), 1)
	}
	g, _ := b.Build()

	specs, _ := measures.ParseList("size,effective_size,constraint")
	table, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{})
	if err != nil {
		log.Fatal(err)
	}
	table.WriteCSV(os.Stdout)
	// Output:
	// node,size,effective_size,constraint
	// hub,3,3,0.3333333333333333
	// a,1,1,1
	// b,1,1,1
	// c,1,1,1
}

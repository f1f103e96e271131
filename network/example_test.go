package network_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/network"
)

// writeFiles writes name → content into a new temporary directory.
func writeFiles(files map[string]string) string {
	dir, err := os.MkdirTemp("", "sociogram-example")
	if err != nil {
		log.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	return dir
}

// A study in the three-table layout of egor: one row per ego, one per
// alter, one per tie between alters. Egos with no alters keep their row.
func ExampleReadEgoCSV() {
	dir := writeFiles(map[string]string{
		"egos.csv":   "egoID,sex\nann,F\nbob,M\n",
		"alters.csv": "egoID,alterID,role\nann,1,family\nann,2,friend\nann,3,NA\n",
		"aaties.csv": "egoID,Source,Target\nann,1,2\nann,2,1\n",
	})
	defer os.RemoveAll(dir)

	ds, rep, err := network.ReadEgoCSV(
		filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"),
		network.EgoCSVOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range ds.Egos {
		roles, _ := e.AlterValues("role")
		fmt.Printf("%s (%s): %d alters %v, %d ties\n", e.ID, e.EgoValue("sex"), e.Size(), roles, len(e.Ties))
	}
	fmt.Println(rep.Count(network.RepairDuplicates), "duplicate tie merged")
	// Output:
	// ann (F): 3 alters [family friend NA], 1 ties
	// bob (M): 0 alters [], 0 ties
	// 1 duplicate tie merged
}

// A whole network from an edge list and a node file. The reader drops
// self-loops and merges duplicate edges, and says so in its Report.
func ExampleReadEdgeList() {
	dir := writeFiles(map[string]string{
		"edges.csv": "source,target\na,b\nb,c\nc,a\nc,d\nd,d\nb,a\n",
		"nodes.csv": "id,group\na,x\nb,x\nc,y\nd,y\ne,z\n",
	})
	defer os.RemoveAll(dir)

	g, rep, err := network.ReadEdgeList(filepath.Join(dir, "edges.csv"), filepath.Join(dir, "nodes.csv"), network.EdgeListOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Order(), "nodes,", g.Size(), "edges")
	c, _ := g.Lookup("c")
	fmt.Println("c has degree", g.Degree(c))
	fmt.Println(rep.Count(network.RepairSelfLoops), "self-loop dropped,", rep.Count(network.RepairDuplicates), "duplicate merged")
	// Output:
	// 5 nodes, 4 edges
	// c has degree 3
	// 1 self-loop dropped, 1 duplicate merged
}

// The ego network of radius 1 and 2 around a node of a path a–b–c–d–e
// (igraph make_ego_graph, networkx ego_graph).
func ExampleExtract() {
	b := network.NewBuilder(false, false)
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}} {
		b.AddEdge(b.LookupOrAdd(e[0]), b.LookupOrAdd(e[1]), 1)
	}
	g, _ := b.Build()
	c, _ := g.Lookup("c")
	for _, radius := range []int{1, 2} {
		sub, ego := network.Extract(g, c, radius)
		var labels []string
		for v := 0; v < sub.Order(); v++ {
			labels = append(labels, sub.Label(v))
		}
		fmt.Printf("radius %d: %v, %d edges, ego is %s\n", radius, labels, sub.Size(), sub.Label(ego))
	}
	// Output:
	// radius 1: [b c d], 2 edges, ego is c
	// radius 2: [a b c d e], 4 edges, ego is c
}

// Building a survey ego network in code, row by row.
func ExampleDatasetBuilder() {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	b.AddEgo("ann", "", network.NewAttrs(b.EgoAttrs(), map[string]string{"sex": "F"}))
	for _, alter := range []string{"mum", "sam", "jo"} {
		b.AddAlter("ann", "", alter, 1, nil)
	}
	b.AddTie("ann", "", "mum", "sam", 1, nil)
	if err := b.AddTie("ann", "", "mum", "stranger", 1, nil); err != nil {
		fmt.Println("error:", err)
	}
	ds, _ := b.Build()
	e := ds.Egos[0]
	fmt.Println(e.ID, e.Size(), "alters,", len(e.Ties), "tie")
	// Output:
	// error: unknown alter: "stranger" is not an alter of ego "ann"
	// ann 3 alters, 1 tie
}

// A Network Canvas CSV export: one ego file, one attribute list per node
// type and one edge list per edge type for every interview. This is the
// sample export of testdata/netcanvas (see testdata/README.md), with the
// interviews named by their case IDs.
func ExampleReadNetCanvas() {
	ds, rep, err := network.ReadNetCanvas("testdata/netcanvas", network.NetCanvasOptions{EgoID: "networkCanvasCaseID"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range ds.Egos {
		types, _ := e.AlterValues("type")
		fmt.Printf("%s: %d alters %v, %d ties\n", e.ID, e.Size(), types, len(e.Ties))
	}
	fmt.Println(rep.Count(network.RepairMultiplex), "tie of two edge types merged")
	// Output:
	// P001: 4 alters [Person Person Person Service], 3 ties
	// P002: 1 alters [Person], 0 ties
	// P003: 0 alters [], 0 ties
	// 1 tie of two edge types merged
}

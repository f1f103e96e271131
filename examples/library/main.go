// Command library uses sociogram as a library, only through its documented
// API: it reads a whole network, measures one node, measures every node,
// draws the network, and runs gonum algorithms on a view of the graph.
//
//	go run ./examples/library examples/brokers/data florentine.png
//
// The data are Padgett's Florentine marriage ties (see
// examples/brokers/data/README.md).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/topo"

	sgnet "github.com/sociogram/sociogram/network"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/visualize"
)

func main() {
	dir, picture := "examples/brokers/data", "florentine.png"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if len(os.Args) > 2 {
		picture = os.Args[2]
	}
	if err := run(context.Background(), dir, picture, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "library:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir, picture string, out io.Writer) error {
	// Read: an edge list and a node list (the node list adds the isolated
	// Pucci family). The report lists anything the reader repaired.
	g, rep, err := sgnet.ReadEdgeList(filepath.Join(dir, "florentine_marriages.csv"),
		filepath.Join(dir, "florentine_families.csv"), sgnet.EdgeListOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d families, %d marriages, %d repairs\n", g.Order(), g.Size(), len(rep.Repairs))

	// Measure one node: its cost is that of the node's neighbourhood.
	medici, ok := g.Lookup("Medici")
	if !ok {
		return fmt.Errorf("no Medici in %s", dir)
	}
	fmt.Fprintf(out, "Medici: effective size %.4f, constraint %.4f\n",
		measures.EffectiveSize(g, medici), measures.Constraint(g, medici))

	// Measure every node in one pass.
	all, err := measures.AllNodes(ctx, g, measures.AllNodesOptions{})
	if err != nil {
		return err
	}
	least := 0
	for v := range all {
		if all[v].Constraint < all[least].Constraint {
			least = v // NaN (the isolate) never compares less
		}
	}
	fmt.Fprintf(out, "least constrained: %s (%.4f)\n", g.Label(least), all[least].Constraint)

	// Draw, with the Medici as the ego.
	fig, err := visualize.SociogramFigure(ctx, g, visualize.SociogramOptions{Ego: "Medici", Seed: 1, Title: "Florentine marriages"})
	if err != nil {
		return err
	}
	f, err := os.Create(picture)
	if err != nil {
		return err
	}
	if err := fig.Write(f, "png"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	// Run gonum on a view: AsUndirected satisfies graph.Undirected, so
	// gonum's algorithms take it as they take their own graphs.
	u := g.AsUndirected()
	fmt.Fprintf(out, "components: %d\n", len(topo.ConnectedComponents(u)))
	// gonum counts the shortest paths between ordered pairs, so on an
	// undirected graph its betweenness is twice networkx's unnormalised one.
	bc := network.Betweenness(u)
	fmt.Fprintf(out, "Medici betweenness (gonum): %g\n", bc[int64(medici)])
	return nil
}

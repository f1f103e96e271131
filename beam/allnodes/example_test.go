package allnodes_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/sociogram/sociogram/beam/allnodes"
)

// Example runs the pipeline on Beam's local runner for a triangle a–b–c
// with a pendant d on c: the table sociogram nodes writes for
// --measures size,constraint,ego_betweenness. Constraint of a (alters b
// and c, p = 1/2 each; S_b = 2, S_c = 3): (1/2 + 1/2·1/3)² + (1/2 +
// 1/2·1/2)² = 4/9 + 9/16 = 1.00694…; of c (p = 1/3 each): 2 × (1/3 +
// 1/3·1/2)² + (1/3)² = 11/18 = 0.6111…; c brokers the pairs {a,d} and
// {b,d}, which have no common alter: ego betweenness 2.
func Example() {
	dir, err := os.MkdirTemp("", "allnodes")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	edges := filepath.Join(dir, "edges.csv")
	if err := os.WriteFile(edges, []byte("source,target\na,b\nb,c\nc,a\nc,d\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	out := filepath.Join(dir, "nodes.csv")
	p, s := beam.NewPipelineWithRoot()
	opt := allnodes.Options{Edges: edges, Out: out, Measures: "size,constraint,ego_betweenness"}
	if err := allnodes.Build(context.Background(), s, opt); err != nil {
		fmt.Println(err)
		return
	}
	if err := ptest.Run(p); err != nil { // beam.Run(ctx, "prism", p) in a program
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(out)
	fmt.Print(string(b))
	// Output:
	// node,size,constraint,ego_betweenness
	// a,2,1.00694444444444,0
	// b,2,1.00694444444444,0
	// c,3,0.611111111111111,2
	// d,1,1,0
}

package parquetio_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/parquetio"
)

// A whole network written as Parquet (edges.parquet, nodes.parquet) and
// read back; then its measures table written as Parquet.
func ExampleReadEdgeList() {
	dir, _ := os.MkdirTemp("", "parquetio")
	defer os.RemoveAll(dir)
	edges := filepath.Join(dir, "edges.csv")
	os.WriteFile(edges, []byte("source,target\n1,2\n2,3\n3,1\n3,4\n"), 0o644)
	g, _, err := network.ReadEdgeList(edges, "", network.EdgeListOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := parquetio.WriteEdgeListDir(dir, g); err != nil {
		fmt.Println(err)
		return
	}
	back, _, err := parquetio.ReadEdgeList(filepath.Join(dir, "edges.parquet"), filepath.Join(dir, "nodes.parquet"), network.EdgeListOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back.Order(), "nodes,", back.Size(), "edges")

	specs, _ := measures.ParseList("size,density")
	t, _ := measures.NodeTable(context.Background(), back, specs, measures.TableOptions{})
	f, _ := os.Create(filepath.Join(dir, "measures.parquet"))
	defer f.Close()
	if err := parquetio.WriteTable(f, t, measures.WriteOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	// The same table as CSV. By hand: node 3's neighbours 1, 2, 4 have one
	// tie (1-2) among three pairs, density 1/3; node 4 has one neighbour,
	// no pairs, density undefined (NA, a null in the Parquet file).
	t.WriteCSV(os.Stdout)
	// Output:
	// 4 nodes, 4 edges
	// node,size,density
	// 1,2,1
	// 2,2,1
	// 3,3,0.3333333333333333
	// 4,1,NA
}

package network_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/network"
)

// Each ego's structure, read as the files stream by: alters in the order
// of alters.csv, ties merged (1,2 and 2,1 are one tie) and sorted, the
// place (type "place") left out as the structural measures leave it.
func ExampleStreamEgoGraphs() {
	dir := writeFiles(map[string]string{
		"egos.csv":   "egoID\nann\nbob\n",
		"alters.csv": "egoID,alterID,type\nann,1,person\nann,2,person\nann,3,place\nbob,1,NA\n",
		"aaties.csv": "egoID,Source,Target,weight\nann,1,2,1\nann,2,1,2\nann,2,3,1\n",
	})
	defer os.RemoveAll(dir)

	rep, err := network.StreamEgoGraphs(
		filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"),
		network.EgoCSVOptions{}, network.EgoGraphOptions{}, func(g *network.EgoGraph) error {
			fmt.Printf("%s: %d alters, ties %v\n", g.ID, g.Size(), g.Ties)
			return nil
		})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Count(network.RepairDuplicates), "duplicate tie merged")
	// Output:
	// ann: 2 alters, ties [{0 1 3}]
	// bob: 1 alters, ties []
	// 1 duplicate tie merged
}

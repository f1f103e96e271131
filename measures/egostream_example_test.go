package measures_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// The structural measures of a study streamed from its three tables to a
// CSV table, as `sociogram egos -o FILE` writes it. ann's two alters are
// tied: size 2, 1 tie, density 1; each alter's p from ann is 1/2 and the
// alters are tied to each other, so constraint = 2 · (1/2 + 1/2 · 1/2)² =
// 1.125; bob has no alters (constraint NA).
func ExampleStreamEgoCSV() {
	dir, err := os.MkdirTemp("", "stream")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for name, text := range map[string]string{
		"egos.csv":   "egoID\nann\nbob\n",
		"alters.csv": "egoID,alterID\nann,1\nann,2\n",
		"aaties.csv": "egoID,Source,Target\nann,1,2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	specs, err := measures.ParseList("size,ties,density,constraint")
	if err != nil {
		log.Fatal(err)
	}
	_, err = measures.StreamEgoCSV(context.Background(), os.Stdout,
		filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"),
		network.EgoCSVOptions{}, specs, measures.StreamOptions{}, measures.WriteOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// egoID,size,ties,density,constraint
	// ann,2,1,1,1.125
	// bob,0,0,NA,NA
}

// OfEgoGraph measures an ego network given by its structure alone: a
// triangle of alters around the ego (each alter's p = 1/3 from the ego and
// 1/3 to each other alter) has constraint 3 · (1/3 + 2 · 1/3 · 1/3)² = 25/27.
func ExampleOfEgoGraph() {
	g := network.EgoGraph{
		ID:           "ann",
		AlterWeights: []float64{1, 1, 1},
		Ties:         []network.EgoTie{{From: 0, To: 1, Weight: 1}, {From: 0, To: 2, Weight: 1}, {From: 1, To: 2, Weight: 1}},
	}
	st := measures.OfEgoGraph(&g)
	fmt.Printf("size %v, density %v, constraint %.6f (25/27 = %.6f)\n", st.Size, st.Density, st.Constraint, 25.0/27)
	// Output:
	// size 3, density 1, constraint 0.925926 (25/27 = 0.925926)
}

// Command quickstart is the README's quick start: read a study from the
// three CSV tables (egos, alters, alter–alter ties), compute measures for
// every ego, and print them as CSV.
//
//	go run ./cmd/sociogram demo                      # writes sociogram-demo/data/
//	go run ./examples/quickstart sociogram-demo/data
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func main() {
	dir := "sociogram-demo/data"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(dir string, out io.Writer) error {
	// --- the README's ten lines start here ---
	ds, _, err := network.ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"),
		filepath.Join(dir, "aaties.csv"), network.EgoCSVOptions{Wave: "wave"})
	if err != nil {
		return err
	}
	specs, err := measures.ParseList("size,density,effective_size,constraint,blau(role),count(role=group)")
	if err != nil {
		return err
	}
	table, err := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{})
	if err != nil {
		return err
	}
	return table.WriteCSV(out)
	// --- and end here ---
}

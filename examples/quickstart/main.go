// Command quickstart is the README's quick start: read a study from the
// three CSV tables (egos, alters, alter–alter ties), compute measures for
// every ego, print them as CSV, and draw the first ego's network map.
//
//	go run ./cmd/sociogram demo                      # writes sociogram-demo/data/
//	go run ./examples/quickstart sociogram-demo/data egogram.png
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

func main() {
	dir, picture := "sociogram-demo/data", "egogram.png"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if len(os.Args) > 2 {
		picture = os.Args[2]
	}
	if err := run(dir, picture, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(dir, picture string, out io.Writer) error {
	// --- the README's quick start starts here ---
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
	if err := table.WriteCSV(out); err != nil {
		return err
	}
	fig, err := visualize.EgogramFigure(ds.Egos[0], visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{Rings: "ring", Sectors: "role"},
		Style:          visualize.Style{Color: "role"},
	})
	if err != nil {
		return err
	}
	f, err := os.Create(picture)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := fig.Write(f, "png"); err != nil {
		return err
	}
	return f.Close()
	// --- and ends here ---
}

// Command netcanvas reads the CSV export of a Network Canvas interview
// study (https://networkcanvas.com) — one ego file, one attribute list per
// node type and one edge list per edge type for every interview — and
// prints each person's measures: how many people and services they named,
// how many ties among them, density, and composition by node type.
//
//	go run ./examples/netcanvas                                # the sample export
//	go run ./examples/netcanvas -o maps/ path/to/export/       # your export, and network maps
//
// The default is the hand-written sample export the network package is
// tested on (network/testdata/netcanvas; see its README). Interviews are
// named by their case ID (networkCanvasCaseID). Edges of several types
// between the same two people (here "knows" and "close") become one tie,
// and the reader says so. With -o DIR each interview is drawn as a network
// map: closeness ring (5 = closest, innermost) and sector by node type.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// sample is the sample export, relative to the repository root.
const sample = "network/testdata/netcanvas"

func main() {
	dir := flag.String("o", "", "draw a network map of each interview into `DIR`")
	flag.Parse()
	export := sample
	if flag.NArg() > 0 {
		export = flag.Arg(0)
	}
	if err := run(os.Stdout, export, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "netcanvas:", err)
		os.Exit(1)
	}
}

func run(out io.Writer, export, pictures string) error {
	ds, rep, err := network.ReadNetCanvas(export, network.NetCanvasOptions{EgoID: "networkCanvasCaseID"})
	if err != nil {
		return err
	}
	for _, line := range rep.Lines() {
		fmt.Fprintln(out, "note:", line)
	}
	specs, err := measures.ParseList("size,ties,density,count(type=Person),count(type=Service),mean(closeness)")
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
	if pictures == "" {
		return nil
	}
	if err := os.MkdirAll(pictures, 0o755); err != nil {
		return err
	}
	look := visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{Rings: "closeness", ReverseRings: true, Sectors: "type"},
		Style:          visualize.Style{Color: "type", Label: "name"},
	}
	for _, e := range ds.Egos {
		f, err := visualize.EgogramFigure(e, look)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, "png"); err != nil {
			return err
		}
		path := filepath.Join(pictures, e.ID+".png")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(out, "wrote", path)
	}
	return nil
}

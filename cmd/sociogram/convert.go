package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/parquetio"
)

func init() {
	register(&command{
		name:    "convert",
		summary: "convert between file formats",
		usage: `Usage: sociogram convert <input flags> --to graphml|edges|parquet|egocsv -o PATH

Reads survey ego networks (--egos, --alters, --ties; --netcanvas DIR, a
Network Canvas CSV export; --graphml DIR or a GraphML file with a graph-level
egoID key) or a whole network (--edges, --nodes; --pajek FILE; --graphml FILE)
and writes them in another format:
  --to graphml  a whole network: PATH is one GraphML file ("-" for stdout);
                survey data: PATH is a directory of one GraphML file per ego
                (ego data as graph-level data, alters as nodes)
  --to edges    PATH/edges.csv (source,target[,weight]) and PATH/nodes.csv
  --to parquet  PATH/edges.parquet and PATH/nodes.parquet, the same columns
                typed (integer IDs as int64), for --edges/--nodes *.parquet
  --to egocsv   PATH/egos.csv, PATH/alters.csv, PATH/aaties.csv
Files are written to a temporary name and moved into place, so a failed run
leaves no half-written output.

Examples:
  sociogram convert --edges net.csv --nodes people.csv --to graphml -o net.graphml
  sociogram convert --egos egos.csv --alters alters.csv --ties aaties.csv --to graphml -o egos/
  sociogram convert --graphml egos/ --to egocsv -o tables/
  sociogram convert --netcanvas export/ --to egocsv -o tables/
  sociogram convert --pajek net.net --to edges -o out/
`,
		run: runConvert,
	})
}

func runConvert(args []string, stdout, stderr io.Writer) error {
	c := commands["convert"]
	fs := newFlags(c, stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addWhole(fs)
	in.addCommon(fs)
	to := fs.String("to", "", "output `FORMAT`: graphml, edges, parquet (a whole network as edges.parquet and nodes.parquet) or egocsv")
	out := fs.String("o", "", "output `PATH`: a file for one GraphML graph, else a directory")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o PATH is required")
	}
	switch *to {
	case "graphml", "edges", "parquet", "egocsv":
	case "":
		return usagef("--to FORMAT is required (graphml, edges, parquet or egocsv)")
	default:
		return usagef("unknown --to %q (want graphml, edges, parquet or egocsv)", *to)
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	switch *to {
	case "graphml":
		if src.g != nil {
			return writeOutput(*out, stdout, func(w io.Writer) error {
				bw := bufio.NewWriter(w)
				if err := network.WriteGraphML(bw, src.g); err != nil {
					return err
				}
				return bw.Flush()
			})
		}
		if *out == "-" {
			return usagef("survey data converts to a directory of GraphML files (one per ego), not to stdout")
		}
		if err := checkStaleGraphML(*out, network.GraphMLEgoFileNames(src.ds)); err != nil {
			return err
		}
		return writeDir(*out, func(dir string) error {
			return network.WriteGraphMLDatasetDir(dir, src.ds, in.graphMLOptions())
		})
	case "edges":
		if src.g == nil {
			return usagef("--to edges needs a whole network (--edges, --pajek or a whole-network --graphml); survey data converts to egocsv or graphml")
		}
		return writeDir(*out, func(dir string) error { return network.WriteEdgeListDir(dir, src.g) })
	case "parquet":
		if src.g == nil {
			return usagef("--to parquet needs a whole network (--edges, --pajek or a whole-network --graphml)")
		}
		return writeDir(*out, func(dir string) error { return parquetio.WriteEdgeListDir(dir, src.g) })
	default: // egocsv
		if src.ds == nil {
			return usagef("--to egocsv needs survey data (--egos/--alters, --netcanvas or a GraphML ego dataset)")
		}
		return writeDir(*out, func(dir string) error { return network.WriteEgoCSVDir(dir, src.ds, in.egoOptions()) })
	}
}

// checkStaleGraphML refuses to write ego files into a directory that holds
// other GraphML files: reading the directory back would mix in egos from
// another run.
func checkStaleGraphML(dir string, names []string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil // a new directory
	}
	ours := make(map[string]bool, len(names))
	for _, n := range names {
		ours[n] = true
	}
	for _, e := range ents {
		n := e.Name()
		// The names the GraphML directory reader takes, in any letter case.
		l := strings.ToLower(n)
		graphml := strings.HasSuffix(l, ".graphml") || strings.HasSuffix(l, ".graphml.gz") || strings.HasSuffix(l, ".xml") || strings.HasSuffix(l, ".xml.gz")
		if !ours[n] && graphml {
			return fmt.Errorf("%s: already holds %s, which this run would not replace; write to a new or empty directory", dir, n)
		}
	}
	return nil
}

package main

import (
	"io"

	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "convert",
		summary: "convert between file formats",
		usage: `Usage: sociogram convert <input flags> --to edges|egocsv -o PATH

Reads survey ego networks (--egos, --alters, --ties) or a whole network
(--edges, --nodes) and writes them in another format:
  --to edges   PATH/edges.csv (source,target[,weight]) and PATH/nodes.csv
  --to egocsv  PATH/egos.csv, PATH/alters.csv, PATH/aaties.csv

Example:
  sociogram convert --edges net.csv --nodes people.csv --to edges -o out/
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
	to := fs.String("to", "", "output `FORMAT`: edges or egocsv")
	out := fs.String("o", "", "output `PATH` (a directory)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o PATH is required")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	switch *to {
	case "edges":
		if src.g == nil {
			return usagef("--to edges needs a whole network (--edges); survey data converts to egocsv")
		}
		return network.WriteEdgeListDir(*out, src.g)
	case "egocsv":
		if src.ds == nil {
			return usagef("--to egocsv needs survey data (--egos, --alters)")
		}
		return network.WriteEgoCSV(*out, src.ds, in.egoOptions())
	case "":
		return usagef("--to FORMAT is required (edges or egocsv)")
	}
	return usagef("unknown --to %q (want edges or egocsv)", *to)
}

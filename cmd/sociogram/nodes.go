package main

import (
	"context"
	"io"

	"github.com/sociogram/sociogram/measures"
)

func init() {
	register(&command{
		name:    "nodes",
		summary: "measures of every node of a whole network taken as an ego",
		usage: `Usage: sociogram nodes --edges FILE [--nodes FILE] | --graphml FILE | --pajek FILE
       [--directed] [--weight COL] [--measures LIST] [--format csv|json] [-o FILE]

Takes every node of a whole network as an ego and writes one row per node:
node, then one column per measure, named exactly as requested. Burt's
measures (effective_size, efficiency, constraint, hierarchy) use the
whole-network model, as networkx and igraph. Compositional measures
(blau(A), prop(A=V), ...) use the node attributes of the neighbours.
The default list is every structural measure: size, ties, density,
components, isolates, effective_size, efficiency, constraint, hierarchy,
ego_betweenness, brokerage; also weighted_density, redundancy,
ego_betweenness_norm, brokerage_norm, and the compositional measures of
sociogram egos --help. Every name with its definition: the Measures section
of the README, or go doc github.com/sociogram/sociogram/measures.

Example:
  sociogram nodes --edges edges.csv --nodes people.csv --measures 'size,constraint,blau(sex)'
`,
		run: runNodes,
	})
}

func runNodes(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["nodes"], stderr)
	var in inputFlags
	in.addWhole(fs)
	in.addCommon(fs)
	var mf measureFlags
	mf.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.g == nil {
		return usagef("nodes needs a whole network (--edges, --graphml FILE or --pajek); for survey data use sociogram egos")
	}
	prog, end := progress(stderr, "nodes")
	t, err := measures.NodeTable(context.Background(), src.g, specs, measures.TableOptions{Progress: prog})
	end()
	if err != nil {
		return err
	}
	return mf.write(stdout, t)
}

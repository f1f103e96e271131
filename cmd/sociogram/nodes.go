package main

import (
	"context"
	"io"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "nodes",
		summary: "measures of every node of a whole network taken as an ego",
		usage: `Usage: sociogram nodes --edges FILE [--nodes FILE] | --graphml FILE | --pajek FILE
       [--directed] [--weight COL] [--measures LIST] [--classify RULES.json]
       [--instruments FILE.json] [--format csv|json] [-o FILE]

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

--classify and --instruments work as for sociogram egos, with the node
attributes as both the ego's and the neighbours' attributes: bonding,
bridging, linking, unclassified and *_share count a node's neighbours by
the rules; a strength rule without "attribute" uses the edge weights.

Example:
  sociogram nodes --edges edges.csv --nodes people.csv --measures 'size,constraint,blau(sex)'
`,
		run:      runNodes,
		measures: true,
	})
}

func runNodes(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["nodes"], stderr)
	var in inputFlags
	in.addWhole(fs)
	in.addCommon(fs)
	var mf measureFlags
	mf.add(fs)
	var cf capitalFlags
	cf.add(fs)
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
	// The rules are checked against the node attributes, which every
	// node's ego network (network.EgoNetOf) uses for ego and alters alike.
	g := src.g
	opt, err := cf.options(&network.Dataset{EgoAttrs: g.Attrs(), AlterAttrs: g.Attrs(),
		TieAttrs: network.NewSchema(), Directed: g.Directed(), AlterWeighted: g.IsWeighted()},
		measures.TableOptions{})
	if err != nil {
		return err
	}
	prog, end := progress(stderr, "nodes")
	opt.Progress = prog
	t, err := measures.NodeTable(context.Background(), g, specs, opt)
	end()
	if err != nil {
		return err
	}
	return mf.writeTable(stdout, t, nil)
}

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
       [--instruments FILE.json] [--format csv|json|parquet] [-o FILE]
       [--shard I/K -o PART]

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

--shard I/K (I from 1 to K, as SLURM's --array=1-K numbers its tasks)
computes only the rows of the I-th of K contiguous node ranges, cut so
that each holds about the same Σ (degree + 1); the graph is read whole, so
each row is the row of the whole run. It needs -o PART and writes beside
it PART.shard, a record of the shard, the range and the graph that
sociogram merge checks before it joins the parts into the table the
unsharded run writes, byte for byte.

Example:
  sociogram nodes --edges edges.csv --nodes people.csv --measures 'size,constraint,blau(sex)'
  sociogram nodes --edges edges.csv --shard 2/8 -o part2.csv
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
	var shard string
	fs.StringVar(&shard, "shard", "", "compute only shard `I/K` (I from 1 to K) of the nodes; needs -o")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	var sh *shardFlag
	if shard != "" {
		if sh, err = parseShard(shard); err != nil {
			return err
		}
		if mf.out == "" || mf.out == "-" {
			return usagef("--shard needs -o FILE (the shard's record is written beside it, as FILE.shard)")
		}
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
	var rec *shardRecord
	if sh != nil {
		nr := measures.Shard(g, sh.i-1, sh.k)
		opt.Nodes = &nr
		rec = newShardRecord(g, sh, nr)
	}
	prog, end := progress(stderr, "nodes")
	opt.Progress = prog
	t, err := measures.NodeTable(context.Background(), g, specs, opt)
	end()
	if err != nil {
		return err
	}
	if err := mf.writeTable(stdout, t, nil); err != nil {
		return err
	}
	if rec == nil {
		return nil
	}
	return rec.write(mf, t)
}

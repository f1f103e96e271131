package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime/debug"

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
	lowGCHeadroom()
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
	if rec == nil && mf.format == "csv" {
		err := streamNodes(g, specs, opt, &mf, stdout)
		end()
		return err
	}
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

// streamNodes writes the CSV table of every node a block of rows at a
// time (measures.StreamNodeTable), so that memory holds one block of rows
// rather than the whole table: with the eleven default measures the whole
// table and its Stats took about 300 bytes per node, more than the graph
// itself on sparse graphs (issue 17 item 3). The bytes are those of
// NodeTable's table written at once.
func streamNodes(g *network.Graph, specs []measures.Spec, opt measures.TableOptions, mf *measureFlags, stdout io.Writer) error {
	return writeOutput(mf.out, stdout, func(w io.Writer) error {
		var buf bytes.Buffer
		head := -1 // the header's length once written; every block repeats it
		return measures.StreamNodeTable(context.Background(), g, specs, measures.StreamOptions{Table: opt}, func(t *measures.Table) error {
			wopt := mf.writeOptions(t.KeyNames, nil)
			buf.Reset()
			if err := t.WriteCSVWith(&buf, wopt); err != nil {
				return err
			}
			rows := buf.Bytes()
			if head >= 0 {
				rows = rows[head:]
			} else {
				var h bytes.Buffer
				if err := (&measures.Table{KeyNames: t.KeyNames, Columns: t.Columns}).WriteCSVWith(&h, wopt); err != nil {
					return err
				}
				head = h.Len()
			}
			_, err := w.Write(rows)
			return err
		})
	})
}

// lowGCHeadroom lets the heap grow 25% over the live data between
// collections instead of Go's default 100% (unless the user set GOGC):
// the graph and the engine are large and nearly free of pointers, so a
// collection costs little, while the default headroom doubled the peak
// memory of sociogram nodes on large graphs (BA 10M edges: 540 MB against
// 370 MB; issue 17 item 3).
func lowGCHeadroom() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}
}

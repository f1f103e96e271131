// Command brokers takes every node of a whole network as an ego and ranks
// the brokers: the nodes whose contacts are least redundant (Burt's
// effective size), least constraining (Burt's constraint) and who stand
// most often between contacts who are not tied (Everett & Borgatti's ego
// betweenness).
//
// The network is the marriage network of the Florentine families
// (Breiger & Pattison 1986; Padgett & Ansell 1993), embedded from
// data/florentine_marriages.csv; see data/README.md for its source. The
// Medici, who rose to power by marrying into families that did not marry
// each other, come out on top.
//
//	go run ./examples/brokers                      # the ranking
//	go run ./examples/brokers -top 3               # only the top three
//	go run ./examples/brokers -o florentine.png    # and a picture (.png, .svg, .pdf)
//
// The picture is a force-directed sociogram (seeded, so the same every
// time) with each family's node sized by its effective size and the top
// broker drawn as the ego.
//
// Other networks: -edges FILE [-nodes FILE] reads any edge list CSV.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

//go:embed data/florentine_marriages.csv
var marriages []byte

//go:embed data/florentine_families.csv
var families []byte

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "brokers:", err)
		os.Exit(1)
	}
}

// broker is one node's brokerage measures.
type broker struct {
	name                                   string
	degree                                 int
	effectiveSize, constraint, betweenness float64
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("brokers", flag.ContinueOnError)
	top := fs.Int("top", 5, "show the top `N` brokers")
	edges := fs.String("edges", "", "edge list `FILE` (default: the Florentine marriages)")
	nodes := fs.String("nodes", "", "node `FILE` for -edges")
	picture := fs.String("o", "", "draw the network to `FILE` (.png, .svg or .pdf)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	g, err := load(*edges, *nodes)
	if err != nil {
		return err
	}

	bs, err := rank(context.Background(), g)
	if err != nil {
		return err
	}
	if *picture != "" {
		title := "Florentine marriages"
		if *edges != "" {
			title = filepath.Base(*edges)
		}
		if err := drawBrokers(*picture, title, g, bs); err != nil {
			return err
		}
	}
	if *top > 0 && *top < len(bs) {
		bs = bs[:*top]
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rank\tnode\tties\teffective size\tconstraint\tego betweenness\t")
	for i, b := range bs {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t\n", i+1, b.name, b.degree, num(b.effectiveSize, 3), num(b.constraint, 3), num(b.betweenness, 1))
	}
	return tw.Flush()
}

// num formats x with prec decimals, NA when it is undefined.
func num(x float64, prec int) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return strconv.FormatFloat(x, 'f', prec, 64)
}

// rank computes the brokerage measures of every node of g taken as an ego
// (whole-network model, as networkx and igraph) and sorts the nodes, most
// effective contacts first; ties are broken by lower constraint, then by
// name. Isolates (effective size undefined) come last.
func rank(ctx context.Context, g *network.Graph) ([]broker, error) {
	stats, err := measures.AllNodes(ctx, g, measures.AllNodesOptions{})
	if err != nil {
		return nil, err
	}
	bs := make([]broker, g.Order())
	for v, st := range stats {
		bs[v] = broker{g.Label(v), g.Degree(v), st.EffectiveSize, st.Constraint, st.EgoBetweenness}
	}
	sort.SliceStable(bs, func(i, j int) bool {
		a, b := bs[i], bs[j]
		if math.IsNaN(a.effectiveSize) != math.IsNaN(b.effectiveSize) {
			return !math.IsNaN(a.effectiveSize)
		}
		if a.effectiveSize != b.effectiveSize {
			return a.effectiveSize > b.effectiveSize
		}
		if a.constraint != b.constraint {
			return a.constraint < b.constraint
		}
		return a.name < b.name
	})
	return bs, nil
}

// load reads the given edge list, or the embedded Florentine marriages.
func load(edges, nodes string) (*network.Graph, error) {
	if edges != "" {
		g, _, err := network.ReadEdgeList(edges, nodes, network.EdgeListOptions{})
		return g, err
	}
	ein, err := network.NewInput("florentine_marriages.csv", bytes.NewReader(marriages), false)
	if err != nil {
		return nil, err
	}
	nin, err := network.NewInput("florentine_families.csv", bytes.NewReader(families), false)
	if err != nil {
		return nil, err
	}
	g, _, err := network.ReadEdgeListFrom(ein, nin, network.EdgeListOptions{})
	return g, err
}

// drawBrokers draws g with node size by effective size, every family
// sized alike by it (the top broker too: a whole network has no ego).
func drawBrokers(path, title string, g *network.Graph, bs []broker) error {
	size := make([]float64, g.Order())
	for _, b := range bs {
		v, _ := g.Lookup(b.name)
		size[v] = b.effectiveSize
	}
	f, err := visualize.SociogramFigure(context.Background(), g, visualize.SociogramOptions{
		Style: visualize.Style{SizeValues: size, SizeName: "effective size"},
		Seed:  1,
		Title: title + ": node size is effective size",
	})
	if err != nil {
		return err
	}
	format := strings.TrimPrefix(filepath.Ext(path), ".")
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := f.Write(out, format); err != nil {
		out.Close()
		os.Remove(path)
		return err
	}
	return out.Close()
}

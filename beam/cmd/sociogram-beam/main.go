// Command sociogram-beam computes the measures of every node of a whole
// network taken as an ego, as sociogram nodes does, as an Apache Beam
// pipeline (package allnodes): on Beam's local runner, prism, by default,
// or on Flink, Spark or Dataflow with Beam's --runner flag and that
// runner's flags.
//
// Usage:
//
//	sociogram-beam --edges edges.csv [--weight COL] [--measures LIST]
//	    [--format csv|json] [--digits N] -o FILE [--runner prism|flink|spark|dataflow ...]
//
// Errors are one line on stderr, "sociogram-beam: FILE:LINE: what", and
// exit status 1 (2 for a mistake in the command line).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/sociogram/sociogram/beam/allnodes"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// usageError marks a mistake in the command line.
type usageError struct{ error }

func run(args []string, stderr io.Writer) int {
	var opt allnodes.Options
	flag.StringVar(&opt.Edges, "edges", "", "edge list CSV `FILE` (source,target[,weight]); any Beam filesystem path (gs://...)")
	flag.StringVar(&opt.Source, "source", "", "source column `NAME` (default: source, any letter case)")
	flag.StringVar(&opt.Target, "target", "", "target column `NAME` (default: target, any letter case)")
	flag.StringVar(&opt.Weight, "weight", "", "weight column `NAME`; - for unweighted (default: weight when the file has it)")
	flag.StringVar(&opt.Measures, "measures", "", "comma-separated `LIST` of structural measures (default: the eleven of sociogram nodes)")
	flag.StringVar(&opt.Format, "format", "csv", "output `FORMAT`: csv or json")
	flag.IntVar(&opt.Digits, "digits", 15, "significant `N` digits of values that are not whole numbers, 1-17")
	flag.StringVar(&opt.Out, "o", "", "output `FILE` (required; any Beam filesystem path)")
	flag.IntVar(&opt.HotDegree, "hot-degree", 1000, "split the keys of nodes of degree above `N` into salted sub-keys")
	flag.Int64Var(&opt.ChunkBytes, "chunk-bytes", 16<<20, "read the edge list in ranges of `N` bytes")
	flag.CommandLine.Init("sociogram-beam", flag.ContinueOnError)
	flag.CommandLine.SetOutput(stderr)
	if err := flag.CommandLine.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	err := pipeline(opt)
	if err == nil {
		return 0
	}
	msg := allnodes.Located(err, opt.Edges)
	if msg == "" {
		msg = strings.Join(strings.Fields(err.Error()), " ")
	}
	fmt.Fprintf(stderr, "sociogram-beam: %s\n", msg)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func pipeline(opt allnodes.Options) error {
	if flag.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", flag.Arg(0))}
	}
	if opt.Edges == "" || opt.Out == "" {
		return usageError{fmt.Errorf("want --edges FILE and -o FILE")}
	}
	beam.Init()
	ctx := context.Background()
	p, s := beam.NewPipelineWithRoot()
	if err := allnodes.Build(ctx, s, opt); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
)

func init() {
	register(&command{
		name:    "alters",
		summary: "one row per alter with the ego's attributes, for multilevel models",
		usage: `Usage: sociogram alters --egos FILE --alters FILE [--ties FILE]
       [--measures degree,betweenness,betweenness_norm,component,isolate]
       [--classify RULES.json] [other input flags] [--format csv|json|parquet] [-o FILE]
   or: sociogram alters --graphml DIR|FILE | --netcanvas DIR [same options]

Writes one row per alter of every ego (and wave), egos and alters in input
order, in the long format multilevel models of alters nested in egos need
(R lme4::lmer, Python statsmodels MixedLM):

  egoID, wave (only when the data has waves), alterID,
  ego_A for every ego attribute A, then every alter attribute,
  the alter measures of --measures, then class, rule with --classify

Alter measures, in the alter-alter graph with the ego removed (directed ties
taken without direction):
  degree            other alters the alter is tied to (each once)
  betweenness       Freeman betweenness within the alter-alter graph, each
                    pair counted once, not normalised (igraph
                    betweenness(directed=FALSE), networkx normalized=False)
  betweenness_norm  betweenness / ((n-1)(n-2)/2), n alters; NA for n < 3
  component         number of the alter's component, 1, 2, ... in order of
                    each component's first alter in input order
  isolate           1 when tied to no other alter, else 0
With --classify, class (bonding, bridging, linking, unclassified) and rule
as sociogram classify writes them.

An ego who named nobody has no rows; the count is printed on stderr.

Example:
  sociogram alters --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --measures degree,betweenness,component,isolate \
      --classify rules.json -o alters_long.csv
`,
		run: runAlters,
	})
}

func runAlters(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["alters"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	list := fs.String("measures", "", "comma-separated alter `MEASURES`: "+strings.Join(analysis.AlterMeasures(), ", "))
	rulesFile := fs.String("classify", "", "bonding/bridging/linking classification rules `FILE` (JSON): adds class and rule")
	var tf tableFlags
	tf.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	var opt analysis.AlterOptions
	var err error
	if opt.Measures, err = analysis.ParseAlterMeasures(*list); err != nil {
		return usageError{err}
	}
	var rs *measures.Rules
	if *rulesFile != "" {
		if rs, err = measures.ReadRules(*rulesFile); err != nil {
			return err
		}
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("alters needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR), not a whole network")
	}
	if rs != nil {
		if err := rs.Check(src.ds); err != nil {
			return err
		}
		opt.Rules = rs
	}
	t, err := analysis.Alters(src.ds, opt)
	if err != nil {
		return err
	}
	if t.NoAlters > 0 {
		fmt.Fprintf(stderr, "sociogram: %d alter rows; %d ego row(s) named nobody and have no rows\n", t.Rows, t.NoAlters)
	}
	return tf.write(stdout, t.WriteCSV, t.WriteJSON)
}

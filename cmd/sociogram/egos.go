package main

import (
	"context"
	"io"

	"github.com/sociogram/sociogram/measures"
)

func init() {
	register(&command{
		name:    "egos",
		summary: "measures of survey ego networks, one row per ego",
		usage: `Usage: sociogram egos --egos FILE --alters FILE [--ties FILE] [--measures LIST]
       [--ego-id COL --alter-id COL --source COL --target COL] [--weight COL]
       [--alter-weight COL] [--wave COL] [--directed] [--format csv|json] [-o FILE]

Computes measures for every ego of a survey study (egor "threefiles" tables)
and writes one row per ego: egoID, then wave when the data has waves, then
one column per measure, named exactly as requested. Undefined values are NA
(null in JSON). The default list is every structural measure: size, ties,
density, components, isolates, effective_size, efficiency, constraint,
hierarchy, ego_betweenness, brokerage.

Measures of composition take an alter attribute: richness(A), blau(A),
iqv(A), entropy(A), mean(A), sd(A), bonding(A), bridging(A), ei(A),
ei_alters(A), ei_alters_rescaled(A), prop(A=V), count(A=V|W), count(A>=65).

Example:
  sociogram egos --egos egos.csv --alters alters.csv --ties aaties.csv \
      --measures 'size,density,constraint,blau(sex),count(role=family|friend)'
`,
		run: runEgos,
	})
}

func runEgos(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["egos"], stderr)
	var in inputFlags
	in.addEgo(fs)
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
	if src.ds == nil {
		return usagef("egos needs survey data (--egos, --alters); for a whole network use sociogram nodes")
	}
	prog, end := progress(stderr, "egos")
	t, err := measures.EgoTable(context.Background(), src.ds, specs, measures.TableOptions{Progress: prog})
	end()
	if err != nil {
		return err
	}
	return mf.write(stdout, t)
}

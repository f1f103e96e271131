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
       [--alter-weight COL] [--wave COL] [--directed] [--format csv|json|parquet] [-o FILE]
   or: sociogram egos --graphml DIR|FILE | --netcanvas DIR  [same options]

Computes measures for every ego of a survey study (egor "threefiles" tables,
a GraphML directory or file of ego graphs, or a Network Canvas CSV export)
and writes one row per ego: egoID, then wave when the data has waves, then
one column per measure, named exactly as requested. Undefined values are NA
(null in JSON). The default list is every structural measure: size, ties,
density, components, isolates, effective_size, efficiency, constraint,
hierarchy, ego_betweenness, brokerage.

Measures of composition take an alter attribute: richness(A), blau(A),
iqv(A), entropy(A), mean(A), sd(A), bonding(A), bridging(A), ei(A),
ei_alters(A), ei_alters_rescaled(A), prop(A=V), count(A=V|W), count(A>=65).

Social capital: with --classify RULES.json, bonding, bridging, linking,
unclassified and bonding_share, bridging_share, linking_share,
unclassified_share count the alters the rules put in each class;
linking(A=V|W) counts alters with those values. Gould-Fernandez brokerage
roles of the ego by group attribute A: coordinator(A), itinerant(A),
representative(A), gatekeeper(A), liaison(A), roles_total(A). Instruments
(ego columns lsns1-lsns6, rg01-rg27 unless --instruments FILE.json says
otherwise): lsns6, lsns6_family, lsns6_friends, lsns6_isolated, rguk_total,
rguk(SUBSCALE), rguk_tie(family|friend|acquaintance), and rg_total,
rg(SUBSCALE), rg_tie(TYPE) for a study's own Resource Generator, pg_extensity,
pg_upper, pg_range, pg_average, pg_total (each also as pg_total(TYPE)),
ring(V) and ring_missing (alter column ring). Also: weighted_density,
redundancy, ego_betweenness_norm, brokerage_norm; selectors count(A!=V),
prop(A<x) and the like.

Node and tie types: structural measures count people only (alters whose
--node-type-column, default type, is person or missing; --node-types
place,organisation or all to choose); composition sees every alter, e.g.
count(type=place). Tie types (column type of the ties, several joined
with |): multiplexity, multiplex_share, tie_share(T); of the ego-alter
tie (alter column ego_tie): ego_multiplexity, ego_tie_share(T).
--tie-type T keeps only ties of type T; --tie-rule 'close>=2' makes ties
from a valued alter-pair answer. Every name with its definition: the Measures
section of the README, or go doc github.com/sociogram/sociogram/measures.

Example:
  sociogram egos --egos egos.csv --alters alters.csv --ties aaties.csv \
      --measures 'size,density,constraint,blau(sex),count(role=family|friend)'
`,
		run:      runEgos,
		measures: true,
	})
}

func runEgos(args []string, stdout, stderr io.Writer) error {
	fs, in, mf, cf := newSurveyFlags(commands["egos"], stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	if done, err := streamEgos(in, specs, mf, cf, stdout, stderr); done {
		return err // grouped survey tables, structural measures (egos_stream.go)
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("egos needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR); for a whole network use sociogram nodes")
	}
	types, err := in.typeOptions()
	if err != nil {
		return err
	}
	noteNodeTypes(stderr, src.ds, types)
	opt, err := cf.options(src.ds, measures.TableOptions{Types: types})
	if err != nil {
		return err
	}
	prog, end := progress(stderr, "egos")
	opt.Progress = prog
	t, err := measures.EgoTable(context.Background(), src.ds, specs, opt)
	end()
	if err != nil {
		return err
	}
	return mf.writeTable(stdout, t, src.ds)
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "compare",
		summary: "change between two waves, one row per ego",
		usage: `Usage: sociogram compare --egos FILE --alters FILE [--ties FILE] --wave COL
       [--waves LIST | --before WAVE --after WAVE] [--baseline WAVE]
       [--change LIST] [--rings COL] [--role COL] [--alter-rows] [--from-to]
       [--measures LIST] [--classify RULES.json] [--instruments FILE.json]
       [other input flags] [--format csv|json|parquet] [-o FILE]

Compares every ego's network across waves (time points), e.g. before and
after an intervention. Alters are matched by alterID, so give a person the
same alterID at every wave. With two waves, one row per ego present at
either wave:

  egoID,kept,gained,lost,jaccard   then, for each measure M in --measures,
  M:before,M:after,M:change        (change = after - before)

kept/gained/lost count the alters named at both waves, only after, only
before; jaccard = kept / (kept + gained + lost), NA when the ego named nobody
at both waves. An ego interviewed at only one of the two waves keeps its row,
with NA for everything that needs the other wave.

More waves: --waves 1,2,3 (default: every wave in the egos table, in order)
gives one row per ego per pair of consecutive waves at which it was
interviewed (1→3 for an ego that missed wave 2; a row with NA for the wave
after an ego dropped out and before it entered), with the key columns from
and to. --baseline 1 compares wave 1 with each later wave instead. from and
to are written whenever more than two waves are compared, or with --from-to.

--change picks the change measures (default kept,gained,lost,jaccard; "all"
for every one): kept, gained, lost, jaccard, returned (gained alters named
at an earlier wave), stability (kept / earlier size), turnover ((gained +
lost) / union), closer, further (kept alters that moved between rings:
--rings COL, default ring, 1 = innermost), role_changed (--role COL, default
role), class_changed (--classify), ties_kept, ties_gained, ties_lost
(alter-alter ties among alters named at both waves), broker_kept,
broker_gained, broker_lost (pairs of such alters not tied to each other).
The README defines each with its formula and source.

--alter-rows writes the alter-level table instead: one row per alter per
pair of waves, with its status (kept, gained, returned, lost), its ring,
role and class at both waves and what changed.

Without --measures only the change measures are written. --measures takes
the names of sociogram egos (see sociogram egos --help).

Examples:
  sociogram compare --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --measures 'size,density,bridging(sex),lsns6'
  sociogram compare --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --waves 1,2,3 --change all --classify rules.json
`,
		run: runCompare,
	})
}

// capitalFlags are the social-capital options shared by egos and compare:
// classification rules (--classify) and instrument definitions
// (--instruments).
type capitalFlags struct {
	classify    string
	instruments string
}

func (c *capitalFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&c.classify, "classify", "", "bonding/bridging/linking classification rules `FILE` (JSON, format: README section \"Classification rules\"); defines bonding, bridging, linking, unclassified and *_share without arguments")
	fs.StringVar(&c.instruments, "instruments", "", "instrument definitions `FILE` (JSON): LSNS-6, RG-UK subscales, Position Generator prestige list, ring column")
}

// options loads the rules and instruments the flags name, checks the rules
// against the data, and returns table options with them.
func (c *capitalFlags) options(ds *network.Dataset, opt measures.TableOptions) (measures.TableOptions, error) {
	noteInputs(c.classify, c.instruments)
	if c.classify != "" {
		rs, err := measures.ReadRules(c.classify)
		if err != nil {
			return opt, err
		}
		if err := rs.Check(ds); err != nil {
			return opt, err
		}
		opt.Classifier = rs
	}
	if c.instruments != "" {
		in, err := measures.ReadInstruments(c.instruments)
		if err != nil {
			return opt, err
		}
		opt.Instruments = in
	}
	return opt, nil
}

func runCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["compare"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	var mf measureFlags
	mf.addList(fs, "comma-separated `LIST` of measures to compare, e.g. size,density,bridging(sex); default: none (only kept, gained, lost and jaccard are written)")
	var cf capitalFlags
	cf.add(fs)
	before := fs.String("before", "", "the earlier `WAVE` (default: the first wave in the egos table)")
	after := fs.String("after", "", "the later `WAVE` (default: the first wave other than --before)")
	waves := fs.String("waves", "", "comma-separated `LIST` of waves to compare in order (default: every wave in order)")
	baseline := fs.String("baseline", "", "compare this `WAVE` with each later wave instead of consecutive waves")
	change := fs.String("change", "", "comma-separated `LIST` of change measures, or all (default kept,gained,lost,jaccard)")
	rings := fs.String("rings", "", "alter ring `COLUMN` for closer and further (default: the instruments' ring, ring)")
	role := fs.String("role", "", "alter role `COLUMN` for role_changed (default role)")
	alterRows := fs.Bool("alter-rows", false, "write one row per alter per pair of waves instead of one per ego")
	fromTo := fs.Bool("from-to", false, "write the from and to columns also when only two waves are compared")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *waves != "" && (*before != "" || *after != "") {
		return usagef("give either --waves or --before/--after, not both")
	}
	copt := measures.ChangeOptions{Before: *before, After: *after, Baseline: *baseline, FromTo: *fromTo, Ring: *rings, Role: *role}
	if *waves != "" {
		copt.Waves = splitList(*waves)
	}
	switch *change {
	case "":
	case "all":
		copt.Change = measures.ChangeMeasures()
	default:
		copt.Change = splitList(*change)
	}
	if *alterRows && (*change != "" || mf.list != "") {
		return usagef("--alter-rows writes the alter-level table: it takes no --change or --measures")
	}
	var specs []measures.Spec
	if mf.list != "" {
		var err error
		if specs, err = mf.specs(); err != nil {
			return err
		}
	} else if err := mf.check(); err != nil {
		return err
	}
	if in.wave == "" && in.graphml == "" { // GraphML written by sociogram names its wave key itself
		return usagef("compare needs --wave COL, the wave column of the egos table")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("compare needs survey data (--egos, --alters) with a wave column, not a whole network")
	}
	if in.wave == "" && src.ds.WaveColumn == "" {
		return usagef("compare needs --wave COL, the graph-level wave key of the GraphML files")
	}
	prog, end := progress(stderr, "compare")
	opt, err := cf.options(src.ds, measures.TableOptions{Progress: prog, Types: in.tableTypes()})
	if err != nil {
		end()
		return err
	}
	copt.Table = opt
	var t *measures.Table
	if *alterRows {
		t, err = measures.AlterChangeTable(context.Background(), src.ds, copt)
	} else {
		t, err = measures.ChangeTable(context.Background(), src.ds, specs, copt)
	}
	end()
	if errors.Is(err, measures.ErrWave) {
		// Name the input the waves come from: the egos table, or the
		// GraphML / Network Canvas source.
		for _, src := range []string{in.egos, in.graphml, in.netcanvas} {
			if src != "" {
				return fmt.Errorf("%s: %w", src, err)
			}
		}
	}
	if errors.Is(err, measures.ErrMeasure) && !*alterRows {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	return mf.writeTable(stdout, t, src.ds)
}

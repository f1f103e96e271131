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
       [--before WAVE --after WAVE] [--measures LIST] [--classify RULES.json]
       [--instruments FILE.json] [other input flags] [--format csv|json] [-o FILE]

Compares every ego's network between two waves (time points), e.g. before and
after an intervention. Alters are matched by alterID, so give a person the
same alterID at both waves. One row per ego present at either wave:

  egoID,kept,gained,lost,jaccard   then, for each measure M in --measures,
  M:before,M:after,M:change        (change = after - before)

kept/gained/lost count the alters named at both waves, only after, only
before; jaccard = kept / (kept + gained + lost), NA when the ego named nobody
at both waves. An ego interviewed at only one of the two waves keeps its row,
with NA for everything that needs the other wave. The default waves are the
first two in order of appearance in the egos table. Without --measures only
the alter changes are written. --measures takes the names of sociogram
egos (see sociogram egos --help; every name with its definition is in the
Measures section of the README).

Example:
  sociogram compare --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --measures 'size,density,bridging(sex),lsns6'
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
	fs.StringVar(&c.classify, "classify", "", "bonding/bridging/linking classification rules `FILE` (JSON); defines bonding, bridging, linking, unclassified and *_share without arguments")
	fs.StringVar(&c.instruments, "instruments", "", "instrument definitions `FILE` (JSON): LSNS-6, RG-UK subscales, Position Generator prestige list, ring column")
}

// options loads the rules and instruments the flags name, checks the rules
// against the data, and returns table options with them.
func (c *capitalFlags) options(ds *network.Dataset, opt measures.TableOptions) (measures.TableOptions, error) {
	if c.classify != "" {
		rs, err := measures.LoadRules(c.classify)
		if err != nil {
			return opt, err
		}
		if err := rs.Check(ds); err != nil {
			return opt, err
		}
		opt.Classifier = rs
	}
	if c.instruments != "" {
		in, err := measures.LoadInstruments(c.instruments)
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
	mf.add(fs)
	var cf capitalFlags
	cf.add(fs)
	before := fs.String("before", "", "the earlier `WAVE` (default: the first wave in the egos table)")
	after := fs.String("after", "", "the later `WAVE` (default: the first wave other than --before)")
	if err := parseFlags(fs, args); err != nil {
		return err
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
	if in.wave == "" {
		return usagef("compare needs --wave COL, the wave column of the egos table")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("compare needs survey data (--egos, --alters) with a wave column, not a whole network")
	}
	prog, end := progress(stderr, "compare")
	opt, err := cf.options(src.ds, measures.TableOptions{Progress: prog})
	if err != nil {
		end()
		return err
	}
	t, err := measures.ChangeTable(context.Background(), src.ds, specs,
		measures.ChangeOptions{Before: *before, After: *after, Table: opt})
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
	if err != nil {
		return err
	}
	return mf.writeTable(stdout, t)
}

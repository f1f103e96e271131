package main

import (
	"io"

	"github.com/sociogram/sociogram/measures"
)

func init() {
	register(&command{
		name:    "summary",
		summary: "study summary per wave: egos, alters, size and density",
		usage: `Usage: sociogram summary --egos FILE --alters FILE [--ties FILE] [--wave COL]
       [other input flags] [--format csv|json|parquet] [-o FILE]

Describes a survey study, one row per wave (one row with an empty wave when
the data has no waves):

  wave,egos,alters,zero_alter_egos,size_mean,size_min,size_max,
  density_egos,density_mean,density_min,density_max

Sizes are over every ego, including egos who named nobody (size 0). Density
is undefined for an ego with fewer than two alters, so density_mean, _min
and _max are over the density_egos egos with two or more alters only (NA
when there are none).

Example:
  sociogram summary --egos egos.csv --alters alters.csv --ties aaties.csv --wave wave
`,
		run: runSummary,
	})
}

func runSummary(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["summary"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	var tf tableFlags
	tf.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("summary needs survey data (--egos, --alters), not a whole network")
	}
	t := measures.SummaryTable(src.ds)
	return tf.write(stdout, t.WriteCSV, t.WriteJSON)
}

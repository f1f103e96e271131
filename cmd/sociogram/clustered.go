package main

import (
	"fmt"
	"io"

	"github.com/sociogram/sociogram/analysis"
)

func init() {
	register(&command{
		name:    "clustered",
		summary: "clustered graph of a study: alters grouped by category, averaged over egos",
		usage: `Usage: sociogram clustered --egos FILE --alters FILE [--ties FILE] --by COLUMN
       [--group-by EGO_COLUMN] [--wave COL] [other input flags]
       [--format csv|json|parquet] [-o FILE]

Aggregates the ego networks of a study by the alter attribute --by (e.g.
role, or the node type), as egor's clustered_graphs (Brandes, Lerner,
Lubbers et al. 2008; Lubbers et al. 2010): one row per pair of categories
(a = b for the ties within a category), for all egos or for each value of
the ego attribute --group-by (e.g. agency), and each wave:

  [wave,] [group,] category_a, category_b,
  egos          egos where the density is defined (n_a n_b > 0; n_a >= 2 within),
  mean_count_a  mean number of alters of category a over all egos of the
  mean_count_b  group, zeros included,
  mean_density  ties between the categories / possible pairs (n_a n_b, or
                n_a(n_a-1)/2 within; doubled when directed), averaged over
                the egos where it is defined; NA when none.

Every category of the study appears in every group and wave, so their
pictures share one frame (sociogram draw --clustered --by COLUMN). Alters
with no value of --by are left out, with their ties.

Example:
  sociogram clustered --egos egos.csv --alters alters.csv --ties aaties.csv \
      --by role --group-by agency
`,
		run: runClustered,
	})
}

func runClustered(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["clustered"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	var tf tableFlags
	tf.add(fs)
	by := fs.String("by", "", "alter attribute `COLUMN` whose values are the categories; required")
	groupBy := fs.String("group-by", "", "ego attribute `COLUMN`: one clustered graph per value")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	if *by == "" {
		return usagef("clustered needs --by COLUMN, the alter attribute whose values are the categories")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("clustered needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR), not a whole network")
	}
	cg, err := analysis.Clustered(src.ds, analysis.ClusteredOptions{By: *by, GroupBy: *groupBy})
	if err != nil {
		return fmt.Errorf("%s: %w", in.inputName(), err)
	}
	return tf.write(stdout, cg.WriteCSV, cg.WriteJSON)
}

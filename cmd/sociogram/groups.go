package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
)

func init() {
	register(&command{
		name:    "groups",
		summary: "compare groups of egos (e.g. agency type): effect sizes and tests",
		usage: `Usage: sociogram groups --egos FILE --alters FILE [--ties FILE] --by COLUMN
       --measures LIST [--groups A,B,...] [--pairs first|all]
       [--wave COL [--before WAVE --after WAVE]] [--classify RULES.json]
       [--instruments FILE.json] [--chart FILE.png] [other input flags]
       [--format csv|json|parquet] [-o FILE]

Compares the groups of egos that the ego attribute --by defines (e.g. the
agency that supports them) on each measure of --measures (any measure of
sociogram egos). One row per measure (and per wave when the data has waves,
with a first column wave):

  measure, group_a, group_b, n_a, n_b, mean_a, mean_b, sd_a, sd_b,
  diff (mean_a - mean_b), hedges_g, g_low, g_high (Hedges' g of a - b with
  its 95% CI, Borenstein et al. 2009 eqs. 4.18-4.24), welch_t, welch_df,
  welch_p (R t.test(a, b, var.equal = FALSE)), mw_u, mw_p (W of group_a,
  R wilcox.test(a, b, exact = FALSE, correct = TRUE)), anova_f, anova_p,
  eta2 (one-way ANOVA over all groups, eta2 = SS_between / SS_total), kw_h,
  kw_p (R kruskal.test over all groups)

Groups are sorted as text unless --groups lists them (egos in other groups
are left out). With more than two groups the row is the first two groups;
--pairs all adds a row for every further pair (the all-group columns repeat).
An ego missing the group is left out (counted on stderr); an ego missing a
measure is left out of that measure's row. Undefined values are NA: sd and
the t test of a group of one, tests on constant data (as R, which stops).

With --before and/or --after (and --wave), each ego's change (after - before,
egos present at both waves) is compared instead (measure M:change), and each
row adds each group's paired change: change_low_a, change_high_a (95% t CI
of the mean change, mean_a), dz_a (mean/sd of the change), paired_t_a,
paired_p_a (R t.test(after, before, paired = TRUE)), signed_rank_v_a,
signed_rank_p_a (R wilcox.test(after, before, paired = TRUE, exact = FALSE,
correct = TRUE)), and the same for _b.

--chart FILE.png draws each group's mean with its 95% CI, one panel per
measure (and wave).

Example:
  sociogram groups --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --before 1 --after 2 --by agency \
      --measures 'size,bridging,lsns6' --classify rules.json
`,
		run: runGroups,
	})
}

func runGroups(args []string, stdout, stderr io.Writer) error {
	fs, in, mf, cf := newSurveyFlags(commands["groups"], stderr)
	by := fs.String("by", "", "ego attribute `COLUMN` whose values are the groups; required")
	groups := fs.String("groups", "", "comma-separated `GROUPS` to compare, in this order (default: every value, sorted)")
	pairs := fs.String("pairs", "first", "`PAIRS` of groups with a row: first (the first two groups) or all")
	before := fs.String("before", "", "compare change from this `WAVE` (with --after; default the first wave)")
	after := fs.String("after", "", "compare change to this `WAVE` (default the first wave other than --before)")
	chart := fs.String("chart", "", "draw each group's mean and 95% CI to `FILE` (.png, .svg or .pdf)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *by == "" {
		return usagef("groups needs --by COLUMN, the ego attribute that defines the groups")
	}
	if mf.list == "" {
		return usagef("groups needs --measures LIST")
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	if *pairs != "first" && *pairs != "all" {
		return usagef("unknown --pairs %q (want first or all)", *pairs)
	}
	opt := analysis.GroupOptions{By: *by, AllPairs: *pairs == "all", Before: *before, After: *after}
	opt.Change = *before != "" || *after != ""
	if opt.Change && in.wave == "" {
		return usagef("--before/--after need --wave COL, the wave column of the egos table")
	}
	if *groups != "" {
		for _, g := range strings.Split(*groups, ",") {
			opt.Groups = append(opt.Groups, strings.TrimSpace(g))
		}
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("groups needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR), not a whole network")
	}
	if opt.Table, err = cf.options(src.ds, measures.TableOptions{Types: in.tableTypes()}); err != nil {
		return err
	}
	t, err := analysis.Groups(context.Background(), src.ds, specs, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", in.inputName(), err)
	}
	if t.NoGroup > 0 {
		fmt.Fprintf(stderr, "sociogram: %d ego row(s) without a value of %s left out\n", t.NoGroup, *by)
	}
	if t.OtherGroup > 0 {
		fmt.Fprintf(stderr, "sociogram: %d ego row(s) in groups not listed in --groups left out\n", t.OtherGroup)
	}
	if *chart != "" {
		if err := writeGroupChart(*chart, t); err != nil {
			return err
		}
	}
	return mf.tableFlags.write(stdout, t.WriteCSV, t.WriteJSON)
}

package main

import (
	"context"
	"io"
	"strings"

	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "draw",
		summary: "draw egograms, sociograms, before/after pictures and charts (PNG, SVG, PDF)",
		usage: `Usage: sociogram draw <input flags> [--ego ID ...|--all] [--at-wave W]
       [--before W --after W] [--layout egogram|force|circle|concentric]
       [--rings ATTR] [--num-rings N] [--ring-order A,B,..] [--reverse-rings] [--sectors ATTR]
       [--sector-order A,B,..] [--color ATTR] [--size ATTR|MEASURE]
       [--label ATTR|-] [--dashed TIE_ATTR] [--seed N] [--chart MEASURE]
       [--title TEXT] [--format png|svg|pdf] [--positions FILE.csv] -o FILE|DIR

Survey data (--egos/--alters/--ties, --graphml DIR, --netcanvas DIR) draws
egograms: the ego at the centre, alters in rings by --rings (ordinal,
1 = innermost; --num-rings N fixes rings 1..N; --reverse-rings when a
larger value means closer) and in sectors by --sectors; alters with a
missing value go to an "unknown" ring or sector. One ego (--ego ID) goes
to -o FILE; several egos (--ego repeated or --all) go to one FILE as a
page of small multiples, or to a DIR as one file per ego (EGO.png,
EGO_wWAVE.png when the data has waves, EGO_wBEFORE-AFTER.png with
--before/--after). --layout force|circle|concentric draws the ego network
as a sociogram instead, the ego highlighted.

--before W --after W draws each ego's two waves side by side on the same
ring and sector frame, alters matched by ID and marked lost or new, ties
kept, lost (dashed red) or new (green), alters who moved ring marked
closer or further. With --all, everyone present at both waves is drawn;
who was left out, and why, is listed on standard error.
--waves 1,2,3 draws each ego at three or more waves as small multiples on
one frame (an alter who stays in its ring and sector stays in place; alters
kept, new or returned since the previous interview; a missed wave is an
empty panel); sociogram trajectories --ego-chart adds the ego's measures.
Without them, --at-wave W picks the wave to draw (default: the first wave).
(--wave names the wave column of the tables, as in egos and compare.)

A whole network (--edges/--nodes, --graphml FILE, --pajek) draws the
sociogram of the whole network (--layout force by default, or circle,
concentric), or with --ego ID the ego network of that node (its
neighbours and the ties among them; --layout egogram puts them in rings
and sectors by node attributes).

--color colours (and shapes) nodes by an attribute; --size sizes them by
a numeric attribute or, when no attribute has that name, by a measure
(e.g. degree-like "size", "constraint"), computed for every node of the
network drawn. --label names the label attribute ("-" for none; default
the IDs, or none above 60 nodes). --dashed draws ties dashed by a tie
attribute (solid for its first value).

--chart MEASURE draws the distribution of a measure across egos (a
histogram), or with --before/--after its change per ego (one arrow per ego).
--classify RULES.json and --instruments FILE.json define the measures that
need them (bridging, linking_share, lsns6, ...), as for sociogram egos.

Every picture of one run shares one visual language: a category has the
same colour and shape in every picture and layout, every ring and sector
keeps its place, and sizes and tie widths share one scale. No tie is drawn
within 2 pt of a person it does not join and no two markers overlap:
nodes are moved within their ring and sector (or ring, or neighbourhood),
the page grows up to 3 times when that is not enough, and what is still
left is listed on standard error. --positions FILE.csv writes where every
node was drawn: node,x,y,r in points from the bottom-left corner (with a
panel column for pages of several pictures), for reuse elsewhere.

The format is taken from the extension of -o (.png, .svg, .pdf), or from
--format when -o is a directory or - (standard output). Output is byte-identical for identical
input; nothing is written when drawing fails.

Examples:
  sociogram draw --egos egos.csv --alters alters.csv --ties aaties.csv \
      --ego P1 --rings closeness --sectors role --color role -o P1.png
  sociogram draw --egos egos.csv --alters alters.csv --wave wave --ego P1 \
      --before 1 --after 2 --rings closeness --sectors role -o P1_change.pdf
  sociogram draw --edges edges.csv --nodes people.csv --color group \
      --size constraint --seed 7 -o network.svg
`,
		run: runDraw,
	})
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type drawFlags struct {
	egos                   listFlag
	all                    bool
	atWave, before, after  string
	waves                  string // --waves (draw_waves.go)
	layout                 string
	rings, sectors         string
	ringOrder, sectorOrder string
	reverseRings           bool
	numRings               int
	color, size, label     string
	dashed, chart, title   string
	format, out            string
	positions              string
	seed                   uint64
	stdout, stderr         io.Writer
	ctx                    context.Context

	types typeDrawFlags // --clustered, ecomap flags (typedraw.go, issue 16)

	study          *visualize.StudyStyle // the run's visual language
	sizeLo, sizeHi float64               // the run's scale of --size MEASURE
	pos            []visualize.Position  // where the run drew its nodes
}

func runDraw(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["draw"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addWhole(fs)
	in.addCommon(fs)
	in.addCapital(fs) // --classify, --instruments for --chart (interop, issue 13)
	d := drawFlags{stdout: stdout, stderr: stderr, ctx: context.Background()}
	fs.Var(&d.egos, "ego", "draw the ego (survey) or node (whole network) with this `ID`; repeat for several")
	fs.BoolVar(&d.all, "all", false, "draw every ego")
	fs.StringVar(&d.atWave, "at-wave", "", "the `WAVE` to draw (default: the first wave)")
	fs.StringVar(&d.before, "before", "", "draw the change from this `WAVE` ...")
	fs.StringVar(&d.after, "after", "", "... to this `WAVE` (with --before)")
	fs.StringVar(&d.waves, "waves", "", "draw each ego at these waves side by side, comma-separated `LIST` (e.g. 1,2,3)")
	fs.StringVar(&d.layout, "layout", "", "`LAYOUT`: egogram (survey default), force (whole-network default), circle or concentric")
	fs.StringVar(&d.rings, "rings", "", "alter `ATTR` giving the ring (ordinal, 1 = innermost)")
	fs.StringVar(&d.ringOrder, "ring-order", "", "ring values innermost first, comma-separated `LIST`")
	fs.BoolVar(&d.reverseRings, "reverse-rings", false, "put the largest ring value innermost")
	fs.IntVar(&d.numRings, "num-rings", 0, "`N` rings 1..N for an integer ring attribute (default: from the data)")
	fs.StringVar(&d.sectors, "sectors", "", "alter `ATTR` giving the sector (categorical)")
	fs.StringVar(&d.sectorOrder, "sector-order", "", "sector values clockwise from the top, comma-separated `LIST`")
	fs.StringVar(&d.color, "color", "", "node `ATTR` to colour (and shape) nodes by")
	fs.StringVar(&d.size, "size", "", "numeric node `ATTR` or MEASURE to size nodes by")
	fs.StringVar(&d.label, "label", "", "node `ATTR` to label nodes with (\"-\" for none; default the IDs)")
	fs.StringVar(&d.dashed, "dashed", "", "tie `ATTR`: ties with its first value solid, others dashed")
	fs.StringVar(&d.chart, "chart", "", "draw a chart of `MEASURE` across egos instead of networks")
	fs.StringVar(&d.title, "title", "", "figure `TITLE`")
	fs.Uint64Var(&d.seed, "seed", 1, "random `SEED` of the force-directed layout")
	fs.StringVar(&d.format, "format", "", "image `FORMAT` when -o is a directory: png (default), svg or pdf")
	fs.StringVar(&d.out, "o", "", "output `FILE` (.png, .svg, .pdf) or DIR")
	fs.StringVar(&d.positions, "positions", "", "write where every node was drawn to `FILE.csv` (node,x,y,r in points)")
	d.types.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if d.out == "" {
		return usagef("-o FILE or DIR is required")
	}
	if (d.before == "") != (d.after == "") {
		return usagef("--before and --after go together")
	}
	if d.before != "" && d.atWave != "" {
		return usagef("give --at-wave or --before/--after, not both")
	}
	if d.waves != "" && (d.before != "" || d.atWave != "") {
		return usagef("give --waves or --at-wave or --before/--after, not two of them")
	}
	if d.all && len(d.egos) > 0 {
		return usagef("give --ego or --all, not both")
	}
	// Bounded knobs (issue 18 item 10): a ring is drawn per value, so the
	// number of rings is the picture's cost.
	if d.numRings < 0 || d.numRings > maxRings {
		return usagef("--num-rings %d: want 1 to %d (0: from the data)", d.numRings, maxRings)
	}
	if err := checkOrder("--ring-order", d.ringOrder); err != nil {
		return err
	}
	if err := checkOrder("--sector-order", d.sectorOrder); err != nil {
		return err
	}
	if d.layout != "" && d.layout != "egogram" && d.layout != "ecomap" {
		if _, err := visualize.ParseLayout(d.layout); err != nil {
			return usagef("unknown --layout %q (want egogram, force, circle or concentric)", d.layout)
		}
	}
	if d.positions != "" && d.chart != "" {
		return usagef("--positions goes with network pictures, not --chart")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if done, err := d.drawTypes(src); done { // --clustered, ecomap checks (typedraw.go)
		if err != nil {
			return err
		}
		return d.writePositions()
	}
	if d.chart != "" {
		return d.drawChart(src)
	}
	if src.g != nil {
		err = d.drawWhole(src.g)
	} else {
		err = d.drawSurvey(src.ds)
	}
	if err != nil {
		return err
	}
	return d.writePositions()
}

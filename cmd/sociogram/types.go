package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

func init() {
	register(&command{
		name:    "types",
		summary: "network typology: Ward or k-means clusters of egos on z-scored measures",
		usage: `Usage: sociogram types --egos FILE --alters FILE [--ties FILE] --measures LIST
       --k K|K1:K2 [--method ward|kmeans] [--seed N] [--restarts N]
       [--wave COL [--at WAVE]] [--profiles FILE] [--chart FILE.png]
       [--dendrogram FILE.png] [--classify RULES.json] [--instruments FILE.json]
       [other input flags] [--format csv|json|parquet] [-o FILE]

Sorts egos into K network types on the measures of --measures (any measure
of sociogram egos): each measure is z-scored over the egos that have every
measure (sample SD, as R scale()), distances are Euclidean, and the egos are
clustered by Ward's method as R hclust(dist(z), method = "ward.D2") cut
into K types as R cutree (default; deterministic, ties broken as R breaks
them), or with --method kmeans by k-means from k-means++ starts (--restarts
starts, default 10, the best by within-type sum of squares; deterministic
for a given --seed). Writes one row per ego:

  egoID (and wave), type, silhouette

type is 1..K, numbered as R cutree numbers clusters: in order of first
appearance down the egos table (the first typed ego is in type 1).
silhouette is the ego's silhouette width (R cluster::silhouette; 0 for an
ego alone in its type). An ego missing any of the measures gets type NA and
is counted on stderr. With data in waves the typology is of one wave: --at
WAVE (default the first wave).

--k K1:K2 writes instead, for each K from K1 to K2, the average silhouette
width and the within-type sum of squares (k, avg_silhouette, within_ss), to
choose K (the largest average silhouette is the usual choice).

--profiles FILE writes each type's size and mean of each measure, raw (M)
and z-scored (M_z), and a last row (type NA) counting the egos left out.
--chart FILE draws the profiles as a heat map of mean z-scores;
--dendrogram FILE draws Ward's tree with the cut (Ward only).

Example:
  sociogram types --egos egos.csv --alters alters.csv --ties aaties.csv \
      --wave wave --at 1 --measures 'size,density,effective_size,blau(role)' \
      --k 3 --profiles profiles.csv --chart types.png --dendrogram tree.png
`,
		run: runTypes,
	})
}

// parseK parses "K" or "K1:K2".
func parseK(s string) ([]int, error) {
	lo, hi, isRange := strings.Cut(s, ":")
	a, err := strconv.Atoi(strings.TrimSpace(lo))
	if err != nil || a < 1 {
		return nil, usagef("--k wants a number of types or a range such as 2:6, not %q", s)
	}
	if !isRange {
		return []int{a}, nil
	}
	b, err := strconv.Atoi(strings.TrimSpace(hi))
	if err != nil || b < a {
		return nil, usagef("--k wants a range K1:K2 with K1 <= K2, not %q", s)
	}
	var ks []int
	for k := a; k <= b; k++ {
		ks = append(ks, k)
	}
	return ks, nil
}

// waveRows returns the rows of a measures table at one wave (the table as
// it is when it has no wave column).
func waveRows(t *measures.Table, ds *network.Dataset, wave string) *measures.Table {
	if ds.WaveColumn == "" {
		return t
	}
	out := &measures.Table{KeyNames: t.KeyNames[:1], Columns: t.Columns}
	for r, e := range ds.Egos {
		if e.Wave == wave {
			out.Keys = append(out.Keys, t.Keys[r][:1])
			out.Values = append(out.Values, t.Values[r])
		}
	}
	return out
}

func runTypes(args []string, stdout, stderr io.Writer) error {
	fs, in, mf, cf := newSurveyFlags(commands["types"], stderr)
	kFlag := fs.String("k", "", "number of types `K`, or a range K1:K2 to compare average silhouettes; required")
	method := fs.String("method", "ward", "clustering `METHOD`: ward (R hclust ward.D2) or kmeans")
	seed := fs.Uint64("seed", 1, "k-means++ `SEED`")
	restarts := fs.Int("restarts", 10, "k-means++ `STARTS`")
	at := fs.String("at", "", "the `WAVE` to type (data in waves; default the first)")
	profiles := fs.String("profiles", "", "write each type's size and means to `FILE`")
	chart := fs.String("chart", "", "draw the type profiles (heat map of mean z-scores) to `FILE`")
	dendrogram := fs.String("dendrogram", "", "draw Ward's tree with the cut to `FILE` (Ward only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if mf.list == "" {
		return usagef("types needs --measures LIST")
	}
	if *kFlag == "" {
		return usagef("types needs --k K (or a range K1:K2)")
	}
	ks, err := parseK(*kFlag)
	if err != nil {
		return err
	}
	specs, err := mf.specs()
	if err != nil {
		return err
	}
	m, err := analysis.ParseMethod(*method)
	if err != nil {
		return usageError{err}
	}
	if *dendrogram != "" && m != analysis.WardD2 {
		return usagef("--dendrogram needs --method ward")
	}
	if *restarts < 1 {
		return usagef("--restarts must be at least 1")
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("types needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR), not a whole network")
	}
	topt, err := cf.options(src.ds, measures.TableOptions{Types: in.tableTypes()})
	if err != nil {
		return err
	}
	wave := *at
	if src.ds.WaveColumn != "" {
		waves := src.ds.Waves()
		if wave == "" {
			wave = waves[0]
		} else if !contains(waves, wave) {
			return fmt.Errorf("%s: wave %q does not occur in the data (waves: %s)", in.inputName(), wave, strings.Join(waves, ", "))
		}
	} else if wave != "" {
		return usagef("--at needs data in waves (--wave COL)")
	}
	t, err := measures.EgoTable(context.Background(), src.ds, specs, topt)
	if err != nil {
		return err
	}
	t = waveRows(t, src.ds, wave)
	cols := make([]string, len(specs))
	for i, s := range specs {
		cols[i] = s.Column
	}
	opt := analysis.TypeOptions{Method: m, Seed: *seed, Restarts: *restarts}
	if len(ks) > 1 {
		scores, err := analysis.ChooseK(t, cols, ks, opt)
		if err != nil {
			return fmt.Errorf("%s: %w", in.inputName(), err)
		}
		return mf.tableFlags.write(stdout,
			func(w io.Writer) error { return analysis.WriteKScoresCSV(w, scores) },
			func(w io.Writer) error { return analysis.WriteKScoresJSON(w, scores) })
	}
	opt.K = ks[0]
	ty, err := analysis.Types(t, cols, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", in.inputName(), err)
	}
	if ty.Missing > 0 {
		fmt.Fprintf(stderr, "sociogram: %d ego(s) missing a measure have type NA\n", ty.Missing)
	}
	if *profiles != "" {
		if err := writeOutput(*profiles, nil, ty.WriteProfilesCSV); err != nil {
			return err
		}
	}
	if *chart != "" {
		if err := writeTypeChart(*chart, ty, wave); err != nil {
			return err
		}
	}
	if *dendrogram != "" {
		if err := writeDendrogram(*dendrogram, ty, wave); err != nil {
			return err
		}
	}
	return mf.tableFlags.write(stdout, ty.WriteCSV, ty.WriteJSON)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// source names the survey input, for errors about its contents.
func (f *inputFlags) inputName() string {
	for _, s := range []string{f.egos, f.graphml, f.netcanvas} {
		if s != "" {
			return s
		}
	}
	return "input"
}

func atWave(wave string) string {
	if wave == "" {
		return ""
	}
	return ", wave " + wave
}

func writeTypeChart(path string, ty *analysis.Typology, wave string) error {
	var ps []visualize.TypeProfile
	for _, p := range ty.Profiles {
		ps = append(ps, visualize.TypeProfile{Type: p.Type, Size: p.Size, MeanZ: p.MeanZ})
	}
	f, err := visualize.TypeProfilesFigure(fmt.Sprintf("Network types (%s%s)", methodName(ty), atWave(wave)), ty.Measures, ps)
	if err != nil {
		return err
	}
	return writeFigureFile(path, f)
}

func methodName(ty *analysis.Typology) string {
	if ty.Tree != nil {
		return "Ward"
	}
	return "k-means"
}

func writeDendrogram(path string, ty *analysis.Typology, wave string) error {
	var types []int
	for _, t := range ty.Type {
		if t > 0 {
			types = append(types, t)
		}
	}
	f, err := visualize.DendrogramFigure(fmt.Sprintf("Ward's tree of %d egos%s", len(types), atWave(wave)),
		ty.Tree.Merge, ty.Tree.Height, ty.Tree.Order, ty.Labels, types)
	if err != nil {
		return err
	}
	return writeFigureFile(path, f)
}

func writeGroupChart(path string, t *analysis.GroupTable) error {
	var pts []visualize.GroupMean
	for _, m := range t.Means {
		slot := ""
		if t.Waves {
			slot = "wave " + m.Wave
		}
		pts = append(pts, visualize.GroupMean{Panel: m.Measure, Slot: slot, Group: m.Group, N: m.N, Mean: m.Mean, Low: m.Low, High: m.High})
	}
	title := "Group means with 95% CI"
	if t.Change {
		title = fmt.Sprintf("Change from wave %s to wave %s: group means with 95%% CI", t.Before, t.After)
	}
	f, err := visualize.GroupMeansFigure(title, t.Groups, pts, t.Change, nil)
	if err != nil {
		return err
	}
	return writeFigureFile(path, f)
}

// writeFigureFile writes a figure atomically in the format its extension
// names (.png, .svg, .pdf).
func writeFigureFile(path string, f *visualize.Figure) error {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if !slices.Contains(visualize.Formats(), ext) {
		return usagef("%s: unknown image extension %q (want .png, .svg or .pdf)", path, filepath.Ext(path))
	}
	return writeOutput(path, nil, func(w io.Writer) error { return f.Write(w, ext) })
}

package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The interop tables (testdata/interop, written by make.py there; see its
// README) hold the same study twice: in the layout another tool writes
// (egor's sample files, R's write.csv and write.csv2, ...) and in
// sociogram's plain three tables. Each test runs a command on both and
// wants the same output: the expected values are those of the plain
// tables, whose reading the rest of the test suite checks against hand
// derivations and reference tools.

const interopDir = "testdata/interop"

// runOK runs the CLI and fails the test on a non-zero status; it returns
// stdout and stderr.
func runOK(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	status := run(args, &out, &errb)
	require.Equal(t, 0, status, "sociogram %s\nstderr: %s", strings.Join(args, " "), errb.String())
	return out.String(), errb.String()
}

// threeTables returns the input flags of a three-table study in dir.
func threeTables(dir, egos, alters, ties string) []string {
	return []string{"--egos", filepath.Join(dir, egos), "--alters", filepath.Join(dir, alters), "--ties", filepath.Join(dir, ties)}
}

// sameDrawings draws every ego of both inputs into two directories and
// wants the same files, byte for byte (draw's output is deterministic).
func sameDrawings(t *testing.T, foreign, plain []string, extra ...string) {
	t.Helper()
	a, b := t.TempDir(), t.TempDir()
	runOK(t, append(append(append([]string{"draw"}, foreign...), extra...), "--all", "-o", a)...)
	runOK(t, append(append(append([]string{"draw"}, plain...), extra...), "--all", "-o", b)...)
	fa, err := os.ReadDir(a)
	require.NoError(t, err)
	fb, err := os.ReadDir(b)
	require.NoError(t, err)
	require.Equal(t, len(fb), len(fa), "number of pictures")
	require.NotEmpty(t, fa)
	for i := range fa {
		require.Equal(t, fb[i].Name(), fa[i].Name())
		x, err := os.ReadFile(filepath.Join(a, fa[i].Name()))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(b, fb[i].Name()))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(x, y), "%s differs", fa[i].Name())
	}
}

const interopMeasures = "size,ties,density,constraint,effective_size,ego_betweenness,weighted_density"

// egor's 32-ego example: ';', a row-names column "", quoted numbers, read
// with no flags at all.
func TestEgor32ReadsWithoutFlags(t *testing.T) {
	dir := filepath.Join(interopDir, "egor32")
	foreign := threeTables(dir, "egos_32.csv", "alteri_32.csv", "edges_32.csv")
	plain := threeTables(filepath.Join(dir, "plain"), "egos.csv", "alters.csv", "aaties.csv")
	m := interopMeasures + ",blau(alter.sex),richness(alter.age)"
	got, stderr := runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m)...)
	want, _ := runOK(t, append(append([]string{"egos"}, plain...), "--measures", m)...)
	assert.Equal(t, want, got)
	assert.Equal(t, 33, strings.Count(got, "\n"), "32 egos and the header")
	assert.Equal(t, "sociogram: testdata/interop/egor32/egos_32.csv, testdata/interop/egor32/alteri_32.csv, testdata/interop/egor32/edges_32.csv: ';'-separated with decimal commas (detected from the header; --delimiter to choose)\n", stderr, "said once, on one line")
	// The same with the delimiter given: nothing said.
	got, stderr = runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m, "--delimiter", ";")...)
	assert.Equal(t, want, got)
	assert.Empty(t, stderr)
	sameDrawings(t, foreign, plain, "--color", "alter.sex")
}

// A transnat-like table set: egor's internal names (.egoID, .altID,
// .srcID, .tgtID) written by R's write.csv with its row names and NA.
func TestEgorInternalNames(t *testing.T) {
	dir := filepath.Join(interopDir, "transnat")
	foreign := threeTables(dir, "ego.csv", "alter.csv", "aatie.csv")
	plain := threeTables(filepath.Join(dir, "plain"), "egos.csv", "alters.csv", "aaties.csv")
	m := interopMeasures + ",blau(sex),prop(relation=kin),count(country=DE)"
	got, stderr := runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m)...)
	want, _ := runOK(t, append(append([]string{"egos"}, plain...), "--measures", m)...)
	// The key column keeps the input's name.
	gl, wl := strings.SplitN(got, "\n", 2), strings.SplitN(want, "\n", 2)
	assert.Equal(t, ".egoID,"+strings.TrimPrefix(wl[0], "egoID,"), gl[0])
	assert.Equal(t, wl[1], gl[1])
	assert.Empty(t, stderr, "comma-separated: nothing to say")
	sameDrawings(t, foreign, plain, "--color", "relation")
}

// write.csv2 with NA weights and the study's own key names: each
// --missing-weight choice against the plain tables with those ties
// dropped or given weight 1.
func TestWriteCSV2MissingWeights(t *testing.T) {
	dir := filepath.Join(interopDir, "csv2")
	foreign := append(threeTables(dir, "egos.csv", "alters.csv", "aaties.csv"), "--ego-id", "person", "--wave", "interview", "--weight", "strength")
	m := interopMeasures + ",mean(closeness),blau(role)"

	var out, errb bytes.Buffer
	status := run(append(append([]string{"egos"}, foreign...), "--measures", m, "--delimiter", ";"), &out, &errb)
	assert.Equal(t, 1, status)
	assert.Regexp(t, `^sociogram: testdata/interop/csv2/aaties.csv:\d+: missing weight: column "strength" is NA; a missing tie weight can stop the reading \(the default\), drop the tie, or be set to a value \(--missing-weight error\|drop\|VALUE\)\n$`, errb.String())

	for _, c := range []struct{ choice, plain, report string }{
		{"drop", "plain_drop", "ties with a missing weight dropped"},
		{"1", "plain_fill1", "missing weights set to 1"},
	} {
		t.Run(c.choice, func(t *testing.T) {
			plain := append(threeTables(filepath.Join(dir, c.plain), "egos.csv", "alters.csv", "aaties.csv"), "--ego-id", "person", "--wave", "interview", "--weight", "strength")
			got, stderr := runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m, "--missing-weight", c.choice)...)
			want, _ := runOK(t, append(append([]string{"egos"}, plain...), "--measures", m)...)
			assert.Equal(t, want, got)
			assert.True(t, strings.HasPrefix(got, "person,interview,"), "key columns keep the input's names: %s", got)
			assert.Regexp(t, `aaties.csv: \d+ `+c.report, stderr)

			got, _ = runOK(t, append(append([]string{"compare"}, foreign...), "--measures", "size,density,mean(closeness)", "--missing-weight", c.choice)...)
			want, _ = runOK(t, append(append([]string{"compare"}, plain...), "--measures", "size,density,mean(closeness)")...)
			assert.Equal(t, want, got)

			sameDrawings(t, append(foreign, "--missing-weight", c.choice), plain, "--rings", "closeness", "--color", "role")
		})
	}
}

// draw --chart with --classify and --instruments: the chart of a measure
// that needs them is drawn from the values egos writes with the same
// flags (the demo study, whose rules and instruments files are its own).
func TestDrawChartClassifyInstruments(t *testing.T) {
	dir := t.TempDir()
	runOK(t, "demo", "-o", dir)
	d := filepath.Join(dir, "data")
	in := []string{"--egos", filepath.Join(d, "egos.csv"), "--alters", filepath.Join(d, "alters.csv"), "--ties", filepath.Join(d, "aaties.csv"), "--wave", "wave"}
	var items []string
	for i := 1; i <= 27; i++ {
		items = append(items, fmt.Sprintf("%q", fmt.Sprintf("rg%02d", i)))
	}
	inst := filepath.Join(dir, "instruments.json")
	require.NoError(t, os.WriteFile(inst, []byte(`{"rguk": {"name": "rguk", "items": [`+strings.Join(items, ",")+`], "subscales": {"domestic": ["rg01", "rg02", "rg03"]}}}`), 0o644))
	for _, c := range []struct{ measure, flag, file string }{
		{"bridging", "--classify", filepath.Join(d, "rules.json")},
		{"rguk(domestic)", "--instruments", inst},
	} {
		t.Run(c.measure, func(t *testing.T) {
			p := c.file
			out := filepath.Join(dir, "chart.png")
			runOK(t, append(append([]string{"draw"}, in...), "--chart", c.measure, c.flag, p, "--before", "1", "--after", "2", "-o", out)...)
			st, err := os.Stat(out)
			require.NoError(t, err)
			assert.Greater(t, st.Size(), int64(1000))
			// Without the flag the measure is refused.
			var o, e bytes.Buffer
			assert.NotEqual(t, 0, run(append(append([]string{"draw"}, in...), "--chart", c.measure, "-o", filepath.Join(dir, "x.png")), &o, &e))
		})
	}
}

// Help and flags that tell the truth: an unknown help topic is a usage
// error; nodes takes --source, --target and --delimiter (its error for a
// missing source column tells the user to set --source); nodes -h does not
// describe survey data under --graphml; compare -h gives --measures'
// real default.
func TestHelpAndFlags(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"help", "nosuch"}, &out, &errb))
	assert.Equal(t, "sociogram: unknown help topic \"nosuch\"; run \"sociogram help\" for the commands\n", errb.String())
	assert.Empty(t, out.String())

	f := writeFiles(t, map[string]string{"e.csv": "from;to\na;b\nb;c\n"})
	got, stderr := runOK(t, "nodes", "--edges", f["e.csv"], "--source", "from", "--target", "to", "--delimiter", ";", "--measures", "size")
	assert.Equal(t, "node,size\na,1\nb,2\nc,1\n", got, "hand count: b is tied to a and c")
	assert.Empty(t, stderr)

	out.Reset()
	errb.Reset()
	run([]string{"nodes", "-h"}, &out, &errb)
	help := out.String() + errb.String()
	assert.Contains(t, help, "whole network as a GraphML FILE (one graph)")
	assert.NotContains(t, help, "survey ego networks, one graph per ego")
	assert.Contains(t, help, "-source")

	out.Reset()
	errb.Reset()
	run([]string{"compare", "-h"}, &out, &errb)
	assert.Contains(t, out.String()+errb.String(), "default: none (only kept, gained, lost and jaccard are written)")
}

// A one-file table as egor's onefile_to_egor reads it (write.csv2, alters
// in numbered columns, a tie half-matrix with skipped questions), read
// with --wide and no other flag.
func TestWideOneFile(t *testing.T) {
	dir := filepath.Join(interopDir, "wide")
	foreign := []string{"--wide", filepath.Join(dir, "onefile.csv")}
	plain := threeTables(filepath.Join(dir, "plain"), "egos.csv", "alters.csv", "aaties.csv")
	m := interopMeasures + ",blau(sex),mean(closeness),mean(age)"
	got, stderr := runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m)...)
	want, _ := runOK(t, append(append([]string{"egos"}, plain...), "--measures", m)...)
	assert.Equal(t, want, got)
	assert.Equal(t, 13, strings.Count(got, "\n"), "12 egos, one of them with no alters, and the header")
	assert.Regexp(t, `onefile.csv: \d+ tie questions between named alters skipped \(no tie\)`, stderr)
	sameDrawings(t, foreign, plain, "--color", "sex")
}

// EgoWeb 2.0's two export files, with an ego who named nobody and pair
// questions skipped or answered "don't know".
func TestEgoWebExport(t *testing.T) {
	dir := filepath.Join(interopDir, "egoweb")
	foreign := []string{"--egoweb", filepath.Join(dir, "study-ego-alter.csv"), "--egoweb-pairs", filepath.Join(dir, "study-alter-pair.csv")}
	plain := append(threeTables(filepath.Join(dir, "plain"), "egos.csv", "alters.csv", "aaties.csv"), "--ego-id", "EgoID")
	m := interopMeasures + ",prop(relationship=family),mean(closeness)"
	got, stderr := runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m)...)
	want, _ := runOK(t, append(append([]string{"egos"}, plain...), "--measures", m)...)
	assert.Equal(t, want, got)
	assert.True(t, strings.HasPrefix(got, "EgoID,"), "EgoWeb's key name kept")
	assert.Regexp(t, `study-alter-pair.csv: \d+ tie questions between named alters skipped \(no tie\)`, stderr)
	// The answers that mean a tie, given as text.
	got, _ = runOK(t, append(append([]string{"egos"}, foreign...), "--measures", m, "--tie-question", "know_each_other", "--tie-values", "1")...)
	assert.Equal(t, want, got)
	sameDrawings(t, foreign, plain, "--color", "relationship")
}

// Warnings say what the user can act on, once: networkx's graph-level data
// in a whole-network GraphML file is not worth a line; a repair made in
// every file of a directory is one line with the total.
func TestWarningsOnceWithCount(t *testing.T) {
	nx := `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="graph" attr.name="name" attr.type="string"/>
<graph edgedefault="undirected"><data key="d0">karate</data>
<node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>
`
	f := writeFiles(t, map[string]string{"g.graphml": nx})
	_, stderr := runOK(t, "nodes", "--graphml", f["g.graphml"], "--measures", "size")
	assert.Empty(t, stderr, "graph-level data of a whole network: nothing to act on")

	ego := func(id string) string {
		return `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="g" for="graph" attr.name="egoID" attr.type="string"/>
<graph edgedefault="undirected"><data key="g">` + id + `</data>
<node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="a" target="a"/></graph></graphml>
`
	}
	dir := t.TempDir()
	for _, id := range []string{"e1", "e2", "e3"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, id+".graphml"), []byte(ego(id)), 0o644))
	}
	_, stderr = runOK(t, "egos", "--graphml", dir, "--measures", "size")
	assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %s", stderr)
	assert.Contains(t, stderr, "3 self-loops dropped")
}

// warnReport itself: one line per file for a kind made in one or two
// files, one line with the total beyond; quiet kinds left out; counts of
// one in the singular.
func TestWarnReport(t *testing.T) {
	var rep network.Report
	rep.Add("a.csv", network.RepairSelfLoops, 1)
	rep.Add("a.graphml", network.RepairGraphData, 4)
	for _, f := range []string{"x", "y", "z"} {
		rep.Add(f, network.RepairDuplicates, 2)
	}
	var b bytes.Buffer
	warnReport(&b, rep)
	assert.Equal(t, "sociogram: warning: a.csv: 1 self-loop dropped\n"+
		"sociogram: warning: 6 duplicate ties merged (weights summed) in 3 files (the first x)\n", b.String())
}

// A GraphML round trip keeps the ego IDs, the waves and the key columns'
// names: the write.csv2 study (person, interview) converted to a GraphML
// directory reads back with no --ego-id or --wave, and egos and compare
// give what they give on the tables.
func TestGraphMLRoundTripKeepsKeys(t *testing.T) {
	dir := filepath.Join(interopDir, "csv2")
	tables := append(threeTables(filepath.Join(dir, "plain_drop"), "egos.csv", "alters.csv", "aaties.csv"), "--ego-id", "person", "--wave", "interview", "--weight", "strength")
	out := filepath.Join(t.TempDir(), "gml")
	runOK(t, append(append([]string{"convert"}, tables...), "--to", "graphml", "-o", out)...)
	gml := []string{"--graphml", out, "--weight", "strength"} // the weight key keeps its name too
	m := "size,density,weighted_density,constraint,mean(closeness)"
	want, _ := runOK(t, append(append([]string{"egos"}, tables...), "--measures", m)...)
	got, _ := runOK(t, append(append([]string{"egos"}, gml...), "--measures", m)...)
	assert.Equal(t, want, got)
	assert.True(t, strings.HasPrefix(got, "person,interview,"), got)
	want, _ = runOK(t, append(append([]string{"compare"}, tables...), "--measures", "size,density")...)
	got, _ = runOK(t, append(append([]string{"compare"}, gml...), "--measures", "size,density")...)
	assert.Equal(t, want, got)
}

// --key-names, --names and --digits on one table: the write.csv2 study's
// keys back to egoID and wave, syntactic names, and 17 digits reading back
// the same float64 as the default 15 show rounded.
func TestOutputNamesAndDigits(t *testing.T) {
	dir := filepath.Join(interopDir, "csv2", "plain_drop")
	in := append(threeTables(dir, "egos.csv", "alters.csv", "aaties.csv"), "--ego-id", "person", "--wave", "interview", "--weight", "strength", "--measures", "size,blau(role),mean(closeness)")
	got, _ := runOK(t, append(append([]string{"egos"}, in...), "--key-names", "egoID", "--names", "r")...)
	assert.True(t, strings.HasPrefix(got, "egoID,wave,size,blau_role,mean_closeness\n"), got)
	d15, _ := runOK(t, append([]string{"egos"}, in...)...)
	d17, _ := runOK(t, append(append([]string{"egos"}, in...), "--digits", "17")...)
	r15, err := csv.NewReader(strings.NewReader(d15)).ReadAll()
	require.NoError(t, err)
	r17, err := csv.NewReader(strings.NewReader(d17)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, len(r15), len(r17))
	longer := 0
	for i := 1; i < len(r15); i++ {
		for j := range r15[i] {
			a, errA := strconv.ParseFloat(r15[i][j], 64)
			b, errB := strconv.ParseFloat(r17[i][j], 64)
			if errA != nil || errB != nil {
				assert.Equal(t, r15[i][j], r17[i][j])
				continue
			}
			assert.InDelta(t, b, a, 1e-13*math.Max(1, math.Abs(b)), "row %d col %d", i, j)
			if len(r17[i][j]) > len(r15[i][j]) {
				longer++
			}
		}
	}
	assert.Positive(t, longer, "some value needs more than 15 digits")
	var o, e bytes.Buffer
	assert.Equal(t, 2, run(append(append([]string{"egos"}, in...), "--digits", "18"), &o, &e))
	assert.Contains(t, e.String(), "--digits 18: want 1 to 17")
}

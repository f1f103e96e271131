package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readCSVFile reads a CSV file into rows keyed by "egoID/wave" and the header.
func readCSVFile(t *testing.T, path string) ([]string, map[string]map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs, path)
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows[r[0]+"/"+r[1]] = m
	}
	return recs[0], rows
}

// rowWhere returns the row whose column col holds v (nil if none).
func rowWhere(rows map[string]map[string]string, col, v string) map[string]string {
	for _, r := range rows {
		if r[col] == v {
			return r
		}
	}
	return nil
}

func TestDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"demo", "-o", dir}, &out, &errb), "stderr: %s", errb.String())

	files := []string{"data/egos.csv", "data/alters.csv", "data/aaties.csv", "data/rules.json", "data/goals.csv",
		"goal_attainment.csv", "goals_P01.png",
		"measures.csv", "change.csv", "summary.csv",
		"egogram_P01.png", "egogram_P03.png", "egogram_P13.png", "before_after_P01.png",
		"size_wave1.png", "size_wave2.png", "size_change.png",
		"bridging_wave1.png", "bridging_wave2.png", "bridging_change.png",
		"groups.csv", "groups.png", "types.csv", "type_profiles.csv", "types.png", "types_tree.png"}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if !assert.NoError(t, err, "demo did not write %s", f) {
			continue
		}
		assert.NotEmpty(t, b, "%s is empty", f)
		if filepath.Ext(f) == ".png" {
			assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")), "%s is not a PNG", f)
		}
		if filepath.Dir(f) == "." {
			assert.Contains(t, out.String(), f, "the demo should say where %s is", f)
		}
	}
	assert.Contains(t, out.String(), "  data ", "the demo should say where the study is")

	head, rows := readCSVFile(t, filepath.Join(dir, "measures.csv"))
	assert.Equal(t, []string{"egoID", "wave"}, head[:2])
	assert.Len(t, rows, 80, "one row per person and wave")
	cases := []struct {
		name, key, column, want string
		provenance              string
	}{
		{"zero-alter ego keeps its row", "P07/1", "size", "0", "P07 names nobody at wave 1 (internal/demo doc)"},
		{"zero-alter ego: effective size undefined", "P07/1", "effective_size", "NA", "SPEC: NA if n = 0"},
		{"zero-alter ego: density undefined", "P07/1", "density", "NA", "SPEC: NA if n < 2"},
		{"one-alter ego", "P13/1", "size", "1", "P13 names one relative"},
		{"one-alter ego: constraint 1", "P13/1", "constraint", "1", "p = 1 for the only alter, c = 1² (Burt 1992)"},
		{"P01 size", "P01/1", "size", "5", "alters.csv: 5 rows for P01 wave 1"},
		{"P01 ties", "P01/1", "ties", "3", "aaties.csv: A01–A02, A01–A03, A02–A05"},
		{"P01 isolates", "P01/1", "isolates", "1", "A04 has no tie"},
		{"P01 components", "P01/1", "components", "2", "{A01,A02,A03,A05} and {A04}"},
		{"P01 effective size", "P01/1", "effective_size", "3.8", "n − 2t/n = 5 − 6/5 (Borgatti 1997)"},
		{"P01 brokerage", "P01/1", "brokerage", "7", "10 pairs − 3 ties"},
		{"P01 ego betweenness", "P01/1", "ego_betweenness", "6", "7 non-adjacent pairs; A01–A05 and A02–A03 share one alter (1/2 each), the other 5 count 1"},
		{"P31 lost everyone", "P31/2", "size", "0", "P31 names nobody at wave 2"},
		{"P01 bonding", "P01/1", "bonding", "2", "rules.json: family A02 and A05"},
		{"P01 bridging", "P01/1", "bridging", "1", "rules.json: neighbour A04"},
		{"P01 linking", "P01/1", "linking", "2", "rules.json: professionals A01 and A03"},
		{"P01 LSNS-6", "P01/1", "lsns6", "5", "egos.csv: lsns1..6 = 2,1,1,0,1,0"},
		{"P26 RG-UK with a missing answer", "P26/2", "rguk_total", "NA", "rg14 is NA (internal/demo doc)"},
		{"P07 bridging at wave 2", "P07/2", "bridging", "2", "two group members"},
		{"zero-alter ego: bridging 0", "P07/1", "bridging", "0", "no alters, count 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ok := rows[c.key]
			require.True(t, ok, "no row %s", c.key)
			assert.Equal(t, c.want, r[c.column], "%s %s: got %s, want %s (%s)", c.key, c.column, r[c.column], c.want, c.provenance)
		})
	}

	// The change table: P07 0 → 2 alters, P13 keeps the one, P31 loses
	// both (internal/demo doc); Jaccard kept/(kept+gained+lost).
	_, change := readCSVFile(t, filepath.Join(dir, "change.csv"))
	assert.Len(t, change, 40, "one row per person")
	changeCases := []struct {
		id, column, want string
	}{
		{"P07", "kept", "0"}, {"P07", "gained", "2"}, {"P07", "lost", "0"}, {"P07", "jaccard", "0"},
		{"P07", "bridging:before", "0"}, {"P07", "bridging:after", "2"}, {"P07", "bridging:change", "2"},
		{"P13", "kept", "1"}, {"P13", "jaccard", "1"}, {"P13", "size:change", "0"},
		{"P31", "lost", "2"}, {"P31", "jaccard", "0"}, {"P31", "size:after", "0"},
		{"P01", "size:before", "5"}, {"P01", "effective_size:before", "3.8"},
	}
	for _, c := range changeCases {
		got := changeRow(change, c.id)[c.column]
		assert.Equal(t, c.want, got, "change.csv %s %s: got %s, want %s", c.id, c.column, got, c.want)
	}

	// The summary: 223 alters at wave 1 and 259 at wave 2 (awk -F,
	// 'NR>1{c[$2]++}' internal/demo/data/alters.csv); P07 and P31 named
	// nobody at one wave each.
	_, summary := readCSVFile(t, filepath.Join(dir, "summary.csv"))
	assert.Equal(t, "223", summary["1/40"]["alters"])
	assert.Equal(t, "259", summary["2/40"]["alters"])
	assert.Equal(t, "1", summary["1/40"]["zero_alter_egos"])

	// The comparison of agencies: the means of groups.csv are the means of
	// change.csv's M:change over the people egos.csv puts in each agency
	// (a second path to the same numbers: no code of analysis.Groups).
	egoHead, egoRows := readCSVFile(t, filepath.Join(dir, "data", "egos.csv"))
	require.Contains(t, egoHead, "agency")
	_, groups := readCSVFile(t, filepath.Join(dir, "groups.csv"))
	require.Len(t, groups, 3, "bridging, size, lsns6")
	for _, m := range []string{"bridging", "size", "lsns6"} {
		sum := map[string]float64{}
		n := map[string]int{}
		for _, r := range change {
			x, err := strconv.ParseFloat(r[m+":change"], 64)
			if err != nil {
				continue // NA
			}
			ag := egoRows[r["egoID"]+"/1"]["agency"]
			sum[ag] += x
			n[ag]++
		}
		g := rowWhere(groups, "measure", m+":change")
		require.NotNil(t, g, "groups.csv row %s:change", m)
		assert.Equal(t, "third_sector", g["group_a"])
		assert.Equal(t, strconv.Itoa(n["third_sector"]), g["n_a"])
		assert.Equal(t, strconv.Itoa(n["statutory"]), g["n_b"])
		ma, _ := strconv.ParseFloat(g["mean_a"], 64)
		mb, _ := strconv.ParseFloat(g["mean_b"], 64)
		assert.InDelta(t, sum["third_sector"]/float64(n["third_sector"]), ma, 1e-12, "%s mean change, third sector", m)
		assert.InDelta(t, sum["statutory"]/float64(n["statutory"]), mb, 1e-12, "%s mean change, statutory", m)
	}
	// The typology at wave 1: one row per person; P07 (no alters: density
	// and the proportions undefined) and P13 (one alter: density
	// undefined) have type NA.
	_, types := readCSVFile(t, filepath.Join(dir, "types.csv"))
	assert.Len(t, types, 40)
	assert.Equal(t, "NA", rowWhere(types, "egoID", "P07")["type"])
	assert.Equal(t, "NA", rowWhere(types, "egoID", "P13")["type"])
	assert.Equal(t, "1", rowWhere(types, "egoID", "P01")["type"], "the first typed person is in type 1 (cutree numbering)")

	// The demo is reproducible: a second run writes byte-identical files
	// (SPEC: pictures byte-identical for identical input).
	t.Run("deterministic", func(t *testing.T) {
		if testing.Short() {
			t.Skip("a second run of the demo")
		}
		again := filepath.Join(t.TempDir(), "again")
		var out2, errb2 bytes.Buffer
		require.Equal(t, 0, run([]string{"demo", "-o", again}, &out2, &errb2), errb2.String())
		n := 0
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			x, err := os.ReadFile(path)
			require.NoError(t, err)
			y, err := os.ReadFile(filepath.Join(again, rel))
			require.NoError(t, err, "%s only in the first run", rel)
			assert.True(t, bytes.Equal(x, y), "%s differs between two runs", rel)
			n++
			return nil
		})
		require.NoError(t, err)
		assert.Equal(t, len(files), n, "files written")
	})

	for _, want := range []string{
		"people: 40 at wave 1 (1 named nobody), 40 at wave 2 (1 named nobody)",
		// 223/40 and 259/40.
		"network size: mean 5.58 at wave 1, 6.47 at wave 2 (+0.90)",
		// Kept, lost, gained: comm -12, -23, -13 of the sorted egoID/alterID
		// lists of each wave of alters.csv (awk -F, 'NR>1&&$2==1{print $1"/"$3}').
		"alters: 201 kept, 58 gained, 22 lost",
		// Bridging = neighbours and group members: 23+13 = 36 at wave 1 and
		// 33+26 = 59 at wave 2 (awk -F, 'NR>1{c[$2" "$6]++}' alters.csv).
		"bridging ties (neighbours, groups): mean 0.90 at wave 1, 1.48 at wave 2",
		// LSNS-6 totals below 12: awk over lsns1..lsns6 of egos.csv per wave.
		"LSNS-6 below 12 (risk of isolation): 37 people at wave 1, 34 at wave 2",
	} {
		assert.Contains(t, out.String(), want)
	}
}

// changeRow finds a person's row of change.csv (keyed by egoID alone).
func changeRow(rows map[string]map[string]string, id string) map[string]string {
	for _, r := range rows {
		if r["egoID"] == id {
			return r
		}
	}
	return nil
}

func TestDemoBadDir(t *testing.T) {
	// A file where the output directory should be is a data error, not a panic.
	f := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(f, []byte("x"), 0o644))
	var out, errb bytes.Buffer
	assert.Equal(t, 1, run([]string{"demo", "-o", f}, &out, &errb))
	assert.Contains(t, errb.String(), "sociogram: ")
}

// CLI manners (issue 7): every command answers -h and "help NAME" with its
// usage, which includes an example, and exits 0.
func TestEveryCommandHasHelpWithExample(t *testing.T) {
	require.NotEmpty(t, commands)
	for name := range commands {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			require.Equal(t, 0, run([]string{"help", name}, &out, &errb))
			assert.Contains(t, out.String(), "Usage: sociogram "+name)
			assert.Contains(t, out.String(), "Example", "sociogram help %s shows no example", name)

			out.Reset()
			errb.Reset()
			require.Equal(t, 0, run([]string{name, "-h"}, &out, &errb), "%s -h", name)
			assert.Contains(t, errb.String(), "Usage: sociogram "+name)
			assert.Contains(t, errb.String(), "Flags:")
		})
	}
}

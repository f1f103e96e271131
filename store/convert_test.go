package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/network"
)

// openTemp opens a new store in a temporary directory.
func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "study.db"), Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

// readDir returns the files of dir by name.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

// importDir reads the three tables (and goals.csv when there is one) of
// dir and imports them into a new store.
func importDir(t *testing.T, dir string, opt network.EgoCSVOptions) (*Store, ImportStats) {
	t.Helper()
	ds, _, err := network.ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), opt)
	require.NoError(t, err)
	var g *analysis.Goals
	if _, err := os.Stat(filepath.Join(dir, "goals.csv")); err == nil {
		g, err = analysis.ReadGoals(filepath.Join(dir, "goals.csv"), analysis.GoalsOptions{EgoID: opt.EgoID})
		require.NoError(t, err)
	}
	st := openTemp(t)
	stats, err := st.By("test").Import(context.Background(), ds, g, ImportOptions{CSV: opt})
	require.NoError(t, err)
	return st, stats
}

// roundTrip imports dir, exports it, imports the export and exports again;
// the two exports must be the same bytes. It returns the first export.
func roundTrip(t *testing.T, dir string, opt network.EgoCSVOptions) (map[string]string, ImportStats) {
	t.Helper()
	ctx := context.Background()
	st, stats := importDir(t, dir, opt)
	out1 := t.TempDir()
	require.NoError(t, st.WriteEgoCSVDir(ctx, out1))
	study, err := st.Study(ctx)
	require.NoError(t, err)
	st2, stats2 := importDir(t, out1, study.EgoCSVOptions())
	assert.Equal(t, stats, stats2, "the export imports as the original did")
	out2 := t.TempDir()
	require.NoError(t, st2.WriteEgoCSVDir(ctx, out2))
	first, second := readDir(t, out1), readDir(t, out2)
	assert.Equal(t, first, second, "exported, imported, exported: the same bytes")
	return first, stats
}

// The demo study's committed tables (internal/demo/data, written by
// internal/demo/gen) are in the form the writers write, so the first
// export gives them back byte for byte; the counts are the tables' line
// counts less their headers (wc -l: egos 81, alters 483, aaties 326, goals
// 106) and the 40 people of the demo.
func TestRoundTripDemo(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, demo.WriteFiles(dir))
	got, stats := roundTrip(t, dir, demo.Options)
	assert.Equal(t, ImportStats{People: 40, Interviews: 80, Alters: 482, Ties: 325, Goals: 105}, stats)
	want := demo.Embedded()
	assert.Equal(t, string(want.Egos), got["egos.csv"])
	assert.Equal(t, string(want.Alters), got["alters.csv"])
	assert.Equal(t, string(want.Ties), got["aaties.csv"])
	assert.Equal(t, string(want.Goals), got["goals.csv"])
	assert.Len(t, got, 4)
}

// testdata/awkward is written in the writers' form (see its README), so
// the export is the input; counts by hand from the files: 6 people (M, E0,
// E1, E2, D, L), 14 egos rows, 25 alters rows, 11 ties rows, 5 goals.
func TestRoundTripAwkward(t *testing.T) {
	dir := filepath.Join("testdata", "awkward")
	got, stats := roundTrip(t, dir, network.EgoCSVOptions{Wave: "wave"})
	assert.Equal(t, ImportStats{People: 6, Interviews: 14, Alters: 25, Ties: 11, Goals: 5}, stats)
	want := readDir(t, dir)
	assert.Equal(t, want, got)
	assert.Contains(t, got["aaties.csv"], "\nM,3,A6,A3,NA,support\n", "A6 comes before A3 at wave 3")
	assert.Contains(t, got["goals.csv"], "\nM,sister,\"see my sister, Ann, more\",1.5,,-1,NA,1\n")
}

// A directed study with ego–alter and tie weights and its own column
// names keeps them through the round trip. The input is in the writers'
// form except the tie weight column "strength", which the export keeps.
func TestRoundTripWeightedDirected(t *testing.T) {
	files := map[string]string{
		"egos.csv":   "person,t,arm\nP,a,x\nQ,a,y\nP,b,x\n",
		"alters.csv": "person,t,alter,closeness,role\nP,a,k1,0.5,friend\nP,a,k2,2,NA\nQ,a,k1,1,family\nP,b,k2,3,friend\n",
		"aaties.csv": "person,t,from,to,strength\nP,a,k2,k1,1.25\nP,a,k1,k2,4\n",
	}
	dir := t.TempDir()
	for n, s := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644))
	}
	opt := network.EgoCSVOptions{EgoID: "person", Wave: "t", AlterID: "alter", Source: "from", Target: "to",
		Weight: "strength", AlterWeight: "closeness", Directed: true}
	got, stats := roundTrip(t, dir, opt)
	assert.Equal(t, ImportStats{People: 2, Interviews: 3, Alters: 4, Ties: 2}, stats)
	// Directed ties are sorted by (From, To) alter position when built:
	// k1→k2 (positions 0, 1) before k2→k1.
	assert.Equal(t, "person,t,from,to,strength\nP,a,k1,k2,4\nP,a,k2,k1,1.25\n", got["aaties.csv"])
	assert.Equal(t, files["alters.csv"], got["alters.csv"])
	assert.Equal(t, files["egos.csv"], got["egos.csv"])
	assert.Equal(t, "person,goal,description,weight,rule\n", got["goals.csv"], "no goals: the header alone")
}

func TestImportErrors(t *testing.T) {
	ctx := context.Background()
	read := func(files map[string]string) *network.Dataset {
		dir := t.TempDir()
		for n, s := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644))
		}
		ds, _, err := network.ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), "", network.EgoCSVOptions{Wave: "wave"})
		require.NoError(t, err)
		return ds
	}
	cases := []struct {
		name  string
		egos  string
		alter string
		want  string
	}{
		{"ring not a whole number", "egoID,wave\nP,1\n", "egoID,wave,alterID,ring\nP,1,a,2.5\n",
			`alters: person "P" wave "1" alter "a": ring "2.5": invalid value`},
		{"ring zero", "egoID,wave\nP,1\n", "egoID,wave,alterID,ring\nP,1,a,0\n",
			`alters: person "P" wave "1" alter "a": ring "0": invalid value`},
		{"pseudonym changes", "egoID,wave,pseudonym\nP,1,Ann\nP,2,Anna\n", "egoID,wave,alterID\n",
			`egos: person "P" wave "2": invalid value: pseudonym "Anna" differs from "Ann" at an earlier wave`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openTemp(t)
			_, err := st.By("test").Import(ctx, read(map[string]string{"egos.csv": c.egos, "alters.csv": c.alter}), nil, ImportOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			people, err := st.People(ctx)
			require.NoError(t, err)
			assert.Empty(t, people, "a failed import adds nothing")
		})
	}
	t.Run("person twice", func(t *testing.T) {
		st := openTemp(t)
		ds := read(map[string]string{"egos.csv": "egoID,wave\nP,1\n", "alters.csv": "egoID,wave,alterID\n"})
		_, err := st.By("test").Import(ctx, ds, nil, ImportOptions{})
		require.NoError(t, err)
		_, err = st.By("test").Import(ctx, ds, nil, ImportOptions{})
		assert.ErrorIs(t, err, ErrExists)
		assert.EqualError(t, err, `people: person "P": already exists`)
	})
	t.Run("goal of a person not imported", func(t *testing.T) {
		st := openTemp(t)
		ds := read(map[string]string{"egos.csv": "egoID,wave\nP,1\n", "alters.csv": "egoID,wave,alterID\n"})
		g := &analysis.Goals{Source: "goals.csv", Goals: []analysis.Goal{{EgoID: "Q", ID: "g", Weight: 1, Line: 2}}}
		_, err := st.By("test").Import(ctx, ds, g, ImportOptions{})
		assert.ErrorIs(t, err, ErrNotFound)
		assert.EqualError(t, err, `goals: goals.csv:2: person "Q": not found: not in the study imported`)
	})
	t.Run("other column names", func(t *testing.T) {
		st := openTemp(t)
		ds := read(map[string]string{"egos.csv": "egoID,wave\nP,1\n", "alters.csv": "egoID,wave,alterID\n"})
		_, err := st.By("test").Import(ctx, ds, nil, ImportOptions{})
		require.NoError(t, err)
		ds2 := read(map[string]string{"egos.csv": "egoID,wave\nQ,1\n", "alters.csv": "egoID,wave,alterID\n"})
		_, err = st.By("test").Import(ctx, ds2, nil, ImportOptions{CSV: network.EgoCSVOptions{AlterID: "alter"}})
		assert.EqualError(t, err, `study: alter_id: invalid value: the store has "alterID", the import "alter"`)
	})
}

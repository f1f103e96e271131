package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awkwardDir is the store's hand-written awkward study (its README lists
// the cases), in the form the writers write: export gives it back.
var awkwardDir = filepath.Join("..", "..", "store", "testdata", "awkward")

// listing returns every path under dir with its time, so that a test can
// see whether anything was written.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !fi.IsDir() {
			rel += " " + fi.ModTime().String()
		}
		out = append(out, rel)
		return nil
	}))
	sort.Strings(out)
	return out
}

func readAll(t *testing.T, dir string) map[string]string {
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

// import then export gives the awkward study's files back byte for byte;
// importing the export into a second database and exporting again gives
// the same bytes; the database's directory holds the database only, the
// input directory is untouched, and export does not change the database.
func TestImportExport(t *testing.T) {
	in := t.TempDir()
	for n, s := range readAll(t, awkwardDir) {
		require.NoError(t, os.WriteFile(filepath.Join(in, n), []byte(s), 0o644))
	}
	inBefore := listing(t, in)
	dataDir := t.TempDir()
	db := filepath.Join(dataDir, "study.db")
	_, errs := runOK(t, append(append([]string{"import", "--data", db, "--worker", "test"},
		threeTables(in, "egos.csv", "alters.csv", "aaties.csv")...), "--wave", "wave", "--goals", filepath.Join(in, "goals.csv"))...)
	// 6 people, 14 egos rows, 25 alters, 11 ties, 5 goals: counted by hand
	// in the files.
	assert.Contains(t, errs, "imported 6 people, 14 waves, 25 alters, 11 ties, 5 goals")
	assert.Equal(t, []string{".", "study.db"}, names(listing(t, dataDir)), "import writes the database only")
	assert.Equal(t, inBefore, listing(t, in), "the input is not touched")

	dbBefore := listing(t, dataDir)
	out := filepath.Join(t.TempDir(), "tables")
	runOK(t, "export", "--data", db, "-o", out)
	assert.Equal(t, dbBefore, listing(t, dataDir), "export leaves the database's directory as it was")
	assert.Equal(t, readAll(t, awkwardDir), readAll(t, out))

	db2 := filepath.Join(t.TempDir(), "again.db")
	runOK(t, append(append([]string{"import", "--data", db2},
		threeTables(out, "egos.csv", "alters.csv", "aaties.csv")...), "--wave", "wave", "--goals", filepath.Join(out, "goals.csv"))...)
	out2 := filepath.Join(t.TempDir(), "tables")
	runOK(t, "export", "--data", db2, "-o", out2)
	assert.Equal(t, readAll(t, out), readAll(t, out2), "exported, imported, exported")

	gml := filepath.Join(t.TempDir(), "graphml")
	runOK(t, "export", "--data", db, "-o", gml, "--to", "graphml")
	got := readAll(t, gml)
	assert.Len(t, got, 15, "14 person-waves and goals.csv")
	assert.Equal(t, readAll(t, awkwardDir)["goals.csv"], got["goals.csv"])
	// The GraphML directory reads back as the same study: its egocsv
	// conversion has the same alters table.
	conv := t.TempDir()
	runOK(t, "convert", "--graphml", gml, "--to", "egocsv", "-o", conv)
	assert.Equal(t, strings.Count(readAll(t, awkwardDir)["alters.csv"], "\n"), strings.Count(readAll(t, conv)["alters.csv"], "\n"))
}

// names drops the times from a listing.
func names(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i], _, _ = strings.Cut(s, " ")
	}
	return out
}

func TestImportExportErrors(t *testing.T) {
	dataDir := t.TempDir()
	db := filepath.Join(dataDir, "study.db")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"import without --data", []string{"import", "--egos", "x.csv", "--alters", "y.csv"}, "import needs --data FILE"},
		{"export without -o", []string{"export", "--data", db}, "export needs -o DIR"},
		{"export of no database", []string{"export", "--data", db, "-o", filepath.Join(dataDir, "out")}, "study.db: stat"},
		{"export --to edges", []string{"export", "--data", db, "-o", "x", "--to", "edges"}, `unknown --to "edges"`},
		{"import of a whole network", []string{"import", "--data", db, "--edges", filepath.Join(awkwardDir, "egos.csv")}, "flag provided but not defined: -edges"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(c.args, &out, &errb)
			assert.NotEqual(t, 0, status)
			assert.Contains(t, errb.String(), c.want)
			assert.Equal(t, 1, strings.Count(errb.String(), "\n"), "one line: %s", errb.String())
			assert.Empty(t, names(listing(t, dataDir))[1:], "nothing created")
		})
	}
	t.Run("import twice", func(t *testing.T) {
		args := append(append([]string{"import", "--data", db}, threeTables(awkwardDir, "egos.csv", "alters.csv", "aaties.csv")...), "--wave", "wave")
		runOK(t, args...)
		var out, errb bytes.Buffer
		assert.Equal(t, 1, run(args, &out, &errb))
		assert.Equal(t, "sociogram: "+db+`: people: person "M": already exists`+"\n", errb.String())
	})
}

package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/internal/demo"
)

// demoArgs writes the demo study into a temporary directory and returns
// the input flags that read it.
func demoArgs(t *testing.T) (dir string, args []string) {
	t.Helper()
	dir = t.TempDir()
	require.NoError(t, demo.WriteFiles(dir))
	return dir, []string{"--egos", filepath.Join(dir, "egos.csv"), "--alters", filepath.Join(dir, "alters.csv"),
		"--ties", filepath.Join(dir, "aaties.csv"), "--wave", "wave"}
}

func runCSV(t *testing.T, args ...string) ([][]string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errb), "stderr: %s", errb.String())
	recs, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	return recs, errb.String()
}

func TestAltersCommand(t *testing.T) {
	dir, in := demoArgs(t)
	recs, stderr := runCSV(t, append([]string{"alters", "--measures", "degree,isolate", "--classify", filepath.Join(dir, "rules.json")}, in...)...)
	// 223 alters at wave 1 and 259 at wave 2 (awk -F, 'NR>1{c[$2]++}'
	// internal/demo/data/alters.csv); P07 (wave 1) and P31 (wave 2) named
	// nobody.
	assert.Len(t, recs, 1+223+259)
	assert.Contains(t, stderr, "2 ego row(s) named nobody")
	head := strings.Join(recs[0], ",")
	assert.True(t, strings.HasPrefix(head, "egoID,wave,alterID,ego_sex,ego_age,ego_agency,"), head)
	assert.True(t, strings.HasSuffix(head, ",sex,age_group,role,ring,contact,degree,isolate,class,rule"), head)
	// P01 at wave 1: ties A01–A02, A01–A03, A02–A05 (internal/demo tests);
	// A01 has degree 2, A04 is an isolate; A01 is a professional: linking.
	byAlter := map[string][]string{}
	for _, r := range recs[1:] {
		if r[0] == "P01" && r[1] == "1" {
			byAlter[r[2]] = r
		}
	}
	n := len(recs[0])
	assert.Equal(t, []string{"2", "0", "linking"}, byAlter["A01"][n-4:n-1])
	assert.Equal(t, []string{"0", "1", "bridging"}, byAlter["A04"][n-4:n-1])

	var errb bytes.Buffer
	assert.Equal(t, 2, run(append([]string{"alters", "--measures", "closeness"}, in...), &bytes.Buffer{}, &errb))
	assert.Contains(t, errb.String(), "closeness")
}

func TestGroupsCommand(t *testing.T) {
	dir, in := demoArgs(t)
	chart := filepath.Join(t.TempDir(), "g.png")
	recs, _ := runCSV(t, append([]string{"groups", "--by", "agency", "--measures", "size,bridging", "--classify",
		filepath.Join(dir, "rules.json"), "--before", "1", "--after", "2", "--chart", chart}, in...)...)
	require.Len(t, recs, 3)
	assert.Equal(t, "measure", recs[0][0])
	assert.Equal(t, []string{"size:change", "statutory", "third_sector", "20", "20"}, recs[1][:5], "groups sorted as text")
	b, err := os.ReadFile(chart)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")))

	// By wave, the two groups in the order given.
	recs, _ = runCSV(t, append([]string{"groups", "--by", "agency", "--measures", "size", "--groups", "third_sector,statutory"}, in...)...)
	require.Len(t, recs, 3, "one row per wave")
	assert.Equal(t, []string{"wave", "measure", "group_a"}, recs[0][:3])
	assert.Equal(t, []string{"1", "size", "third_sector"}, recs[1][:3])

	for name, args := range map[string][]string{
		"no --by":           {"groups", "--measures", "size"},
		"no --measures":     {"groups", "--by", "agency"},
		"bad --pairs":       {"groups", "--by", "agency", "--measures", "size", "--pairs", "some"},
		"unknown attribute": {"groups", "--by", "sector", "--measures", "size"},
		"unknown group":     {"groups", "--by", "agency", "--measures", "size", "--groups", "third_sector,private"},
	} {
		t.Run(name, func(t *testing.T) {
			var errb bytes.Buffer
			assert.NotEqual(t, 0, run(append(args, in...), &bytes.Buffer{}, &errb))
			assert.NotEmpty(t, errb.String())
			assert.Equal(t, 1, strings.Count(strings.TrimSpace(errb.String()), "\n")+1, "one line: %s", errb.String())
		})
	}
}

func TestTypesCommand(t *testing.T) {
	_, in := demoArgs(t)
	out := t.TempDir()
	prof, chart, tree := filepath.Join(out, "p.csv"), filepath.Join(out, "t.png"), filepath.Join(out, "d.png")
	recs, stderr := runCSV(t, append([]string{"types", "--measures", "size,density", "--k", "3", "--at", "1",
		"--profiles", prof, "--chart", chart, "--dendrogram", tree}, in...)...)
	assert.Equal(t, []string{"egoID", "type", "silhouette"}, recs[0])
	assert.Len(t, recs, 41, "40 people at wave 1")
	// P07 has no alters and P13 one: density undefined (internal/demo doc).
	assert.Contains(t, stderr, "2 ego(s) missing a measure")
	for _, f := range []string{chart, tree} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")), f)
	}
	b, err := os.ReadFile(prof)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "type,egos,size,density,size_z,density_z\n"), string(b))

	recs, _ = runCSV(t, append([]string{"types", "--measures", "size,density", "--k", "2:4"}, in...)...)
	assert.Equal(t, []string{"k", "avg_silhouette", "within_ss"}, recs[0])
	assert.Len(t, recs, 4)

	var js, errb bytes.Buffer
	require.Equal(t, 0, run(append([]string{"types", "--measures", "size,density", "--k", "2:3", "--format", "json"}, in...), &js, &errb), errb.String())
	assert.True(t, strings.HasPrefix(js.String(), "[\n{\"k\":2,\"avg_silhouette\":"), js.String())

	a, _ := runCSV(t, append([]string{"types", "--measures", "size,density", "--k", "3", "--method", "kmeans", "--seed", "5"}, in...)...)
	b2, _ := runCSV(t, append([]string{"types", "--measures", "size,density", "--k", "3", "--method", "kmeans", "--seed", "5"}, in...)...)
	assert.Equal(t, a, b2, "k-means is deterministic for a seed")

	for name, args := range map[string][]string{
		"no --k":             {"types", "--measures", "size"},
		"bad --k":            {"types", "--measures", "size", "--k", "4:2"},
		"kmeans dendrogram":  {"types", "--measures", "size", "--k", "2", "--method", "kmeans", "--dendrogram", "x.png"},
		"unknown method":     {"types", "--measures", "size", "--k", "2", "--method", "pam"},
		"unknown wave":       {"types", "--measures", "size", "--k", "2", "--at", "3"},
		"constant measure":   {"types", "--measures", "size,count(role=pilot)", "--k", "2"},
		"K above the people": {"types", "--measures", "size", "--k", "99"},
	} {
		t.Run(name, func(t *testing.T) {
			var errb bytes.Buffer
			assert.NotEqual(t, 0, run(append(args, in...), &bytes.Buffer{}, &errb))
			assert.Equal(t, 1, strings.Count(strings.TrimSpace(errb.String()), "\n")+1, "one line: %s", errb.String())
		})
	}
}

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shardInput writes a seeded random weighted edge list (with a hub, a
// self-loop, a duplicate tie and a node without ties) and a node file with
// an attribute, and returns the flags that read them.
func shardInput(t *testing.T, dir string, nodes, edges int) []string {
	t.Helper()
	r := rand.New(rand.NewPCG(4, 2))
	var e, n strings.Builder
	e.WriteString("source,target,weight\n")
	for k := 0; k < edges; k++ {
		u, v := r.IntN(nodes-1), r.IntN(nodes-1)
		if k%5 == 0 {
			u = 0
		}
		fmt.Fprintf(&e, "n%d,n%d,%d\n", u, v, 1+r.IntN(3))
	}
	e.WriteString("n1,n1,1\nn2,n3,1\nn3,n2,2\n")
	n.WriteString("id,group\n")
	for v := 0; v < nodes; v++ {
		fmt.Fprintf(&n, "n%d,%c\n", v, 'a'+v%3)
	}
	put(t, dir, map[string]string{"edges.csv": e.String(), "nodes.csv": n.String()})
	return []string{"--edges", filepath.Join(dir, "edges.csv"), "--nodes", filepath.Join(dir, "nodes.csv"), "--weight", "weight"}
}

// TestShardMergeByteIdentical: for K = 1, 2, 3, 7 and K larger than the
// number of nodes, the K parts of sociogram nodes --shard I/K, merged in a
// shuffled order, are byte for byte the unsharded run's table (the
// reference), in CSV and JSON, with the default measures and with a
// compositional one and --digits 17.
func TestShardMergeByteIdentical(t *testing.T) {
	dir := t.TempDir()
	in := shardInput(t, dir, 40, 120) // 40 nodes; the last has no tie
	for _, extra := range [][]string{nil, {"--measures", "constraint,blau(group),size", "--digits", "17"}} {
		for _, format := range []string{"csv", "json"} {
			args := append(append(append([]string{"nodes"}, in...), extra...), "--format", format)
			full := filepath.Join(dir, "full."+format)
			status, _, errs := runCLI(append(args, "-o", full)...)
			require.Equal(t, 0, status, errs)
			want := slurp(t, full)
			for _, k := range []int{1, 2, 3, 7, 41} {
				var parts []string
				for i := 1; i <= k; i++ {
					p := filepath.Join(dir, fmt.Sprintf("k%d-part%d.%s", k, i, format))
					status, _, errs := runCLI(append(args, "--shard", fmt.Sprintf("%d/%d", i, k), "-o", p)...)
					require.Equal(t, 0, status, errs)
					parts = append(parts, p)
				}
				rand.New(rand.NewPCG(uint64(k), 1)).Shuffle(len(parts), func(a, b int) { parts[a], parts[b] = parts[b], parts[a] })
				status, out, errs := runCLI(append([]string{"merge"}, parts...)...)
				require.Equal(t, 0, status, errs)
				assert.Equal(t, want, out, "%s %v K=%d: merged parts differ from the unsharded run", format, extra, k)
			}
		}
	}
}

// TestMergeErrors: every way a set of parts can be wrong is a one-line
// error naming the part (or the missing shard and the parts next to it),
// and merge writes nothing.
func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	in := shardInput(t, dir, 30, 80)
	other := shardInput(t, filepath.Join(dir, "other"), 31, 80)
	p := func(name string) string { return filepath.Join(dir, name) }
	shard := func(args []string, spec, out string, extra ...string) {
		t.Helper()
		status, _, errs := runCLI(append(append(append([]string{"nodes"}, args...), extra...), "--shard", spec, "-o", p(out))...)
		require.Equal(t, 0, status, errs)
	}
	shard(in, "1/3", "a1.csv")
	shard(in, "2/3", "a2.csv")
	shard(in, "3/3", "a3.csv")
	shard(in, "2/4", "b2.csv")
	shard(other, "2/3", "o2.csv")
	shard(in, "2/3", "j2.json", "--format", "json")
	shard(in, "2/3", "d2.csv", "--digits", "17")
	shard(in, "2/3", "m2.csv", "--measures", "size")
	shard(in, "2/3", "t2.csv")
	shard(in, "2/3", "norec.csv")
	require.NoError(t, os.Remove(p("norec.csv.shard")))
	// t2.csv loses its last row.
	b := slurp(t, p("t2.csv"))
	b = b[:strings.LastIndex(strings.TrimSuffix(b, "\n"), "\n")+1]
	require.NoError(t, os.WriteFile(p("t2.csv"), []byte(b), 0o644))
	// r2.csv: a row out of place (the rows of a1.csv under a2's record).
	require.NoError(t, os.WriteFile(p("r2.csv"), []byte(slurp(t, p("a1.csv"))), 0o644))
	require.NoError(t, os.WriteFile(p("r2.csv.shard"), []byte(slurp(t, p("a2.csv.shard"))), 0o644))

	cases := []struct {
		name  string
		parts []string
		want  string
	}{
		{"missing middle shard", []string{"a1.csv", "a3.csv"}, "shard 2/3 missing: no part given after " + p("a1.csv") + " (shard 1) and before " + p("a3.csv") + " (shard 3)"},
		{"missing last shard", []string{"a1.csv", "a2.csv"}, "shard 3/3 missing: no part given after " + p("a2.csv")},
		{"duplicate shard", []string{"a1.csv", "a2.csv", "a2.csv", "a3.csv"}, p("a2.csv") + ": shard 2/3 given twice (also " + p("a2.csv") + ")"},
		{"other K", []string{"a1.csv", "b2.csv", "a3.csv"}, p("b2.csv") + ": shard 2/4, but " + p("a1.csv") + " is shard 1/3"},
		{"other graph", []string{"a1.csv", "o2.csv", "a3.csv"}, p("o2.csv") + ": cut from another graph than " + p("a1.csv")},
		{"other format", []string{"a1.csv", "j2.json", "a3.csv"}, p("j2.json") + ": format json, but " + p("a1.csv") + " is csv"},
		{"other digits", []string{"a1.csv", "d2.csv", "a3.csv"}, p("d2.csv") + ": written with --digits 17"},
		{"other measures", []string{"a1.csv", "m2.csv", "a3.csv"}, p("m2.csv") + ": columns node,size"},
		{"part cut short", []string{"a1.csv", "t2.csv", "a3.csv"}, p("t2.csv") + ": "},
		{"rows of another shard", []string{"a1.csv", "r2.csv", "a3.csv"}, p("r2.csv") + ": "},
		{"no record", []string{"a1.csv", "norec.csv", "a3.csv"}, p("norec.csv") + ": no shard record"},
		{"not a part at all", []string{"a1.csv", "edges.csv"}, p("edges.csv") + ": no shard record"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := p("merged-" + strings.ReplaceAll(c.name, " ", "_") + ".csv")
			args := []string{"merge", "-o", out}
			for _, q := range c.parts {
				args = append(args, p(q))
			}
			status, stdout, errs := runCLI(args...)
			assert.Equal(t, 1, status)
			assert.Empty(t, stdout)
			assert.Contains(t, errs, c.want)
			assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
			assert.NoFileExists(t, out, "nothing written on error")
		})
	}
	// r2.csv and t2.csv: the error says what is wrong.
	_, _, errs := runCLI("merge", p("a1.csv"), p("t2.csv"), p("a3.csv"))
	assert.Regexp(t, `t2\.csv: \d+ rows, but its record says shard 2/3 holds \d+`, errs)
	_, _, errs = runCLI("merge", p("a1.csv"), p("r2.csv"), p("a3.csv"))
	assert.Contains(t, errs, "rows", errs)

	flagCases := []struct {
		args []string
		want string
	}{
		{[]string{"--shard", "0/3", "-o", p("x.csv")}, `--shard "0/3": want I/K with 1 <= I <= K`},
		{[]string{"--shard", "4/3", "-o", p("x.csv")}, `--shard "4/3": want I/K`},
		{[]string{"--shard", "1/0", "-o", p("x.csv")}, `--shard "1/0": want I/K`},
		{[]string{"--shard", "a/b", "-o", p("x.csv")}, `--shard "a/b": want I/K`},
		{[]string{"--shard", "2", "-o", p("x.csv")}, `--shard "2": want I/K`},
		{[]string{"--shard", "1/2"}, "--shard needs -o FILE"},
	}
	for _, c := range flagCases {
		status, _, errs := runCLI(append(append([]string{"nodes"}, in...), c.args...)...)
		assert.Equal(t, 2, status, "usage error: %v", c.args)
		assert.Contains(t, errs, c.want)
	}
	status, _, errs := runCLI("merge")
	assert.Equal(t, 2, status)
	assert.Contains(t, errs, "no parts given")
}

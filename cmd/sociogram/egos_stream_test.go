package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// surveyFiles writes a seeded-by-construction study of n egos (0 to 6
// alters, a path of ties, a weight on some ties, self-ties and duplicates)
// with the rows grouped by ego or, when shuffled, the alters of each even
// ego moved to the end of alters.csv.
func surveyFiles(t *testing.T, n int, waves, shuffled bool) string {
	var e, a, ti, tail strings.Builder
	e.WriteString("egoID,sex")
	a.WriteString("egoID,alterID,sex")
	ti.WriteString("egoID,Source,Target,weight")
	if waves {
		e.WriteString(",wave")
		a.WriteString(",wave")
		ti.WriteString(",wave")
	}
	e.WriteString("\n")
	a.WriteString("\n")
	ti.WriteString("\n")
	for i := 0; i < n; i++ {
		w := ""
		if waves {
			w = fmt.Sprintf(",%d", 1+i%2)
		}
		id := i
		if waves {
			id = i / 2
		}
		fmt.Fprintf(&e, "E%d,%c%s\n", id, "fm"[i%2], w)
		k := i % 7
		out := &a
		if shuffled && i%2 == 0 {
			out = &tail
		}
		for j := 0; j < k; j++ {
			fmt.Fprintf(out, "E%d,A%d,%c%s\n", id, j, "fmx"[j%3], w)
		}
		for j := 1; j < k; j++ {
			fmt.Fprintf(&ti, "E%d,A%d,A%d,%d%s\n", id, j-1, j, 1+j%3, w)
			if j%4 == 0 {
				fmt.Fprintf(&ti, "E%d,A%d,A%d,1%s\n", id, 0, j, w)
				fmt.Fprintf(&ti, "E%d,A%d,A%d,1%s\n", id, j, 0, w) // duplicate
				fmt.Fprintf(&ti, "E%d,A%d,A%d,1%s\n", id, j, j, w) // self-tie
			}
		}
	}
	a.WriteString(tail.String())
	return put(t, t.TempDir(), map[string]string{"egos.csv": e.String(), "alters.csv": a.String(), "aaties.csv": ti.String()})
}

// wantEgos is the output of the usual path: ReadEgoCSV, EgoTable, WriteCSVWith
// at the CLI's default of 15 significant digits.
func wantEgos(t *testing.T, dir string, opt network.EgoCSVOptions, specs []measures.Spec) string {
	ds, _, err := network.ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), opt)
	require.NoError(t, err)
	tab, err := measures.EgoTable(t.Context(), ds, specs, measures.TableOptions{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, tab.WriteCSVWith(&b, measures.WriteOptions{Digits: 15}))
	return b.String()
}

// TestEgosStreaming checks that the streaming path of `sociogram egos`
// runs for grouped tables and structural measures and writes what the
// usual path writes, byte for byte, and that ungrouped tables fall back.
func TestEgosStreaming(t *testing.T) {
	tests := []struct {
		name            string
		waves, shuffled bool
		measures        string
		streams         bool
		extraArgs       []string
	}{
		{"default measures", false, false, "", true, nil},
		{"waves", true, false, "", true, []string{"--wave", "wave"}},
		{"chosen structural measures", false, false, "constraint,size,ego_betweenness", true, nil},
		{"normalised and weighted structural measures", false, false, "weighted_density,redundancy,ego_betweenness_norm,brokerage_norm", true, nil},
		{"egoID key names", false, false, "", true, []string{"--key-names", "egoID"}},
		{"ungrouped falls back", false, true, "", false, nil},
		{"compositional measure is not streamed", false, false, "size,blau(sex)", false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := surveyFiles(t, 2500, tc.waves, tc.shuffled)
			args := []string{"egos", "--egos", filepath.Join(dir, "egos.csv"), "--alters", filepath.Join(dir, "alters.csv"), "--ties", filepath.Join(dir, "aaties.csv")}
			args = append(args, tc.extraArgs...)
			if tc.measures != "" {
				args = append(args, "--measures", tc.measures)
			}
			opt := network.EgoCSVOptions{}
			if tc.waves {
				opt.Wave = "wave"
			}
			specs := measures.DefaultSpecs()
			if tc.measures != "" {
				var err error
				specs, err = measures.ParseList(tc.measures)
				require.NoError(t, err)
			}
			want := wantEgos(t, dir, opt, specs)

			status, stdout, stderr := runCLI(args...)
			require.Equal(t, 0, status, stderr)
			assert.Equal(t, want, stdout)

			// The streaming path itself: taken or declined.
			in := inputFlags{egos: args[2], alters: args[4], ties: args[6], egoID: "egoID", alterID: "alterID", wave: opt.Wave}
			// It stages its rows beside the -o file, never in $TMPDIR
			// (issue 18 item 2): a $TMPDIR that does not exist cannot matter.
			t.Setenv("TMPDIR", filepath.Join(dir, "no-such-tmpdir"))
			outPath := filepath.Join(t.TempDir(), "out.csv")
			mf := measureFlags{digits: 15, keyNames: "input", names: "as-is", tableFlags: tableFlags{format: "csv", out: outPath}}
			var out, errb bytes.Buffer
			done, err := streamEgos(&in, specs, &mf, &capitalFlags{}, &out, &errb)
			require.NoError(t, err)
			assert.Equal(t, tc.streams, done, "streaming path taken")
			assert.Empty(t, out.String(), "nothing on stdout with -o")
			if done {
				assert.Equal(t, want, readFile(t, outPath))
				assertNoStrays(t, filepath.Dir(outPath))
				assert.Contains(t, errb.String(), "duplicate ties merged", "the report is printed")
			}
		})
	}
}

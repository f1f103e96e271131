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

	"github.com/sociogram/sociogram/visualize"
)

// readPositions reads a --positions file (node,x,y,r, or panel first).
func readPositions(t *testing.T, path string) []visualize.Position {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	off := 0
	if rows[0][0] == "panel" {
		off = 1
	}
	require.Equal(t, []string{"node", "x", "y", "r"}, rows[0][off:])
	var out []visualize.Position
	for _, r := range rows[1:] {
		p := visualize.Position{Node: r[off]}
		if off == 1 {
			p.Panel = r[0]
		}
		for i, v := range []*float64{&p.X, &p.Y, &p.R} {
			x, err := strconv.ParseFloat(r[off+1+i], 64)
			require.NoError(t, err)
			*v = x
		}
		out = append(out, p)
	}
	return out
}

// readEdges reads a two-column edge list's ties as pairs of node IDs.
func readEdges(t *testing.T, path string) [][2]string {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out [][2]string
	for _, r := range rows[1:] {
		out = append(out, [2]string{r[0], r[1]})
	}
	return out
}

// TestDrawPositionsGuarantee draws the Florentine families (Padgett &
// Ansell 1993, examples/brokers/data) and Zachary's karate club (Zachary
// 1977, measures/testdata/reference) with the concentric, circle and force
// layouts, sized by effective size as in the command, and checks
// from the --positions file alone (with the edge list) that no tie passes
// within 2 pt of the marker of a node it does not join and that no two
// markers overlap.
func TestDrawPositionsGuarantee(t *testing.T) {
	nets := map[string][2]string{
		"florentine": {"../../examples/brokers/data/florentine_marriages.csv", "../../examples/brokers/data/florentine_families.csv"},
		"karate":     {"../../measures/testdata/reference/karate.edges.csv", "../../measures/testdata/reference/karate.nodes.csv"},
	}
	out := t.TempDir()
	for name, files := range nets {
		for _, layout := range []string{"concentric", "circle", "force"} {
			t.Run(name+"_"+layout, func(t *testing.T) {
				pos := filepath.Join(out, name+layout+".csv")
				var so, se bytes.Buffer
				require.Equal(t, 0, run([]string{"draw", "--edges", files[0], "--nodes", files[1], "--layout", layout,
					"--size", "effective_size", "--positions", pos, "-o", filepath.Join(out, name+layout+".png")}, &so, &se), se.String())
				assert.Empty(t, se.String(), "nothing left to report")
				ps := readPositions(t, pos)
				index := map[string]int{}
				for i, p := range ps {
					index[p.Node] = i
				}
				var ties [][2]int
				for _, e := range readEdges(t, files[0]) {
					u, ok1 := index[e[0]]
					v, ok2 := index[e[1]]
					require.True(t, ok1 && ok2, "tie %v has both ends in the positions", e)
					ties = append(ties, [2]int{u, v})
				}
				v := visualize.CheckPositions(ps, ties, nil, 2)
				assert.Empty(t, v, "%d violations", len(v))
			})
		}
	}
}

// TestDrawPositionsSurvey draws the small study's page of every ego, its
// before/after picture and an ego network as a circle sociogram with
// --positions, and checks the guarantee from the positions file and the
// alter–alter ties of aaties.csv (drawStudy) alone: for each panel, no
// tie within 2 pt of a marker it does not join, no markers overlapping.
func TestDrawPositionsSurvey(t *testing.T) {
	dir := drawStudy(t)
	out := t.TempDir()
	// Ties per ego and wave, from aaties.csv.
	ties := map[[2]string][][2]string{
		{"P1", "1"}: {{"Mum", "Sam"}, {"Sam", "Ana"}},
		{"P1", "2"}: {{"Mum", "Sam"}, {"Choir", "Kim"}},
	}
	cases := []struct {
		name  string
		args  []string
		waves map[string]string // panel → wave ("" for one panel: wave 1)
		ego   map[string]string // panel → ego ("" for one panel: P1)
	}{
		{"page of every ego", survey(dir, "--all", "--rings", "closeness", "--sectors", "role"),
			map[string]string{"P1": "1", "P2": "1"}, map[string]string{"P1": "P1", "P2": "P2"}},
		{"before and after", survey(dir, "--ego", "P1", "--before", "1", "--after", "2", "--rings", "closeness", "--sectors", "role"),
			map[string]string{"wave 1": "1", "wave 2": "2"}, map[string]string{"wave 1": "P1", "wave 2": "P1"}},
		{"circle sociogram of an ego network", survey(dir, "--ego", "P1", "--layout", "circle", "--color", "role"),
			map[string]string{"": "1"}, map[string]string{"": "P1"}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pos := filepath.Join(out, strconv.Itoa(i)+".csv")
			var so, se bytes.Buffer
			args := append(c.args, "--positions", pos, "-o", filepath.Join(out, strconv.Itoa(i)+".png"))
			require.Equal(t, 0, run(args, &so, &se), se.String())
			byPanel := map[string][]visualize.Position{}
			for _, p := range readPositions(t, pos) {
				byPanel[p.Panel] = append(byPanel[p.Panel], p)
			}
			require.Len(t, byPanel, len(c.waves))
			for panel, ps := range byPanel {
				ego, wave := c.ego[panel], c.waves[panel]
				index := map[string]int{}
				for k, p := range ps {
					index[p.Node] = k
				}
				require.Contains(t, index, ego, "the ego's row is its ID")
				var tt [][2]int
				for _, e := range ties[[2]string{ego, wave}] {
					tt = append(tt, [2]int{index[e[0]], index[e[1]]})
				}
				if c.waves[""] != "" {
					// The sociogram draws the ego's ties to every alter too.
					for k, p := range ps {
						if p.Node != ego {
							tt = append(tt, [2]int{index[ego], k})
						}
					}
				}
				v := visualize.CheckPositions(ps, tt, nil, 2)
				assert.Empty(t, v, "panel %q: %d violations", panel, len(v))
			}
		})
	}
}

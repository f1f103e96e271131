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

// TestDemoGoals: the demo's goals, T-scores by hand (ρ = 0.3) from
// internal/demo/data/goals.csv and the study:
//
//	P01: group (w 3): 2 group members at wave 2 → 0; people (w 1): size 5 →
//	     7, change +2 → +1; outside (w 3): recorded 0. Σwx = 1, Σw² = 19,
//	     (Σw)² = 49, 0.7·19 + 0.3·49 = 28: T = 50 + 10/√28 = 51.889822365046136.
//	P07: names nobody at wave 1, two group members at wave 2: group (w 2)
//	     → 0; people (w 1) +2 → +1; family (w 2) recorded +1. Σwx = 3,
//	     Σw² = 9, (Σw)² = 25, 6.3 + 7.5 = 13.8: T = 50 + 30/√13.8 = 58.07572853087248.
//	P31: names nobody at wave 2: group (w 2) count 0 → −1; people (w 2)
//	     2 → 0, change −2 → −2; family not scored (NA). Σwx = −6, Σw² =
//	     8, (Σw)² = 16, 5.6 + 4.8 = 10.4: T = 50 − 60/√10.4 = 31.394789811618733.
//
// The printed counts are checked against the table the demo wrote.
func TestDemoGoals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"demo", "-o", dir}, &out, &errb), "stderr: %s", errb.String())
	f, err := os.Open(filepath.Join(dir, "goal_attainment.csv"))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID", "wave", "goals", "met", "gas_t"}, recs[0])
	require.Len(t, recs, 41, "one row per person at the one follow-up wave")
	byID := map[string][]string{}
	var scored, met, all int
	for _, r := range recs[1:] {
		byID[r[0]] = r
		g, _ := strconv.Atoi(r[2])
		m, _ := strconv.Atoi(r[3])
		scored, met = scored+g, met+m
		if g > 0 && g == m {
			all++
		}
	}
	for _, c := range []struct {
		id, goals, met string
		t              float64
	}{
		{"P01", "3", "3", 51.889822365046136},
		{"P07", "3", "3", 58.07572853087248},
		{"P31", "2", "0", 31.394789811618733},
	} {
		r := byID[c.id]
		require.NotNil(t, r, c.id)
		assert.Equal(t, []string{c.goals, c.met}, r[2:4], c.id)
		x, err := strconv.ParseFloat(r[4], 64)
		require.NoError(t, err)
		assert.InDelta(t, c.t, x, 1e-9, "%s T got %v want %v", c.id, x, c.t)
	}
	assert.Contains(t, out.String(), "105 goals set by 40 people; "+strconv.Itoa(scored)+" scored at wave 2, "+
		strconv.Itoa(met)+" met (level 0 or above); "+strconv.Itoa(all)+" people met every goal")
	assert.Contains(t, out.String(), "goals_P01.png")
	b, err := os.ReadFile(filepath.Join(dir, "data", "goals.csv"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("egoID,goal,description,weight,rule,level:1,level:2\n")), "the study's goals table is written with the data")
}

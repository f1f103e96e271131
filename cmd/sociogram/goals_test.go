package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goalFiles is analysis.TestEvaluateGoals's study as CSV, with the same
// goals; the T-scores are derived by hand there (ρ = 0.3, √20.6 =
// 4.538722287164087):
//
//	R1 w2: levels 0, −1, +1 (w 2, 1, 3): T = 50 + 20/√20.6 = 54.40652649239232, met 2
//	R1 w3: levels 0, +1, +2: T = 50 + 70/√20.6 = 65.42284272337311, met 3
//	R2 w2: mood 0 only (not interviewed): T 50; w3: group 0 only: T 50
//	R3: no goals: 0, 0, NA
var goalFiles = map[string]string{
	"egos.csv": "egoID,wave,arm\nR1,1,a\nR2,1,a\nR3,1,b\nR1,2,a\nR1,3,a\nR2,3,a\n",
	"alters.csv": "egoID,wave,alterID,role\nR1,1,A,friend\nR1,1,B,family\nR2,1,A,family\n" +
		"R1,2,A,friend\nR1,2,G,group\nR1,3,A,friend\nR1,3,G,group\nR1,3,H,group\nR1,3,K,neighbour\n" +
		"R2,3,A,family\nR2,3,B,group\n",
	"goals.csv": "egoID,goal,description,weight,rule,level:1,level:2,level:3\n" +
		"R1,group,join a group,2,count(role=group) >= 1,,,\n" +
		"R1,people,meet new people,1,size:change >= 0 1 2 3,NA,NA,NA\n" +
		"R1,sister,get back in touch with my sister,3,,-1,+1,2\n" +
		"R2,group,join a group,1,count(role=group) >= 1,,,\n" +
		"R2,mood,feel less lonely,2,,,0,NA\n",
	"badgoals.csv": "egoID,goal,weight,rule\nR1,g,1,size >= 1\nR9,g,1,size >= 1\n",
}

func goalArgs(f map[string]string) []string {
	return []string{"goals", "--goals", f["goals.csv"], "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave"}
}

func TestGoalsCommand(t *testing.T) {
	f := writeFiles(t, goalFiles)
	var out, errb bytes.Buffer
	dir := filepath.Join(f["dir"], "pics")
	status := run(append(goalArgs(f), "--draw", dir), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,wave,goals,met,gas_t\n"+
		"R1,2,3,2,54.40652649239232\nR1,3,3,3,65.42284272337311\n"+
		"R2,2,1,1,50\nR2,3,1,1,50\n"+
		"R3,2,0,0,NA\nR3,3,0,0,NA\n", out.String())
	for _, id := range []string{"R1", "R2"} {
		_, err := os.Stat(filepath.Join(dir, "goals_"+id+".png"))
		assert.NoError(t, err, "picture of %s", id)
	}
	_, err := os.Stat(filepath.Join(dir, "goals_R3.png"))
	assert.True(t, os.IsNotExist(err), "R3 has no goals: no picture")

	// A row per goal: R1 at wave 1 (baseline) group count 0 → −1.
	out.Reset()
	status = run(append(goalArgs(f), "--goal-rows"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Contains(t, out.String(), "egoID,wave,goal,weight,value,level\nR1,1,group,2,0,-1\nR1,1,people,1,0,-1\nR1,1,sister,3,NA,-1\n")
	assert.Contains(t, out.String(), "\nR1,3,people,1,2,1\n")

	// By arm: a at wave 2 has T 54.4065…, 50: mean 52.20326324619616,
	// half-width t(0.975, 1) · |54.4065… − 50| / 2 = 12.706204736174698 ·
	// 2.20326324619616 = 27.99511…; b has no T.
	out.Reset()
	status = run(append(goalArgs(f), "--by", "arm"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Contains(t, out.String(), "arm,wave,people,mean_t,ci_low,ci_high\na,2,2,52.20326324619616,24.20")
	assert.Contains(t, out.String(), "\nb,2,0,NA,NA,NA\n")
}

func TestGoalsCommandErrors(t *testing.T) {
	f := writeFiles(t, goalFiles)
	base := []string{"--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave"}
	cases := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"no goals file", append([]string{"goals"}, base...), 2, "needs --goals FILE"},
		{"rows and by", append(goalArgs(f), "--goal-rows", "--by", "arm"), 2, "--goal-rows or --by"},
		{"unknown ego", append([]string{"goals", "--goals", f["badgoals.csv"]}, base...), 1, `badgoals.csv:3: bad goals: ego "R9" is not in the data`},
		{"unknown by", append(goalArgs(f), "--by", "sex"), 1, `no column "sex" for --by`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(c.args, &out, &errb)
			assert.Equal(t, c.status, status, "stderr: %s", errb.String())
			assert.Contains(t, errb.String(), c.want)
			assert.Empty(t, out.String())
		})
	}
}

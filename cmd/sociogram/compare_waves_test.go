package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeWaveFiles is the three-wave study of measures/change_waves_test.go
// (threeWaves) as CSV, every count derived by hand there:
//
//	Q1 w1: A family 1, B friend 2, C neighbour 3, D group 2; ties A-B, B-C, C-D
//	Q1 w2: A family 1, B friend 1, C friend 3, E group 3;    ties A-B, A-C, C-E
//	Q1 w3: A family 2, C friend 2, D group 2, E group 3, F neighbour NA;
//	       ties A-C, D-E, A-E
//	Q2 w1: X friend 1, Y family 2; tie X-Y.   Q2 w2: X friend 2.  (no w3)
//	Q3 w1: M professional 3.                  Q3 w3: M professional 2, N group 1; tie M-N
//	Q4 w2: nobody.                            Q4 w3: P group 3
var threeWaveFiles = map[string]string{
	"egos.csv": "egoID,wave\nQ1,1\nQ2,1\nQ3,1\nQ1,2\nQ2,2\nQ4,2\nQ1,3\nQ3,3\nQ4,3\n",
	"alters.csv": "egoID,wave,alterID,role,ring\n" +
		"Q1,1,A,family,1\nQ1,1,B,friend,2\nQ1,1,C,neighbour,3\nQ1,1,D,group,2\n" +
		"Q2,1,X,friend,1\nQ2,1,Y,family,2\nQ3,1,M,professional,3\n" +
		"Q1,2,A,family,1\nQ1,2,B,friend,1\nQ1,2,C,friend,3\nQ1,2,E,group,3\n" +
		"Q2,2,X,friend,2\n" +
		"Q1,3,A,family,2\nQ1,3,C,friend,2\nQ1,3,D,group,2\nQ1,3,E,group,3\nQ1,3,F,neighbour,NA\n" +
		"Q3,3,M,professional,2\nQ3,3,N,group,1\nQ4,3,P,group,3\n",
	"aaties.csv": "egoID,wave,Source,Target\n" +
		"Q1,1,A,B\nQ1,1,B,C\nQ1,1,C,D\nQ2,1,X,Y\n" +
		"Q1,2,A,B\nQ1,2,A,C\nQ1,2,C,E\n" +
		"Q1,3,A,C\nQ1,3,D,E\nQ1,3,A,E\nQ3,3,M,N\n",
	"rules.json": `{"rules": [{"type": "role", "attribute": "role", "classes": {
  "bonding": ["family", "friend"], "bridging": ["neighbour", "group"], "linking": ["professional"]}}]}`,
}

// TestCompareWaves: consecutive waves with the change measures (values
// from the hand derivations of measures.TestChangeTableThreeWaves): Q1
// 1→2 returned 0, stability 3/4, turnover 2/5, closer 1 (B), further 0,
// role_changed 1 (C), class_changed 1 (C), ties kept/gained/lost 1/1/1,
// brokerage kept/gained/lost 0/1/1; Q1 2→3 returned 1 (D), turnover 3/6,
// closer 1 (C), further 1 (A); size 4 → 4 → 5.
func TestCompareWaves(t *testing.T) {
	f := writeFiles(t, threeWaveFiles)
	var out, errb bytes.Buffer
	status := run(append(waveArgs(f, "compare"), "--classify", f["rules.json"], "--change", "all", "--measures", "size"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,from,to,kept,gained,lost,jaccard,returned,stability,turnover,closer,further,role_changed,class_changed,"+
		"ties_kept,ties_gained,ties_lost,broker_kept,broker_gained,broker_lost,size:before,size:after,size:change\n"+
		"Q1,1,2,3,1,1,0.6,0,0.75,0.4,1,0,1,1,1,1,1,0,1,1,4,4,0\n"+
		"Q1,2,3,3,2,1,0.5,1,0.75,0.5,1,1,0,0,1,1,1,0,1,1,4,5,1\n"+
		"Q2,1,2,1,0,1,0.5,0,0.5,0.5,0,1,0,0,0,0,0,0,0,0,2,1,-1\n"+
		"Q2,2,3,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,1,NA,NA\n"+
		"Q3,1,3,1,1,0,0.5,0,1,0.5,1,0,0,0,0,0,0,0,0,0,1,2,1\n"+
		"Q4,1,2,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,NA\n"+
		"Q4,2,3,0,1,0,0,0,NA,1,0,0,0,0,0,0,0,0,0,0,0,1,1\n", out.String())

	// Baseline 1, waves 1 and 3 only: two waves, so no from/to unless
	// asked. Q1 1→3: kept A,C,D; gained E,F; lost B.
	out.Reset()
	status = run(append(waveArgs(f, "compare"), "--waves", "1,3", "--from-to"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,from,to,kept,gained,lost,jaccard\n"+
		"Q1,1,3,3,2,1,0.5\nQ2,1,3,NA,NA,NA,NA\nQ3,1,3,1,1,0,0.5\nQ4,1,3,NA,NA,NA,NA\n", out.String())

	// The alter-level table of Q2 1→2: lost Y, kept X (ring 1 → 2).
	out.Reset()
	status = run(append(waveArgs(f, "compare"), "--alter-rows"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Contains(t, out.String(), "egoID,from,to,alterID,status,ring:from,ring:to,role:from,role:to,ring_move,role_changed,ties_kept,ties_gained,ties_lost\n")
	assert.Contains(t, out.String(), "\nQ2,1,2,Y,lost,2,NA,family,NA,NA,NA,NA,NA,NA\nQ2,1,2,X,kept,1,2,friend,friend,1,0,0,0,0\n")
	assert.Contains(t, out.String(), "\nQ1,2,3,D,returned,NA,2,NA,group,NA,NA,NA,NA,NA\n")
}

func TestCompareWavesErrors(t *testing.T) {
	f := writeFiles(t, threeWaveFiles)
	cases := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"waves and before", append(waveArgs(f, "compare"), "--waves", "1,2", "--before", "1"), 2, "either --waves or --before/--after"},
		{"unknown change", append(waveArgs(f, "compare"), "--change", "kept,churn"), 2, `unknown change measure "churn"`},
		{"class without rules", append(waveArgs(f, "compare"), "--change", "class_changed"), 2, "class_changed needs classification rules"},
		{"no such ring", append(waveArgs(f, "compare"), "--change", "closer", "--rings", "circle"), 2, `closer needs the alter attribute "circle"`},
		{"alter rows with measures", append(waveArgs(f, "compare"), "--alter-rows", "--measures", "size"), 2, "takes no --change or --measures"},
		{"unknown wave", append(waveArgs(f, "compare"), "--waves", "1,4"), 1, `egos.csv: bad waves: wave "4" does not occur`},
		{"baseline last", append(waveArgs(f, "compare"), "--baseline", "3"), 1, `the baseline wave "3" is the last wave compared`},
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

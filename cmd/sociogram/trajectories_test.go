package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrajectoriesCommand: the long table of threeWaveFiles (see
// compare_waves_test.go), by hand: Q1 sizes 4, 4, 5 with densities 3/6,
// 3/6, 3/10; Q2 2 (density 1/1) and 1 (NA: one alter) then dropped out;
// Q3 at waves 1 and 3 only (occasions 0 and 2); Q4 from wave 2.
func TestTrajectoriesCommand(t *testing.T) {
	f := writeFiles(t, threeWaveFiles)
	var out, errb bytes.Buffer
	chart := filepath.Join(f["dir"], "size.png")
	maps := filepath.Join(f["dir"], "q1.svg")
	status := run(append(waveArgs(f, "trajectories"), "--measures", "size,density", "--chart", chart,
		"--ego", "Q1", "--ego-chart", maps, "--rings", "ring", "--sectors", "role"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,wave,occasion,size,density\n"+
		"Q1,1,0,4,0.5\nQ1,2,1,4,0.5\nQ1,3,2,5,0.3\n"+
		"Q2,1,0,2,1\nQ2,2,1,1,NA\n"+
		"Q3,1,0,1,NA\nQ3,3,2,2,1\n"+
		"Q4,2,1,0,NA\nQ4,3,2,1,NA\n", out.String())
	for _, p := range []string{chart, maps} {
		st, err := os.Stat(p)
		require.NoError(t, err)
		assert.Greater(t, st.Size(), int64(1000))
	}

	// Waves 3 and 1, in that order: occasions follow the list.
	out.Reset()
	status = run(append(waveArgs(f, "trajectories"), "--measures", "size", "--waves", "3,1"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,wave,occasion,size\nQ1,3,0,5\nQ1,1,1,4\nQ2,1,1,2\nQ3,3,0,2\nQ3,1,1,1\nQ4,3,0,1\n", out.String())
}

func TestTrajectoriesErrors(t *testing.T) {
	f := writeFiles(t, threeWaveFiles)
	cases := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"ego without chart", append(waveArgs(f, "trajectories"), "--ego", "Q1"), 2, "--ego ID and --ego-chart FILE together"},
		{"chart measure", append(waveArgs(f, "trajectories"), "--measures", "size", "--chart", "x.png", "--chart-measure", "density"), 2, `--chart-measure "density" is not among --measures`},
		{"chart extension", append(waveArgs(f, "trajectories"), "--measures", "size", "--chart", "x.gif"), 2, "unknown image extension"},
		{"unknown ego", append(waveArgs(f, "trajectories"), "--ego", "Q9", "--ego-chart", filepath.Join(f["dir"], "q.png")), 1, `no ego "Q9"`},
		{"unknown wave", append(waveArgs(f, "trajectories"), "--waves", "1,7"), 1, `wave "7" does not occur`},
		{"by", append(waveArgs(f, "trajectories"), "--by", "arm"), 1, `no column "arm" for --by`},
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

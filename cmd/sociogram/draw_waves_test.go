package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDrawWaves: draw --waves on threeWaveFiles (compare_waves_test.go):
// one ego to a file; every ego to a directory, one file per ego (Q2
// missed wave 3, Q3 wave 2, Q4 wave 1: empty panels, not errors).
func TestDrawWaves(t *testing.T) {
	f := writeFiles(t, threeWaveFiles)
	var out, errb bytes.Buffer
	path := filepath.Join(f["dir"], "q1.png")
	status := run(append(waveArgs(f, "draw"), "--ego", "Q1", "--waves", "1,2,3", "--rings", "ring", "--sectors", "role", "-o", path), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")))

	dir := filepath.Join(f["dir"], "all")
	status = run(append(waveArgs(f, "draw"), "--all", "--waves", "1,2,3", "-o", dir), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	for _, name := range []string{"Q1_w1-2-3.png", "Q2_w1-2-3.png", "Q3_w1-2-3.png", "Q4_w1-2-3.png"} {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.NoError(t, err, name)
	}

	cases := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"waves and before", append(waveArgs(f, "draw"), "--ego", "Q1", "--waves", "1,2,3", "--before", "1", "--after", "2", "-o", path), 2, "give --waves or --at-wave or --before/--after"},
		{"several egos to a file", append(waveArgs(f, "draw"), "--ego", "Q1", "--ego", "Q2", "--waves", "1,2,3", "-o", path), 2, "needs -o DIR"},
		{"unknown wave", append(waveArgs(f, "draw"), "--ego", "Q1", "--waves", "1,5", "-o", path), 1, `wave "5" does not occur`},
		{"unknown ego", append(waveArgs(f, "draw"), "--ego", "Q9", "--waves", "1,2", "-o", path), 1, "not interviewed at any of the waves 1, 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, c.status, run(c.args, &out, &errb), "stderr: %s", errb.String())
			assert.Contains(t, errb.String(), c.want)
		})
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/internal/demo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuickstart(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, demo.WriteFiles(dir))
	var out bytes.Buffer
	picture := filepath.Join(dir, "egogram.png")
	require.NoError(t, run(dir, picture, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 81, "header and 80 rows (40 people × 2 waves)")
	assert.Equal(t, "egoID,wave,size,density,effective_size,constraint,blau(role),count(role=group)", lines[0])
	// P01 at wave 1: 5 alters, 3 ties (internal/demo/data); density 3/10;
	// effective size 5 − 2·3/5 = 3.8; roles professional ×2, family ×2,
	// neighbour ×1 → blau 1 − (0.4² + 0.4² + 0.2²) = 0.64 (0.6399999999999999
	// in floating point); no group members. Constraint: networkx 3.6.1
	// constraint of the ego graph gives 0.4511111111111112 (equal to 1e-15).
	assert.Equal(t, "P01,1,5,0.3,3.8,0.45111111111111124,0.6399999999999999,0", lines[1])

	b, err := os.ReadFile(picture)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")), "not a PNG")

	assert.Error(t, run(filepath.Join(dir, "nosuch"), picture, &out), "missing files are an error")
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Reference values: networkx 3.6.1 on florentine_families_graph() with
// Pucci added as an isolate (exact calls in data/README.md): effective_size,
// constraint, and betweenness_centrality(ego_graph(G, v), normalized=False)[v].
func TestRankMatchesNetworkx(t *testing.T) {
	g, err := load("", "")
	require.NoError(t, err)
	require.Equal(t, 16, g.Order(), "16 families")
	require.Equal(t, 20, g.Size(), "20 marriage ties")
	bs, err := rank(context.Background(), g)
	require.NoError(t, err)

	want := []struct {
		name                                   string
		effectiveSize, constraint, betweenness float64
	}{
		{"Medici", 5.666666666666667, 0.20987654320987653, 14},
		{"Guadagni", 4, 0.25, 6},
		{"Albizzi", 3, 0.3333333333333333, 3},
		{"Strozzi", 3, 0.4583333333333333, 3.5},
		{"Ridolfi", 2.3333333333333335, 0.4598765432098765, 2},
		{"Tornabuoni", 2.3333333333333335, 0.4598765432098765, 2},
		{"Bischeri", 2.3333333333333335, 0.482253086419753, 2},
		{"Castellani", 2.3333333333333335, 0.482253086419753, 2},
		{"Barbadori", 2, 0.5, 1},
		{"Salviati", 2, 0.5, 1},
		{"Peruzzi", 1.6666666666666667, 0.6558641975308641, 0.5},
		{"Acciaiuoli", 1, 1, 0},
		{"Ginori", 1, 1, 0},
		{"Lamberteschi", 1, 1, 0},
		{"Pazzi", 1, 1, 0},
	}
	require.Len(t, bs, 16)
	for i, w := range want {
		b := bs[i]
		assert.Equal(t, w.name, b.name, "rank %d", i+1)
		assert.InDelta(t, w.effectiveSize, b.effectiveSize, 1e-12, "%s effective size: got %v want %v", w.name, b.effectiveSize, w.effectiveSize)
		assert.InDelta(t, w.constraint, b.constraint, 1e-12, "%s constraint: got %v want %v", w.name, b.constraint, w.constraint)
		assert.InDelta(t, w.betweenness, b.betweenness, 1e-12, "%s ego betweenness: got %v want %v", w.name, b.betweenness, w.betweenness)
	}
	// The isolate: effective size and constraint undefined (networkx: nan),
	// ego betweenness 0.
	last := bs[15]
	assert.Equal(t, "Pucci", last.name)
	assert.True(t, last.effectiveSize != last.effectiveSize, "Pucci effective size: got %v want NaN", last.effectiveSize)
	assert.True(t, last.constraint != last.constraint, "Pucci constraint: got %v want NaN", last.constraint)
	assert.Zero(t, last.betweenness)
}

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-top", "3"}, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 4, "header and three brokers:\n%s", out.String())
	assert.Contains(t, lines[1], "Medici")
	assert.Contains(t, lines[1], "5.667")

	out.Reset()
	require.NoError(t, run([]string{"-top", "0"}, &out))
	assert.Contains(t, out.String(), "Pucci", "all 16 families with -top 0")
	assert.Contains(t, out.String(), "NA", "the isolate's undefined measures print as NA")

	assert.Error(t, run([]string{"-edges", "no/such/file.csv"}, &out))
}

func TestDraw(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "florentine.png")
	var out bytes.Buffer
	require.NoError(t, run([]string{"-top", "1", "-o", path}, &out))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")), "not a PNG")

	// The drawing is seeded: the same picture every time.
	again := filepath.Join(dir, "again.png")
	require.NoError(t, run([]string{"-top", "1", "-o", again}, &out))
	b2, err := os.ReadFile(again)
	require.NoError(t, err)
	assert.Equal(t, b, b2, "two runs gave different pictures")

	// An unknown format is an error and leaves no file behind.
	bad := filepath.Join(dir, "florentine.gif")
	assert.Error(t, run([]string{"-o", bad}, &out))
	_, err = os.Stat(bad)
	assert.True(t, os.IsNotExist(err), "a failed drawing left %s", bad)
}

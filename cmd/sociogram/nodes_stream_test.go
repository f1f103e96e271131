package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/internal/graphgen"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNodesStreamsSameBytes: sociogram nodes writes its CSV a block of
// rows at a time (measures.StreamNodeTable); the bytes, to a file and to
// stdout, are those of the whole table written at once (the reference:
// measures.NodeTable and Table.WriteCSVWith with the command's default
// options), on a graph of more nodes than one block (16,384).
func TestNodesStreamsSameBytes(t *testing.T) {
	const n = 20000
	var edges strings.Builder
	edges.WriteString("source,target\n")
	for _, e := range graphgen.BarabasiAlbert(n, 2, 9) {
		fmt.Fprintf(&edges, "%d,%d\n", e[0], e[1])
	}
	dir := put(t, t.TempDir(), map[string]string{"edges.csv": edges.String()})
	in := filepath.Join(dir, "edges.csv")
	g, _, err := network.ReadEdgeList(in, "", network.EdgeListOptions{})
	require.NoError(t, err)
	for _, list := range []string{"", "size,constraint"} {
		specs := measures.DefaultSpecs()
		args := []string{"nodes", "--edges", in}
		if list != "" {
			specs, err = measures.ParseList(list)
			require.NoError(t, err)
			args = append(args, "--measures", list)
		}
		tab, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{})
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, tab.WriteCSVWith(&want, measures.WriteOptions{Digits: 15}))
		status, stdout, stderr := runCLI(args...)
		require.Equal(t, 0, status, stderr)
		assert.Equal(t, want.String(), stdout, "stdout")
		out := filepath.Join(dir, "out.csv")
		status, _, stderr = runCLI(append(args, "-o", out)...)
		require.Equal(t, 0, status, stderr)
		assert.Equal(t, want.String(), slurp(t, out), "-o file")
		assert.Equal(t, n+1, strings.Count(slurp(t, out), "\n"), "a header and one row per node")
	}
}

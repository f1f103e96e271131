package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibrary runs the example on the Florentine families. Reference
// values: networkx 3.6.1 (Debian python3-networkx), with the isolated Pucci
// added as in examples/brokers/data/README.md:
//
//	G = nx.florentine_families_graph(); G.add_node("Pucci")
//	nx.effective_size(G)["Medici"]                       # 5.666666666666667
//	nx.constraint(G)["Medici"]                           # 0.20987654320987653, the least
//	nx.number_connected_components(G)                    # 2
//	nx.betweenness_centrality(G, normalized=False)["Medici"]  # 47.5
//
// gonum counts ordered pairs on an undirected graph: 2 × 47.5 = 95.
func TestLibrary(t *testing.T) {
	dir := t.TempDir()
	picture := filepath.Join(dir, "florentine.png")
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), filepath.Join("..", "brokers", "data"), picture, &out))
	assert.Equal(t, `16 families, 20 marriages, 0 repairs
Medici: effective size 5.6667, constraint 0.2099
least constrained: Medici (0.2099)
components: 2
Medici betweenness (gonum): 95
`, out.String())
	b, err := os.ReadFile(picture)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")), "not a PNG")

	assert.Error(t, run(context.Background(), filepath.Join(dir, "nosuch"), picture, &out), "missing files are an error")
}

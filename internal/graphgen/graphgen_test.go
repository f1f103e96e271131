package graphgen

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
)

// TestGenerators checks the generators' invariants: (n−m)·m edges, no
// self-loops, no duplicate ties, every new node with exactly m ties when
// added, the same edges for the same seed and other edges for another.
func TestGenerators(t *testing.T) {
	tests := []struct {
		name string
		gen  func(seed uint64) []Edge
		n, m int
	}{
		{"degenerate: n = m", func(s uint64) []Edge { return BarabasiAlbert(3, 3, s) }, 3, 3},
		{"BA m=1 (a tree)", func(s uint64) []Edge { return BarabasiAlbert(500, 1, s) }, 500, 1},
		{"BA m=5", func(s uint64) []Edge { return BarabasiAlbert(2000, 5, s) }, 2000, 5},
		{"Holme-Kim m=4 p=0.7", func(s uint64) []Edge { return HolmeKim(2000, 4, 0.7, s) }, 2000, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.gen(1)
			want := 0
			if tc.n > tc.m {
				want = (tc.n - tc.m) * tc.m
			}
			require.Len(t, e, want)
			seen := map[Edge]bool{}
			perNew := map[int32]int{}
			for _, x := range e {
				require.NotEqual(t, x[0], x[1], "self-loop %v", x)
				require.Less(t, x[1], x[0], "a new node ties to older ones: %v", x)
				k := Edge{min(x[0], x[1]), max(x[0], x[1])}
				require.False(t, seen[k], "duplicate tie %v", x)
				seen[k] = true
				perNew[x[0]]++
			}
			for v, c := range perNew {
				assert.Equal(t, tc.m, c, "node %d", v)
			}
			assert.Equal(t, e, tc.gen(1), "same seed, same edges")
			if want > tc.m {
				assert.NotEqual(t, e, tc.gen(2), "another seed, other edges")
			}
		})
	}
}

// TestHolmeKimClusters checks that triad formation does what it is for:
// the mean local density (clustering) of a Holme–Kim graph with p = 0.9 is
// well above that of a BA graph of the same size, whose clustering vanishes
// as n grows (Holme & Kim 2002, doi:10.1103/PhysRevE.65.026107). Thresholds
// are loose bounds, not reference values.
func TestHolmeKimClusters(t *testing.T) {
	mean := func(edges []Edge, n int) float64 {
		st, err := measures.AllNodes(context.Background(), Graph(n, edges, false), measures.AllNodesOptions{SkipBetweenness: true})
		require.NoError(t, err)
		s, k := 0.0, 0
		for _, x := range st {
			if x.Size >= 2 {
				s += x.Density
				k++
			}
		}
		return s / float64(k)
	}
	const n = 3000
	ba, hk := mean(BarabasiAlbert(n, 3, 1), n), mean(HolmeKim(n, 3, 0.9, 1), n)
	assert.Less(t, ba, 0.05, "BA clustering %v", ba)
	assert.Greater(t, hk, 0.3, "Holme–Kim clustering %v", hk)
}

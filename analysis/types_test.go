package analysis

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
)

// typeTables reads testdata/types.csv into one measures table per case.
func typeTables(t *testing.T) (map[string]*measures.Table, []string) {
	t.Helper()
	tables := map[string]*measures.Table{}
	var order []string
	for _, r := range readCSV(t, "types.csv") {
		tb, ok := tables[r["case"]]
		if !ok {
			tb = &measures.Table{KeyNames: []string{"egoID"}, Columns: []string{"x1", "x2", "x3"}}
			tables[r["case"]] = tb
			order = append(order, r["case"])
		}
		tb.Keys = append(tb.Keys, []string{r["id"]})
		tb.Values = append(tb.Values, []float64{parseNA(t, r["x1"]), parseNA(t, r["x2"]), parseNA(t, r["x3"])})
	}
	return tables, order
}

// TestWardAgainstR compares the tree (merge matrix, heights, order) with R
// hclust(dist(scale(X)), method = "ward.D2") on two cases with ties: "ties"
// has duplicated egos (distance 0 twice) and "square" two unit squares,
// whose z-scored distances tie exactly, so R's tie-breaking decides the
// merge order (testdata/reference.R, output testdata/r_ward.csv).
func TestWardAgainstR(t *testing.T) {
	tables, order := typeTables(t)
	ref := readCSV(t, "r_ward.csv")
	require.NotEmpty(t, ref)
	for _, c := range order {
		t.Run(c, func(t *testing.T) {
			ty, err := Types(tables[c], []string{"x1", "x2", "x3"}, TypeOptions{K: 2})
			require.NoError(t, err)
			tree := ty.Tree
			var wantOrder []int
			step := 0
			for _, r := range ref {
				if r["case"] != c {
					continue
				}
				o, _ := strconv.Atoi(r["order"])
				wantOrder = append(wantOrder, o)
				if r["step"] == "0" {
					continue
				}
				m1, _ := strconv.Atoi(r["merge1"])
				m2, _ := strconv.Atoi(r["merge2"])
				assert.Equal(t, [2]int{m1, m2}, tree.Merge[step], "merge %d", step+1)
				near(t, parseNA(t, r["height"]), tree.Height[step], "height "+r["step"])
				step++
			}
			assert.Equal(t, len(tree.Merge), step)
			assert.Equal(t, wantOrder, tree.Order, "order")
		})
	}
}

// TestTypesAgainstR compares types (R cutree(h, k)) and silhouette widths
// (R cluster::silhouette(cutree(h, k), dist(scale(X)))) for K = 2, 3, 4.
func TestTypesAgainstR(t *testing.T) {
	tables, _ := typeTables(t)
	ref := readCSV(t, "r_types.csv")
	require.NotEmpty(t, ref)
	got := map[string]*Typology{}
	for _, r := range ref {
		key := r["case"] + "/k=" + r["k"]
		ty, ok := got[key]
		if !ok {
			k, _ := strconv.Atoi(r["k"])
			var err error
			ty, err = Types(tables[r["case"]], []string{"x1", "x2", "x3"}, TypeOptions{K: k})
			require.NoError(t, err)
			got[key] = ty
		}
		row := -1
		for i, key := range ty.Keys {
			if key[0] == r["id"] {
				row = i
			}
		}
		require.GreaterOrEqual(t, row, 0)
		assert.Equal(t, r["type"], strconv.Itoa(ty.Type[row]), "%s %s type", key, r["id"])
		near(t, parseNA(t, r["silhouette"]), ty.Silhouette[row], key+" "+r["id"]+" silhouette")
	}
}

func TestTypesMissingAndProfiles(t *testing.T) {
	// Five egos, one missing y. Complete: x = 1 2 10 11, y = 0 0 4 4.
	// z-scores use the complete egos only: mean x = 6, sd x = √(82/3)
	// (deviations −5 −4 4 5, Σ² = 82); mean y = 2, sd y = √(16/3).
	// Two obvious types: {a, b} and {d, e}; c (missing) is NA.
	tb := &measures.Table{KeyNames: []string{"egoID"}, Columns: []string{"x", "y"},
		Keys:   [][]string{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}},
		Values: [][]float64{{1, 0}, {2, 0}, {5, math.NaN()}, {10, 4}, {11, 4}}}
	for _, m := range []Method{WardD2, KMeans} {
		t.Run(m.String(), func(t *testing.T) {
			ty, err := Types(tb, []string{"x", "y"}, TypeOptions{K: 2, Method: m, Seed: 7})
			require.NoError(t, err)
			assert.Equal(t, []int{1, 1, 0, 2, 2}, ty.Type, "types numbered by first appearance; c NA")
			assert.Equal(t, 1, ty.Missing)
			assert.True(t, math.IsNaN(ty.Silhouette[2]))
			near(t, 6, ty.Center[0], "mean x")
			near(t, math.Sqrt(82.0/3), ty.Scale[0], "sd x")
			require.Len(t, ty.Profiles, 2)
			assert.Equal(t, 2, ty.Profiles[0].Size)
			near(t, 1.5, ty.Profiles[0].Mean[0], "type 1 mean x")
			near(t, (1.5-6)/math.Sqrt(82.0/3), ty.Profiles[0].MeanZ[0], "type 1 mean z x")
			near(t, 4, ty.Profiles[1].Mean[1], "type 2 mean y")
			// Silhouette of a by hand on z distances: within b at |Δx| = 1/sx;
			// to d and e √((9/sx)² + (4/sy)²) and √((10/sx)² + (4/sy)²).
			sx, sy := math.Sqrt(82.0/3), math.Sqrt(16.0/3)
			a := 1 / sx
			b := (math.Hypot(9/sx, 4/sy) + math.Hypot(10/sx, 4/sy)) / 2
			near(t, 1-a/b, ty.Silhouette[0], "silhouette of a")
		})
	}
}

func TestKMeansDeterministic(t *testing.T) {
	// Three clouds of four points, (0,0), (10,5), (20,10), each point moved by
	// at most 0.3 in x and 0.2 in y (well apart after z-scoring); any seed
	// finds them, and the same seed gives the same answer twice.
	tb := &measures.Table{KeyNames: []string{"egoID"}, Columns: []string{"x", "y"}}
	for i := range 12 {
		c := float64(i%3) * 10
		tb.Keys = append(tb.Keys, []string{strconv.Itoa(i)})
		tb.Values = append(tb.Values, []float64{c + float64(i%4)*0.1, c/2 + float64(i%2)*0.2})
	}
	want := []int{1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}
	for _, seed := range []uint64{1, 2, 99} {
		a, err := Types(tb, []string{"x", "y"}, TypeOptions{K: 3, Method: KMeans, Seed: seed, Restarts: 5})
		require.NoError(t, err)
		b, err := Types(tb, []string{"x", "y"}, TypeOptions{K: 3, Method: KMeans, Seed: seed, Restarts: 5})
		require.NoError(t, err)
		assert.Equal(t, want, a.Type, "seed %d", seed)
		assert.Equal(t, a.Silhouette, b.Silhouette, "seed %d: same seed, same result", seed)
	}
}

func TestTypesErrors(t *testing.T) {
	tb := &measures.Table{KeyNames: []string{"egoID"}, Columns: []string{"x", "c"},
		Keys: [][]string{{"a"}, {"b"}, {"c"}}, Values: [][]float64{{1, 5}, {2, 5}, {math.NaN(), 5}}}
	for _, tc := range []struct {
		name string
		cols []string
		k    int
	}{
		{"no such measure", []string{"z"}, 2},
		{"constant measure", []string{"x", "c"}, 2},
		{"K above the complete egos", []string{"x"}, 3},
		{"K zero", []string{"x"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Types(tb, tc.cols, TypeOptions{K: tc.k})
			assert.ErrorIs(t, err, ErrTypes)
		})
	}
	one := &measures.Table{KeyNames: []string{"egoID"}, Columns: []string{"x"}, Keys: [][]string{{"a"}, {"b"}}, Values: [][]float64{{1}, {math.NaN()}}}
	_, err := Types(one, []string{"x"}, TypeOptions{K: 1})
	assert.ErrorIs(t, err, ErrTypes, "one complete ego")
}

package measures

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// readSNACase loads testdata/sna/NAME.{edges,nodes}.csv (written by
// testdata/sna/brokerage.R) as a graph and its groups.
func readSNACase(t *testing.T, name string, directed bool) (*network.Graph, []string) {
	t.Helper()
	nodes := readCSV(t, filepath.Join("testdata", "sna", name+".nodes.csv"))
	b := network.NewBuilder(directed, false)
	groups := make([]string, 0, len(nodes)-1)
	for _, r := range nodes[1:] {
		b.LookupOrAdd(r[0])
		groups = append(groups, r[1])
	}
	for _, r := range readCSV(t, filepath.Join("testdata", "sna", name+".edges.csv"))[1:] {
		u, ok1 := lookupBuilder(b, r[0])
		v, ok2 := lookupBuilder(b, r[1])
		require.True(t, ok1 && ok2, "edge %v names an unknown node", r)
		require.NoError(t, b.AddEdge(u, v, 1))
	}
	g, _ := b.Build()
	return g, groups
}

func lookupBuilder(b *network.Builder, label string) (int, bool) {
	if !b.HasNode(label) {
		return -1, false
	}
	return b.LookupOrAdd(label), true
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

func parseRoles(t *testing.T, fields []string) Roles {
	t.Helper()
	require.Len(t, fields, 6)
	var r Roles
	for i, s := range fields {
		x, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, "field %q", s)
		r[i] = x
	}
	return r
}

func assertRoles(t *testing.T, want, got Roles, what string) {
	t.Helper()
	for r := range want {
		w, g := want[r], got[r]
		switch {
		case math.IsNaN(w):
			assert.True(t, math.IsNaN(g), "%s %s: got %v want NaN", what, Role(r), g)
		case math.IsInf(w, 0):
			assert.Equal(t, w, g, "%s %s: got %v want %v", what, Role(r), g, w)
		default:
			assert.InDelta(t, w, g, 1e-9, "%s %s: got %v want %v", what, Role(r), g, w)
		}
	}
}

// TestGouldFernandezSNA compares every per-node and whole-graph value with
// R sna::brokerage. Provenance: testdata/sna/brokerage.R, run with R 4.2.2
// and sna 2.7-1 (Debian r-cran-sna); the call is brokerage(adj, cl) with adj
// the adjacency matrix in C.edges.csv (symmetric for undir12) and cl the
// groups in C.nodes.csv. See testdata/sna/README.md.
func TestGouldFernandezSNA(t *testing.T) {
	cases := []struct {
		name     string
		directed bool
	}{
		{"path3", true},       // one representative two-path, by hand as well
		{"isolate9", true},    // node 9 has no ties
		{"singleton10", true}, // group Z has one member: coordinator/itinerant undefined
		{"dir10", true},
		{"dir15", true},
		{"undir12", false},
	}
	stats := map[string]int{"raw": 0, "exp": 1, "sd": 2, "z": 3}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, groups := readSNACase(t, c.name, c.directed)
			res, err := GouldFernandez(context.Background(), g, groups)
			require.NoError(t, err)
			for _, row := range readCSV(t, filepath.Join("testdata", "sna", c.name+".nli.csv"))[1:] {
				node, err := strconv.Atoi(row[0])
				require.NoError(t, err)
				v, ok := g.Lookup(strconv.Itoa(node))
				require.True(t, ok)
				got := [][]Roles{res.Raw, res.Expected, res.SD, res.Z}[stats[row[1]]][v]
				assertRoles(t, parseRoles(t, row[2:]), got, "node "+row[0]+" "+row[1])
			}
			for _, row := range readCSV(t, filepath.Join("testdata", "sna", c.name+".gli.csv"))[1:] {
				got := []Roles{res.GraphRaw, res.GraphExpected, res.GraphSD, res.GraphZ}[stats[row[0]]]
				assertRoles(t, parseRoles(t, row[1:]), got, "graph "+row[0])
			}
		})
	}
}

// TestGouldFernandezPathByHand: a → b → c with groups A, A, B. The only
// two-path is a → b → c with no arc a → c: b is a representative (A → A → B).
// d = 2/(3·2) = 1/3, q = d²(1−d) = 2/27; for b (group A, n_A = 2, N = 3):
// E[representative] = q (N−n_A)(n_A−1) = 2/27.
func TestGouldFernandezPathByHand(t *testing.T) {
	b := network.NewBuilder(true, false)
	a, bb, c := b.LookupOrAdd("a"), b.LookupOrAdd("b"), b.LookupOrAdd("c")
	require.NoError(t, b.AddEdge(a, bb, 1))
	require.NoError(t, b.AddEdge(bb, c, 1))
	g, _ := b.Build()
	res, err := GouldFernandez(context.Background(), g, []string{"A", "A", "B"})
	require.NoError(t, err)
	assert.Equal(t, Roles{0, 0, 1, 0, 0, 1}, res.Raw[bb])
	assert.Equal(t, Roles{}, res.Raw[a])
	assert.InDelta(t, 1.0/3, res.Density, 1e-15)
	assert.InDelta(t, 2.0/27, res.Expected[bb][Representative], 1e-15)
}

func TestGouldFernandezPanicsOnGroupLength(t *testing.T) {
	b := network.NewBuilder(false, false)
	b.LookupOrAdd("x")
	g, _ := b.Build()
	assert.Panics(t, func() { _, _ = GouldFernandez(context.Background(), g, nil) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := GouldFernandez(ctx, g, []string{"A"})
	assert.ErrorIs(t, err, context.Canceled, "a cancelled context stops the analysis")
}

// TestEgoBrokerageRoles: hand-derived cases. The ego is tied to every alter,
// so it brokers each ordered pair of alters (j, k) with no tie j → k.
func TestEgoBrokerageRoles(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name     string
		directed bool
		egoGroup string
		alters   []string // group of each alter ("" = missing)
		ties     [][2]int
		want     Roles
	}{
		// No alters: nothing to broker.
		{"no alters", false, "A", nil, nil, Roles{}},
		// One alter: no pair.
		{"one alter", false, "A", []string{"A"}, nil, Roles{}},
		// Ego's group missing: undefined.
		{"ego missing", false, "", []string{"A", "B"}, nil, Roles{nan, nan, nan, nan, nan, nan}},
		// Two untied alters A, B, ego A: (A1,B)=representative, (B,A1)=gatekeeper.
		{"two untied", false, "A", []string{"A", "B"}, nil, Roles{0, 0, 1, 1, 0, 2}},
		// Same, but tied: no brokerage.
		{"two tied", false, "A", []string{"A", "B"}, [][2]int{{0, 1}}, Roles{}},
		// Ego C, alters A, A, B, no ties: (A1,A2),(A2,A1) itinerant; the four
		// pairs between an A and B are liaison.
		{"liaison", false, "C", []string{"A", "A", "B"}, nil, Roles{0, 2, 0, 0, 4, 6}},
		// Ego A, alters A, A; directed arc 0→1: only (1,0) is brokered: coordinator.
		{"directed", true, "A", []string{"A", "A"}, [][2]int{{0, 1}}, Roles{1, 0, 0, 0, 0, 1}},
		// An alter with a missing group drops its pairs: alters A, "", B untied,
		// ego A: only (A,B) representative and (B,A) gatekeeper count.
		{"missing alter", false, "A", []string{"A", "", "B"}, nil, Roles{0, 0, 1, 1, 0, 2}},
		// Numeric codes compare as numbers, as in bonding(A) and blau(A):
		// ego 1, alters 1.0 and 2, untied: 1.0 is in the ego's group, so
		// (1.0, 2) is representative and (2, 1.0) gatekeeper, as in "two
		// untied" (compared as text, 1.0 would be a third group and both
		// pairs liaison).
		{"numeric codes", false, "1", []string{"1.0", "2"}, nil, Roles{0, 0, 1, 1, 0, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := buildEgo(t, c.directed, map[string]string{"grp": c.egoGroup}, c.alters, c.ties)
			assertRoles(t, c.want, EgoBrokerageRoles(e, "grp"), c.name)
		})
	}
}

// buildEgo makes a one-ego dataset whose alters a0, a1, … have attribute
// grp = groups[i] (missing when "").
func buildEgo(t *testing.T, directed bool, egoAttrs map[string]string, groups []string, ties [][2]int) *network.EgoNet {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{Directed: directed})
	require.NoError(t, b.AddEgo("e", "", network.NewAttrs(b.EgoAttrs(), egoAttrs)))
	b.AlterAttrs().Add("grp") // the column exists even when no alter is named
	for i, g := range groups {
		require.NoError(t, b.AddAlter("e", "", "a"+strconv.Itoa(i), 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"grp": g})))
	}
	for _, tie := range ties {
		require.NoError(t, b.AddTie("e", "", "a"+strconv.Itoa(tie[0]), "a"+strconv.Itoa(tie[1]), 1, nil))
	}
	ds, _ := b.Build()
	return ds.Egos[0]
}

// TestEgoBrokerageRolesMatchesGraph is a property test on a seeded random
// study: for every ego whose sex and alters' sex are all recorded, the
// ego's roles from EgoBrokerageRoles equal the ego node's raw counts from
// GouldFernandez on the ego graph (ego tied to every alter), and in both
// the five roles sum to the total.
func TestEgoBrokerageRolesMatchesGraph(t *testing.T) {
	ds := randomStudy(7, 60)
	checked := 0
	for _, e := range ds.Egos {
		ego := e.EgoValue("sex")
		vals, _ := e.AlterValues("sex")
		complete := !ego.IsMissing()
		groups := make([]string, 0, len(vals)+1)
		for _, v := range vals {
			complete = complete && !v.IsMissing()
			groups = append(groups, v.Text)
		}
		if !complete {
			continue
		}
		groups = append(groups, ego.Text)
		checked++
		got := EgoBrokerageRoles(e, "sex")
		gf, err := GouldFernandez(context.Background(), e.Graph(), groups)
		require.NoError(t, err)
		want := gf.Raw[e.EgoNode()]
		assert.Equal(t, want, got, "ego %s", e.ID)
		sum := 0.0
		for r := Coordinator; r < TotalBrokerage; r++ {
			sum += got[r]
		}
		assert.Equal(t, got[TotalBrokerage], sum, "ego %s: roles sum to the total", e.ID)
	}
	require.Greater(t, checked, 5, "enough complete egos to test")
}

// TestNodeTableRolesSNA: on a whole network, coordinator(g), ...,
// roles_total(g) of every node equal R sna::brokerage's raw.nli for that
// node (testdata/sna/C.nli.csv, stat "raw"; R 4.2.2, sna 2.7-1,
// brokerage(adj, cl), see testdata/sna/README.md), directed and
// undirected. Before the fix, NodeTable took every alter of a directed
// network as tied to the node both ways, so on path3 (1 → 2 → 3, groups
// A, A, B) node 2 got representative 1 and gatekeeper 1 (total 2) where
// sna gives representative 1 (total 1).
func TestNodeTableRolesSNA(t *testing.T) {
	specs, err := ParseList("coordinator(grp),itinerant(grp),representative(grp),gatekeeper(grp),liaison(grp),roles_total(grp)")
	require.NoError(t, err)
	for _, c := range []struct {
		name     string
		directed bool
	}{
		{"path3", true}, {"isolate9", true}, {"singleton10", true}, {"dir10", true}, {"dir15", true}, {"undir12", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			plain, groups := readSNACase(t, c.name, c.directed)
			// The same graph with each node's group as its attribute grp.
			b := network.NewBuilder(c.directed, false)
			for v := range plain.Order() {
				b.SetAttr(b.LookupOrAdd(plain.Label(v)), "grp", network.ParseValue(groups[v]))
			}
			for _, r := range readCSV(t, filepath.Join("testdata", "sna", c.name+".edges.csv"))[1:] {
				require.NoError(t, b.AddEdge(b.LookupOrAdd(r[0]), b.LookupOrAdd(r[1]), 1))
			}
			g, _ := b.Build()
			tab, err := NodeTable(context.Background(), g, specs, TableOptions{})
			require.NoError(t, err)
			for _, row := range readCSV(t, filepath.Join("testdata", "sna", c.name+".nli.csv"))[1:] {
				if row[1] != "raw" {
					continue
				}
				v, ok := g.Lookup(row[0])
				require.True(t, ok)
				var got Roles
				copy(got[:], tab.Values[v])
				assertRoles(t, parseRoles(t, row[2:]), got, c.name+" node "+row[0])
			}
		})
	}
}

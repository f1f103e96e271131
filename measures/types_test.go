package measures

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// The typed study (testdata/types) has three egos.
//
// E1 names five alters: A (person), B ("Person"), C (type missing, so a
// person), P (place), S ("Service", an organisation). Its ties table has
// seven rows of two tie types, support and conflict, and a valued
// alter-pair answer close (0 strangers … 3 especially close):
//
//	A–B support 3, A–B conflict 3  → one multiplex tie {support, conflict}, close 3
//	A–C support 1
//	B–C conflict 2
//	A–P support 2
//	B–S support 2
//	C–P support (no answer)
//
// so six pairs are tied. E2 names nobody. E3 names one place, L.
func readTyped(t *testing.T) *network.Dataset {
	t.Helper()
	ds, rep, err := network.ReadEgoCSV("testdata/types/egos.csv", "testdata/types/alters.csv", "testdata/types/aaties.csv", network.EgoCSVOptions{})
	require.NoError(t, err)
	require.Equal(t, 1, rep.Count(network.RepairMultiplex), "the A–B support and conflict rows merge into one tie: %v", rep.Lines())
	return ds
}

// typedTable computes specs on ds with opt and returns column name →
// values by ego (E1, E2, E3).
func typedTable(t *testing.T, ds *network.Dataset, list string, opt TableOptions) map[string][]float64 {
	t.Helper()
	specs, err := ParseList(list)
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, opt)
	require.NoError(t, err)
	out := map[string][]float64{}
	for c, name := range tab.Columns {
		for r := range tab.Values {
			out[name] = append(out[name], tab.Values[r][c])
		}
	}
	return out
}

func assertValues(t *testing.T, got map[string][]float64, want map[string][]float64, why string) {
	t.Helper()
	for name, w := range want {
		g := got[name]
		require.Len(t, g, len(w), name)
		for i := range w {
			if math.IsNaN(w[i]) {
				assert.True(t, math.IsNaN(g[i]), "%s, %s ego %d: got %v want NA", why, name, i+1, g[i])
				continue
			}
			assert.InDelta(t, w[i], g[i], 1e-12, "%s, %s ego %d: got %v want %v", why, name, i+1, g[i], w[i])
		}
	}
}

func TestNodeTypesStructuralCountPeople(t *testing.T) {
	ds := readTyped(t)
	nan := math.NaN()
	all, err := network.ParseNodeTypes("all")
	require.NoError(t, err)
	places, err := network.ParseNodeTypes("place,organisation")
	require.NoError(t, err)
	cases := []struct {
		name string
		opt  TypeOptions
		want map[string][]float64
	}{
		{
			// Default: people only. E1's people are A, B and C (C's type is
			// missing): size 3; ties among them A–B, A–C, B–C: 3; density
			// 3/(3·2/2) = 1. Effective size (Borgatti 1997) n − 2t/n =
			// 3 − 6/3 = 1. Constraint: each alter j has p_ej = 1/3 and two
			// indirect paths through the other alters q, each p_eq·p_qj =
			// 1/3·1/3 (q has three ties: ego and two alters), so c_ej =
			// (1/3 + 2/9)² = 25/81 and C = 75/81. E2: no alters. E3: its
			// only alter is a place: size 0, density undefined (n < 2).
			name: "default people",
			want: map[string][]float64{
				"size": {3, 0, 0}, "ties": {3, 0, 0}, "density": {1, nan, nan},
				"effective_size": {1, nan, nan}, "constraint": {75.0 / 81, nan, nan},
				// composition sees every alter
				"count(type=place)": {1, 0, 1}, "count(type=Service)": {1, 0, 0},
				"count(type=person|Person)": {2, 0, 0},
			},
		},
		{
			// Every alter: E1 has 5 alters and 6 tied pairs; density
			// 6/(5·4/2) = 0.6; effective size 5 − 2·6/5 = 2.6. E3: 1 alter,
			// no ties, effective size 1 − 0 = 1.
			name: "all", opt: TypeOptions{Count: all},
			want: map[string][]float64{
				"size": {5, 0, 1}, "ties": {6, 0, 0}, "density": {0.6, nan, nan},
				"effective_size": {2.6, nan, 1},
			},
		},
		{
			// Places and organisations: E1's P and S, not tied to each
			// other: size 2, ties 0, density 0; E3's L.
			name: "places and services", opt: TypeOptions{Count: places},
			want: map[string][]float64{"size": {2, 0, 1}, "ties": {0, 0, 0}, "density": {0, nan, nan}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := typedTable(t, ds, "size,ties,density,effective_size,constraint,count(type=place),count(type=Service),count(type=person|Person)", TableOptions{Types: c.opt})
			assertValues(t, got, c.want, c.name)
		})
	}
}

func TestTieTypeMeasures(t *testing.T) {
	ds := readTyped(t)
	nan := math.NaN()
	// E1's six tied pairs carry 2 + 1 + 1 + 1 + 1 + 1 = 7 types:
	// multiplexity 7/6; one pair (A–B) is multiplex: 1/6. Support is among
	// the types of A–B, A–C, A–P, B–S, C–P: 5/6; conflict of A–B, B–C:
	// 2/6. Ego–alter ties (alter column ego_tie): A has 2 types, B 1, C 1,
	// P none, S 1: ego_multiplexity 5/5 = 1; support_received is among A's,
	// B's and S's: 3/5; conflict C's: 1/5. E2: no alters or ties (NA). E3:
	// no ties (NA); L's ego tie is support_received: 1 type, share 1.
	got := typedTable(t, ds, "multiplexity,multiplex_share,tie_share(support),tie_share(conflict),ego_multiplexity,ego_tie_share(support_received),ego_tie_share(conflict)", TableOptions{})
	assertValues(t, got, map[string][]float64{
		"multiplexity":                    {7.0 / 6, nan, nan},
		"multiplex_share":                 {1.0 / 6, nan, nan},
		"tie_share(support)":              {5.0 / 6, nan, nan},
		"tie_share(conflict)":             {2.0 / 6, nan, nan},
		"ego_multiplexity":                {1, nan, 1},
		"ego_tie_share(support_received)": {3.0 / 5, nan, 1},
		"ego_tie_share(conflict)":         {1.0 / 5, nan, 0},
	}, "tie types")
}

func TestStructuralPerTieTypeAndTieRule(t *testing.T) {
	ds := readTyped(t)
	nan := math.NaN()
	support, err := network.SelectTieType(ds, "type", "support")
	require.NoError(t, err)
	conflict, err := network.SelectTieType(ds, "type", "conflict")
	require.NoError(t, err)
	rule, err := network.ParseTieRule("close>=2")
	require.NoError(t, err)
	valued, st, err := network.ApplyTieRule(ds, rule)
	require.NoError(t, err)
	// close >= 2: A–B (3), B–C (2), A–P (2), B–S (2) are ties; A–C (1) is
	// not; C–P has no answer. 4 of 6 pairs, 1 missing.
	assert.Equal(t, network.TieRuleStats{Pairs: 6, Ties: 4, Missing: 1}, st)
	cases := []struct {
		name string
		ds   *network.Dataset
		want map[string][]float64
	}{
		// Support ties among E1's people: A–B, A–C (B–C is conflict
		// only): 2 ties, density 2/3, effective size 3 − 2·2/3 = 5/3.
		{"support", support, map[string][]float64{"ties": {2, 0, 0}, "density": {2.0 / 3, nan, nan}, "effective_size": {5.0 / 3, nan, nan}}},
		// Conflict ties among people: A–B, B–C: 2 ties, density 2/3.
		{"conflict", conflict, map[string][]float64{"ties": {2, 0, 0}, "density": {2.0 / 3, nan, nan}}},
		// close >= 2 among people: A–B, B–C.
		{"close>=2", valued, map[string][]float64{"ties": {2, 0, 0}, "density": {2.0 / 3, nan, nan}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertValues(t, typedTable(t, c.ds, "ties,density,effective_size", TableOptions{}), c.want, c.name)
		})
	}
	// The original is not changed.
	assert.Len(t, ds.Egos[0].Ties, 6)
}

func TestTieTypeMeasureErrors(t *testing.T) {
	ds := readTyped(t)
	for _, list := range []string{"tie_share", "ego_tie_share", "multiplexity(type)"} {
		_, err := ParseList(list)
		assert.ErrorIs(t, err, ErrMeasure, list)
	}
	specs, err := ParseList("multiplexity")
	require.NoError(t, err)
	_, err = EgoTable(context.Background(), ds, specs, TableOptions{Types: TypeOptions{TieColumn: "kind"}})
	assert.ErrorContains(t, err, `tie-type attribute "kind"`)
}

package measures

import (
	"context"
	"math"
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compositionStudy is a study built for the compositional measures:
//
//	none:    ego f, 40; no alters
//	one:     ego f, 40; alter (f, 30)
//	nosex:   ego sex missing, 40; alters (f), (m)
//	allna:   ego f; alters with sex missing
//	codes:   ego 1; alters with codes 1, 1.0, 2 (numeric categories)
//	mixed:   ego f, age 40; alters a (f, 30), b (m, 50), c (f, 70),
//	         d (sex and age missing), e (x, 40); ties a–b, a–c, b–d, c–e
func compositionStudy(t *testing.T) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	ego := func(id, sex, age string) {
		require.NoError(t, b.AddEgo(id, "", network.NewAttrs(b.EgoAttrs(), map[string]string{"sex": sex, "age": age, "code": "1"})))
	}
	alter := func(ego, id, sex, age string) {
		require.NoError(t, b.AddAlter(ego, "", id, 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"sex": sex, "age": age, "code": ""})))
	}
	tie := func(ego, u, v string) { require.NoError(t, b.AddTie(ego, "", u, v, 1, nil)) }
	ego("none", "f", "40")
	ego("one", "f", "40")
	alter("one", "a", "f", "30")
	ego("nosex", "", "40")
	alter("nosex", "a", "f", "30")
	alter("nosex", "b", "m", "30")
	ego("allna", "f", "40")
	alter("allna", "a", "", "")
	alter("allna", "b", "NA", "")
	tie("allna", "a", "b")
	ego("codes", "f", "40")
	for i, c := range []string{"1", "1.0", "2"} {
		require.NoError(t, b.AddAlter("codes", "", string(rune('a'+i)), 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"code": c})))
	}
	ego("mixed", "f", "40")
	alter("mixed", "a", "f", "30")
	alter("mixed", "b", "m", "50")
	alter("mixed", "c", "f", "70")
	alter("mixed", "d", "", "")
	alter("mixed", "e", "x", "40")
	tie("mixed", "a", "b")
	tie("mixed", "a", "c")
	tie("mixed", "b", "d")
	tie("mixed", "c", "e")
	ds, _ := b.Build()
	return ds
}

// TestCompositional checks every compositional measure through EgoTable
// against hand derivations. For "mixed", sex among the alters with a value
// is f, m, f, x (d missing): counts 2, 1, 1 of 4.
//
//	richness 3; blau 1 − (4+1+1)/16 = 0.625; K = 3 levels in the study (f,
//	m, x): iqv 0.625·3/2 = 0.9375; entropy −(½log₂½ + 2·¼log₂¼) = 1.5;
//	prop(sex=f) 2/4; count(sex=f|x) 3; count(sex!=f) 2 (missing excluded).
//	Ages 30, 50, 70, 40: mean 47.5, squared deviations 306.25 + 6.25 +
//	506.25 + 56.25 = 875, sd √(875/3); count(age>=50) 2; prop(age<40) ¼.
//	Ego f: bonding a, c = 2, bridging b, e = 2, ei (2−2)/4 = 0. Ego age 40:
//	bonding(age) 1 (e), bridging(age) 3.
//	Ties a–b (E), a–c (I), c–e (E), b–d (dropped: d missing): ei_alters
//	(2−1)/3 = 1/3. Rescaled: pairs within groups P_I = 1 (the f pair),
//	across P_E = (4² − (2²+1+1))/2 = 5; d_E = 2/5, d_I = 1/1;
//	(0.4 − 1)/1.4 = −3/7.
func TestCompositional(t *testing.T) {
	ds := compositionStudy(t)
	cols := "richness(sex),blau(sex),iqv(sex),entropy(sex),prop(sex=f),count(sex=f|x),count(sex!=f)," +
		"mean(age),sd(age),count(age>=50),prop(age<40),bonding(sex),bridging(sex),ei(sex),bonding(age),bridging(age)," +
		"ei_alters(sex),ei_alters_rescaled(sex),richness(code),blau(code)"
	specs, err := ParseList(cols)
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{})
	require.NoError(t, err)
	nan := math.NaN()
	want := map[string][]float64{
		// No alters: counts 0, shares and spreads undefined; the ego has a
		// value, so bonding and bridging are 0 and ei (0/0) undefined.
		"none": {0, nan, nan, nan, nan, 0, 0, nan, nan, 0, nan, 0, 0, nan, 0, 0, nan, nan, 0, nan},
		// One alter f, 30: no spread (blau 0, entropy 0), sd needs 2.
		"one": {1, 0, 0, 0, 1, 1, 0, 30, nan, 0, 1, 1, 0, -1, 0, 1, nan, nan, 0, nan},
		// Ego's sex missing: bonding, bridging, ei undefined; alters f, m.
		"nosex": {2, 0.5, 0.75, 1, 0.5, 1, 1, 30, 0, 0, 1, nan, nan, nan, 0, 2, nan, nan, 0, nan},
		// Every alter's sex missing: as if no alters for sex; the tie has
		// missing ends and drops out.
		"allna": {0, nan, nan, nan, nan, 0, 0, nan, nan, 0, nan, 0, 0, nan, 0, 0, nan, nan, 0, nan},
		// Codes 1 and 1.0 are one numeric category: richness 2, blau
		// 1 − (4/9 + 1/9) = 4/9.
		"codes": {0, nan, nan, nan, nan, 0, 0, nan, nan, 0, nan, 0, 0, nan, 0, 0, nan, nan, 2, 4.0 / 9},
		"mixed": {3, 0.625, 0.9375, 1.5, 0.5, 3, 2, 47.5, math.Sqrt(875.0 / 3), 2, 0.25, 2, 2, 0, 1, 3,
			1.0 / 3, -3.0 / 7, 0, nan},
	}
	require.Equal(t, len(want), tab.Len())
	for r, key := range tab.Keys {
		w, ok := want[key[0]]
		require.True(t, ok, key[0])
		for c, col := range tab.Columns {
			got := tab.Values[r][c]
			if math.IsNaN(w[c]) {
				assert.True(t, math.IsNaN(got), "%s %s: got %v, want NaN", key[0], col, got)
				continue
			}
			assert.InDelta(t, w[c], got, 1e-12, "%s %s: got %v, want %v", key[0], col, got, w[c])
		}
	}
}

// TestIQVLevels checks that levels given in TableOptions set K: with four
// levels the "mixed" ego's iqv is 0.625·4/3.
func TestIQVLevels(t *testing.T) {
	ds := compositionStudy(t)
	specs, err := ParseList("iqv(sex)")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Levels: map[string][]string{"sex": {"f", "m", "x", "y"}}})
	require.NoError(t, err)
	for r, k := range tab.Keys {
		if k[0] == "mixed" {
			assert.InDelta(t, 0.625*4/3, tab.Values[r][0], 1e-12)
		}
	}
	e := ds.Egos[len(ds.Egos)-1]
	assert.True(t, math.IsNaN(IQV(e, "sex", 1)), "K < 2 is undefined")

	// Levels that miss a value of the data would give the "mixed" ego
	// 0.625·2/1 = 1.25 > 1 with levels {f, m} (the data also has x): an
	// error instead, naming the value. A level given twice is an error too.
	for _, c := range []struct {
		name    string
		levels  []string
		wantErr string
	}{
		{"a value not among the levels", []string{"f", "m"}, `value "x" of "sex" is not one of the given levels (f, m)`},
		{"a level given twice", []string{"f", "m", "x", "f"}, `level "f" of "sex" is given twice`},
	} {
		_, err := EgoTable(context.Background(), ds, specs, TableOptions{Levels: map[string][]string{"sex": c.levels}})
		require.Error(t, err, c.name)
		assert.Contains(t, err.Error(), c.wantErr, c.name)
	}
}

// fakeRules classifies alters by their position: even bonding, odd
// bridging; it stands in for the social-capital rules.
type fakeRules struct{}

func (fakeRules) ClassifyAlters(e *network.EgoNet) []string {
	out := make([]string, len(e.Alters))
	for i := range out {
		out[i] = []string{"bonding", "bridging"}[i%2]
	}
	return out
}

// TestClassifierHook checks that bonding and bridging without an attribute
// count the classifier's classes, and are refused without one.
func TestClassifierHook(t *testing.T) {
	ds := compositionStudy(t)
	specs, err := ParseList("bonding,bridging,bonding(sex)")
	require.NoError(t, err)
	_, err = EgoTable(context.Background(), ds, specs, TableOptions{})
	require.ErrorIs(t, err, ErrMeasure)
	assert.Contains(t, err.Error(), `"bonding": needs an attribute`)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Classifier: fakeRules{}})
	require.NoError(t, err)
	for r, k := range tab.Keys {
		if k[0] == "mixed" { // 5 alters: positions 0, 2, 4 bonding; 1, 3 bridging
			assert.Equal(t, []float64{3, 2, 2}, tab.Values[r])
		}
	}
}

// TestNodeTableCompositional checks compositional measures on a whole
// network: the neighbours' node attributes, the node's own as the ego's.
// Star centre c (sex f) with leaves f, m, m and the tie between the two m
// leaves: blau 1 − (1/9 + 4/9) = 4/9, bonding 1, ei (2−1)/3, ei_alters
// (one m–m tie) −1.
func TestNodeTableCompositional(t *testing.T) {
	b := network.NewBuilder(false, false)
	for id, sex := range map[string]string{"c": "f", "l1": "f", "l2": "m", "l3": "m"} {
		b.SetAttr(b.LookupOrAdd(id), "sex", network.ParseValue(sex))
	}
	for _, e := range [][2]string{{"c", "l1"}, {"c", "l2"}, {"c", "l3"}, {"l2", "l3"}} {
		require.NoError(t, b.AddEdge(b.LookupOrAdd(e[0]), b.LookupOrAdd(e[1]), 1))
	}
	g, _ := b.Build()
	specs, err := ParseList("size,blau(sex),bonding(sex),ei(sex),ei_alters(sex)")
	require.NoError(t, err)
	tab, err := NodeTable(context.Background(), g, specs, TableOptions{Workers: 3})
	require.NoError(t, err)
	c, _ := g.Lookup("c")
	assert.Equal(t, "c", tab.Keys[c][0])
	got := tab.Values[c]
	for i, w := range []float64{3, 4.0 / 9, 1, 1.0 / 3, -1} {
		assert.InDelta(t, w, got[i], 1e-12, "%s: got %v, want %v", tab.Columns[i], got[i], w)
	}
}

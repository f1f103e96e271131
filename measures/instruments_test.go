package measures

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// egoWith builds a one-ego dataset with these ego attributes (and alters
// "id:attr=v;..." as in capitalData).
func egoWith(t *testing.T, attrs map[string]string, alters ...string) *network.EgoNet {
	t.Helper()
	return capitalData(t, false, attrs, alters...)
}

func lsnsAnswers(a ...string) map[string]string {
	m := map[string]string{}
	for i, v := range a {
		m[fmt.Sprintf("lsns%d", i+1)] = v
	}
	return m
}

// TestLSNS6: totals and subscales summed by hand (Lubben et al. 2006:
// total 0–30, family = items 1–3, friends = items 4–6, total < 12 flags
// risk of isolation).
func TestLSNS6(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name                         string
		answers                      []string
		total, family, friends, flag float64
	}{
		{"all zero", []string{"0", "0", "0", "0", "0", "0"}, 0, 0, 0, 1},
		{"all five", []string{"5", "5", "5", "5", "5", "5"}, 30, 15, 15, 0},
		// 2+1+1+3+2+2 = 11 < 12: isolated.
		{"just below cutoff", []string{"2", "1", "1", "3", "2", "2"}, 11, 4, 7, 1},
		// 2+1+1+3+2+3 = 12: not below 12.
		{"at cutoff", []string{"2", "1", "1", "3", "2", "3"}, 12, 4, 8, 0},
		// A missing friends item: total and friends NaN, family 3+3+3 = 9.
		{"missing answer", []string{"3", "3", "3", "NA", "1", "1"}, nan, 9, nan, nan},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := LSNS6().Score(egoWith(t, lsnsAnswers(c.answers...)))
			require.NoError(t, err)
			assertNaNOrDelta(t, c.total, s.Total, "total")
			assertNaNOrDelta(t, c.family, s.Subscales["family"], "family")
			assertNaNOrDelta(t, c.friends, s.Subscales["friends"], "friends")
			assertNaNOrDelta(t, c.flag, s.Flag, "isolated")
		})
	}
}

func assertNaNOrDelta(t *testing.T, want, got float64, what string) {
	t.Helper()
	if math.IsNaN(want) {
		assert.True(t, math.IsNaN(got), "%s: got %v want NaN", what, got)
		return
	}
	assert.InDelta(t, want, got, 1e-12, "%s: got %v want %v", what, got, want)
}

// TestInstrumentErrors: wrong item IDs and out-of-range answers are errors
// naming the item and the ego.
func TestInstrumentErrors(t *testing.T) {
	cases := []struct {
		name  string
		score func(e *network.EgoNet) error
		attrs map[string]string
		want  string
	}{
		{"lsns out of range", func(e *network.EgoNet) error { _, err := LSNS6().Score(e); return err },
			lsnsAnswers("1", "2", "6", "0", "0", "0"), `ego "e", item "lsns3": answer "6" is not a whole number from 0 to 5`},
		{"lsns not whole", func(e *network.EgoNet) error { _, err := LSNS6().Score(e); return err },
			lsnsAnswers("1.5", "2", "3", "0", "0", "0"), `item "lsns1": answer "1.5"`},
		{"lsns text", func(e *network.EgoNet) error { _, err := LSNS6().Score(e); return err },
			lsnsAnswers("many", "2", "3", "0", "0", "0"), `item "lsns1": answer "many"`},
		{"lsns missing column", func(e *network.EgoNet) error { _, err := LSNS6().Score(e); return err },
			map[string]string{"lsns1": "1"}, `item "lsns2": the egos table has no such column`},
		{"rg bad answer", func(e *network.EgoNet) error {
			_, err := (&ResourceGenerator{Name: "rg", Items: []string{"r1"}}).Score(e)
			return err
		}, map[string]string{"r1": "2"}, `item "r1": answer "2" is not 0/1, yes/no or a tie type`},
		{"pg missing column", func(e *network.EgoNet) error {
			_, err := (&PositionGenerator{Name: "pg", Positions: []Position{{Item: "pg9", Prestige: 1}}}).Score(e)
			return err
		}, map[string]string{"pg1": "1"}, `item "pg9": the egos table has no such column`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.score(egoWith(t, c.attrs))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInstrument)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), `ego "e"`)
		})
	}
}

// TestResourceGenerator: a 6-item generator with two subscales. Answers by
// hand: r1 family, r2 friend, r3 no, r4 yes (tie type not recorded), r5
// acquaintance, r6 0 → total 4 (r1, r2, r4, r5); subscale a = {r1, r2, r3}
// → 2; b = {r4, r5, r6} → 2; by tie: family 1, friend 1, acquaintance 1.
func TestResourceGenerator(t *testing.T) {
	g := &ResourceGenerator{Name: "rg", Items: []string{"r1", "r2", "r3", "r4", "r5", "r6"},
		Subscales: map[string][]string{"a": {"r1", "r2", "r3"}, "b": {"r4", "r5", "r6"}}}
	require.NoError(t, g.Validate())
	cases := []struct {
		name    string
		answers map[string]string
		total   float64
		sub     map[string]float64
		byTie   map[string]float64
	}{
		{"no access", map[string]string{"r1": "0", "r2": "no", "r3": "None", "r4": "0", "r5": "nobody", "r6": "0"},
			0, map[string]float64{"a": 0, "b": 0}, map[string]float64{"family": 0, "friend": 0, "acquaintance": 0}},
		{"mixed", map[string]string{"r1": "family", "r2": "Friend", "r3": "no", "r4": "yes", "r5": "acquaintance", "r6": "0"},
			4, map[string]float64{"a": 2, "b": 2}, map[string]float64{"family": 1, "friend": 1, "acquaintance": 1}},
		// r6 missing: total and by-tie NaN; subscale a is complete (1+1+0 = 2), b NaN.
		{"missing", map[string]string{"r1": "1", "r2": "1", "r3": "0", "r4": "1", "r5": "1", "r6": "NA"},
			math.NaN(), map[string]float64{"a": 2, "b": math.NaN()}, map[string]float64{"family": math.NaN(), "friend": math.NaN(), "acquaintance": math.NaN()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := g.Score(egoWith(t, c.answers))
			require.NoError(t, err)
			assertNaNOrDelta(t, c.total, s.Total, "total")
			for k, w := range c.sub {
				assertNaNOrDelta(t, w, s.Subscales[k], "subscale "+k)
			}
			for k, w := range c.byTie {
				assertNaNOrDelta(t, w, s.ByTie[k], "tie "+k)
			}
		})
	}
}

// TestRGUKDefault: 27 items rg01…rg27; with all 27 answered yes the total
// is 27, the top of the published range (Webber & Huxley 2007).
func TestRGUKDefault(t *testing.T) {
	g := RGUK()
	require.Len(t, g.Items, 27)
	assert.Equal(t, "rg01", g.Items[0])
	assert.Equal(t, "rg27", g.Items[26])
	ans := map[string]string{}
	for _, it := range g.Items {
		ans[it] = "1"
	}
	s, err := g.Score(egoWith(t, ans))
	require.NoError(t, err)
	assert.InDelta(t, 27, s.Total, 0)
}

// TestPositionGenerator: prestige doctor 78, teacher 60, nurse 54, cleaner
// 22. Ego knows the doctor through a friend, the nurse through family, the
// cleaner through family, not the teacher. By hand:
//
//	all:    extensity 3, upper 78, range 78−22 = 56, total 154, average 154/3
//	family: extensity 2 (nurse, cleaner), upper 54, range 32, total 76, average 38
//	friend: extensity 1, upper 78, range 0, total 78, average 78
//	acquaintance: extensity 0, total 0, upper/range/average NaN
func TestPositionGenerator(t *testing.T) {
	g := &PositionGenerator{Name: "pg", Positions: []Position{
		{"pg1", "doctor", 78}, {"pg2", "teacher", 60}, {"pg3", "nurse", 54}, {"pg4", "cleaner", 22}}}
	require.NoError(t, g.Validate())
	nan := math.NaN()
	s, err := g.Score(egoWith(t, map[string]string{"pg1": "friend", "pg2": "0", "pg3": "family", "pg4": "family"}))
	require.NoError(t, err)
	check := func(want, got PositionAccess, what string) {
		assertNaNOrDelta(t, want.Extensity, got.Extensity, what+" extensity")
		assertNaNOrDelta(t, want.UpperReachability, got.UpperReachability, what+" upper reachability")
		assertNaNOrDelta(t, want.Range, got.Range, what+" range")
		assertNaNOrDelta(t, want.Average, got.Average, what+" average")
		assertNaNOrDelta(t, want.Total, got.Total, what+" total")
	}
	check(PositionAccess{3, 78, 56, 154.0 / 3, 154}, s.All, "all")
	check(PositionAccess{2, 54, 32, 38, 76}, s.ByTie["family"], "family")
	check(PositionAccess{1, 78, 0, 78, 78}, s.ByTie["friend"], "friend")
	check(PositionAccess{0, nan, nan, nan, 0}, s.ByTie["acquaintance"], "acquaintance")

	// Nothing accessed: extensity and total 0, the rest NaN.
	s, err = g.Score(egoWith(t, map[string]string{"pg1": "0", "pg2": "0", "pg3": "0", "pg4": "0"}))
	require.NoError(t, err)
	check(PositionAccess{0, nan, nan, nan, 0}, s.All, "none")
	// A missing answer makes everything NaN.
	s, err = g.Score(egoWith(t, map[string]string{"pg1": "1", "pg2": "", "pg3": "0", "pg4": "0"}))
	require.NoError(t, err)
	check(PositionAccess{nan, nan, nan, nan, nan}, s.All, "missing")
}

// TestRings: alters per ring, missing rings counted, never dropped.
func TestRings(t *testing.T) {
	cases := []struct {
		name    string
		alters  []string
		counts  map[string]int
		missing int
	}{
		{"no alters", nil, map[string]int{}, 0},
		{"one alter, ring missing", []string{"a:ring="}, map[string]int{}, 1},
		{"mixed", []string{"a:ring=1", "b:ring=1", "c:ring=3", "d:ring=NA", "e:ring=2"}, map[string]int{"1": 2, "2": 1, "3": 1}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Rings(egoWith(t, nil, c.alters...), "ring")
			assert.Equal(t, c.counts, r.Counts)
			assert.Equal(t, c.missing, r.Missing)
		})
	}
}

// TestReadInstruments: a file replaces instruments whole; errors name the
// file and what is wrong.
func TestReadInstruments(t *testing.T) {
	in, err := ReadInstrumentsFrom(strings.NewReader(`{"ring": "circle",
	  "pg": {"name": "pg", "positions": [{"item": "pg1", "occupation": "doctor", "prestige": 78}]}}`), "inst.json")
	require.NoError(t, err)
	assert.Equal(t, "circle", in.RingAttr())
	assert.Equal(t, "lsns6", in.LSNS6.Name, "LSNS-6 kept from the defaults")
	require.Len(t, in.PG.Positions, 1)

	bad := []struct{ name, js, want string }{
		{"syntax", "{\"ring\": }", "inst.json:1:10"},
		{"unknown field", `{"lsns": {}}`, `unknown field "lsns"`},
		{"subscale item", `{"rguk": {"name": "rguk", "items": ["a", "b"], "subscales": {"domestic": ["c"]}}}`,
			`subscale "domestic" names item "c"`},
		{"duplicate item", `{"lsns6": {"name": "lsns6", "items": ["a", "a"], "max": 5}}`, `item "a" listed twice`},
		{"min above max", `{"lsns6": {"name": "lsns6", "items": ["a"], "min": 5, "max": 1}}`, `min 5 is above max 1`},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadInstrumentsFrom(strings.NewReader(c.js), "inst.json")
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), "inst.json")
		})
	}
}

// TestInstrumentMeasures: instrument measures through EgoTable on
// tableStudy, by hand. LSNS-6: e0 0 (isolated), e1 1+1+1+2+2+2 = 9
// (isolated, family 3, friends 6), e2 item 4 missing → total and friends
// NA, family 15. RG-UK totals: the number of items answered 1 (0, 5, 27).
// Rings: e2 has ring 1: a; ring 2: b; ring 3: d; missing: c.
func TestInstrumentMeasures(t *testing.T) {
	ds := tableStudy(t)
	specs, err := ParseList("lsns6,lsns6_family,lsns6_friends,lsns6_isolated,rguk_total,ring(1),ring(2),ring(3),ring_missing")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{})
	require.NoError(t, err)
	nan := math.NaN()
	want := [][]float64{
		{0, 0, 0, 1, 0, 0, 0, 0, 0},
		{9, 3, 6, 1, 5, 1, 0, 0, 0},
		{nan, 15, nan, nan, 27, 1, 1, 1, 1},
	}
	for r, row := range want {
		for c, w := range row {
			assertNaNOrDelta(t, w, tab.Values[r][c], fmt.Sprintf("%s %s", tab.Keys[r][0], tab.Columns[c]))
		}
	}

	// Subscales come from an instruments file; tie types are checked.
	in, err := ReadInstrumentsFrom(strings.NewReader(`{"rguk": {"name": "rguk",
	  "items": ["rg01","rg02","rg03","rg04","rg05","rg06","rg07","rg08","rg09","rg10","rg11","rg12","rg13","rg14",
	            "rg15","rg16","rg17","rg18","rg19","rg20","rg21","rg22","rg23","rg24","rg25","rg26","rg27"],
	  "subscales": {"first": ["rg01", "rg02", "rg03"], "last": ["rg25", "rg26", "rg27"]}}}`), "test.json")
	require.NoError(t, err)
	specs, err = ParseList("rguk(first),rguk(last),rguk_tie(family)")
	require.NoError(t, err)
	tab, err = EgoTable(context.Background(), ds, specs, TableOptions{Instruments: in})
	require.NoError(t, err)
	// e1 answered 1 to rg01–rg05: first 3, last 0; plain "1" has no tie type.
	assert.Equal(t, []float64{3, 0, 0}, tab.Values[1])
	assert.Equal(t, []float64{3, 3, 0}, tab.Values[2])

	errs := []struct{ list, want string }{
		{"rguk(domestic)", "rguk has no subscales defined"},
		{"rguk_tie(cousin)", `unknown tie type "cousin"`},
		{"pg_total", "no Position Generator is defined"},
	}
	for _, c := range errs {
		specs, err := ParseList(c.list)
		require.NoError(t, err)
		_, err = EgoTable(context.Background(), ds, specs, TableOptions{})
		require.Error(t, err, c.list)
		assert.Contains(t, err.Error(), c.want)
	}

	// A wrong answer anywhere fails the table, naming the ego and the item.
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	m := lsnsAnswers("1", "1", "1", "1", "1", "9")
	require.NoError(t, b.AddEgo("P07", "", network.NewAttrs(b.EgoAttrs(), m)))
	bad, _ := b.Build()
	specs, err = ParseList("lsns6")
	require.NoError(t, err)
	_, err = EgoTable(context.Background(), bad, specs, TableOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ego "P07", item "lsns6": answer "9" is not a whole number from 0 to 5`)
}

// TestPositionMeasures: the Position Generator through EgoTable, with the
// prestige list of TestPositionGenerator (doctor 78, teacher 60, nurse 54,
// cleaner 22). e0 knows nobody; e1 knows the doctor through a friend, the
// nurse and the cleaner through family (see TestPositionGenerator for the
// arithmetic): all 3, 78, 56, 154/3, 154; family 2, 54, 32, 38, 76.
func TestPositionMeasures(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("e0", "", network.NewAttrs(b.EgoAttrs(), map[string]string{"pg1": "0", "pg2": "0", "pg3": "no", "pg4": "0"})))
	require.NoError(t, b.AddEgo("e1", "", network.NewAttrs(b.EgoAttrs(), map[string]string{"pg1": "friend", "pg2": "0", "pg3": "family", "pg4": "Family"})))
	ds, _ := b.Build()
	in, err := ReadInstrumentsFrom(strings.NewReader(`{"pg": {"name": "pg", "positions": [
	  {"item": "pg1", "occupation": "doctor", "prestige": 78}, {"item": "pg2", "occupation": "teacher", "prestige": 60},
	  {"item": "pg3", "occupation": "nurse", "prestige": 54}, {"item": "pg4", "occupation": "cleaner", "prestige": 22}]}}`), "pg.json")
	require.NoError(t, err)
	specs, err := ParseList("pg_extensity,pg_upper,pg_range,pg_average,pg_total,pg_extensity(family),pg_upper(family),pg_range(family),pg_average(family),pg_total(family)")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Instruments: in})
	require.NoError(t, err)
	nan := math.NaN()
	want := [][]float64{
		{0, nan, nan, nan, 0, 0, nan, nan, nan, 0},
		{3, 78, 56, 154.0 / 3, 154, 2, 54, 32, 38, 76},
	}
	for r, row := range want {
		for c, w := range row {
			assertNaNOrDelta(t, w, tab.Values[r][c], fmt.Sprintf("%s %s", tab.Keys[r][0], tab.Columns[c]))
		}
	}
	specs, err = ParseList("pg_total(cousin)")
	require.NoError(t, err)
	_, err = EgoTable(context.Background(), ds, specs, TableOptions{Instruments: in})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown tie type "cousin"`)
}

// TestNodeTableInstruments: on a whole network every node is an ego, with
// its node attributes as answers, and the answers are checked as in
// EgoTable. Before the fix, NodeTable skipped the check: a missing item
// column or an out-of-range answer gave NA in every row without an error,
// and ring(V) without a ring column counted every alter as 0.
//
// Path a–b–c: a answers 1 to every LSNS-6 item, b 2, c 1,1,1,0,0,0; rings
// a 1, b 2, c missing. By hand: lsns6 a 6 (isolated, < 12), b 12 (not),
// c 3 (family 3, friends 0); ring(1) of b counts a only (c is missing):
// 1, ring_missing of b 1.
func TestNodeTableInstruments(t *testing.T) {
	build := func(answers map[string][]string, withRing bool) *network.Graph {
		b := network.NewBuilder(false, false)
		for _, id := range []string{"a", "b", "c"} {
			v := b.LookupOrAdd(id)
			for i, x := range answers[id] {
				b.SetAttr(v, fmt.Sprintf("lsns%d", i+1), network.ParseValue(x))
			}
			if withRing {
				b.SetAttr(v, "ring", network.ParseValue(map[string]string{"a": "1", "b": "2", "c": ""}[id]))
			}
		}
		require.NoError(t, b.AddEdge(b.LookupOrAdd("a"), b.LookupOrAdd("b"), 1))
		require.NoError(t, b.AddEdge(b.LookupOrAdd("b"), b.LookupOrAdd("c"), 1))
		g, _ := b.Build()
		return g
	}
	good := map[string][]string{"a": {"1", "1", "1", "1", "1", "1"}, "b": {"2", "2", "2", "2", "2", "2"},
		"c": {"1", "1", "1", "0", "0", "0"}}
	specs, err := ParseList("lsns6,lsns6_family,lsns6_friends,lsns6_isolated,ring(1),ring_missing")
	require.NoError(t, err)
	tab, err := NodeTable(context.Background(), build(good, true), specs, TableOptions{})
	require.NoError(t, err)
	want := map[string][]float64{
		"a": {6, 3, 3, 1, 0, 0},  // a's one alter b is in ring 2
		"b": {12, 6, 6, 0, 1, 1}, // alters a (ring 1) and c (missing)
		"c": {3, 3, 0, 1, 0, 0},  // c's one alter b is in ring 2
	}
	for r, k := range tab.Keys {
		for c, col := range tab.Columns {
			assert.InDelta(t, want[k[0]][c], tab.Values[r][c], 1e-12, "%s %s: got %v, want %v", k[0], col, tab.Values[r][c], want[k[0]][c])
		}
	}

	errCases := []struct {
		name, list, wantErr string
		answers             map[string][]string
		ring                bool
	}{
		{"no answer columns", "lsns6", `item "lsns1": the egos table has no such column`, nil, true},
		{"answer out of range", "lsns6", `ego "c", item "lsns6": answer "7"`,
			map[string][]string{"a": good["a"], "b": good["b"], "c": {"1", "1", "1", "0", "0", "7"}}, true},
		{"no ring column", "ring(1)", `no ring column "ring"`, good, false},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			specs, err := ParseList(c.list)
			require.NoError(t, err)
			_, err = NodeTable(context.Background(), build(c.answers, c.ring), specs, TableOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.wantErr)
		})
	}
}

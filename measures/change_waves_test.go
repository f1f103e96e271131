package measures

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// roleStudy builds a study from lines "ego wave alters ties" where an
// alter is ID:role:ring ("NA" for a missing ring), e.g.
// "Q1 1 A:family:1,B:friend:2 A-B"; "-" for none.
func roleStudy(t *testing.T, directed bool, lines ...string) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave", Directed: directed})
	for _, l := range lines {
		f := strings.Fields(l)
		require.Len(t, f, 4, l)
		require.NoError(t, b.AddEgo(f[0], f[1], nil))
		if f[2] != "-" {
			for _, a := range strings.Split(f[2], ",") {
				p := strings.Split(a, ":")
				require.Len(t, p, 3, a)
				require.NoError(t, b.AddAlter(f[0], f[1], p[0], 1,
					network.NewAttrs(b.AlterAttrs(), map[string]string{"role": p[1], "ring": p[2]})))
			}
		}
		if f[3] != "-" {
			for _, tie := range strings.Split(f[3], ",") {
				u, v, _ := strings.Cut(tie, "-")
				require.NoError(t, b.AddTie(f[0], f[1], u, v, 1, nil))
			}
		}
	}
	ds, _ := b.Build()
	return ds
}

// threeWaves is the three-wave study of the change tests: drop-out (Q2
// after wave 2), a missed wave (Q3 at waves 1 and 3), a late entry with
// nobody named (Q4 from wave 2), a returning alter (Q1's D: waves 1 and
// 3), ring moves, tie churn and role changes. Rings: 1 = innermost.
//
//	Q1 w1: A family 1, B friend 2, C neighbour 3, D group 2; ties A-B, B-C, C-D
//	Q1 w2: A family 1, B friend 1, C friend 3, E group 3;    ties A-B, A-C, C-E
//	Q1 w3: A family 2, C friend 2, D group 2, E group 3, F neighbour NA;
//	       ties A-C, D-E, A-E
//	Q2 w1: X friend 1, Y family 2; tie X-Y.   Q2 w2: X friend 2.  (no w3)
//	Q3 w1: M professional 3.                  Q3 w3: M professional 2, N group 1; tie M-N
//	Q4 w2: nobody.                            Q4 w3: P group 3
var threeWaves = []string{
	"Q1 1 A:family:1,B:friend:2,C:neighbour:3,D:group:2 A-B,B-C,C-D",
	"Q2 1 X:friend:1,Y:family:2 X-Y",
	"Q3 1 M:professional:3 -",
	"Q1 2 A:family:1,B:friend:1,C:friend:3,E:group:3 A-B,A-C,C-E",
	"Q2 2 X:friend:2 -",
	"Q4 2 - -",
	"Q1 3 A:family:2,C:friend:2,D:group:2,E:group:3,F:neighbour:NA A-C,D-E,A-E",
	"Q3 3 M:professional:2,N:group:1 M-N",
	"Q4 3 P:group:3 -",
}

// changeRules: family, friend → bonding; neighbour, group → bridging;
// professional → linking.
func changeRules(t *testing.T) *Rules {
	rs, err := ReadRulesFrom(strings.NewReader(`{"rules": [{"type": "role", "attribute": "role", "classes": {
  "bonding": ["family", "friend"], "bridging": ["neighbour", "group"], "linking": ["professional"]}}]}`), "rules.json")
	require.NoError(t, err)
	return rs
}

var allChange = []string{"kept", "gained", "lost", "jaccard", "returned", "stability", "turnover",
	"closer", "further", "role_changed", "class_changed",
	"ties_kept", "ties_gained", "ties_lost", "broker_kept", "broker_gained", "broker_lost"}

// Hand derivations of every row, consecutive waves (columns in the order
// of allChange: kept gained lost jaccard returned stability turnover
// closer further role_changed class_changed ties_kept ties_gained
// ties_lost broker_kept broker_gained broker_lost).
//
// Q1 1→2: B = {A,B,C,D}, A = {A,B,C,E}. kept A,B,C = 3; gained E = 1;
// lost D = 1; union 5, jaccard 3/5; returned 0 (no wave before 1);
// stability 3/4; turnover (1+1)/5. Rings: A 1→1, B 2→1 (closer), C 3→3:
// closer 1, further 0. Roles: C neighbour→friend: role_changed 1, and
// its class bridging→bonding: class_changed 1. Ties among kept {A,B,C}:
// w1 A-B, B-C (C-D has D, lost); w2 A-B, A-C (C-E has E, gained): kept
// A-B = 1, gained A-C = 1, lost B-C = 1. Open pairs of {A,B,C}: w1 A-C;
// w2 B-C: kept 0, gained B-C (tied at w1) = 1, lost A-C (tied at w2) = 1.
//
// Q1 2→3: B = {A,B,C,E}, A = {A,C,D,E,F}. kept A,C,E = 3; gained D,F =
// 2; lost B = 1; union 6, jaccard 3/6; returned D (named at wave 1) = 1;
// stability 3/4; turnover 3/6. Rings: A 1→2 (further), C 3→2 (closer),
// E 3→3: 1, 1. Roles unchanged: 0, classes 0. Ties among {A,C,E}: w2 A-C,
// C-E; w3 A-C, A-E (D-E has D): kept 1, gained A-E 1, lost C-E 1. Open
// pairs: w2 A-E; w3 C-E: kept 0, gained C-E 1, lost A-E 1.
//
// Q2 1→2: B = {X,Y}, A = {X}: kept 1, gained 0, lost 1, jaccard 1/2,
// returned 0, stability 1/2, turnover 1/2; X ring 1→2: further 1; no
// role or class change; one kept alter: no ties, no pairs.
// Q2 2→3: dropped out, NA everywhere.
//
// Q3 1→3 (missed wave 2, skipped over): B = {M}, A = {M,N}: kept 1,
// gained 1, lost 0, jaccard 1/2, returned 0, stability 1/1, turnover 1/2;
// M ring 3→2: closer 1; M stays professional; no pairs.
//
// Q4 1→2: entered at wave 2, NA everywhere. Q4 2→3: B = {}, A = {P}:
// kept 0, gained 1, lost 0, jaccard 0/1 = 0, returned 0, stability 0/0 =
// NA, turnover 1/1, everything else 0.
var threeWavesWant = []struct {
	id, from, to string
	vals         []float64
}{
	{"Q1", "1", "2", []float64{3, 1, 1, 0.6, 0, 0.75, 0.4, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1}},
	{"Q1", "2", "3", []float64{3, 2, 1, 0.5, 1, 0.75, 0.5, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1}},
	{"Q2", "1", "2", []float64{1, 0, 1, 0.5, 0, 0.5, 0.5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}},
	{"Q2", "2", "3", nanRow(17)},
	{"Q3", "1", "3", []float64{1, 1, 0, 0.5, 0, 1, 0.5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
	{"Q4", "1", "2", nanRow(17)},
	{"Q4", "2", "3", []float64{0, 1, 0, 0, 0, math.NaN(), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
}

func nanRow(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

func TestChangeTableThreeWaves(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	tab, err := ChangeTable(context.Background(), ds, nil, ChangeOptions{
		Change: allChange, Table: TableOptions{Classifier: changeRules(t)}})
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID", "from", "to"}, tab.KeyNames, "more than two waves: from and to")
	assert.Equal(t, allChange, tab.Columns)
	require.Equal(t, len(threeWavesWant), tab.Len())
	for r, w := range threeWavesWant {
		assert.Equal(t, []string{w.id, w.from, w.to}, tab.Keys[r])
		for c, x := range w.vals {
			assertNaNOrDelta(t, x, tab.Values[r][c], w.id+" "+w.from+"→"+w.to+" "+tab.Columns[c])
		}
	}
	assert.Equal(t, allChange, ChangeMeasures())
}

// TestChangeTableBaseline: --baseline 1. Q1 1→2 as consecutive. By hand
// for Q1 1→3: B = {A,B,C,D}, A = {A,C,D,E,F}: kept A,C,D = 3; gained
// E,F = 2; lost B = 1; union 6, jaccard 1/2; returned 0 (nothing before
// the baseline); stability 3/4; turnover 3/6. Rings A 1→2 further, C 3→2
// closer, D 2→2. C neighbour→friend: role and class changed 1. Ties
// among {A,C,D}: w1 C-D; w3 A-C: kept 0, gained 1, lost 1. Open pairs of
// {A,C,D}: w1 A-C, A-D; w3 A-D, C-D: kept A-D 1, gained C-D 1, lost A-C
// 1. Q2 1→3 and Q3 1→2: missing at the later wave, NA. Q3 1→3 as
// consecutive. Q4 (not at the baseline) 1→2 and 1→3: NA.
func TestChangeTableBaseline(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	tab, err := ChangeTable(context.Background(), ds, nil, ChangeOptions{
		Baseline: "1", Change: allChange, Table: TableOptions{Classifier: changeRules(t)}})
	require.NoError(t, err)
	want := []struct {
		id, from, to string
		vals         []float64
	}{
		threeWavesWant[0],
		{"Q1", "1", "3", []float64{3, 2, 1, 0.5, 0, 0.75, 0.5, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1}},
		threeWavesWant[2],
		{"Q2", "1", "3", nanRow(17)},
		{"Q3", "1", "2", nanRow(17)},
		threeWavesWant[4],
		{"Q4", "1", "2", nanRow(17)},
		{"Q4", "1", "3", nanRow(17)},
	}
	require.Equal(t, len(want), tab.Len())
	for r, w := range want {
		assert.Equal(t, []string{w.id, w.from, w.to}, tab.Keys[r])
		for c, x := range w.vals {
			assertNaNOrDelta(t, x, tab.Values[r][c], w.id+" "+w.from+"→"+w.to+" "+tab.Columns[c])
		}
	}
}

// TestWaveChangesTwoOfThree: two of the three waves, as Changes gives
// them: no from/to keys unless asked, Q4 (wave 3 only of 1 and 3) listed
// with NA. Q1 1→3 kept A,C,D, gained E,F, lost B (see above).
func TestWaveChangesTwoOfThree(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	tab, err := ChangeTable(context.Background(), ds, nil, ChangeOptions{Waves: []string{"1", "3"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID"}, tab.KeyNames)
	assert.Equal(t, [][]string{{"Q1"}, {"Q2"}, {"Q3"}, {"Q4"}}, tab.Keys)
	assert.Equal(t, []float64{3, 2, 1, 0.5}, tab.Values[0])
	tab, err = ChangeTable(context.Background(), ds, nil, ChangeOptions{Before: "1", After: "3", FromTo: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID", "from", "to"}, tab.KeyNames)
	assert.Equal(t, []string{"Q4", "1", "3"}, tab.Keys[3])

	cs, err := WaveChanges(ds, nil, "")
	require.NoError(t, err)
	require.Len(t, cs, len(threeWavesWant))
	assert.Equal(t, []string{"D"}, cs[1].Returned, "Q1's D is back at wave 3")
	sb, sa := cs[1].Statuses()
	assert.Equal(t, []AlterStatus{StatusKept, StatusLost, StatusKept, StatusKept}, sb, "Q1 wave 2: A, B, C, E")
	assert.Equal(t, []AlterStatus{StatusKept, StatusKept, StatusReturned, StatusKept, StatusGained}, sa, "Q1 wave 3: A, C, D, E, F")
	assert.Nil(t, cs[3].After, "Q2 dropped out")
	b, a := cs[3].Statuses()
	assert.Len(t, b, 1)
	assert.Nil(t, a)
}

// TestTieChurnDirected: arcs count one by one; a pair is open only when
// no arc joins it either way. W1: A→B, B→A, B→C; W2: A→B, C→B, A→C.
// Kept A, B, C. Arcs kept A→B = 1; gained C→B, A→C = 2; lost B→A, B→C =
// 2. Pairs: AB tied both; AC open at w1, tied at w2 (lost 1); BC tied
// both: broker kept 0, gained 0, lost 1.
func TestTieChurnDirected(t *testing.T) {
	ds := roleStudy(t, true,
		"D1 1 A:x:1,B:x:1,C:x:1 A-B,B-A,B-C",
		"D1 2 A:x:1,B:x:1,C:x:1 A-B,C-B,A-C")
	cs, err := WaveChanges(ds, nil, "")
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, Churn{Kept: 1, Gained: 2, Lost: 2}, TieChurn(&cs[0]))
	assert.Equal(t, Churn{Kept: 0, Gained: 0, Lost: 1}, BrokerChurn(&cs[0]))
}

// TestAlterChangeTable: one row per alter of Q1 1→2 (hand derivation
// above): lost D first, then A, B, C, E in wave-2 order. Ties per kept
// alter among {A,B,C}: A: A-B kept, A-C gained; B: A-B kept, B-C lost; C:
// A-C gained, B-C lost.
func TestAlterChangeTable(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	tab, err := AlterChangeTable(context.Background(), ds, ChangeOptions{Table: TableOptions{Classifier: changeRules(t)}})
	require.NoError(t, err)
	assert.Equal(t, []string{"egoID", "from", "to", "alterID", "status", "ring:from", "ring:to",
		"role:from", "role:to", "class:from", "class:to"}, tab.KeyNames)
	assert.Equal(t, []string{"ring_move", "role_changed", "class_changed", "ties_kept", "ties_gained", "ties_lost"}, tab.Columns)
	nan := math.NaN()
	want := []struct {
		key  string
		vals []float64
	}{
		{"Q1 1 2 D lost 2 NA group NA bridging NA", []float64{nan, nan, nan, nan, nan, nan}},
		{"Q1 1 2 A kept 1 1 family family bonding bonding", []float64{0, 0, 0, 1, 1, 0}},
		{"Q1 1 2 B kept 2 1 friend friend bonding bonding", []float64{-1, 0, 0, 1, 0, 1}},
		{"Q1 1 2 C kept 3 3 neighbour friend bridging bonding", []float64{0, 1, 1, 0, 1, 1}},
		{"Q1 1 2 E gained NA 3 NA group NA bridging", []float64{nan, nan, nan, nan, nan, nan}},
		// Q1 2→3: lost B; A ring 1→2; C 3→2; D returned; F's ring missing.
		{"Q1 2 3 B lost 1 NA friend NA bonding NA", []float64{nan, nan, nan, nan, nan, nan}},
		{"Q1 2 3 A kept 1 2 family family bonding bonding", []float64{1, 0, 0, 1, 1, 0}},
		{"Q1 2 3 C kept 3 2 friend friend bonding bonding", []float64{-1, 0, 0, 1, 0, 1}},
		{"Q1 2 3 D returned NA 2 NA group NA bridging", []float64{nan, nan, nan, nan, nan, nan}},
		{"Q1 2 3 E kept 3 3 group group bridging bridging", []float64{0, 0, 0, 0, 1, 1}},
		{"Q1 2 3 F gained NA NA NA neighbour NA bridging", []float64{nan, nan, nan, nan, nan, nan}},
	}
	for r, w := range want {
		require.Greater(t, tab.Len(), r)
		assert.Equal(t, w.key, strings.Join(tab.Keys[r], " "))
		for c, x := range w.vals {
			assertNaNOrDelta(t, x, tab.Values[r][c], w.key+" "+tab.Columns[c])
		}
	}
	// Then Q2 1→2 (lost Y, kept X), Q3 1→3 (kept M, gained N), Q4 2→3
	// (gained P): 2 + 2 + 1 rows; the NA pairs have no alters.
	assert.Equal(t, len(want)+5, tab.Len())
}

func TestChangeTableErrors(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	noRole := waveStudy(t, changeLines...)
	cases := []struct {
		name string
		ds   *network.Dataset
		opt  ChangeOptions
		want string
	}{
		{"unknown change measure", ds, ChangeOptions{Change: []string{"kept", "churn"}}, `unknown change measure "churn"`},
		{"twice", ds, ChangeOptions{Change: []string{"kept", "kept"}}, `change measure "kept" is given twice`},
		{"class without rules", ds, ChangeOptions{Change: []string{"class_changed"}}, "class_changed needs classification rules"},
		{"no ring", noRole, ChangeOptions{Change: []string{"closer"}}, `closer needs the alter attribute "ring"`},
		{"other ring", ds, ChangeOptions{Change: []string{"further"}, Ring: "circle"}, `further needs the alter attribute "circle"`},
		{"no role", noRole, ChangeOptions{Change: []string{"role_changed"}}, `role_changed needs the alter attribute "role"`},
		{"waves and before", ds, ChangeOptions{Waves: []string{"1", "2"}, Before: "1"}, "either the list of waves or before and after"},
		{"one wave", ds, ChangeOptions{Waves: []string{"1"}}, "1 wave given (1); comparing needs two"},
		{"repeated wave", ds, ChangeOptions{Waves: []string{"1", "2", "1"}}, `wave "1" is given twice`},
		{"unknown wave", ds, ChangeOptions{Waves: []string{"1", "4"}}, `wave "4" does not occur in the data (waves: 1, 2, 3)`},
		{"baseline not compared", ds, ChangeOptions{Waves: []string{"2", "3"}, Baseline: "1"}, `the baseline wave "1" is not among the waves compared (2, 3)`},
		{"baseline last", ds, ChangeOptions{Baseline: "3"}, `the baseline wave "3" is the last wave compared`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ChangeTable(context.Background(), c.ds, nil, c.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestStatuses: the per-alter statuses that the before/after picture uses
// (it replaced visualize.ChangeStatus). Cases from degenerate up: no
// alters at either wave; the same network twice (all kept); P1 of
// changeLines (A,B,C → B,C,D: A lost, B and C kept, D gained).
func TestStatuses(t *testing.T) {
	ds := waveStudy(t, changeLines...)
	empty, p1, p1after := ds.Ego("P2", "1"), ds.Ego("P1", "1"), ds.Ego("P1", "2")
	c := AlterChange(empty, ds.Ego("P2", "2"))
	b, a := c.Statuses()
	assert.Empty(t, b)
	assert.Empty(t, a)
	c = AlterChange(p1, p1)
	b, a = c.Statuses()
	assert.Equal(t, []AlterStatus{StatusKept, StatusKept, StatusKept}, b)
	assert.Equal(t, b, a)
	c = AlterChange(p1, p1after)
	b, a = c.Statuses()
	assert.Equal(t, []AlterStatus{StatusLost, StatusKept, StatusKept}, b)
	assert.Equal(t, []AlterStatus{StatusKept, StatusKept, StatusGained}, a)
	assert.Equal(t, "lost kept gained returned", StatusLost.String()+" "+StatusKept.String()+" "+StatusGained.String()+" "+StatusReturned.String())
}

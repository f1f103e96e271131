package analysis

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// TestGAST: the T-score against Kiresuk & Sherman's formula by hand,
// ρ = 0.3, T = 50 + 10 Σwx / √(0.7 Σw² + 0.3 (Σw)²).
func TestGAST(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name      string
		x, w      []float64
		want      float64
		provenace string
	}{
		{"no goals", nil, nil, nan, "nothing scored"},
		{"only unscored goals", []float64{nan, nan}, []float64{1, 2}, nan, "nothing scored"},
		// Σwx = 2·1 = 2; Σw² = 4; (Σw)² = 4; √(0.7·4 + 0.3·4) = √4 = 2;
		// T = 50 + 10·2/2 = 60 (one goal: 50 + 10x whatever the weight).
		{"1 goal, weight 2, level +1", []float64{1}, []float64{2}, 60, "by hand"},
		// w = 1, 2, 3; x = −1, 0, +2. Σwx = −1 + 0 + 6 = 5; Σw² = 1 + 4 +
		// 9 = 14; (Σw)² = 36; 0.7·14 + 0.3·36 = 9.8 + 10.8 = 20.6;
		// √20.6 = 4.538722287164087; T = 50 + 50/4.538722287164087 =
		// 61.01631623098079.
		{"3 goals", []float64{-1, 0, 2}, []float64{1, 2, 3}, 61.01631623098079, "by hand"},
		// w = 1, 2, 3, 4, 5; x = +2, −2, +1, 0, −1. Σwx = 2 − 4 + 3 + 0 −
		// 5 = −4; Σw² = 55; (Σw)² = 225; 0.7·55 + 0.3·225 = 38.5 + 67.5 =
		// 106; √106 = 10.295630140987; T = 50 − 40/10.295630140987 =
		// 46.11485655057094.
		{"5 goals", []float64{2, -2, 1, 0, -1}, []float64{1, 2, 3, 4, 5}, 46.11485655057094, "by hand"},
		// The same with goal 3 not scored: w = 1, 2, 4, 5; x = 2, −2, 0,
		// −1. Σwx = 2 − 4 + 0 − 5 = −7; Σw² = 1 + 4 + 16 + 25 = 46; (Σw)²
		// = 144; 0.7·46 + 0.3·144 = 32.2 + 43.2 = 75.4; T = 50 − 70/√75.4
		// = 41.93856480516462.
		{"5 goals, one not scored", []float64{2, -2, nan, 0, -1}, []float64{1, 2, 3, 4, 5}, 41.93856480516462, "by hand"},
		// Every goal at its expected level: Σwx = 0, T = 50.
		{"all expected", []float64{0, 0, 0}, []float64{1, 5, 2}, 50, "by hand"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := GAST(c.x, c.w, DefaultRho)
			if math.IsNaN(c.want) {
				assert.True(t, math.IsNaN(got), "got %v want NaN", got)
				return
			}
			assert.InDelta(t, c.want, got, 1e-12, "got %v want %v (%s)", got, c.want, c.provenace)
		})
	}
	assert.Panics(t, func() { GAST([]float64{1}, nil, DefaultRho) })
}

func TestParseGoalRule(t *testing.T) {
	cases := []struct {
		rule   string
		column string
		change bool
		lower  bool
		cuts   []float64
		// levels of the values −1, 0, 1, 2, 3, 4
		levels []float64
	}{
		// One cut at 1: x ≥ 1 → 0, else −1.
		{"count(role=group) >= 1", "count(role=group)", false, false, []float64{1}, []float64{-1, -1, 0, 0, 0, 0}},
		// Cuts 0 1 2 3: x < 0 → −2; 0 → −1; 1 → 0; 2 → +1; ≥ 3 → +2.
		{"bridging:change >= 0 1 2 3", "bridging", true, false, []float64{0, 1, 2, 3}, []float64{-2, -1, 0, 1, 2, 2}},
		{"size:change>=0,1,2,3", "size", true, false, []float64{0, 1, 2, 3}, []float64{-2, -1, 0, 1, 2, 2}},
		// Lower is better, cuts 3 2 1 0: x > 3 → −2; 3 → −1; 2 → 0; 1 →
		// +1; ≤ 0 → +2.
		{"count(age>=65) <= 3 2 1 0", "count(age>=65)", false, true, []float64{3, 2, 1, 0}, []float64{2, 2, 1, 0, -1, -2}},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			r, err := ParseGoalRule(c.rule)
			require.NoError(t, err)
			assert.Equal(t, c.column, r.Spec.Column)
			assert.Equal(t, c.change, r.Change)
			assert.Equal(t, c.lower, r.Lower)
			assert.Equal(t, c.cuts, r.Cuts)
			for i, x := range []float64{-1, 0, 1, 2, 3, 4} {
				assert.Equal(t, c.levels[i], r.Level(x), "level of %v", x)
			}
			assert.True(t, math.IsNaN(r.Level(math.NaN())))
		})
	}
	bad := []struct{ rule, want string }{
		{"count(role=group)", "has no >= or <="},
		{"count(role=group) > 1", "has no >= or <="},
		{"sizes >= 1", `unknown measure "sizes"`},
		{"size >= 1 2", "has 2 thresholds"},
		{"size >=", "has 0 thresholds"},
		{"size >= one", `threshold "one" is not a number`},
		{"size >= 0 2 1 3", "must rise strictly"},
		{"size <= 0 1 2 3", "must fall strictly"},
	}
	for _, c := range bad {
		_, err := ParseGoalRule(c.rule)
		require.Error(t, err, c.rule)
		assert.ErrorIs(t, err, ErrGoals)
		assert.Contains(t, err.Error(), c.want)
	}
}

// goalStudy: three waves.
//
//	R1 w1: A friend, B family             (size 2, no group member)
//	R1 w2: A friend, G group              (size 2, one group member)
//	R1 w3: A friend, G group, H group, K neighbour   (size 4, two)
//	R2 w1: A family; w2 not interviewed; w3: A family, B group
//	R3 w1: nobody; no goals
func goalStudy(t *testing.T) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	add := func(ego, wave string, alters ...string) {
		require.NoError(t, b.AddEgo(ego, wave, network.NewAttrs(b.EgoAttrs(), map[string]string{"arm": map[string]string{"R1": "a", "R2": "a", "R3": "b"}[ego]})))
		for _, a := range alters {
			id, role, _ := strings.Cut(a, ":")
			require.NoError(t, b.AddAlter(ego, wave, id, 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"role": role})))
		}
	}
	add("R1", "1", "A:friend", "B:family")
	add("R2", "1", "A:family")
	add("R3", "1")
	add("R1", "2", "A:friend", "G:group")
	add("R1", "3", "A:friend", "G:group", "H:group", "K:neighbour")
	add("R2", "3", "A:family", "B:group")
	ds, _ := b.Build()
	return ds
}

const goalsCSV = "egoID,goal,description,weight,rule,level:1,level:2,level:3\n" +
	"R1,group,join a group,2,count(role=group) >= 1,,,\n" +
	"R1,people,meet new people,1,size:change >= 0 1 2 3,NA,NA,NA\n" +
	"R1,sister,get back in touch with my sister,3,,-1,+1,2\n" +
	"R2,group,join a group,1,count(role=group) >= 1,,,\n" +
	"R2,mood,feel less lonely,2,,,0,NA\n"

// TestEvaluateGoals: by hand from goalStudy and goalsCSV (ρ = 0.3).
//
//	R1 w1 (baseline): group count 0 → −1; size change 0 → −1 (0 ≥ c₋₁ = 0
//	   only); sister −1 (recorded). w = 2, 1, 3: Σwx = −6, Σw² = 14,
//	   (Σw)² = 36, √20.6 = 4.538722287164087: T = 50 − 60/4.5387… =
//	   36.78042052282305; 3 scored, 0 met.
//	R1 w2: group count 1 → 0; size 2 − 2 = 0 → −1; sister +1. Σwx = 0 − 1 +
//	   3 = 2: T = 50 + 20/4.5387… = 54.40652649239232; met 2 (group, sister).
//	R1 w3: group count 2 → 0; size 4 − 2 = +2 → +1; sister +2. Σwx = 0 + 1 +
//	   6 = 7: T = 50 + 70/4.5387… = 65.42284272337311; met 3.
//	R2 w1: group 0 → −1; mood not recorded. One goal: T = 50 + 10·(−1) = 40.
//	R2 w2: not interviewed: group not scored; mood 0: T = 50, met 1.
//	R2 w3: group count 1 → 0; mood NA: T = 50, met 1.
//	R3: no goals: 0 scored, T NA, at every wave.
func TestEvaluateGoals(t *testing.T) {
	ds := goalStudy(t)
	g, err := ReadGoalsFrom(strings.NewReader(goalsCSV), "goals.csv", GoalsOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"1", "2", "3"}, g.LevelWaves)
	rows, err := EvaluateGoals(context.Background(), ds, g, AttainmentOptions{})
	require.NoError(t, err)
	nan := math.NaN()
	want := []struct {
		id, wave     string
		base, inter  bool
		goals, met   int
		t            float64
		levels, vals []float64
	}{
		{"R1", "1", true, true, 3, 0, 36.78042052282305, []float64{-1, -1, -1}, []float64{0, 0, nan}},
		{"R1", "2", false, true, 3, 2, 54.40652649239232, []float64{0, -1, 1}, []float64{1, 0, nan}},
		{"R1", "3", false, true, 3, 3, 65.42284272337311, []float64{0, 1, 2}, []float64{2, 2, nan}},
		{"R2", "1", true, true, 1, 0, 40, []float64{-1, nan}, []float64{0, nan}},
		{"R2", "2", false, false, 1, 1, 50, []float64{nan, 0}, []float64{nan, nan}},
		{"R2", "3", false, true, 1, 1, 50, []float64{0, nan}, []float64{1, nan}},
		{"R3", "1", true, true, 0, 0, nan, nil, nil},
		{"R3", "2", false, false, 0, 0, nan, nil, nil},
		{"R3", "3", false, false, 0, 0, nan, nil, nil},
	}
	require.Len(t, rows, len(want))
	for i, w := range want {
		r := rows[i]
		name := w.id + " wave " + w.wave
		assert.Equal(t, []string{w.id, w.wave}, []string{r.EgoID, r.Wave}, name)
		assert.Equal(t, w.base, r.Baseline, name)
		assert.Equal(t, w.inter, r.Interviewed, name)
		assert.Equal(t, w.goals, r.Goals, name+" goals")
		assert.Equal(t, w.met, r.Met, name+" met")
		assertNaNOrDelta(t, w.t, r.T, name+" T")
		require.Len(t, r.Scores, len(w.levels), name)
		for k, s := range r.Scores {
			assertNaNOrDelta(t, w.levels[k], s.Level, name+" level of "+s.Goal.ID)
			assertNaNOrDelta(t, w.vals[k], s.Value, name+" value of "+s.Goal.ID)
		}
	}

	// Baseline 2: follow-up wave 3 only; R1's :change rule compares with
	// wave 2: size 4 − 2 = 2 → +1, as above.
	rows, err = EvaluateGoals(context.Background(), ds, g, AttainmentOptions{Baseline: "2"})
	require.NoError(t, err)
	require.Len(t, rows, 6)
	assert.Equal(t, "2", rows[0].Wave)
	assert.Equal(t, 1.0, rows[1].Scores[1].Level)

	// By group (arm: R1, R2 a; R3 b), wave 3: a has T 65.42284272337311
	// (R1) and 50 (R2): mean 57.71142136168656; for n = 2, s/√2 = |x₁ −
	// x₂| / 2; t(0.975, 1) = 12.706204736174698 (tables: 12.706); half =
	// 12.7062… · 15.42284272337311 / 2. R 4.2.2:
	// t.test(c(65.42284272337311, 50))$conf.int gives -40.27147726681385
	// 155.69431999018695.
	groups := GroupGAS(rows, func(id string) string {
		return map[string]string{"R1": "a", "R2": "a", "R3": "b"}[id]
	})
	require.Len(t, groups, 2)
	assert.Equal(t, GASGroup{Group: "a", Wave: "3", N: 2, Mean: groups[0].Mean, Low: groups[0].Low, High: groups[0].High}, groups[0])
	m := (65.42284272337311 + 50) / 2
	half := 12.706204736174698 * (65.42284272337311 - 50) / 2
	assert.InDelta(t, m, groups[0].Mean, 1e-12)
	assert.InDelta(t, m-half, groups[0].Low, 1e-9)
	assert.InDelta(t, m+half, groups[0].High, 1e-9)
	assert.InDelta(t, -40.27147726681385, groups[0].Low, 1e-9, "R t.test")
	assert.InDelta(t, 155.69431999018695, groups[0].High, 1e-9, "R t.test")
	assert.Equal(t, 0, groups[1].N, "R3 has no T: group b listed with N 0")
	assert.True(t, math.IsNaN(groups[1].Mean))
}

// TestMeanCI: by hand for 40, 50, 60: mean 50, s = 10, t(0.975, 2) =
// 4.302653, half = 4.302653 · 10 / √3 = 24.84138. R 4.2.2:
// t.test(c(40, 50, 60))$conf.int gives 25.15862288 74.84137712, and
// qt(0.975, 2) 4.3026527297494619.
func TestMeanCI(t *testing.T) {
	m, lo, hi := MeanCI([]float64{40, 50, 60})
	assert.Equal(t, 50.0, m)
	assert.InDelta(t, 50-4.302652729749464*10/math.Sqrt(3), lo, 1e-9)
	assert.InDelta(t, 25.15862288, lo, 1e-8, "R t.test")
	assert.InDelta(t, 74.84137712, hi, 1e-8, "R t.test")
	m, lo, _ = MeanCI([]float64{7})
	assert.Equal(t, 7.0, m)
	assert.True(t, math.IsNaN(lo))
	m, _, _ = MeanCI(nil)
	assert.True(t, math.IsNaN(m))
}

func TestGoalsErrors(t *testing.T) {
	head := "egoID,goal,description,weight,rule,level:2\n"
	cases := []struct{ name, csv, want string }{
		{"empty", "", "goals.csv: bad goals: empty file"},
		{"no weight", "egoID,goal,rule\nR1,g,size >= 1\n", `goals.csv:1: bad goals: no column "weight"`},
		{"no rule or level", "egoID,goal,weight\n", "neither a rule column nor level:WAVE columns"},
		{"level without wave", "egoID,goal,weight,level:\n", `column "level:" names no wave`},
		{"twice", "egoID,goal,weight,rule,rule\n", `column "rule" appears twice`},
		{"bad weight", head + "R1,g,,0,size >= 1,\n", `goals.csv:2: bad goals: column "weight": "0" is not a number greater than 0`},
		{"empty ego", head + ",g,,1,size >= 1,\n", `goals.csv:2: bad goals: column "egoID": empty ego ID`},
		{"empty goal", head + "R1,,,1,size >= 1,\n", `column "goal": empty goal name`},
		{"duplicate goal", head + "R1,g,,1,size >= 1,\nR1,g,,1,size >= 2,\n", `goals.csv:3: bad goals: column "goal": ego "R1" has goal "g" twice (also line 2)`},
		{"bad level", head + "R1,g,,1,,3\n", `goals.csv:2: bad goals: column "level:2": level "3" is not a whole number from -2 to 2`},
		{"rule and level", head + "R1,g,,1,size >= 1,0\n", `goal "g" has a rule and recorded levels`},
		{"bad rule", head + "R1,g,,1,size >= x,\n", `goals.csv:2: bad goals: column "rule": bad goals: rule "size >= x": threshold "x" is not a number`},
		{"no rule no levels", "egoID,goal,weight,rule\nR1,g,1,\n", `goal "g" has no rule and the table has no level:WAVE columns`},
		// Found by FuzzReadGoals: a CSV error on a data line used to panic
		// (csv.Reader.FieldPos of a record that was not read).
		{"unterminated quote", "egoID,goal,weight,rule\n\"R1,g,1,size >= 1\n", "goals.csv: bad goals: parse error on line 2, column 19"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadGoalsFrom(strings.NewReader(c.csv), "goals.csv", GoalsOptions{})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrGoals)
			assert.Contains(t, err.Error(), c.want)
		})
	}

	ds := goalStudy(t)
	data := []struct{ name, csv, want string }{
		{"unknown ego", head + "R1,g,,1,size >= 1,\nR9,g,,1,size >= 1,\n", `goals.csv:3: bad goals: ego "R9" is not in the data`},
		{"unknown wave", "egoID,goal,weight,level:7\nR1,g,1,0\n", `goals.csv:1: bad goals: column "level:7": wave "7" is not in the data (waves: 1, 2, 3)`},
		{"measure not in data", head + "R1,g,,1,count(sex=f) >= 1,\n", `goals.csv:2: bad goals: column "rule": `},
		{"class without rules", head + "R1,g,,1,bridging >= 1,\n", "classification rules"},
	}
	for _, c := range data {
		t.Run(c.name, func(t *testing.T) {
			g, err := ReadGoalsFrom(strings.NewReader(c.csv), "goals.csv", GoalsOptions{})
			require.NoError(t, err)
			_, err = EvaluateGoals(context.Background(), ds, g, AttainmentOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	g, err := ReadGoalsFrom(strings.NewReader(head), "goals.csv", GoalsOptions{})
	require.NoError(t, err)
	_, err = EvaluateGoals(context.Background(), ds, g, AttainmentOptions{Baseline: "9"})
	assert.ErrorContains(t, err, `the baseline wave "9" is not in the data`)
	_, err = EvaluateGoals(context.Background(), ds, g, AttainmentOptions{Table: measures.TableOptions{}})
	assert.NoError(t, err, "a table with no goals is fine: everybody has 0 goals")
}

func assertNaNOrDelta(t *testing.T, want, got float64, msg string) {
	t.Helper()
	if math.IsNaN(want) {
		assert.True(t, math.IsNaN(got), "%s: got %v want NaN", msg, got)
		return
	}
	assert.InDelta(t, want, got, 1e-12, "%s: got %v want %v", msg, got, want)
}

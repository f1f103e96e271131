package measures

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// ageStudy is two egos: e1 with alters aged 70, NA, 30, 80 and e2 with no
// alters. The alter attribute "age" exists even for e2.
func ageStudy(t *testing.T) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("e1", "", nil))
	require.NoError(t, b.AddEgo("e2", "", nil))
	for i, age := range []string{"70", "NA", "30", "80"} {
		require.NoError(t, b.AddAlter("e1", "", string(rune('a'+i)), 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"age": age})))
	}
	ds, _ := b.Build()
	return ds
}

// recordedShare is a user's measure: the share of alters with a recorded
// value of the attribute; with a selector, of those whose value matches.
func recordedShare(e *network.EgoNet, s *Spec) float64 {
	vals, _ := e.AlterValues(s.Attr)
	if len(vals) == 0 {
		return math.NaN()
	}
	n := 0.0
	for _, v := range vals {
		if !v.IsMissing() && (s.Op == OpNone || s.Match(v)) {
			n++
		}
	}
	return n / float64(len(vals))
}

func TestRegisterUserMeasure(t *testing.T) {
	require.NoError(t, Register(Measure{Name: "recorded_share", Args: AttrArg | SelectorArg, Doc: "share of alters with a recorded value", Func: recordedShare}))
	t.Cleanup(func() { unregister("recorded_share") })

	assert.Contains(t, Names(), "recorded_share")
	reg := Registered()
	require.Len(t, reg, 1)
	assert.Equal(t, "share of alters with a recorded value", reg[0].Doc)

	ds := ageStudy(t)
	specs, err := ParseList("size,recorded_share(age),recorded_share(age>=65)")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 2})
	require.NoError(t, err)
	// Hand derivation: e1 has 4 alters, 3 with an age (70, 30, 80): 3/4;
	// 2 of them (70, 80) are >= 65: 2/4. e2 has no alters: NaN.
	assert.Equal(t, []float64{4, 0.75, 0.5}, tab.Values[0], "e1: got %v", tab.Values[0])
	assert.True(t, math.IsNaN(tab.Values[1][1]), "e2 has no alters: got %v, want NaN", tab.Values[1][1])

	v, err := Compute(ds.Egos[0], "recorded_share(age>=65)", TableOptions{})
	require.NoError(t, err)
	assert.Equal(t, 0.5, v, "Compute equals the table's cell")

	_, err = Compute(ds.Egos[0], "recorded_share(agee)", TableOptions{})
	assert.ErrorIs(t, err, ErrMeasure)
	assert.ErrorContains(t, err, `"agee" does not exist`)
}

func TestRegisterErrors(t *testing.T) {
	ok := func(*network.EgoNet, *Spec) float64 { return 0 }
	cases := []struct {
		name string
		m    Measure
		want string
	}{
		{"built-in name", Measure{Name: "size", Func: ok}, "taken"},
		{"empty name", Measure{Name: "", Func: ok}, "lower-case letter"},
		{"upper case", Measure{Name: "Share", Func: ok}, "lower-case letter"},
		{"punctuation", Measure{Name: "a(b)", Func: ok}, "lower-case letter"},
		{"no function", Measure{Name: "nothing"}, "Func is nil"},
		{"numeric without attribute", Measure{Name: "num", Numeric: true, Func: ok}, "need an attribute"},
		{"unknown args", Measure{Name: "odd", Args: 64, Func: ok}, "unknown Args"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Register(c.m)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrRegister)
			assert.ErrorContains(t, err, c.want)
		})
	}
	require.NoError(t, Register(Measure{Name: "twice", Func: ok}))
	t.Cleanup(func() { unregister("twice") })
	assert.ErrorContains(t, Register(Measure{Name: "twice", Func: ok}), "taken")
}

// TestUnknownAttribute: a measure function given an attribute the data
// does not have panics with a message naming it (a typo is not NaN);
// CheckAttrs and Compute are the checked forms.
func TestUnknownAttribute(t *testing.T) {
	ds := ageStudy(t)
	e := ds.Egos[0]
	// Hand derivation: the mean of 70, 30, 80 (NA left out) is 60.
	assert.Equal(t, 60.0, Mean(e, "age"))
	assert.PanicsWithValue(t, `measures: the alters have no attribute "typo" (alter attributes: age); check names from users with CheckAttrs or use Compute`,
		func() { Mean(e, "typo") })
	for name, f := range map[string]func(){
		"Blau":                func() { Blau(e, "typo") },
		"Prop":                func() { Prop(e, "typo", "x") },
		"EIIndex":             func() { EIIndex(e, "typo") },
		"EIAlters":            func() { EIAlters(e, "typo") },
		"EgoBrokerageRoles":   func() { EgoBrokerageRoles(e, "typo") },
		"Richness, no alters": func() { Richness(ds.Egos[1], "typo") },
	} {
		assert.Panics(t, f, name)
	}

	require.NoError(t, CheckAttrs(ds, "age"))
	err := CheckAttrs(ds, "age", "typo")
	assert.ErrorIs(t, err, ErrMeasure)
	assert.ErrorContains(t, err, `attribute "typo" does not exist (alter attributes: age)`)

	v, err := Compute(e, "mean(age)", TableOptions{})
	require.NoError(t, err)
	assert.Equal(t, 60.0, v)
	_, err = Compute(e, "mean(typo)", TableOptions{})
	assert.ErrorIs(t, err, ErrMeasure)
	_, err = Compute(e, "nosuchmeasure", TableOptions{})
	assert.ErrorIs(t, err, ErrMeasure)
	_, err = Compute(&network.EgoNet{ID: "x"}, "size", TableOptions{})
	assert.ErrorContains(t, err, "belongs to no dataset")
}

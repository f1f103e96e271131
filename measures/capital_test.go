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

// capitalData builds a one-wave dataset for the classification tests. Each
// alter is "id:attr=value;attr=value" with the ego–alter weight as attr w.
func capitalData(t *testing.T, weighted bool, ego map[string]string, alters ...string) *network.EgoNet {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{AlterWeighted: weighted})
	require.NoError(t, b.AddEgo("e", "", network.NewAttrs(b.EgoAttrs(), ego)))
	for _, a := range alters {
		id, rest, _ := strings.Cut(a, ":")
		kv := map[string]string{}
		w := 1.0
		for _, f := range strings.Split(rest, ";") {
			if f == "" {
				continue
			}
			k, v, _ := strings.Cut(f, "=")
			if k == "w" {
				x := network.ParseValue(v)
				w = x.Num
				continue
			}
			kv[k] = v
		}
		require.NoError(t, b.AddAlter("e", "", id, w, network.NewAttrs(b.AlterAttrs(), kv)))
	}
	ds, _ := b.Build()
	return ds.Egos[0]
}

func mustRules(t *testing.T, js string) *Rules {
	t.Helper()
	rs, err := ReadRulesFrom(strings.NewReader(js), "rules.json")
	require.NoError(t, err)
	return rs
}

const roleRules = `{"rules": [{"type": "role", "attribute": "role", "classes": {
  "bonding": ["family", "Close Friend"], "bridging": ["neighbour", "group", "acquaintance"],
  "linking": ["professional", "services"]}}]}`

// TestClassifyRole: each alter's class is read off the role mapping by hand
// (Putnam 2000; Szreter & Woolcock 2004 for linking). Matching ignores case
// and surrounding spaces; an unlisted or missing role is unclassified.
func TestClassifyRole(t *testing.T) {
	rs := mustRules(t, roleRules)
	cases := []struct {
		name   string
		alters []string
		want   []Classification
	}{
		{"no alters", nil, []Classification{}},
		{"one family", []string{"a:role=family"}, []Classification{{Bonding, "role:role"}}},
		{"mixed", []string{"a:role=close friend", "b:role= Neighbour ", "c:role=professional", "d:role=pet", "e:role="},
			[]Classification{{Bonding, "role:role"}, {Bridging, "role:role"}, {Linking, "role:role"}, {Unclassified, ""}, {Unclassified, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := capitalData(t, false, nil, c.alters...)
			assert.Equal(t, c.want, rs.Classify(e))
		})
	}
}

// TestClassifyStrength: threshold 3 on the ego–alter weight (Granovetter
// 1973): w ≥ 3 strong → bonding, w < 3 weak → bridging, by hand. Without
// weights in the data the rule does not apply.
func TestClassifyStrength(t *testing.T) {
	rs := mustRules(t, `{"rules": [{"type": "strength", "threshold": 3}]}`)
	e := capitalData(t, true, nil, "a:w=5", "b:w=3", "c:w=2.5", "d:w=0")
	assert.Equal(t, []Classification{{Bonding, "strength:weight"}, {Bonding, "strength:weight"},
		{Bridging, "strength:weight"}, {Bridging, "strength:weight"}}, rs.Classify(e))

	unweighted := capitalData(t, false, nil, "a:")
	assert.Equal(t, []Classification{{Unclassified, ""}}, rs.Classify(unweighted))

	// A numeric attribute, with the classes swapped by the rule.
	rs = mustRules(t, `{"rules": [{"name": "close", "type": "strength", "attribute": "closeness",
	  "threshold": 2, "strong": "bridging", "weak": "linking"}]}`)
	e = capitalData(t, false, nil, "a:closeness=2", "b:closeness=1", "c:closeness=")
	assert.Equal(t, []Classification{{Bridging, "close"}, {Linking, "close"}, {Unclassified, ""}}, rs.Classify(e))
}

// TestClassifySimilarity: ego is sex=F, age_group=30-44. By hand:
//
//	alter        sex  age    all             any
//	a  F 30-44   =    =      bonding         bonding
//	b  F 65+     =    ≠      bridging        bonding
//	c  M 65+     ≠    ≠      bridging        bridging
//	d  F NA      =    ?      unclassified    bonding
//	e  M NA      ≠    ?      bridging        unclassified
func TestClassifySimilarity(t *testing.T) {
	ego := map[string]string{"sex": "F", "age_group": "30-44"}
	alters := []string{"a:sex=F;age_group=30-44", "b:sex=F;age_group=65+", "c:sex=M;age_group=65+",
		"d:sex=F;age_group=", "e:sex=M;age_group="}
	cases := []struct {
		match string
		want  []Class
	}{
		{"all", []Class{Bonding, Bridging, Bridging, Unclassified, Bridging}},
		{"any", []Class{Bonding, Bonding, Bridging, Bonding, Unclassified}},
	}
	for _, c := range cases {
		t.Run(c.match, func(t *testing.T) {
			rs := mustRules(t, `{"rules": [{"type": "similarity", "attributes": ["sex", "age_group"], "match": "`+c.match+`"}]}`)
			got := rs.Classify(capitalData(t, false, ego, alters...))
			for i, w := range c.want {
				assert.Equal(t, w, got[i].Class, "alter %d: got %v want %v", i, got[i].Class, w)
				if w != Unclassified {
					assert.Equal(t, "similarity:sex+age_group", got[i].Rule)
				}
			}
		})
	}
	// Numbers compare numerically: 40 and 40.0 are the same age.
	rs := mustRules(t, `{"rules": [{"type": "similarity", "attributes": ["age"]}]}`)
	got := rs.Classify(capitalData(t, false, map[string]string{"age": "40"}, "a:age=40.0", "b:age=41"))
	assert.Equal(t, []Class{Bonding, Bridging}, []Class{got[0].Class, got[1].Class})
}

// TestClassifyPrecedence: role, then strength, then similarity. By hand:
// a (family) → bonding by role; b (neighbour, strong) → bridging by role,
// the role wins over strength; c (no role, weight 4) → bonding by
// strength; d (no role, no weight recorded as an attribute, sex differs)
// → bridging by similarity; e (nothing known) → unclassified.
func TestClassifyPrecedence(t *testing.T) {
	rs := mustRules(t, `{"rules": [
	  {"type": "role", "attribute": "role", "classes": {"bonding": ["family"], "bridging": ["neighbour"]}},
	  {"type": "strength", "attribute": "closeness", "threshold": 3},
	  {"type": "similarity", "attributes": ["sex"]}]}`)
	e := capitalData(t, false, map[string]string{"sex": "F"},
		"a:role=family;closeness=1;sex=M", "b:role=neighbour;closeness=5;sex=F",
		"c:role=;closeness=4;sex=M", "d:role=;closeness=;sex=M", "e:role=;closeness=;sex=")
	assert.Equal(t, []Classification{
		{Bonding, "role:role"}, {Bridging, "role:role"}, {Bonding, "strength:closeness"},
		{Bridging, "similarity:sex"}, {Unclassified, ""},
	}, rs.Classify(e))
	assert.Equal(t, []string{"bonding", "bridging", "bonding", "bridging", ""}, rs.ClassifyAlters(e))
}

// TestCapitalCounts: counts and shares by hand; shares are NaN for an ego
// with no alters.
func TestCapitalCounts(t *testing.T) {
	rs := mustRules(t, roleRules)
	empty := Capital(capitalData(t, false, nil), rs)
	assert.Equal(t, 0, empty.Size)
	assert.True(t, math.IsNaN(empty.BondingShare) && math.IsNaN(empty.UnclassifiedShare))

	c := Capital(capitalData(t, false, nil, "a:role=family", "b:role=family", "c:role=group", "d:role=professional", "e:role="), rs)
	assert.Equal(t, CapitalCounts{Size: 5, Bonding: 2, Bridging: 1, Linking: 1, Unclassified: 1,
		BondingShare: 0.4, BridgingShare: 0.2, LinkingShare: 0.2, UnclassifiedShare: 0.2}, c)
}

// TestRulesErrors: every error names the source and what is wrong.
func TestRulesErrors(t *testing.T) {
	cases := []struct {
		name, js, want string
	}{
		{"syntax", "{\"rules\": [\n  {\"type\": \"role\",,}]}", "rules.json:2:19: invalid character ','"},
		{"unknown field", `{"rules": [{"type": "role", "atribute": "x"}]}`, `unknown field "atribute"`},
		{"wrong type", `{"rules": [{"type": "strength", "threshold": "high"}]}`, `rules.json:1:51: field "rules.threshold"`},
		{"no rules", `{"rules": []}`, "rules.json: no rules"},
		{"unknown rule type", `{"rules": [{"type": "structur"}]}`, `rules.json: rule 1: unknown type "structur"`},
		{"missing type", `{"rules": [{"attribute": "role"}]}`, `rule 1: missing "type"`},
		{"role without attribute", `{"rules": [{"type": "role", "classes": {"bonding": ["x"]}}]}`, `rule 1: a role rule needs "attribute"`},
		{"role without classes", `{"rules": [{"type": "role", "attribute": "role"}]}`, `rule 1: a role rule needs "classes"`},
		{"bad class", `{"rules": [{"type": "role", "attribute": "r", "classes": {"bondng": ["x"]}}]}`, `unknown class "bondng"`},
		{"value in two classes", `{"rules": [{"type": "role", "attribute": "r", "classes": {"bonding": ["x"], "linking": ["X"]}}]}`, `value "X" is listed under both`},
		{"strength without threshold", `{"rules": [{"type": "role", "attribute": "r", "classes": {"bonding": ["x"]}}, {"type": "strength"}]}`, `rule 2: a strength rule needs a numeric "threshold"`},
		{"similarity without attributes", `{"rules": [{"type": "similarity"}]}`, `rule 1: a similarity rule needs "attributes"`},
		{"bad match", `{"rules": [{"type": "similarity", "attributes": ["sex"], "match": "most"}]}`, `match "most"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadRulesFrom(strings.NewReader(c.js), "rules.json")
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrRules)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), "rules.json")
		})
	}
}

// TestRulesCheck: attributes are checked against the dataset.
func TestRulesCheck(t *testing.T) {
	e := capitalData(t, false, map[string]string{"sex": "F"}, "a:role=family;sex=M;contact=weekly")
	ds := e.Dataset()
	cases := []struct{ name, js, want string }{
		{"role column missing", `{"rules": [{"type": "role", "attribute": "relation", "classes": {"bonding": ["x"]}}]}`, `the alter table has no column "relation"`},
		{"weight missing", `{"rules": [{"type": "strength", "threshold": 1}]}`, "the data has none"},
		{"text strength", `{"rules": [{"type": "strength", "attribute": "contact", "threshold": 1}]}`, `column "contact" is not numeric`},
		{"ego column missing", `{"rules": [{"type": "similarity", "attributes": ["role"]}]}`, `the ego table has no column "role"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := mustRules(t, c.js).Check(ds)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	require.NoError(t, mustRules(t, roleRules).Check(ds))
}

// tableStudy is a three-ego study for the measures-list tests:
//
//	e0: no alters
//	e1: one alter, family, ring 1
//	e2: alters a (family, ring 1), b (group, ring 2), c (professional, ring NA),
//	    d (no role, ring 3); tie a–b; ego grp X; alter grp X, Y, Y, Z
//
// with LSNS-6 and RG-UK answers on every ego.
func tableStudy(t *testing.T) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	ego := func(id string, lsns []string, rgYes int) {
		m := lsnsAnswers(lsns...)
		for i := 1; i <= 27; i++ {
			v := "0"
			if i <= rgYes {
				v = "1"
			}
			m[fmt.Sprintf("rg%02d", i)] = v
		}
		m["grp"] = "X"
		require.NoError(t, b.AddEgo(id, "", network.NewAttrs(b.EgoAttrs(), m)))
	}
	alter := func(ego, id, role, ring, grp string) {
		require.NoError(t, b.AddAlter(ego, "", id, 1, network.NewAttrs(b.AlterAttrs(),
			map[string]string{"role": role, "ring": ring, "grp": grp})))
	}
	ego("e0", []string{"0", "0", "0", "0", "0", "0"}, 0)
	ego("e1", []string{"1", "1", "1", "2", "2", "2"}, 5)
	ego("e2", []string{"5", "5", "5", "NA", "5", "5"}, 27)
	alter("e1", "a", "family", "1", "X")
	alter("e2", "a", "family", "1", "X")
	alter("e2", "b", "group", "2", "Y")
	alter("e2", "c", "professional", "", "Y")
	alter("e2", "d", "", "3", "Z")
	require.NoError(t, b.AddTie("e2", "", "a", "b", 1, nil))
	ds, _ := b.Build()
	return ds
}

// TestCapitalMeasures: the classification and brokerage-role measures
// through EgoTable, counted by hand from tableStudy with roleRules.
//
// e2: a bonding, b bridging, c linking, d unclassified → 1, 1, 1, 1 and
// shares 0.25. Brokerage roles of e2 (ego X; alters a X, b Y, c Y, d Z;
// tie a–b): the 12 ordered pairs minus (a,b), (b,a) = 10 brokered:
// (a,c) X→X→Y representative, (c,a) gatekeeper, (a,d) representative,
// (d,a) gatekeeper, (b,c), (c,b) Y→X→Y itinerant, (b,d), (d,b), (c,d),
// (d,c) liaison → coordinator 0, itinerant 2, representative 2,
// gatekeeper 2, liaison 4, total 10.
func TestCapitalMeasures(t *testing.T) {
	ds := tableStudy(t)
	specs, err := ParseList("bonding,bridging,linking,unclassified,bonding_share,unclassified_share," +
		"linking(role=professional|services),coordinator(grp),itinerant(grp),representative(grp),gatekeeper(grp),liaison(grp),roles_total(grp)")
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Classifier: mustRules(t, roleRules)})
	require.NoError(t, err)
	nan := math.NaN()
	want := [][]float64{
		{0, 0, 0, 0, nan, nan, 0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0},
		{1, 1, 1, 1, 0.25, 0.25, 1, 0, 2, 2, 2, 4, 10},
	}
	for r, row := range want {
		for c, w := range row {
			assertNaNOrDelta(t, w, tab.Values[r][c], fmt.Sprintf("%s %s", tab.Keys[r][0], tab.Columns[c]))
		}
	}

	// Without rules, the class measures are errors that say what to give.
	for _, item := range []string{"linking", "unclassified", "bridging_share"} {
		specs, err := ParseList(item)
		require.NoError(t, err)
		_, err = EgoTable(context.Background(), ds, specs, TableOptions{})
		require.Error(t, err, item)
		assert.Contains(t, err.Error(), "classification rules")
	}
}

// TestClassifyStructure: alters a…f with ties a–b, b–c, d–e; f knows
// nobody. By hand: "isolate" marks f only; "outside" marks d, e (the
// component {d, e}) and f, everyone outside the largest component
// {a, b, c}. Unmarked alters stay unclassified (no later rule).
func TestClassifyStructure(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("e", "", nil))
	for _, a := range []string{"a", "b", "c", "d", "e", "f"} {
		require.NoError(t, b.AddAlter("e", "", a, 1, nil))
	}
	for _, tie := range [][2]string{{"a", "b"}, {"b", "c"}, {"d", "e"}} {
		require.NoError(t, b.AddTie("e", "", tie[0], tie[1], 1, nil))
	}
	ds, _ := b.Build()
	e := ds.Egos[0]
	u := Classification{}
	cases := []struct {
		name, js string
		want     []Classification
	}{
		{"isolate", `{"rules": [{"type": "structure"}]}`,
			[]Classification{u, u, u, u, u, {Bridging, "structure:isolate"}}},
		{"outside", `{"rules": [{"type": "structure", "position": "outside", "class": "linking"}]}`,
			[]Classification{u, u, u, {Linking, "structure:outside"}, {Linking, "structure:outside"}, {Linking, "structure:outside"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, mustRules(t, c.js).Classify(e))
		})
	}
	// No alters: nothing to classify.
	empty := capitalData(t, false, nil)
	assert.Empty(t, mustRules(t, `{"rules": [{"type": "structure", "position": "outside"}]}`).Classify(empty))

	_, err := ReadRulesFrom(strings.NewReader(`{"rules": [{"type": "structure", "position": "edge"}]}`), "r.json")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `r.json: rule 1: position "edge"`)
}

// TestClassifyRoleIndexed: rules read from JSON (indexed by Validate) and
// the same rules built in code (no index, a scan of each list) classify
// alike; a role list of 200,000 values (issue 18: a 12 MB rules file took
// 36 s when each alter scanned every value) classifies by look-up. The
// expected classes are the list each value was put in, by construction.
func TestClassifyRoleIndexed(t *testing.T) {
	e := capitalData(t, false, nil, "a:role=close friend", "b:role= Neighbour ", "c:role=professional",
		"d:role=pet", "e:role=", "f:role=v199999", "g:role=V100000")
	indexed := mustRules(t, roleRules)
	plain := &Rules{Rules: []Rule{{Type: RuleRole, Attribute: "role", Classes: indexed.Rules[0].Classes}}}
	assert.Equal(t, plain.Classify(e), indexed.Classify(e))

	var b strings.Builder
	b.WriteString(`{"rules": [{"type": "role", "attribute": "role", "classes": {"bonding": ["family"], "linking": [`)
	for i := 0; i < 200000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", fmt.Sprintf("v%d", i))
	}
	b.WriteString(`]}}]}`)
	big := mustRules(t, b.String())
	got := big.Classify(e)
	want := []Class{Unclassified, Unclassified, Unclassified, Unclassified, Unclassified, Linking, Linking}
	for i, c := range got {
		assert.Equal(t, want[i], c.Class, "alter %s", e.Alters[i].ID)
	}
}

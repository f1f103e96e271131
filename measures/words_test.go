package measures

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// mapStudy builds a study of network maps from lines
// "ego wave egoattrs alters ties": egoattrs is "k=v;k=v" or "-"; an alter
// is ID:role:ring:type:name ("NA" for a missing value, "_" for a space in
// a name); ties are "A-B" (arcs when directed); "-" for none.
func mapStudy(t *testing.T, directed bool, lines ...string) *network.Dataset {
	t.Helper()
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave", Directed: directed})
	for _, l := range lines {
		f := strings.Fields(l)
		require.Len(t, f, 5, l)
		kv := map[string]string{}
		if f[2] != "-" {
			for _, p := range strings.Split(f[2], ";") {
				k, v, _ := strings.Cut(p, "=")
				kv[k] = v
			}
		}
		require.NoError(t, b.AddEgo(f[0], f[1], network.NewAttrs(b.EgoAttrs(), kv)))
		if f[3] != "-" {
			for _, a := range strings.Split(f[3], ",") {
				p := strings.Split(a, ":")
				require.Len(t, p, 5, a)
				require.NoError(t, b.AddAlter(f[0], f[1], p[0], 1, network.NewAttrs(b.AlterAttrs(), map[string]string{
					"role": p[1], "ring": p[2], "type": p[3], "name": strings.ReplaceAll(p[4], "_", " ")})))
			}
		}
		if f[4] != "-" {
			for _, tie := range strings.Split(f[4], ",") {
				u, v, _ := strings.Cut(tie, "-")
				require.NoError(t, b.AddTie(f[0], f[1], u, v, 1, nil))
			}
		}
	}
	ds, _ := b.Build()
	return ds
}

// wordsRules: family, friend → bonding; neighbour, group → bridging;
// professional, service → linking; anything else (e.g. "leisure") is left
// unclassified.
func wordsRules(t *testing.T) *Rules {
	rs, err := ReadRulesFrom(strings.NewReader(`{"rules": [{"type": "role", "attribute": "role", "classes": {
  "bonding": ["family", "friend"], "bridging": ["neighbour", "group"], "linking": ["professional", "service"]}}]}`), "rules.json")
	require.NoError(t, err)
	return rs
}

// sentence is a Sentence without Alters, for compact tables.
type sentence struct {
	measure string
	values  []float64
	text    string
}

func checkSentences(t *testing.T, got []Sentence, want []sentence) {
	t.Helper()
	var g []sentence
	for _, s := range got {
		g = append(g, sentence{s.Measure, s.Values, s.Text})
	}
	require.Equal(t, len(want), len(g), "got %d sentences %v, want %d", len(g), g, len(want))
	for i := range want {
		assert.Equal(t, want[i].measure, g[i].measure, "sentence %d", i)
		assert.Equal(t, want[i].text, g[i].text, "sentence %d", i)
		require.Equal(t, len(want[i].values), len(g[i].values), "sentence %d (%s): values %v, want %v", i, want[i].measure, g[i].values, want[i].values)
		for k := range want[i].values {
			assert.InDelta(t, want[i].values[k], g[i].values[k], 1e-12, "sentence %d (%s) value %d", i, want[i].measure, k)
		}
	}
}

// TestDescribe checks every sentence against hand derivations, from the
// degenerate maps up. Structural numbers count the people only (type
// person or missing): n people, t ties among them, pairs n(n−1)/2,
// density t/pairs, isolates = people tied to no other person, components
// = groups of people linked through ties among people (a lone person is a
// group). Classes count everyone on the map by role: family, friend →
// bonding; neighbour, group → bridging; professional, service → linking;
// other roles unclassified.
func TestDescribe(t *testing.T) {
	rules := wordsRules(t)
	inst := DefaultInstruments()
	cases := []struct {
		name     string
		directed bool
		line     string
		opt      WordsOptions
		want     []sentence
	}{
		{
			// n = 0: size 0; density, isolates, groups and classes are left
			// out (undefined or nothing to count); no LSNS-6 columns.
			name: "nobody", line: "P0 1 - - -", opt: WordsOptions{Rules: rules, Instruments: inst},
			want: []sentence{{"size", []float64{0}, "There are no people on your map yet."}},
		},
		{
			// n = 1, family: bonding 1 of 1, bridging 0, linking 0.
			name: "one person", line: "P1 1 - A:family:1:person:Ann -", opt: WordsOptions{Rules: rules},
			want: []sentence{
				{"size", []float64{1}, "There is 1 person on your map."},
				{"bonding", []float64{1}, "Your 1 person is a bonding tie: close to you or like you."},
				{"bridging", []float64{0}, "Your 1 person is not a bridging tie."},
				{"linking", []float64{0}, "Your 1 person is not a linking tie."},
			},
		},
		{
			// n = 1, no role: no rule applies, unclassified 1 of 1.
			name: "one person, no role", line: "P1 1 - A:NA:1:person:Ann -", opt: WordsOptions{Rules: rules},
			want: []sentence{
				{"size", []float64{1}, "There is 1 person on your map."},
				{"bonding", []float64{0}, "Your 1 person is not a bonding tie."},
				{"bridging", []float64{0}, "Your 1 person is not a bridging tie."},
				{"linking", []float64{0}, "Your 1 person is not a linking tie."},
				{"unclassified", []float64{1}, "Your 1 person is not classified by the study's rules."},
			},
		},
		{
			// n = 2, no tie: t = 0 of 1 pair, density 0/1 = 0; isolates
			// left out (t = 0); components {A}, {B} = 2, with a lone person.
			name: "two strangers", line: "P2 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob -",
			want: []sentence{
				{"size", []float64{2}, "There are 2 people on your map."},
				{"density", []float64{0, 0, 1}, "Your 2 people don't know each other (density 0)."},
				{"components", []float64{2}, "Your 2 people form 2 groups that don't know each other. Someone who knows none of the others is a group of their own."},
			},
		},
		{
			// n = 2, tie A–B: t = 1 of 1 pair, density 1; isolates 0;
			// components 1.
			name: "two who know each other", line: "P3 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob A-B",
			want: []sentence{
				{"size", []float64{2}, "There are 2 people on your map."},
				{"density", []float64{1, 1, 1}, "Your 2 people know each other (density 1)."},
				{"isolates", []float64{0}, "Each of your 2 people knows at least one of the others."},
				{"components", []float64{1}, "All your 2 people are linked, directly or through each other: they form 1 group."},
			},
		},
		{
			// n = 4, all 6 ties: density 6/6 = 1; isolates 0; components 1;
			// classes: A, B bonding (2 of 4), C bridging (1), D linking (1).
			name: "all ties", opt: WordsOptions{Rules: rules},
			line: "P4 1 - A:family:1:NA:Ann,B:friend:1:NA:Bob,C:neighbour:2:NA:Cy,D:professional:3:NA:Di A-B,A-C,A-D,B-C,B-D,C-D",
			want: []sentence{
				{"size", []float64{4}, "There are 4 people on your map."},
				{"density", []float64{1, 6, 6}, "All 6 pairs among your 4 people know each other (density 1)."},
				{"isolates", []float64{0}, "Each of your 4 people knows at least one of the others."},
				{"components", []float64{1}, "All your 4 people are linked, directly or through each other: they form 1 group."},
				{"bonding", []float64{2}, "2 of your 4 people are bonding ties: close to you or like you."},
				{"bridging", []float64{1}, "1 of your 4 people is a bridging tie: linking you with other circles."},
				{"linking", []float64{1}, "1 of your 4 people is a linking tie: with a formal role, such as a professional or a service."},
			},
		},
		{
			// The worked map: people A–H (8), places Park and Library
			// ("places" is read as a place), the service GP (type
			// "service"), a dog (type "pet", the study's own type).
			// Ties among people: A-B, B-C, D-E, F-G = 4 of 28 pairs,
			// density 4/28 = 0.142857… ("0.14"); A–Park is a tie to a
			// place and does not count. Isolates: H = 1. Groups: {A,B,C},
			// {D,E}, {F,G}, {H} = 4. Classes over all 12: bonding A,B
			// (family), C,D (friend) = 4; bridging E (neighbour), F
			// (group) = 2; linking G (professional), GP (service) = 2;
			// unclassified H (role NA), Park, Library (leisure), Rex
			// (pet) = 4; 4+2+2+4 = 12. LSNS-6 answers 1,2,1 | 2,3,1:
			// family 4 of 15, friends 6 of 15, total 10 of 30 < 12: flag 1.
			name: "worked map", opt: WordsOptions{Rules: rules, Instruments: inst},
			line: "P5 1 lsns1=1;lsns2=2;lsns3=1;lsns4=2;lsns5=3;lsns6=1 " +
				"A:family:1:person:Ann,B:family:1:person:Bob,C:friend:2:person:Cy,D:friend:2:Person:Di," +
				"E:neighbour:3:NA:Ed,F:group:3:person:Flo,G:professional:3:person:Gus,H:NA:2:person:Hal," +
				"Park:leisure:2:place:Park,Library:leisure:3:places:Library,GP:service:3:service:GP_surgery,Rex:pet:1:pet:Rex " +
				"A-B,B-C,D-E,F-G,A-Park",
			want: []sentence{
				{"size", []float64{8}, "There are 8 people on your map."},
				{"density", []float64{4.0 / 28, 4, 28}, "4 of the 28 pairs among your 8 people know each other (density 0.14)."},
				{"isolates", []float64{1}, "1 of your 8 people knows none of the others."},
				{"components", []float64{4}, "Your 8 people form 4 groups that don't know each other. Someone who knows none of the others is a group of their own."},
				{"places", []float64{2}, "Your map has 2 places."},
				{"services", []float64{1}, "Your map has 1 service."},
				{"other_types", []float64{1}, `Your map has 1 marked "pet".`},
				{"bonding", []float64{4}, "4 of the 12 on your map are bonding ties: close to you or like you."},
				{"bridging", []float64{2}, "2 of the 12 on your map are bridging ties: linking you with other circles."},
				{"linking", []float64{2}, "2 of the 12 on your map are linking ties: with a formal role, such as a professional or a service."},
				{"unclassified", []float64{4}, "4 of the 12 on your map are not classified by the study's rules."},
				{"lsns6", []float64{10, 4, 6, 1}, "Lubben Social Network Scale (LSNS-6): 10 out of 30 (family 4 out of 15, friends 6 out of 15). The scale's authors take a score under 12 as a sign of a risk of isolation."},
			},
		},
		{
			// Only places and a service: no people (size 0), the other
			// types counted; classes over the 3: none bonding or
			// bridging, GP linking 1, the two places unclassified 2.
			// LSNS-6 24 of 30 (12 | 12), not under 12: flag 0, no remark.
			name: "no people, places and a service", opt: WordsOptions{Rules: rules, Instruments: inst},
			line: "P6 1 lsns1=4;lsns2=4;lsns3=4;lsns4=4;lsns5=4;lsns6=4 Park:leisure:2:place:Park,Pool:leisure:3:place:Pool,GP:service:3:organisation:GP -",
			want: []sentence{
				{"size", []float64{0}, "There are no people on your map yet."},
				{"places", []float64{2}, "Your map has 2 places."},
				{"services", []float64{1}, "Your map has 1 service."},
				{"bonding", []float64{0}, "None of the 3 on your map are bonding ties."},
				{"bridging", []float64{0}, "None of the 3 on your map are bridging ties."},
				{"linking", []float64{1}, "1 of the 3 on your map is a linking tie: with a formal role, such as a professional or a service."},
				{"unclassified", []float64{2}, "2 of the 3 on your map are not classified by the study's rules."},
				{"lsns6", []float64{24, 12, 12, 0}, "Lubben Social Network Scale (LSNS-6): 24 out of 30 (family 12 out of 15, friends 12 out of 15)."},
			},
		},
		{
			// The mapping page's types: a group (a walking group, type
			// "group"), an activity, and "other": each counted apart from
			// the 1 person; no tie-able pair (n = 1).
			name: "group, activity, other", line: "P10 1 - A:family:1:person:Ann,W:group:2:group:Walkers,S:NA:3:Activity:Swimming,X:NA:3:other:Allotment -",
			want: []sentence{
				{"size", []float64{1}, "There is 1 person on your map."},
				{"activities", []float64{1}, "Your map has 1 activity."},
				{"groups", []float64{1}, "Your map has 1 group."},
				{"other_types", []float64{1}, `Your map has 1 marked "other".`},
			},
		},
		{
			// Two people whose roles no rule knows: unclassified 2 of 2,
			// no class has anyone.
			name: "all unclassified", opt: WordsOptions{Rules: rules}, line: "P11 1 - A:leisure:1:NA:Ann,B:NA:2:NA:Bob -",
			want: []sentence{
				{"size", []float64{2}, "There are 2 people on your map."},
				{"density", []float64{0, 0, 1}, "Your 2 people don't know each other (density 0)."},
				{"components", []float64{2}, "Your 2 people form 2 groups that don't know each other. Someone who knows none of the others is a group of their own."},
				{"bonding", []float64{0}, "None of your 2 people are bonding ties."},
				{"bridging", []float64{0}, "None of your 2 people are bridging ties."},
				{"linking", []float64{0}, "None of your 2 people are linking ties."},
				{"unclassified", []float64{2}, "None of your 2 people are classified by the study's rules."},
			},
		},
		{
			// LSNS-6 with lsns4 missing: the total is undefined, the
			// sentence left out. All 3 bonding. A–B, A–C: 2 of 3 pairs,
			// density 0.666… ("0.67"); no isolate; 1 group.
			name: "LSNS-6 not all answered", opt: WordsOptions{Rules: rules, Instruments: inst},
			line: "P7 1 lsns1=1;lsns2=2;lsns3=1;lsns4=NA;lsns5=3;lsns6=1 A:family:1:NA:Ann,B:friend:1:NA:Bob,C:family:2:NA:Cy A-B,A-C",
			want: []sentence{
				{"size", []float64{3}, "There are 3 people on your map."},
				{"density", []float64{2.0 / 3, 2, 3}, "2 of the 3 pairs among your 3 people know each other (density 0.67)."},
				{"isolates", []float64{0}, "Each of your 3 people knows at least one of the others."},
				{"components", []float64{1}, "All your 3 people are linked, directly or through each other: they form 1 group."},
				{"bonding", []float64{3}, "All your 3 people are bonding ties: close to you or like you."},
				{"bridging", []float64{0}, "None of your 3 people are bridging ties."},
				{"linking", []float64{0}, "None of your 3 people are linking ties."},
			},
		},
		{
			// Directed: arcs A→B, B→A, B→C among 3 people: 3 of 3·2 = 6
			// possible, density 0.5; C is tied (from B): isolates 0; weak
			// components 1.
			name: "directed", directed: true, line: "P8 1 - A:family:1:NA:Ann,B:friend:1:NA:Bob,C:family:2:NA:Cy A-B,B-A,B-C",
			want: []sentence{
				{"size", []float64{3}, "There are 3 people on your map."},
				{"density", []float64{0.5, 3, 6}, "There are 3 ties among your 3 people, out of 6 possible (density 0.5)."},
				{"isolates", []float64{0}, "Each of your 3 people knows at least one of the others."},
				{"components", []float64{1}, "All your 3 people are linked, directly or through each other: they form 1 group."},
			},
		},
		{
			// Structural measures over every type (Count all): 3 contacts
			// (Ann, Park, GP), tie A–Park: 1 of 3 pairs, density 0.33;
			// GP isolate; groups {A, Park}, {GP} = 2.
			name: "all types counted", opt: WordsOptions{Types: TypeOptions{Count: mustTypes(t, "all")}},
			line: "P9 1 - A:family:1:person:Ann,Park:leisure:2:place:Park,GP:service:3:service:GP A-Park",
			want: []sentence{
				{"size", []float64{3}, "There are 3 contacts on your map."},
				{"density", []float64{1.0 / 3, 1, 3}, "1 of the 3 pairs among your 3 contacts know each other (density 0.33)."},
				{"isolates", []float64{1}, "1 of your 3 contacts knows none of the others."},
				{"components", []float64{2}, "Your 3 contacts form 2 groups that don't know each other. Someone who knows none of the others is a group of their own."},
				{"places", []float64{1}, "Your map has 1 place."},
				{"services", []float64{1}, "Your map has 1 service."},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := mapStudy(t, c.directed, c.line)
			got, err := Describe(ds.Egos[0], c.opt)
			require.NoError(t, err)
			checkSentences(t, got, c.want)
			_, err = json.Marshal(got) // never NaN
			require.NoError(t, err)
		})
	}
}

func mustTypes(t *testing.T, s string) network.NodeTypeSet {
	ts, err := network.ParseNodeTypes(s)
	require.NoError(t, err)
	return ts
}

// TestDescribeAgreesWithTable: the numbers of the sentences are those of
// the measure table (EgoTable) for the same maps.
func TestDescribeAgreesWithTable(t *testing.T) {
	ds := mapStudy(t, false,
		"P1 1 - A:family:1:person:Ann,B:friend:2:person:Bob,C:neighbour:3:NA:Cy,Park:leisure:2:place:Park A-B,B-Park",
		"P2 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob,C:group:3:NA:Cy,D:professional:2:NA:Di A-B,C-D",
	)
	specs, err := ParseList("size,ties,density,isolates,components,bonding,bridging,linking")
	require.NoError(t, err)
	rules := wordsRules(t)
	tab, err := EgoTable(t.Context(), ds, specs, TableOptions{Classifier: rules})
	require.NoError(t, err)
	for i, e := range ds.Egos {
		got, err := Describe(e, WordsOptions{Rules: rules})
		require.NoError(t, err)
		by := map[string][]float64{}
		for _, s := range got {
			by[s.Measure] = s.Values
		}
		row := tab.Values[i]
		assert.Equal(t, row[0], by["size"][0], "%s size", e.ID)
		assert.Equal(t, row[1], by["density"][1], "%s ties", e.ID)
		assert.InDelta(t, row[2], by["density"][0], 1e-15, "%s density", e.ID)
		assert.Equal(t, row[3], by["isolates"][0], "%s isolates", e.ID)
		assert.Equal(t, row[4], by["components"][0], "%s components", e.ID)
		assert.Equal(t, row[5], by["bonding"][0], "%s bonding", e.ID)
		assert.Equal(t, row[6], by["bridging"][0], "%s bridging", e.ID)
		assert.Equal(t, row[7], by["linking"][0], "%s linking", e.ID)
	}
}

func TestDescribeErrors(t *testing.T) {
	// An LSNS-6 answer of 7 is outside 0–5: an error naming the ego and
	// the item, no sentences.
	ds := mapStudy(t, false, "P1 1 lsns1=7;lsns2=2;lsns3=1;lsns4=2;lsns5=3;lsns6=1 A:family:1:NA:Ann -")
	got, err := Describe(ds.Egos[0], WordsOptions{Instruments: DefaultInstruments()})
	require.Error(t, err)
	assert.Nil(t, got)
	assert.Contains(t, err.Error(), "lsns1")
	assert.Contains(t, err.Error(), "P1")
}

func TestDecimal(t *testing.T) {
	// By hand: two decimals, trailing zeros dropped, a tiny positive
	// value kept at one significant digit rather than said as 0.
	for _, c := range []struct {
		x    float64
		want string
	}{{0, "0"}, {1, "1"}, {0.5, "0.5"}, {4.0 / 28, "0.14"}, {2.0 / 3, "0.67"}, {1.0 / 435, "0.002"}, {0.1, "0.1"}} {
		assert.Equal(t, c.want, decimal(c.x), "decimal(%v)", c.x)
	}
}

// TestDescribeChange: a follow-up from a map of four to a map of four.
// By hand: before A(family, ring 1), B(friend, 2), C(neighbour, 3),
// D(group, 2); after A(family, 1), B(friend, 1), C(friend, 3), E(group, 3).
// kept A, B, C = 3 of 4 (after order); lost D = 1; gained E = 1; rings
// A 1→1, B 2→1 (closer), C 3→3: closer B, further none (left out); roles
// C neighbour→friend: role_changed C. Names from the "name" column.
func TestDescribeChange(t *testing.T) {
	ds := mapStudy(t, false,
		"P1 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob,C:neighbour:3:NA:Cy,D:group:2:NA:Di A-B,B-C,C-D",
		"P1 2 - A:family:1:NA:Ann,B:friend:1:NA:Bob,C:friend:3:NA:Cy,E:group:3:NA:Ed A-B,A-C,C-E",
	)
	before, after := ds.Ego("P1", "1"), ds.Ego("P1", "2")
	opt := WordsOptions{Label: "name"}
	got := DescribeChange(before, after, opt)
	checkSentences(t, got, []sentence{
		{"kept", []float64{3, 4}, "3 of the 4 on your map at wave 1 are still there: Ann, Bob and Cy."},
		{"lost", []float64{1}, "1 is no longer on your map: Di."},
		{"gained", []float64{1}, "1 is new since wave 1: Ed."},
		{"closer", []float64{1}, "1 moved closer: Bob (ring 2 to 1)."},
		{"role_changed", []float64{1}, "1 has a new role: Cy (neighbour to friend)."},
	})
	wantAlters := [][]string{{"A", "B", "C"}, {"D"}, {"E"}, {"B"}, {"C"}}
	for i, s := range got {
		assert.Equal(t, wantAlters[i], s.Alters, "alters of %s", s.Measure)
	}
	f := FollowUpOf(before, after, opt)
	assert.Equal(t, FollowUp{EgoID: "P1", From: "1", To: "2", Kept: []string{"A", "B", "C"}, Gained: []string{"E"},
		Lost: []string{"D"}, Closer: []string{"B"}, RoleChanged: []string{"C"}}, f)

	// Without a label column the IDs name the alters; the other way round
	// (wave 2 → 1): B moved further, C's role changed back.
	back := DescribeChange(after, before, WordsOptions{})
	checkSentences(t, back, []sentence{
		{"kept", []float64{3, 4}, "3 of the 4 on your map at wave 2 are still there: A, B and C."},
		{"lost", []float64{1}, "1 is no longer on your map: E."},
		{"gained", []float64{1}, "1 is new since wave 2: D."},
		{"further", []float64{1}, "1 moved further out: B (ring 1 to 2)."},
		{"role_changed", []float64{1}, "1 has a new role: C (friend to neighbour)."},
	})
}

// TestDescribeChangeEdges: empty maps, everyone kept, nobody kept, one
// alter, a map missing. Each by hand from the two alter lists.
func TestDescribeChangeEdges(t *testing.T) {
	ds := mapStudy(t, false,
		"E0 1 - - -",
		"E0 2 - A:family:1:NA:Ann,B:friend:2:NA:Bob -",
		"E1 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob -",
		"E1 2 - A:family:1:NA:Ann,B:friend:2:NA:Bob -",
		"E2 1 - A:family:1:NA:Ann,B:friend:2:NA:Bob -",
		"E2 2 - C:family:1:NA:Cy -",
		"E3 1 - A:family:2:NA:Ann -",
		"E3 2 - A:family:NA:NA:Ann -",
	)
	cases := []struct {
		name string
		id   string
		want []sentence
	}{
		// Before empty: nothing kept or lost, A and B new.
		{"from nobody", "E0", []sentence{
			{"kept", []float64{0, 0}, "Your map at wave 1 was empty."},
			{"lost", []float64{0}, "No one has gone from your map since wave 1."},
			{"gained", []float64{2}, "2 are new since wave 1: Ann and Bob."},
		}},
		// Same two alters, same rings and roles: kept 2 of 2, no moves.
		{"all kept", "E1", []sentence{
			{"kept", []float64{2, 2}, "All 2 on your map at wave 1 are still there."},
			{"lost", []float64{0}, "No one has gone from your map since wave 1."},
			{"gained", []float64{0}, "No one is new since wave 1."},
		}},
		// A and B gone, C new: kept 0 of 2.
		{"nobody kept", "E2", []sentence{
			{"kept", []float64{0, 2}, "None of the 2 on your map at wave 1 are on it now."},
			{"lost", []float64{2}, "2 are no longer on your map: Ann and Bob."},
			{"gained", []float64{1}, "1 is new since wave 1: Cy."},
		}},
		// One alter kept, its ring missing at wave 2: no move counted.
		{"one kept, ring missing", "E3", []sentence{
			{"kept", []float64{1, 1}, "The 1 on your map at wave 1 is still there: Ann."},
			{"lost", []float64{0}, "No one has gone from your map since wave 1."},
			{"gained", []float64{0}, "No one is new since wave 1."},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkSentences(t, DescribeChange(ds.Ego(c.id, "1"), ds.Ego(c.id, "2"), WordsOptions{Label: "name"}), c.want)
		})
	}
	// A map missing (first meeting, or drop-out): nothing to compare.
	assert.Nil(t, DescribeChange(nil, ds.Ego("E1", "2"), WordsOptions{}))
	assert.Nil(t, DescribeChange(ds.Ego("E1", "1"), nil, WordsOptions{}))
	f := FollowUpOf(nil, ds.Ego("E1", "2"), WordsOptions{})
	assert.Equal(t, FollowUp{EgoID: "E1", To: "2"}, f)
}

// TestFollowUpAgreesWithCounts: on the three-wave study of the change
// tests, the lists of FollowUpOf have the lengths of the change table's
// counts (AlterChange, RingMoves, AttrChanges) for every pair of waves.
func TestFollowUpAgreesWithCounts(t *testing.T) {
	ds := roleStudy(t, false, threeWaves...)
	for _, b := range ds.Egos {
		for _, a := range ds.Egos {
			if a.ID != b.ID || a == b {
				continue
			}
			c := AlterChange(b, a)
			f := FollowUpOf(b, a, WordsOptions{})
			closer, further := RingMoves(&c, "ring")
			assert.Equal(t, c.Kept, f.Kept)
			assert.Len(t, f.Closer, closer, "%s %s→%s closer", a.ID, b.Wave, a.Wave)
			assert.Len(t, f.Further, further, "%s %s→%s further", a.ID, b.Wave, a.Wave)
			assert.Len(t, f.RoleChanged, AttrChanges(&c, "role"), "%s %s→%s role", a.ID, b.Wave, a.Wave)
		}
	}
}

// TestDescribeProperties: on 300 seeded random maps (0–12 alters, random
// ties, types, roles, rings; undirected and directed) every sentence has
// finite values, says its first value in its text, never pairs 1 with a
// plural ("1 people", "1 groups", "1 of ... are"), and the counts are
// those of Of, Capital and the type column.
func TestDescribeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 3))
	rules := wordsRules(t)
	types := []string{"person", "person", "person", "NA", "place", "service", "group", "pet"}
	roles := []string{"family", "friend", "neighbour", "group", "professional", "service", "leisure", "NA"}
	badPlural := regexp.MustCompile(`(^|[^\d.])1 (people|groups|places|services|activities|pairs|ties|contacts)\b|(^|[^\d.])1 of [^.:]* are\b|(^|[^\d.])1 are\b|(^|[^\d.])1 have\b`)
	for k := 0; k < 300; k++ {
		directed := k%5 == 4
		n := rng.IntN(13)
		var alters, ties []string
		for i := 0; i < n; i++ {
			alters = append(alters, fmt.Sprintf("A%d:%s:%d:%s:N%d", i, roles[rng.IntN(len(roles))], 1+rng.IntN(3), types[rng.IntN(len(types))], i))
			for j := 0; j < i; j++ {
				if rng.Float64() < 0.3 {
					ties = append(ties, fmt.Sprintf("A%d-A%d", j, i))
				}
			}
		}
		line := fmt.Sprintf("R%d 1 - %s %s", k, orDash(strings.Join(alters, ",")), orDash(strings.Join(ties, ",")))
		ds := mapStudy(t, directed, line)
		e := ds.Egos[0]
		got, err := Describe(e, WordsOptions{Rules: rules})
		require.NoError(t, err, line)
		people := TypeOptions{}.Structural(e)
		st := Of(people)
		cc := Capital(e, rules)
		want := map[string]float64{"size": st.Size, "isolates": st.Isolates, "components": st.Components,
			"bonding": float64(cc.Bonding), "bridging": float64(cc.Bridging), "linking": float64(cc.Linking),
			"unclassified": float64(cc.Unclassified), "density": st.Density}
		for _, s := range got {
			for _, v := range s.Values {
				require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%s: %s has %v", line, s.Measure, s.Values)
			}
			if w, ok := want[s.Measure]; ok {
				assert.InDelta(t, w, s.Values[0], 1e-12, "%s: %s", line, s.Measure)
			}
			v := s.Values[0]
			say := strconv.FormatFloat(v, 'f', -1, 64)
			if s.Measure == "density" {
				say = decimal(v)
			}
			// The number is in the text, except where the words say it
			// ("none", "all", "your 1 person", "your 2 people ... each other").
			special := v == 0 || s.Measure == "density" && (v == 1 || v == 0)
			for _, p := range []string{"All ", "Your 1 ", "The 1 ", "Your 2 ", "Each of "} {
				special = special || strings.HasPrefix(s.Text, p)
			}
			if !special {
				assert.Contains(t, s.Text, say, "%s: %s", line, s.Measure)
			}
			assert.NotRegexp(t, badPlural, s.Text, "%s: %s", line, s.Measure)
		}
		_, err = json.Marshal(got)
		require.NoError(t, err)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestDescribeChangeProperties: on 200 seeded random pairs of maps drawn
// from one pool of 10 alters (random subsets, rings with some missing,
// roles), the change sentences count what FollowUpOf lists, list those
// alters in Alters, and never pair 1 with a plural.
func TestDescribeChangeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 4))
	roles := []string{"family", "friend", "neighbour"}
	rings := []string{"1", "2", "3", "NA"}
	badPlural := regexp.MustCompile(`^1 (are|have)\b|^1 of [^.:]* are\b`)
	for k := 0; k < 200; k++ {
		var lines []string
		for w := 1; w <= 2; w++ {
			var alters []string
			for i := 0; i < 10; i++ {
				if rng.Float64() < 0.5 {
					alters = append(alters, fmt.Sprintf("A%d:%s:%s:NA:N%d", i, roles[rng.IntN(3)], rings[rng.IntN(4)], i))
				}
			}
			lines = append(lines, fmt.Sprintf("C%d %d - %s -", k, w, orDash(strings.Join(alters, ","))))
		}
		ds := mapStudy(t, false, lines...)
		before, after := ds.Ego(fmt.Sprintf("C%d", k), "1"), ds.Ego(fmt.Sprintf("C%d", k), "2")
		f := FollowUpOf(before, after, WordsOptions{})
		lists := map[string][]string{"kept": f.Kept, "lost": f.Lost, "gained": f.Gained,
			"closer": f.Closer, "further": f.Further, "role_changed": f.RoleChanged}
		seen := map[string]bool{}
		for _, s := range DescribeChange(before, after, WordsOptions{Label: "name"}) {
			seen[s.Measure] = true
			assert.Equal(t, float64(len(lists[s.Measure])), s.Values[0], "%v: %s", lines, s.Measure)
			assert.Equal(t, lists[s.Measure], s.Alters, "%v: %s", lines, s.Measure)
			assert.NotRegexp(t, badPlural, s.Text, "%v: %s", lines, s.Measure)
		}
		for m, l := range lists {
			assert.Equal(t, len(l) > 0 || m == "kept" || m == "lost" || m == "gained", seen[m], "%v: %s said", lines, m)
		}
	}
}

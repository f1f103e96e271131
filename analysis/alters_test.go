package analysis

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// The study of the alter tests, drawn by hand:
//
//	E1 (9 alters, in this input order A B E C D F G H I):
//	    triangle A–B–C with D hanging on C (B–A is given twice: merged);
//	    E alone; a 4-cycle F–G–H–I–F.
//	E2: no alters.
//	E3: one alter, Z.
const (
	altersEgos = "egoID,agency\nE1,third\nE2,statutory\nE3,NA\n"
	altersAlts = "egoID,alterID,role\nE1,A,family\nE1,B,friend\nE1,E,group\nE1,C,family\nE1,D,neighbour\n" +
		"E1,F,professional\nE1,G,friend\nE1,H,NA\nE1,I,group\nE3,Z,family\n"
	altersTies = "egoID,Source,Target\nE1,A,B\nE1,B,C\nE1,A,C\nE1,C,D\nE1,B,A\nE1,F,G\nE1,G,H\nE1,H,I\nE1,I,F\n"
)

func TestAltersByHand(t *testing.T) {
	ds := readStudy(t, altersEgos, altersAlts, altersTies, network.EgoCSVOptions{})
	rs := &measures.Rules{Rules: []measures.Rule{{Type: measures.RuleRole, Attribute: "role",
		Classes: map[measures.Class][]string{measures.Bonding: {"family", "friend"}, measures.Bridging: {"group", "neighbour"}, measures.Linking: {"professional"}}}}}
	at, err := Alters(ds, AlterOptions{Measures: AlterMeasures(), Rules: rs})
	require.NoError(t, err)
	assert.Equal(t, 10, at.Rows, "9 alters of E1 and 1 of E3")
	assert.Equal(t, 1, at.NoAlters, "E2 named nobody")
	recs := csvRows(t, func(b *bytes.Buffer) error { return at.WriteCSV(b) })
	require.Equal(t, []string{"egoID", "alterID", "ego_agency", "role", "degree", "betweenness", "betweenness_norm",
		"component", "isolate", "class", "rule"}, recs[0])
	// Expected values derived by hand from the drawing above:
	//   degree: A 2 (B, C; B–A twice counts once), B 2, E 0, C 3 (A, B, D),
	//     D 1, each of the cycle 2; Z 0.
	//   betweenness (pairs counted once): C lies on the only shortest paths
	//     A–D and B–D: 2. On the 4-cycle each node lies on one of the two
	//     shortest paths between the two nodes opposite it: 1/2. All
	//     others 0. networkx 2.8.8 betweenness_centrality(G,
	//     normalized=False) gives the same (C 2.0, F G H I 0.5).
	//   betweenness_norm = b / ((9−1)(9−2)/2 = 28): C 2/28 = 0.0714…, cycle
	//     0.5/28 = 0.017857…; networkx normalized=True gives the same. Z:
	//     n = 1, 0/0 = NA.
	//   component, numbered by first alter in input order: A's is 1, E is
	//     2, F's is 3.
	//   class by role; H's role is missing: unclassified, rule NA.
	want := [][]string{
		{"E1", "A", "third", "family", "2", "0", "0", "1", "0", "bonding", "role:role"},
		{"E1", "B", "third", "friend", "2", "0", "0", "1", "0", "bonding", "role:role"},
		{"E1", "E", "third", "group", "0", "0", "0", "2", "1", "bridging", "role:role"},
		{"E1", "C", "third", "family", "3", "2", "0.07142857142857142", "1", "0", "bonding", "role:role"},
		{"E1", "D", "third", "neighbour", "1", "0", "0", "1", "0", "bridging", "role:role"},
		{"E1", "F", "third", "professional", "2", "0.5", "0.017857142857142856", "3", "0", "linking", "role:role"},
		{"E1", "G", "third", "friend", "2", "0.5", "0.017857142857142856", "3", "0", "bonding", "role:role"},
		{"E1", "H", "third", "NA", "2", "0.5", "0.017857142857142856", "3", "0", "unclassified", "NA"},
		{"E1", "I", "third", "group", "2", "0.5", "0.017857142857142856", "3", "0", "bridging", "role:role"},
		{"E3", "Z", "NA", "family", "0", "0", "NA", "1", "1", "bonding", "role:role"},
	}
	assert.Equal(t, want, recs[1:], "got the rows on the left, want those derived by hand")
}

func TestAltersDirectedAndWaves(t *testing.T) {
	// Directed ties A→B, B→A, B→C at wave 1: taken without direction, A
	// and C have one neighbour, B two (A once although tied both ways),
	// and B lies on the only path A–C (betweenness 1). Wave 2: A alone.
	ds := readStudy(t, "egoID,wave\nE1,1\nE1,2\n",
		"egoID,wave,alterID\nE1,1,A\nE1,1,B\nE1,1,C\nE1,2,A\n",
		"egoID,wave,Source,Target\nE1,1,A,B\nE1,1,B,A\nE1,1,B,C\n",
		network.EgoCSVOptions{Wave: "wave", Directed: true})
	at, err := Alters(ds, AlterOptions{Measures: []string{"degree", "betweenness", "isolate"}})
	require.NoError(t, err)
	recs := csvRows(t, func(b *bytes.Buffer) error { return at.WriteCSV(b) })
	assert.Equal(t, [][]string{
		{"egoID", "wave", "alterID", "degree", "betweenness", "isolate"},
		{"E1", "1", "A", "1", "0", "0"},
		{"E1", "1", "B", "2", "1", "0"},
		{"E1", "1", "C", "1", "0", "0"},
		{"E1", "2", "A", "0", "0", "1"},
	}, recs)
}

func TestAltersErrors(t *testing.T) {
	ds := readStudy(t, altersEgos, "egoID,alterID,degree\nE1,A,3\n", "egoID,Source,Target\n", network.EgoCSVOptions{})
	for _, tc := range []struct {
		name string
		opt  AlterOptions
	}{
		{"unknown measure", AlterOptions{Measures: []string{"closeness"}}},
		{"alter attribute named like a measure", AlterOptions{Measures: []string{"degree"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Alters(ds, tc.opt)
			assert.ErrorIs(t, err, ErrAlterMeasure)
		})
	}
	_, err := ParseAlterMeasures("degree, degree")
	assert.ErrorIs(t, err, ErrAlterMeasure)
	got, err := ParseAlterMeasures(" degree ,isolate")
	require.NoError(t, err)
	assert.Equal(t, []string{"degree", "isolate"}, got)
}

func TestAltersJSON(t *testing.T) {
	// Numbers as numbers, text as strings, NA as null: Z's ego has a
	// missing agency and betweenness_norm is 0/0 for one alter.
	ds := readStudy(t, altersEgos, altersAlts, altersTies, network.EgoCSVOptions{})
	at, err := Alters(ds, AlterOptions{Measures: []string{"degree", "betweenness_norm"}})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, at.WriteJSON(&buf))
	assert.Contains(t, buf.String(), `{"egoID":"E1","alterID":"A","ego_agency":"third","role":"family","degree":2,"betweenness_norm":0}`)
	assert.Contains(t, buf.String(), `{"egoID":"E3","alterID":"Z","ego_agency":null,"role":"family","degree":0,"betweenness_norm":null}`)
	assert.Contains(t, buf.String(), `"betweenness_norm":0.07142857142857142}`)
}

package network

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNodeType(t *testing.T) {
	// Provenance: the spellings listed in nodeTypeWords; anything else is
	// the study's own type, lower-cased.
	cases := []struct{ in, want string }{
		{"", ""}, {"NA", ""}, {"Person", NodePerson}, {" people ", NodePerson},
		{"Service", NodeOrganisation}, {"organization", NodeOrganisation},
		{"Places", NodePlace}, {"activity", NodeActivity}, {"Pet", "pet"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, NodeType(ParseValue(c.in)), "NodeType(%q)", c.in)
	}
}

func TestNodeTypeSet(t *testing.T) {
	people, err := ParseNodeTypes("")
	require.NoError(t, err)
	assert.True(t, people.Has(Value{}), "a missing type counts as a person")
	assert.True(t, people.Has(TextValue("Person")))
	assert.False(t, people.Has(TextValue("place")))
	assert.Equal(t, "person", people.String())

	s, err := ParseNodeTypes("place, Service")
	require.NoError(t, err)
	assert.True(t, s.Has(TextValue("Places")))
	assert.True(t, s.Has(TextValue("organisation")))
	assert.False(t, s.Has(Value{}))
	assert.Equal(t, "place,organisation", s.String())

	s, err = ParseNodeTypes("person")
	require.NoError(t, err)
	assert.True(t, s.Has(Value{}), "person includes a missing type, as the default")

	all, err := ParseNodeTypes("all")
	require.NoError(t, err)
	assert.True(t, all.Has(TextValue("pet")))

	_, err = ParseNodeTypes("person,,place")
	assert.Error(t, err)
}

func TestParseTieRule(t *testing.T) {
	cases := []struct {
		in   string
		want TieRule
		ties []string // answers that make a tie
		not  []string
	}{
		{"close>=2", TieRule{Attr: "close", Op: ">=", Num: 2}, []string{"2", "3"}, []string{"1", "", "x"}},
		{"close > 1.5", TieRule{Attr: "close", Op: ">", Num: 1.5}, []string{"2"}, []string{"1.5"}},
		{"close<1", TieRule{Attr: "close", Op: "<", Num: 1}, []string{"0"}, []string{"1"}},
		{"close<=1", TieRule{Attr: "close", Op: "<=", Num: 1}, []string{"1"}, []string{"2"}},
		{"knows=especially close|know each other", TieRule{Attr: "knows", Op: "=", Values: []string{"especially close", "know each other"}},
			[]string{"especially close", "know each other"}, []string{"strangers", ""}},
		{"knows!=strangers", TieRule{Attr: "knows", Op: "!=", Values: []string{"strangers"}}, []string{"know each other"}, []string{"strangers", ""}},
		{"close=2|3", TieRule{Attr: "close", Op: "=", Values: []string{"2", "3"}}, []string{"2.0", "3"}, []string{"1"}},
	}
	for _, c := range cases {
		r, err := ParseTieRule(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, r, c.in)
		for _, a := range c.ties {
			assert.True(t, r.Holds(ParseValue(a)), "%s holds for %q", c.in, a)
		}
		for _, a := range c.not {
			assert.False(t, r.Holds(ParseValue(a)), "%s fails for %q", c.in, a)
		}
	}
	for _, bad := range []string{"close", ">=2", "close>=", "close>=two"} {
		_, err := ParseTieRule(bad)
		assert.Error(t, err, bad)
	}
}

const typedEgos = "egoID\nE1\n"
const typedAlters = "egoID,alterID\nE1,A\nE1,B\nE1,C\n"

func readTypedTies(t *testing.T, ties string, opt EgoCSVOptions) (*Dataset, Report, error) {
	t.Helper()
	in := func(name, s string) *Input {
		i, err := NewInput(name, strings.NewReader(s), false)
		require.NoError(t, err)
		return i
	}
	return ReadEgoCSVFrom(in("egos.csv", typedEgos), in("alters.csv", typedAlters), strings.NewReader(ties), opt)
}

func TestTypedTiesEgoCSV(t *testing.T) {
	// Two types between A and B merge into one tie of both types; a
	// repeated row of a type the tie has is a duplicate.
	ds, rep, err := readTypedTies(t, "egoID,Source,Target,type,since\nE1,A,B,support,\nE1,B,A,conflict,4\nE1,A,B,support,\nE1,A,C,support,1\n", EgoCSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Count(RepairMultiplex))
	assert.Equal(t, 1, rep.Count(RepairDuplicates))
	e := ds.Egos[0]
	require.Len(t, e.Ties, 2)
	col, _ := ds.TieAttrs.Index("type")
	since, _ := ds.TieAttrs.Index("since")
	assert.Equal(t, []string{"support", "conflict"}, TieTypes(e.Ties[0].Attrs.At(col)))
	assert.Equal(t, "4", e.Ties[0].Attrs.At(since).Text, "the conflict row fills the support row's missing since")

	// Contradicting values of another column: an error naming the line.
	_, _, err = readTypedTies(t, "egoID,Source,Target,type,since\nE1,A,B,support,2\nE1,A,B,conflict,4\n", EgoCSVOptions{})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDuplicateID)
	assert.Contains(t, err.Error(), ":3")

	// --tie-type-column - : no type column, so the rows contradict.
	_, _, err = readTypedTies(t, "egoID,Source,Target,type\nE1,A,B,support\nE1,A,B,conflict\n", EgoCSVOptions{TieType: "-"})
	assert.ErrorIs(t, err, ErrDuplicateID)
}

func TestTypedArcs(t *testing.T) {
	// A directed name generator: "gives support to" as arcs. A→B and B→A
	// stay two arcs; A→B of two types is one arc of both.
	ds, _, err := readTypedTies(t, "egoID,Source,Target,type\nE1,A,B,gives_support\nE1,B,A,gives_support\nE1,A,B,conflict\nE1,C,A,conflict\n", EgoCSVOptions{Directed: true})
	require.NoError(t, err)
	e := ds.Egos[0]
	require.Len(t, e.Ties, 3)
	sel, err := SelectTieType(ds, "type", "gives_support")
	require.NoError(t, err)
	var arcs []string
	for _, tie := range sel.Egos[0].Ties {
		arcs = append(arcs, e.Alters[tie.From].ID+">"+e.Alters[tie.To].ID)
	}
	assert.Equal(t, []string{"A>B", "B>A"}, arcs)
	assert.True(t, sel.Directed)
	assert.Same(t, sel, sel.Egos[0].Dataset())

	_, err = SelectTieType(ds, "kind", "x")
	assert.ErrorIs(t, err, ErrMissingColumn)
}

func TestApplyTieRuleErrors(t *testing.T) {
	ds, _, err := readTypedTies(t, "egoID,Source,Target,knows\nE1,A,B,especially close\nE1,A,C,strangers\n", EgoCSVOptions{})
	require.NoError(t, err)
	r, _ := ParseTieRule("knows>=2")
	_, _, err = ApplyTieRule(ds, r)
	assert.ErrorContains(t, err, `"especially close" is not a number`)
	r, _ = ParseTieRule("close>=2")
	_, _, err = ApplyTieRule(ds, r)
	assert.ErrorIs(t, err, ErrMissingColumn)
	r, _ = ParseTieRule("knows=especially close")
	out, st, err := ApplyTieRule(ds, r)
	require.NoError(t, err)
	assert.Equal(t, TieRuleStats{Pairs: 2, Ties: 1}, st)
	assert.Len(t, out.Egos[0].Ties, 1)
}

func TestNetCanvasKeepsTypes(t *testing.T) {
	// The sample export: P001 has Person nodes Ann, Bob, Cal and a Service
	// node GP surgery; edges knows Ann–Bob, Bob–Cal, Ann–GP and close
	// Bob–Ann, so Ann–Bob is one tie of types knows and close.
	ds, _, err := ReadNetCanvas("testdata/netcanvas", NetCanvasOptions{EgoID: "networkCanvasCaseID"})
	require.NoError(t, err)
	e := ds.Ego("P001", "")
	require.NotNil(t, e)
	types, _ := e.AlterValues("type")
	var got []string
	for _, v := range types {
		got = append(got, NodeType(v))
	}
	assert.ElementsMatch(t, []string{"person", "person", "person", "organisation"}, got)
	people := e.OfNodeTypes("type", NodeTypeSet{})
	assert.Equal(t, 3, people.Size())
	assert.Len(t, people.Ties, 2, "Ann–Bob and Bob–Cal; Ann–GP surgery is not among people")
	col, _ := ds.TieAttrs.Index("type")
	n := 0
	for _, tie := range e.Ties {
		if len(TieTypes(tie.Attrs.At(col))) == 2 {
			n++
		}
	}
	assert.Equal(t, 1, n, "Ann–Bob is of types knows and close")
}

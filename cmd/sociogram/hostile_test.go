package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile inputs of issue 18 ("reliability, second round"), one table next
// to badCases and run the same way: exit status 1, one line naming file and
// line, nothing left at -o. Each case names the item it reproduces.
var hostileCases = []badCase{
	// Item 15: one number grammar for every reader (network.ParseNumber).
	{name: "15 hex float weight in aaties.csv", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,weight\ne1,a,b,0x1p-2\n"}}, bad: "ties", line: 2, want: `bad weight: "0x1p-2" is not a number`},
	{name: "15 underscore weight in an edge list", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,1_000\n"}}, bad: "edges", line: 2, want: `bad weight: "1_000" is not a number`},
	{name: "15 underflowing weight in an edge list", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,1e-400\n"}}, bad: "edges", line: 2, want: `bad weight: "1e-400" is out of range`},
	{name: "15 hex float weight in Pajek", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n*Edges\n1 2 0x1p-2\n"}}, bad: "pajek", line: 3, want: `"0x1p-2" is not a number`},
	{name: "15 underflowing weight in Pajek", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n*Edges\n1 2 1e-400\n"}}, bad: "pajek", line: 3, want: `"1e-400" is out of range`},
	{name: "15 underscore weight in GraphML", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">1_000</data></edge></graph></graphml>"}}, bad: "graphml", line: 4, want: `"1_000" is not a number`},
	{name: "15 hex float weight in GraphML", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">0x1p-2</data></edge></graph></graphml>"}}, bad: "graphml", line: 4, want: `"0x1p-2" is not a number`},
	{name: "15 capital-W Weight in aaties.csv is the weight column", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,Weight\ne1,a,b,-2\n"}}, bad: "ties", line: 2, want: "bad weight: -2"},

	// Items 6, 7, 12: bounded records, short escaped excerpts, gzip bombs,
	// CR-only line ends (the big inputs are in network/hostile_test.go).
	{name: "6 header with a terminal escape sequence", files: map[string]file{"egos": {"egos.csv", "\x1b]0;pwned\x07id,sex\ne1,f\n"}}, bad: "egos", line: 1, want: `the header has "\x1b]0;pwned\aid", "sex"`},
	{name: "6 a 17 MiB line", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\na," + strings.Repeat("b", 17<<20) + "\n"}}, bad: "edges", line: 2, want: "input too large: a record longer than 16777216 bytes"},
	{name: "6 an unknown alter with a 1 MiB ID", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target\ne1,a," + strings.Repeat("z", 1<<20) + "\n"}}, bad: "ties", line: 2, want: "zzzzzzzz…"}, // the message is cut at 400 bytes
	{name: "7 gzip bomb of newlines", whole: true, files: map[string]file{"edges": {"edges.csv.gz", gzipped("source,target\n" + strings.Repeat("\n", 100<<20))}}, bad: "edges", want: "gzip data expands more than 200 times"},
	{name: "12 CR-only line ends", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\re1,a,f\re1,b,m\r"}}, bad: "alters", line: 1, want: "old Mac (CR-only) line ends"},
	{name: "12 CR-only line ends in an edge list", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\ra,b\rb,c\r"}}, bad: "edges", line: 1, want: "old Mac (CR-only) line ends"},

	// Item 17: NA is a missing value, never an ID; GraphML is GraphML only.
	{name: "17 ego ID NA", files: map[string]file{"egos": {"egos.csv", "egoID,sex\nNA,f\ne2,m\n"}}, bad: "egos", line: 2, want: `empty ID: ego is "NA", a missing value`},
	{name: "17 alter ID NA", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,NA,f\n"}}, bad: "alters", line: 2, want: `empty ID: alter is "NA", a missing value`},
	{name: "17 node NA in an edge list", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\nNA,b\n"}}, bad: "edges", line: 2, want: `empty ID: node is "NA", a missing value`},
	{name: "17 GraphML text after </graphml>", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>\nsource,target\nc,d\n"}}, bad: "graphml", line: 4, want: "text after the end of <graphml>"},
	{name: "17 GraphML foreign-namespace element", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:evil=\"urn:evil\"><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<evil:node id=\"c\"/><edge source=\"a\" target=\"b\"/></graph></graphml>"}}, bad: "graphml", line: 3, want: `element <node> of namespace "urn:evil"`},

	// Item 14: duplicates are refused, never resolved silently.
	{name: "14 GraphML two data for one key", whole: true, files: map[string]file{"graphml": {"g.graphml", gmlKeyW + "<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">1</data><data key=\"w\">5</data></edge></graph></graphml>"}}, bad: "graphml", line: 3, want: `two <data> for key "w" (weight)`},
	{name: "14 GraphML two keys with one attr.name", whole: true, files: map[string]file{"graphml": {"g.graphml", gmlKeyW + "\n<key id=\"w2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>"}}, bad: "graphml", line: 2, want: `keys "w" and "w2" both have attr.name "weight"`},
	{name: "14 GraphML two egoIDs", files: map[string]file{"graphml": {"g.graphml", "<graphml><key id=\"e\" for=\"graph\" attr.name=\"egoID\"/>\n<graph><data key=\"e\">P1</data><data key=\"e\">P2</data>\n<node id=\"a\"/></graph></graphml>"}}, bad: "graphml", line: 2, want: `two <data> for key "e" (egoID)`},
	{name: "14 GraphML empty egoID", files: map[string]file{"graphml": {"g.graphml", "<graphml><key id=\"e\" for=\"graph\" attr.name=\"egoID\"/>\n<graph id=\"G\"><data key=\"e\"> </data>\n<node id=\"a\"/></graph></graphml>"}}, bad: "graphml", line: 2, want: "graph 1 has an empty ego ID"},
	{name: "14 Pajek vertex declared twice", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n1 \"Ann\"\n1 \"GP\"\n*Edges\n1 2\n"}}, bad: "pajek", line: 3, want: "vertex 1 is declared twice (first on line 2)"},
	{name: "14 Pajek two-mode network", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 4 2\n*Edges\n1 3\n2 4\n"}}, bad: "pajek", line: 1, want: "a two-mode network (*Vertices 4 2) is not supported"},

	// Item 8: GraphML whose cost would grow faster than the file.
	{name: "8 GraphML 5,000 keys", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml>" + manyKeys(5000) + "<graph><node id=\"a\"/></graph></graphml>"}}, bad: "graphml", line: 1, want: "more than 1000 <key> declarations"},
	{name: "8 GraphML tag with a million attributes", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph><node id=\"a\"" + manyAttrs(1_000_000) + "/></graph></graphml>"}}, bad: "graphml", line: 1, want: "more than 256 attributes on one tag"},
	{name: "8 GraphML 20 MB comment full of <", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><!--" + strings.Repeat("<a>", 7<<20) + "--><graph/></graphml>"}}, bad: "graphml", line: 1, want: "more than 16777216 bytes in one tag, text, comment"},
}

const gmlKeyW = "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<key id=\"k%d\" for=\"node\" attr.name=\"a%d\"><default>x</default></key>", i, i)
	}
	return b.String()
}

func manyAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " a%d=\"x\"", i)
	}
	return b.String()
}

func TestHostileInput(t *testing.T) { runBadCases(t, hostileCases) }

// Item 10: knobs are bounded and validated (usage errors, status 2), and
// an ego network too big to draw is refused like a whole network.
func TestDrawKnobsBounded(t *testing.T) {
	dir := drawStudy(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--num-rings", "-1"}, "--num-rings -1: want 1 to 100"},
		{[]string{"--num-rings", "100000000"}, "--num-rings 100000000: want 1 to 100"},
		{[]string{"--ring-order", "1,1,2"}, `names "1" twice`},
		{[]string{"--ring-order", ",,,"}, "has an empty item"},
		{[]string{"--sector-order", "a,,b"}, "has an empty item"},
	} {
		args := survey(dir, append([]string{"--ego", "P1", "--rings", "closeness", "-o", filepath.Join(t.TempDir(), "x.png")}, c.args...)...)
		status, _, stderr := runCLI(args...)
		assert.Equal(t, 2, status, "%v: %s", c.args, stderr)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}

	// A hub with 20,001 alters: its ego network has 20,002 nodes, over the
	// 20,000 a whole network may have.
	var b strings.Builder
	b.WriteString("source,target\n")
	for i := range 20001 {
		fmt.Fprintf(&b, "hub,n%d\n", i)
	}
	edges := filepath.Join(t.TempDir(), "star.csv")
	require.NoError(t, os.WriteFile(edges, []byte(b.String()), 0o644))
	for _, layout := range []string{"force", "egogram"} {
		status, _, stderr := runCLI("draw", "--edges", edges, "--ego", "hub", "--layout", layout, "-o", filepath.Join(t.TempDir(), "x.png"))
		assert.Equal(t, 1, status, stderr)
		assert.Contains(t, stderr, `the ego network of "hub" has 20002 nodes, too many to draw legibly (at most 20000)`)
	}
}

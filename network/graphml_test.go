package network

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nodeValue returns the value of attribute name for the node labelled label.
func nodeValue(t *testing.T, g *Graph, label, name string) Value {
	t.Helper()
	id, ok := g.Lookup(label)
	require.True(t, ok, "node %q", label)
	col, ok := g.Attrs().Index(name)
	require.True(t, ok, "attribute %q", name)
	return g.NodeAttr(id, col)
}

func weight(t *testing.T, g *Graph, u, v string) float64 {
	t.Helper()
	a, ok := g.Lookup(u)
	require.True(t, ok, "node %q", u)
	b, ok := g.Lookup(v)
	require.True(t, ok, "node %q", v)
	w, ok := g.EdgeWeight(a, b)
	require.True(t, ok, "edge %s-%s", u, v)
	return w
}

// The reference files were written by testdata/make_graphml.py with
// networkx 2.8.8 and python-igraph 0.10.2 (Debian bookworm); the expected
// values below are the ones that script puts in.
func TestReadGraphMLReferenceFiles(t *testing.T) {
	t.Run("networkx undirected: typed keys, default, isolate, self-loop", func(t *testing.T) {
		g, rep, err := ReadGraphML("testdata/networkx_undirected.graphml", GraphMLOptions{})
		require.NoError(t, err)
		assert.False(t, g.Directed())
		assert.True(t, g.IsWeighted())
		assert.Equal(t, 5, g.Order(), "a, b, c, d and the isolate")
		assert.Equal(t, 4, g.Size(), "five edges written, the self-loop d-d dropped")
		assert.Equal(t, 1, rep.Count(RepairSelfLoops))
		assert.Equal(t, 1, rep.Count(RepairGraphData), "the graph's name")
		assert.InDelta(t, 2.5, weight(t, g, "a", "b"), 0)
		assert.InDelta(t, 0.25, weight(t, g, "c", "b"), 0)
		assert.InDelta(t, 4.0, weight(t, g, "c", "d"), 0)
		iso, _ := g.Lookup("iso")
		assert.Equal(t, 0, g.Degree(iso))

		age := nodeValue(t, g, "a", "age")
		assert.Equal(t, Number, age.Kind, "long key → number")
		assert.InDelta(t, 34.0, age.Num, 0)
		assert.Equal(t, Value{Text: "2.25", Num: 2.25, Kind: Number}, nodeValue(t, g, "b", "score"))
		assert.True(t, nodeValue(t, g, "c", "score").IsMissing(), "c has no score")
		assert.Equal(t, TextValue("true"), nodeValue(t, g, "a", "member"), "networkx writes True")
		assert.Equal(t, TextValue("false"), nodeValue(t, g, "b", "member"))
		assert.Equal(t, TextValue("Dee"), nodeValue(t, g, "d", "label"))
		assert.Equal(t, TextValue("red"), nodeValue(t, g, "a", "colour"), "own value")
		assert.Equal(t, TextValue("grey"), nodeValue(t, g, "b", "colour"), "the key's <default>")
		s := g.Attrs()
		i, _ := s.Index("age")
		assert.Equal(t, Number, s.Kind(i))
		i, _ = s.Index("member")
		assert.Equal(t, Text, s.Kind(i))
	})
	t.Run("networkx directed", func(t *testing.T) {
		g, _, err := ReadGraphML("testdata/networkx_directed.graphml", GraphMLOptions{})
		require.NoError(t, err)
		assert.True(t, g.Directed())
		assert.Equal(t, 4, g.Order())
		assert.Equal(t, 3, g.Size())
		assert.InDelta(t, 1.5, weight(t, g, "x", "y"), 0)
		assert.InDelta(t, 0.5, weight(t, g, "y", "x"), 0)
		assert.InDelta(t, 2.0, weight(t, g, "y", "z"), 0)
		z, _ := g.Lookup("z")
		y, _ := g.Lookup("y")
		assert.False(t, g.AsDirected().HasEdgeFromTo(int64(z), int64(y)), "arcs keep their direction")
	})
	t.Run("igraph undirected: duplicate edge, NaN-free missing value, isolate", func(t *testing.T) {
		g, rep, err := ReadGraphML("testdata/igraph_undirected.graphml", GraphMLOptions{})
		require.NoError(t, err)
		assert.False(t, g.Directed())
		assert.Equal(t, 5, g.Order())
		assert.Equal(t, 4, g.Size(), "n0-n1 twice, merged")
		assert.Equal(t, 1, rep.Count(RepairDuplicates))
		assert.InDelta(t, 5.0, weight(t, g, "n0", "n1"), 0, "1 + 4")
		assert.InDelta(t, 0.5, weight(t, g, "n3", "n2"), 0)
		n4, _ := g.Lookup("n4")
		assert.Equal(t, 0, g.Degree(n4))
		assert.Equal(t, TextValue("p3"), nodeValue(t, g, "n2", "name"))
		assert.True(t, nodeValue(t, g, "n2", "age").IsMissing(), "igraph leaves NaN out")
		assert.InDelta(t, 50.0, nodeValue(t, g, "n3", "age").Num, 0)
		assert.Equal(t, TextValue("true"), nodeValue(t, g, "n3", "member"))
	})
	t.Run("igraph directed", func(t *testing.T) {
		g, _, err := ReadGraphML("testdata/igraph_directed.graphml", GraphMLOptions{})
		require.NoError(t, err)
		assert.True(t, g.Directed())
		assert.Equal(t, 3, g.Order())
		assert.Equal(t, 4, g.Size())
		assert.InDelta(t, 1.0, weight(t, g, "n0", "n1"), 0)
		assert.InDelta(t, 4.0, weight(t, g, "n1", "n0"), 0)
		assert.InDelta(t, 3.0, weight(t, g, "n2", "n0"), 0)
	})
}

const gmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
`

const gmlWeightDefault = gmlHead + `<key id="w" for="edge" attr.name="weight" attr.type="double"><default>2</default></key>
<graph edgedefault="undirected"><edge source="a" target="b"/><edge source="b" target="c"><data key="w">3</data></edge></graph></graphml>`

func TestReadGraphMLCases(t *testing.T) {
	cases := []struct {
		name       string
		text       string
		opt        GraphMLOptions
		nodes      int
		edges      int
		directed   bool
		weighted   bool
		fromEdges  int
		noWeight   int
		checkLabel string
	}{
		{name: "graph without nodes", text: gmlHead + `<graph edgedefault="undirected"/></graphml>`},
		{name: "one node", text: gmlHead + `<graph edgedefault="undirected"><node id="a"/></graph></graphml>`, nodes: 1, checkLabel: "a"},
		{name: "no edgedefault means undirected (networkx)", text: gmlHead + `<graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>`, nodes: 2, edges: 1},
		{name: "per-edge directed overrides an undirected default", text: gmlHead + `<graph edgedefault="undirected"><edge source="a" target="b" directed="true"/></graph></graphml>`, nodes: 2, edges: 1, directed: true, fromEdges: 2},
		{name: "an edge may name a node declared later", text: gmlHead + `<graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/><node id="b"/></graph></graphml>`, nodes: 2, edges: 1, directed: true},
		{name: "edges create undeclared nodes (igraph, networkx)", text: gmlHead + `<graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/></graph></graphml>`, nodes: 2, edges: 1, directed: true, fromEdges: 1},
		{name: "weight key with default; an edge without a value gets it",
			text:  gmlWeightDefault,
			nodes: 3, edges: 2, weighted: true, fromEdges: 3},
		{name: "weight key without default: missing weight counted, 1 used",
			text: gmlHead + `<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><edge source="a" target="b"/></graph></graphml>`,
			nodes: 2, edges: 1, weighted: true, fromEdges: 2, noWeight: 1},
		{name: "weight key named Weight (Gephi)",
			text: gmlHead + `<key id="weight" for="edge" attr.name="Weight" attr.type="float"/>
<graph edgedefault="undirected"><node id="1"/><node id="2"/><edge id="0" source="1" target="2"><data key="weight">1.0</data></edge></graph></graphml>`,
			nodes: 2, edges: 1, weighted: true},
		{name: "attr.type spelled integer, Bool, Double",
			text: gmlHead + `<key id="a" for="node" attr.name="n" attr.type="integer"/><key id="b" for="node" attr.name="m" attr.type="Bool"/><key id="c" for="edge" attr.name="weight" attr.type="Double"/>
<graph edgedefault="undirected"><node id="1"><data key="a">3</data><data key="b">false</data></node><edge source="1" target="2"><data key="c">2</data></edge></graph></graphml>`,
			nodes: 2, edges: 1, weighted: true, fromEdges: 1},
		{name: "yEd graphics and ports skipped, nested graph flattened",
			text: gmlHead + `<key id="d0" for="node" yfiles.type="nodegraphics"/>
<graph edgedefault="directed"><node id="g"><data key="d0"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml"><y:Geometry x="1"/></y:ShapeNode></data><port name="p"/>
<graph id="g:" edgedefault="directed"><node id="g::a"/><node id="g::b"/><edge source="g::a" target="g::b"/></graph></node></graph></graphml>`,
			nodes: 3, edges: 1, directed: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := NewInput("case.graphml", strings.NewReader(c.text), false)
			require.NoError(t, err)
			g, rep, err := ReadGraphMLFrom(in, c.opt)
			require.NoError(t, err)
			assert.Equal(t, c.nodes, g.Order(), "nodes")
			assert.Equal(t, c.edges, g.Size(), "edges")
			assert.Equal(t, c.directed, g.Directed(), "directed")
			assert.Equal(t, c.weighted, g.IsWeighted(), "weighted")
			assert.Equal(t, c.fromEdges, rep.Count(RepairNodesFromEdges), "nodes created by edges")
			assert.Equal(t, c.noWeight, rep.Count(RepairMissingWeights), "edges without a weight")
			if c.checkLabel != "" {
				_, ok := g.Lookup(c.checkLabel)
				assert.True(t, ok)
			}
		})
	}
	t.Run("weight default value", func(t *testing.T) {
		in, err := NewInput("w.graphml", strings.NewReader(gmlWeightDefault), false)
		require.NoError(t, err)
		g, _, err := ReadGraphMLFrom(in, GraphMLOptions{})
		require.NoError(t, err)
		assert.InDelta(t, 2.0, weight(t, g, "a", "b"), 0, "the key's default")
		assert.InDelta(t, 3.0, weight(t, g, "b", "c"), 0)
	})
}

func TestReadGraphMLErrors(t *testing.T) {
	deep := gmlHead + strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100) + "</graphml>"
	cases := []struct {
		name string
		text string
		opt  GraphMLOptions
		err  error
		line int
	}{
		{"empty file", "", GraphMLOptions{}, ErrEmptyFile, 0},
		{"only a declaration", `<?xml version="1.0"?>` + "\n", GraphMLOptions{}, ErrEmptyFile, 0},
		{"not XML", "source,target\na,b\n", GraphMLOptions{}, ErrSyntax, 0},
		{"another root element", "<gexf/>", GraphMLOptions{}, ErrSyntax, 1},
		{"no graph", gmlHead + "</graphml>", GraphMLOptions{}, ErrEmptyFile, 3},
		{"malformed: mismatched end tag", gmlHead + "<graph>\n<node id=\"a\">\n</graph></graphml>", GraphMLOptions{}, ErrSyntax, 5},
		{"truncated", gmlHead + "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<edge source=\"a\" tar", GraphMLOptions{}, ErrSyntax, 5},
		{"truncated after a complete tag", gmlHead + "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n", GraphMLOptions{}, ErrSyntax, 0},
		{"unknown key", gmlHead + "<graph>\n<node id=\"a\"><data key=\"d9\">1</data></node></graph></graphml>", GraphMLOptions{}, ErrUnknownKey, 4},
		{"key for another domain", gmlHead + "<key id=\"d0\" for=\"edge\" attr.name=\"x\"/>\n<graph>\n<node id=\"a\"><data key=\"d0\">1</data></node></graph></graphml>", GraphMLOptions{}, ErrUnknownKey, 5},
		{"bad int", gmlHead + "<key id=\"d0\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>\n<graph>\n<node id=\"a\"><data key=\"d0\">old</data></node></graph></graphml>", GraphMLOptions{}, ErrSyntax, 5},
		{"bad boolean", gmlHead + "<key id=\"d0\" for=\"node\" attr.name=\"m\" attr.type=\"boolean\"/>\n<graph>\n<node id=\"a\"><data key=\"d0\">yes</data></node></graph></graphml>", GraphMLOptions{}, ErrSyntax, 5},
		{"unknown attr.type", gmlHead + "<key id=\"d0\" for=\"node\" attr.name=\"m\" attr.type=\"date\"/>\n<graph/></graphml>", GraphMLOptions{}, ErrSyntax, 3},
		{"weight not a number", gmlHead + "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>", GraphMLOptions{}, ErrBadWeight, 5},
		{"negative weight", gmlHead + "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">-1</data></edge></graph></graphml>", GraphMLOptions{}, ErrBadWeight, 5},
		{"string weight key with text", gmlHead + "<key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n<graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">x</data></edge></graph></graphml>", GraphMLOptions{}, ErrBadWeight, 5},
		{"mixed directions", gmlHead + "<graph edgedefault=\"undirected\">\n<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"c\" directed=\"true\"/></graph></graphml>", GraphMLOptions{}, ErrMixedDirection, 5},
		{"node declared twice", gmlHead + "<graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", GraphMLOptions{}, ErrDuplicateID, 5},
		{"node without id", gmlHead + "<graph>\n<node/></graph></graphml>", GraphMLOptions{}, ErrEmptyID, 4},
		{"two graphs for a whole network", gmlHead + "<graph/>\n<graph/></graphml>", GraphMLOptions{}, ErrSeveralGraphs, 4},
		{"hyperedge", gmlHead + "<graph>\n<hyperedge/></graph></graphml>", GraphMLOptions{}, ErrSyntax, 4},
		{"deep nesting", deep, GraphMLOptions{}, ErrTooLarge, 3},
		{"deep nesting inside a skipped element", gmlHead + "<graph><node id=\"a\">" + strings.Repeat("<x>", 70), GraphMLOptions{}, ErrTooLarge, 3},
		{"huge text", gmlHead + "<graph><node id=\"a\">" + strings.Repeat("x", 5000) + "</node></graph></graphml>", GraphMLOptions{MaxTokenBytes: 1000}, ErrTooLarge, 3},
		{"huge attribute", gmlHead + "<graph><node id=\"" + strings.Repeat("x", 5000) + "\"/></graph></graphml>", GraphMLOptions{MaxTokenBytes: 1000}, ErrTooLarge, 3},
		{"entity defined in a DTD is not expanded", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE graphml [<!ENTITY a "aaaaaaaa">]>` + "\n" + `<graphml><graph><node id="&a;"/></graph></graphml>`, GraphMLOptions{}, ErrSyntax, 3},
		{"unsupported encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><graphml/>`, GraphMLOptions{}, ErrSyntax, 1},
		{"text after the root", gmlHead + "<graph/></graphml>\n<graphml/>", GraphMLOptions{}, ErrSyntax, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := NewInput("bad.graphml", strings.NewReader(c.text), false)
			require.NoError(t, err)
			_, _, err = ReadGraphMLFrom(in, c.opt)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.err), "got %v, want %v", err, c.err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "got %T", err)
			assert.Equal(t, "bad.graphml", pe.File)
			if c.line > 0 {
				assert.Equal(t, c.line, pe.Line, "line of %v", err)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "bad.graphml:"), err.Error())
		})
	}
}

// BOM, CRLF line ends and gzip must simply work.
func TestReadGraphMLEncodings(t *testing.T) {
	text := gmlHead + `<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected">
<node id="a"/><node id="b"/>
<edge source="a" target="b"><data key="w">1.5</data></edge>
</graph></graphml>
`
	crlf := strings.ReplaceAll(text, "\n", "\r\n")
	dir := writeFiles(t, map[string]string{
		"plain.graphml":     text,
		"bom.graphml":       "\uFEFF" + text,
		"crlf.graphml":      crlf,
		"gz.graphml.gz":     text,
		"bomcrlf.graphml":   "\uFEFF" + crlf,
		"gzcrlf.graphml.gz": crlf,
	})
	for _, name := range []string{"plain.graphml", "bom.graphml", "crlf.graphml", "gz.graphml.gz", "bomcrlf.graphml", "gzcrlf.graphml.gz"} {
		t.Run(name, func(t *testing.T) {
			g, rep, err := ReadGraphML(filepath.Join(dir, name), GraphMLOptions{})
			require.NoError(t, err)
			assert.Equal(t, 2, g.Order())
			assert.InDelta(t, 1.5, weight(t, g, "a", "b"), 0)
			assert.Equal(t, strings.HasPrefix(name, "bom"), rep.Count(RepairBOM) == 1)
		})
	}
	t.Run("error line with CRLF", func(t *testing.T) {
		bad := strings.ReplaceAll(gmlHead+"<graph>\n<node id=\"a\"><data key=\"zz\"/></node></graph></graphml>", "\n", "\r\n")
		in, err := NewInput("crlf.graphml", strings.NewReader(bad), false)
		require.NoError(t, err)
		_, _, err = ReadGraphMLFrom(in, GraphMLOptions{})
		var pe *ParseError
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, 4, pe.Line)
	})
}

// Round trip of a whole network: edge list → Graph → GraphML → Graph →
// edge list gives the same files.
func TestGraphMLWholeRoundTrip(t *testing.T) {
	cases := []struct {
		name         string
		edges, nodes string
		directed     bool
	}{
		{"isolate only", "source,target\n", "id,sex\nz,f\n", false},
		{"undirected weighted with attributes and missing values",
			"source,target,weight\na,b,1.5\nb,c,0.1\nc,a,3\n",
			"id,sex,age,note\na,f,34,\"x<y & \"\"q\"\"\"\nb,m,NA,\nc,NA,1.50,ok\niso,f,2,\n", false},
		{"directed unweighted", "source,target\na,b\nb,a\nb,c\n", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"edges.csv": c.edges}
			if c.nodes != "" {
				files["nodes.csv"] = c.nodes
			}
			dir := writeFiles(t, files)
			nodes := ""
			if c.nodes != "" {
				nodes = filepath.Join(dir, "nodes.csv")
			}
			g1, _, err := ReadEdgeList(filepath.Join(dir, "edges.csv"), nodes, EdgeListOptions{Directed: c.directed})
			require.NoError(t, err)
			var gml bytes.Buffer
			require.NoError(t, WriteGraphML(&gml, g1))
			in, err := NewInput("rt.graphml", &gml, false)
			require.NoError(t, err)
			g2, rep, err := ReadGraphMLFrom(in, GraphMLOptions{})
			require.NoError(t, err)
			assert.Empty(t, rep.Repairs)
			var e1, n1, e2, n2 bytes.Buffer
			require.NoError(t, WriteEdgeList(&e1, &n1, g1))
			require.NoError(t, WriteEdgeList(&e2, &n2, g2))
			assert.Equal(t, e1.String(), e2.String())
			assert.Equal(t, n1.String(), n2.String())
			assert.Equal(t, g1.Directed(), g2.Directed())
		})
	}
}

// Round trip of survey data: ego CSV → Dataset → one GraphML file per ego →
// Dataset → ego CSV gives the same three tables.
func TestGraphMLDatasetRoundTrip(t *testing.T) {
	waveFiles := map[string]string{
		"egos.csv":   "egoID,wave,sex\ne1,1,f\ne1,2,f\ne2,1,m\n",
		"alters.csv": "egoID,wave,alterID,close\ne1,1,a,1\ne1,1,b,2\ne1,2,a,3\ne2,1,x,NA\n",
		"aaties.csv": "egoID,wave,Source,Target\ne1,1,b,a\n",
	}
	cases := []struct {
		name  string
		files map[string]string
		csv   EgoCSVOptions
		gml   GraphMLOptions
	}{
		{"zero, one and four alters, weights, self and duplicate ties", studyFiles, EgoCSVOptions{}, GraphMLOptions{}},
		{"ego-alter weights", studyFiles, EgoCSVOptions{AlterWeight: "closeness"}, GraphMLOptions{}},
		{"directed", studyFiles, EgoCSVOptions{Directed: true}, GraphMLOptions{}},
		{"waves", waveFiles, EgoCSVOptions{Wave: "wave"}, GraphMLOptions{Wave: "wave"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds1, _ := readStudy(t, writeFiles(t, c.files), c.csv)
			out := t.TempDir()
			require.NoError(t, WriteGraphMLDatasetDir(out, ds1, c.gml))
			ents, err := os.ReadDir(out)
			require.NoError(t, err)
			assert.Len(t, ents, len(ds1.Egos), "one file per ego")
			ds2, rep, err := ReadGraphMLDataset(out, c.gml)
			require.NoError(t, err)
			assert.Empty(t, rep.Repairs)
			assert.Equal(t, ds1.Directed, ds2.Directed)
			assert.Equal(t, ds1.AlterWeighted, ds2.AlterWeighted)
			assert.Equal(t, ds1.TieWeighted, ds2.TieWeighted)
			var a [3]bytes.Buffer
			var b [3]bytes.Buffer
			require.NoError(t, WriteEgoCSV(&a[0], &a[1], &a[2], ds1, c.csv))
			require.NoError(t, WriteEgoCSV(&b[0], &b[1], &b[2], ds2, c.csv))
			for i := range a {
				assert.Equal(t, a[i].String(), b[i].String(), "table %d", i)
			}
		})
	}
}

func TestReadGraphMLDataset(t *testing.T) {
	// One file with three ego graphs, Network Canvas style: ego data as
	// graph-level data, alters as nodes. The first ego has no alters, the
	// second one, the third three with a tie; IDs come from the egoID key,
	// nc:caseId and the graph id.
	text := gmlHead + `<key id="g0" for="graph" attr.name="egoID" attr.type="string"/>
<key id="g1" for="graph" attr.name="age" attr.type="int"/>
<key id="n0" for="node" attr.name="role" attr.type="string"><default>friend</default></key>
<key id="e0" for="edge" attr.name="weight" attr.type="double"/>
<key id="e1" for="edge" attr.name="kind" attr.type="string"/>
<graph edgedefault="undirected"><data key="g0">P1</data><data key="g1">40</data></graph>
<graph edgedefault="undirected" xmlns:nc="http://schema.networkcanvas.com/xmlns" nc:caseId="P2"><data key="g1">22</data>
<node id="x"><data key="n0">kin</data></node></graph>
<graph id="P3" edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="b" target="a"><data key="e0">2</data><data key="e1">work</data></edge>
<edge source="a" target="a"><data key="e0">1</data></edge>
</graph></graphml>`
	in, err := NewInput("study.graphml", strings.NewReader(text), false)
	require.NoError(t, err)
	ds, rep, err := ReadGraphMLDatasetFrom(in, GraphMLOptions{})
	require.NoError(t, err)
	require.Len(t, ds.Egos, 3)
	assert.Equal(t, []string{"P1", "P2", "P3"}, []string{ds.Egos[0].ID, ds.Egos[1].ID, ds.Egos[2].ID})
	assert.Equal(t, []int{0, 1, 3}, []int{ds.Egos[0].Size(), ds.Egos[1].Size(), ds.Egos[2].Size()})
	assert.InDelta(t, 40.0, ds.Egos[0].EgoValue("age").Num, 0)
	assert.True(t, ds.Egos[2].EgoValue("age").IsMissing())
	roles, ok := ds.Egos[1].AlterValues("role")
	require.True(t, ok)
	assert.Equal(t, []Value{TextValue("kin")}, roles)
	roles, _ = ds.Egos[2].AlterValues("role")
	assert.Equal(t, TextValue("friend"), roles[0], "key default")
	require.Len(t, ds.Egos[2].Ties, 1)
	tie := ds.Egos[2].Ties[0]
	assert.Equal(t, [2]int{0, 1}, [2]int{tie.From, tie.To}, "a-b, lower index first")
	assert.InDelta(t, 2.0, tie.Weight, 0)
	k, _ := ds.TieAttrs.Index("kind")
	assert.Equal(t, TextValue("work"), tie.Attrs.At(k))
	assert.True(t, ds.TieWeighted)
	assert.False(t, ds.AlterWeighted)
	assert.Equal(t, 1, rep.Count(RepairSelfLoops))

	t.Run("a for=all weight key weighs ego-alter and alter-alter ties", func(t *testing.T) {
		// Found by FuzzGraphMLDataset: such a key used to become an alter
		// attribute named weight, which a second read took as the weight.
		in, err := NewInput("all.graphml", strings.NewReader(gmlHead+`<key id="w" attr.name="weight" attr.type="double"/>
<graph id="e"><node id="a"><data key="w">2</data></node><node id="b"/><edge source="a" target="b"><data key="w">3</data></edge></graph></graphml>`), false)
		require.NoError(t, err)
		ds, rep, err := ReadGraphMLDatasetFrom(in, GraphMLOptions{})
		require.NoError(t, err)
		assert.True(t, ds.AlterWeighted)
		assert.True(t, ds.TieWeighted)
		_, isAttr := ds.AlterAttrs.Index("weight")
		assert.False(t, isAttr)
		e := ds.Egos[0]
		assert.InDelta(t, 2.0, e.Alters[0].Weight, 0)
		assert.InDelta(t, 1.0, e.Alters[1].Weight, 0, "no value: weight 1, counted")
		assert.Equal(t, 1, rep.Count(RepairMissingWeights))
		assert.InDelta(t, 3.0, e.Ties[0].Weight, 0)
	})
	t.Run("repeated edges merged: weights summed, differing values joined (Network Canvas multiplex)", func(t *testing.T) {
		// Network Canvas's GraphML writes one edge per edge type, each with
		// its own networkCanvasUUID and networkCanvasType (keys for="all").
		in, err := NewInput("nc.graphml", strings.NewReader(gmlHead+`<key id="networkCanvasType" for="all" attr.name="networkCanvasType" attr.type="string"/>
<key id="networkCanvasUUID" for="all" attr.name="networkCanvasUUID" attr.type="string"/>
<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected" xmlns:nc="http://schema.networkcanvas.com/xmlns" nc:caseId="c1">
<node id="1"><data key="networkCanvasType">person</data></node><node id="2"><data key="networkCanvasType">person</data></node>
<edge source="1" target="2"><data key="networkCanvasType">friend</data><data key="networkCanvasUUID">u1</data><data key="w">1</data></edge>
<edge source="2" target="1"><data key="networkCanvasType">family</data><data key="networkCanvasUUID">u2</data><data key="w">2</data></edge>
<edge source="1" target="2"><data key="networkCanvasType">friend</data><data key="networkCanvasUUID">u1</data><data key="w">0.5</data></edge>
</graph></graphml>`), false)
		require.NoError(t, err)
		ds, rep, err := ReadGraphMLDatasetFrom(in, GraphMLOptions{})
		require.NoError(t, err)
		require.Len(t, ds.Egos[0].Ties, 1)
		tie := ds.Egos[0].Ties[0]
		assert.InDelta(t, 3.5, tie.Weight, 0, "1 + 2 + 0.5")
		ti, _ := ds.TieAttrs.Index("networkCanvasType")
		ui, _ := ds.TieAttrs.Index("networkCanvasUUID")
		assert.Equal(t, TextValue("friend|family"), tie.Attrs.At(ti))
		assert.Equal(t, TextValue("u1|u2"), tie.Attrs.At(ui))
		assert.Equal(t, 1, rep.Count(RepairMergedEdges), "the family edge")
		assert.Equal(t, 1, rep.Count(RepairDuplicates), "the second friend edge, identical data")
	})
	t.Run("directory, ego ID from the file name", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{
			"b.graphml":    gmlHead + `<graph edgedefault="undirected"><node id="x"/></graph></graphml>`,
			"a.graphml.gz": gmlHead + `<graph edgedefault="undirected"/></graphml>`,
			"notes.txt":    "not read",
		})
		ds, _, err := ReadGraphMLDataset(dir, GraphMLOptions{})
		require.NoError(t, err)
		require.Len(t, ds.Egos, 2)
		assert.Equal(t, "a", ds.Egos[0].ID)
		assert.Equal(t, "b", ds.Egos[1].ID)
		assert.Equal(t, 1, ds.Egos[1].Size())
	})
	t.Run("errors", func(t *testing.T) {
		cases := []struct {
			name, text string
			err        error
			line       int
		}{
			{"second graph without an ID", gmlHead + "<graph/>\n<graph/></graphml>", ErrEmptyID, 4},
			{"same ego twice", gmlHead + "<graph id=\"e\"/>\n<graph id=\"e\"/></graphml>", ErrDuplicateID, 4},
			{"mixed direction across egos", gmlHead + "<graph id=\"e\" edgedefault=\"undirected\"><edge source=\"a\" target=\"b\"/></graph>\n<graph id=\"f\" edgedefault=\"directed\">\n<edge source=\"a\" target=\"b\"/></graph></graphml>", ErrMixedDirection, 5},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in, err := NewInput("bad.graphml", strings.NewReader(c.text), false)
				require.NoError(t, err)
				_, _, err = ReadGraphMLDatasetFrom(in, GraphMLOptions{})
				require.Error(t, err)
				assert.True(t, errors.Is(err, c.err), "got %v", err)
				var pe *ParseError
				require.True(t, errors.As(err, &pe))
				assert.Equal(t, c.line, pe.Line, err.Error())
			})
		}
	})
}

func TestIsGraphMLDataset(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"whole.graphml": gmlHead + `<key id="g" for="graph" attr.name="name"/><graph/></graphml>`,
		"egos.graphml":  gmlHead + `<key id="g" for="graph" attr.name="egoID"/><graph/></graphml>`,
		"nc.graphml":    gmlHead + `<graph xmlns:nc="http://schema.networkcanvas.com/xmlns" nc:caseId="c1"/></graphml>`,
	})
	cases := []struct {
		path string
		want bool
	}{
		{dir, true},
		{filepath.Join(dir, "whole.graphml"), false},
		{filepath.Join(dir, "egos.graphml"), true},
		{filepath.Join(dir, "nc.graphml"), true},
	}
	for _, c := range cases {
		got, err := IsGraphMLDataset(c.path, GraphMLOptions{})
		require.NoError(t, err)
		assert.Equal(t, c.want, got, c.path)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.graphml"), []byte("<graphml><key id="), 0o644))
	_, err := IsGraphMLDataset(filepath.Join(dir, "bad.graphml"), GraphMLOptions{})
	assert.ErrorIs(t, err, ErrSyntax)
}

// The writer refuses text XML 1.0 cannot hold instead of changing it.
func TestWriteGraphMLRefusesNonXMLCharacters(t *testing.T) {
	for _, label := range []string{"bell\x07", "bad\xffutf8", "nul\x00"} {
		b := NewBuilder(false, false)
		b.LookupOrAdd(label)
		g, _ := b.Build()
		var buf bytes.Buffer
		err := WriteGraphML(&buf, g)
		assert.ErrorIs(t, err, ErrXMLChar, "%q", label)
	}
	b := NewBuilder(false, false)
	b.LookupOrAdd("tab\there, new\nline & <ok>")
	g, _ := b.Build()
	var buf bytes.Buffer
	require.NoError(t, WriteGraphML(&buf, g))
	in, err := NewInput("ok.graphml", &buf, false)
	require.NoError(t, err)
	back, _, err := ReadGraphMLFrom(in, GraphMLOptions{})
	require.NoError(t, err)
	assert.Equal(t, "tab\there, new\nline & <ok>", back.Label(0), "escaped and read back unchanged")
}

func ExampleReadGraphMLFrom() {
	const text = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="role" attr.type="string"><default>friend</default></key>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="ann"><data key="d0">kin</data></node>
    <node id="bob"/>
    <edge source="ann" target="bob"><data key="d1">2.5</data></edge>
    <edge source="bob" target="bob"><data key="d1">1</data></edge>
  </graph>
</graphml>`
	in, _ := NewInput("example.graphml", strings.NewReader(text), false)
	g, rep, err := ReadGraphMLFrom(in, GraphMLOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ann, _ := g.Lookup("ann")
	bob, _ := g.Lookup("bob")
	w, _ := g.EdgeWeight(ann, bob)
	role, _ := g.Attrs().Index("role")
	fmt.Println(g.Order(), "nodes,", g.Size(), "edge, weight", w)
	fmt.Println("roles:", g.NodeAttr(ann, role), g.NodeAttr(bob, role))
	fmt.Println(rep)
	// Output:
	// 2 nodes, 1 edge, weight 2.5
	// roles: kin friend
	// example.graphml: 1 self-loop dropped
}

// benchGraphML returns a GraphML whole network of n nodes and m random
// weighted edges (seeded), each node with one string attribute.
func benchGraphML(n, m int) []byte {
	var b bytes.Buffer
	b.WriteString(gmlHead + `<key id="d0" for="node" attr.name="group" attr.type="string"/>
<key id="d1" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected">
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<node id=\"n%d\"><data key=\"d0\">g%d</data></node>\n", i, i%7)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < m; i++ {
		fmt.Fprintf(&b, "<edge source=\"n%d\" target=\"n%d\"><data key=\"d1\">%d</data></edge>\n", rng.IntN(n), rng.IntN(n), 1+rng.IntN(5))
	}
	b.WriteString("</graph></graphml>\n")
	return b.Bytes()
}

func BenchmarkReadGraphML(b *testing.B) {
	for _, m := range []int{1_000, 10_000, 100_000} {
		data := benchGraphML(m/5, m)
		b.Run(fmt.Sprintf("edges=%d", m), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				in, _ := NewInput("bench.graphml", bytes.NewReader(data), false)
				if _, _, err := ReadGraphMLFrom(in, GraphMLOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

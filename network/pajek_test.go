package network

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readPajekString(t *testing.T, text string) (*Graph, Report, error) {
	t.Helper()
	in, err := NewInput("net.net", strings.NewReader(text), false)
	require.NoError(t, err)
	return ReadPajekFrom(in, PajekOptions{})
}

// Files written by testdata/make_graphml.py (igraph 0.10.2 write_pajek,
// networkx 2.8.8 write_pajek); expected values are what the script puts in.
func TestReadPajekReferenceFiles(t *testing.T) {
	t.Run("igraph: unlabelled vertices, weighted edges, a multi-edge, an isolate", func(t *testing.T) {
		g, rep, err := ReadPajek("testdata/igraph_undirected.net", PajekOptions{})
		require.NoError(t, err)
		assert.False(t, g.Directed())
		assert.True(t, g.IsWeighted())
		assert.Equal(t, 5, g.Order())
		assert.Equal(t, 4, g.Size())
		assert.Equal(t, 1, rep.Count(RepairDuplicates), "1 2 appears twice")
		assert.InDelta(t, 5.0, weight(t, g, "1", "2"), 0, "1 + 4")
		assert.InDelta(t, 0.5, weight(t, g, "4", "3"), 0)
		five, _ := g.Lookup("5")
		assert.Equal(t, 0, g.Degree(five))
	})
	t.Run("networkx: labels, coordinates and shapes ignored, arcs", func(t *testing.T) {
		g, _, err := ReadPajek("testdata/networkx_directed.net", PajekOptions{})
		require.NoError(t, err)
		assert.True(t, g.Directed())
		assert.Equal(t, 4, g.Order())
		assert.Equal(t, 3, g.Size())
		assert.InDelta(t, 1.5, weight(t, g, "x", "y"), 0)
		assert.InDelta(t, 0.5, weight(t, g, "y", "x"), 0)
		assert.InDelta(t, 2.0, weight(t, g, "y", "z"), 0)
	})
}

func TestReadPajekCases(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		nodes    int
		edges    int
		directed bool
		weighted bool
		self     int
		labels   []string
	}{
		{name: "no vertices", text: "*Vertices 0\n"},
		{name: "one vertex, no edges section", text: "*Vertices 1\n1 \"Ann Lee\"\n", nodes: 1, labels: []string{"Ann Lee"}},
		{name: "case-insensitive sections, comments, CRLF, blank lines",
			text:  "% a comment\r\n*NETWORK test\r\n*vertices 3\r\n1 \"a\" 0.1 0.2 0.5\r\n\r\n2 \"b\"\r\n*EDGES\r\n% another\r\n1 2\r\n2 3\r\n",
			nodes: 3, edges: 2, labels: []string{"a", "b", "3"}},
		{name: "arcs with weights, a self-loop",
			text:  "*Vertices 3\n*Arcs\n1 2 0.5\n2 1 2\n3 3 1\n",
			nodes: 3, edges: 2, directed: true, weighted: true, self: 1},
		{name: "arcslist", text: "*Vertices 4\n*Arcslist\n1 2 3 4\n4 1\n", nodes: 4, edges: 4, directed: true, labels: []string{"1", "2", "3", "4"}},
		{name: "edgeslist and edges together", text: "*Vertices 3\n*Edgeslist\n1 2 3\n*Edges\n2 3 1\n", nodes: 3, edges: 3, weighted: true},
		{name: "drawing parameters instead of a weight", text: "*Vertices 3\n*Edges\n1 2 c Blue\n2 3 2 c Red\n", nodes: 3, edges: 2, weighted: true},
		{name: "tab separated", text: "*Vertices\t2\n1\t\"x\"\n2\ty\n*Edges\n1\t2\t3\n", nodes: 2, edges: 1, weighted: true, labels: []string{"x", "y"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, rep, err := readPajekString(t, c.text)
			require.NoError(t, err)
			assert.Equal(t, c.nodes, g.Order(), "nodes")
			assert.Equal(t, c.edges, g.Size(), "edges")
			assert.Equal(t, c.directed, g.Directed(), "directed")
			assert.Equal(t, c.weighted, g.IsWeighted(), "weighted")
			assert.Equal(t, c.self, rep.Count(RepairSelfLoops))
			for i, l := range c.labels {
				assert.Equal(t, l, g.Label(i))
			}
		})
	}
	t.Run("weights", func(t *testing.T) {
		g, _, err := readPajekString(t, "*Vertices 3\n*Arcs\n1 2 0.5\n2 1 2\n")
		require.NoError(t, err)
		assert.InDelta(t, 0.5, weight(t, g, "1", "2"), 0)
		assert.InDelta(t, 2.0, weight(t, g, "2", "1"), 0)
	})
}

func TestReadPajekErrors(t *testing.T) {
	cases := []struct {
		name string
		text string
		err  error
		line int
	}{
		{"empty file", "", ErrEmptyFile, 0},
		{"only comments", "% nothing\n", ErrEmptyFile, 0},
		{"line before *Vertices", "1 2\n", ErrSyntax, 1},
		{"bad count", "*Vertices many\n", ErrSyntax, 1},
		{"negative count", "*Vertices -1\n", ErrSyntax, 1},
		{"too many vertices", "*Vertices 999999999999\n", ErrTooLarge, 1},
		{"vertex out of range", "*Vertices 2\n*Edges\n1 2\n1 3\n", ErrUnknownNode, 4},
		{"vertex zero", "*Vertices 2\n0 \"a\"\n", ErrUnknownNode, 2},
		{"not a number", "*Vertices 2\n*Edges\n1 b\n", ErrSyntax, 3},
		{"bad weight", "*Vertices 2\n*Edges\n1 2 1,5\n", ErrBadWeight, 3},
		{"negative weight", "*Vertices 2\n*Edges\n1 2 -1\n", ErrBadWeight, 3},
		{"NaN weight", "*Vertices 2\n*Edges\n1 2 NaN\n", ErrBadWeight, 3},
		{"one field on an edge line", "*Vertices 2\n*Edges\n1\n", ErrFieldCount, 3},
		{"edges and arcs", "*Vertices 2\n*Edges\n1 2\n*Arcs\n2 1\n", ErrMixedDirection, 4},
		{"duplicate label", "*Vertices 2\n1 \"a\"\n2 \"a\"\n*Edges\n", ErrDuplicateID, 3},
		{"unclosed quote", "*Vertices 1\n1 \"a\n", ErrSyntax, 2},
		{"matrix", "*Vertices 2\n*Matrix\n0 1\n1 0\n", ErrSyntax, 2},
		{"second *Vertices", "*Vertices 2\n*Vertices 2\n", ErrSyntax, 2},
		{"invalid UTF-8", "*Vertices 1\n1 \"\xff\"\n", ErrInvalidUTF8, 2},
		{"binary data", "\x00\x01\x02", ErrSyntax, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := readPajekString(t, c.text)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.err), "got %v, want %v", err, c.err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "got %T", err)
			if c.line > 0 {
				assert.Equal(t, c.line, pe.Line, err.Error())
			}
			assert.True(t, strings.HasPrefix(err.Error(), "net.net"), err.Error())
		})
	}
	t.Run("line too long", func(t *testing.T) {
		in, err := NewInput("long.net", strings.NewReader("*Vertices 1\n1 \""+strings.Repeat("x", 300)+"\"\n"), false)
		require.NoError(t, err)
		_, _, err = ReadPajekFrom(in, PajekOptions{MaxLineBytes: 100})
		assert.ErrorIs(t, err, ErrTooLarge)
	})
}

func TestReadPajekGzipBOM(t *testing.T) {
	text := "*Vertices 2\r\n1 \"a\"\r\n2 \"b\"\r\n*Edges\r\n1 2 2.5\r\n"
	dir := writeFiles(t, map[string]string{"g.net.gz": text, "bom.net": "\uFEFF" + text})
	for _, name := range []string{"g.net.gz", "bom.net"} {
		g, _, err := ReadPajek(filepath.Join(dir, name), PajekOptions{})
		require.NoError(t, err, name)
		assert.InDelta(t, 2.5, weight(t, g, "a", "b"), 0, name)
	}
}

// FuzzPajekReader: any input either fails with a *ParseError naming the file
// or gives a graph that GraphML carries unchanged (same nodes, edges and
// weights).
func FuzzPajekReader(f *testing.F) {
	f.Add("*Vertices 3\n1 \"a\" 0 0\n2 b\n*Edges\n1 2 1.5\n2 3\n3 3\n")
	f.Add("*vertices 2\r\n*arcslist\r\n1 2\r\n2 1 1\r\n")
	f.Add("% c\n*Network x\n*Vertices 0\n")
	f.Fuzz(func(t *testing.T, text string) {
		in, err := NewInput("f.net", strings.NewReader(text), false)
		if err != nil {
			return
		}
		g, _, err := ReadPajekFrom(in, PajekOptions{MaxVertices: 1 << 12})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f.net" {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteGraphML(&buf, g); errors.Is(err, ErrXMLChar) {
			return // a label XML cannot hold: the writer refuses it
		} else {
			require.NoError(t, err)
		}
		gin, err := NewInput("back.graphml", &buf, false)
		require.NoError(t, err)
		back, _, err := ReadGraphMLFrom(gin, GraphMLOptions{})
		require.NoError(t, err)
		require.Equal(t, g.Order(), back.Order())
		require.Equal(t, g.Size(), back.Size())
		require.Equal(t, g.Directed(), back.Directed())
		for u := range g.Order() {
			v, ok := back.Lookup(g.Label(u))
			require.True(t, ok)
			for _, w := range g.Neighbors(u) {
				x, _ := g.EdgeWeight(u, w)
				y, ok := back.EdgeWeight(v, mustLookup(t, back, g.Label(w)))
				require.True(t, ok)
				require.Equal(t, x, y)
			}
		}
	})
}

func mustLookup(t *testing.T, g *Graph, label string) int {
	t.Helper()
	id, ok := g.Lookup(label)
	require.True(t, ok, label)
	return id
}

func ExampleReadPajekFrom() {
	const text = "*Vertices 3\n1 \"Ann\"\n2 \"Bob\"\n3 \"Cy\"\n*Arcs\n1 2 0.5\n2 3 2\n"
	in, _ := NewInput("example.net", strings.NewReader(text), false)
	g, _, err := ReadPajekFrom(in, PajekOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Order(), "nodes,", g.Size(), "arcs, directed:", g.Directed())
	w, _ := g.EdgeWeight(1, 2)
	fmt.Println(g.Label(1), "->", g.Label(2), w)
	// Output:
	// 3 nodes, 2 arcs, directed: true
	// Bob -> Cy 2
}

// A declared vertex count is a node count, so the default limit keeps a
// few bytes from asking for a network of tens of millions of isolates
// (a 30-byte file declaring 60 million vertices took 20 GB under the old
// limit of 2^26). The limit itself, and anything below it, is accepted.
func TestReadPajekDefaultVertexLimit(t *testing.T) {
	read := func(src string) error {
		in, err := NewInput("g.net", strings.NewReader(src), false)
		require.NoError(t, err)
		_, _, err = ReadPajekFrom(in, PajekOptions{})
		return err
	}
	for _, n := range []int{1<<22 + 1, 60000000} {
		err := read(fmt.Sprintf("*Vertices %d\n", n))
		require.Error(t, err, "%d vertices", n)
		assert.True(t, errors.Is(err, ErrTooLarge), "got %v, want ErrTooLarge", err)
		assert.Contains(t, err.Error(), "g.net:1: ")
		assert.Contains(t, err.Error(), "the limit is 4194304")
	}
	require.NoError(t, read("*Vertices 3\n*Edges\n1 2\n"))
}

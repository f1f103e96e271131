package main

import (
	"bytes"
	"compress/gzip"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bad-input table drives the CLI end to end, in process. For each
// malformed input: the exit status is 1 (a data error, not a usage error and
// not a recovered panic, which would be 3), stderr is exactly one line
// "sociogram: FILE:LINE: what" (or "sociogram: FILE: what" when no line
// applies; a column may follow the line), naming the problem, and nothing is
// left at the -o path.

// Good tables that cases change one file of.
const (
	goodEgos   = "egoID,sex\ne1,f\ne2,m\n"
	goodAlters = "egoID,alterID,sex\ne1,a,f\ne1,b,m\ne1,c,f\ne2,x,m\n"
	goodTies   = "egoID,Source,Target,weight\ne1,a,b,1\ne1,b,c,2\n"
	goodEdges  = "source,target,weight\na,b,1\nb,c,2\n"
	goodNodes  = "id,group\na,x\nb,y\nc,x\n"
)

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// badCase is one malformed input. files maps a role (egos, alters, ties,
// edges, nodes) to a file name and content; roles not given get the good
// table. bad is the role of the file the error must name; line is the line
// it must name (0: none); want is a fragment of the message.
type badCase struct {
	name  string
	whole bool // edge list input rather than survey tables
	files map[string]file
	bad   string
	line  int
	want  string
}

type file struct{ name, content string }

var badCases = []badCase{
	// Empty and header-only files.
	{name: "empty egos file", files: map[string]file{"egos": {"egos.csv", ""}}, bad: "egos", want: "empty file: no header row"},
	{name: "blank lines only", files: map[string]file{"alters": {"alters.csv", "\n\n\r\n"}}, bad: "alters", want: "empty file"},
	{name: "header-only egos file", files: map[string]file{"egos": {"egos.csv", "egoID,sex\n"}}, bad: "egos", line: 1, want: "no egos after the header"},
	{name: "empty edge list", whole: true, files: map[string]file{"edges": {"edges.csv", ""}}, bad: "edges", want: "empty file"},
	{name: "header-only edge list without node file", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\n"}}, bad: "edges", line: 1, want: "no edges after the header"},

	// Truncated files.
	{name: "truncated record", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne1,b"}}, bad: "alters", line: 3, want: "wrong number of fields"},
	{name: "truncated inside a quoted field", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne1,\"b"}}, bad: "alters", line: 3, want: `extraneous or missing " in quoted-field`},
	{name: "truncated edge list", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,1\nb,c"}}, bad: "edges", line: 3, want: "wrong number of fields"},

	// Wrong delimiters.
	// (A header with as many semicolons or tabs as commas is taken as comma-separated.)
	{name: "semicolons read as commas", files: map[string]file{"egos": {"egos.csv", "egoID;sex,age\ne1;f,30\n"}}, bad: "egos", line: 1, want: `missing required column "egoID" (or ".egoID", ".EGOID"); the header has "egoID;sex", "age"`},
	{name: "tabs read as commas", whole: true, files: map[string]file{"edges": {"edges.csv", "source\ttarget,w\na\tb,1\n"}}, bad: "edges", line: 1, want: `missing required column "source"`},
	{name: "delimiter changes mid-file", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne1;b;m\n"}}, bad: "alters", line: 3, want: "wrong number of fields"},

	// Quotes.
	{name: "quote left open", files: map[string]file{"egos": {"egos.csv", "egoID,sex\ne1,\"f\ne2,m\n"}}, bad: "egos", line: 2, want: `extraneous or missing " in quoted-field`},
	{name: "bare quote in a field", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a\"b,f\n"}}, bad: "alters", line: 2, want: `bare " in non-quoted-field`},
	{name: "text after a closing quote", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\n\"a\"x,b\n"}}, bad: "edges", line: 2, want: `extraneous or missing " in quoted-field`},

	// Size.
	{name: "million-column line", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a" + strings.Repeat(",f", 1_000_000) + "\n"}}, bad: "alters", line: 2, want: "input too large: a record of more than 65536 fields"},
	{name: "million-column header then short rows", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target" + strings.Repeat(",x", 1_000_000) + "\na,b\n"}}, bad: "edges", line: 1, want: "input too large: a record of more than 65536 fields"},
	{name: "very long field in a record with a missing field", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1," + strings.Repeat("a", 8<<20) + "\n"}}, bad: "alters", line: 2, want: "2 fields, the header has 3"},
	{name: "very long quoted field never closed", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\na,\"" + strings.Repeat("b", 8<<20) + "\n"}}, bad: "edges", line: 2, want: `extraneous or missing " in quoted-field`},

	// Encoding.
	{name: "invalid UTF-8 in a field", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne1,b\xff\xfe,m\n"}}, bad: "alters", line: 3, want: "invalid UTF-8"},
	{name: "invalid UTF-8 in the header", files: map[string]file{"egos": {"egos.csv", "egoID,s\xc3\x28x\ne1,f\n"}}, bad: "egos", line: 1, want: "invalid UTF-8"},
	{name: "UTF-16 file", whole: true, files: map[string]file{"edges": {"edges.csv", "\xff\xfes\x00,\x00t\x00\n\x00"}}, bad: "edges", line: 1, want: "invalid UTF-8"},

	// IDs and references.
	{name: "alter-alter tie to an unknown alter", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target\ne1,a,b\ne1,a,zz\n"}}, bad: "ties", line: 3, want: `unknown alter: "zz" is not an alter of ego "e1"`},
	{name: "tie to an alter of another ego", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target\ne1,a,x\n"}}, bad: "ties", line: 2, want: `"x" is not an alter of ego "e1"`},
	{name: "alter of an unknown ego", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne9,b,m\n"}}, bad: "alters", line: 3, want: `unknown ego: "e9"`},
	{name: "same alter twice with different attributes", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1,a,f\ne1,a,m\n"}}, bad: "alters", line: 3, want: `alter "a" appears twice for ego "e1"`},
	{name: "same ego twice with different attributes", files: map[string]file{"egos": {"egos.csv", "egoID,sex\ne1,f\ne1,m\n"}}, bad: "egos", line: 3, want: `ego "e1" appears twice`},
	{name: "same tie twice with different attributes", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,kind\ne1,a,b,kin\ne1,b,a,work\n"}}, bad: "ties", line: 3, want: `tie "a"–"b" appears twice with different attributes`},
	{name: "empty alter ID", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex\ne1, ,f\n"}}, bad: "alters", line: 2, want: "empty ID"},
	{name: "same column twice in a header", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,sex,sex\ne1,a,f,m\n"}}, bad: "alters", line: 1, want: `column "sex" appears twice in the header`},
	{name: "edge to a node not in the node file", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target\na,b\nb,d\n"}, "nodes": {"nodes.csv", goodNodes}}, bad: "edges", line: 3, want: `unknown node: "d" is not in`},
	{name: "same node twice in the node file", whole: true, files: map[string]file{"nodes": {"nodes.csv", "id,group\na,x\nb,y\na,z\nc,x\n"}}, bad: "nodes", line: 4, want: `node "a" appears twice`},
	{name: "ambiguous default column", whole: true, files: map[string]file{"edges": {"edges.csv", "Source,source,target\na,b,c\n"}}, bad: "edges", line: 1, want: `columns "Source" and "source" both match`},

	// Weights.
	{name: "negative weight", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,weight\ne1,a,b,-1\n"}}, bad: "ties", line: 2, want: "bad weight: -1 (weights must be finite and non-negative)"},
	{name: "NaN weight", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,weight\ne1,a,b,NaN\n"}}, bad: "ties", line: 2, want: `bad weight: "NaN" is not a number`},
	{name: "infinite weight", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,Inf\n"}}, bad: "edges", line: 2, want: `bad weight: "Inf" is not a number`},
	{name: "weight beyond float64", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,1e400\n"}}, bad: "edges", line: 2, want: `bad weight: "1e400" is out of range`},
	{name: "duplicate ties whose weights sum beyond float64", files: map[string]file{"ties": {"aaties.csv", "egoID,Source,Target,weight\ne1,a,b,1e308\ne1,b,a,1e308\n"}}, bad: "ties", line: 3, want: "bad weight: duplicate ties sum to more than"},
	{name: "duplicate edges whose weights sum beyond float64", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,1e308\nb,c,1\nb,a,1.5e308\n"}}, bad: "edges", want: "bad weight: duplicate ties sum to more than"},
	{name: "missing weight", whole: true, files: map[string]file{"edges": {"edges.csv", "source,target,weight\na,b,NA\n"}}, bad: "edges", line: 2, want: `bad weight: "NA" is not a number`},
	{name: "negative ego-alter weight", files: map[string]file{"alters": {"alters.csv", "egoID,alterID,closeness\ne1,a,-0.5\n"}}, bad: "alters", line: 2, want: "bad weight: -0.5"},

	// Compression.
	{name: "0-byte gzip", files: map[string]file{"egos": {"egos.csv.gz", ""}}, bad: "egos", want: "empty .gz file"},
	{name: "gzip that is not gzip", whole: true, files: map[string]file{"edges": {"edges.csv.gz", goodEdges}}, bad: "edges", want: "the content is not gzip"},
	{name: "truncated gzip", files: map[string]file{"alters": {"alters.csv.gz", gzipped(goodAlters)[:40]}}, bad: "alters", want: "truncated gzip"},
	{name: "gzip with a bad checksum", whole: true, files: map[string]file{"edges": {"edges.csv.gz", corruptCRC(gzipped(goodEdges))}}, bad: "edges", want: "gzip: invalid checksum"},
	{name: "gzip header only", whole: true, files: map[string]file{"edges": {"edges.csv.gz", "\x1f\x8b"}}, bad: "edges", want: "bad gzip header"},

	// GraphML.
	{name: "GraphML nesting bomb", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph>" + strings.Repeat("<node id=\"a\"><graph>", 100_000)}}, bad: "graphml", line: 1, want: "input too large"},
	{name: "GraphML entity bomb", whole: true, files: map[string]file{"graphml": {"g.graphml", billionLaughs}}, bad: "graphml", line: 9, want: "lol9"},
	{name: "GraphML 20 MB attribute value", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph><node id=\"" + strings.Repeat("a", 20<<20) + "\"/></graph></graphml>"}}, bad: "graphml", line: 1, want: "input too large"},
	{name: "GraphML huge declared counts", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph parse.nodes=\"999999999999\" parse.edges=\"999999999999\" parse.maxindegree=\"99999999999\" parse.order=\"nodesfirst\">\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>"}}, bad: "graphml", line: 3, want: `node "a" is declared twice`},
	{name: "GraphML truncated", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\""}}, bad: "graphml", line: 1, want: "the file is truncated"},
	{name: "GraphML edge to nowhere with a bad weight", whole: true, files: map[string]file{"graphml": {"g.graphml", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">-Inf</data></edge></graph></graphml>"}}, bad: "graphml", line: 3, want: "bad weight"},
	{name: "GraphML not XML", whole: true, files: map[string]file{"graphml": {"g.graphml", "source,target\na,b\n"}}, bad: "graphml", line: 3, want: "not a GraphML file"},
	{name: "empty GraphML", whole: true, files: map[string]file{"graphml": {"g.graphml", ""}}, bad: "graphml", line: 1, want: "empty file"},

	// Pajek.
	{name: "Pajek huge declared vertex count", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 999999999999\n*Edges\n1 2\n"}}, bad: "pajek", line: 1, want: "input too large"},
	{name: "Pajek vertex out of range", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n*Edges\n1 3\n"}}, bad: "pajek", line: 3, want: "unknown node"},
	{name: "Pajek negative weight", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n*Arcs\n1 2 -4\n"}}, bad: "pajek", line: 3, want: "bad weight"},
	{name: "Pajek label quote left open", whole: true, files: map[string]file{"pajek": {"g.net", "*Vertices 2\n1 \"Ann\n2 Bob\n*Edges\n1 2\n"}}, bad: "pajek", line: 2, want: "quote"},
	{name: "empty Pajek file", whole: true, files: map[string]file{"pajek": {"g.net", ""}}, bad: "pajek", want: "empty file"},

	// Network Canvas export.
	{name: "Network Canvas node of an unknown interview", files: map[string]file{
		"nc:ego":   {"P1_S_ego.csv", "networkCanvasEgoUUID,networkCanvasCaseID\nu1,P1\n"},
		"nc:nodes": {"P1_S_attributeList_Person.csv", "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\n1,u1,a,Ann\n2,u9,b,Bob\n"},
	}, bad: "nc:nodes", line: 3, want: `"u9" is in no ego file`},
	{name: "Network Canvas edge to an unknown node", files: map[string]file{
		"nc:ego":   {"P1_S_ego.csv", "networkCanvasEgoUUID\nu1\n"},
		"nc:nodes": {"P1_S_attributeList_Person.csv", "nodeID,networkCanvasEgoUUID,networkCanvasUUID\n1,u1,a\n"},
		"nc:edges": {"P1_S_edgeList_knows.csv", "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\n1,1,2,u1,e1,a,zz\n"},
	}, bad: "nc:edges", line: 2, want: "unknown alter"},
	{name: "Network Canvas header-only ego file", files: map[string]file{
		"nc:ego": {"P1_S_ego.csv", "networkCanvasEgoUUID\n"},
	}, bad: "nc:ego", line: 1, want: "no egos after the header"},
}

// billionLaughs is the classic entity-expansion bomb; encoding/xml does not
// expand entities declared in a DTD, so it must fail on the first use.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml><graph>
<node id="&lol9;"/>
</graph></graphml>
`

// corruptCRC flips a bit of the gzip trailer's CRC-32.
func corruptCRC(s string) string {
	b := []byte(s)
	b[len(b)-8] ^= 1
	return string(b)
}

// writeCase writes the case's files (good tables for roles it does not
// give) and returns the command line to run and the paths by role.
func writeCase(t *testing.T, c badCase, dir string) ([]string, map[string]string) {
	t.Helper()
	var roles []string
	good := map[string]file{}
	if c.whole {
		roles = []string{"edges", "nodes"}
		good["edges"] = file{"edges.csv", goodEdges}
	} else {
		roles = []string{"egos", "alters", "ties"}
		good["egos"] = file{"egos.csv", goodEgos}
		good["alters"] = file{"alters.csv", goodAlters}
		good["ties"] = file{"aaties.csv", goodTies}
	}
	paths := map[string]string{}
	var args []string
	for _, r := range []string{"graphml", "pajek"} {
		if f, ok := c.files[r]; ok {
			p := filepath.Join(dir, f.name)
			require.NoError(t, os.WriteFile(p, []byte(f.content), 0o644))
			paths[r] = p
			return []string{"--" + r, p}, paths
		}
	}
	nc := filepath.Join(dir, "nc")
	for r, f := range c.files {
		if strings.HasPrefix(r, "nc:") {
			require.NoError(t, os.MkdirAll(nc, 0o755))
			p := filepath.Join(nc, f.name)
			require.NoError(t, os.WriteFile(p, []byte(f.content), 0o644))
			paths[r] = p
		}
	}
	if len(paths) > 0 {
		return []string{"--netcanvas", nc}, paths
	}
	for _, r := range roles {
		f, ok := c.files[r]
		if !ok {
			if f, ok = good[r]; !ok {
				continue
			}
		}
		p := filepath.Join(dir, f.name)
		require.NoError(t, os.WriteFile(p, []byte(f.content), 0o644))
		paths[r] = p
		args = append(args, "--"+r, p)
	}
	if !c.whole {
		if _, ok := c.files["alters"]; ok && strings.Contains(c.files["alters"].content, "closeness") {
			args = append(args, "--alter-weight", "closeness")
		}
	}
	return args, paths
}

// badCommands are the command lines each bad case runs with (after the
// input flags): convert to a directory, the measures commands to a file,
// draw to a picture or a directory of pictures.
func badCommands(whole bool, dir string) [][]string {
	out := filepath.Join(dir, "out")
	if whole {
		return [][]string{{"convert", "--to", "edges", "-o", out}, {"nodes", "-o", out}, {"draw", "-o", out + ".png"}}
	}
	return [][]string{{"convert", "--to", "egocsv", "-o", out}, {"egos", "-o", out}, {"draw", "--all", "-o", out}}
}

func TestBadInput(t *testing.T) { runBadCases(t, badCases) }

// runBadCases runs each case with every command of badCommands.
func runBadCases(t *testing.T, cases []badCase) {
	for _, c := range cases {
		for _, cmd := range badCommands(c.whole, "") {
			t.Run(cmd[0]+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				args, paths := writeCase(t, c, dir)
				cl := badCommands(c.whole, dir)[slices.IndexFunc(badCommands(c.whole, ""), func(x []string) bool { return x[0] == cmd[0] })]
				outPath := cl[len(cl)-1]
				var out, errb bytes.Buffer
				status := run(append(append([]string{cl[0]}, args...), cl[1:]...), &out, &errb)
				assert.Equal(t, 1, status, "exit status; stderr: %s", errb.String())
				checkOneLine(t, errb.String(), paths[c.bad], c.line, c.want)
				assert.Empty(t, out.String(), "nothing on stdout")
				assert.NoFileExists(t, outPath, "no output file left at -o")
				assert.NoDirExists(t, outPath, "no output directory left at -o")
				assertNoStrays(t, dir)
			})
		}
	}
}

// checkOneLine checks that stderr is one line "sociogram: FILE:LINE[:COL]: …"
// (or "sociogram: FILE: …" when line is 0) containing want.
func checkOneLine(t *testing.T, stderr, path string, line int, want string) {
	t.Helper()
	require.True(t, strings.HasSuffix(stderr, "\n") && strings.Count(stderr, "\n") == 1, "got %q, want exactly one line", stderr)
	prefix := regexp.QuoteMeta("sociogram: " + path)
	if line > 0 {
		prefix += ":" + strconv.Itoa(line) + `(:\d+)?`
	}
	re := regexp.MustCompile("^" + prefix + `: \S`)
	assert.Regexp(t, re, stderr, "got %q, want it to start %q", stderr, prefix)
	assert.Contains(t, stderr, want, "got %q, want it to say %q", stderr, want)
}

// assertNoStrays checks that no temporary output files were left in dir.
func assertNoStrays(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.Contains(e.Name(), ".tmp"), "temporary file %s left behind", e.Name())
	}
}

// Awkward but valid input must work: IDs with commas, quotes and non-ASCII
// letters when properly quoted, a byte-order mark, CRLF line ends, a long
// field, gzip. Each repair the reader made is one warning line on stderr.
func TestAwkwardInputConvert(t *testing.T) {
	longID := strings.Repeat("x", 1<<20)
	cases := []struct {
		name     string
		whole    bool
		files    map[string]file
		warnings []string // fragments, one per expected warning line, in order
		check    func(t *testing.T, out string)
	}{
		{
			name: "IDs with commas and quotes",
			files: map[string]file{
				"egos":   {"egos.csv", "egoID,name\n\"Smith, J.\",\"say \"\"hi\"\"\"\n"},
				"alters": {"alters.csv", "egoID,alterID\n\"Smith, J.\",\"O'Neil, \"\"Mo\"\"\"\n\"Smith, J.\",Zoë\n"},
				"ties":   {"aaties.csv", "egoID,Source,Target\n\"Smith, J.\",Zoë,\"O'Neil, \"\"Mo\"\"\"\n"},
			},
			check: func(t *testing.T, out string) {
				a := readFile(t, filepath.Join(out, "alters.csv"))
				assert.Equal(t, "egoID,alterID\n\"Smith, J.\",\"O'Neil, \"\"Mo\"\"\"\n\"Smith, J.\",Zoë\n", a)
				e := readFile(t, filepath.Join(out, "egos.csv"))
				assert.Equal(t, "egoID,name\n\"Smith, J.\",\"say \"\"hi\"\"\"\n", e)
				ti := readFile(t, filepath.Join(out, "aaties.csv"))
				assert.Equal(t, "egoID,Source,Target\n\"Smith, J.\",\"O'Neil, \"\"Mo\"\"\",Zoë\n", ti, "undirected ties are written lower alter first")
			},
		},
		{
			name:  "edge list IDs with commas and quotes",
			whole: true,
			files: map[string]file{"edges": {"edges.csv", "source,target\n\"a,b\",\"c \"\"d\"\"\"\n"}},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "source,target\n\"a,b\",\"c \"\"d\"\"\"\n", readFile(t, filepath.Join(out, "edges.csv")))
			},
		},
		{
			name: "BOM, CRLF, self-tie and duplicate tie are repaired and reported",
			files: map[string]file{
				"egos":   {"egos.csv", "\xef\xbb\xbfegoID,sex\r\ne1,f\r\n"},
				"alters": {"alters.csv", "egoID,alterID\r\ne1,a\r\ne1,b\r\n"},
				"ties":   {"aaties.csv", "egoID,Source,Target,weight\ne1,a,a,1\ne1,a,b,1\ne1,b,a,2\n"},
			},
			warnings: []string{"egos.csv: 1 byte-order mark removed", "aaties.csv: 1 self-loop dropped", "aaties.csv: 1 duplicate tie merged (weights summed)"},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "egoID,sex\ne1,f\n", readFile(t, filepath.Join(out, "egos.csv")))
				assert.Equal(t, "egoID,Source,Target,weight\ne1,a,b,3\n", readFile(t, filepath.Join(out, "aaties.csv")))
			},
		},
		{
			name:  "edge list BOM, self-loop and duplicates are repaired and reported",
			whole: true,
			files: map[string]file{
				"edges": {"edges.csv", "\xef\xbb\xbfsource,target,weight\na,b,1\nb,b,5\nb,a,0.5\na,b,1\n"},
				"nodes": {"nodes.csv", "\xef\xbb\xbfid\na\nb\n"},
			},
			warnings: []string{"edges.csv: 1 byte-order mark removed", "nodes.csv: 1 byte-order mark removed", "edges.csv: 1 self-loop dropped", "edges.csv: 2 duplicate ties merged (weights summed)"},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "source,target,weight\na,b,2.5\n", readFile(t, filepath.Join(out, "edges.csv")))
			},
		},
		{
			name:  "GraphML BOM, node from an edge, self-loop and duplicate are repaired and reported",
			whole: true,
			files: map[string]file{"graphml": {"g.graphml", "\xef\xbb\xbf<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>" +
				"<edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"a\"/><edge source=\"a\" target=\"a\"/><edge source=\"b\" target=\"c\"/></graph></graphml>"}},
			warnings: []string{"g.graphml: 1 byte-order mark removed", "g.graphml: 1 node created by an edge without a <node> element", "g.graphml: 1 self-loop dropped", "g.graphml: 1 duplicate tie merged"},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "source,target\na,b\nb,c\n", readFile(t, filepath.Join(out, "edges.csv")))
			},
		},
		{
			name:     "Pajek self-loop and duplicate are repaired and reported",
			whole:    true,
			files:    map[string]file{"pajek": {"g.net", "*Vertices 3\n1 \"Ann Lee\"\n2 Bob\n3 Cy\n*Edges\n1 2 1\n2 1 2\n3 3 1\n"}},
			warnings: []string{"g.net: 1 self-loop dropped", "g.net: 1 duplicate tie merged"},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "source,target,weight\nAnn Lee,Bob,3\n", readFile(t, filepath.Join(out, "edges.csv")))
			},
		},
		{
			name: "Network Canvas ties of two edge types between the same alters are merged and reported",
			files: map[string]file{
				"nc:ego":   {"P1_S_ego.csv", "networkCanvasEgoUUID,networkCanvasCaseID\nu1,P1\n"},
				"nc:nodes": {"P1_S_attributeList_Person.csv", "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\n1,u1,a,Ann\n2,u1,b,Bob\n"},
				"nc:knows": {"P1_S_edgeList_knows.csv", "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\n1,1,2,u1,e1,a,b\n"},
				"nc:close": {"P1_S_edgeList_close.csv", "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\n2,2,1,u1,e2,b,a\n"},
			},
			warnings: []string{"1 tie of several edge types between the same alters merged"},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "egoID,Source,Target,type\nu1,a,b,close|knows\n", readFile(t, filepath.Join(out, "aaties.csv")))
			},
		},
		{
			name:  "a 1 MiB ID in a gzip file",
			whole: true,
			files: map[string]file{"edges": {"edges.csv.gz", gzipped("source,target\n" + longID + ",b\n")}},
			check: func(t *testing.T, out string) {
				assert.Equal(t, "source,target\n"+longID+",b\n", readFile(t, filepath.Join(out, "edges.csv")))
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args, _ := writeCase(t, badCase{whole: c.whole, files: c.files}, dir)
			outDir := filepath.Join(dir, "out")
			to := "egocsv"
			if c.whole {
				to = "edges"
			}
			var out, errb bytes.Buffer
			status := run(append(append([]string{"convert"}, args...), "--to", to, "-o", outDir), &out, &errb)
			require.Equal(t, 0, status, "stderr: %s", errb.String())
			lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
			if len(c.warnings) == 0 {
				assert.Empty(t, errb.String(), "no warnings")
			} else {
				require.Len(t, lines, len(c.warnings), "got %q", errb.String())
				for i, w := range c.warnings {
					assert.True(t, strings.HasPrefix(lines[i], "sociogram: warning: "), "got %q", lines[i])
					assert.Contains(t, lines[i], w)
				}
			}
			c.check(t, outDir)
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// Library packages never print and never exit: only the command does. The
// test parses every non-test .go file of the library packages (programs,
// package main, are skipped) and rejects
// calls of fmt.Print*, print and println, any use of os.Stdout, os.Stderr,
// os.Exit, and the log package.
func TestLibraryNeverPrintsOrExits(t *testing.T) {
	var dirs []string
	for _, pkg := range []string{"network", "measures", "visualize", "internal"} {
		root := filepath.Join("..", "..", pkg)
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() != "testdata" {
				dirs = append(dirs, path)
			}
			return nil
		})
	}
	require.NotEmpty(t, dirs)
	checked := 0
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			checked++
			for _, bad := range forbiddenCalls(t, path) {
				t.Errorf("%s: library code must not use %s (return an error or take an io.Writer)", bad.pos, bad.what)
			}
		}
	}
	assert.Greater(t, checked, 10, "found the library sources")
}

type forbidden struct{ pos, what string }

// forbiddenCalls parses one file and lists its uses of printing and exiting.
func forbiddenCalls(t *testing.T, path string) []forbidden {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	require.NoError(t, err)
	if f.Name.Name == "main" {
		return nil // a program (a generator under internal/), not library code
	}
	local := map[string]string{} // local import name → import path
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		local[name] = p
	}
	var out []forbidden
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			id, ok := x.X.(*ast.Ident)
			if !ok {
				return true
			}
			what := local[id.Name] + "." + x.Sel.Name
			switch {
			case local[id.Name] == "fmt" && strings.HasPrefix(x.Sel.Name, "Print"),
				local[id.Name] == "os" && (x.Sel.Name == "Stdout" || x.Sel.Name == "Stderr" || x.Sel.Name == "Exit"),
				local[id.Name] == "log":
				out = append(out, forbidden{fset.Position(x.Pos()).String(), what})
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && (id.Name == "print" || id.Name == "println") && id.Obj == nil {
				out = append(out, forbidden{fset.Position(x.Pos()).String(), id.Name})
			}
		}
		return true
	})
	return out
}

// Converting data whose attribute names clash with the ego CSV's key
// columns fails with one line and leaves nothing, rather than writing
// files that sociogram could not read back.
func TestConvertRefusesUnreadableOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "ds.graphml")
	require.NoError(t, os.WriteFile(in, []byte(`<graphml>
<key id="e" for="graph" attr.name="egoID" attr.type="string"/>
<key id="n" for="node" attr.name="alterID" attr.type="string"/>
<graph><data key="e">e1</data><node id="a"><data key="n">x</data></node><node id="b"/><edge source="a" target="b"/></graph>
</graphml>`), 0o644))
	out := filepath.Join(dir, "out")
	var stdout, errb bytes.Buffer
	status := run([]string{"convert", "--graphml", in, "--to", "egocsv", "-o", out}, &stdout, &errb)
	assert.Equal(t, 1, status, "stderr: %s", errb.String())
	assert.Equal(t, "sociogram: cannot write ego CSV: alters.csv would have two columns named \"alterID\" (an attribute has the name of a key or weight column); rename the attribute or choose other column names\n", errb.String())
	assert.NoDirExists(t, out)

	// Choosing another alter ID column name resolves it, and the result reads back.
	out2 := filepath.Join(dir, "out2")
	errb.Reset()
	require.Equal(t, 0, run([]string{"convert", "--graphml", in, "--alter-id", "alter", "--to", "egocsv", "-o", out2}, &stdout, &errb), "stderr: %s", errb.String())
	assert.Equal(t, "egoID,alter,alterID\ne1,a,x\ne1,b,NA\n", readFile(t, filepath.Join(out2, "alters.csv")))
	errb.Reset()
	stdout.Reset()
	require.Equal(t, 0, run([]string{"egos", "--egos", filepath.Join(out2, "egos.csv"), "--alters", filepath.Join(out2, "alters.csv"), "--ties", filepath.Join(out2, "aaties.csv"), "--alter-id", "alter", "--measures", "size,ties"}, &stdout, &errb), "stderr: %s", errb.String())
	assert.Equal(t, "egoID,size,ties\ne1,2,1\n", stdout.String())
}

// A failed run leaves an existing output file as it was.
func TestBadInputKeepsExistingOutput(t *testing.T) {
	for _, c := range []badCase{badCases[0], badCases[3], badCases[len(badCases)-1]} { // survey, whole network, Network Canvas
		for _, cmd := range badCommands(c.whole, "") {
			if cmd[0] == "convert" {
				continue // convert writes a directory
			}
			t.Run(cmd[0]+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				args, _ := writeCase(t, c, dir)
				outPath := filepath.Join(dir, "out")
				require.NoError(t, os.WriteFile(outPath, []byte("previous results\n"), 0o644))
				var out, errb bytes.Buffer
				status := run(append(append([]string{cmd[0]}, args...), "-o", outPath), &out, &errb)
				assert.Equal(t, 1, status, "stderr: %s", errb.String())
				assert.Equal(t, "previous results\n", readFile(t, outPath))
				assertNoStrays(t, dir)
			})
		}
	}
}

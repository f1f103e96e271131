package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs sociogram in process and returns the exit status, stdout and
// stderr.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	status := run(args, &out, &errb)
	return status, out.String(), errb.String()
}

// put writes files into dir and returns dir.
func put(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func slurp(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// A small study: ego e1 with three alters and two weighted ties, e2 with one
// alter, e3 with none; e2's age and alter c's sex are missing.
var convStudy = map[string]string{
	"egos.csv":   "egoID,sex,age\ne1,f,34\ne2,m,NA\ne3,f,51\n",
	"alters.csv": "egoID,alterID,sex,closeness\ne1,a,f,1\ne1,b,m,2\ne1,c,NA,3\ne2,x,m,2\n",
	"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,1.5\ne1,b,c,2\n",
}

const (
	convEdges = "source,target,weight\na,b,1.5\nb,c,0.25\n"
	convNodes = "id,group\na,x\nb,y\nc,x\niso,z\n"
)

// egoCSV → GraphML directory (one file per ego) → ego CSV gives the same
// three tables; the GraphML step also works from a single dataset file.
func TestConvertEgoCSVGraphMLRoundTrip(t *testing.T) {
	in := put(t, t.TempDir(), convStudy)
	work := t.TempDir()
	gml := filepath.Join(work, "egos")
	status, _, errs := runCLI("convert", "--egos", filepath.Join(in, "egos.csv"), "--alters", filepath.Join(in, "alters.csv"),
		"--ties", filepath.Join(in, "aaties.csv"), "--alter-weight", "closeness", "--to", "graphml", "-o", gml)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, []string{"001_e1.graphml", "002_e2.graphml", "003_e3.graphml"}, listDir(t, gml))
	assert.Contains(t, slurp(t, filepath.Join(gml, "001_e1.graphml")), `<data key="g_id">e1</data>`)

	back := filepath.Join(work, "back")
	status, _, errs = runCLI("convert", "--graphml", gml, "--alter-weight", "closeness", "--to", "egocsv", "-o", back)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, convStudy["egos.csv"], slurp(t, filepath.Join(back, "egos.csv")))
	assert.Equal(t, convStudy["aaties.csv"], slurp(t, filepath.Join(back, "aaties.csv")))
	assert.Equal(t, "egoID,alterID,closeness,sex\ne1,a,1,f\ne1,b,2,m\ne1,c,3,NA\ne2,x,2,m\n",
		slurp(t, filepath.Join(back, "alters.csv")), "the ego–alter weight column comes first, as the ego CSV writer puts it")

	t.Run("one file with several ego graphs", func(t *testing.T) {
		one := put(t, t.TempDir(), map[string]string{"study.graphml": `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="g" for="graph" attr.name="egoID" attr.type="string"/>
<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><data key="g">p1</data><node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">2</data></edge></graph>
<graph edgedefault="undirected"><data key="g">p2</data></graph>
</graphml>`})
		out := filepath.Join(t.TempDir(), "t")
		status, _, errs := runCLI("convert", "--graphml", filepath.Join(one, "study.graphml"), "--to", "egocsv", "-o", out)
		require.Equal(t, 0, status, errs)
		assert.Equal(t, "egoID\np1\np2\n", slurp(t, filepath.Join(out, "egos.csv")))
		assert.Equal(t, "egoID,alterID\np1,a\np1,b\n", slurp(t, filepath.Join(out, "alters.csv")))
		assert.Equal(t, "egoID,Source,Target,weight\np1,a,b,2\n", slurp(t, filepath.Join(out, "aaties.csv")))
	})
}

// edge list → one GraphML file → edge list gives the same files.
func TestConvertEdgesGraphMLRoundTrip(t *testing.T) {
	in := put(t, t.TempDir(), map[string]string{"edges.csv": convEdges, "nodes.csv": convNodes})
	work := t.TempDir()
	gml := filepath.Join(work, "net.graphml")
	status, _, errs := runCLI("convert", "--edges", filepath.Join(in, "edges.csv"), "--nodes", filepath.Join(in, "nodes.csv"), "--to", "graphml", "-o", gml)
	require.Equal(t, 0, status, errs)
	text := slurp(t, gml)
	assert.Contains(t, text, `edgedefault="undirected"`)
	assert.Contains(t, text, `<node id="iso">`)

	back := filepath.Join(work, "back")
	status, _, errs = runCLI("convert", "--graphml", gml, "--to", "edges", "-o", back)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, convEdges, slurp(t, filepath.Join(back, "edges.csv")))
	assert.Equal(t, convNodes, slurp(t, filepath.Join(back, "nodes.csv")))

	t.Run("to stdout", func(t *testing.T) {
		status, out, errs := runCLI("convert", "--edges", filepath.Join(in, "edges.csv"), "--to", "graphml", "-o", "-")
		require.Equal(t, 0, status, errs)
		assert.True(t, strings.HasPrefix(out, "<?xml"), out)
		assert.Contains(t, out, `<edge source="b" target="c">`)
	})
}

func TestConvertFromReferenceFiles(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		edges string
		warn  string
	}{
		{"networkx GraphML (self-loop dropped)", []string{"--graphml", "../../network/testdata/networkx_undirected.graphml"},
			"source,target,weight\na,b,2.5\na,c,1\nb,c,0.25\nc,d,4\n", "1 self-loop dropped"},
		{"igraph GraphML (duplicate merged)", []string{"--graphml", "../../network/testdata/igraph_directed.graphml"},
			"source,target,weight\nn0,n1,1\nn1,n0,4\nn1,n2,2\nn2,n0,3\n", ""},
		{"Pajek from igraph", []string{"--pajek", "../../network/testdata/igraph_undirected.net"},
			"source,target,weight\n1,2,5\n1,3,3\n2,3,2\n3,4,0.5\n", "1 duplicate tie merged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "o")
			status, _, errs := runCLI(append(append([]string{"convert"}, c.args...), "--to", "edges", "-o", out)...)
			require.Equal(t, 0, status, errs)
			assert.Equal(t, c.edges, slurp(t, filepath.Join(out, "edges.csv")))
			if c.warn != "" {
				assert.Contains(t, errs, c.warn)
			}
		})
	}
	t.Run("Pajek to GraphML", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "p.graphml")
		status, _, errs := runCLI("convert", "--pajek", "../../network/testdata/networkx_directed.net", "--to", "graphml", "-o", out)
		require.Equal(t, 0, status, errs)
		text := slurp(t, out)
		assert.Contains(t, text, `edgedefault="directed"`)
		assert.Contains(t, text, "<edge source=\"y\" target=\"x\">\n      <data key=\"e0\">0.5</data>")
	})
}

func TestConvertErrors(t *testing.T) {
	in := put(t, t.TempDir(), map[string]string{
		"edges.csv":     convEdges,
		"bad.graphml":   "<graphml>\n<graph>\n<node id=\"a\"><data key=\"nope\">1</data></node>\n</graph></graphml>\n",
		"trunc.graphml": "<graphml>\n<graph>\n<node id=\"a\">",
		"bad.net":       "*Vertices 2\n*Edges\n1 3\n",
		"egos.csv":      convStudy["egos.csv"],
		"alters.csv":    convStudy["alters.csv"],
	})
	cases := []struct {
		name   string
		args   []string
		status int
		msg    string
	}{
		{"no --to", []string{"--edges", filepath.Join(in, "edges.csv"), "-o", "x"}, 2, "--to FORMAT is required"},
		{"unknown --to", []string{"--edges", filepath.Join(in, "edges.csv"), "--to", "gexf", "-o", "x"}, 2, `unknown --to "gexf"`},
		{"two inputs", []string{"--edges", filepath.Join(in, "edges.csv"), "--pajek", filepath.Join(in, "bad.net"), "--to", "edges", "-o", "x"}, 2, "give one input"},
		{"survey data to edges", []string{"--egos", filepath.Join(in, "egos.csv"), "--alters", filepath.Join(in, "alters.csv"), "--to", "edges", "-o", "x"}, 2, "--to edges needs a whole network"},
		{"survey data to GraphML on stdout", []string{"--egos", filepath.Join(in, "egos.csv"), "--alters", filepath.Join(in, "alters.csv"), "--to", "graphml", "-o", "-"}, 2, "not to stdout"},
		{"whole network to egocsv", []string{"--edges", filepath.Join(in, "edges.csv"), "--to", "egocsv", "-o", "x"}, 2, "--to egocsv needs survey data"},
		{"unknown GraphML key", []string{"--graphml", filepath.Join(in, "bad.graphml"), "--to", "edges", "-o", "x"}, 1, "bad.graphml:3: unknown GraphML key"},
		{"truncated GraphML", []string{"--graphml", filepath.Join(in, "trunc.graphml"), "--to", "edges", "-o", "x"}, 1, "trunc.graphml:3: syntax error"},
		{"Pajek vertex out of range", []string{"--pajek", filepath.Join(in, "bad.net"), "--to", "edges", "-o", "x"}, 1, "bad.net:3: unknown node: vertex 3 is out of range 1..2"},
		{"missing GraphML file", []string{"--graphml", filepath.Join(in, "none.graphml"), "--to", "edges", "-o", "x"}, 1, "no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "x")
			args := append([]string{"convert"}, c.args...)
			for i := range args {
				if args[i] == "x" {
					args[i] = out
				}
			}
			status, _, errs := runCLI(args...)
			assert.Equal(t, c.status, status, errs)
			assert.Contains(t, errs, c.msg)
			assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "nothing written at -o")
		})
	}
}

// Directory outputs are written to a temporary directory and moved into
// place: into an existing directory file by file, leaving other files alone,
// and never over GraphML files of another study.
func TestConvertDirectoryOutput(t *testing.T) {
	in := put(t, t.TempDir(), convStudy)
	args := []string{"convert", "--egos", filepath.Join(in, "egos.csv"), "--alters", filepath.Join(in, "alters.csv"), "--to", "egocsv", "-o"}

	out := put(t, t.TempDir(), map[string]string{"README": "keep me", "egos.csv": "old"})
	status, _, errs := runCLI(append(args, out)...)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, []string{"README", "aaties.csv", "alters.csv", "egos.csv"}, listDir(t, out), "no temporary directory left")
	assert.Equal(t, "keep me", slurp(t, filepath.Join(out, "README")))
	assert.Equal(t, convStudy["egos.csv"], slurp(t, filepath.Join(out, "egos.csv")))

	stale := put(t, t.TempDir(), map[string]string{"009_old.graphml": "<graphml/>"})
	gargs := append(append([]string(nil), args[:len(args)-3]...), "--to", "graphml", "-o", stale)
	status, _, errs = runCLI(gargs...)
	assert.Equal(t, 1, status)
	assert.Contains(t, errs, "already holds 009_old.graphml")
	assert.Equal(t, []string{"009_old.graphml"}, listDir(t, stale))

	file := filepath.Join(t.TempDir(), "afile")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	status, _, errs = runCLI(append(args, file)...)
	assert.Equal(t, 1, status)
	assert.Contains(t, errs, "is not a directory")
}

// The hand-written Network Canvas sample export (network/testdata/netcanvas)
// converts to ego CSV and to one GraphML file per interview.
func TestConvertNetCanvas(t *testing.T) {
	const nc = "../../network/testdata/netcanvas"
	out := filepath.Join(t.TempDir(), "tables")
	status, _, errs := runCLI("convert", "--netcanvas", nc, "--ego-id", "networkCanvasCaseID", "--to", "egocsv", "-o", out)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, errs, "1 tie of several edge types between the same alters merged")
	egos := slurp(t, filepath.Join(out, "egos.csv"))
	assert.True(t, strings.HasPrefix(egos, "networkCanvasCaseID,networkCanvasEgoUUID,"), egos)
	assert.Equal(t, 4, strings.Count(egos, "\n"), "header and three interviews, P003 with no alters included")
	assert.Contains(t, slurp(t, filepath.Join(out, "alters.csv")), "P002,b1c2d3e4-0002-4000-9000-000000000001,Person,Dee,4,true,false,NA\n")
	assert.Equal(t, "networkCanvasCaseID,Source,Target,since_years,type\n"+
		"P001,b1c2d3e4-0001-4000-9000-000000000001,b1c2d3e4-0001-4000-9000-000000000002,10,close|knows\n"+
		"P001,b1c2d3e4-0001-4000-9000-000000000001,b1c2d3e4-0001-4000-9000-000000000004,NA,knows\n"+
		"P001,b1c2d3e4-0001-4000-9000-000000000002,b1c2d3e4-0001-4000-9000-000000000003,2,knows\n",
		slurp(t, filepath.Join(out, "aaties.csv")))

	gml := filepath.Join(t.TempDir(), "gml")
	status, _, errs = runCLI("convert", "--netcanvas", nc, "--ego-id", "networkCanvasCaseID", "--to", "graphml", "-o", gml)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, []string{"001_P001.graphml", "002_P002.graphml", "003_P003.graphml"}, listDir(t, gml))
	back := filepath.Join(t.TempDir(), "back")
	status, _, errs = runCLI("convert", "--graphml", gml, "--ego-id", "networkCanvasCaseID", "--to", "egocsv", "-o", back)
	require.Equal(t, 0, status, errs)
	for _, f := range []string{"egos.csv", "alters.csv", "aaties.csv"} {
		assert.Equal(t, slurp(t, filepath.Join(out, f)), slurp(t, filepath.Join(back, f)), f)
	}
}

// A GraphML file of several graphs without an egoID key is read as ego
// networks named by the graphs' ids.
func TestConvertGraphMLSeveralGraphs(t *testing.T) {
	in := put(t, t.TempDir(), map[string]string{"two.graphml": `<graphml>
<graph id="g1" edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>
<graph id="g2" edgedefault="undirected"><node id="c"/></graph>
</graphml>`})
	out := filepath.Join(t.TempDir(), "t")
	status, _, errs := runCLI("convert", "--graphml", filepath.Join(in, "two.graphml"), "--to", "egocsv", "-o", out)
	require.Equal(t, 0, status, errs)
	assert.Equal(t, "egoID\ng1\ng2\n", slurp(t, filepath.Join(out, "egos.csv")))
	assert.Equal(t, "egoID,alterID\ng1,a\ng1,b\ng2,c\n", slurp(t, filepath.Join(out, "alters.csv")))
	assert.Equal(t, "egoID,Source,Target\ng1,a,b\n", slurp(t, filepath.Join(out, "aaties.csv")))
}

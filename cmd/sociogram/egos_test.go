package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFiles writes name → content into a temporary directory and returns
// the path of each.
func writeFiles(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	out := map[string]string{}
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		out[name] = p
	}
	out["dir"] = dir
	return out
}

// studyFiles is a three-table study. Hand derivations of its measures:
//
//	e0: no alters. size 0, ties 0, density NA (n < 2), constraint NA.
//	e1: one alter. size 1, density NA, constraint (p = 1)² = 1,
//	    ego_betweenness 0.
//	e2: alters a, b, c, tie a–b (given twice, merged) and a self tie c–c
//	    (dropped). density 1/3; constraint 1/4 + 1/4 + 1/9 = 11/18;
//	    effective size 3 − 2·1/3 = 7/3; ego betweenness 2 ({a,c}, {b,c});
//	    blau(sex) over f, m, f = 1 − 5/9 = 4/9; count(sex=f) 2.
var studyFiles = map[string]string{
	"egos.csv":   "egoID,sex\ne0,f\ne1,f\ne2,m\n",
	"alters.csv": "egoID,alterID,sex,age\ne1,x,f,50\ne2,a,f,30\ne2,b,m,70\ne2,c,f,NA\n",
	"aaties.csv": "egoID,Source,Target\ne2,a,b\ne2,b,a\ne2,c,c\n",
}

func TestEgosCommand(t *testing.T) {
	f := writeFiles(t, studyFiles)
	args := []string{"egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--ties", f["aaties.csv"]}

	var out, errb bytes.Buffer
	status := run(append(args, "--measures", " size, density,constraint,effective_size,ego_betweenness,blau(sex),count(sex=f),mean(age)"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,size,density,constraint,effective_size,ego_betweenness,blau(sex),count(sex=f),mean(age)\n"+
		"e0,0,NA,NA,NA,0,NA,0,NA\n"+
		"e1,1,NA,1,1,0,0,1,50\n"+
		"e2,3,0.3333333333333333,0.6111111111111112,2.3333333333333335,2,0.4444444444444444,2,50\n", out.String())
	assert.Contains(t, errb.String(), "self", "the dropped self tie is reported")
	assert.NotContains(t, errb.String(), "\r", "no progress when stderr is not a terminal")

	// Default list: every structural measure, SPEC order.
	out.Reset()
	require.Equal(t, 0, run(args, &out, &errb))
	header, _, _ := strings.Cut(out.String(), "\n")
	assert.Equal(t, "egoID,size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage", header)

	// JSON to a file.
	path := filepath.Join(f["dir"], "out.json")
	require.Equal(t, 0, run(append(args, "--measures", "size,density", "--format", "json", "-o", path), &out, &errb))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "[\n{\"egoID\":\"e0\",\"size\":0,\"density\":null},\n{\"egoID\":\"e1\",\"size\":1,\"density\":null},\n{\"egoID\":\"e2\",\"size\":3,\"density\":0.3333333333333333}\n]\n", string(b))
}

func TestEgosWaves(t *testing.T) {
	f := writeFiles(t, map[string]string{
		"egos.csv":   "egoID,wave,sex\np1,1,f\np1,2,f\n",
		"alters.csv": "egoID,wave,alterID\np1,1,a\np1,2,a\np1,2,b\n",
	})
	var out, errb bytes.Buffer
	status := run([]string{"egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave", "--measures", "size"}, &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,wave,size\np1,1,1\np1,2,2\n", out.String())
}

func TestEgosErrors(t *testing.T) {
	f := writeFiles(t, studyFiles)
	base := []string{"egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--ties", f["aaties.csv"]}
	cases := []struct {
		name     string
		measures string
		status   int
		want     string
	}{
		{"unknown measure", "size,sizes", 2, `bad measure "sizes": unknown measure`},
		{"malformed item", "prop(sex=)", 2, `bad measure "prop(sex=)": empty value`},
		{"missing argument", "blau", 2, `bad measure "blau": needs an attribute`},
		{"attribute that does not exist", "blau(gender)", 1, `attribute "gender" does not exist`},
		{"numeric measure on text", "mean(sex)", 1, `attribute "sex" is not numeric`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(f["dir"], "out.csv")
			var out, errb bytes.Buffer
			status := run(append(base, "--measures", c.measures, "-o", path), &out, &errb)
			assert.Equal(t, c.status, status)
			assert.Contains(t, errb.String(), c.want)
			var errs []string
			for _, l := range strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n") {
				if !strings.HasPrefix(l, "sociogram: warning: ") {
					errs = append(errs, l)
				}
			}
			assert.Len(t, errs, 1, "one error line besides the reader's warnings: %q", errb.String())
			_, err := os.Stat(path)
			assert.True(t, os.IsNotExist(err), "nothing written to -o")
		})
	}
}

func TestNodesCommand(t *testing.T) {
	// A star a–{b,c,d} plus the tie b–c, and an isolate e.
	// Node a: size 3, ties 1, effective size 3 − 2/3 = 7/3, constraint as e2
	// above (11/18), ego betweenness 2. Node b: neighbours a, c which are
	// tied: density 1, and in the whole-network model (p normalised over each
	// node's own neighbourhood) c_ba = (p_ba + p_bc·p_ca)² = (1/2 + 1/2·1/2)²
	// = 9/16 and c_bc = (p_bc + p_ba·p_ac)² = (1/2 + 1/2·1/3)² = 4/9, so
	// constraint 145/144 (not the 9/8 of an isolated triangle). Node e:
	// size 0, constraint NA.
	f := writeFiles(t, map[string]string{
		"edges.csv": "source,target\na,b\na,c\na,d\nb,c\n",
		"nodes.csv": "id,sex\na,f\nb,m\nc,f\nd,f\ne,m\n",
	})
	var out, errb bytes.Buffer
	status := run([]string{"nodes", "--edges", f["edges.csv"], "--nodes", f["nodes.csv"],
		"--measures", "size,ties,density,constraint,effective_size,ego_betweenness,prop(sex=f)"}, &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "node,size,ties,density,constraint,effective_size,ego_betweenness,prop(sex=f)\n"+
		"a,3,1,0.3333333333333333,0.6111111111111112,2.3333333333333335,2,0.6666666666666666\n"+
		"b,2,1,1,1.0069444444444444,1,0,1\n"+
		"c,2,1,1,1.0069444444444444,1,0,0.5\n"+
		"d,1,0,NA,1,1,0,1\n"+
		"e,0,0,NA,NA,NA,0,NA\n", out.String())
}

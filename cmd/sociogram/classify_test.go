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

// classifyStudy is a two-wave study for sociogram classify: p1 at waves 1
// and 2, p2 at wave 1 with no alters. The rules: a role rule on the alter
// column role (no name, so it is recorded as "role:role"), then a
// similarity rule on sex named "same sex".
//
// Hand derivation, rules tried in order, first that applies decides:
//
//	p1/1 a  role family            → role rule: bonding      (role:role)
//	p1/1 b  role missing, sex f=f  → similarity alike: bonding (same sex)
//	p1/1 c  role doctor            → role rule: linking      (role:role)
//	p1/2 a  role family            → bonding                 (role:role)
//	p1/2 d  role neighbour         → bridging                (role:role)
//	p1/2 e  role and sex missing   → no rule applies: unclassified, NA
//	p1/2 g  role "stranger" is in no list; sex m ≠ ego's f
//	                               → similarity different: bridging (same sex)
//	p2/1    no alters              → no rows
var classifyStudy = map[string]string{
	"egos.csv": "egoID,wave,sex\np1,1,f\np1,2,f\np2,1,m\n",
	"alters.csv": "egoID,wave,alterID,role,sex\n" +
		"p1,1,a,family,m\np1,1,b,,f\np1,1,c,doctor,m\n" +
		"p1,2,a,family,m\np1,2,d,neighbour,f\np1,2,e,,\np1,2,g,stranger,m\n",
	"rules.json": `{"rules": [
  {"type": "role", "attribute": "role",
   "classes": {"bonding": ["family"], "bridging": ["neighbour"], "linking": ["doctor"]}},
  {"type": "similarity", "name": "same sex", "attributes": ["sex"]}
]}`,
	"bad.json":     "{\"rules\": [\n  {\"type\": \"role\",}\n]}",
	"nocol.json":   `{"rules": [{"type": "role", "attribute": "relation", "classes": {"bonding": ["family"]}}]}`,
	"noalters.csv": "egoID,wave,alterID,role,sex\n",
}

func TestClassify(t *testing.T) {
	f := writeFiles(t, classifyStudy)
	base := []string{"classify", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave", "--classify", f["rules.json"]}
	const wantCSV = "egoID,wave,alterID,class,rule\n" +
		"p1,1,a,bonding,role:role\n" +
		"p1,1,b,bonding,same sex\n" +
		"p1,1,c,linking,role:role\n" +
		"p1,2,a,bonding,role:role\n" +
		"p1,2,d,bridging,role:role\n" +
		"p1,2,e,unclassified,NA\n" +
		"p1,2,g,bridging,same sex\n"
	const wantJSON = `[
{"egoID":"p1","wave":"1","alterID":"a","class":"bonding","rule":"role:role"},
{"egoID":"p1","wave":"1","alterID":"b","class":"bonding","rule":"same sex"},
{"egoID":"p1","wave":"1","alterID":"c","class":"linking","rule":"role:role"},
{"egoID":"p1","wave":"2","alterID":"a","class":"bonding","rule":"role:role"},
{"egoID":"p1","wave":"2","alterID":"d","class":"bridging","rule":"role:role"},
{"egoID":"p1","wave":"2","alterID":"e","class":"unclassified","rule":null},
{"egoID":"p1","wave":"2","alterID":"g","class":"bridging","rule":"same sex"}
]
`
	t.Run("csv", func(t *testing.T) {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run(base, &out, &errb), errb.String())
		assert.Equal(t, wantCSV, out.String())
	})
	t.Run("json", func(t *testing.T) {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run(append(base, "--format", "json"), &out, &errb), errb.String())
		assert.Equal(t, wantJSON, out.String())
	})
	t.Run("-o", func(t *testing.T) {
		var out, errb bytes.Buffer
		o := filepath.Join(f["dir"], "classes.csv")
		require.Equal(t, 0, run(append(base, "-o", o), &out, &errb), errb.String())
		assert.Empty(t, out.String())
		got, err := os.ReadFile(o)
		require.NoError(t, err)
		assert.Equal(t, wantCSV, string(got))
	})
	t.Run("agrees with egos --classify", func(t *testing.T) {
		// The per-ego counts are the counts of the rows above: p1/1 two
		// bonding, one linking; p1/2 one bonding, two bridging, one
		// unclassified; p2 none (shares NA, n = 0).
		var out, errb bytes.Buffer
		args := []string{"egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave",
			"--classify", f["rules.json"], "--measures", "bonding,bridging,linking,unclassified,bonding_share"}
		require.Equal(t, 0, run(args, &out, &errb), errb.String())
		assert.Equal(t, "egoID,wave,bonding,bridging,linking,unclassified,bonding_share\n"+
			"p1,1,2,0,1,0,0.666666666666667\np1,2,1,2,0,1,0.25\np2,1,0,0,0,0,NA\n", out.String())
	})
	t.Run("no waves", func(t *testing.T) {
		// Wave 1 alone, without a wave column: the wave key is left out.
		g := writeFiles(t, map[string]string{
			"egos.csv":   "egoID,sex\np1,f\np2,m\n",
			"alters.csv": "egoID,alterID,role,sex\np1,a,family,m\np1,b,,f\np1,c,doctor,m\n",
		})
		var out, errb bytes.Buffer
		require.Equal(t, 0, run([]string{"classify", "--egos", g["egos.csv"], "--alters", g["alters.csv"], "--classify", f["rules.json"]}, &out, &errb), errb.String())
		assert.Equal(t, "egoID,alterID,class,rule\np1,a,bonding,role:role\np1,b,bonding,same sex\np1,c,linking,role:role\n", out.String())
	})
	t.Run("no alters at all", func(t *testing.T) {
		// Every ego named nobody: the header only (CSV), an empty array (JSON).
		for format, want := range map[string]string{"csv": "egoID,wave,alterID,class,rule\n", "json": "[]\n"} {
			var out, errb bytes.Buffer
			args := []string{"classify", "--egos", f["egos.csv"], "--alters", f["noalters.csv"], "--wave", "wave", "--classify", f["rules.json"], "--format", format}
			require.Equal(t, 0, run(args, &out, &errb), errb.String())
			assert.Equal(t, want, out.String(), format)
		}
	})
}

func TestClassifyErrors(t *testing.T) {
	f := writeFiles(t, classifyStudy)
	input := []string{"--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave"}
	cases := []struct {
		name   string
		args   []string
		status int
		want   string // a part of the one error line
	}{
		{"no rules flag", nil, 2, "sociogram classify: classify needs --classify RULES.json"},
		{"bad format", []string{"--classify", f["rules.json"], "--format", "xml"}, 2, `unknown --format "xml"`},
		{"missing rules file", []string{"--classify", filepath.Join(f["dir"], "nosuch.json")}, 1, "nosuch.json: no such file"},
		// Line 2 of bad.json is `  {"type": "role",}`: two spaces, then the
		// "}" after the stray comma is the 19th character.
		{"bad JSON", []string{"--classify", f["bad.json"]}, 1, "bad.json:2:19: invalid character '}'"},
		{"rule on a missing column", []string{"--classify", f["nocol.json"]}, 1, `nocol.json: rule 1: the alter table has no column "relation"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			o := filepath.Join(t.TempDir(), "classes.csv")
			args := append(append([]string{"classify"}, input...), c.args...)
			args = append(args, "-o", o)
			assert.Equal(t, c.status, run(args, &out, &errb))
			assert.Contains(t, errb.String(), c.want)
			assert.Equal(t, 1, strings.Count(errb.String(), "\n"), "want one line, got %q", errb.String())
			assert.Empty(t, out.String())
			_, err := os.Stat(o)
			assert.True(t, os.IsNotExist(err), "nothing may be written to -o")
		})
	}
}

// sociogram nodes --classify counts each node's neighbours by the rules,
// with the node attributes as ego and alter attributes. Whole network
// 1–2, 1–3, 2–3, 3–4, 4–5; node 1 family/f, 2 doctor/m, 3 no role/f,
// 4 no role/m, 5 no role and no sex. Rules of classifyStudy (role, then
// same sex):
//
//	node 1 (f): 2 doctor → linking; 3 no role, f = f → bonding
//	node 2 (m): 1 family → bonding; 3 no role, f ≠ m → bridging
//	node 3 (f): 1 bonding; 2 linking; 4 no role, m ≠ f → bridging
//	node 4 (m): 3 no role, f ≠ m → bridging; 5 no role, sex unknown → unclassified
//	node 5 (no sex): 4 no role, ego's sex unknown → unclassified
func TestNodesClassify(t *testing.T) {
	f := writeFiles(t, classifyStudy)
	g := writeFiles(t, map[string]string{
		"edges.csv": "source,target\n1,2\n1,3\n2,3\n3,4\n4,5\n",
		"nodes.csv": "id,role,sex\n1,family,f\n2,doctor,m\n3,,f\n4,,m\n5,,\n",
	})
	args := []string{"nodes", "--edges", g["edges.csv"], "--nodes", g["nodes.csv"],
		"--measures", "size,bonding,bridging,linking,unclassified"}
	var out, errb bytes.Buffer
	require.Equal(t, 0, run(append(args, "--classify", f["rules.json"]), &out, &errb), errb.String())
	assert.Equal(t, "node,size,bonding,bridging,linking,unclassified\n"+
		"1,2,1,0,1,0\n2,2,1,1,0,0\n3,3,1,1,1,0\n4,2,0,1,0,1\n5,1,0,0,0,1\n", out.String())

	out.Reset()
	errb.Reset()
	assert.Equal(t, 1, run(append(args, "--classify", f["nocol.json"]), &out, &errb))
	assert.Contains(t, errb.String(), `rule 1: the alter table has no column "relation"`)
	assert.Equal(t, 1, strings.Count(errb.String(), "\n"), "got %q", errb.String())
}

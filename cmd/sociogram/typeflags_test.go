package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The typed study of measures/testdata/types (hand derivations in
// measures/types_test.go): E1 has people A, B, C, a place P and a service
// S; ties A–B {support, conflict} close 3, A–C support 1, B–C conflict 2,
// A–P support 2, B–S support 2, C–P support (no answer).
func TestEgosNodeAndTieTypes(t *testing.T) {
	const d = "../../measures/testdata/types/"
	base := []string{"egos", "--egos", d + "egos.csv", "--alters", d + "alters.csv", "--ties", d + "aaties.csv", "--measures", "size,ties,density"}
	cases := []struct {
		name   string
		args   []string
		out    string
		stderr string
	}{
		// People only: size 3, ties A–B, A–C, B–C: density 1.
		{"default", nil, "egoID,size,ties,density\nE1,3,3,1\nE2,0,0,NA\nE3,0,0,NA\n",
			"node types (column type): 2 person, 1 missing, 2 place, 1 organisation; structural measures count person only (3 alters left out"},
		// Every alter: 5 alters, 6 ties, 6/10.
		{"all", []string{"--node-types", "all"}, "egoID,size,ties,density\nE1,5,6,0.6\nE2,0,0,NA\nE3,1,0,NA\n", ""},
		// Support among people: A–B, A–C.
		{"support", []string{"--tie-type", "support"}, "egoID,size,ties,density\nE1,3,2,0.666666666666667\nE2,0,0,NA\nE3,0,0,NA\n",
			"tie type support: 5 of 6 alter-alter ties kept"},
		// close >= 2 among people: A–B, B–C.
		{"tie rule", []string{"--tie-rule", "close>=2"}, "egoID,size,ties,density\nE1,3,2,0.666666666666667\nE2,0,0,NA\nE3,0,0,NA\n",
			"tie rule close>=2 (adjacency definition): 4 of 6 alter pairs are ties, 1 with no answer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, out, errs := runCLI(append(append([]string(nil), base...), c.args...)...)
			require.Equal(t, 0, status, errs)
			assert.Equal(t, c.out, out)
			assert.Contains(t, errs, c.stderr)
		})
	}
	for _, bad := range [][]string{{"--tie-rule", "close"}, {"--tie-rule", "near>=2"}, {"--tie-type", "x", "--tie-type-column", "kind"}, {"--node-types", "a,,b"}} {
		status, _, errs := runCLI(append(append([]string(nil), base...), bad...)...)
		assert.NotEqual(t, 0, status, "%v: %s", bad, errs)
	}
}

// Network Canvas's sample export keeps its node and edge types: P001's
// people are Ann, Bob and Cal (the GP surgery is a Service); its knows
// edges Ann–Bob, Bob–Cal and Ann–GP, its close edge Bob–Ann.
func TestEgosNetCanvasTypes(t *testing.T) {
	const nc = "../../network/testdata/netcanvas"
	base := []string{"egos", "--netcanvas", nc, "--ego-id", "networkCanvasCaseID", "--measures", "size,ties,multiplexity,tie_share(close),count(type=Service)"}
	status, out, errs := runCLI(base...)
	require.Equal(t, 0, status, errs)
	// size 3 people, ties Ann–Bob, Bob–Cal; three tied pairs with 4 types
	// (Ann–Bob knows and close): multiplexity 4/3, close 1/3.
	assert.Equal(t, "egoID,size,ties,multiplexity,tie_share(close),count(type=Service)\n"+
		"P001,3,2,1.33333333333333,0.333333333333333,1\nP002,1,0,NA,NA,0\nP003,0,0,NA,NA,0\n", out)
	status, out, errs = runCLI(append(base, "--tie-type", "close")...)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, out, "P001,3,1,2,1,1\n", "only Ann–Bob is close; it keeps both its types")
}

// draw --layout ecomap and draw --clustered write their pictures, and the
// Network Canvas sample keeps its node types (the alter column type)
// through draw: coloured by type, its Service node is its own category.
func TestDrawEcomapAndClustered(t *testing.T) {
	dir := t.TempDir()
	const ex = "../../examples/ecomap/"
	status, _, errs := runCLI("draw", "--egos", ex+"egos.csv", "--alters", ex+"alters.csv", "--ties", ex+"aaties.csv",
		"--ego", "Maria", "--layout", "ecomap", "--sectors", "system", "--color", "type", "--quality", "quality", "--flow", "flow",
		"-o", dir+"/eco.png", "--positions", dir+"/eco.csv")
	require.Equal(t, 0, status, errs)
	assert.Equal(t, 16, strings.Count(slurp(t, dir+"/eco.csv"), "\n"), "header, 14 alters and Maria")

	const nc = "../../network/testdata/netcanvas"
	status, _, errs = runCLI("draw", "--netcanvas", nc, "--ego-id", "networkCanvasCaseID", "--ego", "P001", "--layout", "ecomap",
		"--sectors", "type", "--color", "type", "-o", dir+"/nc.svg")
	require.Equal(t, 0, status, errs)
	svg := slurp(t, dir+"/nc.svg")
	assert.Contains(t, svg, "Service")
	assert.Contains(t, svg, "Person")

	const d = "../../measures/testdata/types/"
	status, _, errs = runCLI("draw", "--egos", d+"egos.csv", "--alters", d+"alters.csv", "--ties", d+"aaties.csv",
		"--clustered", "--by", "type", "--group-by", "agency", "-o", dir+"/cl.png")
	require.Equal(t, 0, status, errs)

	for _, bad := range [][]string{
		{"draw", "--egos", d + "egos.csv", "--alters", d + "alters.csv", "--clustered", "-o", dir + "/x.png"},
		{"draw", "--egos", d + "egos.csv", "--alters", d + "alters.csv", "--ego", "E1", "--layout", "ecomap", "-o", dir + "/x.png"},
		{"draw", "--egos", ex + "egos.csv", "--alters", ex + "alters.csv", "--ego", "Maria", "--layout", "ecomap", "--sectors", "system", "--quality", "quality", "--quality-map", "strong=3", "-o", dir + "/x.png"},
	} {
		status, _, errs := runCLI(bad...)
		assert.NotEqual(t, 0, status, "%v: %s", bad, errs)
	}
}

// --node-types reaches the measures of every command that computes them,
// here compare: P1 names Ann (person) and the Library (place) at wave 1,
// Ann alone at wave 2. People only: size 1 at both waves; every alter:
// 2 then 1.
func TestCompareNodeTypes(t *testing.T) {
	f := writeFiles(t, map[string]string{
		"egos.csv":   "egoID,wave\nP1,1\nP1,2\n",
		"alters.csv": "egoID,wave,alterID,type\nP1,1,Ann,person\nP1,1,Library,place\nP1,2,Ann,person\n",
	})
	base := []string{"compare", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--wave", "wave", "--measures", "size"}
	status, out, errs := runCLI(base...)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, out, "P1,1,0,1,0.5,1,1,0\n", "kept, gained, lost count every alter (the Library is lost)")
	status, out, errs = runCLI(append(base, "--node-types", "all")...)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, out, "P1,1,0,1,0.5,2,1,-1\n")
	status, _, _ = runCLI(append(base, "--node-types", ",")...)
	assert.NotEqual(t, 0, status)
}

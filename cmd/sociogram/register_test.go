package main

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// TestRegisteredMeasureInCLI: a measure a build registers with
// measures.Register is listed by "sociogram egos -h" and computed by the
// egos command like a built-in one.
func TestRegisteredMeasureInCLI(t *testing.T) {
	err := measures.Register(measures.Measure{
		Name: "cli_women_share", Args: measures.NoArg,
		Doc: "share of alters with sex F (a test measure)",
		Func: func(e *network.EgoNet, _ *measures.Spec) float64 {
			vals, _ := e.AlterValues("sex")
			if len(vals) == 0 {
				return math.NaN()
			}
			n := 0.0
			for _, v := range vals {
				if v.String() == "F" {
					n++
				}
			}
			return n / float64(len(vals))
		},
	})
	require.NoError(t, err)

	status, help, _ := runCLI("help", "egos")
	require.Equal(t, 0, status)
	assert.Contains(t, help, "Measures registered by this build:")
	assert.Contains(t, help, "cli_women_share")
	assert.Contains(t, help, "share of alters with sex F (a test measure)")

	f := writeFiles(t, map[string]string{
		"egos.csv":   "egoID\ne1\ne2\n",
		"alters.csv": "egoID,alterID,sex\ne1,a,F\ne1,b,M\ne1,c,F\ne1,d,NA\n",
	})
	status, out, errs := runCLI("egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--measures", "size,cli_women_share")
	require.Equal(t, 0, status, errs)
	// Hand derivation: e1 has 4 alters, 2 with sex F: 2/4 = 0.5; e2 has
	// none: NA.
	assert.Equal(t, "egoID,size,cli_women_share\ne1,4,0.5\ne2,0,NA\n", out)

	status, _, errs = runCLI("egos", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--measures", "cli_women_share(sex)")
	assert.Equal(t, 2, status, "a bad measures list is a usage error")
	assert.True(t, strings.Contains(errs, "takes no argument"), errs)
}

// TestPajekMaxVertices: --max-vertices sets PajekOptions.MaxVertices; the
// error of a file over the limit names the flag, not the options field.
func TestPajekMaxVertices(t *testing.T) {
	f := writeFiles(t, map[string]string{"g.net": "*Vertices 5\n*Edges\n1 2\n"})
	status, _, errs := runCLI("nodes", "--pajek", f["g.net"], "--max-vertices", "3", "--measures", "size")
	require.Equal(t, 1, status)
	assert.Contains(t, errs, "5 vertices (the limit is 3; --max-vertices raises it)")
	assert.NotContains(t, errs, "PajekOptions")

	// The five vertices, one edge 1–2: sizes 1, 1, 0, 0, 0.
	status, out, errs := runCLI("nodes", "--pajek", f["g.net"], "--max-vertices", "5", "--measures", "size")
	require.Equal(t, 0, status, errs)
	assert.Equal(t, "node,size\n1,1\n2,1\n3,0\n4,0\n5,0\n", out)
}

// TestGraphMLLimits: --max-graphml-keys and --max-graphml-attrs set
// GraphMLOptions.MaxKeys and MaxAttrs (defaults 1,000 and 256); a file over
// the default limit is refused with an error that names the flag, and read
// once the flag is raised.
func TestGraphMLLimits(t *testing.T) {
	var keys strings.Builder
	keys.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`)
	for i := range 1001 {
		fmt.Fprintf(&keys, `<key id="k%d" for="node" attr.name="a%d" attr.type="string"/>`, i, i)
	}
	// A path a–b–c: sizes 1, 2, 1.
	body := `<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>` +
		`<edge source="a" target="b"/><edge source="b" target="c"/></graph></graphml>`
	var attrs strings.Builder
	attrs.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="x" attr.type="string"`)
	for i := range 300 {
		fmt.Fprintf(&attrs, ` z%d="1"`, i)
	}
	attrs.WriteString(`/>`)
	f := writeFiles(t, map[string]string{"keys.graphml": keys.String() + body, "attrs.graphml": attrs.String() + body})
	want := "node,size\na,1\nb,2\nc,1\n"

	status, _, errs := runCLI("nodes", "--graphml", f["keys.graphml"], "--measures", "size")
	require.Equal(t, 1, status, errs)
	assert.Contains(t, errs, "more than 1000 <key> declarations (--max-graphml-keys raises the limit)")
	assert.NotContains(t, errs, "GraphMLOptions")
	status, out, errs := runCLI("nodes", "--graphml", f["keys.graphml"], "--max-graphml-keys", "1001", "--measures", "size")
	require.Equal(t, 0, status, errs)
	assert.Equal(t, want, out)

	status, _, errs = runCLI("nodes", "--graphml", f["attrs.graphml"], "--measures", "size")
	require.Equal(t, 1, status, errs)
	assert.Contains(t, errs, "more than 256 attributes on one tag (--max-graphml-attrs raises the limit)")
	status, out, errs = runCLI("nodes", "--graphml", f["attrs.graphml"], "--max-graphml-attrs", "400", "--measures", "size")
	require.Equal(t, 0, status, errs)
	assert.Equal(t, want, out)
}

package network

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadEdgeList(t *testing.T) {
	// Gephi-style capitalised header; a duplicate (b,a after a,b: one
	// undirected edge, weights 1+2), a self-loop, an isolate from the node
	// file, an attribute with a missing value.
	dir := writeFiles(t, map[string]string{
		"edges.csv": "Source,Target,Weight\na,b,1\nb,a,2\nc,c,4\nb,c,0.25\n",
		"nodes.csv": "Id,group,score\na,x,1.5\nb,y,NA\nc,x,2\nd,z,3\n",
	})
	g, rep, err := ReadEdgeList(filepath.Join(dir, "edges.csv"), filepath.Join(dir, "nodes.csv"), EdgeListOptions{})
	require.NoError(t, err)
	assert.Equal(t, 4, g.Order(), "d is kept as an isolate")
	assert.Equal(t, 2, g.Size())
	assert.True(t, g.IsWeighted())
	w, _ := g.EdgeWeight(0, 1)
	assert.Equal(t, 3.0, w)
	assert.Equal(t, 1, rep.Count(RepairSelfLoops))
	assert.Equal(t, 1, rep.Count(RepairDuplicates))
	sc, ok := g.Attrs().Index("score")
	require.True(t, ok)
	assert.Equal(t, Number, g.Attrs().Kind(sc))
	assert.True(t, g.NodeAttr(1, sc).IsMissing())
	assert.Equal(t, 2.0, g.NodeAttr(2, sc).Num)

	// Round trip through the writer.
	var eb, nb bytes.Buffer
	require.NoError(t, WriteEdgeList(&eb, &nb, g))
	assert.Equal(t, "source,target,weight\na,b,3\nb,c,0.25\n", eb.String())
	assert.Equal(t, "id,group,score\na,x,1.5\nb,y,NA\nc,x,2\nd,z,3\n", nb.String())
	ein, _ := NewInput("edges.csv", &eb, false)
	nin, _ := NewInput("nodes.csv", &nb, false)
	back, rep2, err := ReadEdgeListFrom(ein, nin, EdgeListOptions{})
	require.NoError(t, err)
	assert.Empty(t, rep2.Repairs)
	assert.Equal(t, g.Order(), back.Order())
	assert.Equal(t, g.Size(), back.Size())
	for u := range g.Order() {
		assert.Equal(t, g.Neighbors(u), back.Neighbors(u))
		assert.Equal(t, g.Label(u), back.Label(u))
	}
}

func TestReadEdgeListDirected(t *testing.T) {
	dir := writeFiles(t, map[string]string{"e.csv.gz": "source,target\n1,2\n2,1\n2,3\n"})
	g, _, err := ReadEdgeList(filepath.Join(dir, "e.csv.gz"), "", EdgeListOptions{Directed: true})
	require.NoError(t, err)
	assert.Equal(t, 3, g.Size())
	assert.False(t, g.IsWeighted())
	assert.True(t, g.AsDirected().HasEdgeFromTo(1, 2))
	assert.False(t, g.AsDirected().HasEdgeFromTo(2, 1))
}

func TestReadEdgeListErrors(t *testing.T) {
	cases := []struct {
		name, edges, nodes, want string
		is                       error
	}{
		{"empty file", "", "", "edges.csv: empty file", ErrEmptyFile},
		{"header only", "source,target\n", "", "edges.csv:1: empty file", ErrEmptyFile},
		{"no target column", "source,to\na,b\n", "", `edges.csv:1: missing required column "target"`, ErrMissingColumn},
		{"no delimiter found", "source target\na b\n", "", `edges.csv:1: missing required column "source"`, ErrMissingColumn},
		{"too few fields", "source,target\na,b\nc\n", "", "edges.csv:3:", ErrFieldCount},
		{"bad weight", "source,target,weight\na,b,x\n", "", `edges.csv:2: bad weight: "x"`, ErrBadWeight},
		{"huge weight", "source,target,weight\na,b,1e999\n", "", `edges.csv:2: bad weight`, ErrBadWeight},
		{"unknown node", "source,target\na,b\n", "id\na\n", `edges.csv:2: unknown node: "b" is not in`, ErrUnknownNode},
		{"duplicate node", "source,target\na,b\n", "id\na\nb\na\n", `nodes.csv:4: duplicate ID`, ErrDuplicateID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"edges.csv": c.edges}
			nodes := ""
			if c.nodes != "" {
				files["nodes.csv"] = c.nodes
			}
			dir := writeFiles(t, files)
			if c.nodes != "" {
				nodes = filepath.Join(dir, "nodes.csv")
			}
			_, _, err := ReadEdgeList(filepath.Join(dir, "edges.csv"), nodes, EdgeListOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.True(t, errors.Is(err, c.is), "got %v, want it to wrap %v", err, c.is)
		})
	}
}

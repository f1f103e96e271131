package network

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	ncE1 = "a81d5f60-1111-4a2b-8c3d-000000000001"
	ncE2 = "a81d5f60-1111-4a2b-8c3d-000000000002"
	ncE3 = "a81d5f60-1111-4a2b-8c3d-000000000003"
)

func alterByName(t *testing.T, e *EgoNet, name string) int {
	t.Helper()
	names, ok := e.AlterValues("name")
	require.True(t, ok)
	for i, v := range names {
		if v.Text == name {
			return i
		}
	}
	t.Fatalf("no alter named %q", name)
	return -1
}

// The sample export in testdata/netcanvas was written by hand in the layout
// of Network Canvas's CSV exporter (see testdata/README.md): P001 has three
// Person alters and one Service alter, with "knows" and "close" edges (Ann–Bob
// in both); P002 has one alter and an edge file with only a header; P003 has
// no alters (a node file with only a header) and no edge file.
func TestReadNetCanvasSample(t *testing.T) {
	ds, rep, err := ReadNetCanvas("testdata/netcanvas", NetCanvasOptions{})
	require.NoError(t, err)
	require.Len(t, ds.Egos, 3)
	p1, p2, p3 := ds.Egos[0], ds.Egos[1], ds.Egos[2]
	assert.Equal(t, []string{ncE1, ncE2, ncE3}, []string{p1.ID, p2.ID, p3.ID}, "ego IDs are networkCanvasEgoUUID, in ego-file order")
	assert.Equal(t, []int{4, 1, 0}, []int{p1.Size(), p2.Size(), p3.Size()}, "zero-alter ego keeps its place")
	assert.False(t, ds.Directed)
	assert.False(t, ds.TieWeighted)

	// Ego attributes, session metadata included.
	assert.Equal(t, TextValue("P001"), p1.EgoValue("networkCanvasCaseID"))
	assert.InDelta(t, 34.0, p1.EgoValue("age").Num, 0)
	assert.True(t, p2.EgoValue("age").IsMissing(), "empty cell")
	assert.Equal(t, TextValue("true"), p3.EgoValue("lives_alone"))
	assert.Equal(t, TextValue("Connecting People pilot"), p2.EgoValue("networkCanvasProtocolName"))

	// Alters of every node type, the type kept as an attribute.
	types, ok := p1.AlterValues("type")
	require.True(t, ok)
	assert.Equal(t, []Value{TextValue("Person"), TextValue("Person"), TextValue("Person"), TextValue("Service")}, types)
	cal := alterByName(t, p1, "Cal, Jr.")
	closeness, _ := p1.AlterValues("closeness")
	assert.True(t, closeness[cal].IsMissing())
	assert.InDelta(t, 5.0, closeness[alterByName(t, p1, "Ann")].Num, 0)
	visits, _ := p1.AlterValues("visits_per_month")
	assert.InDelta(t, 1.0, visits[alterByName(t, p1, "GP surgery")].Num, 0)
	assert.True(t, visits[cal].IsMissing(), "a Person has no Service variable")
	assert.Equal(t, "b1c2d3e4-0002-4000-9000-000000000001", p2.Alters[0].ID, "alter IDs are networkCanvasUUID")

	// Ties of every edge type; Ann–Bob is in "close" and "knows".
	require.Len(t, p1.Ties, 3)
	ti, _ := ds.TieAttrs.Index("type")
	si, _ := ds.TieAttrs.Index("since_years")
	ann, bob, gp := alterByName(t, p1, "Ann"), alterByName(t, p1, "Bob"), alterByName(t, p1, "GP surgery")
	byPair := map[[2]int]Tie{}
	for _, tie := range p1.Ties {
		byPair[[2]int{tie.From, tie.To}] = tie
		assert.InDelta(t, 1.0, tie.Weight, 0)
	}
	ab := byPair[[2]int{ann, bob}]
	assert.Equal(t, TextValue("close|knows"), ab.Attrs.At(ti), "edge files in name order: close, then knows")
	assert.InDelta(t, 10.0, ab.Attrs.At(si).Num, 0, "knows's since_years merged in")
	bc := byPair[[2]int{bob, cal}]
	assert.Equal(t, TextValue("knows"), bc.Attrs.At(ti))
	ag := byPair[[2]int{ann, gp}]
	assert.True(t, ag.Attrs.At(si).IsMissing())
	assert.Empty(t, p2.Ties)
	assert.Equal(t, 1, rep.Count(RepairMultiplex))
	assert.Equal(t, 0, rep.Count(RepairDuplicates))

	t.Run("case IDs as ego IDs", func(t *testing.T) {
		ds, _, err := ReadNetCanvas("testdata/netcanvas", NetCanvasOptions{EgoID: "networkCanvasCaseID"})
		require.NoError(t, err)
		assert.Equal(t, []string{"P001", "P002", "P003"}, []string{ds.Egos[0].ID, ds.Egos[1].ID, ds.Egos[2].ID})
		assert.Equal(t, TextValue(ncE1), ds.Egos[0].EgoValue("networkCanvasEgoUUID"))
	})
	t.Run("directed", func(t *testing.T) {
		ds, rep, err := ReadNetCanvas("testdata/netcanvas", NetCanvasOptions{Directed: true})
		require.NoError(t, err)
		assert.Len(t, ds.Egos[0].Ties, 4, "Bob→Ann (close) and Ann→Bob (knows) are two arcs")
		assert.Equal(t, 0, rep.Count(RepairMultiplex))
	})
}

// Small exports written inline for the awkward and the bad cases.
const (
	ncEgoHead  = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID\r\n"
	ncNodeHead = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\r\n"
	ncEdgeHead = "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\r\n"
)

func TestReadNetCanvasCases(t *testing.T) {
	t.Run("from/to by nodeID when the UUID columns are absent; gzip and BOM", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{
			"c1_s1_ego.csv.gz":               ncEgoHead + "E,c1,s1\r\n",
			"c1_s1_attributeList_Person.csv": "\uFEFF" + ncNodeHead + "1,E,u1,A\r\n2,E,u2,B\r\n3,E,u3,C\r\n",
			"c1_s1_edgeList_knows.csv":       "edgeID,from,to,networkCanvasEgoUUID\r\n1,1,2,E\r\n2,3,2,E\r\n3,2,1,E\r\n4,3,3,E\r\n",
			"c1_s1.graphml":                  "ignored",
		})
		ds, rep, err := ReadNetCanvas(dir, NetCanvasOptions{})
		require.NoError(t, err)
		require.Len(t, ds.Egos, 1)
		e := ds.Egos[0]
		assert.Equal(t, 3, e.Size())
		assert.Len(t, e.Ties, 2, "u1-u2 (twice) and u2-u3; the self-loop dropped")
		assert.Equal(t, 1, rep.Count(RepairDuplicates))
		assert.Equal(t, 1, rep.Count(RepairSelfLoops))
		assert.Equal(t, 1, rep.Count(RepairBOM))
	})
	t.Run("unified export: several interviews in one set of files", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{
			"study_ego.csv":                  ncEgoHead + "E1,c1,s1\r\nE2,c2,s2\r\n",
			"study_attributeList_Person.csv": ncNodeHead + "1,E1,u1,A\r\n2,E2,u2,B\r\n3,E2,u3,C\r\n",
			"study_edgeList_knows.csv":       ncEdgeHead + "1,2,3,E2,x,u2,u3\r\n",
		})
		ds, _, err := ReadNetCanvas(dir, NetCanvasOptions{})
		require.NoError(t, err)
		require.Len(t, ds.Egos, 2)
		assert.Equal(t, []int{1, 2}, []int{ds.Egos[0].Size(), ds.Egos[1].Size()})
		assert.Len(t, ds.Egos[1].Ties, 1)
	})
}

func TestReadNetCanvasErrors(t *testing.T) {
	good := map[string]string{
		"c_s_ego.csv":                  ncEgoHead + "E,c,s\r\n",
		"c_s_attributeList_Person.csv": ncNodeHead + "1,E,u1,A\r\n2,E,u2,B\r\n",
		"c_s_edgeList_knows.csv":       ncEdgeHead + "1,1,2,E,x,u1,u2\r\n",
	}
	cases := []struct {
		name string
		file string // the file replaced, and the file the error must name
		text string
		err  error
		line int
	}{
		{"ego file without the UUID column", "c_s_ego.csv", "caseID\r\nc\r\n", ErrMissingColumn, 1},
		{"empty ego file", "c_s_ego.csv", "", ErrEmptyFile, 0},
		{"ego file with only a header", "c_s_ego.csv", ncEgoHead, ErrEmptyFile, 1},
		{"same interview twice", "c_s_ego.csv", ncEgoHead + "E,c,s\r\nE,c,s\r\n", ErrDuplicateID, 3},
		{"node of an unknown interview", "c_s_attributeList_Person.csv", ncNodeHead + "1,E,u1,A\r\n2,F,u2,B\r\n", ErrUnknownEgo, 3},
		{"node without networkCanvasUUID column", "c_s_attributeList_Person.csv", "nodeID,networkCanvasEgoUUID\r\n1,E\r\n", ErrMissingColumn, 1},
		{"same node twice", "c_s_attributeList_Person.csv", ncNodeHead + "1,E,u1,A\r\n2,E,u1,B\r\n", ErrDuplicateID, 3},
		{"wrong field count", "c_s_attributeList_Person.csv", ncNodeHead + "1,E,u1\r\n", ErrFieldCount, 2},
		{"edge to a node of no interview", "c_s_edgeList_knows.csv", ncEdgeHead + "1,1,2,E,x,u1,u9\r\n", ErrUnknownAlter, 2},
		{"edge of an unknown interview", "c_s_edgeList_knows.csv", ncEdgeHead + "1,1,2,F,x,u1,u2\r\n", ErrUnknownEgo, 2},
		{"edge without endpoint columns", "c_s_edgeList_knows.csv", "edgeID,networkCanvasEgoUUID\r\n1,E\r\n", ErrMissingColumn, 1},
		{"repeated edge with a different value", "c_s_edgeList_knows.csv", ncEdgeHead[:len(ncEdgeHead)-2] + ",since\r\n1,1,2,E,x,u1,u2,3\r\n2,2,1,E,y,u2,u1,4\r\n", ErrDuplicateID, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range good {
				files[k] = v
			}
			files[c.file] = c.text
			dir := writeFiles(t, files)
			_, _, err := ReadNetCanvas(dir, NetCanvasOptions{})
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.err), "got %v, want %v", err, c.err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "got %T: %v", err, err)
			assert.Equal(t, c.file, filepath.Base(pe.File), err.Error())
			if c.line > 0 {
				assert.Equal(t, c.line, pe.Line, err.Error())
			}
		})
	}
	t.Run("no export files", func(t *testing.T) {
		_, _, err := ReadNetCanvas(writeFiles(t, map[string]string{"notes.txt": "x"}), NetCanvasOptions{})
		assert.ErrorIs(t, err, ErrEmptyFile)
	})
	t.Run("a file that is not an export file", func(t *testing.T) {
		dir := writeFiles(t, good)
		var ins []*Input
		for _, name := range []string{"c_s_ego.csv", "other.csv"} {
			in, err := NewInput(filepath.Join(dir, name), strings.NewReader(good[name]+"x\n"), false)
			require.NoError(t, err)
			ins = append(ins, in)
		}
		_, _, err := ReadNetCanvasFrom(ins, NetCanvasOptions{})
		require.Error(t, err)
		assert.True(t, strings.Contains(err.Error(), "other.csv"), err.Error())
	})
}

// FuzzNetCanvasReader: any three export files either fail with an error
// that names a file or give a dataset whose ties join alters of their ego.
func FuzzNetCanvasReader(f *testing.F) {
	f.Add(ncEgoHead+"E,c,s\r\n", ncNodeHead+"1,E,u1,A\r\n2,E,u2,B\r\n", ncEdgeHead+"1,1,2,E,x,u1,u2\r\n")
	f.Add(ncEgoHead+"E,c,s\r\nF,d,t\r\n", ncNodeHead+"1,F,u1,A\r\n", "edgeID,from,to,networkCanvasEgoUUID\r\n1,1,1,F\r\n")
	f.Fuzz(func(t *testing.T, ego, nodes, edges string) {
		dir := t.TempDir()
		names := []string{"c_s_ego.csv", "c_s_attributeList_P.csv", "c_s_edgeList_k.csv"}
		for i, text := range []string{ego, nodes, edges} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, names[i]), []byte(text), 0o644))
		}
		ds, _, err := ReadNetCanvas(dir, NetCanvasOptions{})
		if err != nil {
			for _, n := range names {
				if strings.Contains(err.Error(), n) {
					return
				}
			}
			t.Fatalf("error names no file: %v", err)
		}
		for _, e := range ds.Egos {
			for _, tie := range e.Ties {
				if tie.From < 0 || tie.To < 0 || tie.From >= len(e.Alters) || tie.To >= len(e.Alters) || tie.From == tie.To {
					t.Fatalf("bad tie %+v in ego %q with %d alters", tie, e.ID, len(e.Alters))
				}
			}
		}
	})
}

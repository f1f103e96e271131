package network

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readMode reads an edge list with one of the readers: "parallel" (with
// the given block size and workers), "fast" (the sequential byte-level
// reader) or "csv" (encoding/csv). The sequential readers are the
// reference for the parallel one: every expected value in this file is
// what they give on the same input.
func readMode(t *testing.T, mode string, edges []byte, nodes string, opt EdgeListOptions, block, workers int) edgeListResult {
	t.Helper()
	defer func(p, f bool, b, w int) {
		parallelEdgeLists, fastEdgeLists, ingestBlockSize, ingestWorkers = p, f, b, w
	}(parallelEdgeLists, fastEdgeLists, ingestBlockSize, ingestWorkers)
	parallelEdgeLists, fastEdgeLists = mode == "parallel", mode == "fast"
	ingestBlockSize, ingestWorkers = block, workers
	gz := len(edges) > 1 && edges[0] == 0x1f && edges[1] == 0x8b
	ein, err := NewInput("edges.csv", bytes.NewReader(edges), gz)
	if err != nil {
		return edgeListResult{err: err}
	}
	var nin *Input
	if nodes != "" {
		nin, err = NewInput("nodes.csv", strings.NewReader(nodes), false)
		require.NoError(t, err)
	}
	g, rep, err := ReadEdgeListFrom(ein, nin, opt)
	return edgeListResult{g, rep, err}
}

// requireSameResult compares a parallel read with a sequential one:
// the same error message, or the same graph and report. Weights of merged
// duplicates may be summed in another order (see ingest.go): tol is the
// relative difference allowed (0 when every weight is a whole number).
func requireSameResult(t *testing.T, want, got edgeListResult, tol float64, what string) {
	t.Helper()
	if want.err != nil || got.err != nil {
		require.Error(t, got.err, "%s: want error %v", what, want.err)
		require.Error(t, want.err, "%s: got error %v", what, got.err)
		require.Equal(t, want.err.Error(), got.err.Error(), what)
		return
	}
	require.Equal(t, want.rep.Lines(), got.rep.Lines(), "%s: report", what)
	if tol == 0 {
		requireSameGraph(t, want.g, got.g)
	} else {
		requireCloseGraph(t, want.g, got.g, tol, what)
	}
	// Lookup works although the parallel reader builds no index.
	for v := 0; v < got.g.Order(); v += 1 + got.g.Order()/50 {
		u, ok := got.g.Lookup(got.g.Label(v))
		require.True(t, ok)
		require.Equal(t, v, u)
	}
	require.Equal(t, want.g.NodeAttr(0, 0), got.g.NodeAttr(0, 0), what)
}

// requireCloseGraph is requireSameGraph with weights equal to a relative
// tolerance.
func requireCloseGraph(t *testing.T, want, got *Graph, tol float64, what string) {
	t.Helper()
	require.Equal(t, want.Order(), got.Order(), "%s: order", what)
	for v := range want.Order() {
		require.Equal(t, want.Label(v), got.Label(v), "%s: label of node %d", what, v)
	}
	require.Equal(t, want.off, got.off, "%s: row offsets", what)
	require.Equal(t, want.adj, got.adj, "%s: rows", what)
	require.Equal(t, want.inOff, got.inOff, "%s: in-row offsets", what)
	require.Equal(t, want.inAdj, got.inAdj, "%s: in-rows", what)
	for k := range want.adj {
		require.InEpsilon(t, want.weightAt(k)+1, got.weightAt(k)+1, tol, "%s: weight %d", what, k)
	}
	for k := range want.inAdj {
		require.InEpsilon(t, want.inWeightAt(k)+1, got.inWeightAt(k)+1, tol, "%s: in-weight %d", what, k)
	}
}

// edgeText makes a seeded random edge list with the awkward cases mixed
// in: repeated edges (consecutive and not, both directions), self-loops,
// string, decimal and non-canonical IDs ("007"), CRLF line ends, blank
// lines, quoted IDs (some holding a comma or a line break), spaces around
// IDs, and weights (whole or not) when weighted.
func edgeText(rng *rand.Rand, rows int, weighted, quotes, crlf bool, ids func(*rand.Rand) string) []byte {
	var b bytes.Buffer
	eol := "\n"
	if crlf {
		eol = "\r\n"
	}
	b.WriteString("source,target")
	if weighted {
		b.WriteString(",weight")
	}
	b.WriteString(eol)
	var prev string
	for r := 0; r < rows; r++ {
		var line string
		switch x := rng.IntN(20); {
		case x == 0 && prev != "":
			line = prev // a repeat of the row before
		case x == 1:
			id := ids(rng)
			line = id + "," + id // a self-loop
		case x == 2 && quotes:
			line = `"` + ids(rng) + `",` + `"a, b` + "\n" + `c"`
		case x == 3 && quotes:
			line = `"` + ids(rng) + `"",q",` + ids(rng)
		case x == 4:
			line = " " + ids(rng) + " ," + ids(rng)
		case x == 5:
			b.WriteString(eol) // a blank line
			line = ids(rng) + "," + ids(rng)
		default:
			line = ids(rng) + "," + ids(rng)
		}
		if weighted && line != prev {
			if rng.IntN(2) == 0 {
				line += "," + fmt.Sprint(rng.IntN(5))
			} else {
				line += "," + fmt.Sprint(float64(rng.IntN(1000))/7)
			}
		}
		prev = line
		b.WriteString(line + eol)
	}
	return b.Bytes()
}

func decimalIDs(n int) func(*rand.Rand) string {
	return func(r *rand.Rand) string { return fmt.Sprint(r.IntN(n)) }
}

func mixedIDs(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("n%d", r.IntN(40))
	case 1:
		return fmt.Sprintf("%03d", r.IntN(40)) // "007": not canonical
	case 2:
		return "é" + fmt.Sprint(r.IntN(10))
	}
	return fmt.Sprint(r.IntN(60))
}

// TestParallelEqualsSequential reads seeded random edge lists with the
// parallel reader, blocks forced down to 64 to 4096 bytes so that one file
// spans many blocks, on 1 to 4 workers, and compares graph, report and
// errors with the sequential readers.
func TestParallelEqualsSequential(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	sparse := func(r *rand.Rand) string { return fmt.Sprint(1_000_000 + r.IntN(30)*9_999_991) } // beyond the dense table
	type gen struct {
		name             string
		ids              func(*rand.Rand) string
		weighted, quotes bool
	}
	gens := []gen{
		{"decimal", decimalIDs(300), false, false},
		{"decimal weighted", decimalIDs(50), true, false},
		{"mixed IDs", mixedIDs, false, false},
		{"mixed IDs quoted", mixedIDs, false, true},
		{"mixed weighted quoted", mixedIDs, true, true},
		{"sparse decimal", sparse, false, false},
	}
	cases := 0
	for _, g := range gens {
		for _, crlf := range []bool{false, true} {
			for _, directed := range []bool{false, true} {
				rows := 50 + rng.IntN(2000)
				text := edgeText(rng, rows, g.weighted, g.quotes, crlf, g.ids)
				opt := EdgeListOptions{Directed: directed}
				tol := 0.0
				if g.weighted {
					tol = 1e-12
				}
				want := readMode(t, "fast", text, "", opt, 0, 0)
				require.NoError(t, want.err, "%s: the generator makes valid files", g.name)
				csvWant := readMode(t, "csv", text, "", opt, 0, 0)
				requireSameResult(t, csvWant, want, tol, g.name+" (fast vs csv)")
				for _, block := range []int{64, 300, 4096} {
					for _, workers := range []int{1, 2, 4} {
						what := fmt.Sprintf("%s crlf=%v directed=%v block=%d workers=%d", g.name, crlf, directed, block, workers)
						got := readMode(t, "parallel", text, "", opt, block, workers)
						requireSameResult(t, want, got, tol, what)
						cases++
					}
				}
				// The same file gzip-compressed.
				var z bytes.Buffer
				zw := gzip.NewWriter(&z)
				zw.Write(text)
				zw.Close()
				requireSameResult(t, want, readMode(t, "parallel", z.Bytes(), "", opt, 512, 2), tol, g.name+" gzip")
			}
		}
	}
	t.Logf("%d comparisons", cases)
}

// TestParallelNodeFile: with a node file, node order and attributes come
// from it, isolates stay, and an edge to an unlisted node is an error
// naming its true line, in a late block.
func TestParallelNodeFile(t *testing.T) {
	var nodes strings.Builder
	nodes.WriteString("id,group\n")
	for i := range 120 {
		fmt.Fprintf(&nodes, "%d,g%d\n", 119-i, i%3) // listed in reverse
	}
	nodes.WriteString("loner,g9\n") // an isolate
	rng := rand.New(rand.NewPCG(3, 4))
	text := edgeText(rng, 800, true, false, false, decimalIDs(120))
	for _, directed := range []bool{false, true} {
		opt := EdgeListOptions{Directed: directed}
		want := readMode(t, "fast", text, nodes.String(), opt, 0, 0)
		require.NoError(t, want.err)
		got := readMode(t, "parallel", text, nodes.String(), opt, 128, 3)
		requireSameResult(t, want, got, 1e-12, "node file")
		assert.Equal(t, 121, got.g.Order(), "120 listed nodes and the isolate")
		assert.Equal(t, "119", got.g.Label(0), "node file order")
		assert.Equal(t, "g0", got.g.NodeAttr(0, 0).String())
	}
	// An unknown node on the last line.
	bad := append(append([]byte(nil), text...), "5,999\n"...)
	want := readMode(t, "fast", bad, nodes.String(), EdgeListOptions{}, 0, 0)
	require.Error(t, want.err)
	got := readMode(t, "parallel", bad, nodes.String(), EdgeListOptions{}, 128, 3)
	requireSameResult(t, want, got, 0, "unknown node")
	assert.Contains(t, got.err.Error(), fmt.Sprintf("edges.csv:%d:", bytes.Count(bad, nl)), "the last line")
}

// TestParallelErrors puts one bad record at several places of a long file
// (first line, middle, last line, with good records after it in later
// blocks, and two bad records in different blocks): the parallel reader
// must give the sequential reader's error, the first in the file, with
// its line.
func TestParallelErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	base := edgeText(rng, 600, true, false, false, decimalIDs(100))
	lines := strings.SplitAfter(string(base), "\n")
	bads := []struct{ name, row string }{
		{"empty ID", ",5,1"},
		{"NA ID", "NA,5,1"},
		{"bad weight", "1,2,heavy"},
		{"negative weight", "1,2,-3"},
		{"NaN weight", "1,2,NaN"},
		{"too few fields", "1,2"},
		{"too many fields", "1,2,3,4"},
		{"bare quote", `1,2"x,3`},
		{"quote not closed", `1,"2,3`},
		{"text after a closing quote", `1,"2"x,3`},
		{"invalid UTF-8", "1,\xff,3"},
	}
	for _, bad := range bads {
		for _, at := range []int{1, 2, 300, len(lines) - 1} {
			in := strings.Join(lines[:at], "") + bad.row + "\n" + strings.Join(lines[at:], "")
			// A second bad record further on must not win.
			in += "x,,1\n"
			want := readMode(t, "fast", []byte(in), "", EdgeListOptions{}, 0, 0)
			require.Error(t, want.err, bad.name)
			for _, block := range []int{64, 1000} {
				got := readMode(t, "parallel", []byte(in), "", EdgeListOptions{}, block, 2)
				requireSameResult(t, want, got, 0, fmt.Sprintf("%s at line %d, block %d", bad.name, at+1, block))
			}
		}
	}
}

// TestParallelEdgeCases: degenerate files, read by both readers.
func TestParallelEdgeCases(t *testing.T) {
	cases := []struct{ name, edges, nodes string }{
		{"header only", "source,target\n", ""},
		{"header only, no newline", "source,target", ""},
		{"header only with a node file", "source,target\n", "id\na\nb\n"},
		{"one self-loop", "source,target\n1,1\n", ""},
		{"last line without newline", "source,target\n1,2\n2,3", ""},
		{"last line ends in CR", "source,target\n1,2\n2,3\r", ""},
		{"blank lines only", "source,target\n\n\r\n\n", ""},
		{"semicolons", "source;target;weight\n1;2;0,5\n", ""},
		{"weight column named", "from,to,w\n1,2,3\n", ""},
		{"BOM", "\xEF\xBB\xBFsource,target\n1,2\n", ""},
		{"one edge repeated", "source,target,weight\n" + strings.Repeat("1,2,1\n", 500), ""},
		{"repeats in both directions", "source,target,weight\n" + strings.Repeat("1,2,1\n2,1,2\n3,4,1\n", 200), ""},
		{"quoted header falls back", "\"source\",target\n1,2\n", ""},
		{"IDs 0 and 10 digits", "source,target\n0,1234567890\n1234567890,0\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := EdgeListOptions{}
			if strings.HasPrefix(c.edges, "from") {
				opt = EdgeListOptions{Source: "from", Target: "to", Weight: "w"}
			}
			want := readMode(t, "fast", []byte(c.edges), c.nodes, opt, 0, 0)
			for _, block := range []int{8, 64, 1 << 20} {
				got := readMode(t, "parallel", []byte(c.edges), c.nodes, opt, block, 2)
				requireSameResult(t, want, got, 0, fmt.Sprintf("block %d", block))
			}
		})
	}
}

// TestParallelDuplicateWeightsSummed: the weights of a duplicate edge are
// summed over every block. Hand derivation: edge 1–2 appears as 1,2,0.5
// and 2,1,0.25 on each of 100 lines pairs, so its weight is
// 100·(0.5+0.25) = 75 (exact in binary); duplicates merged = 200 rows − 1
// edge = 199.
func TestParallelDuplicateWeightsSummed(t *testing.T) {
	text := "source,target,weight\n" + strings.Repeat("1,2,0.5\n3,3,1\n2,1,0.25\n", 100)
	got := readMode(t, "parallel", []byte(text), "", EdgeListOptions{}, 64, 2)
	require.NoError(t, got.err)
	w, ok := got.g.EdgeWeight(0, 1)
	require.True(t, ok)
	assert.Equal(t, 75.0, w)
	assert.Equal(t, []string{"edges.csv: 100 self-loops dropped", "edges.csv: 199 duplicate ties merged (weights summed)"}, got.rep.Lines())
	assert.Equal(t, 3, got.g.Order(), "nodes 1, 2 and 3 (3 only in self-loops)")
	assert.False(t, math.IsNaN(w))
}

// BenchmarkReadEdgeListParallel reads a 1M-edge BA-like list of decimal
// IDs with the parallel and the sequential reader.
func BenchmarkReadEdgeListParallel(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	buf.WriteString("source,target\n")
	for i := range 1_000_000 {
		fmt.Fprintf(&buf, "%d,%d\n", i/5+5, rng.IntN(i/5+5))
	}
	data := buf.Bytes()
	for _, mode := range []string{"parallel", "fast"} {
		b.Run(mode, func(b *testing.B) {
			defer func(p bool) { parallelEdgeLists = p }(parallelEdgeLists)
			parallelEdgeLists = mode == "parallel"
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				in, _ := NewInput("e.csv", bytes.NewReader(data), false)
				g, _, err := ReadEdgeListFrom(in, nil, EdgeListOptions{})
				if err != nil || g.Size() == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

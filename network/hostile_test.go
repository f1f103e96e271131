package network

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile inputs of issue 18 (items 6, 7, 12): each must end in an error
// that names the problem (or a small model) within a bounded amount of
// memory and time, whatever the input's size. The inputs are generated on
// the fly. Memory is checked with the runtime's statistics: the bytes
// allocated while reading (TotalAlloc, an upper bound of the peak heap)
// must stay under the case's bound: for an over-long record 9 times
// Limits.MaxRecordBytes (encoding/csv and the edge list reader grow their
// buffers by doubling, so a 16 MiB record allocates about 8 times that in
// all, the peak about twice), for a gzip bomb a few MiB.

// repeatReader yields prefix, then body over and over until n bytes in
// all, then suffix.
type repeatReader struct {
	prefix, body, suffix []byte
	n, i                 int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if len(r.prefix) > 0 {
		k := copy(p, r.prefix)
		r.prefix = r.prefix[k:]
		return k, nil
	}
	if r.i >= r.n {
		if len(r.suffix) == 0 {
			return 0, io.EOF
		}
		k := copy(p, r.suffix)
		r.suffix = r.suffix[k:]
		return k, nil
	}
	k := 0
	for k < len(p) && r.i < r.n {
		c := copy(p[k:], r.body[r.i%int64(len(r.body)):])
		if int64(c) > r.n-r.i {
			c = int(r.n - r.i)
		}
		k += c
		r.i += int64(c)
	}
	return k, nil
}

func repeat(prefix, body string, n int64, suffix string) io.Reader {
	return &repeatReader{prefix: []byte(prefix), body: []byte(body), n: n, suffix: []byte(suffix)}
}

// gzipBomb returns gzip data that decompresses to prefix then body
// repeated to about total bytes: one member of 1 MiB of body, repeated
// (gzip readers read concatenated members as one stream).
func gzipBomb(t *testing.T, prefix, body string, total int64) io.Reader {
	var head, member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&head, gzip.BestCompression)
	zw.Write([]byte(prefix))
	zw.Close()
	zw, _ = gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte(body), (1<<20)/len(body)))
	zw.Close()
	n := total >> 20
	return io.MultiReader(&head, repeat("", member.String(), n*int64(member.Len()), ""))
}

// allocDuring returns the bytes allocated while f ran.
func allocDuring(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

func TestHostileInputsBounded(t *testing.T) {
	const MiB = 1 << 20
	cases := []struct {
		name     string
		in       func(t *testing.T) io.Reader
		whole    bool // edge list, else the egos file of an ego CSV
		want     error
		wantMsg  string
		maxAlloc uint64
	}{
		{"6 a 1 GB line", func(*testing.T) io.Reader { return repeat("source,target\na,", "b", 1<<30, "\n") }, true, ErrTooLarge, "a record longer than 16777216 bytes", 9 * 16 * MiB},
		{"6 /dev/zero", func(*testing.T) io.Reader { return repeat("", "\x00", 1<<40, "") }, true, ErrTooLarge, "a record longer than", 9 * 16 * MiB},
		{"6 a 100 MB header", func(*testing.T) io.Reader { return repeat("egoID,", "x", 100*MiB, "\ne1\n") }, false, ErrTooLarge, "a record longer than", 9 * 16 * MiB},
		{"6 a 1 GB quoted field over many lines", func(*testing.T) io.Reader { return repeat("source,target\na,\"", "b\n", 1<<30, "\"\n") }, true, ErrTooLarge, "a record longer than", 9 * 16 * MiB},
		{"8 a million-column line", func(*testing.T) io.Reader { return repeat("source,target\na,b", ",x", 2*MiB, "\n") }, true, ErrTooLarge, "more than 65536 fields", 16 * MiB},
		{"7 gzip of 10 GB of zeros", func(t *testing.T) io.Reader { return gzipBomb(t, "", "\x00", 10<<30) }, true, ErrTooLarge, "", 80 * MiB},
		{"7 gzip of 10 GB of newlines", func(t *testing.T) io.Reader { return gzipBomb(t, "", "\n", 10<<30) }, true, ErrTooLarge, "gzip data expands more than 200 times", 32 * MiB},
		{"7 gzip of 5 GB of the row 1,2", func(t *testing.T) io.Reader { return gzipBomb(t, "source,target\n", "1,2\n", 5<<30) }, true, ErrTooLarge, "gzip data expands more than 200 times", 32 * MiB},
		{"12 CR-only line ends", func(*testing.T) io.Reader { return strings.NewReader("source,target\ra,b\rb,c\r") }, true, ErrSyntax, "old Mac (CR-only) line ends", MiB},
		{"12 CR-only line ends, ego CSV", func(*testing.T) io.Reader { return strings.NewReader("egoID,sex\re1,f\re2,m\r") }, false, ErrSyntax, "old Mac (CR-only) line ends", MiB},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			var err error
			alloc := allocDuring(func() {
				var in *Input
				in, err = NewInput("hostile.csv", c.in(t), false)
				if err != nil {
					return
				}
				if c.whole {
					_, _, err = ReadEdgeListFrom(in, nil, EdgeListOptions{})
				} else {
					alters, _ := NewInput("alters.csv", strings.NewReader("egoID,alterID\ne1,a\n"), false)
					_, _, err = ReadEgoCSVFrom(in, alters, nil, EgoCSVOptions{})
				}
			})
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.want), "got %v, want %v", err, c.want)
			assert.Contains(t, err.Error(), c.wantMsg)
			assert.Less(t, len(err.Error()), 300, "got a %d-byte message, want a short one", len(err.Error()))
			assert.LessOrEqual(t, alloc, c.maxAlloc, "got %d MiB allocated, want at most %d MiB", alloc>>20, c.maxAlloc>>20)
			assert.Less(t, time.Since(start), 20*time.Second)
			t.Logf("%s: %v, %d MiB allocated, %v", c.name, err, alloc>>20, time.Since(start).Round(time.Millisecond))
		})
	}
}

// Item 7: with the gzip limit lifted, a file of one edge repeated stays one
// edge as it is read (AddEdge merges a repeat of the previous edge), so
// memory does not grow with the repeats: 64 MiB of "1,2" rows (16.7
// million rows) allocate less than 16 MiB.
func TestRepeatedEdgeMergedAsRead(t *testing.T) {
	var g *Graph
	var rep Report
	var err error
	alloc := allocDuring(func() {
		in, _ := NewInput("rows.csv", repeat("source,target\n", "1,2\n", 64<<20, ""), false)
		g, rep, err = ReadEdgeListFrom(in, nil, EdgeListOptions{})
	})
	require.NoError(t, err)
	assert.Equal(t, 1, g.Size(), "one edge")
	assert.LessOrEqual(t, alloc, uint64(16<<20), "got %d MiB allocated", alloc>>20)
	assert.Contains(t, strings.Join(rep.Lines(), "\n"), "16777215 duplicate ties merged", "64 MiB / 4 bytes = 16777216 rows, all but one merged")
}

// Item 17: a wave of NA (or empty) in a study with a wave column is a
// missing value, an error, not a wave called "NA".
func TestWaveNAIsMissing(t *testing.T) {
	for _, wave := range []string{"NA", ""} {
		egos, _ := NewInput("egos.csv", strings.NewReader("egoID,wave\ne1,1\ne1,"+wave+"\n"), false)
		alters, _ := NewInput("alters.csv", strings.NewReader("egoID,wave,alterID\ne1,1,a\n"), false)
		_, _, err := ReadEgoCSVFrom(egos, alters, nil, EgoCSVOptions{Wave: "wave"})
		require.Error(t, err, "wave %q", wave)
		assert.True(t, errors.Is(err, ErrEmptyID), "got %v", err)
		assert.Contains(t, err.Error(), "egos.csv:3: empty ID: wave")
	}
}

// Item 8: GraphML inputs whose cost grew faster than the file now fail
// early, within a bounded allocation (TotalAlloc): a 300 MB comment full of
// '<' (was 1.85 GB), a tag with a million attributes (was 210 MB), 5,000
// keys with defaults (was 1.16 GB / over 120 s).
func TestHostileGraphMLBounded(t *testing.T) {
	const MiB = 1 << 20
	var keys strings.Builder
	for i := range 5000 {
		keys.WriteString(`<key id="k` + strconv.Itoa(i) + `" for="node" attr.name="a` + strconv.Itoa(i) + `"><default>x</default></key>`)
	}
	cases := []struct {
		name     string
		in       func() io.Reader
		want     string
		maxAlloc uint64
	}{
		{"300 MB comment of <", func() io.Reader { return repeat("<graphml><!--", "<a>", 300*MiB, "--></graphml>") }, "more than 16777216 bytes in one tag, text, comment", 64 * MiB},
		{"a million attributes on a tag", func() io.Reader {
			return repeat(`<graphml><graph><node id="a"`, ` a="x"`, 6*MiB, "/></graph></graphml>")
		}, "more than 256 attributes", 8 * MiB},
		{"5,000 keys with defaults", func() io.Reader {
			return strings.NewReader("<graphml>" + keys.String() + "<graph><node id=\"a\"/></graph></graphml>")
		}, "more than 1000 <key> declarations", 16 * MiB},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				in, _ := NewInput("g.graphml", c.in(), false)
				_, _, err = ReadGraphMLFrom(in, GraphMLOptions{})
			})
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrTooLarge), "got %v", err)
			assert.Contains(t, err.Error(), c.want)
			assert.LessOrEqual(t, alloc, c.maxAlloc, "got %d MiB allocated", alloc>>20)
		})
	}
}

// Item 10: a node named 16777215 in a 40-byte edge list allocated 73 MB
// (a dense table up to the largest decimal ID); now the table grows only
// with the nodes seen (16 slots per node plus 65,536), so under 2 MiB (the reader's own 1 MiB buffer included).
func TestLargeDecimalIDBounded(t *testing.T) {
	var g *Graph
	var err error
	alloc := allocDuring(func() {
		in, _ := NewInput("e.csv", strings.NewReader("source,target\n1,16777215\n16777215,2\n"), false)
		g, _, err = ReadEdgeListFrom(in, nil, EdgeListOptions{})
	})
	require.NoError(t, err)
	assert.Equal(t, 3, g.Order())
	assert.Equal(t, 2, g.Size(), "16777215 is one node, found again by the map")
	assert.LessOrEqual(t, alloc, uint64(2<<20), "got %d bytes allocated", alloc)
}

// Item 13: Network Canvas collisions are refused, never resolved silently:
// a node or edge variable named like the type attribute, and a nodeID
// shared by two nodes when edges name nodes by nodeID (Ann–Bob became GP
// surgery–Bob).
func TestNetCanvasCollisions(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"node variable named type", map[string]string{
			"c1_s1_ego.csv":                  ncEgoHead + "E,c1,s1\n",
			"c1_s1_attributeList_Person.csv": "nodeID,networkCanvasEgoUUID,networkCanvasUUID,type\n1,E,u1,kin\n2,E,u2,work\n",
		}, `a node variable is named "type"`},
		{"edge variable named type", map[string]string{
			"c1_s1_ego.csv":                  ncEgoHead + "E,c1,s1\n",
			"c1_s1_attributeList_Person.csv": ncNodeHead + "1,E,u1,A\n2,E,u2,B\n",
			"c1_s1_edgeList_knows.csv":       "edgeID,from,to,networkCanvasEgoUUID,type\n1,1,2,E,strong\n",
		}, `an edge variable is named "type"`},
		{"nodeID shared by two nodes, edges by nodeID", map[string]string{
			"c1_s1_ego.csv":                   ncEgoHead + "E,c1,s1\n",
			"c1_s1_attributeList_Person.csv":  ncNodeHead + "1,E,u1,Ann\n2,E,u2,Bob\n",
			"c1_s1_attributeList_Service.csv": ncNodeHead + "1,E,u3,GP surgery\n",
			"c1_s1_edgeList_knows.csv":        "edgeID,from,to,networkCanvasEgoUUID\n1,1,2,E\n",
		}, `nodeID "1" or "2" is shared by two nodes`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadNetCanvas(writeFiles(t, c.files), NetCanvasOptions{})
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrDuplicateID), "got %v", err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// Item 7: interleaved duplicate edges (not one after the other) no longer
// wait for Build: AddEdge compacts its pending edges when they reach twice
// the distinct edges of the last compaction. 2,000,000 rows cycle over 10
// ordered pairs (1,2), (3,4), (4,3), (5,6) ... (17,18) — 9 undirected edges,
// 3–4 given both ways — pair k (0-based) with weight k+1. Hand derivation
// of the reference: each pair occurs 2,000,000/10 = 200,000 times, so edge
// 1–2 weighs 200,000·1, edge 3–4 200,000·(2+3) = 1,000,000, edge of pair
// k ≥ 3 weighs 200,000·(k+1); duplicates merged = 2,000,000 rows − 9 edges
// = 1,999,991. Kept until Build, the 2M pending edges took 16 bytes each
// plus the buffer's growth copies: 204 MiB allocated, now 6.6 MiB (bound 16).
func TestInterleavedDuplicatesCompacted(t *testing.T) {
	pairs := [][2]int{{1, 2}, {3, 4}, {4, 3}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}, {17, 18}}
	var cycle, ref strings.Builder
	for k, p := range pairs {
		fmt.Fprintf(&cycle, "%d,%d,%d\n", p[0], p[1], k+1)
	}
	fmt.Fprintf(&ref, "source,target,weight\n1,2,200000\n3,4,1000000\n")
	for k := 3; k < len(pairs); k++ {
		fmt.Fprintf(&ref, "%d,%d,%d\n", pairs[k][0], pairs[k][1], 200000*(k+1))
	}
	const cycles = 200_000
	var g *Graph
	var rep Report
	var err error
	alloc := allocDuring(func() {
		in, _ := NewInput("rows.csv", repeat("source,target,weight\n", cycle.String(), cycles*int64(cycle.Len()), ""), false)
		g, rep, err = ReadEdgeListFrom(in, nil, EdgeListOptions{})
	})
	require.NoError(t, err)
	t.Logf("allocated %d KiB", alloc>>10)
	assert.LessOrEqual(t, alloc, uint64(16<<20), "got %d MiB allocated", alloc>>20)
	in, _ := NewInput("ref.csv", strings.NewReader(ref.String()), false)
	want, wantRep, err := ReadEdgeListFrom(in, nil, EdgeListOptions{})
	require.NoError(t, err)
	require.NoError(t, equalGraphs(g, want, exact))
	assert.Equal(t, 9, g.Size())
	assert.Empty(t, wantRep.Lines(), "the reference has no duplicates")
	assert.Equal(t, []string{"rows.csv: 1999991 duplicate ties merged (weights summed)"}, rep.Lines())
}

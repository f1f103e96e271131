package network

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readBoth reads an edge list with the byte-level reader and with the
// encoding/csv reader.
func readBoth(t *testing.T, edges []byte, nodes string, opt EdgeListOptions) (fast, slow edgeListResult) {
	t.Helper()
	read := func(useFast bool) edgeListResult {
		defer func(old bool) { fastEdgeLists = old }(fastEdgeLists)
		fastEdgeLists = useFast
		ein, err := NewInput("edges.csv", bytes.NewReader(edges), false)
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
	return read(true), read(false)
}

type edgeListResult struct {
	g   *Graph
	rep Report
	err error
}

// requireSameGraph compares two graphs entry by entry.
func requireSameGraph(t *testing.T, want, got *Graph) {
	t.Helper()
	require.Equal(t, want.Order(), got.Order(), "order")
	require.Equal(t, want.Directed(), got.Directed(), "directed")
	require.Equal(t, want.IsWeighted(), got.IsWeighted(), "weighted")
	for v := range want.Order() {
		require.Equal(t, want.Label(v), got.Label(v), "label of node %d", v)
	}
	wo, wa, ww32, ww64 := want.off, want.adj, want.w32, want.w64
	go_, ga, gw32, gw64 := got.off, got.adj, got.w32, got.w64
	require.Equal(t, wo, go_, "row offsets")
	require.Equal(t, wa, ga, "rows")
	require.Equal(t, ww32, gw32, "float32 weights")
	require.Equal(t, ww64, gw64, "float64 weights")
	require.Equal(t, want.Attrs().Names(), got.Attrs().Names(), "attributes")
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	io.WriteString(zw, s)
	zw.Close()
	return b.Bytes()
}

// TestFastEdgeListSameAsCSV checks that the byte-level reader gives what
// the encoding/csv reader gives, graph, Report and error message, on clean
// input, on input it hands over to encoding/csv (quotes, bare carriage
// returns), and on every kind of bad input.
func TestFastEdgeListSameAsCSV(t *testing.T) {
	long := strings.Repeat("x", 3<<20) // longer than the reader's block
	tests := []struct {
		name  string
		edges string
		nodes string
		opt   EdgeListOptions
	}{
		// degenerate
		{"empty file", "", "", EdgeListOptions{}},
		{"header only", "source,target\n", "", EdgeListOptions{}},
		{"header only without newline", "source,target", "", EdgeListOptions{}},
		{"header only with node file", "source,target\n", "id\na\nb\n", EdgeListOptions{}},
		{"blank first line", "\nsource,target\n1,2\n", "", EdgeListOptions{}},
		// clean input
		{"numeric IDs", "source,target\n1,2\n2,3\n3,1\n10,1\n", "", EdgeListOptions{}},
		{"string IDs with spaces", "source,target\n a , b \nb,c\n", "", EdgeListOptions{}},
		{"leading zeros are other labels", "source,target\n007,7\n7,0\n0,00\n", "", EdgeListOptions{}},
		{"large and negative IDs", "source,target\n999999999,1\n1000000000,1\n-1,2\n5000000,1\n", "", EdgeListOptions{}},
		{"UTF-8 labels", "source,target\nZoë,José\nJosé,Łucja\n", "", EdgeListOptions{}},
		{"CRLF", "source,target\r\n1,2\r\n2,3\r\n", "", EdgeListOptions{}},
		{"no final newline, final CR", "source,target\n1,2\n2,3\r", "", EdgeListOptions{}},
		{"blank lines", "source,target\n1,2\n\n\r\n2,3\n\n", "", EdgeListOptions{}},
		{"self-loops and duplicates", "source,target\n1,2\n2,1\n3,3\n1,2\n", "", EdgeListOptions{}},
		{"directed", "source,target\n1,2\n2,1\n3,3\n1,2\n", "", EdgeListOptions{Directed: true}},
		{"Gephi header and weights", "Source,Target,Weight\na,b,1\nb,a,2.5\nb,c,0.1\n", "", EdgeListOptions{}},
		{"integer weights", "source,target,weight\n1,2,3\n2,3,0\n3,1,12345678901234\n", "", EdgeListOptions{}},
		{"named weight column", "source,target,w,weight\n1,2,3,x\n", "", EdgeListOptions{Weight: "w"}},
		{"weights ignored", "source,target,weight\n1,2,x\n", "", EdgeListOptions{Weight: "-"}},
		{"other columns", "id,source,note,target\ne1,1,hello,2\n", "", EdgeListOptions{}},
		{"tab separated", "source\ttarget\n1\t2\n2\t3\n", "", EdgeListOptions{Comma: '\t'}},
		{"space separated", "source target\n1 2\n2 3\n", "", EdgeListOptions{Comma: ' '}},
		{"semicolon, named columns", "von;nach\nx;y\n", "", EdgeListOptions{Comma: ';', Source: "von", Target: "nach"}},
		{"node file", "source,target\na,b\nc,b\n", "id,group\nc,1\nb,2\na,1\nd,3\n", EdgeListOptions{}},
		{"BOM", "\ufeffsource,target\n1,2\n", "", EdgeListOptions{}},
		{"long line", "source,target,note\n1,2," + long + "\n2,3,x\n", "", EdgeListOptions{}},
		// handed over to encoding/csv
		{"quoted header", "\"source\",\"target\"\n1,2\n", "", EdgeListOptions{}},
		{"quoted field", "source,target\n1,2\n\"3\",4\n5,6\n", "", EdgeListOptions{}},
		{"quoted comma", "source,target\n1,2\n\"a,b\",4\n5,6\n", "", EdgeListOptions{}},
		{"quoted newline, then bad record", "source,target\n1,2\n\"a\nb\",4\n5\n", "", EdgeListOptions{}},
		{"bare quote", "source,target\n1,2\na\"b,4\n", "", EdgeListOptions{}},
		{"bare CR", "source,target\n1,2\na\rb,4\n", "", EdgeListOptions{}},
		// errors
		{"missing column", "from,to\n1,2\n", "", EdgeListOptions{}},
		{"ambiguous column", "source,Source,target\n1,2,3\n", "", EdgeListOptions{}},
		{"ambiguous weight column", "source,target,weight,Weight\n1,2,3,4\n", "", EdgeListOptions{}},
		{"duplicate header", "source,target,target\n1,2,3\n", "", EdgeListOptions{}},
		{"too few fields", "source,target\n1,2\n3\n", "", EdgeListOptions{}},
		{"too many fields", "source,target\n1,2\n3,4,5\n", "", EdgeListOptions{}},
		{"empty source", "source,target\n1,2\n ,2\n", "", EdgeListOptions{}},
		{"empty target", "source,target\n1,2\n2,\n", "", EdgeListOptions{}},
		{"unknown node", "source,target\na,b\na,e\n", "id\na\nb\n", EdgeListOptions{}},
		{"bad weight", "source,target,weight\n1,2,1\n2,3,heavy\n", "", EdgeListOptions{}},
		{"empty weight", "source,target,weight\n1,2,\n", "", EdgeListOptions{}},
		{"negative weight", "source,target,weight\n1,2,-1\n", "", EdgeListOptions{}},
		{"infinite weight", "source,target,weight\n1,2,Inf\n", "", EdgeListOptions{}},
		{"invalid UTF-8 in a field", "source,target\n1,2\n1,\xff\n", "", EdgeListOptions{}},
		{"invalid UTF-8 in the header", "source,target\xff\n1,2\n", "", EdgeListOptions{}},
		{"bad node file", "source,target\na,b\n", "id\na\na\n", EdgeListOptions{}},
		{"error after hand-over", "source,target\n\"a\",b\nc,\n", "", EdgeListOptions{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, gz := range []bool{false, true} {
				data := []byte(tc.edges)
				if gz {
					data = gzipped(tc.edges)
				}
				fast, slow := readBoth(t, data, tc.nodes, tc.opt)
				if slow.err != nil {
					require.Error(t, fast.err, "gzip=%v: the csv reader fails with %v", gz, slow.err)
					assert.Equal(t, slow.err.Error(), fast.err.Error(), "gzip=%v", gz)
					continue
				}
				require.NoError(t, fast.err, "gzip=%v", gz)
				assert.Equal(t, slow.rep, fast.rep, "gzip=%v: report", gz)
				requireSameGraph(t, slow.g, fast.g)
			}
		})
	}
}

// TestFastEdgeListTruncatedGzip checks that a read error mid-file is
// reported as the csv reader reports it.
func TestFastEdgeListTruncatedGzip(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("source,target\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&sb, "%d,%d\n", i, i+1)
	}
	data := gzipped(sb.String())
	data = data[:len(data)/2]
	fast, slow := readBoth(t, data, "", EdgeListOptions{})
	require.Error(t, slow.err)
	require.Error(t, fast.err)
	assert.Contains(t, fast.err.Error(), "edges.csv")
}

// TestFastEdgeListLargeRandom compares the two readers on a larger seeded
// input that crosses many read blocks.
func TestFastEdgeListLargeRandom(t *testing.T) {
	data := benchEdgeList(200000, true)
	fast, slow := readBoth(t, data, "", EdgeListOptions{})
	require.NoError(t, slow.err)
	require.NoError(t, fast.err)
	assert.Equal(t, slow.rep, fast.rep)
	requireSameGraph(t, slow.g, fast.g)
}

// benchEdgeList returns a seeded edge list of m edges among m/5 nodes
// with integer labels (and weights 1..3 when weighted).
func benchEdgeList(m int, weighted bool) []byte {
	var b bytes.Buffer
	b.WriteString("source,target")
	if weighted {
		b.WriteString(",weight")
	}
	b.WriteByte('\n')
	n := uint64(m/5 + 1)
	x := uint64(12345)
	next := func() uint64 { // splitmix64
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	var buf []byte
	for i := 0; i < m; i++ {
		buf = strconv.AppendUint(buf[:0], next()%n, 10)
		buf = append(buf, ',')
		buf = strconv.AppendUint(buf, next()%n, 10)
		if weighted {
			buf = append(buf, ',')
			buf = strconv.AppendUint(buf, 1+next()%3, 10)
		}
		buf = append(buf, '\n')
		b.Write(buf)
	}
	return b.Bytes()
}

// BenchmarkParseEdgeList reports the MB/s of the byte-level parser alone
// (records to Builder, without the final sort into rows).
func BenchmarkParseEdgeList(b *testing.B) {
	for _, m := range []int{100_000, 1_000_000} {
		data := benchEdgeList(m, false)
		b.Run(fmt.Sprintf("edges=%d", m), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				in, err := NewInput("edges.csv", bytes.NewReader(data), false)
				if err != nil {
					b.Fatal(err)
				}
				head, _ := in.r.ReadBytes('\n')
				r := &fastEdgeReader{file: in.Name, comma: ','}
				if !r.parseHeader(head, EdgeListOptions{}) {
					b.Fatal("header not accepted")
				}
				r.b = NewBuilder(false, false)
				if err := r.body(in); err != nil {
					b.Fatal(err)
				}
				r.finish()
			}
		})
	}
}

// BenchmarkReadEdgeList reports MB/s of ReadEdgeListFrom, parse and graph
// build together, with the byte-level reader and with encoding/csv.
func BenchmarkReadEdgeList(b *testing.B) {
	for _, m := range []int{100_000, 1_000_000} {
		data := benchEdgeList(m, false)
		for _, useFast := range []bool{true, false} {
			name := "csv"
			if useFast {
				name = "fast"
			}
			b.Run(fmt.Sprintf("%s/edges=%d", name, m), func(b *testing.B) {
				defer func(old bool) { fastEdgeLists = old }(fastEdgeLists)
				fastEdgeLists = useFast
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					in, err := NewInput("edges.csv", bytes.NewReader(data), false)
					if err != nil {
						b.Fatal(err)
					}
					if _, _, err := ReadEdgeListFrom(in, nil, EdgeListOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package csvscan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsed is what a reader made of an input: the records, each field's
// position, and the error that stopped it ("" at the end).
type parsed struct {
	Records [][]string
	Pos     [][][2]int
	Err     string
}

// reference reads in with encoding/csv (the reference for every expected
// value in this file: Go's standard library, the version that runs the
// test), stopping at the first error.
func reference(in []byte, opt Options) parsed {
	r := csv.NewReader(bytes.NewReader(in))
	if opt.Comma != 0 {
		r.Comma = opt.Comma
	}
	r.Comment = opt.Comment
	r.FieldsPerRecord = opt.FieldsPerRecord
	var p parsed
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return p
		}
		if err != nil {
			p.Err = err.Error()
			return p
		}
		p.Records = append(p.Records, rec)
		var pos [][2]int
		for i := range rec {
			l, c := r.FieldPos(i)
			pos = append(pos, [2]int{l, c})
		}
		p.Pos = append(p.Pos, pos)
	}
}

// scan reads all records of s.
func scan(s *Scanner) parsed {
	var p parsed
	for s.Scan() {
		var rec []string
		var pos [][2]int
		for i, f := range s.Fields() {
			rec = append(rec, string(f))
			l, c := s.FieldPos(i)
			pos = append(pos, [2]int{l, c})
		}
		p.Records = append(p.Records, rec)
		p.Pos = append(p.Pos, pos)
	}
	if s.Err() != nil {
		p.Err = s.Err().Error()
	}
	return p
}

// scanChunks splits in into n chunks and scans them one after another,
// stopping at the first chunk that fails (the package's rule).
func scanChunks(in []byte, n int, opt Options) parsed {
	var all parsed
	for _, c := range Split(in, n, 1, opt) {
		p := scan(NewBytes(c.Data, c.Line, opt))
		all.Records = append(all.Records, p.Records...)
		all.Pos = append(all.Pos, p.Pos...)
		if p.Err != "" {
			all.Err = p.Err
			break
		}
	}
	return all
}

// randomCSV makes an input of n tokens, chosen to hit every rule: quotes
// in and out of place, CR, CRLF, empty lines, comment marks, multi-byte
// runes, several delimiters.
func randomCSV(rng *rand.Rand, n int) []byte {
	tokens := []string{"a", "b", "1", ",", ",", "\"", "\"", "\"\"", "\n", "\n", "\r", "\r\n", "#", " ", "é", ";", "\t", "\xff"}
	var b strings.Builder
	for range n {
		b.WriteString(tokens[rng.Intn(len(tokens))])
	}
	return []byte(b.String())
}

var optionSets = []Options{
	{},
	{FieldsPerRecord: -1},
	{FieldsPerRecord: 2},
	{Comment: '#'},
	{Comment: '#', FieldsPerRecord: -1},
	{Comma: ';', FieldsPerRecord: -1},
	{Comma: '\t'},
	{Comma: 'é', FieldsPerRecord: -1},
	{Comma: 'é', Comment: '#', FieldsPerRecord: -1},
}

// TestAgainstEncodingCSV compares the scanner, on a []byte, on a reader
// that gives 1 to 3 bytes at a time, and on the chunks Split makes, with
// encoding/csv on 1,500 seeded random inputs per option set.
func TestAgainstEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	n := 1500
	if testing.Short() {
		n = 300
	}
	for _, opt := range optionSets {
		for i := range n {
			in := randomCSV(rng, rng.Intn(40))
			want := reference(in, opt)
			name := fmt.Sprintf("%+v %q", opt, in)
			require.Equal(t, want, scan(NewBytes(in, 1, opt)), "bytes: %s", name)
			r := iotest.HalfReader(iotest.OneByteReader(bytes.NewReader(in)))
			if i%2 == 0 {
				r = iotest.DataErrReader(bytes.NewReader(in))
			}
			require.Equal(t, want, scan(NewReader(r, opt)), "reader: %s", name)
			// Chunks need a fixed field count (a chunk does not see the
			// file's first record).
			copt := opt
			if copt.FieldsPerRecord == 0 {
				copt.FieldsPerRecord = -1
			}
			cwant := reference(in, copt)
			for _, k := range []int{2, 3, 7, 40} {
				require.Equal(t, cwant, scanChunks(in, k, copt), "%d chunks: %s", k, name)
			}
		}
	}
}

// TestCut checks on random valid inputs that data[:Cut(data)] holds whole
// records: parsing it and then the rest (from the line it starts on)
// gives the records of the whole input (encoding/csv's).
func TestCut(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	checked := 0
	for _, opt := range optionSets {
		opt.FieldsPerRecord = -1
		for range 3000 {
			in := randomCSV(rng, rng.Intn(40))
			want := reference(in, opt)
			if want.Err != "" {
				continue
			}
			c := Cut(in, opt)
			require.True(t, c == 0 || in[c-1] == '\n', "%q cut at %d", in, c)
			head := scan(NewBytes(in[:c], 1, opt))
			tail := scan(NewBytes(in[c:], 1+bytes.Count(in[:c], nl), opt))
			got := parsed{Records: append(head.Records, tail.Records...), Pos: append(head.Pos, tail.Pos...)}
			require.Equal(t, want, got, "%+v %q cut at %d", opt, in, c)
			// No later line break outside quotes: the rest is one
			// record or less, or blank and comment lines.
			if len(tail.Records) > 1 {
				t.Fatalf("%+v %q: cut at %d leaves %d records", opt, in, c, len(tail.Records))
			}
			checked++
		}
	}
	assert.Greater(t, checked, 1000, "valid inputs checked")
}

// TestCases are hand-written inputs, degenerate first; the expected
// records and errors are encoding/csv's (reference), so each case only
// names its input.
func TestCases(t *testing.T) {
	cases := []struct {
		name string
		in   string
		opt  Options
	}{
		{"empty", "", Options{}},
		{"only newlines", "\n\n\r\n", Options{}},
		{"one field no newline", "a", Options{}},
		{"trailing CR at end", "a,b\r", Options{}},
		{"CRLF records", "s,t\r\n1,2\r\n3,4\r\n", Options{}},
		{"empty fields", ",\n,,\n", Options{FieldsPerRecord: -1}},
		{"quoted newline", "id,name\n1,\"two\nlines\"\n2,x\n", Options{}},
		{"quoted CRLF read as LF", "\"a\r\nb\",c\r\n", Options{}},
		{"doubled quote", "\"say \"\"hi\"\"\",b\n", Options{}},
		{"quote then end of input", "a,\"b", Options{}},
		{"quote open across lines to EOF", "a,\"b\nc\n", Options{}},
		{"bare quote", "a,b\"c\n", Options{}},
		{"text after closing quote", "\"a\"b,c\n", Options{}},
		{"bare quote on line 3 after quoted newline", "a,b\n\"x\ny\",z\"\n", Options{}},
		{"field count", "a,b\nc\n", Options{}},
		{"comment lines", "#x,\"\na,b\n# c\n1,2\n", Options{Comment: '#'}},
		{"comment mark inside record is data", "a,#b\n", Options{Comment: '#'}},
		{"multi-byte delimiter", "aéb\n\"xé\"é\"\"\n", Options{Comma: 'é'}},
		{"bad delimiter", "a\n", Options{Comma: '"'}},
		{"comment equals comma", "a\n", Options{Comma: ';', Comment: ';'}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := reference([]byte(c.in), c.opt)
			assert.Equal(t, want, scan(NewBytes([]byte(c.in), 1, c.opt)))
			assert.Equal(t, want, scan(NewReader(strings.NewReader(c.in), c.opt)))
		})
	}
}

// TestErrorsAreParseErrors: callers test errors with errors.Is on
// encoding/csv's sentinels and read lines with errors.As, as for
// encoding/csv.
func TestErrorsAreParseErrors(t *testing.T) {
	// Line 4 holds the bare quote: line 1 header, 2 a record, 3 blank.
	s := NewBytes([]byte("s,t\n1,2\n\n3,4\"\n"), 1, Options{})
	for s.Scan() {
	}
	var pe *csv.ParseError
	require.True(t, errors.As(s.Err(), &pe))
	assert.ErrorIs(t, s.Err(), csv.ErrBareQuote)
	assert.Equal(t, 4, pe.Line, "got line %d want 4", pe.Line)
	assert.Equal(t, 4, pe.Column, "got column %d want 4 (the quote is the 4th byte of \"3,4\\\"\")", pe.Column)
}

// TestLineNumbersInLaterChunks: the chunk scanner numbers lines from the
// chunk's first line, so an error deep in the file names its true line.
func TestLineNumbersInLaterChunks(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("s,t\n")
	for i := range 1000 {
		if i == 876 {
			b.WriteString("\"multi\nline\",x\n") // lines 878-879
			continue
		}
		fmt.Fprintf(&b, "%d,%d\n", i, i+1)
	}
	b.WriteString("5,\"6\"x\n")
	chunks := Split(b.Bytes(), 8, 1, Options{FieldsPerRecord: 2})
	require.Len(t, chunks, 8)
	var err error
	for _, c := range chunks {
		s := NewBytes(c.Data, c.Line, Options{FieldsPerRecord: 2})
		for s.Scan() {
		}
		if err = s.Err(); err != nil {
			break
		}
	}
	var pe *csv.ParseError
	require.True(t, errors.As(err, &pe), "got %v", err)
	// Lines: header 1; i = 0..875 on lines 2..877; the quoted record
	// (i = 876) on 878-879; i = 877..999 on 880..1002; so the bad record
	// is on line 1003.
	assert.Equal(t, 1003, pe.Line, "got line %d want 1003", pe.Line)
	assert.ErrorIs(t, err, csv.ErrQuote)
}

// TestScanDoesNotAllocate: after the first records, Scan allocates
// nothing, quoted fields and all.
func TestScanDoesNotAllocate(t *testing.T) {
	var b bytes.Buffer
	for i := range 2000 {
		fmt.Fprintf(&b, "%d,\"q\"\"%d\",\"a\nb\"\r\n", i, i)
	}
	s := NewBytes(b.Bytes(), 1, Options{})
	for range 10 {
		require.True(t, s.Scan())
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if !s.Scan() {
			t.Fatal(s.Err())
		}
	})
	assert.Zero(t, allocs, "got %v allocations per record want 0", allocs)
	r := NewReader(bytes.NewReader(b.Bytes()), Options{})
	for range 10 {
		require.True(t, r.Scan())
	}
	allocs = testing.AllocsPerRun(900, func() {
		if !r.Scan() {
			t.Fatal(r.Err())
		}
	})
	assert.Zero(t, allocs, "reader: got %v allocations per record want 0", allocs)
}

// TestSplitSizes: chunks cover the input in order, end at line breaks,
// and with plain records come out about equal.
func TestSplitSizes(t *testing.T) {
	var b bytes.Buffer
	for i := range 10000 {
		fmt.Fprintf(&b, "%d,%d\n", i, 3*i)
	}
	data := b.Bytes()
	chunks := Split(data, 4, 1, Options{})
	require.Len(t, chunks, 4)
	total, line := 0, 1
	for _, c := range chunks {
		assert.Equal(t, byte('\n'), c.Data[len(c.Data)-1])
		assert.Equal(t, line, c.Line)
		assert.InDelta(t, len(data)/4, len(c.Data), 16, "chunk of %d bytes, a quarter is %d", len(c.Data), len(data)/4)
		total += len(c.Data)
		line += bytes.Count(c.Data, nl)
	}
	assert.Equal(t, len(data), total)
	assert.Empty(t, Split(nil, 4, 1, Options{}))
	// One long quoted record: no boundary inside it, one chunk.
	q := []byte("\"" + strings.Repeat("a\n", 100) + "\"\n")
	assert.Len(t, Split(q, 4, 1, Options{}), 1)
}

func FuzzScanner(f *testing.F) {
	for _, s := range []string{"a,b\n", "\"a\nb\",c\r\n", "a\"b\n", "#x\n1,2", "\"\"\"\",\n\r\n"} {
		f.Add([]byte(s), uint8(3), false)
	}
	f.Fuzz(func(t *testing.T, in []byte, n uint8, comment bool) {
		opt := Options{FieldsPerRecord: -1}
		if comment {
			opt.Comment = '#'
		}
		want := reference(in, opt)
		if got := scan(NewBytes(in, 1, opt)); !assert.Equal(t, want, got) {
			return
		}
		assert.Equal(t, want, scan(NewReader(iotest.OneByteReader(bytes.NewReader(in)), opt)))
		assert.Equal(t, want, scanChunks(in, int(n%16)+1, opt))
	})
}

// BenchmarkScan reads an edge list of 100,000 records, against
// encoding/csv with ReuseRecord.
func BenchmarkScan(b *testing.B) {
	var buf bytes.Buffer
	for i := range 100000 {
		fmt.Fprintf(&buf, "%d,%d,%d\n", i, (i*7919)%100000, i%5+1)
	}
	data := buf.Bytes()
	b.Run("csvscan", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			s := NewBytes(data, 1, Options{})
			n := 0
			for s.Scan() {
				n += len(s.Fields()[1])
			}
			if s.Err() != nil || n == 0 {
				b.Fatal(s.Err())
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(data))
			r.ReuseRecord = true
			n := 0
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n += len(rec[1])
			}
			if n == 0 {
				b.Fatal("no records")
			}
		}
	})
}

package allnodes

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths

	"github.com/sociogram/sociogram/network"
)

// header is what the pipeline needs to know of the edge list before it
// starts: the columns and where the rows begin.
type header struct {
	Path     string
	Comma    rune
	Fields   int // the header's number of fields; every row must have as many
	Source   int
	Target   int
	Weight   int // -1: unweighted
	Names    []string
	BodyFrom int64 // byte offset of the first row
	Size     int64 // the file's size in bytes
}

// openFS opens the filesystem of path (local files, and any other that
// the program registered: gs://, s3://, ...).
func openFS(ctx context.Context, path string) (filesystem.Interface, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fs, nil
}

// readHeader reads the header line of the edge list and finds the
// columns as sociogram nodes does: source and target (any letter case
// unless named), weight when opt names it or the file has a "weight"
// column, "-" for none.
func readHeader(ctx context.Context, opt Options) (*header, error) {
	fs, err := openFS(ctx, opt.Edges)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	size, err := fs.Size(ctx, opt.Edges)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opt.Edges, err)
	}
	rc, err := fs.OpenRead(ctx, opt.Edges)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opt.Edges, err)
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<16)
	peek, _ := br.Peek(3)
	bom := int64(0)
	if bytes.Equal(peek, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		bom = 3
	}
	line, err := br.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:1: empty file: want a header source,target[,weight]", opt.Edges)
		}
		return nil, fmt.Errorf("%s: %w", opt.Edges, err)
	}
	h := &header{Path: opt.Edges, Size: size, BodyFrom: bom + int64(len(line)), Comma: opt.Comma, Weight: -1}
	if h.Comma == 0 {
		h.Comma = sniff(line)
	}
	names, err := splitLine(strings.TrimRight(line, "\r\n"), h.Comma)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %v", opt.Edges, err)
	}
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	h.Names, h.Fields = names, len(names)
	find := func(name, def string, need bool) (int, error) {
		found := -1
		for i, n := range names {
			if (name != "" && n == name) || (name == "" && strings.EqualFold(n, def)) {
				if found >= 0 {
					return -1, fmt.Errorf("%s:1: columns %q and %q both match %q", opt.Edges, names[found], n, def)
				}
				found = i
			}
		}
		if found < 0 && need {
			want := name
			if want == "" {
				want = def
			}
			return -1, fmt.Errorf("%s:1: no column %q in the header %q", opt.Edges, want, strings.Join(names, string(h.Comma)))
		}
		return found, nil
	}
	if h.Source, err = find(opt.Source, "source", true); err != nil {
		return nil, err
	}
	if h.Target, err = find(opt.Target, "target", true); err != nil {
		return nil, err
	}
	switch opt.Weight {
	case "-":
	case "":
		h.Weight, err = find("", "weight", false)
	default:
		h.Weight, err = find(opt.Weight, "weight", true)
	}
	if err != nil {
		return nil, err
	}
	return h, nil
}

// sniff finds the delimiter of a header line as sociogram's readers do:
// of ',', ';' and tab the one most often outside quotes, ',' on a tie.
func sniff(line string) rune {
	var n [3]int
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// splitLine splits one CSV line; quoted fields are read as encoding/csv
// reads them, but a quoted field may not hold a line break (the pipeline
// reads lines in parallel, split at line breaks).
func splitLine(line string, comma rune) ([]string, error) {
	if !strings.ContainsRune(line, '"') {
		return strings.Split(line, string(comma)), nil
	}
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = comma
	r.LazyQuotes = false
	rec, err := r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
			return nil, fmt.Errorf("a quoted field runs past the end of the line (the Beam pipeline reads one line per row)")
		}
		return nil, err
	}
	return rec, nil
}

// chunk is a byte range of the edge list: the rows that start in it.
type chunk struct {
	Lo, Hi int64
}

// chunks cuts the rows of the file into ranges of about size bytes.
func (h *header) chunks(size int64) []chunk {
	var cs []chunk
	for lo := h.BodyFrom; lo < h.Size; lo += size {
		cs = append(cs, chunk{lo, min(lo+size, h.Size)})
	}
	return cs
}

// readFn reads the rows of one chunk: each row that starts in [Lo, Hi).
// It emits each tie (self-loops excepted) keyed by its node pair, and
// each node with the position of its first appearance in the chunk (2 ×
// the row's byte offset, + 1 for the target), so that the final table
// lists the nodes in the order sociogram nodes numbers them.
type readFn struct {
	H *header
}

// ProcessElement reads chunk c.
func (f *readFn) ProcessElement(ctx context.Context, c chunk, emitTie func(string, float64), emitNode func(string, int64)) error {
	h := f.H
	fs, err := openFS(ctx, h.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, h.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", h.Path, err)
	}
	defer rc.Close()
	// Start one byte early: the row that holds byte Lo-1 belongs to the
	// chunk before, unless that byte ends it.
	start := c.Lo - 1
	if err := skip(rc, start); err != nil {
		return fmt.Errorf("%s: %w", h.Path, err)
	}
	br := bufio.NewReaderSize(rc, 1<<16)
	off := start
	for {
		b, err := br.ReadSlice('\n')
		off += int64(len(b))
		if err == nil {
			break
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("%s: %w", h.Path, err)
		}
	}
	// off is where the chunk's first row begins.
	for off < c.Hi {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("%s: %w", h.Path, err)
		}
		rowAt := off
		off += int64(len(line))
		text := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(text) == "" {
			continue // blank lines are skipped, as encoding/csv does
		}
		if err := f.row(ctx, text, rowAt, emitTie, emitNode); err != nil {
			return err
		}
	}
	return nil
}

// row parses one row that starts at byte at.
func (f *readFn) row(ctx context.Context, text string, at int64, emitTie func(string, float64), emitNode func(string, int64)) error {
	h := f.H
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", h.Path, lineAt(ctx, h.Path, at), fmt.Sprintf(format, args...))
	}
	rec, err := splitLine(text, h.Comma)
	if err != nil {
		return bad("%v", err)
	}
	if len(rec) != h.Fields {
		return bad("%d fields, the header has %d", len(rec), h.Fields)
	}
	u, v := strings.TrimSpace(rec[h.Source]), strings.TrimSpace(rec[h.Target])
	for i, id := range []string{u, v} {
		col := h.Names[[]int{h.Source, h.Target}[i]]
		switch {
		case id == "":
			return bad("column %q: empty node ID", col)
		case id == "NA":
			return bad("column %q: node ID is \"NA\", a missing value", col)
		case strings.ContainsRune(id, 0):
			return bad("column %q: a node ID may not hold a NUL byte", col)
		}
	}
	w := 1.0
	if h.Weight >= 0 {
		if w, err = network.ParseNumber(rec[h.Weight]); err != nil {
			return bad("column %q: bad weight: %v", h.Names[h.Weight], err)
		}
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return bad("column %q: bad weight: %v (want a finite number ≥ 0)", h.Names[h.Weight], w)
		}
	}
	emitNode(u, 2*at)
	emitNode(v, 2*at+1)
	if u != v {
		emitTie(pairKey(u, v), w)
	}
	return nil
}

// skip consumes n bytes of r (seeking when it can).
func skip(r io.Reader, n int64) error {
	if n <= 0 {
		return nil
	}
	if s, ok := r.(io.Seeker); ok {
		_, err := s.Seek(n, io.SeekStart)
		return err
	}
	_, err := io.CopyN(io.Discard, r, n)
	return err
}

// lineAt returns the line number of the row that starts at byte at: one
// more than the line breaks before it (counted only when there is an
// error to report). 0 when the file cannot be read again.
func lineAt(ctx context.Context, path string, at int64) int64 {
	fs, err := openFS(ctx, path)
	if err != nil {
		return 0
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return 0
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<16)
	line := int64(1)
	for read := int64(0); read < at; {
		b, err := br.ReadSlice('\n')
		read += int64(len(b))
		if len(b) > 0 && b[len(b)-1] == '\n' && read <= at {
			line++
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			break
		}
	}
	return line
}

// pairKey is the key of the undirected tie u–v: the two labels in byte
// order, joined by a NUL byte (which no label holds).
func pairKey(u, v string) string {
	if v < u {
		u, v = v, u
	}
	return u + "\x00" + v
}

// splitPair returns the two labels of a pair key.
func splitPair(k string) (string, string) {
	a, b, _ := strings.Cut(k, "\x00")
	return a, b
}

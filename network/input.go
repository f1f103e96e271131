package network

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Input is an opened input file: decompressed when it is gzip (by content,
// or required by a ".gz" name), with a leading UTF-8 byte-order mark removed
// and noted in the report.
type Input struct {
	Name string // the name used in errors
	r    *bufio.Reader
	c    []io.Closer
	BOM  bool
	gz   bool
}

// Read implements io.Reader. A failure to decompress is a *ParseError
// wrapping ErrSyntax that says whether the data was truncated or corrupt.
func (in *Input) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	if err != nil && err != io.EOF && in.gz {
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			err = &ParseError{File: in.Name, Err: fmt.Errorf("%w: truncated gzip data", ErrSyntax)}
		case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
			err = &ParseError{File: in.Name, Err: fmt.Errorf("%w: corrupt gzip data (%v)", ErrSyntax, err)}
		}
	}
	return n, err
}

// Close closes the file.
func (in *Input) Close() error {
	var err error
	for i := len(in.c) - 1; i >= 0; i-- {
		if e := in.c[i].Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// Open opens a file for reading; see Input.
func Open(path string) (*Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	in, err := NewInput(path, f, strings.HasSuffix(strings.ToLower(path), ".gz"))
	if err != nil {
		f.Close()
		return nil, err
	}
	in.c = append([]io.Closer{f}, in.c...)
	in.Name = path
	return in, nil
}

// NewInput wraps a reader as an Input named name. mustGzip makes content
// that is not gzip an error.
func NewInput(name string, r io.Reader, mustGzip bool) (*Input, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	in := &Input{Name: name}
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: bad gzip header: %v", ErrSyntax, err)}
		}
		in.c = append(in.c, zr)
		in.gz = true
		br = bufio.NewReaderSize(zr, 1<<16)
	} else if mustGzip {
		if len(head) == 0 {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: empty .gz file", ErrEmptyFile)}
		}
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: name ends in .gz but the content is not gzip", ErrSyntax)}
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		in.BOM = true
	}
	in.r = br
	return in, nil
}

// csvTable reads a CSV file with a header row, giving each record with its
// line number and turning every failure into a *ParseError.
type csvTable struct {
	file   string
	r      *csv.Reader
	header []string
	col    map[string]int
	line   int
}

func newCSVTable(in *Input, delim rune) (*csvTable, error) {
	r := csv.NewReader(in)
	r.Comma = delim
	r.ReuseRecord = true
	t := &csvTable{file: in.Name, r: r, col: map[string]int{}}
	rec, err := r.Read()
	if err == io.EOF {
		return nil, &ParseError{File: in.Name, Err: fmt.Errorf("%w: no header row", ErrEmptyFile)}
	}
	if err != nil {
		return nil, t.wrap(nil, err)
	}
	t.header = append([]string(nil), rec...)
	for i, h := range t.header {
		if !utf8.ValidString(h) {
			return nil, &ParseError{File: in.Name, Line: 1, Column: i + 1, Err: ErrInvalidUTF8}
		}
		h = strings.TrimSpace(h)
		t.header[i] = h
		if _, dup := t.col[h]; dup {
			return nil, &ParseError{File: in.Name, Line: 1, Column: i + 1, Err: fmt.Errorf("%w: column %q appears twice in the header", ErrDuplicateID, h)}
		}
		t.col[h] = i
	}
	t.line = 1
	return t, nil
}

// need returns the position of a required column.
func (t *csvTable) need(name, flag string) (int, error) {
	if i, ok := t.col[name]; ok {
		return i, nil
	}
	hint := ""
	if flag != "" {
		hint = fmt.Sprintf(" (set another name with %s)", flag)
	}
	return -1, &ParseError{File: t.file, Line: 1, Err: fmt.Errorf("%w %q; the header has %s%s", ErrMissingColumn, name, quoteList(t.header), hint)}
}

// optional returns the position of a column, or -1.
func (t *csvTable) optional(name string) int {
	if i, ok := t.col[name]; ok {
		return i
	}
	return -1
}

// next returns the next record, or io.EOF. Empty lines are skipped by
// encoding/csv; fields must be valid UTF-8.
func (t *csvTable) next() ([]string, error) {
	rec, err := t.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		if errors.Is(err, csv.ErrFieldCount) {
			// encoding/csv returns the record with this error.
			return nil, t.wrap(fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFieldCount, len(rec), len(t.header)), err)
		}
		return nil, t.wrap(nil, err)
	}
	t.line, _ = t.r.FieldPos(0)
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return nil, &ParseError{File: t.file, Line: t.line, Column: i + 1, Err: ErrInvalidUTF8}
		}
	}
	return rec, nil
}

// errf makes a *ParseError at the current record.
func (t *csvTable) errf(err error, format string, args ...any) error {
	return errAt(t.file, t.line, err, format, args...)
}

// wrap turns a reading error into a *ParseError. msg, when not nil,
// replaces the message of a csv.ParseError.
func (t *csvTable) wrap(msg, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e := pe.Err
		if msg != nil {
			e = msg
		} else if pe.StartLine != pe.Line {
			e = fmt.Errorf("%w: %v (in the record that starts on line %d; error at line %d, column %d)", ErrSyntax, e, pe.StartLine, pe.Line, pe.Column)
			return &ParseError{File: t.file, Line: pe.StartLine, Err: e}
		} else {
			e = fmt.Errorf("%w: %v", ErrSyntax, e)
		}
		return &ParseError{File: t.file, Line: pe.Line, Column: pe.Column, Err: e}
	}
	var ie *ParseError
	if errors.As(err, &ie) {
		// From the Input (a gzip failure): no line applies, say how far it got.
		return &ParseError{File: ie.File, Err: fmt.Errorf("%w (after line %d)", ie.Err, t.line)}
	}
	return &ParseError{File: t.file, Err: fmt.Errorf("%w (after line %d)", err, t.line)}
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

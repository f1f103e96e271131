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
	g    *guard
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
	g := &guard{name: name, lim: Limits{}.withDefaults(), comma: ',', line: 1}
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		g.comp = &countingReader{r: br}
		zr, err := gzip.NewReader(g.comp)
		if err != nil {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: bad gzip header: %v", ErrSyntax, err)}
		}
		in.c = append(in.c, zr)
		in.gz = true
		g.r = zr
	} else if mustGzip {
		if len(head) == 0 {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: empty .gz file", ErrEmptyFile)}
		}
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: name ends in .gz but the content is not gzip", ErrSyntax)}
	} else {
		g.r = br
	}
	in.g = g
	br = bufio.NewReaderSize(g, 1<<16)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		in.BOM = true
	}
	in.r = br
	return in, nil
}

// csvTable reads a CSV file with a header row, giving each record with its
// line number and turning every failure into a *ParseError. A header whose
// first name is empty (R's write.csv row names, pandas' index) marks a
// row-names column: it is left out of header and records.
type csvTable struct {
	file    string
	r       *csv.Reader
	header  []string
	col     map[string]int
	line    int
	comma   rune // the field delimiter in use
	skip    int  // 1 when the first column holds row names
	decimal rune // '.' or ','
}

// newCSVTable reads the header of in. delim 0 detects the delimiter from the
// header (see DetectDelimiter); decimal 0 means ',' with ';'-separated files
// (R's write.csv2) and '.' otherwise.
func newCSVTable(in *Input, delim rune, decimal ...rune) (*csvTable, error) {
	if delim == 0 {
		delim = sniffDelimiter(in)
	}
	if err := in.setCSV(delim); err != nil {
		return nil, err
	}
	dec := rune(0)
	if len(decimal) > 0 {
		dec = decimal[0]
	}
	if dec == 0 {
		dec = '.'
		if delim == ';' {
			dec = ','
		}
	}
	r := csv.NewReader(in)
	r.Comma = delim
	r.ReuseRecord = true
	t := &csvTable{file: in.Name, r: r, col: map[string]int{}, comma: delim, decimal: dec}
	rec, err := r.Read()
	if err == io.EOF {
		return nil, &ParseError{File: in.Name, Err: fmt.Errorf("%w: no header row", ErrEmptyFile)}
	}
	if err != nil {
		return nil, t.wrap(nil, err)
	}
	if len(rec) > 1 && strings.TrimSpace(rec[0]) == "" {
		t.skip = 1
	}
	t.header = append([]string(nil), rec[t.skip:]...)
	for i, h := range t.header {
		if !utf8.ValidString(h) {
			return nil, &ParseError{File: in.Name, Line: 1, Column: i + 1 + t.skip, Err: ErrInvalidUTF8}
		}
		h = strings.TrimSpace(h)
		t.header[i] = h
		if _, dup := t.col[h]; dup {
			return nil, &ParseError{File: in.Name, Line: 1, Column: i + 1 + t.skip, Err: fmt.Errorf("%w: column %q appears twice in the header", ErrDuplicateID, h)}
		}
		t.col[h] = i
	}
	t.line = 1
	return t, nil
}

// DetectDelimiter returns the field delimiter of a CSV file as the readers
// find it when none is given: of ',', ';' and tab, the one that appears
// most often outside quotes in the header line; ',' when none does, or on
// a tie with ','. The file may be gzip compressed.
func DetectDelimiter(path string) (rune, error) {
	in, err := Open(path)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	return sniffDelimiter(in), nil
}

// sniffDelimiter is DetectDelimiter on an open input; it consumes nothing.
func sniffDelimiter(in *Input) rune {
	head, _ := in.r.Peek(1 << 16)
	var n [3]int // ',', ';', tab
	quoted := false
scan:
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			break scan
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	best, comma := n[0], ','
	if n[1] > best {
		best, comma = n[1], ';'
	}
	if n[2] > best {
		comma = '\t'
	}
	return comma
}

// attrs parses the attribute fields of a record (see rowAttrs), reading
// numbers with the table's decimal mark.
func (t *csvTable) attrs(rec []string, cols []int) Attrs {
	if t.decimal != ',' {
		return rowAttrs(rec, cols)
	}
	n := 0
	for _, c := range cols {
		if c >= n {
			n = c + 1
		}
	}
	a := make(Attrs, n)
	for i, c := range cols {
		if c >= 0 {
			a[c] = parseValueDecimalComma(rec[i])
		}
	}
	return a
}

// value parses one attribute field with the table's decimal mark.
func (t *csvTable) value(s string) Value {
	if t.decimal == ',' {
		return parseValueDecimalComma(s)
	}
	return ParseValue(s)
}

// number returns a weight field in the '.' form parseWeight reads.
func (t *csvTable) number(s string) string {
	if t.decimal == ',' {
		return decimalCommaToPoint(s)
	}
	return s
}

// needAny returns the position of the first of names the header has; the
// error names the first and, after it, the others. field is as for need.
func (t *csvTable) needAny(names []string, field string) (int, error) {
	for _, n := range names {
		if i, ok := t.col[n]; ok {
			return i, nil
		}
	}
	if len(names) == 1 {
		return t.need(names[0], field)
	}
	hint := ""
	if field != "" {
		hint = fmt.Sprintf(" (set another name with %s)", field)
	}
	return -1, &ParseError{File: t.file, Line: 1, Field: field, Err: fmt.Errorf("%w %q (or %s); the header has %s%s", ErrMissingColumn, names[0], quoteList(names[1:]), quoteList(t.header), hint)}
}

// need returns the position of a required column. field is the options
// field that names the column ("EgoCSVOptions.EgoID"), "" when the name is
// fixed.
func (t *csvTable) need(name, field string) (int, error) {
	if i, ok := t.col[name]; ok {
		return i, nil
	}
	hint := ""
	if field != "" {
		hint = fmt.Sprintf(" (set another name with %s)", field)
	}
	return -1, &ParseError{File: t.file, Line: 1, Field: field, Err: fmt.Errorf("%w %q; the header has %s%s", ErrMissingColumn, name, quoteList(t.header), hint)}
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
			return nil, t.wrap(fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFieldCount, len(rec), len(t.header)+t.skip), err)
		}
		return nil, t.wrap(nil, err)
	}
	t.line, _ = t.r.FieldPos(0)
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return nil, &ParseError{File: t.file, Line: t.line, Column: i + 1, Err: ErrInvalidUTF8}
		}
	}
	return rec[t.skip:], nil
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
	if errors.As(err, &ie) && ie.Line > 0 {
		return ie // from the Input's guard: it knows the line
	}
	if errors.As(err, &ie) {
		// From the Input (a gzip failure): no line applies, say how far it got.
		if t.line == 0 {
			return ie // nothing read yet: no line to name
		}
		return &ParseError{File: ie.File, Err: fmt.Errorf("%w (after line %d)", ie.Err, t.line)}
	}
	return &ParseError{File: t.file, Err: fmt.Errorf("%w (after line %d)", err, t.line)}
}

func quoteList(s []string) string {
	const most = 10
	q := make([]string, 0, min(len(s), most+1))
	for i, x := range s {
		if i == most {
			q = append(q, fmt.Sprintf("… (%d columns)", len(s)))
			break
		}
		q = append(q, fmt.Sprintf("%q", excerpt(x)))
	}
	return strings.Join(q, ", ")
}

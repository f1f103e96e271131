package csvscan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
)

// Options configure a Scanner; the zero value reads comma-separated
// records without comment lines and without a field count check.
type Options struct {
	// Comma is the field delimiter; 0 means ','. It may be any rune
	// encoding/csv accepts (not '"', CR, LF, or an invalid rune).
	Comma rune
	// Comment, when not 0, starts a comment line: a line that starts with
	// it at the start of a record is skipped.
	Comment rune
	// FieldsPerRecord is as in encoding/csv: > 0 requires that many
	// fields in every record, 0 requires the number of the first record,
	// < 0 checks nothing. A scanner of one chunk of a file does not know
	// the file's first record: give the count.
	FieldsPerRecord int
}

// errInvalidDelim is encoding/csv's message for a bad Comma or Comment.
var errInvalidDelim = errors.New("csv: invalid field or comment delimiter")

func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// field is one field of the current record: data[start:end], or
// scratch[start:end] when inScratch; line and col are where it starts.
type field struct {
	start, end int
	inScratch  bool
	line, col  int
}

// Scanner reads CSV records one at a time. Make one with NewBytes or
// NewReader; it is not safe for use by several goroutines.
type Scanner struct {
	comma    rune
	commaB   []byte // comma, UTF-8 encoded
	comment  rune
	nfields  int
	data     []byte // the input (NewBytes) or the filled part of buf
	off      int    // next byte of data to read
	atEOF    bool   // nothing follows data
	line     int    // lines read so far (the number of the last one)
	r        io.Reader
	buf      []byte
	consumed int64 // bytes of the stream dropped from the front of buf
	spans    []field
	scratch  []byte
	fields   [][]byte
	recLine  int
	err      error
	done     bool
}

// NewBytes returns a Scanner of data, whose first byte starts line
// firstLine (1 for a whole file) and a record. The end of data is the end
// of the input. Fields are sub-slices of data or of the scanner's scratch
// buffer; data must not change while the scanner is used.
func NewBytes(data []byte, firstLine int, opt Options) *Scanner {
	s := newScanner(opt)
	s.data, s.atEOF, s.line = data, true, firstLine-1
	return s
}

// NewReader returns a Scanner of r, which it reads in blocks of 64 KiB
// into a buffer it reuses (grown for a longer record).
func NewReader(r io.Reader, opt Options) *Scanner {
	s := newScanner(opt)
	s.r = r
	s.buf = make([]byte, 0, 64<<10)
	s.data = s.buf
	return s
}

func newScanner(opt Options) *Scanner {
	s := &Scanner{comma: opt.Comma, comment: opt.Comment, nfields: opt.FieldsPerRecord}
	if s.comma == 0 {
		s.comma = ','
	}
	if s.comma == s.comment || !validDelim(s.comma) || (s.comment != 0 && !validDelim(s.comment)) {
		s.err = errInvalidDelim
		return s
	}
	s.commaB = utf8.AppendRune(nil, s.comma)
	return s
}

// Fields returns the fields of the current record. The slice and the
// bytes are valid until the next call to Scan. After Scan fails with a
// *csv.ParseError wrapping csv.ErrFieldCount, they hold the record that
// has the wrong count (as encoding/csv returns it).
func (s *Scanner) Fields() [][]byte { return s.fields }

// Line returns the line on which the current record starts.
func (s *Scanner) Line() int { return s.recLine }

// FieldPos returns the line and column (1-based, in bytes) where field i
// of the current record starts, as encoding/csv's Reader.FieldPos.
func (s *Scanner) FieldPos(i int) (line, column int) {
	return s.spans[i].line, s.spans[i].col
}

// Err returns the error that stopped Scan, nil at the end of the input.
func (s *Scanner) Err() error { return s.err }

// Lines returns the number of lines read so far.
func (s *Scanner) Lines() int { return s.line }

// errMore says the record does not end within the data read so far.
var errMore = errors.New("csvscan: need more data")

// Scan reads the next record, reporting false at the end of the input or
// on an error (see Err).
func (s *Scanner) Scan() bool {
	if s.err != nil || s.done {
		return false
	}
	for {
		off, line := s.off, s.line
		err := s.record()
		if err == errMore {
			s.off, s.line = off, line
			if err := s.fill(); err != nil {
				s.err = err
				return false
			}
			continue
		}
		if err == io.EOF {
			s.done = true
			s.fields = s.fields[:0]
			return false
		}
		s.materialise()
		if err != nil {
			s.err = err
			return false
		}
		return true
	}
}

// fill reads more of the stream behind the unread bytes, moving them to
// the front of the buffer, or growing it when they fill it.
func (s *Scanner) fill() error {
	if s.r == nil || s.atEOF {
		// Cannot happen: without more input, records end at the data's end.
		return io.ErrUnexpectedEOF
	}
	rest := len(s.data) - s.off
	if s.off > 0 {
		copy(s.buf[:cap(s.buf)], s.data[s.off:])
		s.consumed += int64(s.off)
		s.off = 0
	}
	s.buf = s.buf[:rest]
	if rest == cap(s.buf) {
		s.buf = append(s.buf, make([]byte, cap(s.buf))...)[:rest]
	}
	for tries := 0; ; tries++ {
		if tries == 100 {
			s.data = s.buf
			return io.ErrNoProgress
		}
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err == io.EOF {
			s.atEOF = true
			break
		}
		if err != nil {
			s.data = s.buf
			return err
		}
		if n > 0 {
			break
		}
	}
	s.data = s.buf
	return nil
}

// readLine returns the next line of data: its bytes without the line end
// (LF or CRLF; and a CR just before the end of the input), and whether a
// LF ended it. ok is false at the end of the input; errMore when the line
// may go on past the data read so far.
func (s *Scanner) readLine() (start, end int, nl bool, err error) {
	rest := s.data[s.off:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		if !s.atEOF {
			return 0, 0, false, errMore
		}
		if len(rest) == 0 {
			return 0, 0, false, io.EOF
		}
		start, end = s.off, len(s.data)
		if s.data[end-1] == '\r' {
			end-- // encoding/csv drops a CR before the end
		}
		s.off = len(s.data)
		s.line++
		return start, end, false, nil
	}
	start, end = s.off, s.off+i
	if i > 0 && rest[i-1] == '\r' {
		end--
	}
	s.off += i + 1
	s.line++
	return start, end, true, nil
}

// record parses the next record into s.spans, as encoding/csv's
// readRecord does, returning io.EOF at the end and errMore when the data
// read so far ends inside it.
func (s *Scanner) record() error {
	var start, end int
	var nl bool
	for {
		var err error
		start, end, nl, err = s.readLine()
		if err != nil {
			return err
		}
		if s.comment != 0 && start < end {
			if r, _ := utf8.DecodeRune(s.data[start:end]); r == s.comment {
				continue
			}
		}
		if start == end {
			continue // an empty line
		}
		break
	}
	s.spans = s.spans[:0]
	s.scratch = s.scratch[:0]
	s.recLine = s.line
	d := s.data
	commaLen := len(s.commaB)
	pos := start // the next byte of the current line
	line, col := s.line, 1
	for {
		if pos == end || d[pos] != '"' {
			// An unquoted field.
			var i int
			if commaLen == 1 {
				i = bytes.IndexByte(d[pos:end], s.commaB[0])
			} else {
				i = bytes.Index(d[pos:end], s.commaB)
			}
			fend := end
			if i >= 0 {
				fend = pos + i
			}
			if j := bytes.IndexByte(d[pos:fend], '"'); j >= 0 {
				return &csv.ParseError{StartLine: s.recLine, Line: s.line, Column: col + j, Err: csv.ErrBareQuote}
			}
			s.spans = append(s.spans, field{start: pos, end: fend, line: line, col: col})
			if i >= 0 {
				col += i + commaLen
				pos = fend + commaLen
				continue
			}
			break
		}
		// A quoted field.
		f := field{line: line, col: col, start: pos + 1, end: pos + 1}
		pos++
		col++
		for {
			i := bytes.IndexByte(d[pos:end], '"')
			if i >= 0 {
				s.appendTo(&f, pos, pos+i)
				pos += i + 1
				col += i + 1
				switch {
				case pos < end && d[pos] == '"':
					// "" is a quote.
					s.appendQuote(&f)
					pos++
					col++
				case pos < end && s.isComma(pos, end):
					pos += commaLen
					col += commaLen
					s.spans = append(s.spans, f)
					goto nextField
				case pos == end:
					s.spans = append(s.spans, f)
					goto recordDone
				default:
					return &csv.ParseError{StartLine: s.recLine, Line: s.line, Column: col - 1, Err: csv.ErrQuote}
				}
				continue
			}
			if pos < end || nl {
				// The field goes on past the end of the line.
				s.appendTo(&f, pos, end)
				if nl {
					s.appendNewline(&f, end)
					col += end - pos + 1
				} else {
					col += end - pos
				}
				var err error
				start, end, nl, err = s.readLine()
				if err == io.EOF {
					return &csv.ParseError{StartLine: s.recLine, Line: line, Column: col, Err: csv.ErrQuote}
				}
				if err != nil {
					return err
				}
				if start < end || nl {
					line++
					col = 1
				}
				pos = start
				continue
			}
			// The input ends inside the quotes.
			return &csv.ParseError{StartLine: s.recLine, Line: line, Column: col, Err: csv.ErrQuote}
		}
	nextField:
	}
recordDone:
	if s.nfields > 0 {
		if len(s.spans) != s.nfields {
			return &csv.ParseError{StartLine: s.recLine, Line: s.recLine, Column: 1, Err: csv.ErrFieldCount}
		}
	} else if s.nfields == 0 {
		s.nfields = len(s.spans)
	}
	return nil
}

func (s *Scanner) isComma(pos, end int) bool {
	if len(s.commaB) == 1 {
		return s.data[pos] == s.commaB[0]
	}
	return bytes.HasPrefix(s.data[pos:end], s.commaB)
}

// appendTo adds data[from:to] to a quoted field: while the field is one
// run of the input it only moves its end; else it copies into scratch.
func (s *Scanner) appendTo(f *field, from, to int) {
	if f.inScratch {
		s.scratch = append(s.scratch, s.data[from:to]...)
		f.end = len(s.scratch)
		return
	}
	if from == f.end {
		f.end = to
		return
	}
	s.toScratch(f)
	s.scratch = append(s.scratch, s.data[from:to]...)
	f.end = len(s.scratch)
}

// appendQuote adds a '"' (from "") to a quoted field.
func (s *Scanner) appendQuote(f *field) {
	s.toScratch(f)
	s.scratch = append(s.scratch, '"')
	f.end = len(s.scratch)
}

// appendNewline adds the LF of a line that ends at lineEnd (its line end
// is LF, or CRLF read as LF).
func (s *Scanner) appendNewline(f *field, lineEnd int) {
	if !f.inScratch && f.end == lineEnd && s.data[lineEnd] == '\n' {
		f.end++
		return
	}
	s.toScratch(f)
	s.scratch = append(s.scratch, '\n')
	f.end = len(s.scratch)
}

// toScratch moves a field held in the input into scratch.
func (s *Scanner) toScratch(f *field) {
	if f.inScratch {
		return
	}
	n := len(s.scratch)
	s.scratch = append(s.scratch, s.data[f.start:f.end]...)
	f.start, f.end, f.inScratch = n, len(s.scratch), true
}

// materialise makes the []byte fields of the parsed spans.
func (s *Scanner) materialise() {
	s.fields = s.fields[:0]
	for _, f := range s.spans {
		if f.inScratch {
			s.fields = append(s.fields, s.scratch[f.start:f.end:f.end])
		} else {
			s.fields = append(s.fields, s.data[f.start:f.end:f.end])
		}
	}
}

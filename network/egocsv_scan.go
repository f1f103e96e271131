package network

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// errScan is what recScanner returns for anything it does not read
// exactly as encoding/csv (non-lazy quotes, the header's field count) and
// the Input's guard would: a syntax error, a wrong field count, invalid
// UTF-8, a bare carriage return, a record past the limits, a read error.
// StreamEgoGraphs then hands the stream to the exact reader, which says
// what is wrong with the file's own words.
var errScan = errors.New("record not read by the fast scanner")

// recScanner splits CSV records into fields without allocating per record:
// the fields are slices of its buffer, valid until the next call. It gives
// the records encoding/csv gives (Comma one ASCII byte, no comments, no
// lazy quotes, no leading-space trimming, empty lines skipped, "\r\n" read
// as "\n", a final line without a line feed) and the line on which each
// starts; whatever it does not read that way is errScan.
type recScanner struct {
	r       io.Reader
	buf     []byte
	pos     int // start of unread data
	end     int // end of data
	eof     bool
	comma   byte
	line    int // line of buf[pos]
	recLine int // line on which the last record starts
	nfields int // fields a record must have; 0 until the first record
	maxRec  int // the most bytes a record may have before errScan
	fields  [][]byte
	quoted  []byte // unescaped quoted fields of the current record
}

func newRecScanner(r io.Reader, comma byte, lim Limits) *recScanner {
	lim = lim.withDefaults()
	maxRec := lim.MaxRecordBytes
	if maxRec <= 0 {
		maxRec = 1 << 30
	}
	return &recScanner{r: r, buf: make([]byte, 1<<18), comma: comma, line: 1, maxRec: maxRec}
}

// fill moves the unread data to the front and reads more, growing the
// buffer when a record fills it.
func (s *recScanner) fill() error {
	if s.eof {
		return nil
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) > s.maxRec {
			return errScan
		}
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	n, err := s.r.Read(s.buf[s.end:])
	s.end += n
	if err == io.EOF {
		s.eof = true
		return nil
	}
	if err != nil {
		return errScan
	}
	return nil
}

// next returns the next record's fields, io.EOF at the end, or errScan.
func (s *recScanner) next() ([][]byte, error) {
	for {
		fields, used, lines, ok := s.parse(s.buf[s.pos:s.end])
		if ok {
			if fields == nil {
				return nil, io.EOF
			}
			s.pos += used
			s.recLine = s.line + lines[0]
			s.line += lines[1]
			if s.nfields == 0 {
				s.nfields = len(fields)
			} else if len(fields) != s.nfields {
				return nil, errScan
			}
			return fields, nil
		}
		if lines[0] < 0 {
			return nil, errScan
		}
		if s.eof {
			return nil, errScan
		}
		if err := s.fill(); err != nil {
			return nil, err
		}
	}
}

// parse reads one record from data. ok is false when data does not hold
// the whole record (lines[0] ≥ 0) or the record is not one the scanner
// reads (lines[0] = −1). fields is nil at the end of the input. lines[0]
// is the number of lines skipped before the record, lines[1] the lines
// consumed in all; used the bytes consumed.
func (s *recScanner) parse(data []byte) (fields [][]byte, used int, lines [2]int, ok bool) {
	bad := [2]int{-1, 0}
	// Skip empty lines.
	i := 0
	for {
		switch {
		case i < len(data) && data[i] == '\n':
			i++
			lines[0]++
			continue
		case i+1 < len(data) && data[i] == '\r' && data[i+1] == '\n':
			i += 2
			lines[0]++
			continue
		case i+1 == len(data) && data[i] == '\r' && !s.eof:
			return nil, 0, lines, false
		}
		break
	}
	if i == len(data) {
		if s.eof {
			return nil, i, lines, true
		}
		return nil, 0, [2]int{}, false
	}
	start := i
	if i > 0 && i+1 == len(data) && data[i] == '\r' && s.eof {
		// A lone "\r" at the very end: encoding/csv drops it.
		return nil, len(data), lines, true
	}
	s.fields = s.fields[:0]
	s.quoted = s.quoted[:0]
	nl := lines[0]
	// Quoted fields are unescaped into s.quoted; their slices are taken
	// once the record is complete, as s.quoted may move while it grows.
	var qspans [8]qspan
	spans := qspans[:0]
	for {
		if i-start > s.maxRec {
			return nil, 0, bad, false
		}
		if i < len(data) && data[i] == '"' {
			// Quoted field.
			i++
			lo := len(s.quoted)
			for {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 {
					if !s.eof {
						return nil, 0, [2]int{}, false
					}
					return nil, 0, bad, false // no closing quote
				}
				chunk := data[i : i+j]
				nl += bytes.Count(chunk, []byte{'\n'})
				s.quoted = appendCRLF(s.quoted, chunk)
				i += j + 1
				if i == len(data) {
					if !s.eof {
						return nil, 0, [2]int{}, false
					}
					spans = append(spans, qspan{len(s.fields), lo, len(s.quoted)})
					s.fields = append(s.fields, nil)
					return s.finish(spans, len(data), [2]int{lines[0], nl + 1}, data[start:])
				}
				switch c := data[i]; {
				case c == '"':
					s.quoted = append(s.quoted, '"')
					i++
					continue
				case c == s.comma:
					spans = append(spans, qspan{len(s.fields), lo, len(s.quoted)})
					s.fields = append(s.fields, nil)
					i++
				case c == '\n':
					spans = append(spans, qspan{len(s.fields), lo, len(s.quoted)})
					s.fields = append(s.fields, nil)
					return s.finish(spans, i+1, [2]int{lines[0], nl + 1}, data[start:i])
				case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
					spans = append(spans, qspan{len(s.fields), lo, len(s.quoted)})
					s.fields = append(s.fields, nil)
					return s.finish(spans, i+2, [2]int{lines[0], nl + 1}, data[start:i])
				case c == '\r' && i+1 == len(data) && !s.eof:
					return nil, 0, [2]int{}, false
				default:
					return nil, 0, bad, false // extraneous quote
				}
				break
			}
			continue
		}
		// Unquoted field: up to the delimiter or the line end.
		j := i
		for j < len(data) && data[j] != s.comma && data[j] != '\n' {
			j++
		}
		f := data[i:j]
		if j == len(data) {
			if !s.eof {
				return nil, 0, [2]int{}, false
			}
			f = bytes.TrimSuffix(f, []byte{'\r'})
			if bytes.IndexByte(f, '"') >= 0 || bytes.IndexByte(f, '\r') >= 0 {
				return nil, 0, bad, false
			}
			s.fields = append(s.fields, f)
			return s.finish(spans, len(data), [2]int{lines[0], nl + 1}, data[start:])
		}
		if data[j] == '\n' {
			f = bytes.TrimSuffix(f, []byte{'\r'})
		}
		if bytes.IndexByte(f, '"') >= 0 || bytes.IndexByte(f, '\r') >= 0 {
			return nil, 0, bad, false // a bare quote, or a bare carriage return
		}
		s.fields = append(s.fields, f)
		if data[j] == '\n' {
			return s.finish(spans, j+1, [2]int{lines[0], nl + 1}, data[start:j])
		}
		i = j + 1
		if i == len(data) {
			if !s.eof {
				return nil, 0, [2]int{}, false
			}
			s.fields = append(s.fields, nil) // "a," at the very end: an empty last field
			return s.finish(spans, i, [2]int{lines[0], nl + 1}, data[start:])
		}
	}
}

// qspan is a quoted field: field index and its bytes in s.quoted.
type qspan struct{ q, lo, hi int }

// finish points the quoted fields at s.quoted and checks the record's
// bytes are UTF-8 (the fields are, as delimiters and quotes are ASCII).
func (s *recScanner) finish(spans []qspan, used int, lines [2]int, raw []byte) ([][]byte, int, [2]int, bool) {
	if len(raw) >= s.maxRec || !utf8.Valid(raw) {
		return nil, 0, [2]int{-1, 0}, false
	}
	for _, sp := range spans {
		s.fields[sp.q] = s.quoted[sp.lo:sp.hi:sp.hi]
	}
	return s.fields, used, lines, true
}

// appendCRLF appends b to dst with each "\r\n" as "\n", as encoding/csv
// reads a quoted field.
func appendCRLF(dst, b []byte) []byte {
	for {
		k := bytes.Index(b, []byte("\r\n"))
		if k < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:k]...)
		dst = append(dst, '\n')
		b = b[k+2:]
	}
}

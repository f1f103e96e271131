package csvscan

import (
	"bytes"
	"unicode/utf8"
)

// Chunk is a run of whole records cut from a larger buffer.
type Chunk struct {
	Data []byte
	Line int // the line Data's first byte is on
}

// Split cuts data, whose first byte starts line firstLine and a record,
// into at most n chunks of whole records, of about len(data)/n bytes
// each (a chunk ends at the first record boundary at or after its share;
// a record longer than a share makes fewer chunks). Scan chunk i with
// NewBytes(c.Data, c.Line, opt) and the records are those of data, with
// the same line numbers; see the package documentation for how the
// boundaries are found and for errors. Empty data gives no chunks.
//
// Cost: one bytes.IndexByte pass for the quote test, then per chunk one
// search for a line break and one line count (bytes.Count); with quotes
// present, one sequential pass over the quotes (per line with Comment
// set).
func Split(data []byte, n, firstLine int, opt Options) []Chunk {
	if len(data) == 0 {
		return nil
	}
	n = max(n, 1)
	chunks := make([]Chunk, 0, n)
	w := newWalker(data, opt)
	start, line := 0, firstLine
	for k := 1; k < n; k++ {
		t := int(int64(len(data)) * int64(k) / int64(n))
		b := w.next(max(t, start+1))
		if b < 0 || b >= len(data) {
			break
		}
		chunks = append(chunks, Chunk{Data: data[start:b], Line: line})
		line += bytes.Count(data[start:b], nl)
		start = b
	}
	return append(chunks, Chunk{Data: data[start:], Line: line})
}

// Cut returns the length of the longest prefix of data, which starts at
// a record, that ends at a record boundary (just after a line break
// outside quotes); 0 when no record ends within data. A reader of blocks
// parses data[:Cut(data)] and keeps the rest for the next block (at the
// end of the input, the rest is the last record).
func Cut(data []byte, opt Options) int {
	if bytes.IndexByte(data, '"') < 0 {
		return bytes.LastIndexByte(data, '\n') + 1
	}
	w := newWalker(data, opt)
	if w.comment != 0 {
		last := 0
		for b := w.next(1); b > 0; b = w.next(b + 1) {
			last = b
		}
		return last
	}
	// Quote jumps: the last line break outside quotes.
	last, pos := 0, 0
	for pos < len(data) {
		q := bytes.IndexByte(data[pos:], '"')
		end := len(data)
		if q >= 0 {
			end = pos + q
		}
		if j := bytes.LastIndexByte(data[pos:end], '\n'); j >= 0 {
			last = pos + j + 1
		}
		if q < 0 {
			break
		}
		c := bytes.IndexByte(data[end+1:], '"') // the closing quote
		if c < 0 {
			break
		}
		pos = end + 1 + c + 1
	}
	return last
}

var nl = []byte{'\n'}

// walker finds record boundaries left to right in one pass.
type walker struct {
	data    []byte
	pos     int  // bytes before pos are done
	inQ     bool // pos is inside quotes (quote-jump mode)
	nextQ   int  // the first quote at or after pos outside quotes, or len; -1 unknown
	plain   bool // no quote in data: every line break is a boundary
	comment rune // per-record mode when not 0 and quotes are present
}

func newWalker(data []byte, opt Options) *walker {
	w := &walker{data: data, nextQ: -1}
	w.plain = bytes.IndexByte(data, '"') < 0
	if !w.plain {
		w.comment = opt.Comment
	}
	return w
}

// next returns the first record boundary at or after t (t > 0 and not
// less than any t before), or -1 when there is none.
func (w *walker) next(t int) int {
	d := w.data
	if t > len(d) {
		return -1
	}
	if w.plain {
		j := bytes.IndexByte(d[t-1:], '\n')
		if j < 0 {
			return -1
		}
		return t + j
	}
	if w.comment != 0 {
		return w.nextRecord(t)
	}
	for w.pos < len(d) {
		if w.inQ {
			q := bytes.IndexByte(d[w.pos:], '"')
			if q < 0 {
				w.pos = len(d)
				return -1
			}
			w.pos += q + 1
			w.inQ = false
			w.nextQ = -1
			continue
		}
		if w.nextQ < w.pos {
			w.nextQ = len(d)
			if q := bytes.IndexByte(d[w.pos:], '"'); q >= 0 {
				w.nextQ = w.pos + q
			}
		}
		from := max(t-1, w.pos)
		if from < w.nextQ {
			if j := bytes.IndexByte(d[from:w.nextQ], '\n'); j >= 0 {
				w.pos = from + j + 1
				return w.pos
			}
		}
		if w.nextQ == len(d) {
			w.pos = len(d)
			return -1
		}
		w.pos = w.nextQ + 1
		w.inQ = true
	}
	return -1
}

// nextRecord is next with comment lines: w.pos is always a record start;
// a comment line there is skipped whole, quotes and all.
func (w *walker) nextRecord(t int) int {
	d := w.data
	for {
		if w.pos >= t && w.pos > 0 {
			return w.pos
		}
		if w.pos >= len(d) {
			return -1
		}
		if r, _ := utf8.DecodeRune(d[w.pos:]); r == w.comment {
			j := bytes.IndexByte(d[w.pos:], '\n')
			if j < 0 {
				w.pos = len(d)
				return -1
			}
			w.pos += j + 1
			continue
		}
		inQ := false
		p := w.pos
		for {
			if inQ {
				q := bytes.IndexByte(d[p:], '"')
				if q < 0 {
					w.pos = len(d)
					return -1
				}
				p += q + 1
				inQ = false
				continue
			}
			if w.nextQ < p {
				w.nextQ = len(d)
				if q := bytes.IndexByte(d[p:], '"'); q >= 0 {
					w.nextQ = p + q
				}
			}
			if j := bytes.IndexByte(d[p:w.nextQ], '\n'); j >= 0 {
				w.pos = p + j + 1
				break
			}
			if w.nextQ == len(d) {
				w.pos = len(d)
				return -1
			}
			p = w.nextQ + 1
			inQ = true
		}
	}
}

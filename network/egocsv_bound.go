package network

import (
	"bytes"
	"errors"
	"io"
)

// errRecordBound is the error of a recordBound past its limit; the fast
// path hands the file over, and the exact reader says what is wrong.
var errRecordBound = errors.New("record longer than the limit")

// recordBound reads a plain CSV file for the fast path of StreamEgoGraphs
// and stops with errRecordBound once a record (the bytes since the last
// line feed outside quotes) passes limit bytes, so that a hostile record
// costs no more memory than the Input's guard allows the exact reader.
// It follows the quotes only in blocks that have one, so that it reads
// unquoted files at the speed of bytes.IndexByte; the guard, which the
// exact reader and gzip files keep, looks at every byte.
type recordBound struct {
	r      io.Reader
	limit  int
	rec    int  // bytes of the current record so far
	quoted bool // inside a quoted field
}

func (b *recordBound) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	block := p[:n]
	if bytes.IndexByte(block, '"') < 0 && !b.quoted {
		if i := bytes.LastIndexByte(block, '\n'); i >= 0 {
			// The longest record in the block is at most the block.
			if b.rec+i > b.limit || len(block)-i-1 > b.limit {
				return 0, errRecordBound
			}
			b.rec = len(block) - i - 1
		} else if b.rec += len(block); b.rec > b.limit {
			return 0, errRecordBound
		}
		return n, err
	}
	for _, c := range block {
		switch {
		case c == '"':
			b.quoted = !b.quoted
		case c == '\n' && !b.quoted:
			b.rec = 0
			continue
		}
		if b.rec++; b.rec > b.limit {
			return 0, errRecordBound
		}
	}
	return n, err
}

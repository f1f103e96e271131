package measures

import (
	"bytes"
	"io"
	"runtime"
	"sync"
)

// blockRows is the number of rows one worker formats at a time when a
// table is written: large enough that handing a block over costs little
// next to formatting it (4096 rows of 12 values is about 400 KB of CSV),
// small enough that the blocks in flight stay a few MB.
const blockRows = 4096

// writeBlocks formats rows [0, n) in blocks of blockRows rows on workers
// goroutines (0: GOMAXPROCS) with format, which appends rows [lo, hi) to
// buf, and writes the blocks to w in row order, so the output is the one
// a single loop over the rows would write. At most 2·workers blocks are
// formatted ahead of the one being written. The first error (of format or
// of w) is returned; blocks after it are not written.
func writeBlocks(w io.Writer, n, workers int, format func(buf *bytes.Buffer, lo, hi int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	blocks := (n + blockRows - 1) / blockRows
	if workers == 1 || blocks <= 1 {
		var buf bytes.Buffer
		for b := 0; b < blocks; b++ {
			buf.Reset()
			lo, hi := b*blockRows, min((b+1)*blockRows, n)
			if err := format(&buf, lo, hi); err != nil {
				return err
			}
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		buf *bytes.Buffer
		err error
	}
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	queue := make(chan chan result, 2*workers) // blocks in row order
	stop := make(chan struct{})
	sem := make(chan struct{}, workers)
	go func() {
		defer close(queue)
		for b := 0; b < blocks; b++ {
			done := make(chan result, 1)
			select {
			case queue <- done:
			case <-stop:
				return
			}
			sem <- struct{}{}
			go func(lo, hi int) {
				defer func() { <-sem }()
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				err := format(buf, lo, hi)
				done <- result{buf, err}
			}(b*blockRows, min((b+1)*blockRows, n))
		}
	}()
	var first error
	for done := range queue {
		r := <-done
		if first == nil {
			first = r.err
			if first == nil {
				_, first = w.Write(r.buf.Bytes())
			}
			if first != nil {
				close(stop)
			}
		}
		pool.Put(r.buf)
	}
	return first
}

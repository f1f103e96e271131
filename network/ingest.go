package network

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/sociogram/sociogram/internal/csvscan"
)

// The parallel edge-list reader (issue 17 item 1). It reads the edge list
// in blocks cut at record boundaries (csvscan.Cut: a quoted field may hold
// line breaks), parses the blocks on all cores into per-block arrays of
// node tokens, interns the node IDs in parallel, and builds the compressed
// rows by a parallel counting sort. It gives the graph, Report and errors
// of the sequential readers (fastedges.go, and the encoding/csv path in
// edgelist.go), which the tests compare it with on every kind of input:
//
//   - Node order is the order of first appearance (source before target
//     within a record), or the node file's. Each node's first position in
//     the file (2·record + side) is found in parallel: by an atomic
//     minimum in a table indexed by the ID for canonical decimal IDs (the
//     integer fast path, which makes no string per ID), and in hash-sharded
//     tables, each shard walking the blocks in file order, for the others.
//     A node's index is the rank of its first position: the positions are
//     marked in a bitmap of 2·records bits and ranked by popcount.
//   - Rows hold the same sorted, distinct neighbours; duplicate edges are
//     merged with their weights summed in increasing order of weight (the
//     sequential reader sums them in the order of an unstable sort: the two
//     agree exactly whenever the sums are exact, e.g. whole-number
//     weights, and otherwise to the rounding of one addition).
//   - Errors: each block stops at its first bad record; the error of the
//     first block (in file order) that failed is the error, with the line
//     numbers the sequential reader gives (each block knows its first
//     line). A read error (gzip, limits) comes after the errors of the
//     blocks read before it, as in the sequential reader.

// parallelEdgeLists turns the parallel reader on; the tests turn it off to
// compare it with the sequential readers.
var parallelEdgeLists = true

// ingestBlockSize is the size of the blocks read and parsed at a time (the
// tests make it small, so that inputs span many blocks).
var ingestBlockSize = 1 << 20

// ingestWorkers, when > 0, sets the number of goroutines (tests).
var ingestWorkers = 0

// tokString marks a token that is a string ID (see idShard); other tokens
// are canonical decimal IDs (< 10⁹) or, with a node file, node indices.
const tokString = 1 << 31

type ingest struct {
	file      string
	comma     byte
	header    []string
	fields    int
	src, dst  int
	wcol      int
	closed    *Builder // the node file's nodes, nil without one
	nodesName string
	seed      maphash.Seed
	shards    [ingestShards]idShard
	workers   int
	// firstFail is the number of the first block known to hold a bad
	// record (MaxInt64: none): later blocks need not be read or parsed,
	// earlier ones must be, as one of them may fail too.
	firstFail atomic.Int64
}

// ingestBlock is one block of the edge list and what parsing it gave.
type ingestBlock struct {
	seq      int64 // the block's number in file order
	data     []byte
	line     int // the line data starts on
	src, dst []uint32
	w        []float64
	rows     int // records, self-loops and merged repeats included
	self     int // self-loops among them
	base     int // kept records before this block
	maxInt   uint32
	hasInt   bool
	err      error
}

// ingestShards is the number of string ID tables; a string token holds
// the table in its low 6 bits and the ID's number in the table above.
const (
	ingestShards    = 64
	ingestShardBits = 6
	maxShardIDs     = 1 << (31 - ingestShardBits)
)

// idShard is one table of string IDs: each ID once, with the first
// position it was seen at (block number << 32 | position in the block),
// then its node index.
type idShard struct {
	mu    sync.Mutex
	index map[string]uint32
	strs  []string
	first []uint64
}

// ingestWorker is one parsing goroutine's reused scratch.
type ingestWorker struct {
	src, dst []uint32
	w        []float64
	fields   [][]byte
	slot     []int32 // open-addressing table of kept edges: index + 1, 0 empty
	seen     map[uint32]struct{}
}

// readEdgeListParallel is ReadEdgeListFrom for edge lists with a plain
// header (see fastEdgeReader.parseHeader); ok is false, with nothing
// consumed, for any other.
func readEdgeListParallel(edges, nodes *Input, opt EdgeListOptions) (g *Graph, rep Report, ok bool, err error) {
	hr, more, ok, err := openPlainEdgeList(parallelEdgeLists, edges, opt, &rep)
	if !ok || err != nil {
		return nil, rep, ok, err
	}
	p := &ingest{file: edges.Name, comma: byte(opt.Comma), header: hr.header, fields: len(hr.header),
		src: hr.src, dst: hr.dst, wcol: hr.wcol, seed: maphash.MakeSeed()}
	p.workers = ingestWorkers
	if p.workers <= 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	weighted := p.wcol >= 0
	if nodes != nil {
		p.closed = NewBuilder(opt.Directed, weighted)
		if err := readNodeCSV(nodes, p.closed, opt, &rep); err != nil {
			return nil, rep, true, err
		}
		p.nodesName = nodes.Name
	}
	var blocks []*ingestBlock
	if more {
		if blocks, err = p.read(edges); err != nil {
			return nil, rep, true, err
		}
	}
	rows, kept := 0, 0
	for _, b := range blocks {
		b.base = kept
		kept += len(b.src)
		rows += b.rows
	}
	if kept >= math.MaxInt32 {
		return nil, rep, true, &ParseError{File: p.file, Err: fmt.Errorf("%w: more than %d edges", ErrTooLarge, math.MaxInt32-1)}
	}
	var labels []string
	var index map[string]int32
	if p.closed != nil {
		labels, index = p.closed.labels, p.closed.index
	} else {
		labels = p.intern(blocks, kept)
	}
	if rows == 0 && len(labels) == 0 {
		return nil, rep, true, &ParseError{File: p.file, Line: 1, Err: fmt.Errorf("%w: no edges after the header and no node file", ErrEmptyFile)}
	}
	g = &Graph{directed: opt.Directed, weighted: weighted, labels: labels, index: index}
	if index == nil {
		g.lazyIndex = new(sync.Once)
		g.packLabels(labels) // 12 bytes a node less
		labels = nil
	}
	if p.closed != nil && p.closed.attrs.Len() > 0 {
		g.attrs = p.closed.attrs
		vals := p.closed.values
		for len(vals) < len(labels) {
			vals = append(vals, nil)
		}
		g.nodeValues = vals
	}
	self := 0
	for _, b := range blocks {
		self += b.self
	}
	st := BuildStats{SelfLoops: self}
	n := g.Order()
	if opt.Directed {
		var distinct int
		g.off, g.adj, g.w64, distinct = p.rows(n, blocks, false, false, weighted)
		g.inOff, g.inAdj, g.inW64, _ = p.rows(n, blocks, true, false, weighted)
		st.Duplicates = rows - self - distinct
	} else {
		var distinct int
		g.off, g.adj, g.w64, distinct = p.rows(n, blocks, false, true, weighted)
		st.Duplicates = rows - self - distinct/2
	}
	if weighted {
		g.narrowWeights()
	}
	if err := checkSums(g, edges.Name); err != nil {
		return nil, rep, true, err
	}
	rep.addStats(edges.Name, st)
	return g, rep, true, nil
}

// read reads the records after the header in blocks and parses them on
// p.workers goroutines; it returns the blocks in file order, or the first
// error in file order.
func (p *ingest) read(in *Input) ([]*ingestBlock, error) {
	jobs := make(chan *ingestBlock, p.workers)
	free := make(chan []byte, p.workers+2)
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := &ingestWorker{fields: make([][]byte, 0, p.fields+1)}
			for b := range jobs {
				if b.seq < p.firstFail.Load() {
					p.parse(b, wk)
				}
				free <- b.data[:0]
				b.data = nil
			}
		}()
	}
	var blocks []*ingestBlock
	var readErr error
	made := 0
	line := 2 // the line the next block starts on
	var carry []byte
	opt := csvscan.Options{Comma: rune(p.comma)}
	p.firstFail.Store(math.MaxInt64)
	var buf []byte // the buffer being filled (the carry at its start), or nil
	for p.firstFail.Load() == math.MaxInt64 {
		if buf == nil {
			// At most workers+2 buffers: one being read, the rest queued
			// or being parsed. A bigger one replaces one that is too small.
			select {
			case buf = <-free:
			default:
				if made < p.workers+2 {
					buf = make([]byte, 0, ingestBlockSize)
					made++
				} else {
					buf = <-free
				}
			}
			if cap(buf) < len(carry)+ingestBlockSize/2 {
				buf = make([]byte, 0, max(ingestBlockSize, 2*len(carry)))
			}
			buf = append(buf[:0], carry...)
		}
		n, rerr := io.ReadFull(in, buf[len(buf):cap(buf)])
		data := buf[:len(buf)+n]
		eof := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if rerr != nil && !eof {
			// The lines of complete records read before (as the
			// sequential reader counts them).
			readErr = (&csvTable{file: p.file, line: line - 1}).wrap(nil, rerr)
			break
		}
		cut := len(data)
		if !eof {
			cut = csvscan.Cut(data, opt)
		}
		if cut > 0 {
			b := &ingestBlock{seq: int64(len(blocks)), data: data[:cut], line: line}
			line += bytes.Count(b.data, nl)
			blocks = append(blocks, b)
			jobs <- b
		}
		if eof {
			break
		}
		if cut == 0 {
			// A record longer than the buffer: read on into a bigger one,
			// which takes its place (the Input's limits bound the record).
			buf = append(make([]byte, 0, 2*cap(data)), data...)
			continue
		}
		carry = append(carry[:0], data[cut:]...)
		buf = nil
	}
	close(jobs)
	wg.Wait()
	for _, b := range blocks {
		if b.err != nil {
			return nil, b.err
		}
	}
	if readErr != nil {
		return nil, readErr
	}
	return blocks, nil
}

var nl = []byte{'\n'}

// sortInt32 sorts a row of neighbours.
func sortInt32(row []int32) { slices.Sort(row) }

// sortRowWeighted sorts a row by neighbour, then weight.
func sortRowWeighted(row []int32, w []float64) { sort.Sort(rowWeightSorter{row, w}) }

type rowWeightSorter struct {
	a []int32
	w []float64
}

func (r rowWeightSorter) Len() int { return len(r.a) }
func (r rowWeightSorter) Less(i, j int) bool {
	return r.a[i] < r.a[j] || (r.a[i] == r.a[j] && r.w[i] < r.w[j])
}
func (r rowWeightSorter) Swap(i, j int) {
	r.a[i], r.a[j] = r.a[j], r.a[i]
	r.w[i], r.w[j] = r.w[j], r.w[i]
}

// parse parses a block into tokens, stopping at its first bad record,
// and keeps the first of each repeated edge (see keep).
func (p *ingest) parse(b *ingestBlock, wk *ingestWorker) {
	if est := bytes.Count(b.data, nl) + 1; cap(wk.src) < est {
		// Sized once for the block (the lines bound its records).
		wk.src, wk.dst = make([]uint32, 0, est), make([]uint32, 0, est)
		if p.wcol >= 0 {
			wk.w = make([]float64, 0, est)
		}
	}
	wk.src, wk.dst, wk.w = wk.src[:0], wk.dst[:0], wk.w[:0]
	if bytes.IndexByte(b.data, '"') >= 0 {
		s := csvscan.NewBytes(b.data, b.line, csvscan.Options{Comma: rune(p.comma), FieldsPerRecord: p.fields})
		for s.Scan() {
			if err := p.checkUTF8(s.Fields(), s.Line()); err != nil {
				b.err = err
				break
			}
			if err := p.record(b, wk, s.Fields(), s.Line()); err != nil {
				b.err = err
				break
			}
		}
		if err := s.Err(); err != nil && b.err == nil {
			var pe *csv.ParseError
			if errors.Is(err, csv.ErrFieldCount) && errors.As(err, &pe) {
				b.err = &ParseError{File: p.file, Line: pe.Line, Column: 1, Err: fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFieldCount, len(s.Fields()), p.fields)}
			} else {
				b.err = (&csvTable{file: p.file}).wrap(nil, err)
			}
		}
	} else {
		data, line := b.data, b.line-1
		fields := wk.fields
		for len(data) > 0 {
			var ln []byte
			if j := bytes.IndexByte(data, '\n'); j >= 0 {
				ln, data = data[:j], data[j+1:]
			} else {
				ln, data = data, nil
			}
			line++
			if k := len(ln); k > 0 && ln[k-1] == '\r' {
				ln = ln[:k-1] // encoding/csv reads CRLF as LF
			}
			if len(ln) == 0 {
				continue // encoding/csv skips empty lines
			}
			fields = fields[:0]
			start, ascii := 0, true
			for i, c := range ln {
				if c == p.comma {
					fields = append(fields, ln[start:i])
					start = i + 1
				} else if c >= utf8.RuneSelf {
					ascii = false
				}
			}
			fields = append(fields, ln[start:])
			if len(fields) != p.fields {
				b.err = &ParseError{File: p.file, Line: line, Column: 1, Err: fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFieldCount, len(fields), p.fields)}
				break
			}
			if !ascii {
				if err := p.checkUTF8(fields, line); err != nil {
					b.err = err
					break
				}
			}
			if err := p.record(b, wk, fields, line); err != nil {
				b.err = err
				break
			}
		}
		wk.fields = fields
	}
	if b.err != nil {
		for {
			old := p.firstFail.Load()
			if old <= b.seq || p.firstFail.CompareAndSwap(old, b.seq) {
				break
			}
		}
		return
	}
	p.keep(b, wk)
}

// keep copies the block's edges from the worker's scratch, keeping the
// first record of each ordered pair and adding the weights of its repeats
// to it (in file order), so that a file of repeated edges costs memory for
// its distinct edges only (issue 18 item 7; the sequential Builder merges
// them as they arrive). A node's first appearance is in the first record
// of its pair, so node order is kept; Build merges u–v with v–u.
func (p *ingest) keep(b *ingestBlock, wk *ingestWorker) {
	n := len(wk.src)
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(wk.slot) < size {
		wk.slot = make([]int32, size)
	}
	slot := wk.slot[:size]
	clear(slot)
	mask := uint64(size - 1)
	out := 0
	for r := 0; r < n; r++ {
		u, v := wk.src[r], wk.dst[r]
		key := uint64(u)<<32 | uint64(v)
		h := (key * 0x9E3779B97F4A7C15) >> 20 & mask
		for {
			k := slot[h]
			if k == 0 {
				slot[h] = int32(out + 1)
				wk.src[out], wk.dst[out] = u, v
				if wk.w != nil && len(wk.w) == n {
					wk.w[out] = wk.w[r]
				}
				out++
				break
			}
			if wk.src[k-1] == u && wk.dst[k-1] == v {
				if len(wk.w) == n {
					wk.w[k-1] += wk.w[r]
				}
				break
			}
			h = (h + 1) & mask
		}
	}
	// The first position of each string ID in the block's kept records
	// (block number << 32 | 2·record + side) lowers its table's.
	if wk.seen == nil {
		wk.seen = make(map[uint32]struct{})
	}
	clear(wk.seen)
	for r := 0; r < out; r++ {
		for side, t := range [2]uint32{wk.src[r], wk.dst[r]} {
			if t&tokString == 0 {
				continue
			}
			if _, ok := wk.seen[t]; ok {
				continue
			}
			wk.seen[t] = struct{}{}
			key := uint64(b.seq)<<32 | uint64(2*r+side)
			sh := &p.shards[t&(ingestShards-1)]
			i := (t &^ tokString) >> ingestShardBits
			sh.mu.Lock()
			sh.first[i] = min(sh.first[i], key)
			sh.mu.Unlock()
		}
	}
	b.src = append([]uint32(nil), wk.src[:out]...)
	b.dst = append([]uint32(nil), wk.dst[:out]...)
	if p.wcol >= 0 {
		b.w = append([]float64(nil), wk.w[:out]...)
	}
}

func (p *ingest) checkUTF8(fields [][]byte, line int) error {
	for i, f := range fields {
		if !utf8.Valid(f) {
			return &ParseError{File: p.file, Line: line, Column: i + 1, Err: ErrInvalidUTF8}
		}
	}
	return nil
}

// record adds the edge of one record, with the errors of
// fastEdgeReader. The caller has checked the number of fields and their
// UTF-8.
func (p *ingest) record(b *ingestBlock, wk *ingestWorker, fields [][]byte, line int) error {
	u, err := p.node(b, fields[p.src], p.src, line)
	if err != nil {
		return err
	}
	v, err := p.node(b, fields[p.dst], p.dst, line)
	if err != nil {
		return err
	}
	w := 1.0
	if p.wcol >= 0 {
		if w, err = fastWeight(fields[p.wcol]); err != nil {
			return errAt(p.file, line, err, "column %q", p.header[p.wcol])
		}
	}
	b.rows++
	if u == v {
		b.self++
	}
	// A repeat of the record before merges at once.
	if k := len(wk.src) - 1; k >= 0 && wk.src[k] == u && wk.dst[k] == v {
		if p.wcol >= 0 {
			wk.w[k] += w
		}
		return nil
	}
	wk.src = append(wk.src, u)
	wk.dst = append(wk.dst, v)
	if p.wcol >= 0 {
		wk.w = append(wk.w, w)
	}
	return nil
}

// node returns the token of an ID field. A string ID new to its table
// gets its first position from keep.
func (p *ingest) node(b *ingestBlock, f []byte, col, line int) (uint32, error) {
	id := bytes.TrimSpace(f)
	if len(id) == 0 || string(id) == "NA" {
		return 0, errAt(p.file, line, checkID("node", string(id)), "column %q", p.header[col])
	}
	if p.closed != nil {
		i, ok := p.closed.index[string(id)]
		if !ok {
			return 0, errAt(p.file, line, ErrUnknownNode, "%q is not in %s", id, p.nodesName)
		}
		return uint32(i), nil
	}
	if x, ok := canonicalDecimal(id); ok {
		b.hasInt = true
		b.maxInt = max(b.maxInt, uint32(x))
		return uint32(x), nil
	}
	s := maphash.Bytes(p.seed, id) % ingestShards
	sh := &p.shards[s]
	sh.mu.Lock()
	i, ok := sh.index[string(id)]
	if !ok {
		if len(sh.strs) == maxShardIDs {
			sh.mu.Unlock()
			return 0, errAt(p.file, line, ErrTooLarge, "more than %d distinct node IDs that are not decimal numbers", ingestShards*maxShardIDs)
		}
		if sh.index == nil {
			sh.index = make(map[string]uint32)
		}
		str := string(id)
		i = uint32(len(sh.strs))
		sh.index[str] = i
		sh.strs = append(sh.strs, str)
		sh.first = append(sh.first, math.MaxUint64)
	}
	sh.mu.Unlock()
	return tokString | i<<ingestShardBits | uint32(s), nil
}

// each runs fn(i) for i in [0, n) on p.workers goroutines.
func (p *ingest) each(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(p.workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// ranges runs fn on about p.workers·8 consecutive ranges covering [0, n).
func (p *ingest) ranges(n int, fn func(lo, hi int)) {
	parts := min(max(1, n/4096), p.workers*8)
	p.each(parts, func(i int) {
		fn(n*i/parts, n*(i+1)/parts)
	})
}

// intern numbers the nodes in order of first appearance, turns the
// blocks' tokens into node indices and returns the labels. kept is the
// number of records in the blocks.
func (p *ingest) intern(blocks []*ingestBlock, kept int) []string {
	// First positions of decimal IDs: a table indexed by the ID when the
	// largest ID is within the number of positions (so a hostile ID
	// cannot make it large), else one map per worker, each walking the
	// blocks in file order through the IDs that fall to it.
	var maxInt uint32
	hasInt := false
	for _, b := range blocks {
		if b.hasInt {
			hasInt = true
			maxInt = max(maxInt, b.maxInt)
		}
	}
	const none = math.MaxUint64
	var first []uint64 // decimal ID → first position, then node index
	var intMaps []map[uint32]uint64
	dense := hasInt && uint64(maxInt) < 2*uint64(kept)+1<<16
	if dense {
		first = make([]uint64, int(maxInt)+1)
		p.ranges(len(first), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				first[i] = none
			}
		})
		p.each(len(blocks), func(k int) {
			b := blocks[k]
			for side, toks := range [2][]uint32{b.src, b.dst} {
				for r, t := range toks {
					if t&tokString != 0 {
						continue
					}
					pos := 2*uint64(b.base+r) + uint64(side)
					for {
						old := atomic.LoadUint64(&first[t])
						if old <= pos || atomic.CompareAndSwapUint64(&first[t], old, pos) {
							break
						}
					}
				}
			}
		})
	} else if hasInt {
		intMaps = make([]map[uint32]uint64, p.workers)
		p.each(p.workers, func(s int) {
			m := map[uint32]uint64{}
			for _, b := range blocks {
				for r := range b.src {
					for side, t := range [2]uint32{b.src[r], b.dst[r]} {
						if t&tokString == 0 && int(t)%p.workers == s {
							if _, ok := m[t]; !ok {
								m[t] = 2*uint64(b.base+r) + uint64(side)
							}
						}
					}
				}
			}
			intMaps[s] = m
		})
	}
	// String IDs: their first (block, position) becomes a position in
	// the file.
	p.each(ingestShards, func(s int) {
		sh := &p.shards[s]
		sh.index = nil // not needed any more
		for i, key := range sh.first {
			sh.first[i] = 2*uint64(blocks[key>>32].base) + key&(1<<32-1)
		}
	})
	// Rank the first positions: a bitmap of 2·kept bits, and the number
	// of bits set before each word.
	words := make([]uint64, (2*kept+63)/64)
	mark := func(pos uint64) { atomic.OrUint64(&words[pos/64], 1<<(pos%64)) }
	if dense {
		p.ranges(len(first), func(lo, hi int) {
			for _, pos := range first[lo:hi] {
				if pos != none {
					mark(pos)
				}
			}
		})
	}
	p.each(len(intMaps), func(s int) {
		for _, pos := range intMaps[s] {
			mark(pos)
		}
	})
	p.each(ingestShards, func(s int) {
		for _, pos := range p.shards[s].first {
			mark(pos)
		}
	})
	before := make([]uint32, len(words)+1)
	for i, w := range words {
		before[i+1] = before[i] + uint32(bits.OnesCount64(w))
	}
	n := int(before[len(words)])
	rank := func(pos uint64) uint32 {
		return before[pos/64] + uint32(bits.OnesCount64(words[pos/64]&(1<<(pos%64)-1)))
	}
	labels := make([]string, n)
	if dense {
		// Labels of decimal IDs: each range's labels are substrings of one
		// string; first[] becomes the node index.
		p.ranges(len(first), func(lo, hi int) {
			var arena []byte
			for x := lo; x < hi; x++ {
				if first[x] != none {
					arena = strconv.AppendUint(arena, uint64(x), 10)
				}
			}
			all := string(arena)
			at := 0
			for x := lo; x < hi; x++ {
				if first[x] == none {
					continue
				}
				r := rank(first[x])
				k := decimalLen(uint64(x))
				labels[r] = all[at : at+k]
				at += k
				first[x] = uint64(r)
			}
		})
	}
	p.each(len(intMaps), func(s int) {
		for x, pos := range intMaps[s] {
			r := rank(pos)
			labels[r] = strconv.FormatUint(uint64(x), 10)
			intMaps[s][x] = uint64(r)
		}
	})
	p.each(ingestShards, func(s int) {
		sh := &p.shards[s]
		for i, pos := range sh.first {
			r := rank(pos)
			labels[r] = sh.strs[i]
			sh.first[i] = uint64(r)
		}
	})
	// Tokens → node indices.
	p.each(len(blocks), func(k int) {
		b := blocks[k]
		for _, toks := range [2][]uint32{b.src, b.dst} {
			for r, t := range toks {
				switch {
				case t&tokString != 0:
					toks[r] = uint32(p.shards[t&(ingestShards-1)].first[(t&^tokString)>>ingestShardBits])
				case dense:
					toks[r] = uint32(first[t])
				default:
					toks[r] = uint32(intMaps[int(t)%p.workers][t])
				}
			}
		}
	})
	for s := range p.shards {
		p.shards[s].strs, p.shards[s].first = nil, nil
	}
	return labels
}

// decimalLen is the number of decimal digits of x.
func decimalLen(x uint64) int {
	n := 1
	for x >= 10 {
		x /= 10
		n++
	}
	return n
}

// rows builds sorted, merged rows from the blocks' edges by a parallel
// counting sort: out-rows (in-rows when flip), each edge in both rows
// when both. It returns the offsets, neighbours and weights (nil when
// unweighted), the self-loops dropped and the number of row entries.
func (p *ingest) rows(n int, blocks []*ingestBlock, flip, both, weighted bool) (off []int, adj []int32, ws []float64, entries int) {
	cnt := make([]uint32, n)
	p.each(len(blocks), func(k int) {
		b := blocks[k]
		from, to := b.src, b.dst
		if flip {
			from, to = to, from
		}
		for r, u := range from {
			v := to[r]
			if u == v {
				continue
			}
			atomic.AddUint32(&cnt[u], 1)
			if both {
				atomic.AddUint32(&cnt[v], 1)
			}
		}
	})
	off = make([]int, n+1)
	for u, c := range cnt {
		off[u+1] = off[u] + int(c)
	}
	m := off[n]
	adj = make([]int32, m)
	if weighted {
		ws = make([]float64, m)
	}
	// Scatter: each row fills from its end (cnt counts down to 0).
	p.each(len(blocks), func(k int) {
		b := blocks[k]
		from, to := b.src, b.dst
		if flip {
			from, to = to, from
		}
		for r, u := range from {
			v := to[r]
			if u == v {
				continue
			}
			k := off[u] + int(atomic.AddUint32(&cnt[u], ^uint32(0)))
			adj[k] = int32(v)
			if weighted {
				ws[k] = b.w[r]
			}
			if both {
				k := off[v] + int(atomic.AddUint32(&cnt[v], ^uint32(0)))
				adj[k] = int32(u)
				if weighted {
					ws[k] = b.w[r]
				}
			}
		}
	})
	// Sort each row (by neighbour, then weight: an order that does not
	// depend on the scatter) and count its distinct neighbours, on node
	// ranges of about equal numbers of entries.
	parts := max(1, min(p.workers*8, m/4096))
	cuts := make([]int, parts+1)
	for i, u := 1, 0; i <= parts; i++ {
		target := m * i / parts
		for u < n && off[u] < target {
			u++
		}
		cuts[i] = u
	}
	cuts[parts] = n
	p.each(parts, func(i int) {
		for u := cuts[i]; u < cuts[i+1]; u++ {
			lo, hi := off[u], off[u+1]
			row := adj[lo:hi]
			if weighted {
				sortRowWeighted(row, ws[lo:hi])
			} else {
				sortInt32(row)
			}
			d := 0
			for k := range row {
				if k == 0 || row[k] != row[k-1] {
					d++
				}
			}
			cnt[u] = uint32(d)
		}
	})
	distinct := 0
	for _, c := range cnt {
		distinct += int(c)
	}
	if distinct == m {
		return off, adj, ws, m
	}
	// Merge duplicates in place, summing weights in row order.
	out, lo := 0, 0
	for u := 0; u < n; u++ {
		hi := off[u+1]
		off[u] = out
		for k := lo; k < hi; k++ {
			if out > off[u] && adj[out-1] == adj[k] {
				if weighted {
					ws[out-1] += ws[k]
				}
				continue
			}
			adj[out] = adj[k]
			if weighted {
				ws[out] = ws[k]
			}
			out++
		}
		lo = hi
	}
	off[n] = out
	if 4*out < 3*m {
		// Many duplicates: give the rest of the arrays back.
		adj = append([]int32(nil), adj[:out]...)
		if weighted {
			ws = append([]float64(nil), ws[:out]...)
		}
	} else {
		adj = adj[:out:out]
		if weighted {
			ws = ws[:out:out]
		}
	}
	return off, adj, ws, out
}

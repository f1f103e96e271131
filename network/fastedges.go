package network

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// fastEdgeLists turns the byte-level edge list reader on; the tests turn it
// off to compare it with the encoding/csv reader.
var fastEdgeLists = true

// readEdgeListFast is ReadEdgeListFrom for the common case, an edge list
// whose header and records need no CSV quoting: it splits lines on the
// delimiter byte without encoding/csv, and looks canonical decimal node IDs
// ("0", "17", not "017") up in a slice instead of hashing them, so a node's
// label string is made once, when the node is first seen. It parses about
// 120 MB/s; with the sort into rows, a whole read is about three times as
// fast as with encoding/csv (BenchmarkParseEdgeList, BenchmarkReadEdgeList).
//
// It gives the same graph, Report and errors as the encoding/csv reader
// (the tests compare the two on every kind of input): when the header is
// not a plain one whose columns resolve (quotes, a blank first line, a
// missing or ambiguous column), it puts the header back and returns ok =
// false so that the caller reads the file the usual way; from the first
// record that holds a quote or a bare carriage return, or has the wrong
// number of fields or invalid UTF-8, on, it hands the rest of the file to
// encoding/csv, with line numbers kept. The errors of the records it reads
// itself (empty or unknown node ID, bad weight) are made as the csv path
// makes them; keep the two in step.
func readEdgeListFast(edges, nodes *Input, opt EdgeListOptions) (g *Graph, rep Report, ok bool, err error) {
	r, more, ok, err := openPlainEdgeList(fastEdgeLists, edges, opt, &rep)
	if !ok || err != nil {
		return nil, rep, ok, err
	}
	r.b = NewBuilder(opt.Directed, r.wcol >= 0)
	if nodes != nil {
		if err := readNodeCSV(nodes, r.b, opt, &rep); err != nil {
			return nil, rep, true, err
		}
		r.closed, r.nodesName = true, nodes.Name
	}
	r.line = 1
	if more {
		if err := r.body(edges); err != nil {
			return nil, rep, true, err
		}
	}
	r.finish()
	if r.rows == 0 && r.b.Order() == 0 {
		return nil, rep, true, &ParseError{File: r.file, Line: 1, Err: fmt.Errorf("%w: no edges after the header and no node file", ErrEmptyFile)}
	}
	g, st := r.b.Build()
	if err := checkSums(g, edges.Name); err != nil {
		return nil, rep, true, err
	}
	rep.addStats(edges.Name, st)
	return g, rep, true, nil
}

// unread puts bytes read from in back in front of the rest of the input.
func (in *Input) unread(p []byte) {
	if len(p) > 0 {
		in.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(p), in.r), 1<<16)
	}
}

type fastEdgeReader struct {
	file      string
	comma     byte
	header    []string
	col       map[string]int
	src, dst  int
	wcol      int
	b         *Builder
	closed    bool
	nodesName string
	dense     []int32 // canonical decimal ID → node index + 1; 0: not seen
	arena     []byte  // labels of the nodes in deferred, one after another
	deferred  []deferredLabel
	starts    []int // field starts in the current line
	line      int   // number of the current line (1-based)
	rows      int
}

// parseHeader parses the header line and resolves the columns as the
// encoding/csv path does. It reports false, leaving the error (if any) to
// that path, for anything but a plain header whose columns all resolve.
func (r *fastEdgeReader) parseHeader(line []byte, opt EdgeListOptions) bool {
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if len(line) == 0 || bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, '\r') >= 0 || !utf8.Valid(line) {
		return false
	}
	r.col = map[string]int{}
	for _, f := range bytes.Split(line, []byte{r.comma}) {
		h := strings.TrimSpace(string(f))
		if _, dup := r.col[h]; dup {
			return false
		}
		r.col[h] = len(r.header)
		r.header = append(r.header, h)
	}
	// find returns the column named name, or the only column that is
	// def in any letter case when name is "", or -1 (none or ambiguous).
	find := func(name, def string) int {
		if name != "" {
			if i, ok := r.col[name]; ok {
				return i
			}
			return -1
		}
		found := -1
		for i, h := range r.header {
			if strings.EqualFold(h, def) {
				if found >= 0 {
					return -1
				}
				found = i
			}
		}
		return found
	}
	if r.src = find(opt.Source, "source"); r.src < 0 {
		return false
	}
	if r.dst = find(opt.Target, "target"); r.dst < 0 {
		return false
	}
	switch opt.Weight {
	case "-":
		r.wcol = -1
	case "":
		r.wcol = -1
		n := 0
		for _, h := range r.header {
			if strings.EqualFold(h, "weight") {
				n++
			}
		}
		if n > 1 {
			return false
		}
		if n == 1 {
			r.wcol = find("", "weight")
		}
	default:
		if r.wcol = find(opt.Weight, ""); r.wcol < 0 {
			return false
		}
	}
	r.starts = make([]int, 0, len(r.header)+1)
	return true
}

// errSlow says that a record needs encoding/csv.
var errSlow = fmt.Errorf("record needs the CSV parser")

// body reads the records after the header in blocks, splitting lines with
// bytes.IndexByte.
func (r *fastEdgeReader) body(in *Input) error {
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		n, rerr := io.ReadFull(in, buf[carry:])
		data := buf[:carry+n]
		eof := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if rerr != nil && !eof {
			t := &csvTable{file: r.file, line: r.line}
			return t.wrap(nil, rerr)
		}
		start := 0
		for {
			i := bytes.IndexByte(data[start:], '\n')
			if i < 0 {
				break
			}
			if err := r.record(data[start : start+i]); err == errSlow {
				return r.slow(data[start:], in)
			} else if err != nil {
				return err
			}
			start += i + 1
		}
		if eof {
			if start < len(data) {
				if err := r.record(data[start:]); err == errSlow {
					return r.slow(data[start:], in)
				} else if err != nil {
					return err
				}
			}
			return nil
		}
		carry = copy(buf, data[start:])
		if carry == len(buf) {
			buf = append(buf, make([]byte, len(buf))...)
		}
	}
}

// record reads one line (without its newline).
func (r *fastEdgeReader) record(line []byte) error {
	r.line++
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1] // encoding/csv reads \r\n as \n
	}
	if len(line) == 0 {
		return nil // encoding/csv skips empty lines
	}
	r.starts = append(r.starts[:0], 0)
	ascii := true
	for i, c := range line {
		switch {
		case c == r.comma:
			r.starts = append(r.starts, i+1)
		case c == '"' || c == '\r':
			r.line--
			return errSlow
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if len(r.starts) != len(r.header) || (!ascii && !utf8.Valid(line)) {
		// A wrong number of fields or invalid UTF-8: encoding/csv and
		// csvTable say what is wrong, in their words.
		r.line--
		return errSlow
	}
	r.starts = append(r.starts, len(line)+1)
	field := func(k int) []byte { return line[r.starts[k] : r.starts[k+1]-1] }
	return r.edge(field(r.src), field(r.dst), func() []byte {
		if r.wcol < 0 {
			return nil
		}
		return field(r.wcol)
	}())
}

// edge adds the edge of one record from its source, target and weight
// fields, with the errors of the encoding/csv path.
func (r *fastEdgeReader) edge(sf, tf, wf []byte) error {
	r.rows++
	u, err := r.node(sf, r.src)
	if err != nil {
		return err
	}
	v, err := r.node(tf, r.dst)
	if err != nil {
		return err
	}
	w := 1.0
	if r.wcol >= 0 {
		if w, err = fastWeight(wf); err != nil {
			return errAt(r.file, r.line, err, "column %q", r.header[r.wcol])
		}
	}
	if err := r.b.AddEdge(int(u), int(v), w); err != nil {
		return errAt(r.file, r.line, err, "")
	}
	return nil
}

// node returns the node of an ID field, adding it unless the node file
// closed the set of nodes.
func (r *fastEdgeReader) node(f []byte, col int) (int64, error) {
	id := bytes.TrimSpace(f)
	if len(id) == 0 || string(id) == "NA" {
		return 0, errAt(r.file, r.line, checkID("node", string(id)), "column %q", r.header[col])
	}
	x, dec := canonicalDecimal(id)
	dec = dec && x < denseLimit
	if dec && x < len(r.dense) && r.dense[x] != 0 {
		return int64(r.dense[x] - 1), nil
	}
	i, ok := r.b.index[string(id)]
	if ok {
		return int64(i), nil
	}
	if r.closed {
		return 0, errAt(r.file, r.line, ErrUnknownNode, "%q is not in %s", id, r.nodesName)
	}
	// A decimal ID goes to the dense table only while the table stays
	// within 16 slots per node seen (plus 65,536): a node named 16777215 in
	// a 40-byte file must not allocate 64 MiB (issue 18 item 10). Others
	// go to the map, which the lookup above also asks.
	dense := dec && x < 16*len(r.b.labels)+1<<16
	i = int32(len(r.b.labels))
	if dense {
		// The label is made by finish, from one string for all.
		r.b.labels = append(r.b.labels, "")
		r.arena = append(r.arena, id...)
		r.deferred = append(r.deferred, deferredLabel{i, int32(len(r.arena))})
		if x >= len(r.dense) {
			r.dense = append(r.dense, make([]int32, max(x+1, min(2*len(r.dense), denseLimit))-len(r.dense))...)
		}
		r.dense[x] = i + 1
	} else {
		label := string(id)
		r.b.index[label] = i
		r.b.labels = append(r.b.labels, label)
	}
	return int64(i), nil
}

// finish gives the nodes first seen by a decimal ID their labels, all
// substrings of one string, and rebuilds the builder's index at its final
// size.
func (r *fastEdgeReader) finish() {
	if len(r.deferred) == 0 {
		return
	}
	all := string(r.arena)
	start := int32(0)
	for _, d := range r.deferred {
		r.b.labels[d.node] = all[start:d.end]
		start = d.end
	}
	index := make(map[string]int32, len(r.b.labels))
	for i, l := range r.b.labels {
		index[l] = int32(i)
	}
	r.b.index = index
	r.arena, r.deferred = nil, nil
}

type deferredLabel struct{ node, end int32 }

// denseLimit bounds the decimal IDs looked up by slice (64 MiB at most).
const denseLimit = 1 << 24

// canonicalDecimal parses a node ID of 1 to 9 decimal digits without a
// leading zero (or "0"), the IDs that the labels strconv.Itoa(x) stand for.
func canonicalDecimal(id []byte) (int, bool) {
	if len(id) == 0 || len(id) > 9 || (id[0] == '0' && len(id) > 1) {
		return 0, false
	}
	x := 0
	for _, c := range id {
		if c < '0' || c > '9' {
			return 0, false
		}
		x = 10*x + int(c-'0')
	}
	return x, true
}

// fastWeight reads a weight field: whole numbers of up to 15 digits
// directly, anything else with parseWeight.
func fastWeight(f []byte) (float64, error) {
	if len(f) == 0 || len(f) > 15 {
		return parseWeight(string(f))
	}
	x := 0
	for _, c := range f {
		if c < '0' || c > '9' {
			return parseWeight(string(f))
		}
		x = 10*x + int(c-'0')
	}
	return float64(x), nil
}

// slow reads the rest of the edge list, from the line rest starts with,
// with encoding/csv; newlines put in front keep its line numbers.
func (r *fastEdgeReader) slow(rest []byte, in *Input) error {
	cr := csv.NewReader(io.MultiReader(newlines(r.line), bytes.NewReader(rest), in))
	cr.Comma = rune(r.comma)
	cr.FieldsPerRecord = len(r.header)
	cr.ReuseRecord = true
	t := &csvTable{file: r.file, r: cr, header: r.header, col: r.col, line: r.line}
	for {
		rec, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		r.line = t.line
		var wf []byte
		if r.wcol >= 0 {
			wf = []byte(rec[r.wcol])
		}
		if err := r.edge([]byte(rec[r.src]), []byte(rec[r.dst]), wf); err != nil {
			return err
		}
	}
}

// newlines returns a reader of n newline bytes.
func newlines(n int) io.Reader {
	return io.LimitReader(newlineReader{}, int64(n))
}

type newlineReader struct{}

func (newlineReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '\n'
	}
	return len(p), nil
}

// openPlainEdgeList reads the header line of edges for the fast and the
// parallel readers. ok is false, with nothing consumed, when the reader is
// off (enabled false), the delimiter is not a single byte, or the header is
// not a plain one (see fastEdgeReader.parseHeader); then the caller hands
// the file to the next reader. err is the Input's own CSV set-up error
// (with ok true). more is false when the file ends with the header line.
// A BOM is added to rep.
func openPlainEdgeList(enabled bool, edges *Input, opt EdgeListOptions, rep *Report) (r *fastEdgeReader, more, ok bool, err error) {
	if !enabled || opt.Comma >= utf8.RuneSelf || opt.Comma == '"' || opt.Comma == '\r' || opt.Comma == '\n' {
		return nil, false, false, nil
	}
	if err := edges.setCSV(opt.Comma); err != nil {
		return nil, false, true, err
	}
	head, rerr := edges.r.ReadBytes('\n')
	if rerr != nil && rerr != io.EOF {
		edges.unread(head)
		return nil, false, false, nil
	}
	r = &fastEdgeReader{file: edges.Name, comma: byte(opt.Comma)}
	if !r.parseHeader(head, opt) {
		edges.unread(head)
		return nil, false, false, nil
	}
	if edges.BOM {
		rep.Add(edges.Name, RepairBOM, 1)
	}
	return r, rerr == nil, true, nil
}

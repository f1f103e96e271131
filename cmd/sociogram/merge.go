package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "merge",
		summary: "join the parts of sociogram nodes --shard into one table",
		usage: `Usage: sociogram merge [-o FILE] PART...

Joins the parts written by sociogram nodes --shard I/K -o PART into the
table the unsharded sociogram nodes run writes, byte for byte (CSV or JSON,
as the parts were written). The parts may be given in any order. Each
part's record PART.shard must be beside it; merge checks that the parts
come from the same graph and flags (measures, --format, --digits,
--names, --key-names), that every shard 1..K is there exactly once, that
their node ranges follow one another with no gap or overlap, and that
each part holds the rows its record says. Any failure is an error naming
the part, and nothing is written.

Example (a SLURM array job of 8 tasks, then the merge):
  sbatch --array=1-8 --wrap 'sociogram nodes --edges edges.csv \
      --shard $SLURM_ARRAY_TASK_ID/8 -o part$SLURM_ARRAY_TASK_ID.csv'
  sociogram merge -o nodes.csv part*.csv
`,
		run: runMerge,
	})
}

// shardFlag is a parsed --shard I/K: shard i (1-based) of k.
type shardFlag struct{ i, k int }

// parseShard parses --shard I/K, I from 1 to K.
func parseShard(s string) (*shardFlag, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	k, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || k < 1 || i < 1 || i > k {
		return nil, usagef("--shard %q: want I/K with 1 <= I <= K (e.g. 3/8: the third of eight shards)", s)
	}
	return &shardFlag{i, k}, nil
}

// shardSuffix names a part's record: PART.shard.
const shardSuffix = ".shard"

// shardRecord is what a part's record (PART.shard, JSON) says of it: which
// shard of how many, its node range, the graph it was cut from and the
// flags that shape the table's bytes. merge refuses to join parts whose
// records disagree.
type shardRecord struct {
	Shard int `json:"shard"`
	Of    int `json:"of"`
	// First and End are the part's node range, First to End-1 (node
	// indices in input order); Nodes is the graph's number of nodes.
	First int `json:"first"`
	End   int `json:"end"`
	Nodes int `json:"nodes"`
	// Graph is a fingerprint of the graph (FNV-1a 64 of its order,
	// size, direction, weights flag and every node's label and degree).
	Graph string `json:"graph"`
	// Format, Columns (keys then measures, as named before renaming),
	// Digits, Names and KeyNames are the flags that shape the bytes.
	Format   string   `json:"format"`
	Columns  []string `json:"columns"`
	Digits   int      `json:"digits"`
	Names    string   `json:"names"`
	KeyNames string   `json:"key_names"`
	// FirstNode and LastNode are the labels of the range's first and last
	// nodes ("" when the range is empty); merge checks the rows against
	// them.
	FirstNode string `json:"first_node"`
	LastNode  string `json:"last_node"`
}

// newShardRecord returns the record of shard sh, range nr, of g.
func newShardRecord(g *network.Graph, sh *shardFlag, nr measures.NodeRange) *shardRecord {
	h := fnv.New64a()
	var buf [8]byte
	put := func(x uint64) {
		for i := range buf {
			buf[i] = byte(x >> (8 * i))
		}
		h.Write(buf[:])
	}
	put(uint64(g.Order()))
	put(uint64(g.Size()))
	flags := uint64(0)
	if g.Directed() {
		flags |= 1
	}
	if g.IsWeighted() {
		flags |= 2
	}
	put(flags)
	for v := 0; v < g.Order(); v++ {
		put(uint64(len(g.Label(v))))
		h.Write([]byte(g.Label(v)))
		put(uint64(g.Degree(v)))
		put(uint64(g.InDegree(v)))
	}
	r := &shardRecord{Shard: sh.i, Of: sh.k, First: nr.First, End: nr.End, Nodes: g.Order(),
		Graph: fmt.Sprintf("%016x", h.Sum64())}
	if nr.Len() > 0 {
		r.FirstNode, r.LastNode = g.Label(nr.First), g.Label(nr.End-1)
	}
	return r
}

// write writes the record beside the part mf.out, with the flags of mf
// and the columns of t.
func (r *shardRecord) write(mf measureFlags, t *measures.Table) error {
	r.Format, r.Digits, r.Names, r.KeyNames = mf.format, mf.digits, mf.names, mf.keyNames
	r.Columns = append(append([]string(nil), t.KeyNames...), t.Columns...)
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	return writeOutput(mf.out+shardSuffix, nil, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// part is one part given to merge: its record, and the table's bytes cut
// into the header (CSV: the first line; JSON: "[") and the body.
type part struct {
	path       string
	rec        shardRecord
	head, body []byte
}

func runMerge(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["merge"], stderr)
	var out string
	fs.StringVar(&out, "o", "", "output `FILE` (default standard output)")
	// The parts are positional; flags may come before or after them.
	var paths []string
	for {
		err := parseFlags(fs, args)
		if err == nil {
			break
		}
		var ue usageError
		if !errors.As(err, &ue) || fs.NArg() == 0 || !strings.HasPrefix(err.Error(), "unexpected argument") {
			return err
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(paths) == 0 {
		return usagef("no parts given (want the files written by sociogram nodes --shard I/K -o PART)")
	}
	noteInputs(paths...)
	parts := make([]*part, len(paths))
	for i, p := range paths {
		pt, err := readPart(p)
		if err != nil {
			return err
		}
		parts[i] = pt
	}
	if err := checkParts(parts); err != nil {
		return err
	}
	// The table: the first part's header, every part's body in shard
	// order, and for JSON the closing bracket.
	var rows int
	for _, p := range parts {
		rows += p.rec.End - p.rec.First
	}
	return writeOutput(out, stdout, func(w io.Writer) error {
		if _, err := w.Write(parts[0].head); err != nil {
			return err
		}
		json := parts[0].rec.Format == "json"
		wrote := false
		for _, p := range parts {
			if len(p.body) == 0 {
				continue
			}
			if json && wrote {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			if _, err := w.Write(p.body); err != nil {
				return err
			}
			wrote = true
		}
		if !json {
			return nil
		}
		tail := "]\n"
		if rows > 0 {
			tail = "\n]\n"
		}
		_, err := io.WriteString(w, tail)
		return err
	})
}

// readPart reads a part and its record and checks that the part holds the
// rows the record says.
func readPart(path string) (*part, error) {
	rb, err := os.ReadFile(path + shardSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no shard record %s beside it (write parts with sociogram nodes --shard I/K -o PART)", path, path+shardSuffix)
	}
	if err != nil {
		return nil, err
	}
	p := &part{path: path}
	dec := json.NewDecoder(bytes.NewReader(rb))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p.rec); err != nil {
		return nil, fmt.Errorf("%s: not a shard record: %v", path+shardSuffix, err)
	}
	r := p.rec
	if r.Of < 1 || r.Shard < 1 || r.Shard > r.Of || r.First < 0 || r.End < r.First || r.End > r.Nodes {
		return nil, fmt.Errorf("%s: shard %d/%d with nodes %d to %d of %d is not a valid shard", path+shardSuffix, r.Shard, r.Of, r.First, r.End-1, r.Nodes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []string
	switch r.Format {
	case "csv":
		keys, err = p.splitCSV(b)
	case "json":
		keys, err = p.splitJSON(b)
	default:
		return nil, fmt.Errorf("%s: format %q: merge joins csv and json parts", path+shardSuffix, r.Format)
	}
	if err != nil {
		return nil, err
	}
	want := r.End - r.First
	if len(keys) != want {
		return nil, fmt.Errorf("%s: %d rows, but its record says shard %d/%d holds %d (nodes %d to %d); was the part cut short or rewritten?", path, len(keys), r.Shard, r.Of, want, r.First, r.End-1)
	}
	if want > 0 && (keys[0] != r.FirstNode || keys[want-1] != r.LastNode) {
		return nil, fmt.Errorf("%s: rows run from node %q to %q, but its record says %q to %q", path, keys[0], keys[want-1], r.FirstNode, r.LastNode)
	}
	return p, nil
}

// splitCSV cuts a CSV part into its header line and its rows, and returns
// the first key of every row.
func (p *part) splitCSV(b []byte) ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = len(p.rec.Columns)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", p.path, err)
	}
	if p.rec.Names != "r" && !slices.Equal(head, p.rec.Columns) {
		return nil, fmt.Errorf("%s:1: header %s, but its record says %s", p.path, strings.Join(head, ","), strings.Join(p.rec.Columns, ","))
	}
	off := cr.InputOffset()
	p.head, p.body = b[:off], b[off:]
	var keys []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return keys, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p.path, err)
		}
		keys = append(keys, rec[0])
	}
}

// splitJSON cuts a JSON part ("[", rows "\n{...}" joined by ",", then
// "\n]\n"; "[]\n" when empty) into "[" and the rows, and returns the
// first key of every row.
func (p *part) splitJSON(b []byte) ([]string, error) {
	var rows []json.RawMessage
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, fmt.Errorf("%s: not a JSON table: %v", p.path, err)
	}
	switch {
	case len(rows) == 0 && string(b) == "[]\n":
		p.head, p.body = b[:1], nil
	case len(rows) > 0 && bytes.HasPrefix(b, []byte("[\n{")) && bytes.HasSuffix(b, []byte("}\n]\n")):
		p.head, p.body = b[:1], b[1:len(b)-3]
	default:
		return nil, fmt.Errorf("%s: not laid out as sociogram nodes writes JSON (rows one a line, \"[\" first, \"]\" last)", p.path)
	}
	keys := make([]string, len(rows))
	for i, raw := range rows {
		// The row's first member is its node: {"node":"a",...}.
		dec := json.NewDecoder(bytes.NewReader(raw))
		t0, err0 := dec.Token()
		_, err1 := dec.Token()
		t2, err2 := dec.Token()
		key, ok := t2.(string)
		if err0 != nil || err1 != nil || err2 != nil || t0 != json.Delim('{') || !ok {
			return nil, fmt.Errorf("%s: row %d: not an object whose first member is the node", p.path, i+1)
		}
		keys[i] = key
	}
	return keys, nil
}

// checkParts sorts the parts by shard and checks that they are the K
// shards of one run: same graph and flags, each shard once, ranges that
// tile the nodes.
func checkParts(parts []*part) error {
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].rec.Shard < parts[b].rec.Shard })
	a := parts[0]
	for _, p := range parts[1:] {
		x, y := a.rec, p.rec
		switch {
		case x.Of != y.Of:
			return fmt.Errorf("%s: shard %d/%d, but %s is shard %d/%d: parts of runs cut %d and %d ways", p.path, y.Shard, y.Of, a.path, x.Shard, x.Of, y.Of, x.Of)
		case x.Graph != y.Graph || x.Nodes != y.Nodes:
			return fmt.Errorf("%s: cut from another graph than %s (fingerprints %s and %s)", p.path, a.path, y.Graph, x.Graph)
		case x.Format != y.Format:
			return fmt.Errorf("%s: format %s, but %s is %s", p.path, y.Format, a.path, x.Format)
		case !slices.Equal(x.Columns, y.Columns) || x.Names != y.Names || x.KeyNames != y.KeyNames:
			return fmt.Errorf("%s: columns %s (--names %s, --key-names %s), but %s has %s (--names %s, --key-names %s)", p.path,
				strings.Join(y.Columns, ","), y.Names, y.KeyNames, a.path, strings.Join(x.Columns, ","), x.Names, x.KeyNames)
		case x.Digits != y.Digits:
			return fmt.Errorf("%s: written with --digits %d, but %s with --digits %d", p.path, y.Digits, a.path, x.Digits)
		case !bytes.Equal(a.head, p.head):
			return fmt.Errorf("%s:1: header differs from %s's", p.path, a.path)
		}
	}
	byShard := make(map[int]*part, len(parts))
	for _, p := range parts {
		if q := byShard[p.rec.Shard]; q != nil {
			return fmt.Errorf("%s: shard %d/%d given twice (also %s)", p.path, p.rec.Shard, p.rec.Of, q.path)
		}
		byShard[p.rec.Shard] = p
	}
	next := 0
	for i := 1; i <= a.rec.Of; i++ {
		p := byShard[i]
		if p == nil {
			return fmt.Errorf("shard %d/%d missing: %s", i, a.rec.Of, neighbours(parts, i))
		}
		if p.rec.First != next {
			return fmt.Errorf("%s: shard %d/%d starts at node %d, but the shards before it end at node %d", p.path, i, p.rec.Of, p.rec.First, next-1)
		}
		next = p.rec.End
	}
	if next != a.rec.Nodes {
		return fmt.Errorf("%s: the last shard ends at node %d of %d", byShard[a.rec.Of].path, next-1, a.rec.Nodes)
	}
	return nil
}

// neighbours names the parts given next to the missing shard i, from
// parts sorted by shard.
func neighbours(parts []*part, i int) string {
	var s []string
	for j := len(parts) - 1; j >= 0; j-- {
		if parts[j].rec.Shard < i {
			s = append(s, fmt.Sprintf("after %s (shard %d)", parts[j].path, parts[j].rec.Shard))
			break
		}
	}
	for _, p := range parts {
		if p.rec.Shard > i {
			s = append(s, fmt.Sprintf("before %s (shard %d)", p.path, p.rec.Shard))
			break
		}
	}
	return "no part given " + strings.Join(s, " and ")
}

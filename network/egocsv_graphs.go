package network

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"math"
	"os"
	"slices"
	"unicode/utf8"

	"github.com/sociogram/sociogram/internal/csvscan"
)

// EgoGraphOptions says which alters the EgoGraphs of StreamEgoGraphs keep.
// The zero value keeps people: alters whose "type" attribute is person or
// missing, every alter when alters.csv has no such column (see
// EgoNet.OfNodeTypes).
type EgoGraphOptions struct {
	// NodeColumn is the alter attribute holding the node type; "" means
	// "type".
	NodeColumn string
	// Keep is the set of node types kept; the zero value is people.
	Keep NodeTypeSet
}

func (o EgoGraphOptions) nodeColumn() string {
	if o.NodeColumn == "" {
		return "type"
	}
	return o.NodeColumn
}

// StreamEgoGraphs reads a study in the three-table ego CSV layout as
// StreamEgoCSV does and passes fn the structure of each ego network, in
// the order of egos.csv: the EgoGraph of StreamEgoCSV's EgoNet restricted
// to the node types gopt keeps (EgoNet.OfNodeTypes), with the same alters
// in the same order, the same ties and weights. It is the reading path of
// `sociogram egos` for the structural measures: it keeps no Dataset and
// no attributes, and allocates nothing per row on the usual files.
//
// The EgoGraph passed to fn, its slices and its strings' memory are reused:
// fn must not keep them beyond its return. An error from fn stops the
// reading and is returned as it is. The Report and every other error are
// those of StreamEgoCSV, as are its requirements: rows of alters.csv and
// aaties.csv grouped by ego in the order of egos.csv (else an error
// wrapping ErrUngrouped), and errors in the order of the stream, so fn may
// have been called for earlier egos.
//
// How: egos.csv is read once, for its keys; the rows of the other tables
// are split in place (internal/csvscan: encoding/csv's records as slices
// of a reused buffer), alter IDs are found in a hash
// table reused from ego to ego, and ties are sorted and merged in a
// reused slice. Anything that path does not read exactly as StreamEgoCSV
// — a record it does not split as encoding/csv would, an error of any
// kind, attribute columns of aaties.csv (duplicate ties then compare their
// attributes) — hands the stream over to StreamEgoCSV, which reads the
// files again from the start and gives fn the egos it has not had yet.
//
// Memory: StreamEgoCSV's ego index (about 40 bytes per ego plus the IDs)
// and the largest ego network, whatever the number of egos.
func StreamEgoGraphs(egos, alters, ties string, opt EgoCSVOptions, gopt EgoGraphOptions, fn func(*EgoGraph) error) (Report, error) {
	delivered := 0
	rep, err := streamEgoGraphsFast(egos, alters, ties, opt, gopt, func(g *EgoGraph) error {
		delivered++
		return fn(g)
	})
	if err != errHandOver {
		return rep, err
	}
	// The exact reader, from the start; the egos fn has had are skipped.
	var g EgoGraph
	col := gopt.nodeColumn()
	return StreamEgoCSV(egos, alters, ties, opt, func(e *EgoNet) error {
		if delivered > 0 {
			delivered--
			return nil
		}
		g.set(e.OfNodeTypes(col, gopt.Keep))
		return fn(&g)
	})
}

// set makes g the structure of e, reusing g's slices.
func (g *EgoGraph) set(e *EgoNet) {
	g.ID, g.Wave, g.Directed, g.IDColumn = e.ID, e.Wave, e.Directed(), e.Dataset().EgoIDColumn
	g.AlterWeights = g.AlterWeights[:0]
	for _, a := range e.Alters {
		g.AlterWeights = append(g.AlterWeights, a.Weight)
	}
	g.Ties = g.Ties[:0]
	for _, t := range e.Ties {
		g.Ties = append(g.Ties, EgoTie{From: int32(t.From), To: int32(t.To), Weight: t.Weight})
	}
}

// errHandOver stops the fast path of StreamEgoGraphs: StreamEgoCSV reads
// the stream instead.
var errHandOver = errors.New("ego CSV handed over to the exact reader")

// fastTable is one table read by the fast path: its scanner and the
// record it holds back for the next ego.
type fastTable struct {
	s    *csvscan.Scanner
	skip int // 1 when the first column holds row names
	rec  [][]byte
	ego  int // the held record's ego; -1 when none is held
	eof  bool
	// The last ego ID and wave looked up in the ego index, and the result.
	lastID, lastWave []byte
	lastEgo          int
}

// openFast opens a table for the fast path: through the Input (and its
// guard) when gzip, as a plain file behind a recordBound otherwise, with
// a byte-order mark removed and the header record read.
func openFast(path string, comma rune, lim Limits) (*fastTable, func(), error) {
	var r io.Reader
	var closer io.Closer
	in, err := Open(path)
	if err != nil {
		return nil, func() {}, err
	}
	if in.gz {
		in.SetLimits(lim)
		if err := in.setCSV(comma); err != nil {
			in.Close()
			return nil, func() {}, err
		}
		r, closer = in, in
	} else {
		in.Close()
		f, err := os.Open(path)
		if err != nil {
			return nil, func() {}, err
		}
		var head [3]byte
		n, _ := io.ReadFull(f, head[:])
		r, closer = f, f
		if n < 3 || !bytes.Equal(head[:], []byte{0xEF, 0xBB, 0xBF}) {
			r = io.MultiReader(bytes.NewReader(append([]byte(nil), head[:n]...)), f)
		}
		limit := lim.withDefaults().MaxRecordBytes
		if limit <= 0 {
			limit = math.MaxInt / 2
		}
		r = &recordBound{r: r, limit: limit}
	}
	t := &fastTable{s: csvscan.NewReader(r, csvscan.Options{Comma: comma}), ego: -1, lastEgo: -1}
	if _, err := t.next(); err != nil { // the header
		closer.Close()
		return nil, func() {}, errHandOver
	}
	return t, func() { closer.Close() }, nil
}

// next returns the next record, io.EOF at the end, or errHandOver for an
// error or a record that the exact reader reads otherwise or refuses (a
// field that is not UTF-8 or holds a carriage return: encoding/csv keeps
// a bare one, the Input's guard refuses one outside quotes).
func (t *fastTable) next() ([][]byte, error) {
	if !t.s.Scan() {
		if t.s.Err() == nil {
			return nil, io.EOF
		}
		return nil, errHandOver
	}
	rec := t.s.Fields()
	for _, f := range rec {
		if bytes.IndexByte(f, '\r') >= 0 || !utf8.Valid(f) {
			return nil, errHandOver
		}
	}
	return rec, nil
}

// field returns column c of the held record, trimmed as the readers trim.
func (t *fastTable) field(c int) []byte {
	if c < 0 {
		return nil
	}
	return trimSpace(t.rec[c+t.skip])
}

// trimSpace is bytes.TrimSpace, quicker for a field that starts and ends
// with a printable ASCII byte, as most do.
func trimSpace(f []byte) []byte {
	if n := len(f); n > 0 && f[0] > ' ' && f[0] < 0x80 && f[n-1] > ' ' && f[n-1] < 0x80 {
		return f
	}
	return bytes.TrimSpace(f)
}

// read makes t hold the next record and finds its ego; false at the end.
//
// The next ego's rows usually follow the current one's: their key is
// compared with those two egos' before it is looked up (when the table
// has the wave column, or the study has none: a row without a wave in a
// study with waves needs the look-up's checks).
func (t *fastTable) read(keys *egoIndex, egoc, wavec int, waves bool, cur int) (bool, error) {
	if t.ego >= 0 {
		return true, nil
	}
	if t.eof {
		return false, nil
	}
	rec, err := t.next()
	if err == io.EOF {
		t.eof = true
		return false, nil
	}
	if err != nil {
		return false, errHandOver
	}
	t.rec = rec
	id, wave := t.field(egoc), t.field(wavec)
	switch {
	case t.lastEgo >= 0 && bytes.Equal(id, t.lastID) && bytes.Equal(wave, t.lastWave):
		t.ego = t.lastEgo
	case (wavec >= 0 || !waves) && keys.is(cur, id, wave):
		t.ego = cur
	case (wavec >= 0 || !waves) && keys.is(cur+1, id, wave):
		t.ego = cur + 1
	default:
		k, err := keys.find(string(id), string(wave))
		if err != nil {
			return false, errHandOver
		}
		t.ego, t.lastEgo = k, k
		t.lastID = append(t.lastID[:0], id...)
		t.lastWave = append(t.lastWave[:0], wave...)
	}
	if t.ego < cur {
		return false, errHandOver // not grouped
	}
	return true, nil
}

// exactWeight reads a weight of up to 15 digits with at most one decimal
// point (either mark, as the table reads numbers) exactly as
// strconv.ParseFloat does: the digits are a whole number below 2⁵³ and
// the power of ten is exact, so one correctly rounded division gives the
// nearest float64. ok is false for anything else.
func exactWeight(s []byte, decimal byte) (float64, bool) {
	var m uint64
	digits, frac, point := 0, 0, false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == decimal && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	return float64(m) / pow10[frac], true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// readFast is weightCol.read on a trimmed field; false hands over.
func (w *weightCol) readFast(s []byte) (weight float64, keep, ok bool) {
	if w.col < 0 {
		return 1, true, true
	}
	if len(s) == 0 || string(s) == "NA" {
		switch w.policy.Action {
		case MissingDrop:
			w.dropped++
			return 0, false, true
		case MissingFill:
			w.filled++
			return w.policy.Value, true, true
		}
		return 0, false, false
	}
	if v, ok := exactWeight(s, byte(w.t.decimal)); ok {
		return v, true, true
	}
	v, err := parseWeight(w.t.number(string(s)))
	if err != nil {
		return 0, false, false
	}
	return v, true, true
}

// alterTable finds an ego's alters by ID: the IDs one after another in one
// byte slice, found by open addressing; reset reuses it for the next ego.
type alterTable struct {
	seed  maphash.Seed
	ids   []byte
	start []int32 // alter j: ids[start[j]:start[j+1]]
	slots []int32 // alter + 1, 0 when empty
}

func (a *alterTable) reset() {
	a.ids = a.ids[:0]
	a.start = append(a.start[:0], 0)
	if len(a.slots) == 0 {
		a.seed = maphash.MakeSeed()
		a.slots = make([]int32, 64)
	}
	clear(a.slots)
}

func (a *alterTable) slot(id []byte) int {
	mask := len(a.slots) - 1
	for i := int(maphash.Bytes(a.seed, id)) & mask; ; i = (i + 1) & mask {
		e := a.slots[i]
		if e == 0 || bytes.Equal(a.ids[a.start[e-1]:a.start[e]], id) {
			return i
		}
	}
}

// find returns the alter with this ID, or −1.
func (a *alterTable) find(id []byte) int32 {
	return a.slots[a.slot(id)] - 1
}

// add adds the next alter; false when the ID is there already.
func (a *alterTable) add(id []byte) bool {
	n := len(a.start) - 1
	if 2*(n+1) > len(a.slots) {
		a.slots = make([]int32, 2*len(a.slots))
		for j := 1; j <= n; j++ {
			a.slots[a.slot(a.ids[a.start[j-1]:a.start[j]])] = int32(j)
		}
	}
	i := a.slot(id)
	if a.slots[i] != 0 {
		return false
	}
	a.ids = append(a.ids, id...)
	a.start = append(a.start, int32(len(a.ids)))
	a.slots[i] = int32(n + 1)
	return true
}

// rawTie is a tie as read, before sorting and merging.
type rawTie struct {
	from, to int32
	w        float64
}

// streamEgoGraphsFast is the fast path of StreamEgoGraphs. It returns
// errHandOver for anything it does not read exactly as StreamEgoCSV, an
// error from fn as it is, or StreamEgoCSV's Report.
func streamEgoGraphsFast(egos, alters, ties string, opt EgoCSVOptions, gopt EgoGraphOptions, fn func(*EgoGraph) error) (Report, error) {
	opt = opt.withDefaults()
	var rep Report
	if egos == "" || alters == "" || opt.checkMissing() != nil {
		return rep, errHandOver
	}
	// The headers, as StreamEgoCSV reads them (its Report entries too).
	h, closeAll, err := openEgoHeaders(egos, alters, ties, opt, &rep)
	defer closeAll()
	if err != nil {
		return rep, errHandOver
	}
	et, at, tt := h.et, h.at, h.tt
	alterWeight, tieWeight, ignored := h.alterWeight, h.tieWeight, h.ignored
	aw, tw, egoCol, waveCol := h.aw, h.tw, h.egoCol, h.waveCol
	aEgo, err := at.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID")
	if err != nil {
		return rep, errHandOver
	}
	aID, err := at.needAny(columnNames(opt.AlterID, alterIDNames), "EgoCSVOptions.AlterID")
	if err != nil {
		return rep, errHandOver
	}
	aWave := -1
	if opt.Wave != "" {
		aWave = at.optional(opt.Wave)
	}
	tEgo, tSrc, tDst, tWave := -1, -1, -1, -1
	if tt != nil {
		if tEgo, err = tt.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID"); err != nil {
			return rep, errHandOver
		}
		if tSrc, err = tt.needAny(columnNames(opt.Source, sourceNames), "EgoCSVOptions.Source"); err != nil {
			return rep, errHandOver
		}
		if tDst, err = tt.needAny(columnNames(opt.Target, targetNames), "EgoCSVOptions.Target"); err != nil {
			return rep, errHandOver
		}
		if opt.Wave != "" {
			tWave = tt.optional(opt.Wave)
		}
		// Tie attributes: a duplicate tie must repeat them, and tie types
		// merge; the exact reader compares them.
		for i := range tt.header {
			if !slices.Contains([]int{tEgo, tSrc, tDst, tWave, tieWeight, ignored}, i) {
				return rep, errHandOver
			}
		}
	}
	nodeCol := at.optional(gopt.nodeColumn())
	if slices.Contains([]int{aEgo, aID, aWave, alterWeight}, nodeCol) || gopt.Keep.All() {
		nodeCol = -1 // not an attribute, or every alter kept
	}
	tieName := "aaties.csv"
	if tt != nil {
		tieName = tt.file
	}

	// Pass 1: the ego keys, checked as StreamEgoCSV and AddEgo check them.
	ef, closeE, err := openFast(egos, et.comma, opt.Limits)
	if err != nil {
		return rep, errHandOver
	}
	defer closeE()
	ef.skip = et.skip
	keys := newEgoIndex()
	for {
		rec, err := ef.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rep, errHandOver
		}
		ef.rec = rec
		id, wave := ef.field(egoCol), ef.field(waveCol)
		if waveCol >= 0 && checkID("wave", string(wave)) != nil {
			return rep, errHandOver
		}
		if keys.add(string(id), string(wave)) != nil {
			return rep, errHandOver
		}
	}
	if len(keys.mid) == 0 {
		return rep, errHandOver
	}
	af, closeA, err := openFast(alters, at.comma, opt.Limits)
	if err != nil {
		return rep, errHandOver
	}
	defer closeA()
	af.skip = at.skip
	var tf *fastTable
	if tt != nil {
		var closeT func()
		if tf, closeT, err = openFast(ties, tt.comma, opt.Limits); err != nil {
			return rep, errHandOver
		}
		defer closeT()
		tf.skip = tt.skip
	}

	// Pass 2: one ego at a time, in reused memory.
	var (
		g       EgoGraph
		alts    alterTable
		raw     []rawTie
		kept    []bool
		remap   []int32
		dropped [][]byte
		stats   BuildStats
		ofDrop  int
		// The last source looked up among the current ego's alters.
		lastSrc  []byte
		lastF    int32
		srcValid bool
	)
	g.Directed = opt.Directed
	g.IDColumn = et.header[egoCol]
	tieWeighted := tieWeight >= 0
	for cur := range keys.mid {
		g.ID, g.Wave = keys.id(cur), keys.wave(cur)
		alts.reset()
		g.AlterWeights = g.AlterWeights[:0]
		kept = kept[:0]
		dropped = dropped[:0]
		for {
			ok, err := af.read(keys, aEgo, aWave, waveCol >= 0, cur)
			if err != nil {
				return rep, err
			}
			if !ok || af.ego > cur {
				break
			}
			af.ego = -1
			w, keep, ok := aw.readFast(af.field(alterWeight))
			if !ok {
				return rep, errHandOver
			}
			id := af.field(aID)
			if !keep {
				dropped = append(dropped, id)
				continue
			}
			if len(id) == 0 || string(id) == "NA" || !alts.add(id) {
				return rep, errHandOver // checkID, or an alter twice
			}
			g.AlterWeights = append(g.AlterWeights, w)
			if nodeCol >= 0 {
				kept = append(kept, gopt.Keep.Has(at.value(string(af.rec[nodeCol+af.skip]))))
			}
		}
		// dropped holds slices of records read since: copy them out.
		for i, d := range dropped {
			dropped[i] = append([]byte(nil), d...)
		}
		raw = raw[:0]
		srcValid = false
		for tf != nil {
			ok, err := tf.read(keys, tEgo, tWave, waveCol >= 0, cur)
			if err != nil {
				return rep, err
			}
			if !ok || tf.ego > cur {
				break
			}
			tf.ego = -1
			s, d := tf.field(tSrc), tf.field(tDst)
			if len(dropped) > 0 && slices.ContainsFunc(dropped, func(x []byte) bool { return bytes.Equal(x, s) || bytes.Equal(x, d) }) {
				ofDrop++
				continue
			}
			w, keep, ok := tw.readFast(tf.field(tieWeight))
			if !ok {
				return rep, errHandOver
			}
			if !keep {
				continue
			}
			// Exports list a source's ties one after another.
			if !srcValid || !bytes.Equal(s, lastSrc) {
				lastSrc, lastF, srcValid = append(lastSrc[:0], s...), alts.find(s), true
			}
			f, t := lastF, alts.find(d)
			if f < 0 || t < 0 {
				return rep, errHandOver // not an alter of this ego
			}
			if f == t {
				stats.SelfLoops++
				continue
			}
			if !opt.Directed && f > t {
				f, t = t, f
			}
			if !tieWeighted {
				w = 1
			}
			raw = append(raw, rawTie{f, t, w})
		}
		// Build: sorted, duplicates merged in the order read.
		slices.SortStableFunc(raw, func(x, y rawTie) int {
			if x.from != y.from {
				return int(x.from - y.from)
			}
			return int(x.to - y.to)
		})
		g.Ties = g.Ties[:0]
		for _, r := range raw {
			if n := len(g.Ties); n > 0 && g.Ties[n-1].From == r.from && g.Ties[n-1].To == r.to {
				stats.Duplicates++
				if tieWeighted {
					g.Ties[n-1].Weight += r.w
					if math.IsInf(g.Ties[n-1].Weight, 0) {
						return rep, errHandOver
					}
				}
				continue
			}
			g.Ties = append(g.Ties, EgoTie{From: r.from, To: r.to, Weight: r.w})
		}
		if nodeCol >= 0 && slices.Contains(kept, false) {
			remap = remap[:0]
			n := int32(0)
			for j, k := range kept {
				remap = append(remap, -1)
				if k {
					remap[j] = n
					g.AlterWeights[n] = g.AlterWeights[j]
					n++
				}
			}
			g.AlterWeights = g.AlterWeights[:n]
			ties := g.Ties[:0]
			for _, t := range g.Ties {
				if f, to := remap[t.From], remap[t.To]; f >= 0 && to >= 0 {
					ties = append(ties, EgoTie{From: f, To: to, Weight: t.Weight})
				}
			}
			g.Ties = ties
		}
		if err := fn(&g); err != nil {
			return rep, err
		}
	}
	// Rows left over belong to egos already passed on, or to none.
	if ok, _ := af.read(keys, aEgo, aWave, waveCol >= 0, 0); ok || !af.eof {
		return rep, errHandOver
	}
	if tf != nil {
		if ok, _ := tf.read(keys, tEgo, tWave, waveCol >= 0, 0); ok || !tf.eof {
			return rep, errHandOver
		}
	}
	rep.addStats(tieName, stats)
	aw.report(&rep, RepairMissingAlterWeightDropped)
	tw.report(&rep, RepairMissingTieWeightDropped)
	rep.Add(tieName, RepairTiesOfDroppedAlters, ofDrop)
	return rep, nil
}

// is reports whether ego k (which may be past the last) has this ID and
// wave.
func (x *egoIndex) is(k int, id, wave []byte) bool {
	return k < len(x.mid) && bytes.Equal(x.keys[x.start[k]:x.mid[k]], id) && bytes.Equal(x.keys[x.mid[k]:x.start[k+1]], wave)
}

package network

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
)

// ErrUngrouped says that a row of alters.csv or aaties.csv breaks the
// grouping that StreamEgoCSV needs: its ego came earlier in egos.csv and
// that ego's rows were already passed on.
var ErrUngrouped = errors.New("rows not grouped by ego in the order of egos.csv")

// StreamEgoCSV reads a study in the three-table ego CSV layout as
// ReadEgoCSV does, but passes each ego network to fn as soon as it is
// complete instead of keeping the whole study, so that memory does not grow
// with the number of alters and ties in the files. It needs the usual export
// order: the rows of alters.csv and aaties.csv grouped by ego, the groups in
// the order of egos.csv (an ego may have no rows). fn is called once per ego
// in the order of egos.csv, egos without alters included; an error from fn
// stops the reading and is returned as it is.
//
// Each EgoNet passed to fn belongs to a Dataset of its own that holds only
// that ego (Dataset().Egos has length 1) but shares the attribute schemas of
// the stream: a schema gains columns and kinds as rows are read, so the kind
// of an attribute is that of the values read so far, not of the whole file
// (ReadEgoCSV decides it from the whole file). fn must not keep the EgoNet's
// slices beyond its return if memory is to stay bounded; it may keep the
// EgoNet itself.
//
// Validation and errors are those of ReadEgoCSV (file:line, the same
// messages and sentinel errors) with two differences: errors come in the
// order of the stream, so fn may have been called for earlier egos, and a row
// whose ego was already passed to fn is an error wrapping ErrUngrouped
// naming its line (read such files with ReadEgoCSV); so is a tie to an
// alter not among the rows of its ego read so far, which may be an unknown
// alter or one that an ungrouped alters.csv lists further down (the error
// wraps both ErrUnknownAlter and ErrUngrouped). egos.csv is read twice:
// first its ID and wave columns, to check them and to find each row's ego,
// then with its attributes, as the other tables are read. The Report counts
// what ReadEgoCSV's would.
//
// Memory: a compact index of the ego IDs (about 40 bytes per ego plus the
// IDs) and the largest ego network.
// Time: that of ReadEgoCSV.
func StreamEgoCSV(egos, alters, ties string, opt EgoCSVOptions, fn func(*EgoNet) error) (Report, error) {
	opt = opt.withDefaults()
	var rep Report
	if egos == "" || alters == "" {
		return rep, errors.New("ego CSV needs an egos and an alters file")
	}
	if err := opt.checkMissing(); err != nil {
		return rep, err
	}
	// Headers and columns, in ReadEgoCSV's order.
	h, closeAll, err := openEgoHeaders(egos, alters, ties, opt, &rep)
	defer closeAll()
	if err != nil {
		return rep, err
	}
	ein, et, at, tt := h.ein, h.et, h.at, h.tt
	alterWeight, tieWeight, ignored := h.alterWeight, h.tieWeight, h.ignored
	aw, tw, egoCol, waveCol := h.aw, h.tw, h.egoCol, h.waveCol
	dopt := DatasetOptions{Directed: opt.Directed, AlterWeighted: alterWeight >= 0, TieWeighted: tieWeight >= 0, WaveColumn: opt.Wave, TieType: opt.TieType}

	// Pass 1: the ego keys, checked as ReadEgoCSV checks them.
	keys := newEgoIndex()
	rows := 0
	for {
		rec, err := et.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rep, err
		}
		rows++
		id := strings.TrimSpace(rec[egoCol])
		wave := ""
		if waveCol >= 0 {
			wave = strings.TrimSpace(rec[waveCol])
		}
		if err := keys.add(id, wave); err != nil {
			return rep, et.errf(err, "")
		}
	}
	if rows == 0 {
		return rep, &ParseError{File: et.file, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}
	if err := ein.Close(); err != nil {
		return rep, err
	}
	if ein, err = Open(egos); err != nil {
		return rep, err
	}
	defer ein.Close()
	ein.SetLimits(opt.Limits)
	if et, err = newCSVTable(ein, opt.Comma, opt.Decimal); err != nil {
		return rep, err
	}

	// The columns of alters.csv and aaties.csv.
	aEgo, err := at.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID")
	if err != nil {
		return rep, err
	}
	aID, err := at.needAny(columnNames(opt.AlterID, alterIDNames), "EgoCSVOptions.AlterID")
	if err != nil {
		return rep, err
	}
	aWave := -1
	if opt.Wave != "" {
		aWave = at.optional(opt.Wave)
	}
	var tEgo, tSrc, tDst, tWave int
	if tt != nil {
		if tEgo, err = tt.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID"); err != nil {
			return rep, err
		}
		if tSrc, err = tt.needAny(columnNames(opt.Source, sourceNames), "EgoCSVOptions.Source"); err != nil {
			return rep, err
		}
		if tDst, err = tt.needAny(columnNames(opt.Target, targetNames), "EgoCSVOptions.Target"); err != nil {
			return rep, err
		}
		tWave = -1
		if opt.Wave != "" {
			tWave = tt.optional(opt.Wave)
		}
	}

	// The schemas shared by every ego's Dataset, with ReadEgoCSV's columns.
	shared := NewDatasetBuilder(dopt).ds
	shared.EgoIDColumn = et.header[egoCol]
	egoAttr := attrColumns(et.header, shared.EgoAttrs, egoCol, waveCol)
	alterAttr := attrColumns(at.header, shared.AlterAttrs, aEgo, aID, aWave, alterWeight)
	var tieAttr []int
	if tt != nil {
		tieAttr = attrColumns(tt.header, shared.TieAttrs, tEgo, tSrc, tDst, tWave, tieWeight, ignored)
	}

	// Pass 2: one ego at a time. pending holds the next row of alters.csv
	// and aaties.csv with the index of its ego, or -1 when not read yet.
	aPend := streamRow{ego: -1}
	tPend := streamRow{ego: -1}
	readRow := func(t *csvTable, p *streamRow, egoc, wavec int) error {
		rec, err := t.next()
		if err == io.EOF {
			p.eof = true
			return nil
		}
		if err != nil {
			return err
		}
		p.rec, p.line = rec, t.line
		ei, err := keys.find(strings.TrimSpace(rec[egoc]), field(rec, wavec))
		if err != nil {
			return t.errf(err, "")
		}
		p.ego = ei
		return nil
	}
	// next makes sure p holds the next row, if any.
	next := func(t *csvTable, p *streamRow, egoc, wavec int, cur int) error {
		if p.ego < 0 && !p.eof {
			if err := readRow(t, p, egoc, wavec); err != nil {
				return err
			}
		}
		if !p.eof && p.ego < cur {
			return errAt(t.file, p.line, ErrUngrouped, "its ego %q comes earlier in %s and its rows were already read", strings.TrimSpace(p.rec[egoc]), et.file)
		}
		return nil
	}
	var stats BuildStats
	tieName := "aaties.csv"
	if tt != nil {
		tieName = tt.file
	}
	var tieLines []int32
	tiesOfDropped := 0
	for cur := 0; ; cur++ {
		rec, err := et.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rep, err
		}
		b := NewDatasetBuilder(dopt)
		b.ds.EgoAttrs, b.ds.AlterAttrs, b.ds.TieAttrs = shared.EgoAttrs, shared.AlterAttrs, shared.TieAttrs
		b.ds.EgoIDColumn = shared.EgoIDColumn
		id := strings.TrimSpace(rec[egoCol])
		wave := ""
		if waveCol >= 0 {
			wave = strings.TrimSpace(rec[waveCol])
		}
		if err := b.AddEgo(id, wave, et.attrs(rec, egoAttr)); err != nil {
			return rep, waveHint(et.errf(err, ""), waveCol)
		}
		dropped := droppedAlters{}
		for {
			if err := next(at, &aPend, aEgo, aWave, cur); err != nil {
				return rep, err
			}
			if aPend.eof || aPend.ego > cur {
				break
			}
			r := aPend.rec
			aPend.ego = -1
			w, keep, err := aw.read(r, aPend.line)
			if err != nil {
				return rep, err
			}
			if !keep {
				dropped[[2]string{id, strings.TrimSpace(r[aID])}] = true
				continue
			}
			if err := b.AddAlter(id, wave, strings.TrimSpace(r[aID]), w, at.attrs(r, alterAttr)); err != nil {
				return rep, errAt(at.file, aPend.line, err, "")
			}
		}
		tieLines = tieLines[:0]
		for tt != nil {
			if err := next(tt, &tPend, tEgo, tWave, cur); err != nil {
				return rep, err
			}
			if tPend.eof || tPend.ego > cur {
				break
			}
			r := tPend.rec
			tPend.ego = -1
			s, d := strings.TrimSpace(r[tSrc]), strings.TrimSpace(r[tDst])
			if dropped.has(id, s, d) {
				tiesOfDropped++
				continue
			}
			w, keep, err := tw.read(r, tPend.line)
			if err != nil {
				return rep, err
			}
			if !keep {
				continue
			}
			tieLines = append(tieLines, int32(tPend.line))
			if err := b.AddTie(id, wave, s, d, w, tt.attrs(r, tieAttr)); err != nil {
				if errors.Is(err, ErrUnknownAlter) {
					// Perhaps listed later in an ungrouped alters.csv.
					err = fmt.Errorf("%w; if %s lists it further down, %w", err, at.file, ErrUngrouped)
				}
				return rep, errAt(tt.file, tPend.line, err, "")
			}
		}
		ds, st, conflict := b.build()
		if conflict != nil {
			return rep, &ParseError{File: tieName, Line: int(tieLines[conflict.seq]), Err: conflict.err}
		}
		stats.SelfLoops += st.SelfLoops
		stats.Duplicates += st.Duplicates
		if err := fn(ds.Egos[0]); err != nil {
			return rep, err
		}
	}
	// Rows left over belong to egos already passed on.
	if err := next(at, &aPend, aEgo, aWave, int(^uint(0)>>1)); err != nil {
		return rep, err
	}
	if tt != nil {
		if err := next(tt, &tPend, tEgo, tWave, int(^uint(0)>>1)); err != nil {
			return rep, err
		}
	}
	rep.addStats(tieName, stats)
	aw.report(&rep, RepairMissingAlterWeightDropped)
	tw.report(&rep, RepairMissingTieWeightDropped)
	rep.Add(tieName, RepairTiesOfDroppedAlters, tiesOfDropped)
	return rep, nil
}

// streamRow is the next row of a table read by StreamEgoCSV.
type streamRow struct {
	rec  []string
	line int
	ego  int // index of its ego in egos.csv; -1 when no row is held
	eof  bool
}

// egoIndex finds an ego's position in egos.csv by ID and wave, with the
// checks and messages of DatasetBuilder's AddEgo and ego lookup, in about 40
// bytes per ego plus the ID and wave bytes: the keys are kept one after
// another in one byte slice and found through two open-addressing tables,
// one by (ID, wave) and one by ID.
type egoIndex struct {
	seed   maphash.Seed
	keys   []byte  // ego k: ID keys[start[k]:mid[k]], wave keys[mid[k]:start[k+1]]
	start  []int   // len = egos + 1
	mid    []int   // len = egos
	waves  []int32 // for the first ego of each ID: how many egos have that ID
	byKey  []int32 // open addressing on (ID, wave): ego + 1, 0 when empty
	byID   []int32 // open addressing on ID: first ego with it + 1
	filled int
}

func newEgoIndex() *egoIndex {
	return &egoIndex{seed: maphash.MakeSeed(), start: []int{0}, byKey: make([]int32, 64), byID: make([]int32, 64)}
}

func (x *egoIndex) id(k int) string   { return string(x.keys[x.start[k]:x.mid[k]]) }
func (x *egoIndex) wave(k int) string { return string(x.keys[x.mid[k]:x.start[k+1]]) }

func (x *egoIndex) hashKey(id, wave string) uint64 {
	var h maphash.Hash
	h.SetSeed(x.seed)
	h.WriteString(id)
	h.WriteByte(0)
	h.WriteString(wave)
	return h.Sum64()
}

func (x *egoIndex) hashID(id string) uint64 { return maphash.String(x.seed, id) }

// slotKey returns the slot of (id, wave) in byKey: the one holding it, or the
// empty one where it would go.
func (x *egoIndex) slotKey(id, wave string) int {
	mask := len(x.byKey) - 1
	for i := int(x.hashKey(id, wave)) & mask; ; i = (i + 1) & mask {
		e := x.byKey[i]
		if e == 0 {
			return i
		}
		k := int(e - 1)
		if string(x.keys[x.start[k]:x.mid[k]]) == id && string(x.keys[x.mid[k]:x.start[k+1]]) == wave {
			return i
		}
	}
}

// slotID is slotKey for byID.
func (x *egoIndex) slotID(id string) int {
	mask := len(x.byID) - 1
	for i := int(x.hashID(id)) & mask; ; i = (i + 1) & mask {
		e := x.byID[i]
		if e == 0 || string(x.keys[x.start[e-1]:x.mid[e-1]]) == id {
			return i
		}
	}
}

// add adds the next ego of egos.csv, with AddEgo's errors.
func (x *egoIndex) add(id, wave string) error {
	if err := checkID("ego", id); err != nil {
		return err
	}
	if x.byKey[x.slotKey(id, wave)] != 0 {
		return duplicateEgo(id, wave)
	}
	if 2*(x.filled+1) > len(x.byKey) {
		x.grow()
	}
	k := len(x.mid)
	x.keys = append(x.keys, id...)
	x.mid = append(x.mid, len(x.keys))
	x.keys = append(x.keys, wave...)
	x.start = append(x.start, len(x.keys))
	x.waves = append(x.waves, 0)
	x.byKey[x.slotKey(id, wave)] = int32(k + 1)
	i := x.slotID(id)
	if x.byID[i] == 0 {
		x.byID[i] = int32(k + 1)
	}
	x.waves[x.byID[i]-1]++
	x.filled++
	return nil
}

// grow doubles both tables and puts the egos back.
func (x *egoIndex) grow() {
	x.byKey = make([]int32, 2*len(x.byKey))
	x.byID = make([]int32, 2*len(x.byID))
	for k := range x.mid {
		x.byKey[x.slotKey(x.id(k), x.wave(k))] = int32(k + 1)
		if i := x.slotID(x.id(k)); x.byID[i] == 0 {
			x.byID[i] = int32(k + 1)
		}
	}
}

// find returns the ego of an alter or tie row, with the errors of
// DatasetBuilder's lookup: a row without a wave (wave == "" in a dataset
// with waves) needs an ID that is in one wave only.
func (x *egoIndex) find(id, wave string) (int, error) {
	if e := x.byKey[x.slotKey(id, wave)]; e != 0 {
		return int(e - 1), nil
	}
	if wave == "" {
		if e := x.byID[x.slotID(id)]; e != 0 {
			if n := x.waves[e-1]; n > 1 {
				return -1, fmt.Errorf("%w: ego %q appears in %d waves; the row needs a wave column", ErrUnknownEgo, id, n)
			}
			return int(e - 1), nil
		}
	}
	if wave != "" {
		return -1, fmt.Errorf("%w: %q in wave %q", ErrUnknownEgo, id, wave)
	}
	return -1, fmt.Errorf("%w: %q", ErrUnknownEgo, id)
}

// egoHeaders is what StreamEgoCSV and streamEgoGraphsFast read before the
// rows: the open egos file, the three tables past their headers, the weight
// columns and the ego key columns of egos.csv.
type egoHeaders struct {
	ein                             *Input
	et, at, tt                      *csvTable // tt is nil without a ties file
	alterWeight, tieWeight, ignored int
	aw, tw                          weightCol
	egoCol, waveCol                 int // waveCol is -1 without opt.Wave
}

// openEgoHeaders opens the ego CSV files, sets opt.Limits on them and reads
// their headers and key columns in ReadEgoCSV's order, adding a RepairBOM
// entry to rep for each file that starts with a byte order mark. opt must
// already have its defaults. closeAll closes the files and is set even when
// err is not nil.
func openEgoHeaders(egos, alters, ties string, opt EgoCSVOptions, rep *Report) (h egoHeaders, closeAll func(), err error) {
	ein, ain, tin, closeAll, err := openEgoFiles(egos, alters, ties)
	if err != nil {
		return h, closeAll, err
	}
	setLimits(opt.Limits, ein, ain, tin)
	h.ein = ein
	if h.et, err = newCSVTable(ein, opt.Comma, opt.Decimal); err != nil {
		return h, closeAll, err
	}
	if h.at, err = newCSVTable(ain, opt.Comma, opt.Decimal); err != nil {
		return h, closeAll, err
	}
	if tin != nil {
		if h.tt, err = newCSVTable(tin, opt.Comma, opt.Decimal); err != nil {
			return h, closeAll, err
		}
		if tin.BOM {
			rep.Add(tin.Name, RepairBOM, 1)
		}
	}
	for _, in := range []*Input{ein, ain} {
		if in.BOM {
			rep.Add(in.Name, RepairBOM, 1)
		}
	}
	if h.alterWeight, h.tieWeight, h.ignored, err = weightColumns(h.at, h.tt, opt); err != nil {
		return h, closeAll, err
	}
	h.aw = weightCol{t: h.at, col: h.alterWeight, policy: opt.MissingAlterWeight, what: "alter"}
	h.tw = weightCol{t: h.tt, col: h.tieWeight, policy: opt.MissingWeight, what: "tie"}
	if h.egoCol, err = h.et.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID"); err != nil {
		return h, closeAll, err
	}
	h.waveCol = -1
	if opt.Wave != "" {
		if h.waveCol, err = h.et.need(opt.Wave, "EgoCSVOptions.Wave"); err != nil {
			return h, closeAll, err
		}
	}
	return h, closeAll, nil
}

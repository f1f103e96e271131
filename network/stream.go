package network

import (
	"errors"
	"fmt"
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
// Memory: the ego IDs (about 100 bytes per ego) plus the largest ego network.
// Time: that of ReadEgoCSV.
func StreamEgoCSV(egos, alters, ties string, opt EgoCSVOptions, fn func(*EgoNet) error) (Report, error) {
	opt = opt.withDefaults()
	var rep Report
	var files []*Input
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	open := func(p string) (*Input, error) {
		if p == "" {
			return nil, nil
		}
		in, err := Open(p)
		if err != nil {
			return nil, err
		}
		files = append(files, in)
		return in, nil
	}
	if egos == "" || alters == "" {
		return rep, errors.New("ego CSV needs an egos and an alters file")
	}
	ein, err := open(egos)
	if err != nil {
		return rep, err
	}
	ain, err := open(alters)
	if err != nil {
		return rep, err
	}
	tin, err := open(ties)
	if err != nil {
		return rep, err
	}

	// Headers and columns, in ReadEgoCSV's order.
	et, err := newCSVTable(ein, opt.Comma)
	if err != nil {
		return rep, err
	}
	at, err := newCSVTable(ain, opt.Comma)
	if err != nil {
		return rep, err
	}
	var tt *csvTable
	if tin != nil {
		if tt, err = newCSVTable(tin, opt.Comma); err != nil {
			return rep, err
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
	tieWeight := -1
	if tt != nil && opt.Weight != "-" {
		if opt.Weight == "" {
			tieWeight = tt.optional("weight")
		} else if tieWeight, err = tt.need(opt.Weight, "--weight"); err != nil {
			return rep, err
		}
	}
	alterWeight := -1
	if opt.AlterWeight != "" {
		if alterWeight, err = at.need(opt.AlterWeight, "--alter-weight"); err != nil {
			return rep, err
		}
	}
	dopt := DatasetOptions{Directed: opt.Directed, AlterWeighted: alterWeight >= 0, TieWeighted: tieWeight >= 0, WaveColumn: opt.Wave}
	egoCol, err := et.need(opt.EgoID, "--ego-id")
	if err != nil {
		return rep, err
	}
	waveCol := -1
	if opt.Wave != "" {
		if waveCol, err = et.need(opt.Wave, "--wave"); err != nil {
			return rep, err
		}
	}

	// Pass 1: the ego keys, checked as ReadEgoCSV checks them.
	keys := NewDatasetBuilder(dopt)
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
		if err := keys.AddEgo(id, wave, nil); err != nil {
			return rep, et.errf(err, "")
		}
		// Keep only the index: the ego's row is read again in pass 2.
		keys.ds.Egos[len(keys.ds.Egos)-1] = nil
		keys.alters[len(keys.alters)-1] = nil
	}
	if rows == 0 {
		return rep, &ParseError{File: et.file, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}
	// Only the index (egoIndex, idWaves) is used from here on.
	keys.ds.Egos, keys.alters, keys.ties, keys.seqs = nil, nil, nil, nil
	if err := ein.Close(); err != nil {
		return rep, err
	}
	if ein, err = open(egos); err != nil {
		return rep, err
	}
	if et, err = newCSVTable(ein, opt.Comma); err != nil {
		return rep, err
	}

	// The columns of alters.csv and aaties.csv.
	aEgo, err := at.need(opt.EgoID, "--ego-id")
	if err != nil {
		return rep, err
	}
	aID, err := at.need(opt.AlterID, "--alter-id")
	if err != nil {
		return rep, err
	}
	aWave := -1
	if opt.Wave != "" {
		aWave = at.optional(opt.Wave)
	}
	var tEgo, tSrc, tDst, tWave int
	if tt != nil {
		if tEgo, err = tt.need(opt.EgoID, "--ego-id"); err != nil {
			return rep, err
		}
		if tSrc, err = tt.need(opt.Source, "--source"); err != nil {
			return rep, err
		}
		if tDst, err = tt.need(opt.Target, "--target"); err != nil {
			return rep, err
		}
		tWave = -1
		if opt.Wave != "" {
			tWave = tt.optional(opt.Wave)
		}
	}

	// The schemas shared by every ego's Dataset, with ReadEgoCSV's columns.
	shared := NewDatasetBuilder(dopt).ds
	egoAttr := attrColumns(et.header, shared.EgoAttrs, egoCol, waveCol)
	alterAttr := attrColumns(at.header, shared.AlterAttrs, aEgo, aID, aWave, alterWeight)
	var tieAttr []int
	if tt != nil {
		tieAttr = attrColumns(tt.header, shared.TieAttrs, tEgo, tSrc, tDst, tWave, tieWeight)
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
		ei, err := keys.ego(strings.TrimSpace(rec[egoc]), field(rec, wavec))
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
		id := strings.TrimSpace(rec[egoCol])
		wave := ""
		if waveCol >= 0 {
			wave = strings.TrimSpace(rec[waveCol])
		}
		if err := b.AddEgo(id, wave, rowAttrs(rec, egoAttr)); err != nil {
			return rep, et.errf(err, "")
		}
		for {
			if err := next(at, &aPend, aEgo, aWave, cur); err != nil {
				return rep, err
			}
			if aPend.eof || aPend.ego > cur {
				break
			}
			r := aPend.rec
			aPend.ego = -1
			w := 1.0
			if alterWeight >= 0 {
				if w, err = parseWeight(r[alterWeight]); err != nil {
					return rep, errAt(at.file, aPend.line, err, "column %q", opt.AlterWeight)
				}
			}
			if err := b.AddAlter(id, wave, strings.TrimSpace(r[aID]), w, rowAttrs(r, alterAttr)); err != nil {
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
			w := 1.0
			if tieWeight >= 0 {
				if w, err = parseWeight(r[tieWeight]); err != nil {
					return rep, errAt(tt.file, tPend.line, err, "column %q", tt.header[tieWeight])
				}
			}
			tieLines = append(tieLines, int32(tPend.line))
			if err := b.AddTie(id, wave, strings.TrimSpace(r[tSrc]), strings.TrimSpace(r[tDst]), w, rowAttrs(r, tieAttr)); err != nil {
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
	return rep, nil
}

// streamRow is the next row of a table read by StreamEgoCSV.
type streamRow struct {
	rec  []string
	line int
	ego  int // index of its ego in egos.csv; -1 when no row is held
	eof  bool
}

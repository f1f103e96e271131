package network

import (
	"fmt"
	"io"
	"strings"
)

// EgoWebOptions says how to read EgoWeb 2.0's CSV export. The zero value
// uses EgoWeb's own column names.
type EgoWebOptions struct {
	// EgoID is the ego ID column of both files; default "EgoID".
	EgoID string
	// TieQuestion is the alter-pair question whose answer says whether
	// two alters are tied; default: the first question column of the
	// alter-pair file.
	TieQuestion string
	// TieValues are the answers that mean a tie; empty means any positive
	// number. Answers are compared without regard to case or spaces.
	TieValues []string
	Directed  bool // "Alter 1" → "Alter 2" is an arc
	Comma     rune // field delimiter; 0 detects it from each header
}

// EgoWeb's column names (EgoWeb 2.0, github.com/qualintitative/egoweb:
// the ego-alter and alter-pair exports).
const (
	egowebAlterNumber = "Alter Number"
	egowebAlter1      = "Alter 1 Number"
	egowebAlter2      = "Alter 2 Number"
)

// egowebSkip are EgoWeb's codes for a question not answered: skipped by
// the interviewer or the survey logic, refused, don't know.
var egowebSkip = map[string]bool{"SKIPPED": true, "LOGIC_SKIP": true, "REFUSED": true, "DONT_KNOW": true, "-1": true, "": true, "NA": true}

// egowebPairColumns are the alter-pair file's columns that are not
// questions.
var egowebPairColumns = map[string]bool{"Interview ID": true, "EgoID": true, "Alter 1 Number": true, "Alter 1 Name": true,
	"Alter 2 Number": true, "Alter 2 Name": true, "Alter 1 ID": true, "Alter 2 ID": true, "Distance": true, "Link ID": true}

// ReadEgoWeb reads a study from EgoWeb 2.0's CSV export: the ego-alter file
// (one row per alter; the columns before "Alter Number" are the ego's, the
// ones after it the alter's: its name and the answers about it) and the
// alter-pair file (one row per pair of alters asked about: "Alter 1
// Number", "Alter 2 Number" and the answers about the pair); pairs may be
// "" for none. An ego row with an empty Alter Number is an ego who named no
// alters. The answer to the tie question decides whether a pair is tied;
// answers EgoWeb writes for a question not answered (SKIPPED, LOGIC_SKIP,
// REFUSED, DONT_KNOW, -1, empty) mean no tie and are counted in the Report.
//
// Errors name the file and line: a pair whose alter is not among its
// ego's, ego answers that differ between the rows of one ego.
func ReadEgoWeb(alters, pairs string, opt EgoWebOptions) (*Dataset, Report, error) {
	a, p, _, closeAll, err := openEgoFiles(alters, pairs, "")
	defer closeAll()
	if err != nil {
		return nil, Report{}, err
	}
	return ReadEgoWebFrom(a, p, opt)
}

// ReadEgoWebFrom is ReadEgoWeb on open inputs; pairs may be nil.
func ReadEgoWebFrom(alters, pairs *Input, opt EgoWebOptions) (*Dataset, Report, error) {
	var rep Report
	if opt.EgoID == "" {
		opt.EgoID = "EgoID"
	}
	at, err := newCSVTable(alters, opt.Comma)
	if err != nil {
		return nil, rep, err
	}
	if alters.BOM {
		rep.Add(alters.Name, RepairBOM, 1)
	}
	egoCol, err := at.need(opt.EgoID, "EgoWebOptions.EgoID")
	if err != nil {
		return nil, rep, err
	}
	numCol, err := at.need(egowebAlterNumber, "")
	if err != nil {
		return nil, rep, err
	}
	b := NewDatasetBuilder(DatasetOptions{Directed: opt.Directed})
	b.ds.EgoIDColumn = opt.EgoID
	egoAttr := make([]int, len(at.header))
	alterAttr := make([]int, len(at.header))
	for c, h := range at.header {
		egoAttr[c], alterAttr[c] = -1, -1
		switch {
		case c == egoCol || c == numCol:
		case c < numCol:
			egoAttr[c] = b.EgoAttrs().Add(h)
		default:
			alterAttr[c] = b.AlterAttrs().Add(h)
		}
	}
	type seen struct {
		line int
		rec  []string
	}
	egos := map[string]seen{}
	for {
		rec, err := at.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		id := strings.TrimSpace(rec[egoCol])
		if first, ok := egos[id]; ok {
			for c := 0; c < numCol; c++ {
				if egoAttr[c] >= 0 && strings.TrimSpace(first.rec[c]) != strings.TrimSpace(rec[c]) {
					return nil, rep, at.errf(ErrDuplicateID, "ego %q: column %q is %q here and %q on line %d; an ego's answers must be the same on all its rows", id, at.header[c], strings.TrimSpace(rec[c]), strings.TrimSpace(first.rec[c]), first.line)
				}
			}
		} else {
			egos[id] = seen{at.line, append([]string(nil), rec...)}
			if err := b.AddEgo(id, "", at.attrs(rec, egoAttr)); err != nil {
				return nil, rep, at.errf(err, "")
			}
		}
		num := strings.TrimSpace(rec[numCol])
		if num == "" {
			continue // an ego who named no alters
		}
		if err := b.AddAlter(id, "", num, 1, at.attrs(rec, alterAttr)); err != nil {
			return nil, rep, at.errf(err, "")
		}
	}
	if len(egos) == 0 {
		return nil, rep, &ParseError{File: at.file, Line: 1, Err: fmt.Errorf("%w: no alters after the header", ErrEmptyFile)}
	}
	name := "alter-pair file"
	var tieLines []int32
	skipped := 0
	if pairs != nil {
		pt, err := newCSVTable(pairs, opt.Comma)
		if err != nil {
			return nil, rep, err
		}
		name = pt.file
		if pairs.BOM {
			rep.Add(pairs.Name, RepairBOM, 1)
		}
		pEgo, err := pt.need(opt.EgoID, "EgoWebOptions.EgoID")
		if err != nil {
			return nil, rep, err
		}
		a1, err := pt.need(egowebAlter1, "")
		if err != nil {
			return nil, rep, err
		}
		a2, err := pt.need(egowebAlter2, "")
		if err != nil {
			return nil, rep, err
		}
		q := -1
		if opt.TieQuestion != "" {
			if q, err = pt.need(opt.TieQuestion, "EgoWebOptions.TieQuestion"); err != nil {
				return nil, rep, err
			}
		} else {
			for c, h := range pt.header {
				if !egowebPairColumns[h] && c != pEgo {
					q = c
					break
				}
			}
			if q < 0 {
				return nil, rep, &ParseError{File: pt.file, Line: 1, Err: fmt.Errorf("%w: no alter-pair question column; the header has %s", ErrMissingColumn, quoteList(pt.header))}
			}
		}
		values := map[string]bool{}
		for _, v := range opt.TieValues {
			values[strings.ToLower(strings.TrimSpace(v))] = true
		}
		for {
			rec, err := pt.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, rep, err
			}
			ans := strings.TrimSpace(rec[q])
			if egowebSkip[strings.ToUpper(ans)] {
				skipped++
				continue
			}
			tie := values[strings.ToLower(ans)]
			if len(values) == 0 {
				f, err := ParseNumber(ans)
				if err != nil {
					return nil, rep, pt.errf(ErrSyntax, "column %q: %v; give the answers that mean a tie", pt.header[q], err)
				}
				tie = f > 0
			}
			if !tie {
				continue
			}
			tieLines = append(tieLines, int32(pt.line))
			if err := b.AddTie(strings.TrimSpace(rec[pEgo]), "", strings.TrimSpace(rec[a1]), strings.TrimSpace(rec[a2]), 1, nil); err != nil {
				return nil, rep, pt.errf(err, "")
			}
		}
	}
	ds, st, conflict := b.build()
	if conflict != nil {
		return nil, rep, &ParseError{File: name, Line: int(tieLines[conflict.seq]), Err: conflict.err}
	}
	rep.addStats(name, st)
	rep.Add(name, RepairSkippedTieQuestions, skipped)
	return ds, rep, nil
}

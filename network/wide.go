package network

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// WideOptions describes a one-file ("wide") survey table: one row per ego,
// the alters' answers in numbered columns and the alter–alter ties as a
// half-matrix of columns, as GSS and ALLBUS name generators, Qualtrics and
// SPSS exports store them and egor's onefile_to_egor reads them. The zero
// value reads egor's names: alter columns "alter.sex.1", "alter.age.1",
// "alter.sex.2", ..., tie columns "tie_1_2", "tie_1_3", ....
type WideOptions struct {
	// EgoID is the ego ID column; default "egoID", else ".egoID".
	EgoID string
	// Wave is the wave column; empty means none.
	Wave string
	// AlterPrefix starts the name of every alter column (default "alter");
	// the rest is an attribute and the alter's number, "sex.1", "sex_1",
	// "sex1", or the number first, "1_sex", "1.sex" (a separator '.' or '_'
	// right after the prefix is dropped).
	AlterPrefix string
	// MaxAlters is the number of alter slots; 0 means the largest alter
	// number in the column names. A column of a larger number is an error.
	MaxAlters int
	// TieColumns is the pattern of the tie columns: {i} and {j} stand for
	// the two alters' numbers, e.g. "tie_{i}_{j}" (the default), "close{i}{j}"
	// (GSS; adjacent numbers are one digit each). A value is the tie's
	// weight: 0 means no tie; empty or NA means the question was not asked
	// or skipped (no tie; counted when both alters were named).
	TieColumns string
	// Weight "-" reads every non-zero tie value as a tie of weight 1;
	// otherwise ties are weighted by their value.
	Weight   string
	Directed bool // {i} → {j} is an arc
	Comma    rune // field delimiter; 0 detects it from the header
	Decimal  rune // decimal mark; 0 means ',' in ';'-separated files
}

// wideColumn is what a column of a wide table holds.
type wideColumn struct {
	kind  int // wideEgo, wideAlter, wideTie, wideKey
	alter int // alter number (alter columns)
	attr  int // schema column (ego and alter columns)
	i, j  int // tie columns
}

const (
	wideKey = iota
	wideEgo
	wideAlter
	wideTie
)

var (
	wideAttrFirst   = regexp.MustCompile(`^(.+?)[._]?([0-9]+)$`)
	wideNumberFirst = regexp.MustCompile(`^([0-9]+)[._](.+)$`)
)

// tiePattern compiles a TieColumns pattern.
func tiePattern(p string) (*regexp.Regexp, error) {
	if !strings.Contains(p, "{i}") || !strings.Contains(p, "{j}") {
		return nil, fmt.Errorf("tie column pattern %q: want {i} and {j} for the two alters' numbers", p)
	}
	num := `([0-9]+)`
	if strings.Contains(p, "{i}{j}") || strings.Contains(p, "{j}{i}") {
		num = `([0-9])`
	}
	parts := strings.Split(p, "{i}")
	var b strings.Builder
	b.WriteString("^")
	for k, part := range parts {
		if k > 0 {
			b.WriteString(`(?P<i>` + num[1:])
		}
		js := strings.Split(part, "{j}")
		for m, q := range js {
			if m > 0 {
				b.WriteString(`(?P<j>` + num[1:])
			}
			b.WriteString(regexp.QuoteMeta(q))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// ReadWide reads a one-file survey table (see WideOptions). Every column
// that is not the ego ID, the wave, an alter column or a tie column is an
// ego attribute. An alter exists when at least one of its columns is
// recorded (not empty or NA): alter slots left empty are alters the ego
// did not name. Alters get their numbers as IDs ("1", "2", ...).
//
// Errors name the file, line and column: a tie value that is not a
// non-negative number, a tie to an alter the ego did not name, a column of
// an alter beyond MaxAlters.
func ReadWide(path string, opt WideOptions) (*Dataset, Report, error) {
	in, err := Open(path)
	if err != nil {
		return nil, Report{}, err
	}
	defer in.Close()
	return ReadWideFrom(in, opt)
}

// ReadWideFrom is ReadWide on an open input.
func ReadWideFrom(in *Input, opt WideOptions) (*Dataset, Report, error) {
	var rep Report
	if opt.AlterPrefix == "" {
		opt.AlterPrefix = "alter"
	}
	if opt.TieColumns == "" {
		opt.TieColumns = "tie_{i}_{j}"
	}
	tieRe, err := tiePattern(opt.TieColumns)
	if err != nil {
		return nil, rep, err
	}
	t, err := newCSVTable(in, opt.Comma, opt.Decimal)
	if err != nil {
		return nil, rep, err
	}
	if in.BOM {
		rep.Add(in.Name, RepairBOM, 1)
	}
	egoCol, err := t.needAny(columnNames(opt.EgoID, egoIDNames), "WideOptions.EgoID")
	if err != nil {
		return nil, rep, err
	}
	waveCol := -1
	if opt.Wave != "" {
		if waveCol, err = t.need(opt.Wave, "WideOptions.Wave"); err != nil {
			return nil, rep, err
		}
	}
	weighted := opt.Weight != "-"
	b := NewDatasetBuilder(DatasetOptions{Directed: opt.Directed, TieWeighted: weighted, WaveColumn: opt.Wave})
	b.ds.EgoIDColumn = t.header[egoCol]

	cols := make([]wideColumn, len(t.header))
	maxAlter := opt.MaxAlters
	var egoCols []int // header positions of ego attributes, in order
	for c, h := range t.header {
		switch {
		case c == egoCol || c == waveCol:
			cols[c] = wideColumn{kind: wideKey}
		case tieRe.MatchString(h):
			m := tieRe.FindStringSubmatch(h)
			i, _ := strconv.Atoi(m[tieRe.SubexpIndex("i")])
			j, _ := strconv.Atoi(m[tieRe.SubexpIndex("j")])
			cols[c] = wideColumn{kind: wideTie, i: i, j: j}
		case strings.HasPrefix(h, opt.AlterPrefix) && len(h) > len(opt.AlterPrefix):
			rest := strings.TrimLeft(h[len(opt.AlterPrefix):], "._")
			var attr, num string
			if m := wideNumberFirst.FindStringSubmatch(rest); m != nil {
				num, attr = m[1], m[2]
			} else if m := wideAttrFirst.FindStringSubmatch(rest); m != nil {
				attr, num = m[1], m[2]
			} else {
				cols[c] = wideColumn{kind: wideEgo}
				egoCols = append(egoCols, c)
				continue
			}
			k, err := strconv.Atoi(num)
			if err != nil || k < 1 {
				return nil, rep, &ParseError{File: t.file, Line: 1, Column: c + 1 + t.skip, Err: fmt.Errorf("%w: alter column %q: alter numbers start at 1", ErrSyntax, h)}
			}
			if opt.MaxAlters > 0 && k > opt.MaxAlters {
				return nil, rep, &ParseError{File: t.file, Line: 1, Column: c + 1 + t.skip, Err: fmt.Errorf("%w: alter column %q is for alter %d, beyond the maximum of %d alters", ErrSyntax, h, k, opt.MaxAlters)}
			}
			maxAlter = max(maxAlter, k)
			cols[c] = wideColumn{kind: wideAlter, alter: k, attr: b.AlterAttrs().Add(attr)}
		default:
			cols[c] = wideColumn{kind: wideEgo}
			egoCols = append(egoCols, c)
		}
	}
	for _, c := range egoCols {
		cols[c].attr = b.EgoAttrs().Add(t.header[c])
	}
	for c := range cols {
		if cols[c].kind == wideTie {
			i, j := cols[c].i, cols[c].j
			if i < 1 || j < 1 || i == j || i > maxAlter || j > maxAlter {
				return nil, rep, &ParseError{File: t.file, Line: 1, Column: c + 1 + t.skip, Err: fmt.Errorf("%w: tie column %q joins alters %d and %d; the table has alters 1 to %d", ErrSyntax, t.header[c], i, j, maxAlter)}
			}
		}
	}
	// Alter columns in the order of the alters, then of the attributes.
	alterCols := make([][]int, maxAlter+1)
	for c := range cols {
		if cols[c].kind == wideAlter {
			alterCols[cols[c].alter] = append(alterCols[cols[c].alter], c)
		}
	}
	var tieCols []int
	for c := range cols {
		if cols[c].kind == wideTie {
			tieCols = append(tieCols, c)
		}
	}
	sort.SliceStable(tieCols, func(a, b int) bool {
		x, y := cols[tieCols[a]], cols[tieCols[b]]
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})

	rows, skipped := 0, 0
	var tieLines []int32
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		rows++
		id := strings.TrimSpace(rec[egoCol])
		wave := field(rec, waveCol)
		var egoAttrs Attrs
		for _, c := range egoCols {
			egoAttrs.set(cols[c].attr, t.value(rec[c]))
		}
		if err := b.AddEgo(id, wave, egoAttrs); err != nil {
			return nil, rep, t.errf(err, "")
		}
		named := make([]bool, maxAlter+1)
		for k := 1; k <= maxAlter; k++ {
			var a Attrs
			for _, c := range alterCols[k] {
				v := t.value(rec[c])
				if !v.IsMissing() {
					named[k] = true
				}
				a.set(cols[c].attr, v)
			}
			if !named[k] {
				continue
			}
			if err := b.AddAlter(id, wave, strconv.Itoa(k), 1, a); err != nil {
				return nil, rep, t.errf(err, "")
			}
		}
		for _, c := range tieCols {
			s := strings.TrimSpace(rec[c])
			i, j := cols[c].i, cols[c].j
			if s == "" || s == "NA" {
				if named[i] && named[j] {
					skipped++
				}
				continue
			}
			w, err := parseWeight(t.number(s))
			if err != nil {
				return nil, rep, &ParseError{File: t.file, Line: t.line, Column: c + 1 + t.skip, Err: fmt.Errorf("%w (column %q)", err, t.header[c])}
			}
			if w == 0 {
				continue
			}
			if !named[i] || !named[j] {
				k := i
				if named[i] {
					k = j
				}
				return nil, rep, &ParseError{File: t.file, Line: t.line, Column: c + 1 + t.skip, Err: fmt.Errorf("%w: column %q records a tie to alter %d, whom ego %q did not name", ErrUnknownAlter, t.header[c], k, id)}
			}
			if !weighted {
				w = 1
			}
			tieLines = append(tieLines, int32(t.line))
			if err := b.AddTie(id, wave, strconv.Itoa(i), strconv.Itoa(j), w, nil); err != nil {
				return nil, rep, t.errf(err, "column %q", t.header[c])
			}
		}
	}
	if rows == 0 {
		return nil, rep, &ParseError{File: t.file, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}
	ds, st, conflict := b.build()
	if conflict != nil {
		return nil, rep, &ParseError{File: t.file, Line: int(tieLines[conflict.seq]), Err: conflict.err}
	}
	rep.addStats(t.file, st)
	rep.Add(t.file, RepairSkippedTieQuestions, skipped)
	return ds, rep, nil
}

package network

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// EgoCSVOptions names the columns of the three-table ego CSV layout (egor's
// "threefiles": egos.csv, alters.csv, aaties.csv). The zero value uses egor's
// default names.
type EgoCSVOptions struct {
	EgoID   string // ego ID column in all three tables; default "egoID"
	AlterID string // alter ID column in alters.csv; default "alterID"
	Source  string // first alter of a tie in aaties.csv; default "Source"
	Target  string // second alter of a tie; default "Target"
	// Weight is the alter–alter tie weight column. Empty means "weight" (in
	// any letter case: "Weight" too) if aaties.csv has such a column, else
	// unweighted; "-" means unweighted.
	Weight string
	// AlterWeight is the ego–alter tie weight column of alters.csv; empty
	// means none (every ego–alter tie has weight 1).
	AlterWeight string
	// Wave is the wave (time point) column of egos.csv; empty means none.
	// When alters.csv and aaties.csv also have it, rows are matched to the
	// ego in that wave; otherwise each ego ID must be unique.
	Wave     string
	Directed bool // alter–alter ties are arcs Source → Target
	Comma    rune // field delimiter; default ','
}

func (o EgoCSVOptions) withDefaults() EgoCSVOptions {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&o.EgoID, "egoID")
	def(&o.AlterID, "alterID")
	def(&o.Source, "Source")
	def(&o.Target, "Target")
	if o.Comma == 0 {
		o.Comma = ','
	}
	return o
}

// ReadEgoCSV reads a study from the three tables of the ego CSV layout. ties
// may be "" when there are no alter–alter ties. Any file may be gzip
// compressed. Every column other than the ID, wave and weight columns becomes
// an attribute; a column is numeric when all its recorded values are.
//
// Egos appear in the order of egos.csv and keep their place when they have
// no alters. Errors name the file and line: a missing required column, a
// wrong number of fields, an alter whose ego is not in egos.csv, a tie whose
// endpoint is not an alter of its ego, a duplicate ego or alter ID, a weight
// that is not a finite non-negative number. Self-ties, duplicate ties and a
// byte-order mark are not errors; they are counted in the Report.
func ReadEgoCSV(egos, alters, ties string, opt EgoCSVOptions) (*Dataset, Report, error) {
	e, a, t, closeAll, err := openEgoFiles(egos, alters, ties)
	defer closeAll()
	if err != nil {
		return nil, Report{}, err
	}
	var tr io.Reader
	if t != nil {
		tr = t
	}
	return readEgoCSV(e, a, tr, opt)
}

// openEgoFiles opens the three tables of the ego CSV layout; ties may be ""
// (t is then nil). closeAll closes whichever files were opened, also after
// an error, and is never nil.
func openEgoFiles(egos, alters, ties string) (e, a, t *Input, closeAll func(), err error) {
	var files []*Input
	closeAll = func() {
		for _, f := range files {
			f.Close()
		}
	}
	open := func(p string) (*Input, error) {
		if p == "" || err != nil {
			return nil, err
		}
		in, oerr := Open(p)
		if oerr != nil {
			err = oerr
			return nil, err
		}
		files = append(files, in)
		return in, nil
	}
	e, _ = open(egos)
	a, _ = open(alters)
	t, _ = open(ties)
	return e, a, t, closeAll, err
}

// ReadEgoCSVFrom is ReadEgoCSV on open inputs (see NewInput); ties may be nil.
func ReadEgoCSVFrom(egos, alters *Input, ties io.Reader, opt EgoCSVOptions) (*Dataset, Report, error) {
	return readEgoCSV(egos, alters, ties, opt)
}

func readEgoCSV(egos, alters *Input, ties io.Reader, opt EgoCSVOptions) (*Dataset, Report, error) {
	opt = opt.withDefaults()
	var rep Report
	if egos == nil || alters == nil {
		return nil, rep, errors.New("ego CSV needs an egos and an alters file")
	}
	// Weights are decided by the headers, so read them first.
	et, err := newCSVTable(egos, opt.Comma)
	if err != nil {
		return nil, rep, err
	}
	at, err := newCSVTable(alters, opt.Comma)
	if err != nil {
		return nil, rep, err
	}
	var tt *csvTable
	if ties != nil {
		tin, ok := ties.(*Input)
		if !ok {
			tin, err = NewInput("aaties.csv", ties, false)
			if err != nil {
				return nil, rep, err
			}
		}
		if tt, err = newCSVTable(tin, opt.Comma); err != nil {
			return nil, rep, err
		}
		if tin.BOM {
			rep.Add(tin.Name, RepairBOM, 1)
		}
	}
	for _, in := range []*Input{egos, alters} {
		if in.BOM {
			rep.Add(in.Name, RepairBOM, 1)
		}
	}
	alterWeight, tieWeight, err := weightColumns(at, tt, opt)
	if err != nil {
		return nil, rep, err
	}
	b := NewDatasetBuilder(DatasetOptions{Directed: opt.Directed, AlterWeighted: alterWeight >= 0, TieWeighted: tieWeight >= 0, WaveColumn: opt.Wave})

	// egos.csv
	egoCol, err := et.need(opt.EgoID, "--ego-id")
	if err != nil {
		return nil, rep, err
	}
	waveCol := -1
	if opt.Wave != "" {
		if waveCol, err = et.need(opt.Wave, "--wave"); err != nil {
			return nil, rep, err
		}
	}
	egoAttr := attrColumns(et.header, b.EgoAttrs(), egoCol, waveCol)
	rows := 0
	for {
		rec, err := et.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		rows++
		id := strings.TrimSpace(rec[egoCol])
		wave := ""
		if waveCol >= 0 {
			wave = strings.TrimSpace(rec[waveCol])
		}
		if err := b.AddEgo(id, wave, rowAttrs(rec, egoAttr)); err != nil {
			return nil, rep, et.errf(err, "")
		}
	}
	if rows == 0 {
		return nil, rep, &ParseError{File: et.file, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}

	// alters.csv
	aEgo, err := at.need(opt.EgoID, "--ego-id")
	if err != nil {
		return nil, rep, err
	}
	aID, err := at.need(opt.AlterID, "--alter-id")
	if err != nil {
		return nil, rep, err
	}
	aWave := -1
	if opt.Wave != "" {
		aWave = at.optional(opt.Wave)
	}
	alterAttr := attrColumns(at.header, b.AlterAttrs(), aEgo, aID, aWave, alterWeight)
	for {
		rec, err := at.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		w := 1.0
		if alterWeight >= 0 {
			if w, err = parseWeight(rec[alterWeight]); err != nil {
				return nil, rep, at.errf(err, "column %q", opt.AlterWeight)
			}
		}
		if err := b.AddAlter(strings.TrimSpace(rec[aEgo]), field(rec, aWave), strings.TrimSpace(rec[aID]), w, rowAttrs(rec, alterAttr)); err != nil {
			return nil, rep, at.errf(err, "")
		}
	}

	// aaties.csv
	var tieLines []int32 // the line of each AddTie call, to name a contradicting duplicate
	if tt != nil {
		tEgo, err := tt.need(opt.EgoID, "--ego-id")
		if err != nil {
			return nil, rep, err
		}
		src, err := tt.need(opt.Source, "--source")
		if err != nil {
			return nil, rep, err
		}
		dst, err := tt.need(opt.Target, "--target")
		if err != nil {
			return nil, rep, err
		}
		tWave := -1
		if opt.Wave != "" {
			tWave = tt.optional(opt.Wave)
		}
		tieAttr := attrColumns(tt.header, b.TieAttrs(), tEgo, src, dst, tWave, tieWeight)
		for {
			rec, err := tt.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, rep, err
			}
			w := 1.0
			if tieWeight >= 0 {
				if w, err = parseWeight(rec[tieWeight]); err != nil {
					return nil, rep, tt.errf(err, "column %q", tt.header[tieWeight])
				}
			}
			tieLines = append(tieLines, int32(tt.line))
			if err := b.AddTie(strings.TrimSpace(rec[tEgo]), field(rec, tWave), strings.TrimSpace(rec[src]), strings.TrimSpace(rec[dst]), w, rowAttrs(rec, tieAttr)); err != nil {
				return nil, rep, tt.errf(err, "")
			}
		}
	}
	ds, st, conflict := b.build()
	name := "aaties.csv"
	if tt != nil {
		name = tt.file
	}
	if conflict != nil {
		return nil, rep, &ParseError{File: name, Line: int(tieLines[conflict.seq]), Err: conflict.err}
	}
	rep.addStats(name, st)
	return ds, rep, nil
}

// weightColumns finds the ego–alter weight column of the alters table and
// the tie weight column of the ties table (tt may be nil), -1 for none:
// the tie weight is "weight" in any letter case when present unless opt.Weight names another
// column or is "-"; the alter weight only when opt.AlterWeight names one.
func weightColumns(at, tt *csvTable, opt EgoCSVOptions) (alterWeight, tieWeight int, err error) {
	alterWeight, tieWeight = -1, -1
	if tt != nil && opt.Weight != "-" {
		if opt.Weight == "" {
			// "weight" in any letter case, as the edge list reads it.
			if tieWeight, err = tt.optionalFold("weight", "--weight"); err != nil {
				return -1, -1, err
			}
		} else if tieWeight, err = tt.need(opt.Weight, "--weight"); err != nil {
			return -1, -1, err
		}
	}
	if opt.AlterWeight != "" {
		if alterWeight, err = at.need(opt.AlterWeight, "--alter-weight"); err != nil {
			return -1, -1, err
		}
	}
	return alterWeight, tieWeight, nil
}

// attrColumns adds every header column not in skip to s and returns, for
// each header position, its schema column or -1.
func attrColumns(header []string, s *Schema, skip ...int) []int {
	out := make([]int, len(header))
	for i, h := range header {
		if slices.Contains(skip, i) {
			out[i] = -1
			continue
		}
		out[i] = s.Add(h)
	}
	return out
}

// rowAttrs parses the attribute fields of a record.
func rowAttrs(rec []string, cols []int) Attrs {
	n := 0
	for _, c := range cols {
		if c >= n {
			n = c + 1
		}
	}
	a := make(Attrs, n)
	for i, c := range cols {
		if c >= 0 {
			a[c] = ParseValue(rec[i])
		}
	}
	return a
}

func field(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// parseWeight reads a tie weight: a finite non-negative number. An empty or
// NA weight is an error too: a tie's strength cannot be missing silently.
func parseWeight(s string) (float64, error) {
	w, err := ParseNumber(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrBadWeight, err)
	}
	if err := checkWeight(w); err != nil {
		return 0, err
	}
	return w, nil
}

// WriteEgoCSV writes a study as egos.csv, alters.csv and aaties.csv in dir
// (created if needed), with the column names of opt (egor's defaults for the
// zero value). Missing values are written as NA. Reading the files back with
// the same options gives an equal Dataset.
func WriteEgoCSV(dir string, ds *Dataset, opt EgoCSVOptions) error {
	o := opt.withDefaults()
	if o.Wave == "" {
		o.Wave = ds.WaveColumn
	}
	if _, err := egoCSVHeaders(ds, o); err != nil {
		return err // before creating anything
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := []string{"egos.csv", "alters.csv", "aaties.csv"}
	var ws [3]io.Writer
	var fs [3]*os.File
	for i, n := range names {
		f, err := os.Create(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		defer f.Close()
		fs[i], ws[i] = f, f
	}
	if err := WriteEgoCSVTo(ws[0], ws[1], ws[2], ds, opt); err != nil {
		return err
	}
	for _, f := range fs {
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// WriteEgoCSVTo writes the three tables to three writers; see WriteEgoCSV.
// It writes nothing and returns an error when the files could not be read
// back as they are: an attribute with the name of a key or weight column
// (the table would have two columns of that name), or, for unweighted
// data, a tie attribute named like the weight column (opt.Weight, "weight"
// by default), or an alter attribute named opt.AlterWeight, which the
// reader would take as weights.
func WriteEgoCSVTo(egos, alters, ties io.Writer, ds *Dataset, opt EgoCSVOptions) error {
	opt = opt.withDefaults()
	if opt.Wave == "" && ds.WaveColumn != "" {
		opt.Wave = ds.WaveColumn
	}
	waves := opt.Wave != ""
	heads, err := egoCSVHeaders(ds, opt)
	if err != nil {
		return err
	}
	ew, aw, tw := csv.NewWriter(egos), csv.NewWriter(alters), csv.NewWriter(ties)
	ew.Comma, aw.Comma, tw.Comma = opt.Comma, opt.Comma, opt.Comma
	key := func(e *EgoNet) []string {
		if waves {
			return []string{e.ID, e.Wave}
		}
		return []string{e.ID}
	}
	ew.Write(heads[0])
	aw.Write(heads[1])
	tw.Write(heads[2])
	vals := func(a Attrs, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = a.At(i).String()
		}
		return out
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	for _, e := range ds.Egos {
		k := key(e)
		ew.Write(append(append([]string(nil), k...), vals(e.Attrs, ds.EgoAttrs.Len())...))
		for _, a := range e.Alters {
			row := append(append([]string(nil), k...), a.ID)
			if ds.AlterWeighted {
				row = append(row, num(a.Weight))
			}
			aw.Write(append(row, vals(a.Attrs, ds.AlterAttrs.Len())...))
		}
		for _, t := range e.Ties {
			row := append(append([]string(nil), k...), e.Alters[t.From].ID, e.Alters[t.To].ID)
			if ds.TieWeighted {
				row = append(row, num(t.Weight))
			}
			tw.Write(append(row, vals(t.Attrs, ds.TieAttrs.Len())...))
		}
	}
	for _, w := range []*csv.Writer{ew, aw, tw} {
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	}
	return nil
}

// egoCSVHeaders returns the header rows of egos.csv, alters.csv and
// aaties.csv for ds, or an error when reading them back would not give ds:
// see WriteEgoCSVTo. opt has its defaults and wave column filled in.
func egoCSVHeaders(ds *Dataset, opt EgoCSVOptions) ([3][]string, error) {
	keys := []string{opt.EgoID}
	if opt.Wave != "" {
		keys = append(keys, opt.Wave)
	}
	tieW := "weight"
	if opt.Weight != "" && opt.Weight != "-" {
		tieW = opt.Weight
	}
	alterW := "weight"
	if opt.AlterWeight != "" {
		alterW = opt.AlterWeight
	}
	join := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	var aExtra, tExtra []string
	if ds.AlterWeighted {
		aExtra = []string{alterW}
	}
	if ds.TieWeighted {
		tExtra = []string{tieW}
	}
	heads := [3][]string{
		join(keys, ds.EgoAttrs.Names()),
		join(keys, []string{opt.AlterID}, aExtra, ds.AlterAttrs.Names()),
		join(keys, []string{opt.Source, opt.Target}, tExtra, ds.TieAttrs.Names()),
	}
	for i, h := range heads {
		seen := map[string]bool{}
		for _, name := range h {
			if seen[name] {
				return heads, fmt.Errorf("cannot write ego CSV: %s would have two columns named %q (an attribute has the name of a key or weight column); rename the attribute or choose other column names", [3]string{"egos.csv", "alters.csv", "aaties.csv"}[i], name)
			}
			seen[name] = true
		}
	}
	if _, ok := ds.TieAttrs.Index(tieW); ok && !ds.TieWeighted && opt.Weight != "-" {
		return heads, fmt.Errorf("cannot write ego CSV: the tie attribute %q would be read back as the tie weight; write and read with the weight column set to \"-\" (--weight -)", tieW)
	}
	if _, ok := ds.AlterAttrs.Index(opt.AlterWeight); ok && !ds.AlterWeighted && opt.AlterWeight != "" {
		return heads, fmt.Errorf("cannot write ego CSV: the alter attribute %q would be read back as the ego–alter weight; choose another --alter-weight", opt.AlterWeight)
	}
	return heads, nil
}

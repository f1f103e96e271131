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
// "threefiles": egos.csv, alters.csv, aaties.csv) and says how to read
// them. The zero value uses our default names, finds egor's own names
// (.egoID, .altID, .srcID, .tgtID, as as_egos_df, as_alters_df and
// as_aaties_df write them) when ours are not there, detects each file's
// delimiter, and stops at a missing weight.
type EgoCSVOptions struct {
	EgoID   string // ego ID column in all three tables; default "egoID", else ".egoID"
	AlterID string // alter ID column in alters.csv; default "alterID", else ".altID"
	Source  string // first alter of a tie in aaties.csv; default "Source", else ".srcID"
	Target  string // second alter of a tie; default "Target", else ".tgtID"
	// Weight is the alter–alter tie weight column. Empty means "weight" (in
	// any letter case: "Weight" too) if aaties.csv has such a column, else
	// unweighted; "-" means unweighted, and a "weight" column (in any
	// letter case) is then ignored altogether (it is not an attribute
	// either), so that ties listed twice merge as unweighted.
	Weight string
	// AlterWeight is the ego–alter tie weight column of alters.csv; empty
	// means none (every ego–alter tie has weight 1).
	AlterWeight string
	// Limits bound the cost of a hostile record or gzip bomb (zero value:
	// the defaults; see Limits).
	Limits Limits
	// Wave is the wave (time point) column of egos.csv; empty means none.
	// When alters.csv and aaties.csv also have it, rows are matched to the
	// ego in that wave; otherwise each ego ID must be unique.
	Wave     string
	Directed bool // alter–alter ties are arcs Source → Target
	// Comma is the field delimiter; 0 detects it from each file's header
	// (see DetectDelimiter).
	Comma rune
	// Decimal is the decimal mark of numbers (attribute values and
	// weights): '.' or ','; 0 means ',' in a ';'-separated file (R's
	// write.csv2) and '.' otherwise. A number read with a decimal comma
	// keeps the '.' form as its Text.
	Decimal rune
	// MissingWeight says what to do with a tie whose weight is missing (an
	// empty field or NA); MissingAlterWeight the same for an alter's
	// ego–alter weight. Dropping an alter drops its ties too. What was
	// dropped or filled in is counted in the Report.
	MissingWeight, MissingAlterWeight MissingWeight
	// TieType is the tie-type column of aaties.csv; default "type"
	// (used when present), "-" for none. Rows for the same two alters
	// with different types make one tie of several types, joined with
	// "|" (see DatasetOptions.TieType); the type stays a tie attribute.
	TieType string
}

// MissingAction is what a reader does with a missing weight.
type MissingAction uint8

const (
	// MissingError stops the reading with an error wrapping
	// ErrMissingWeight that names the file, line and column.
	MissingError MissingAction = iota
	// MissingDrop leaves the tie (or alter) out.
	MissingDrop
	// MissingFill uses MissingWeight.Value as the weight.
	MissingFill
)

// MissingWeight is a policy for missing weights. The zero value stops the
// reading (MissingError).
type MissingWeight struct {
	Action MissingAction
	Value  float64 // the weight used with MissingFill: finite, not negative
}

// Default column names, then egor's internal names, tried in this order
// when an option is empty or our default.
var (
	egoIDNames   = []string{"egoID", ".egoID", ".EGOID"}
	alterIDNames = []string{"alterID", ".altID", ".ALTID"}
	sourceNames  = []string{"Source", ".srcID", ".SRCID"}
	targetNames  = []string{"Target", ".tgtID", ".TGTID"}
)

// columnNames returns the names to look for: the defaults when opt is ""
// or the first default, else opt alone.
func columnNames(opt string, defaults []string) []string {
	if opt == "" || opt == defaults[0] {
		return defaults
	}
	return []string{opt}
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
	def(&o.TieType, "type")
	if o.TieType == "-" {
		o.TieType = ""
	}
	return o
}

// checkMissing rejects a fill value that is not a weight.
func (o EgoCSVOptions) checkMissing() error {
	for _, m := range []MissingWeight{o.MissingWeight, o.MissingAlterWeight} {
		if m.Action == MissingFill {
			if err := checkWeight(m.Value); err != nil {
				return fmt.Errorf("the value for missing weights: %w", err)
			}
		}
	}
	return nil
}

// weightCol reads one weight column with a missing-weight policy, counting
// what it dropped and filled in.
type weightCol struct {
	t       *csvTable
	col     int // -1: no weight column, every weight is 1
	policy  MissingWeight
	what    string // "tie" or "alter", for the error
	dropped int
	filled  int
}

// read returns the weight of rec, read at line; keep is false when the row
// is to be dropped.
func (w *weightCol) read(rec []string, line int) (weight float64, keep bool, err error) {
	if w.col < 0 {
		return 1, true, nil
	}
	s := strings.TrimSpace(rec[w.col])
	if s == "" || s == "NA" {
		switch w.policy.Action {
		case MissingDrop:
			w.dropped++
			return 0, false, nil
		case MissingFill:
			w.filled++
			return w.policy.Value, true, nil
		}
		shown := s
		if shown == "" {
			shown = "empty"
		}
		return 0, false, errAt(w.t.file, line, ErrMissingWeight, "column %q is %s; a missing %s weight can stop the reading (the default), drop the %s, or be set to a value", w.t.header[w.col], shown, w.what, w.what)
	}
	v, err := parseWeight(w.t.number(s))
	if err != nil {
		return 0, false, errAt(w.t.file, line, err, "column %q", w.t.header[w.col])
	}
	return v, true, nil
}

// report records what w dropped and filled in.
func (w *weightCol) report(rep *Report, dropped RepairKind) {
	if w.col < 0 {
		return
	}
	rep.Add(w.t.file, dropped, w.dropped)
	rep.add(Repair{File: w.t.file, Kind: RepairMissingWeightsFilled, Value: w.policy.Value, Count: w.filled})
}

// droppedAlters remembers the alters left out for a missing weight, so
// that their ties are left out too rather than taken for ties to unknown
// alters.
type droppedAlters map[[2]string]bool

func (d droppedAlters) has(ego, src, dst string) bool {
	return len(d) > 0 && (d[[2]string{ego, src}] || d[[2]string{ego, dst}])
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
	if err := opt.checkMissing(); err != nil {
		return nil, rep, err
	}
	setLimits(opt.Limits, egos, alters)
	// Weights are decided by the headers, so read them first.
	et, err := newCSVTable(egos, opt.Comma, opt.Decimal)
	if err != nil {
		return nil, rep, err
	}
	at, err := newCSVTable(alters, opt.Comma, opt.Decimal)
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
		tin.SetLimits(opt.Limits)
		if tt, err = newCSVTable(tin, opt.Comma, opt.Decimal); err != nil {
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
	alterWeight, tieWeight, ignored, err := weightColumns(at, tt, opt)
	if err != nil {
		return nil, rep, err
	}
	aw := weightCol{t: at, col: alterWeight, policy: opt.MissingAlterWeight, what: "alter"}
	tw := weightCol{t: tt, col: tieWeight, policy: opt.MissingWeight, what: "tie"}

	// egos.csv
	egoCol, err := et.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID")
	if err != nil {
		return nil, rep, err
	}
	b := NewDatasetBuilder(DatasetOptions{Directed: opt.Directed, AlterWeighted: alterWeight >= 0, TieWeighted: tieWeight >= 0, WaveColumn: opt.Wave, TieType: opt.TieType})
	b.ds.EgoIDColumn = et.header[egoCol]
	waveCol := -1
	if opt.Wave != "" {
		if waveCol, err = et.need(opt.Wave, "EgoCSVOptions.Wave"); err != nil {
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
		if err := b.AddEgo(id, wave, et.attrs(rec, egoAttr)); err != nil {
			return nil, rep, waveHint(et.errf(err, ""), waveCol)
		}
	}
	if rows == 0 {
		return nil, rep, &ParseError{File: et.file, Line: 1, Err: fmt.Errorf("%w: no egos after the header", ErrEmptyFile)}
	}

	// alters.csv
	aEgo, err := at.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID")
	if err != nil {
		return nil, rep, err
	}
	aID, err := at.needAny(columnNames(opt.AlterID, alterIDNames), "EgoCSVOptions.AlterID")
	if err != nil {
		return nil, rep, err
	}
	aWave := -1
	if opt.Wave != "" {
		aWave = at.optional(opt.Wave)
	}
	alterAttr := attrColumns(at.header, b.AlterAttrs(), aEgo, aID, aWave, alterWeight)
	dropped := droppedAlters{}
	for {
		rec, err := at.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		w, keep, err := aw.read(rec, at.line)
		if err != nil {
			return nil, rep, err
		}
		ego, alter := strings.TrimSpace(rec[aEgo]), strings.TrimSpace(rec[aID])
		if !keep {
			dropped[[2]string{ego, alter}] = true
			continue
		}
		if err := b.AddAlter(ego, field(rec, aWave), alter, w, at.attrs(rec, alterAttr)); err != nil {
			return nil, rep, at.errf(err, "")
		}
	}

	// aaties.csv
	var tieLines []int32 // the line of each AddTie call, to name a contradicting duplicate
	tiesOfDropped := 0
	if tt != nil {
		tEgo, err := tt.needAny(columnNames(opt.EgoID, egoIDNames), "EgoCSVOptions.EgoID")
		if err != nil {
			return nil, rep, err
		}
		src, err := tt.needAny(columnNames(opt.Source, sourceNames), "EgoCSVOptions.Source")
		if err != nil {
			return nil, rep, err
		}
		dst, err := tt.needAny(columnNames(opt.Target, targetNames), "EgoCSVOptions.Target")
		if err != nil {
			return nil, rep, err
		}
		tWave := -1
		if opt.Wave != "" {
			tWave = tt.optional(opt.Wave)
		}
		tieAttr := attrColumns(tt.header, b.TieAttrs(), tEgo, src, dst, tWave, tieWeight, ignored)
		for {
			rec, err := tt.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, rep, err
			}
			ego, s, d := strings.TrimSpace(rec[tEgo]), strings.TrimSpace(rec[src]), strings.TrimSpace(rec[dst])
			if dropped.has(ego, s, d) {
				tiesOfDropped++
				continue
			}
			w, keep, err := tw.read(rec, tt.line)
			if err != nil {
				return nil, rep, err
			}
			if !keep {
				continue
			}
			tieLines = append(tieLines, int32(tt.line))
			if err := b.AddTie(ego, field(rec, tWave), s, d, w, tt.attrs(rec, tieAttr)); err != nil {
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
	aw.report(&rep, RepairMissingAlterWeightDropped)
	tw.report(&rep, RepairMissingTieWeightDropped)
	rep.Add(name, RepairTiesOfDroppedAlters, tiesOfDropped)
	return ds, rep, nil
}

// weightColumns finds the ego–alter weight column of the alters table and
// the tie weight column of the ties table (tt may be nil), -1 for none:
// the tie weight is "weight" in any letter case when present unless opt.Weight names another
// column or is "-"; the alter weight only when opt.AlterWeight names one.
// ignored is the ties table's "weight" column when opt.Weight is "-" (it is
// then no attribute either), else -1.
func weightColumns(at, tt *csvTable, opt EgoCSVOptions) (alterWeight, tieWeight, ignored int, err error) {
	alterWeight, tieWeight, ignored = -1, -1, -1
	if tt != nil {
		switch opt.Weight {
		case "-", "":
			// "weight" in any letter case, as the edge list reads it.
			col, err := tt.optionalFold("weight", "EgoCSVOptions.Weight")
			if err != nil {
				return -1, -1, -1, err
			}
			if opt.Weight == "-" {
				ignored = col
			} else {
				tieWeight = col
			}
		default:
			if tieWeight, err = tt.need(opt.Weight, "EgoCSVOptions.Weight"); err != nil {
				return -1, -1, -1, err
			}
		}
	}
	if opt.AlterWeight != "" {
		if alterWeight, err = at.need(opt.AlterWeight, "EgoCSVOptions.AlterWeight"); err != nil {
			return -1, -1, -1, err
		}
	}
	return alterWeight, tieWeight, ignored, nil
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

// WriteEgoCSVDir writes a study as egos.csv, alters.csv and aaties.csv in dir
// (created if needed), with the column names of opt (the ego ID column the
// data was read from, Dataset.EgoIDColumn, and egor's defaults for the
// others, for the zero value). Missing values are written as NA. Reading the files back with
// the same options gives an equal Dataset.
func WriteEgoCSVDir(dir string, ds *Dataset, opt EgoCSVOptions) error {
	o := opt.keyNames(ds).withDefaults()
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
	if err := WriteEgoCSV(ws[0], ws[1], ws[2], ds, opt); err != nil {
		return err
	}
	for _, f := range fs {
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// WriteEgoCSV writes the three tables to three writers; see WriteEgoCSVDir.
// It writes nothing and returns an error when the files could not be read
// back as they are: an attribute with the name of a key or weight column
// (the table would have two columns of that name), or, for unweighted
// data, a tie attribute named like the weight column (opt.Weight, "weight"
// by default), or an alter attribute named opt.AlterWeight, which the
// reader would take as weights.
func WriteEgoCSV(egos, alters, ties io.Writer, ds *Dataset, opt EgoCSVOptions) error {
	opt = opt.keyNames(ds).withDefaults()
	if opt.Wave == "" && ds.WaveColumn != "" {
		opt.Wave = ds.WaveColumn
	}
	waves := opt.Wave != ""
	heads, err := egoCSVHeaders(ds, opt)
	if err != nil {
		return err
	}
	ew, aw, tw := csv.NewWriter(egos), csv.NewWriter(alters), csv.NewWriter(ties)
	if opt.Comma != 0 {
		ew.Comma, aw.Comma, tw.Comma = opt.Comma, opt.Comma, opt.Comma
	}
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

// keyNames fills an empty EgoID with the ego ID column ds was read from.
func (o EgoCSVOptions) keyNames(ds *Dataset) EgoCSVOptions {
	if o.EgoID == "" {
		o.EgoID = ds.EgoIDColumn
	}
	return o
}

// egoCSVHeaders returns the header rows of egos.csv, alters.csv and
// aaties.csv for ds, or an error when reading them back would not give ds:
// see WriteEgoCSV. opt has its defaults and wave column filled in.
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
	if _, ok := ds.TieAttrs.Index(tieW); ok && !ds.TieWeighted {
		return heads, fmt.Errorf("cannot write ego CSV: the tie attribute %q would be read back as the tie weight, or ignored with the weight column \"-\"; rename the attribute", tieW)
	}
	if _, ok := ds.AlterAttrs.Index(opt.AlterWeight); ok && !ds.AlterWeighted && opt.AlterWeight != "" {
		return heads, fmt.Errorf("cannot write ego CSV: the alter attribute %q would be read back as the ego–alter weight; choose another EgoCSVOptions.AlterWeight", opt.AlterWeight)
	}
	return heads, nil
}

// waveHint marks a duplicate-ego error of a study read without a wave
// column (waveCol < 0) as one that EgoCSVOptions.Wave may fix.
func waveHint(err error, waveCol int) error {
	var pe *ParseError
	if waveCol < 0 && errors.Is(err, ErrDuplicateID) && errors.As(err, &pe) {
		pe.Field = "EgoCSVOptions.Wave"
	}
	return err
}

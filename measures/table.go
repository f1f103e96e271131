package measures

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sociogram/sociogram/network"
)

// TableOptions configures EgoTable and NodeTable. The zero value uses all
// cores, reports no progress, counts IQV levels from the data and has no
// classification rules.
type TableOptions struct {
	// Workers is the number of goroutines; 0 means GOMAXPROCS. The table
	// is the same for any number of workers.
	Workers int
	// Progress, when not nil, is called now and then with the number of
	// rows done; calls come one at a time, possibly from several
	// goroutines.
	Progress func(done, total int)
	// Levels gives the levels of categorical attributes for iqv; an
	// attribute not listed has as levels its distinct non-missing values
	// across the whole dataset (or graph). Given levels must include every
	// value the data has (an error names the first that is not) and be
	// distinct.
	Levels map[string][]string
	// Classifier, when not nil, classifies alters by social-capital rules;
	// "bonding" and "bridging" without an attribute count its classes.
	Classifier AlterClassifier
	// Instruments says where the answers of the social-capital
	// instruments are (lsns6, rguk, pg, ring measures); nil means
	// DefaultInstruments.
	Instruments *Instruments
	// Types says which node types the structural measures of EgoTable
	// count (people by default) and where node and tie types are; see
	// TypeOptions.
	Types TypeOptions
	// Nodes, when not nil, makes NodeTable compute only the rows of the
	// nodes of one range (one shard: see Shard), in node order; each row
	// is the row of the whole table, and levels (iqv) still come from the
	// whole graph. EgoTable ignores it.
	Nodes *NodeRange
}

// Table is a batch of measures: one row per ego (or node), one column per
// requested measure. Values are float64, NaN where a measure is
// undefined; counts are whole numbers.
type Table struct {
	// KeyNames names the key columns: "egoID" (and "wave" when the data
	// has waves) for EgoTable, "node" for NodeTable.
	KeyNames []string
	// Columns names the measure columns: each Spec's Column, in order.
	Columns []string
	// Keys[r] holds row r's key values, aligned with KeyNames.
	Keys [][]string
	// Values[r][c] is row r's value of Columns[c].
	Values [][]float64
}

// Len returns the number of rows.
func (t *Table) Len() int { return len(t.Values) }

// Column returns the index of the named measure column, or -1.
func (t *Table) Column(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// EgoTable computes the measures in specs for every ego of ds, in dataset
// order (egos with no alters keep their row). Structural measures are those
// of Of (the ego graph: ego tied to every alter, Burt's measures normalised
// within the ego network) on the alters of the node types opt.Types counts
// (people, by default: see TypeOptions); compositional measures use every
// alter's attributes. It checks specs against the data first (see Check) and
// returns ctx.Err() if ctx is cancelled.
//
// Cost: O(Σ_egos (n + t)·d) for n alters, t ties and d the largest alter
// degree, spread over Workers goroutines; memory O(rows × columns).
func EgoTable(ctx context.Context, ds *network.Dataset, specs []Spec, opt TableOptions) (*Table, error) {
	if err := Check(specs, Schemas{Alters: ds.AlterAttrs, Egos: ds.EgoAttrs}, &opt); err != nil {
		return nil, err
	}
	defs, ctxs, err := prepare(specs, &opt, datasetPopulation(ds))
	if err != nil {
		return nil, err
	}
	return egoRows(ctx, ds.Egos, ds.WaveColumn != "", specs, defs, ctxs, opt)
}

// egoRows computes the rows of egos for prepared specs: the body of
// EgoTable, also run on each batch of StreamEgoTable.
func egoRows(ctx context.Context, egos []*network.EgoNet, waves bool, specs []Spec, defs []*definition, ctxs []*evalContext, opt TableOptions) (*Table, error) {
	t := newTable(specs, len(egos))
	t.KeyNames = []string{"egoID"}
	if waves {
		t.KeyNames = append(t.KeyNames, "wave")
	}
	needStats, needBetweenness := false, false
	for _, d := range defs {
		needStats = needStats || d.stat != nil
		needBetweenness = needBetweenness || d.betweenness
	}
	err := parallel(ctx, len(egos), opt, func(r int) {
		e := egos[r]
		t.Keys[r] = []string{e.ID}
		if waves {
			t.Keys[r] = append(t.Keys[r], e.Wave)
		}
		var st Stats
		if needStats {
			st = of(opt.Types.Structural(e), needBetweenness) // people only by default (types.go)
		}
		row := t.Values[r]
		for c, d := range defs {
			if d.stat != nil {
				row[c] = d.stat(&st)
			} else {
				row[c] = d.eval(e, ctxs[c])
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// NodeTable computes the measures in specs for every node of a whole
// network g taken as an ego, in node order. Structural measures come from
// AllNodes (whole-network model: Burt's p and m normalised over each node's
// full neighbourhood, as networkx and igraph); compositional measures are
// evaluated on network.EgoNetOf(g, node), with the node attributes as both
// ego and alter attributes. Instrument measures (lsns6, rguk_total, pg_*,
// ring(V), ...) read each node's own attributes as its answers and check
// them before any row, as EgoTable does: a missing item column or an
// answer out of range is an error naming the node and the item.
//
// Cost: that of AllNodes plus O(Σ_v deg(v)·log deg(v)) per compositional
// measure family, spread over Workers goroutines.
func NodeTable(ctx context.Context, g *network.Graph, specs []Spec, opt TableOptions) (*Table, error) {
	var t *Table
	err := StreamNodeTable(ctx, g, specs, StreamOptions{Table: opt, Batch: g.Order() + 1}, func(b *Table) error {
		t = b // one block: every row
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func newTable(specs []Spec, rows int) *Table {
	t := &Table{Keys: make([][]string, rows), Values: make([][]float64, rows)}
	for _, s := range specs {
		t.Columns = append(t.Columns, s.Column)
	}
	flat := make([]float64, rows*len(specs))
	for r := range t.Values {
		t.Values[r] = flat[r*len(specs) : (r+1)*len(specs) : (r+1)*len(specs)]
	}
	return t
}

// prepare looks up each spec's definition and builds its evalContext,
// running the definition's prepare function once.
func prepare(specs []Spec, opt *TableOptions, pop population) ([]*definition, []*evalContext, error) {
	defs := make([]*definition, len(specs))
	ctxs := make([]*evalContext, len(specs))
	for i := range specs {
		d, ok := lookup(specs[i].Name)
		if !ok {
			return nil, nil, specErr(specs[i].Column, "unknown measure %q", specs[i].Name)
		}
		defs[i] = d
		c := &evalContext{Spec: &specs[i], Options: opt}
		if d.prepare != nil {
			if err := d.prepare(c, pop); err != nil {
				return nil, nil, specErr(specs[i].Column, "%v", err)
			}
		}
		ctxs[i] = c
	}
	return defs, ctxs, nil
}

// parallel calls row(r) for r in [0, n) on opt.Workers goroutines (the
// pool of forChunks, chunks of 64 rows) and stops early when ctx is
// cancelled. row must only write to row r's slots, so the result does not
// depend on the schedule.
func parallel(ctx context.Context, n int, opt TableOptions, row func(r int)) error {
	return forChunks(ctx, n, opt.Workers, 64, noState, func(_ struct{}, lo, hi int) {
		for r := lo; r < hi; r++ {
			row(r)
		}
	}, opt.Progress)
}

// FormatValue formats a measure value for output: the shortest decimal
// that reads back as the same float64 (strconv 'g', -1), whole numbers
// below 2⁵³ without exponent or decimals, and "NA" for NaN or an infinity.
func FormatValue(x float64) string { return FormatValueDigits(x, -1) }

// FormatValueDigits is FormatValue with at most digits significant digits
// (1 to 17; -1 for the shortest exact form), as R's write.csv writes 15:
// 4.199999999999999, the rounding error of a sum, becomes 4.2. Whole
// numbers below 2⁵³ keep every digit.
func FormatValueDigits(x float64, digits int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "NA"
	}
	if x == 0 {
		return "0" // no "-0"
	}
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	if digits == 0 || digits > 17 || digits < -1 {
		digits = -1
	}
	s := strconv.FormatFloat(x, 'g', digits, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// WriteOptions says how WriteCSVWith and WriteJSONWith write a table. The
// zero value writes what WriteCSV and WriteJSON write.
type WriteOptions struct {
	// Digits is the number of significant digits of values that are not
	// whole numbers, 1 to 17 (15 is R's write.csv; 17 always reads back
	// as the same float64); 0 writes the shortest decimal that reads back
	// exactly.
	Digits int
	// KeyNames, when not nil, replaces the table's key column names (it
	// must have as many).
	KeyNames []string
	// Syntactic rewrites every column name as a syntactic name that R's
	// read.csv, pandas' attribute access and SQL take as it is (see
	// SyntacticName), made unique by a suffix _2, _3, ... .
	Syntactic bool
	// Workers is the number of goroutines that format rows; 0 means
	// GOMAXPROCS. The bytes written are the same for any number.
	Workers int
}

// SyntacticName returns name with every run of characters other than
// ASCII letters, digits and '_' replaced by one '_', with no '_' at the
// end, and with "X" put first when it would start with a digit or '_' (as
// R's make.names): "blau(role)" → "blau_role", "count(role=family|friend)"
// → "count_role_family_friend", "size:before" → "size_before".
func SyntacticName(name string) string {
	var b strings.Builder
	under := false
	for _, r := range name {
		ok := r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
		if !ok {
			under = b.Len() > 0
			continue
		}
		if under {
			b.WriteByte('_')
			under = false
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s == "" || s[0] == '_' || (s[0] >= '0' && s[0] <= '9') {
		s = "X" + s
	}
	return s
}

// Header returns the names of the key columns then the measure columns
// as the writers write them with opt (KeyNames replaced, Syntactic names),
// for writers of other formats.
func (t *Table) Header(opt WriteOptions) ([]string, error) { return t.header(opt) }

// header returns the key and column names as opt says.
func (t *Table) header(opt WriteOptions) ([]string, error) {
	keys := t.KeyNames
	if opt.KeyNames != nil {
		if len(opt.KeyNames) != len(t.KeyNames) {
			return nil, fmt.Errorf("%d key names for %d key columns", len(opt.KeyNames), len(t.KeyNames))
		}
		keys = opt.KeyNames
	}
	names := append(append([]string(nil), keys...), t.Columns...)
	if !opt.Syntactic {
		return names, nil
	}
	seen := map[string]bool{}
	for i, n := range names {
		s := SyntacticName(n)
		for k := 2; seen[s]; k++ {
			s = SyntacticName(n) + "_" + strconv.Itoa(k)
		}
		seen[s] = true
		names[i] = s
	}
	return names, nil
}

// WriteCSV writes the table as CSV: a header of the key names then the
// column names, one line per row, undefined values as NA.
func (t *Table) WriteCSV(w io.Writer) error { return t.WriteCSVWith(w, WriteOptions{}) }

// WriteCSVWith is WriteCSV with the names and digits opt gives. Rows are
// formatted in blocks on opt.Workers goroutines and written in order: the
// bytes are those of one loop over the rows.
func (t *Table) WriteCSVWith(w io.Writer, opt WriteOptions) error {
	head, err := t.header(opt)
	if err != nil {
		return err
	}
	digits := opt.Digits
	if digits == 0 {
		digits = -1
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(head); err != nil {
		return err
	}
	if cw.Flush(); cw.Error() != nil {
		return cw.Error()
	}
	return writeBlocks(w, len(t.Values), opt.Workers, func(buf *bytes.Buffer, lo, hi int) error {
		cw := csv.NewWriter(buf)
		var rec []string
		for r := lo; r < hi; r++ {
			rec = append(rec[:0], t.Keys[r]...)
			for _, x := range t.Values[r] {
				rec = append(rec, FormatValueDigits(x, digits))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

// WriteJSON writes the table as a JSON array of objects, one per row, with
// keys in column order (key columns first), key values as strings,
// measures as numbers and undefined values as null.
func (t *Table) WriteJSON(w io.Writer) error { return t.WriteJSONWith(w, WriteOptions{}) }

// WriteJSONWith is WriteJSON with the names and digits opt gives. Rows are
// formatted in blocks on opt.Workers goroutines and written in order, as
// WriteCSVWith.
func (t *Table) WriteJSONWith(w io.Writer, opt WriteOptions) error {
	head, err := t.header(opt)
	if err != nil {
		return err
	}
	digits := opt.Digits
	if digits == 0 {
		digits = -1
	}
	names := make([][]byte, 0, len(head))
	for _, n := range head {
		b, err := json.Marshal(n)
		if err != nil {
			return err
		}
		names = append(names, b)
	}
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	err = writeBlocks(w, len(t.Values), opt.Workers, func(bw *bytes.Buffer, lo, hi int) error {
		for r := lo; r < hi; r++ {
			if r > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n{")
			for k, v := range t.Keys[r] {
				if k > 0 {
					bw.WriteString(",")
				}
				b, err := json.Marshal(v)
				if err != nil {
					return err
				}
				bw.Write(names[k])
				bw.WriteString(":")
				bw.Write(b)
			}
			for c, x := range t.Values[r] {
				bw.WriteString(",")
				bw.Write(names[len(t.KeyNames)+c])
				bw.WriteString(":")
				if s := FormatValueDigits(x, digits); s == "NA" {
					bw.WriteString("null")
				} else {
					bw.WriteString(s)
				}
			}
			bw.WriteString("}")
		}
		return nil
	})
	if err != nil {
		return err
	}
	end := "]\n"
	if len(t.Values) > 0 {
		end = "\n]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

package analysis

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/sociogram/sociogram/measures"
)

// cell is one value of an output table: text (Num NaN, IsNum false) or a
// number (NaN written as NA / null).
type cell struct {
	text  string
	num   float64
	isNum bool
	na    bool
}

func txt(s string) cell      { return cell{text: s} }
func num(x float64) cell     { return cell{num: x, isNum: true} }
func count(n int) cell       { return cell{num: float64(n), isNum: true} }
func textOrNA(s string) cell { return cell{text: s, na: s == ""} }

// rowTable is a table of cells with named columns, written as CSV (NA for
// undefined values) or JSON (an array of objects, null for NA).
type rowTable struct {
	names []string
	rows  [][]cell
}

func (c cell) csv() string {
	switch {
	case c.na:
		return "NA"
	case c.isNum:
		return measures.FormatValue(c.num)
	}
	return c.text
}

func (c cell) json() []byte {
	switch {
	case c.na:
		return []byte("null")
	case c.isNum:
		if math.IsNaN(c.num) || math.IsInf(c.num, 0) {
			return []byte("null")
		}
		if c.num == math.Trunc(c.num) && math.Abs(c.num) < 1<<53 {
			return strconv.AppendFloat(nil, c.num, 'f', 0, 64)
		}
		return strconv.AppendFloat(nil, c.num, 'g', -1, 64)
	}
	b, _ := json.Marshal(c.text)
	return b
}

func (t *rowTable) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.names); err != nil {
		return err
	}
	rec := make([]string, len(t.names))
	for _, r := range t.rows {
		for i, c := range r {
			rec[i] = c.csv()
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (t *rowTable) writeJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	names := make([][]byte, len(t.names))
	for i, n := range t.names {
		names[i], _ = json.Marshal(n)
	}
	bw.WriteString("[")
	for i, r := range t.rows {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for k, c := range r {
			if k > 0 {
				bw.WriteString(",")
			}
			bw.Write(names[k])
			bw.WriteString(":")
			bw.Write(c.json())
		}
		bw.WriteString("}")
	}
	if len(t.rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// GroupColumns are the columns of a group comparison table (WriteCSV),
// after "wave" when the rows carry waves.
var groupColumns = []string{"measure", "group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "sd_a", "sd_b", "diff",
	"hedges_g", "g_low", "g_high", "welch_t", "welch_df", "welch_p", "mw_u", "mw_p",
	"anova_f", "anova_p", "eta2", "kw_h", "kw_p"}

// pairedColumns follow for a change comparison, once for group a and once
// for group b (suffix _a, _b).
var pairedColumns = []string{"change_low", "change_high", "dz", "paired_t", "paired_p", "signed_rank_v", "signed_rank_p"}

// Columns returns the names of the table's columns, in order.
func (g *GroupTable) Columns() []string {
	return g.table().names
}

func (g *GroupTable) table() *rowTable {
	t := &rowTable{}
	if g.Waves {
		t.names = append(t.names, "wave")
	}
	t.names = append(t.names, groupColumns...)
	if g.Change {
		for _, s := range []string{"_a", "_b"} {
			for _, c := range pairedColumns {
				t.names = append(t.names, c+s)
			}
		}
	}
	for _, c := range g.Rows {
		var r []cell
		if g.Waves {
			r = append(r, txt(c.Wave))
		}
		r = append(r, txt(c.Measure), txt(c.GroupA), txt(c.GroupB), count(c.A.N), count(c.B.N),
			num(c.A.Mean), num(c.B.Mean), num(c.A.SD), num(c.B.SD), num(c.Diff),
			num(c.Hedges.G), num(c.Hedges.Low), num(c.Hedges.High),
			num(c.Welch.Stat), num(c.Welch.DF), num(c.Welch.P), num(c.MannWhitney.Stat), num(c.MannWhitney.P),
			num(c.Anova.F), num(c.Anova.P), num(c.Anova.Eta2), num(c.Kruskal.Stat), num(c.Kruskal.P))
		if g.Change {
			for _, p := range []*Paired{c.PairedA, c.PairedB} {
				r = append(r, num(p.Low), num(p.High), num(p.DZ), num(p.T.Stat), num(p.T.P), num(p.SignedRank.Stat), num(p.SignedRank.P))
			}
		}
		t.rows = append(t.rows, r)
	}
	return t
}

// WriteCSV writes the comparison as CSV, one line per row of Rows, with
// the columns of Columns and NA for undefined values.
func (g *GroupTable) WriteCSV(w io.Writer) error { return g.table().writeCSV(w) }

// WriteJSON writes the comparison as a JSON array of objects, one per row,
// keys in column order, null for undefined values.
func (g *GroupTable) WriteJSON(w io.Writer) error { return g.table().writeJSON(w) }

package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func init() {
	register(&command{
		name:    "classify",
		summary: "bonding/bridging/linking class of every alter, and the rule that gave it",
		usage: `Usage: sociogram classify --egos FILE --alters FILE [--ties FILE] --classify RULES.json
       [--ego-id COL --alter-id COL --source COL --target COL] [--weight COL]
       [--alter-weight COL] [--wave COL] [--directed] [--format csv|json|parquet] [-o FILE]
   or: sociogram classify --graphml DIR|FILE | --netcanvas DIR --classify RULES.json [same options]

Classifies every alter of every ego of a survey study by the rules in
RULES.json (the same file as sociogram egos --classify; its format is in
the README section "Classification rules", with an example in the demo's
data/rules.json: sociogram demo -o DIR) and
writes one row per alter, egos in input order, alters in input order:

  egoID, wave (only when the data has waves), alterID, class, rule

class is bonding, bridging, linking or unclassified. The rules are tried in
order and the first that applies decides; rule is that rule's "name", or
when it has none its type and attribute(s), e.g. role:relation,
similarity:sex+age_group, strength:weight, structure:isolate. An alter no
rule applies to (e.g. its role value is missing or in no list) is
unclassified, with rule NA (null in JSON). An ego who named no alters
produces no rows. The counts of sociogram egos --classify
(bonding, bridging, linking, unclassified) are the counts of these rows.

Example:
  sociogram classify --egos egos.csv --alters alters.csv --ties aaties.csv \
      --classify rules.json -o classes.csv
`,
		run: runClassify,
	})
}

func runClassify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["classify"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	rulesFile := fs.String("classify", "", "bonding/bridging/linking classification rules `FILE` (JSON); required")
	var tf tableFlags
	tf.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := tf.check(); err != nil {
		return err
	}
	if *rulesFile == "" {
		return usagef("classify needs --classify RULES.json")
	}
	noteInputs(*rulesFile)
	rs, err := measures.ReadRules(*rulesFile)
	if err != nil {
		return err
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("classify needs survey data (--egos/--alters, --graphml DIR, --netcanvas DIR), not a whole network")
	}
	if err := rs.Check(src.ds); err != nil {
		return err
	}
	rows := classifyRows(src.ds, rs)
	return tf.write(stdout,
		func(w io.Writer) error { return writeClassCSV(w, rows) },
		func(w io.Writer) error { return writeClassJSON(w, rows) })
}

// classTable is the per-alter classification: names are the column names,
// and each row holds one value per name; rule is "" (NA) for unclassified
// alters.
type classTable struct {
	names []string
	rows  [][]string
}

// classifyRows classifies the alters of every ego of ds with rs
// (measures.Rules.Classify) into one row per alter.
func classifyRows(ds *network.Dataset, rs *measures.Rules) classTable {
	t := classTable{names: []string{"egoID"}}
	waves := ds.WaveColumn != ""
	if waves {
		t.names = append(t.names, "wave")
	}
	t.names = append(t.names, "alterID", "class", "rule")
	for _, e := range ds.Egos {
		for i, c := range rs.Classify(e) {
			row := []string{e.ID}
			if waves {
				row = append(row, e.Wave)
			}
			row = append(row, e.Alters[i].ID, c.Class.String(), c.Rule)
			t.rows = append(t.rows, row)
		}
	}
	return t
}

func writeClassCSV(w io.Writer, t classTable) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.names); err != nil {
		return err
	}
	last := len(t.names) - 1
	rec := make([]string, len(t.names))
	for _, r := range t.rows {
		copy(rec, r)
		if rec[last] == "" {
			rec[last] = "NA"
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeClassJSON writes an array of objects, one per alter, keys in column
// order, the rule of an unclassified alter as null.
func writeClassJSON(w io.Writer, t classTable) error {
	bw := bufio.NewWriter(w)
	last := len(t.names) - 1
	bw.WriteString("[")
	for i, r := range t.rows {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for k, v := range r {
			if k > 0 {
				bw.WriteString(",")
			}
			name, _ := json.Marshal(t.names[k])
			bw.Write(name)
			bw.WriteString(":")
			if k == last && v == "" {
				bw.WriteString("null")
				continue
			}
			b, _ := json.Marshal(v)
			bw.Write(b)
		}
		bw.WriteString("}")
	}
	if len(t.rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

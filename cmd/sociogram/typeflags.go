package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// typeFlags are the node-type, tie-type and tie-rule flags shared by every
// command that reads data (issue 16). They are part of inputFlags.
type typeFlags struct {
	nodeTypeColumn string
	nodeTypes      string
	tieType        string
	tieTypeColumn  string
	egoTieColumn   string
	tieRule        string
}

// addTypes registers the type flags on fs.
func (f *typeFlags) addTypes(fs *flag.FlagSet) {
	fs.StringVar(&f.nodeTypeColumn, "node-type-column", "", "alter `COLUMN` holding the node type: person, place, activity, organisation/service or the study's own (default type)")
	fs.StringVar(&f.nodeTypes, "node-types", "", "node `TYPES` the structural measures count, comma-separated, or all (default person: alters whose type is person or missing)")
	fs.StringVar(&f.tieType, "tie-type", "", "keep only alter-alter ties of this `TYPE` (their tie-type column lists it; several types are joined with |)")
	fs.StringVar(&f.tieTypeColumn, "tie-type-column", "", "tie-type `COLUMN` of the alter-alter ties (default type)")
	fs.StringVar(&f.egoTieColumn, "ego-tie-type-column", "", "alter `COLUMN` holding the types of the ego-alter tie, joined with | (default ego_tie)")
	fs.StringVar(&f.tieRule, "tie-rule", "", "make alter-alter ties from a valued answer: `RULE` such as 'close>=2' or 'knows=especially close|know each other' (EgoWeb's adjacency definition); rows that fail it are not ties")
}

// transforms reports whether the flags change the ties after reading (the
// streaming path of egos does not apply them).
func (f *typeFlags) transforms() bool { return f.tieType != "" || f.tieRule != "" }

// typeOptions returns the measure-table options of the flags.
func (f *typeFlags) typeOptions() (measures.TypeOptions, error) {
	set, err := network.ParseNodeTypes(f.nodeTypes)
	if err != nil {
		return measures.TypeOptions{}, usagef("--node-types: %v", err)
	}
	return measures.TypeOptions{NodeColumn: f.nodeTypeColumn, Count: set, TieColumn: f.tieTypeColumn, EgoTieColumn: f.egoTieColumn}, nil
}

// tableTypes returns the measure-table options of the flags; applyTypes
// (run by load) has already refused a bad --node-types.
func (f *typeFlags) tableTypes() measures.TypeOptions {
	o, _ := f.typeOptions()
	return o
}

// applyTypes checks --node-types, applies --tie-rule and --tie-type to the survey data load
// read (input.go) and states on stderr what they did.
func (f *inputFlags) applyTypes(src *loaded, stderr io.Writer) (*loaded, error) {
	if _, err := f.typeOptions(); err != nil {
		return nil, err
	}
	if src.ds == nil {
		if f.transforms() {
			return nil, usagef("--tie-rule and --tie-type apply to survey ego networks")
		}
		return src, nil
	}
	if f.tieRule != "" {
		r, err := network.ParseTieRule(f.tieRule)
		if err != nil {
			return nil, usagef("--tie-rule: %v", err)
		}
		ds, st, err := network.ApplyTieRule(src.ds, r)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "sociogram: tie rule %s (adjacency definition): %s\n", r, st)
		src.ds = ds
	}
	if f.tieType != "" {
		col := f.tieTypeColumn
		if col == "" {
			col = "type"
		}
		ds, err := network.SelectTieType(src.ds, col, f.tieType)
		if err != nil {
			return nil, err
		}
		n, m := 0, 0
		for i, e := range ds.Egos {
			n += len(e.Ties)
			m += len(src.ds.Egos[i].Ties)
		}
		fmt.Fprintf(stderr, "sociogram: tie type %s: %d of %d alter-alter ties kept\n", f.tieType, n, m)
		src.ds = ds
	}
	return src, nil
}

// noteNodeTypes says on stderr how many alters of each node type the data
// has when the structural measures leave some out.
func noteNodeTypes(stderr io.Writer, ds *network.Dataset, opt measures.TypeOptions) {
	col := opt.NodeColumn
	if col == "" {
		col = "type"
	}
	c, ok := ds.AlterAttrs.Index(col)
	if !ok || opt.Count.All() {
		return
	}
	counts := map[string]int{}
	var order []string
	left := 0
	for _, e := range ds.Egos {
		for _, a := range e.Alters {
			v := a.Attrs.At(c)
			t := network.NodeType(v)
			if t == "" {
				t = "missing"
			}
			if counts[t] == 0 {
				order = append(order, t)
			}
			counts[t]++
			if !opt.Count.Has(v) {
				left++
			}
		}
	}
	if left == 0 {
		return
	}
	parts := make([]string, len(order))
	for i, t := range order {
		parts[i] = fmt.Sprintf("%d %s", counts[t], t)
	}
	fmt.Fprintf(stderr, "sociogram: node types (column %s): %s; structural measures count %s only (%d alters left out; --node-types all to count every alter)\n",
		col, strings.Join(parts, ", "), opt.Count, left)
}

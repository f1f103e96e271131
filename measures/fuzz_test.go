package measures

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/network"
)

// fuzzDataset is a small study for FuzzMeasures to evaluate parsed lists on:
// text, numeric and partly missing attributes among egos and alters, an ego
// with no alters, one with one alter, weighted ties.
func fuzzDataset(t testing.TB) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{TieWeighted: true})
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	es, as := b.EgoAttrs(), b.AlterAttrs()
	must(b.AddEgo("e1", "", network.NewAttrs(es, map[string]string{"sex": "f", "age": "40", "role": "kin"})))
	must(b.AddEgo("e2", "", network.NewAttrs(es, map[string]string{"sex": "m", "age": "NA"})))
	must(b.AddEgo("e3", "", nil))
	for _, a := range []struct{ ego, id, sex, age, role string }{
		{"e1", "a", "f", "30", "kin"}, {"e1", "b", "m", "65", "friend"}, {"e1", "c", "", "NA", "kin"},
		{"e1", "d", "f", "71.5", "service"}, {"e2", "x", "m", "20", "friend"},
	} {
		must(b.AddAlter(a.ego, "", a.id, 1, network.NewAttrs(as, map[string]string{"sex": a.sex, "age": a.age, "role": a.role})))
	}
	must(b.AddTie("e1", "", "a", "b", 2, nil))
	must(b.AddTie("e1", "", "b", "c", 0.5, nil))
	ds, _ := b.Build()
	return ds
}

// FuzzMeasures fuzzes the --measures parser: ParseList either fails with an
// error wrapping ErrMeasure, or returns specs with unique, trimmed, non-empty
// columns and registered names, which parse back to the same specs from
// their columns; a list that also passes Check evaluates on a small study
// without panicking, giving one column per spec in order.
func FuzzMeasures(f *testing.F) {
	for _, s := range []string{
		"size", "size,ties,density", " blau(sex) , iqv(sex)", "prop(sex=f)", "count(role=kin|friend)",
		"count(age>=65)", "mean(age),sd(age)", "ei(sex),bonding(sex),bridging(sex)", "count(age<=NaN)",
		"count(sex!=f)", "size,size", "blau(", "blau())", ")(", "count(age>=x)", "", ",", "prop(sex==m)",
		"entropy(role),richness(role)", "count(a=b,c)",
	} {
		f.Add(s)
	}
	ds := fuzzDataset(f)
	f.Fuzz(func(t *testing.T, list string) {
		specs, err := ParseList(list)
		if err != nil {
			if !errors.Is(err, ErrMeasure) {
				t.Fatalf("ParseList(%q): error does not wrap ErrMeasure: %v", list, err)
			}
			return
		}
		if len(specs) == 0 {
			t.Fatalf("ParseList(%q): no specs and no error", list)
		}
		cols := make([]string, len(specs))
		for i, s := range specs {
			cols[i] = s.Column
			if s.Column == "" || s.Column != strings.TrimSpace(s.Column) {
				t.Fatalf("ParseList(%q): column %q not trimmed or empty", list, s.Column)
			}
			if !slices.Contains(Names(), s.Name) {
				t.Fatalf("ParseList(%q): unregistered name %q", list, s.Name)
			}
			again, err := ParseSpec(s.Column)
			if err != nil {
				t.Fatalf("ParseList(%q) accepted %q, ParseSpec rejects it: %v", list, s.Column, err)
			}
			if !sameSpec(s, again) {
				t.Fatalf("ParseSpec(%q) = %+v, ParseList gave %+v", s.Column, again, s)
			}
			for _, x := range s.nums {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("ParseList(%q): selector threshold %v accepted", list, x)
				}
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(cols)))) != len(cols) {
			t.Fatalf("ParseList(%q): duplicate columns %q", list, cols)
		}
		relisted, err := ParseList(strings.Join(cols, ","))
		if err != nil || len(relisted) != len(specs) {
			t.Fatalf("ParseList of the joined columns %q: %v (%d specs, want %d)", strings.Join(cols, ","), err, len(relisted), len(specs))
		}
		for i := range specs {
			if !sameSpec(specs[i], relisted[i]) {
				t.Fatalf("joined columns parse to %+v, want %+v", relisted[i], specs[i])
			}
		}
		tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 1})
		if err != nil {
			if !errors.Is(err, ErrMeasure) {
				t.Fatalf("EgoTable(%q): error does not wrap ErrMeasure: %v", list, err)
			}
			return
		}
		if !slices.Equal(tab.Columns, cols) || tab.Len() != len(ds.Egos) {
			t.Fatalf("EgoTable(%q): columns %q rows %d, want %q and %d", list, tab.Columns, tab.Len(), cols, len(ds.Egos))
		}
	})
}

// sameSpec compares two specs field by field (NaN thresholds compare
// equal, so that the comparison itself cannot hide a difference).
func sameSpec(a, b Spec) bool {
	if a.Column != b.Column || a.Name != b.Name || a.Attr != b.Attr || a.Op != b.Op || !slices.Equal(a.Values, b.Values) || len(a.nums) != len(b.nums) {
		return false
	}
	for i := range a.nums {
		if a.nums[i] != b.nums[i] && !(math.IsNaN(a.nums[i]) && math.IsNaN(b.nums[i])) {
			return false
		}
	}
	return true
}

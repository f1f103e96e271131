package measures

import (
	"fmt"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Compute evaluates one item of a measures list, such as "constraint",
// "mean(age)" or "prop(sex=f)", for one ego network of a dataset: the
// checked form of the measure functions. Unlike Mean(e, "typo"), which
// panics, it returns an error wrapping ErrMeasure for an unknown measure,
// an attribute the data does not have, or an attribute of the wrong kind
// (see Check). Table-wide preparations use the ego's whole dataset (the
// levels of iqv, the checks of the instruments), so the value equals the
// ego's cell in EgoTable with the same options. Registered measures work
// as built-in ones.
//
// Cost: that of one row of EgoTable, plus the preparation of the item over
// the dataset (O(total alters) for iqv).
func Compute(e *network.EgoNet, item string, opt TableOptions) (float64, error) {
	ds := e.Dataset()
	if ds == nil {
		return 0, specErr(item, "the ego network %q belongs to no dataset (build it with a network.DatasetBuilder or a reader)", e.ID)
	}
	s, err := ParseSpec(item)
	if err != nil {
		return 0, err
	}
	specs := []Spec{s}
	if err := Check(specs, Schemas{Alters: ds.AlterAttrs, Egos: ds.EgoAttrs}, &opt); err != nil {
		return 0, err
	}
	defs, ctxs, err := prepare(specs, &opt, datasetPopulation(ds))
	if err != nil {
		return 0, err
	}
	if defs[0].stat != nil {
		st := Of(e)
		return defs[0].stat(&st), nil
	}
	return defs[0].eval(e, ctxs[0]), nil
}

// CheckAttrs returns an error wrapping ErrMeasure when the alters of ds do
// not have each of the named attributes; the error names the attribute and
// lists those that exist. Call it on attribute names that come from users
// before passing them to the measure functions, which panic on a name the
// data does not have.
func CheckAttrs(ds *network.Dataset, names ...string) error {
	for _, n := range names {
		if _, ok := ds.AlterAttrs.Index(n); !ok {
			return fmt.Errorf("%w: attribute %q does not exist (alter attributes: %s)", ErrMeasure, n, listOrNone(ds.AlterAttrs.Names()))
		}
	}
	return nil
}

// alterColumn returns the alter schema column of attr for a measure
// function. A dataset without that attribute is caller misuse: it panics
// with a message that names the attribute, as a typo in code should not
// pass as an undefined (NaN) value. An ego network built without a dataset
// has no attributes: -1.
func alterColumn(e *network.EgoNet, attr string) int {
	ds := e.Dataset()
	if ds == nil {
		return -1
	}
	col, ok := ds.AlterAttrs.Index(attr)
	if !ok {
		panic(fmt.Sprintf("measures: the alters have no attribute %q (alter attributes: %s); check names from users with CheckAttrs or use Compute",
			attr, strings.Join(ds.AlterAttrs.Names(), ", ")))
	}
	return col
}

// datasetPopulation is the population of a dataset's tables: every ego,
// and every alter of every ego.
func datasetPopulation(ds *network.Dataset) population {
	return population{egos: func() []*network.EgoNet { return ds.Egos }, alterValues: func(attr string, fn func(network.Value)) {
		col, ok := ds.AlterAttrs.Index(attr)
		if !ok {
			return
		}
		for _, e := range ds.Egos {
			for _, a := range e.Alters {
				fn(a.Attrs.At(col))
			}
		}
	}}
}

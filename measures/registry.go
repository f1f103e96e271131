package measures

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/sociogram/sociogram/network"
)

// The measure registry maps each name usable in a measures list ("size",
// "blau", "count", ...) to its definition. Each family file fills it from
// init() with define, so parse.go and table.go never change when a measure
// is added.
//
// To add a measure:
//
//  1. Write the exported function (e.g. func Foo(e *network.EgoNet, attr
//     string) float64) with its doc comment (formula, scope, undefined
//     cases, complexity, citation).
//  2. In the same file's init(), call define(definition{...}) with:
//     name      the list/column name;
//     arg       which argument forms it takes: argNone ("foo"), argAttr
//     ("foo(attr)"), argSelector ("foo(attr=v1|v2)", "foo(attr>=3)"),
//     or'ed together when several are allowed;
//     numeric   true when the attribute must be numeric;
//     egoAttr   true when the attribute is also read from the ego;
//     eval      func(e *network.EgoNet, c *evalContext) float64, for a
//     measure of the ego network (composition, homophily, capital);
//     or stat   func(*Stats) float64 for a structural measure computed
//     by the kernel (whole-network model in NodeTable, ego graph in
//     EgoTable), with betweenness true when it needs ego betweenness;
//     prepare   optional, run once per table before any row, e.g. to
//     count an attribute's levels across the dataset;
//     check     optional extra validation of the item against the options
//     (e.g. bonding without an attribute needs a Classifier);
//     order     > 0 puts a structural measure in the default list, in
//     this order.
//  3. Add a row to the overview table in doc.go and tests with provenance.
var registry = map[string]*definition{}

// argKind is a bit set of the argument forms a measure accepts.
type argKind uint8

const (
	argNone     argKind = 1 << iota // name
	argAttr                         // name(attr)
	argSelector                     // name(attr OP value|value...)
)

// definition is a registered measure; see the registry comment.
type definition struct {
	name        string
	arg         argKind
	numeric     bool
	egoAttr     bool
	order       int
	stat        func(*Stats) float64
	betweenness bool
	eval        func(e *network.EgoNet, c *evalContext) float64
	prepare     func(c *evalContext, p population) error
	check       func(s *Spec, opt *TableOptions) error
	// argName marks a measure whose argument names something other than
	// an attribute (a subscale, a tie type, a ring): Check does not look
	// it up among the attributes; the measure's check does.
	argName bool
	// user marks a measure added with Register; doc is its description.
	user bool
	doc  string
}

// evalContext is what a measure's eval gets besides the ego network: its
// parsed item, the table options, and whatever prepare computed for the
// whole table. One evalContext per column is shared by all rows and all
// workers, so eval must not write to it.
type evalContext struct {
	Spec    *Spec
	Options *TableOptions
	// Levels is the number of levels K of Spec.Attr (iqv): the length of
	// Options.Levels[attr] when given, else the number of distinct
	// non-missing values of the attribute over the whole population.
	Levels int
	// Data holds anything else a prepare function computed.
	Data any
}

// population lets prepare functions see every alter value of the data
// behind a table: every alter of every ego in a Dataset, or every node of a
// whole network.
type population struct {
	// alterValues calls fn with every alter's (node's) value of attr.
	alterValues func(attr string, fn func(network.Value))
	// egos returns every ego of the table: the egos of the dataset
	// (EgoTable), or every node's EgoNetOf (NodeTable, built on first
	// call), for prepare functions that validate ego answers or columns.
	egos func() []*network.EgoNet
	// graph is the whole network of a NodeTable (nil for EgoTable).
	graph *network.Graph
}

// registryMu guards registry: built-in measures are defined in init, users'
// measures by Register at any time.
var registryMu sync.RWMutex

// lookup returns the definition of a measure name.
func lookup(name string) (*definition, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	d, ok := registry[name]
	return d, ok
}

// define registers a measure. It panics on a duplicate name: that is a
// programming error caught by any test.
func define(d definition) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[d.name]; dup {
		panic("measures: measure " + d.name + " defined twice")
	}
	if (d.stat == nil) == (d.eval == nil) {
		panic("measures: measure " + d.name + " needs exactly one of stat and eval")
	}
	registry[d.name] = &d
}

func (d *definition) argHelp() string {
	switch {
	case d.arg&argAttr != 0 && d.arg&argSelector != 0:
		return fmt.Sprintf("an attribute, e.g. %s(ATTR) or %s(ATTR=VALUE)", d.name, d.name)
	case d.arg&argAttr != 0:
		return fmt.Sprintf("an attribute, e.g. %s(ATTR)", d.name)
	case d.arg&argSelector != 0:
		return fmt.Sprintf("an attribute and a value, e.g. %s(ATTR=VALUE) or %s(ATTR>=NUMBER)", d.name, d.name)
	}
	return "no argument"
}

// Names returns the names of every registered measure, sorted.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// DefaultSpecs returns the default measures list: every structural
// measure, in this order (size, ties, density, components,
// isolates, effective_size, efficiency, constraint, hierarchy,
// ego_betweenness, brokerage).
func DefaultSpecs() []Spec {
	var ds []*definition
	for _, d := range registry {
		if d.order > 0 {
			ds = append(ds, d)
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].order < ds[j].order })
	out := make([]Spec, len(ds))
	for i, d := range ds {
		out[i] = Spec{Column: d.name, Name: d.name}
	}
	return out
}

// AlterClassifier classifies the alters of an ego network as bonding,
// bridging or linking ties by configurable rules (the social-capital
// rules). When TableOptions.Classifier is set, "bonding" and "bridging"
// without an attribute count the alters it puts in that class.
type AlterClassifier interface {
	// ClassifyAlters returns one class per alter of e, in alter order:
	// "bonding", "bridging", "linking", or "" when no rule applies.
	ClassifyAlters(e *network.EgoNet) []string
}

// errNeedsClassifier is returned by check functions of class counts used
// without an attribute and without rules.
var errNeedsClassifier = errors.New("needs an attribute, e.g. bonding(ATTR), or classification rules")

package measures

import (
	"errors"
	"fmt"
	"sort"

	"github.com/sociogram/sociogram/network"
)

// Args is the set of argument forms a measure accepts in a measures list;
// combine them with |.
type Args uint8

// The argument forms of a measure.
const (
	NoArg       Args = Args(argNone)     // "name"
	AttrArg     Args = Args(argAttr)     // "name(attr)"
	SelectorArg Args = Args(argSelector) // "name(attr=v1|v2)", "name(attr>=3)", ...
)

// Measure is a measure of one ego network defined outside this package.
// Registered with Register, it can be named in measures lists (ParseList),
// computed by EgoTable, NodeTable, ChangeTable and Compute, checked by
// Check, and is listed by Names and Registered, like the built-in
// measures.
type Measure struct {
	// Name is the name used in measures lists: a lower-case letter, then
	// lower-case letters, digits and '_'. It must not be taken.
	Name string
	// Args are the argument forms the measure accepts; zero means NoArg.
	Args Args
	// Numeric requires the attribute to be numeric (as mean and sd do).
	Numeric bool
	// EgoAttr requires the attribute among the ego attributes too (as the
	// homophily measures do).
	EgoAttr bool
	// Doc is a one-line description, shown by programs that list measures
	// (the sociogram command's help).
	Doc string
	// Func computes the measure of ego network e for the list item s (its
	// Attr, Op and Values; Spec.Match applies a selector). The attribute has
	// been checked against the data before Func is called. Func must be safe
	// for concurrent use (tables call it from several goroutines), must not
	// modify e, and returns NaN where the measure is undefined.
	Func func(e *network.EgoNet, s *Spec) float64
}

// ErrRegister is wrapped by every error of Register.
var ErrRegister = errors.New("cannot register measure")

// Register adds a measure to the registry, for every later call of this
// package. It is an error to register a name that is taken (a built-in
// measure or one registered before), a malformed name, or a measure
// without Func. Register is safe for concurrent use; a table being
// computed keeps the measures it was given.
func Register(m Measure) error {
	if !validName(m.Name) {
		return fmt.Errorf("%w %q: the name must be a lower-case letter followed by lower-case letters, digits or '_'", ErrRegister, m.Name)
	}
	if m.Func == nil {
		return fmt.Errorf("%w %q: Func is nil", ErrRegister, m.Name)
	}
	if m.Args&^(NoArg|AttrArg|SelectorArg) != 0 {
		return fmt.Errorf("%w %q: unknown Args %d", ErrRegister, m.Name, m.Args)
	}
	if m.Args == 0 {
		m.Args = NoArg
	}
	if m.Args == NoArg && (m.Numeric || m.EgoAttr) {
		return fmt.Errorf("%w %q: Numeric and EgoAttr need an attribute argument (AttrArg or SelectorArg)", ErrRegister, m.Name)
	}
	if _, taken := lookup(m.Name); taken {
		return fmt.Errorf("%w %q: the name is taken", ErrRegister, m.Name)
	}
	fn := m.Func
	d := definition{
		name:    m.Name,
		arg:     argKind(m.Args),
		numeric: m.Numeric,
		egoAttr: m.EgoAttr,
		doc:     m.Doc,
		user:    true,
		eval:    func(e *network.EgoNet, c *evalContext) float64 { return fn(e, c.Spec) },
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, taken := registry[d.name]; taken {
		return fmt.Errorf("%w %q: the name is taken", ErrRegister, m.Name)
	}
	registry[d.name] = &d
	return nil
}

// Registered returns the measures added with Register, sorted by name
// (the built-in measures are documented in this package).
func Registered() []Measure {
	registryMu.RLock()
	defer registryMu.RUnlock()
	var out []Measure
	for _, d := range registry {
		if d.user {
			out = append(out, Measure{Name: d.name, Args: Args(d.arg), Numeric: d.numeric, EgoAttr: d.egoAttr, Doc: d.doc, Func: d.userFunc()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// userFunc gives back the Func of a registered measure.
func (d *definition) userFunc() func(*network.EgoNet, *Spec) float64 {
	eval := d.eval
	return func(e *network.EgoNet, s *Spec) float64 { return eval(e, &evalContext{Spec: s}) }
}

// unregister removes a measure added with Register (for tests).
func unregister(name string) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if d, ok := registry[name]; ok && d.user {
		delete(registry, name)
	}
}

func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

package measures

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Op is the comparison of a selector such as count(age>=65).
type Op uint8

// The selector operators. OpNone marks an item with no selector.
const (
	OpNone Op = iota
	OpEq      // =  (value is one of the alternatives)
	OpNe      // != (value is none of the alternatives)
	OpLt      // <
	OpLe      // <=
	OpGt      // >
	OpGe      // >=
)

var opText = [...]string{"", "=", "!=", "<", "<=", ">", ">="}

// String returns the operator as written in a measures list.
func (o Op) String() string {
	if int(o) < len(opText) {
		return opText[o]
	}
	return "?"
}

// numeric reports whether the operator orders numbers.
func (o Op) numeric() bool { return o >= OpLt }

// Spec is one item of a measures list, such as "size", "blau(sex)",
// "prop(sex=f)", "count(role=family|friend)" or "count(age>=65)".
type Spec struct {
	// Column is the item as written, trimmed: the name of its output
	// column.
	Column string
	// Name is the measure's name, e.g. "blau".
	Name string
	// Attr is the attribute in parentheses, "" when there is none.
	Attr string
	// Op and Values are the selector: the alternatives after the
	// operator, split at '|'. Op is OpNone when there is no selector.
	Op     Op
	Values []string
	// nums holds Values as numbers for the ordering operators.
	nums []float64
}

// ErrMeasure is wrapped by every error about a measures list: an unknown
// name, a malformed item, a missing or extra argument, an attribute that
// does not exist or has the wrong kind.
var ErrMeasure = errors.New("bad measure")

func specErr(item, format string, args ...any) error {
	return fmt.Errorf("%w %q: %s", ErrMeasure, item, fmt.Sprintf(format, args...))
}

// ParseList splits a comma-separated measures list into items (commas
// inside parentheses belong to the item) and parses each with ParseSpec.
// It checks the grammar and the measure names, not the data: use Check
// (or EgoTable/NodeTable, which call it) for that. An item may not appear
// twice, since it names an output column.
func ParseList(list string) ([]Spec, error) {
	var items []string
	depth, start := 0, 0
	for i, c := range list {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				items = append(items, list[start:i])
				start = i + 1
			}
		}
	}
	items = append(items, list[start:])
	var out []Spec
	seen := map[string]bool{}
	for _, it := range items {
		s, err := ParseSpec(it)
		if err != nil {
			return nil, err
		}
		if seen[s.Column] {
			return nil, specErr(s.Column, "listed twice")
		}
		seen[s.Column] = true
		out = append(out, s)
	}
	return out, nil
}

// ParseSpec parses one item: name, name(attr), name(attr OP v1|v2|...)
// with OP one of = != < <= > >=. The measure must be registered and take
// the kind of argument given.
func ParseSpec(item string) (Spec, error) {
	item = strings.TrimSpace(item)
	s := Spec{Column: item}
	if item == "" {
		return s, fmt.Errorf("%w: empty item in the measures list", ErrMeasure)
	}
	name, rest, hasArg := strings.Cut(item, "(")
	s.Name = strings.TrimSpace(name)
	if hasArg {
		if !strings.HasSuffix(rest, ")") {
			return s, specErr(item, "missing closing parenthesis")
		}
		arg := rest[:len(rest)-1]
		if strings.ContainsAny(arg, "()") {
			return s, specErr(item, "unbalanced parentheses")
		}
		if err := parseArg(&s, arg); err != nil {
			return s, err
		}
	} else if strings.Contains(item, ")") {
		return s, specErr(item, "unbalanced parentheses")
	}
	if s.Name == "" {
		return s, specErr(item, "no measure name")
	}
	d, ok := lookup(s.Name)
	if !ok {
		return s, specErr(item, "unknown measure %q (known: %s)", s.Name, strings.Join(Names(), ", "))
	}
	switch {
	case s.Attr == "" && d.arg&argNone == 0:
		return s, specErr(item, "needs %s", d.argHelp())
	case s.Attr != "" && s.Op == OpNone && d.arg&argAttr == 0:
		if d.arg&argSelector != 0 {
			return s, specErr(item, "needs a value to select, e.g. %s(%s=VALUE)", s.Name, s.Attr)
		}
		return s, specErr(item, "takes no argument")
	case s.Op != OpNone && d.arg&argSelector == 0:
		if d.arg&argAttr != 0 {
			return s, specErr(item, "takes an attribute only, e.g. %s(%s)", s.Name, s.Attr)
		}
		return s, specErr(item, "takes no argument")
	}
	return s, nil
}

// parseArg fills Attr, Op and Values from the text in parentheses.
func parseArg(s *Spec, arg string) error {
	i := strings.IndexAny(arg, "=!<>")
	if i < 0 {
		s.Attr = strings.TrimSpace(arg)
		if s.Attr == "" {
			return specErr(s.Column, "empty parentheses")
		}
		return nil
	}
	s.Attr = strings.TrimSpace(arg[:i])
	if s.Attr == "" {
		return specErr(s.Column, "no attribute before %q", arg[i:])
	}
	rest := arg[i:]
	switch {
	case strings.HasPrefix(rest, "!="):
		s.Op, rest = OpNe, rest[2:]
	case strings.HasPrefix(rest, "<="):
		s.Op, rest = OpLe, rest[2:]
	case strings.HasPrefix(rest, ">="):
		s.Op, rest = OpGe, rest[2:]
	case strings.HasPrefix(rest, "=="):
		s.Op, rest = OpEq, rest[2:]
	case rest[0] == '=':
		s.Op, rest = OpEq, rest[1:]
	case rest[0] == '<':
		s.Op, rest = OpLt, rest[1:]
	case rest[0] == '>':
		s.Op, rest = OpGt, rest[1:]
	default:
		return specErr(s.Column, "malformed operator in %q (want = != < <= > >=)", arg[i:])
	}
	if strings.ContainsAny(rest, "=!<>") {
		return specErr(s.Column, "more than one operator")
	}
	for _, v := range strings.Split(rest, "|") {
		v = strings.TrimSpace(v)
		if v == "" {
			return specErr(s.Column, "empty value after %s", s.Op)
		}
		s.Values = append(s.Values, v)
	}
	if s.Op.numeric() {
		if len(s.Values) != 1 {
			return specErr(s.Column, "%s takes one value, not alternatives", s.Op)
		}
		f, err := network.ParseNumber(s.Values[0])
		if err != nil {
			return specErr(s.Column, "%s needs a finite number, got %q", s.Op, s.Values[0])
		}
		s.nums = []float64{f}
	}
	return nil
}

// Schemas are the attribute columns a measures list is checked against:
// the alters' and the egos' (for a whole network both are the node
// attributes).
type Schemas struct {
	Alters, Egos *network.Schema
	// Whole marks a whole network, whose alter and ego attributes are both
	// the node attributes; errors then say "node attributes".
	Whole bool
}

// Check verifies that the attributes the specs name exist in the data and
// have the kind the measure needs (numeric for mean, sd and the ordering
// selectors), and that a measure needing ego attributes finds the
// attribute among the egos' too. opt is passed to each measure's own
// check (e.g. bonding without an attribute needs a Classifier).
func Check(specs []Spec, sc Schemas, opt *TableOptions) error {
	for i := range specs {
		s := &specs[i]
		d, ok := lookup(s.Name)
		if !ok {
			return specErr(s.Column, "unknown measure %q", s.Name)
		}
		if s.Attr != "" && !d.argName {
			col, ok := sc.Alters.Index(s.Attr)
			if !ok {
				what := "alter attributes"
				if sc.Whole {
					what = "node attributes"
				}
				return specErr(s.Column, "attribute %q does not exist (%s: %s)", s.Attr, what, listOrNone(sc.Alters.Names()))
			}
			kind := sc.Alters.Kind(col)
			if (d.numeric || s.Op.numeric()) && kind == network.Text {
				return specErr(s.Column, "attribute %q is not numeric", s.Attr)
			}
			if kind == network.Number && (s.Op == OpEq || s.Op == OpNe) {
				for _, v := range s.Values {
					if _, err := network.ParseNumber(v); err != nil {
						return specErr(s.Column, "attribute %q is numeric but %q is not a number", s.Attr, v)
					}
				}
			}
			if d.egoAttr {
				if _, ok := sc.Egos.Index(s.Attr); !ok {
					return specErr(s.Column, "attribute %q does not exist among the ego attributes (%s)", s.Attr, listOrNone(sc.Egos.Names()))
				}
			}
		}
		if d.check != nil {
			if err := d.check(s, opt); err != nil {
				return specErr(s.Column, "%v", err)
			}
		}
	}
	return nil
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// Match reports whether v satisfies the spec's selector (Op and Values). A
// missing value never does. With = and != a numeric value matches an
// alternative that parses as the same number ("1" matches "1.0"), else the
// texts are compared. A spec without a selector (OpNone) matches no value.
// Use it on specs from ParseSpec or ParseList, which parse the numbers of
// <, <=, > and >=.
func (s *Spec) Match(v network.Value) bool {
	if s.Op == OpNone || (s.Op.numeric() && len(s.nums) == 0) {
		return false
	}
	return s.match(v)
}

// match is Match for a parsed spec with a selector.
func (s *Spec) match(v network.Value) bool {
	if v.IsMissing() {
		return false
	}
	switch s.Op {
	case OpEq, OpNe:
		in := false
		for _, alt := range s.Values {
			if valueEquals(v, alt) {
				in = true
				break
			}
		}
		return in == (s.Op == OpEq)
	}
	x, ok := v.Float()
	if !ok {
		return false
	}
	t := s.nums[0]
	switch s.Op {
	case OpLt:
		return x < t
	case OpLe:
		return x <= t
	case OpGt:
		return x > t
	case OpGe:
		return x >= t
	}
	return false
}

func valueEquals(v network.Value, text string) bool {
	if v.Text == text {
		return true
	}
	if x, ok := v.Float(); ok {
		if f, err := network.ParseNumber(text); err == nil {
			return x == f
		}
	}
	return false
}

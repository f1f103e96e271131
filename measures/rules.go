package measures

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// RuleType is the kind of a classification rule, as written in a rules
// file ("role", "strength", "similarity", "structure").
type RuleType string

// The kinds of classification rule (Rule.Type).
const (
	// RuleRole maps the relationship (an alter attribute such as "role")
	// to a class: e.g. family, close friend → bonding; neighbour, group
	// member, acquaintance → bridging; professional, services → linking.
	// Putnam (2000) for bonding/bridging; Szreter & Woolcock (2004) for
	// linking, which only a role can identify (a power or authority
	// gradient is not visible in similarity or strength).
	RuleRole RuleType = "role"
	// RuleStrength classifies by tie strength: strong ties (value ≥
	// Threshold) and weak ties (value < Threshold), by default strong →
	// bonding and weak → bridging (Granovetter 1973: weak ties bridge
	// between otherwise unconnected groups). The value is the ego–alter
	// weight when Attribute is "", else a numeric alter attribute (e.g.
	// closeness or contact frequency coded as a number).
	RuleStrength RuleType = "strength"
	// RuleSimilarity compares the alter with the ego on one or more
	// attributes (present in both the ego and the alter tables): alike →
	// bonding, different → bridging (Putnam 2000: bonding capital is
	// "inward looking" among similar people, bridging "outward looking"
	// across social cleavages). With Match "all" (the default) an alter is
	// alike when it has the ego's value on every attribute and different
	// when it differs on at least one; with Match "any" it is alike when it
	// shares at least one value and different when it differs on all.
	// When a missing value leaves the answer open, the rule does not apply.
	RuleSimilarity RuleType = "similarity"
	// RuleStructure classifies by the alter's position among the other
	// alters: with Position "isolate" (the default) an alter who knows none
	// of the ego's other alters, with "outside" an alter outside the
	// largest component of the alters (ego removed). Such an alter is the
	// ego's only link to a part of its world — a bridge across a
	// structural hole (Granovetter 1973; Burt 1992) — and gets Class
	// (default bridging); other alters are left to the next rule.
	// Burt, R. S. (1992). Structural Holes. Harvard University Press.
	RuleStructure RuleType = "structure"
)

// MatchMode says when a similarity rule finds an alter alike: "all"
// (MatchAll, also the zero value "") or "any" (MatchAny); see
// RuleSimilarity. Case is ignored.
type MatchMode string

// The match modes of a similarity rule.
const (
	MatchAll MatchMode = "all"
	MatchAny MatchMode = "any"
)

// AlterPosition is the position a structure rule looks for: "isolate"
// (PositionIsolate, also the zero value "") or "outside"
// (PositionOutside); see RuleStructure. Case is ignored.
type AlterPosition string

// The positions of a structure rule.
const (
	PositionIsolate AlterPosition = "isolate"
	PositionOutside AlterPosition = "outside"
)

// Rule is one classification rule. Which fields are used depends on Type;
// see RuleRole, RuleStrength, RuleSimilarity and RuleStructure.
type Rule struct {
	// Name is recorded on the alters the rule classifies; when empty it is
	// Type followed by the attribute(s), e.g. "role:relation".
	Name string `json:"name,omitempty"`
	// Type is RuleRole, RuleStrength, RuleSimilarity or RuleStructure.
	Type RuleType `json:"type"`

	// Attribute is the alter attribute of a role or strength rule
	// (strength: "" means the ego–alter weight).
	Attribute string `json:"attribute,omitempty"`
	// Classes (role rules) lists the attribute values of each class,
	// compared without regard to case or surrounding spaces. A value in no
	// list leaves the alter to the next rule.
	Classes map[Class][]string `json:"classes,omitempty"`

	// Threshold (strength rules): a tie is strong when its value ≥ Threshold.
	Threshold *float64 `json:"threshold,omitempty"`
	// Strong and Weak (strength rules) are the classes of strong and weak
	// ties; default bonding and bridging.
	Strong Class `json:"strong,omitempty"`
	Weak   Class `json:"weak,omitempty"`

	// Attributes (similarity rules) are compared between ego and alter.
	Attributes []string `json:"attributes,omitempty"`
	// Match (similarity rules) is MatchAll (the default) or MatchAny.
	Match MatchMode `json:"match,omitempty"`
	// Same and Different (similarity rules) are the classes of alike and
	// different alters; default bonding and bridging.
	Same      Class `json:"same,omitempty"`
	Different Class `json:"different,omitempty"`

	// Position (structure rules) is PositionIsolate (the default) or
	// PositionOutside.
	Position AlterPosition `json:"position,omitempty"`
	// Class (structure rules) is the class given; default bridging.
	Class Class `json:"class,omitempty"`

	// lookup (role rules) maps each normalised value of Classes to its
	// class; Validate builds it so that classifying an alter costs one map
	// look-up, not a scan of every listed value.
	lookup map[string]Class
}

// Rules is an ordered set of classification rules. Precedence: the rules
// are tried in order and the first that applies to an alter decides its
// class; an alter no rule applies to is Unclassified. The recommended
// order, used by the example rules file, is role first (the relationship
// is the most direct evidence, and the only one for linking), then tie
// strength, then similarity, then structure.
//
// Rules implements the AlterClassifier used by the measure table, so that
// bonding, bridging and linking without an attribute count its classes.
type Rules struct {
	Rules []Rule `json:"rules"`
	// Source names where the rules came from (a file name), for errors.
	Source string `json:"-"`
}

// Classification is the class of one alter and the name of the rule that
// gave it ("" when Unclassified).
type Classification struct {
	Class Class
	Rule  string
}

// ErrRules is wrapped by every error in a rules file or rule set.
var ErrRules = errors.New("bad classification rules")

// ruleName returns the rule's name, or its default.
func (r *Rule) ruleName() string {
	if r.Name != "" {
		return r.Name
	}
	switch r.Type {
	case RuleSimilarity:
		return string(r.Type) + ":" + strings.Join(r.Attributes, "+")
	case RuleStructure:
		if r.Position == "" {
			return string(r.Type) + ":isolate"
		}
		return string(r.Type) + ":" + strings.ToLower(string(r.Position))
	case RuleStrength:
		if r.Attribute == "" {
			return string(r.Type) + ":weight"
		}
	}
	return string(r.Type) + ":" + r.Attribute
}

// Validate checks the rules without data: known types, the fields each type
// needs, known classes, no value listed under two classes. Errors name the
// source, the rule number (from 1) and what is wrong.
//
// Validate also indexes the values of each role rule, so that Classify
// looks an alter's value up in O(1) instead of scanning every listed value
// (ReadRules, ReadRulesFrom and Check call it). Rules built in code work
// without it, more slowly for long value lists; after changing a rule's
// Classes, call Validate again.
func (rs *Rules) Validate() error {
	if len(rs.Rules) == 0 {
		return rs.errf(0, "no rules (want {\"rules\": [{\"type\": \"role\", ...}, ...]})")
	}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		switch r.Type {
		case RuleRole:
			if r.Attribute == "" {
				return rs.errf(i+1, "a role rule needs \"attribute\" (the alter column holding the relationship)")
			}
			if len(r.Classes) == 0 {
				return rs.errf(i+1, "a role rule needs \"classes\", e.g. {\"bonding\": [\"family\"]}")
			}
			if _, ok := r.Classes[Unclassified]; ok {
				return rs.errf(i+1, "classes: \"unclassified\" cannot be assigned")
			}
			seen := map[string]Class{}
			for _, c := range []Class{Bonding, Bridging, Linking} {
				for _, v := range r.Classes[c] {
					k := normValue(v)
					if prev, dup := seen[k]; dup && prev != c {
						return rs.errf(i+1, "value %q is listed under both %s and %s", v, prev, c)
					}
					seen[k] = c
				}
			}
			r.lookup = seen
		case RuleStrength:
			if r.Threshold == nil || math.IsNaN(*r.Threshold) {
				return rs.errf(i+1, "a strength rule needs a numeric \"threshold\"")
			}
		case RuleSimilarity:
			if len(r.Attributes) == 0 {
				return rs.errf(i+1, "a similarity rule needs \"attributes\" (columns in both the ego and alter tables)")
			}
			if m := strings.ToLower(string(r.Match)); m != "" && m != "all" && m != "any" {
				return rs.errf(i+1, "match %q: want \"all\" or \"any\"", r.Match)
			}
		case RuleStructure:
			if p := strings.ToLower(string(r.Position)); p != "" && p != "isolate" && p != "outside" {
				return rs.errf(i+1, "position %q: want \"isolate\" or \"outside\"", r.Position)
			}
		case "":
			return rs.errf(i+1, "missing \"type\" (want role, strength, similarity or structure)")
		default:
			return rs.errf(i+1, "unknown type %q (want role, strength, similarity or structure)", r.Type)
		}
	}
	return nil
}

// Check validates the rules against a dataset: every attribute a rule names
// exists (in the alter table; for similarity rules in the ego table too),
// strength attributes are numeric, and a strength rule on the ego–alter
// weight needs data with alter weights.
func (rs *Rules) Check(ds *network.Dataset) error {
	if err := rs.Validate(); err != nil {
		return err
	}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		switch r.Type {
		case RuleRole:
			if _, ok := ds.AlterAttrs.Index(r.Attribute); !ok {
				return rs.errf(i+1, "the alter table has no column %q", r.Attribute)
			}
		case RuleStrength:
			if r.Attribute == "" {
				if !ds.AlterWeighted {
					return rs.errf(i+1, "a strength rule without \"attribute\" uses the ego-alter weight, but the data has none (read it with the alter-weight option, e.g. EgoCSVOptions.AlterWeight, or name an alter column)")
				}
				continue
			}
			k, ok := ds.AlterAttrs.Index(r.Attribute)
			if !ok {
				return rs.errf(i+1, "the alter table has no column %q", r.Attribute)
			}
			if ds.AlterAttrs.Kind(k) == network.Text {
				return rs.errf(i+1, "column %q is not numeric", r.Attribute)
			}
		case RuleSimilarity:
			for _, a := range r.Attributes {
				if _, ok := ds.AlterAttrs.Index(a); !ok {
					return rs.errf(i+1, "the alter table has no column %q", a)
				}
				if _, ok := ds.EgoAttrs.Index(a); !ok {
					return rs.errf(i+1, "the ego table has no column %q", a)
				}
			}
		}
	}
	return nil
}

func (rs *Rules) errf(rule int, format string, args ...any) error {
	src := rs.Source
	if src == "" {
		src = "rules"
	}
	if rule > 0 {
		src = fmt.Sprintf("%s: rule %d", src, rule)
	}
	return fmt.Errorf("%w: %s: %s", ErrRules, src, fmt.Sprintf(format, args...))
}

// ReadRulesFrom reads classification rules in JSON from r; name is used in
// errors (e.g. the file name). The format:
//
//	{"rules": [
//	  {"type": "role", "attribute": "role",
//	   "classes": {"bonding": ["family", "close friend"],
//	               "bridging": ["neighbour", "group", "acquaintance"],
//	               "linking": ["professional", "services"]}},
//	  {"type": "strength", "attribute": "closeness", "threshold": 4},
//	  {"type": "similarity", "attributes": ["sex", "age_group"], "match": "all"},
//	  {"type": "structure", "position": "isolate", "class": "bridging"}
//	]}
//
// Unknown fields, a key given twice and anything after the object are
// errors; a UTF-8 byte-order mark is removed; JSON syntax errors give the
// line and column.
func ReadRulesFrom(r io.Reader, name string) (*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rs := &Rules{Source: name}
	if err := decodeJSON(name, data, rs); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRules, err)
	}
	rs.Source = name
	return rs, rs.Validate()
}

// ReadRules reads a JSON rules file (see ReadRulesFrom).
func ReadRules(path string) (*Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadRulesFrom(f, path)
}

// jsonErr turns a decoding error into "NAME:LINE:COL: what".
func jsonErr(name string, data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return fmt.Sprintf("%s: %v", name, err)
	}
	// The offset is just past the offending byte; report that byte.
	off--
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	msg := err.Error()
	if te != nil {
		msg = fmt.Sprintf("field %q: cannot use a JSON %s here (want %s)", te.Field, te.Value, te.Type)
	}
	return fmt.Sprintf("%s:%d:%d: %s", name, line, col, msg)
}

func normValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

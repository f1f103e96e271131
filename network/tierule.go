package network

import (
	"fmt"
	"slices"
	"strings"
)

// TieRule turns a valued alter-pair answer into ties: a tie attribute, an
// operator and a threshold or a list of answers. Surveys such as EgoWeb
// and the GSS ask of every pair of alters how well they know each other
// ("especially close", "know each other", "total strangers"); the analyst
// decides which answers make a tie. EgoWeb calls this the adjacency
// definition. Examples:
//
//	close>=2                             a number at least 2
//	knows=especially close|know each other  one of these answers
//	knows!=strangers                     any recorded answer but this one
//
// Operators: = and != (answers separated by "|", compared as text, or as
// numbers when both are numbers), >=, >, <=, < (a number). A pair whose
// answer is missing is not a tie.
type TieRule struct {
	Attr   string
	Op     string   // one of "=", "!=", ">=", ">", "<=", "<"
	Values []string // for = and !=
	Num    float64  // for >=, >, <=, <
}

// ParseTieRule parses a rule as written above. Spaces around the attribute
// and the values are ignored.
func ParseTieRule(s string) (TieRule, error) {
	for _, op := range []string{">=", "<=", "!=", ">", "<", "="} {
		i := strings.Index(s, op)
		if i < 0 {
			continue
		}
		r := TieRule{Attr: strings.TrimSpace(s[:i]), Op: op}
		rest := strings.TrimSpace(s[i+len(op):])
		if r.Attr == "" || rest == "" {
			return TieRule{}, fmt.Errorf("tie rule %q: want ATTRIBUTE%sVALUE", s, op)
		}
		switch op {
		case "=", "!=":
			for _, v := range strings.Split(rest, "|") {
				if v = strings.TrimSpace(v); v != "" {
					r.Values = append(r.Values, v)
				}
			}
		default:
			f, err := ParseNumber(rest)
			if err != nil {
				return TieRule{}, fmt.Errorf("tie rule %q: %q is not a number", s, rest)
			}
			r.Num = f
		}
		return r, nil
	}
	return TieRule{}, fmt.Errorf("tie rule %q: no operator (=, !=, >=, >, <=, <)", s)
}

// String returns the rule as ParseTieRule reads it.
func (r TieRule) String() string {
	switch r.Op {
	case "=", "!=":
		return r.Attr + r.Op + strings.Join(r.Values, "|")
	}
	return r.Attr + r.Op + NumberValue(r.Num).Text
}

// Holds reports whether an answer makes a tie.
func (r TieRule) Holds(v Value) bool {
	if v.IsMissing() {
		return false
	}
	switch r.Op {
	case "=", "!=":
		in := slices.ContainsFunc(r.Values, func(s string) bool {
			if s == v.Text {
				return true
			}
			f, err := ParseNumber(s)
			return err == nil && v.Kind == Number && f == v.Num
		})
		return in == (r.Op == "=")
	}
	f, ok := v.Float()
	if !ok {
		return false
	}
	switch r.Op {
	case ">=":
		return f >= r.Num
	case ">":
		return f > r.Num
	case "<=":
		return f <= r.Num
	}
	return f < r.Num
}

// TieRuleStats says what ApplyTieRule did, for the report.
type TieRuleStats struct {
	Pairs   int // alter pairs with a row in the ties table
	Ties    int // pairs the rule made ties
	Missing int // pairs with no answer (not ties)
}

// String states the rule and its effect in one line, as a report gives
// it: "tie rule close>=2 (adjacency definition): 5 of 9 alter pairs are
// ties, 1 with no answer".
func (s TieRuleStats) String() string {
	return fmt.Sprintf("%d of %d alter pairs are ties, %d with no answer", s.Ties, s.Pairs, s.Missing)
}

// ApplyTieRule returns a copy of the dataset whose alter–alter ties are
// the rows of the ties table whose answer r.Attr satisfies the rule; the
// other rows are dropped (they were answers, not ties). Egos and alters
// are unchanged. It is an error when the ties have no attribute r.Attr, or
// when the rule compares numbers and a recorded answer is not one. Cost
// O(egos + ties).
func ApplyTieRule(ds *Dataset, r TieRule) (*Dataset, TieRuleStats, error) {
	var st TieRuleStats
	col, ok := ds.TieAttrs.Index(r.Attr)
	if !ok {
		return nil, st, fmt.Errorf("%w: tie rule %s: the alter–alter ties have no attribute %q", ErrMissingColumn, r, r.Attr)
	}
	numeric := r.Op != "=" && r.Op != "!="
	for _, e := range ds.Egos {
		for _, t := range e.Ties {
			v := t.Attrs.At(col)
			if numeric && v.Kind == Text {
				return nil, st, fmt.Errorf("tie rule %s: ego %q, tie %q–%q: answer %q is not a number", r, e.ID, e.Alters[t.From].ID, e.Alters[t.To].ID, v.Text)
			}
		}
	}
	out := ds.mapEgos(func(e *EgoNet) *EgoNet {
		st.Pairs += len(e.Ties)
		for _, t := range e.Ties {
			if t.Attrs.At(col).IsMissing() {
				st.Missing++
			}
		}
		n := e.WithTies(func(t Tie) bool { return r.Holds(t.Attrs.At(col)) })
		st.Ties += len(n.Ties)
		return n
	})
	return out, st, nil
}

package measures

import (
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Classify returns the class of every alter of e, in alter order, and the
// rule that gave it (see Rules for the precedence). Attributes a rule names
// that do not exist leave the rule inapplicable (use Check first to catch
// them as errors).
//
// Complexity O(n·R·a) for n alters, R rules and a attributes per rule
// (a role rule's values are one map look-up once Validate has indexed
// them).
func (rs *Rules) Classify(e *network.EgoNet) []Classification {
	out := make([]Classification, len(e.Alters))
	done := 0
	for ri := range rs.Rules {
		if done == len(out) {
			break
		}
		r := &rs.Rules[ri]
		name := r.ruleName()
		var pos []bool
		if r.Type == RuleStructure {
			pos = structurePositions(e, strings.EqualFold(string(r.Position), string(PositionOutside)))
		}
		for ai := range e.Alters {
			if out[ai].Class != Unclassified {
				continue
			}
			if pos != nil {
				if pos[ai] {
					out[ai] = Classification{Class: orDefault(r.Class, Bridging), Rule: name}
					done++
				}
				continue
			}
			if c := r.apply(e, ai); c != Unclassified {
				out[ai] = Classification{Class: c, Rule: name}
				done++
			}
		}
	}
	return out
}

// ClassifyAlters implements AlterClassifier: the class names of Classify,
// "" for Unclassified.
func (rs *Rules) ClassifyAlters(e *network.EgoNet) []string {
	cs := rs.Classify(e)
	out := make([]string, len(cs))
	for i, c := range cs {
		if c.Class != Unclassified {
			out[i] = c.Class.String()
		}
	}
	return out
}

// apply returns the class rule r gives alter ai of e, Unclassified when it
// does not apply.
func (r *Rule) apply(e *network.EgoNet, ai int) Class {
	schema := e.Dataset().AlterAttrs
	alterValue := func(name string) network.Value {
		k, ok := schema.Index(name)
		if !ok {
			return network.Value{}
		}
		return e.Alters[ai].Attrs.At(k)
	}
	switch r.Type {
	case RuleRole:
		v := alterValue(r.Attribute)
		if v.IsMissing() {
			return Unclassified
		}
		k := normValue(v.Text)
		if r.lookup != nil {
			if c, ok := r.lookup[k]; ok {
				return c
			}
			return Unclassified
		}
		for c, vs := range r.Classes {
			for _, x := range vs {
				if normValue(x) == k {
					return c
				}
			}
		}
	case RuleStrength:
		var x float64
		if r.Attribute == "" {
			if !e.Dataset().AlterWeighted {
				return Unclassified
			}
			x = e.Alters[ai].Weight
		} else {
			f, ok := alterValue(r.Attribute).Float()
			if !ok {
				return Unclassified
			}
			x = f
		}
		if r.Threshold == nil {
			return Unclassified
		}
		if x >= *r.Threshold {
			return orDefault(r.Strong, Bonding)
		}
		return orDefault(r.Weak, Bridging)
	case RuleSimilarity:
		same, diff, unknown := 0, 0, 0
		for _, a := range r.Attributes {
			ev, av := e.EgoValue(a), alterValue(a)
			switch {
			case ev.IsMissing() || av.IsMissing():
				unknown++
			case sameValue(ev, av):
				same++
			default:
				diff++
			}
		}
		if strings.EqualFold(string(r.Match), string(MatchAny)) {
			switch {
			case same > 0:
				return orDefault(r.Same, Bonding)
			case unknown == 0:
				return orDefault(r.Different, Bridging)
			}
			return Unclassified
		}
		switch {
		case diff > 0:
			return orDefault(r.Different, Bridging)
		case unknown == 0:
			return orDefault(r.Same, Bonding)
		}
	}
	return Unclassified
}

// structurePositions marks the alters of e that a structure rule
// classifies: isolates among the alters, or (outside) alters not in the
// largest weak component of the alters (ties taken as undirected; when
// several components tie for largest, the one holding the earliest alter
// counts as largest, so an ego whose alters form two equal halves has the
// later half marked). O(n + t).
func structurePositions(e *network.EgoNet, outside bool) []bool {
	n := len(e.Alters)
	mark := make([]bool, n)
	if !outside {
		deg := make([]int, n)
		for _, t := range e.Ties {
			deg[t.From]++
			deg[t.To]++
		}
		for i := range mark {
			mark[i] = deg[i] == 0
		}
		return mark
	}
	uf := make([]int, n)
	for i := range uf {
		uf[i] = i
	}
	find := func(x int) int {
		for uf[x] != x {
			uf[x] = uf[uf[x]]
			x = uf[x]
		}
		return x
	}
	for _, t := range e.Ties {
		a, b := find(t.From), find(t.To)
		if a != b {
			if a < b {
				uf[b] = a
			} else {
				uf[a] = b
			}
		}
	}
	size := make([]int, n)
	for i := range uf {
		size[find(i)]++
	}
	best := -1
	for i := 0; i < n; i++ {
		if r := find(i); best < 0 || size[r] > size[best] {
			best = r
		}
	}
	for i := range mark {
		mark[i] = find(i) != best
	}
	return mark
}

func orDefault(c, def Class) Class {
	if c == Unclassified {
		return def
	}
	return c
}

// sameValue compares two recorded values: numerically when both are
// numbers, else as text without regard to case or surrounding spaces.
func sameValue(a, b network.Value) bool {
	if x, ok := a.Float(); ok {
		if y, ok := b.Float(); ok {
			return x == y
		}
	}
	return normValue(a.Text) == normValue(b.Text)
}

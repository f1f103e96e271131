package measures

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Sentence is one measure of a person's network map, or of how it changed,
// said in plain words for the person and their worker. Values are the
// numbers the text says, the measure's own value first, so that a test or
// a program can check them; they are never NaN, because a sentence whose
// measure is undefined is left out. A []Sentence therefore marshals to
// JSON as it is.
type Sentence struct {
	// Measure names the measure as the measure table and the change table
	// name it ("size", "density", "bonding", "lsns6", "gained", ...).
	Measure string `json:"measure"`
	// Values are the numbers the text says; Values[0] is the measure.
	Values []float64 `json:"values"`
	// Text is the sentence, ending with a full stop.
	Text string `json:"text"`
	// Alters are the IDs of the alters the sentence names (change
	// sentences), in the order it names them.
	Alters []string `json:"alters,omitempty"`
}

// WordsOptions configures Describe, DescribeChange and FollowUpOf. The zero
// value describes the structure of the people on the map (alters whose
// "type" is person or missing), counts places, services and activities,
// has no social-capital classes and no instruments, reads rings from
// "ring" and roles from "role", and names alters by their ID.
type WordsOptions struct {
	// Rules classify the alters as bonding, bridging and linking; nil
	// leaves those sentences out.
	Rules *Rules
	// Instruments give the LSNS-6 scale; nil (or a nil LSNS6) leaves its
	// sentence out. Their ring attribute is used when Ring is "".
	Instruments *Instruments
	// Types says which alters are people: the size, density, isolates and
	// groups sentences count them only (see TypeOptions).
	Types TypeOptions
	// Ring is the alter attribute holding the ring of the map (a number,
	// 1 = closest); "" means Instruments' ring attribute ("ring").
	Ring string
	// Role is the alter attribute holding the alter's role; "" means
	// "role".
	Role string
	// Label is the alter attribute that names an alter in change
	// sentences (a name or pseudonym); "" or a missing value uses the
	// alter ID.
	Label string
}

func (o *WordsOptions) ring() string {
	if o.Ring != "" {
		return o.Ring
	}
	return o.Instruments.RingAttr()
}

func (o *WordsOptions) role() string {
	if o.Role != "" {
		return o.Role
	}
	return "role"
}

// Describe says the measures of one ego network in plain words, in this
// order (measure names in brackets):
//
//   - size: the number of people on the map ("There are 8 people on your
//     map."), always;
//   - density: how many pairs of them know each other ("5 of the 28
//     pairs among your 8 people know each other (density 0.18)."), with
//     Values density, ties, pairs (for directed data: ties and possible
//     ties);
//   - isolates: how many know none of the others, when some pairs know
//     each other (with no ties the density sentence says it);
//   - components: how many groups they form that don't know each other
//     ("Your 8 people form 3 groups that don't know each other.");
//   - places, services, activities, groups, other_types: the alters of
//     other node types (network.NodeType; "group" for a club or class
//     named as one), each when there is one;
//   - bonding, bridging, linking, unclassified: with Rules, how many of
//     everyone on the map (people, places and services) each class has
//     (Capital); unclassified only when not 0;
//   - lsns6: with Instruments.LSNS6, the total and subscales out of their
//     maxima when all its items are answered.
//
// Undefined measures are left out, never said as "NA": density, isolates
// and components with fewer than 2 people (density is 0/0; one person is
// trivially one group); the classes when the map is empty; LSNS-6 when the
// egos table lacks an item's column or an answer is missing. Nothing is
// judged: the sentences say what the map shows, not whether it is good.
//
// The numbers are those of the measure table: size, ties, density,
// isolates and components of Of on the people (TypeOptions.Structural),
// Capital over every alter, LSNS6().Score. The error is an LSNS-6 answer
// that is not a whole number in range (it names the ego and the item).
// Complexity O(n + t) plus the rules' cost (Classify).
func Describe(e *network.EgoNet, opt WordsOptions) ([]Sentence, error) {
	people := opt.Types.Structural(e)
	personWord := peopleWord(opt.Types, e)
	st := Of(people)
	n, t := len(people.Alters), int(st.Ties)
	var out []Sentence
	say := func(measure, text string, values ...float64) {
		out = append(out, Sentence{Measure: measure, Values: values, Text: text})
	}

	switch n {
	case 0:
		say("size", fmt.Sprintf("There are no %s on your map yet.", personWord.plural), 0)
	case 1:
		say("size", fmt.Sprintf("There is 1 %s on your map.", personWord.one), 1)
	default:
		say("size", fmt.Sprintf("There are %d %s on your map.", n, personWord.plural), float64(n))
	}
	if n >= 2 {
		your := fmt.Sprintf("your %d %s", n, personWord.plural)
		d := decimal(st.Density)
		if e.Directed() {
			possible := n * (n - 1)
			verb := "are"
			if t == 1 {
				verb = "is"
			}
			say("density", fmt.Sprintf("There %s %s among %s, out of %d possible (density %s).",
				verb, plural(t, "tie", "ties"), your, possible, d), st.Density, float64(t), float64(possible))
		} else {
			pairs := n * (n - 1) / 2
			var text string
			switch {
			case t == 0 && n == 2:
				text = fmt.Sprintf("Your 2 %s don't know each other (density 0).", personWord.plural)
			case t == 0:
				text = fmt.Sprintf("None of %s know each other (density 0).", your)
			case t == pairs && n == 2:
				text = fmt.Sprintf("Your 2 %s know each other (density 1).", personWord.plural)
			case t == pairs:
				text = fmt.Sprintf("All %d pairs among %s know each other (density 1).", pairs, your)
			default:
				text = fmt.Sprintf("%d of the %d pairs among %s know each other (density %s).", t, pairs, your, d)
			}
			say("density", text, st.Density, float64(t), float64(pairs))
		}
		if t > 0 {
			k := int(st.Isolates)
			var text string
			switch k {
			case 0:
				text = fmt.Sprintf("Each of %s knows at least one of the others.", your)
			case 1:
				text = fmt.Sprintf("1 of %s knows none of the others.", your)
			default:
				text = fmt.Sprintf("%d of %s know none of the others.", k, your)
			}
			say("isolates", text, float64(k))
		}
		c := int(st.Components)
		if c == 1 {
			say("components", fmt.Sprintf("All %s are linked, directly or through each other: they form 1 group.", your), 1)
		} else {
			text := fmt.Sprintf("Your %d %s form %d groups that don't know each other.", n, personWord.plural, c)
			if st.Isolates > 0 {
				text += " Someone who knows none of the others is a group of their own."
			}
			say("components", text, float64(c))
		}
	}

	for _, tc := range typeCounts(e, opt.Types) {
		say(tc.measure, tc.text, float64(tc.n))
	}

	if opt.Rules != nil && len(e.Alters) > 0 {
		cc := Capital(e, opt.Rules)
		// whom is everyone classified ("your 4 people", "the 5 on your
		// map"), all is "All <whom>" and one the subject when there is
		// only one.
		whom, all, one := fmt.Sprintf("the %d on your map", cc.Size), fmt.Sprintf("All %d on your map", cc.Size), "The 1 on your map"
		if len(people.Alters) == len(e.Alters) {
			whom = fmt.Sprintf("your %d %s", cc.Size, personWord.plural)
			all, one = "All "+whom, "Your 1 "+personWord.one
		}
		class := func(measure string, k int, a, many, gloss string) {
			var text string
			switch {
			case cc.Size == 1 && k == 0:
				text = fmt.Sprintf("%s is not %s.", one, a)
			case cc.Size == 1:
				text = fmt.Sprintf("%s is %s: %s.", one, a, gloss)
			case k == 0:
				text = fmt.Sprintf("None of %s are %s.", whom, many)
			case k == 1:
				text = fmt.Sprintf("1 of %s is %s: %s.", whom, a, gloss)
			case k == cc.Size:
				text = fmt.Sprintf("%s are %s: %s.", all, many, gloss)
			default:
				text = fmt.Sprintf("%d of %s are %s: %s.", k, whom, many, gloss)
			}
			say(measure, text, float64(k))
		}
		class("bonding", cc.Bonding, "a bonding tie", "bonding ties", "close to you or like you")
		class("bridging", cc.Bridging, "a bridging tie", "bridging ties", "linking you with other circles")
		class("linking", cc.Linking, "a linking tie", "linking ties", "with a formal role, such as a professional or a service")
		switch {
		case cc.Unclassified == 0:
		case cc.Size == 1:
			say("unclassified", one+" is not classified by the study's rules.", 1)
		case cc.Unclassified == cc.Size:
			say("unclassified", fmt.Sprintf("None of %s are classified by the study's rules.", whom), float64(cc.Unclassified))
		case cc.Unclassified == 1:
			say("unclassified", fmt.Sprintf("1 of %s is not classified by the study's rules.", whom), 1)
		default:
			say("unclassified", fmt.Sprintf("%d of %s are not classified by the study's rules.", cc.Unclassified, whom),
				float64(cc.Unclassified))
		}
	}

	if in := opt.Instruments; in != nil && in.LSNS6 != nil && answered(e, in.LSNS6.Items) {
		sc := in.LSNS6
		s, err := sc.Score(e)
		if err != nil {
			return nil, err
		}
		values := []float64{s.Total}
		text := fmt.Sprintf("Lubben Social Network Scale (LSNS-6): %s out of %s", num(s.Total), num(sc.Max*float64(len(sc.Items))))
		subs := sortedKeys(sc.Subscales)
		var parts []string
		for _, name := range subs {
			v := s.Subscales[name]
			values = append(values, v)
			parts = append(parts, fmt.Sprintf("%s %s out of %s", name, num(v), num(sc.Max*float64(len(sc.Subscales[name])))))
		}
		if len(parts) > 0 {
			text += " (" + strings.Join(parts, ", ") + ")"
		}
		text += "."
		if !math.IsNaN(s.Flag) {
			values = append(values, s.Flag)
			if s.Flag == 1 {
				text += fmt.Sprintf(" The scale's authors take a score under %s as a sign of a risk of isolation.", num(*sc.Cutoff))
			}
		}
		out = append(out, Sentence{Measure: sc.Name, Values: values, Text: text})
	}
	return out, nil
}

// nouns is a noun in the singular and the plural.
type nouns struct{ one, plural string }

// peopleWord is what the structural sentences call the alters they count:
// people, unless the type options count other types too.
func peopleWord(o TypeOptions, e *network.EgoNet) nouns {
	if _, ok := e.Dataset().AlterAttrs.Index(o.nodeColumn()); ok && (o.Count.All() || o.Count.String() != network.NodePerson) {
		return nouns{"contact", "contacts"}
	}
	return nouns{"person", "people"}
}

type typeCount struct {
	measure, text string
	n             int
}

// typeCounts counts the alters of e that are not people, per node type:
// places, services (organisations), activities, groups (a club or a
// class named as one, type "group" or "groups"), then the study's own
// types in alphabetical order, each with a sentence.
func typeCounts(e *network.EgoNet, o TypeOptions) []typeCount {
	vals, ok := e.AlterValues(o.nodeColumn())
	if !ok {
		return nil
	}
	var people network.NodeTypeSet
	n := map[string]int{}
	for _, v := range vals {
		if !people.Has(v) {
			t := network.NodeType(v)
			if t == "groups" {
				t = "group"
			}
			n[t]++
		}
	}
	var out []typeCount
	for _, k := range []struct{ typ, measure, one, many string }{
		{network.NodePlace, "places", "place", "places"},
		{network.NodeOrganisation, "services", "service", "services"},
		{network.NodeActivity, "activities", "activity", "activities"},
		{"group", "groups", "group", "groups"},
	} {
		if c := n[k.typ]; c > 0 {
			out = append(out, typeCount{k.measure, fmt.Sprintf("Your map has %s.", plural(c, k.one, k.many)), c})
			delete(n, k.typ)
		}
	}
	others := make([]string, 0, len(n))
	for t := range n {
		others = append(others, t)
	}
	slices.Sort(others)
	for _, t := range others {
		out = append(out, typeCount{"other_types", fmt.Sprintf("Your map has %d marked %q.", n[t], t), n[t]})
	}
	return out
}

// answered reports whether ego e has a non-missing answer to every item.
func answered(e *network.EgoNet, items []string) bool {
	for _, it := range items {
		if _, ok := e.Dataset().EgoAttrs.Index(it); !ok || e.EgoValue(it).IsMissing() {
			return false
		}
	}
	return true
}

// plural is "1 place" or "3 places".
func plural(k int, one, many string) string {
	if k == 1 {
		return "1 " + one
	}
	return strconv.Itoa(k) + " " + many
}

// decimal writes x with at most two decimals, without trailing zeros
// (0.18, 0.1, 1), and a small x that is not 0 with one significant digit
// (0.004), so that a density above 0 is never said as 0.
func decimal(x float64) string {
	if x != 0 && math.Abs(x) < 0.005 {
		return strconv.FormatFloat(x, 'g', 1, 64) // 0.004, not 0
	}
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// num writes a whole number without decimals, others with up to two.
func num(x float64) string {
	if x == math.Trunc(x) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return decimal(x)
}

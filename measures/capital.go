package measures

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Class is the kind of social capital an alter gives access to.
//
//   - Bonding ties link people who are alike — family, close friends, people
//     of the same background; they help people "get by" (Putnam 2000).
//   - Bridging ties link people who differ — acquaintances, neighbours,
//     members of the same club from other walks of life; they help people
//     "get ahead" (Putnam 2000).
//   - Linking ties link people across explicit, formal or institutionalised
//     power or authority gradients — professionals, services, officials
//     (Szreter & Woolcock 2004).
//
// References:
//   - Putnam, R. D. (2000). Bowling Alone: The Collapse and Revival of
//     American Community. New York: Simon & Schuster.
//   - Szreter, S. & Woolcock, M. (2004). Health by association? Social
//     capital, social theory, and the political economy of public health.
//     International Journal of Epidemiology 33(4):650–667.
//     doi:10.1093/ije/dyh013.
//   - Granovetter, M. S. (1973). The strength of weak ties. American
//     Journal of Sociology 78(6):1360–1380. doi:10.1086/225469.
type Class uint8

// The classes. Unclassified marks an alter no rule applied to: it is kept
// and counted, never dropped.
const (
	Unclassified Class = iota
	Bonding
	Bridging
	Linking
)

var classNames = [...]string{"unclassified", "bonding", "bridging", "linking"}

// String returns "unclassified", "bonding", "bridging" or "linking".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", int(c))
}

// ParseClass parses a class name (case-insensitive; "" is Unclassified).
func ParseClass(s string) (Class, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "bonding":
		return Bonding, nil
	case "bridging":
		return Bridging, nil
	case "linking":
		return Linking, nil
	case "", "unclassified", "none":
		return Unclassified, nil
	}
	return Unclassified, fmt.Errorf("unknown class %q (want bonding, bridging or linking)", s)
}

// MarshalText writes the class name.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a class name.
func (c *Class) UnmarshalText(b []byte) error {
	x, err := ParseClass(string(b))
	if err != nil {
		return err
	}
	*c = x
	return nil
}

// CapitalCounts is the number and share of an ego's alters in each class.
type CapitalCounts struct {
	Size                                      int
	Bonding, Bridging, Linking, Unclassified  int
	BondingShare, BridgingShare, LinkingShare float64
	UnclassifiedShare                         float64
}

// Capital classifies the alters of e with rs and counts them per class.
//
//	count_c = |{j ∈ N(i): class(j) = c}|,   share_c = count_c / n
//
// Shares are NaN when the ego has no alters (n = 0); counts are then 0.
// Unclassified alters are counted and share the denominator, so the four
// shares sum to 1. Complexity as Classify.
func Capital(e *network.EgoNet, rs *Rules) CapitalCounts {
	cs := rs.Classify(e)
	var out CapitalCounts
	out.Size = len(cs)
	for _, c := range cs {
		switch c.Class {
		case Bonding:
			out.Bonding++
		case Bridging:
			out.Bridging++
		case Linking:
			out.Linking++
		default:
			out.Unclassified++
		}
	}
	share := func(k int) float64 {
		if out.Size == 0 {
			return math.NaN()
		}
		return float64(k) / float64(out.Size)
	}
	out.BondingShare, out.BridgingShare = share(out.Bonding), share(out.Bridging)
	out.LinkingShare, out.UnclassifiedShare = share(out.Linking), share(out.Unclassified)
	return out
}

// classShare is the share of an ego's alters the classifier puts in class;
// NaN when the ego has no alters.
func classShare(e *network.EgoNet, c AlterClassifier, class string) float64 {
	if len(e.Alters) == 0 {
		return math.NaN()
	}
	return classCount(e, c, class) / float64(len(e.Alters))
}

func needsClassifier(s *Spec, opt *TableOptions) error {
	if opt == nil || opt.Classifier == nil {
		return errors.New("needs classification rules (TableOptions.Classifier)")
	}
	return nil
}

func init() {
	// linking: with rules, the alters classified linking; with a selector,
	// linking(attr=v1|v2) counts the alters whose attr is one of the listed
	// (linking) values, as count does.
	define(definition{name: "linking", arg: argNone | argSelector,
		check: func(s *Spec, opt *TableOptions) error {
			if s.Attr == "" {
				return needsClassifier(s, opt)
			}
			return nil
		},
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			if c.Spec.Attr == "" {
				return classCount(e, c.Options.Classifier, Linking.String())
			}
			return CountFunc(e, c.Spec.Attr, c.Spec.match)
		}})
	define(definition{name: "unclassified", arg: argNone, check: needsClassifier,
		eval: func(e *network.EgoNet, c *evalContext) float64 { return classCount(e, c.Options.Classifier, "") }})
	for _, class := range []string{"bonding", "bridging", "linking", ""} {
		name := class + "_share"
		if class == "" {
			name = "unclassified_share"
		}
		define(definition{name: name, arg: argNone, check: needsClassifier,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				return classShare(e, c.Options.Classifier, class)
			}})
	}
}

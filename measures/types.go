package measures

import (
	"fmt"
	"math"
	"slices"

	"github.com/sociogram/sociogram/network"
)

// TypeOptions says how EgoTable treats node types and tie types. The zero
// value reads node types from the alter attribute "type", counts people
// only in structural measures (alters whose type is missing count as
// people), and reads tie types from the tie attribute "type" and ego–alter
// tie types from the alter attribute "ego_tie".
//
// Structural measures (size, density, effective size, constraint, ego
// betweenness, ...: every measure of Of) are computed on the ego network
// of the alters of the Count types only; a place or a service named by the
// ego is neither an alter of the size count nor a broker (Sweet et al.
// 2018 map places and activities alongside people; Burt's and Everett &
// Borgatti's measures are defined on people). Compositional measures see
// every alter, so count(type=place) counts places. When the data has no
// node-type attribute every alter counts.
type TypeOptions struct {
	// NodeColumn is the alter attribute holding the node type; "" means
	// "type".
	NodeColumn string
	// Count is the set of node types the structural measures count; the
	// zero value is people (network.NodePerson and missing types).
	Count network.NodeTypeSet
	// TieColumn is the alter–alter tie attribute holding a tie's types
	// (several joined with "|"); "" means "type".
	TieColumn string
	// EgoTieColumn is the alter attribute holding the types of the
	// ego–alter tie (several joined with "|", e.g.
	// "support_given|support_received"); "" means "ego_tie".
	EgoTieColumn string
}

func (o TypeOptions) nodeColumn() string {
	if o.NodeColumn == "" {
		return "type"
	}
	return o.NodeColumn
}

func (o TypeOptions) tieColumn() string {
	if o.TieColumn == "" {
		return "type"
	}
	return o.TieColumn
}

func (o TypeOptions) egoTieColumn() string {
	if o.EgoTieColumn == "" {
		return "ego_tie"
	}
	return o.EgoTieColumn
}

// Structural returns the ego network that structural measures are
// computed on: e restricted to the alters of the Count node types (e
// itself when the data has no node-type attribute or Count is "all").
// Cost O(n + t).
func (o TypeOptions) Structural(e *network.EgoNet) *network.EgoNet {
	return e.OfNodeTypes(o.nodeColumn(), o.Count)
}

// Multiplexity returns the mean number of types of the alter–alter ties
// of e (Verbrugge 1979; a multiplex tie is one of several types):
//
//	multiplexity = Σ_ties |types(t)| / ties
//
// where types(t) are the tie's values of the tie-type attribute col, split
// at "|" (network.TieTypes); a tie with no recorded type counts 0 types.
// Scope: alter–alter ties, every node type. Undefined (NaN) when e has no
// alter–alter ties or the ties have no attribute col. O(t).
//
// Verbrugge, L. M. (1979). Multiplexity in adult friendships. Social
// Forces 57(4):1286–1309. doi:10.2307/2577271.
func Multiplexity(e *network.EgoNet, col string) float64 {
	c, ok := e.Dataset().TieAttrs.Index(col)
	if !ok || len(e.Ties) == 0 {
		return math.NaN()
	}
	n := 0
	for _, t := range e.Ties {
		n += len(network.TieTypes(t.Attrs.At(c)))
	}
	return float64(n) / float64(len(e.Ties))
}

// MultiplexShare returns the share of alter–alter ties of e that are
// multiplex, of two or more types (Verbrugge 1979):
//
//	multiplex_share = |{t : |types(t)| ≥ 2}| / ties
//
// Undefined (NaN) as Multiplexity. O(t).
func MultiplexShare(e *network.EgoNet, col string) float64 {
	c, ok := e.Dataset().TieAttrs.Index(col)
	if !ok || len(e.Ties) == 0 {
		return math.NaN()
	}
	n := 0
	for _, t := range e.Ties {
		if len(network.TieTypes(t.Attrs.At(c))) >= 2 {
			n++
		}
	}
	return float64(n) / float64(len(e.Ties))
}

// TieShare returns the share of the alter–alter ties of e that are of
// type typ (among their types; a multiplex tie counts for each of its
// types, so shares of several types may sum to more than 1):
//
//	tie_share(T) = |{t : T ∈ types(t)}| / ties
//
// Undefined (NaN) as Multiplexity. O(t).
func TieShare(e *network.EgoNet, col, typ string) float64 {
	c, ok := e.Dataset().TieAttrs.Index(col)
	if !ok || len(e.Ties) == 0 {
		return math.NaN()
	}
	n := 0
	for _, t := range e.Ties {
		if slices.Contains(network.TieTypes(t.Attrs.At(c)), typ) {
			n++
		}
	}
	return float64(n) / float64(len(e.Ties))
}

// EgoTieMultiplexity returns the mean number of types of the ego–alter
// ties of e, read from the alter attribute col (several types joined with
// "|"; Verbrugge 1979):
//
//	ego_multiplexity = Σ_alters |types(a)| / n
//
// Undefined (NaN) when e has no alters or the alters have no attribute
// col. O(n).
func EgoTieMultiplexity(e *network.EgoNet, col string) float64 {
	vals, ok := e.AlterValues(col)
	if !ok || len(vals) == 0 {
		return math.NaN()
	}
	n := 0
	for _, v := range vals {
		n += len(network.TieTypes(v))
	}
	return float64(n) / float64(len(vals))
}

// EgoTieShare returns the share of the ego's alters whose ego–alter tie is
// of type typ (among its types, alter attribute col):
//
//	ego_tie_share(T) = |{a : T ∈ types(a)}| / n
//
// Undefined (NaN) as EgoTieMultiplexity. O(n).
func EgoTieShare(e *network.EgoNet, col, typ string) float64 {
	vals, ok := e.AlterValues(col)
	if !ok || len(vals) == 0 {
		return math.NaN()
	}
	n := 0
	for _, v := range vals {
		if slices.Contains(network.TieTypes(v), typ) {
			n++
		}
	}
	return float64(n) / float64(len(vals))
}

// needTieColumn is the prepare function of the tie-type measures: the
// alter–alter ties must have the tie-type attribute.
func needTieColumn(c *evalContext, p population) error {
	col := c.Options.Types.tieColumn()
	if egos := p.egos(); len(egos) > 0 {
		if _, ok := egos[0].Dataset().TieAttrs.Index(col); !ok {
			return fmt.Errorf("the alter–alter ties have no tie-type attribute %q (name it with the tie-type column option)", col)
		}
	}
	return nil
}

// needEgoTieColumn is the prepare function of the ego–alter tie-type
// measures.
func needEgoTieColumn(c *evalContext, p population) error {
	col := c.Options.Types.egoTieColumn()
	if egos := p.egos(); len(egos) > 0 {
		if _, ok := egos[0].Dataset().AlterAttrs.Index(col); !ok {
			return fmt.Errorf("the alters have no ego–alter tie-type attribute %q", col)
		}
	}
	return nil
}

func init() {
	define(definition{name: "multiplexity", arg: argNone, prepare: needTieColumn,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return Multiplexity(e, c.Options.Types.tieColumn())
		}})
	define(definition{name: "multiplex_share", arg: argNone, prepare: needTieColumn,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return MultiplexShare(e, c.Options.Types.tieColumn())
		}})
	define(definition{name: "tie_share", arg: argAttr, argName: true, prepare: needTieColumn,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return TieShare(e, c.Options.Types.tieColumn(), c.Spec.Attr)
		}})
	define(definition{name: "ego_multiplexity", arg: argNone, prepare: needEgoTieColumn,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return EgoTieMultiplexity(e, c.Options.Types.egoTieColumn())
		}})
	define(definition{name: "ego_tie_share", arg: argAttr, argName: true, prepare: needEgoTieColumn,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return EgoTieShare(e, c.Options.Types.egoTieColumn(), c.Spec.Attr)
		}})
}

package network

import (
	"fmt"
	"strconv"
	"strings"
)

// RepairKind is a kind of change a reader made to its input without
// failing. Its String method gives the sentence used in Report.Lines.
type RepairKind uint8

// The kinds of repair. The zero value, RepairNone, is never recorded.
const (
	RepairNone       RepairKind = iota
	RepairSelfLoops             // self-loops dropped
	RepairDuplicates            // duplicate ties merged, weights summed
	RepairBOM                   // a UTF-8 byte-order mark removed
	// RepairNodesFromEdges: GraphML nodes created by an edge without a
	// <node> element.
	RepairNodesFromEdges
	// RepairMissingWeights: GraphML edges without a weight value, given
	// weight 1.
	RepairMissingWeights
	// RepairEdgeData: GraphML edge data other than the weight ignored when
	// reading a whole network.
	RepairEdgeData
	// RepairGraphData: GraphML graph-level data ignored when reading a
	// whole network.
	RepairGraphData
	// RepairMergedEdges: repeated GraphML edges between the same two alters
	// whose data differ merged into one tie, differing values joined with
	// "|".
	RepairMergedEdges
	// RepairMultiplex: ties of several types (Network Canvas edge types,
	// or ego CSV rows of different tie types) between the same two alters
	// merged into one tie, types joined with "|".
	RepairMultiplex
	// RepairMissingTieWeightDropped: ego CSV ties with a missing weight
	// dropped (MissingDrop).
	RepairMissingTieWeightDropped
	// RepairMissingAlterWeightDropped: ego CSV alters with a missing
	// ego–alter weight dropped (MissingDrop).
	RepairMissingAlterWeightDropped
	// RepairTiesOfDroppedAlters: ego CSV ties to alters dropped for a
	// missing weight, dropped with them.
	RepairTiesOfDroppedAlters
	// RepairMissingWeightsFilled: missing weights set to a value
	// (MissingFill); Repair.Value is the value.
	RepairMissingWeightsFilled
	// RepairSkippedTieQuestions: tie cells of a wide table or an EgoWeb
	// export left empty or NA between two named alters; the question was
	// skipped and no tie is recorded.
	RepairSkippedTieQuestions
)

var repairText = [...]string{
	RepairNone:           "nothing repaired",
	RepairSelfLoops:      "self-loops dropped",
	RepairDuplicates:     "duplicate ties merged (weights summed)",
	RepairBOM:            "byte-order mark removed",
	RepairNodesFromEdges: "nodes created by an edge without a <node> element",
	RepairMissingWeights: "edges without a weight value (weight 1 used)",
	RepairEdgeData:       "edge data values ignored (a whole network keeps only edge weights)",
	RepairGraphData:      "graph-level data values ignored (a whole network has no graph attributes)",
	RepairMergedEdges:    "repeated edges between the same alters merged (differing values joined with |)",
	RepairMultiplex:      "ties of several edge types between the same alters merged (types joined with |)",

	RepairMissingTieWeightDropped:   "ties with a missing weight dropped",
	RepairMissingAlterWeightDropped: "alters with a missing weight dropped",
	RepairTiesOfDroppedAlters:       "ties to alters dropped for a missing weight dropped",
	RepairMissingWeightsFilled:      "missing weights set to a value",
	RepairSkippedTieQuestions:       "tie questions between named alters skipped (no tie)",
}

// repairOne is the text of a repair made once, where it differs from the
// plural of repairText ("1 self-loop dropped", not "1 self-loops dropped").
var repairOne = [...]string{
	RepairSelfLoops:                 "self-loop dropped",
	RepairDuplicates:                "duplicate tie merged (weights summed)",
	RepairNodesFromEdges:            "node created by an edge without a <node> element",
	RepairMissingWeights:            "edge without a weight value (weight 1 used)",
	RepairEdgeData:                  "edge data value ignored (a whole network keeps only edge weights)",
	RepairGraphData:                 "graph-level data value ignored (a whole network has no graph attributes)",
	RepairMergedEdges:               "repeated edge between the same alters merged (differing values joined with |)",
	RepairMultiplex:                 "tie of several edge types between the same alters merged (types joined with |)",
	RepairMissingTieWeightDropped:   "tie with a missing weight dropped",
	RepairMissingAlterWeightDropped: "alter with a missing weight dropped",
	RepairTiesOfDroppedAlters:       "tie to an alter dropped for a missing weight dropped",
	RepairSkippedTieQuestions:       "tie question between named alters skipped (no tie)",
}

// String describes the repair, e.g. "self-loops dropped".
func (k RepairKind) String() string {
	if int(k) < len(repairText) {
		return repairText[k]
	}
	return fmt.Sprintf("RepairKind(%d)", uint8(k))
}

// MarshalText writes the description of String, so that a Report encodes
// to JSON readably.
func (k RepairKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Repair is one kind of change a reader made to its input, with how often.
type Repair struct {
	File  string
	Kind  RepairKind
	Value float64 // the weight used, for RepairMissingWeightsFilled; else 0
	Count int
}

// text describes the repair for Lines, in the singular when Count is 1.
func (x Repair) text() string {
	if x.Kind == RepairMissingWeightsFilled {
		if x.Count == 1 {
			return "missing weight set to " + strconv.FormatFloat(x.Value, 'g', -1, 64)
		}
		return "missing weights set to " + strconv.FormatFloat(x.Value, 'g', -1, 64)
	}
	if x.Count == 1 && int(x.Kind) < len(repairOne) && repairOne[x.Kind] != "" {
		return repairOne[x.Kind]
	}
	return x.Kind.String()
}

// Report lists what a reader merged, dropped or repaired. A reader never
// changes data silently: everything it did is here. The zero value is an
// empty report.
type Report struct {
	Repairs []Repair
}

// Add records count repairs of one kind in file; a zero count is ignored.
func (r *Report) Add(file string, kind RepairKind, count int) {
	r.add(Repair{File: file, Kind: kind, Count: count})
}

// add records x, adding its count to an entry of the same file, kind and
// value.
func (r *Report) add(x Repair) {
	if x.Count == 0 {
		return
	}
	for i := range r.Repairs {
		y := &r.Repairs[i]
		if y.File == x.File && y.Kind == x.Kind && y.Value == x.Value {
			y.Count += x.Count
			return
		}
	}
	r.Repairs = append(r.Repairs, x)
}

// Merge appends the repairs of another report.
func (r *Report) Merge(o Report) {
	for _, x := range o.Repairs {
		r.add(x)
	}
}

// Count returns how many repairs of this kind were made in all files.
func (r Report) Count(kind RepairKind) int {
	n := 0
	for _, x := range r.Repairs {
		if x.Kind == kind {
			n += x.Count
		}
	}
	return n
}

// Lines returns one line per repair, "FILE: N what".
func (r Report) Lines() []string {
	out := make([]string, len(r.Repairs))
	for i, x := range r.Repairs {
		out[i] = fmt.Sprintf("%s: %d %s", x.File, x.Count, x.text())
	}
	return out
}

// String returns Lines joined by newlines.
func (r Report) String() string { return strings.Join(r.Lines(), "\n") }

// addStats records what a Builder or DatasetBuilder merged and dropped.
func (r *Report) addStats(file string, s BuildStats) {
	r.Add(file, RepairSelfLoops, s.SelfLoops)
	r.Add(file, RepairDuplicates, s.Duplicates)
	r.Add(file, RepairMultiplex, s.Multiplex)
}

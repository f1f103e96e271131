package network

import "strconv"

// EgoGraph is the structure of one ego network alone, without IDs of
// alters or attributes: what the structural measures need, in a form that
// a reader can fill in reused memory. Alters are 0..len(AlterWeights)−1 in
// the order of alters.csv; the ego is tied to every alter.
//
// StreamEgoGraphs passes EgoGraphs whose ties are as DatasetBuilder.Build
// leaves an EgoNet's: no self-ties, duplicates merged (weights summed when
// the data is tie-weighted), From < To when undirected, sorted by (From,
// To). The measures (measures.OfEgoGraph) rely on it.
type EgoGraph struct {
	ID   string
	Wave string // "" when the study has no wave column
	// IDColumn is the name of the ego ID column the data was read from
	// (Dataset.EgoIDColumn: "egoID", ".egoID" or the one the options
	// name).
	IDColumn string
	// Directed says that Ties are arcs From → To.
	Directed bool
	// AlterWeights[j] is the weight of the ego–alter tie of alter j; 1
	// when the data has no ego–alter weights.
	AlterWeights []float64
	// Ties are the alter–alter ties.
	Ties []EgoTie
}

// EgoTie is an alter–alter tie of an EgoGraph between alters From and To.
type EgoTie struct {
	From, To int32
	Weight   float64 // 1 when the data has no tie weights
}

// Size returns the number of alters.
func (g *EgoGraph) Size() int { return len(g.AlterWeights) }

// Graph returns g as a compact graph, as EgoNet.Graph does: node j
// (0 ≤ j < n) is alter j and node n the ego, tied to every alter with its
// weight (both arcs when directed). Duplicate and self ties are merged
// and dropped as Builder.Build does.
func (g *EgoGraph) Graph() *Graph {
	n := len(g.AlterWeights)
	b := &Builder{directed: g.Directed, weighted: true, attrs: NewSchema()}
	b.labels = make([]string, n+1)
	b.index = make(map[string]int32, n)
	for j := range n {
		b.labels[j] = "alter " + strconv.Itoa(j)
		b.index[b.labels[j]] = int32(j)
	}
	b.labels[n] = g.ID
	for j, w := range g.AlterWeights {
		b.addRaw(int32(n), int32(j), w)
		if b.directed {
			b.addRaw(int32(j), int32(n), w)
		}
	}
	for _, t := range g.Ties {
		b.addRaw(t.From, t.To, t.Weight)
	}
	out, _ := b.Build()
	return out
}

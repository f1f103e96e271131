package allnodes

import (
	"encoding/json"
	"math"

	"github.com/sociogram/sociogram/measures"
)

// egoAcc accumulates an ego's parts. UF is a union–find forest over the
// alters that are tied to another alter, holding only the nodes that are
// not roots: each entry is one merge of two components, so the alters'
// components number N − len(UF).
type egoAcc struct {
	Pos  int64
	N    int64
	C    float64
	CLnC float64
	Red  float64
	Iso  int64
	T    int64
	WT   float64
	EB   float64
	UF   map[string]string
}

func encodeAcc(a *egoAcc) ([]byte, error) { return json.Marshal(a) }

func decodeAcc(b []byte) (*egoAcc, error) {
	a := new(egoAcc)
	if err := json.Unmarshal(b, a); err != nil {
		return nil, err
	}
	return a, nil
}

func (a *egoAcc) find(x string) string {
	root := x
	for {
		p, ok := a.UF[root]
		if !ok {
			break
		}
		root = p
	}
	for x != root { // path compression
		p := a.UF[x]
		a.UF[x] = root
		x = p
	}
	return root
}

func (a *egoAcc) union(x, y string) {
	rx, ry := a.find(x), a.find(y)
	if rx == ry {
		return
	}
	if a.UF == nil {
		a.UF = map[string]string{}
	}
	// The smaller label becomes the root: the forest, and so the encoded
	// accumulator, does not depend on the order of the unions.
	if rx < ry {
		rx, ry = ry, rx
	}
	a.UF[rx] = ry
}

// egoCombine combines an ego's parts into its row. Sums made in another
// order than the library's differ from it by rounding only (the tests
// allow 1e-9).
type egoCombine struct{}

// CreateAccumulator returns an empty accumulator.
func (egoCombine) CreateAccumulator() *egoAcc { return &egoAcc{Pos: math.MaxInt64} }

// AddInput adds one part.
func (egoCombine) AddInput(a *egoAcc, p egoPart) *egoAcc {
	a.Pos = min(a.Pos, p.Pos)
	a.N += p.N
	a.C += p.C
	a.CLnC += p.CLnC
	a.Red += p.Red
	a.Iso += p.Iso
	a.T += p.T
	a.WT += p.WT
	a.EB += p.EB
	for k := 0; k+1 < len(p.Links); k += 2 {
		a.union(p.Links[k], p.Links[k+1])
	}
	return a
}

// MergeAccumulators merges b into a.
func (egoCombine) MergeAccumulators(a, b *egoAcc) *egoAcc {
	a.Pos = min(a.Pos, b.Pos)
	a.N += b.N
	a.C += b.C
	a.CLnC += b.CLnC
	a.Red += b.Red
	a.Iso += b.Iso
	a.T += b.T
	a.WT += b.WT
	a.EB += b.EB
	for x, p := range b.UF {
		a.union(x, p)
	}
	return a
}

// row is a node's row: its first position and its measures.
type row struct {
	Node  string
	Pos   int64
	Stats measures.Stats
}

// ExtractOutput computes the measures from the sums, with the undefined
// cases of measures.Stats:
//
//	ties = T/2, brokerage = n(n−1)/2 − ties, density = ties/(n(n−1)/2)
//	components = n − merges, isolates = alters on no triangle
//	constraint C = Σ_j c_ij, effective size = n − Σ_j red_ij
//	hierarchy = Σ_j r_j ln r_j / (n ln n), r_j = c_ij/(C/n),
//	          = (Σ_j c_ij ln c_ij − C ln(C/n)) / (C/n) / (n ln n)
//	ego betweenness = brokerage + Σ_{non-adjacent, c_jk > 0} (1/(1+c_jk) − 1)
func (egoCombine) ExtractOutput(a *egoAcc) row {
	nan := math.NaN()
	n := float64(a.N)
	var st measures.Stats
	st.Size = n
	ties := float64(a.T / 2)
	pairs := n * (n - 1) / 2
	st.Ties = ties
	st.Components = n - float64(len(a.UF))
	st.Isolates = float64(a.Iso)
	st.Brokerage = pairs - ties
	if a.N >= 2 {
		st.Density = ties / pairs
		st.WeightedDensity = a.WT / 2 / pairs
		st.BrokerageNorm = st.Brokerage / pairs
		st.EgoBetweenness = st.Brokerage + a.EB
		st.EgoBetweennessNorm = st.EgoBetweenness / pairs
	} else {
		st.Density, st.WeightedDensity, st.BrokerageNorm, st.EgoBetweennessNorm = nan, nan, nan, nan
	}
	if a.N == 0 {
		st.EffectiveSize, st.Efficiency, st.Constraint, st.Hierarchy, st.Redundancy = nan, nan, nan, nan, nan
	} else {
		st.EffectiveSize = n - a.Red
		st.Efficiency = st.EffectiveSize / n
		st.Redundancy = a.Red
		st.Constraint = a.C
		st.Hierarchy = nan
		if a.N >= 2 && a.C > 0 {
			mean := a.C / n
			h := (a.CLnC - a.C*math.Log(mean)) / mean
			st.Hierarchy = min(max(h/(n*math.Log(n)), 0), 1)
		}
	}
	return row{Pos: a.Pos, Stats: st}
}

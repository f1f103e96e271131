package measures

import (
	"context"
	"fmt"
	"math"

	"github.com/sociogram/sociogram/internal/csr"
	"github.com/sociogram/sociogram/network"
)

// Role indexes the Gould–Fernandez brokerage roles in a Roles array. The
// order is sna's column order (w_I, w_O, b_IO, b_OI, b_O, t).
//
// A broker v sits on a two-path a → v → b between two other people a ≠ b
// who have no direct tie a → b. With groups (e.g. the social-care team, the
// family, the neighbourhood) the two-path is one of five kinds (Gould &
// Fernandez 1989), written source group → broker group → target group:
type Role int

const (
	// Coordinator (w_I): A → A → A, all three in one group.
	Coordinator Role = iota
	// Itinerant (w_O, "consultant"): A → B → A, the broker links two members of another group.
	Itinerant
	// Representative (b_IO): A → A → B, the broker passes contact from their own group out.
	Representative
	// Gatekeeper (b_OI): A → B → B, the broker lets contact from outside into their own group.
	Gatekeeper
	// Liaison (b_O): A → B → C, three different groups.
	Liaison
	// TotalBrokerage (t): the sum of the five roles.
	TotalBrokerage
)

// roleNames are the measure names of the roles, in Role order.
var roleNames = [6]string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}

// String returns the role's name ("coordinator", …, "total").
func (r Role) String() string {
	if r < 0 || int(r) >= len(roleNames) {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// Roles holds one value per brokerage role, indexed by Role.
type Roles [6]float64

// BrokerageRoles is the Gould–Fernandez brokerage analysis of a graph, as
// returned by R sna::brokerage: observed role counts per node and for the
// whole graph, their expected values and standard deviations under a random
// graph of the same size and density with the same group sizes, and the
// z-scores (observed − expected) / sd.
type BrokerageRoles struct {
	Raw, Expected, SD, Z    []Roles // per node, indexed by node ID
	GraphRaw, GraphExpected Roles
	GraphSD, GraphZ         Roles
	// Density is d = m / (N(N−1)) with m the number of arcs (an undirected
	// edge counts as two arcs), the tie probability used for the expectations.
	Density float64
	// Groups lists the distinct groups in order of first appearance and
	// GroupSize their sizes n_g.
	Groups    []string
	GroupSize []int
}

// GouldFernandez performs the brokerage analysis of Gould & Fernandez (1989)
// on g, with groups[v] the group of node v (one entry per node; a missing
// value should be given as its own label, e.g. "NA", as R does).
//
// Raw counts. Node v brokers the ordered pair (a, b) when a → v → b, a, b
// and v are distinct, and there is no arc a → b. Each brokered pair adds 1
// to the role given by the groups of a, v and b (see Role) and to the total.
// An undirected graph is treated as its symmetric adjacency matrix, so an
// open two-path a – v – b counts twice, as (a, b) and (b, a), as in sna.
// Self-loops are ignored; weights are ignored.
//
// Expectations (as computed by sna 2.7-1, after Gould & Fernandez 1989), with
// N nodes, d = m/(N(N−1)), group sizes n_g, broker's group i, q = d²(1−d),
// r = d³(1−d)³:
//
//	coordinator     E = q (n_i−1)(n_i−2)
//	                V = E(1−q) + 2 (n_i−1)(n_i−2)(n_i−3) r
//	itinerant       E = q Σ_{j≠i} n_j(n_j−1)
//	                V = E(1−q) + 2 Σ_{j≠i} n_j(n_j−1)(n_j−2) r
//	representative,
//	gatekeeper      E = q (N−n_i)(n_i−1)
//	                V = E(1−q) + 2 [(n_i−1) C(N−n_i, 2) + (N−n_i) C(n_i−1, 2)] r
//	liaison         E = q [(Σ_{j≠i} n_j)² − Σ_{j≠i} n_j²]
//	                V = E(1−q) + 4 Σ_{j≠i} n_j C(N−n_j−n_i, 2) r
//	total           E = q (N−1)(N−2)
//	                V = E(1−q) + 2 (N−1)(N−2)(N−3) r
//
// SD = √V and Z = (raw − E)/SD. The graph-level (whole network) values use
// sna's formulas for the sums over all nodes. Undefined cases follow sna and
// IEEE arithmetic: a role that cannot occur (e.g. coordinator in a group of
// one or two, itinerant when every other group has one member) has E = SD
// = 0 and Z = NaN; V < 0 gives SD = NaN. An empty graph (d = 0) gives Z =
// NaN throughout.
//
// Complexity O(Σ_v indeg(v)·outdeg(v)·log Δ + G³) time for G distinct
// groups (the whole-graph liaison variance sums over ordered triples of
// groups, so a group attribute with a distinct value per node costs
// O(N³)), O(N) memory.
//
// Agrees with R sna::brokerage (sna 2.7-1) to 1e-9 on cases computed with
// sna (random directed graphs, an isolate, a group of one, an
// undirected graph).
//
// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A formal
// approach to brokerage in transaction networks. Sociological Methodology
// 19:89–126. doi:10.2307/270949.
//
// It returns ctx.Err() if ctx is cancelled before it is done (checked every
// 256 brokers and before the whole-graph sums). GouldFernandez panics if
// len(groups) != g.Order().
func GouldFernandez(ctx context.Context, g *network.Graph, groups []string) (*BrokerageRoles, error) {
	N := g.Order()
	if len(groups) != N {
		panic(fmt.Sprintf("measures: GouldFernandez: %d groups for %d nodes", len(groups), N))
	}
	c := csr.Of(g)
	gi := make([]int, N)
	index := map[string]int{}
	res := &BrokerageRoles{
		Raw: make([]Roles, N), Expected: make([]Roles, N), SD: make([]Roles, N), Z: make([]Roles, N),
	}
	for v, s := range groups {
		k, ok := index[s]
		if !ok {
			k = len(res.Groups)
			index[s] = k
			res.Groups = append(res.Groups, s)
			res.GroupSize = append(res.GroupSize, 0)
		}
		gi[v] = k
		res.GroupSize[k]++
	}
	m := 0
	for v := 0; v < N; v++ {
		if v%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		m += g.Degree(v)
		in, out := c.In.Row(int32(v)), c.Out.Row(int32(v))
		for _, a := range in {
			for _, b := range out {
				if a == b || c.Out.Has(a, b) {
					continue
				}
				r := roleOf(gi[a], gi[v], gi[b])
				res.Raw[v][r]++
				res.Raw[v][TotalBrokerage]++
			}
		}
	}
	for v := range res.Raw {
		for r := range res.GraphRaw {
			res.GraphRaw[r] += res.Raw[v][r]
		}
	}
	fN := float64(N)
	res.Density = float64(m) / (fN * (fN - 1))
	n := make([]float64, len(res.GroupSize))
	for k, c := range res.GroupSize {
		n[k] = float64(c)
	}
	exp, sd := groupExpectations(n, fN, res.Density)
	for v := 0; v < N; v++ {
		k := gi[v]
		res.Expected[v] = exp[k]
		res.SD[v] = sd[k]
		for r := range res.Z[v] {
			res.Z[v][r] = (res.Raw[v][r] - exp[k][r]) / sd[k][r]
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.GraphExpected, res.GraphSD = graphExpectations(n, fN, res.Density)
	for r := range res.GraphZ {
		res.GraphZ[r] = (res.GraphRaw[r] - res.GraphExpected[r]) / res.GraphSD[r]
	}
	return res, nil
}

// roleOf classifies the two-path a → v → b by the groups of a, v and b.
func roleOf(a, v, b int) Role {
	switch {
	case a == v && v == b:
		return Coordinator
	case a == b: // v differs
		return Itinerant
	case a == v: // b differs
		return Representative
	case v == b: // a differs
		return Gatekeeper
	default:
		return Liaison
	}
}

func choose2(x float64) float64 { return x * (x - 1) / 2 }

// groupExpectations returns the expected role counts and standard
// deviations of a broker in each group (sna's exp.grp and sd.grp).
func groupExpectations(n []float64, N, d float64) (exp, sd []Roles) {
	q := d * d * (1 - d)
	r3 := math.Pow(d, 3) * math.Pow(1-d, 3)
	exp = make([]Roles, len(n))
	sd = make([]Roles, len(n))
	for i, ni := range n {
		var sumOther, sumOtherSq, itE, itV, liV float64
		for j, nj := range n {
			if j == i {
				continue
			}
			sumOther += nj
			sumOtherSq += nj * nj
			itE += nj * (nj - 1)
			itV += nj * (nj - 1) * (nj - 2)
			liV += nj * choose2(N-nj-ni)
		}
		var e, v Roles
		e[Coordinator] = q * (ni - 1) * (ni - 2)
		v[Coordinator] = e[Coordinator]*(1-q) + 2*(ni-1)*(ni-2)*(ni-3)*r3
		e[Itinerant] = q * itE
		v[Itinerant] = e[Itinerant]*(1-q) + 2*itV*r3
		e[Representative] = q * (N - ni) * (ni - 1)
		v[Representative] = e[Representative]*(1-q) + 2*((ni-1)*choose2(N-ni)+(N-ni)*choose2(ni-1))*r3
		e[Gatekeeper], v[Gatekeeper] = e[Representative], v[Representative]
		e[Liaison] = q * (sumOther*sumOther - sumOtherSq)
		v[Liaison] = e[Liaison]*(1-q) + 4*liV*r3
		e[TotalBrokerage] = q * (N - 1) * (N - 2)
		v[TotalBrokerage] = e[TotalBrokerage]*(1-q) + 2*(N-1)*(N-2)*(N-3)*r3
		exp[i] = e
		for k := range v {
			sd[i][k] = math.Sqrt(v[k])
		}
	}
	return exp, sd
}

// graphExpectations returns the expected whole-graph role counts and their
// standard deviations (sna's exp.gli and sd.gli).
func graphExpectations(n []float64, N, d float64) (exp, sd Roles) {
	q := d * d * (1 - d)
	d3 := math.Pow(d, 3) * math.Pow(1-d, 3)
	d4 := math.Pow(d, 4) * math.Pow(1-d, 2)
	d5 := math.Pow(d, 5) * (1 - d)
	var v Roles
	var coE, coV, reE, reV, itV, liE float64
	for _, x := range n {
		coE += x * (x - 1) * (x - 2)
		coV += x * (x - 1) * (x - 2) * ((4*x-10)*d3 - 4*(x-3)*d4 + (x-3)*d5)
		reE += x * (N - x) * (x - 1)
		reV += x * (N - x) * (x - 1) * ((N-3)*d3 + (x-2)*d5)
		for _, y := range n {
			itV += x * y * (x - 1) * ((2*x+2*y-6)*d3 + (N-x-1)*d5)
			liE += x * y * (N - x - y)
		}
		itV -= x * x * (x - 1) * ((4*x-6)*d3 + (N-x-1)*d5)
		liE -= x * x * (N - 2*x)
	}
	exp[Coordinator] = q * coE
	v[Coordinator] = exp[Coordinator]*(1-q) + coV
	exp[Itinerant] = q * reE
	v[Itinerant] = exp[Itinerant]*(1-q) + itV
	exp[Representative] = q * reE
	v[Representative] = exp[Representative]*(1-q) + reV
	exp[Gatekeeper], v[Gatekeeper] = exp[Representative], v[Representative]
	exp[Liaison] = q * liE
	v[Liaison] = exp[Liaison] * (1 - q)
	for i, ni := range n {
		for j, nj := range n {
			for k, nk := range n {
				if i == j || j == k || i == k {
					continue
				}
				v[Liaison] += ni * nj * nk * ((4*(N-nj)-2*(ni+nk+1))*d3 -
					(4*(N-nk)-2*(ni+nj+1))*d4 + (N-(ni+nk+1))*d5)
			}
		}
	}
	exp[TotalBrokerage] = q * N * (N - 1) * (N - 2)
	v[TotalBrokerage] = exp[TotalBrokerage]*(1-q) + N*(N-1)*(N-2)*((4*N-10)*d3-4*(N-3)*d4+(N-3)*d5)
	for k := range v {
		sd[k] = math.Sqrt(v[k])
	}
	return exp, sd
}

// EgoBrokerageRoles counts the Gould–Fernandez roles the ego plays inside
// its own survey ego network, with groups given by the attribute attr (the
// ego's own value from the ego table, the alters' values from the alter
// table). Every alter is tied to the ego (both ways when directed), so the
// ego brokers every ordered pair of alters (j, k), j ≠ k, with no tie j → k
// (undirected: no tie j – k; both orders count, as in GouldFernandez).
// Each such pair is assigned a role by the groups of j, ego and k; the
// total is the sum of the five roles.
//
// Missing values: NaN in every role when the ego's value is missing; a pair
// with an alter whose value is missing is not counted in any role (nor in
// the total). Numeric values compare as numbers ("1" and "1.0" are one
// group), as in every attribute measure of this package.
//
// Complexity O(n² log n) for n alters.
//
// In NodeTable (a whole network, every node an ego) the ego–alter arcs of a
// directed network are those of the graph, not assumed both ways: the node
// brokers (j, k) only when j → node → k, so with every group recorded the
// roles are GouldFernandez's raw counts for that node (R sna::brokerage's
// raw.nli), tested on the same sna cases.
//
// Gould & Fernandez (1989), doi:10.2307/270949; the ego-network use follows
// Everett & Borgatti (2005) in taking the ego network, ego included, as the
// graph.
func EgoBrokerageRoles(e *network.EgoNet, attr string) Roles {
	return egoRoles(e, attr, nil, nil)
}

// egoRoles counts the roles of EgoBrokerageRoles; toEgo[j] reports an arc
// from alter j to the ego and fromEgo[k] one from the ego to alter k. Nil
// slices mean every alter is tied to the ego both ways (a survey ego
// network).
func egoRoles(e *network.EgoNet, attr string, toEgo, fromEgo []bool) Roles {
	var out Roles
	alterColumn(e, attr) // panics on an attribute the data does not have
	ev := e.EgoValue(attr)
	if ev.IsMissing() {
		for r := range out {
			out[r] = math.NaN()
		}
		return out
	}
	vals, ok := e.AlterValues(attr)
	if !ok {
		vals = make([]network.Value, len(e.Alters))
	}
	n := len(e.Alters)
	adj := make(map[[2]int]bool, len(e.Ties))
	for _, t := range e.Ties {
		adj[[2]int{t.From, t.To}] = true
		if !e.Directed() {
			adj[[2]int{t.To, t.From}] = true
		}
	}
	for j := 0; j < n; j++ {
		if vals[j].IsMissing() || (toEgo != nil && !toEgo[j]) {
			continue
		}
		for k := 0; k < n; k++ {
			if k == j || vals[k].IsMissing() || adj[[2]int{j, k}] || (fromEgo != nil && !fromEgo[k]) {
				continue
			}
			r := roleOfText(valueKey(vals[j]), valueKey(ev), valueKey(vals[k]))
			out[r]++
			out[TotalBrokerage]++
		}
	}
	return out
}

func roleOfText(a, v, b string) Role {
	id := func(s string) int {
		switch s {
		case v:
			return 0
		case a:
			return 1
		}
		return 2
	}
	return roleOf(id(a), id(v), id(b))
}

func init() {
	for r := Coordinator; r <= TotalBrokerage; r++ {
		name := r.String()
		if r == TotalBrokerage {
			name = "roles_total"
		}
		define(definition{name: name, arg: argAttr, egoAttr: true, prepare: directedGraph,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				if g, ok := c.Data.(*network.Graph); ok {
					to, from := egoArcs(g, e)
					return egoRoles(e, c.Spec.Attr, to, from)[r]
				}
				return EgoBrokerageRoles(e, c.Spec.Attr)[r]
			}})
	}
}

// directedGraph is the prepare function of the role measures: in a
// NodeTable of a directed graph it keeps the graph, whose arcs between each
// node and its alters decide which pairs the node brokers.
func directedGraph(c *evalContext, p population) error {
	if p.graph != nil && p.graph.Directed() {
		c.Data = p.graph
	}
	return nil
}

// egoArcs returns, for each alter j of e (an EgoNetOf of g), whether g has
// the arc j → ego and the arc ego → j.
func egoArcs(g *network.Graph, e *network.EgoNet) (toEgo, fromEgo []bool) {
	ego, ok := g.Lookup(e.ID)
	toEgo, fromEgo = make([]bool, len(e.Alters)), make([]bool, len(e.Alters))
	if !ok {
		return toEgo, fromEgo
	}
	for j, a := range e.Alters {
		if v, ok := g.Lookup(a.ID); ok {
			_, toEgo[j] = g.EdgeWeight(v, ego)
			_, fromEgo[j] = g.EdgeWeight(ego, v)
		}
	}
	return toEgo, fromEgo
}

package allnodes

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/sociogram/sociogram/measures"
)

// Options configures the pipeline. Edges and Out are required; the zero
// value of every other field is what sociogram nodes does.
type Options struct {
	// Edges is the edge list CSV (source,target[,weight]): a local path
	// or any path of a filesystem the program registered (gs://...).
	Edges string
	// Source and Target name the node columns; "" finds "source" and
	// "target" in any letter case.
	Source, Target string
	// Weight names the weight column; "" uses a "weight" column (any
	// letter case) when there is one, "-" reads the ties as unweighted.
	Weight string
	// Comma is the field delimiter; 0 detects it from the header (the
	// most frequent of ',', ';' and tab, as sociogram nodes does).
	Comma rune
	// Measures is the list of measures, e.g. "size,constraint"; "" means
	// the default eleven of sociogram nodes. Only structural measures
	// (see Supported) can be computed.
	Measures string
	// Format is "csv" (default) or "json", as sociogram nodes --format.
	Format string
	// Digits is the number of significant digits of values that are not
	// whole numbers (1 to 17); 0 means 15, the default of sociogram nodes.
	Digits int
	// Out is the output file (a local path or a registered filesystem's).
	Out string
	// HotDegree is the degree above which a node's key is split into
	// ⌈degree/HotDegree⌉ salted sub-keys; 0 means 1000.
	HotDegree int
	// ChunkBytes is the size of the byte ranges the edge list is read
	// in, in parallel; 0 means 16 MiB.
	ChunkBytes int64
}

// Supported returns the measures the pipeline computes: the structural
// measures of measures.Stats, in the order of that struct.
func Supported() []string {
	return []string{"size", "ties", "density", "components", "isolates",
		"effective_size", "efficiency", "constraint", "hierarchy",
		"ego_betweenness", "ego_betweenness_norm", "brokerage", "brokerage_norm",
		"weighted_density", "redundancy"}
}

// plan is what Build checks before it adds a transform.
type plan struct {
	h           *header
	names       []string // measure names, one per column
	columns     []string // column names, as requested
	betweenness bool
	format      string
	digits      int
}

func check(ctx context.Context, opt Options) (*plan, error) {
	if opt.Edges == "" {
		return nil, fmt.Errorf("allnodes: no edge list (Options.Edges)")
	}
	if opt.Out == "" {
		return nil, fmt.Errorf("allnodes: no output file (Options.Out)")
	}
	p := &plan{format: opt.Format, digits: opt.Digits}
	switch p.format {
	case "":
		p.format = "csv"
	case "csv", "json":
	default:
		return nil, fmt.Errorf("allnodes: format %q: want csv or json", opt.Format)
	}
	if p.digits == 0 {
		p.digits = 15
	}
	if p.digits < 1 || p.digits > 17 {
		return nil, fmt.Errorf("allnodes: digits %d: want 1 to 17", opt.Digits)
	}
	specs := measures.DefaultSpecs()
	if opt.Measures != "" {
		var err error
		if specs, err = measures.ParseList(opt.Measures); err != nil {
			return nil, err
		}
	}
	ok := map[string]bool{}
	for _, n := range Supported() {
		ok[n] = true
	}
	for _, sp := range specs {
		if !ok[sp.Name] || sp.Attr != "" {
			return nil, fmt.Errorf("allnodes: measure %q is not computed by the Beam pipeline (it computes the structural measures %s; measures of node attributes need sociogram nodes)", sp.Column, strings.Join(Supported(), ", "))
		}
		p.names = append(p.names, sp.Name)
		p.columns = append(p.columns, sp.Column)
		p.betweenness = p.betweenness || strings.HasPrefix(sp.Name, "ego_betweenness")
	}
	h, err := readHeader(ctx, opt)
	if err != nil {
		return nil, err
	}
	if h.Size <= h.BodyFrom {
		return nil, fmt.Errorf("%s:1: no edges after the header", opt.Edges)
	}
	p.h = h
	return p, nil
}

// Build adds the pipeline to scope s: read opt.Edges, compute the
// measures of every node, write opt.Out. It reads the edge list's header
// first, and returns an error (naming the file and line) when a column is
// missing, or when a measure is not one the pipeline computes.
func Build(ctx context.Context, s beam.Scope, opt Options) error {
	p, err := check(ctx, opt)
	if err != nil {
		return err
	}
	hot := opt.HotDegree
	if hot <= 0 {
		hot = 1000
	}
	size := opt.ChunkBytes
	if size <= 0 {
		size = 16 << 20
	}
	s = s.Scope("sociogram-allnodes")
	chunks := beam.Reshuffle(s, beam.CreateList(s, p.h.chunks(size)))
	ties, nodes := beam.ParDo2(s, &readFn{H: p.h}, chunks)

	// Ties: duplicates merged (weights summed), unweighted ties weigh 1.
	edges := beam.ParDo(s, &tieFn{Path: p.h.Path, Weighted: p.h.Weight >= 0},
		beam.CombinePerKey(s, sumFloat, ties))
	first := beam.CombinePerKey(s, minInt64, nodes)

	// Each node's degree, strength and largest weight; the hot nodes.
	sums := beam.CombinePerKey(s, addSum, beam.ParDo(s, tieEnds, edges))
	hotNodes := beam.ParDo(s, &hotFn{HotDegree: int64(hot)}, sums)

	// Each edge with both ends' sums: a salted join, then the two halves.
	ends := beam.ParDo(s, &saltEndsFn{}, edges, beam.SideInput{Input: hotNodes})
	nodeSums := beam.ParDo(s, &saltSumsFn{}, sums, beam.SideInput{Input: hotNodes})
	halves := beam.ParDo(s, joinEnds, beam.CoGroupByKey(s, ends, nodeSums))
	full := beam.ParDo(s, joinHalves, beam.GroupByKey(s, halves))

	// Triangles: forward lists, wedges joined onto the closing edge.
	fwds := beam.GroupByKey(s, beam.ParDo(s, orient, full))
	wedges := beam.ParDo(s, &wedgeFn{}, fwds, beam.SideInput{Input: hotNodes})
	closing := beam.ParDo(s, &saltEdgeFn{}, full, beam.SideInput{Input: hotNodes})
	contribs := beam.ParDo(s, triangles, beam.CoGroupByKey(s, wedges, closing))

	// Each ego's alter slots: the direct tie and the 2-hop sums.
	direct := beam.ParDo(s, directSlots, full)
	parts, triples := beam.ParDo2(s, &slotFn{Betweenness: p.betweenness}, beam.CoGroupByKey(s, direct, contribs))
	all := []beam.PCollection{parts, beam.ParDo(s, positions, first)}
	if p.betweenness {
		all = append(all, beam.ParDo(s, pairsFn, beam.CombinePerKey(s, addPaths, triples)))
	}
	rows := beam.CombinePerKey(s, &egoCombine{}, beam.Flatten(s, all...))

	// One table, in node order, by the library's writer.
	beam.ParDo0(s, &writeFn{Out: opt.Out, Format: p.format, Digits: p.digits, Names: p.names, Columns: p.columns},
		beam.GroupByKey(s, beam.ParDo(s, oneKey, rows)))
	return nil
}

func init() {
	for _, t := range []any{chunk{}, header{}, nodeSum{}, end{}, half{}, edge{}, fwd{}, wedge{}, contrib{}, direct{}, paths{}, egoPart{}, row{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	beam.RegisterCoder(reflect.TypeOf((*egoAcc)(nil)), encodeAcc, decodeAcc)
	register.DoFn4x1[context.Context, chunk, func(string, float64), func(string, int64), error](&readFn{})
	register.DoFn4x1[context.Context, string, float64, func(string, float64), error](&tieFn{})
	register.Function2x1(sumFloat)
	register.Function2x1(minInt64)
	register.Function2x1(addSum)
	register.Function3x0(tieEnds)
	register.DoFn3x0[string, nodeSum, func(string, int64)](&hotFn{})
	register.DoFn4x0[string, float64, func(*string, *int64) bool, func(string, end)](&saltEndsFn{})
	register.DoFn4x0[string, nodeSum, func(*string, *int64) bool, func(string, nodeSum)](&saltSumsFn{})
	register.Function4x1(joinEnds)
	register.Function3x1(joinHalves)
	register.Function3x0(orient)
	register.DoFn4x0[string, func(*fwd) bool, func(*string, *int64) bool, func(string, wedge)](&wedgeFn{})
	register.DoFn4x0[string, edge, func(*string, *int64) bool, func(string, edge)](&saltEdgeFn{})
	register.Function4x0(triangles)
	register.Function3x0(directSlots)
	register.DoFn5x0[string, func(*direct) bool, func(*contrib) bool, func(string, egoPart), func(string, paths)](&slotFn{})
	register.Function3x0(positions)
	register.Function2x1(addPaths)
	register.Function3x0(pairsFn)
	register.Combiner3[*egoAcc, egoPart, row](&egoCombine{})
	register.Function2x2(oneKey)
	register.DoFn3x1[context.Context, int, func(*row) bool, error](&writeFn{})
	register.Emitter2[string, float64]()
	register.Emitter2[string, int64]()
	register.Emitter2[string, nodeSum]()
	register.Emitter2[string, end]()
	register.Emitter2[string, half]()
	register.Emitter2[string, edge]()
	register.Emitter2[string, fwd]()
	register.Emitter2[string, wedge]()
	register.Emitter2[string, contrib]()
	register.Emitter2[string, direct]()
	register.Emitter2[string, egoPart]()
	register.Emitter2[string, paths]()
	register.Iter1[end]()
	register.Iter1[nodeSum]()
	register.Iter1[half]()
	register.Iter1[fwd]()
	register.Iter1[wedge]()
	register.Iter1[edge]()
	register.Iter1[direct]()
	register.Iter1[contrib]()
	register.Iter1[row]()
	register.Iter2[string, int64]()
}

// tieFn checks a merged tie's weight and makes an unweighted tie weigh 1.
type tieFn struct {
	Path     string
	Weighted bool
}

// ProcessElement checks one merged tie.
func (f *tieFn) ProcessElement(_ context.Context, pair string, w float64, emit func(string, float64)) error {
	if !f.Weighted {
		w = 1
	} else if math.IsInf(w, 0) {
		a, b := splitPair(pair)
		return fmt.Errorf("%s: the duplicate ties %s–%s sum to more than %g", f.Path, a, b, math.MaxFloat64)
	}
	emit(pair, w)
	return nil
}

func sumFloat(a, b float64) float64 { return a + b }

func minInt64(a, b int64) int64 { return min(a, b) }

// nodeSum is a node's degree, strength S (sum of its tie weights) and
// largest tie weight M.
type nodeSum struct {
	Deg  int64
	S, M float64
}

func addSum(a, b nodeSum) nodeSum { return nodeSum{a.Deg + b.Deg, a.S + b.S, max(a.M, b.M)} }

func tieEnds(pair string, w float64, emit func(string, nodeSum)) {
	a, b := splitPair(pair)
	emit(a, nodeSum{1, w, w})
	emit(b, nodeSum{1, w, w})
}

// hotFn emits the nodes of degree above HotDegree with their number of
// salted sub-keys, ⌈degree/HotDegree⌉.
type hotFn struct{ HotDegree int64 }

// ProcessElement emits node if it is hot.
func (f *hotFn) ProcessElement(node string, s nodeSum, emit func(string, int64)) {
	if s.Deg > f.HotDegree {
		emit(node, (s.Deg+f.HotDegree-1)/f.HotDegree)
	}
}

// salts is the side input of hot nodes as a map, read once per worker.
type salts struct{ m map[string]int64 }

func (s *salts) of(node string, hot func(*string, *int64) bool) int64 {
	if s.m == nil {
		s.m = map[string]int64{}
		var k string
		var v int64
		for hot(&k, &v) {
			s.m[k] = v
		}
	}
	if b, ok := s.m[node]; ok {
		return b
	}
	return 1
}

// hash64 is FNV-1a of s: the salt of a key, the same on every worker.
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func saltKey(node string, salt int64) string {
	return node + "\x00" + strconv.FormatInt(salt, 10)
}

func unsalt(key string) string {
	node, _, _ := strings.Cut(key, "\x00")
	return node
}

// end is one end of a tie, keyed by its node's salted key.
type end struct {
	Pair string
	W    float64
}

// saltEndsFn keys both ends of each tie by their node's salted key: a hot
// node's ends spread over its sub-keys by the other end's hash.
type saltEndsFn struct{ s salts }

// ProcessElement emits the two ends of a tie.
func (f *saltEndsFn) ProcessElement(pair string, w float64, hot func(*string, *int64) bool, emit func(string, end)) {
	a, b := splitPair(pair)
	emit(saltKey(a, int64(hash64(b)%uint64(f.s.of(a, hot)))), end{pair, w})
	emit(saltKey(b, int64(hash64(a)%uint64(f.s.of(b, hot)))), end{pair, w})
}

// saltSumsFn copies each node's sums to each of its sub-keys.
type saltSumsFn struct{ s salts }

// ProcessElement emits a node's sums once per sub-key.
func (f *saltSumsFn) ProcessElement(node string, sum nodeSum, hot func(*string, *int64) bool, emit func(string, nodeSum)) {
	for k := int64(0); k < f.s.of(node, hot); k++ {
		emit(saltKey(node, k), sum)
	}
}

// half is one end of a tie with its node's sums.
type half struct {
	Node string
	Deg  int64
	S, M float64
	W    float64
}

func joinEnds(key string, ends func(*end) bool, sums func(*nodeSum) bool, emit func(string, half)) error {
	var s nodeSum
	if !sums(&s) {
		return fmt.Errorf("allnodes: no sums for node %q", unsalt(key))
	}
	node := unsalt(key)
	var e end
	for ends(&e) {
		emit(e.Pair, half{node, s.Deg, s.S, s.M, e.W})
	}
	return nil
}

// edge is a tie with both ends' sums; A is the first of the pair key.
type edge struct {
	A, B   string
	W      float64
	DA, DB int64
	SA, SB float64
	MA, MB float64
}

func joinHalves(pair string, halves func(*half) bool, emit func(string, edge)) error {
	a, b := splitPair(pair)
	e := edge{A: a, B: b}
	var h half
	n := 0
	for halves(&h) {
		n++
		e.W = h.W
		if h.Node == a {
			e.DA, e.SA, e.MA = h.Deg, h.S, h.M
		} else {
			e.DB, e.SB, e.MB = h.Deg, h.S, h.M
		}
	}
	if n != 2 {
		return fmt.Errorf("allnodes: tie %s–%s has %d ends", a, b, n)
	}
	emit(pair, e)
	return nil
}

// fwd is a forward tie j→To (To ranked above j), with To's sums and j's.
type fwd struct {
	To           string
	W            float64
	Deg          int64
	S, M         float64
	FromS, FromM float64
}

// below reports whether node (deg d1, label l1) ranks below (d2, l2).
func below(d1 int64, l1 string, d2 int64, l2 string) bool {
	return d1 < d2 || (d1 == d2 && l1 < l2)
}

func orient(_ string, e edge, emit func(string, fwd)) {
	if below(e.DA, e.A, e.DB, e.B) {
		emit(e.A, fwd{e.B, e.W, e.DB, e.SB, e.MB, e.SA, e.MA})
	} else {
		emit(e.B, fwd{e.A, e.W, e.DA, e.SA, e.MA, e.SB, e.MB})
	}
}

// wedge is the 2-path A–J–B of a forward list, keyed by the salted pair
// key of A–B; WA and WB are J's tie weights to A and B.
type wedge struct {
	J      string
	WA, WB float64
	SJ, MJ float64
}

// pairSalts is the number of sub-keys of the pair a–b: a pair of two hot
// nodes, which many wedges close, is split.
func pairSalts(s *salts, a, b string, hot func(*string, *int64) bool) int64 {
	return min(s.of(a, hot), s.of(b, hot))
}

// wedgeFn emits the wedges of a forward list.
type wedgeFn struct{ s salts }

// ProcessElement emits every pair of j's forward list.
func (f *wedgeFn) ProcessElement(j string, list func(*fwd) bool, hot func(*string, *int64) bool, emit func(string, wedge)) {
	var out []fwd
	var x fwd
	for list(&x) {
		out = append(out, x)
	}
	hj := hash64(j)
	for p := 0; p < len(out); p++ {
		for q := p + 1; q < len(out); q++ {
			a, b := out[p], out[q]
			if b.To < a.To {
				a, b = b, a
			}
			salt := int64(hj % uint64(pairSalts(&f.s, a.To, b.To, hot)))
			emit(saltKey(a.To+"\x00"+b.To, salt), wedge{j, a.W, b.W, a.FromS, a.FromM})
		}
	}
}

// saltEdgeFn copies each tie to each sub-key of its pair.
type saltEdgeFn struct{ s salts }

// ProcessElement emits a tie once per sub-key of its pair.
func (f *saltEdgeFn) ProcessElement(pair string, e edge, hot func(*string, *int64) bool, emit func(string, edge)) {
	for k := int64(0); k < pairSalts(&f.s, e.A, e.B, hot); k++ {
		emit(saltKey(pair, k), e)
	}
}

// contrib is what one triangle ego–alter–Third adds to the ego's slot of
// the alter: Ind = w_ego,third · w_third,alter / S_third (the 2-hop term
// of constraint before the division by S_ego), Red = w_ego,third ·
// w_alter,third / M_alter (of redundancy), WYZ = w_alter,third.
type contrib struct {
	Third    string
	Ind, Red float64
	WYZ      float64
}

// inv is 1/x, 0 for 0 (a node whose ties all weigh 0), as the engine.
func inv(x float64) float64 {
	if x == 0 {
		return 0
	}
	return 1 / x
}

// triangles turns each wedge closed by its pair's tie into the six slot
// contributions of its triangle.
func triangles(_ string, wedges func(*wedge) bool, edges func(*edge) bool, emit func(string, contrib)) {
	var e edge
	if !edges(&e) {
		return // no tie closes these wedges
	}
	type end struct {
		id   string
		s, m float64
	}
	var w wedge
	for wedges(&w) {
		j, a, b := end{w.J, w.SJ, w.MJ}, end{e.A, e.SA, e.MA}, end{e.B, e.SB, e.MB}
		wja, wjb, wab := w.WA, w.WB, e.W
		// slot (x, y) with third z: Ind = w_xz w_zy / S_z, Red = w_xz w_yz / M_y.
		add := func(x, y, z end, wxy, wxz, wyz float64) {
			emit(x.id+"\x00"+y.id, contrib{z.id, wxz * wyz * inv(z.s), wxz * wyz * inv(y.m), wyz})
			emit(x.id+"\x00"+z.id, contrib{y.id, wxy * wyz * inv(y.s), wxy * wyz * inv(z.m), wyz})
		}
		add(j, a, b, wja, wjb, wab)
		add(a, j, b, wja, wab, wjb)
		add(b, j, a, wjb, wab, wja)
	}
}

// direct is an ego's tie to one alter, with the ego's strength.
type direct struct {
	W, S float64
}

func directSlots(_ string, e edge, emit func(string, direct)) {
	emit(e.A+"\x00"+e.B, direct{e.W, e.SA})
	emit(e.B+"\x00"+e.A, direct{e.W, e.SB})
}

// paths counts, for an ego and a pair of its alters, the alters tied to
// both (N) and whether the pair is tied (Adj, 0 or 1).
type paths struct {
	N, Adj int64
}

func addPaths(a, b paths) paths { return paths{a.N + b.N, max(a.Adj, b.Adj)} }

// egoPart is what one source adds to an ego's row: its first position in
// the edge list, one alter slot, or ego betweenness terms.
type egoPart struct {
	Pos   int64 // math.MaxInt64 when the part has none
	N     int64 // alters
	C     float64
	CLnC  float64
	Red   float64
	Iso   int64
	T     int64   // Σ triangles over the slots: twice the alter ties
	WT    float64 // Σ tie weights among alters, twice
	EB    float64 // Σ (1/(1+c) − 1) over non-adjacent pairs with c > 0
	Links []string
}

// slotFn combines one slot (ego, alter): the direct tie and its
// triangles, into the slot's dyadic constraint c_ij = (p_ij +
// indirect_ij)² and redundancy, and, for ego betweenness, the 2-paths
// through the alter between the ego's other alters.
type slotFn struct{ Betweenness bool }

// ProcessElement combines the slot.
func (f *slotFn) ProcessElement(slot string, directs func(*direct) bool, contribs func(*contrib) bool, emit func(string, egoPart), emitPaths func(string, paths)) {
	ego, alter, _ := strings.Cut(slot, "\x00")
	var d direct
	if !directs(&d) {
		return
	}
	invS := inv(d.S)
	part := egoPart{Pos: math.MaxInt64, N: 1}
	var ind, red float64
	var thirds []string
	var c contrib
	for contribs(&c) {
		ind += c.Ind
		red += c.Red
		part.T++
		part.WT += c.WYZ
		thirds = append(thirds, c.Third)
		if alter < c.Third {
			part.Links = append(part.Links, alter, c.Third)
		}
	}
	x := d.W*invS + ind*invS
	part.C = x * x
	if part.C > 0 {
		part.CLnC = part.C * math.Log(part.C)
	}
	part.Red = red * invS
	if part.T == 0 {
		part.Iso = 1
	}
	emit(ego, part)
	if !f.Betweenness {
		return
	}
	for p, y := range thirds {
		if alter < y {
			emitPaths(ego+"\x00"+alter+"\x00"+y, paths{Adj: 1})
		}
		for _, z := range thirds[p+1:] {
			a, b := y, z
			if b < a {
				a, b = b, a
			}
			emitPaths(ego+"\x00"+a+"\x00"+b, paths{N: 1})
		}
	}
}

func pairsFn(key string, p paths, emit func(string, egoPart)) {
	if p.Adj != 0 || p.N == 0 {
		return
	}
	ego, _, _ := strings.Cut(key, "\x00")
	emit(ego, egoPart{Pos: math.MaxInt64, EB: 1/float64(1+p.N) - 1})
}

func positions(node string, pos int64, emit func(string, egoPart)) {
	emit(node, egoPart{Pos: pos})
}

func oneKey(node string, r row) (int, row) {
	r.Node = node
	return 0, r
}

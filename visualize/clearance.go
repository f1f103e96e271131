package visualize

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DefaultClearance is the least distance, in points, between a tie and the
// marker of a node that is not one of its ends, in every picture this
// package draws.
const DefaultClearance vg.Length = 2

// region is where a node may be moved to keep the picture clear, in data
// units: within radius r0 … r1 of (cx, cy) and, when half < π, within half
// of the angle mid; margin keeps the whole marker inside (an egogram cell);
// fixed nodes do not move.
type region struct {
	cx, cy, r0, r1 float64
	mid, half      float64
	margin, fixed  bool
}

// freeRegion lets a node move half a data unit (half an edge length of
// a force layout) from (x, y).
func freeRegion(x, y float64) region { return region{cx: x, cy: y, r1: 0.5, half: math.Pi} }

// ringRegion keeps a node at radius r around the origin, within half of
// angle mid.
func ringRegion(r, mid, half float64) region {
	return region{r0: r, r1: r, mid: mid, half: half}
}

// drawing is where Plot put the nodes and ties, in points on the canvas.
type drawing struct {
	ids       []string
	centres   []vg.Point
	reach     []vg.Length // radius of the circle around each marker, outline included
	edges     [][2]int
	half      []vg.Length // half of each tie's width, plus its shift when drawn beside its reverse
	clearance vg.Length
	origin    vg.Point  // where data (0, 0) is on the canvas
	unit      vg.Length // one data unit on the canvas (isotropic pictures)
}

// reachOf returns how far a marker of shape s and radius r reaches from
// its centre: a square's corner at 0.88·√2·r, a polygon's at 1.15·r.
func reachOf(s Shape, r vg.Length) vg.Length {
	switch s {
	case ShapeCircle:
		return r
	case ShapeSquare:
		return r * 0.88 * math.Sqrt2
	}
	return r * 1.15
}

// maxCheckWork bounds the work of Violations on one network.
const maxCheckWork = 100_000_000

// maxClearWork bounds the work of one round of moving nodes (nodes ×
// (nodes + ties)); larger drawings are drawn as laid out.
const maxClearWork = 4_000_000

// layoutDrawing records the drawing of n on c and, when n.Clearance > 0,
// moves the nodes' centres (in place) so that the drawing is clear.
func (n *Network) layoutDrawing(c draw.Canvas, pt func(x, y float64) vg.Point, centres []vg.Point) *drawing {
	d := &drawing{ids: make([]string, len(n.Nodes)), centres: centres, reach: make([]vg.Length, len(n.Nodes)), clearance: n.Clearance}
	for i, nd := range n.Nodes {
		_, shape, r := n.style(i)
		d.reach[i] = reachOf(shape, r) + n.Outline.Width/2
		d.ids[i] = nd.ID
	}
	arcs := map[[2]int]bool{}
	for _, e := range n.Edges {
		if e.Arrow {
			arcs[[2]int{e.From, e.To}] = true
		}
	}
	for _, e := range n.Edges {
		if e.From < 0 || e.To < 0 || e.From >= len(n.Nodes) || e.To >= len(n.Nodes) || e.From == e.To {
			continue
		}
		w := e.Width
		if w <= 0 {
			w = n.EdgeStyle.Width
		}
		h := w / 2
		if e.Arrow && arcs[[2]int{e.To, e.From}] {
			h += reciprocalGap
		}
		d.edges = append(d.edges, [2]int{e.From, e.To})
		d.half = append(d.half, h)
	}
	nn := len(n.Nodes)
	if n.Clearance <= 0 || nn == 0 || nn*(nn+len(d.edges)) > maxClearWork {
		return d
	}
	origin := pt(0, 0)
	unit := float64(pt(1, 0).X - origin.X)
	key := clearKey{c.Rectangle, origin, unit}
	if n.cache != nil && n.cache.key == key && len(n.cache.centres) == nn {
		copy(centres, n.cache.centres)
		return d
	}
	regs := make([]regionPts, nn)
	for i, nd := range n.Nodes {
		rg := freeRegion(nd.X, nd.Y)
		if i < len(n.regions) {
			rg = n.regions[i]
		}
		cp := pt(rg.cx, rg.cy)
		regs[i] = regionPts{cx: float64(cp.X), cy: float64(cp.Y), r0: rg.r0 * unit, r1: rg.r1 * unit,
			mid: rg.mid, half: rg.half, margin: rg.margin, fixed: rg.fixed}
	}
	declutter(d, regs, c.Rectangle)
	n.cache = &clearCache{key: key, centres: slices.Clone(centres)}
	return d
}

// clearKey is what the moved centres of a Network depend on besides its
// nodes and ties: the canvas and the data-to-canvas transform.
type clearKey struct {
	rect   vg.Rectangle
	origin vg.Point
	unit   float64
}

// clearCache keeps the centres declutter gave for a key, so that drawing
// the same figure again (in another format, or for Positions) does not
// redo the work. Changing Nodes or Edges after a Plot needs a new Network.
type clearCache struct {
	key     clearKey
	centres []vg.Point
}

// regionPts is a region in points on the canvas.
type regionPts struct {
	cx, cy, r0, r1 float64
	mid, half      float64
	margin, fixed  bool
}

// project returns the point of the region nearest (x, y), for a marker
// reaching reach.
func (q regionPts) project(x, y, reach float64) (float64, float64) {
	if q.fixed {
		return x, y
	}
	dx, dy := x-q.cx, y-q.cy
	r := math.Hypot(dx, dy)
	r0, r1 := q.r0, q.r1
	if q.margin {
		r0, r1 = r0+reach, r1-reach
		if r0 > r1 {
			r0 = (q.r0 + q.r1) / 2
			r1 = r0
		}
	}
	th := math.Atan2(dy, dx)
	if q.half < math.Pi {
		h := q.half
		if q.margin {
			h -= reach / math.Max(math.Max(r, r0), 1)
			h = math.Max(h, 0)
		}
		dt := math.Remainder(th-q.mid, 2*math.Pi)
		th = q.mid + math.Max(-h, math.Min(h, dt))
	}
	r = math.Max(r0, math.Min(r1, r))
	return q.cx + r*math.Cos(th), q.cy + r*math.Sin(th)
}

// Gaps in points added to the guarantee while moving nodes, so that what
// is drawn keeps it after rounding.
const (
	markerGap = 0.5 // between two markers
	moveSlack = 0.3 // beyond the clearance
	maxStep   = 4.0 // most a node moves in one round
)

// declutter moves the nodes of d within their regions until no tie passes
// within the clearance of a marker other than its ends and no markers
// overlap, or until its rounds are spent. Each round visits every conflict
// and at once pushes the node away from the tie (or two markers apart)
// and the tie's ends the other way, by the missing distance, each node put
// back into its region (position-based relaxation); nodes still in
// conflict after a round of relaxation are moved to the best of a grid of
// places in their region (fewest and shallowest conflicts), and the
// relaxation repeats. Deterministic; cost O(rounds · n · (n + m)).
func declutter(d *drawing, regs []regionPts, bounds vg.Rectangle) {
	s := newClearState(d, regs, bounds)
	n := len(d.centres)
	work := n*(n+len(d.edges)) + 1
	rounds := min(200, max(10, 3*maxClearWork/work))
	for pass := 0; pass < 4; pass++ {
		if s.relax(rounds) {
			break
		}
		if !s.relocate() {
			break
		}
	}
	for i := range d.centres {
		d.centres[i] = vg.Point{X: vg.Length(s.xs[i]), Y: vg.Length(s.ys[i])}
	}
}

// clearState is the working state of declutter, in float64 points.
type clearState struct {
	d        *drawing
	regs     []regionPts
	bounds   vg.Rectangle
	xs, ys   []float64
	reach    []float64
	clear    float64
	maxReach float64
	inc      [][]int // ties of each node
	maxHalf  float64

	// A grid of cells over the canvas, rebuilt every round, so that a
	// node meets only the nodes and ties near it.
	gx0, gy0, gsize float64
	gw, gh          int
	head, next      []int32      // nodes of cell c: head[c], next[head[c]], …; -1 ends
	stamp           []int        // last mark that visited each node
	stampGen        int          // marks for cost, above every tie's k+1
	boxes           [][4]float64 // ties' boxes, grown, while relocating
}

func newClearState(d *drawing, regs []regionPts, bounds vg.Rectangle) *clearState {
	// A panel narrower than the labels around its nodes has an inverted
	// data canvas (gonum/plot pads it by the glyph boxes): its grid is
	// then one cell at the middle, not a slice of negative length.
	for _, ax := range [][2]*vg.Length{{&bounds.Min.X, &bounds.Max.X}, {&bounds.Min.Y, &bounds.Max.Y}} {
		if *ax[1] < *ax[0] {
			m := (*ax[0] + *ax[1]) / 2
			*ax[0], *ax[1] = m, m
		}
	}
	n := len(d.centres)
	s := &clearState{d: d, regs: regs, bounds: bounds, xs: make([]float64, n), ys: make([]float64, n),
		reach: make([]float64, n), clear: float64(d.clearance), inc: make([][]int, n)}
	for i, p := range d.centres {
		s.reach[i] = float64(d.reach[i])
		s.maxReach = math.Max(s.maxReach, s.reach[i])
		s.xs[i], s.ys[i] = regs[i].project(float64(p.X), float64(p.Y), s.reach[i])
	}
	for k, e := range d.edges {
		s.inc[e[0]] = append(s.inc[e[0]], k)
		s.inc[e[1]] = append(s.inc[e[1]], k)
		s.maxHalf = math.Max(s.maxHalf, float64(d.half[k]))
	}
	s.stamp = make([]int, n)
	s.stampGen = len(d.edges) + 1
	s.next = make([]int32, n)
	// Cells twice as wide as the farthest a tie must keep from a centre,
	// so that the cells around points every quarter cell along a tie hold
	// every node it could pass too close to.
	pad := math.Max(s.maxReach+s.clear+s.maxHalf, 2*s.maxReach+markerGap) + moveSlack
	s.gsize = 2 * pad
	s.gx0, s.gy0 = float64(bounds.Min.X), float64(bounds.Min.Y)
	for {
		s.gw = int(float64(bounds.Max.X-bounds.Min.X)/s.gsize) + 1
		s.gh = int(float64(bounds.Max.Y-bounds.Min.Y)/s.gsize) + 1
		if s.gw*s.gh <= 4*n+64 {
			break
		}
		s.gsize *= 1.5
	}
	s.head = make([]int32, s.gw*s.gh)
	return s
}

// cellOf returns the grid cell of a point (clamped to the grid).
func (s *clearState) cellOf(x, y float64) (int, int) {
	cx := min(max(int((x-s.gx0)/s.gsize), 0), s.gw-1)
	cy := min(max(int((y-s.gy0)/s.gsize), 0), s.gh-1)
	return cx, cy
}

// build puts every node into its cell.
func (s *clearState) build() {
	for i := range s.head {
		s.head[i] = -1
	}
	for i := range s.xs {
		cx, cy := s.cellOf(s.xs[i], s.ys[i])
		c := cy*s.gw + cx
		s.next[i] = s.head[c]
		s.head[c] = int32(i)
	}
}

// near calls f for every node in the 3 × 3 cells around (x, y).
func (s *clearState) near(x, y float64, f func(j int)) {
	cx, cy := s.cellOf(x, y)
	for gy := max(cy-1, 0); gy <= min(cy+1, s.gh-1); gy++ {
		for gx := max(cx-1, 0); gx <= min(cx+1, s.gw-1); gx++ {
			for j := s.head[gy*s.gw+gx]; j >= 0; j = s.next[j] {
				f(int(j))
			}
		}
	}
}

// alongTie calls f once for every node near tie k (in the cells around
// points every quarter cell along it).
func (s *clearState) alongTie(k int, f func(w int)) {
	s.alongTieMark(k, k+1, f)
}

// alongTieMark is alongTie with a mark that must differ from every mark
// used since the last resetStamps.
func (s *clearState) alongTieMark(k, mark int, f func(w int)) {
	u, v := s.d.edges[k][0], s.d.edges[k][1]
	ax, ay, bx, by := s.xs[u], s.ys[u], s.xs[v], s.ys[v]
	l := math.Hypot(bx-ax, by-ay)
	steps := int(l/(s.gsize/4)) + 1
	visit := func(w int) {
		if s.stamp[w] != mark {
			s.stamp[w] = mark
			f(w)
		}
	}
	lastCX, lastCY := -2, -2
	for i := 0; i <= steps; i++ {
		t := float64(i) / float64(steps)
		cx, cy := s.cellOf(ax+t*(bx-ax), ay+t*(by-ay))
		if cx == lastCX && cy == lastCY {
			continue
		}
		lastCX, lastCY = cx, cy
		s.near(s.gx0+(float64(cx)+0.5)*s.gsize, s.gy0+(float64(cy)+0.5)*s.gsize, visit)
	}
}

// resetStamps forgets which ties visited which nodes.
func (s *clearState) resetStamps() {
	for i := range s.stamp {
		s.stamp[i] = 0
	}
}

// move moves node i by (x, y), kept in the canvas and its region.
func (s *clearState) move(i int, x, y float64) {
	if s.regs[i].fixed {
		return
	}
	if l := math.Hypot(x, y); l > maxStep {
		x, y = x*maxStep/l, y*maxStep/l
	}
	nx := math.Max(float64(s.bounds.Min.X), math.Min(float64(s.bounds.Max.X), s.xs[i]+x))
	ny := math.Max(float64(s.bounds.Min.Y), math.Min(float64(s.bounds.Max.Y), s.ys[i]+y))
	s.xs[i], s.ys[i] = s.regs[i].project(nx, ny, s.reach[i])
}

// tieNeed returns how close tie k may come to node w's centre.
func (s *clearState) tieNeed(k, w int) float64 {
	return s.reach[w] + s.clear + float64(s.d.half[k])
}

// tieConflict returns how much tie k misses its clearance from node w (0
// when clear), the parameter of the nearest point and the unit normal
// from the tie towards w.
func (s *clearState) tieConflict(k, w int) (miss, t, nx, ny float64) {
	u, v := s.d.edges[k][0], s.d.edges[k][1]
	if w == u || w == v {
		return 0, 0, 0, 0
	}
	need := s.tieNeed(k, w)
	ax, ay, bx, by := s.xs[u], s.ys[u], s.xs[v], s.ys[v]
	px, py := s.xs[w], s.ys[w]
	if (px < ax-need && px < bx-need) || (px > ax+need && px > bx+need) || (py < ay-need && py < by-need) || (py > ay+need && py > by+need) {
		return 0, 0, 0, 0
	}
	dist, t, nx, ny := segNormal(px, py, ax, ay, bx, by)
	if dist >= need {
		return 0, 0, 0, 0
	}
	if (t <= 0 || t >= 1) && dist >= s.reach[w]+math.Max(s.reach[u], s.reach[v]) {
		return 0, 0, 0, 0
	}
	if dist < 1e-9 {
		nx, ny = -(by - ay), bx-ax
		l := math.Hypot(nx, ny)
		if l == 0 {
			return 0, 0, 0, 0
		}
		nx, ny = nx/l, ny/l
		if w%2 == 1 {
			nx, ny = -nx, -ny
		}
	}
	return need - dist, t, nx, ny
}

// overlap returns how much the markers of i and j overlap (with
// markerGap), and the unit vector from i to j.
func (s *clearState) overlap(i, j int) (miss, ex, ey float64) {
	need := s.reach[i] + s.reach[j] + markerGap
	ex, ey = s.xs[j]-s.xs[i], s.ys[j]-s.ys[i]
	if math.Abs(ex) >= need || math.Abs(ey) >= need {
		return 0, 0, 0
	}
	l := math.Hypot(ex, ey)
	if l >= need {
		return 0, 0, 0
	}
	if l < 1e-9 {
		a := float64(i*7+j*13) * 0.618
		return need, math.Cos(a), math.Sin(a)
	}
	return need - l, ex / l, ey / l
}

// relax runs position-based rounds and reports whether the drawing is
// clear.
func (s *clearState) relax(rounds int) bool {
	for round := 0; round < rounds; round++ {
		clear := true
		s.build()
		for i := range s.xs {
			s.near(s.xs[i], s.ys[i], func(j int) {
				if j <= i {
					return
				}
				miss, ex, ey := s.overlap(i, j)
				if miss == 0 {
					return
				}
				clear = false
				h := (miss + moveSlack) / 2
				if s.regs[i].fixed || s.regs[j].fixed {
					h *= 2
				}
				s.move(i, -ex*h, -ey*h)
				s.move(j, ex*h, ey*h)
			})
		}
		s.resetStamps()
		for k, e := range s.d.edges {
			u, v := e[0], e[1]
			s.alongTie(k, func(w int) {
				miss, t, nx, ny := s.tieConflict(k, w)
				if miss == 0 {
					return
				}
				clear = false
				miss += moveSlack
				fw, fe := 0.6, 0.4
				if s.regs[w].fixed {
					fw, fe = 0, 1
				} else if s.regs[u].fixed && s.regs[v].fixed {
					fw, fe = 1, 0
				}
				s.move(w, nx*miss*fw, ny*miss*fw)
				tt := math.Max(0, math.Min(1, t))
				s.move(u, -nx*miss*fe*(1-tt)*2, -ny*miss*fe*(1-tt)*2)
				s.move(v, -nx*miss*fe*tt*2, -ny*miss*fe*tt*2)
			})
		}
		if clear {
			return true
		}
	}
	return false
}

// cost returns the conflicts node i takes part in: markers it overlaps,
// ties passing it, and its own ties passing other nodes, each weighed 1
// plus how deep. The grid must be built (nodes other than i in place).
func (s *clearState) cost(i int) float64 {
	c := 0.0
	s.near(s.xs[i], s.ys[i], func(j int) {
		if j != i {
			if m, _, _ := s.overlap(i, j); m > 0 {
				c += 1 + m
			}
		}
	})
	x, y := s.xs[i], s.ys[i]
	for k, b := range s.boxes {
		if x < b[0] || x > b[2] || y < b[1] || y > b[3] {
			continue
		}
		if m, _, _, _ := s.tieConflict(k, i); m > 0 {
			c += 1 + m
		}
	}
	for _, k := range s.inc[i] {
		s.stampGen++
		s.alongTieMark(k, s.stampGen, func(w int) {
			if m, _, _, _ := s.tieConflict(k, w); m > 0 {
				c += 1 + m
			}
		})
	}
	return c
}

// relocate moves every node still in conflict to the place of least cost
// on a grid over its region, and reports whether any node moved.
func (s *clearState) relocate() bool {
	moved := false
	s.build()
	s.boxes = make([][4]float64, len(s.d.edges))
	for k := range s.d.edges {
		s.box(k)
	}
	for i := range s.xs {
		if s.regs[i].fixed {
			continue
		}
		best := s.cost(i)
		if best == 0 {
			continue
		}
		x0, y0 := s.xs[i], s.ys[i]
		bx, by := x0, y0
		for _, p := range s.regs[i].grid(x0, y0, s.reach[i]) {
			s.xs[i], s.ys[i] = p[0], p[1]
			if c := s.cost(i); c < best-1e-9 {
				best, bx, by = c, p[0], p[1]
			}
		}
		s.xs[i], s.ys[i] = bx, by
		if bx != x0 || by != y0 {
			moved = true
			for _, k := range s.inc[i] {
				s.box(k)
			}
		}
	}
	return moved
}

// box sets the box of tie k grown by the most a node's centre may need.
func (s *clearState) box(k int) {
	u, v := s.d.edges[k][0], s.d.edges[k][1]
	pad := s.maxReach + s.clear + s.maxHalf
	s.boxes[k] = [4]float64{math.Min(s.xs[u], s.xs[v]) - pad, math.Min(s.ys[u], s.ys[v]) - pad,
		math.Max(s.xs[u], s.xs[v]) + pad, math.Max(s.ys[u], s.ys[v]) + pad}
}

// grid returns candidate places in the region for a marker reaching
// reach: 5 radii × 13 angles over an annulus or sector, or a disc of 5
// radii × 12 angles around the region's centre, projected into it.
func (q regionPts) grid(x, y, reach float64) [][2]float64 {
	var out [][2]float64
	add := func(px, py float64) {
		px, py = q.project(px, py, reach)
		out = append(out, [2]float64{px, py})
	}
	if q.half >= math.Pi && q.r0 == 0 {
		for a := 1; a <= 5; a++ {
			r := q.r1 * float64(a) / 5
			for k := 0; k < 12; k++ {
				th := 2 * math.Pi * float64(k) / 12
				add(q.cx+r*math.Cos(th), q.cy+r*math.Sin(th))
			}
		}
		return out
	}
	half := math.Min(q.half, math.Pi)
	for a := 0; a <= 4; a++ {
		r := q.r0 + (q.r1-q.r0)*float64(a)/4
		for k := 0; k <= 12; k++ {
			th := q.mid - half + 2*half*float64(k)/12
			add(q.cx+r*math.Cos(th), q.cy+r*math.Sin(th))
		}
	}
	return out
}

// segNormal returns the distance from p to the segment a–b, the parameter
// t of the nearest point (unclamped, 0 at a, 1 at b), and the unit vector
// from the nearest point towards p.
func segNormal(px, py, ax, ay, bx, by float64) (dist, t, nx, ny float64) {
	ex, ey := bx-ax, by-ay
	l2 := ex*ex + ey*ey
	if l2 > 0 {
		t = ((px-ax)*ex + (py-ay)*ey) / l2
	}
	tc := math.Max(0, math.Min(1, t))
	qx, qy := ax+tc*ex, ay+tc*ey
	nx, ny = px-qx, py-qy
	dist = math.Hypot(nx, ny)
	if dist > 0 {
		nx, ny = nx/dist, ny/dist
	}
	return dist, t, nx, ny
}

// Violation is a place where a picture could mislead: a tie drawn within
// the clearance of the marker of a node that is not one of its ends (Kind
// "tie": the tie From–To passes Node), or two overlapping markers (Kind
// "overlap": Node and From). Gap is how many points are missing.
type Violation struct {
	Panel    string
	Kind     string
	Node     string
	From, To string
	Gap      float64
}

// String describes the violation in words.
func (v Violation) String() string {
	where := ""
	if v.Panel != "" {
		where = v.Panel + ": "
	}
	if v.Kind == "overlap" {
		return fmt.Sprintf("%smarkers of %s and %s overlap by %.1f pt", where, v.Node, v.From, v.Gap)
	}
	return fmt.Sprintf("%stie %s–%s passes %.1f pt too close to %s", where, v.From, v.To, v.Gap, v.Node)
}

// CheckPositions returns the violations of the guarantee in a drawing
// given as node positions (centre and reach in points) and the ties
// between them (indices into pos; ties of a node with itself or out of
// range are ignored): every tie must pass at least clearance plus its
// half width from the marker of every node that is not one of its ends, and
// no two markers may overlap. A node beside an end of a tie (nearest to the
// end point, not along the tie) counts only when its marker reaches into
// that end's. Cost O(n · (n + m)).
func CheckPositions(pos []Position, ties [][2]int, halfWidth []float64, clearance float64) []Violation {
	var out []Violation
	for i := range pos {
		for j := i + 1; j < len(pos); j++ {
			d := math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y)
			if need := pos[i].R + pos[j].R; d < need-1e-6 {
				out = append(out, Violation{Panel: pos[i].Panel, Kind: "overlap", Node: pos[i].Node, From: pos[j].Node, Gap: need - d})
			}
		}
	}
	for k, t := range ties {
		u, v := t[0], t[1]
		if u == v || u < 0 || v < 0 || u >= len(pos) || v >= len(pos) {
			continue
		}
		h := 0.0
		if k < len(halfWidth) {
			h = halfWidth[k]
		}
		for w := range pos {
			if w == u || w == v {
				continue
			}
			dist, tt, _, _ := segNormal(pos[w].X, pos[w].Y, pos[u].X, pos[u].Y, pos[v].X, pos[v].Y)
			need := pos[w].R + clearance + h
			if dist >= need-1e-6 {
				continue
			}
			if (tt <= 0 || tt >= 1) && dist >= pos[w].R+math.Max(pos[u].R, pos[v].R) {
				continue
			}
			out = append(out, Violation{Panel: pos[w].Panel, Kind: "tie", Node: pos[w].Node, From: pos[u].Node, To: pos[v].Node, Gap: need - dist})
		}
	}
	return out
}

// Position is where a picture drew one node: the centre (X, Y) and the
// radius R of the circle around its marker (outline included), in points
// of the final picture from its bottom-left corner, with the panel it is
// in (its title's subject: the ego of a grid, the wave of a before/after
// picture; "" for a picture of one panel).
type Position struct {
	Panel string
	Node  string
	X, Y  float64
	R     float64
}

// figureNet is a Network drawn in one panel of a figure.
type figureNet struct {
	panel string
	net   *Network
}

// nullCanvas is a vg.Canvas that draws nothing, to lay a figure out.
type nullCanvas struct{}

func (nullCanvas) SetLineWidth(vg.Length)                 {}
func (nullCanvas) SetLineDash([]vg.Length, vg.Length)     {}
func (nullCanvas) SetColor(color.Color)                   {}
func (nullCanvas) Rotate(float64)                         {}
func (nullCanvas) Translate(vg.Point)                     {}
func (nullCanvas) Scale(float64, float64)                 {}
func (nullCanvas) Push()                                  {}
func (nullCanvas) Pop()                                   {}
func (nullCanvas) Stroke(vg.Path)                         {}
func (nullCanvas) Fill(vg.Path)                           {}
func (nullCanvas) FillString(font.Face, vg.Point, string) {}
func (nullCanvas) DrawImage(vg.Rectangle, image.Image)    {}

// layout draws the figure at its size on a canvas that keeps nothing, so
// that its networks record where their nodes go.
func (f *Figure) layout() {
	w, h := f.size()
	f.Draw(draw.NewCanvas(nullCanvas{}, w, h))
}

// Positions returns where the figure, drawn at its size, puts every node
// of its networks (panel by panel, in node order; an egogram's ego last,
// with its ID).
func (f *Figure) Positions() []Position {
	f.layout()
	return f.positions()
}

func (f *Figure) positions() []Position {
	var out []Position
	for _, fn := range f.nets {
		d := fn.net.drawn
		if d == nil {
			continue
		}
		for i, p := range d.centres {
			out = append(out, Position{Panel: fn.panel, Node: d.ids[i], X: float64(p.X), Y: float64(p.Y), R: float64(d.reach[i])})
		}
	}
	return out
}

// Violations returns where the figure, drawn at its size, breaks the
// guarantee: a tie within DefaultClearance of a marker that is not one of
// its ends, or two markers that overlap. Networks too large to check
// quickly (nodes × (nodes + ties) above 10⁸, e.g. 10,000 nodes) are not
// checked.
func (f *Figure) Violations() []Violation {
	f.layout()
	var out []Violation
	for _, fn := range f.nets {
		d := fn.net.drawn
		if d == nil || len(d.centres)*(len(d.centres)+len(d.edges)) > maxCheckWork {
			continue
		}
		pos := make([]Position, len(d.centres))
		for i, p := range d.centres {
			pos[i] = Position{Panel: fn.panel, Node: d.ids[i], X: float64(p.X), Y: float64(p.Y), R: float64(d.reach[i])}
		}
		half := make([]float64, len(d.half))
		for i, h := range d.half {
			half[i] = float64(h)
		}
		out = append(out, CheckPositions(pos, d.edges, half, float64(DefaultClearance))...)
	}
	return out
}

// Fit grows the figure's page by steps of a quarter, up to maxScale times
// its size, until Violations finds nothing, and returns what is left at
// the size it stopped at.
func (f *Figure) Fit(maxScale float64) []Violation {
	w0, h0 := f.size()
	v := f.Violations()
	for s := 1.25; len(v) > 0 && s <= maxScale+1e-9; s += 0.25 {
		f.Width, f.Height = w0*vg.Length(s), h0*vg.Length(s)
		v = f.Violations()
	}
	return v
}

// size returns the page size Write uses.
func (f *Figure) size() (vg.Length, vg.Length) {
	if f.Width <= 0 || f.Height <= 0 {
		return SingleWidth, SingleHeight
	}
	return f.Width, f.Height
}

package visualize

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/spatial/r2"

	"github.com/sociogram/sociogram/network"
)

// Unknown is the label of the ring or sector that holds alters whose value
// is missing or not among the known levels. Such alters are drawn there,
// never dropped.
const Unknown = "unknown"

// ErrUnknownAttribute reports an attribute name that the data does not have.
var ErrUnknownAttribute = errors.New("unknown attribute")

// Egogram geometry. Lengths are in data units: the ego's disc has radius
// egoRadius, every ring is ringWidth wide, and alters in one ring row are at
// least minSpacing apart along the arc while there is room.
const (
	egoRadius  = 0.6
	ringWidth  = 1.0
	minSpacing = 0.42
	maxRows    = 4
	arcMargin  = 0.2
)

// Egogram is the layout of an ego network as a network map (Antonucci's
// concentric circles; Network Canvas "sociogram" with categorical sectors):
// the ego at the origin, alters in concentric rings by an ordinal attribute
// (innermost = closest) and in sectors by a categorical attribute.
//
// Ring k is the annulus EgoRadius + k·RingWidth ≤ r ≤ EgoRadius +
// (k+1)·RingWidth. Sector s spans the angles SectorAngles(s): sectors are of
// equal width and run clockwise from the top (angle π/2), so that one frame
// can be reused for every ego and wave of a study.
type Egogram struct {
	Alters  []r2.Vec // alter positions, aligned with the input alters
	Ring    []int    // each alter's ring, an index into Rings
	Sector  []int    // each alter's sector, an index into Sectors
	Rings   []string // ring labels, innermost first; Unknown last when used
	Sectors []string // sector labels, clockwise from the top; Unknown last when used

	EgoRadius float64 // radius of the ego's disc, the inner edge of ring 0
	RingWidth float64 // width of every ring
}

// RingRadii returns the inner and outer radius of ring k.
func (g *Egogram) RingRadii(k int) (inner, outer float64) {
	inner = g.EgoRadius + float64(k)*g.RingWidth
	return inner, inner + g.RingWidth
}

// OuterRadius returns the outer radius of the outermost ring.
func (g *Egogram) OuterRadius() float64 {
	_, r := g.RingRadii(len(g.Rings) - 1)
	return r
}

// SectorAngles returns the angles (radians, counter-clockwise from the
// positive x axis) at which sector s starts and ends; start > end because
// sectors run clockwise. One sector spans the full circle.
func (g *Egogram) SectorAngles(s int) (start, end float64) {
	span := 2 * math.Pi / float64(len(g.Sectors))
	start = math.Pi/2 - float64(s)*span
	return start, start - span
}

// EgogramInput is what LayoutEgogram needs: each alter's cell and the
// alter–alter ties. Ring and Sector hold an index into Rings and Sectors,
// or -1 when unknown; such alters go to an extra Unknown ring or sector.
type EgogramInput struct {
	Ring, Sector   []int
	Rings, Sectors []string
	Ties           [][2]int // pairs of alter indices; direction is ignored
}

// LayoutEgogram places each alter in its ring and sector. Within a cell
// (one ring of one sector) the alters are spread evenly along arcs, kept
// 0.2 ring widths clear of the sector boundaries: in one row at the middle of the ring while the row has room for them at a
// spacing of 0.42 ring widths, otherwise in up to four rows, outer rows
// holding more. Tied alters sit near each other: the alters of a cell are
// ordered in chains that follow their ties (a path of ties becomes a run of
// neighbouring positions), and chains with ties to other sectors are put on
// the side facing those sectors. So that alters of one sector in different
// rings do not line up on one radius, each cell's alters are then shifted
// together along their arcs by up to 0.45 of a slot, the shift chosen
// (greedily, cell by cell, in two passes) so that no tie passes within
// 0.18 ring widths of an alter it is not part of or of the ego, and no two
// ties run on straight through an alter, where that can be had. It cannot
// when two tied alters sit opposite each other in a ring of the one sector
// (as the only two alters of that ring do): their tie crosses the ego,
// whatever the shift, and even spacing is kept. Ring and Sector of the input must
// have one entry per alter; the empty Rings or Sectors means one unnamed
// ring or sector. The layout is deterministic.
//
// Cost: O(n log n + m·d) for n alters, m ties and cells of at most d
// alters, plus O(c·m·n + c·Σdeg²) for the shifts over c cells (skipped when
// m·n > 2²²).
func LayoutEgogram(in EgogramInput) *Egogram {
	n := len(in.Ring)
	g := &Egogram{
		Alters: make([]r2.Vec, n), Ring: make([]int, n), Sector: make([]int, n),
		Rings: slices.Clone(in.Rings), Sectors: slices.Clone(in.Sectors),
		EgoRadius: egoRadius, RingWidth: ringWidth,
	}
	if len(g.Rings) == 0 {
		g.Rings = []string{""}
	}
	if len(g.Sectors) == 0 {
		g.Sectors = []string{""}
	}
	unknownRing, unknownSector := false, false
	for i := 0; i < n; i++ {
		g.Ring[i], g.Sector[i] = in.Ring[i], in.Sector[i]
		if g.Ring[i] < 0 || g.Ring[i] >= len(g.Rings) {
			g.Ring[i], unknownRing = -1, true
		}
		if g.Sector[i] < 0 || g.Sector[i] >= len(g.Sectors) {
			g.Sector[i], unknownSector = -1, true
		}
	}
	if unknownRing {
		g.Rings = append(g.Rings, Unknown)
	}
	if unknownSector {
		g.Sectors = append(g.Sectors, Unknown)
	}
	for i := 0; i < n; i++ {
		if g.Ring[i] < 0 {
			g.Ring[i] = len(g.Rings) - 1
		}
		if g.Sector[i] < 0 {
			g.Sector[i] = len(g.Sectors) - 1
		}
	}
	adj := adjacency(n, in.Ties)
	cells := map[[2]int][]int{}
	for i := 0; i < n; i++ {
		k := [2]int{g.Ring[i], g.Sector[i]}
		cells[k] = append(cells[k], i)
	}
	keys := make([][2]int, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	done := make([]bool, n)
	orders := make([][]int, len(keys))
	ties := cleanTies(n, in.Ties)
	tune := len(ties)*n <= maxTuneWork
	for ci, k := range keys {
		orders[ci] = g.orderCell(cells[k], adj, done)
		shift := 0.0
		if tune {
			shift = g.bestShift(k, orders[ci], ties, adj, done)
		}
		g.place(k, orders[ci], shift)
		for _, a := range orders[ci] {
			done[a] = true
		}
	}
	if tune {
		// Later passes see the ties to alters placed after the cell.
		for pass := 0; pass < tunePasses; pass++ {
			for ci, k := range keys {
				g.place(k, orders[ci], g.bestShift(k, orders[ci], ties, adj, done))
			}
		}
	}
	return g
}

// Tie clearance. A tie is a straight segment; when it passes within
// tieClearance (data units: about two marker radii in a single egogram
// figure, where a default marker is 0.09 units, and a little under one in a
// grid panel) of an alter
// it is not part of, or of the ego, it reads as a path through that
// person; and two ties a–b, b–c that continue each other in a straight
// line (the angle at b within straightTol of 180°, cosine below
// -cosStraight) read as one tie a–c through b. LayoutEgogram shifts each
// cell's alters along their arcs by one of shiftSteps (fractions of a
// slot) to avoid both, and skips the search when ties × alters exceeds
// maxTuneWork.
const (
	tieClearance = 0.18
	cosStraight  = 0.985 // cos 10°
	maxTuneWork  = 1 << 22
	tunePasses   = 2
)

var shiftSteps = []float64{0, -0.15, 0.15, -0.3, 0.3, -0.45, 0.45}

// cleanTies returns the ties between two distinct valid alters.
func cleanTies(n int, ties [][2]int) [][2]int {
	out := make([][2]int, 0, len(ties))
	for _, t := range ties {
		if t[0] != t[1] && t[0] >= 0 && t[1] >= 0 && t[0] < n && t[1] < n {
			out = append(out, t)
		}
	}
	return out
}

// place puts the ordered alters of cell k at the cell's spots shifted by
// shift slots.
func (g *Egogram) place(k [2]int, order []int, shift float64) {
	for i, p := range g.cellSpots(k[0], k[1], len(order), shift) {
		g.Alters[order[i]] = p
	}
}

// bestShift returns the shift of cell k, among shiftSteps, whose alters
// and ties come closest to no alter or ego they are not part of (closeness
// weighed by how deep inside tieClearance), counting only alters placed
// (done) or in the cell; ties favour the smaller shift. Cost O(m·n).
func (g *Egogram) bestShift(k [2]int, order []int, ties [][2]int, adj [][]int32, done []bool) float64 {
	in := make(map[int]bool, len(order))
	for _, a := range order {
		in[a] = true
	}
	known := func(a int) bool { return done[a] || in[a] }
	best, bestCost := 0.0, math.Inf(1)
	for _, sh := range shiftSteps {
		g.place(k, order, sh)
		cost := 0.01 * math.Abs(sh)
		for _, t := range ties {
			a, b := t[0], t[1]
			if !known(a) || !known(b) {
				continue
			}
			touches := in[a] || in[b]
			if touches {
				cost += 2 * crowding(r2.Vec{}, g.Alters[a], g.Alters[b])
				for c := range g.Alters {
					if c != a && c != b && known(c) {
						cost += crowding(g.Alters[c], g.Alters[a], g.Alters[b])
					}
				}
				continue
			}
			for _, c := range order {
				cost += crowding(g.Alters[c], g.Alters[a], g.Alters[b])
			}
		}
		for b := range g.Alters {
			if !known(b) {
				continue
			}
			near := in[b]
			for _, a := range adj[b] {
				near = near || in[int(a)]
			}
			if !near {
				continue
			}
			for i, a := range adj[b] {
				for _, c := range adj[b][i+1:] {
					if known(int(a)) && known(int(c)) {
						cost += straightness(g.Alters[a], g.Alters[b], g.Alters[c])
					}
				}
			}
		}
		if cost < bestCost-1e-12 {
			best, bestCost = sh, cost
		}
	}
	return best
}

// crowding is 0 when p is at least tieClearance from the segment ab, else
// 1 plus how deep inside (up to 2 at distance 0).
func crowding(p, a, b r2.Vec) float64 {
	d := segmentDistance(p, a, b)
	if d >= tieClearance {
		return 0
	}
	return 2 - d/tieClearance
}

// straightness is 0 unless the ties a–b and b–c continue each other in a
// nearly straight line through b (cosine of the angle at b below
// -cosStraight), else 1 plus how much straighter.
func straightness(a, b, c r2.Vec) float64 {
	u, v := r2.Sub(a, b), r2.Sub(c, b)
	nu, nv := r2.Norm(u), r2.Norm(v)
	if nu == 0 || nv == 0 {
		return 0
	}
	cos := r2.Dot(u, v) / (nu * nv)
	if cos >= -cosStraight {
		return 0
	}
	return 1 + (-cosStraight-cos)/(1-cosStraight)
}

// segmentDistance returns the distance from p to the segment ab.
func segmentDistance(p, a, b r2.Vec) float64 {
	ab := r2.Sub(b, a)
	l := r2.Dot(ab, ab)
	if l == 0 {
		return r2.Norm(r2.Sub(p, a))
	}
	t := math.Max(0, math.Min(1, r2.Dot(r2.Sub(p, a), ab)/l))
	return r2.Norm(r2.Sub(p, r2.Add(a, r2.Scale(t, ab))))
}

// cellSpots returns c evenly spread positions in a cell, ordered clockwise
// (from the sector's start angle towards its end), every row shifted
// clockwise by shift slots (|shift| < 0.5; less in rows that are already
// offset, so that no alter leaves its cell).
func (g *Egogram) cellSpots(ring, sector, c int, shift float64) []r2.Vec {
	inner, _ := g.RingRadii(ring)
	start, end := g.SectorAngles(sector)
	if len(g.Sectors) > 1 {
		// Keep alters off the sector boundaries (where ring labels sit):
		// an arc of arcMargin at the middle of the ring, at most a
		// quarter of the sector.
		m := math.Min(arcMargin/(inner+g.RingWidth/2), (start-end)/4)
		start, end = start-m, end+m
	}
	span := start - end
	capacity := func(r float64) int { return max(1, int(r*span/minSpacing)) }
	rows := 1
	for ; rows < maxRows; rows++ {
		total := 0
		for j := 0; j < rows; j++ {
			total += capacity(inner + g.RingWidth*(float64(j)+0.5)/float64(rows))
		}
		if total >= c {
			break
		}
	}
	// Share the alters among rows in proportion to their radius.
	radii := make([]float64, rows)
	var sum float64
	for j := range radii {
		radii[j] = inner + g.RingWidth*(float64(j)+0.5)/float64(rows)
		sum += radii[j]
	}
	counts := make([]int, rows)
	left := c
	for j := rows - 1; j > 0; j-- {
		counts[j] = min(left, int(math.Round(float64(c)*radii[j]/sum)))
		left -= counts[j]
	}
	counts[0] = left
	type spot struct{ theta, r float64 }
	var spots []spot
	for j, cnt := range counts {
		for i := 0; i < cnt; i++ {
			// Alternate rows are offset by a quarter step so that rows
			// do not line up radially.
			off := 0.5
			if rows > 1 && j%2 == 1 {
				off = 0.75
			}
			off += 2 * shift * math.Min(off, 1-off)
			spots = append(spots, spot{start - span*(float64(i)+off)/float64(cnt), radii[j]})
		}
	}
	slices.SortStableFunc(spots, func(a, b spot) int {
		return cmp.Or(cmp.Compare(b.theta, a.theta), cmp.Compare(a.r, b.r))
	})
	out := make([]r2.Vec, c)
	for i, s := range spots {
		out[i] = polar(s.r, s.theta)
	}
	return out
}

// orderCell orders the alters of one cell: chains that follow ties within
// the cell, each chain started at an alter with the fewest remaining ties
// and extended to the unplaced neighbour with the fewest remaining ties;
// chains are then sorted by where their ties to other cells point: the
// angle of a neighbour already placed (done, in an inner ring or an
// earlier sector), else the middle of the neighbour's sector.
func (g *Egogram) orderCell(members []int, adj [][]int32, done []bool) []int {
	in := make(map[int]bool, len(members))
	for _, a := range members {
		in[a] = true
	}
	placed := make(map[int]bool, len(members))
	free := func(a int) int {
		d := 0
		for _, b := range adj[a] {
			if in[int(b)] && !placed[int(b)] {
				d++
			}
		}
		return d
	}
	span := 2 * math.Pi / float64(len(g.Sectors))
	start, _ := g.SectorAngles(g.Sector[members[0]])
	mid := start - span/2
	// pull is where an alter's ties to other cells point: 0.5 for none or
	// for the same sector, larger for sectors clockwise from this one.
	pull := func(a int) (float64, bool) {
		var s float64
		k := 0
		for _, b := range adj[a] {
			if in[int(b)] {
				continue
			}
			var theta float64
			if done[b] {
				theta = math.Atan2(g.Alters[b].Y, g.Alters[b].X)
			} else {
				bs, _ := g.SectorAngles(g.Sector[b])
				theta = bs - span/2
			}
			// 0 at the cell's start, 1 at its end, beyond for other
			// sectors clockwise.
			s += 0.5 + math.Remainder(mid-theta, 2*math.Pi)/span
			k++
		}
		if k == 0 {
			return 0.5, false
		}
		return s / float64(k), true
	}
	type chain struct {
		alters []int
		key    float64
	}
	var chains []chain
	for len(placed) < len(members) {
		first := -1
		for _, a := range members {
			if placed[a] {
				continue
			}
			if first < 0 || (free(a) > 0 && (free(first) == 0 || free(a) < free(first))) {
				first = a
			}
		}
		c := []int{first}
		placed[first] = true
		for {
			last, next := c[len(c)-1], -1
			for _, b := range adj[last] {
				if bi := int(b); in[bi] && !placed[bi] && (next < 0 || free(bi) < free(next)) {
					next = bi
				}
			}
			if next < 0 {
				break
			}
			c = append(c, next)
			placed[next] = true
		}
		// Orient the chain so that its end pulled clockwise comes last,
		// and key it by its mean pull.
		var sum, head, tail float64
		for i, a := range c {
			p, _ := pull(a)
			sum += p
			if i < len(c)/2 {
				head += p
			} else if i >= (len(c)+1)/2 {
				tail += p
			}
		}
		if head > tail {
			slices.Reverse(c)
		}
		chains = append(chains, chain{c, sum / float64(len(c))})
	}
	slices.SortStableFunc(chains, func(a, b chain) int { return cmp.Compare(a.key, b.key) })
	out := make([]int, 0, len(members))
	for _, c := range chains {
		out = append(out, c.alters...)
	}
	return out
}

// EgogramOptions says which alter attributes give an egogram its rings and
// sectors. The zero value draws every alter in one ring and one sector.
type EgogramOptions struct {
	// Rings names the ordinal alter attribute of the rings ("" for one
	// ring). Numeric values are rings in increasing order, innermost
	// smallest (as in Antonucci's circles and Network Canvas, where 1 is
	// closest); an integer-valued attribute gets one ring per integer from
	// its smallest to its largest value, so empty rings still show. Text
	// values are ordered as RingOrder gives, or alphabetically.
	Rings string
	// RingOrder lists the ring values innermost first; values not listed
	// go to the Unknown ring.
	RingOrder []string
	// NumRings fixes the rings of an integer-valued attribute to 1 …
	// NumRings; other values go to the Unknown ring.
	NumRings int
	// ReverseRings puts the largest value innermost (for a closeness
	// score where a larger number means closer).
	ReverseRings bool

	// Sectors names the categorical alter attribute of the sectors ("" for
	// one sector), ordered as SectorOrder gives, else numerically for
	// numbers and alphabetically for text. Values not listed go to the
	// Unknown sector.
	Sectors     string
	SectorOrder []string

	// StudyUnknown adds the Unknown ring (sector) whenever some alter of
	// the study lacks a ring (sector) value, not only when this ego has
	// one, so that every ego of a study is drawn on the same frame (used
	// by EgogramGrid).
	StudyUnknown bool
}

// EgogramOf lays out one ego network of a dataset. The levels of the ring
// and sector attributes are taken from the whole dataset the ego belongs to
// (every ego and wave), so that all egograms of a study share one frame and
// two waves of an ego can be compared. It fails only when an attribute
// does not exist.
func EgogramOf(e *network.EgoNet, opt EgogramOptions) (*Egogram, error) {
	in, err := EgogramInputOf(e, opt)
	if err != nil {
		return nil, err
	}
	return LayoutEgogram(in), nil
}

// EgogramInputOf returns the cells and ties of an ego network for
// LayoutEgogram, with levels from the ego's whole dataset (see EgogramOf).
func EgogramInputOf(e *network.EgoNet, opt EgogramOptions) (EgogramInput, error) {
	in := EgogramInput{Ring: make([]int, len(e.Alters)), Sector: make([]int, len(e.Alters))}
	for _, t := range e.Ties {
		in.Ties = append(in.Ties, [2]int{t.From, t.To})
	}
	var err error
	in.Rings, in.Ring, err = levelsOf(e, opt.Rings, opt.RingOrder, opt.NumRings, opt.ReverseRings, opt.StudyUnknown)
	if err != nil {
		return in, err
	}
	in.Sectors, in.Sector, err = levelsOf(e, opt.Sectors, opt.SectorOrder, 0, false, opt.StudyUnknown)
	return in, err
}

// levelsOf returns the ordered levels of an alter attribute across the
// ego's dataset and the level of each of the ego's alters (-1 unknown).
func levelsOf(e *network.EgoNet, attr string, order []string, fixed int, reverse, studyUnknown bool) ([]string, []int, error) {
	idx := make([]int, len(e.Alters))
	if attr == "" {
		return nil, idx, nil
	}
	vals, ok := e.AlterValues(attr)
	if !ok {
		return nil, nil, fmt.Errorf("%w: no alter attribute %q", ErrUnknownAttribute, attr)
	}
	var all []network.Value
	if ds := e.Dataset(); ds != nil {
		for _, o := range ds.Egos {
			v, _ := o.AlterValues(attr)
			all = append(all, v...)
		}
	} else {
		all = vals
	}
	levels := Levels(all, order, fixed)
	if reverse {
		slices.Reverse(levels)
	}
	pos := make(map[string]int, len(levels))
	for i, l := range levels {
		pos[l] = i
	}
	if studyUnknown {
		for _, v := range all {
			if _, ok := pos[levelText(v)]; !ok || v.IsMissing() {
				levels = append(levels, Unknown)
				pos[Unknown] = len(levels) - 1
				break
			}
		}
	}
	for i, v := range vals {
		idx[i] = -1
		if p, ok := pos[levelText(v)]; ok && !v.IsMissing() {
			idx[i] = p
		} else if p, ok := pos[Unknown]; ok && studyUnknown {
			idx[i] = p
		}
	}
	return levels, idx, nil
}

// levelText is the text by which a value is matched to a level: numbers in
// canonical form, so that "1" and "1.0" are one level.
func levelText(v network.Value) string {
	if f, ok := v.Float(); ok {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return v.Text
}

// Levels returns the ordered levels of a set of values, missing values
// left out: order when it is given; else, when every value is a number,
// the numbers in increasing order, filled in to every integer between the
// smallest and largest when all are integers (1 … fixed when fixed > 0);
// else the distinct texts in increasing byte order.
func Levels(values []network.Value, order []string, fixed int) []string {
	if order != nil {
		return slices.Clone(order)
	}
	var nums []float64
	var texts []string
	integral := true
	for _, v := range values {
		if v.IsMissing() {
			continue
		}
		if f, ok := v.Float(); ok {
			nums = append(nums, f)
			integral = integral && f == math.Trunc(f) && math.Abs(f) < 1e6
		} else {
			texts = append(texts, v.Text)
		}
	}
	if len(texts) > 0 {
		for _, f := range nums {
			texts = append(texts, strconv.FormatFloat(f, 'g', -1, 64))
		}
		slices.Sort(texts)
		return slices.Compact(texts)
	}
	if fixed > 0 && integral {
		out := make([]string, fixed)
		for i := range out {
			out[i] = strconv.Itoa(i + 1)
		}
		return out
	}
	if len(nums) == 0 {
		return nil
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	var out []string
	if integral && nums[len(nums)-1]-nums[0] <= 50 {
		for f := nums[0]; f <= nums[len(nums)-1]; f++ {
			out = append(out, strconv.FormatFloat(f, 'g', -1, 64))
		}
		return out
	}
	for _, f := range nums {
		out = append(out, strconv.FormatFloat(f, 'g', -1, 64))
	}
	return out
}

// LayoutEgogramPair lays out two waves of one ego on one frame so that
// they can be compared side by side: the alters of both waves are laid out
// together (LayoutEgogram on their union, ties of both waves included),
// an alter being matched across waves by its ID and cell. So an alter
// kept in the same ring and sector has the same position in both
// layouts, a lost alter leaves a gap in the second, and a gained alter
// fills a place that is empty in the first. Both results share the same
// Rings and Sectors (with Unknown when either wave needs it). ids give the
// alter IDs of each wave, aligned with the inputs' Ring and Sector.
func LayoutEgogramPair(before, after EgogramInput, beforeIDs, afterIDs []string) (b, a *Egogram) {
	g := LayoutEgogramWaves([]EgogramInput{before, after}, [][]string{beforeIDs, afterIDs})
	return g[0], g[1]
}

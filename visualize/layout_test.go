package visualize

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/spatial/r2"

	"github.com/sociogram/sociogram/network"
)

const tol = 1e-9

func TestCircle(t *testing.T) {
	// Hand derivation: θ_i = π/2 − 2πi/n, p_i = (cos θ_i, sin θ_i).
	cases := []struct {
		name string
		n    int
		want []r2.Vec
	}{
		{"empty", 0, nil},
		{"one node at the origin", 1, []r2.Vec{{}}},
		{"two nodes top and bottom", 2, []r2.Vec{{X: 0, Y: 1}, {X: 0, Y: -1}}},
		{"four nodes clockwise from the top", 4, []r2.Vec{{X: 0, Y: 1}, {X: 1, Y: 0}, {X: 0, Y: -1}, {X: -1, Y: 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Circle(c.n)
			require.Len(t, got, len(c.want))
			for i := range got {
				assert.InDelta(t, c.want[i].X, got[i].X, tol, "node %d x", i)
				assert.InDelta(t, c.want[i].Y, got[i].Y, tol, "node %d y", i)
			}
		})
	}
}

func TestConcentric(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name   string
		score  []float64
		opt    ConcentricOptions
		level  []int
		radius []float64
	}{
		{"empty", nil, ConcentricOptions{}, []int{}, []float64{}},
		// One top node sits at the centre, the rest on radius 1.
		{"star centre in the middle", []float64{3, 1, 1, 1}, ConcentricOptions{}, []int{0, 1, 1, 1}, []float64{0, 1, 1, 1}},
		// Two top nodes: level 0 is a ring of radius 1, level 1 radius 2.
		{"two levels", []float64{2, 2, 1}, ConcentricOptions{}, []int{0, 0, 1}, []float64{1, 1, 2}},
		// NaN goes to an extra outer ring (level = number of levels).
		{"undefined scores on the outer ring", []float64{5, nan, 4, nan}, ConcentricOptions{}, []int{0, 2, 1, 2}, []float64{0, 2, 1, 2}},
		// Bins of width (10−0)/2 = 5: 10 and 6 in bin 0 (hi−s < 5), 4 and 0 in bin 1.
		{"binned", []float64{10, 6, 4, 0}, ConcentricOptions{Levels: 2}, []int{0, 0, 1, 1}, []float64{1, 1, 2, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pos, level := Concentric(c.score, c.opt)
			require.Len(t, pos, len(c.score))
			assert.Equal(t, c.level, level)
			for i, p := range pos {
				assert.InDelta(t, c.radius[i], r2.Norm(p), tol, "node %d radius", i)
			}
		})
	}
}

// TestForce checks the force-directed layout's invariants: determinism for
// a seed, ideal edge lengths near k = 1, components that do not overlap.
func TestForce(t *testing.T) {
	t.Run("empty", func(t *testing.T) { assert.Nil(t, force(0, nil, ForceOptions{})) })
	t.Run("one node at the origin", func(t *testing.T) {
		assert.Equal(t, []r2.Vec{{}}, force(1, nil, ForceOptions{}))
	})
	t.Run("bad pairs and self-ties are ignored", func(t *testing.T) {
		p := force(2, [][2]int{{0, 0}, {0, 5}, {-1, 1}}, ForceOptions{})
		// Two isolates, packed one unit apart (boxes of width 1).
		assert.InDelta(t, 1, r2.Norm(r2.Sub(p[0], p[1])), tol)
	})
	t.Run("one tie settles near the ideal length", func(t *testing.T) {
		// Equilibrium of d²/k = k²/d is d = k = 1.
		p := force(2, [][2]int{{0, 1}}, ForceOptions{Seed: 1})
		assert.InDelta(t, 1, r2.Norm(r2.Sub(p[0], p[1])), 0.05)
	})
	t.Run("deterministic for a seed", func(t *testing.T) {
		edges := ring(30)
		a := force(30, edges, ForceOptions{Seed: 7})
		b := force(30, edges, ForceOptions{Seed: 7})
		c := force(30, edges, ForceOptions{Seed: 8})
		assert.Equal(t, a, b)
		assert.NotEqual(t, a, c)
	})
	t.Run("components are packed apart", func(t *testing.T) {
		// Two triangles and an isolate: bounding boxes must not overlap.
		edges := [][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}}
		p := force(7, edges, ForceOptions{Seed: 3})
		boxes := []r2.Box{bbox(p[0:3]), bbox(p[3:6]), bbox(p[6:7])}
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				assert.False(t, overlap(boxes[i], boxes[j]), "components %d and %d overlap: %v %v", i, j, boxes[i], boxes[j])
			}
		}
		// Within a triangle every side tends to the ideal length.
		for _, e := range edges {
			assert.InDelta(t, 1, r2.Norm(r2.Sub(p[e[0]], p[e[1]])), 0.25, "tie %v", e)
		}
	})
	t.Run("tied nodes closer than untied ones", func(t *testing.T) {
		// A 500-node random graph (seeded): the mean length of a tie must
		// be well below the mean distance between random pairs.
		const n = 500
		edges := randomGraph(n, 2, 1)
		p := force(n, edges, ForceOptions{Seed: 1})
		var tie, pair float64
		for _, e := range edges {
			tie += r2.Norm(r2.Sub(p[e[0]], p[e[1]]))
		}
		for i := 0; i < n; i++ {
			pair += r2.Norm(r2.Sub(p[i], p[(i*7+3)%n]))
		}
		for _, q := range p {
			require.False(t, math.IsNaN(q.X) || math.IsNaN(q.Y))
		}
		assert.Less(t, tie/float64(len(edges)), 0.5*pair/n)
	})
}

// randomGraph ties each node v ≥ 1 to k random earlier nodes (seeded).
func randomGraph(n, k int, seed uint64) [][2]int {
	rng := rand.New(rand.NewPCG(seed, 2))
	var edges [][2]int
	for v := 1; v < n; v++ {
		for j := 0; j < k; j++ {
			edges = append(edges, [2]int{v, rng.IntN(v)})
		}
	}
	return edges
}

func BenchmarkForce(b *testing.B) {
	for _, n := range []int{100, 1000, 3000} {
		edges := randomGraph(n, 2, 1)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				force(n, edges, ForceOptions{Seed: 1})
			}
		})
	}
}

func ring(n int) [][2]int {
	var e [][2]int
	for i := 0; i < n; i++ {
		e = append(e, [2]int{i, (i + 1) % n})
	}
	return e
}

func bbox(p []r2.Vec) r2.Box {
	b := r2.Box{Min: p[0], Max: p[0]}
	for _, q := range p {
		b.Min = r2.Vec{X: math.Min(b.Min.X, q.X), Y: math.Min(b.Min.Y, q.Y)}
		b.Max = r2.Vec{X: math.Max(b.Max.X, q.X), Y: math.Max(b.Max.Y, q.Y)}
	}
	return b
}

func overlap(a, b r2.Box) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// polarOf returns radius and angle of p.
func polarOf(p r2.Vec) (r, theta float64) { return r2.Norm(p), math.Atan2(p.Y, p.X) }

// inCell reports whether p lies in ring k and sector s of g.
func inCell(g *Egogram, p r2.Vec, k, s int) bool {
	r, th := polarOf(p)
	in, out := g.RingRadii(k)
	if r < in-tol || r > out+tol {
		return false
	}
	if len(g.Sectors) == 1 {
		return true
	}
	start, end := g.SectorAngles(s)
	// Bring th into (end, end+2π].
	for th <= end {
		th += 2 * math.Pi
	}
	for th > end+2*math.Pi {
		th -= 2 * math.Pi
	}
	return th <= start+tol
}

func TestLayoutEgogram(t *testing.T) {
	t.Run("no alters", func(t *testing.T) {
		g := LayoutEgogram(EgogramInput{})
		assert.Empty(t, g.Alters)
		assert.Equal(t, []string{""}, g.Rings)
		assert.Equal(t, []string{""}, g.Sectors)
		assert.InDelta(t, egoRadius+ringWidth, g.OuterRadius(), tol)
	})
	t.Run("one alter at the middle of its cell", func(t *testing.T) {
		// Ring 1 spans [1.6, 2.6], middle 2.1; sector 1 of 4 spans
		// π/2−π/2 … π/2−π, middle −π/4.
		g := LayoutEgogram(EgogramInput{Ring: []int{1}, Sector: []int{1},
			Rings: []string{"a", "b"}, Sectors: []string{"w", "x", "y", "z"}})
		r, th := polarOf(g.Alters[0])
		assert.InDelta(t, 2.1, r, tol)
		assert.InDelta(t, -math.Pi/4, th, tol)
	})
	t.Run("alters spread evenly in one cell", func(t *testing.T) {
		// Three alters, one ring, one sector: radius 1.1, angles
		// π/2 − 2π(i+½)/3, i.e. 120° apart.
		g := LayoutEgogram(EgogramInput{Ring: []int{0, 0, 0}, Sector: []int{0, 0, 0}})
		for i, p := range g.Alters {
			r, th := polarOf(p)
			assert.InDelta(t, 1.1, r, tol)
			want := math.Remainder(math.Pi/2-2*math.Pi*(float64(i)+0.5)/3, 2*math.Pi)
			assert.InDelta(t, want, th, tol, "alter %d", i)
		}
	})
	t.Run("missing ring and sector go to unknown", func(t *testing.T) {
		g := LayoutEgogram(EgogramInput{Ring: []int{0, -1, 7}, Sector: []int{-1, 1, 0},
			Rings: []string{"1", "2"}, Sectors: []string{"family", "friends"}})
		assert.Equal(t, []string{"1", "2", Unknown}, g.Rings)
		assert.Equal(t, []string{"family", "friends", Unknown}, g.Sectors)
		assert.Equal(t, []int{0, 2, 2}, g.Ring)
		assert.Equal(t, []int{2, 1, 0}, g.Sector)
		for i, p := range g.Alters {
			assert.True(t, inCell(g, p, g.Ring[i], g.Sector[i]), "alter %d at %v", i, p)
		}
	})
	t.Run("a path of ties becomes a run of neighbours", func(t *testing.T) {
		// Five alters in one cell, tied 0–3–1–4–2: along the arc the
		// order must be that path (either direction).
		g := LayoutEgogram(EgogramInput{Ring: make([]int, 5), Sector: make([]int, 5),
			Ties: [][2]int{{0, 3}, {3, 1}, {1, 4}, {4, 2}}})
		order := byAngle(g.Alters)
		path := []int{0, 3, 1, 4, 2}
		if order[0] != 0 {
			slices.Reverse(path)
		}
		assert.Equal(t, path, order)
	})
	t.Run("every alter inside its cell, 100 alters", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(5, 5))
		in := EgogramInput{Rings: []string{"1", "2", "3"}, Sectors: []string{"a", "b", "c", "d", "e"}}
		for i := 0; i < 100; i++ {
			in.Ring = append(in.Ring, rng.IntN(4)-1)
			in.Sector = append(in.Sector, rng.IntN(6)-1)
			in.Ties = append(in.Ties, [2]int{i, rng.IntN(100)})
		}
		g := LayoutEgogram(in)
		for i, p := range g.Alters {
			assert.True(t, inCell(g, p, g.Ring[i], g.Sector[i]), "alter %d at %v", i, p)
		}
		// No two alters coincide.
		for i := range g.Alters {
			for j := i + 1; j < len(g.Alters); j++ {
				assert.Greater(t, r2.Norm(r2.Sub(g.Alters[i], g.Alters[j])), 0.1, "alters %d and %d", i, j)
			}
		}
		assert.Equal(t, g, LayoutEgogram(in), "deterministic")
	})
	t.Run("crowded cell uses several rows", func(t *testing.T) {
		// 30 alters in ring 0 of one of 5 sectors: a row at radius 1.1 and
		// angle 2π/5 holds int(1.1·1.2566/0.42) = 3, so rows are needed.
		in := EgogramInput{Ring: make([]int, 30), Sector: make([]int, 30), Sectors: []string{"a", "b", "c", "d", "e"}}
		g := LayoutEgogram(in)
		radii := map[float64]bool{}
		for i, p := range g.Alters {
			assert.True(t, inCell(g, p, 0, 0), "alter %d", i)
			radii[math.Round(r2.Norm(p)*1e6)/1e6] = true
		}
		assert.Len(t, radii, maxRows)
	})
}

// byAngle returns the alter indices ordered clockwise from the top.
func byAngle(p []r2.Vec) []int {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	key := func(i int) float64 {
		th := math.Pi/2 - math.Atan2(p[i].Y, p[i].X)
		return math.Mod(th+4*math.Pi, 2*math.Pi)
	}
	slices.SortFunc(idx, func(a, b int) int {
		if key(a) < key(b) {
			return -1
		}
		if key(a) > key(b) {
			return 1
		}
		return 0
	})
	return idx
}

func TestLevels(t *testing.T) {
	num := network.NumberValue
	txt := network.TextValue
	cases := []struct {
		name   string
		values []network.Value
		order  []string
		fixed  int
		want   []string
	}{
		{"none", nil, nil, 0, nil},
		{"only missing", []network.Value{{}, {}}, nil, 0, nil},
		{"integers filled in", []network.Value{num(3), num(1), {}}, nil, 0, []string{"1", "2", "3"}},
		{"fixed count", []network.Value{num(2)}, nil, 5, []string{"1", "2", "3", "4", "5"}},
		{"fractions as they are", []network.Value{num(0.5), num(2), num(0.5)}, nil, 0, []string{"0.5", "2"}},
		{"text sorted", []network.Value{txt("friends"), txt("family"), txt("friends")}, nil, 0, []string{"family", "friends"}},
		{"order given", []network.Value{txt("x")}, []string{"b", "a"}, 0, []string{"b", "a"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Levels(c.values, c.order, c.fixed))
		})
	}
}

func TestEgogramOf(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	require.NoError(t, b.AddEgo("e1", "1", nil))
	require.NoError(t, b.AddEgo("e1", "2", nil))
	s := b.AlterAttrs()
	add := func(wave, id, ring, sector string) {
		require.NoError(t, b.AddAlter("e1", wave, id, 1, network.NewAttrs(s, map[string]string{"closeness": ring, "role": sector})))
	}
	add("1", "a", "1", "family")
	add("1", "b", "NA", "friends")
	add("2", "a", "3", "services")
	add("2", "c", "2", "")
	ds, _ := b.Build()

	g, err := EgogramOf(ds.Egos[0], EgogramOptions{Rings: "closeness", Sectors: "role"})
	require.NoError(t, err)
	// Levels come from both waves: rings 1..3, sectors of both waves.
	assert.Equal(t, []string{"1", "2", "3", Unknown}, g.Rings)
	assert.Equal(t, []string{"family", "friends", "services"}, g.Sectors)
	assert.Equal(t, []int{0, 3}, g.Ring)

	g2, err := EgogramOf(ds.Egos[1], EgogramOptions{Rings: "closeness", Sectors: "role", ReverseRings: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"3", "2", "1"}, g2.Rings)
	assert.Equal(t, []string{"family", "friends", "services", Unknown}, g2.Sectors)
	assert.Equal(t, []int{0, 1}, g2.Ring)
	assert.Equal(t, []int{2, 3}, g2.Sector)

	// With StudyUnknown, wave 2 (no missing ring) still gets the unknown
	// ring that wave 1 needs, and wave 1 the unknown sector of wave 2.
	g3, err := EgogramOf(ds.Egos[1], EgogramOptions{Rings: "closeness", Sectors: "role", StudyUnknown: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"1", "2", "3", Unknown}, g3.Rings)
	g4, err := EgogramOf(ds.Egos[0], EgogramOptions{Rings: "closeness", Sectors: "role", StudyUnknown: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"family", "friends", "services", Unknown}, g4.Sectors)
	assert.Equal(t, []int{0, 3}, g4.Ring)

	_, err = EgogramOf(ds.Egos[0], EgogramOptions{Rings: "nope"})
	require.ErrorIs(t, err, ErrUnknownAttribute)
	assert.Contains(t, err.Error(), `"nope"`)
}

func TestLayoutEgogramPair(t *testing.T) {
	// Wave 1: a, b, c; wave 2: a (same cell), b (moved to ring 1), d (new).
	sectors := []string{"x", "y"}
	rings := []string{"1", "2"}
	before := EgogramInput{Ring: []int{0, 0, 1}, Sector: []int{0, 1, 1}, Rings: rings, Sectors: sectors, Ties: [][2]int{{0, 1}}}
	after := EgogramInput{Ring: []int{0, 1, -1}, Sector: []int{0, 1, 0}, Rings: rings, Sectors: sectors, Ties: [][2]int{{0, 2}}}
	b, a := LayoutEgogramPair(before, after, []string{"a", "b", "c"}, []string{"a", "b", "d"})
	assert.Equal(t, b.Rings, a.Rings, "one frame")
	assert.Equal(t, []string{"1", "2", Unknown}, a.Rings, "unknown ring from the second wave")
	assert.Equal(t, b.Alters[0], a.Alters[0], "a kept in its cell stays in place")
	assert.NotEqual(t, b.Alters[1], a.Alters[1], "b moved ring")
	for i, p := range b.Alters {
		assert.True(t, inCell(b, p, b.Ring[i], b.Sector[i]), "before alter %d", i)
	}
	for i, p := range a.Alters {
		assert.True(t, inCell(a, p, a.Ring[i], a.Sector[i]), "after alter %d", i)
	}
	assert.Equal(t, 2, a.Ring[2], "d's missing ring is the unknown ring")
}

// force runs Force without a deadline.
func force(n int, edges [][2]int, opt ForceOptions) []r2.Vec {
	p, err := Force(context.Background(), n, edges, opt)
	if err != nil {
		panic(err) // cannot happen: the context is never done
	}
	return p
}

func TestForceContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Force(ctx, 30, ring(30), ForceOptions{Seed: 1})
	assert.ErrorIs(t, err, context.Canceled)
}

package visualize

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/spatial/r2"
)

// ForceOptions configures Force. The zero value is ready to use.
type ForceOptions struct {
	// Seed makes the layout reproducible: the same graph and seed give the
	// same coordinates, bit for bit.
	Seed uint64

	// Iterations is the number of cooling steps per component; zero means
	// 300.
	Iterations int
}

// Force lays out an undirected graph of n nodes with the force-directed
// method of Fruchterman & Reingold (1991), "Graph drawing by force-directed
// placement", Software: Practice and Experience 21(11):1129–1164,
// doi:10.1002/spe.4380211102. Each connected component is laid out on its own
// with ideal edge length k = 1: tied nodes attract with force d²/k and nodes
// repel with force k²/d, repulsion limited to distance 2k through a grid of
// cells (the paper's grid variant), and moves are capped by a temperature that
// falls linearly to zero. The components are then packed in rows, largest
// first, with a gap of one edge length, so that they never overlap.
//
// edges lists node pairs (u, v) with 0 ≤ u, v < n; direction, duplicates and
// self-ties are ignored. A node with no ties is a component of its own.
// The result is deterministic for a given graph and seed. Force stops
// with ctx's error when ctx is done.
//
// Cost: O(Iterations · (n + m)) time for a graph of roughly uniform
// density, O(n + m) memory.
func Force(ctx context.Context, n int, edges [][2]int, opt ForceOptions) ([]r2.Vec, error) {
	if n <= 0 {
		return nil, ctx.Err()
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = 300
	}
	adj := adjacency(n, edges)
	comps := components(n, adj)
	pos := make([]r2.Vec, n)
	boxes := make([]r2.Box, len(comps))
	for ci, c := range comps {
		// Each component gets its own stream, so its layout does not depend
		// on the other components.
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(c[0])))
		if err := frComponent(ctx, c, adj, pos, iters, rng); err != nil {
			return nil, err
		}
		boxes[ci] = centre(c, pos)
	}
	pack(comps, boxes, pos)
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	centre(all, pos)
	return pos, nil
}

// adjacency returns sorted, de-duplicated undirected neighbour lists
// without self-ties; pairs out of range are ignored.
func adjacency(n int, edges [][2]int) [][]int32 {
	adj := make([][]int32, n)
	for _, e := range edges {
		u, v := e[0], e[1]
		if u == v || u < 0 || v < 0 || u >= n || v >= n {
			continue
		}
		adj[u] = append(adj[u], int32(v))
		adj[v] = append(adj[v], int32(u))
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}
	return adj
}

// components returns the connected components, each sorted, in order of
// their smallest node.
func components(n int, adj [][]int32) [][]int32 {
	seen := make([]bool, n)
	var out [][]int32
	for s := 0; s < n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		c := []int32{int32(s)}
		for q := 0; q < len(c); q++ {
			for _, v := range adj[c[q]] {
				if !seen[v] {
					seen[v] = true
					c = append(c, v)
				}
			}
		}
		slices.Sort(c)
		out = append(out, c)
	}
	return out
}

// grid buckets the nodes of a component into square cells so that
// repulsion is computed only between nodes in neighbouring cells.
type grid struct {
	minX, minY, size float64
	w, h             int
	head             []int   // nodes of cell i are nodes[head[i]:head[i+1]]
	nodes            []int32 // node indices sorted by cell
	cell             []int   // scratch: cell of each node, in component order
}

func (g *grid) cellOf(p r2.Vec) (int, int) {
	x := min(max(int((p.X-g.minX)/g.size), 0), g.w-1)
	y := min(max(int((p.Y-g.minY)/g.size), 0), g.h-1)
	return x, y
}

// build buckets the nodes of c by a counting sort. Cells are at least
// reach wide and there are at most about 4 cells per node, so that a
// widely spread layout does not need a huge grid.
func (g *grid) build(c []int32, pos []r2.Vec, reach float64) {
	b := bbox32(c, pos)
	g.minX, g.minY, g.size = b.Min.X, b.Min.Y, reach
	for {
		g.w = int((b.Max.X-b.Min.X)/g.size) + 1
		g.h = int((b.Max.Y-b.Min.Y)/g.size) + 1
		if g.w*g.h <= 4*len(c)+16 {
			break
		}
		g.size *= 2
	}
	g.head = slices.Grow(g.head[:0], g.w*g.h+1)[:g.w*g.h+1]
	clear(g.head)
	g.cell = slices.Grow(g.cell[:0], len(c))[:len(c)]
	for i, v := range c {
		x, y := g.cellOf(pos[v])
		g.cell[i] = y*g.w + x
		g.head[g.cell[i]+1]++
	}
	for i := 1; i < len(g.head); i++ {
		g.head[i] += g.head[i-1]
	}
	g.nodes = slices.Grow(g.nodes[:0], len(c))[:len(c)]
	fill := slices.Clone(g.head)
	for i, v := range c {
		g.nodes[fill[g.cell[i]]] = v
		fill[g.cell[i]]++
	}
}

func bbox32(c []int32, pos []r2.Vec) r2.Box {
	b := r2.Box{Min: pos[c[0]], Max: pos[c[0]]}
	for _, v := range c {
		b.Min = r2.Vec{X: math.Min(b.Min.X, pos[v].X), Y: math.Min(b.Min.Y, pos[v].Y)}
		b.Max = r2.Vec{X: math.Max(b.Max.X, pos[v].X), Y: math.Max(b.Max.Y, pos[v].Y)}
	}
	return b
}

// frComponent runs Fruchterman–Reingold on the nodes of one component.
func frComponent(ctx context.Context, c []int32, adj [][]int32, pos []r2.Vec, iters int, rng *rand.Rand) error {
	n := len(c)
	if n == 1 {
		pos[c[0]] = r2.Vec{}
		return nil
	}
	side := math.Sqrt(float64(n)) * 1.5
	for _, v := range c {
		pos[v] = r2.Vec{X: (rng.Float64() - 0.5) * side, Y: (rng.Float64() - 0.5) * side}
	}
	const k, reach = 1.0, 2.0
	disp := make([]r2.Vec, n)
	t0 := side / 10
	var g grid
	for it := 0; it < iters; it++ {
		if it%16 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		g.build(c, pos, reach)
		for i, v := range c {
			var d r2.Vec
			p := pos[v]
			cx, cy := g.cellOf(p)
			for gy := max(cy-1, 0); gy <= min(cy+1, g.h-1); gy++ {
				for gx := max(cx-1, 0); gx <= min(cx+1, g.w-1); gx++ {
					ci := gy*g.w + gx
					for _, u := range g.nodes[g.head[ci]:g.head[ci+1]] {
						if u == v {
							continue
						}
						delta := r2.Sub(p, pos[u])
						dist2 := r2.Norm2(delta)
						if dist2 >= reach*reach {
							continue
						}
						if dist2 < 1e-18 {
							// Coincident nodes: push apart along a
							// direction fixed by their indices.
							a := float64(v*7+u*13) * 0.618
							delta, dist2 = r2.Vec{X: math.Cos(a), Y: math.Sin(a)}, 1e-18
						}
						d = r2.Add(d, r2.Scale(k*k/dist2, delta))
					}
				}
			}
			for _, u := range adj[v] {
				delta := r2.Sub(p, pos[u])
				dist := r2.Norm(delta)
				d = r2.Sub(d, r2.Scale(dist/k, delta))
			}
			disp[i] = d
		}
		t := t0 * (1 - float64(it)/float64(iters))
		for i, v := range c {
			d := disp[i]
			if l := r2.Norm(d); l > t {
				d = r2.Scale(t/l, d)
			}
			pos[v] = r2.Add(pos[v], d)
		}
	}
	return nil
}

// centre moves the component so that its bounding box is centred on the
// origin and returns the box.
func centre(c []int32, pos []r2.Vec) r2.Box {
	b := bbox32(c, pos)
	mid := r2.Scale(0.5, r2.Add(b.Min, b.Max))
	for _, v := range c {
		pos[v] = r2.Sub(pos[v], mid)
	}
	return r2.Box{Min: r2.Sub(b.Min, mid), Max: r2.Sub(b.Max, mid)}
}

// pack places centred components in rows (shelves), largest first, each
// box grown by half an edge length on every side so that neighbouring
// components are at least one edge length apart.
func pack(comps [][]int32, boxes []r2.Box, pos []r2.Vec) {
	order := make([]int, len(comps))
	var area, widest float64
	for i := range order {
		order[i] = i
		s := r2.Sub(boxes[i].Max, boxes[i].Min)
		area += (s.X + 1) * (s.Y + 1)
		widest = math.Max(widest, s.X+1)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(comps[b]), len(comps[a])) })
	rowWidth := math.Max(widest, math.Sqrt(area)*1.2)
	var x, y, rowH float64
	for _, ci := range order {
		s := r2.Sub(boxes[ci].Max, boxes[ci].Min)
		w, h := s.X+1, s.Y+1
		if x > 0 && x+w > rowWidth {
			x, y, rowH = 0, y-rowH, 0
		}
		off := r2.Vec{X: x + w/2, Y: y - h/2}
		for _, v := range comps[ci] {
			pos[v] = r2.Add(pos[v], off)
		}
		x += w
		rowH = math.Max(rowH, h)
	}
}

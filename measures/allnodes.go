package measures

import (
	"context"

	"github.com/sociogram/sociogram/network"
)

// AllNodesOptions configures AllNodes.
type AllNodesOptions struct {
	// Workers is the number of goroutines; 0 means GOMAXPROCS. Results do
	// not depend on it.
	Workers int
	// SkipBetweenness leaves EgoBetweenness and EgoBetweennessNorm zero; it
	// is the costliest measure on graphs with large hubs.
	SkipBetweenness bool
	// Progress, when not nil, is called now and then with the number of
	// nodes done; calls may come from several goroutines, one at a time.
	Progress func(done, total int)
	// Nodes, when not nil, limits the work to the nodes of one range (one
	// shard, see Shard): the result then has one entry per node of the
	// range, result[v-Nodes.First] for node v. The graph is still read
	// whole, so each value is the one of the whole run, bit for bit.
	Nodes *NodeRange
}

// AllNodes computes the structural measures of every node of g taken as an
// ego (whole-network model), on all cores: result[v] equals Structural(g, v)
// up to the rounding of sums made in another order (relative 1e-12 in the
// tests). Each node's sums are made by one goroutine in a fixed order, so
// the result is bit-for-bit the same for any number of workers. It stops
// early with ctx.Err() when ctx is cancelled.
//
// Undirected graphs, weighted or not, use the triangle engine: nodes ranked
// by degree, each triangle at an ego found once from its lower-ranked alter,
// with per-alter accumulators for Burt's sums (see the notes on the engine in
// the source). Cost: O(Σ_j deg(j)·deg⁺(j)) ≤ O(m^1.5) time, deg⁺(j) the
// number of j's neighbours of higher degree, plus the 2-paths among each
// ego's alters for ego betweenness; memory 4 bytes per edge (16 when
// weighted) and 24 bytes per node beyond the graph and the result, plus
// 4 bytes per node per worker.
//
// Directed graphs use the per-ego kernel of Structural on every node:
// O(Σ_v deg(v)²) time.
func AllNodes(ctx context.Context, g *network.Graph, opt AllNodesOptions) ([]Stats, error) {
	n := g.Order()
	r, err := opt.Nodes.in(n)
	if err != nil {
		return nil, err
	}
	out := make([]Stats, r.Len())
	if len(out) == 0 {
		return out, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err = newNodeStats(g, opt.Workers, !opt.SkipBetweenness).compute(ctx, r.First, out, opt.Progress)
	if err != nil {
		return nil, err
	}
	return out, nil
}

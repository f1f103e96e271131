package measures

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

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
}

// AllNodes computes the structural measures of every node of g taken as an
// ego (whole-network model), on all cores: result[v] is node v's Stats. It
// makes no allocation per node; each worker reuses its own scratch space,
// and each node's sums are made in a fixed order, so the result is the
// same for any number of workers. It stops early with ctx.Err() when ctx is
// cancelled.
//
// Cost: O(Σ_v deg(v)²) time, O(n) memory per worker beyond the result.
func AllNodes(ctx context.Context, g *network.Graph, opt AllNodesOptions) ([]Stats, error) {
	n := g.Order()
	out := make([]Stats, n)
	if n == 0 {
		return out, nil
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	base := newKernel(g, nil, nil)
	const chunk = 1024
	var next, done atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := base
			if w > 0 {
				k = newKernel(g, base.S, base.M)
			}
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				hi := min(lo+chunk, n)
				for v := lo; v < hi; v++ {
					k.compute(int32(v), &out[v], !opt.SkipBetweenness)
				}
				if opt.Progress != nil {
					d := done.Add(int64(hi - lo))
					mu.Lock()
					opt.Progress(int(d), n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

package measures

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/sociogram/sociogram/network"
)

// StreamNodeTable computes NodeTable's rows in blocks of opt.Batch nodes
// (0 means 16,384) and passes each block's table to fn, in node order:
// the rows of all blocks together are NodeTable's rows, bit for bit, and
// every block has its KeyNames and Columns (fn is called once, with no
// rows, when there are no nodes). opt.Table.Nodes limits the rows to one
// range as for NodeTable. It returns the errors of NodeTable, an error
// from fn as it is, and ctx.Err() if ctx is cancelled; fn may have been
// called for earlier blocks when an error comes.
//
// Memory: the engine of AllNodes (made once for all blocks) and one
// block's table and Stats, instead of NodeTable's whole table (about 110
// bytes per node for the eleven default measures, plus the keys) and the
// Stats of every node (120 bytes per node). `sociogram nodes` writes CSV
// this way.
func StreamNodeTable(ctx context.Context, g *network.Graph, specs []Spec, opt StreamOptions, fn func(t *Table) error) error {
	topt := opt.Table
	if err := Check(specs, Schemas{Alters: g.Attrs(), Egos: g.Attrs(), Whole: true}, &topt); err != nil {
		return err
	}
	var nodeEgos []*network.EgoNet // built only if a prepare function asks
	pop := population{graph: g, alterValues: func(attr string, fn func(network.Value)) {
		col, ok := g.Attrs().Index(attr)
		if !ok {
			return
		}
		for v := 0; v < g.Order(); v++ {
			fn(g.NodeAttr(v, col))
		}
	}, egos: func() []*network.EgoNet {
		if nodeEgos == nil {
			nodeEgos = make([]*network.EgoNet, g.Order())
			for v := range nodeEgos {
				nodeEgos[v] = network.EgoNetOf(g, v)
			}
		}
		return nodeEgos
	}}
	defs, ctxs, err := prepare(specs, &topt, pop)
	if err != nil {
		return err
	}
	nr, err := topt.Nodes.in(g.Order())
	if err != nil {
		return err
	}
	first, n := nr.First, nr.Len()
	needStats, needBetweenness, needEgo := false, false, false
	for _, d := range defs {
		needStats = needStats || d.stat != nil
		needBetweenness = needBetweenness || d.betweenness
		needEgo = needEgo || d.eval != nil
	}
	// Progress: the structural pass and the compositional pass each count
	// as n rows when both run; the blocks add up.
	total := 0
	if needStats {
		total += n
	}
	if needEgo {
		total += n
	}
	var statsDone, rowsDone atomic.Int64
	var statsProgress, rowProgress func(done, total int)
	if topt.Progress != nil {
		statsProgress = func(done, _ int) {
			statsDone.Store(int64(done))
			topt.Progress(int(statsDone.Load()+rowsDone.Load()), total)
		}
		if needEgo {
			rowProgress = func(done, _ int) {
				rowsDone.Store(int64(done))
				topt.Progress(int(statsDone.Load()+rowsDone.Load()), total)
			}
		}
	}
	batch := opt.Batch
	if batch <= 0 {
		batch = 1 << 14
	}
	var ns *nodeStats
	if needStats && n > 0 {
		ns = newNodeStats(g, topt.Workers, needBetweenness)
	}
	var stats []Stats
	var statsBase, rowsBase int64
	for lo := 0; ; lo += batch {
		hi := min(lo+batch, n)
		rows := hi - lo
		t := newTable(specs, rows)
		t.KeyNames = []string{"node"}
		if ns != nil {
			if cap(stats) < rows {
				stats = make([]Stats, rows)
			}
			stats = stats[:rows]
			var p func(done, total int)
			if statsProgress != nil {
				base := statsBase
				p = func(done, _ int) { statsProgress(int(base)+done, total) }
			}
			if err := ns.compute(ctx, first+lo, stats, p); err != nil {
				return err
			}
			statsBase += int64(rows)
		}
		popt := topt
		popt.Progress = nil
		if rowProgress != nil {
			base := rowsBase
			popt.Progress = func(done, _ int) { rowProgress(int(base)+done, total) }
		}
		err := parallel(ctx, rows, popt, func(r int) {
			v := first + lo + r
			t.Keys[r] = []string{g.Label(v)}
			var e *network.EgoNet
			if needEgo {
				e = network.EgoNetOf(g, v)
			}
			row := t.Values[r]
			for c, d := range defs {
				if d.stat != nil {
					row[c] = d.stat(&stats[r])
				} else {
					row[c] = d.eval(e, ctxs[c])
				}
			}
		})
		if err != nil {
			return err
		}
		rowsBase += int64(rows)
		if err := fn(t); err != nil {
			return err
		}
		if hi >= n {
			return nil
		}
	}
}

// nodeStats computes the Stats of ranges of nodes of one graph with one
// engine (or, for a directed graph, one set of node strengths) made once,
// and worker scratch reused from range to range, so that computing a
// graph's nodes a block at a time costs no more than all at once.
type nodeStats struct {
	g               *network.Graph
	workers         int
	withBetweenness bool
	e               *engine
	base            *kernel
	mu              sync.Mutex
	scratch         []*scratch
	kernels         []*kernel
}

func newNodeStats(g *network.Graph, workers int, withBetweenness bool) *nodeStats {
	s := &nodeStats{g: g, workers: workers, withBetweenness: withBetweenness}
	if g.Directed() {
		s.base = newKernel(g, nil, nil)
	} else {
		s.e = newEngine(g, workers)
	}
	return s
}

// compute fills out[i] with the Stats of node first+i.
func (s *nodeStats) compute(ctx context.Context, first int, out []Stats, progress func(done, total int)) error {
	if s.g.Directed() {
		get, done := reuse(&s.mu, &s.kernels, func() *kernel { return newKernel(s.g, s.base.S, s.base.M) })
		defer done()
		return forEachNode(ctx, len(out), s.workers, get,
			func(k *kernel, i int) { k.compute(int32(first+i), &out[i], s.withBetweenness) },
			progress)
	}
	get, done := reuse(&s.mu, &s.scratch, func() *scratch { return newScratch(s.g.Order()) })
	defer done()
	return forEachNode(ctx, len(out), s.workers, get,
		func(sc *scratch, i int) { s.e.compute(sc, int32(first+i), &out[i], s.withBetweenness) },
		progress)
}

// reuse returns a newState function for forChunks that takes states from
// free (making one when free is empty), and a function that gives every
// state taken back to free.
func reuse[S any](mu *sync.Mutex, free *[]S, make func() S) (get func() S, done func()) {
	var taken []S
	get = func() S {
		mu.Lock()
		defer mu.Unlock()
		var st S
		if k := len(*free); k > 0 {
			st = (*free)[k-1]
			*free = (*free)[:k-1]
		} else {
			st = make()
		}
		taken = append(taken, st)
		return st
	}
	done = func() {
		mu.Lock()
		defer mu.Unlock()
		*free = append(*free, taken...)
		taken = nil
	}
	return get, done
}

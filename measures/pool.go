package measures

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// forChunks is the one worker pool of this package: it runs fn(st, lo, hi)
// over [0, n) in chunks of size indices, taken in index order, with at most
// workers chunks at a time (0 workers: GOMAXPROCS). Each running chunk has
// a state of its own from newState, reused by later chunks, so at most
// workers states are made. It stops starting chunks when ctx is cancelled
// and returns ctx.Err(); progress, when not nil, is called one call at a
// time with the number of indices done. fn must only write to the slots of
// its own indices, so the result does not depend on the schedule.
func forChunks[S any](ctx context.Context, n, workers, size int, newState func() S, fn func(st S, lo, hi int), progress func(done, total int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size = max(size, 1)
	g := new(errgroup.Group)
	g.SetLimit(workers)
	// A chunk takes a free state or makes one; a state is made only when
	// every state made so far is held by a running chunk, so there are at
	// most workers states and returning one never blocks.
	states := make(chan S, workers)
	var done atomic.Int64
	var mu sync.Mutex
	for lo := 0; lo < n && ctx.Err() == nil; lo += size {
		hi := min(lo+size, n)
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil
			}
			var st S
			select {
			case st = <-states:
			default:
				st = newState()
			}
			fn(st, lo, hi)
			states <- st
			if progress != nil {
				d := done.Add(int64(hi - lo))
				mu.Lock()
				progress(int(d), n)
				mu.Unlock()
			}
			return nil
		})
	}
	_ = g.Wait() // the chunks return no errors; cancellation is ctx's
	return ctx.Err()
}

// noState is the state of a pool whose chunks need none.
func noState() struct{} { return struct{}{} }

package measures

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/sociogram/sociogram/network"
)

// StreamEgoCSV computes the structural measures in specs for every ego of
// a study in the three-table ego CSV layout and writes the table as CSV to
// w, byte for byte what EgoTable's table written with WriteCSVWith(w,
// wopt) would be, without holding the study, a Dataset or the table: the
// files are read by network.StreamEgoGraphs (no attributes, no allocation
// per row), the egos are measured in batches on sopt.Table.Workers
// goroutines, each with scratch space it reuses (OfEgoGraph), and each
// batch's rows are formatted by the goroutine that measured it and
// written in the order of egos.csv as soon as the batches before it are.
// The structural measures count the node types sopt.Table.Types says
// (people, by default).
//
// Every spec must be a structural measure without an attribute (size,
// ties, density, components, isolates, effective_size, efficiency,
// constraint, hierarchy, ego_betweenness, brokerage, weighted_density,
// redundancy, ego_betweenness_norm, brokerage_norm); otherwise it returns
// an error wrapping ErrNotStreamable before reading anything: use
// StreamEgoTable or EgoTable. Other errors are those of
// network.StreamEgoGraphs (network.ErrUngrouped when the tables are not
// grouped by ego), of w, and ctx.Err(); w may have had rows for earlier
// egos when one comes.
//
// With sopt.InputKeyNames the key columns are named as the input names
// them (see StreamOptions).
//
// Memory: network.StreamEgoGraphs' plus a few batches of sopt.Batch egos
// (0 means 256) per worker, whatever the number of egos.
func StreamEgoCSV(ctx context.Context, w io.Writer, egos, alters, ties string, opt network.EgoCSVOptions, specs []Spec, sopt StreamOptions, wopt WriteOptions) (network.Report, error) {
	defs := make([]*definition, len(specs))
	needB := false
	for i := range specs {
		d, ok := lookup(specs[i].Name)
		if !ok {
			return network.Report{}, specErr(specs[i].Column, "unknown measure %q", specs[i].Name)
		}
		if d.stat == nil || specs[i].Attr != "" || specs[i].Op != OpNone {
			return network.Report{}, fmt.Errorf("%w %q: %w: not a structural measure; use StreamEgoTable", ErrMeasure, specs[i].Column, ErrNotStreamable)
		}
		defs[i] = d
		needB = needB || d.betweenness
	}
	// The header, as WriteCSVWith writes it, once the first ego says
	// what the input calls its key columns.
	head := newTable(specs, 0)
	head.KeyNames = []string{"egoID"}
	waves := opt.Wave != ""
	if waves {
		head.KeyNames = append(head.KeyNames, "wave")
	}
	header := func(g *network.EgoGraph) error {
		if sopt.InputKeyNames {
			wopt.KeyNames = []string{g.IDColumn}
			if waves {
				wopt.KeyNames = append(wopt.KeyNames, opt.Wave)
			}
		}
		var hb bytes.Buffer
		if err := head.WriteCSVWith(&hb, wopt); err != nil {
			return err
		}
		_, err := w.Write(hb.Bytes())
		return err
	}
	digits := wopt.Digits
	if digits == 0 {
		digits = -1
	}
	workers := sopt.Table.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := sopt.Batch
	if size <= 0 {
		size = 256
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	nb := 2*workers + 2
	free := make(chan *egoBatch, nb)
	for range nb {
		free <- &egoBatch{}
	}
	work := make(chan *egoBatch, nb)
	order := make(chan *egoBatch, nb)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var st Stats
			var g network.EgoGraph
			for b := range work {
				b.rows(&g, &st, defs, needB, waves, digits)
				b.done <- struct{}{}
			}
		}()
	}
	// The writer: batches in the order read, each once it is measured.
	wdone := make(chan struct{})
	go func() {
		defer close(wdone)
		failed := false
		for b := range order {
			<-b.done
			if !failed {
				if _, err := w.Write(b.out); err != nil {
					failed = true
					cancel(err)
				}
			}
			free <- b
		}
	}()

	var cur *egoBatch
	send := func() {
		order <- cur
		work <- cur
		cur = nil
	}
	gopt := network.EgoGraphOptions{NodeColumn: sopt.Table.Types.NodeColumn, Keep: sopt.Table.Types.Count}
	rep, err := network.StreamEgoGraphs(egos, alters, ties, opt, gopt, func(g *network.EgoGraph) error {
		if header != nil {
			if err := header(g); err != nil {
				return err
			}
			header = nil
		}
		if cur == nil {
			if err := ctx.Err(); err != nil {
				return context.Cause(ctx)
			}
			select {
			case cur = <-free:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			cur.reset()
		}
		cur.add(g)
		if len(cur.ids) == size {
			send()
		}
		return nil
	})
	if err == nil && cur != nil {
		send()
	}
	close(work)
	close(order)
	wg.Wait()
	<-wdone
	if err == nil {
		err = context.Cause(ctx)
	}
	return rep, err
}

// egoBatch holds the ego graphs of a batch in flat slices, reused from
// batch to batch, and the batch's rows once measured.
type egoBatch struct {
	ids, waves []string
	nAlt, nTie []int  // per ego: alters and ties in aw and ties
	directed   []bool // per ego
	aw         []float64
	ties       []network.EgoTie
	out        []byte
	done       chan struct{}
}

func (b *egoBatch) reset() {
	if b.done == nil {
		b.done = make(chan struct{}, 1)
	}
	b.ids, b.waves = b.ids[:0], b.waves[:0]
	b.nAlt, b.nTie, b.directed = b.nAlt[:0], b.nTie[:0], b.directed[:0]
	b.aw, b.ties, b.out = b.aw[:0], b.ties[:0], b.out[:0]
}

func (b *egoBatch) add(g *network.EgoGraph) {
	b.ids = append(b.ids, g.ID)
	b.waves = append(b.waves, g.Wave)
	b.nAlt = append(b.nAlt, len(g.AlterWeights))
	b.nTie = append(b.nTie, len(g.Ties))
	b.directed = append(b.directed, g.Directed)
	b.aw = append(b.aw, g.AlterWeights...)
	b.ties = append(b.ties, g.Ties...)
}

// rows measures the batch's egos and formats their rows into b.out.
func (b *egoBatch) rows(g *network.EgoGraph, st *Stats, defs []*definition, needB, waves bool, digits int) {
	a, t := 0, 0
	for i, id := range b.ids {
		g.ID, g.Wave, g.Directed = id, b.waves[i], b.directed[i]
		g.AlterWeights = b.aw[a : a+b.nAlt[i] : a+b.nAlt[i]]
		g.Ties = b.ties[t : t+b.nTie[i] : t+b.nTie[i]]
		a += b.nAlt[i]
		t += b.nTie[i]
		ofEgoGraph(g, st, needB)
		b.out = appendCSVField(b.out, id)
		if waves {
			b.out = append(b.out, ',')
			b.out = appendCSVField(b.out, g.Wave)
		}
		for _, d := range defs {
			b.out = append(b.out, ',')
			b.out = appendValueDigits(b.out, d.stat(st), digits)
		}
		b.out = append(b.out, '\n')
	}
}

// appendCSVField appends f as encoding/csv's Writer writes a field: as it
// is, or quoted when it holds a delimiter, quote or line break or starts
// with a space (fields that might need quotes go through a csv.Writer).
func appendCSVField(dst []byte, f string) []byte {
	plain := f != `\.` && (f == "" || f[0] > ' ')
	for i := 0; plain && i < len(f); i++ {
		c := f[i]
		plain = c != ',' && c != '"' && c != '\r' && c != '\n' && c < 0x80
	}
	if plain {
		return append(dst, f...)
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{f})
	cw.Flush()
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...)
}

// appendValueDigits appends FormatValueDigits(x, digits) without
// allocating.
func appendValueDigits(dst []byte, x float64, digits int) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return append(dst, "NA"...)
	}
	if x == 0 {
		return append(dst, '0')
	}
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return strconv.AppendFloat(dst, x, 'f', 0, 64)
	}
	if digits == 0 || digits > 17 || digits < -1 {
		digits = -1
	}
	n := len(dst)
	dst = strconv.AppendFloat(dst, x, 'g', digits, 64)
	if string(dst[n:]) == "-0" {
		return append(dst[:n], '0')
	}
	return dst
}

package measures

import (
	"context"
	"errors"
	"fmt"

	"github.com/sociogram/sociogram/network"
)

// ErrNotStreamable is wrapped by the error of StreamEgoTable for a measure
// that needs the whole study before its first row: one whose preparation
// reads every ego (iqv's levels, the instruments' checks, the
// classification rules) or that needs an attribute's kind over the whole
// file (mean, sd and the ordering selectors). Use EgoTable for those.
var ErrNotStreamable = errors.New("measure needs the whole study")

// StreamOptions configures StreamEgoTable.
type StreamOptions struct {
	// Table configures the measures (workers, node types). Its Levels,
	// Classifier and Instruments are not used: the measures that need them
	// are not streamable.
	Table TableOptions
	// Batch is the number of egos measured at a time; 0 means 2048, enough
	// to keep every core busy and few enough to bound memory.
	Batch int
	// InputKeyNames names the key columns of StreamEgoCSV's table as the
	// input names them (the ego ID column of egos.csv, the wave column)
	// rather than egoID and wave, as WriteOptions.KeyNames would with
	// Dataset.EgoIDColumn and Dataset.WaveColumn.
	InputKeyNames bool
}

// StreamEgoTable computes the measures in specs for every ego of a study in
// the three-table ego CSV layout (see network.StreamEgoCSV) without holding
// the study in memory: it measures the egos in batches as they are read and
// passes each batch's table and egos (row r is egos[r]) to fn, in the order
// of egos.csv; fn must not keep egos after it returns. Every table
// has the same KeyNames and Columns as EgoTable's would, and the rows of all
// batches together equal EgoTable's rows for the study read whole.
//
// It returns an error wrapping ErrNotStreamable, before reading any row,
// when a spec needs the whole study; the errors of network.StreamEgoCSV
// (network.ErrUngrouped when the tables are not grouped by ego: read them
// with network.ReadEgoCSV and use EgoTable); those of Check, when the first
// ego shows an attribute a spec names is missing; an error from fn, as it
// is; and ctx.Err() if ctx is cancelled. fn may have been called for
// earlier batches when an error comes.
//
// Memory: that of network.StreamEgoCSV plus one batch of ego networks and
// its table.
func StreamEgoTable(ctx context.Context, egos, alters, ties string, opt network.EgoCSVOptions, specs []Spec, sopt StreamOptions, fn func(t *Table, egos []*network.EgoNet) error) (network.Report, error) {
	for i := range specs {
		d, ok := lookup(specs[i].Name)
		if !ok {
			return network.Report{}, specErr(specs[i].Column, "unknown measure %q", specs[i].Name)
		}
		if d.prepare != nil || d.check != nil || d.numeric || specs[i].Op.numeric() {
			return network.Report{}, fmt.Errorf("%w %q: %w: use EgoTable", ErrMeasure, specs[i].Column, ErrNotStreamable)
		}
	}
	size := sopt.Batch
	if size <= 0 {
		size = 2048
	}
	topt := sopt.Table
	var (
		batch []*network.EgoNet
		defs  []*definition
		ctxs  []*evalContext
		waves bool
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		t, err := egoRows(ctx, batch, waves, specs, defs, ctxs, topt)
		if err != nil {
			return err
		}
		err = fn(t, batch)
		batch = batch[:0]
		return err
	}
	rep, err := network.StreamEgoCSV(egos, alters, ties, opt, func(e *network.EgoNet) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if defs == nil {
			ds := e.Dataset()
			if err := Check(specs, Schemas{Alters: ds.AlterAttrs, Egos: ds.EgoAttrs}, &topt); err != nil {
				return err
			}
			var err error
			if defs, ctxs, err = prepare(specs, &topt, population{}); err != nil {
				return err
			}
			waves = ds.WaveColumn != ""
		}
		batch = append(batch, e)
		if len(batch) == size {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return rep, err
}

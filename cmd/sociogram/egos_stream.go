package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// streamBatch is the number of egos measured at a time on the streaming
// path: enough to keep every core busy, few enough to bound memory.
const streamBatch = 2048

// streamEgos is the streaming path of `sociogram egos`: when the input is
// the three survey tables, the output CSV, and every measure structural (no
// measure needs the whole dataset, as iqv's levels do), it reads the egos
// with network.StreamEgoCSV, measures them in batches and writes the rows
// as they come, so that memory does not grow with the number of egos. The
// rows go to the -o file's temporary file beside it (never to $TMPDIR,
// which may be small or shared): when the tables are not grouped by ego
// (network.ErrUngrouped) it is dropped and done is false, and the caller
// reads the study whole, as for any other input. Output to stdout or to a
// device or pipe, which cannot be taken back, takes the usual path. done
// is true when this path ran, err its outcome.
func streamEgos(in *inputFlags, specs []measures.Spec, mf *measureFlags, cf *capitalFlags, stdout, stderr io.Writer) (done bool, err error) {
	if len(in.inputKinds()) != 1 || !in.isEgo() || in.egos == "" || in.alters == "" ||
		mf.format != "csv" || cf.classify != "" || cf.instruments != "" {
		return false, nil
	}
	structural := map[string]bool{}
	for _, s := range measures.DefaultSpecs() {
		structural[s.Name] = true
	}
	for _, s := range specs {
		if !structural[s.Name] || s.Attr != "" || s.Op != measures.OpNone {
			return false, nil
		}
	}
	if mf.out == "" || mf.out == "-" {
		return false, nil
	}
	if _, _, through, err := outputTarget(mf.out); err != nil || through {
		return false, nil // the usual path says what is wrong, or writes through
	}
	in.noteInputs()
	tmp, err := createAtomic(mf.out)
	if err != nil {
		return true, err
	}
	defer tmp.Abort()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	cw := csv.NewWriter(bw)
	var batch []*network.EgoNet
	header := false
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		d := batch[0].Dataset()
		ds := &network.Dataset{Egos: batch, EgoAttrs: d.EgoAttrs, AlterAttrs: d.AlterAttrs, TieAttrs: d.TieAttrs,
			Directed: d.Directed, AlterWeighted: d.AlterWeighted, TieWeighted: d.TieWeighted, WaveColumn: d.WaveColumn}
		t, err := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{})
		if err != nil {
			return err
		}
		if !header {
			header = true
			if err := cw.Write(append(append([]string(nil), t.KeyNames...), t.Columns...)); err != nil {
				return err
			}
		}
		var rec []string
		for r := range t.Values {
			rec = append(rec[:0], t.Keys[r]...)
			for _, x := range t.Values[r] {
				rec = append(rec, measures.FormatValue(x))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	rep, err := network.StreamEgoCSV(in.egos, in.alters, in.ties, in.egoOptions(), func(e *network.EgoNet) error {
		batch = append(batch, e)
		if len(batch) == streamBatch {
			return flush()
		}
		return nil
	})
	if errors.Is(err, network.ErrUngrouped) {
		return false, nil
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		return true, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return true, err
	}
	if err := bw.Flush(); err != nil {
		return true, err
	}
	warn(stderr, rep.Lines())
	if err := tmp.Commit(); err != nil {
		return true, fmt.Errorf("%s: %w", mf.out, err)
	}
	return true, nil
}

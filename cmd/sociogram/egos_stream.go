package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// streamEgos is the streaming path of `sociogram egos`: when the input is
// the three survey tables, the output CSV, and every measure structural (no
// measure needs the whole dataset, as iqv's levels do), it measures the
// egos in batches on every core as they are read, from their structure
// alone (measures.StreamEgoCSV), and writes the rows in ego order as they
// come, so that memory does not grow with the number of egos. The
// rows go to the -o file's temporary file beside it (never to $TMPDIR,
// which may be small or shared): when the tables are not grouped by ego
// (network.ErrUngrouped) it is dropped and done is false, and the caller
// reads the study whole, as for any other input. Output to stdout or to a
// device or pipe, which cannot be taken back, takes the usual path. done
// is true when this path ran, err its outcome.
func streamEgos(in *inputFlags, specs []measures.Spec, mf *measureFlags, cf *capitalFlags, stdout, stderr io.Writer) (done bool, err error) {
	if len(in.inputKinds()) != 1 || !in.isEgo() || in.egos == "" || in.alters == "" ||
		mf.format != "csv" || cf.classify != "" || cf.instruments != "" || in.transforms() || in.nodeTypes != "" {
		return false, nil
	}
	structural := map[string]bool{"weighted_density": true, "redundancy": true, "ego_betweenness_norm": true, "brokerage_norm": true}
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
	if err := in.checkCSV(); err != nil {
		return true, err
	}
	in.noteInputs()
	tmp, err := createAtomic(mf.out)
	if err != nil {
		return true, err
	}
	defer tmp.Abort()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	in.sayDelimiters(stderr, in.egos, in.alters, in.ties)
	sopt := measures.StreamOptions{Table: measures.TableOptions{Types: measures.TypeOptions{NodeColumn: in.nodeTypeColumn}},
		InputKeyNames: mf.keyNames == "input"}
	rep, err := measures.StreamEgoCSV(context.Background(), bw, in.egos, in.alters, in.ties, in.egoOptions(), specs, sopt, mf.writeOptions(nil, nil))
	if errors.Is(err, network.ErrUngrouped) {
		return false, nil
	}
	if errors.Is(err, measures.ErrNotStreamable) {
		return false, nil
	}
	if err != nil {
		return true, in.hintMissing(err)
	}
	if err := bw.Flush(); err != nil {
		return true, err
	}
	warnReport(stderr, rep)
	if err := tmp.Commit(); err != nil {
		return true, fmt.Errorf("%s: %w", mf.out, err)
	}
	return true, nil
}

package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/sociogram/sociogram/measures"
)

// measureFlags are the flags shared by the commands that print a table of
// measures (egos, nodes, compare).
type measureFlags struct {
	list   string
	format string
	out    string
}

func (m *measureFlags) add(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&m.list, "measures", "", "comma-separated `LIST` of measures, e.g. size,density,blau(sex),count(role=family|friend); default: every structural measure")
	fs.StringVar(&m.format, "format", "csv", "output `FORMAT`: csv or json")
	fs.StringVar(&m.out, "o", "", "output `FILE` (default standard output)")
}

// specs parses the measures list (the default list when none is given)
// and checks the format, both before any data is read.
func (m *measureFlags) specs() ([]measures.Spec, error) {
	if m.format != "csv" && m.format != "json" {
		return nil, usagef("unknown --format %q (want csv or json)", m.format)
	}
	if m.list == "" {
		return measures.DefaultSpecs(), nil
	}
	specs, err := measures.ParseList(m.list)
	if err != nil {
		return nil, usageError{err}
	}
	return specs, nil
}

// write writes t to -o (atomically) or stdout in the chosen format.
func (m *measureFlags) write(stdout io.Writer, t *measures.Table) error {
	return writeOutput(m.out, stdout, func(w io.Writer) error {
		if m.format == "json" {
			return t.WriteJSON(w)
		}
		return t.WriteCSV(w)
	})
}

// isTerminal reports whether w is a terminal (a character device), the
// only case in which progress is shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress returns a progress callback that redraws one line on stderr at
// most every 200 ms, and a function that ends the line; both are no-ops
// unless stderr is a terminal.
func progress(stderr io.Writer, what string) (func(done, total int), func()) {
	if !isTerminal(stderr) {
		return nil, func() {}
	}
	var mu sync.Mutex
	var last time.Time
	shown := false
	fn := func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if now := time.Now(); now.Sub(last) >= 200*time.Millisecond || done == total {
			last = now
			shown = true
			fmt.Fprintf(stderr, "\rsociogram: %s %d/%d", what, done, total)
		}
	}
	end := func() {
		mu.Lock()
		defer mu.Unlock()
		if shown {
			fmt.Fprintln(stderr)
		}
	}
	return fn, end
}

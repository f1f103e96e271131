package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/sociogram/sociogram/measures"
)

// tableFlags are the output flags of the commands that write a table:
// --format (csv or json) and -o.
type tableFlags struct {
	format string
	out    string
}

// flagAdder is the part of *flag.FlagSet the flag groups use.
type flagAdder interface {
	StringVar(p *string, name, value, usage string)
}

func (t *tableFlags) add(fs flagAdder) {
	fs.StringVar(&t.format, "format", "csv", "output `FORMAT`: csv or json")
	fs.StringVar(&t.out, "o", "", "output `FILE` (default standard output)")
}

// check reports an unknown --format as a usage error, before any data is
// read.
func (t *tableFlags) check() error {
	if t.format != "csv" && t.format != "json" {
		return usagef("unknown --format %q (want csv or json)", t.format)
	}
	return nil
}

// write writes to -o (atomically) or stdout, with writeCSV or writeJSON
// as --format says.
func (t *tableFlags) write(stdout io.Writer, writeCSV, writeJSON func(io.Writer) error) error {
	if t.format == "json" {
		return writeOutput(t.out, stdout, writeJSON)
	}
	return writeOutput(t.out, stdout, writeCSV)
}

// measureFlags are the flags shared by the commands that print a table of
// measures (egos, nodes, compare): --measures and the table flags.
type measureFlags struct {
	list string
	tableFlags
}

func (m *measureFlags) add(fs flagAdder) {
	fs.StringVar(&m.list, "measures", "", "comma-separated `LIST` of measures, e.g. size,density,blau(sex),count(role=family|friend); default: every structural measure")
	m.tableFlags.add(fs)
}

// specs parses the measures list (the default list when none is given)
// and checks the format, both before any data is read.
func (m *measureFlags) specs() ([]measures.Spec, error) {
	if err := m.check(); err != nil {
		return nil, err
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

// writeTable writes a measures table as the table flags say.
func (m *measureFlags) writeTable(stdout io.Writer, t *measures.Table) error {
	return m.tableFlags.write(stdout, t.WriteCSV, t.WriteJSON)
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

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/parquetio"
)

// tableFlags are the output flags of the commands that write a table:
// --format (csv, json or parquet) and -o.
type tableFlags struct {
	format string
	out    string
}

// flagAdder is the part of *flag.FlagSet the flag groups use.
type flagAdder interface {
	StringVar(p *string, name, value, usage string)
	IntVar(p *int, name string, value int, usage string)
}

func (t *tableFlags) add(fs flagAdder) {
	fs.StringVar(&t.format, "format", "csv", "output `FORMAT`: csv, json or parquet (typed columns, NA as null; needs -o)")
	fs.StringVar(&t.out, "o", "", "output `FILE` (default standard output)")
}

// check reports an unknown --format as a usage error, before any data is
// read.
func (t *tableFlags) check() error {
	switch t.format {
	case "csv", "json":
	case "parquet":
		if t.out == "" || t.out == "-" {
			return usagef("--format parquet needs -o FILE (a Parquet file is binary, not for standard output)")
		}
	default:
		return usagef("unknown --format %q (want csv, json or parquet)", t.format)
	}
	return nil
}

// write writes to -o (atomically) or stdout, with writeCSV or writeJSON
// as --format says; for parquet, the table's JSON is converted by
// parquetio.WriteJSONTable (column types from the JSON values).
func (t *tableFlags) write(stdout io.Writer, writeCSV, writeJSON func(io.Writer) error) error {
	switch t.format {
	case "json":
		return writeOutput(t.out, stdout, writeJSON)
	case "parquet":
		return writeOutput(t.out, stdout, func(w io.Writer) error {
			var buf bytes.Buffer
			if err := writeJSON(&buf); err != nil {
				return err
			}
			return parquetio.WriteJSONTable(w, &buf)
		})
	}
	return writeOutput(t.out, stdout, writeCSV)
}

// measureFlags are the flags shared by the commands that print a table of
// measures (egos, nodes, compare): --measures, the table flags and the
// flags that make the table join back to the input (--key-names, --digits,
// --names).
type measureFlags struct {
	list     string
	keyNames string
	digits   int
	names    string
	tableFlags
}

func (m *measureFlags) add(fs flagAdder) {
	m.addList(fs, "comma-separated `LIST` of measures, e.g. size,density,blau(sex),count(role=family|friend); default: every structural measure")
}

// addList is add with the usage text of --measures.
func (m *measureFlags) addList(fs flagAdder, usage string) {
	fs.StringVar(&m.list, "measures", "", usage)
	m.tableFlags.add(fs)
	fs.StringVar(&m.keyNames, "key-names", "input", "names of the key columns: `input` (the input's own, e.g. person, interview) or egoID (egoID, wave)")
	fs.IntVar(&m.digits, "digits", 15, "significant `N` digits of values that are not whole numbers, 1-17 (15 as R's write.csv; 17 reads back exactly)")
	fs.StringVar(&m.names, "names", "as-is", "column `NAMES`: as-is (blau(role)) or r (syntactic: blau_role, for tools that rename other names)")
}

// check checks the format and the naming flags.
func (m *measureFlags) check() error {
	if err := m.tableFlags.check(); err != nil {
		return err
	}
	if m.digits < 1 || m.digits > 17 {
		return usagef("--digits %d: want 1 to 17", m.digits)
	}
	switch m.keyNames {
	case "input", "egoID":
	default:
		return usagef("unknown --key-names %q (want input or egoID)", m.keyNames)
	}
	switch m.names {
	case "as-is", "r":
	default:
		return usagef("unknown --names %q (want as-is or r)", m.names)
	}
	return nil
}

// specs parses the measures list (the default list when none is given)
// and checks the output flags, both before any data is read.
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

// writeOptions returns the table writer options of the flags for a table
// with these key names, read from ds (nil for a whole network): with
// --key-names input, "egoID" and "wave" become the input's ego ID and
// wave column names.
func (m *measureFlags) writeOptions(keys []string, ds *network.Dataset) measures.WriteOptions {
	opt := measures.WriteOptions{Digits: m.digits, Syntactic: m.names == "r"}
	if m.keyNames == "input" && ds != nil {
		opt.KeyNames = append([]string(nil), keys...)
		for i, k := range opt.KeyNames {
			switch {
			case k == "egoID" && ds.EgoIDColumn != "":
				opt.KeyNames[i] = ds.EgoIDColumn
			case k == "wave" && ds.WaveColumn != "":
				opt.KeyNames[i] = ds.WaveColumn
			}
		}
	}
	return opt
}

// writeTable writes a measures table read from ds (nil for a whole
// network) as the flags say.
func (m *measureFlags) writeTable(stdout io.Writer, t *measures.Table, ds *network.Dataset) error {
	opt := m.writeOptions(t.KeyNames, ds)
	if m.format == "parquet" {
		return writeOutput(m.out, stdout, func(w io.Writer) error { return parquetio.WriteTable(w, t, opt) })
	}
	return m.tableFlags.write(stdout,
		func(w io.Writer) error { return t.WriteCSVWith(w, opt) },
		func(w io.Writer) error { return t.WriteJSONWith(w, opt) })
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

// newSurveyFlags makes the flag set of a command that computes measures on
// survey data, with the flags such commands share: the ego input
// (inputFlags.addEgo, addCommon), --measures with the table flags
// (measureFlags) and --classify/--instruments (capitalFlags).
func newSurveyFlags(c *command, stderr io.Writer) (*flag.FlagSet, *inputFlags, *measureFlags, *capitalFlags) {
	fs := newFlags(c, stderr)
	in, mf, cf := new(inputFlags), new(measureFlags), new(capitalFlags)
	in.addEgo(fs)
	in.addCommon(fs)
	mf.add(fs)
	cf.add(fs)
	return fs, in, mf, cf
}

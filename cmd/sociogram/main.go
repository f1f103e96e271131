// Command sociogram computes ego-network and social-capital measures,
// converts between network file formats, and draws egograms and sociograms.
//
// Run "sociogram help" for the list of commands and "sociogram CMD -h" for
// the flags of one.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/sociogram/sociogram/measures"
)

// version is the release version; set with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// command is one subcommand. run gets its arguments (after the command name)
// and the streams; it returns an error to print as one line.
type command struct {
	name    string
	summary string
	usage   string // the synopsis and an example, printed by -h
	run     func(args []string, stdout, stderr io.Writer) error
	// measures marks a command that takes a measures list: its help lists
	// the measures registered by this build.
	measures bool
}

// help returns the command's usage text, followed, for the commands that
// compute measures, by the measures a program registered with
// measures.Register (so a build of this command with its own measures
// lists them like the built-in ones).
func (c *command) help() string {
	if !c.measures {
		return c.usage
	}
	reg := measures.Registered()
	if len(reg) == 0 {
		return c.usage
	}
	var b strings.Builder
	b.WriteString(c.usage)
	b.WriteString("\nMeasures registered by this build:\n")
	for _, m := range reg {
		form := m.Name
		switch {
		case m.Args&measures.AttrArg != 0:
			form += "(A)"
		case m.Args&measures.SelectorArg != 0:
			form += "(A=V)"
		}
		fmt.Fprintf(&b, "  %-24s %s\n", form, m.Doc)
	}
	return b.String()
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	cleanupOnSignal()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// cleanupOnSignal makes SIGINT and SIGTERM remove the temporary output
// files before the process ends, with the status a shell gives a signalled
// process (128 + the signal's number).
func cleanupOnSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		// A command that runs until stopped (serve) stops and returns
		// on the first signal; a second one ends the process.
		if stop := interruptHook(); stop != nil {
			stop()
			s = <-sig
		}
		removeTemps()
		n := 2
		if s, ok := s.(syscall.Signal); ok {
			n = int(s)
		}
		os.Exit(128 + n)
	}()
}

// interrupt is what the first SIGINT or SIGTERM calls instead of ending
// the process, while a command that runs until stopped has set it.
var interrupt struct {
	sync.Mutex
	stop func()
}

// setInterrupt sets (or, with nil, clears) the function the first signal
// calls.
func setInterrupt(stop func()) {
	interrupt.Lock()
	interrupt.stop = stop
	interrupt.Unlock()
}

func interruptHook() func() {
	interrupt.Lock()
	defer interrupt.Unlock()
	return interrupt.stop
}

// run executes the command line and returns the exit status: 0 on success,
// 1 for bad input, 2 for bad usage.
func run(args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "sociogram: internal error: %v (please report this)\n", r)
			status = 3
		}
	}()
	resetInputs()
	defer resetInputs()
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			c, ok := commands[args[1]]
			if !ok {
				fmt.Fprintf(stderr, "sociogram: unknown help topic %q; run \"sociogram help\" for the commands\n", args[1])
				return 2
			}
			fmt.Fprint(stdout, c.help())
			return 0
		}
		usage(stdout)
		return 0
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "sociogram %s\n", version)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sociogram: unknown command %q; run \"sociogram help\"\n", args[0])
		return 2
	}
	if err := c.run(args[1:], stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "sociogram %s: %v\n", c.name, oneLine(flagNames.Replace(err.Error())))
			return 2
		}
		fmt.Fprintf(stderr, "sociogram: %s\n", oneLine(flagNames.Replace(err.Error())))
		return 1
	}
	return 0
}

// usageError marks an error in the command line rather than the data.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// flagNames turns the option fields that library errors name into this
// command's flags, so that "set another name with EgoCSVOptions.EgoID"
// reads "set another name with --ego-id".
var flagNames = strings.NewReplacer(
	"EgoCSVOptions.EgoID", "--ego-id",
	"EgoCSVOptions.AlterID", "--alter-id",
	"EgoCSVOptions.Source", "--source",
	"EgoCSVOptions.Target", "--target",
	"EgoCSVOptions.AlterWeight", "--alter-weight",
	"EgoCSVOptions.Weight", "--weight",
	"EgoCSVOptions.Wave", "--wave",
	"EdgeListOptions.Source", "--source",
	"EdgeListOptions.Target", "--target",
	"EdgeListOptions.Weight", "--weight",
	"EdgeListOptions.NodeID", "--node-id",
	"NetCanvasOptions.EgoID", "--ego-id",
	"GraphMLOptions.EgoID", "--ego-id",
	"GraphMLOptions.Wave", "--wave",
	"GraphMLOptions.AlterWeight", "--alter-weight",
	"GraphMLOptions.Weight", "--weight",
	"TableOptions.Classifier", "--classify",
	"TableOptions.Instruments", "--instruments",
	"PajekOptions.MaxVertices", "--max-vertices",
	"GraphMLOptions.MaxKeys", "--max-graphml-keys",
	"GraphMLOptions.MaxAttrs", "--max-graphml-attrs",
	"WideOptions.EgoID", "--ego-id",
	"WideOptions.Wave", "--wave",
	"EgoWebOptions.TieQuestion", "--tie-question",
)

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sociogram: social network analysis of ego networks")
	fmt.Fprintln(w, "\nUsage: sociogram COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"sociogram help COMMAND\" or \"sociogram COMMAND -h\" for a command's flags.")
}

// newFlags returns a flag set for a command that prints the command's usage
// on -h and returns errors rather than exiting.
func newFlags(c *command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	// The flag package writes its own error line and the usage to the
	// output on every parse error; hold both back, so that a bad flag gives
	// the one-line error of run, and show the usage only for -h.
	out := &helpBuffer{dst: stderr}
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(out, c.help())
		fmt.Fprintln(out, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// helpBuffer collects what a flag set prints until parseFlags knows whether
// it was asked for (-h) or came with an error.
type helpBuffer struct {
	bytes.Buffer
	dst io.Writer
}

// parseFlags parses args, turning a flag error into a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if hb, ok := fs.Output().(*helpBuffer); ok {
		if errors.Is(err, flag.ErrHelp) {
			hb.dst.Write(hb.Bytes())
		}
		hb.Reset()
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

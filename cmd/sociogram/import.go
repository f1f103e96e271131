package main

import (
	"context"
	"fmt"
	"io"
	"os/user"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/store"
)

func init() {
	register(&command{
		name:    "import",
		summary: "add a study's files to a study database (the mapping page's store)",
		usage: `Usage: sociogram import --data STUDY.db <input flags> [--goals FILE] [--worker NAME]

Reads survey ego networks with the input flags of the other commands
(--egos, --alters, --ties with --wave; --graphml DIR; --netcanvas DIR;
--wide; --egoweb) and a goals table (--goals, as sociogram goals reads
it), and adds them to the study database STUDY.db, created when it does
not exist, in one transaction: everything or, on an error, nothing. The
first import sets the study's column names (--ego-id, --alter-id,
--source, --target, the wave and weight columns); "sociogram export"
writes the same. A person already in the database is an error. The
egos columns pseudonym and date, the alters columns name, role, type,
ring (a whole number from 1 = closest), sector, quality and flow, and the
ties columns quality, flow and type are the page's fields. The change
log records one import row per person, by --worker (default: the
login name). Nothing is written but STUDY.db (and, while it is open,
STUDY.db-wal and STUDY.db-shm beside it).

Example:
  sociogram import --data study.db --egos egos.csv --alters alters.csv \
      --ties aaties.csv --wave wave --goals goals.csv
`,
		run: runImport,
	})
}

// worker returns the login name, for the change log's "who".
func worker() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

func runImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["import"], stderr)
	var in inputFlags
	in.addEgo(fs)
	in.addCommon(fs)
	data := fs.String("data", "", "the study database `FILE` (SQLite), created if missing")
	goalsFile := fs.String("goals", "", "goals table `FILE` (CSV: egoID, goal, description, weight, rule or level:WAVE)")
	who := fs.String("worker", "", "the `NAME` the change log records (default: the login name)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("import needs --data FILE, the study database")
	}
	if *who == "" {
		*who = worker()
	}
	var g *analysis.Goals
	if *goalsFile != "" {
		var err error
		if g, err = analysis.ReadGoals(*goalsFile, analysis.GoalsOptions{EgoID: in.egoID}); err != nil {
			return err
		}
	}
	src, err := in.load(stderr)
	if err != nil {
		return err
	}
	if src.ds == nil {
		return usagef("import needs survey data (--egos/--alters, --graphml DIR, --netcanvas, --wide or --egoweb), not a whole network")
	}
	st, err := store.Open(*data, store.Options{})
	if err != nil {
		return err
	}
	stats, err := st.By(*who).Import(context.Background(), src.ds, g, store.ImportOptions{CSV: in.egoOptions()})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", *data, err)
	}
	fmt.Fprintf(stderr, "sociogram: %s: imported %d people, %d waves, %d alters, %d ties, %d goals\n",
		*data, stats.People, stats.Interviews, stats.Alters, stats.Ties, stats.Goals)
	return nil
}

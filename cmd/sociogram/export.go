package main

import (
	"context"
	"io"

	"github.com/sociogram/sociogram/store"
)

func init() {
	register(&command{
		name:    "export",
		summary: "write a study database as files the other commands read",
		usage: `Usage: sociogram export --data STUDY.db -o DIR [--to egocsv|graphml]

Writes the study in the database STUDY.db (made by "sociogram import" or
the mapping page, "sociogram serve") into DIR:
  --to egocsv   DIR/egos.csv, DIR/alters.csv, DIR/aaties.csv (the default),
                with the wave column and the column names the study was
                imported with, missing values as NA
  --to graphml  one GraphML file per person and wave
and DIR/goals.csv, the goals table of "sociogram goals" (the header alone
when the study has no goals). Exported, imported and exported again, a study gives the same
bytes. Files are written to a temporary name and moved into place. The
database is not changed.

Example:
  sociogram export --data study.db -o tables/
  sociogram egos --egos tables/egos.csv --alters tables/alters.csv \
      --ties tables/aaties.csv --wave wave
`,
		run: runExport,
	})
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags(commands["export"], stderr)
	data := fs.String("data", "", "the study database `FILE` (SQLite)")
	out := fs.String("o", "", "output `DIR`")
	to := fs.String("to", "egocsv", "output `FORMAT`: egocsv or graphml")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("export needs --data FILE, the study database")
	}
	if *out == "" || *out == "-" {
		return usagef("export needs -o DIR, a directory")
	}
	if *to != "egocsv" && *to != "graphml" {
		return usagef("unknown --to %q (want egocsv or graphml)", *to)
	}
	st, err := store.Open(*data, store.Options{MustExist: true})
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = writeDir(*out, func(dir string) error {
		if *to == "graphml" {
			return st.WriteGraphMLDir(ctx, dir)
		}
		return st.WriteEgoCSVDir(ctx, dir)
	})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}

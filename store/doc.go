// Package store is the study database of the mapping page: one SQLite
// file (through modernc.org/sqlite, pure Go, no cgo) that holds a study's
// people, their waves (interviews), the alters each named at each wave
// (people, places, services, with role, type, ring and sector), the ties
// among them, and the people's goals with their Goal Attainment Scaling
// levels.
//
// Every change is one transaction that also appends a row to an
// append-only change log (who, when, which person, what, the rows before
// and after), committed before the method returns: there is no "save".
// Undo reverts a person's last change, then the one before. Erase deletes
// a person and all their data, clears the data of their change-log rows
// and rewrites the file, so that a search of the database for the
// person's names finds nothing; the log keeps a row saying that an opaque
// reference was erased, by whom and when.
//
// Import and export go through package network: Import adds a
// network.Dataset (read from any of its formats) and an analysis.Goals
// table; Dataset and GoalsTable give them back, and WriteEgoCSVDir
// writes the three-table files (egos.csv, alters.csv, aaties.csv, with a
// wave column) and goals.csv, so that the other commands work on what the
// page collected. A study exported, imported and exported again gives the
// same bytes.
//
// Schema: people (opaque ref, study ID, pseudonym), interviews (person,
// wave, date, ego attributes), alters (interview, key stable across
// waves, name, role, type, ring ≥ 1, sector, quality, flow, weight,
// attributes), ties (interview, two alters, quality, flow, type, weight,
// attributes), goals (person, goal, description, weight, rule, baseline
// wave), goal_levels (goal, wave, level −2…2), change_log, and the study
// settings (column names, attribute columns in order, wave order). Foreign
// keys are on, with ON DELETE CASCADE from each row to its person.
//
// A Store is safe for use by several goroutines: one *sql.DB in WAL mode
// with a busy timeout, reads in read-only transactions, changes one at a
// time. The store writes nothing but its file and SQLite's -wal and -shm
// files beside it (removed on Close); temporary data stays in memory.
//
// The library packages (network, measures, analysis, visualize) never
// import this package; only it and the command do.
package store

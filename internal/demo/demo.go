package demo

import (
	"bytes"
	"embed"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

//go:generate go run ./gen data

//go:embed data/egos.csv data/alters.csv data/aaties.csv data/rules.json data/goals.csv
var data embed.FS

// FileNames are the names of the study's tables, in the order egos, alters,
// alter–alter ties.
var FileNames = []string{"egos.csv", "alters.csv", "aaties.csv"}

// Options are the reader options of the study: egor's default column names
// and a wave column "wave".
var Options = network.EgoCSVOptions{Wave: "wave"}

// RulesFile is the name of the study's classification rules (see Rules).
const RulesFile = "rules.json"

// Rules returns the study's social-capital classification rules
// (data/rules.json): by relationship, family and friends are bonding ties,
// neighbours and group members bridging ties, professionals linking ties
// (Putnam 2000; Szreter & Woolcock 2004).
func Rules() (*measures.Rules, error) {
	b, err := data.ReadFile("data/" + RulesFile)
	if err != nil {
		return nil, err
	}
	return measures.ReadRulesFrom(bytes.NewReader(b), RulesFile)
}

// GoalsFile is the name of the study's goals table (see Goals).
const GoalsFile = "goals.csv"

// Goals returns the study's goals (data/goals.csv): two or three goals per
// person set at wave 1, some evaluated from the data at wave 2 (join a
// group, build bridging ties, meet new people), one recorded by the worker
// (see goalsTable). Evaluate them with analysis.EvaluateGoals and Rules.
func Goals() (*analysis.Goals, error) {
	b, err := data.ReadFile("data/" + GoalsFile)
	if err != nil {
		return nil, err
	}
	return analysis.ReadGoalsFrom(bytes.NewReader(b), GoalsFile, analysis.GoalsOptions{})
}

// Embedded returns the committed tables of the study.
func Embedded() Files {
	read := func(name string) []byte {
		b, err := data.ReadFile("data/" + name)
		if err != nil {
			panic("demo: embedded file missing: " + err.Error()) // cannot happen: go:embed checked it at build time
		}
		return b
	}
	return Files{Egos: read("egos.csv"), Alters: read("alters.csv"), Ties: read("aaties.csv"), Goals: read(GoalsFile)}
}

// Load reads the embedded study into a Dataset: 40 egos at two waves, with
// the wave column "wave".
func Load() (*network.Dataset, error) {
	f := Embedded()
	egos, err := network.NewInput("egos.csv", bytes.NewReader(f.Egos), false)
	if err != nil {
		return nil, err
	}
	alters, err := network.NewInput("alters.csv", bytes.NewReader(f.Alters), false)
	if err != nil {
		return nil, err
	}
	ds, _, err := network.ReadEgoCSVFrom(egos, alters, bytes.NewReader(f.Ties), Options)
	return ds, err
}

// WriteFiles writes the study's three tables, its classification rules and its goals
// into dir (created if needed), so that the command-line tool can read them
// with
//
//	--egos DIR/egos.csv --alters DIR/alters.csv --ties DIR/aaties.csv --wave wave
func WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f := Embedded()
	for i, b := range [][]byte{f.Egos, f.Alters, f.Ties} {
		if err := os.WriteFile(filepath.Join(dir, FileNames[i]), b, 0o644); err != nil {
			return err
		}
	}
	for _, name := range []string{RulesFile, GoalsFile} {
		b, err := data.ReadFile("data/" + name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

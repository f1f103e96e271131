// Command gen writes the synthetic sample study of package demo to
// internal/demo/data (egos.csv, alters.csv, aaties.csv, goals.csv) from demo.Seed. Run
// it through "go generate ./internal/demo".
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/sociogram/sociogram/internal/demo"
)

func main() {
	dir := "data"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	f := demo.Generate(demo.Seed)
	for name, b := range map[string][]byte{"egos.csv": f.Egos, "alters.csv": f.Alters, "aaties.csv": f.Ties, "goals.csv": f.Goals} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

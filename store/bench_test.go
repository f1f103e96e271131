package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sociogram/sociogram/internal/demo"
)

// BenchmarkImportDemo imports the demo study (40 people, 80 waves, 482
// alters, 325 ties, 105 goals) into a new database per iteration.
func BenchmarkImportDemo(b *testing.B) {
	ds, err := demo.Load()
	if err != nil {
		b.Fatal(err)
	}
	g, err := demo.Goals()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		st, err := Open(filepath.Join(dir, fmt.Sprint(i, ".db")), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.By("bench").Import(context.Background(), ds, g, ImportOptions{CSV: demo.Options}); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEdit is one edit of the page: an alter moved to another ring
// (one transaction, one change-log row, committed to disk), then the map
// read back as the server does after each change.
func BenchmarkEdit(b *testing.B) {
	ctx := context.Background()
	st, err := Open(filepath.Join(b.TempDir(), "study.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ed := st.By("bench")
	if _, err := ed.AddPerson(ctx, Person{ID: "P"}, Interview{Wave: "1"}); err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		if _, err := ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Name: fmt.Sprint("alter ", i), Ring: 1 + i%3}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := ed.PlaceAlter(ctx, AlterKey{"P", "1", "a1"}, 1+i%3, ""); err != nil {
			b.Fatal(err)
		}
		if _, err := st.Map(ctx, WaveKey{"P", "1"}); err != nil {
			b.Fatal(err)
		}
	}
}

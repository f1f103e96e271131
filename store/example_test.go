package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/store"
)

// A worker starts a person's map, adds two alters and a tie, moves one
// alter closer, undoes the move and reads the map back.
func Example() {
	dir, err := os.MkdirTemp("", "sociogram-store-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, "study.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	ed := st.By("worker jo")
	p, err := ed.AddPerson(ctx, store.Person{Pseudonym: "Maria"}, store.Interview{Wave: "1", Date: "2026-11-30"})
	if err != nil {
		fmt.Println(err)
		return
	}
	sam, _ := ed.AddAlter(ctx, store.Alter{Person: p.ID, Wave: "1", Name: "Sam", Role: "family", Ring: 2, Sector: "family"})
	cafe, _ := ed.AddAlter(ctx, store.Alter{Person: p.ID, Wave: "1", Name: "Cafe", Type: "place", Ring: 3, Sector: "group"})
	if err := ed.AddTie(ctx, store.Tie{Person: p.ID, Wave: "1", A: sam.Key, B: cafe.Key, Quality: "strong"}); err != nil {
		fmt.Println(err)
		return
	}
	if err := ed.PlaceAlter(ctx, store.AlterKey{Person: p.ID, Wave: "1", Alter: sam.Key}, 1, "family"); err != nil {
		fmt.Println(err)
		return
	}
	undone, err := ed.Undo(ctx, p.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("undone:", undone.What)
	m, err := st.Map(ctx, store.WaveKey{Person: p.ID, Wave: "1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range m.Alters {
		fmt.Printf("%s %s ring %d sector %s\n", a.Key, a.Name, a.Ring, a.Sector)
	}
	for _, t := range m.Ties {
		fmt.Printf("tie %s-%s %s\n", t.A, t.B, t.Quality)
	}
	// Output:
	// undone: change 5 (alter.place) of person p1 undone
	// a1 Sam ring 2 sector family
	// a2 Cafe ring 3 sector group
	// tie a1-a2 strong
}

// A study read from its three tables is imported, one alter is moved
// closer at the page, and the study is exported as the files every other
// command reads.
func ExampleEditor_Import() {
	dir, err := os.MkdirTemp("", "sociogram-import-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	egos, _ := network.NewInput("egos.csv", strings.NewReader("egoID,wave,sex\nP1,1,F\nP1,2,F\n"), false)
	alters, _ := network.NewInput("alters.csv", strings.NewReader("egoID,wave,alterID,role,ring\nP1,1,A,family,2\nP1,1,B,friend,3\nP1,2,A,family,2\n"), false)
	ties := strings.NewReader("egoID,wave,Source,Target\nP1,1,A,B\n")
	opt := network.EgoCSVOptions{Wave: "wave"}
	ds, _, err := network.ReadEgoCSVFrom(egos, alters, ties, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	st, err := store.Open(filepath.Join(dir, "study.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	stats, err := st.By("import").Import(ctx, ds, nil, store.ImportOptions{CSV: opt})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", stats)
	if err := st.By("worker jo").PlaceAlter(ctx, store.AlterKey{Person: "P1", Wave: "2", Alter: "A"}, 1, ""); err != nil {
		fmt.Println(err)
		return
	}
	out := filepath.Join(dir, "tables")
	if err := st.WriteEgoCSVDir(ctx, out); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(filepath.Join(out, "alters.csv"))
	fmt.Print(string(b))
	// Output:
	// {People:1 Interviews:2 Alters:3 Ties:1 Goals:0}
	// egoID,wave,alterID,role,ring
	// P1,1,A,family,2
	// P1,1,B,friend,3
	// P1,2,A,family,1
}

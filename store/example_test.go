package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

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

package measures_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// A map in words, then what changed at the follow-up. Ann named her
// sister, her brother, a neighbour and the day centre at the first
// meeting; at the second the neighbour is gone, her brother is closer and
// she has joined a walking group. The sister and the brother know each
// other: 1 of the 3 pairs of people (density 1/3).
func ExampleDescribe() {
	rules, err := measures.ReadRulesFrom(strings.NewReader(`{"rules": [{"type": "role", "attribute": "role",
	  "classes": {"bonding": ["family"], "bridging": ["neighbour", "group"], "linking": ["service"]}}]}`), "rules.json")
	if err != nil {
		log.Fatal(err)
	}
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	for _, m := range []struct {
		wave    string
		alters  [][4]string // ID, role, ring, type
		tieFrom string
		tieTo   string
	}{
		{"1", [][4]string{{"sister", "family", "1", "person"}, {"brother", "family", "2", "person"},
			{"neighbour", "neighbour", "3", "person"}, {"day centre", "service", "3", "service"}}, "sister", "brother"},
		{"2", [][4]string{{"sister", "family", "1", "person"}, {"brother", "family", "1", "person"},
			{"day centre", "service", "3", "service"}, {"walking group", "group", "2", "person"}}, "sister", "brother"},
	} {
		if err := b.AddEgo("ann", m.wave, nil); err != nil {
			log.Fatal(err)
		}
		for _, a := range m.alters {
			attrs := network.NewAttrs(b.AlterAttrs(), map[string]string{"role": a[1], "ring": a[2], "type": a[3]})
			if err := b.AddAlter("ann", m.wave, a[0], 1, attrs); err != nil {
				log.Fatal(err)
			}
		}
		if err := b.AddTie("ann", m.wave, m.tieFrom, m.tieTo, 1, nil); err != nil {
			log.Fatal(err)
		}
	}
	ds, _ := b.Build()
	opt := measures.WordsOptions{Rules: rules}

	words, err := measures.Describe(ds.Ego("ann", "1"), opt)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range words {
		fmt.Printf("%-10s %s\n", s.Measure, s.Text)
	}
	fmt.Println()
	for _, s := range measures.DescribeChange(ds.Ego("ann", "1"), ds.Ego("ann", "2"), opt) {
		fmt.Printf("%-10s %s\n", s.Measure, s.Text)
	}
	// Output:
	// size       There are 3 people on your map.
	// density    1 of the 3 pairs among your 3 people know each other (density 0.33).
	// isolates   1 of your 3 people knows none of the others.
	// components Your 3 people form 2 groups that don't know each other. Someone who knows none of the others is a group of their own.
	// services   Your map has 1 service.
	// bonding    2 of the 4 on your map are bonding ties: close to you or like you.
	// bridging   1 of the 4 on your map is a bridging tie: linking you with other circles.
	// linking    1 of the 4 on your map is a linking tie: with a formal role, such as a professional or a service.
	//
	// kept       3 of the 4 on your map at wave 1 are still there: sister, brother and day centre.
	// lost       1 is no longer on your map: neighbour.
	// gained     1 is new since wave 1: walking group.
	// closer     1 moved closer: brother (ring 2 to 1).
}

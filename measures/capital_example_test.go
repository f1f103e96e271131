package measures_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// Classifying a person's network into bonding, bridging and linking ties:
// the relationship decides first (Putnam 2000; Szreter & Woolcock 2004),
// then, for people whose relationship was not recorded, closeness on a 1–5
// scale (Granovetter 1973: 4 or 5 is a strong tie). Each alter keeps the
// rule that classified it; the cousin, with neither recorded, stays
// unclassified and still counts in the shares.
func ExampleRules_Classify() {
	rules, err := measures.ReadRulesFrom(strings.NewReader(`{"rules": [
	  {"type": "role", "attribute": "role", "classes": {
	     "bonding": ["family", "close friend"],
	     "bridging": ["neighbour", "group member", "acquaintance"],
	     "linking": ["professional", "services"]}},
	  {"type": "strength", "attribute": "closeness", "threshold": 4}]}`), "rules.json")
	if err != nil {
		log.Fatal(err)
	}
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	b.AddEgo("ann", "", nil)
	for _, a := range []struct{ id, role, closeness string }{
		{"mother", "family", "5"}, {"choir", "group member", "3"}, {"social worker", "professional", "4"},
		{"old friend", "", "5"}, {"cousin", "", ""},
	} {
		b.AddAlter("ann", "", a.id, 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"role": a.role, "closeness": a.closeness}))
	}
	ds, _ := b.Build()
	ann := ds.Egos[0]

	for i, c := range rules.Classify(ann) {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-13s %-12s %s", ann.Alters[i].ID, c.Class, c.Rule)))
	}
	cc := measures.Capital(ann, rules)
	fmt.Printf("bonding %d (%.0f%%), bridging %d, linking %d, unclassified %d\n",
		cc.Bonding, 100*cc.BondingShare, cc.Bridging, cc.Linking, cc.Unclassified)
	// Output:
	// mother        bonding      role:role
	// choir         bridging     role:role
	// social worker linking      role:role
	// old friend    bonding      strength:closeness
	// cousin        unclassified
	// bonding 2 (40%), bridging 1, linking 1, unclassified 1
}

// Change between two waves: Ben named his sister, a neighbour and a
// support worker before the intervention; afterwards the neighbour is gone
// and he names two members of a walking group. Kept 2, gained 2, lost 1,
// Jaccard 2/5.
func ExampleChangeTable() {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	b.AddEgo("ben", "before", nil)
	b.AddEgo("ben", "after", nil)
	for _, a := range []string{"sister", "neighbour", "worker"} {
		b.AddAlter("ben", "before", a, 1, nil)
	}
	for _, a := range []string{"sister", "worker", "walker1", "walker2"} {
		b.AddAlter("ben", "after", a, 1, nil)
	}
	b.AddTie("ben", "after", "walker1", "walker2", 1, nil)
	ds, _ := b.Build()

	specs, _ := measures.ParseList("size,components")
	t, err := measures.ChangeTable(context.Background(), ds, specs, measures.ChangeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	t.WriteCSV(os.Stdout)
	// Output:
	// egoID,kept,gained,lost,jaccard,size:before,size:after,size:change,components:before,components:after,components:change
	// ben,2,2,1,0.4,3,4,1,3,3,0
}

// Gould–Fernandez brokerage: in the chain a → b → c, b passes a contact
// from its own group (A) to another group (B): a representative.
func ExampleGouldFernandez() {
	b := network.NewBuilder(true, false)
	x, y, z := b.LookupOrAdd("a"), b.LookupOrAdd("b"), b.LookupOrAdd("c")
	b.AddEdge(x, y, 1)
	b.AddEdge(y, z, 1)
	g, _ := b.Build()

	br, err := measures.GouldFernandez(context.Background(), g, []string{"A", "A", "B"})
	if err != nil {
		panic(err)
	}
	fmt.Println("b's roles:", br.Raw[y])
	fmt.Printf("expected representative count %.4f (density %.4f)\n", br.Expected[y][measures.Representative], br.Density)
	// Output:
	// b's roles: [0 0 1 0 0 1]
	// expected representative count 0.0741 (density 0.3333)
}

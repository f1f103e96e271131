package network_test

import (
	"fmt"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// A valued alter-pair question ("how close are they?", 0–3) made into
// ties by a threshold, as EgoWeb's adjacency definition.
func ExampleApplyTieRule() {
	in := func(name, s string) *network.Input {
		i, _ := network.NewInput(name, strings.NewReader(s), false)
		return i
	}
	ds, _, err := network.ReadEgoCSVFrom(in("egos.csv", "egoID\nE1\n"),
		in("alters.csv", "egoID,alterID\nE1,A\nE1,B\nE1,C\n"),
		strings.NewReader("egoID,Source,Target,close\nE1,A,B,3\nE1,A,C,1\nE1,B,C,\n"), network.EgoCSVOptions{})
	if err != nil {
		panic(err)
	}
	rule, err := network.ParseTieRule("close>=2")
	if err != nil {
		panic(err)
	}
	out, st, err := network.ApplyTieRule(ds, rule)
	if err != nil {
		panic(err)
	}
	fmt.Println(rule, st)
	fmt.Println(len(out.Egos[0].Ties), "tie")
	// Output:
	// close>=2 1 of 3 alter pairs are ties, 1 with no answer
	// 1 tie
}

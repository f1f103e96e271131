package measures_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// Structural measures count people only by default; composition sees the
// place too. With Count "all" the place is an alter like any other.
func ExampleTypeOptions() {
	in := func(name, s string) *network.Input {
		i, _ := network.NewInput(name, strings.NewReader(s), false)
		return i
	}
	ds, _, err := network.ReadEgoCSVFrom(in("egos.csv", "egoID\nE1\n"),
		in("alters.csv", "egoID,alterID,type\nE1,Ann,person\nE1,Bob,\nE1,Library,place\n"),
		strings.NewReader("egoID,Source,Target\nE1,Ann,Library\n"), network.EgoCSVOptions{})
	if err != nil {
		panic(err)
	}
	specs, _ := measures.ParseList("size,ties,count(type=place)")
	all, _ := network.ParseNodeTypes("all")
	for _, types := range []measures.TypeOptions{{}, {Count: all}} {
		t, err := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{Types: types})
		if err != nil {
			panic(err)
		}
		fmt.Println(types.Count, t.Columns, t.Values[0])
	}
	// Output:
	// person [size ties count(type=place)] [2 0 1]
	// all [size ties count(type=place)] [3 1 1]
}

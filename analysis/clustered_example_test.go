package analysis_test

import (
	"os"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/network"
)

// Two people: Ann names two family members who know each other and a
// friend who knows one of them; Bob names one family member and two
// friends who do not know each other.
func ExampleClustered() {
	in := func(name, s string) *network.Input {
		i, _ := network.NewInput(name, strings.NewReader(s), false)
		return i
	}
	ds, _, err := network.ReadEgoCSVFrom(in("egos.csv", "egoID\nAnn\nBob\n"),
		in("alters.csv", "egoID,alterID,role\nAnn,a,family\nAnn,b,family\nAnn,c,friend\nBob,d,family\nBob,e,friend\nBob,f,friend\n"),
		strings.NewReader("egoID,Source,Target\nAnn,a,b\nAnn,b,c\n"), network.EgoCSVOptions{})
	if err != nil {
		panic(err)
	}
	cg, err := analysis.Clustered(ds, analysis.ClusteredOptions{By: "role"})
	if err != nil {
		panic(err)
	}
	if err := cg.WriteCSV(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// category_a,category_b,egos,mean_count_a,mean_count_b,mean_density
	// family,family,1,1.5,1.5,1
	// family,friend,2,1.5,1.5,0.25
	// friend,friend,1,1.5,1.5,0
}

package analysis_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// study reads a small survey: two egos, one supported by a third-sector
// agency and one by a statutory service.
func study() *network.Dataset {
	egos, _ := network.NewInput("egos.csv", strings.NewReader("egoID,agency\nP1,third\nP2,statutory\n"), false)
	alters, _ := network.NewInput("alters.csv", strings.NewReader(
		"egoID,alterID,role\nP1,A,family\nP1,B,friend\nP1,C,group\nP2,D,professional\nP2,E,family\n"), false)
	ds, _, err := network.ReadEgoCSVFrom(egos, alters, strings.NewReader("egoID,Source,Target\nP1,A,B\nP1,B,C\n"), network.EgoCSVOptions{})
	if err != nil {
		panic(err)
	}
	return ds
}

// An alter table: one row per alter with the ego's attributes joined, for
// a multilevel model of alters nested in egos.
func ExampleAlters() {
	t, err := analysis.Alters(study(), analysis.AlterOptions{Measures: []string{"degree", "betweenness", "component", "isolate"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	t.WriteCSV(os.Stdout)
	// Output:
	// egoID,alterID,ego_agency,role,degree,betweenness,component,isolate
	// P1,A,third,family,1,0,1,0
	// P1,B,third,friend,2,1,1,0
	// P1,C,third,group,1,0,1,0
	// P2,D,statutory,professional,0,0,1,1
	// P2,E,statutory,family,0,0,2,1
}

// A comparison of two groups: the mean difference, Hedges' g with its 95%
// CI, Welch's t test and the Mann–Whitney test, as R computes them (R
// 4.2.2: t.test(third, statutory) gives t = 2.6366, df = 7.3619,
// p-value = 0.03211; wilcox.test(third, statutory, exact = FALSE) gives
// W = 26.5, p-value = 0.04172).
func ExampleCompareSamples() {
	third := []float64{4, 6, 7, 7, 9, 11}
	statutory := []float64{3, 4, 4, 6, 5}
	rows := analysis.CompareSamples("size", []string{"third", "statutory"}, [][]float64{third, statutory}, false)
	r := rows[0]
	fmt.Printf("%s: %s − %s = %.3f\n", r.Measure, r.GroupA, r.GroupB, r.Diff)
	fmt.Printf("Hedges' g %.3f [%.3f, %.3f]\n", r.Hedges.G, r.Hedges.Low, r.Hedges.High)
	fmt.Printf("Welch t = %.3f, df = %.2f, p = %.4f\n", r.Welch.Stat, r.Welch.DF, r.Welch.P)
	fmt.Printf("Mann–Whitney W = %g, p = %.4f\n", r.MannWhitney.Stat, r.MannWhitney.P)
	// Output:
	// size: third − statutory = 2.933
	// Hedges' g 1.369 [0.142, 2.596]
	// Welch t = 2.637, df = 7.36, p = 0.0321
	// Mann–Whitney W = 26.5, p = 0.0417
}

// A typology: egos clustered into two network types by Ward's method on
// z-scored measures, with silhouette widths and each type's profile. (R
// 4.2.2 with cluster 2.1.4 on the four complete egos, X = cbind(size =
// c(6,7,3,3), density = c(1/15,1/21,1,2/3)), d = dist(scale(X)):
// cutree(hclust(d, "ward.D2"), 2) is 1 1 2 2 and silhouette widths
// 0.78 0.81 0.73 0.67.)
func ExampleTypes() {
	specs, _ := measures.ParseList("size,density")
	egos, _ := network.NewInput("egos.csv", strings.NewReader("egoID\nP1\nP2\nP3\nP4\nP5\n"), false)
	alters, _ := network.NewInput("alters.csv", strings.NewReader("egoID,alterID\n"+
		"P1,a\nP1,b\nP1,c\nP1,d\nP1,e\nP1,f\n"+ // large and sparse
		"P2,a\nP2,b\nP2,c\nP2,d\nP2,e\nP2,f\nP2,g\n"+
		"P3,a\nP3,b\nP3,c\n"+ // small and dense
		"P4,a\nP4,b\nP4,c\n"+
		"P5,a\n"), false) // one alter: density NA
	ties := "egoID,Source,Target\nP1,a,b\nP2,a,b\nP3,a,b\nP3,b,c\nP3,a,c\nP4,a,b\nP4,b,c\n"
	ds, _, err := network.ReadEgoCSVFrom(egos, alters, strings.NewReader(ties), network.EgoCSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{})
	ty, err := analysis.Types(t, []string{"size", "density"}, analysis.TypeOptions{K: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for r, key := range ty.Keys {
		fmt.Printf("%s type %d silhouette %.2f\n", key[0], ty.Type[r], ty.Silhouette[r])
	}
	for _, p := range ty.Profiles {
		fmt.Printf("type %d: %d egos, mean size %.1f, mean density %.2f\n", p.Type, p.Size, p.Mean[0], p.Mean[1])
	}
	fmt.Println("left out:", ty.Missing)
	// Output:
	// P1 type 1 silhouette 0.78
	// P2 type 1 silhouette 0.81
	// P3 type 2 silhouette 0.73
	// P4 type 2 silhouette 0.67
	// P5 type 0 silhouette NaN
	// type 1: 2 egos, mean size 6.5, mean density 0.06
	// type 2: 2 egos, mean size 3.0, mean density 0.83
	// left out: 1
}

package analysis

import (
	"math"
	"strings"
	"testing"
)

// FuzzReadGoals: any input either reads or fails with an error; a table
// that reads has positive weights, levels in −2..2 or NaN, and rules
// with one or four thresholds.
func FuzzReadGoals(f *testing.F) {
	f.Add(goalsCSV)
	f.Add("egoID,goal,weight,rule\nR1,g,1,size >= 1\n")
	f.Add("egoID,goal,weight,level:2\nR1,g,1,+2\nR1,h,0.5,NA\n")
	f.Add("egoID,goal,weight,rule\nR1,g,1,count(age>=65) <= 3 2 1 0\n")
	f.Add("\ufeffegoID,goal,weight,rule,level:1\n\"R1\",g,1,,-1\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ReadGoalsFrom(strings.NewReader(in), "goals.csv", GoalsOptions{})
		if err != nil {
			return
		}
		for _, gl := range g.Goals {
			if !(gl.Weight > 0) || math.IsInf(gl.Weight, 0) {
				t.Fatalf("weight %v", gl.Weight)
			}
			for w, x := range gl.Levels {
				if !math.IsNaN(x) && (x < -2 || x > 2 || x != math.Trunc(x)) {
					t.Fatalf("level %v at wave %s", x, w)
				}
			}
			if gl.Rule != nil && len(gl.Rule.Cuts) != 1 && len(gl.Rule.Cuts) != 4 {
				t.Fatalf("rule %q has %d cuts", gl.Rule.Text, len(gl.Rule.Cuts))
			}
		}
	})
}

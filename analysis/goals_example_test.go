package analysis_test

import (
	"fmt"

	"github.com/sociogram/sociogram/analysis"
)

// The GAS T-score of three goals with weights 1, 2, 3 reached at levels
// −1, 0, +2 (Kiresuk & Sherman 1968, ρ = 0.3). By hand: Σwx = 5, Σw² = 14,
// (Σw)² = 36, T = 50 + 50 / √(0.7·14 + 0.3·36) = 50 + 50/√20.6 = 61.02.
func ExampleGAST() {
	t := analysis.GAST([]float64{-1, 0, 2}, []float64{1, 2, 3}, analysis.DefaultRho)
	fmt.Printf("T = %.2f\n", t)

	rule, _ := analysis.ParseGoalRule("bridging:change >= 0 1 2 3")
	for _, x := range []float64{-1, 0, 1, 2, 5} {
		fmt.Printf("%g new bridging ties: level %+g\n", x, rule.Level(x))
	}
	// Output:
	// T = 61.02
	// -1 new bridging ties: level -2
	// 0 new bridging ties: level -1
	// 1 new bridging ties: level +0
	// 2 new bridging ties: level +1
	// 5 new bridging ties: level +2
}

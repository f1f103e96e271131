package measures_test

import (
	"fmt"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// Three waves of one person: wave 1 names a (inner ring), b and c, b and c
// know each other; wave 2 drops c and names d; wave 3 names c again (a
// returning alter), and a has moved out to ring 2. By hand, 1→2: kept a, b
// (2), gained d, lost c; stability 2/3; turnover 2/4. 2→3: kept a, b, d,
// gained c (returned: named at wave 1); a further out.
func ExampleWaveChanges() {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	waves := []struct {
		wave   string
		alters map[string]string // alter → ring
		ties   [][2]string
	}{
		{"1", map[string]string{"a": "1", "b": "2", "c": "2"}, [][2]string{{"b", "c"}}},
		{"2", map[string]string{"a": "1", "b": "2", "d": "3"}, nil},
		{"3", map[string]string{"a": "2", "b": "2", "d": "3", "c": "2"}, [][2]string{{"b", "c"}}},
	}
	for _, w := range waves {
		b.AddEgo("ann", w.wave, nil)
		for _, id := range []string{"a", "b", "c", "d"} {
			if ring, ok := w.alters[id]; ok {
				b.AddAlter("ann", w.wave, id, 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"ring": ring}))
			}
		}
		for _, t := range w.ties {
			b.AddTie("ann", w.wave, t[0], t[1], 1, nil)
		}
	}
	ds, _ := b.Build()

	changes, _ := measures.WaveChanges(ds, nil, "")
	for _, c := range changes {
		closer, further := measures.RingMoves(&c, "ring")
		fmt.Printf("%s→%s kept %v gained %v lost %v returned %v stability %.2f turnover %.2f closer %d further %d\n",
			c.From, c.To, c.Kept, c.Gained, c.Lost, c.Returned, measures.Stability(&c), measures.Turnover(&c), closer, further)
	}
	// Output:
	// 1→2 kept [a b] gained [d] lost [c] returned [] stability 0.67 turnover 0.50 closer 0 further 0
	// 2→3 kept [a b d] gained [c] lost [] returned [c] stability 1.00 turnover 0.25 closer 0 further 1
}

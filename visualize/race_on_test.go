//go:build race

package visualize

// raceOn: the race detector slows the property tests about tenfold; they
// then run on fewer seeded networks (every one still checked).
const raceOn = true

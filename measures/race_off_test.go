//go:build !race

package measures

// raceEnabled reports whether the race detector is on: it slows code
// about tenfold, so wall-clock bounds in tests are not checked under it.
const raceEnabled = false

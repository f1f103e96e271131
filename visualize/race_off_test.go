//go:build !race

package visualize

// raceOn reports whether the tests run under the race detector.
const raceOn = false

//go:build !race

package network

// raceEnabled reports whether the race detector is on; memory and size
// tests shrink under it.
const raceEnabled = false

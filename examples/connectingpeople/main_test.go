package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/measures"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompare(t *testing.T) {
	nan := math.NaN()
	tab := &measures.Table{
		KeyNames: []string{"egoID", "wave"},
		Columns:  []string{"x"},
		Keys: [][]string{
			{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "1"}, {"e", "1"},
			{"a", "2"}, {"b", "2"}, {"c", "2"}, {"e", "2"},
		},
		// a +1, b +2, c +3; d has no wave 2; e is undefined at wave 2.
		Values: [][]float64{{0}, {1}, {2}, {5}, {1}, {1}, {3}, {5}, {nan}},
	}
	cs := compare(tab)
	require.Len(t, cs, 1)
	c := cs[0]
	// By hand: differences 1, 2, 3 → mean 2, sample SD 1; the 97.5%
	// quantile of Student's t with 2 degrees of freedom is 4.302652729749464
	// (R 4.x: qt(0.975, 2)), so the half-width is 4.302652729749464/√3.
	half := 4.302652729749464 / math.Sqrt(3)
	assert.Equal(t, 3, c.n, "d (no wave 2) and e (NaN) drop out")
	assert.InDelta(t, 1.0, c.before, 1e-12, "mean of 0, 1, 2")
	assert.InDelta(t, 3.0, c.after, 1e-12, "mean of 1, 3, 5")
	assert.InDelta(t, 2.0, c.diff, 1e-12)
	assert.InDelta(t, 2-half, c.lo, 1e-9)
	assert.InDelta(t, 2+half, c.hi, 1e-9)
	assert.Equal(t, 3, c.up)
	assert.Equal(t, 0, c.down)
}

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	s := out.String()
	assert.Contains(t, s, "40 people")
	// Size: 223 alters at wave 1 and 259 at wave 2 over 40 people
	// (rows of internal/demo/data/alters.csv per wave).
	var size string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, " size ") {
			size = strings.Join(strings.Fields(l), " ")
		}
	}
	assert.True(t, strings.HasPrefix(size, "size 40 5.58 6.47 +0.90"), "got %q", size)
}

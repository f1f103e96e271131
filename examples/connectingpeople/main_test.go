package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sociogram/sociogram/measures"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarise(t *testing.T) {
	nan := math.NaN()
	// A change table as measures.ChangeTable writes it: a +1, b +2, c +3;
	// d was not interviewed at wave 2; e's value is undefined at wave 2.
	tab := &measures.Table{
		KeyNames: []string{"egoID"},
		Columns:  []string{"x:before", "x:after", "x:change"},
		Keys:     [][]string{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}},
		Values:   [][]float64{{0, 1, 1}, {1, 3, 2}, {2, 5, 3}, {5, nan, nan}, {1, nan, nan}},
	}
	c := summarise(tab, "x")
	// By hand: differences 1, 2, 3 → mean 2, sample SD 1; the 97.5%
	// quantile of Student's t with 2 degrees of freedom is 4.302652729749464
	// (R 4.2.2: print(qt(0.975, 2), digits = 17)), so the half-width is
	// 4.302652729749464/√3.
	half := 4.302652729749464 / math.Sqrt(3)
	assert.Equal(t, 3, c.n, "d and e drop out")
	assert.InDelta(t, 1.0, c.before, 1e-12, "mean of 0, 1, 2")
	assert.InDelta(t, 3.0, c.after, 1e-12, "mean of 1, 3, 5")
	assert.InDelta(t, 2.0, c.diff, 1e-12)
	assert.InDelta(t, 2-half, c.lo, 1e-9)
	assert.InDelta(t, 2+half, c.hi, 1e-9)
	assert.Equal(t, 3, c.up)
	assert.Equal(t, 0, c.down)

	assert.Equal(t, []string{"c", "b", "a"}, topGainers(tab, "x", 3))
	assert.Equal(t, []string{"c"}, topGainers(tab, "x", 1))

	// Nobody with both values: everything undefined, no panic.
	empty := summarise(&measures.Table{Columns: []string{"y:before", "y:after"}, Values: [][]float64{{nan, 1}}, Keys: [][]string{{"a"}}}, "y")
	assert.Equal(t, 0, empty.n)
	assert.True(t, math.IsNaN(empty.diff))
}

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pictures") // created by run
	var out bytes.Buffer
	require.NoError(t, run(&out, dir))
	s := out.String()
	assert.Contains(t, s, "40 people")
	// Kept, gained, lost: comm of the sorted egoID/alterID lists of each
	// wave of internal/demo/data/alters.csv.
	assert.Contains(t, s, "alters: 201 kept, 58 gained, 22 lost")
	// Size: 223 alters at wave 1 and 259 at wave 2 over 40 people
	// (rows of internal/demo/data/alters.csv per wave).
	var size string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, " size ") {
			size = strings.Join(strings.Fields(l), " ")
		}
	}
	assert.True(t, strings.HasPrefix(size, "size 40 5.58 6.47 +0.90"), "got %q", size)

	// Three before/after pictures, for the largest gains in bridging ties
	// (+2 for P01, P07, P17, P20, P23: the first three in table order).
	for _, id := range []string{"P01", "P07", "P17"} {
		b, err := os.ReadFile(filepath.Join(dir, "before_after_"+id+".png"))
		if assert.NoError(t, err) {
			assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")), "%s: not a PNG", id)
		}
	}
}

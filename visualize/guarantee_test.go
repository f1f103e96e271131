package visualize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPicturesKeepClear: every network picture of the fixtures keeps the
// guarantee at its page size, or (the 100-alter egogram with 150 random
// ties) at most 3 times its size after Fit: no tie within
// DefaultClearance of a marker it does not join, no overlapping markers.
func TestPicturesKeepClear(t *testing.T) {
	for name, f := range pictures(t) {
		if len(f.nets) == 0 {
			continue
		}
		t.Run(name, func(t *testing.T) {
			v := f.Fit(3)
			for i, x := range v {
				if i < 10 {
					t.Log(x)
				}
			}
			assert.Empty(t, v, "%d violations", len(v))
		})
	}
}

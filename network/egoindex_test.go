package network

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDatasetEgoIndex: Ego finds every ego of a built dataset by (ID,
// wave) through its index, returns nil for absent keys, and still finds
// egos of a literal Dataset and egos appended after building.
func TestDatasetEgoIndex(t *testing.T) {
	b := NewDatasetBuilder(DatasetOptions{WaveColumn: "wave"})
	for i := range 300 {
		for _, w := range []string{"1", "2"} {
			if i%7 == 0 && w == "2" {
				continue // drop-outs: absent at wave 2
			}
			require.NoError(t, b.AddEgo("p"+strconv.Itoa(i), w, nil))
		}
	}
	ds, _ := b.Build()
	require.NotNil(t, ds.index, "a built dataset has its index")
	for _, e := range ds.Egos {
		assert.Same(t, e, ds.Ego(e.ID, e.Wave))
	}
	assert.Nil(t, ds.Ego("p7", "2"), "a drop-out at wave 2")
	assert.Nil(t, ds.Ego("p1", ""), "the wave is part of the key")
	assert.Nil(t, ds.Ego("nobody", "1"))

	extra := &EgoNet{ID: "late", Wave: "1"}
	ds.Egos = append(ds.Egos, extra)
	assert.Same(t, extra, ds.Ego("late", "1"), "an ego appended after building is found")
	assert.Same(t, ds.Egos[0], ds.Ego(ds.Egos[0].ID, "1"))

	lit := &Dataset{Egos: []*EgoNet{{ID: "a"}, {ID: "b", Wave: "2"}}}
	assert.Same(t, lit.Egos[1], lit.Ego("b", "2"), "a literal Dataset has no index")
	assert.Nil(t, lit.Ego("b", ""))
	var zero Dataset
	assert.Nil(t, zero.Ego("a", ""), "the zero Dataset has no egos")
}

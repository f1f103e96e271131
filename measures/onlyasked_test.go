package measures

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 18 item 9: EgoTable computes the ego betweenness (a BFS from every
// alter for directed data) only when a betweenness column is asked for.
// A directed ego of 20,000 alters on a path: "size" alone must come back
// at once (it took 36 s for 40,000 alters when betweenness always ran);
// the value is the number of alters by definition.
func TestEgoTableComputesOnlyWhatIsAsked(t *testing.T) {
	const n = 20000
	b := network.NewDatasetBuilder(network.DatasetOptions{Directed: true})
	require.NoError(t, b.AddEgo("e", "", nil))
	for j := range n {
		require.NoError(t, b.AddAlter("e", "", "a"+strconv.Itoa(j), 1, nil))
	}
	for j := 1; j < n; j++ {
		require.NoError(t, b.AddTie("e", "", "a"+strconv.Itoa(j-1), "a"+strconv.Itoa(j), 1, nil))
	}
	ds, _ := b.Build()
	specs, err := ParseList("size,density")
	require.NoError(t, err)
	start := time.Now()
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 1})
	require.NoError(t, err)
	if !raceEnabled { // the race detector slows everything about tenfold
		assert.Less(t, time.Since(start), 2*time.Second, "size and density without betweenness")
	}
	assert.Equal(t, float64(n), tab.Values[0][0])
}

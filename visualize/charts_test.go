package visualize

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/plotter"
)

func TestHistogramBins(t *testing.T) {
	t.Run("whole numbers: one bar per value", func(t *testing.T) {
		// Values 0,1,1,3: bars at 0,1,2,3 with counts 1,2,0,1.
		h, err := histogram(plotter.Values{0, 1, 1, 3}, 0)
		require.NoError(t, err)
		require.Len(t, h.Bins, 4)
		for i, want := range []float64{1, 2, 0, 1} {
			assert.Equal(t, float64(i)-0.5, h.Bins[i].Min)
			assert.Equal(t, want, h.Bins[i].Weight, "bar %d", i)
		}
	})
	t.Run("fractions: Sturges", func(t *testing.T) {
		// n = 4: ⌈log₂ 4⌉ + 1 = 3 bins.
		h, err := histogram(plotter.Values{0.5, 0.25, 1, 0.75}, 0)
		require.NoError(t, err)
		assert.Len(t, h.Bins, 3)
	})
	t.Run("bins given", func(t *testing.T) {
		h, err := histogram(plotter.Values{1, 2, 3}, 2)
		require.NoError(t, err)
		assert.Len(t, h.Bins, 2)
	})
}

func TestChartErrors(t *testing.T) {
	_, err := HistogramFigure("size", []float64{math.NaN()}, 0)
	assert.ErrorContains(t, err, "no defined values among 1")
	_, err = ChangeFigure("size", []string{"a"}, []float64{1}, nil, [2]string{"1", "2"})
	assert.ErrorContains(t, err, "1 egos, 1 and 0 values")
	_, err = ChangeFigure("size", []string{"a"}, []float64{math.NaN()}, []float64{1}, [2]string{"1", "2"})
	assert.ErrorContains(t, err, "no ego has both values")
}

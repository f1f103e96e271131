package visualize

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

func TestGroupMeansFigure(t *testing.T) {
	nan := math.NaN()
	pts := []GroupMean{
		{Panel: "size", Slot: "wave 1", Group: "a", N: 3, Mean: 2, Low: 1, High: 3},
		{Panel: "size", Slot: "wave 1", Group: "b", N: 1, Mean: 5, Low: nan, High: nan},
		{Panel: "size", Slot: "wave 2", Group: "a", N: 3, Mean: 2.5, Low: 2, High: 3},
		{Panel: "size", Slot: "wave 2", Group: "b", N: 0, Mean: nan, Low: nan, High: nan},
		{Panel: "lsns6", Slot: "wave 1", Group: "a", N: 3, Mean: 7, Low: 6, High: 8},
	}
	f, err := GroupMeansFigure("t", []string{"a", "b"}, pts, false, nil)
	require.NoError(t, err)
	require.Len(t, f.Panels, 2, "one panel per measure, in order of first appearance")
	assert.Equal(t, "size", f.Panels[0].Title.Text)
	// The marks are the data: one per defined mean (b at wave 2 has none),
	// at its slot, groups side by side, b's without an interval.
	panels, err := groupPanels([]string{"a", "b"}, pts, false)
	require.NoError(t, err)
	assert.Equal(t, []string{"wave 1\nn: a 3, b 1", "wave 2\nn: a 3, b 0"}, panels[0].labels)
	bars := panels[0].bars.bars
	require.Len(t, bars, 3)
	assert.Less(t, bars[0].x, bars[1].x, "a left of b within wave 1")
	assert.Greater(t, bars[2].x, 0.5, "wave 2 is the second slot")
	assert.True(t, math.IsNaN(bars[1].low), "one ego: no CI")
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf, "png"))

	_, err = GroupMeansFigure("t", []string{"a"}, pts, false, nil)
	assert.Error(t, err, "a point of a group not listed")
	_, err = GroupMeansFigure("t", []string{"a", "b"}, []GroupMean{{Panel: "x", Group: "a", Mean: nan}}, false, nil)
	assert.Error(t, err, "no defined mean")
}

func TestDendrogramFigure(t *testing.T) {
	// R: hclust on 4 points where 1–2 merge first, then 3–4, then all:
	// merge (-1,-2), (-3,-4), (1,2); order 1 2 3 4.
	merge := [][2]int{{-1, -2}, {-3, -4}, {1, 2}}
	f, err := DendrogramFigure("t", merge, []float64{1, 2, 5}, []int{1, 2, 3, 4}, []string{"a", "b", "c", "d"}, []int{1, 1, 2, 2})
	require.NoError(t, err)
	assert.Len(t, f.Legend, 2, "one legend entry per type")
	// Leaves sit in the tree's order: with order 2 1 4 3 leaf 2 is first.
	d := newDendro(merge, []float64{1, 2, 5}, []int{2, 1, 4, 3}, []int{1, 1, 2, 2})
	assert.Equal(t, []float64{1, 0, 3, 2}, d.leafX)
	assert.Equal(t, 2, d.k)
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf, "png"))
	_, err = DendrogramFigure("t", merge, []float64{1, 2}, []int{1, 2, 3, 4}, []string{"a", "b", "c", "d"}, []int{1, 1, 2, 2})
	assert.Error(t, err, "heights and merges disagree")
}

func TestTypeProfilesFigure(t *testing.T) {
	f, err := TypeProfilesFigure("t", []string{"size", "prop(role=friend|neighbour|group)"},
		[]TypeProfile{{Type: 1, Size: 3, MeanZ: []float64{1, -1}}, {Type: 2, Size: 2, MeanZ: []float64{-1.5, 1.5}}})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf, "png"))
	_, err = TypeProfilesFigure("t", []string{"size"}, []TypeProfile{{Type: 1, MeanZ: []float64{1, 2}}})
	assert.Error(t, err, "means and measures disagree")
	// The diverging scale: white at the mean, the two ends apart, NaN grey.
	assert.Equal(t, Diverging(0), Diverging(math.Copysign(0, -1)), "negative zero is the mean too")
	assert.NotEqual(t, Diverging(-2), Diverging(2))
	assert.Equal(t, MissingColor, Diverging(math.NaN()))
	assert.Equal(t, "prop(role=friend|neighbour|\ngroup)", wrapMeasure("prop(role=friend|neighbour|group)", 18), "break after | past 18 runes")
	assert.Equal(t, "count_of_things\n(role=friend)", wrapMeasure("count_of_things(role=friend)", 18), "break before ( past 9 runes")
}

func TestGroupLooks(t *testing.T) {
	// A group named like a category the study's maps colour takes that
	// category's colour and shape; any other group a grey.
	egos, err := network.NewInput("egos.csv", strings.NewReader("egoID\nE\n"), false)
	require.NoError(t, err)
	alters, err := network.NewInput("alters.csv", strings.NewReader("egoID,alterID,role\nE,A,family\nE,B,group\n"), false)
	require.NoError(t, err)
	ds, _, err := network.ReadEgoCSVFrom(egos, alters, strings.NewReader("egoID,Source,Target\n"), network.EgoCSVOptions{})
	require.NoError(t, err)
	ss, err := NewStudyStyle(ds, DrawOptions{Style: Style{Color: "role"}})
	require.NoError(t, err)
	looks := groupLooks([]string{"group", "statutory"}, ss)
	c, sh, ok := ss.Category("group")
	require.True(t, ok)
	assert.Equal(t, groupLook{c, sh}, looks[0])
	assert.Equal(t, groupLook{groupColor(1), ShapeOf(1)}, looks[1])
	assert.Equal(t, groupLook{groupColor(0), ShapeOf(0)}, groupLooks([]string{"x"}, nil)[0])
}

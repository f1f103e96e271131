package visualize

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// threeWaveStudy is Q1 of measures' three-wave change study (see
// measures/change_waves_test.go), and Q2, who missed wave 2:
//
//	Q1 w1: A family 1, B friend 2, C neighbour 3, D group 2; ties A-B, B-C, C-D
//	Q1 w2: A family 1, B friend 1, C friend 3, E group 3;    ties A-B, A-C, C-E
//	Q1 w3: A family 2, C friend 2, D group 2, E group 3, F neighbour NA;
//	       ties A-C, D-E, A-E
//	Q2 w1: X friend 1.  Q2 w3: X friend 1, Y family 2; tie X-Y
func threeWaveStudy(t *testing.T) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	lines := []string{
		"Q1 1 A:family:1,B:friend:2,C:neighbour:3,D:group:2 A-B,B-C,C-D",
		"Q2 1 X:friend:1 -",
		"Q1 2 A:family:1,B:friend:1,C:friend:3,E:group:3 A-B,A-C,C-E",
		"Q1 3 A:family:2,C:friend:2,D:group:2,E:group:3,F:neighbour:NA A-C,D-E,A-E",
		"Q2 3 X:friend:1,Y:family:2 X-Y",
	}
	for _, l := range lines {
		f := strings.Fields(l)
		require.NoError(t, b.AddEgo(f[0], f[1], nil))
		for _, a := range strings.Split(f[2], ",") {
			p := strings.Split(a, ":")
			require.NoError(t, b.AddAlter(f[0], f[1], p[0], 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"role": p[1], "ring": p[2]})))
		}
		if f[3] != "-" {
			for _, tie := range strings.Split(f[3], ",") {
				u, v, _ := strings.Cut(tie, "-")
				require.NoError(t, b.AddTie(f[0], f[1], u, v, 1, nil))
			}
		}
	}
	ds, _ := b.Build()
	return ds
}

var changeLook = DrawOptions{EgogramOptions: EgogramOptions{Rings: "ring", Sectors: "role"}}

// TestLayoutEgogramWaves: an alter in the same ring and sector at every
// wave keeps its place (Q1's E: group, ring 3 at waves 2 and 3); an alter
// that moved cell moves (A: ring 1 → 1 → 2).
func TestLayoutEgogramWaves(t *testing.T) {
	ds := threeWaveStudy(t)
	var ins []EgogramInput
	var ids [][]string
	for _, w := range []string{"1", "2", "3"} {
		e := ds.Ego("Q1", w)
		in, err := EgogramInputOf(e, changeLook.EgogramOptions)
		require.NoError(t, err)
		ins, ids = append(ins, in), append(ids, alterIDs(e))
	}
	g := LayoutEgogramWaves(ins, ids)
	require.Len(t, g, 3)
	pos := func(w int, id string) [2]float64 {
		for i, x := range ids[w] {
			if x == id {
				return [2]float64{g[w].Alters[i].X, g[w].Alters[i].Y}
			}
		}
		t.Fatalf("no %s at wave %d", id, w+1)
		return [2]float64{}
	}
	assert.Equal(t, pos(1, "E"), pos(2, "E"), "E stays in group, ring 3")
	assert.Equal(t, pos(0, "A"), pos(1, "A"), "A stays in family, ring 1 at waves 1 and 2")
	assert.NotEqual(t, pos(1, "A"), pos(2, "A"), "A moves to ring 2 at wave 3")
	for w := range g {
		assert.Equal(t, g[0].Rings, g[w].Rings, "one frame")
		assert.Equal(t, g[0].Sectors, g[w].Sectors, "one frame")
	}
	// Two waves: the pair layout is the same function.
	b, a := LayoutEgogramPair(ins[0], ins[1], ids[0], ids[1])
	g2 := LayoutEgogramWaves(ins[:2], ids[:2])
	assert.Equal(t, g2[0].Alters, b.Alters)
	assert.Equal(t, g2[1].Alters, a.Alters)
}

// TestWavesNetworks: the pictures are the data. Statuses by hand (see
// measures' derivation): wave 1 all first-drawn; wave 2 A, B, C kept, E
// gained; wave 3 A, C, E kept, D returned (named at wave 1), F gained.
// Each panel draws exactly that wave's ties (3 each).
func TestWavesNetworks(t *testing.T) {
	ds := threeWaveStudy(t)
	waves := []string{"1", "2", "3"}
	nets := []*network.EgoNet{ds.Ego("Q1", "1"), ds.Ego("Q1", "2"), ds.Ego("Q1", "3")}
	panels, _, _, err := wavesNetworks(waves, nets, nets[0], changeLook)
	require.NoError(t, err)
	require.Len(t, panels, 3)
	assert.Equal(t, []string{"wave 1: 4 named", "wave 2: 3 kept, 1 new, 0 back, 1 lost", "wave 3: 3 kept, 1 new, 1 back, 1 lost"},
		[]string{panels[0].title, panels[1].title, panels[2].title})
	want := [][]NodeThumb{
		{firstLook, firstLook, firstLook, firstLook},
		{keptLook, keptLook, keptLook, gainedLook},
		{keptLook, keptLook, returnedLook, keptLook, gainedLook},
	}
	for w, p := range panels {
		require.Len(t, p.net.Nodes, len(want[w])+1, "alters and the ego")
		for i, lk := range want[w] {
			n := p.net.Nodes[i]
			assert.Equal(t, lk.Color, n.Color, "wave %d alter %s", w+1, nets[w].Alters[i].ID)
			assert.Equal(t, lk.Shape, n.Shape, "wave %d alter %s", w+1, nets[w].Alters[i].ID)
		}
		assert.Len(t, p.net.Edges, len(nets[w].Ties))
	}

	// Q2 missed wave 2: an empty panel says so; at wave 3 X is kept
	// (since wave 1, the previous interview) and Y gained.
	q2 := []*network.EgoNet{ds.Ego("Q2", "1"), nil, ds.Ego("Q2", "3")}
	panels, _, _, err = wavesNetworks(waves, q2, q2[0], changeLook)
	require.NoError(t, err)
	assert.Equal(t, "wave 2: not interviewed", panels[1].title)
	assert.Nil(t, panels[1].net)
	assert.Equal(t, "wave 3: 1 kept, 1 new, 0 back, 0 lost", panels[2].title)

	f, err := WavesFigure(waves, q2, []MeasureSeries{{Name: "size", Values: []float64{1, math.NaN(), 2}}}, changeLook)
	require.NoError(t, err)
	assert.Len(t, f.Panels, 4, "three maps and one measure")
	assertPNG(t, f)

	_, err = WavesFigure(waves, []*network.EgoNet{nil, nil, nil}, nil, changeLook)
	assert.ErrorContains(t, err, "not interviewed at any of the waves 1, 2, 3")
	_, err = WavesFigure(waves, nets[:2], nil, changeLook)
	assert.ErrorContains(t, err, "3 waves, 2 networks")
	_, err = WavesFigure(waves, nets, []MeasureSeries{{Name: "size", Values: []float64{1}}}, changeLook)
	assert.ErrorContains(t, err, "measure size has 1 values for 3 waves")
}

func TestGoalsFigure(t *testing.T) {
	nan := math.NaN()
	p := GoalPerson{EgoID: "P01", Waves: []string{"1", "2"}, T: []float64{40, 55},
		Goals: []GoalRow{
			{Goal: "group", Description: "join a group", Weight: 2, Levels: []float64{-1, 0}},
			{Goal: "sister", Weight: 3, Levels: []float64{nan, 1}},
		}}
	f, err := GoalsFigure(p)
	require.NoError(t, err)
	assert.Equal(t, "goals of P01 (GAS T wave 2: 55.0)", f.Title)
	assert.Equal(t, "not scored: sister at wave 1", f.Note)
	assertPNG(t, f)
	_, err = GoalsFigure(GoalPerson{EgoID: "P02", Waves: []string{"1"}})
	assert.ErrorContains(t, err, "P02: no goals")
	p.Goals[0].Levels = []float64{0}
	_, err = GoalsFigure(p)
	assert.ErrorContains(t, err, `goal "group" has 1 levels for 2 waves`)
}

func TestTrajectoryFigure(t *testing.T) {
	nan := math.NaN()
	g := TrajectoryGroup{Name: "arm a",
		People: []Trajectory{{ID: "P1", Values: []float64{1, 2, 3}}, {ID: "P2", Values: []float64{2, nan, 4}}},
		Mean:   []float64{1.5, 2, 3.5}, Low: []float64{-4.9, nan, -9.2}, High: []float64{7.9, nan, 16.2}}
	f, err := TrajectoryFigure("size", []string{"1", "2", "3"}, []TrajectoryGroup{g, g})
	require.NoError(t, err)
	assert.Len(t, f.Panels, 2, "a panel per group")
	for _, p := range f.Panels {
		assert.Equal(t, -9.2, p.Y.Min, "shared scale takes in the CI")
		assert.Equal(t, 16.2, p.Y.Max)
	}
	assertPNG(t, f)
	_, err = TrajectoryFigure("size", []string{"1", "2"}, []TrajectoryGroup{g})
	assert.ErrorContains(t, err, `group "arm a" has 3 means for 2 waves`)
	empty := TrajectoryGroup{People: []Trajectory{{ID: "P", Values: []float64{nan}}}, Mean: []float64{nan}, Low: []float64{nan}, High: []float64{nan}}
	_, err = TrajectoryFigure("size", []string{"1"}, []TrajectoryGroup{empty})
	assert.ErrorContains(t, err, "no defined values")
}

// assertPNG renders f and checks that it decodes to the page size.
func assertPNG(t *testing.T, f *Figure) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, f.Write(&b, "png"))
	img, err := png.Decode(&b)
	require.NoError(t, err)
	w := f.Width
	if w == 0 {
		w = SingleWidth
	}
	assert.InDelta(t, float64(w.Points())*96/72, float64(img.Bounds().Dx()), 1)
}

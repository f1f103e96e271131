package visualize

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// sectors of the Connecting People network map.
var roles = []string{"family", "friends", "neighbours", "services", "groups"}

// alterSpec is one alter of a hand-made fixture.
type alterSpec struct {
	id, ring, role, gender string
}

// study builds a two-wave study by hand: ego "P1" has 25 alters in 5
// sectors × 3 rings in wave 1 (a family clique, a friends chain, a few
// neighbours who know each other, services tied to family, one group) and,
// in wave 2, has lost 4 alters and gained 6; plus egos with no alters, one
// alter, no alter–alter ties and missing ring/sector values, and a 100-alter
// ego generated from a seeded stream.
func study(t testing.TB) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	s := b.AlterAttrs()
	ts := b.TieAttrs()
	addEgo := func(id, wave string) { require.NoError(t, b.AddEgo(id, wave, nil)) }
	addAlter := func(ego, wave string, a alterSpec) {
		require.NoError(t, b.AddAlter(ego, wave, a.id, 1, network.NewAttrs(s, map[string]string{
			"closeness": a.ring, "role": a.role, "gender": a.gender})))
	}
	tie := func(ego, wave, x, y, kind string) {
		require.NoError(t, b.AddTie(ego, wave, x, y, 1, network.NewAttrs(ts, map[string]string{"type": kind})))
	}
	p1 := []alterSpec{
		{"Mum", "1", "family", "F"}, {"Dad", "1", "family", "M"}, {"Sister", "1", "family", "F"},
		{"Gran", "2", "family", "F"}, {"Uncle Joe", "3", "family", "M"}, {"Cousin", "3", "family", "F"},
		{"Sam", "1", "friends", "M"}, {"Alex", "2", "friends", "F"}, {"Kim", "2", "friends", "F"},
		{"Jo", "3", "friends", "M"}, {"Lee", "3", "friends", "M"},
		{"Mrs Patel", "2", "neighbours", "F"}, {"Tom next door", "3", "neighbours", "M"}, {"Ana", "3", "neighbours", "F"},
		{"GP", "2", "services", "F"}, {"Key worker", "1", "services", "M"}, {"Pharmacist", "3", "services", "M"},
		{"Housing officer", "3", "services", "F"}, {"Psychiatrist", "2", "services", "M"},
		{"Choir lead", "2", "groups", "F"}, {"Choir friend", "3", "groups", "F"}, {"Gym buddy", "3", "groups", "M"},
		{"Vicar", "3", "groups", "M"}, {"Book club", "2", "groups", "F"}, {"Coach", "3", "groups", "M"},
	}
	addEgo("P1", "1")
	for _, a := range p1 {
		addAlter("P1", "1", a)
	}
	w1ties := [][3]string{
		{"Mum", "Dad", "close"}, {"Mum", "Sister", "close"}, {"Dad", "Sister", "close"}, {"Mum", "Gran", "close"},
		{"Gran", "Uncle Joe", "close"}, {"Uncle Joe", "Cousin", "close"}, {"Sister", "Sam", "weak"},
		{"Sam", "Alex", "close"}, {"Alex", "Kim", "close"}, {"Kim", "Jo", "weak"}, {"Jo", "Lee", "close"},
		{"Mrs Patel", "Tom next door", "weak"}, {"Tom next door", "Ana", "weak"}, {"Mum", "Mrs Patel", "weak"},
		{"GP", "Psychiatrist", "close"}, {"Key worker", "Psychiatrist", "close"}, {"Key worker", "Housing officer", "weak"},
		{"Key worker", "Mum", "weak"}, {"Choir lead", "Choir friend", "close"}, {"Choir friend", "Vicar", "weak"},
		{"Book club", "Kim", "weak"},
	}
	for _, x := range w1ties {
		tie("P1", "1", x[0], x[1], x[2])
	}
	// Wave 2: lost Uncle Joe, Lee, Pharmacist, Coach; gained 6; Sam closer.
	addEgo("P1", "2")
	lost := map[string]bool{"Uncle Joe": true, "Lee": true, "Pharmacist": true, "Coach": true}
	for _, a := range p1 {
		if !lost[a.id] {
			addAlter("P1", "2", a)
		}
	}
	for _, a := range []alterSpec{{"Priya", "2", "friends", "F"}, {"Peer mentor", "1", "services", "F"},
		{"Allotment pal", "2", "groups", "M"}, {"Allotment chair", "3", "groups", "F"},
		{"Café owner", "3", "neighbours", "M"}, {"Art class", "2", "groups", "F"}} {
		addAlter("P1", "2", a)
	}
	for _, x := range w1ties {
		if !lost[x[0]] && !lost[x[1]] {
			tie("P1", "2", x[0], x[1], x[2])
		}
	}
	for _, x := range [][3]string{{"Allotment pal", "Allotment chair", "close"}, {"Priya", "Alex", "weak"},
		{"Peer mentor", "Key worker", "close"}, {"Art class", "Allotment pal", "weak"}} {
		tie("P1", "2", x[0], x[1], x[2])
	}

	addEgo("empty", "1")
	addEgo("one", "1")
	addAlter("one", "1", alterSpec{"Friend", "1", "friends", "F"})
	addEgo("noties", "1")
	for i := 0; i < 8; i++ {
		addAlter("noties", "1", alterSpec{fmt.Sprintf("a%d", i+1), strconv.Itoa(i%3 + 1), roles[i%5], "F"})
	}
	addEgo("missing", "1")
	for i, a := range []alterSpec{{"m1", "", "family", "F"}, {"m2", "1", "", "M"}, {"m3", "", "", ""},
		{"m4", "2", "friends", "F"}, {"m5", "", "groups", "M"}} {
		_ = i
		addAlter("missing", "1", a)
	}
	tie("missing", "1", "m1", "m2", "close")
	tie("missing", "1", "m3", "m4", "weak")

	addEgo("big", "1")
	rng := rand.New(rand.NewPCG(100, 1))
	for i := 0; i < 100; i++ {
		addAlter("big", "1", alterSpec{fmt.Sprintf("b%03d", i), strconv.Itoa(rng.IntN(3) + 1), roles[rng.IntN(5)], []string{"F", "M"}[rng.IntN(2)]})
	}
	for i := 0; i < 150; i++ {
		x, y := rng.IntN(100), rng.IntN(100)
		if x != y {
			tie("big", "1", fmt.Sprintf("b%03d", x), fmt.Sprintf("b%03d", y), []string{"close", "weak"}[rng.IntN(2)])
		}
	}
	ds, _ := b.Build()
	return ds
}

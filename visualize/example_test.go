package visualize_test

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"math"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// Three alters in two sectors (family on the right half, friends on the
// left) and two rings; the friend's ring is missing, so it goes to the
// unknown ring. Each alter is alone in its cell, so it sits at the middle
// of it: radius 0.6 + (ring + ½) ring widths, angle the sector's middle.
func ExampleLayoutEgogram() {
	g := visualize.LayoutEgogram(visualize.EgogramInput{
		Ring:    []int{0, 1, -1},
		Sector:  []int{0, 0, 1},
		Rings:   []string{"1", "2"},
		Sectors: []string{"family", "friends"},
		Ties:    [][2]int{{0, 1}},
	})
	fmt.Println("rings:", g.Rings)
	for i, p := range g.Alters {
		r := math.Hypot(p.X, p.Y)
		deg := math.Atan2(p.Y, p.X) * 180 / math.Pi
		fmt.Printf("alter %d: ring %s, sector %s, r=%.2f, angle %.0f°\n", i, g.Rings[g.Ring[i]], g.Sectors[g.Sector[i]], r, deg)
	}
	// Output:
	// rings: [1 2 unknown]
	// alter 0: ring 1, sector family, r=1.10, angle 0°
	// alter 1: ring 2, sector family, r=2.10, angle 0°
	// alter 2: ring unknown, sector friends, r=3.10, angle -180°
}

// Draw the egogram of one ego to PNG (SVG and PDF work the same way).
func ExampleEgogramFigure() {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	_ = b.AddEgo("P1", "", nil)
	for _, a := range [][3]string{{"Mum", "1", "family"}, {"Sam", "2", "friends"}, {"GP", "3", "services"}} {
		_ = b.AddAlter("P1", "", a[0], 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"closeness": a[1], "role": a[2]}))
	}
	_ = b.AddTie("P1", "", "Mum", "Sam", 1, nil)
	ds, _ := b.Build()

	f, err := visualize.EgogramFigure(ds.Egos[0], visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{Rings: "closeness", Sectors: "role"},
		Style:          visualize.Style{Color: "role"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, "png"); err != nil {
		fmt.Println(err)
		return
	}
	cfg, _, _ := image.DecodeConfig(&buf)
	fmt.Printf("%s: %d×%d pixels\n", f.Title, cfg.Width, cfg.Height)
	// Output:
	// ego P1: 800×640 pixels
}

package visualize_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"regexp"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// The one-page report for a person's file after a follow-up: Ann's map at
// the second meeting, what changed since the first (her neighbour is gone,
// she has joined a walking group, her brother is closer) and her goal,
// reached as expected (GAS T = 50 + 10·0 = 50; at the baseline, level −1:
// T = 50 − 10·1/√1 = 40 with one goal of weight 1).
func ExamplePersonReport() {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	for _, m := range []struct {
		wave   string
		alters [][3]string // ID, role, ring
	}{
		{"1", [][3]string{{"sister", "family", "1"}, {"brother", "family", "2"}, {"neighbour", "neighbours", "3"}}},
		{"2", [][3]string{{"sister", "family", "1"}, {"brother", "family", "1"}, {"walking group", "groups", "2"}}},
	} {
		if err := b.AddEgo("Ann", m.wave, nil); err != nil {
			log.Fatal(err)
		}
		for _, a := range m.alters {
			attrs := network.NewAttrs(b.AlterAttrs(), map[string]string{"role": a[1], "ring": a[2]})
			if err := b.AddAlter("Ann", m.wave, a[0], 1, attrs); err != nil {
				log.Fatal(err)
			}
		}
		if err := b.AddTie("Ann", m.wave, "sister", "brother", 1, nil); err != nil {
			log.Fatal(err)
		}
	}
	ds, _ := b.Build()
	opt := visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{Rings: "ring", NumRings: 3, Sectors: "role"},
		Style:          visualize.Style{Color: "role"},
	}
	study, err := visualize.NewStudyStyle(ds, opt)
	if err != nil {
		log.Fatal(err)
	}
	opt.Study = study
	r := &visualize.PersonReport{
		Date: "second meeting", Map: ds.Ego("Ann", "2"), Before: ds.Ego("Ann", "1"), Draw: opt,
		Goals: &visualize.GoalPerson{EgoID: "Ann", Waves: []string{"1", "2"}, T: []float64{40, 50},
			Goals: []visualize.GoalRow{{Goal: "walk", Description: "walk with others each week", Weight: 1, Levels: []float64{-1, 0}}}},
	}
	var pdf bytes.Buffer
	if err := r.Write(&pdf, "pdf"); err != nil {
		log.Fatal(err)
	}
	pages := regexp.MustCompile(`/Type /Page\b`).FindAll(pdf.Bytes(), -1)
	box := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`).FindSubmatch(pdf.Bytes())
	fmt.Printf("%s, %d page of %s × %s pt (A4: %.2f × %.2f)\n", pdf.Bytes()[:8], len(pages), box[1], box[2],
		210/25.4*72, math.Round(297/25.4*72*100)/100)
	// Output:
	// %PDF-1.4, 1 page of 595.28 × 841.89 pt (A4: 595.28 × 841.89)
}

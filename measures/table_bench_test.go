package measures

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkEgoTable times EgoTable on seeded random studies (0–12 alters
// per ego, weighted) for the default structural list and for a
// compositional list, one worker, at two sizes to show how cost grows.
func BenchmarkEgoTable(b *testing.B) {
	lists := map[string]string{
		"structural":    "size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage",
		"compositional": "blau(sex),iqv(sex),entropy(sex),mean(age),sd(age),count(age>=65),ei(sex),ei_alters(sex)",
	}
	for _, egos := range []int{1000, 10000} {
		ds := randomStudy(3, egos)
		for _, kind := range []string{"structural", "compositional"} {
			specs, err := ParseList(lists[kind])
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/egos=%d", kind, egos), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := EgoTable(context.Background(), ds, specs, TableOptions{Workers: 1}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

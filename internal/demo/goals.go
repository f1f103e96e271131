package demo

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// goalSalt seeds the goals stream: goals are drawn from their own
// splitmix64 stream, so that adding them left every other value of the
// study as it was.
const goalSalt = 0x676f616c73

// goalsTable writes the study's goals table (goals.csv): each person sets
// two or three goals with the worker at wave 1 (Goal Attainment Scaling,
// Kiresuk & Sherman 1968), each with an importance weight 1–3:
//
//   - one goal evaluated from the data at wave 2: "join a group"
//     (count(role=group) >= 1) for a person who named no group member at
//     wave 1, else "build bridging ties" (bridging:change >= 0 1 2 3);
//   - "meet new people" (size:change >= 0 1 2 3) for about half;
//   - one goal whose level the worker recorded (level:1 the baseline,
//     level:2 at follow-up): "get back in touch with family" or "feel
//     confident going out". People who engage with the intervention reach
//     the expected level (0) or better more often. P31's recorded goal was
//     not scored at wave 2 (NA).
func goalsTable(egos []*ego, seed uint64) []byte {
	r := &rng{s: seed ^ goalSalt}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"egoID", "goal", "description", "weight", "rule", "level:1", "level:2"})
	weight := func() string { return strconv.Itoa(1 + r.intn(3)) }
	for _, e := range egos {
		hasGroup := false
		for _, a := range e.waves[0].alters {
			hasGroup = hasGroup || a.role == Group
		}
		if hasGroup {
			w.Write([]string{e.id, "bridging", "build bridging ties", weight(), "bridging:change >= 0 1 2 3", "", ""})
		} else {
			w.Write([]string{e.id, "group", "join a group", weight(), "count(role=group) >= 1", "", ""})
		}
		if r.chance(0.5) {
			w.Write([]string{e.id, "people", "meet new people", weight(), "size:change >= 0 1 2 3", "", ""})
		}
		goal, desc := "family", "get back in touch with family"
		if r.chance(0.5) {
			goal, desc = "outside", "feel confident going out"
		}
		// Follow-up level: −2..+2, centred on 0 for people who engage and
		// on −1 for the others.
		mix := []float64{0.05, 0.2, 0.45, 0.2, 0.1}
		if !e.engage {
			mix = []float64{0.2, 0.45, 0.25, 0.1, 0}
		}
		level := strconv.Itoa(r.pick(mix) - 2)
		if e.id == "P31" {
			level = "NA"
		}
		base := strconv.Itoa(-1 - r.intn(2)) // −1 or −2 at the baseline
		w.Write([]string{e.id, goal, desc, weight(), "", base, level})
	}
	w.Flush()
	return b.Bytes()
}

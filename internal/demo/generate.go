// This file generates the SYNTHETIC sample study embedded in this package.
// No real person is described: every row comes from the seeded random
// process below, shaped after the design of the Connecting People study
// (Webber et al. 2015, 2019) but not after any of its data. Regenerate the
// CSV files with
//
//	go generate ./internal/demo
//
// and commit them; TestEmbeddedMatchesGenerator fails if they drift.

package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
)

// Seed is the seed of the committed study.
const Seed = 20160601

// Files holds the three tables of a study in the ego CSV layout (egor's
// "threefiles"), as CSV text.
type Files struct {
	Egos, Alters, Ties []byte
	// Goals is the goals table (goals.csv, see goalsTable).
	Goals []byte
}

// Roles of alters, the sectors of a network map.
const (
	Family       = "family"
	Friend       = "friend"
	Neighbour    = "neighbour"
	Professional = "professional"
	Group        = "group" // a member of a group, club or activity the person attends
)

// Contact frequencies of alters, most to least often.
var contactLevels = []string{"daily", "weekly", "monthly", "less"}

// Age groups of alters.
var ageGroups = []string{"18-29", "30-44", "45-64", "65+"}

// RGUKItems are the ego columns holding the 27 Resource Generator-UK answers
// (1 = the person knows someone who can provide the resource, 0 = not).
var RGUKItems = func() []string {
	out := make([]string, 27)
	for i := range out {
		out[i] = fmt.Sprintf("rg%02d", i+1)
	}
	return out
}()

// LSNSItems are the ego columns holding the six Lubben Social Network Scale
// (LSNS-6) answers, each scored 0–5: items 1–3 about relatives, 4–6 about
// friends (Lubben et al. 2006).
var LSNSItems = []string{"lsns1", "lsns2", "lsns3", "lsns4", "lsns5", "lsns6"}

// rng is splitmix64 (Steele, Lea & Flood 2014): tiny, and its output is
// fixed forever, unlike a library generator whose algorithm may change.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// pick returns an index drawn with the given weights.
func (r *rng) pick(weights []float64) int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	x := r.float() * sum
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

type alter struct {
	id       string
	sex      string // "" is missing
	ageGroup string
	role     string
	ring     int // 1 inner … 3 outer; 0 is missing
	contact  string
}

type egoWave struct {
	alters []alter
	ties   map[[2]string]bool // alter–alter ties keyed by sorted alter IDs
}

type ego struct {
	id     string
	sex    string
	age    int    // 0 is missing
	agency string // ThirdSector or Statutory
	engage bool
	waves  [2]egoWave
	rg     [2][]int // -1 is missing
	lsns   [2][]int
	nextID int
}

var roles = []string{Family, Friend, Neighbour, Professional, Group}

// Agency types: the kind of service that supports the person, as the
// Connecting People study compared them (Webber et al. 2019).
const (
	ThirdSector = "third_sector" // a voluntary or community organisation
	Statutory   = "statutory"    // an NHS or local-authority mental health team
)

// agencySalt seeds the agency stream: agencies are drawn from their own
// splitmix64 stream so that adding them left every other value of the
// study as it was.
const agencySalt = 0x6167656e6379

// Role mixes: who people name before the intervention, and whom they gain
// after it (workers help people join groups and meet neighbours).
var (
	roleMix1     = []float64{0.36, 0.20, 0.10, 0.24, 0.10}
	roleMixGain  = []float64{0.08, 0.25, 0.22, 0.08, 0.37}
	roleMixDrift = []float64{0.20, 0.30, 0.20, 0.20, 0.10}
)

// tieChance is the probability that two alters of the given roles know
// each other.
func tieChance(a, b string) float64 {
	if a > b {
		a, b = b, a
	}
	switch {
	case a == b && a == Family:
		return 0.8
	case a == b && a == Group:
		return 0.6
	case a == b && a == Professional:
		return 0.45
	case a == b:
		return 0.35 // friends, neighbours
	case a == Family && b == Professional:
		return 0.2
	case a == Family && (b == Friend || b == Neighbour):
		return 0.15
	case a == Friend && (b == Group || b == Neighbour):
		return 0.15
	}
	return 0.05
}

func (e *ego) newAlter(r *rng, role string, wave int) alter {
	e.nextID++
	a := alter{id: fmt.Sprintf("A%02d", e.nextID), role: role}
	a.sex = []string{"F", "M"}[r.intn(2)]
	switch role {
	case Family:
		a.ageGroup = ageGroups[r.pick([]float64{0.2, 0.3, 0.3, 0.2})]
		a.ring = 1 + r.pick([]float64{0.5, 0.35, 0.15})
		a.contact = contactLevels[r.pick([]float64{0.3, 0.45, 0.2, 0.05})]
	case Professional:
		a.ageGroup = ageGroups[r.pick([]float64{0.15, 0.5, 0.35, 0})]
		a.ring = 1 + r.pick([]float64{0.15, 0.45, 0.4})
		a.contact = contactLevels[r.pick([]float64{0, 0.45, 0.45, 0.1})]
	default:
		a.ageGroup = ageGroups[r.pick([]float64{0.25, 0.3, 0.3, 0.15})]
		a.ring = 1 + r.pick([]float64{0.15, 0.4, 0.45})
		a.contact = contactLevels[r.pick([]float64{0.1, 0.45, 0.3, 0.15})]
	}
	if wave == 2 && a.ring < 3 && r.chance(0.4) {
		a.ring++ // new acquaintances start further out
	}
	if r.chance(0.03) {
		a.ring = 0 // not recorded
	}
	if r.chance(0.02) {
		a.sex = ""
	}
	return a
}

func key(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Generate builds the study from a seed: 40 people supported by a mental
// health service, interviewed before (wave 1) and after (wave 2) an
// intervention that helps them map their network, set goals and build
// connections. Most people's networks grow a little and gain bridging ties
// (neighbours, groups, new friends); some lose contacts. The same seed
// always gives the same bytes.
//
// Awkward cases are there on purpose: P07 names nobody at wave 1; P13 names
// one person at both waves; P31 names two people at wave 1 and nobody at
// wave 2; a few closeness rings, alter sexes, one ego's age and one
// Resource Generator answer are missing.
func Generate(seed uint64) Files {
	r := &rng{s: seed}
	ra := &rng{s: seed ^ agencySalt}
	egos := make([]*ego, 40)
	for i := range egos {
		e := &ego{id: fmt.Sprintf("P%02d", i+1)}
		egos[i] = e
		e.sex = []string{"F", "M"}[r.pick([]float64{0.55, 0.45})]
		e.age = 19 + r.intn(50)
		e.engage = r.chance(0.7)
		// People who engage are more often with a third-sector agency
		// (0.6 against 0.3), so the agencies differ in change.
		e.agency = Statutory
		if ra.chance(map[bool]float64{true: 0.6, false: 0.3}[e.engage]) {
			e.agency = ThirdSector
		}

		// Wave 1.
		n := 2 + r.intn(5) + r.intn(5) // 2–10, mostly 5–7
		switch e.id {
		case "P07":
			n = 0
		case "P13":
			n = 1
		case "P31":
			n = 2
		}
		w := &e.waves[0]
		w.ties = map[[2]string]bool{}
		for k := 0; k < n; k++ {
			role := roles[r.pick(roleMix1)]
			if k == 0 && e.id != "P13" {
				role = Professional // the care coordinator
			}
			if e.id == "P13" {
				role = Family
			}
			w.alters = append(w.alters, e.newAlter(r, role, 1))
		}
		for x := 0; x < len(w.alters); x++ {
			for y := x + 1; y < len(w.alters); y++ {
				if r.chance(tieChance(w.alters[x].role, w.alters[y].role)) {
					w.ties[key(w.alters[x].id, w.alters[y].id)] = true
				}
			}
		}

		// Wave 2: kept, lost and gained alters.
		w2 := &e.waves[1]
		w2.ties = map[[2]string]bool{}
		lose, gainMix, gains := 0.15, roleMixDrift, r.intn(2)
		if e.engage {
			lose, gainMix, gains = 0.08, roleMixGain, 1+r.intn(3)
		}
		switch e.id {
		case "P07":
			gains = 2
		case "P13":
			lose, gains = 0, 0
		case "P31":
			lose, gains = 1, 0
		}
		for _, a := range w.alters {
			if r.chance(lose) {
				continue
			}
			if a.ring != 0 && r.chance(0.15) {
				if a.ring > 1 && (e.engage || r.chance(0.5)) {
					a.ring--
				} else if a.ring < 3 {
					a.ring++
				}
			}
			w2.alters = append(w2.alters, a)
		}
		for k := 0; k < gains; k++ {
			role := roles[r.pick(gainMix)]
			if e.id == "P07" {
				role = Group
			}
			w2.alters = append(w2.alters, e.newAlter(r, role, 2))
		}
		for x := 0; x < len(w2.alters); x++ {
			for y := x + 1; y < len(w2.alters); y++ {
				a, b := w2.alters[x], w2.alters[y]
				k := key(a.id, b.id)
				_, aOld := find(w.alters, a.id)
				_, bOld := find(w.alters, b.id)
				var p float64
				switch {
				case aOld && bOld && w.ties[k]:
					p = 0.95
				case aOld && bOld:
					p = 0.04
				case a.role == Group && b.role == Group:
					p = 0.75 // met at the same group
				default:
					p = tieChance(a.role, b.role)
				}
				if r.chance(p) {
					w2.ties[k] = true
				}
			}
		}

		// Instruments, driven by the network at each wave.
		for wv := 0; wv < 2; wv++ {
			e.rg[wv] = resourceGenerator(r, e.waves[wv].alters, e.rg[0], wv)
			e.lsns[wv] = lubben(e.waves[wv].alters)
		}
	}
	egos[18].age = 0        // P19's age was not recorded
	egos[25].rg[1][13] = -1 // P26 did not answer one item at wave 2
	f := write(egos)
	f.Goals = goalsTable(egos, seed)
	return f
}

func find(as []alter, id string) (int, bool) {
	for i, a := range as {
		if a.id == id {
			return i, true
		}
	}
	return -1, false
}

// resourceGenerator draws 27 yes/no answers whose chance rises with the
// number of alters and of non-family, non-professional alters; at wave 2 an
// answer stays as it was with probability 0.7.
func resourceGenerator(r *rng, as []alter, before []int, wave int) []int {
	var wider int
	for _, a := range as {
		if a.role != Family && a.role != Professional {
			wider++
		}
	}
	out := make([]int, 27)
	for i := range out {
		p := 0.12 + 0.035*float64(len(as)) + 0.05*float64(wider) - 0.012*float64(i%9)
		p = min(max(p, 0.03), 0.9)
		if wave == 1 && r.chance(0.7) {
			out[i] = before[i]
			continue
		}
		if r.chance(p) {
			out[i] = 1
		}
	}
	return out
}

// lubben scores the LSNS-6 from the network itself: relatives (items 1–3)
// are family alters, friends (items 4–6) are friends, neighbours and group
// members. Item 1/4: seen or heard from at least monthly; item 2/5: close
// enough to talk about private matters (rings 1–2); item 3/6: could be
// called on for help (ring 1). Each count is scored 0 = none, 1 = one,
// 2 = two, 3 = three or four, 4 = five to eight, 5 = nine or more.
func lubben(as []alter) []int {
	var c [6]int
	for _, a := range as {
		off := -1
		switch a.role {
		case Family:
			off = 0
		case Friend, Neighbour, Group:
			off = 3
		}
		if off < 0 {
			continue
		}
		if a.contact != "less" {
			c[off]++
		}
		if a.ring == 1 || a.ring == 2 {
			c[off+1]++
		}
		if a.ring == 1 {
			c[off+2]++
		}
	}
	out := make([]int, 6)
	for i, n := range c {
		switch {
		case n <= 2:
			out[i] = n
		case n <= 4:
			out[i] = 3
		case n <= 8:
			out[i] = 4
		default:
			out[i] = 5
		}
	}
	return out
}

func write(egos []*ego) Files {
	var eb, ab, tb bytes.Buffer
	ew, aw, tw := csv.NewWriter(&eb), csv.NewWriter(&ab), csv.NewWriter(&tb)
	head := []string{"egoID", "wave", "sex", "age", "agency"}
	head = append(head, RGUKItems...)
	head = append(head, LSNSItems...)
	ew.Write(head)
	aw.Write([]string{"egoID", "wave", "alterID", "sex", "age_group", "role", "ring", "contact"})
	tw.Write([]string{"egoID", "wave", "Source", "Target"})
	na := func(s string) string {
		if s == "" {
			return "NA"
		}
		return s
	}
	num := func(x int, missing bool) string {
		if missing {
			return "NA"
		}
		return strconv.Itoa(x)
	}
	for wv := 0; wv < 2; wv++ {
		wave := strconv.Itoa(wv + 1)
		for _, e := range egos {
			row := []string{e.id, wave, e.sex, num(e.age, e.age == 0), e.agency}
			for _, x := range e.rg[wv] {
				row = append(row, num(x, x < 0))
			}
			for _, x := range e.lsns[wv] {
				row = append(row, num(x, false))
			}
			ew.Write(row)
			w := e.waves[wv]
			for _, a := range w.alters {
				aw.Write([]string{e.id, wave, a.id, na(a.sex), a.ageGroup, a.role, num(a.ring, a.ring == 0), a.contact})
			}
			for x := 0; x < len(w.alters); x++ {
				for y := x + 1; y < len(w.alters); y++ {
					if w.ties[key(w.alters[x].id, w.alters[y].id)] {
						tw.Write([]string{e.id, wave, w.alters[x].id, w.alters[y].id})
					}
				}
			}
		}
	}
	for _, w := range []*csv.Writer{ew, aw, tw} {
		w.Flush()
	}
	return Files{Egos: eb.Bytes(), Alters: ab.Bytes(), Ties: tb.Bytes()}
}

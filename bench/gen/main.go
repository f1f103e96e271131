// Command gen writes the deterministic benchmark inputs: edge lists of
// Barabási–Albert and Holme–Kim graphs, and a synthetic survey in the
// three-table ego CSV layout. The same flags always give the same bytes.
//
//	gen -kind ba -edges 1000000 -out ba_1e6.csv      # n = edges/m + m nodes, m = 5
//	gen -kind hk -edges 1000000 -p 0.5 -out hk_1e6.csv
//	gen -kind survey -egos 100000 -alters 20 -dir survey_1e5
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/sociogram/sociogram/internal/graphgen"
)

func main() {
	kind := flag.String("kind", "ba", "ba (Barabási–Albert), hk (Holme–Kim) or survey")
	edges := flag.Int("edges", 1_000_000, "approximate number of edges (ba, hk)")
	m := flag.Int("m", 5, "edges added per new node (ba, hk)")
	p := flag.Float64("p", 0.5, "triad formation probability (hk)")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "", "output edge list `FILE` (ba, hk)")
	egos := flag.Int("egos", 100_000, "number of egos (survey)")
	alters := flag.Int("alters", 20, "mean number of alters per ego (survey)")
	dir := flag.String("dir", "", "output `DIR` for egos.csv, alters.csv, aaties.csv (survey)")
	flag.Parse()
	var err error
	switch *kind {
	case "ba", "hk":
		if *out == "" {
			err = fmt.Errorf("-out is required")
			break
		}
		n := *edges / *m + *m
		pp := 0.0
		if *kind == "hk" {
			pp = *p
		}
		err = writeEdges(*out, graphgen.HolmeKim(n, *m, pp, *seed))
	case "survey":
		if *dir == "" {
			err = fmt.Errorf("-dir is required")
			break
		}
		err = writeSurvey(*dir, *egos, *alters, *seed)
	default:
		err = fmt.Errorf("unknown -kind %q", *kind)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func writeEdges(path string, edges []graphgen.Edge) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("source,target\n")
	var buf []byte
	for _, e := range edges {
		buf = strconv.AppendInt(buf[:0], int64(e[0]), 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(e[1]), 10)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeSurvey writes egos.csv (egoID, sex, age), alters.csv (egoID,
// alterID, sex, age, closeness, role) and aaties.csv (egoID, Source,
// Target, weight), grouped by ego in the order of egos.csv. Each ego has
// between alters/2 and 3·alters/2 alters; each pair of alters is tied with
// probability 0.3 and ties weigh 1, 2 or 3.
func writeSurvey(dir string, egos, alters int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x5a1e))
	type file struct {
		f *os.File
		w *bufio.Writer
	}
	open := func(name, header string) (file, error) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return file{}, err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(header + "\n")
		return file{f, w}, nil
	}
	ef, err := open("egos.csv", "egoID,sex,age")
	if err != nil {
		return err
	}
	af, err := open("alters.csv", "egoID,alterID,sex,age,closeness,role")
	if err != nil {
		return err
	}
	tf, err := open("aaties.csv", "egoID,Source,Target,weight")
	if err != nil {
		return err
	}
	sexes := []string{"f", "m", "NA"}
	roles := []string{"family", "friend", "neighbour", "professional", "work"}
	for e := 1; e <= egos; e++ {
		fmt.Fprintf(ef.w, "E%d,%s,%d\n", e, sexes[rng.IntN(2)], 18+rng.IntN(70))
		k := alters/2 + rng.IntN(alters+1)
		for a := 1; a <= k; a++ {
			fmt.Fprintf(af.w, "E%d,A%d,%s,%d,%d,%s\n", e, a, sexes[rng.IntN(3)], 10+rng.IntN(80), 1+rng.IntN(3), roles[rng.IntN(len(roles))])
		}
		for a := 1; a <= k; a++ {
			for b := a + 1; b <= k; b++ {
				if rng.Float64() < 0.3 {
					fmt.Fprintf(tf.w, "E%d,A%d,A%d,%d\n", e, a, b, 1+rng.IntN(3))
				}
			}
		}
	}
	for _, x := range []file{ef, af, tf} {
		if err := x.w.Flush(); err != nil {
			return err
		}
		if err := x.f.Close(); err != nil {
			return err
		}
	}
	return nil
}

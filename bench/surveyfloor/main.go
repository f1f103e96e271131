// Command surveyfloor is the single-threaded floor of issue 17 item 5: the
// least a Go program must do to compute the eleven structural measures of
// every ego of a generated three-table study and write the table that
// `sociogram egos` writes. It reads each file whole, splits lines at
// commas (no quotes, no checks: bench/gen's files need none), keeps one
// ego network at a time in reused slices, measures it with
// measures.OfEgoGraph (the measures' own kernel, so the comparison is of
// everything around it) and formats the row with strconv as the CLI does
// (15 significant digits).
//
//	go run ./bench/surveyfloor DIR OUT.csv
//
// It assumes what bench/gen -kind survey writes: egos.csv (egoID first),
// alters.csv (egoID, alterID first), aaties.csv (egoID, Source, Target,
// weight), rows grouped by ego in the order of egos.csv. bench/survey.sh
// checks that its output equals `sociogram egos`' byte for byte.
package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: surveyfloor DIR OUT.csv")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "surveyfloor:", err)
		os.Exit(1)
	}
}

// lines walks the lines of a file after its header.
type lines struct{ b []byte }

func (l *lines) next() ([]byte, bool) {
	if len(l.b) == 0 {
		return nil, false
	}
	i := bytes.IndexByte(l.b, '\n')
	if i < 0 {
		i = len(l.b)
	}
	line := l.b[:i]
	l.b = l.b[min(i+1, len(l.b)):]
	return line, true
}

func open(dir, name string) (*lines, error) {
	b, err := os.ReadFile(dir + "/" + name)
	if err != nil {
		return nil, err
	}
	l := &lines{b: b}
	l.next() // header
	return l, nil
}

// field returns the i-th comma-separated field of line.
func field(line []byte, i int) []byte {
	for ; i > 0; i-- {
		line = line[bytes.IndexByte(line, ',')+1:]
	}
	if j := bytes.IndexByte(line, ','); j >= 0 {
		return line[:j]
	}
	return line
}

type raw struct {
	from, to int32
	w        float64
	seq      int
}

func run(dir, out string) error {
	egos, err := open(dir, "egos.csv")
	if err != nil {
		return err
	}
	alters, err := open(dir, "alters.csv")
	if err != nil {
		return err
	}
	ties, err := open(dir, "aaties.csv")
	if err != nil {
		return err
	}
	index := map[string]int32{}
	var g network.EgoGraph
	var rs []raw
	buf := []byte("egoID,size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage\n")
	aLine, aOK := alters.next()
	tLine, tOK := ties.next()
	for {
		eLine, ok := egos.next()
		if !ok {
			break
		}
		id := field(eLine, 0)
		clear(index)
		g.ID = string(id)
		g.AlterWeights = g.AlterWeights[:0]
		for aOK && bytes.Equal(field(aLine, 0), id) {
			index[string(field(aLine, 1))] = int32(len(g.AlterWeights))
			g.AlterWeights = append(g.AlterWeights, 1)
			aLine, aOK = alters.next()
		}
		rs = rs[:0]
		for tOK && bytes.Equal(field(tLine, 0), id) {
			f, t := index[string(field(tLine, 1))], index[string(field(tLine, 2))]
			w, err := strconv.ParseFloat(string(field(tLine, 3)), 64)
			if err != nil {
				return err
			}
			if f != t {
				rs = append(rs, raw{min(f, t), max(f, t), w, len(rs)})
			}
			tLine, tOK = ties.next()
		}
		slices.SortFunc(rs, func(a, b raw) int {
			if a.from != b.from {
				return int(a.from - b.from)
			}
			if a.to != b.to {
				return int(a.to - b.to)
			}
			return a.seq - b.seq
		})
		g.Ties = g.Ties[:0]
		for _, r := range rs {
			if n := len(g.Ties); n > 0 && g.Ties[n-1].From == r.from && g.Ties[n-1].To == r.to {
				g.Ties[n-1].Weight += r.w
				continue
			}
			g.Ties = append(g.Ties, network.EgoTie{From: r.from, To: r.to, Weight: r.w})
		}
		st := measures.OfEgoGraph(&g)
		buf = append(buf, id...)
		for _, x := range [...]float64{st.Size, st.Ties, st.Density, st.Components, st.Isolates, st.EffectiveSize,
			st.Efficiency, st.Constraint, st.Hierarchy, st.EgoBetweenness, st.Brokerage} {
			buf = append(buf, ',')
			buf = appendValue(buf, x)
		}
		buf = append(buf, '\n')
	}
	return os.WriteFile(out, buf, 0o644)
}

// appendValue formats x as the CLI does (measures.FormatValueDigits with
// 15 digits).
func appendValue(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return append(b, "NA"...)
	case x == 0:
		return append(b, '0')
	case x == math.Trunc(x) && math.Abs(x) < 1<<53:
		return strconv.AppendFloat(b, x, 'f', 0, 64)
	}
	return strconv.AppendFloat(b, x, 'g', 15, 64)
}

package measures

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/sociogram/sociogram/network"
)

// randomStudy returns a seeded random survey study of egos egos with 0–12
// alters each (some egos with none or one), a categorical attribute sex
// (f, m, x, or missing), a numeric attribute age (sometimes missing) on
// egos and alters, ego–alter weights 1–5, and random weighted alter–alter
// ties, including some self ties and duplicates that the builder drops and
// merges.
func randomStudy(seed uint64, egos int) *network.Dataset {
	r := rand.New(rand.NewPCG(seed, 1))
	b := network.NewDatasetBuilder(network.DatasetOptions{AlterWeighted: true, TieWeighted: true})
	sex := func() string { return []string{"f", "m", "x", "", "f", "m"}[r.IntN(6)] }
	age := func() string {
		if r.IntN(8) == 0 {
			return ""
		}
		return strconv.Itoa(18 + r.IntN(70))
	}
	for e := range egos {
		id := fmt.Sprintf("e%03d", e)
		must(b.AddEgo(id, "", network.NewAttrs(b.EgoAttrs(), map[string]string{"sex": sex(), "age": age()})))
		n := r.IntN(13)
		for a := range n {
			must(b.AddAlter(id, "", strconv.Itoa(a), float64(1+r.IntN(5)),
				network.NewAttrs(b.AlterAttrs(), map[string]string{"sex": sex(), "age": age()})))
		}
		for range r.IntN(n*n/2 + 1) {
			u, v := r.IntN(max(n, 1)), r.IntN(max(n, 1))
			if n == 0 {
				break
			}
			must(b.AddTie(id, "", strconv.Itoa(u), strconv.Itoa(v), float64(1+r.IntN(3)), nil))
		}
	}
	ds, _ := b.Build()
	return ds
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

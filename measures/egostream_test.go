package measures

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// writeStudy writes randomStudy(seed, egos) as the three tables (alter
// weights in column "weight") and returns their paths.
func writeStudy(t testing.TB, seed uint64, egos int) (string, string, string) {
	dir := t.TempDir()
	require.NoError(t, network.WriteEgoCSVDir(dir, randomStudy(seed, egos), network.EgoCSVOptions{AlterWeight: "weight"}))
	return filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv")
}

// tableCSV is the reference: the study read whole, EgoTable, WriteCSVWith.
func tableCSV(t *testing.T, eg, al, ti string, opt network.EgoCSVOptions, specs []Spec, topt TableOptions, wopt WriteOptions) string {
	ds, _, err := network.ReadEgoCSV(eg, al, ti, opt)
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, topt)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, tab.WriteCSVWith(&b, wopt))
	return b.String()
}

// TestStreamEgoCSVSameAsEgoTable: StreamEgoCSV writes, byte for byte, the
// CSV of EgoTable on the study read whole (the reference is EgoTable
// itself, whose values are tested against networkx, igraph and by hand
// elsewhere), for any number of workers and batch size.
func TestStreamEgoCSVSameAsEgoTable(t *testing.T) {
	eg, al, ti := writeStudy(t, 11, 300)
	all := "size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness,brokerage,weighted_density,redundancy,ego_betweenness_norm,brokerage_norm"
	tests := []struct {
		name     string
		measures string
		opt      network.EgoCSVOptions
		sopt     StreamOptions
		wopt     WriteOptions
	}{
		{"defaults", "", network.EgoCSVOptions{}, StreamOptions{}, WriteOptions{}},
		{"every structural measure, 15 digits", all, network.EgoCSVOptions{AlterWeight: "weight"}, StreamOptions{}, WriteOptions{Digits: 15}},
		{"directed, one worker, batches of one", all, network.EgoCSVOptions{Directed: true, AlterWeight: "weight"}, StreamOptions{Batch: 1, Table: TableOptions{Workers: 1}}, WriteOptions{Digits: 17}},
		{"unweighted, five workers, batches of 7", "constraint,size,hierarchy", network.EgoCSVOptions{Weight: "-"}, StreamOptions{Batch: 7, Table: TableOptions{Workers: 5}}, WriteOptions{Digits: 3}},
		{"no betweenness, syntactic names, own key names", "constraint,redundancy", network.EgoCSVOptions{}, StreamOptions{}, WriteOptions{Syntactic: true, KeyNames: []string{"person"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specs := DefaultSpecs()
			if tc.measures != "" {
				var err error
				specs, err = ParseList(tc.measures)
				require.NoError(t, err)
			}
			want := tableCSV(t, eg, al, ti, tc.opt, specs, TableOptions{}, tc.wopt)
			var got bytes.Buffer
			_, err := StreamEgoCSV(context.Background(), &got, eg, al, ti, tc.opt, specs, tc.sopt, tc.wopt)
			require.NoError(t, err)
			assert.Equal(t, want, got.String())
		})
	}
}

// TestStreamEgoCSVAwkward: waves, the input's key names, node types, IDs
// that need quotes, and the Report.
func TestStreamEgoCSVAwkward(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"egos.csv":   ".egoID,wave\n\"a,1\",1\n\"a,1\",2\n\" b\",1\n\"c\"\"d\",1\n",
		"alters.csv": ".egoID,wave,.altID,type\n\"a,1\",1,p,person\n\"a,1\",1,q,place\n\"a,1\",1,r,\n\"a,1\",2,p,person\n\" b\",1,p,NA\n\" b\",1,q,person\n",
		"aaties.csv": ".egoID,wave,.srcID,.tgtID\n\"a,1\",1,p,q\n\"a,1\",1,p,r\n\"a,1\",1,r,p\n\" b\",1,p,q\n\" b\",1,q,q\n",
	}
	for n, c := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644))
	}
	eg, al, ti := filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv")
	opt := network.EgoCSVOptions{Wave: "wave"}
	specs := DefaultSpecs()
	ds, wantRep, err := network.ReadEgoCSV(eg, al, ti, opt)
	require.NoError(t, err)
	tab, err := EgoTable(context.Background(), ds, specs, TableOptions{})
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, tab.WriteCSVWith(&want, WriteOptions{KeyNames: []string{".egoID", "wave"}}))
	// " b" and "a,1" are quoted, c"d too; a,1 in wave 1 counts p and r
	// (q is a place): size 2, one tie (p–r twice, merged).
	require.Contains(t, want.String(), "\"a,1\",1,2,1,")

	var got bytes.Buffer
	rep, err := StreamEgoCSV(context.Background(), &got, eg, al, ti, opt, specs, StreamOptions{InputKeyNames: true}, WriteOptions{})
	require.NoError(t, err)
	assert.Equal(t, want.String(), got.String())
	assert.Equal(t, wantRep, rep)
}

// TestStreamEgoCSVErrors: measures that need more than the structure,
// the reader's errors, and the writer's.
func TestStreamEgoCSVErrors(t *testing.T) {
	eg, al, ti := writeStudy(t, 3, 2000)
	specs, err := ParseList("size,blau(sex)")
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = StreamEgoCSV(context.Background(), &out, eg, al, ti, network.EgoCSVOptions{}, specs, StreamOptions{}, WriteOptions{})
	assert.ErrorIs(t, err, ErrNotStreamable)
	assert.Zero(t, out.Len(), "nothing written")

	// Ungrouped: alters of the first ego moved to the end.
	b, err := os.ReadFile(al)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(b), "\n")
	moved := lines[0] + strings.Join(lines[2:], "") + lines[1]
	require.NoError(t, os.WriteFile(al, []byte(moved), 0o644))
	_, err = StreamEgoCSV(context.Background(), &out, eg, al, ti, network.EgoCSVOptions{}, DefaultSpecs(), StreamOptions{}, WriteOptions{})
	assert.ErrorIs(t, err, network.ErrUngrouped)

	eg, al, ti = writeStudy(t, 3, 2000)
	fail := &streamFailWriter{left: 3000}
	_, err = StreamEgoCSV(context.Background(), fail, eg, al, ti, network.EgoCSVOptions{}, DefaultSpecs(), StreamOptions{Batch: 16}, WriteOptions{})
	assert.ErrorIs(t, err, errStreamFull)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = StreamEgoCSV(ctx, &out, eg, al, ti, network.EgoCSVOptions{}, DefaultSpecs(), StreamOptions{}, WriteOptions{})
	assert.ErrorIs(t, err, context.Canceled)
}

var errStreamFull = errors.New("disk full")

// streamFailWriter takes left bytes, then fails.
type streamFailWriter struct{ left int }

func (w *streamFailWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errStreamFull
	}
	w.left -= len(p)
	return len(p), nil
}

// TestAppendValueDigits: appendValueDigits gives FormatValueDigits' text
// for special values and seeded random bit patterns, at every precision.
func TestAppendValueDigits(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-300, -4.199999999999999, 1 << 53, 1<<53 + 2, 1e300, math.NaN(), math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, -1e-320}
	rng := rand.New(rand.NewPCG(5, 17))
	for range 2000 {
		xs = append(xs, math.Float64frombits(rng.Uint64()), rng.NormFloat64()*1e3, float64(rng.IntN(1000))/7)
	}
	for _, d := range []int{-1, 0, 1, 3, 15, 17, 18} {
		for _, x := range xs {
			require.Equal(t, FormatValueDigits(x, d), string(appendValueDigits([]byte("k,"), x, d)[2:]), "x=%v digits=%d", x, d)
		}
	}
}

// TestAppendCSVField: encoding/csv's Writer's text for awkward fields.
func TestAppendCSVField(t *testing.T) {
	for _, f := range []string{"", "a", "a,b", `a"b`, " a", "\ta", "a b", "a\nb", "a\rb", `\.`, "é", "\u00a0x", "x\u00a0", "E12"} {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		require.NoError(t, w.Write([]string{f}))
		w.Flush()
		assert.Equal(t, strings.TrimSuffix(b.String(), "\n"), string(appendCSVField(nil, f)), "field %q", f)
	}
}

// TestOfEgoGraph: OfEgoGraph equals Structural on the graph the EgoGraph
// stands for (bit for bit) and Of on the EgoNet it came from, also for
// ties that are not canonical.
func TestOfEgoGraph(t *testing.T) {
	ds := randomStudy(7, 200)
	for _, directed := range []bool{false, true} {
		ds.Directed = directed
		for _, e := range ds.Egos {
			g := network.EgoGraph{ID: e.ID, Directed: directed}
			for _, a := range e.Alters {
				g.AlterWeights = append(g.AlterWeights, a.Weight)
			}
			for _, t := range e.Ties {
				g.Ties = append(g.Ties, network.EgoTie{From: int32(t.From), To: int32(t.To), Weight: t.Weight})
			}
			want := Of(e)
			assertBitsEqual(t, want, OfEgoGraph(&g), e.ID)
			assertBitsEqual(t, Structural(g.Graph(), g.Size()), OfEgoGraph(&g), e.ID)
			if len(g.Ties) > 0 {
				// Reversed and repeated: the slow way, the same graph
				// (a repeated tie of weight w and one of 0 sum to w).
				rev := g
				rev.Ties = append([]network.EgoTie(nil), g.Ties...)
				for i, j := 0, len(rev.Ties)-1; i < j; i, j = i+1, j-1 {
					rev.Ties[i], rev.Ties[j] = rev.Ties[j], rev.Ties[i]
				}
				rev.Ties = append(rev.Ties, network.EgoTie{From: rev.Ties[0].From, To: rev.Ties[0].To, Weight: 0})
				assertBitsEqual(t, Structural(rev.Graph(), rev.Size()), OfEgoGraph(&rev), e.ID+" reversed")
			}
		}
	}
}

// assertBitsEqual fails unless every measure of got has the bits of
// want's (NaN equal to NaN).
func assertBitsEqual(t *testing.T, want, got Stats, what string) {
	t.Helper()
	g := statsFields(got)
	for name, w := range statsFields(want) {
		if math.Float64bits(w) != math.Float64bits(g[name]) && !(math.IsNaN(w) && math.IsNaN(g[name])) {
			t.Fatalf("%s: %s got %v, want %v", what, name, g[name], w)
		}
	}
}

// BenchmarkStreamEgoCSV measures the survey path on a seeded study of
// 2,000 egos (0–12 alters each), all eleven default measures, CSV to
// io.Discard; allocations per op show what is left per ego.
func BenchmarkStreamEgoCSV(b *testing.B) {
	eg, al, ti := writeStudy(b, 1, 2000)
	specs := DefaultSpecs()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := StreamEgoCSV(context.Background(), io.Discard, eg, al, ti, network.EgoCSVOptions{AlterWeight: "weight"}, specs, StreamOptions{}, WriteOptions{Digits: 15}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOfEgoGraph measures one ego of 20 alters and 57 ties (density
// 0.3), the study's typical ego: no allocation once the scratch has grown.
func BenchmarkOfEgoGraph(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 3))
	g := network.EgoGraph{AlterWeights: make([]float64, 20)}
	for j := range g.AlterWeights {
		g.AlterWeights[j] = 1
		for k := j + 1; k < 20; k++ {
			if rng.Float64() < 0.3 {
				g.Ties = append(g.Ties, network.EgoTie{From: int32(j), To: int32(k), Weight: float64(1 + rng.IntN(3))})
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		OfEgoGraph(&g)
	}
}

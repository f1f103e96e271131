package network

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Property tests of the readers and writers on seeded random models:
// reading what the writer wrote gives the same model, and the Report counts
// exactly the repairs that were planted in the input.

// awkward are IDs and values a writer must quote or keep exactly: commas,
// quotes, newlines, semicolons, tabs, non-ASCII letters, numbers written in
// several ways, and words that look like missing values but are not.
var awkward = []string{
	"plain", "Smith, J.", `say "hi"`, "two\nlines", "semi;colon", "tab\there", "Zoë", "李", "1", "1.50", "-0",
	"1e3", "007", "N/A", "na", "#", "'quoted'", `"`, ",", "x y",
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// genDataset draws a study with awkward IDs and values, waves or not,
// directed or not, weighted or not, with egos of 0 to 7 alters.
func genDataset(t testing.TB, r *rand.Rand) (*Dataset, EgoCSVOptions) {
	var opt EgoCSVOptions
	opt.Directed = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		opt.Wave = "wave"
	}
	alterW, tieW := r.IntN(2) == 0, r.IntN(2) == 0
	if alterW {
		opt.AlterWeight = "closeness"
	}
	b := NewDatasetBuilder(DatasetOptions{Directed: opt.Directed, AlterWeighted: alterW, TieWeighted: tieW, WaveColumn: opt.Wave})
	es, as, ts := b.EgoAttrs(), b.AlterAttrs(), b.TieAttrs()
	values := append([]string{"", "NA"}, awkward...)
	type key struct{ id, wave string }
	var egos []key
	for i := range 1 + r.IntN(5) {
		k := key{id: pick(r, awkward) + "#" + strconv.Itoa(i)}
		if opt.Wave != "" {
			k.wave = strconv.Itoa(1 + r.IntN(2))
		}
		egos = append(egos, k)
		require.NoError(t, b.AddEgo(k.id, k.wave, NewAttrs(es, map[string]string{"sex": pick(r, values), "age": strconv.Itoa(r.IntN(90))})))
	}
	for _, k := range egos {
		n := r.IntN(8)
		ids := make([]string, n)
		for a := range n {
			ids[a] = pick(r, awkward) + "@" + strconv.Itoa(a)
			w := 1.0
			if alterW {
				w = float64(r.IntN(5)) / 2
			}
			require.NoError(t, b.AddAlter(k.id, k.wave, ids[a], w, NewAttrs(as, map[string]string{"role": pick(r, values), "score": pick(r, []string{"1", "2.5", "NA", "-3e-2"})})))
		}
		for i := range n {
			for j := range n {
				if i == j || (!opt.Directed && j < i) || r.IntN(3) > 0 {
					continue
				}
				w := 1.0
				if tieW {
					w = r.Float64() * 10 // full-precision weights must survive the text round trip
				}
				require.NoError(t, b.AddTie(k.id, k.wave, ids[i], ids[j], w, NewAttrs(ts, map[string]string{"kind": pick(r, values)})))
			}
		}
	}
	ds, _ := b.Build()
	require.NoError(t, validateDataset(ds))
	return ds, opt
}

func TestPropertyEgoCSVRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 300 {
		ds, opt := genDataset(t, r)
		if r.IntN(4) == 0 {
			opt.Comma = ';'
		}
		t.Run(strconv.Itoa(trial), func(t *testing.T) { checkEgoRoundTrip(t, ds, opt, false) })
	}
}

// genGraph draws a whole network with awkward labels, isolates, node
// attributes with missing values, directed or not, weighted or not.
func genGraph(t testing.TB, r *rand.Rand) *Graph {
	directed, weighted := r.IntN(2) == 0, r.IntN(2) == 0
	b := NewBuilder(directed, weighted)
	n := 1 + r.IntN(30)
	values := append([]string{"", "NA"}, awkward...)
	for i := range n {
		u := b.LookupOrAdd(pick(r, awkward) + "/" + strconv.Itoa(i))
		if r.IntN(3) > 0 {
			b.SetAttr(u, "group", ParseValue(pick(r, values)))
		}
		b.SetAttr(u, "score", ParseValue(strconv.FormatFloat(r.NormFloat64(), 'g', -1, 64)))
	}
	for range r.IntN(3 * n) {
		u, v := r.IntN(n), r.IntN(n)
		if u == v {
			continue
		}
		require.NoError(t, b.AddEdge(u, v, r.ExpFloat64()))
	}
	g, _ := b.Build()
	require.NoError(t, validateGraph(g))
	return g
}

func TestPropertyEdgeListRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for trial := range 300 {
		g := genGraph(t, r)
		t.Run(strconv.Itoa(trial), func(t *testing.T) { checkEdgeRoundTrip(t, g, g.Directed()) })
	}
}

func TestPropertyGraphMLRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for trial := range 200 {
		g := genGraph(t, r)
		t.Run(strconv.Itoa(trial), func(t *testing.T) { checkGraphMLRoundTrip(t, g, false) })
	}
}

// The Report counts exactly the self-loops, duplicates and byte-order marks
// planted in a random edge list, and the graph has one edge per distinct pair.
func TestPropertyEdgeListReportCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for trial := range 200 {
		directed := r.IntN(2) == 0
		n := 2 + r.IntN(20)
		type pair struct{ u, v int }
		seen := map[pair]bool{}
		var dirty []string
		selfLoops, dups := 0, 0
		for range r.IntN(40) {
			u, v := r.IntN(n), r.IntN(n)
			row := fmt.Sprintf("n%d,n%d", u, v)
			if u == v {
				selfLoops++
				dirty = append(dirty, row)
				continue
			}
			p := pair{u, v}
			if !directed && u > v {
				p = pair{v, u}
			}
			if seen[p] {
				dups++
			}
			seen[p] = true
			dirty = append(dirty, row)
		}
		bom := r.IntN(2) == 0
		text := "source,target\n" + strings.Join(dirty, "\n") + "\n"
		if bom {
			text = "\xef\xbb\xbf" + text
		}
		if len(dirty) == 0 {
			continue // an edge list without edges and without a node file is an error, tested elsewhere
		}
		in, err := NewInput("edges.csv", strings.NewReader(text), false)
		require.NoError(t, err)
		g, rep, err := ReadEdgeListFrom(in, nil, EdgeListOptions{Directed: directed})
		require.NoError(t, err)
		assert.Equal(t, selfLoops, rep.Count(RepairSelfLoops), "trial %d: self-loops", trial)
		assert.Equal(t, dups, rep.Count(RepairDuplicates), "trial %d: duplicates", trial)
		wantBOM := 0
		if bom {
			wantBOM = 1
		}
		assert.Equal(t, wantBOM, rep.Count(RepairBOM), "trial %d: BOM", trial)
		assert.Equal(t, len(seen), g.Size(), "trial %d: edges after merging", trial)
	}
}

// The same for the ego CSV reader: self-ties, duplicate ties (with equal
// attributes, so they merge) and byte-order marks in each of the three files.
func TestPropertyEgoCSVReportCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	for trial := range 200 {
		directed := r.IntN(2) == 0
		var egos, alters, ties strings.Builder
		egos.WriteString("egoID\n")
		alters.WriteString("egoID,alterID\n")
		ties.WriteString("egoID,Source,Target,weight\n")
		selfLoops, dups, distinct := 0, 0, 0
		for e := range 1 + r.IntN(4) {
			fmt.Fprintf(&egos, "e%d\n", e)
			n := r.IntN(6)
			for a := range n {
				fmt.Fprintf(&alters, "e%d,a%d\n", e, a)
			}
			if n == 0 {
				continue
			}
			type pair struct{ u, v int }
			seen := map[pair]bool{}
			for range r.IntN(12) {
				u, v := r.IntN(n), r.IntN(n)
				fmt.Fprintf(&ties, "e%d,a%d,a%d,%d\n", e, u, v, 1+r.IntN(3))
				switch p := (pair{min(u, v), max(u, v)}); {
				case u == v:
					selfLoops++
				case directed && seen[pair{u, v}], !directed && seen[p]:
					dups++
				default:
					distinct++
					if directed {
						seen[pair{u, v}] = true
					} else {
						seen[p] = true
					}
				}
			}
		}
		boms := [3]bool{r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(2) == 0}
		texts := [3]string{egos.String(), alters.String(), ties.String()}
		wantBOM := 0
		for i := range texts {
			if boms[i] {
				texts[i] = "\xef\xbb\xbf" + texts[i]
				wantBOM++
			}
		}
		ds, rep, err := readEgoBytes([]byte(texts[0]), []byte(texts[1]), []byte(texts[2]), EgoCSVOptions{Directed: directed})
		require.NoError(t, err)
		assert.Equal(t, selfLoops, rep.Count(RepairSelfLoops), "trial %d: self-ties", trial)
		assert.Equal(t, dups, rep.Count(RepairDuplicates), "trial %d: duplicates", trial)
		assert.Equal(t, wantBOM, rep.Count(RepairBOM), "trial %d: BOMs", trial)
		got := 0
		for _, e := range ds.Egos {
			got += len(e.Ties)
		}
		assert.Equal(t, distinct, got, "trial %d: ties after merging", trial)
	}
}

// edgeGen generates an edge list of about size bytes without holding it:
// rows "n<u>,n<v>" over nodes nodes, drawn from a seeded generator.
type edgeGen struct {
	r       *rand.Rand
	nodes   int
	left    int
	buf     []byte
	started bool
	rows    int
}

func (g *edgeGen) Read(p []byte) (int, error) {
	if !g.started {
		g.buf = append(g.buf, "source,target\n"...)
		g.started = true
	}
	for len(g.buf) < len(p) && g.left > 0 {
		before := len(g.buf)
		g.buf = fmt.Appendf(g.buf, "n%d,n%d\n", g.r.IntN(g.nodes), g.r.IntN(g.nodes))
		g.left -= len(g.buf) - before
		g.rows++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

// The edge list reader streams: reading a ~50 MB edge list holds the graph
// being built and nothing proportional to the text. What it may hold at its
// peak (in Build): the endpoints of every row (8 bytes), the CSR rows being
// filled (8 bytes per undirected edge) and offsets, plus each node's label
// and index entry. The test allows 32 bytes per row and 128 bytes per node,
// sampling the heap while reading with the collector kept tight; a reader
// that kept the text (15 bytes per row here) or a []string per record (over
// 50 bytes per row) would exceed it.
func TestEdgeListStreamsWithBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a generated 50 MB edge list")
	}
	size := 50 << 20
	if raceEnabled {
		size = 8 << 20 // the race detector makes parsing ~10 times slower
	}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)

	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	}()
	gen := &edgeGen{r: rand.New(rand.NewPCG(21, 22)), nodes: 200_000, left: size}
	in, err := NewInput("big.csv", gen, false)
	require.NoError(t, err)
	g, _, err := ReadEdgeListFrom(in, nil, EdgeListOptions{})
	close(stop)
	wg.Wait()
	require.NoError(t, err)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > peak.Load() {
		peak.Store(after.HeapAlloc)
	}
	growth := int64(peak.Load()) - int64(base.HeapAlloc)
	t.Logf("%d rows (%d MiB of text), %d nodes, %d edges: peak heap growth %.1f MB (%.1f bytes per row), graph adjacency %.1f MB",
		gen.rows, size>>20, g.Order(), g.Size(), float64(growth)/(1<<20), float64(growth)/float64(gen.rows), float64(g.Bytes())/(1<<20))
	limit := int64(32*gen.rows + 128*g.Order())
	assert.Less(t, growth, limit, "peak heap growth %d bytes, limit %d (32 per row, 128 per node)", growth, limit)
	runtime.KeepAlive(g)
}

// The writers write nothing and return an error, rather than files that
// would not read back as the same data, when an attribute's name clashes
// with a key or weight column. Such names cannot come from the CSV readers
// (they would have been read as keys or weights) but can from GraphML,
// Network Canvas or code.
func TestWritersRefuseUnreadableOutput(t *testing.T) {
	build := func(alterAttr, tieAttr string, tieWeighted bool) *Dataset {
		b := NewDatasetBuilder(DatasetOptions{TieWeighted: tieWeighted})
		require.NoError(t, b.AddEgo("e1", "", nil))
		require.NoError(t, b.AddAlter("e1", "", "a", 1, NewAttrs(b.AlterAttrs(), map[string]string{alterAttr: "x"})))
		require.NoError(t, b.AddAlter("e1", "", "b", 1, nil))
		require.NoError(t, b.AddTie("e1", "", "a", "b", 2, NewAttrs(b.TieAttrs(), map[string]string{tieAttr: "strong"})))
		ds, _ := b.Build()
		return ds
	}
	cases := []struct {
		name string
		ds   *Dataset
		opt  EgoCSVOptions
		want string // "" when the write must succeed
	}{
		{"ordinary names", build("role", "kind", false), EgoCSVOptions{}, ""},
		{"alter attribute named like the alter ID column", build("alterID", "kind", false), EgoCSVOptions{}, `alters.csv would have two columns named "alterID"`},
		{"tie attribute named like the ego ID column", build("role", "egoID", false), EgoCSVOptions{}, `aaties.csv would have two columns named "egoID"`},
		{"weighted ties and a tie attribute named weight", build("role", "weight", true), EgoCSVOptions{}, `aaties.csv would have two columns named "weight"`},
		{"unweighted ties and a tie attribute named weight", build("role", "weight", false), EgoCSVOptions{}, `the tie attribute "weight" would be read back as the tie weight`},
		{"the same, written with --weight -", build("role", "weight", false), EgoCSVOptions{Weight: "-"}, `the tie attribute "weight" would be read back as the tie weight, or ignored with the weight column "-"`},
		{"an alter attribute named like the alter weight column", build("closeness", "kind", false), EgoCSVOptions{AlterWeight: "closeness"}, `the alter attribute "closeness" would be read back as the ego–alter weight`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var eb, ab, tb bytes.Buffer
			err := WriteEgoCSV(&eb, &ab, &tb, c.ds, c.opt)
			if c.want == "" {
				require.NoError(t, err)
				checkEgoRoundTrip(t, c.ds, c.opt, false)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Zero(t, eb.Len()+ab.Len()+tb.Len(), "nothing written")
			dir := t.TempDir() + "/out"
			require.Error(t, WriteEgoCSVDir(dir, c.ds, c.opt))
			assert.NoDirExists(t, dir, "WriteEgoCSVDir creates nothing")
		})
	}

	b := NewBuilder(false, false)
	u := b.LookupOrAdd("a")
	b.SetAttr(u, "ID", TextValue("x"))
	g, _ := b.Build()
	var eb, nb bytes.Buffer
	err := WriteEdgeList(&eb, &nb, g)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `the node attribute "ID" would clash with the node file's id column`)
	assert.Zero(t, eb.Len()+nb.Len(), "nothing written")
	require.NoError(t, WriteEdgeList(&eb, nil, g), "without a node file there is no clash")
	dir := t.TempDir() + "/out"
	require.Error(t, WriteEdgeListDir(dir, g))
	assert.NoDirExists(t, dir)
}

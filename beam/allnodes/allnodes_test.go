package allnodes

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// TestMain runs the pipelines on Beam's local runner, prism (ptest's
// default; --runner picks another).
func TestMain(m *testing.M) { ptest.Main(m) }

// every is every measure the pipeline computes, in the order of Supported.
var every = strings.Join(Supported(), ",")

// run runs the pipeline on edges (the CSV text) with opt, and returns the
// output file's text.
func run(t *testing.T, edges string, opt Options) string {
	t.Helper()
	dir := t.TempDir()
	opt.Edges = filepath.Join(dir, "edges.csv")
	require.NoError(t, os.WriteFile(opt.Edges, []byte(edges), 0o644))
	opt.Out = filepath.Join(dir, "out."+map[bool]string{true: "json", false: "csv"}[opt.Format == "json"])
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(context.Background(), s, opt))
	require.NoError(t, ptest.Run(p))
	b, err := os.ReadFile(opt.Out)
	require.NoError(t, err)
	return string(b)
}

// reference is the table sociogram nodes computes (measures.NodeTable on
// network.ReadEdgeList), the reference every test compares against.
func reference(t *testing.T, edges, weight, list string) *measures.Table {
	t.Helper()
	path := filepath.Join(t.TempDir(), "edges.csv")
	require.NoError(t, os.WriteFile(path, []byte(edges), 0o644))
	g, _, err := network.ReadEdgeList(path, "", network.EdgeListOptions{Weight: weight})
	require.NoError(t, err)
	specs, err := measures.ParseList(list)
	require.NoError(t, err)
	tab, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{})
	require.NoError(t, err)
	return tab
}

// agree checks that the pipeline's CSV equals the reference table: the
// same header and nodes in the same order, values within 1e-9 (relative
// to values above 1), NA where the reference is NaN. It returns the
// largest absolute difference.
func agree(t *testing.T, got string, want *measures.Table) float64 {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, append([]string{"node"}, want.Columns...), recs[0], "header")
	require.Equal(t, want.Len(), len(recs)-1, "rows: got %d want %d", len(recs)-1, want.Len())
	worst := 0.0
	for r, rec := range recs[1:] {
		require.Equal(t, want.Keys[r][0], rec[0], "row %d: node order", r+1)
		for c, s := range rec[1:] {
			w := want.Values[r][c]
			if math.IsNaN(w) {
				assert.Equal(t, "NA", s, "node %s %s: got %s want NA", rec[0], want.Columns[c], s)
				continue
			}
			x, err := strconv.ParseFloat(s, 64)
			require.NoError(t, err, "node %s %s: %q", rec[0], want.Columns[c], s)
			d := math.Abs(x - w)
			worst = max(worst, d)
			assert.LessOrEqual(t, d, 1e-9*max(1, math.Abs(w)), "node %s %s: got %v want %v", rec[0], want.Columns[c], x, w)
		}
	}
	return worst
}

// ba writes a seeded Barabási–Albert-like edge list: nodes join one by
// one and tie to k earlier nodes picked with probability proportional to
// degree (by picking a random end of a random earlier tie), so a few
// hubs get degrees in the hundreds. With weighted, each tie gets a
// weight 1..5; ends are swapped at random, so ties come in both
// directions.
func ba(seed uint64, n, k int, weighted bool) string {
	r := rand.New(rand.NewPCG(seed, 17))
	var ends []int
	var b strings.Builder
	if weighted {
		b.WriteString("source,target,weight\n")
	} else {
		b.WriteString("source,target\n")
	}
	for v := 1; v < n; v++ {
		for i := 0; i < k; i++ {
			u := 0
			if len(ends) > 0 && r.IntN(10) > 0 {
				u = ends[r.IntN(len(ends))]
			} else {
				u = r.IntN(v)
			}
			a, c := v, u
			if r.IntN(2) == 0 {
				a, c = c, a
			}
			fmt.Fprintf(&b, "n%d,n%d", a, c)
			if weighted {
				fmt.Fprintf(&b, ",%d", 1+r.IntN(5))
			}
			b.WriteByte('\n')
			ends = append(ends, u, v)
		}
	}
	return b.String()
}

// TestGenerated10k: a weighted graph of 10,000 edge lines (2,001 nodes,
// hubs of degree > 100, duplicate ties from repeated picks) read in 4 KiB
// chunks with every node of degree above 20 split into salted keys: every
// measure equals sociogram nodes' to 1e-9.
func TestGenerated10k(t *testing.T) {
	edges := ba(1, 2001, 5, true)
	got := run(t, edges, Options{Measures: every, HotDegree: 20, ChunkBytes: 4096, Digits: 17})
	worst := agree(t, got, reference(t, edges, "", every))
	t.Logf("10k edges: max abs diff %g", worst)
}

// TestGenerated100k: an unweighted graph of 100,000 edge lines (20,001
// nodes), the default eleven measures, default chunks and hot degree 200.
func TestGenerated100k(t *testing.T) {
	if testing.Short() {
		t.Skip("100k edges: about a minute on 2 cores")
	}
	edges := ba(2, 20001, 5, false)
	got := run(t, edges, Options{HotDegree: 200, Digits: 17})
	worst := agree(t, got, reference(t, edges, "", strings.Join(names(measures.DefaultSpecs()), ",")))
	t.Logf("100k edges: max abs diff %g", worst)
}

func names(specs []measures.Spec) []string {
	var s []string
	for _, sp := range specs {
		s = append(s, sp.Column)
	}
	return s
}

// TestAwkward: small graphs where the cases meet, each against the
// library (the reference), and the hand values that the reference must
// also give.
func TestAwkward(t *testing.T) {
	cases := []struct {
		name, edges, weight string
		hot                 int
		// hand: node → measure → value, derived by hand below.
		hand map[string]map[string]float64
	}{
		// Two nodes: each has one alter, no alter ties: size 1,
		// constraint (p=1)² = 1, effective size 1 − 0 = 1, density and
		// hierarchy NA (n < 2), ego betweenness 0.
		{name: "two nodes", edges: "source,target\na,b\n",
			hand: map[string]map[string]float64{"a": {"size": 1, "constraint": 1, "effective_size": 1, "ego_betweenness": 0}}},
		// Self ties dropped, the self-tie-only node c keeps its row with
		// size 0; a–b given three times (both directions) merges to one
		// tie of weight 1+2+3 = 6.
		{name: "self ties and duplicates", edges: "source,target,weight\na,b,1\nb,a,2\nc,c,5\na,b,3\nb,b,1\nb,d,2\n",
			hand: map[string]map[string]float64{"c": {"size": 0, "components": 0, "ego_betweenness": 0},
				// b: alters a (w 6) and d (w 2), S = 8, no alter tie:
				// constraint (6/8)² + (2/8)² = 0.625.
				"b": {"size": 2, "constraint": 0.625, "brokerage": 1, "ego_betweenness": 1}}},
		// A triangle: constraint 2 × (1/2 + 1/4)² = 1.125 (Burt; the
		// SPEC's check value), effective size 2 − 2·1/2 = 1.
		{name: "triangle", edges: "source,target\na,b\nb,c\nc,a\n",
			hand: map[string]map[string]float64{"a": {"constraint": 1.125, "effective_size": 1, "ties": 1, "ego_betweenness": 0}}},
		// A star of 4 leaves and one leaf–leaf tie, with the hub split
		// into salted keys (hot degree 1): hub h has n = 4, ties 1,
		// components 3, isolates 2, brokerage 6 − 1 = 5; ego
		// betweenness: the non-adjacent pairs, none with a common alter,
		// add 1 each = 5.
		{name: "star with a salted hub", edges: "source,target\nh,1\nh,2\nh,3\nh,4\n1,2\n", hot: 1,
			hand: map[string]map[string]float64{"h": {"size": 4, "ties": 1, "components": 3, "isolates": 2, "brokerage": 5, "ego_betweenness": 5}}},
		// A 4-cycle a–b–c–d plus chord a–c: ego a has alters b, c, d with
		// ties b–c, c–d; pair {b,d} is non-adjacent with one common alter
		// (c), so ego betweenness 1/(1+1) = 0.5.
		{name: "two paths through an alter", edges: "source,target\na,b\nb,c\nc,d\nd,a\na,c\n",
			hand: map[string]map[string]float64{"a": {"ego_betweenness": 0.5, "components": 1, "isolates": 0}}},
		// Zero weights: node z's ties both weigh 0, so S_z = 0 and p is
		// 0 (the engine's 1/S taken as 0): constraint 0, hierarchy NA.
		{name: "zero weights", edges: "source;target;weight\nz;a;0\nz;b;0\na;b;1\n",
			hand: map[string]map[string]float64{"z": {"constraint": 0, "size": 2}}},
		// Quoted IDs with the delimiter inside, spaces trimmed, a blank
		// line, CRLF line ends.
		{name: "quoted and CRLF", edges: "Source,Target\r\n\"x,1\", y\r\n\r\ny,z\r\n",
			hand: map[string]map[string]float64{"y": {"size": 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := run(t, c.edges, Options{Measures: every, Weight: c.weight, HotDegree: c.hot, ChunkBytes: 7})
			want := reference(t, c.edges, c.weight, every)
			agree(t, got, want)
			for node, ms := range c.hand {
				v, ok := 0, false
				for r := range want.Keys {
					if want.Keys[r][0] == node {
						v, ok = r, true
					}
				}
				require.True(t, ok, node)
				for m, x := range ms {
					assert.InDelta(t, x, want.Values[v][want.Column(m)], 1e-12, "%s %s: reference got %v, hand %v", node, m, want.Values[v][want.Column(m)], x)
				}
			}
		})
	}
}

// TestJSON: --format json writes what the library's JSON writer writes,
// byte for byte, for a graph whose values are exact in binary (the
// star: sums of 1/4s), and the same numbers as the CSV.
func TestJSON(t *testing.T) {
	edges := "source,target\nh,a\nh,b\nh,c\nh,d\n"
	got := run(t, edges, Options{Format: "json", Measures: "size,constraint,ego_betweenness,hierarchy"})
	want := reference(t, edges, "", "size,constraint,ego_betweenness,hierarchy")
	var b strings.Builder
	require.NoError(t, want.WriteJSONWith(&b, measures.WriteOptions{Digits: 15}))
	assert.Equal(t, b.String(), got)
}

// TestErrors: bad input is one error naming the file and line; nothing
// panics.
func TestErrors(t *testing.T) {
	cases := []struct {
		name, edges string
		opt         Options
		want        string // after the file name
	}{
		{"no target column", "source,to\na,b\n", Options{}, `:1: no column "target"`},
		{"weight column named but absent", "source,target\na,b\n", Options{Weight: "w"}, `:1: no column "w"`},
		{"empty file", "", Options{}, ":1: empty file"},
		{"no edges", "source,target\n", Options{}, ":1: no edges after the header"},
		{"measure of attributes", "source,target\na,b\n", Options{Measures: "size,blau(sex)"}, `measure "blau(sex)" is not computed`},
		{"unknown format", "source,target\na,b\n", Options{Format: "xml"}, `format "xml"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.opt.Edges = filepath.Join(dir, "edges.csv")
			c.opt.Out = filepath.Join(dir, "out.csv")
			require.NoError(t, os.WriteFile(c.opt.Edges, []byte(c.edges), 0o644))
			_, s := beam.NewPipelineWithRoot()
			err := Build(context.Background(), s, c.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
	// Errors in the rows come from the workers, with the line number.
	rows := []struct {
		name, edges, want string
	}{
		{"negative weight", "source,target,weight\na,b,1\n\nb,c,-2\n", `:4: column "weight": bad weight: -2 (want a finite number ≥ 0)`},
		{"weight not a number", "source,target,weight\na,b,x\n", `:2: column "weight": bad weight: "x" is not a number`},
		{"missing field", "source,target\na,b\nc\n", ":3: 1 fields, the header has 2"},
		{"NA node", "source,target\na,NA\n", `:2: column "target": node ID is "NA", a missing value`},
		{"quote past the line", "source,target\n\"a\nb\",c\n", ":2: a quoted field runs past the end of the line (the Beam pipeline reads one line per row)"},
	}
	for _, c := range rows {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			opt := Options{Edges: filepath.Join(dir, "edges.csv"), Out: filepath.Join(dir, "out.csv")}
			require.NoError(t, os.WriteFile(opt.Edges, []byte(c.edges), 0o644))
			p, s := beam.NewPipelineWithRoot()
			require.NoError(t, Build(context.Background(), s, opt))
			err := ptest.Run(p)
			require.Error(t, err)
			// The runner's report is many lines; Located finds the
			// worker's one line, whole.
			assert.Equal(t, opt.Edges+c.want, Located(err, opt.Edges))
			assert.NoFileExists(t, opt.Out)
		})
	}
}

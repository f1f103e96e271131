package network

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// graphsOf collects copies of the EgoGraphs a stream passes on.
func graphsOf(stream func(fn func(*EgoGraph) error) (Report, error)) ([]EgoGraph, Report, error) {
	var out []EgoGraph
	rep, err := stream(func(g *EgoGraph) error {
		c := *g
		c.AlterWeights = append([]float64(nil), g.AlterWeights...)
		c.Ties = append([]EgoTie(nil), g.Ties...)
		out = append(out, c)
		return nil
	})
	return out, rep, err
}

// exactGraphs is what StreamEgoGraphs must give: StreamEgoCSV's EgoNets,
// restricted to the node types kept, as EgoGraphs.
func exactGraphs(egos, alters, ties string, opt EgoCSVOptions, gopt EgoGraphOptions) ([]EgoGraph, Report, error) {
	return graphsOf(func(fn func(*EgoGraph) error) (Report, error) {
		var g EgoGraph
		return StreamEgoCSV(egos, alters, ties, opt, func(e *EgoNet) error {
			g.set(e.OfNodeTypes(gopt.nodeColumn(), gopt.Keep))
			return fn(&g)
		})
	})
}

// paths returns the three table paths of dir; ties "" when there is none.
func paths(dir string, files map[string]string) (egos, alters, ties string) {
	for name := range files {
		p := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "egos"):
			egos = p
		case strings.HasPrefix(name, "alters"):
			alters = p
		case strings.HasPrefix(name, "aaties"):
			ties = p
		}
	}
	return egos, alters, ties
}

// awkward is a study of awkward egos, each row's purpose said beside it:
// E0 has no row in alters.csv; E1 one alter and no tie; E2 two alters
// tied twice (a duplicate, weights 2 + 3 summed) and once to itself; E3
// four alters with an isolate (d), a self-tie and weights; E4 appears in
// no table but egos.csv; E5 has a quoted ID with a comma.
const (
	awkEgos   = "egoID,sex\nE0,f\nE1,m\nE2,NA\nE3,f\nE4,\n\"E,5\",m\n"
	awkAlters = "egoID,alterID,sex,closeness\nE1,a,f,1\nE2,a,m,NA\nE2,b,,2\nE3,a,f,1\nE3,b,m,2\nE3,c,f,3\nE3,d,NA,1\n\"E,5\",\"x \"\"y\"\"\",f,1\n\"E,5\",z,m,2\n"
	awkTies   = "egoID,Source,Target,weight\nE2,a,b,2\nE2,b,a,3\nE2,a,a,1\nE3,a,b,1\nE3,c,b,0.5\nE3,c,c,4\nE3,a,c,2.25\n\"E,5\",\"x \"\"y\"\"\",z,1e3\n"
)

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// TestStreamEgoGraphsSameAsExact checks StreamEgoGraphs against
// StreamEgoCSV on awkward studies: the same EgoGraphs (alters, ties and
// weights, bit for bit), the same Report. fast says whether the fast path
// reads the study itself (else it hands over to StreamEgoCSV, which the
// result must not show).
func TestStreamEgoGraphsSameAsExact(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opt   EgoCSVOptions
		gopt  EgoGraphOptions
		fast  bool
	}{
		{"awkward", map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters, "aaties.csv": awkTies}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"directed", map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters, "aaties.csv": awkTies}, EgoCSVOptions{Directed: true}, EgoGraphOptions{}, true},
		{"unweighted", map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters, "aaties.csv": awkTies}, EgoCSVOptions{Weight: "-"}, EgoGraphOptions{}, true},
		{"CRLF", map[string]string{"egos.csv": crlf(awkEgos), "alters.csv": crlf(awkAlters), "aaties.csv": crlf(awkTies)}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"BOM, gzip, empty lines, no final line feed", map[string]string{"egos.csv": "\xEF\xBB\xBF" + awkEgos, "alters.csv.gz": "\n" + strings.Replace(awkAlters, "E3,a,f,1\n", "E3,a,f,1\n\r\n\n", 1), "aaties.csv": strings.TrimSuffix(awkTies, "\n")}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"no ties file", map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"quoted line break and egor's names", map[string]string{
			"egos.csv":   ".egoID,note\n1,\"two\r\nlines\"\n2,\"\"\n",
			"alters.csv": ".egoID,.altID,note\n1,p,\"a\nb\"\n1,q,x\n1,r,\"\"\"\"\n2,p,y\n",
			"aaties.csv": ".egoID,.srcID,.tgtID\n1,p,q\n1,\"q\",\"r\"\n2,p,p\n"}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"R row names and write.csv2", map[string]string{
			"egos.csv":   "\"\";\"egoID\"\n\"1\";\"E1\"\n\"2\";\"E2\"\n",
			"alters.csv": "\"\";\"egoID\";\"alterID\";\"w\"\n\"1\";\"E1\";\"a\";\"1,5\"\n\"2\";\"E1\";\"b\";\"2\"\n\"3\";\"E2\";\"a\";\"0,25\"\n",
			"aaties.csv": "\"\";\"egoID\";\"Source\";\"Target\";\"weight\"\n\"1\";\"E1\";\"a\";\"b\";\"3,5\"\n"}, EgoCSVOptions{AlterWeight: "w"}, EgoGraphOptions{}, true},
		{"missing weights dropped and filled", map[string]string{
			"egos.csv":   "egoID\nE1\nE2\n",
			"alters.csv": "egoID,alterID,w\nE1,a,1\nE1,b,NA\nE1,c,2\nE2,a,\nE2,b,3\n",
			"aaties.csv": "egoID,Source,Target,weight\nE1,a,b,1\nE1,a,c,NA\nE1,c,a,2\nE2,a,b,1\n"},
			EgoCSVOptions{AlterWeight: "w", MissingAlterWeight: MissingWeight{Action: MissingDrop}, MissingWeight: MissingWeight{Action: MissingFill, Value: 0.5}}, EgoGraphOptions{}, true},
		{"waves", map[string]string{
			"egos.csv":   "egoID,wave\nE1,1\nE1,2\nE2,1\n",
			"alters.csv": "egoID,wave,alterID\nE1,1,a\nE1,1,b\nE1,2,a\nE2,1,a\nE2,1,b\n",
			"aaties.csv": "egoID,Source,Target,wave\nE1,a,b,1\nE2,b,a,1\n"}, EgoCSVOptions{Wave: "wave"}, EgoGraphOptions{}, true},
		{"waves without a wave column in aaties.csv", map[string]string{
			"egos.csv":   "egoID,wave\nE1,1\nE2,1\n",
			"alters.csv": "egoID,wave,alterID\nE1,1,a\nE1,1,b\nE2,1,a\nE2,1,b\n",
			"aaties.csv": "egoID,Source,Target\nE1,a,b\nE2,b,a\n"}, EgoCSVOptions{Wave: "wave"}, EgoGraphOptions{}, true},
		{"node types: people", map[string]string{
			"egos.csv":   "egoID\nE1\n",
			"alters.csv": "egoID,alterID,type\nE1,a,person\nE1,b,place\nE1,c,NA\nE1,d,\n",
			"aaties.csv": "egoID,Source,Target\nE1,a,b\nE1,a,c\nE1,c,d\nE1,b,d\n"}, EgoCSVOptions{}, EgoGraphOptions{}, true},
		{"node types: all", map[string]string{
			"egos.csv":   "egoID\nE1\n",
			"alters.csv": "egoID,alterID,type\nE1,a,person\nE1,b,place\n",
			"aaties.csv": "egoID,Source,Target\nE1,a,b\n"}, EgoCSVOptions{}, EgoGraphOptions{Keep: mustTypes("all")}, true},
		{"tie attributes hand over", map[string]string{
			"egos.csv":   "egoID\nE1\n",
			"alters.csv": "egoID,alterID\nE1,a\nE1,b\nE1,c\n",
			"aaties.csv": "egoID,Source,Target,type\nE1,a,b,support\nE1,b,a,conflict\nE1,b,c,support\n"}, EgoCSVOptions{}, EgoGraphOptions{}, false},
		{"a bare carriage return inside quotes hands over", map[string]string{
			"egos.csv":   "egoID,note\nE1,\"a\rb\"\n",
			"alters.csv": "egoID,alterID\nE1,a\n"}, EgoCSVOptions{}, EgoGraphOptions{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, tc.files)
			e, a, ti := paths(dir, tc.files)
			want, wantRep, err := exactGraphs(e, a, ti, tc.opt, tc.gopt)
			require.NoError(t, err)
			got, rep, err := graphsOf(func(fn func(*EgoGraph) error) (Report, error) {
				return StreamEgoGraphs(e, a, ti, tc.opt, tc.gopt, fn)
			})
			require.NoError(t, err)
			assert.Equal(t, want, got, "EgoGraphs: got (fast) vs want (StreamEgoCSV)")
			assert.Equal(t, wantRep, rep, "Report")
			_, _, err = graphsOf(func(fn func(*EgoGraph) error) (Report, error) {
				return streamEgoGraphsFast(e, a, ti, tc.opt, tc.gopt, fn)
			})
			if tc.fast {
				assert.NoError(t, err, "the fast path reads this study itself")
			} else {
				assert.ErrorIs(t, err, errHandOver)
			}
		})
	}
}

func mustTypes(s string) NodeTypeSet {
	ts, err := ParseNodeTypes(s)
	if err != nil {
		panic(err)
	}
	return ts
}

// TestStreamEgoGraphsValues spells out one study's EgoGraphs by hand, so
// that the comparison above is not only with itself: the awkward study.
func TestStreamEgoGraphsValues(t *testing.T) {
	files := map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters, "aaties.csv": awkTies}
	dir := writeFiles(t, files)
	e, a, ti := paths(dir, files)
	got, rep, err := graphsOf(func(fn func(*EgoGraph) error) (Report, error) {
		return StreamEgoGraphs(e, a, ti, EgoCSVOptions{}, EgoGraphOptions{}, fn)
	})
	require.NoError(t, err)
	// Alters in the order of alters.csv; ties (From < To) sorted; E2's
	// a–b read as a,b (2) and b,a (3): one tie of weight 5, self-tie
	// dropped; E3: a–b 1, b–c 0.5 (read c,b), a–c 2.25, c–c dropped;
	// "E,5": x "y"–z 1e3. No ego–alter weights: 1.
	want := []EgoGraph{
		{ID: "E0", IDColumn: "egoID", AlterWeights: []float64{}, Ties: []EgoTie{}},
		{ID: "E1", IDColumn: "egoID", AlterWeights: []float64{1}, Ties: []EgoTie{}},
		{ID: "E2", IDColumn: "egoID", AlterWeights: []float64{1, 1}, Ties: []EgoTie{{0, 1, 5}}},
		{ID: "E3", IDColumn: "egoID", AlterWeights: []float64{1, 1, 1, 1}, Ties: []EgoTie{{0, 1, 1}, {0, 2, 2.25}, {1, 2, 0.5}}},
		{ID: "E4", IDColumn: "egoID", AlterWeights: []float64{}, Ties: []EgoTie{}},
		{ID: "E,5", IDColumn: "egoID", AlterWeights: []float64{1, 1}, Ties: []EgoTie{{0, 1, 1000}}},
	}
	for i := range got {
		if len(got[i].AlterWeights) == 0 {
			got[i].AlterWeights = []float64{}
		}
		if len(got[i].Ties) == 0 {
			got[i].Ties = []EgoTie{}
		}
	}
	assert.Equal(t, want, got)
	// Two self-ties (E2 a,a; E3 c,c) and one duplicate (E2 b,a).
	assert.ElementsMatch(t, []Repair{{File: ti, Kind: RepairSelfLoops, Count: 2}, {File: ti, Kind: RepairDuplicates, Count: 1}}, rep.Repairs)
}

// TestStreamEgoGraphsErrors checks that every error is StreamEgoCSV's,
// word for word, after fn has had the same egos.
func TestStreamEgoGraphsErrors(t *testing.T) {
	const egos = "egoID\nE1\nE2\nE3\n"
	const alters = "egoID,alterID,w\nE1,a,1\nE1,b,2\nE2,a,1\nE2,b,1\nE3,a,1\n"
	const ties = "egoID,Source,Target,weight\nE1,a,b,1\nE2,a,b,1\n"
	tests := []struct {
		name               string
		egos, alters, ties string
		opt                EgoCSVOptions
	}{
		{"field count", egos, strings.Replace(alters, "E2,a,1", "E2,a", 1), ties, EgoCSVOptions{}},
		{"bare quote", egos, alters, strings.Replace(ties, "E2,a,b", "E2,a\"x,b", 1), EgoCSVOptions{}},
		{"extraneous quote", egos, alters, strings.Replace(ties, "E2,a,b", "E2,\"a\"x,b", 1), EgoCSVOptions{}},
		{"unclosed quote", egos, alters, ties + "E3,\"a,b,1\n", EgoCSVOptions{}},
		{"invalid UTF-8", egos, strings.Replace(alters, "E2,b", "E2,\xff", 1), ties, EgoCSVOptions{}},
		{"CR-only line ends", egos, strings.ReplaceAll(alters, "\n", "\r"), ties, EgoCSVOptions{}},
		{"unknown ego in alters", egos, alters + "E9,a,1\n", ties, EgoCSVOptions{}},
		{"ungrouped alters", egos, alters + "E1,c,1\n", ties, EgoCSVOptions{}},
		{"ungrouped ties", egos, alters, ties + "E1,a,b,1\n", EgoCSVOptions{}},
		{"unknown alter", egos, alters, strings.Replace(ties, "E2,a,b", "E2,a,z", 1), EgoCSVOptions{}},
		{"alter twice", egos, strings.Replace(alters, "E2,b", "E2,a", 1), ties, EgoCSVOptions{}},
		{"ego twice", egos + "E1\n", alters, ties, EgoCSVOptions{}},
		{"empty alter ID", egos, strings.Replace(alters, "E2,b", "E2, ", 1), ties, EgoCSVOptions{}},
		{"NA ego", "egoID\nE1\nNA\n", "egoID,alterID\nE1,a\n", "", EgoCSVOptions{}},
		{"no egos", "egoID\n", "egoID,alterID\n", "", EgoCSVOptions{}},
		{"bad weight", egos, alters, strings.Replace(ties, "E2,a,b,1", "E2,a,b,x", 1), EgoCSVOptions{}},
		{"negative weight", egos, alters, strings.Replace(ties, "E2,a,b,1", "E2,a,b,-1", 1), EgoCSVOptions{}},
		{"missing weight", egos, alters, strings.Replace(ties, "E2,a,b,1", "E2,a,b,NA", 1), EgoCSVOptions{}},
		{"missing alter weight", egos, strings.Replace(alters, "E2,b,1", "E2,b,", 1), ties, EgoCSVOptions{AlterWeight: "w"}},
		{"duplicates beyond float64", egos, alters, strings.Replace(ties, "E2,a,b,1", "E2,a,b,1e308\nE2,b,a,1e308", 1), EgoCSVOptions{}},
		{"missing column", egos, alters, ties, EgoCSVOptions{AlterWeight: "weight"}},
		{"missing wave", "egoID,wave\nE1,1\nE2,\n", "egoID,alterID\nE1,a\n", "", EgoCSVOptions{Wave: "wave"}},
		{"record too long", egos, alters, ties + "E3," + strings.Repeat("a", 200) + ",a,1\n", EgoCSVOptions{Limits: Limits{MaxRecordBytes: 100}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"egos.csv": tc.egos, "alters.csv": tc.alters}
			if tc.ties != "" {
				files["aaties.csv"] = tc.ties
			}
			dir := writeFiles(t, files)
			e, a, ti := paths(dir, files)
			want, _, wantErr := exactGraphs(e, a, ti, tc.opt, EgoGraphOptions{})
			require.Error(t, wantErr, "the case must be an error")
			got, _, err := graphsOf(func(fn func(*EgoGraph) error) (Report, error) {
				return StreamEgoGraphs(e, a, ti, tc.opt, EgoGraphOptions{}, fn)
			})
			require.Error(t, err)
			assert.Equal(t, wantErr.Error(), err.Error())
			var pe, wpe *ParseError
			if errors.As(wantErr, &wpe) {
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, *wpe, *pe)
			}
			assert.Equal(t, want, got, "fn had the same egos before the error")
		})
	}
}

// TestStreamEgoGraphsStop checks that an error from fn is returned as it
// is and stops the reading.
func TestStreamEgoGraphsStop(t *testing.T) {
	files := map[string]string{"egos.csv": awkEgos, "alters.csv": awkAlters, "aaties.csv": awkTies}
	dir := writeFiles(t, files)
	e, a, ti := paths(dir, files)
	stop := errors.New("stop")
	n := 0
	_, err := StreamEgoGraphs(e, a, ti, EgoCSVOptions{}, EgoGraphOptions{}, func(*EgoGraph) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	assert.Same(t, stop, err)
	assert.Equal(t, 3, n)
}

// TestRecordBound: a record (quoted line breaks included) longer than
// the limit stops the reading; records up to it pass unchanged, whatever
// the blocks they arrive in.
func TestRecordBound(t *testing.T) {
	ok := "a,b\n" + strings.Repeat("x", 10) + "\n\"" + strings.Repeat("y\n", 5) + "\"\n"
	tests := []struct {
		name  string
		text  string
		limit int
		err   bool
	}{
		{"records up to the limit", ok, 12, false},
		{"an unquoted line past it", ok + strings.Repeat("z", 13) + "\n", 12, true},
		{"a last line past it", ok + strings.Repeat("z", 13), 12, true},
		{"quoted lines past it together", "a\n\"" + strings.Repeat("y\n", 7) + "\"\n", 12, true},
		{"a quote in a field does not end the count", "a\nx\"" + strings.Repeat("y", 12) + "\n", 12, true},
	}
	for _, tc := range tests {
		for _, one := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/one byte %v", tc.name, one), func(t *testing.T) {
				var r io.Reader = strings.NewReader(tc.text)
				if one {
					r = iotest.OneByteReader(r)
				}
				got, err := io.ReadAll(&recordBound{r: r, limit: tc.limit})
				if tc.err {
					assert.ErrorIs(t, err, errRecordBound)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, tc.text, string(got))
			})
		}
	}
}

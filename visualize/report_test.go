package visualize

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// followUpStudy is the scenario of issue 19's "Done means": at wave 1 a
// person with 8 alters in 3 sectors (family, friends, services) and 3
// rings, 5 ties; at wave 2 one alter gone (Bob), two new (Gus, the
// library), one moved closer (Cy, ring 3 to 2). Names carry letters
// outside ASCII (Zoë, Łukasz) to check the PDF text.
func followUpStudy(t testing.TB) *network.Dataset {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	type alter struct{ id, name, role, ring, typ string }
	waves := []struct {
		wave   string
		alters []alter
		ties   [][2]string
	}{
		{"1", []alter{
			{"a", "Ann", "family", "1", "person"}, {"b", "Bob", "family", "2", "person"},
			{"c", "Cy", "friends", "3", "person"}, {"d", "Di", "friends", "1", "person"},
			{"e", "Zoë", "friends", "2", "person"}, {"f", "Łukasz", "services", "3", "person"},
			{"g", "GP surgery", "services", "2", "service"}, {"h", "Day centre", "services", "3", "service"},
		}, [][2]string{{"a", "b"}, {"a", "d"}, {"c", "d"}, {"d", "e"}, {"f", "g"}}},
		{"2", []alter{
			{"a", "Ann", "family", "1", "person"},
			{"c", "Cy", "friends", "2", "person"}, {"d", "Di", "friends", "1", "person"},
			{"e", "Zoë", "friends", "2", "person"}, {"f", "Łukasz", "services", "3", "person"},
			{"g", "GP surgery", "services", "2", "service"}, {"h", "Day centre", "services", "3", "service"},
			{"i", "Gus", "friends", "2", "person"}, {"j", "Library", "services", "3", "place"},
		}, [][2]string{{"a", "d"}, {"c", "d"}, {"d", "e"}, {"f", "g"}, {"c", "i"}}},
	}
	for _, w := range waves {
		require.NoError(t, b.AddEgo("P01", w.wave, nil))
		for _, a := range w.alters {
			require.NoError(t, b.AddAlter("P01", w.wave, a.id, 1, network.NewAttrs(b.AlterAttrs(),
				map[string]string{"name": a.name, "role": a.role, "ring": a.ring, "type": a.typ})))
		}
		for _, tie := range w.ties {
			require.NoError(t, b.AddTie("P01", w.wave, tie[0], tie[1], 1, nil))
		}
	}
	ds, _ := b.Build()
	return ds
}

// followUpReport is the report of the follow-up, with two goals scored.
// GAS T at wave 2 by hand (Kiresuk & Sherman 1968, ρ = 0.3): levels 0 and
// +1, weights 2 and 1: T = 50 + 10·(2·0 + 1·1)/√(0.7·(4+1) + 0.3·3²) =
// 50 + 10/√6.2 = 54.016…, printed "54.0". At the baseline both goals are
// at −1: T = 50 − 10·3/√6.2 = 37.95…
func followUpReport(t testing.TB, ds *network.Dataset) *PersonReport {
	rules, err := measures.ReadRulesFrom(strings.NewReader(`{"rules": [{"type": "role", "attribute": "role",
	  "classes": {"bonding": ["family", "friends"], "linking": ["services"]}}]}`), "rules.json")
	require.NoError(t, err)
	opt := DrawOptions{EgogramOptions: EgogramOptions{Rings: "ring", NumRings: 3, Sectors: "role",
		SectorOrder: []string{"family", "friends", "services"}}, Style: Style{Color: "role", Label: "name"}}
	ss, err := NewStudyStyle(ds, opt)
	require.NoError(t, err)
	opt.Study = ss
	return &PersonReport{
		Date: "meeting of 30 November 2026", Map: ds.Ego("P01", "2"), Before: ds.Ego("P01", "1"), Draw: opt,
		Words: measures.WordsOptions{Rules: rules, Label: "name"},
		Goals: &GoalPerson{EgoID: "P01", Waves: []string{"1", "2"},
			Goals: []GoalRow{
				{Goal: "group", Description: "join a walking group", Weight: 2, Levels: []float64{-1, 0}},
				{Goal: "sister", Description: "see my sister every week", Weight: 1, Levels: []float64{-1, 1}},
			},
			T: []float64{50 - 30/math.Sqrt(6.2), 50 + 10/math.Sqrt(6.2)}},
	}
}

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b`)
	pdfCount    = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)
)

// pdfPages parses a PDF's page objects and the page tree's count, and the
// size of each page's media box.
func pdfPages(t *testing.T, b []byte) (pages, count int, boxes [][2]string) {
	t.Helper()
	require.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "not a PDF: starts %q", b[:min(len(b), 8)])
	require.Contains(t, string(b[max(0, len(b)-32):]), "%%EOF", "PDF not terminated")
	pages = len(pdfPage.FindAll(b, -1))
	m := pdfCount.FindSubmatch(b)
	require.NotNil(t, m, "no page tree count")
	for _, g := range m[1:] {
		if len(g) > 0 {
			count = int(g[0] - '0')
			for _, d := range g[1:] {
				count = count*10 + int(d-'0')
			}
		}
	}
	for _, mb := range pdfMediaBox.FindAllSubmatch(b, -1) {
		boxes = append(boxes, [2]string{string(mb[1]), string(mb[2])})
	}
	return pages, count, boxes
}

// TestPersonReportPDF: the report is a valid PDF of exactly one A4 page
// (595.28 × 841.89 pt = 210 × 297 mm at 72 pt per inch), the same bytes
// each time, for a follow-up, a first meeting and an empty map.
func TestPersonReportPDF(t *testing.T) {
	ds := followUpStudy(t)
	full := followUpReport(t, ds)
	first := *full
	first.Before, first.Map, first.Goals = nil, ds.Ego("P01", "1"), nil
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("P02", "", nil))
	empty, _ := b.Build()
	for name, r := range map[string]*PersonReport{
		"follow-up": full, "first meeting": &first, "empty map": {Map: empty.Egos[0]},
	} {
		t.Run(name, func(t *testing.T) {
			var w1, w2 bytes.Buffer
			require.NoError(t, r.Write(&w1, "pdf"))
			require.NoError(t, r.Write(&w2, "pdf"))
			assert.True(t, bytes.Equal(w1.Bytes(), w2.Bytes()), "two writes differ")
			pages, count, boxes := pdfPages(t, w1.Bytes())
			assert.Equal(t, 1, pages, "page objects")
			assert.Equal(t, 1, count, "page tree /Count")
			require.NotEmpty(t, boxes)
			for _, bx := range boxes {
				assert.Equal(t, [2]string{"595.28", "841.89"}, bx, "media box (A4 in pt)")
			}
			if dir := os.Getenv("LOOK_DIR"); dir != "" {
				f := filepath.Join(dir, "report-"+strings.ReplaceAll(name, " ", "-")+".pdf")
				require.NoError(t, os.WriteFile(f, w1.Bytes(), 0o644))
			}
		})
	}
}

// TestPersonReportText: the words on the page are the sentences of
// measures.Describe and DescribeChange (checked by hand in package
// measures) and the GAS T of wave 2, 54.0 (derivation at followUpReport);
// they are extracted from the PDF with pdftotext (poppler-utils) when it
// is installed, which also shows that names outside ASCII survive the
// PDF's font encoding.
func TestPersonReportText(t *testing.T) {
	r := followUpReport(t, followUpStudy(t))
	p, err := r.layout()
	require.NoError(t, err)
	all := func(ss [][]string) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, strings.Join(s, " "))
		}
		return strings.Join(parts, "\n")
	}
	// Wave 2 by hand: people Ann, Cy, Di, Zoë, Łukasz, Gus = 6 (the GP
	// surgery and the day centre are services, the library a place);
	// ties among them a-d, c-d, d-e, c-i = 4 of 15 pairs (f-g has a
	// service); Łukasz knows none of the others: 1 isolate; groups
	// {a,c,d,e,i}, {f} = 2.
	words := all(p.words)
	for _, want := range []string{
		"There are 6 people on your map.",
		"4 of the 15 pairs among your 6 people know each other (density 0.27).",
		"1 of your 6 people knows none of the others.",
		"Your 6 people form 2 groups that don't know each other.",
		"Your map has 1 place.", "Your map has 2 services.",
	} {
		assert.Contains(t, words, "• "+want)
	}
	// Wave 1 → 2: kept a, c, d, e, f, g, h = 7 of 8; lost b (Bob);
	// gained i, j (Gus, Library); Cy ring 3 → 2: closer.
	change := all(p.change)
	for _, want := range []string{
		"7 of the 8 on your map at wave 1 are still there: Ann, Cy, Di, Zoë, Łukasz, GP surgery and Day centre.",
		"1 is no longer on your map: Bob.",
		"2 are new since wave 1: Gus and Library.",
		"1 moved closer: Cy (ring 3 to 2).",
	} {
		assert.Contains(t, change, "• "+want)
	}
	assert.Equal(t, "• At wave 2 the GAS T-score is 54.0 (50 means the goals were reached as expected).", all(p.goalsText))

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: the PDF's text is not extracted")
		return
	}
	var buf bytes.Buffer
	require.NoError(t, r.Write(&buf, "pdf"))
	f := filepath.Join(t.TempDir(), "report.pdf")
	require.NoError(t, os.WriteFile(f, buf.Bytes(), 0o644))
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	require.NoError(t, err)
	txt := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Network map of P01, wave 2", "meeting of 30 November 2026", "There are 6 people on your map.",
		"1 is no longer on your map: Bob.", "GAS T-score is 54.0", "Zoë", "Lukasz"} {
		assert.Contains(t, txt, want)
	}
}

// TestPersonReportEarlierWave: the report of wave 1 when the goals were
// also scored at wave 2 shows the goals at wave 1 only: no follow-up
// wave, so no GAS sentence, and the picture's levels end at wave 1.
func TestPersonReportEarlierWave(t *testing.T) {
	ds := followUpStudy(t)
	r := followUpReport(t, ds)
	r.Map, r.Before = ds.Ego("P01", "1"), nil
	p, err := r.layout()
	require.NoError(t, err)
	require.NotNil(t, p.goalsFig)
	assert.Empty(t, p.goalsText)
	assert.Equal(t, []string{"1", "2"}, r.Goals.Waves, "the caller's goals are not changed")
	g := goalsUpTo(r.Goals, "1")
	assert.Equal(t, []string{"1"}, g.Waves)
	assert.Equal(t, []float64{-1}, g.Goals[1].Levels)
	assert.Len(t, g.T, 1)
	assert.Same(t, r.Goals, goalsUpTo(r.Goals, "2"), "the last wave: unchanged")
	assert.Same(t, r.Goals, goalsUpTo(r.Goals, "9"), "an unknown wave: unchanged")
}

func TestPersonReportErrors(t *testing.T) {
	ds := followUpStudy(t)
	var w bytes.Buffer
	err := (&PersonReport{}).Write(&w, "pdf")
	require.ErrorIs(t, err, ErrReport)
	assert.Contains(t, err.Error(), "no map")
	err = (&PersonReport{Map: ds.Ego("P01", "1")}).Write(&w, "jpeg")
	assert.ErrorContains(t, err, `unknown report format "jpeg"`)
	// A goal whose levels do not match the waves: GoalsFigure's error.
	err = (&PersonReport{Map: ds.Ego("P01", "2"), Goals: &GoalPerson{EgoID: "P01", Waves: []string{"1", "2"},
		Goals: []GoalRow{{Goal: "g", Weight: 1, Levels: []float64{0}}}}}).Write(&w, "pdf")
	assert.ErrorContains(t, err, `goal "g" has 1 levels for 2 waves`)
	// An attribute the data lacks: the egogram's error.
	err = (&PersonReport{Map: ds.Ego("P01", "1"), Draw: DrawOptions{EgogramOptions: EgogramOptions{Rings: "closeness"}}}).Write(&w, "pdf")
	assert.ErrorIs(t, err, ErrUnknownAttribute)
	assert.Zero(t, w.Len(), "nothing written on error")
}

// TestPDFText: Windows-1252 bytes by the code page's table (Microsoft,
// "Windows 1252", bestfit1252.txt): é E9, ë EB, – 96, € 80, ’ 92; č, ő,
// ș decompose to c, o, s (á is E1); Ł has no decomposition and is written L; a
// Chinese letter has neither: "?".
func TestPDFText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain ASCII", "plain ASCII"},
		{"Zoë", "Zo\xEB"},
		{"Renée – café €5 it’s", "Ren\xE9e \x96 caf\xE9 \x805 it\x92s"},
		{"Čech Dvořák Erdős Ștefan", "Cech Dvor\xE1k Erdos Stefan"},
		{"Łukasz", "Lukasz"},
		{"王", "?"},
		{"≥ 12", ">= 12"},
	} {
		assert.Equal(t, c.want, pdfText(c.in), "pdfText(%q)", c.in)
	}
}

// TestPersonReportLook writes the report as PDF, and as PNG through
// pdftoppm (poppler-utils), to $LOOK_DIR for a person to look at.
func TestPersonReportLook(t *testing.T) {
	dir := os.Getenv("LOOK_DIR")
	if dir == "" {
		t.Skip("set LOOK_DIR to write the report to look at")
	}
	r := followUpReport(t, followUpStudy(t))
	var buf bytes.Buffer
	require.NoError(t, r.Write(&buf, "pdf"))
	f := filepath.Join(dir, "report.pdf")
	require.NoError(t, os.WriteFile(f, buf.Bytes(), 0o644))
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		require.NoError(t, exec.Command("pdftoppm", "-png", "-r", "110", "-singlefile", f, filepath.Join(dir, "report")).Run())
	}
	w, err := os.Create(filepath.Join(dir, "report-direct.png"))
	require.NoError(t, err)
	require.NoError(t, r.Write(w, "png"))
	require.NoError(t, w.Close())
}

// TestPersonReportFits: a large map (30 alters at each meeting, 20 of
// them kept, names of 4 to 8 letters) and six goals still make one A4 page, the
// pictures shrunk no further than their minima; words that cannot fit
// even then are an error, not a second page or cut text.
func TestPersonReportFits(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	roles := []string{"family", "friends", "neighbours", "services"}
	for w, ids := range [][2]int{{0, 30}, {10, 40}} {
		wave := []string{"1", "2"}[w]
		require.NoError(t, b.AddEgo("P09", wave, nil))
		for i := ids[0]; i < ids[1]; i++ {
			id := "Al" + strings.Repeat("x", i%5) + string(rune('A'+i%26)) + string(rune('a'+i/26))
			require.NoError(t, b.AddAlter("P09", wave, id, 1, network.NewAttrs(b.AlterAttrs(), map[string]string{
				"role": roles[i%4], "ring": []string{"1", "2", "3"}[(i+w)%3], "name": id})))
			if i > ids[0] && i%3 != 0 {
				prev := "Al" + strings.Repeat("x", (i-1)%5) + string(rune('A'+(i-1)%26)) + string(rune('a'+(i-1)/26))
				require.NoError(t, b.AddTie("P09", wave, prev, id, 1, nil))
			}
		}
	}
	ds, _ := b.Build()
	goals := &GoalPerson{EgoID: "P09", Waves: []string{"1", "2"}, T: []float64{40, 52}}
	for k := 0; k < 6; k++ {
		goals.Goals = append(goals.Goals, GoalRow{Goal: "goal " + string(rune('1'+k)), Description: "something to reach", Weight: 1, Levels: []float64{-1, float64(k%3 - 1)}})
	}
	opt := DrawOptions{EgogramOptions: EgogramOptions{Rings: "ring", NumRings: 3, Sectors: "role"}, Style: Style{Color: "role", Label: "name"}}
	r := &PersonReport{Map: ds.Ego("P09", "2"), Before: ds.Ego("P09", "1"), Draw: opt, Goals: goals,
		Words: measures.WordsOptions{Label: "name"}}
	p, err := r.layout()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, p.mapS, minMapS)
	assert.GreaterOrEqual(t, p.pairS, minPairS)
	assert.GreaterOrEqual(t, p.goalsH, minGoalsH)
	a, m, c, g := p.heights()
	assert.LessOrEqual(t, a+m+c+g, A4Height-2*reportMargin, "rows fit the page")
	var buf bytes.Buffer
	require.NoError(t, r.Write(&buf, "pdf"))
	pages, count, _ := pdfPages(t, buf.Bytes())
	assert.Equal(t, 1, pages)
	assert.Equal(t, 1, count)
	if dir := os.Getenv("LOOK_DIR"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "report-large.pdf"), buf.Bytes(), 0o644))
	}

	// 120 lines of words beside the map: more than a page.
	p.words = append(p.words, make([][]string, 120)...)
	for i := range p.words {
		p.words[i] = []string{"• words"}
	}
	err = p.fit()
	require.ErrorIs(t, err, ErrReport)
	assert.ErrorContains(t, err, "more than one A4 page holds")
}

// TestNarrowPanelLongLabels: an egogram drawn narrower than its labels
// (60 pt for labels of ~150 pt) used to panic in the clearance grid
// ("makeslice: len out of range": gonum/plot's data canvas came
// inverted); it draws now.
func TestNarrowPanelLongLabels(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("E", "", nil))
	for _, id := range []string{"a", "b", "c"} {
		require.NoError(t, b.AddAlter("E", "", id, 1, network.NewAttrs(b.AlterAttrs(),
			map[string]string{"name": "Somebody with a rather long name " + id})))
	}
	require.NoError(t, b.AddTie("E", "", "a", "b", 1, nil))
	ds, _ := b.Build()
	f, err := EgogramFigure(ds.Egos[0], DrawOptions{Style: Style{Label: "name"}})
	require.NoError(t, err)
	f.Width, f.Height = vg.Points(60), vg.Points(60)
	var buf bytes.Buffer
	require.NotPanics(t, func() { err = f.Write(&buf, "png") })
	require.NoError(t, err)
	assert.NotZero(t, buf.Len())
}

// BenchmarkPersonReport writes the follow-up report of the tests (8 and
// 9 alters, two goals) as PDF, the server's report.pdf.
func BenchmarkPersonReport(b *testing.B) {
	r := followUpReport(b, followUpStudy(b))
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := r.Write(&buf, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

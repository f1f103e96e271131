package mapserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenario is the map of the "Done means": 8 alters in 3 sectors
// (family, friend, professional) and 3 rings, 5 ties.
var scenario = []alterSpec{
	{"Mum", "family", 1, "person"}, {"Dad", "family", 1, "person"}, {"Sister", "family", 2, "person"},
	{"Sam", "friend", 2, "person"}, {"Jo", "friend", 3, "person"}, {"Ali", "friend", 3, "person"},
	{"Dr Lee", "professional", 2, "service"}, {"Key worker", "professional", 3, "person"},
}

// scenarioTies: Mum–Dad, Mum–Sister, Dad–Sister (a family triangle),
// Sam–Jo, Key worker–Mum.
var scenarioTies = [][2]int{{0, 1}, {0, 2}, {1, 2}, {3, 4}, {7, 0}}

// word returns the sentence of a measure, or fails.
func word(t *testing.T, ws []wordJSON, measure string) wordJSON {
	t.Helper()
	for _, w := range ws {
		if w.Measure == measure {
			return w
		}
	}
	t.Fatalf("no sentence for %s in %+v", measure, ws)
	return wordJSON{}
}

// wordJSON is a sentence as the page receives it.
type wordJSON struct {
	Measure string    `json:"measure"`
	Values  []float64 `json:"values"`
	Text    string    `json:"text"`
	Alters  []string  `json:"alters"`
}

// stateJSON is State as the page receives it (words decoded loosely).
type stateJSON struct {
	State
	Words    []wordJSON `json:"words"`
	FollowUp *struct {
		FollowUpJSON
		Words []wordJSON `json:"words"`
	} `json:"followup"`
}

func keyOf(t *testing.T, st stateJSON, name string) string {
	t.Helper()
	for _, a := range st.Alters {
		if a.Name == name {
			return a.Key
		}
	}
	t.Fatalf("no alter %s", name)
	return ""
}

func TestScenarioMapFollowUpGoals(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", scenario, scenarioTies)
	var st stateJSON
	f.call("GET", "/api/people/p1/waves/1", nil, http.StatusOK, &st)
	require.Len(t, st.Alters, 8)
	require.Len(t, st.Ties, 5)
	assert.Equal(t, "Maria", st.Person.Pseudonym)
	assert.Equal(t, []WaveJSON{{"1", "2026-11-30"}}, st.Person.Waves, "date from the server's clock")
	assert.Nil(t, st.FollowUp, "no follow-up at the first wave")
	assert.True(t, st.CanUndo)
	// Words (report's Describe): 7 people (Dr Lee is a service), hand
	// counted: ties among people: Mum–Dad, Mum–Sister, Dad–Sister,
	// Sam–Jo, Key worker–Mum = 5 of 7·6/2 = 21 pairs, density 5/21.
	size := word(t, st.Words, "size")
	assert.Equal(t, 7.0, size.Values[0])
	dens := word(t, st.Words, "density")
	assert.InDelta(t, 5.0/21, dens.Values[0], 1e-12)
	// Components among the 7 people: {Mum, Dad, Sister, Key worker},
	// {Sam, Jo}, {Ali} = 3.
	assert.Equal(t, 3.0, word(t, st.Words, "components").Values[0])
	assert.Equal(t, 1.0, word(t, st.Words, "services").Values[0])

	// Geometry: every alter has a marker, in its own ring and sector.
	require.Len(t, st.Geometry.Alters, 8)
	assert.Equal(t, "/api/people/p1/waves/1/map.svg?v="+strconv.FormatInt(st.Version, 10), st.MapSVG)
	for i, a := range st.Alters {
		g := st.Geometry.Alters[i]
		require.Equal(t, a.Key, g.Key)
		assert.Equal(t, a.Name, g.Name)
		ring, role := cellOf(st.Geometry, g.X, g.Y)
		require.NotNil(t, ring, a.Name)
		assert.Equal(t, *a.Ring, *ring, "%s ring", a.Name)
		assert.Equal(t, a.Role, role, "%s role", a.Name)
		assert.Greater(t, g.R, 3.0, "%s marker radius", a.Name)
	}

	// Reloaded: the same map, byte for byte.
	_, _, first := f.send(f.request("GET", "/api/people/p1/waves/1", nil))
	_, _, again := f.send(f.request("GET", "/api/people/p1/waves/1", nil))
	assert.Equal(t, string(first), string(again))

	// Drop Ali in the middle of ring 1 of the family sector: placed there.
	ali := keyOf(t, st, "Ali")
	x, y := pointIn(st.Geometry, 1, "family")
	f.call("POST", "/api/people/p1/waves/1/alters/"+ali+"/drop", map[string]any{"x": x, "y": y}, http.StatusOK, &st)
	for _, a := range st.Alters {
		if a.Key == ali {
			assert.Equal(t, 1, *a.Ring)
			assert.Equal(t, "family", a.Role)
		}
	}
	// Undo puts Ali back in ring 3 of friend.
	f.call("POST", "/api/people/p1/undo", nil, http.StatusOK, &st)
	for _, a := range st.Alters {
		if a.Key == ali {
			assert.Equal(t, 3, *a.Ring)
			assert.Equal(t, "friend", a.Role)
		}
	}

	// Two goals set at wave 1, with their baseline levels.
	f.call("POST", "/api/people/p1/goals", map[string]any{"name": "join a group", "description": "go to the allotment group", "weight": 2}, http.StatusCreated, &st)
	f.call("POST", "/api/people/p1/goals", map[string]any{"name": "see Sam", "description": "see Sam every week"}, http.StatusCreated, &st)
	var goals []GoalJSON
	f.call("PUT", "/api/people/p1/goals/join a group/levels/1", map[string]any{"level": -2}, http.StatusOK, &goals)
	f.call("PUT", "/api/people/p1/goals/see Sam/levels/1", map[string]any{"level": -1}, http.StatusOK, &goals)

	// Follow-up: one alter lost (Jo), two gained, one moved closer (Sam 2 → 1).
	f.call("POST", "/api/people/p1/followup", map[string]any{"date": "2027-03-01"}, http.StatusCreated, &st)
	assert.Equal(t, "2", st.Wave)
	require.NotNil(t, st.FollowUp)
	assert.Len(t, st.FollowUp.Kept, 8, "a follow-up starts from the last map")
	jo, sam := keyOf(t, st, "Jo"), keyOf(t, st, "Sam")
	w2 := "/api/people/p1/waves/2"
	f.call("DELETE", w2+"/alters/"+jo, nil, http.StatusOK, &st)
	f.call("PATCH", w2+"/alters/"+sam, map[string]any{"ring": 1}, http.StatusOK, &st)
	f.call("POST", w2+"/alters", map[string]any{"name": "Allotment pal", "role": "group", "ring": 2, "type": "person"}, http.StatusCreated, &st)
	f.call("POST", w2+"/alters", map[string]any{"name": "Peer mentor", "role": "professional", "ring": 2}, http.StatusCreated, &st)
	f.call("PUT", "/api/people/p1/goals/join a group/levels/2", map[string]any{"level": 1}, http.StatusOK, &goals)
	f.call("PUT", "/api/people/p1/goals/see Sam/levels/2", map[string]any{"level": 0}, http.StatusOK, &goals)
	f.call("GET", w2, nil, http.StatusOK, &st)
	require.NotNil(t, st.FollowUp)
	assert.Equal(t, "1", st.FollowUp.From)
	assert.Len(t, st.FollowUp.Kept, 7)
	assert.Equal(t, []string{jo}, st.FollowUp.Lost)
	assert.Len(t, st.FollowUp.Gained, 2)
	assert.Equal(t, []string{sam}, st.FollowUp.Closer)
	assert.Empty(t, st.FollowUp.Further)
	assert.Equal(t, 1.0, word(t, st.FollowUp.Words, "lost").Values[0])
	assert.Equal(t, 2.0, word(t, st.FollowUp.Words, "gained").Values[0])
	// The goals with their levels at both waves.
	require.Len(t, st.Goals, 2)
	lv := func(g GoalJSON, w string) int {
		require.NotNil(t, g.Levels[w], "%s wave %s", g.ID, w)
		return *g.Levels[w]
	}
	assert.Equal(t, "join a group", st.Goals[0].ID)
	assert.Equal(t, 2.0, st.Goals[0].Weight)
	assert.Equal(t, "1", st.Goals[0].Baseline)
	assert.Equal(t, -2, lv(st.Goals[0], "1"))
	assert.Equal(t, 1, lv(st.Goals[0], "2"))
	assert.Equal(t, -1, lv(st.Goals[1], "1"))
	assert.Equal(t, 0, lv(st.Goals[1], "2"))

	// The pictures: decodable, the sizes of the figures at 96 dpi.
	for _, c := range []struct {
		path string
		w, h int
	}{
		// mapWidth × mapHeight = 420 × 336 pt at 96/72 px per pt = 560 × 448.
		{"/api/people/p1/waves/2/map.png", 560, 448},
		{"/api/people/p1/waves/2/map.png?view=ecomap", 560, 448},
		// pairWidth × pairHeight = 680 × 383 pt at 96/72 px per pt = 906.67 × 510.67, rounded.
		{"/api/people/p1/beforeafter.png", 907, 511},
		{"/api/people/p1/goals.png", 0, 0},
	} {
		code, h, b := f.send(f.request("GET", c.path, nil))
		require.Equal(t, http.StatusOK, code, "%s: %s", c.path, b)
		assert.Equal(t, "image/png", h.Get("Content-Type"))
		img, err := png.Decode(bytes.NewReader(b))
		require.NoError(t, err, c.path)
		if c.w > 0 {
			assert.Equal(t, c.w, img.Bounds().Dx(), c.path)
			assert.Equal(t, c.h, img.Bounds().Dy(), c.path)
		}
	}
	code, _, svg := f.send(f.request("GET", "/api/people/p1/beforeafter.svg?from=1&to=2", nil))
	require.Equal(t, http.StatusOK, code, "%s", svg)
	assert.Contains(t, string(svg), "<svg")
	assert.Contains(t, string(svg), "Allotment pal")
	// Titled with the pseudonym and the counts above: 7 kept, Jo lost,
	// two gained.
	assert.Contains(t, string(svg), "Maria: 7 kept, 1 lost, 2 gained")

	// The one-page PDF for the person's file, as a download.
	code, h, b := f.send(f.request("GET", "/api/people/p1/report.pdf", nil))
	require.Equal(t, http.StatusOK, code, "%s", b)
	assert.Equal(t, "application/pdf", h.Get("Content-Type"))
	assert.Equal(t, `attachment; filename="sociogram-p1-wave-2.pdf"`, h.Get("Content-Disposition"))
	assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "a PDF")
	assert.Equal(t, 1, bytes.Count(b, []byte("/Type /Page\n")), "one page")
	code, _, b2 := f.send(f.request("GET", "/api/people/p1/report.pdf", nil))
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, b, b2, "the same PDF for the same data")
	code, h, _ = f.send(f.request("GET", "/api/people/p1/report.pdf?wave=1", nil))
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, `attachment; filename="sociogram-p1-wave-1.pdf"`, h.Get("Content-Disposition"))

	// The pseudonym and a meeting's date can be corrected.
	var pj PersonJSON
	f.call("PATCH", "/api/people/p1", map[string]any{"pseudonym": "Maria B"}, http.StatusOK, &pj)
	assert.Equal(t, "Maria B", pj.Pseudonym)
	f.call("PATCH", "/api/people/p1/waves/2", map[string]any{"date": "2027-03-02"}, http.StatusOK, &st)
	assert.Equal(t, []WaveJSON{{"1", "2026-11-30"}, {"2", "2027-03-02"}}, st.Person.Waves)
	assert.Len(t, st.Alters, 9, "the map is untouched")
	f.call("PATCH", "/api/people/p1/waves/2", map[string]any{"date": "March"}, http.StatusBadRequest, nil)
	f.call("PATCH", "/api/people/p1/waves/9", map[string]any{"date": "2027-03-02"}, http.StatusNotFound, nil)

	// The change log names the worker and what was done.
	var log []ChangeJSON
	f.call("GET", "/api/people/p1/log", nil, http.StatusOK, &log)
	require.NotEmpty(t, log)
	for _, c := range log {
		assert.Equal(t, "tester", c.Who)
	}
	assert.Equal(t, "person.add", log[0].Action)
}

// cellOf turns a point into (ring, role) the way api19.md tells the page
// to: distance and clockwise angle from the centre.
func cellOf(g *Geometry, x, y float64) (*int, string) {
	d := math.Hypot(x-g.Centre.X, y-g.Centre.Y)
	theta := math.Mod(math.Atan2(x-g.Centre.X, g.Centre.Y-y)*180/math.Pi+360, 360)
	var ring *int
	for _, r := range g.Rings {
		if d >= r.Inner && d < r.Outer {
			ring = r.Ring
		}
	}
	role := ""
	for _, s := range g.Sectors {
		if theta >= s.Start && theta < s.End {
			role = s.Role
		}
	}
	return ring, role
}

// pointIn returns the middle of a ring within a sector.
func pointIn(g *Geometry, ring int, role string) (float64, float64) {
	var rad, ang float64
	for _, r := range g.Rings {
		if r.Ring != nil && *r.Ring == ring {
			rad = (r.Inner + r.Outer) / 2
		}
	}
	for _, s := range g.Sectors {
		if s.Role == role {
			ang = (s.Start + s.End) / 2 * math.Pi / 180
		}
	}
	return g.Centre.X + rad*math.Sin(ang), g.Centre.Y - rad*math.Cos(ang)
}

// Bad requests get a 4xx and one line naming what is wrong.
func TestBadRequests(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", scenario[:2], [][2]int{{0, 1}})
	w1 := "/api/people/p1/waves/1"
	cases := []struct {
		name, method, path string
		body               any
		want               int
		says               string
	}{
		{"unknown person", "GET", "/api/people/p9/waves/1", nil, 404, "p9"},
		{"unknown wave", "GET", "/api/people/p1/waves/7", nil, 404, "7"},
		{"unknown alter", "PATCH", w1 + "/alters/zz", map[string]any{"ring": 1}, 404, "zz"},
		{"unknown field", "POST", w1 + "/alters", map[string]any{"name": "X", "colour": "red"}, 400, "colour"},
		{"no name", "POST", w1 + "/alters", map[string]any{"role": "family"}, 400, "name"},
		{"empty name", "POST", w1 + "/alters", map[string]any{"name": "  "}, 400, "name"},
		{"ring 4", "POST", w1 + "/alters", map[string]any{"name": "X", "ring": 4}, 400, "ring"},
		{"ring 0", "PATCH", w1 + "/alters/a1", map[string]any{"ring": 0}, 400, "ring"},
		{"unknown role", "POST", w1 + "/alters", map[string]any{"name": "X", "role": "enemy"}, 400, "role"},
		{"unknown type", "POST", w1 + "/alters", map[string]any{"name": "X", "type": "robot"}, 400, "type"},
		{"unknown quality", "POST", w1 + "/alters", map[string]any{"name": "X", "quality": "great"}, 400, "quality"},
		{"unknown flow", "POST", w1 + "/alters", map[string]any{"name": "X", "flow": "up"}, 400, "flow"},
		{"self tie", "POST", w1 + "/ties", map[string]any{"a": "a1", "b": "a1"}, 400, "a1"},
		{"tie half", "POST", w1 + "/ties", map[string]any{"a": "a1"}, 400, "tie"},
		{"duplicate tie", "POST", w1 + "/ties", map[string]any{"a": "a2", "b": "a1"}, 409, ""},
		{"tie unknown alter", "POST", w1 + "/ties", map[string]any{"a": "a1", "b": "a9"}, 404, "a9"},
		{"no such tie", "DELETE", w1 + "/ties/a1/a9", nil, 404, "a9"},
		{"drop without point", "POST", w1 + "/alters/a1/drop", map[string]any{"x": 1}, 400, "drop"},
		{"bad date", "POST", "/api/people", map[string]any{"pseudonym": "B", "date": "30/11/2026"}, 400, "date"},
		{"level 3", "PUT", "/api/people/p1/goals/g/levels/1", map[string]any{"level": 3}, 400, "level"},
		{"unknown goal", "PUT", "/api/people/p1/goals/g/levels/1", map[string]any{"level": 1}, 404, "g"},
		{"goal no name", "POST", "/api/people/p1/goals", map[string]any{"weight": 1}, 400, "name"},
		{"goal weight 0", "POST", "/api/people/p1/goals", map[string]any{"name": "x", "weight": 0}, 400, "weight"},
		{"erase unconfirmed", "POST", "/api/people/p1/erase", map[string]any{"confirm": "maria"}, 400, "confirm"},
		{"no before/after with one wave", "GET", "/api/people/p1/beforeafter.png", nil, 404, "two"},
		{"no goals picture without goals", "GET", "/api/people/p1/goals.png", nil, 404, "no goals"},
		{"unknown view", "GET", w1 + "/map.svg?view=pie", nil, 400, "view"},
		{"unknown route", "GET", "/api/people/p1/everything", nil, 404, "no such route"},
		{"wrong method", "PUT", "/api/people", map[string]any{}, 405, ""},
	}
	for _, c := range cases {
		code, h, b := f.send(f.request(c.method, c.path, c.body))
		assert.Equal(t, c.want, code, "%s: %s", c.name, b)
		if c.want != 405 {
			assert.Contains(t, h.Get("Content-Type"), "application/json", c.name)
			assert.Contains(t, string(b), c.says, c.name)
			assert.Equal(t, 1, bytes.Count(b, []byte("\n")), "%s: one line", c.name)
		}
	}
	// Not JSON at all.
	req := f.request("POST", w1+"/alters", nil)
	req.Body = nopCloser{strings.NewReader("{name: X}")}
	req.ContentLength = 9
	req.Header.Set("Content-Type", "application/json")
	code, _, b := f.send(req)
	assert.Equal(t, 400, code, "%s", b)
	// Undo until nothing is left: 409, the person still there (their
	// creation is not undone: erasure removes a person).
	for i := 0; i < 20; i++ {
		code, _, b = f.send(f.request("POST", "/api/people/p1/undo", nil))
		if code != 200 {
			break
		}
	}
	assert.Equal(t, http.StatusConflict, code, "%s", b)
	var st stateJSON
	f.call("GET", "/api/people/p1/waves/1", nil, http.StatusOK, &st)
	assert.Empty(t, st.Alters)
	assert.False(t, st.CanUndo)
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }

// Erasure through the page: the person and every name of theirs are gone
// from the database file and the files beside it; the log keeps one row
// that says so, without the data.
func TestEraseLeavesNoName(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", scenario, scenarioTies)
	f.addPerson("Olu", []alterSpec{{"Tunde", "family", 1, "person"}}, nil)
	var out map[string]string
	f.call("POST", "/api/people/p1/erase", map[string]any{"confirm": "Maria"}, http.StatusOK, &out)
	assert.Equal(t, "p1", out["erased"])
	assert.Contains(t, out["log"], "erased by tester")
	f.call("GET", "/api/people/p1/waves/1", nil, http.StatusNotFound, nil)

	names := []string{"Maria"}
	for _, a := range scenario {
		names = append(names, a.name)
	}
	files, err := filepath.Glob(f.db + "*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, p := range files {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, n := range names {
			assert.False(t, bytes.Contains(b, []byte(n)), "%s still holds %q", filepath.Base(p), n)
		}
	}
	// The other person is untouched, and the study log's erase row holds
	// no name.
	var st stateJSON
	f.call("GET", "/api/people/p2/waves/1", nil, http.StatusOK, &st)
	assert.Equal(t, "Tunde", st.Alters[0].Name)
	var log []ChangeJSON
	f.call("GET", "/api/log", nil, http.StatusOK, &log)
	found := false
	for _, c := range log {
		for _, n := range names {
			assert.NotContains(t, c.What+string(c.Before)+string(c.After), n, "log row %d", c.ID)
		}
		found = found || c.Action == "erase"
	}
	assert.True(t, found, "the log says a person was erased")
}

// Several pages at once (two workers, two people): every change is made
// once, in order per person, and reads see whole states (run with -race).
func TestConcurrentEdits(t *testing.T) {
	f := newFixture(t)
	const people, alters = 3, 6
	for p := 0; p < people; p++ {
		f.call("POST", "/api/people", map[string]any{"pseudonym": "P" + strconv.Itoa(p)}, http.StatusCreated, nil)
	}
	errs := make(chan error, people*2)
	for p := 0; p < people; p++ {
		base := "/api/people/p" + strconv.Itoa(p+1) + "/waves/1"
		go func() {
			for i := 0; i < alters; i++ {
				code, _, b := f.send(f.request("POST", base+"/alters", map[string]any{"name": "A" + strconv.Itoa(i), "ring": 1 + i%3, "role": "friend"}))
				if code != http.StatusCreated {
					errs <- fmt.Errorf("%s: %d %s", base, code, b)
					return
				}
			}
			errs <- nil
		}()
		go func() {
			for i := 0; i < alters; i++ {
				code, _, b := f.send(f.request("GET", base, nil))
				if code != http.StatusOK {
					errs <- fmt.Errorf("%s: %d %s", base, code, b)
					return
				}
				var st stateJSON
				if err := json.Unmarshal(b, &st); err != nil {
					errs <- err
					return
				}
				if len(st.Geometry.Alters) != len(st.Alters) {
					errs <- fmt.Errorf("%s: %d alters, %d in the geometry", base, len(st.Alters), len(st.Geometry.Alters))
					return
				}
			}
			errs <- nil
		}()
	}
	for i := 0; i < people*2; i++ {
		require.NoError(t, <-errs)
	}
	for p := 0; p < people; p++ {
		var st stateJSON
		f.call("GET", "/api/people/p"+strconv.Itoa(p+1)+"/waves/1", nil, http.StatusOK, &st)
		require.Len(t, st.Alters, alters)
		for i, a := range st.Alters {
			assert.Equal(t, "A"+strconv.Itoa(i), a.Name, "in the order added")
		}
	}
}

package mapserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/store"
	"github.com/sociogram/sociogram/visualize"
)

// errBadRequest marks an error that is the request's fault (400).
var errBadRequest = errors.New("bad request")

// Vocabularies of the API (api19.md).
var (
	alterTypes = []string{"person", "place", "service", "group", "activity", "other"}
	qualities  = []string{"strong", "tenuous", "stressful"}
	flows      = []string{"to ego", "from ego", "both"}
)

// route is one route of api19.md: its pattern and handler.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// routeTable lists every route of the JSON API and the pictures
// (api19.md); the page and its files are served by serveAsset.
func (s *Server) routeTable() []route {
	return []route{
		{"GET /api/study", s.jsonHandler(s.getStudy)},
		{"GET /api/people", s.jsonHandler(s.getPeople)},
		{"POST /api/people", s.jsonHandler(s.postPerson)},
		{"GET /api/people/{pid}", s.jsonHandler(s.getPerson)},
		{"PATCH /api/people/{pid}", s.jsonHandler(s.patchPerson)},
		{"PATCH /api/people/{pid}/waves/{wave}", s.jsonHandler(s.patchWave)},
		{"POST /api/people/{pid}/erase", s.jsonHandler(s.postErase)},
		{"POST /api/people/{pid}/followup", s.jsonHandler(s.postFollowUp)},
		{"POST /api/people/{pid}/undo", s.jsonHandler(s.postUndo)},
		{"GET /api/people/{pid}/log", s.jsonHandler(s.getLog)},
		{"GET /api/log", s.jsonHandler(s.getLog)},
		{"GET /api/people/{pid}/waves/{wave}", s.jsonHandler(s.getState)},
		{"GET /api/people/{pid}/waves/{wave}/words", s.jsonHandler(s.getWords)},
		{"POST /api/people/{pid}/waves/{wave}/alters", s.jsonHandler(s.postAlter)},
		{"PATCH /api/people/{pid}/waves/{wave}/alters/{key}", s.jsonHandler(s.patchAlter)},
		{"POST /api/people/{pid}/waves/{wave}/alters/{key}/drop", s.jsonHandler(s.postDrop)},
		{"DELETE /api/people/{pid}/waves/{wave}/alters/{key}", s.jsonHandler(s.deleteAlter)},
		{"POST /api/people/{pid}/waves/{wave}/ties", s.jsonHandler(s.postTie)},
		{"PATCH /api/people/{pid}/waves/{wave}/ties/{a}/{b}", s.jsonHandler(s.patchTie)},
		{"DELETE /api/people/{pid}/waves/{wave}/ties/{a}/{b}", s.jsonHandler(s.deleteTie)},
		{"POST /api/people/{pid}/goals", s.jsonHandler(s.postGoal)},
		{"PATCH /api/people/{pid}/goals/{gid}", s.jsonHandler(s.patchGoal)},
		{"DELETE /api/people/{pid}/goals/{gid}", s.jsonHandler(s.deleteGoal)},
		{"PUT /api/people/{pid}/goals/{gid}/levels/{wave}", s.jsonHandler(s.putLevel)},
		{"GET /api/people/{pid}/waves/{wave}/map.svg", s.picture("svg", s.mapPicture)},
		{"GET /api/people/{pid}/waves/{wave}/map.png", s.picture("png", s.mapPicture)},
		{"GET /api/people/{pid}/beforeafter.svg", s.picture("svg", s.beforeAfterPicture)},
		{"GET /api/people/{pid}/beforeafter.png", s.picture("png", s.beforeAfterPicture)},
		{"GET /api/people/{pid}/goals.svg", s.picture("svg", s.goalsPicture)},
		{"GET /api/people/{pid}/goals.png", s.picture("png", s.goalsPicture)},
		{"GET /api/people/{pid}/report.pdf", s.report},
	}
}

// routes registers the routes, every file of the page for GET, and a
// JSON 404 for any other path under /api/.
func (s *Server) routes() {
	for _, r := range s.routeTable() {
		s.mux.HandleFunc(r.pattern, r.handler)
	}
	s.mux.HandleFunc("/", s.serveAsset)
	s.mux.HandleFunc("/api/", s.noRoute)
}

// noRoute answers a path under /api/ that no route takes: 405 with the
// methods that path takes, or 404.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pat := s.mux.Handler(probe); pat != "/api/" && pat != "/" && pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, r.Method+" "+r.URL.Path+": use "+strings.Join(allow, " or "))
		return
	}
	writeError(w, http.StatusNotFound, "no such route: "+r.Method+" "+r.URL.Path)
}

// result is a handler's answer: the status and the value to send as JSON.
type result struct {
	status int
	body   any
}

// jsonHandler turns a handler returning a value or an error into an
// http.HandlerFunc that writes JSON, mapping the store's errors onto
// statuses (api19.md "Errors").
func (s *Server) jsonHandler(h func(*http.Request) (result, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		res, err := h(r)
		if err != nil {
			writeError(w, statusOf(err), err.Error())
			return
		}
		if res.status == 0 {
			res.status = http.StatusOK
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(res.body); err != nil {
			writeError(w, http.StatusInternalServerError, "encoding the answer: "+err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(res.status)
		_, _ = w.Write(buf.Bytes())
	}
}

// statusOf maps an error onto its HTTP status.
func statusOf(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errBadRequest), errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrExists), errors.Is(err, store.ErrNothingToUndo):
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// writeError writes {"error": msg} with status (msg on one line).
func writeError(w http.ResponseWriter, status int, msg string) {
	msg = strings.Join(strings.Fields(msg), " ")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"error": msg})
	_, _ = w.Write(append(b, '\n'))
}

// decode reads the JSON body into v, refusing unknown fields and trailing
// data.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: empty body, want a JSON object", errBadRequest)
		}
		return fmt.Errorf("%w: body: %v", errBadRequest, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: body: data after the JSON object", errBadRequest)
	}
	return nil
}

// ---------------------------------------------------------------- JSON shapes

// PersonJSON is a person with their waves.
type PersonJSON struct {
	ID        string     `json:"id"`
	Pseudonym string     `json:"pseudonym"`
	Waves     []WaveJSON `json:"waves"`
}

// WaveJSON is one meeting: its wave label and date.
type WaveJSON struct {
	Wave string `json:"wave"`
	Date string `json:"date"`
}

// AlterJSON is one alter at one wave.
type AlterJSON struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Role    string `json:"role"`
	Note    string `json:"note"`
	Type    string `json:"type"`
	Ring    *int   `json:"ring"`
	Quality string `json:"quality"`
	Flow    string `json:"flow"`
}

// TieJSON is one alter–alter tie.
type TieJSON struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Quality string `json:"quality"`
	Flow    string `json:"flow"`
}

// GoalJSON is one goal with its GAS level at every wave (nil: not
// scored).
type GoalJSON struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Weight      float64         `json:"weight"`
	Baseline    string          `json:"baseline"`
	Levels      map[string]*int `json:"levels"`
}

// FollowUpJSON compares a wave with the one before it (alter keys).
type FollowUpJSON struct {
	From        string              `json:"from"`
	Kept        []string            `json:"kept"`
	Lost        []string            `json:"lost"`
	Gained      []string            `json:"gained"`
	Closer      []string            `json:"closer"`
	Further     []string            `json:"further"`
	RoleChanged []string            `json:"role_changed"`
	Words       []measures.Sentence `json:"words"`
}

// State is the map state of api19.md: everything the page shows of one
// person at one wave.
type State struct {
	Person   PersonJSON          `json:"person"`
	Wave     string              `json:"wave"`
	Version  int64               `json:"version"`
	CanUndo  bool                `json:"can_undo"`
	Alters   []AlterJSON         `json:"alters"`
	Ties     []TieJSON           `json:"ties"`
	Words    []measures.Sentence `json:"words"`
	MapSVG   string              `json:"map_svg"`
	Geometry *Geometry           `json:"geometry"`
	FollowUp *FollowUpJSON       `json:"followup"`
	Goals    []GoalJSON          `json:"goals"`
}

// StudyJSON is what the page offers to choose from.
type StudyJSON struct {
	Rings     int      `json:"rings"`
	Sectors   []string `json:"sectors"`
	Types     []string `json:"types"`
	Qualities []string `json:"qualities"`
	Flows     []string `json:"flows"`
	Worker    string   `json:"worker"`
}

// ChangeJSON is one row of the change log.
type ChangeJSON struct {
	ID     int64           `json:"id"`
	At     string          `json:"at"`
	Who    string          `json:"who"`
	Person string          `json:"person"`
	Wave   string          `json:"wave"`
	Action string          `json:"action"`
	What   string          `json:"what"`
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
}

// ---------------------------------------------------------------- reads

func (s *Server) getStudy(*http.Request) (result, error) {
	return result{body: StudyJSON{Rings: numRings, Sectors: s.sectors, Types: alterTypes, Qualities: qualities, Flows: flows, Worker: s.opt.Worker}}, nil
}

func (s *Server) getPeople(r *http.Request) (result, error) {
	ps, err := s.st.People(r.Context())
	if err != nil {
		return result{}, err
	}
	out := make([]PersonJSON, 0, len(ps))
	for _, p := range ps {
		pj, err := s.personJSON(r, p)
		if err != nil {
			return result{}, err
		}
		out = append(out, pj)
	}
	return result{body: out}, nil
}

func (s *Server) personJSON(r *http.Request, p store.Person) (PersonJSON, error) {
	ivs, err := s.st.Interviews(r.Context(), p.ID)
	if err != nil {
		return PersonJSON{}, err
	}
	pj := PersonJSON{ID: p.ID, Pseudonym: p.Pseudonym, Waves: make([]WaveJSON, 0, len(ivs))}
	for _, iv := range ivs {
		pj.Waves = append(pj.Waves, WaveJSON{Wave: iv.Wave, Date: iv.Date})
	}
	return pj, nil
}

func (s *Server) getPerson(r *http.Request) (result, error) {
	p, err := s.st.Person(r.Context(), r.PathValue("pid"))
	if err != nil {
		return result{}, err
	}
	pj, err := s.personJSON(r, p)
	return result{body: pj}, err
}

func (s *Server) getState(r *http.Request) (result, error) {
	st, err := s.state(r, r.PathValue("pid"), r.PathValue("wave"))
	return result{body: st}, err
}

func (s *Server) getWords(r *http.Request) (result, error) {
	st, err := s.state(r, r.PathValue("pid"), r.PathValue("wave"))
	if err != nil {
		return result{}, err
	}
	return result{body: st.Words}, nil
}

func (s *Server) getLog(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	if pid != "" {
		if _, err := s.st.Person(r.Context(), pid); err != nil {
			return result{}, err
		}
	}
	cs, err := s.st.Log(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	out := make([]ChangeJSON, 0, len(cs))
	for _, c := range cs {
		out = append(out, ChangeJSON{ID: c.ID, At: c.At.UTC().Format("2006-01-02T15:04:05Z"), Who: c.By, Person: c.Person,
			Wave: c.Wave, Action: c.Action, What: c.What, Before: c.Before, After: c.After})
	}
	return result{body: out}, nil
}

// loaded is one person's data as the handlers use it.
type loaded struct {
	person store.Person
	ivs    []store.Interview
	alters []store.Alter
	ties   []store.Tie
	maps   *personMaps
}

// load reads a person's every wave and builds their maps.
func (s *Server) load(r *http.Request, pid string) (*loaded, error) {
	ctx := r.Context()
	p, err := s.st.Person(ctx, pid)
	if err != nil {
		return nil, err
	}
	l := &loaded{person: p}
	if l.ivs, err = s.st.Interviews(ctx, pid); err != nil {
		return nil, err
	}
	for _, iv := range l.ivs {
		m, err := s.st.Map(ctx, store.WaveKey{Person: pid, Wave: iv.Wave})
		if err != nil {
			return nil, err
		}
		l.alters = append(l.alters, m.Alters...)
		l.ties = append(l.ties, m.Ties...)
	}
	if l.maps, err = buildMaps(pid, l.ivs, l.alters, l.ties); err != nil {
		return nil, err
	}
	return l, nil
}

// waveIndex returns the index of wave among the person's interviews, or
// an ErrNotFound error.
func (l *loaded) waveIndex(wave string) (int, error) {
	for i, iv := range l.ivs {
		if iv.Wave == wave {
			return i, nil
		}
	}
	return -1, fmt.Errorf("person %s wave %s: %w", l.person.ID, wave, store.ErrNotFound)
}

// ego returns the person's map at the i-th wave.
func (l *loaded) ego(i int) *network.EgoNet {
	return l.maps.ego(l.person.ID, waveLabel(l.ivs[i].Wave))
}

// title is the title of a person's map: their pseudonym (or ID) and wave.
func (l *loaded) title(wave string) string {
	name := l.person.Pseudonym
	if name == "" {
		name = l.person.ID
	}
	if wave == "" {
		return name
	}
	return name + ", wave " + wave
}

// state computes the map state of a person at a wave (api19.md).
func (s *Server) state(r *http.Request, pid, wave string) (*State, error) {
	l, err := s.load(r, pid)
	if err != nil {
		return nil, err
	}
	return s.stateOf(r, l, wave)
}

func (s *Server) stateOf(r *http.Request, l *loaded, wave string) (*State, error) {
	i, err := l.waveIndex(wave)
	if err != nil {
		return nil, err
	}
	pj := PersonJSON{ID: l.person.ID, Pseudonym: l.person.Pseudonym, Waves: make([]WaveJSON, 0, len(l.ivs))}
	for _, iv := range l.ivs {
		pj.Waves = append(pj.Waves, WaveJSON{Wave: iv.Wave, Date: iv.Date})
	}
	st := &State{Person: pj, Wave: wave, Alters: []AlterJSON{}, Ties: []TieJSON{}, Goals: []GoalJSON{}}
	for _, a := range l.alters {
		if a.Wave == wave {
			st.Alters = append(st.Alters, alterJSON(a))
		}
	}
	for _, t := range l.ties {
		if t.Wave == wave {
			st.Ties = append(st.Ties, TieJSON{A: t.A, B: t.B, Quality: t.Quality, Flow: t.Flow})
		}
	}
	if st.Version, err = s.st.Version(r.Context(), l.person.ID); err != nil {
		return nil, err
	}
	log, err := s.st.Log(r.Context(), l.person.ID)
	if err != nil {
		return nil, err
	}
	last := lastUndoable(log)
	st.CanUndo = last != nil && last.Action != "person.add"
	e := l.ego(i)
	wo := s.wordsOptions()
	if st.Words, err = measures.Describe(e, wo); err != nil {
		return nil, err
	}
	if st.Words == nil {
		st.Words = []measures.Sentence{}
	}
	f, err := s.mapFigure(e, l.title(wave), "egogram")
	if err != nil {
		return nil, err
	}
	if st.Geometry, err = geometryOf(f, e); err != nil {
		return nil, err
	}
	st.MapSVG = fmt.Sprintf("/api/people/%s/waves/%s/map.svg?v=%d", url.PathEscape(l.person.ID), url.PathEscape(wave), st.Version)
	if i > 0 {
		before := l.ego(i - 1)
		fu := measures.FollowUpOf(before, e, wo)
		st.FollowUp = &FollowUpJSON{From: l.ivs[i-1].Wave, Kept: nonNil(fu.Kept), Lost: nonNil(fu.Lost), Gained: nonNil(fu.Gained),
			Closer: nonNil(fu.Closer), Further: nonNil(fu.Further), RoleChanged: nonNil(fu.RoleChanged),
			Words: measures.DescribeChange(before, e, wo)}
		if st.FollowUp.Words == nil {
			st.FollowUp.Words = []measures.Sentence{}
		}
	}
	goals, err := s.st.Goals(r.Context(), l.person.ID)
	if err != nil {
		return nil, err
	}
	st.Goals = goalsJSON(goals, l.ivs)
	return st, nil
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func alterJSON(a store.Alter) AlterJSON {
	aj := AlterJSON{Key: a.Key, Name: a.Name, Role: a.Role, Note: a.Attrs[colNote], Type: a.Type, Quality: a.Quality, Flow: a.Flow}
	if a.Ring > 0 {
		k := a.Ring
		aj.Ring = &k
	}
	return aj
}

// goalsJSON lists a person's goals with a level (or null) at every wave.
func goalsJSON(goals []store.Goal, ivs []store.Interview) []GoalJSON {
	out := make([]GoalJSON, 0, len(goals))
	for _, g := range goals {
		gj := GoalJSON{ID: g.ID, Name: g.ID, Description: g.Description, Weight: g.Weight, Baseline: g.Baseline, Levels: map[string]*int{}}
		for _, iv := range ivs {
			if l, ok := g.Levels[iv.Wave]; ok {
				gj.Levels[iv.Wave] = &l
			} else {
				gj.Levels[iv.Wave] = nil
			}
		}
		out = append(out, gj)
	}
	return out
}

// ---------------------------------------------------------------- changes

// personBody is the body of POST /api/people and POST .../followup.
type personBody struct {
	Pseudonym string `json:"pseudonym"`
	Wave      string `json:"wave"`
	Date      string `json:"date"`
}

func (s *Server) today() string { return s.opt.Now().Format("2006-01-02") }

func (s *Server) postPerson(r *http.Request) (result, error) {
	var b personBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.Wave == "" {
		b.Wave = "1"
	}
	if b.Date == "" {
		b.Date = s.today()
	}
	if err := checkDate(b.Date); err != nil {
		return result{}, err
	}
	b.Pseudonym = strings.TrimSpace(b.Pseudonym)
	if err := checkName("pseudonym", b.Pseudonym); err != nil {
		return result{}, err
	}
	if err := checkWave("wave", b.Wave); err != nil {
		return result{}, err
	}
	p, err := s.ed.AddPerson(r.Context(), store.Person{Pseudonym: b.Pseudonym}, store.Interview{Wave: b.Wave, Date: b.Date})
	if err != nil {
		return result{}, err
	}
	st, err := s.state(r, p.ID, b.Wave)
	return result{status: http.StatusCreated, body: st}, err
}

func (s *Server) patchPerson(r *http.Request) (result, error) {
	var b struct {
		Pseudonym *string `json:"pseudonym"`
	}
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	p, err := s.st.Person(r.Context(), r.PathValue("pid"))
	if err != nil {
		return result{}, err
	}
	if b.Pseudonym != nil {
		p.Pseudonym = strings.TrimSpace(*b.Pseudonym)
		if err := checkName("pseudonym", p.Pseudonym); err != nil {
			return result{}, err
		}
		if err := s.ed.UpdatePerson(r.Context(), p); err != nil {
			return result{}, err
		}
	}
	return s.getPerson(r)
}

func (s *Server) patchWave(r *http.Request) (result, error) {
	var b struct {
		Date *string `json:"date"`
	}
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	pid, wave := r.PathValue("pid"), r.PathValue("wave")
	ivs, err := s.st.Interviews(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	for _, iv := range ivs {
		if iv.Wave != wave {
			continue
		}
		if b.Date != nil {
			if *b.Date != "" {
				if err := checkDate(*b.Date); err != nil {
					return result{}, err
				}
			}
			iv.Date = *b.Date
			if err := s.ed.UpdateInterview(r.Context(), iv); err != nil {
				return result{}, err
			}
		}
		return s.waveState(r, http.StatusOK)
	}
	return result{}, fmt.Errorf("person %s wave %s: %w", pid, wave, store.ErrNotFound)
}

// checkDate refuses a date that is not YYYY-MM-DD.
func checkDate(d string) error {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return fmt.Errorf("%w: date %q: want YYYY-MM-DD", errBadRequest, d)
	}
	for i, c := range d {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return fmt.Errorf("%w: date %q: want YYYY-MM-DD", errBadRequest, d)
		}
	}
	return nil
}

func (s *Server) postFollowUp(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	var b personBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.Pseudonym != "" {
		return result{}, fmt.Errorf("%w: a follow-up takes wave and date, not pseudonym", errBadRequest)
	}
	ivs, err := s.st.Interviews(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	if len(ivs) == 0 {
		return result{}, fmt.Errorf("person %s has no wave to follow up: %w", pid, store.ErrNotFound)
	}
	if b.Wave == "" {
		b.Wave = nextWave(ivs)
	}
	if err := checkWave("wave", b.Wave); err != nil {
		return result{}, err
	}
	if b.Date == "" {
		b.Date = s.today()
	}
	if err := checkDate(b.Date); err != nil {
		return result{}, err
	}
	if _, err := s.ed.FollowUp(r.Context(), store.Interview{Person: pid, Wave: b.Wave, Date: b.Date}, ""); err != nil {
		return result{}, err
	}
	st, err := s.state(r, pid, b.Wave)
	return result{status: http.StatusCreated, body: st}, err
}

// nextWave is one more than the largest numeric wave label ("2" after
// "1"), or the number of waves plus one when none is numeric.
func nextWave(ivs []store.Interview) string {
	n := 0
	for _, iv := range ivs {
		if k, err := strconv.Atoi(iv.Wave); err == nil {
			n = max(n, k)
		}
	}
	if n == 0 {
		n = len(ivs)
	}
	return strconv.Itoa(n + 1)
}

func (s *Server) postErase(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	var b struct {
		Confirm string `json:"confirm"`
	}
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	p, err := s.st.Person(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	want := p.Pseudonym
	if want == "" {
		want = p.ID
	}
	if b.Confirm != want {
		return result{}, fmt.Errorf("%w: confirm: give the person's pseudonym (or ID) to erase them", errBadRequest)
	}
	c, err := s.ed.Erase(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	return result{body: map[string]string{"erased": pid, "log": c.What}}, nil
}

func (s *Server) postUndo(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	if r.ContentLength > 0 {
		var b struct{}
		if err := decode(r, &b); err != nil {
			return result{}, err
		}
	}
	// Undoing a person's creation would make them vanish from the page
	// (with their data kept in the log): that is erasure's job.
	log, err := s.st.Log(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	if last := lastUndoable(log); last == nil || last.Action == "person.add" {
		return result{}, fmt.Errorf("person %s: %w (to remove the person, erase them)", pid, store.ErrNothingToUndo)
	}
	c, err := s.ed.Undo(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	wave := c.Wave
	l, err := s.load(r, pid)
	if err != nil {
		return result{}, err
	}
	if len(l.ivs) == 0 {
		return result{}, fmt.Errorf("person %s has no wave left after the undo: %w", pid, store.ErrNotFound)
	}
	if _, err := l.waveIndex(wave); err != nil || wave == "" {
		wave = l.ivs[len(l.ivs)-1].Wave
	}
	st, err := s.stateOf(r, l, wave)
	return result{body: st}, err
}

// lastUndoable returns the change an undo would revert: the last one
// that is neither an undo nor undone; nil when there is none.
func lastUndoable(log []store.Change) *store.Change {
	undone := map[int64]bool{}
	for _, c := range log {
		if c.Undoes != 0 {
			undone[c.Undoes] = true
		}
	}
	for i := len(log) - 1; i >= 0; i-- {
		if c := &log[i]; c.Action != "undo" && !undone[c.ID] {
			return c
		}
	}
	return nil
}

// alterBody is the body of the alter routes; nil fields are not given.
type alterBody struct {
	Name    *string `json:"name"`
	Role    *string `json:"role"`
	Note    *string `json:"note"`
	Type    *string `json:"type"`
	Ring    *int    `json:"ring"`
	Quality *string `json:"quality"`
	Flow    *string `json:"flow"`
	// ringNull records an explicit "ring": null (not placed).
	ringNull bool
}

// UnmarshalJSON tells "ring": null from no ring.
func (b *alterBody) UnmarshalJSON(data []byte) error {
	type plain alterBody
	var p plain
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*b = alterBody(p)
	if v, ok := raw["ring"]; ok && string(bytes.TrimSpace(v)) == "null" {
		b.ringNull = true
	}
	return nil
}

// apply puts the given fields on a, checking each against the study's
// vocabulary.
func (s *Server) apply(b alterBody, a *store.Alter) error {
	if b.Name != nil {
		n := strings.TrimSpace(*b.Name)
		if n == "" {
			return fmt.Errorf("%w: name: empty (give a name or a pseudonym)", errBadRequest)
		}
		if err := checkName("name", n); err != nil {
			return err
		}
		a.Name = n
	}
	if b.Role != nil {
		if *b.Role != "" && !slices.Contains(s.sectors, *b.Role) {
			return fmt.Errorf("%w: role %q: want one of %s or \"\"", errBadRequest, *b.Role, strings.Join(s.sectors, ", "))
		}
		a.Role = *b.Role
	}
	if b.Note != nil {
		if err := checkText("note", *b.Note); err != nil {
			return err
		}
		if a.Attrs == nil {
			a.Attrs = map[string]string{}
		}
		if *b.Note == "" {
			delete(a.Attrs, colNote)
		} else {
			a.Attrs[colNote] = *b.Note
		}
	}
	if b.Type != nil {
		if *b.Type != "" && !slices.Contains(alterTypes, *b.Type) {
			return fmt.Errorf("%w: type %q: want one of %s", errBadRequest, *b.Type, strings.Join(alterTypes, ", "))
		}
		a.Type = *b.Type
	}
	if b.ringNull {
		a.Ring = 0
	} else if b.Ring != nil {
		if *b.Ring < 1 || *b.Ring > numRings {
			return fmt.Errorf("%w: ring %d: want 1 (closest) to %d, or null", errBadRequest, *b.Ring, numRings)
		}
		a.Ring = *b.Ring
	}
	if b.Quality != nil {
		if *b.Quality != "" && !slices.Contains(qualities, *b.Quality) {
			return fmt.Errorf("%w: quality %q: want one of %s or \"\"", errBadRequest, *b.Quality, strings.Join(qualities, ", "))
		}
		a.Quality = *b.Quality
	}
	if b.Flow != nil {
		if *b.Flow != "" && !slices.Contains(flows, *b.Flow) {
			return fmt.Errorf("%w: flow %q: want one of %s or \"\"", errBadRequest, *b.Flow, strings.Join(flows, ", "))
		}
		a.Flow = *b.Flow
	}
	return nil
}

// waveState answers a change of one wave with that wave's state.
func (s *Server) waveState(r *http.Request, status int) (result, error) {
	st, err := s.state(r, r.PathValue("pid"), r.PathValue("wave"))
	return result{status: status, body: st}, err
}

// findAlter returns the alter key of the request at its wave.
func (s *Server) findAlter(r *http.Request) (store.Alter, error) {
	pid, wave, key := r.PathValue("pid"), r.PathValue("wave"), r.PathValue("key")
	return s.st.Alter(r.Context(), store.AlterKey{Person: pid, Wave: wave, Alter: key})
}

func (s *Server) postAlter(r *http.Request) (result, error) {
	var b alterBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.Name == nil {
		return result{}, fmt.Errorf("%w: name: missing (give a name or a pseudonym)", errBadRequest)
	}
	a := store.Alter{Person: r.PathValue("pid"), Wave: r.PathValue("wave"), Weight: 1}
	if err := s.apply(b, &a); err != nil {
		return result{}, err
	}
	if _, err := s.ed.AddAlter(r.Context(), a); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusCreated)
}

func (s *Server) patchAlter(r *http.Request) (result, error) {
	var b alterBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	a, err := s.findAlter(r)
	if err != nil {
		return result{}, err
	}
	if err := s.apply(b, &a); err != nil {
		return result{}, err
	}
	if err := s.ed.UpdateAlter(r.Context(), a); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusOK)
}

func (s *Server) postDrop(r *http.Request) (result, error) {
	var b struct {
		X *float64 `json:"x"`
		Y *float64 `json:"y"`
	}
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.X == nil || b.Y == nil || math.IsNaN(*b.X) || math.IsNaN(*b.Y) {
		return result{}, fmt.Errorf("%w: drop: want {\"x\": number, \"y\": number} in the SVG's units", errBadRequest)
	}
	a, err := s.findAlter(r)
	if err != nil {
		return result{}, err
	}
	l, err := s.load(r, a.Person)
	if err != nil {
		return result{}, err
	}
	i, err := l.waveIndex(a.Wave)
	if err != nil {
		return result{}, err
	}
	e := l.ego(i)
	f, err := s.mapFigure(e, l.title(a.Wave), "egogram")
	if err != nil {
		return result{}, err
	}
	m, err := f.MapGeometry()
	if err != nil {
		return result{}, err
	}
	ring, sector := m.Cell(*b.X, *b.Y)
	a.Ring, a.Role = 0, ""
	if ring >= 0 {
		if k, err := strconv.Atoi(m.Rings[ring].Label); err == nil {
			a.Ring = k
		}
	}
	if sector >= 0 && m.Sectors[sector].Label != visualize.Unknown {
		a.Role = m.Sectors[sector].Label
	}
	if err := s.ed.UpdateAlter(r.Context(), a); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusOK)
}

func (s *Server) deleteAlter(r *http.Request) (result, error) {
	k := store.AlterKey{Person: r.PathValue("pid"), Wave: r.PathValue("wave"), Alter: r.PathValue("key")}
	if err := s.ed.RemoveAlter(r.Context(), k); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusOK)
}

// tieBody is the body of the tie routes.
type tieBody struct {
	A       string  `json:"a"`
	B       string  `json:"b"`
	Quality *string `json:"quality"`
	Flow    *string `json:"flow"`
}

func checkTie(b tieBody, t *store.Tie) error {
	if b.Quality != nil {
		if *b.Quality != "" && !slices.Contains(qualities, *b.Quality) {
			return fmt.Errorf("%w: quality %q: want one of %s or \"\"", errBadRequest, *b.Quality, strings.Join(qualities, ", "))
		}
		t.Quality = *b.Quality
	}
	if b.Flow != nil {
		if *b.Flow != "" && !slices.Contains(flows, *b.Flow) {
			return fmt.Errorf("%w: flow %q: want one of %s or \"\"", errBadRequest, *b.Flow, strings.Join(flows, ", "))
		}
		t.Flow = *b.Flow
	}
	return nil
}

func (s *Server) postTie(r *http.Request) (result, error) {
	var b tieBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.A == "" || b.B == "" {
		return result{}, fmt.Errorf("%w: a tie needs \"a\" and \"b\", two alter keys", errBadRequest)
	}
	if b.A == b.B {
		return result{}, fmt.Errorf("%w: a tie joins two different alters (a and b are both %s)", errBadRequest, b.A)
	}
	t := store.Tie{Person: r.PathValue("pid"), Wave: r.PathValue("wave"), A: b.A, B: b.B, Weight: 1}
	if err := checkTie(b, &t); err != nil {
		return result{}, err
	}
	if err := s.ed.AddTie(r.Context(), t); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusCreated)
}

func (s *Server) findTie(r *http.Request) (store.Tie, error) {
	pid, wave, a, b := r.PathValue("pid"), r.PathValue("wave"), r.PathValue("a"), r.PathValue("b")
	m, err := s.st.Map(r.Context(), store.WaveKey{Person: pid, Wave: wave})
	if err != nil {
		return store.Tie{}, err
	}
	ts := m.Ties
	for _, t := range ts {
		if (t.A == a && t.B == b) || (t.A == b && t.B == a) {
			return t, nil
		}
	}
	return store.Tie{}, fmt.Errorf("person %s wave %s tie %s-%s: %w", pid, wave, a, b, store.ErrNotFound)
}

func (s *Server) patchTie(r *http.Request) (result, error) {
	var b tieBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.A != "" || b.B != "" {
		return result{}, fmt.Errorf("%w: the tie is named by the path; give only quality and flow", errBadRequest)
	}
	t, err := s.findTie(r)
	if err != nil {
		return result{}, err
	}
	if err := checkTie(b, &t); err != nil {
		return result{}, err
	}
	if err := s.ed.UpdateTie(r.Context(), t); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusOK)
}

func (s *Server) deleteTie(r *http.Request) (result, error) {
	t, err := s.findTie(r)
	if err != nil {
		return result{}, err
	}
	if err := s.ed.RemoveTie(r.Context(), store.TieKey{Person: t.Person, Wave: t.Wave, A: t.A, B: t.B}); err != nil {
		return result{}, err
	}
	return s.waveState(r, http.StatusOK)
}

// goalBody is the body of the goal routes.
type goalBody struct {
	Name        *string  `json:"name"`
	Description *string  `json:"description"`
	Weight      *float64 `json:"weight"`
	Baseline    *string  `json:"baseline"`
}

func (s *Server) applyGoal(b goalBody, g *store.Goal) error {
	if b.Description != nil {
		if err := checkText("description", *b.Description); err != nil {
			return err
		}
		g.Description = *b.Description
	}
	if b.Weight != nil {
		if !(*b.Weight > 0) || math.IsInf(*b.Weight, 0) {
			return fmt.Errorf("%w: weight %v: want a number > 0", errBadRequest, *b.Weight)
		}
		g.Weight = *b.Weight
	}
	if b.Baseline != nil {
		if *b.Baseline != "" {
			if err := checkWave("baseline", *b.Baseline); err != nil {
				return err
			}
		}
		g.Baseline = *b.Baseline
	}
	return nil
}

func (s *Server) postGoal(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	var b goalBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.Name == nil || strings.TrimSpace(*b.Name) == "" {
		return result{}, fmt.Errorf("%w: name: missing (a goal needs a short name)", errBadRequest)
	}
	if err := checkName("name", strings.TrimSpace(*b.Name)); err != nil {
		return result{}, err
	}
	g := store.Goal{Person: pid, ID: strings.TrimSpace(*b.Name), Weight: 1}
	if err := s.applyGoal(b, &g); err != nil {
		return result{}, err
	}
	ivs, err := s.st.Interviews(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	if len(ivs) == 0 {
		return result{}, fmt.Errorf("person %s has no wave to set goals at: %w", pid, store.ErrNotFound)
	}
	if g.Baseline == "" {
		g.Baseline = ivs[len(ivs)-1].Wave
	}
	if _, err := s.ed.AddGoal(r.Context(), g); err != nil {
		return result{}, err
	}
	st, err := s.state(r, pid, g.Baseline)
	return result{status: http.StatusCreated, body: st}, err
}

func (s *Server) findGoal(r *http.Request) (store.Goal, []store.Interview, error) {
	pid, gid := r.PathValue("pid"), r.PathValue("gid")
	gs, err := s.st.Goals(r.Context(), pid)
	if err != nil {
		return store.Goal{}, nil, err
	}
	ivs, err := s.st.Interviews(r.Context(), pid)
	if err != nil {
		return store.Goal{}, nil, err
	}
	for _, g := range gs {
		if g.ID == gid {
			return g, ivs, nil
		}
	}
	return store.Goal{}, nil, fmt.Errorf("person %s goal %s: %w", pid, gid, store.ErrNotFound)
}

func (s *Server) goalsAnswer(r *http.Request) (result, error) {
	pid := r.PathValue("pid")
	gs, err := s.st.Goals(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	ivs, err := s.st.Interviews(r.Context(), pid)
	if err != nil {
		return result{}, err
	}
	return result{body: goalsJSON(gs, ivs)}, nil
}

func (s *Server) patchGoal(r *http.Request) (result, error) {
	var b goalBody
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	g, _, err := s.findGoal(r)
	if err != nil {
		return result{}, err
	}
	if b.Name != nil && *b.Name != g.ID {
		return result{}, fmt.Errorf("%w: name: a goal's name cannot change (remove it and add another)", errBadRequest)
	}
	if err := s.applyGoal(b, &g); err != nil {
		return result{}, err
	}
	if err := s.ed.UpdateGoal(r.Context(), g); err != nil {
		return result{}, err
	}
	return s.goalsAnswer(r)
}

func (s *Server) deleteGoal(r *http.Request) (result, error) {
	if err := s.ed.RemoveGoal(r.Context(), store.GoalKey{Person: r.PathValue("pid"), Goal: r.PathValue("gid")}); err != nil {
		return result{}, err
	}
	return s.goalsAnswer(r)
}

func (s *Server) putLevel(r *http.Request) (result, error) {
	var b struct {
		Level *int `json:"level"`
	}
	if err := decode(r, &b); err != nil {
		return result{}, err
	}
	if b.Level != nil && (*b.Level < -2 || *b.Level > 2) {
		return result{}, fmt.Errorf("%w: level %d: want -2 to 2, or null", errBadRequest, *b.Level)
	}
	g, ivs, err := s.findGoal(r)
	if err != nil {
		return result{}, err
	}
	wave := r.PathValue("wave")
	found := false
	for _, iv := range ivs {
		found = found || iv.Wave == wave
	}
	if !found {
		return result{}, fmt.Errorf("person %s wave %s: %w", g.Person, wave, store.ErrNotFound)
	}
	if err := s.ed.SetLevel(r.Context(), store.GoalKey{Person: g.Person, Goal: g.ID}, wave, b.Level); err != nil {
		return result{}, err
	}
	return s.goalsAnswer(r)
}

// ---------------------------------------------------------------- pictures

// picture serves a figure in format ("svg" or "png").
func (s *Server) picture(format string, fig func(*http.Request) (*visualize.Figure, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f, err := fig(r)
		if err != nil {
			writeError(w, statusOf(err), err.Error())
			return
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, format); err != nil {
			writeError(w, http.StatusInternalServerError, "drawing: "+err.Error())
			return
		}
		if format == "svg" {
			w.Header().Set("Content-Type", "image/svg+xml")
			w.Header().Set("Content-Security-Policy", imageCSP)
		} else {
			w.Header().Set("Content-Type", "image/png")
		}
		_, _ = w.Write(buf.Bytes())
	}
}

func (s *Server) mapPicture(r *http.Request) (*visualize.Figure, error) {
	l, err := s.load(r, r.PathValue("pid"))
	if err != nil {
		return nil, err
	}
	wave := r.PathValue("wave")
	i, err := l.waveIndex(wave)
	if err != nil {
		return nil, err
	}
	return s.mapFigure(l.ego(i), l.title(wave), r.URL.Query().Get("view"))
}

// wavesOf returns the indices of the waves from and to (default: the last
// two).
func (l *loaded) wavesOf(from, to string) (int, int, error) {
	if from == "" && to == "" {
		if len(l.ivs) < 2 {
			return 0, 0, fmt.Errorf("person %s has %d wave(s); a before/after picture needs two: %w", l.person.ID, len(l.ivs), store.ErrNotFound)
		}
		return len(l.ivs) - 2, len(l.ivs) - 1, nil
	}
	if from == "" || to == "" {
		return 0, 0, fmt.Errorf("%w: give both from and to, or neither", errBadRequest)
	}
	i, err := l.waveIndex(from)
	if err != nil {
		return 0, 0, err
	}
	j, err := l.waveIndex(to)
	return i, j, err
}

func (s *Server) beforeAfterPicture(r *http.Request) (*visualize.Figure, error) {
	l, err := s.load(r, r.PathValue("pid"))
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	i, j, err := l.wavesOf(q.Get("from"), q.Get("to"))
	if err != nil {
		return nil, err
	}
	before, after := l.ego(i), l.ego(j)
	ch := measures.AlterChange(before, after)
	opt := s.drawOptions()
	opt.Title = fmt.Sprintf("%s: %d kept, %d lost, %d gained", l.title(""), len(ch.Kept), len(ch.Lost), len(ch.Gained))
	f, err := visualize.BeforeAfterFigure(before, after, opt)
	if err != nil {
		return nil, err
	}
	f.Width, f.Height = pairWidth, pairHeight
	return f, nil
}

// goalPerson builds the goals picture's input: every goal with its level
// at each of the person's waves (NaN: not scored) and the GAS T-score of
// each wave.
func goalPerson(l *loaded, goals []store.Goal) visualize.GoalPerson {
	p := visualize.GoalPerson{EgoID: l.title("")}
	for _, iv := range l.ivs {
		p.Waves = append(p.Waves, iv.Wave)
	}
	weights := make([]float64, len(goals))
	for k, g := range goals {
		row := visualize.GoalRow{Goal: g.ID, Description: g.Description, Weight: g.Weight}
		for _, iv := range l.ivs {
			v := math.NaN()
			if lv, ok := g.Levels[iv.Wave]; ok {
				v = float64(lv)
			}
			row.Levels = append(row.Levels, v)
		}
		weights[k] = g.Weight
		p.Goals = append(p.Goals, row)
	}
	for w := range l.ivs {
		levels := make([]float64, len(goals))
		for k := range goals {
			levels[k] = p.Goals[k].Levels[w]
		}
		p.T = append(p.T, analysis.GAST(levels, weights, analysis.DefaultRho))
	}
	return p
}

func (s *Server) goalsPicture(r *http.Request) (*visualize.Figure, error) {
	l, err := s.load(r, r.PathValue("pid"))
	if err != nil {
		return nil, err
	}
	goals, err := s.st.Goals(r.Context(), l.person.ID)
	if err != nil {
		return nil, err
	}
	if len(goals) == 0 {
		return nil, fmt.Errorf("person %s has no goals: %w", l.person.ID, store.ErrNotFound)
	}
	return visualize.GoalsFigure(goalPerson(l, goals))
}

// report serves the one-page PDF for the person's file.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	b, name, err := s.reportPDF(r)
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write(b)
}

func (s *Server) reportPDF(r *http.Request) ([]byte, string, error) {
	l, err := s.load(r, r.PathValue("pid"))
	if err != nil {
		return nil, "", err
	}
	if len(l.ivs) == 0 {
		return nil, "", fmt.Errorf("person %s has no wave: %w", l.person.ID, store.ErrNotFound)
	}
	i := len(l.ivs) - 1
	if wave := r.URL.Query().Get("wave"); wave != "" {
		if i, err = l.waveIndex(wave); err != nil {
			return nil, "", err
		}
	}
	goals, err := s.st.Goals(r.Context(), l.person.ID)
	if err != nil {
		return nil, "", err
	}
	rep := &visualize.PersonReport{
		Title: "Network of " + l.title(l.ivs[i].Wave),
		Map:   l.ego(i), Draw: s.drawOptions(), Words: s.wordsOptions(),
	}
	if d := l.ivs[i].Date; d != "" {
		rep.Date = "meeting of " + d
	}
	if i > 0 {
		rep.Before = l.ego(i - 1)
	}
	if len(goals) > 0 {
		gp := goalPerson(l, goals)
		rep.Goals = &gp
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, "pdf"); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), fmt.Sprintf("sociogram-%s-wave-%s.pdf", safeName(l.person.ID), safeName(l.ivs[i].Wave)), nil
}

// safeName keeps letters, digits, '-' and '_' of s (for a file name in a
// header).
func safeName(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

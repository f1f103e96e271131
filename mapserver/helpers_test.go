package mapserver

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/store"
)

// fixture is a server on a fresh study database in a temporary directory,
// behind a real listener on 127.0.0.1 (httptest).
type fixture struct {
	t   testing.TB
	dir string // the directory of the database, and nothing else
	db  string
	st  *store.Store
	srv *Server
	ts  *httptest.Server
}

// testNow is the clock of the fixtures: the date of a new wave.
var testNow = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{t: t, dir: dir, db: filepath.Join(dir, "study.db")}
	st, err := store.Open(f.db, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	f.st = st
	f.srv, err = New(st, Options{Worker: "tester", Now: func() time.Time { return testNow }})
	require.NoError(t, err)
	f.ts = httptest.NewUnstartedServer(nil)
	f.ts.Config.Handler = f.srv.Handler(f.ts.Listener.Addr().String())
	f.ts.Start()
	t.Cleanup(f.ts.Close)
	return f
}

// request builds a request with the token header and, for changes, the
// guard header and a JSON body.
func (f *fixture) request(method, path string, body any) *http.Request {
	f.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(f.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.ts.URL+path, rd)
	require.NoError(f.t, err)
	req.Header.Set(TokenHeader, f.srv.Token())
	if method != http.MethodGet && method != http.MethodHead {
		req.Header.Set(GuardHeader, "1")
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// send sends req and returns the status, the headers and the body.
func (f *fixture) send(req *http.Request) (int, http.Header, []byte) {
	f.t.Helper()
	resp, err := f.ts.Client().Do(req)
	require.NoError(f.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(f.t, err)
	return resp.StatusCode, resp.Header, b
}

// call sends an authorised request, requires status want, and decodes the
// JSON answer into out (when not nil).
func (f *fixture) call(method, path string, body any, want int, out any) {
	f.t.Helper()
	code, _, b := f.send(f.request(method, path, body))
	require.Equal(f.t, want, code, "%s %s: got %d want %d: %s", method, path, code, want, b)
	if out != nil {
		require.NoError(f.t, json.Unmarshal(b, out), "%s %s: %s", method, path, b)
	}
}

// alterSpec is an alter of a scenario: name, role, ring, type.
type alterSpec struct {
	name, role string
	ring       int
	typ        string
}

// addPerson adds a person with alters and ties (by alter index) at wave
// 1 and returns the state after the last change.
func (f *fixture) addPerson(pseudonym string, alters []alterSpec, ties [][2]int) State {
	f.t.Helper()
	var st State
	f.call("POST", "/api/people", map[string]any{"pseudonym": pseudonym}, http.StatusCreated, &st)
	base := "/api/people/" + st.Person.ID + "/waves/1"
	keys := make([]string, len(alters))
	for i, a := range alters {
		f.call("POST", base+"/alters", map[string]any{"name": a.name, "role": a.role, "ring": a.ring, "type": a.typ}, http.StatusCreated, &st)
		keys[i] = st.Alters[len(st.Alters)-1].Key
	}
	for _, t := range ties {
		f.call("POST", base+"/ties", map[string]any{"a": keys[t[0]], "b": keys[t[1]]}, http.StatusCreated, &st)
	}
	return st
}

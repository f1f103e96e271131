package mapserver_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/sociogram/sociogram/mapserver"
	"github.com/sociogram/sociogram/store"
)

// A server on a new study database: the page opens with the token, a
// person and two people they know are added through the JSON API, and the
// map's measures come back in words.
func Example() {
	dir, err := os.MkdirTemp("", "mapserver-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "study.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	srv, err := mapserver.New(st, mapserver.Options{Worker: "ann"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = srv.Handler(ts.Listener.Addr().String())
	ts.Start()
	defer ts.Close()

	send := func(method, path, body string) string {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		req.Header.Set(mapserver.TokenHeader, srv.Token()) // the page sends the cookie instead
		req.Header.Set(mapserver.GuardHeader, "1")
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, b)
	}
	// Without the token: 403.
	resp, err := http.Get(ts.URL + "/api/people")
	if err == nil {
		fmt.Println(resp.StatusCode)
		resp.Body.Close()
	}
	send("POST", "/api/people", `{"pseudonym": "Maria", "date": "2026-11-30"}`)
	send("POST", "/api/people/p1/waves/1/alters", `{"name": "Mum", "role": "family", "ring": 1}`)
	send("POST", "/api/people/p1/waves/1/alters", `{"name": "Sam", "role": "friend", "ring": 2}`)
	out := send("POST", "/api/people/p1/waves/1/ties", `{"a": "a1", "b": "a2"}`)
	fmt.Println(out[:3])
	words := send("GET", "/api/people/p1/waves/1/words", "")
	for _, part := range strings.Split(words, `"text":"`)[1:] {
		fmt.Println(part[:strings.Index(part, `"`)])
	}
	// Hand check: 2 people, 1 tie of 2·1/2 = 1 pair (density 1), no
	// isolate, one component.

	// Output:
	// 403
	// 201
	// There are 2 people on your map.
	// Your 2 people know each other (density 1).
	// Each of your 2 people knows at least one of the others.
	// All your 2 people are linked, directly or through each other: they form 1 group.
}

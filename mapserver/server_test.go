package mapserver

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// samplePath fills a route pattern's wildcards with values of the
// scenario person, so that an authorised request would reach a handler.
func samplePath(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	r := strings.NewReplacer("{pid}", "p1", "{wave}", "1", "{key}", "a1", "{a}", "a1", "{b}", "a2", "{gid}", "g1")
	return method, r.Replace(path)
}

// every request a client can make: every API route and picture, the page
// and its files, and paths that exist nowhere.
func everyRequest(t *testing.T, f *fixture) [][2]string {
	var out [][2]string
	for _, r := range f.srv.routeTable() {
		m, p := samplePath(r.pattern)
		out = append(out, [2]string{m, p})
	}
	out = append(out, [2]string{"GET", "/"}, [2]string{"GET", "/api/nothing"}, [2]string{"GET", "/nothing.js"})
	require.NoError(t, fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, [2]string{"GET", "/" + p})
		}
		return err
	}))
	return out
}

// Without the token nothing is served: every route, the page and every
// asset answer 403, with a wrong token too, and every answer carries the
// Content-Security-Policy.
func TestNoAccessWithoutToken(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", []alterSpec{{"Sam", "family", 1, "person"}, {"Jo", "friend", 2, "person"}}, [][2]int{{0, 1}})
	for _, mp := range everyRequest(t, f) {
		for _, tok := range []string{"", "wrong", f.srv.Token()[:63] + "x"} {
			req, err := http.NewRequest(mp[0], f.ts.URL+mp[1], strings.NewReader(`{}`))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set(GuardHeader, "1")
			if tok != "" {
				req.Header.Set(TokenHeader, tok)
			}
			code, h, body := f.send(req)
			assert.Equal(t, http.StatusForbidden, code, "%s %s token %q: %s", mp[0], mp[1], tok, body)
			assert.Equal(t, ContentSecurityPolicy, h.Get("Content-Security-Policy"), "%s %s", mp[0], mp[1])
			assert.NotContains(t, string(body), "Maria", "%s %s", mp[0], mp[1])
			assert.NotContains(t, string(body), "Sam", "%s %s", mp[0], mp[1])
		}
	}
	// ?token= with a wrong token is refused too, and sets no cookie.
	req, err := http.NewRequest("GET", f.ts.URL+"/?token=wrong", nil)
	require.NoError(t, err)
	code, h, _ := f.send(req)
	assert.Equal(t, http.StatusForbidden, code)
	assert.Empty(t, h.Values("Set-Cookie"))
}

// With the token every route answers something other than 403, and every
// answer, whatever its status, carries the Content-Security-Policy.
func TestCSPOnEveryResponse(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", []alterSpec{{"Sam", "family", 1, "person"}, {"Jo", "friend", 2, "person"}}, [][2]int{{0, 1}})
	for _, mp := range everyRequest(t, f) {
		var body any
		if mp[0] != "GET" {
			body = map[string]any{}
		}
		code, h, b := f.send(f.request(mp[0], mp[1], body))
		assert.NotEqual(t, http.StatusForbidden, code, "%s %s: %s", mp[0], mp[1], b)
		csp := h.Get("Content-Security-Policy")
		assert.True(t, strings.HasPrefix(csp, ContentSecurityPolicy), "%s %s: CSP %q", mp[0], mp[1], csp)
		assert.NotContains(t, csp, "http", "%s %s: CSP names no host", mp[0], mp[1])
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
	}
}

// The page is opened with ?token=: the answer sets an HttpOnly,
// SameSite=Strict cookie and sends the browser to / (the token leaves the
// address bar); from then on the cookie alone opens the page, its assets
// and the API's reads. Changes need the guard header as well.
func TestTokenURLThenCookie(t *testing.T) {
	f := newFixture(t)
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	c := f.ts.Client()
	c.Jar = jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Get(f.ts.URL + "/?token=" + f.srv.Token())
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.Equal(t, "/", resp.Header.Get("Location"))
	assert.Equal(t, ContentSecurityPolicy, resp.Header.Get("Content-Security-Policy"))
	cookies := resp.Cookies()
	require.Len(t, cookies, 1)
	ck := cookies[0]
	_, port, _ := net.SplitHostPort(f.ts.Listener.Addr().String())
	assert.Equal(t, "sociogram_"+port, ck.Name)
	assert.Equal(t, f.srv.Token(), ck.Value)
	assert.True(t, ck.HttpOnly, "HttpOnly")
	assert.Equal(t, http.SameSiteStrictMode, ck.SameSite)
	assert.Equal(t, "/", ck.Path)

	for _, p := range []string{"/", "/index.html", "/api/people", "/api/study"} {
		resp, err := c.Get(f.ts.URL + p)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s with the cookie: %s", p, b)
	}
	// A change with the cookie but without the guard header (what a
	// cross-site form could send) is refused; with it, it is made.
	resp, err = c.Post(f.ts.URL+"/api/people", "application/json", strings.NewReader(`{"pseudonym":"X"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	req, err := http.NewRequest("POST", f.ts.URL+"/api/people", strings.NewReader(`{"pseudonym":"X"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(GuardHeader, "1")
	resp, err = c.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
}

// Changes: another origin, another content type, a body over 1 MiB and a
// Host that is not the address served are refused.
func TestChangeGuards(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		mod  func(*http.Request)
		want int
	}{
		{"no guard header", func(r *http.Request) { r.Header.Del(GuardHeader) }, http.StatusForbidden},
		{"guard header not 1", func(r *http.Request) { r.Header.Set(GuardHeader, "yes") }, http.StatusForbidden},
		{"other origin", func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, http.StatusForbidden},
		{"other port", func(r *http.Request) { r.Header.Set("Origin", "http://127.0.0.1:1") }, http.StatusForbidden},
		{"DNS rebinding host", func(r *http.Request) { r.Host = "evil.example:80" }, http.StatusForbidden},
		{"form body", func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") }, http.StatusUnsupportedMediaType},
		{"text body", func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, http.StatusUnsupportedMediaType},
		{"same origin", func(r *http.Request) { r.Header.Set("Origin", f.ts.URL) }, http.StatusCreated},
		{"localhost host", func(r *http.Request) {
			_, port, _ := net.SplitHostPort(f.ts.Listener.Addr().String())
			r.Host = "localhost:" + port
		}, http.StatusCreated},
	}
	for _, c := range cases {
		req := f.request("POST", "/api/people", map[string]any{"pseudonym": "A"})
		c.mod(req)
		code, h, b := f.send(req)
		assert.Equal(t, c.want, code, "%s: %s", c.name, b)
		assert.Equal(t, ContentSecurityPolicy, h.Get("Content-Security-Policy"), c.name)
	}
	// A body over 1 MiB: 413.
	big := map[string]any{"pseudonym": strings.Repeat("x", maxBody+1)}
	code, _, b := f.send(f.request("POST", "/api/people", big))
	assert.Equal(t, http.StatusRequestEntityTooLarge, code, "%s", b)
	// A GET with a foreign Host is refused too (nothing is read).
	req := f.request("GET", "/api/people", nil)
	req.Host = "evil.example"
	code, _, _ = f.send(req)
	assert.Equal(t, http.StatusForbidden, code)
}

// externalURL finds http:// or https:// URLs, and protocol-relative ones
// in src/href/url().
var externalURL = regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}|(src|href|action)\s*=\s*["']?\s*//|url\(\s*["']?//`)

// xmlns matches the declarations of the SVG and XLink namespaces.
var xmlns = regexp.MustCompile(`xmlns(:xlink)?="http://www\.w3\.org/(2000/svg|1999/xlink)"`)

// No embedded file names another host: nothing of the page can make a
// request anywhere but the server (CSP says so too).
func TestNoExternalURLInAssets(t *testing.T) {
	n := 0
	require.NoError(t, fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Assets(), p)
		if err != nil {
			return err
		}
		n++
		// An XML namespace declaration is a name, never fetched: the
		// SVG and XLink namespaces are allowed, nothing else.
		text := xmlns.ReplaceAllString(string(b), `xmlns$1="NS"`)
		for i, line := range strings.Split(text, "\n") {
			if m := externalURL.FindString(line); m != "" {
				t.Errorf("%s:%d: external URL %q", p, i+1, m)
			}
			if strings.Contains(strings.ToLower(line), "http://") || strings.Contains(strings.ToLower(line), "https://") {
				t.Errorf("%s:%d: an http(s) URL: %s", p, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	}))
	require.NotZero(t, n, "no assets embedded")
	// The checker finds what it looks for (so that a clean run means
	// something): each of these lines has an external URL.
	for _, bad := range []string{`<script src="https://cdn.example.com/x.js">`, `<img src="//evil.example/x.png">`,
		`background: url(//fonts.example.org/f.woff)`, `fetch("http://10.0.0.1.example/x")`} {
		assert.NotEmpty(t, externalURL.FindString(bad), bad)
	}
}

// The pictures served carry no reference to another host: the only URLs
// in an SVG are its XML namespaces, which are names, never fetched.
func TestNoExternalURLInPictures(t *testing.T) {
	f := newFixture(t)
	st := f.addPerson("Maria", []alterSpec{{"Sam", "family", 1, "person"}, {"Jo", "friend", 2, "person"}}, [][2]int{{0, 1}})
	for _, p := range []string{"/waves/1/map.svg", "/waves/1/map.svg?view=ecomap"} {
		code, h, b := f.send(f.request("GET", "/api/people/"+st.Person.ID+p, nil))
		require.Equal(t, http.StatusOK, code, "%s: %s", p, b)
		assert.Equal(t, "image/svg+xml", h.Get("Content-Type"))
		urls := regexp.MustCompile(`https?://[^"' )]+`).FindAllString(string(b), -1)
		for _, u := range urls {
			assert.Contains(t, []string{"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, u, "%s: URL in the SVG", p)
		}
		assert.NotRegexp(t, `(?i)(href|src)="(https?:)?//`, string(b), p)
	}
}

func TestIsLoopback(t *testing.T) {
	cases := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8019", true}, {"127.1.2.3:80", true}, {"[::1]:8019", true}, {"localhost:8019", true},
		{"LOCALHOST:1", true}, {"127.0.0.1", true},
		{"0.0.0.0:8019", false}, {"[::]:8019", false}, {":8019", false}, {"192.168.1.20:8019", false},
		{"example.com:80", false}, {"10.0.0.1:80", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, IsLoopback(c.addr), c.addr)
	}
}

// Serve on a real listener: the printed URL opens the page, requests
// without the token get 403, and cancelling the context stops it.
func TestServeRealListener(t *testing.T) {
	f := newFixture(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln) }()
	u := f.srv.URL(ln.Addr())
	require.True(t, strings.HasPrefix(u, "http://127.0.0.1:"), u)
	require.True(t, strings.HasSuffix(u, "/?token="+f.srv.Token()), u)
	base := strings.TrimSuffix(u, "/?token="+f.srv.Token())

	resp, err := http.Get(base + "/api/people")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err = c.Get(u)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	assert.Equal(t, base+"/", resp.Request.URL.String(), "redirected to / without the token")
	assert.Contains(t, string(b), "<html")
	resp, err = c.Get(base + "/api/people")
	require.NoError(t, err)
	var people []PersonJSON
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&people))
	resp.Body.Close()
	assert.Empty(t, people)

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop")
	}
	_, err = http.Get(base + "/")
	assert.Error(t, err, "nothing listens after Serve returned")
}

func TestNewRefusesBadSectors(t *testing.T) {
	f := newFixture(t)
	for _, secs := range [][]string{{"a", "a"}, {"a", ""}} {
		_, err := New(f.st, Options{Sectors: secs})
		assert.Error(t, err, "%q", secs)
	}
	_, err := New(nil, Options{})
	assert.Error(t, err)
	s, err := New(f.st, Options{})
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{64}$`, s.Token())
	s2, err := New(f.st, Options{})
	require.NoError(t, err)
	assert.NotEqual(t, s.Token(), s2.Token(), "a new token at every start")
}

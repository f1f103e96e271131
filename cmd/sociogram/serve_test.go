package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/mapserver"
)

// lineWriter collects what a command writes and hands over its first line.
type lineWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first chan string
	sent  bool
}

func newLineWriter() *lineWriter { return &lineWriter{first: make(chan string, 1)} }

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		if line, _, ok := strings.Cut(w.buf.String(), "\n"); ok {
			w.first <- line
			w.sent = true
		}
	}
	return len(p), nil
}

func (w *lineWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// serving is a running "sociogram serve".
type serving struct {
	url, base, token string
	stdout, stderr   *lineWriter
	status           chan int
}

// startServe runs sociogram serve with args until stop, and returns the
// URL it printed.
func startServe(t *testing.T, args ...string) *serving {
	t.Helper()
	s := &serving{stdout: newLineWriter(), stderr: newLineWriter(), status: make(chan int, 1)}
	go func() { s.status <- run(append([]string{"serve"}, args...), s.stdout, s.stderr) }()
	select {
	case s.url = <-s.stdout.first:
	case st := <-s.status:
		t.Fatalf("serve ended with status %d: %s", st, s.stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve printed no URL")
	}
	var ok bool
	s.base, s.token, ok = strings.Cut(s.url, "/?token=")
	require.True(t, ok, "printed %q", s.url)
	return s
}

// stop stops the server as Ctrl-C does and returns its exit status.
func (s *serving) stop(t *testing.T) int {
	t.Helper()
	stop := interruptHook()
	require.NotNil(t, stop, "serve set no interrupt")
	stop()
	select {
	case st := <-s.status:
		return st
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	return -1
}

// call makes an authorised API request and decodes the answer.
func (s *serving) call(t *testing.T, method, path string, body any, want int, out any) []byte {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.base+path, rd)
	require.NoError(t, err)
	req.Header.Set(mapserver.TokenHeader, s.token)
	req.Header.Set(mapserver.GuardHeader, "1")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, want, resp.StatusCode, "%s %s: %s", method, path, b)
	if out != nil {
		require.NoError(t, json.Unmarshal(b, out))
	}
	return b
}

// Without --addr, serve listens on 127.0.0.1 (this computer only) at port
// 8019 or one of the next, prints the URL with the token, and serves
// nothing without it.
func TestServeDefaultIsLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "study.db")
	s := startServe(t, "--data", db)
	u, err := url.Parse(s.url)
	require.NoError(t, err)
	host, port, err := net.SplitHostPort(u.Host)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1", host, "the default listener address")
	p, err := strconv.Atoi(port)
	require.NoError(t, err)
	assert.True(t, p >= 8019 && p < 8019+servePortsTried, "port %d", p)
	assert.Regexp(t, `^[0-9a-f]{64}$`, s.token)
	assert.NotContains(t, s.stderr.String(), "warning")

	// Nothing without the token; the page with it.
	resp, err := http.Get(s.base + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	resp, err = (&http.Client{Jar: jar}).Get(s.url)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(b), "<html")
	// It does not answer on another interface of this machine.
	if ip := otherAddress(); ip != "" {
		c, err := net.DialTimeout("tcp", net.JoinHostPort(ip, port), 2*time.Second)
		if err == nil {
			c.Close()
			t.Errorf("serve answers on %s:%s", ip, port)
		}
	}
	assert.Equal(t, 0, s.stop(t))
}

// otherAddress returns a non-loopback IPv4 address of this machine, or "".
func otherAddress() string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			return n.IP.String()
		}
	}
	return ""
}

// A host that is not loopback is served with a warning on stderr.
func TestServeWarnsOffLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "study.db")
	s := startServe(t, "--data", db, "--addr", "0.0.0.0:0")
	assert.Contains(t, s.stderr.String(), "sociogram serve: warning: listening on 0.0.0.0:")
	assert.Equal(t, 1, strings.Count(s.stderr.String(), "\n"), "one line: %q", s.stderr.String())
	assert.True(t, strings.HasPrefix(s.url, "http://127.0.0.1:"), "the URL that works here: %s", s.url)
	assert.Equal(t, 0, s.stop(t))
}

// The addresses printed for another device: this machine's global
// unicast ones, IPv4 only for a 0.0.0.0 listener; never loopback or
// link-local (169.254/16, fe80::/10).
func TestOtherDeviceHosts(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		require.NoError(t, err)
		n.IP = ip
		return n
	}
	addrs := []net.Addr{
		cidr("127.0.0.1/8"), cidr("::1/128"), cidr("192.168.1.23/24"), cidr("169.254.3.4/16"),
		cidr("fe80::1/64"), cidr("2001:db8::5/64"), cidr("10.0.0.7/8"), &net.IPAddr{IP: net.IPv4(10, 1, 1, 1)},
	}
	str := func(ips []net.IP) []string {
		var out []string
		for _, ip := range ips {
			out = append(out, ip.String())
		}
		return out
	}
	assert.Equal(t, []string{"192.168.1.23", "10.0.0.7"}, str(otherDeviceHosts(addrs, true)))
	assert.Equal(t, []string{"192.168.1.23", "2001:db8::5", "10.0.0.7"}, str(otherDeviceHosts(addrs, false)))
}

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"serve"}, &out, &errb))
	assert.Contains(t, errb.String(), "--data")
	errb.Reset()
	assert.Equal(t, 1, run([]string{"serve", "--data", filepath.Join(t.TempDir(), "no-such-dir", "s.db")}, &out, &errb))
	assert.Equal(t, 1, strings.Count(errb.String(), "\n"), "%q", errb.String())
	errb.Reset()
	assert.Equal(t, 1, run([]string{"serve", "--data", filepath.Join(t.TempDir(), "s.db"), "--addr", "127.0.0.1:notaport"}, &out, &errb))
	assert.Contains(t, errb.String(), "--addr")
}

// A whole session — a person, their map, a follow-up, goals, every
// picture and the PDF — writes nothing but the database given with
// --data: the working directory, TMPDIR and HOME stay empty, and after
// serve stops the data directory holds the database alone.
func TestServeWritesOnlyData(t *testing.T) {
	root := t.TempDir()
	dirs := map[string]string{}
	for _, d := range []string{"data", "cwd", "tmp", "home"} {
		dirs[d] = filepath.Join(root, d)
		require.NoError(t, os.Mkdir(dirs[d], 0o755))
	}
	t.Chdir(dirs["cwd"])
	t.Setenv("TMPDIR", dirs["tmp"])
	t.Setenv("HOME", dirs["home"])
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dirs["home"], ".cache"))
	db := filepath.Join(dirs["data"], "study.db")
	s := startServe(t, "--data", db, "--addr", "127.0.0.1:0", "--worker", "ann")

	var st mapserver.State
	s.call(t, "POST", "/api/people", map[string]any{"pseudonym": "Maria"}, 201, &st)
	w1 := "/api/people/" + st.Person.ID + "/waves/1"
	for i, name := range []string{"Mum", "Sam", "GP"} {
		s.call(t, "POST", w1+"/alters", map[string]any{"name": name, "role": []string{"family", "friend", "professional"}[i], "ring": i + 1}, 201, &st)
	}
	s.call(t, "POST", w1+"/ties", map[string]any{"a": st.Alters[0].Key, "b": st.Alters[1].Key}, 201, &st)
	s.call(t, "POST", "/api/people/p1/goals", map[string]any{"name": "walk", "description": "walk with Sam"}, 201, &st)
	s.call(t, "PUT", "/api/people/p1/goals/walk/levels/1", map[string]any{"level": -1}, 200, nil)
	s.call(t, "POST", "/api/people/p1/followup", map[string]any{}, 201, &st)
	s.call(t, "PATCH", "/api/people/p1/waves/2/alters/"+st.Alters[1].Key, map[string]any{"ring": 1}, 200, &st)
	s.call(t, "PUT", "/api/people/p1/goals/walk/levels/2", map[string]any{"level": 1}, 200, nil)
	s.call(t, "POST", "/api/people/p1/undo", nil, 200, nil)
	for _, p := range []string{"/waves/2/map.svg", "/waves/2/map.png", "/beforeafter.png", "/goals.svg", "/report.pdf", "/log"} {
		s.call(t, "GET", "/api/people/p1"+p, nil, 200, nil)
	}
	for _, d := range []string{"cwd", "tmp", "home"} {
		assert.Empty(t, listTree(t, dirs[d]), "%s while serving", d)
	}
	assert.Equal(t, 0, s.stop(t))
	for _, d := range []string{"cwd", "tmp", "home"} {
		assert.Empty(t, listTree(t, dirs[d]), "%s after serving", d)
	}
	assert.Equal(t, []string{"study.db"}, listTree(t, dirs["data"]))
	// The log names the worker given with --worker.
	f, err := os.Open(db)
	require.NoError(t, err)
	defer f.Close()
	found := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		found = found || bytes.Contains(sc.Bytes(), []byte("ann"))
	}
	assert.True(t, found, "the database names the worker")
}

// listTree lists every file and directory under dir (relative paths).
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, rel)
		return nil
	}))
	return out
}

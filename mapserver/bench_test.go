package mapserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU time per operation since start (ms/op of CPU,
// all threads: on a machine shared with other work the wall-clock ns/op
// grows with the load, this does not).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// benchPerson adds a person with n alters spread over the five sectors
// and three rings, and 1.2·n ties drawn from a seeded stream; it returns
// the alter keys.
func benchPerson(b *testing.B, f *fixture, n int) []string {
	rng := rand.New(rand.NewPCG(19, 25))
	var alters []alterSpec
	for i := 0; i < n; i++ {
		alters = append(alters, alterSpec{fmt.Sprintf("Alter %d", i), defaultSectors[i%5], 1 + (i/5)%3, "person"})
	}
	seen := map[[2]int]bool{}
	var ties [][2]int
	for len(ties) < n*6/5 {
		a, c := rng.IntN(n), rng.IntN(n)
		if a == c || seen[[2]int{a, c}] || seen[[2]int{c, a}] {
			continue
		}
		seen[[2]int{a, c}] = true
		ties = append(ties, [2]int{a, c})
	}
	st := f.addPerson("Bench", alters, ties)
	keys := make([]string, len(st.Alters))
	for i, a := range st.Alters {
		keys[i] = a.Key
	}
	return keys
}

// serve runs one request through the server's handler (no network) and
// fails unless it answers want.
func (f *fixture) serve(b *testing.B, method, path string, body []byte, want int) *httptest.ResponseRecorder {
	var req *http.Request
	if body != nil {
		req = httptest.NewRequest(method, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.Host = f.ts.Listener.Addr().String()
	req.Header.Set(TokenHeader, f.srv.Token())
	req.Header.Set(GuardHeader, "1")
	rec := httptest.NewRecorder()
	f.ts.Config.Handler.ServeHTTP(rec, req)
	if rec.Code != want {
		b.Fatalf("%s %s: %d: %s", method, path, rec.Code, rec.Body)
	}
	return rec
}

// BenchmarkEdit measures what the page waits for after an edit of a map
// of 25 alters (30 ties): the change (one SQLite transaction with its
// change-log row), the map state it answers with (the person's waves read
// back, the measures in words, the layout of the map and its geometry,
// JSON), and then the map's SVG that the page loads anew.
func BenchmarkEdit(b *testing.B) {
	for _, n := range []int{8, 25} {
		b.Run(fmt.Sprintf("alters=%d", n), func(b *testing.B) {
			f := newFixture(b)
			keys := benchPerson(b, f, n)
			path := "/api/people/p1/waves/1/alters/" + keys[0]
			bodies := [][]byte{[]byte(`{"ring": 2}`), []byte(`{"ring": 1}`)}
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				rec := f.serve(b, "PATCH", path, bodies[i%2], http.StatusOK)
				var st State
				if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil {
					b.Fatal(err)
				}
				f.serve(b, "GET", st.MapSVG, nil, http.StatusOK)
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkState measures the map state alone (a reload of the page).
func BenchmarkState(b *testing.B) {
	f := newFixture(b)
	benchPerson(b, f, 25)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		f.serve(b, "GET", "/api/people/p1/waves/1", nil, http.StatusOK)
	}
	reportCPU(b, start)
}

// BenchmarkMapSVG measures the map's SVG alone.
func BenchmarkMapSVG(b *testing.B) {
	f := newFixture(b)
	benchPerson(b, f, 25)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		f.serve(b, "GET", "/api/people/p1/waves/1/map.svg", nil, http.StatusOK)
	}
	reportCPU(b, start)
}

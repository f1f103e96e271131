package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 18 item 11: what one client can cost the service is bounded.

// Repairs reach the client; an infinite value is null and said, never a
// 200 with an empty body; n alters with n attribute names are refused.
func TestServiceAnswers(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()

	// A self-tie and a duplicate tie: both are repairs the CLI would warn of.
	status, out := post(t, srv, `{"ego":"E","alters":[{"id":"A"},{"id":"B"}],"ties":[{"from":"A","to":"A"},{"from":"A","to":"B"},{"from":"B","to":"A"}],"measures":["ties"]}`)
	require.Equal(t, http.StatusOK, status, "%v", out)
	assert.Equal(t, []any{"1 self-loops dropped", "1 duplicate ties merged (weights summed)"}, out["repairs"])
	assert.Equal(t, 1.0, out["measures"].(map[string]any)["ties"], "A–B once")

	// mean(age) of 1.7e308 and 1.7e308 overflows to +Inf in the sum.
	status, out = post(t, srv, `{"ego":"E","alters":[{"id":"A","attrs":{"age":"1.7e308"}},{"id":"B","attrs":{"age":"1.7e308"}}],"measures":["mean(age)"]}`)
	require.Equal(t, http.StatusOK, status, "%v", out)
	m := out["measures"].(map[string]any)
	if v, ok := m["mean(age)"]; ok && v == nil {
		assert.Contains(t, out["repairs"], "mean(age) is infinite (given as null)")
	} else {
		assert.InDelta(t, 1.7e308, v, 1e295, "a finite mean is fine too")
	}

	// 2,000 alters, each with its own attribute name: refused (was O(n²)).
	var b strings.Builder
	b.WriteString(`{"ego":"E","alters":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"a%d","attrs":{"k%d":"x"}}`, i, i)
	}
	b.WriteString(`],"measures":["size"]}`)
	status, out = post(t, srv, b.String())
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, out["error"], "more than 256 distinct attribute names")
}

// Slow clients (slowloris) are cut off by the read timeout, and the
// connection limit keeps them from using every file descriptor; normal
// requests still get through. Bounded: 300 slow connections against a
// limit of 256, timeouts shortened to 300 ms, the whole test a few seconds.
func TestServiceSlowClientsAndLoad(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := newServer()
	srv.ReadTimeout, srv.ReadHeaderTimeout, srv.IdleTimeout = 300*time.Millisecond, 300*time.Millisecond, 300*time.Millisecond
	go srv.Serve(limitListener(ln, maxConns))
	defer srv.Close()
	addr := ln.Addr().String()

	// 300 clients send half a header and stop.
	var slow []net.Conn
	for range 300 {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		fmt.Fprintf(c, "POST /measures HTTP/1.1\r\nHost: x\r\nX-Slow: ")
		slow = append(slow, c)
	}
	defer func() {
		for _, c := range slow {
			c.Close()
		}
	}()
	// The server hangs up on them after the read timeout.
	closed := 0
	for _, c := range slow[:20] {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := bufio.NewReader(c).ReadByte(); err != nil {
			closed++
		}
	}
	assert.Equal(t, 20, closed, "slow connections are closed by the server")

	// Meanwhile 50 ordinary requests, 10 at a time, all answered.
	// A fresh connection per request: with the 300 ms idle timeout, a
	// kept-alive connection can be closed by the server just as the client
	// reuses it, and a POST is not retried by net/http. A request that still
	// fails (a loaded machine under -race can stall a client past the 300 ms
	// read timeout) is tried once more, as any client would; the errors are
	// reported if it fails again.
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	var errs []error
	sem := make(chan struct{}, 10)
	for range 50 {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			post := func() (*http.Response, error) {
				return client.Post("http://"+addr+"/measures", "application/json", strings.NewReader(`{"ego":"E","alters":[{"id":"A"},{"id":"B"}],"measures":["size"]}`))
			}
			resp, err := post()
			if err != nil {
				resp, err = post()
			}
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 50, ok, "ordinary requests answered while slow clients wait; errors: %v", errs)

	// Headers over 16 KiB are refused.
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/measures", strings.NewReader(`{}`))
	req.Header.Set("X-Big", strings.Repeat("x", 64<<10))
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

// Command egoservice is a small web service that computes the measures of
// one ego network posted as JSON. It shows how to build an ego network in
// code (network.DatasetBuilder) rather than from files, and how to serve
// measures safely: the request body is bounded, every error comes back as
// JSON with a 4xx status, and undefined measures are JSON null.
//
//	go run ./examples/egoservice -addr localhost:8080
//	curl -s localhost:8080/measures -d '{
//	  "ego": "P01",
//	  "alters": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
//	  "ties": [{"from": "A", "to": "B"}],
//	  "measures": ["size", "density", "effective_size", "constraint"]
//	}'
//
// The answer: {"ego":"P01","measures":{"size":3,"density":0.333…,…}},
// with "repairs" listing what the builder merged or dropped (a self-tie, a
// duplicate tie), as the CLI's warnings do.
//
// The server bounds what one client can hold: read, write and idle
// timeouts, 16 KiB of headers, at most 256 connections at once, a 1 MiB
// body, at most 256 distinct attribute names, and the request's context
// cancels the computation when the client goes away.
// Alters may carry attributes ("attrs": {"role": "family"}) and the ego too
// ("ego_attrs"), for measures of composition such as "blau(role)" or
// "count(role=family|friend)".
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// maxBody is the largest request body accepted (1 MiB: an ego network of a
// few thousand alters).
const maxBody = 1 << 20

// Limits on one client (see newServer).
const (
	maxConns  = 256              // connections served at once; more wait in the kernel's backlog
	maxAttrs  = 256              // distinct attribute names in one request
	maxHeader = 16 << 10         // request header bytes
	readTO    = 10 * time.Second // whole request, headers and body
	writeTO   = 30 * time.Second // from the end of the headers to the end of the answer
	idleTO    = 60 * time.Second // a kept-alive connection between requests
)

// Request is the JSON body of POST /measures.
type Request struct {
	Ego      string            `json:"ego"`
	EgoAttrs map[string]string `json:"ego_attrs"`
	Directed bool              `json:"directed"`
	Alters   []Alter           `json:"alters"`
	Ties     []Tie             `json:"ties"`
	// Measures lists the measures wanted, as in a sociogram measures list
	// ("size", "blau(role)", "count(role=family|friend)"); empty means every
	// structural measure.
	Measures []string `json:"measures"`
}

// Alter is one alter; Weight is the ego–alter tie weight (default 1) and
// Attrs its attributes (numbers are read as numbers; "" or "NA" is missing).
type Alter struct {
	ID     string            `json:"id"`
	Weight *float64          `json:"weight"`
	Attrs  map[string]string `json:"attrs"`
}

// Tie is an alter–alter tie; Weight defaults to 1.
type Tie struct {
	From   string   `json:"from"`
	To     string   `json:"to"`
	Weight *float64 `json:"weight"`
}

// Response is the answer: each measure's value, null when undefined.
type Response struct {
	Ego      string              `json:"ego"`
	Measures map[string]*float64 `json:"measures"`
	// Repairs lists what the builder merged or dropped, e.g. "1 self-loops
	// dropped"; absent when nothing was.
	Repairs []string `json:"repairs,omitempty"`
}

func main() {
	addr := flag.String("addr", "localhost:8080", "listen on `HOST:PORT`")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "egoservice:", err)
		os.Exit(1)
	}
	log.Printf("egoservice: POST ego networks to http://%s/measures", *addr)
	if err := newServer().Serve(limitListener(ln, maxConns)); err != nil {
		fmt.Fprintln(os.Stderr, "egoservice:", err)
		os.Exit(1)
	}
}

// newServer returns the HTTP server with the timeouts and header limit
// that keep slow clients (slowloris) from holding connections.
func newServer() *http.Server {
	return &http.Server{
		Handler:           newHandler(),
		ReadHeaderTimeout: readTO,
		ReadTimeout:       readTO,
		WriteTimeout:      writeTO,
		IdleTimeout:       idleTO,
		MaxHeaderBytes:    maxHeader,
	}
}

// limitListener accepts at most n connections at once; the others wait
// in the kernel's backlog instead of using up file descriptors.
func limitListener(l net.Listener, n int) net.Listener {
	return &limited{Listener: l, sem: make(chan struct{}, n)}
}

type limited struct {
	net.Listener
	sem chan struct{}
}

func (l *limited) Accept() (net.Conn, error) {
	l.sem <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.sem }}, nil
}

type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// newHandler returns the service's routes.
func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/measures", handleMeasures)
	return mux
}

func handleMeasures(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST with a JSON ego network")
		return
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", maxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		return
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad JSON: more than one object in the body")
		return
	}
	resp, err := compute(r.Context(), &req)
	if err != nil {
		if r.Context().Err() != nil {
			return // the client went away
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// Encode before the status goes out, so that an encoding failure is a
	// 500 with a message, never a 200 with an empty body.
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(resp); err != nil {
		writeError(w, http.StatusInternalServerError, "cannot encode the answer: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(buf.Bytes())
}

// compute builds the ego network and computes the requested measures.
func compute(ctx context.Context, req *Request) (*Response, error) {
	// Every distinct attribute name is a column of every alter's row:
	// bound them, or n alters with n names cost n² (issue 18 item 8).
	names := map[string]bool{}
	for k := range req.EgoAttrs {
		names["ego:"+k] = true
	}
	for _, a := range req.Alters {
		for k := range a.Attrs {
			names[k] = true
			if len(names) > maxAttrs {
				return nil, fmt.Errorf("more than %d distinct attribute names", maxAttrs)
			}
		}
	}
	specs := measures.DefaultSpecs()
	if len(req.Measures) > 0 {
		specs = specs[:0]
		for _, m := range req.Measures {
			s, err := measures.ParseSpec(m)
			if err != nil {
				return nil, err
			}
			specs = append(specs, s)
		}
	}
	weighted := false
	for _, a := range req.Alters {
		weighted = weighted || a.Weight != nil
	}
	tieWeighted := false
	for _, t := range req.Ties {
		tieWeighted = tieWeighted || t.Weight != nil
	}
	b := network.NewDatasetBuilder(network.DatasetOptions{Directed: req.Directed, AlterWeighted: weighted, TieWeighted: tieWeighted})
	if err := b.AddEgo(req.Ego, "", network.NewAttrs(b.EgoAttrs(), req.EgoAttrs)); err != nil {
		return nil, fmt.Errorf("ego: %w", err)
	}
	weight := func(w *float64) float64 {
		if w == nil {
			return 1
		}
		return *w
	}
	for i, a := range req.Alters {
		if err := b.AddAlter(req.Ego, "", a.ID, weight(a.Weight), network.NewAttrs(b.AlterAttrs(), a.Attrs)); err != nil {
			return nil, fmt.Errorf("alters[%d]: %w", i, err)
		}
	}
	for i, t := range req.Ties {
		if err := b.AddTie(req.Ego, "", t.From, t.To, weight(t.Weight), nil); err != nil {
			return nil, fmt.Errorf("ties[%d]: %w", i, err)
		}
	}
	ds, st := b.Build()
	table, err := measures.EgoTable(ctx, ds, specs, measures.TableOptions{Workers: 1})
	if err != nil {
		return nil, err
	}
	resp := &Response{Ego: req.Ego, Measures: make(map[string]*float64, len(specs))}
	if st.SelfLoops > 0 {
		resp.Repairs = append(resp.Repairs, fmt.Sprintf("%d self-loops dropped", st.SelfLoops))
	}
	if st.Duplicates > 0 {
		resp.Repairs = append(resp.Repairs, fmt.Sprintf("%d duplicate ties merged (weights summed)", st.Duplicates))
	}
	if st.Multiplex > 0 {
		resp.Repairs = append(resp.Repairs, fmt.Sprintf("%d ties of several types merged", st.Multiplex))
	}
	for c, name := range table.Columns {
		x := table.Values[0][c]
		// JSON has no NaN or infinity: an undefined or infinite value is
		// null (and said in Repairs when infinite).
		if math.IsInf(x, 0) {
			resp.Repairs = append(resp.Repairs, fmt.Sprintf("%s is infinite (given as null)", name))
			resp.Measures[name] = nil
		} else if math.IsNaN(x) {
			resp.Measures[name] = nil
		} else {
			resp.Measures[name] = &x
		}
	}
	return resp, nil
}

// writeError sends {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

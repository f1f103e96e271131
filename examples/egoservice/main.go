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
// The answer: {"ego":"P01","measures":{"size":3,"density":0.333…,…}}.
// Alters may carry attributes ("attrs": {"role": "family"}) and the ego too
// ("ego_attrs"), for measures of composition such as "blau(role)" or
// "count(role=family|friend)".
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"net/http"
	"os"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// maxBody is the largest request body accepted (1 MiB: an ego network of a
// few thousand alters).
const maxBody = 1 << 20

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
}

func main() {
	addr := flag.String("addr", "localhost:8080", "listen on `HOST:PORT`")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newHandler(), ReadHeaderTimeout: 10 * time.Second}
	log.Printf("egoservice: POST ego networks to http://%s/measures", *addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, "egoservice:", err)
		os.Exit(1)
	}
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
	resp, err := compute(&req)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

// compute builds the ego network and computes the requested measures.
func compute(req *Request) (*Response, error) {
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
	ds, _ := b.Build()
	// The request's context is not used: one ego network takes
	// microseconds, and the body size bounds it.
	table, err := measures.EgoTable(context.Background(), ds, specs, measures.TableOptions{Workers: 1})
	if err != nil {
		return nil, err
	}
	resp := &Response{Ego: req.Ego, Measures: make(map[string]*float64, len(specs))}
	for c, name := range table.Columns {
		x := table.Values[0][c]
		if math.IsNaN(x) {
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

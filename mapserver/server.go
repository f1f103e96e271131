package mapserver

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/store"
)

//go:embed assets
var embedded embed.FS

// Assets returns the page and its files as served: index.html, app.js,
// app.css, … (the embedded directory mapserver/assets).
func Assets() fs.FS {
	sub, err := fs.Sub(embedded, "assets")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, and "assets"
		// is valid: this cannot happen.
		panic(err)
	}
	return sub
}

// ContentSecurityPolicy is the Content-Security-Policy header of every
// response: the page, its scripts, styles, images and requests come from
// the server itself and nowhere else (no CDN, no other host), no inline
// script or style runs, forms post only to the server, and no other site
// may frame the page.
const ContentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// imageCSP is the policy of the pictures (SVG): as ContentSecurityPolicy,
// and the style attributes and embedded fonts (data: URLs) that an SVG
// drawn by gonum/plot carries. Shown with <img>, an SVG runs no script
// and loads nothing.
const imageCSP = ContentSecurityPolicy + "; style-src 'self' 'unsafe-inline'; font-src 'self' data:"

// Headers of the access token and of the mutation guard (see Server).
const (
	TokenHeader = "X-Sociogram-Token"
	GuardHeader = "X-Sociogram"
)

// maxBody is the largest request body read (1 MiB).
const maxBody = 1 << 20

// DefaultSectors are the sectors of a map when Options.Sectors is nil:
// the roles of the sample study, clockwise from 12 o'clock.
var defaultSectors = []string{"family", "friend", "neighbour", "group", "professional"}

// DefaultSectors returns the sectors used when Options.Sectors is nil:
// family, friend, neighbour, group, professional (the sample study's
// roles, clockwise from 12 o'clock).
func DefaultSectors() []string { return append([]string(nil), defaultSectors...) }

// Options configures a Server. The zero value is usable: a random token,
// the worker "worker", the default sectors, no social-capital rules.
type Options struct {
	// Worker is the actor the change log names for every change made
	// through the server ("" = "worker").
	Worker string
	// Token is the access token; "" draws 32 random bytes (64 hex
	// characters).
	Token string
	// Sectors are the roles of the map's sectors, clockwise from 12
	// o'clock; nil = DefaultSectors.
	Sectors []string
	// Rules classify alters as bonding, bridging or linking for the
	// measures in words; nil = no such sentences.
	Rules *measures.Rules
	// Instruments, when not nil, give the LSNS-6 sentence.
	Instruments *measures.Instruments
	// Now gives the date of a new wave when the request gives none; nil =
	// time.Now.
	Now func() time.Time
	// ErrorLog receives what the HTTP server has to say about connections
	// it could not serve (a malformed request, a client gone); nil
	// discards it (the library prints nothing).
	ErrorLog *log.Logger
}

// Server is the mapping page and its JSON API over one study database.
//
// Security: every request needs the access token, as the cookie the page
// gets when it is opened with ?token=TOKEN (HttpOnly, SameSite=Strict) or
// as the header X-Sociogram-Token; without it the answer is 403. A change
// (POST, PATCH, PUT, DELETE) also needs the header "X-Sociogram: 1", which
// no cross-site form or image can send, a same-origin Origin when there is
// one, and a JSON body of at most 1 MiB. Bound to a loopback address, only
// requests whose Host names that address are served (so that a web page
// cannot reach the server through a DNS name of its own). Every response
// carries ContentSecurityPolicy. See api19 (docs) for the routes.
type Server struct {
	st      *store.Store
	ed      *store.Editor
	opt     Options
	token   string
	sectors []string
	mux     *http.ServeMux
}

// New returns a server of the study database st (which it does not close).
func New(st *store.Store, opt Options) (*Server, error) {
	if st == nil {
		return nil, errors.New("mapserver: no study database")
	}
	if opt.Worker == "" {
		opt.Worker = "worker"
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.ErrorLog == nil {
		opt.ErrorLog = log.New(io.Discard, "", 0)
	}
	s := &Server{st: st, ed: st.By(opt.Worker), opt: opt, token: opt.Token, sectors: opt.Sectors}
	if s.sectors == nil {
		s.sectors = DefaultSectors()
	}
	seen := map[string]bool{}
	for _, sec := range s.sectors {
		if sec == "" || seen[sec] {
			return nil, fmt.Errorf("mapserver: sector %q is empty or given twice", sec)
		}
		seen[sec] = true
	}
	if s.token == "" {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("mapserver: drawing the access token: %w", err)
		}
		s.token = hex.EncodeToString(b)
	}
	s.mux = http.NewServeMux()
	s.routes()
	return s, nil
}

// Token returns the access token.
func (s *Server) Token() string { return s.token }

// URL returns the address a user opens: http://ADDR/?token=TOKEN.
func (s *Server) URL(addr net.Addr) string {
	return "http://" + addr.String() + "/?token=" + s.token
}

// IsLoopback reports whether the host of addr ("host:port") is a loopback
// address (127.0.0.0/8, ::1) or "localhost".
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler returns the server's handler for requests that arrive at addr
// (the listener's address, "127.0.0.1:PORT"): when addr is loopback, only
// requests whose Host is that address (or localhost at its port) are
// served. The cookie is named after the port, so that two servers on one
// machine do not take each other's token.
func (s *Server) Handler(addr string) http.Handler {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		port = ""
	}
	g := &guard{s: s, cookie: "sociogram_" + port}
	if IsLoopback(addr) {
		g.hosts = map[string]bool{
			addr: true, "localhost:" + port: true, "127.0.0.1:" + port: true, "[::1]:" + port: true,
		}
	}
	return g
}

// Serve serves the page and the API on ln until ctx is cancelled, then
// shuts down (waiting up to 5 s for requests in flight). It returns nil
// after a shutdown, else the error that stopped it.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(ln.Addr().String()),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.opt.ErrorLog,
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// guard checks every request (host, token, mutation guard) and sets the
// security headers before the routes see it.
type guard struct {
	s      *Server
	cookie string
	hosts  map[string]bool // nil: any host (not loopback)
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Frame-Options", "DENY")
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if g.hosts != nil && !g.hosts[strings.ToLower(r.Host)] {
		deny(w, api, "host "+r.Host+" is not the address served")
		return
	}
	if tok := r.URL.Query().Get("token"); tok != "" && r.URL.Path == "/" && r.Method == http.MethodGet {
		if !g.s.validToken(tok) {
			deny(w, api, "wrong access token")
			return
		}
		http.SetCookie(w, &http.Cookie{Name: g.cookie, Value: g.s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !g.authorised(r) {
		deny(w, api, "no access token: open the URL printed by sociogram serve")
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	default:
		if r.Header.Get(GuardHeader) != "1" {
			deny(w, api, "a change needs the header "+GuardHeader+": 1")
			return
		}
		if o := r.Header.Get("Origin"); o != "" {
			u, err := url.Parse(o)
			if err != nil || u.Host != r.Host || u.Scheme != "http" {
				deny(w, api, "request from another origin ("+o+")")
				return
			}
		}
		if r.ContentLength != 0 {
			if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, "the body must be JSON (Content-Type: application/json)")
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	g.s.mux.ServeHTTP(w, r)
}

// authorised reports whether r carries the token, as cookie or header.
func (g *guard) authorised(r *http.Request) bool {
	if t := r.Header.Get(TokenHeader); t != "" {
		return g.s.validToken(t)
	}
	c, err := r.Cookie(g.cookie)
	return err == nil && g.s.validToken(c.Value)
}

func (s *Server) validToken(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// deny answers 403: JSON for the API, a line of text for the page.
func deny(w http.ResponseWriter, api bool, why string) {
	if api {
		writeError(w, http.StatusForbidden, why)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "403 forbidden: %s\n", why)
}

// serveAsset serves GET / (index.html) and GET /NAME (a file of Assets).
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	if !fs.ValidPath(name) || strings.HasPrefix(name, "api/") {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(Assets(), name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".html":
		ct = "text/html; charset=utf-8"
	case ".css":
		ct = "text/css; charset=utf-8"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(b)
}

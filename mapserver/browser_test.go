package mapserver

// Browser tests: the real page, served by the real Server over a real
// store, driven in headless Chromium through the DevTools protocol
// (github.com/chromedp/chromedp). They need Debian's chromium at
// /usr/bin/chromium (or $SOCIOGRAM_CHROMIUM): without it they are skipped,
// unless SOCIOGRAM_BROWSER_TESTS=1 (as .ci/run sets), when they fail.
//
// SOCIOGRAM_SCREENSHOTS=DIR keeps the screenshots (and the PDF) in DIR
// instead of a temporary directory, so that a person can look at them.

import (
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sociogram/sociogram/store"
)

// chromiumPath returns the browser to drive, or skips (fails, when
// SOCIOGRAM_BROWSER_TESTS=1) the test when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SOCIOGRAM_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("SOCIOGRAM_BROWSER_TESTS") == "1" {
			t.Fatalf("SOCIOGRAM_BROWSER_TESTS=1 but no browser at %s: %v (apt-get install -y chromium)", path, err)
		}
		t.Skipf("no chromium at %s (apt-get install -y chromium, or SOCIOGRAM_CHROMIUM=PATH): browser tests skipped", path)
	}
	return path
}

// shotDir is where screenshots go: $SOCIOGRAM_SCREENSHOTS or a temporary
// directory.
func shotDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("SOCIOGRAM_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatalf("screenshot directory: %v", err)
		}
		return d
	}
	return t.TempDir()
}

// browser drives one tab of a fresh headless Chromium (its own profile
// directory, no network but the test server, no background traffic).
type browser struct {
	t    *testing.T
	ctx  context.Context
	shot string
	// problems collects console errors, exceptions and CSP violations:
	// the page must run without any.
	problems chan string
}

func newBrowser(t *testing.T, width, height int64) *browser {
	t.Helper()
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(width), int(height)),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx, shot: shotDir(t), problems: make(chan string, 100)}
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = fmt.Sprintf("exception: %s at %s:%d", exceptionText(e.ExceptionDetails), e.ExceptionDetails.URL, e.ExceptionDetails.LineNumber)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				msg = "console." + string(e.Type) + ": " + strings.Join(parts, " ")
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				msg = "log " + string(e.Entry.Source) + ": " + e.Entry.Text + " " + e.Entry.URL
			}
		}
		if msg != "" {
			select {
			case b.problems <- msg:
			default:
			}
		}
	})
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("chromium log: %v", err)
	}
	b.do(chromedp.EmulateViewport(width, height))
	return b
}

// do runs actions, failing the test on an error.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into out.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// noProblems fails the test on any console error, exception or CSP
// violation the page caused so far.
func (b *browser) noProblems() {
	b.t.Helper()
	for {
		select {
		case p := <-b.problems:
			b.t.Errorf("page problem: %s", p)
		default:
			return
		}
	}
}

// ready waits for the page to have loaded its data.
func (b *browser) ready() {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)))
	b.idle()
}

// idle waits until no request of the page is in flight, and fails on an
// error the page shows.
func (b *browser) idle() {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](`!document.body.hasAttribute("aria-busy")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.t.Fatalf("page still busy: %v", err)
	}
	if msg := eval[string](b, `document.getElementById("error").hidden ? "" : document.getElementById("error").textContent`); msg != "" {
		b.t.Fatalf("the page shows an error: %s", msg)
	}
}

// change runs actions that change the map and waits for the new state
// (the version, the last change-log id, moves on with every edit).
func (b *browser) change(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	before := eval[string](b, `document.body.dataset.version || ""`)
	b.do(actions...)
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](
		fmt.Sprintf(`(document.body.dataset.version !== %q && !document.body.hasAttribute("aria-busy")) || !document.getElementById("error").hidden`, before),
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		msg := eval[string](b, `document.getElementById("error").textContent`)
		b.t.Fatalf("no change after the action (version %s; page error %q): %v", before, msg, err)
	}
	b.idle()
}

// screenshot saves the viewport, scrolled to the top, as NAME.png and
// returns its path.
func (b *browser) screenshot(name string) string {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	return b.shoot(name)
}

// shoot saves the viewport as it is as NAME.png and returns its path.
func (b *browser) shoot(name string) string {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(b.shot, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", p)
	return p
}

// setValue sets a form field (input or select) as a user would, firing
// its input and change events.
func (b *browser) setValue(id, value string) {
	b.t.Helper()
	ok := eval[bool](b, fmt.Sprintf(`(() => { const e = document.getElementById(%q); if (!e) return false;
		e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true}));
		return e.value === %q; })()`, id, value, value))
	if !ok {
		b.t.Fatalf("cannot set #%s to %q (not an option?)", id, value)
	}
}

func (b *browser) click(css string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(css), chromedp.NodeVisible)
}

// ---------------------------------------------------------------- server

// testServer serves a fresh study database on a real loopback listener.
type testServer struct {
	url  string // with ?token=
	db   string
	st   *store.Store
	stop func()
}

func startServer(t *testing.T) *testServer {
	t.Helper()
	db := filepath.Join(t.TempDir(), "study.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Meetings without a date given are dated 30 November 2026, so that
	// the exported study is the same on every run.
	srv, err := New(st, Options{Worker: "browser test", Now: func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	ts := &testServer{url: srv.URL(ln.Addr()), db: db, st: st}
	ts.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if err := st.Close(); err != nil {
			t.Errorf("closing the store: %v", err)
		}
	}
	t.Cleanup(func() {
		if ts.stop != nil {
			ts.stop()
		}
	})
	return ts
}

// ------------------------------------------------------------- the page

// onMap is an alter as the page shows it: its overlay button.
type onMap struct {
	Key   string  `json:"key"`
	Label string  `json:"label"`
	X     float64 `json:"x"` // centre, CSS px from the picture's top-left corner
	Y     float64 `json:"y"`
	W     float64 `json:"w"` // the button's size on screen, CSS px
	H     float64 `json:"h"`
}

// pageState is what the page shows: the alters on the map, the
// measures, the ties, the follow-up list and the goals.
type pageState struct {
	Version  string            `json:"version"`
	Alters   []onMap           `json:"alters"` // X, Y in CSS px from the picture's top-left corner
	ImgW     float64           `json:"imgW"`   // the picture's size on screen, CSS px
	ImgH     float64           `json:"imgH"`
	Measures map[string]string `json:"measures"`
	Words    []string          `json:"words"`
	Ties     []string          `json:"ties"`
	Followup map[string]string `json:"followup"`
	Levels   map[string]string `json:"levels"`
	ImgOK    bool              `json:"imgOK"`
}

const readPage = `(async () => {
  const img = document.getElementById("map-img");
  if (img.getAttribute("src")) { try { await img.decode(); } catch (e) {} }
  const r = img.getBoundingClientRect();
  const alters = [...document.querySelectorAll("#overlay .alter")].map((b) => {
    const q = b.getBoundingClientRect();
    return {key: b.dataset.key, label: b.getAttribute("aria-label"),
      x: q.left + q.width / 2 - r.left, y: q.top + q.height / 2 - r.top, w: q.width, h: q.height};
  });
  const measures = {}, words = [];
  for (const li of document.querySelectorAll("#measures li")) { measures[li.dataset.measure] = li.dataset.value; words.push(li.textContent); }
  const ties = [...document.querySelectorAll("#ties li[data-a]")].map((li) => li.textContent);
  const followup = {};
  if (!document.getElementById("followup-section").hidden) {
    for (const li of document.querySelectorAll("#followup li")) { followup[li.dataset.key] = li.dataset.state; }
  }
  const levels = {};
  for (const li of document.querySelectorAll("#goals li[data-goal]")) {
    const c = li.querySelector("input:checked"); levels[li.dataset.goal] = c ? c.value : "";
  }
  return {version: document.body.dataset.version, alters, measures, words, ties, followup, levels,
    imgOK: img.complete && img.naturalWidth > 0, imgW: r.width, imgH: r.height};
})()`

func (b *browser) state() pageState {
	b.t.Helper()
	return eval[pageState](b, readPage)
}

// apiGet fetches a JSON route of the API from inside the page (with the
// page's cookie), as an independent view of what the server holds.
func apiGet[T any](b *browser, path string) T {
	b.t.Helper()
	raw := eval[string](b, fmt.Sprintf(`fetch(%q, {credentials: "same-origin"}).then(async (r) => {
		if (!r.ok) throw new Error(r.status + " " + await r.text()); return r.text(); })`, path))
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	return v
}

// mapState is the part of the API's map state the test checks against.
type mapState struct {
	Wave   string `json:"wave"`
	Alters []struct {
		Key     string `json:"key"`
		Name    string `json:"name"`
		Role    string `json:"role"` // the sector
		Note    string `json:"note"`
		Type    string `json:"type"`
		Ring    *int   `json:"ring"`
		Quality string `json:"quality"`
		Flow    string `json:"flow"`
	} `json:"alters"`
	Ties []struct {
		A       string `json:"a"`
		B       string `json:"b"`
		Quality string `json:"quality"`
	} `json:"ties"`
	Geometry struct {
		Width, Height float64
		Centre        struct{ X, Y float64 } `json:"centre"`
		EgoRadius     float64                `json:"ego_radius"`
		Rings         []struct {
			Ring  *int    `json:"ring"`
			Inner float64 `json:"inner"`
			Outer float64 `json:"outer"`
		} `json:"rings"`
		Sectors []struct {
			Role  string  `json:"role"`
			Start float64 `json:"start"`
			End   float64 `json:"end"`
		} `json:"sectors"`
		Alters []struct {
			Key     string `json:"key"`
			X, Y, R float64
		} `json:"alters"`
	} `json:"geometry"`
}

// cellOf turns a point of the map (SVG units) into its ring and sector
// by the rule of api19.md: d = distance from the centre, θ = clockwise
// angle from 12 o'clock; the ring with inner ≤ d < outer, the sector with
// start ≤ θ < end. ring 0 means outside every ring.
func (m *mapState) cellOf(x, y float64) (ring int, sector string) {
	g := &m.Geometry
	dx, dy := x-g.Centre.X, g.Centre.Y-y
	d := math.Hypot(dx, dy)
	for _, r := range g.Rings {
		if r.Ring != nil && d >= r.Inner && d < r.Outer {
			ring = *r.Ring
		}
	}
	theta := math.Mod(math.Atan2(dx, dy)*180/math.Pi+360, 360)
	for _, s := range g.Sectors {
		if theta >= s.Start && theta < s.End {
			sector = s.Role
		}
	}
	return ring, sector
}

// cellCentre is the middle of a ring and sector, in SVG units.
func (m *mapState) cellCentre(t *testing.T, ring int, sector string) (x, y float64) {
	t.Helper()
	g := &m.Geometry
	r, a := -1.0, -1.0
	for _, rg := range g.Rings {
		if rg.Ring != nil && *rg.Ring == ring {
			r = (rg.Inner + rg.Outer) / 2
		}
	}
	for _, s := range g.Sectors {
		if s.Role == sector {
			a = (s.Start + s.End) / 2 * math.Pi / 180
		}
	}
	if r < 0 || a < 0 {
		t.Fatalf("the map has no ring %d or sector %q", ring, sector)
	}
	return g.Centre.X + r*math.Sin(a), g.Centre.Y - r*math.Cos(a)
}

// mapOf reads the API's map state of person p1 at wave.
func mapOf(b *browser, person, wave string) *mapState {
	b.t.Helper()
	m := apiGet[mapState](b, "/api/people/"+person+"/waves/"+wave)
	return &m
}

// drag drags the overlay button of alter key to the middle of (ring,
// sector), with the mouse (or a finger, when touch): press, moves in
// steps, release, as a person would (the page sees pointer events).
func (b *browser) drag(m *mapState, key string, ring int, sector string, touch bool) {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	type box struct{ X, Y, W, H, L, T float64 }
	bx := eval[box](b, fmt.Sprintf(`(() => { const q = document.querySelector('#overlay [data-key=%q]').getBoundingClientRect();
		const r = document.getElementById("map-img").getBoundingClientRect();
		return {X: q.left + q.width / 2, Y: q.top + q.height / 2, W: r.width, H: r.height, L: r.left, T: r.top}; })()`, key))
	tx, ty := m.cellCentre(b.t, ring, sector)
	cx, cy := bx.L+tx*bx.W/m.Geometry.Width, bx.T+ty*bx.H/m.Geometry.Height
	if touch {
		b.change(touchDrag(bx.X, bx.Y, cx, cy))
		return
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.MouseEvent(chromedp.MouseMoved, bx.X, bx.Y),
		chromedp.MouseEvent(chromedp.MousePressed, bx.X, bx.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	}
	for i := 1; i <= 8; i++ {
		f := float64(i) / 8
		steps = append(steps, chromedp.MouseEvent(chromedp.MouseMoved, bx.X+(cx-bx.X)*f, bx.Y+(cy-bx.Y)*f, chromedp.ButtonLeft))
	}
	steps = append(steps, chromedp.MouseEvent(chromedp.MouseReleased, cx, cy, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	b.change(steps...)
}

// touchDrag is one finger put down at (x0, y0), moved in eight steps to
// (x1, y1) and lifted.
func touchDrag(x0, y0, x1, y1 float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		send := func(typ input.DispatchTouchEventType, pts ...*input.TouchPoint) error {
			if pts == nil {
				pts = []*input.TouchPoint{}
			}
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		}
		if err := send(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: x0, Y: y0}); err != nil {
			return err
		}
		for i := 1; i <= 8; i++ {
			f := float64(i) / 8
			if err := send(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: x0 + (x1-x0)*f, Y: y0 + (y1-y0)*f}); err != nil {
				return err
			}
		}
		return send(input.DispatchTouchEventTypeTouchEnd)
	})
}

// key focuses the overlay button of alter key and presses a key.
func (b *browser) key(key, k string) {
	b.t.Helper()
	b.change(chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#overlay [data-key=%q]`, key))), chromedp.KeyEvent(k))
}

// add adds an alter with the page's form and returns its key.
func (b *browser) add(name, note, typ, role string, ring int) string {
	b.t.Helper()
	b.setValue("add-name", name)
	b.setValue("add-note", note)
	b.setValue("add-type", typ)
	b.setValue("add-role", role)
	b.setValue("add-ring", fmt.Sprint(ring))
	b.change(b.click(`#add-form button[type=submit]`))
	return eval[string](b, fmt.Sprintf(`(() => { const b = [...document.querySelectorAll("#overlay .alter")].find((b) => b.title === %q); return b ? b.dataset.key : ""; })()`, name))
}

// select clicks the overlay buttons of the given alters (a selection of
// one or two).
func (b *browser) selectAlters(keys ...string) {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("sel-clear").hidden || document.getElementById("sel-clear").click()`))
	for _, k := range keys {
		b.do(b.click(fmt.Sprintf(`#overlay [data-key=%q]`, k)))
	}
	got := eval[int](b, `document.querySelectorAll('#overlay .alter[aria-pressed="true"]').length`)
	if got != len(keys) {
		b.t.Fatalf("selected %d alters, want %d", got, len(keys))
	}
}

// placed is where the scenario puts an alter at a wave: role is its
// sector of the map, note the words about who they are.
type placed struct {
	name, note, typ, role string
	ring                  int
}

// The scenario of issue 19's "Done means": Maria maps 8 alters in 3
// sectors (family, friend, professional) and 3 rings, with 5 ties; the map
// is saved as she goes, and reloading the page shows the same map. At the
// follow-up, Pat is gone, Chris and the walking group are new, Lee moved
// closer (ring 2 to 1), and the two goals set at the first meeting are
// scored. The export of the database equals, value for value, the
// hand-written study testdata/browser_study (README there).
var wave1 = []placed{
	{"Sam", "sister", "person", "family", 1},
	{"Jo", "brother", "person", "family", 1},
	{"Alex", "cousin", "person", "family", 2},
	{"Kim", "friend", "person", "friend", 1},
	{"Lee", "friend", "person", "friend", 2},
	{"Pat", "old school friend", "person", "friend", 3},
	{"GP surgery", "GP", "service", "professional", 3},
	{"Day centre", "day centre", "place", "professional", 2},
}

func TestBrowserMapCycle(t *testing.T) {
	chromiumPath(t)
	srv := startServer(t)
	b := newBrowser(t, 1280, 800)
	b.do(chromedp.Navigate(srv.url))
	b.ready()
	if loc := eval[string](b, `location.href`); strings.Contains(loc, "token") {
		t.Errorf("the token stays in the address bar: %s", loc)
	}
	b.screenshot("00-empty")

	// Start a person.
	b.do(b.click(`#new-person-open`))
	b.setValue("new-pseudonym", "Maria")
	b.setValue("new-wave", "1")
	b.setValue("new-date", "2026-11-30")
	b.change(b.click(`#new-person button[type=submit]`))

	// Add the eight: five straight into their ring and sector with the
	// form, two dragged there with the mouse, two moved with the arrow
	// keys.
	keys := map[string]string{}
	for _, p := range wave1 {
		ring, sector := p.ring, p.role
		switch p.name {
		case "Jo": // dragged from friend ring 3 to family ring 1
			ring, sector = 3, "friend"
		case "GP surgery": // dragged from ring 1 to ring 3
			ring = 1
		case "Alex": // ArrowUp from ring 3 to ring 2
			ring = 3
		case "Kim": // ArrowRight from family to friend (the next sector clockwise)
			sector = "family"
		}
		name, note := p.name, p.note
		if p.name == "Day centre" { // a typo and a missing word, then edited
			name, note = "Day centr", ""
		}
		keys[p.name] = b.add(name, note, p.typ, sector, ring)
		if keys[p.name] == "" {
			t.Fatalf("%s is not on the map after adding", name)
		}
	}
	b.selectAlters(keys["Day centre"])
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("sel-edit").open = true`))
	b.setValue("edit-name", "Day centre")
	b.setValue("edit-note", "day centre")
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("selected-section").scrollIntoView({block: "start"})`))
	b.shoot("09-edit")
	b.change(b.click(`#edit-form button[type=submit]`))
	b.selectAlters()
	m := mapOf(b, "p1", "1")
	b.drag(m, keys["Jo"], 1, "family", false)
	m = mapOf(b, "p1", "1")
	b.drag(m, keys["GP surgery"], 3, "professional", false)
	b.key(keys["Alex"], kb.ArrowUp)
	b.key(keys["Kim"], kb.ArrowRight)
	if focused := eval[string](b, `document.activeElement.dataset.key || ""`); focused != keys["Kim"] {
		t.Errorf("after moving Kim with the keyboard the focus is on %q, want Kim's button %q", focused, keys["Kim"])
	}

	// Five ties, drawn by selecting two alters.
	ties := []struct{ a, b, quality string }{
		{"Sam", "Jo", "strong"}, {"Sam", "Alex", ""}, {"Jo", "Alex", ""}, {"Kim", "Lee", ""}, {"Lee", "Pat", "tenuous"},
	}
	for _, tie := range ties {
		if tie.a == "Kim" { // this one with the keyboard: Enter on each
			b.selectAlters()
			for _, k := range []string{keys[tie.a], keys[tie.b]} {
				b.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#overlay [data-key=%q]`, k))), chromedp.KeyEvent(kb.Enter))
			}
			if n := eval[int](b, `document.querySelectorAll('#overlay .alter[aria-pressed="true"]').length`); n != 2 {
				t.Fatalf("Enter on Kim and Lee selected %d alters, want 2", n)
			}
		} else {
			b.selectAlters(keys[tie.a], keys[tie.b])
		}
		b.setValue("tie-quality", tie.quality)
		b.change(b.click(`#tie-save`))
	}
	// The relationship of two alters with Maria, for the ecomap.
	for _, r := range []struct{ name, quality, flow string }{{"Sam", "strong", "both"}, {"GP surgery", "tenuous", "to ego"}} {
		b.selectAlters(keys[r.name])
		b.setValue("sel-quality", r.quality) // saves on change
		b.idle()
		b.setValue("sel-flow", r.flow)
		b.idle()
	}
	b.selectAlters()

	// Two goals, set at this meeting with their starting levels.
	for _, g := range []struct{ name, desc, weight string }{{"Join a group", "a walking group", "2"}, {"See Jo more", "every week", "1"}} {
		b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("goal-add").open = true`))
		b.setValue("goal-name", g.name)
		b.setValue("goal-description", g.desc)
		b.setValue("goal-weight", g.weight)
		b.change(b.click(`#goal-form button[type=submit]`))
	}
	b.level("Join a group", -1)
	b.level("See Jo more", -2)

	// A slip, undone: Robin added, then Undo; the map is as before.
	b.add("Robin", "", "person", "neighbour", 2)
	if n := len(b.state().Alters); n != 9 {
		t.Fatalf("after adding Robin the map shows %d alters, want 9", n)
	}
	b.change(b.click(`#undo`))

	m = mapOf(b, "p1", "1")
	checkMap(t, m, wave1, keys)
	checkTies(t, m, keys, ties)
	before := b.state()
	// The measures in words (measures.Describe, people only: the 6 alters
	// of type person), by hand: size 6; 5 ties among the C(6,2) = 15 pairs,
	// density 5/15; everyone has a tie, isolates 0; {Sam, Jo, Alex} and
	// {Kim, Lee, Pat} are 2 components; 1 place (Day centre), 1 service
	// (GP surgery).
	checkPage(t, m, before, 8, 5, map[string]float64{"size": 6, "density": 5.0 / 15, "isolates": 0, "components": 2, "places": 1, "services": 1})
	checkAccessible(b)
	b.screenshot("01-first-meeting")
	b.noProblems()

	// Saved as it went: reloading the page shows the same map.
	b.do(chromedp.Reload())
	b.ready()
	after := b.state()
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after reloading the page shows\n%+v\nbefore\n%+v", after, before)
	}

	// The follow-up, three months later, starts from the last map.
	b.do(b.click(`#followup-open`))
	b.setValue("followup-wave", "2")
	b.setValue("followup-date", "2027-03-01")
	b.change(b.click(`#followup-form button[type=submit]`))
	if w := eval[string](b, `document.getElementById("wave").value`); w != "2" {
		t.Fatalf("after starting the follow-up the page shows meeting %q, want 2", w)
	}
	b.change(b.click(fmt.Sprintf(`#followup li[data-key=%q] button`, keys["Pat"]))) // gone
	m = mapOf(b, "p1", "2")
	b.drag(m, keys["Lee"], 1, "friend", true) // closer, with a finger
	keys["Chris"] = b.add("Chris", "friend from the group", "person", "friend", 2)
	keys["Walking group"] = b.add("Walking group", "walking group", "group", "group", 3)
	b.level("Join a group", 1)
	b.level("See Jo more", 0)

	wave2 := []placed{}
	for _, p := range wave1 {
		switch p.name {
		case "Pat":
			continue
		case "Lee":
			p.ring = 1
		}
		wave2 = append(wave2, p)
	}
	wave2 = append(wave2, placed{"Chris", "friend from the group", "person", "friend", 2},
		placed{"Walking group", "walking group", "group", "group", 3})
	ties2 := ties[:4] // Lee–Pat went with Pat
	m = mapOf(b, "p1", "2")
	checkMap(t, m, wave2, keys)
	checkTies(t, m, keys, ties2)
	st2 := b.state()
	// By hand, at the follow-up: the people are Sam, Jo, Alex, Kim, Lee and
	// Chris (Pat gone, Chris new): size 6; 4 ties of 15 pairs (Lee–Pat went
	// with Pat), density 4/15; Chris knows nobody, isolates 1; {Sam, Jo,
	// Alex}, {Kim, Lee}, {Chris}: 3 components; 1 place, 1 service, and 1
	// group (the walking group, of type "group").
	checkPage(t, m, st2, 9, 4, map[string]float64{"size": 6, "density": 4.0 / 15, "isolates": 1, "components": 3, "places": 1, "services": 1, "groups": 1})
	wantFollow := map[string]string{}
	for _, p := range wave1 {
		wantFollow[keys[p.name]] = "kept"
	}
	wantFollow[keys["Pat"]] = "gone"
	wantFollow[keys["Lee"]] = "changed"
	wantFollow[keys["Chris"]] = "new"
	wantFollow[keys["Walking group"]] = "new"
	if fmt.Sprint(st2.Followup) != fmt.Sprint(wantFollow) {
		t.Errorf("follow-up list: got %v, want %v", st2.Followup, wantFollow)
	}
	if want := map[string]string{b.goalID("Join a group"): "1", b.goalID("See Jo more"): "0"}; fmt.Sprint(st2.Levels) != fmt.Sprint(want) {
		t.Errorf("goal levels at meeting 2: got %v, want %v", st2.Levels, want)
	}
	// The levels' meanings are visible text, not only a hover title.
	if got := eval[string](b, `[...document.querySelectorAll("#goals .level-words")].map((p) => p.textContent.split(".")[0]).join("|")`); got != "+1: more than expected|0: as expected" {
		t.Errorf("goal level words at meeting 2: got %q", got)
	}
	b.screenshot("02-follow-up")
	// The README's picture (docs/serve.png): Lee selected, the page
	// scrolled to what changed since the first meeting (the map stays in
	// view).
	b.selectAlters(keys["Lee"])
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("followup-section").scrollIntoView({block: "start"})`))
	b.shoot("07-readme")
	b.selectAlters()

	// The before/after and goals pictures, one click away; the PDF.
	for _, pic := range []struct{ button, name string }{{"#show-before-after", "03-before-after"}, {"#show-goals", "04-goals"}, {"#show-ecomap", "08-ecomap"}} {
		b.do(b.click(pic.button), chromedp.WaitVisible(chromedp.CSS(`#picture`)))
		if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](`document.getElementById("picture-img").complete && document.getElementById("picture-img").naturalWidth > 0`,
			chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("%s: the picture does not load: %v", pic.button, err)
		}
		b.screenshot(pic.name)
		b.do(b.click(`#picture button[type=submit]`), chromedp.WaitNotVisible(chromedp.CSS(`#picture`)))
	}
	type pdfInfo struct {
		Status int    `json:"status"`
		Type   string `json:"type"`
		Disp   string `json:"disp"`
		Head   string `json:"head"`
		Size   int    `json:"size"`
		B64    string `json:"b64"`
	}
	pdf := eval[pdfInfo](b, `fetch(document.getElementById("pdf").href).then(async (r) => { const buf = new Uint8Array(await r.arrayBuffer());
		let bin = ""; for (const c of buf) bin += String.fromCharCode(c);
		return {status: r.status, type: r.headers.get("Content-Type"), disp: r.headers.get("Content-Disposition") || "",
		  head: bin.slice(0, 5), size: buf.length, b64: btoa(bin)}; }, (e) => ({status: -1, type: String(e)}))`)
	if pdf.Status != 200 || pdf.Type != "application/pdf" || pdf.Head != "%PDF-" || pdf.Size < 1000 {
		t.Errorf("PDF download: status %d, type %q, starts %q, %d bytes", pdf.Status, pdf.Type, pdf.Head, pdf.Size)
	}
	if raw, err := base64.StdEncoding.DecodeString(pdf.B64); err == nil {
		if err := os.WriteFile(filepath.Join(b.shot, "05-person-report.pdf"), raw, 0o644); err != nil {
			t.Error(err)
		}
	}
	b.noProblems()

	// Reloaded, the follow-up is the same.
	b.do(chromedp.Reload())
	b.ready()
	if again := b.state(); fmt.Sprint(again) != fmt.Sprint(st2) {
		t.Errorf("after reloading the follow-up shows\n%+v\nbefore\n%+v", again, st2)
	}

	// A phone-width look at the same page.
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("06-phone")
	checkAccessible(b)
	if w := eval[float64](b, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("at 390 px wide the page is %.0f px wide: it scrolls sideways", w)
	}
	b.noProblems()

	// The export equals the hand-written study, value for value.
	srv.stop()
	srv.stop = nil
	checkExport(t, srv.db, filepath.Join("testdata", "browser_study"))
}

// checkMap checks the API's alters against the scenario: each with its
// role, type, ring and sector, and drawn inside its ring and sector (its
// marker's centre in the geometry, read back through cellOf).
func checkMap(t *testing.T, m *mapState, want []placed, keys map[string]string) {
	t.Helper()
	if len(m.Alters) != len(want) {
		t.Errorf("wave %s: %d alters, want %d", m.Wave, len(m.Alters), len(want))
	}
	pos := map[string][2]float64{}
	for _, g := range m.Geometry.Alters {
		pos[g.Key] = [2]float64{g.X, g.Y}
	}
	for _, w := range want {
		var found bool
		for _, a := range m.Alters {
			if a.Name != w.name {
				continue
			}
			found = true
			ring := 0
			if a.Ring != nil {
				ring = *a.Ring
			}
			if a.Key != keys[w.name] || a.Note != w.note || a.Type != w.typ || ring != w.ring || a.Role != w.role {
				t.Errorf("wave %s: %s is key %s, %s, %s, ring %d, %s; want key %s, %s, %s, ring %d, %s",
					m.Wave, w.name, a.Key, a.Note, a.Type, ring, a.Role, keys[w.name], w.note, w.typ, w.ring, w.role)
			}
			p, ok := pos[a.Key]
			if !ok {
				t.Errorf("wave %s: %s has no place in the map geometry", m.Wave, w.name)
				continue
			}
			if r, s := m.cellOf(p[0], p[1]); r != w.ring || s != w.role {
				t.Errorf("wave %s: %s is drawn at (%.1f, %.1f), in ring %d sector %q; want ring %d sector %q",
					m.Wave, w.name, p[0], p[1], r, s, w.ring, w.role)
			}
		}
		if !found {
			t.Errorf("wave %s: %s is missing", m.Wave, w.name)
		}
	}
}

// checkTies checks the API's ties (unordered pairs) and their quality.
func checkTies(t *testing.T, m *mapState, keys map[string]string, want []struct{ a, b, quality string }) {
	t.Helper()
	got := map[[2]string]string{}
	for _, tie := range m.Ties {
		a, b := tie.A, tie.B
		if a > b {
			a, b = b, a
		}
		got[[2]string{a, b}] = tie.Quality
	}
	exp := map[[2]string]string{}
	for _, w := range want {
		a, b := keys[w.a], keys[w.b]
		if a > b {
			a, b = b, a
		}
		exp[[2]string{a, b}] = w.quality
	}
	if fmt.Sprint(got) != fmt.Sprint(exp) {
		t.Errorf("wave %s: ties %v, want %v", m.Wave, got, exp)
	}
}

// checkPage checks what the page shows against the API: one button per
// alter, centred on the alter's marker (within 1 unit of the SVG) and at
// least 44 × 44 px, labelled with its name and place; the ties listed;
// the map picture loaded.
func checkPage(t *testing.T, m *mapState, ps pageState, alters, ties int, measures map[string]float64) {
	t.Helper()
	if len(ps.Measures) != len(measures) {
		t.Errorf("wave %s: the page says %d measures %v, want %d %v", m.Wave, len(ps.Measures), ps.Measures, len(measures), measures)
	}
	for name, want := range measures {
		got, err := strconv.ParseFloat(ps.Measures[name], 64)
		if err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("wave %s: the page says %s = %q, want %g (%q)", m.Wave, name, ps.Measures[name], want, ps.Words)
		}
	}
	if len(ps.Alters) != alters || len(ps.Ties) != ties {
		t.Errorf("wave %s: the page shows %d alters and %d ties, want %d and %d", m.Wave, len(ps.Alters), len(ps.Ties), alters, ties)
	}
	if !ps.ImgOK {
		t.Errorf("wave %s: the map picture did not load", m.Wave)
	}
	names := map[string]string{}
	for _, a := range m.Alters {
		names[a.Key] = a.Name
	}
	pos := map[string][2]float64{}
	for _, g := range m.Geometry.Alters {
		pos[g.Key] = [2]float64{g.X, g.Y}
	}
	if ps.ImgW <= 0 || math.Abs(ps.ImgW/ps.ImgH-m.Geometry.Width/m.Geometry.Height) > 0.01 {
		t.Fatalf("wave %s: the picture is %.0f × %.0f px on screen, the SVG %.0f × %.0f", m.Wave, ps.ImgW, ps.ImgH, m.Geometry.Width, m.Geometry.Height)
	}
	scale := m.Geometry.Width / ps.ImgW // SVG units per CSS px
	// Alter names are 8 SVG units (visualize's LabelStyle); the page's
	// map is drawn small enough (render.go, mapWidth) that they are at
	// least 14 CSS px at 1280 × 800, readable at 100% on a 10-inch screen.
	if px := 8 / scale; px < 14 {
		t.Errorf("wave %s: alter names are %.1f CSS px on a %.0f px wide map, under 14", m.Wave, px, ps.ImgW)
	}
	for _, a := range ps.Alters {
		p := pos[a.Key]
		if x, y := a.X*scale, a.Y*scale; math.Abs(x-p[0]) > 1 || math.Abs(y-p[1]) > 1 {
			t.Errorf("wave %s: the button of %s is at (%.1f, %.1f), the marker at (%.1f, %.1f)", m.Wave, names[a.Key], x, y, p[0], p[1])
		}
		if a.W < 44 || a.H < 44 {
			t.Errorf("wave %s: the button of %s is %.0f × %.0f px, under 44 × 44", m.Wave, names[a.Key], a.W, a.H)
		}
		if !strings.HasPrefix(a.Label, names[a.Key]+",") || !strings.Contains(a.Label, "ring ") || strings.Contains(a.Label, ", ,") {
			t.Errorf("wave %s: the button of %s is labelled %q", m.Wave, names[a.Key], a.Label)
		}
	}
}

// checkExport exports the database as the three-table study (and
// goals.csv) and compares each file with the hand-written one in dir,
// value for value: the same columns (in any order) and the same rows (in
// any order), a missing value written empty or NA, numbers by value.
func checkExport(t *testing.T, db, dir string) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := t.TempDir()
	if err := st.WriteEgoCSVDir(context.Background(), out); err != nil {
		t.Fatalf("export: %v", err)
	}
	for _, name := range []string{"egos.csv", "alters.csv", "aaties.csv", "goals.csv"} {
		got, want := readTable(t, filepath.Join(out, name)), readTable(t, filepath.Join(dir, name))
		if !slices.Equal(got.cols, want.cols) {
			t.Errorf("%s: columns %v, want %v", name, got.cols, want.cols)
			continue
		}
		if !slices.Equal(got.rows, want.rows) {
			t.Errorf("%s: the export differs from %s:\ngot  %s\nwant %s", name, filepath.Join(dir, name),
				strings.Join(got.rows, "\n     "), strings.Join(want.rows, "\n     "))
		}
	}
}

// table is a CSV file reduced to what "value for value" compares: its
// column names sorted, and each row as "col=value" pairs in that order,
// the rows sorted.
type table struct {
	cols []string
	rows []string
}

func readTable(t *testing.T, path string) table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v (%d records)", path, err, len(recs))
	}
	head := recs[0]
	order := make([]int, len(head))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(head[a], head[b]) })
	tb := table{}
	for _, i := range order {
		tb.cols = append(tb.cols, head[i])
	}
	for _, rec := range recs[1:] {
		parts := make([]string, 0, len(order))
		for _, i := range order {
			v := rec[i]
			if v == "NA" {
				v = ""
			}
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				v = strconv.FormatFloat(x, 'g', -1, 64)
			}
			parts = append(parts, head[i]+"="+v)
		}
		tb.rows = append(tb.rows, strings.Join(parts, " "))
	}
	slices.Sort(tb.rows)
	return tb
}

// goalID returns the id of the goal the page shows with that name.
func (b *browser) goalID(name string) string {
	b.t.Helper()
	id := eval[string](b, fmt.Sprintf(`(() => { const li = [...document.querySelectorAll("#goals li[data-goal]")].find((li) => li.querySelector("strong").textContent === %q); return li ? li.dataset.goal : ""; })()`, name))
	if id == "" {
		b.t.Fatalf("the page shows no goal %q", name)
	}
	return id
}

// level clicks the level button of a goal (-2 … +2).
func (b *browser) level(goal string, level int) {
	b.t.Helper()
	id := b.goalID(goal)
	b.change(b.click(fmt.Sprintf(`#goals label[for="lvl-%s-%d"]`, id, level+2)))
}

// exceptionText is the message of an exception the page threw.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

// checkAccessible checks, on what is shown now: every control has a
// name a screen reader says (its text, a label or aria-label), every
// target is at least 44 × 44 CSS px (WCAG 2.5.5; a radio button's target
// is its label), and the measures are an aria-live region.
func checkAccessible(b *browser) {
	b.t.Helper()
	problems := eval[[]string](b, `(() => {
  const out = [];
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; };
  for (const e of document.querySelectorAll("button, input, select, a[href], summary, .level label")) {
    if (!shown(e) || e.closest(".skip") || (e.type === "radio")) continue;
    const r = e.getBoundingClientRect();
    const name = e.getAttribute("aria-label") || (e.labels && e.labels.length ? e.labels[0].textContent : "") || e.textContent;
    const what = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + (name || "").trim().slice(0, 30);
    if (!name || !name.trim()) out.push(what + ": no accessible name");
    if (r.width < 44 || r.height < 44) out.push(what + ": " + Math.round(r.width) + " x " + Math.round(r.height) + " px");
  }
  if (document.getElementById("measures").getAttribute("aria-live") !== "polite") out.push("measures: not aria-live");
  return out;
})()`)
	for _, p := range problems {
		b.t.Errorf("accessibility: %s", p)
	}
}

// TestBrowserErase erases a person from the page (the confirm dialog
// accepted) and checks that the person is gone from the page and the API,
// and that no byte of the database files still holds their names.
func TestBrowserErase(t *testing.T) {
	chromiumPath(t)
	srv := startServer(t)
	b := newBrowser(t, 1280, 800)
	var dialogs []string
	dialog := make(chan string, 4)
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialog <- e.Message
			go func() {
				// Commands may not run inside the listener.
				if _, err := chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true}); err != nil {
					t.Errorf("accepting the dialog: %v", err)
				}
			}()
		}
	}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(srv.url))
	b.ready()
	b.do(b.click(`#new-person-open`))
	b.setValue("new-pseudonym", "Zed Quill")
	b.change(b.click(`#new-person button[type=submit]`))
	b.add("Yolanda Brightwater", "aunt", "person", "family", 1)
	b.add("Xavier Oakhurst", "neighbour", "person", "neighbour", 2)

	b.do(b.click(`#erase`))
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](`!document.getElementById("map-empty").hidden && !document.body.hasAttribute("aria-busy")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the page still shows a map after erasing: %v", err)
	}
	b.idle()
	select {
	case msg := <-dialog:
		dialogs = append(dialogs, msg)
	default:
	}
	if len(dialogs) != 1 || !strings.Contains(dialogs[0], "Zed Quill") || !strings.Contains(dialogs[0], "cannot be undone") {
		t.Errorf("confirmation asked: %q, want one naming Zed Quill and saying it cannot be undone", dialogs)
	}
	if n := eval[int](b, `document.querySelectorAll("#person option").length`); n != 0 {
		t.Errorf("after erasing, the person list has %d entries", n)
	}
	if people := apiGet[[]json.RawMessage](b, "/api/people"); len(people) != 0 {
		t.Errorf("after erasing, the API lists %d people", len(people))
	}
	b.noProblems()

	srv.stop()
	srv.stop = nil
	files, _ := filepath.Glob(srv.db + "*")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Zed Quill", "Yolanda Brightwater", "Xavier Oakhurst", "aunt"} {
			if strings.Contains(string(raw), name) {
				t.Errorf("%s still holds %q after erasure", filepath.Base(f), name)
			}
		}
	}
	if len(files) == 0 {
		t.Errorf("no database file at %s", srv.db)
	}
}

// sociogram mapping page: a worker and a person draw the person's network
// together. Vanilla JavaScript, no framework, no request to any host but
// the one that served it (Content-Security-Policy default-src 'self').
//
// The picture is the server's: the map is the egogram SVG that sociogram's
// visualize package draws, shown as an image. The page draws nothing of the
// network itself; it lays one transparent button over each alter (using
// the map geometry the server sends, in the SVG's pixel coordinates) so
// that the map can be operated by pointer, touch, keyboard and screen
// reader, and turns a drop point into a ring and a sector.
"use strict";

(function () {
  // ---------------------------------------------------------------- API
  // Every call is same-origin JSON; the access token travels in the
  // cookie the server set when the page was opened with ?token=, and
  // every request carries the header the server requires (api19.md).
  const API = "/api";

  async function call(method, path, body) {
    const opt = {
      method: method,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Sociogram": "1" },
    };
    if (body !== undefined) {
      opt.headers["Content-Type"] = "application/json";
      opt.body = JSON.stringify(body);
    }
    const res = await fetch(API + path, opt);
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = { error: text };
      }
    }
    if (!res.ok) {
      const msg = data && data.error ? data.error : res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return data;
  }

  function enc(s) {
    return encodeURIComponent(s);
  }

  // --------------------------------------------------------------- state
  const st = {
    study: null, // GET /api/study: rings, sectors, types, qualities, flows
    people: [], // [{id, pseudonym, waves}]
    person: null, // id
    wave: null, // label
    map: null, // the map state of person and wave (api19.md)
    previous: null, // the map state of the wave before, at a follow-up
    selected: [], // alter keys, at most two
    focusKey: null, // alter to focus after the next render
    busy: false,
  };

  const $ = (id) => document.getElementById(id);

  function say(msg) {
    $("status").textContent = msg;
  }

  function fail(err) {
    const box = $("error");
    box.textContent = String(err && err.message ? err.message : err);
    box.hidden = false;
    clearTimeout(fail.timer);
    fail.timer = setTimeout(() => {
      box.hidden = true;
    }, 8000);
  }

  // run performs one change at a time; errors are shown, never swallowed.
  async function run(what, fn) {
    if (st.busy) {
      return;
    }
    st.busy = true;
    document.body.setAttribute("aria-busy", "true");
    try {
      await fn();
      if (what) {
        say(what);
      }
    } catch (err) {
      fail(err);
    } finally {
      st.busy = false;
      document.body.removeAttribute("aria-busy");
    }
  }

  // ------------------------------------------------------------ helpers
  function option(value, text) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text === undefined ? value : text;
    return o;
  }

  function fill(select, items, keep) {
    const old = keep ? select.value : null;
    select.replaceChildren(...items.map((it) => option(it.value, it.text)));
    if (old !== null && items.some((it) => it.value === old)) {
      select.value = old;
    }
  }

  function el(tag, props, children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children || []) {
      e.append(c);
    }
    return e;
  }

  function alterByKey(map, key) {
    return map ? map.alters.find((a) => a.key === key) : undefined;
  }

  function ringCount() {
    return st.study ? st.study.rings : 3;
  }

  function ringWords(ring) {
    if (ring === null || ring === undefined) {
      return "not placed yet";
    }
    if (ring === 1) {
      return "ring 1 (closest)";
    }
    if (ring === ringCount()) {
      return "ring " + ring + " (outermost)";
    }
    return "ring " + ring;
  }

  function whereWords(a) {
    return ringWords(a.ring) + ", " + (a.role || "no sector");
  }

  function flowWords(f) {
    const words = { "to ego": "to the person", "from ego": "from the person", "both": "both ways" };
    return words[f] || f;
  }

  // today is the local date, YYYY-MM-DD, the default date of a meeting.
  function today() {
    const d = new Date();
    const p = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }

  function personPath() {
    return "/people/" + enc(st.person);
  }

  function mapPath() {
    return personPath() + "/waves/" + enc(st.wave);
  }

  function waves() {
    return st.map ? st.map.person.waves : [];
  }

  // ------------------------------------------------------------ loading
  async function loadPeople() {
    st.people = await call("GET", "/people");
    if (!st.people.some((p) => p.id === st.person)) {
      st.person = st.people.length ? st.people[st.people.length - 1].id : null;
      st.wave = null;
    }
  }

  // show takes a map state (every mutation returns one) and renders it,
  // fetching the previous wave's map when it is a follow-up.
  async function show(state) {
    st.map = state;
    st.person = state ? state.person.id : null;
    st.wave = state ? state.wave : null;
    st.previous = null;
    if (state && state.followup && state.followup.from) {
      st.previous = await call("GET", personPath() + "/waves/" + enc(state.followup.from));
    }
    st.selected = st.selected.filter((k) => alterByKey(st.map, k));
    const p = st.people.find((x) => state && x.id === state.person.id);
    if (state && (!p || p.waves.length !== state.person.waves.length)) {
      await loadPeople();
    }
    render();
  }

  async function load() {
    if (st.person === null) {
      await show(null);
      return;
    }
    const p = st.people.find((x) => x.id === st.person);
    const labels = p ? p.waves.map((w) => w.wave) : [];
    if (!labels.includes(st.wave)) {
      st.wave = labels.length ? labels[labels.length - 1] : null;
    }
    if (st.wave === null) {
      await show(null);
      return;
    }
    await show(await call("GET", mapPath()));
  }

  // ------------------------------------------------------------ drawing
  function render() {
    renderHeader();
    renderChoices();
    renderMap();
    renderSelection();
    renderMeasures();
    renderTies();
    renderFollowup();
    renderGoals();
    renderPictures();
    const has = st.map !== null;
    for (const id of ["add-section", "selected-section", "measures-section", "ties-section", "goals-section", "pictures-section", "erase-section"]) {
      $(id).hidden = !has;
    }
    $("followup-open").disabled = !has;
    $("undo").disabled = !has || !st.map.can_undo;
    document.body.dataset.version = has ? String(st.map.version) : "";
  }

  function renderHeader() {
    fill($("person"), st.people.map((p) => ({ value: p.id, text: p.pseudonym })));
    $("person").disabled = st.people.length === 0;
    if (st.person !== null) {
      $("person").value = st.person;
    }
    fill($("wave"), waves().map((w) => ({ value: w.wave, text: "meeting " + w.wave + (w.date ? " (" + w.date + ")" : "") })));
    $("wave").disabled = waves().length === 0;
    if (st.wave !== null) {
      $("wave").value = st.wave;
    }
  }

  function renderChoices() {
    const c = st.study;
    if (!c) {
      return;
    }
    const rings = [];
    for (let r = 1; r <= c.rings; r++) {
      rings.push({ value: String(r), text: ringWords(r) });
    }
    fill($("add-type"), c.types.map((t) => ({ value: t, text: t })), true);
    fill($("edit-type"), c.types.map((t) => ({ value: t, text: t })), false);
    fill($("add-role"), c.sectors.map((s) => ({ value: s, text: s })), true);
    fill($("add-ring"), rings, true);
    // "" (not said) is always a choice, first.
    const withNone = (list) => [""].concat(list.filter((v) => v !== ""));
    const qualities = withNone(c.qualities).map((q) => ({ value: q, text: q === "" ? "not said" : q }));
    fill($("tie-quality"), qualities, false);
    fill($("sel-quality"), qualities, false);
    fill($("sel-flow"), withNone(c.flows).map((f) => ({ value: f, text: f === "" ? "not said" : flowWords(f) })), false);
  }

  function renderMap() {
    const img = $("map-img");
    const overlay = $("overlay");
    const m = st.map;
    $("map-empty").hidden = m !== null;
    if (m === null) {
      img.removeAttribute("src");
      img.alt = "";
      overlay.replaceChildren();
      return;
    }
    const g = m.geometry;
    // The picture is the server's SVG of this map (its URL changes with
    // every edit, so the browser never shows a stale one).
    if (img.getAttribute("src") !== m.map_svg) {
      img.src = m.map_svg;
    }
    img.alt = "Network map of " + m.person.pseudonym + " at meeting " + m.wave + ": " + m.alters.length +
      " people, places and services and " + m.ties.length + " ties between them; each is a button on the map.";
    img.width = g.width;
    img.height = g.height;
    $("map").style.setProperty("--aspect", String(g.width / g.height));
    const pos = new Map(g.alters.map((p) => [p.key, p]));
    // Focus order: sector by sector clockwise from the top, inner ring first.
    const order = m.alters.slice().sort((a, b) => sectorIndex(a.role) - sectorIndex(b.role) ||
      (a.ring || 99) - (b.ring || 99) || a.name.localeCompare(b.name));
    const buttons = [];
    for (const a of order) {
      const p = pos.get(a.key);
      if (!p) {
        continue;
      }
      const b = el("button", { type: "button", className: "alter", title: a.name, textContent: a.name });
      b.dataset.key = a.key;
      b.style.left = (100 * p.x / g.width) + "%";
      b.style.top = (100 * p.y / g.height) + "%";
      b.setAttribute("aria-pressed", st.selected.includes(a.key) ? "true" : "false");
      // Only the fields that are there: an alter added without a note or
      // a kind (API, import) is not read as "Anna, , ring 1".
      b.setAttribute("aria-label", [a.name, a.note, a.type, whereWords(a)].filter((s) => s).join(", "));
      buttons.push(b);
    }
    overlay.replaceChildren(...buttons);
    if (st.focusKey !== null) {
      const f = overlay.querySelector('[data-key="' + CSS.escape(st.focusKey) + '"]');
      if (f) {
        f.focus();
      }
      st.focusKey = null;
    }
  }

  function sectorIndex(s) {
    const i = st.study ? st.study.sectors.indexOf(s) : -1;
    return i < 0 ? 1e9 : i;
  }

  function renderSelection() {
    const sel = st.selected.map((k) => alterByKey(st.map, k)).filter(Boolean);
    $("selected-none").hidden = sel.length !== 0;
    $("selected-one").hidden = sel.length !== 1;
    $("selected-two").hidden = sel.length !== 2;
    $("sel-clear").hidden = sel.length === 0;
    if (sel.length === 1) {
      const a = sel[0];
      $("sel-name").textContent = a.name;
      $("sel-where").textContent = "(" + (a.note ? a.note + ", " : "") + a.type + ", " + whereWords(a) + ")";
      $("sel-closer").disabled = a.ring !== null && a.ring <= 1;
      $("sel-further").disabled = a.ring !== null && a.ring >= ringCount();
      $("sel-quality").value = a.quality || "";
      $("sel-flow").value = a.flow || "";
      if ($("edit-form").dataset.key !== a.key || !$("edit-form").contains(document.activeElement)) {
        // The alter's values, unless the user is typing in the form.
        $("edit-form").dataset.key = a.key;
        $("edit-name").value = a.name;
        $("edit-note").value = a.note || "";
        $("edit-type").value = a.type;
      }
    }
    if (sel.length === 2) {
      const t = tieOf(sel[0].key, sel[1].key);
      $("tie-pair").textContent = sel[0].name + " and " + sel[1].name + (t ? ": " + tieWords(t) : ": no tie yet");
      $("tie-save").textContent = t ? "Save the tie" : "Draw the tie";
      $("tie-remove").hidden = !t;
      $("tie-quality").value = t ? t.quality || "" : "";
    }
  }

  function tieOf(a, b) {
    return st.map.ties.find((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a));
  }

  function tieWords(t) {
    return t.quality ? t.quality + " tie" : "tie";
  }

  function renderMeasures() {
    const items = st.map ? st.map.words || [] : [];
    $("measures").replaceChildren(...items.map((s) => {
      const li = el("li", { textContent: s.text });
      li.dataset.measure = s.measure;
      const v = s.value !== undefined ? s.value : s.values ? s.values[0] : null;
      li.dataset.value = v === null || v === undefined ? "" : String(v);
      return li;
    }));
  }

  function renderTies() {
    const ul = $("ties");
    if (!st.map) {
      ul.replaceChildren();
      return;
    }
    const rows = st.map.ties.map((t) => {
      const a = alterByKey(st.map, t.a);
      const b = alterByKey(st.map, t.b);
      const names = (a ? a.name : t.a) + " and " + (b ? b.name : t.b);
      const li = el("li", {}, [el("span", { className: "who", textContent: names }), el("span", { className: "state", textContent: tieWords(t) })]);
      li.dataset.a = t.a;
      li.dataset.b = t.b;
      const edit = el("button", { type: "button", className: "quiet", textContent: "Change" });
      edit.setAttribute("aria-label", "Change the tie between " + names);
      edit.addEventListener("click", () => {
        st.selected = [t.a, t.b];
        renderMap();
        renderSelection();
        $("tie-quality").focus();
      });
      li.append(edit);
      return li;
    });
    if (rows.length === 0) {
      rows.push(el("li", { className: "help", textContent: "No ties yet: select two people who know each other." }));
    }
    ul.replaceChildren(...rows);
  }

  // The follow-up list: everyone of the last map with what became of
  // them (kept, gone, moved closer or further, other sector), then the
  // new ones, as the server's follow-up summary says.
  function renderFollowup() {
    const sec = $("followup-section");
    const ul = $("followup");
    const f = st.map ? st.map.followup : null;
    if (!f || !st.previous) {
      sec.hidden = true;
      ul.replaceChildren();
      return;
    }
    sec.hidden = false;
    $("followup-title").textContent = "Since meeting " + f.from;
    $("followup-words").replaceChildren(...(f.words || []).map((w) => {
      const li = el("li", { textContent: w.text });
      li.dataset.measure = w.measure;
      return li;
    }));
    const has = (list, k) => (list || []).includes(k);
    const rows = [];
    for (const before of st.previous.alters) {
      const now = alterByKey(st.map, before.key);
      const li = el("li");
      li.dataset.key = before.key;
      const parts = [];
      let state = "kept";
      if (has(f.lost, before.key) || !now) {
        state = "gone";
        li.className = "gone";
        parts.push("gone");
      } else {
        if (has(f.closer, before.key)) {
          parts.push("closer (ring " + before.ring + " to " + now.ring + ")");
        }
        if (has(f.further, before.key)) {
          parts.push("further (ring " + before.ring + " to " + now.ring + ")");
        }
        if (has(f.role_changed, before.key)) {
          parts.push("now " + (now.role || "no sector") + ", was " + (before.role || "none"));
        }
        if (parts.length) {
          state = "changed";
        } else {
          parts.push("kept");
        }
      }
      li.dataset.state = state;
      li.append(el("span", { className: "who", textContent: before.name }), el("span", { className: "state", textContent: parts.join("; ") }));
      if (now) {
        const b = el("button", { type: "button", className: "danger", textContent: "Gone" });
        b.setAttribute("aria-label", before.name + " is gone");
        b.addEventListener("click", () => run(before.name + " marked gone", async () => {
          st.selected = st.selected.filter((k) => k !== before.key);
          await show(await call("DELETE", mapPath() + "/alters/" + enc(before.key)));
        }));
        li.append(b);
      }
      rows.push(li);
    }
    for (const a of st.map.alters) {
      if (!alterByKey(st.previous, a.key)) {
        const li = el("li", {}, [el("span", { className: "who", textContent: a.name }), el("span", { className: "state", textContent: "new" })]);
        li.dataset.key = a.key;
        li.dataset.state = "new";
        rows.push(li);
      }
    }
    ul.replaceChildren(...rows);
  }

  // Goals: each goal with its Goal Attainment Scaling level at this
  // meeting, -2 (much less than expected) to +2 (much more), as five radio
  // buttons of tablet size.
  const levelWords = { "-2": "much less than expected", "-1": "less than expected", "0": "as expected", "1": "more than expected", "2": "much more than expected" };

  function signed(v) {
    return (v > 0 ? "+" : "") + v;
  }

  function renderGoals() {
    const ul = $("goals");
    const goals = st.map ? st.map.goals || [] : [];
    const rows = goals.map((g) => {
      const li = el("li");
      li.dataset.goal = g.id;
      const who = el("span", { className: "who" }, [el("strong", { textContent: g.name })]);
      if (g.description) {
        who.append(": " + g.description);
      }
      let note = "importance " + g.weight;
      if (g.baseline === st.wave) {
        note += "; set at this meeting: where things are now";
      } else if (g.levels && g.levels[g.baseline] !== undefined && g.levels[g.baseline] !== null) {
        note += "; at meeting " + g.baseline + ": " + signed(g.levels[g.baseline]);
      }
      who.append(el("span", { className: "state", textContent: " (" + note + ")" }));
      li.append(who);
      const fs = el("fieldset", { className: "level" });
      fs.append(el("legend", { textContent: "Level of " + g.name + " at meeting " + st.wave }));
      const cur = g.levels ? g.levels[st.wave] : null;
      for (const v of [-2, -1, 0, 1, 2]) {
        const id = "lvl-" + g.id + "-" + (v + 2);
        const input = el("input", { type: "radio", name: "lvl-" + g.id, id: id, value: String(v) });
        input.checked = cur !== undefined && cur !== null && Number(cur) === v;
        input.addEventListener("change", () => run(g.name + ": level " + signed(v) + " recorded", async () => {
          await call("PUT", personPath() + "/goals/" + enc(g.id) + "/levels/" + enc(st.wave), { level: v });
          await show(await call("GET", mapPath()));
          const again = $("lvl-" + g.id + "-" + (v + 2));
          if (again) {
            again.focus();
          }
        }));
        const label = el("label", { htmlFor: id, textContent: signed(v), title: levelWords[String(v)] });
        label.setAttribute("aria-label", signed(v) + ", " + levelWords[String(v)]);
        fs.append(input, label);
      }
      li.append(fs);
      // The meanings visible, not only on hover (a tablet has none): the
      // level recorded in words, and the scale.
      const shown = cur !== undefined && cur !== null ? signed(Number(cur)) + ": " + levelWords[String(Number(cur))] + ". " : "";
      const words = el("p", { className: "level-words", textContent: shown +
        "Scale: −2 much less, −1 less than expected, 0 as expected, +1 more, +2 much more than expected." });
      words.setAttribute("aria-hidden", "true");
      li.append(words);
      return li;
    });
    if (rows.length === 0) {
      rows.push(el("li", { className: "help", textContent: "No goals yet." }));
    }
    ul.replaceChildren(...rows);
  }

  function renderPictures() {
    const pdf = $("pdf");
    if (!st.map) {
      pdf.removeAttribute("href");
      return;
    }
    pdf.href = API + personPath() + "/report.pdf?wave=" + enc(st.wave);
    $("show-before-after").disabled = !st.previous;
    $("show-goals").disabled = (st.map.goals || []).length === 0;
  }

  function showPicture(title, src) {
    $("picture-title").textContent = title;
    const img = $("picture-img");
    img.alt = title;
    img.src = src;
    $("picture").showModal();
  }

  // ------------------------------------------------------------ changes
  async function moveAlter(key, ring, sector) {
    const a = alterByKey(st.map, key);
    if (!a) {
      return;
    }
    ring = Math.max(1, Math.min(ringCount(), ring));
    if (ring === a.ring && sector === a.role) {
      renderMap();
      say(a.name + " stays in " + whereWords(a));
      return;
    }
    await run(a.name + " moved to " + ringWords(ring) + ", " + sector, async () => {
      st.focusKey = key;
      await show(await call("PATCH", mapPath() + "/alters/" + enc(key), { ring: ring, role: sector }));
    });
  }

  function nextSector(sector, step) {
    const s = st.study.sectors;
    const i = s.indexOf(sector);
    if (i < 0) {
      return s[0];
    }
    return s[(i + step + s.length) % s.length];
  }

  function toggleSelect(key) {
    const i = st.selected.indexOf(key);
    if (i >= 0) {
      st.selected.splice(i, 1);
    } else {
      st.selected.push(key);
      if (st.selected.length > 2) {
        st.selected.shift();
      }
    }
    st.focusKey = key;
    renderMap();
    renderSelection();
    const names = st.selected.map((k) => alterByKey(st.map, k).name);
    say(names.length ? "Selected: " + names.join(" and ") : "Nothing selected");
  }

  // cellAt turns a point (client pixels) into (ring, sector) with the map
  // geometry (api19.md): d = distance from the centre, θ = clockwise angle
  // from 12 o'clock in degrees; the ring whose inner ≤ d < outer (inside
  // the ego's disc: ring 1; beyond the last: the outermost numbered ring),
  // the sector whose start ≤ θ < end.
  function cellAt(clientX, clientY) {
    const g = st.map.geometry;
    const rect = $("map-img").getBoundingClientRect();
    const x = (clientX - rect.left) * g.width / rect.width;
    const y = (clientY - rect.top) * g.height / rect.height;
    const dx = x - g.centre.x;
    const dy = g.centre.y - y;
    const d = Math.hypot(dx, dy);
    const rings = g.rings.filter((r) => r.ring !== null);
    let ring = rings.length ? rings[rings.length - 1].ring : 1;
    for (const r of rings) {
      if (d < r.outer) {
        ring = r.ring;
        break;
      }
    }
    const theta = ((Math.atan2(dx, dy) * 180 / Math.PI) % 360 + 360) % 360;
    let sector = "";
    for (const s of g.sectors) {
      if (theta >= s.start && theta < s.end) {
        sector = s.role;
        break;
      }
    }
    if (sector === "" && g.sectors.length) {
      sector = g.sectors[g.sectors.length - 1].role; // θ rounding at 360°
    }
    return { ring: ring, sector: sector };
  }

  // Pointer dragging (mouse, pen and touch alike). A press that moves
  // less than 6 px is a click (select); otherwise the button follows the
  // pointer and the drop point gives the new ring and sector.
  let drag = null;

  function onPointerDown(ev) {
    const b = ev.target.closest(".alter");
    if (!b || st.busy || (ev.pointerType === "mouse" && ev.button !== 0)) {
      return;
    }
    drag = { key: b.dataset.key, button: b, x: ev.clientX, y: ev.clientY, moved: false, id: ev.pointerId };
    b.setPointerCapture(ev.pointerId);
  }

  function onPointerMove(ev) {
    if (!drag || ev.pointerId !== drag.id) {
      return;
    }
    if (!drag.moved && Math.hypot(ev.clientX - drag.x, ev.clientY - drag.y) < 6) {
      return;
    }
    drag.moved = true;
    const rect = $("overlay").getBoundingClientRect();
    drag.button.classList.add("dragging");
    drag.button.style.left = (100 * (ev.clientX - rect.left) / rect.width) + "%";
    drag.button.style.top = (100 * (ev.clientY - rect.top) / rect.height) + "%";
    const c = cellAt(ev.clientX, ev.clientY);
    say("Drop in " + ringWords(c.ring) + ", " + c.sector);
  }

  function onPointerUp(ev) {
    if (!drag || ev.pointerId !== drag.id) {
      return;
    }
    const d = drag;
    drag = null;
    if (!d.moved) {
      return; // the click event that follows selects
    }
    d.button.classList.remove("dragging");
    d.button.dataset.dragged = "1";
    const c = cellAt(ev.clientX, ev.clientY);
    moveAlter(d.key, c.ring, c.sector);
  }

  function onPointerCancel() {
    if (drag) {
      drag.button.classList.remove("dragging");
      drag = null;
      renderMap();
    }
  }

  function onAlterClick(ev) {
    const b = ev.target.closest(".alter");
    if (!b) {
      return;
    }
    if (b.dataset.dragged) {
      delete b.dataset.dragged;
      return;
    }
    toggleSelect(b.dataset.key);
  }

  function onAlterKey(ev) {
    const b = ev.target.closest(".alter");
    if (!b || !st.study) {
      return;
    }
    const a = alterByKey(st.map, b.dataset.key);
    if (!a) {
      return;
    }
    let ring = a.ring === null ? ringCount() : a.ring;
    let sector = a.role;
    switch (ev.key) {
      case "ArrowUp":
        ring--;
        break;
      case "ArrowDown":
        ring++;
        break;
      case "ArrowLeft":
        sector = nextSector(a.role, -1);
        break;
      case "ArrowRight":
        sector = nextSector(a.role, 1);
        break;
      case "Escape":
        st.selected = [];
        st.focusKey = a.key;
        renderMap();
        renderSelection();
        return;
      default:
        return;
    }
    ev.preventDefault();
    if (ring < 1 || ring > ringCount()) {
      say(a.name + " is already in " + ringWords(a.ring));
      return;
    }
    moveAlter(a.key, ring, sector);
  }

  // ------------------------------------------------------------- wiring
  function wire() {
    const overlay = $("overlay");
    overlay.addEventListener("pointerdown", onPointerDown);
    overlay.addEventListener("pointermove", onPointerMove);
    overlay.addEventListener("pointerup", onPointerUp);
    overlay.addEventListener("pointercancel", onPointerCancel);
    overlay.addEventListener("click", onAlterClick);
    overlay.addEventListener("keydown", onAlterKey);
    // The overlay buttons follow the picture's size; nothing to redo on
    // resize because they are placed in percentages of it.

    $("person").addEventListener("change", () => run(null, async () => {
      st.person = $("person").value;
      st.wave = null;
      st.selected = [];
      await load();
    }));
    $("wave").addEventListener("change", () => run(null, async () => {
      st.wave = $("wave").value;
      st.selected = [];
      await show(await call("GET", mapPath()));
    }));

    const drawer = $("new-person");
    const closeDrawer = () => {
      drawer.hidden = true;
      $("new-person-open").setAttribute("aria-expanded", "false");
    };
    $("new-person-open").addEventListener("click", () => {
      if (!$("new-date").value) {
        $("new-date").value = today();
      }
      drawer.hidden = false;
      $("new-person-open").setAttribute("aria-expanded", "true");
      $("new-pseudonym").focus();
    });
    $("new-person-cancel").addEventListener("click", () => {
      closeDrawer();
      $("new-person-open").focus();
    });
    drawer.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const pseudonym = $("new-pseudonym").value.trim();
      const body = { pseudonym: pseudonym };
      if ($("new-wave").value.trim()) {
        body.wave = $("new-wave").value.trim();
      }
      if ($("new-date").value) {
        body.date = $("new-date").value;
      }
      run(pseudonym + " started", async () => {
        const state = await call("POST", "/people", body);
        drawer.reset();
        closeDrawer();
        st.selected = [];
        await loadPeople();
        await show(state);
        $("add-name").focus();
      });
    });

    const fdrawer = $("followup-form");
    const closeFollowup = () => {
      fdrawer.hidden = true;
      $("followup-open").setAttribute("aria-expanded", "false");
    };
    $("followup-open").addEventListener("click", () => {
      const labels = waves().map((w) => w.wave);
      const last = labels[labels.length - 1];
      $("followup-wave").value = /^[0-9]+$/.test(last) ? String(Number(last) + 1) : "";
      $("followup-date").value = today();
      fdrawer.hidden = false;
      $("followup-open").setAttribute("aria-expanded", "true");
      $("followup-wave").focus();
    });
    $("followup-cancel").addEventListener("click", () => {
      closeFollowup();
      $("followup-open").focus();
    });
    fdrawer.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const body = {};
      if ($("followup-wave").value.trim()) {
        body.wave = $("followup-wave").value.trim();
      }
      if ($("followup-date").value) {
        body.date = $("followup-date").value;
      }
      run("Follow-up started from the last map", async () => {
        st.selected = [];
        await show(await call("POST", personPath() + "/followup", body));
        closeFollowup();
        $("followup-title").focus();
      });
    });

    const undo = () => run("Last change undone", async () => {
      const state = await call("POST", personPath() + "/undo");
      await show(state);
    });
    $("undo").addEventListener("click", undo);
    document.addEventListener("keydown", (ev) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "z" && st.map && !ev.target.closest("input, select")) {
        ev.preventDefault();
        undo();
      }
    });

    $("add-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const name = $("add-name").value.trim();
      const body = { name: name, note: $("add-note").value.trim(), type: $("add-type").value, role: $("add-role").value, ring: Number($("add-ring").value) };
      run(name + " added in " + ringWords(body.ring) + ", " + body.role, async () => {
        await show(await call("POST", mapPath() + "/alters", body));
        $("add-name").value = "";
        $("add-note").value = "";
        $("add-name").focus();
      });
    });

    const moveSel = (dRing, dSector) => {
      const a = alterByKey(st.map, st.selected[0]);
      if (a) {
        const ring = a.ring === null ? ringCount() : a.ring + dRing;
        moveAlter(a.key, ring, dSector ? nextSector(a.role, dSector) : a.role);
      }
    };
    $("sel-closer").addEventListener("click", () => moveSel(-1, 0));
    $("sel-further").addEventListener("click", () => moveSel(1, 0));
    $("sel-prev").addEventListener("click", () => moveSel(0, -1));
    $("sel-next").addEventListener("click", () => moveSel(0, 1));
    const setRel = (field) => () => {
      const a = alterByKey(st.map, st.selected[0]);
      const body = {};
      body[field] = $("sel-" + field).value;
      run(a.name + ": " + field + " saved", async () => {
        await show(await call("PATCH", mapPath() + "/alters/" + enc(a.key), body));
      });
    };
    $("sel-quality").addEventListener("change", setRel("quality"));
    $("sel-flow").addEventListener("change", setRel("flow"));
    $("edit-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const a = alterByKey(st.map, st.selected[0]);
      const body = { name: $("edit-name").value.trim(), note: $("edit-note").value.trim(), type: $("edit-type").value };
      run(body.name + " saved", async () => {
        await show(await call("PATCH", mapPath() + "/alters/" + enc(a.key), body));
      });
    });
    $("sel-remove").addEventListener("click", () => {
      const a = alterByKey(st.map, st.selected[0]);
      run(a.name + " removed from this map", async () => {
        st.selected = [];
        await show(await call("DELETE", mapPath() + "/alters/" + enc(a.key)));
      });
    });
    $("sel-clear").addEventListener("click", () => {
      st.selected = [];
      renderMap();
      renderSelection();
    });

    $("tie-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const [a, b] = st.selected;
      const quality = $("tie-quality").value;
      const names = alterByKey(st.map, a).name + " and " + alterByKey(st.map, b).name;
      run("Tie between " + names + " saved", async () => {
        if (tieOf(a, b)) {
          await show(await call("PATCH", mapPath() + "/ties/" + enc(a) + "/" + enc(b), { quality: quality }));
        } else {
          await show(await call("POST", mapPath() + "/ties", { a: a, b: b, quality: quality }));
        }
      });
    });
    $("tie-remove").addEventListener("click", () => {
      const [a, b] = st.selected;
      run("Tie removed", async () => {
        await show(await call("DELETE", mapPath() + "/ties/" + enc(a) + "/" + enc(b)));
      });
    });

    $("goal-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const name = $("goal-name").value.trim();
      const body = { name: name, description: $("goal-description").value.trim(), weight: Number($("goal-weight").value), baseline: st.wave };
      run("Goal set: " + name, async () => {
        const wave = st.wave;
        await call("POST", personPath() + "/goals", body);
        $("goal-form").reset();
        await show(await call("GET", personPath() + "/waves/" + enc(wave)));
      });
    });

    $("show-before-after").addEventListener("click", () => {
      const from = st.map.followup.from;
      showPicture("Before and after: meeting " + from + " and meeting " + st.wave,
        API + personPath() + "/beforeafter.svg?from=" + enc(from) + "&to=" + enc(st.wave));
    });
    $("show-goals").addEventListener("click", () => {
      showPicture("Goals of " + st.map.person.pseudonym, API + personPath() + "/goals.svg?v=" + enc(String(st.map.version)) + "-" + Date.now());
    });

    $("show-ecomap").addEventListener("click", () => {
      showPicture("Ecomap of " + st.map.person.pseudonym + " at meeting " + st.wave,
        API + mapPath() + "/map.svg?view=ecomap");
    });

    $("erase").addEventListener("click", () => {
      const name = st.map.person.pseudonym;
      if (!window.confirm("Erase " + name + " and everything recorded about them? This cannot be undone.")) {
        return;
      }
      run(name + " erased", async () => {
        await call("POST", personPath() + "/erase", { confirm: name });
        st.person = null;
        st.wave = null;
        st.selected = [];
        await loadPeople();
        await load();
      });
    });
  }

  async function start() {
    wire();
    await run(null, async () => {
      st.study = await call("GET", "/study");
      await loadPeople();
      await load();
    });
    render();
    document.body.dataset.ready = "1";
  }

  start();
})();

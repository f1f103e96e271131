package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
)

// The rows of one person as the change log records them: the exported
// types with the position (seq) that keeps export order through an undo.
type (
	logPerson struct {
		Person
		Ref string `json:"ref"`
		Seq int64  `json:"seq"`
	}
	logInterview struct {
		Interview
		Seq int64 `json:"seq"`
	}
	logAlter struct {
		Alter
		Seq int64 `json:"seq"`
	}
	logTie struct {
		Tie
		Seq int64 `json:"seq"`
	}
	logGoal struct {
		Goal
		Seq int64 `json:"seq"`
	}
)

// rowset is the Before or After of a change: the rows it touched.
type rowset struct {
	People     []logPerson    `json:"people,omitempty"`
	Interviews []logInterview `json:"interviews,omitempty"`
	Alters     []logAlter     `json:"alters,omitempty"`
	Ties       []logTie       `json:"ties,omitempty"`
	Goals      []logGoal      `json:"goals,omitempty"`
}

func (r *rowset) empty() bool {
	return len(r.People)+len(r.Interviews)+len(r.Alters)+len(r.Ties)+len(r.Goals) == 0
}

// json returns the rowset as JSON, or nil when it is empty.
func (r *rowset) json() ([]byte, error) {
	if r == nil || r.empty() {
		return nil, nil
	}
	return json.Marshal(r)
}

// personRow is a person's internal row.
type personRow struct {
	id  int64
	ref string
	p   logPerson
}

// tx is one transaction with its context.
type tx struct {
	ctx context.Context
	*sql.Tx
}

func (t *tx) exec(q string, args ...any) (sql.Result, error) {
	return t.ExecContext(t.ctx, q, args...)
}

func (t *tx) row(q string, args ...any) *sql.Row {
	return t.QueryRowContext(t.ctx, q, args...)
}

// nullText is NULL for "" (a missing value), else s.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullRing(r int) any {
	if r == 0 {
		return nil
	}
	return r
}

// attrsJSON encodes attributes (missing values left out) as a JSON object
// with sorted keys.
func attrsJSON(a map[string]string) string {
	m := make(map[string]string, len(a))
	for k, v := range a {
		if v != "" {
			m[k] = v
		}
	}
	b, _ := json.Marshal(m) // a map[string]string always encodes
	return string(b)
}

func parseAttrs(s string) (map[string]string, error) {
	m := map[string]string{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("attributes %q: %w", s, err)
	}
	if len(m) == 0 {
		return nil, nil
	}
	return m, nil
}

// person finds a person by study ID.
func (t *tx) person(pid string) (personRow, error) {
	var r personRow
	var pseud sql.NullString
	err := t.row("SELECT id, ref, pseudonym, seq FROM people WHERE pid = ?", pid).Scan(&r.id, &r.ref, &pseud, &r.p.Seq)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("people: person %q: %w", pid, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("people: person %q: %w", pid, err)
	}
	r.p.ID, r.p.Pseudonym, r.p.Ref = pid, pseud.String, r.ref
	return r, nil
}

// interview finds a person's interview at a wave.
func (t *tx) interview(pid, wave string) (int64, error) {
	var id int64
	err := t.row("SELECT i.id FROM interviews i JOIN people p ON p.id = i.person WHERE p.pid = ? AND i.wave = ?", pid, wave).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if _, perr := t.person(pid); perr != nil {
			return 0, fmt.Errorf("interviews: %w", perr)
		}
		return 0, fmt.Errorf("interviews: person %q wave %q: %w", pid, wave, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("interviews: person %q wave %q: %w", pid, wave, err)
	}
	return id, nil
}

// interviews returns a person's interviews in wave order.
func (t *tx) interviews(pid string) ([]logInterview, error) {
	rs, err := t.QueryContext(t.ctx, `SELECT i.wave, i.date, i.attrs, i.seq FROM interviews i
		JOIN people p ON p.id = i.person JOIN wave_labels w ON w.label = i.wave
		WHERE p.pid = ? ORDER BY w.pos`, pid)
	if err != nil {
		return nil, fmt.Errorf("interviews: person %q: %w", pid, err)
	}
	defer rs.Close()
	var out []logInterview
	for rs.Next() {
		var iv logInterview
		var date sql.NullString
		var attrs string
		if err := rs.Scan(&iv.Wave, &date, &attrs, &iv.Seq); err != nil {
			return nil, fmt.Errorf("interviews: person %q: %w", pid, err)
		}
		iv.Person, iv.Date = pid, date.String
		if iv.Attrs, err = parseAttrs(attrs); err != nil {
			return nil, fmt.Errorf("interviews: person %q wave %q: %w", pid, iv.Wave, err)
		}
		out = append(out, iv)
	}
	return out, rs.Err()
}

const alterCols = "a.key, a.name, a.role, a.type, a.ring, a.sector, a.quality, a.flow, a.weight, a.attrs, a.seq"

func scanAlter(sc interface{ Scan(...any) error }, pid, wave string) (logAlter, error) {
	var a logAlter
	var name, role, typ, sector, quality, flow sql.NullString
	var ring sql.NullInt64
	var attrs string
	if err := sc.Scan(&a.Key, &name, &role, &typ, &ring, &sector, &quality, &flow, &a.Weight, &attrs, &a.Seq); err != nil {
		return a, err
	}
	a.Person, a.Wave = pid, wave
	a.Name, a.Role, a.Type, a.Sector, a.Quality, a.Flow = name.String, role.String, typ.String, sector.String, quality.String, flow.String
	a.Ring = int(ring.Int64)
	var err error
	a.Attrs, err = parseAttrs(attrs)
	return a, err
}

// alters returns the alters of an interview in their order.
func (t *tx) alters(iv int64, pid, wave string) ([]logAlter, error) {
	rs, err := t.QueryContext(t.ctx, "SELECT "+alterCols+" FROM alters a WHERE a.interview = ? ORDER BY a.seq", iv)
	if err != nil {
		return nil, fmt.Errorf("alters: person %q wave %q: %w", pid, wave, err)
	}
	defer rs.Close()
	var out []logAlter
	for rs.Next() {
		a, err := scanAlter(rs, pid, wave)
		if err != nil {
			return nil, fmt.Errorf("alters: person %q wave %q: %w", pid, wave, err)
		}
		out = append(out, a)
	}
	return out, rs.Err()
}

// alter returns one alter and its row id.
func (t *tx) alter(k AlterKey) (logAlter, int64, error) {
	iv, err := t.interview(k.Person, k.Wave)
	if err != nil {
		return logAlter{}, 0, err
	}
	var id int64
	row := t.row("SELECT a.id, "+alterCols+" FROM alters a WHERE a.interview = ? AND a.key = ?", iv, k.Alter)
	a, err := scanAlter(scanFunc(func(dest ...any) error {
		return row.Scan(append([]any{&id}, dest...)...)
	}), k.Person, k.Wave)
	if errors.Is(err, sql.ErrNoRows) {
		return a, 0, fmt.Errorf("alters: %s: %w", k, ErrNotFound)
	}
	if err != nil {
		return a, 0, fmt.Errorf("alters: %s: %w", k, err)
	}
	return a, id, nil
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// String names the alter in errors: person "P01" wave "2" alter "a3".
func (k AlterKey) String() string {
	return fmt.Sprintf("person %q wave %q alter %q", k.Person, k.Wave, k.Alter)
}

// String names the tie in errors.
func (k TieKey) String() string {
	return fmt.Sprintf("person %q wave %q tie %q–%q", k.Person, k.Wave, k.A, k.B)
}

// String names the goal in errors.
func (k GoalKey) String() string {
	return fmt.Sprintf("person %q goal %q", k.Person, k.Goal)
}

const tieCols = "x.key, y.key, t.quality, t.flow, t.type, t.weight, t.attrs, t.seq"

func scanTie(sc interface{ Scan(...any) error }, pid, wave string) (logTie, error) {
	var e logTie
	var quality, flow, typ sql.NullString
	var attrs string
	if err := sc.Scan(&e.A, &e.B, &quality, &flow, &typ, &e.Weight, &attrs, &e.Seq); err != nil {
		return e, err
	}
	e.Person, e.Wave = pid, wave
	e.Quality, e.Flow, e.Type = quality.String, flow.String, typ.String
	var err error
	e.Attrs, err = parseAttrs(attrs)
	return e, err
}

// ties returns the ties of an interview in their order; with key != "",
// only the ties of that alter.
func (t *tx) ties(iv int64, pid, wave, key string) ([]logTie, error) {
	q := "SELECT " + tieCols + " FROM ties t JOIN alters x ON x.id = t.a JOIN alters y ON y.id = t.b WHERE t.interview = ?"
	args := []any{iv}
	if key != "" {
		q += " AND (x.key = ? OR y.key = ?)"
		args = append(args, key, key)
	}
	rs, err := t.QueryContext(t.ctx, q+" ORDER BY t.seq", args...)
	if err != nil {
		return nil, fmt.Errorf("ties: person %q wave %q: %w", pid, wave, err)
	}
	defer rs.Close()
	var out []logTie
	for rs.Next() {
		e, err := scanTie(rs, pid, wave)
		if err != nil {
			return nil, fmt.Errorf("ties: person %q wave %q: %w", pid, wave, err)
		}
		out = append(out, e)
	}
	return out, rs.Err()
}

// tie finds a tie by its two alters (either order unless directed).
func (t *tx) tie(k TieKey, directed bool) (logTie, int64, error) {
	iv, err := t.interview(k.Person, k.Wave)
	if err != nil {
		return logTie{}, 0, err
	}
	q := "SELECT t.id, " + tieCols + " FROM ties t JOIN alters x ON x.id = t.a JOIN alters y ON y.id = t.b WHERE t.interview = ? AND ((x.key = ? AND y.key = ?)"
	if !directed {
		q += " OR (x.key = ? AND y.key = ?)"
	}
	q += ")"
	args := []any{iv, k.A, k.B}
	if !directed {
		args = append(args, k.B, k.A)
	}
	var id int64
	row := t.row(q, args...)
	e, err := scanTie(scanFunc(func(dest ...any) error {
		return row.Scan(append([]any{&id}, dest...)...)
	}), k.Person, k.Wave)
	if errors.Is(err, sql.ErrNoRows) {
		return e, 0, fmt.Errorf("ties: %s: %w", k, ErrNotFound)
	}
	if err != nil {
		return e, 0, fmt.Errorf("ties: %s: %w", k, err)
	}
	return e, id, nil
}

// goals returns a person's goals in their order, with their levels; with
// goal != "", only that goal.
func (t *tx) goals(pid, goal string) ([]logGoal, error) {
	q := `SELECT g.id, g.goal, g.description, g.weight, g.rule, g.baseline, g.seq FROM goals g
		JOIN people p ON p.id = g.person WHERE p.pid = ?`
	args := []any{pid}
	if goal != "" {
		q += " AND g.goal = ?"
		args = append(args, goal)
	}
	rs, err := t.QueryContext(t.ctx, q+" ORDER BY g.seq", args...)
	if err != nil {
		return nil, fmt.Errorf("goals: person %q: %w", pid, err)
	}
	var out []logGoal
	var ids []int64
	for rs.Next() {
		var g logGoal
		var id int64
		if err := rs.Scan(&id, &g.ID, &g.Description, &g.Weight, &g.Rule, &g.Baseline, &g.Seq); err != nil {
			rs.Close()
			return nil, fmt.Errorf("goals: person %q: %w", pid, err)
		}
		g.Person = pid
		out = append(out, g)
		ids = append(ids, id)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("goals: person %q: %w", pid, err)
	}
	for i, id := range ids {
		lr, err := t.QueryContext(t.ctx, "SELECT wave, level FROM goal_levels WHERE goal = ?", id)
		if err != nil {
			return nil, fmt.Errorf("goal_levels: %s: %w", GoalKey{pid, out[i].ID}, err)
		}
		for lr.Next() {
			var w string
			var l int
			if err := lr.Scan(&w, &l); err != nil {
				lr.Close()
				return nil, fmt.Errorf("goal_levels: %s: %w", GoalKey{pid, out[i].ID}, err)
			}
			if out[i].Levels == nil {
				out[i].Levels = map[string]int{}
			}
			out[i].Levels[w] = l
		}
		lr.Close()
		if err := lr.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nextSeq returns one more than the largest seq of a table (within an
// interview for alters and ties).
func (t *tx) nextSeq(table string, iv int64) (int64, error) {
	q := "SELECT coalesce(max(seq), 0) + 1 FROM " + table
	var args []any
	if iv != 0 {
		q += " WHERE interview = ?"
		args = append(args, iv)
	}
	var n int64
	err := t.row(q, args...).Scan(&n)
	return n, err
}

// putPerson inserts or updates a person.
func (t *tx) putPerson(p logPerson) error {
	res, err := t.exec("UPDATE people SET pseudonym = ? WHERE pid = ?", nullText(p.Pseudonym), p.ID)
	if err != nil {
		return fmt.Errorf("people: person %q: %w", p.ID, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if _, err := t.exec("INSERT INTO people (ref, pid, pseudonym, seq) VALUES (?, ?, ?, ?)", p.Ref, p.ID, nullText(p.Pseudonym), p.Seq); err != nil {
		return fmt.Errorf("people: person %q: %w", p.ID, err)
	}
	return nil
}

// putInterview inserts or updates an interview.
func (t *tx) putInterview(iv logInterview) error {
	pr, err := t.person(iv.Person)
	if err != nil {
		return fmt.Errorf("interviews: %w", err)
	}
	if err := t.addWaveLabel(iv.Wave); err != nil {
		return err
	}
	res, err := t.exec("UPDATE interviews SET date = ?, attrs = ? WHERE person = ? AND wave = ?", nullText(iv.Date), attrsJSON(iv.Attrs), pr.id, iv.Wave)
	if err != nil {
		return fmt.Errorf("interviews: person %q wave %q: %w", iv.Person, iv.Wave, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if _, err := t.exec("INSERT INTO interviews (person, wave, date, attrs, seq) VALUES (?, ?, ?, ?, ?)", pr.id, iv.Wave, nullText(iv.Date), attrsJSON(iv.Attrs), iv.Seq); err != nil {
		return fmt.Errorf("interviews: person %q wave %q: %w", iv.Person, iv.Wave, err)
	}
	return nil
}

// putAlter inserts or updates an alter.
func (t *tx) putAlter(a logAlter) error {
	iv, err := t.interview(a.Person, a.Wave)
	if err != nil {
		return fmt.Errorf("alters: %w", err)
	}
	k := AlterKey{a.Person, a.Wave, a.Key}
	args := []any{nullText(a.Name), nullText(a.Role), nullText(a.Type), nullRing(a.Ring), nullText(a.Sector),
		nullText(a.Quality), nullText(a.Flow), a.Weight, attrsJSON(a.Attrs)}
	res, err := t.exec(`UPDATE alters SET name = ?, role = ?, type = ?, ring = ?, sector = ?, quality = ?, flow = ?,
		weight = ?, attrs = ? WHERE interview = ? AND key = ?`, append(args, iv, a.Key)...)
	if err != nil {
		return fmt.Errorf("alters: %s: %w", k, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if _, err := t.exec(`INSERT INTO alters (name, role, type, ring, sector, quality, flow, weight, attrs, interview, key, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, iv, a.Key, a.Seq)...); err != nil {
		return fmt.Errorf("alters: %s: %w", k, err)
	}
	return nil
}

// putTie inserts or updates a tie.
func (t *tx) putTie(e logTie, directed bool) error {
	k := TieKey{e.Person, e.Wave, e.A, e.B}
	_, id, err := t.tie(k, directed)
	args := []any{nullText(e.Quality), nullText(e.Flow), nullText(e.Type), e.Weight, attrsJSON(e.Attrs)}
	if err == nil {
		if _, err := t.exec("UPDATE ties SET quality = ?, flow = ?, type = ?, weight = ?, attrs = ? WHERE id = ?", append(args, id)...); err != nil {
			return fmt.Errorf("ties: %s: %w", k, err)
		}
		return nil
	}
	if !errors.Is(err, ErrNotFound) {
		return err
	}
	iv, err := t.interview(e.Person, e.Wave)
	if err != nil {
		return fmt.Errorf("ties: %w", err)
	}
	_, a, err := t.alter(AlterKey{e.Person, e.Wave, e.A})
	if err != nil {
		return fmt.Errorf("ties: %s: %w", k, err)
	}
	_, b, err := t.alter(AlterKey{e.Person, e.Wave, e.B})
	if err != nil {
		return fmt.Errorf("ties: %s: %w", k, err)
	}
	if _, err := t.exec("INSERT INTO ties (quality, flow, type, weight, attrs, interview, a, b, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		append(args, iv, a, b, e.Seq)...); err != nil {
		return fmt.Errorf("ties: %s: %w", k, err)
	}
	return nil
}

// putGoal inserts or updates a goal, and sets its levels to g.Levels.
func (t *tx) putGoal(g logGoal) error {
	pr, err := t.person(g.Person)
	if err != nil {
		return fmt.Errorf("goals: %w", err)
	}
	k := GoalKey{g.Person, g.ID}
	args := []any{g.Description, g.Weight, g.Rule, g.Baseline}
	res, err := t.exec("UPDATE goals SET description = ?, weight = ?, rule = ?, baseline = ? WHERE person = ? AND goal = ?", append(args, pr.id, g.ID)...)
	if err != nil {
		return fmt.Errorf("goals: %s: %w", k, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := t.exec("INSERT INTO goals (description, weight, rule, baseline, person, goal, seq) VALUES (?, ?, ?, ?, ?, ?, ?)", append(args, pr.id, g.ID, g.Seq)...); err != nil {
			return fmt.Errorf("goals: %s: %w", k, err)
		}
	}
	var id int64
	if err := t.row("SELECT id FROM goals WHERE person = ? AND goal = ?", pr.id, g.ID).Scan(&id); err != nil {
		return fmt.Errorf("goals: %s: %w", k, err)
	}
	if _, err := t.exec("DELETE FROM goal_levels WHERE goal = ?", id); err != nil {
		return fmt.Errorf("goal_levels: %s: %w", k, err)
	}
	for _, w := range sortedKeys(g.Levels) {
		if _, err := t.exec("INSERT INTO goal_levels (goal, wave, level) VALUES (?, ?, ?)", id, w, g.Levels[w]); err != nil {
			return fmt.Errorf("goal_levels: %s wave %q: %w", k, w, err)
		}
	}
	return nil
}

// addWaveLabel adds a wave label at the end of the study's waves if it is
// new.
func (t *tx) addWaveLabel(w string) error {
	if ok, err := t.exists("SELECT 1 FROM wave_labels WHERE label = ?", w); err != nil || ok {
		if err != nil {
			return fmt.Errorf("wave_labels: wave %q: %w", w, err)
		}
		return nil
	}
	if _, err := t.exec("INSERT INTO wave_labels (label, pos) SELECT ?, coalesce(max(pos), 0) + 1 FROM wave_labels", w); err != nil {
		return fmt.Errorf("wave_labels: wave %q: %w", w, err)
	}
	return nil
}

// del deletes the rows of r (children first); the foreign keys take the
// rows that hang on them (an alter's ties, a goal's levels).
func (t *tx) del(r *rowset, directed bool) error {
	for _, e := range r.Ties {
		k := TieKey{e.Person, e.Wave, e.A, e.B}
		_, id, err := t.tie(k, directed)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if _, err := t.exec("DELETE FROM ties WHERE id = ?", id); err != nil {
			return fmt.Errorf("ties: %s: %w", k, err)
		}
	}
	for _, a := range r.Alters {
		k := AlterKey{a.Person, a.Wave, a.Key}
		_, id, err := t.alter(k)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if _, err := t.exec("DELETE FROM alters WHERE id = ?", id); err != nil {
			return fmt.Errorf("alters: %s: %w", k, err)
		}
	}
	for _, iv := range r.Interviews {
		if _, err := t.exec("DELETE FROM interviews WHERE wave = ? AND person = (SELECT id FROM people WHERE pid = ?)", iv.Wave, iv.Person); err != nil {
			return fmt.Errorf("interviews: person %q wave %q: %w", iv.Person, iv.Wave, err)
		}
	}
	for _, g := range r.Goals {
		if _, err := t.exec("DELETE FROM goals WHERE goal = ? AND person = (SELECT id FROM people WHERE pid = ?)", g.ID, g.Person); err != nil {
			return fmt.Errorf("goals: %s: %w", GoalKey{g.Person, g.ID}, err)
		}
	}
	for _, p := range r.People {
		if _, err := t.exec("DELETE FROM people WHERE pid = ?", p.ID); err != nil {
			return fmt.Errorf("people: person %q: %w", p.ID, err)
		}
	}
	return nil
}

// put inserts or updates the rows of r (parents first).
func (t *tx) put(r *rowset, directed bool) error {
	for _, p := range r.People {
		if err := t.putPerson(p); err != nil {
			return err
		}
	}
	for _, iv := range r.Interviews {
		if err := t.putInterview(iv); err != nil {
			return err
		}
	}
	for _, g := range r.Goals {
		if err := t.putGoal(g); err != nil {
			return err
		}
	}
	for _, a := range r.Alters {
		if err := t.putAlter(a); err != nil {
			return err
		}
	}
	for _, e := range r.Ties {
		if err := t.putTie(e, directed); err != nil {
			return err
		}
	}
	return nil
}

// restore turns the rows of cur (the state now) into the rows of want:
// rows of cur that want lacks are deleted, want's rows put.
func (t *tx) restore(cur, want *rowset, directed bool) error {
	gone := &rowset{}
	tieKey := func(e logTie) string {
		a, b := e.A, e.B
		if !directed && a > b {
			a, b = b, a
		}
		return e.Person + "\x00" + e.Wave + "\x00" + a + "\x00" + b
	}
	keep := map[string]bool{}
	for _, e := range want.Ties {
		keep[tieKey(e)] = true
	}
	for _, e := range cur.Ties {
		if !keep[tieKey(e)] {
			gone.Ties = append(gone.Ties, e)
		}
	}
	keep = map[string]bool{}
	for _, a := range want.Alters {
		keep[a.Person+"\x00"+a.Wave+"\x00"+a.Key] = true
	}
	for _, a := range cur.Alters {
		if !keep[a.Person+"\x00"+a.Wave+"\x00"+a.Key] {
			gone.Alters = append(gone.Alters, a)
		}
	}
	keep = map[string]bool{}
	for _, iv := range want.Interviews {
		keep[iv.Person+"\x00"+iv.Wave] = true
	}
	for _, iv := range cur.Interviews {
		if !keep[iv.Person+"\x00"+iv.Wave] {
			gone.Interviews = append(gone.Interviews, iv)
		}
	}
	keep = map[string]bool{}
	for _, g := range want.Goals {
		keep[g.Person+"\x00"+g.ID] = true
	}
	for _, g := range cur.Goals {
		if !keep[g.Person+"\x00"+g.ID] {
			gone.Goals = append(gone.Goals, g)
		}
	}
	keep = map[string]bool{}
	for _, p := range want.People {
		keep[p.ID] = true
	}
	for _, p := range cur.People {
		if !keep[p.ID] {
			gone.People = append(gone.People, p)
		}
	}
	if err := t.del(gone, directed); err != nil {
		return err
	}
	return t.put(want, directed)
}

// checkWeight refuses a weight that is not finite or is negative.
func checkWeight(what string, w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return fmt.Errorf("%s: weight %v: %w (want a finite number, not negative)", what, w, ErrInvalid)
	}
	return nil
}

// clean trims a text field and maps "NA" to "" (missing).
func clean(s string) string {
	s = strings.TrimSpace(s)
	if s == "NA" {
		return ""
	}
	return s
}

func cleanAttrs(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if v = clean(v); v != "" {
			out[strings.TrimSpace(k)] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

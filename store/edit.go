package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sociogram/sociogram/analysis"
)

// pending is a change being made: what the change log will say.
type pending struct {
	ref, wave, action, what string
	before, after           *rowset
	undoes                  int64
}

// change runs fn in one write transaction and appends its change-log row,
// then commits: the change and its record happen together or not at all.
func (e *Editor) change(ctx context.Context, fn func(t *tx, st Study) (pending, error)) (Change, error) {
	s := e.s
	s.mu.Lock()
	defer s.mu.Unlock()
	sqtx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Change{}, fmt.Errorf("store: %s: %w", s.path, err)
	}
	defer sqtx.Rollback()
	t := &tx{ctx: ctx, Tx: sqtx}
	st, err := t.study()
	if err != nil {
		return Change{}, err
	}
	p, err := fn(t, st)
	if err != nil {
		return Change{}, err
	}
	c, err := t.log(e.by, s.now(), p)
	if err != nil {
		return Change{}, err
	}
	if err := sqtx.Commit(); err != nil {
		return Change{}, fmt.Errorf("store: %s: commit: %w", s.path, err)
	}
	return c, nil
}

// log appends a change-log row.
func (t *tx) log(by string, at time.Time, p pending) (Change, error) {
	before, err := p.before.json()
	if err != nil {
		return Change{}, err
	}
	after, err := p.after.json()
	if err != nil {
		return Change{}, err
	}
	at = at.UTC()
	res, err := t.exec("INSERT INTO change_log (at, by, ref, wave, action, what, before, after, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		at.Format(time.RFC3339Nano), by, p.ref, p.wave, p.action, p.what, nullBytes(before), nullBytes(after), p.undoes)
	if err != nil {
		return Change{}, fmt.Errorf("change_log: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Change{}, fmt.Errorf("change_log: %w", err)
	}
	return Change{ID: id, At: at, By: by, Ref: p.ref, Wave: p.wave, Action: p.action, What: p.what,
		Before: before, After: after, Undoes: p.undoes}, nil
}

func nullBytes(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// newRef returns a random opaque person reference (16 hex digits).
func newRef() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// freeID returns prefix+N for the smallest N ≥ 1 not taken.
func freeID(prefix string, taken func(string) (bool, error)) (string, error) {
	return freeIDFrom(prefix, 1, taken)
}

// freeIDFrom returns prefix+N for the smallest N ≥ from not taken.
func freeIDFrom(prefix string, from int, taken func(string) (bool, error)) (string, error) {
	for n := from; ; n++ {
		id := prefix + strconv.Itoa(n)
		t, err := taken(id)
		if err != nil || !t {
			return id, err
		}
	}
}

func (t *tx) exists(q string, args ...any) (bool, error) {
	var n int
	err := t.row("SELECT EXISTS ("+q+")", args...).Scan(&n)
	return n == 1, err
}

// checkWave refuses a wave label the study cannot hold.
func checkWave(st Study, wave string) error {
	if st.Wave == "" {
		if wave != "" {
			return fmt.Errorf("interviews: wave %q: %w: the study has no wave column", wave, ErrInvalid)
		}
		return nil
	}
	if wave == "" || wave == "NA" {
		return fmt.Errorf("interviews: wave %q: %w: a wave needs a label", wave, ErrInvalid)
	}
	return nil
}

// checkAttrs refuses attribute names that have a field of their own or
// that are key columns.
func checkAttrs(table string, st Study, attrs map[string]string, fields []string) error {
	keys := []string{st.EgoID, st.Wave, st.AlterID, st.Source, st.Target, st.AlterWeight, st.TieWeight, "weight"}
	for k := range attrs {
		if k == "" {
			return fmt.Errorf("%s: %w: an attribute with no name", table, ErrInvalid)
		}
		for _, f := range fields {
			if k == f {
				return fmt.Errorf("%s: attribute %q: %w: it has a field of its own", table, k, ErrInvalid)
			}
		}
		for _, f := range keys {
			if f != "" && k == f {
				return fmt.Errorf("%s: attribute %q: %w: it is the name of a key or weight column", table, k, ErrInvalid)
			}
		}
	}
	return nil
}

func checkQuality(table, q string) error {
	switch q {
	case "", "strong", "tenuous", "stressful":
		return nil
	}
	return fmt.Errorf("%s: quality %q: %w (want strong, tenuous, stressful or empty)", table, q, ErrInvalid)
}

// AddPerson adds a person with a first interview at iv.Wave (default "1"
// in a study with waves) on iv.Date, and returns the person as stored
// (with the ID chosen when p.ID was empty).
func (e *Editor) AddPerson(ctx context.Context, p Person, iv Interview) (Person, error) {
	p.ID, p.Pseudonym = clean(p.ID), clean(p.Pseudonym)
	iv.Wave, iv.Date, iv.Attrs = clean(iv.Wave), clean(iv.Date), cleanAttrs(iv.Attrs)
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if st.Wave != "" && iv.Wave == "" {
			iv.Wave = "1"
		}
		if err := checkWave(st, iv.Wave); err != nil {
			return pending{}, err
		}
		if err := checkAttrs("interviews", st, iv.Attrs, egoFields); err != nil {
			return pending{}, err
		}
		if p.ID == "" {
			// Never the ID of an erased person: start after the number of
			// people the change log has ever seen (erasure keeps their
			// data-free rows), so that p1 in an earlier export is never
			// someone else in a later one.
			var seen int
			if err := t.row("SELECT count(DISTINCT ref) FROM change_log WHERE action IN ('person.add', 'import')").Scan(&seen); err != nil {
				return pending{}, fmt.Errorf("people: %w", err)
			}
			id, err := freeIDFrom("p", seen+1, func(id string) (bool, error) { return t.exists("SELECT 1 FROM people WHERE pid = ?", id) })
			if err != nil {
				return pending{}, fmt.Errorf("people: %w", err)
			}
			p.ID = id
		} else if ok, err := t.exists("SELECT 1 FROM people WHERE pid = ?", p.ID); err != nil || ok {
			if err == nil {
				err = ErrExists
			}
			return pending{}, fmt.Errorf("people: person %q: %w", p.ID, err)
		}
		ref, err := newRef()
		if err != nil {
			return pending{}, err
		}
		seq, err := t.nextSeq("people", 0)
		if err != nil {
			return pending{}, fmt.Errorf("people: %w", err)
		}
		lp := logPerson{Person: p, Ref: ref, Seq: seq}
		iseq, err := t.nextSeq("interviews", 0)
		if err != nil {
			return pending{}, fmt.Errorf("interviews: %w", err)
		}
		iv.Person = p.ID
		li := logInterview{Interview: iv, Seq: iseq}
		after := &rowset{People: []logPerson{lp}, Interviews: []logInterview{li}}
		if err := t.put(after, st.Directed); err != nil {
			return pending{}, err
		}
		if err := t.egoColumns(p, iv); err != nil {
			return pending{}, err
		}
		return pending{ref: ref, wave: iv.Wave, action: "person.add", what: fmt.Sprintf("person %s added with wave %s", p.ID, iv.Wave), after: after}, nil
	})
	return p, err
}

// egoColumns adds the egos columns that a person and interview have
// values for.
func (t *tx) egoColumns(p Person, iv Interview) error {
	return t.valuedColumns("egos", []string{"pseudonym", "date"}, []string{p.Pseudonym, iv.Date}, iv.Attrs)
}

// UpdatePerson changes a person's pseudonym.
func (e *Editor) UpdatePerson(ctx context.Context, p Person) error {
	p.Pseudonym = clean(p.Pseudonym)
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(p.ID)
		if err != nil {
			return pending{}, err
		}
		after := pr.p
		after.Pseudonym = p.Pseudonym
		if err := t.putPerson(after); err != nil {
			return pending{}, err
		}
		if err := t.egoColumns(p, Interview{}); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, action: "person.update", what: "person " + p.ID + " updated",
			before: &rowset{People: []logPerson{pr.p}}, after: &rowset{People: []logPerson{after}}}, nil
	})
	return err
}

// AddInterview adds a wave (an empty map) to a person; FollowUp starts one
// from the last map instead.
func (e *Editor) AddInterview(ctx context.Context, iv Interview) error {
	_, err := e.addInterview(ctx, iv, "", false)
	return err
}

// FollowUp adds a wave to a person that starts from the map of the wave
// from ("" = the person's last wave): every alter and tie is carried over
// (all kept), to be marked gone (RemoveAlter) or changed (UpdateAlter,
// PlaceAlter), and new alters added. The ego's attributes are not carried
// over: they are the answers of the new meeting. It returns the new
// interview.
func (e *Editor) FollowUp(ctx context.Context, iv Interview, from string) (Interview, error) {
	return e.addInterview(ctx, iv, from, true)
}

func (e *Editor) addInterview(ctx context.Context, iv Interview, from string, copyMap bool) (Interview, error) {
	iv.Wave, iv.Date, iv.Attrs = clean(iv.Wave), clean(iv.Date), cleanAttrs(iv.Attrs)
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(iv.Person)
		if err != nil {
			return pending{}, fmt.Errorf("interviews: %w", err)
		}
		ivs, err := t.interviews(iv.Person)
		if err != nil {
			return pending{}, err
		}
		if iv.Wave == "" && st.Wave != "" {
			iv.Wave = nextWave(st.Waves, ivs)
		}
		if err := checkWave(st, iv.Wave); err != nil {
			return pending{}, err
		}
		if err := checkAttrs("interviews", st, iv.Attrs, egoFields); err != nil {
			return pending{}, err
		}
		for _, x := range ivs {
			if x.Wave == iv.Wave {
				return pending{}, fmt.Errorf("interviews: person %q wave %q: %w", iv.Person, iv.Wave, ErrExists)
			}
		}
		seq, err := t.nextSeq("interviews", 0)
		if err != nil {
			return pending{}, fmt.Errorf("interviews: %w", err)
		}
		after := &rowset{Interviews: []logInterview{{Interview: iv, Seq: seq}}}
		action, what := "wave.add", fmt.Sprintf("wave %s added to person %s", iv.Wave, iv.Person)
		if copyMap {
			if from == "" {
				if len(ivs) == 0 {
					return pending{}, fmt.Errorf("interviews: person %q: %w: no earlier wave to follow up", iv.Person, ErrNotFound)
				}
				from = ivs[len(ivs)-1].Wave
			}
			fid, err := t.interview(iv.Person, from)
			if err != nil {
				return pending{}, err
			}
			as, err := t.alters(fid, iv.Person, from)
			if err != nil {
				return pending{}, err
			}
			ts, err := t.ties(fid, iv.Person, from, "")
			if err != nil {
				return pending{}, err
			}
			for i := range as {
				as[i].Wave = iv.Wave
			}
			for i := range ts {
				ts[i].Wave = iv.Wave
			}
			after.Alters, after.Ties = as, ts
			action, what = "followup", fmt.Sprintf("wave %s of person %s follows up wave %s", iv.Wave, iv.Person, from)
		}
		if err := t.put(after, st.Directed); err != nil {
			return pending{}, err
		}
		if err := t.egoColumns(Person{}, iv); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: iv.Wave, action: action, what: what, after: after}, nil
	})
	return iv, err
}

// nextWave returns the label after the person's last wave: the next study
// wave, or the last label plus one when it is a number.
func nextWave(study []string, ivs []logInterview) string {
	if len(ivs) == 0 {
		if len(study) > 0 {
			return study[0]
		}
		return "1"
	}
	last := ivs[len(ivs)-1].Wave
	for i, w := range study {
		if w == last && i+1 < len(study) {
			return study[i+1]
		}
	}
	if n, err := strconv.Atoi(last); err == nil {
		return strconv.Itoa(n + 1)
	}
	return last + "+1"
}

// UpdateInterview changes the date and attributes of a person's wave.
func (e *Editor) UpdateInterview(ctx context.Context, iv Interview) error {
	iv.Date, iv.Attrs = clean(iv.Date), cleanAttrs(iv.Attrs)
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := checkAttrs("interviews", st, iv.Attrs, egoFields); err != nil {
			return pending{}, err
		}
		pr, err := t.person(iv.Person)
		if err != nil {
			return pending{}, fmt.Errorf("interviews: %w", err)
		}
		ivs, err := t.interviews(iv.Person)
		if err != nil {
			return pending{}, err
		}
		for _, old := range ivs {
			if old.Wave == iv.Wave {
				nw := logInterview{Interview: iv, Seq: old.Seq}
				if err := t.putInterview(nw); err != nil {
					return pending{}, err
				}
				if err := t.egoColumns(Person{}, iv); err != nil {
					return pending{}, err
				}
				return pending{ref: pr.ref, wave: iv.Wave, action: "wave.update", what: fmt.Sprintf("wave %s of person %s updated", iv.Wave, iv.Person),
					before: &rowset{Interviews: []logInterview{old}}, after: &rowset{Interviews: []logInterview{nw}}}, nil
			}
		}
		return pending{}, fmt.Errorf("interviews: person %q wave %q: %w", iv.Person, iv.Wave, ErrNotFound)
	})
	return err
}

// cleanAlter normalises an alter's fields and checks them.
func cleanAlter(a *Alter, st Study) error {
	a.Key, a.Name, a.Role, a.Type = clean(a.Key), clean(a.Name), clean(a.Role), clean(a.Type)
	a.Sector, a.Quality, a.Flow, a.Attrs = clean(a.Sector), clean(a.Quality), clean(a.Flow), cleanAttrs(a.Attrs)
	k := AlterKey{a.Person, a.Wave, a.Key}
	if a.Ring < 0 {
		return fmt.Errorf("alters: %s: ring %d: %w (want 1 = closest, 2, 3, …, or 0 = not placed)", k, a.Ring, ErrInvalid)
	}
	return checkRow("alters: "+k.String(), st, st.AlterWeight, a.Quality, &a.Weight, a.Attrs, alterFields)
}

// checkRow does the checks an alter and a tie share: the quality, the
// weight (set to 1 when the study has no weightColumn) and the attribute
// names. where names the row in errors ("alters: " + its key).
func checkRow(where string, st Study, weightColumn, quality string, weight *float64, attrs map[string]string, fields []string) error {
	if err := checkQuality(where, quality); err != nil {
		return err
	}
	if weightColumn == "" {
		*weight = 1
	} else if err := checkWeight(where, *weight); err != nil {
		return err
	}
	return checkAttrs(where, st, attrs, fields)
}

// alterColumns adds the alters columns that an alter has values for.
func (t *tx) alterColumns(a Alter) error {
	return t.valuedColumns("alters", alterFields, []string{a.Name, a.Role, a.Type, ringText(a.Ring), a.Sector, a.Quality, a.Flow}, a.Attrs)
}

// valuedColumns adds to table the columns fields[i] whose values[i] is not
// empty, then one column for each attribute.
func (t *tx) valuedColumns(table string, fields, values []string, attrs map[string]string) error {
	var names []string
	for i, v := range values {
		if v != "" {
			names = append(names, fields[i])
		}
	}
	return t.addColumns(table, append(names, sortedKeys(attrs)...)...)
}

func ringText(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

// AddAlter adds an alter to a person's wave and returns it as stored
// (with the key chosen when a.Key was empty: "a1", "a2", …, a key the
// person has at no wave, so that a new alter is never taken for an old
// one).
func (e *Editor) AddAlter(ctx context.Context, a Alter) (Alter, error) {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanAlter(&a, st); err != nil {
			return pending{}, err
		}
		pr, err := t.person(a.Person)
		if err != nil {
			return pending{}, fmt.Errorf("alters: %w", err)
		}
		iv, err := t.interview(a.Person, a.Wave)
		if err != nil {
			return pending{}, fmt.Errorf("alters: %w", err)
		}
		if a.Key == "" {
			a.Key, err = freeID("a", func(k string) (bool, error) {
				return t.exists("SELECT 1 FROM alters a JOIN interviews i ON i.id = a.interview WHERE i.person = ? AND a.key = ?", pr.id, k)
			})
			if err != nil {
				return pending{}, fmt.Errorf("alters: %w", err)
			}
		} else if ok, err := t.exists("SELECT 1 FROM alters WHERE interview = ? AND key = ?", iv, a.Key); err != nil || ok {
			if err == nil {
				err = ErrExists
			}
			return pending{}, fmt.Errorf("alters: %s: %w", AlterKey{a.Person, a.Wave, a.Key}, err)
		}
		seq, err := t.nextSeq("alters", iv)
		if err != nil {
			return pending{}, fmt.Errorf("alters: %w", err)
		}
		after := &rowset{Alters: []logAlter{{Alter: a, Seq: seq}}}
		if err := t.put(after, st.Directed); err != nil {
			return pending{}, err
		}
		if err := t.alterColumns(a); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: a.Wave, action: "alter.add",
			what: fmt.Sprintf("alter %s added to person %s at wave %s", a.Key, a.Person, a.Wave), after: after}, nil
	})
	return a, err
}

// UpdateAlter replaces the fields of the alter named by a.Person, a.Wave
// and a.Key (its ties stay).
func (e *Editor) UpdateAlter(ctx context.Context, a Alter) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanAlter(&a, st); err != nil {
			return pending{}, err
		}
		return t.updateAlter(a, st, "alter.update", "updated")
	})
	return err
}

func (t *tx) updateAlter(a Alter, st Study, action, verb string) (pending, error) {
	k := AlterKey{a.Person, a.Wave, a.Key}
	pr, err := t.person(a.Person)
	if err != nil {
		return pending{}, fmt.Errorf("alters: %w", err)
	}
	old, _, err := t.alter(k)
	if err != nil {
		return pending{}, err
	}
	nw := logAlter{Alter: a, Seq: old.Seq}
	if err := t.putAlter(nw); err != nil {
		return pending{}, err
	}
	if err := t.alterColumns(a); err != nil {
		return pending{}, err
	}
	return pending{ref: pr.ref, wave: a.Wave, action: action,
		what:   fmt.Sprintf("alter %s of person %s at wave %s %s", a.Key, a.Person, a.Wave, verb),
		before: &rowset{Alters: []logAlter{old}}, after: &rowset{Alters: []logAlter{nw}}}, nil
}

// PlaceAlter moves an alter to a ring (1 = closest; 0 = not placed) and a
// sector of the map, the page's drag and drop.
func (e *Editor) PlaceAlter(ctx context.Context, k AlterKey, ring int, sector string) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		a, _, err := t.alter(k)
		if err != nil {
			return pending{}, err
		}
		a.Ring, a.Sector = ring, sector
		if err := cleanAlter(&a.Alter, st); err != nil {
			return pending{}, err
		}
		return t.updateAlter(a.Alter, st, "alter.place", fmt.Sprintf("placed in ring %d", ring))
	})
	return err
}

// RemoveAlter removes an alter from a person's wave, with its ties at
// that wave (in a follow-up: the alter is gone).
func (e *Editor) RemoveAlter(ctx context.Context, k AlterKey) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(k.Person)
		if err != nil {
			return pending{}, fmt.Errorf("alters: %w", err)
		}
		a, _, err := t.alter(k)
		if err != nil {
			return pending{}, err
		}
		iv, err := t.interview(k.Person, k.Wave)
		if err != nil {
			return pending{}, err
		}
		ts, err := t.ties(iv, k.Person, k.Wave, k.Alter)
		if err != nil {
			return pending{}, err
		}
		before := &rowset{Alters: []logAlter{a}, Ties: ts}
		if err := t.del(before, st.Directed); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: k.Wave, action: "alter.remove",
			what:   fmt.Sprintf("alter %s removed from person %s at wave %s (%d ties)", k.Alter, k.Person, k.Wave, len(ts)),
			before: before}, nil
	})
	return err
}

// cleanTie normalises a tie's fields and checks them.
func cleanTie(e *Tie, st Study) error {
	e.A, e.B = clean(e.A), clean(e.B)
	e.Quality, e.Flow, e.Type, e.Attrs = clean(e.Quality), clean(e.Flow), clean(e.Type), cleanAttrs(e.Attrs)
	k := TieKey{e.Person, e.Wave, e.A, e.B}
	if e.A == e.B {
		return fmt.Errorf("ties: %s: %w: a tie joins two different alters", k, ErrInvalid)
	}
	return checkRow("ties: "+k.String(), st, st.TieWeight, e.Quality, &e.Weight, e.Attrs, tieFields)
}

// tieColumns adds the ties columns that a tie has values for.
func (t *tx) tieColumns(e Tie) error {
	return t.valuedColumns("ties", tieFields, []string{e.Quality, e.Flow, e.Type}, e.Attrs)
}

// AddTie adds a tie between two alters of a person's wave.
func (e *Editor) AddTie(ctx context.Context, tie Tie) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanTie(&tie, st); err != nil {
			return pending{}, err
		}
		k := TieKey{tie.Person, tie.Wave, tie.A, tie.B}
		pr, err := t.person(tie.Person)
		if err != nil {
			return pending{}, fmt.Errorf("ties: %w", err)
		}
		if _, _, err := t.tie(k, st.Directed); err == nil {
			return pending{}, fmt.Errorf("ties: %s: %w", k, ErrExists)
		} else if !errors.Is(err, ErrNotFound) {
			return pending{}, err
		}
		iv, err := t.interview(tie.Person, tie.Wave)
		if err != nil {
			return pending{}, fmt.Errorf("ties: %w", err)
		}
		seq, err := t.nextSeq("ties", iv)
		if err != nil {
			return pending{}, fmt.Errorf("ties: %w", err)
		}
		after := &rowset{Ties: []logTie{{Tie: tie, Seq: seq}}}
		if err := t.put(after, st.Directed); err != nil {
			return pending{}, err
		}
		if err := t.tieColumns(tie); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: tie.Wave, action: "tie.add",
			what: fmt.Sprintf("tie %s–%s added to person %s at wave %s", tie.A, tie.B, tie.Person, tie.Wave), after: after}, nil
	})
	return err
}

// UpdateTie replaces the fields of the tie named by its person, wave and
// two alters.
func (e *Editor) UpdateTie(ctx context.Context, tie Tie) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanTie(&tie, st); err != nil {
			return pending{}, err
		}
		k := TieKey{tie.Person, tie.Wave, tie.A, tie.B}
		pr, err := t.person(tie.Person)
		if err != nil {
			return pending{}, fmt.Errorf("ties: %w", err)
		}
		old, _, err := t.tie(k, st.Directed)
		if err != nil {
			return pending{}, err
		}
		tie.A, tie.B = old.A, old.B // the stored order
		nw := logTie{Tie: tie, Seq: old.Seq}
		if err := t.putTie(nw, st.Directed); err != nil {
			return pending{}, err
		}
		if err := t.tieColumns(tie); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: tie.Wave, action: "tie.update",
			what:   fmt.Sprintf("tie %s–%s of person %s at wave %s updated", tie.A, tie.B, tie.Person, tie.Wave),
			before: &rowset{Ties: []logTie{old}}, after: &rowset{Ties: []logTie{nw}}}, nil
	})
	return err
}

// RemoveTie removes a tie.
func (e *Editor) RemoveTie(ctx context.Context, k TieKey) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(k.Person)
		if err != nil {
			return pending{}, fmt.Errorf("ties: %w", err)
		}
		old, _, err := t.tie(k, st.Directed)
		if err != nil {
			return pending{}, err
		}
		before := &rowset{Ties: []logTie{old}}
		if err := t.del(before, st.Directed); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: k.Wave, action: "tie.remove",
			what: fmt.Sprintf("tie %s–%s removed from person %s at wave %s", old.A, old.B, k.Person, k.Wave), before: before}, nil
	})
	return err
}

// cleanGoal normalises a goal's fields and checks them.
func cleanGoal(g *Goal) error {
	g.ID, g.Description, g.Rule, g.Baseline = clean(g.ID), strings.TrimSpace(g.Description), strings.TrimSpace(g.Rule), clean(g.Baseline)
	k := GoalKey{g.Person, g.ID}
	if !(g.Weight > 0) || g.Weight > 1e300 {
		return fmt.Errorf("goals: %s: weight %v: %w (want a number greater than 0)", k, g.Weight, ErrInvalid)
	}
	if g.Rule != "" {
		if _, err := analysis.ParseGoalRule(g.Rule); err != nil {
			return fmt.Errorf("goals: %s: %w: %w", k, ErrInvalid, err)
		}
	}
	return nil
}

// AddGoal adds a goal to a person (levels are set with SetLevel) and
// returns it as stored, with the ID chosen when g.ID was empty and the
// baseline wave the person's last wave when g.Baseline was empty.
func (e *Editor) AddGoal(ctx context.Context, g Goal) (Goal, error) {
	g.Levels = nil
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanGoal(&g); err != nil {
			return pending{}, err
		}
		pr, err := t.person(g.Person)
		if err != nil {
			return pending{}, fmt.Errorf("goals: %w", err)
		}
		if g.ID == "" {
			g.ID, err = freeID("g", func(id string) (bool, error) {
				return t.exists("SELECT 1 FROM goals WHERE person = ? AND goal = ?", pr.id, id)
			})
			if err != nil {
				return pending{}, fmt.Errorf("goals: %w", err)
			}
		} else if ok, err := t.exists("SELECT 1 FROM goals WHERE person = ? AND goal = ?", pr.id, g.ID); err != nil || ok {
			if err == nil {
				err = ErrExists
			}
			return pending{}, fmt.Errorf("goals: %s: %w", GoalKey{g.Person, g.ID}, err)
		}
		if g.Baseline == "" {
			ivs, err := t.interviews(g.Person)
			if err != nil {
				return pending{}, err
			}
			if len(ivs) > 0 {
				g.Baseline = ivs[len(ivs)-1].Wave
			}
		}
		seq, err := t.nextSeq("goals", 0)
		if err != nil {
			return pending{}, fmt.Errorf("goals: %w", err)
		}
		after := &rowset{Goals: []logGoal{{Goal: g, Seq: seq}}}
		if err := t.put(after, st.Directed); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, action: "goal.add", what: fmt.Sprintf("goal %s added to person %s", g.ID, g.Person), after: after}, nil
	})
	return g, err
}

// UpdateGoal replaces a goal's description, weight, rule and baseline
// (not its levels).
func (e *Editor) UpdateGoal(ctx context.Context, g Goal) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		if err := cleanGoal(&g); err != nil {
			return pending{}, err
		}
		pr, old, err := t.goal(GoalKey{g.Person, g.ID})
		if err != nil {
			return pending{}, err
		}
		nw := logGoal{Goal: g, Seq: old.Seq}
		nw.Levels = old.Levels
		if g.Rule != "" && len(old.Levels) > 0 {
			return pending{}, fmt.Errorf("goals: %s: %w: a goal with a rule has no recorded levels; clear them first", GoalKey{g.Person, g.ID}, ErrInvalid)
		}
		if err := t.putGoal(nw); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, action: "goal.update", what: fmt.Sprintf("goal %s of person %s updated", g.ID, g.Person),
			before: &rowset{Goals: []logGoal{old}}, after: &rowset{Goals: []logGoal{nw}}}, nil
	})
	return err
}

func (t *tx) goal(k GoalKey) (personRow, logGoal, error) {
	pr, err := t.person(k.Person)
	if err != nil {
		return pr, logGoal{}, fmt.Errorf("goals: %w", err)
	}
	gs, err := t.goals(k.Person, k.Goal)
	if err != nil {
		return pr, logGoal{}, err
	}
	if len(gs) == 0 {
		return pr, logGoal{}, fmt.Errorf("goals: %s: %w", k, ErrNotFound)
	}
	return pr, gs[0], nil
}

// RemoveGoal removes a goal with its levels.
func (e *Editor) RemoveGoal(ctx context.Context, k GoalKey) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, old, err := t.goal(k)
		if err != nil {
			return pending{}, err
		}
		before := &rowset{Goals: []logGoal{old}}
		if err := t.del(before, st.Directed); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, action: "goal.remove", what: fmt.Sprintf("goal %s removed from person %s", k.Goal, k.Person), before: before}, nil
	})
	return err
}

// SetLevel records a goal's GAS level (−2…2) at a wave, or clears it
// (level nil: not scored). A goal with a rule has no recorded levels.
func (e *Editor) SetLevel(ctx context.Context, k GoalKey, wave string, level *int) error {
	_, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, old, err := t.goal(k)
		if err != nil {
			return pending{}, err
		}
		if level != nil && (*level < -2 || *level > 2) {
			return pending{}, fmt.Errorf("goal_levels: %s wave %q: level %d: %w (want -2 to 2)", k, wave, *level, ErrInvalid)
		}
		if level != nil && old.Rule != "" {
			return pending{}, fmt.Errorf("goal_levels: %s: %w: the goal's level comes from its rule %q", k, ErrInvalid, old.Rule)
		}
		if _, err := t.interview(k.Person, wave); err != nil {
			return pending{}, fmt.Errorf("goal_levels: %s: %w", k, err)
		}
		nw := old
		nw.Levels = map[string]int{}
		for w, l := range old.Levels {
			nw.Levels[w] = l
		}
		verb := "cleared"
		if level != nil {
			nw.Levels[wave] = *level
			verb = "set"
		} else {
			delete(nw.Levels, wave)
		}
		if len(nw.Levels) == 0 {
			nw.Levels = nil
		}
		if err := t.putGoal(nw); err != nil {
			return pending{}, err
		}
		if err := t.addGoalWaves(wave); err != nil {
			return pending{}, err
		}
		return pending{ref: pr.ref, wave: wave, action: "level.set",
			what:   fmt.Sprintf("level of goal %s of person %s at wave %s %s", k.Goal, k.Person, wave, verb),
			before: &rowset{Goals: []logGoal{old}}, after: &rowset{Goals: []logGoal{nw}}}, nil
	})
	return err
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// lastUndoable returns the person's latest change that no undo has
// reverted (undo rows themselves are skipped; an erasure ends the
// search), or ErrNothingToUndo.
func (t *tx) lastUndoable(ref string) (id int64, wave, action string, before, after sql.NullString, err error) {
	rs, err := t.QueryContext(t.ctx, "SELECT id, wave, action, undoes, before, after FROM change_log WHERE ref = ? ORDER BY id DESC", ref)
	if err != nil {
		return 0, "", "", before, after, fmt.Errorf("change_log: %w", err)
	}
	defer rs.Close()
	undone := map[int64]bool{}
	for rs.Next() {
		var undoes int64
		if err := rs.Scan(&id, &wave, &action, &undoes, &before, &after); err != nil {
			return 0, "", "", before, after, fmt.Errorf("change_log: %w", err)
		}
		switch {
		case action == "undo":
			undone[undoes] = true
		case action == "erase":
			return 0, "", "", before, after, ErrNothingToUndo
		case !undone[id]:
			return id, wave, action, before, after, nil
		}
	}
	if err := rs.Err(); err != nil {
		return 0, "", "", before, after, fmt.Errorf("change_log: %w", err)
	}
	return 0, "", "", before, after, ErrNothingToUndo
}

func decodeRows(s sql.NullString) (*rowset, error) {
	r := &rowset{}
	if !s.Valid {
		return r, nil
	}
	if err := json.Unmarshal([]byte(s.String), r); err != nil {
		return nil, fmt.Errorf("change_log: %w", err)
	}
	return r, nil
}

// Undo reverts the person's last change that is not yet undone (a second
// Undo reverts the change before it, and so on back to the person's
// creation) and logs the undo as a change of its own. It returns the undo's
// change-log row, whose Wave is the wave the reverted change touched, and
// ErrNothingToUndo when nothing is left.
func (e *Editor) Undo(ctx context.Context, person string) (Change, error) {
	return e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(person)
		if err != nil {
			return pending{}, fmt.Errorf("change_log: %w", err)
		}
		id, wave, action, b, a, err := t.lastUndoable(pr.ref)
		if err != nil {
			return pending{}, fmt.Errorf("change_log: person %q: %w", person, err)
		}
		before, err := decodeRows(b)
		if err != nil {
			return pending{}, err
		}
		after, err := decodeRows(a)
		if err != nil {
			return pending{}, err
		}
		if err := t.restore(after, before, st.Directed); err != nil {
			return pending{}, fmt.Errorf("undo of change %d: %w", id, err)
		}
		return pending{ref: pr.ref, wave: wave, action: "undo", what: fmt.Sprintf("change %d (%s) of person %s undone", id, action, person),
			before: after, after: before, undoes: id}, nil
	})
}

// CanUndo reports whether the person has a change to undo.
func (s *Store) CanUndo(ctx context.Context, person string) (bool, error) {
	ok := false
	err := s.read(ctx, func(t *tx) error {
		pr, err := t.person(person)
		if err != nil {
			return err
		}
		_, _, _, _, _, err = t.lastUndoable(pr.ref)
		if errors.Is(err, ErrNothingToUndo) {
			return nil
		}
		ok = err == nil
		return err
	})
	return ok, err
}

// Version returns the ID of the person's last change-log row: it changes
// with every change of the person's data (0 for none).
func (s *Store) Version(ctx context.Context, person string) (int64, error) {
	var v int64
	err := s.read(ctx, func(t *tx) error {
		pr, err := t.person(person)
		if err != nil {
			return err
		}
		return t.row("SELECT coalesce(max(id), 0) FROM change_log WHERE ref = ?", pr.ref).Scan(&v)
	})
	return v, err
}

// Erase deletes a person and everything of theirs (waves, alters, ties,
// goals, levels) — the right to erasure — and clears the data of their
// change-log rows (What, Before, After), which keep only when, by whom,
// the person's opaque Ref and the kind of change. It appends the row
// "person REF erased by ACTOR at TIME", which holds no data, then rewrites
// the database file (VACUUM) and truncates the write-ahead log, so that
// nothing of the person remains in the file or beside it. Erasure cannot
// be undone.
func (e *Editor) Erase(ctx context.Context, person string) (Change, error) {
	c, err := e.change(ctx, func(t *tx, st Study) (pending, error) {
		pr, err := t.person(person)
		if err != nil {
			return pending{}, err
		}
		if _, err := t.exec("DELETE FROM people WHERE id = ?", pr.id); err != nil {
			return pending{}, fmt.Errorf("people: person %q: %w", person, err)
		}
		if _, err := t.exec("UPDATE change_log SET what = '', before = NULL, after = NULL WHERE ref = ?", pr.ref); err != nil {
			return pending{}, fmt.Errorf("change_log: %w", err)
		}
		at := e.s.now().UTC()
		return pending{ref: pr.ref, action: "erase", what: fmt.Sprintf("person %s erased by %s at %s", pr.ref, e.by, at.Format(time.RFC3339))}, nil
	})
	if err != nil {
		return c, err
	}
	// The rows are gone; now the bytes. A reader that holds the
	// write-ahead log can make the checkpoint wait past the busy timeout:
	// try again before giving up.
	for try := 0; ; try++ {
		err = e.s.compact(ctx)
		if err == nil || try == 2 || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return c, fmt.Errorf("person %q erased, but the file is not rewritten yet (call Compact): %w", person, err)
	}
	return c, nil
}

// Compact rewrites the database file without free pages (VACUUM) and
// truncates the write-ahead log. Erase does it; call it again when
// Erase says that it could not.
func (s *Store) Compact(ctx context.Context) error {
	return s.compact(ctx)
}

// compact rewrites the database file without free pages and truncates
// the write-ahead log.
func (s *Store) compact(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	defer conn.Close()
	for _, q := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: %s: %s: %w", s.path, q, err)
		}
	}
	return nil
}

// Log returns the change log in order, of one person (their Ref's rows,
// erasure included) or, for person "", of the whole study.
func (s *Store) Log(ctx context.Context, person string) ([]Change, error) {
	var out []Change
	err := s.read(ctx, func(t *tx) error {
		q := "SELECT c.id, c.at, c.by, c.ref, coalesce(p.pid, ''), c.wave, c.action, c.what, c.before, c.after, c.undoes FROM change_log c LEFT JOIN people p ON p.ref = c.ref"
		var args []any
		if person != "" {
			pr, err := t.person(person)
			if err != nil {
				return fmt.Errorf("change_log: %w", err)
			}
			q += " WHERE c.ref = ?"
			args = append(args, pr.ref)
		}
		rs, err := t.QueryContext(t.ctx, q+" ORDER BY c.id", args...)
		if err != nil {
			return fmt.Errorf("change_log: %w", err)
		}
		defer rs.Close()
		for rs.Next() {
			var c Change
			var at string
			var before, after sql.NullString
			if err := rs.Scan(&c.ID, &at, &c.By, &c.Ref, &c.Person, &c.Wave, &c.Action, &c.What, &before, &after, &c.Undoes); err != nil {
				return fmt.Errorf("change_log: %w", err)
			}
			if c.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
				return fmt.Errorf("change_log: change %d: time %q: %w", c.ID, at, err)
			}
			if before.Valid {
				c.Before = json.RawMessage(before.String)
			}
			if after.Valid {
				c.After = json.RawMessage(after.String)
			}
			out = append(out, c)
		}
		return rs.Err()
	})
	return out, err
}

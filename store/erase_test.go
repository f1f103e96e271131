package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// grepFiles returns the files beside the database (itself, -wal,
// -journal, -shm) whose bytes hold s.
func grepFiles(t *testing.T, db, s string) []string {
	t.Helper()
	var hits []string
	for _, suffix := range []string{"", "-wal", "-journal", "-shm"} {
		b, err := os.ReadFile(db + suffix)
		if os.IsNotExist(err) {
			continue
		}
		require.NoError(t, err)
		if bytes.Contains(b, []byte(s)) {
			hits = append(hits, filepath.Base(db+suffix))
		}
	}
	return hits
}

// Erasure: a person with names found nowhere else (pseudonym, alter
// names, a goal, an undone change, a tie) is erased while the store is
// open; a byte search of the database file and of its -wal and -journal
// files finds none of the names, neither while the store is open nor after
// Close, while the other person's names are still there. The log keeps
// one data-free row per change of the erased person and the erasure row.
func TestErase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "study.db")
	st, err := Open(db, Options{})
	require.NoError(t, err)
	ed := st.By("jo")
	secret := []string{"Zebulon-Quillfeather", "Xanthippe-Marlowe", "Ysolde-Brackenridge", "Wystan-Coldharbour", "reconcile-with-Xanthippe"}
	_, err = ed.AddPerson(ctx, Person{ID: "P", Pseudonym: secret[0]}, Interview{Wave: "1"})
	require.NoError(t, err)
	_, err = ed.AddPerson(ctx, Person{ID: "Q", Pseudonym: "Keeper-Ottoline"}, Interview{Wave: "1"})
	require.NoError(t, err)
	_, err = ed.AddAlter(ctx, Alter{Person: "Q", Wave: "1", Name: "Kept-Bartholomew", Ring: 1})
	require.NoError(t, err)
	a, err := ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Name: secret[1], Ring: 1, Sector: "family"})
	require.NoError(t, err)
	b, err := ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Name: secret[2], Ring: 2})
	require.NoError(t, err)
	require.NoError(t, ed.AddTie(ctx, Tie{Person: "P", Wave: "1", A: a.Key, B: b.Key, Quality: "strong"}))
	require.NoError(t, ed.UpdateAlter(ctx, Alter{Person: "P", Wave: "1", Key: b.Key, Name: secret[3], Ring: 3}))
	_, err = ed.Undo(ctx, "P") // the log holds both names of b, before and after
	require.NoError(t, err)
	_, err = ed.AddGoal(ctx, Goal{Person: "P", ID: "sister", Description: secret[4], Weight: 2})
	require.NoError(t, err)
	_, err = ed.FollowUp(ctx, Interview{Person: "P"}, "")
	require.NoError(t, err)
	for _, s := range secret {
		require.NotEmpty(t, grepFiles(t, db, s), "%s is stored before erasure (the search works)", s)
	}

	c, err := ed.Erase(ctx, "P")
	require.NoError(t, err)
	assert.Regexp(t, regexp.MustCompile(`^person [0-9a-f]{16} erased by jo at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`), c.What)
	for _, s := range append(secret, "\"P\"") {
		assert.Empty(t, grepFiles(t, db, s), "%s after erasure, store open", s)
	}
	assert.NotEmpty(t, grepFiles(t, db, "Kept-Bartholomew"), "the other person's data stays")

	log, err := st.Log(ctx, "")
	require.NoError(t, err)
	var mine []Change
	for _, l := range log {
		if l.Ref == c.Ref {
			mine = append(mine, l)
		}
	}
	// person.add, 2 alter.add, tie.add, alter.update, undo, goal.add,
	// followup, erase: 9 rows.
	require.Len(t, mine, 9)
	for _, l := range mine[:8] {
		assert.Empty(t, l.What, "change %d", l.ID)
		assert.Nil(t, l.Before, "change %d", l.ID)
		assert.Nil(t, l.After, "change %d", l.ID)
		assert.Empty(t, l.Person, "change %d: the study ID is gone", l.ID)
	}
	assert.Equal(t, "erase", mine[8].Action)
	for _, tbl := range []string{"people", "interviews", "alters", "ties", "goals", "goal_levels"} {
		var n int
		require.NoError(t, st.db.QueryRowContext(ctx, "SELECT count(*) FROM "+tbl).Scan(&n))
		want := map[string]int{"people": 1, "interviews": 1, "alters": 1}[tbl]
		assert.Equal(t, want, n, "%s: only Q's rows left (ON DELETE CASCADE)", tbl)
	}
	_, err = ed.Undo(ctx, "P")
	assert.ErrorIs(t, err, ErrNotFound, "erasure cannot be undone")

	require.NoError(t, st.Close())
	for _, s := range secret {
		assert.Empty(t, grepFiles(t, db, s), "%s after Close", s)
	}
	assert.Equal(t, []string{"study.db"}, files(t, dir), "the -wal and -shm files are gone after Close")
}

// The store writes nothing but its file (and SQLite's -wal and -shm
// beside it while open): the directory's listing before and after an
// import, changes, an erasure (VACUUM) and Close differs by study.db only.
func TestNothingWrittenOutside(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o644))
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("SQLITE_TMPDIR", tmp)
	st, err := Open(filepath.Join(dir, "study.db"), Options{})
	require.NoError(t, err)
	ed := st.By("jo")
	for i := range 20 {
		_, err := ed.AddPerson(ctx, Person{ID: fmt.Sprint("P", i)}, Interview{Wave: "1"})
		require.NoError(t, err)
		_, err = ed.AddAlter(ctx, Alter{Person: fmt.Sprint("P", i), Wave: "1", Name: "someone"})
		require.NoError(t, err)
	}
	for _, f := range files(t, dir) {
		assert.Contains(t, []string{"other.txt", "study.db", "study.db-wal", "study.db-shm"}, f, "while open")
	}
	_, err = ed.Erase(ctx, "P3")
	require.NoError(t, err)
	require.NoError(t, st.Close())
	assert.Equal(t, []string{"other.txt", "study.db"}, files(t, dir))
	assert.Empty(t, files(t, tmp), "no temporary files")
}

// Several goroutines change and read the store at once (the server's
// handlers): every change is kept, each person's alters in order, and
// the race detector (go test -race) sees no race.
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	const people, alters = 4, 15
	for p := range people {
		_, err := st.By("setup").AddPerson(ctx, Person{ID: fmt.Sprint("P", p)}, Interview{Wave: "1"})
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*people*alters)
	for w := range 2 * people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fmt.Sprint("P", w%people) // two writers per person
			ed := st.By(fmt.Sprint("worker", w))
			for i := range alters {
				_, err := ed.AddAlter(ctx, Alter{Person: p, Wave: "1", Name: fmt.Sprint("w", w, "-", i), Ring: 1 + i%3})
				if err != nil {
					errs <- err
					return
				}
				if _, err := st.Map(ctx, WaveKey{p, "1"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for p := range people {
		m, err := st.Map(ctx, WaveKey{fmt.Sprint("P", p), "1"})
		require.NoError(t, err)
		assert.Len(t, m.Alters, 2*alters)
		seen := map[string]bool{}
		for _, a := range m.Alters {
			assert.False(t, seen[a.Key], "key %s given twice", a.Key)
			seen[a.Key] = true
		}
	}
	log, err := st.Log(ctx, "")
	require.NoError(t, err)
	assert.Len(t, log, people+2*people*alters)
}

// Every connection of the pool has the settings the erasure and the
// concurrency rely on: WAL, foreign keys, secure_delete, temp_store
// MEMORY (2), a busy timeout of 5000 ms.
func TestPragmas(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	var conns []*sql.Conn
	for range 3 { // three connections at once: three of the pool
		c, err := st.db.Conn(ctx)
		require.NoError(t, err)
		conns = append(conns, c)
	}
	for i, c := range conns {
		for q, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "secure_delete": "1",
			"temp_store": "2", "busy_timeout": "5000"} {
			var got string
			require.NoError(t, c.QueryRowContext(ctx, "PRAGMA "+q).Scan(&got))
			assert.Equal(t, want, got, "connection %d: %s", i, q)
		}
		require.NoError(t, c.Close())
	}
}

// A person started after an erasure never gets the erased person's ID:
// p1 and p2 are started, p1 is erased, and the next person is p3 (not
// p1), so that p1 of an export made before the erasure is never someone
// else in an export made after it. p2 is erased too and the next is p4:
// the change log has seen 3 people (its data-free rows stay), so the
// search starts at p4.
func TestEraseIDNotReused(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	ed := st.By("jo")
	for _, want := range []string{"p1", "p2"} {
		p, err := ed.AddPerson(ctx, Person{Pseudonym: "M-" + want}, Interview{Wave: "1"})
		require.NoError(t, err)
		require.Equal(t, want, p.ID)
	}
	_, err := ed.Erase(ctx, "p1")
	require.NoError(t, err)
	p, err := ed.AddPerson(ctx, Person{Pseudonym: "Z"}, Interview{Wave: "1"})
	require.NoError(t, err)
	assert.Equal(t, "p3", p.ID, "not the erased p1")
	_, err = ed.Erase(ctx, "p2")
	require.NoError(t, err)
	p, err = ed.AddPerson(ctx, Person{Pseudonym: "Y"}, Interview{Wave: "1"})
	require.NoError(t, err)
	assert.Equal(t, "p4", p.ID, "not the erased p2")
}

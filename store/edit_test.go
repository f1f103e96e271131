package store

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mapText renders a map as "key:name:ring:sector" per alter and "a-b:quality"
// per tie, for comparisons written by hand.
func mapText(t *testing.T, st *Store, person, wave string) []string {
	t.Helper()
	m, err := st.Map(context.Background(), WaveKey{person, wave})
	require.NoError(t, err)
	var out []string
	for _, a := range m.Alters {
		out = append(out, fmt.Sprintf("%s:%s:%d:%s", a.Key, a.Name, a.Ring, a.Sector))
	}
	for _, e := range m.Ties {
		out = append(out, fmt.Sprintf("%s-%s:%s", e.A, e.B, e.Quality))
	}
	return out
}

// A session at the page, step by step, with the map after each undo
// written out by hand from the steps: undo walks back one change at a
// time, across waves, and never undoes an undo.
func TestEditUndo(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	clock := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	st.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	ed := st.By("jo")
	p, err := ed.AddPerson(ctx, Person{Pseudonym: "Maria"}, Interview{Date: "2026-11-30"}) // 1
	require.NoError(t, err)
	assert.Equal(t, "p1", p.ID, "first free ID")
	k := func(alter string) AlterKey { return AlterKey{"p1", "1", alter} }
	sam, err := ed.AddAlter(ctx, Alter{Person: "p1", Wave: "1", Name: "Sam", Ring: 2, Sector: "family"}) // 2
	require.NoError(t, err)
	assert.Equal(t, "a1", sam.Key)
	_, err = ed.AddAlter(ctx, Alter{Person: "p1", Wave: "1", Name: "Cafe", Type: "place", Ring: 3, Sector: "group"}) // 3
	require.NoError(t, err)
	require.NoError(t, ed.AddTie(ctx, Tie{Person: "p1", Wave: "1", A: "a2", B: "a1", Quality: "strong"})) // 4
	require.NoError(t, ed.PlaceAlter(ctx, k("a1"), 1, "family"))                                          // 5
	require.NoError(t, ed.RemoveAlter(ctx, k("a2")))                                                      // 6: and the tie
	assert.Equal(t, []string{"a1:Sam:1:family"}, mapText(t, st, "p1", "1"))

	c, err := ed.Undo(ctx, "p1") // 7 undoes 6: Cafe and its tie back
	require.NoError(t, err)
	assert.Equal(t, int64(6), c.Undoes)
	assert.Equal(t, "1", c.Wave)
	assert.Equal(t, []string{"a1:Sam:1:family", "a2:Cafe:3:group", "a2-a1:strong"}, mapText(t, st, "p1", "1"))

	_, err = ed.Undo(ctx, "p1") // 8 undoes 5: Sam back in ring 2
	require.NoError(t, err)
	assert.Equal(t, []string{"a1:Sam:2:family", "a2:Cafe:3:group", "a2-a1:strong"}, mapText(t, st, "p1", "1"))

	// A new change after undos, then a follow-up; undo takes the newest first.
	require.NoError(t, ed.UpdateTie(ctx, Tie{Person: "p1", Wave: "1", A: "a1", B: "a2", Quality: "tenuous"})) // 9
	iv, err := ed.FollowUp(ctx, Interview{Person: "p1", Date: "2027-03-01"}, "")                              // 10
	require.NoError(t, err)
	assert.Equal(t, "2", iv.Wave, "the wave after 1")
	assert.Equal(t, []string{"a1:Sam:2:family", "a2:Cafe:3:group", "a2-a1:tenuous"}, mapText(t, st, "p1", "2"))
	jo, err := ed.AddAlter(ctx, Alter{Person: "p1", Wave: "2", Name: "Jo", Ring: 1, Sector: "friends"}) // 11
	require.NoError(t, err)
	assert.Equal(t, "a3", jo.Key, "a new alter never takes the key of an alter of another wave")

	ok, err := st.CanUndo(ctx, "p1")
	require.NoError(t, err)
	assert.True(t, ok)
	v, err := st.Version(ctx, "p1")
	require.NoError(t, err)
	assert.Equal(t, int64(11), v)

	for _, want := range []struct {
		undoes int64
		wave   string
	}{{11, "2"}, {10, "2"}, {9, "1"}, {4, "1"}, {3, "1"}, {2, "1"}} {
		c, err := ed.Undo(ctx, "p1")
		require.NoError(t, err)
		assert.Equal(t, want.undoes, c.Undoes)
		assert.Equal(t, want.wave, c.Wave)
	}
	ivs, err := st.Interviews(ctx, "p1")
	require.NoError(t, err)
	assert.Len(t, ivs, 1, "the follow-up wave is undone")
	assert.Empty(t, mapText(t, st, "p1", "1"))
	// The last undo removes the person; there is nothing left to undo.
	_, err = ed.Undo(ctx, "p1")
	require.NoError(t, err)
	_, err = st.Person(ctx, "p1")
	assert.ErrorIs(t, err, ErrNotFound)

	log, err := st.Log(ctx, "")
	require.NoError(t, err)
	require.Len(t, log, 18, "11 changes and 7 undos")
	assert.Equal(t, "person.add", log[0].Action)
	assert.Equal(t, "jo", log[0].By)
	assert.Equal(t, time.Date(2026, 11, 30, 10, 0, 1, 0, time.UTC), log[0].At)
	assert.Equal(t, "alter.remove", log[5].Action)
	var before rowset
	require.NoError(t, json.Unmarshal(log[5].Before, &before))
	require.Len(t, before.Alters, 1)
	assert.Equal(t, "Cafe", before.Alters[0].Name)
	require.Len(t, before.Ties, 1, "the tie removed with the alter is in the log")
	assert.Nil(t, log[5].After)
	assert.Equal(t, int64(1), log[17].Undoes)
}

func TestEditErrors(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	ed := st.By("jo")
	_, err := ed.AddPerson(ctx, Person{ID: "P"}, Interview{Wave: "1"})
	require.NoError(t, err)
	_, err = ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Key: "a"})
	require.NoError(t, err)
	_, err = ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Key: "b"})
	require.NoError(t, err)
	require.NoError(t, ed.AddTie(ctx, Tie{Person: "P", Wave: "1", A: "a", B: "b"}))
	_, err = ed.AddGoal(ctx, Goal{Person: "P", ID: "g", Weight: 1})
	require.NoError(t, err)
	lv := func(l int) *int { return &l }
	cases := []struct {
		name string
		do   func() error
		is   error
		msg  string
	}{
		{"person twice", func() error { _, err := ed.AddPerson(ctx, Person{ID: "P"}, Interview{}); return err },
			ErrExists, `people: person "P": already exists`},
		{"unknown person", func() error { _, err := ed.AddAlter(ctx, Alter{Person: "Q", Wave: "1"}); return err },
			ErrNotFound, `people: person "Q": not found`},
		{"unknown wave", func() error { _, err := ed.AddAlter(ctx, Alter{Person: "P", Wave: "9"}); return err },
			ErrNotFound, `interviews: person "P" wave "9": not found`},
		{"alter twice", func() error { _, err := ed.AddAlter(ctx, Alter{Person: "P", Wave: "1", Key: "a"}); return err },
			ErrExists, `alters: person "P" wave "1" alter "a": already exists`},
		{"negative ring", func() error { return ed.PlaceAlter(ctx, AlterKey{"P", "1", "a"}, -1, "") },
			ErrInvalid, `alters: person "P" wave "1" alter "a": ring -1: invalid value`},
		{"unknown alter", func() error { return ed.RemoveAlter(ctx, AlterKey{"P", "1", "z"}) },
			ErrNotFound, `alters: person "P" wave "1" alter "z": not found`},
		{"attribute with a field", func() error {
			return ed.UpdateAlter(ctx, Alter{Person: "P", Wave: "1", Key: "a", Attrs: map[string]string{"ring": "2"}})
		}, ErrInvalid, `attribute "ring": invalid value: it has a field of its own`},
		{"tie twice, other order", func() error { return ed.AddTie(ctx, Tie{Person: "P", Wave: "1", A: "b", B: "a"}) },
			ErrExists, `ties: person "P" wave "1" tie "b"–"a": already exists`},
		{"self tie", func() error { return ed.AddTie(ctx, Tie{Person: "P", Wave: "1", A: "a", B: "a"}) },
			ErrInvalid, `ties: person "P" wave "1" tie "a"–"a": invalid value`},
		{"tie to unknown alter", func() error { return ed.AddTie(ctx, Tie{Person: "P", Wave: "1", A: "a", B: "z"}) },
			ErrNotFound, `alters: person "P" wave "1" alter "z": not found`},
		{"bad quality", func() error { return ed.UpdateTie(ctx, Tie{Person: "P", Wave: "1", A: "a", B: "b", Quality: "great"}) },
			ErrInvalid, `quality "great": invalid value`},
		{"goal weight", func() error { _, err := ed.AddGoal(ctx, Goal{Person: "P", Weight: 0}); return err },
			ErrInvalid, `goals: person "P" goal "": weight 0: invalid value`},
		{"goal rule", func() error { _, err := ed.AddGoal(ctx, Goal{Person: "P", Weight: 1, Rule: "size > 2"}); return err },
			ErrInvalid, `has no >= or <=`},
		{"level out of range", func() error { return ed.SetLevel(ctx, GoalKey{"P", "g"}, "1", lv(3)) },
			ErrInvalid, `goal_levels: person "P" goal "g" wave "1": level 3: invalid value`},
		{"level at a wave not met", func() error { return ed.SetLevel(ctx, GoalKey{"P", "g"}, "2", lv(1)) },
			ErrNotFound, `interviews: person "P" wave "2": not found`},
		{"unknown goal", func() error { return ed.RemoveGoal(ctx, GoalKey{"P", "h"}) },
			ErrNotFound, `goals: person "P" goal "h": not found`},
		{"wave twice", func() error { return ed.AddInterview(ctx, Interview{Person: "P", Wave: "1"}) },
			ErrExists, `interviews: person "P" wave "1": already exists`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v0, err := st.Version(ctx, "P")
			require.NoError(t, err)
			err = c.do()
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			assert.Contains(t, err.Error(), c.msg)
			v1, err := st.Version(ctx, "P")
			require.NoError(t, err)
			assert.Equal(t, v0, v1, "a refused change is not logged")
		})
	}
}

// The change log refuses deletes, and any update but erasure's clearing
// of what, before and after (triggers in the schema).
func TestChangeLogAppendOnly(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	_, err := st.By("jo").AddPerson(ctx, Person{ID: "P"}, Interview{Wave: "1"})
	require.NoError(t, err)
	_, err = st.db.ExecContext(ctx, "DELETE FROM change_log")
	assert.ErrorContains(t, err, "change_log is append-only")
	_, err = st.db.ExecContext(ctx, "UPDATE change_log SET by = 'someone else'")
	assert.ErrorContains(t, err, "change_log is append-only")
	_, err = st.db.ExecContext(ctx, "UPDATE change_log SET after = '{}'")
	assert.ErrorContains(t, err, "change_log is append-only")
	_, err = st.db.ExecContext(ctx, "UPDATE change_log SET what = '', before = NULL, after = NULL")
	assert.NoError(t, err, "erasure's update")
}

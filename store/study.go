package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
)

// The study settings' keys in the study table, and their defaults for a
// study begun in the store (egor's column names and a wave column).
var studyDefaults = map[string]string{
	"ego_id":       "egoID",
	"wave":         "wave",
	"alter_id":     "alterID",
	"source":       "Source",
	"target":       "Target",
	"alter_weight": "",
	"tie_weight":   "",
	"directed":     "0",
	"goal_waves":   "[]",
}

// The attributes with a field of their own, by table.
var (
	egoFields   = []string{"pseudonym", "date"}
	alterFields = []string{"name", "role", "type", "ring", "sector", "quality", "flow"}
	tieFields   = []string{"quality", "flow", "type"}
)

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// setting returns a study setting, or its default.
func (t *tx) setting(name string) (string, error) {
	var v string
	err := t.row("SELECT value FROM study WHERE name = ?", name).Scan(&v)
	if err == sql.ErrNoRows {
		return studyDefaults[name], nil
	}
	if err != nil {
		return "", fmt.Errorf("study: %s: %w", name, err)
	}
	return v, nil
}

func (t *tx) setSetting(name, value string) error {
	if _, err := t.exec("INSERT INTO study (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value); err != nil {
		return fmt.Errorf("study: %s: %w", name, err)
	}
	return nil
}

// columns returns a table's attribute columns in order.
func (t *tx) columns(tbl string) ([]string, error) {
	rs, err := t.QueryContext(t.ctx, "SELECT name FROM columns WHERE tbl = ? ORDER BY pos", tbl)
	if err != nil {
		return nil, fmt.Errorf("columns: %s: %w", tbl, err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var n string
		if err := rs.Scan(&n); err != nil {
			return nil, fmt.Errorf("columns: %s: %w", tbl, err)
		}
		out = append(out, n)
	}
	return out, rs.Err()
}

// addColumns appends the names a table does not have yet, in the order
// given.
func (t *tx) addColumns(tbl string, names ...string) error {
	have, err := t.columns(tbl)
	if err != nil {
		return err
	}
	for _, n := range names {
		if n == "" || slices.Contains(have, n) {
			continue
		}
		if _, err := t.exec("INSERT INTO columns (tbl, pos, name) VALUES (?, ?, ?)", tbl, len(have)+1, n); err != nil {
			return fmt.Errorf("columns: %s %q: %w", tbl, n, err)
		}
		have = append(have, n)
	}
	return nil
}

// study reads the settings.
func (t *tx) study() (Study, error) {
	var st Study
	for _, f := range []struct {
		name string
		dst  *string
	}{{"ego_id", &st.EgoID}, {"wave", &st.Wave}, {"alter_id", &st.AlterID}, {"source", &st.Source},
		{"target", &st.Target}, {"alter_weight", &st.AlterWeight}, {"tie_weight", &st.TieWeight}} {
		v, err := t.setting(f.name)
		if err != nil {
			return st, err
		}
		*f.dst = v
	}
	d, err := t.setting("directed")
	if err != nil {
		return st, err
	}
	st.Directed = d == "1"
	if st.EgoColumns, err = t.columns("egos"); err != nil {
		return st, err
	}
	if st.AlterColumns, err = t.columns("alters"); err != nil {
		return st, err
	}
	if st.TieColumns, err = t.columns("ties"); err != nil {
		return st, err
	}
	rs, err := t.QueryContext(t.ctx, "SELECT label FROM wave_labels ORDER BY pos")
	if err != nil {
		return st, fmt.Errorf("wave_labels: %w", err)
	}
	defer rs.Close()
	for rs.Next() {
		var w string
		if err := rs.Scan(&w); err != nil {
			return st, fmt.Errorf("wave_labels: %w", err)
		}
		st.Waves = append(st.Waves, w)
	}
	return st, rs.Err()
}

// goalWaves returns the waves of the goals table's level:WAVE columns.
func (t *tx) goalWaves() ([]string, error) {
	v, err := t.setting("goal_waves")
	if err != nil {
		return nil, err
	}
	var ws []string
	if err := json.Unmarshal([]byte(v), &ws); err != nil {
		return nil, fmt.Errorf("study: goal_waves %q: %w", v, err)
	}
	return ws, nil
}

// addGoalWaves appends level:WAVE columns for waves that have none.
func (t *tx) addGoalWaves(waves ...string) error {
	ws, err := t.goalWaves()
	if err != nil {
		return err
	}
	n := len(ws)
	for _, w := range waves {
		if !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	if len(ws) == n {
		return nil
	}
	b, _ := json.Marshal(ws) // []string always encodes
	return t.setSetting("goal_waves", string(b))
}

// read runs fn in a read-only transaction.
func (s *Store) read(ctx context.Context, fn func(t *tx) error) error {
	sqtx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	defer sqtx.Rollback()
	return fn(&tx{ctx: ctx, Tx: sqtx})
}

// Study returns the study's settings: the column names an export writes,
// the attribute columns and the waves.
func (s *Store) Study(ctx context.Context) (Study, error) {
	var st Study
	err := s.read(ctx, func(t *tx) error {
		var err error
		st, err = t.study()
		return err
	})
	return st, err
}

package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()

	// Another program's SQLite database: tables, no application id.
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	require.NoError(t, err)
	_, err = db.Exec("CREATE TABLE t (x)")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = Open(other, Options{})
	assert.ErrorIs(t, err, ErrNotStore)
	assert.Contains(t, err.Error(), "other.db")

	// A text file.
	txt := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(txt, []byte("egoID,wave\nP,1\n"), 0o644))
	_, err = Open(txt, Options{})
	assert.ErrorContains(t, err, "notes.txt")
	b, err := os.ReadFile(txt)
	require.NoError(t, err)
	assert.Equal(t, "egoID,wave\nP,1\n", string(b), "a file that is not a database is left as it was")

	// MustExist refuses to create; a missing directory is named.
	_, err = Open(filepath.Join(dir, "new.db"), Options{MustExist: true})
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = Open(filepath.Join(dir, "no", "such", "dir.db"), Options{})
	assert.ErrorContains(t, err, "does not exist")
	_, err = Open("", Options{})
	assert.Error(t, err)

	// A store of a newer schema version.
	newer := filepath.Join(dir, "newer.db")
	st, err := Open(newer, Options{})
	require.NoError(t, err)
	_, err = st.db.Exec("PRAGMA user_version = 99")
	require.NoError(t, err)
	require.NoError(t, st.Close())
	_, err = Open(newer, Options{})
	assert.ErrorIs(t, err, ErrNotStore)
	assert.ErrorContains(t, err, "schema version 99")

	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"other.db", "notes.txt", "newer.db"}, names, "no database created by a failed Open")
}

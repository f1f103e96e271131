package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")

	// A failed write leaves neither the file nor a temporary behind.
	err := writeOutput(path, nil, func(w io.Writer) error {
		io.WriteString(w, "half a table")
		return errors.New("boom")
	})
	require.Error(t, err)
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries, "got %v, want an empty directory after a failed write", entries)

	// A good write lands whole.
	require.NoError(t, writeOutput(path, nil, func(w io.Writer) error {
		_, err := io.WriteString(w, "a,b\n1,2\n")
		return err
	}))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "a,b\n1,2\n", string(b))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "got mode %v, want 0644 like os.Create", st.Mode().Perm())

	// "-" and "" write to stdout.
	var out bytes.Buffer
	require.NoError(t, writeOutput("-", &out, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }))
	assert.Equal(t, "x", out.String())
}

func TestConvertEdges(t *testing.T) {
	dir := t.TempDir()
	edges := filepath.Join(dir, "e.csv")
	require.NoError(t, os.WriteFile(edges, []byte("source,target\na,b\nb,c\nc,c\n"), 0o644))
	var out, errb bytes.Buffer
	status := run([]string{"convert", "--edges", edges, "--to", "edges", "-o", filepath.Join(dir, "out")}, &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Contains(t, errb.String(), "1 self-loop dropped", "the repair is reported")
	b, err := os.ReadFile(filepath.Join(dir, "out", "edges.csv"))
	require.NoError(t, err)
	assert.Equal(t, "source,target\na,b\nb,c\n", string(b))

	errb.Reset()
	assert.Equal(t, 2, run([]string{"convert", "--edges", edges, "--to", "nosuch", "-o", dir}, &out, &errb))
	assert.Contains(t, errb.String(), `unknown --to "nosuch"`)
}

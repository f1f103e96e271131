package outfiles

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWritePair(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir") // created with its parent
	err := WritePair(dir, "a.txt", "b.txt", func(a, b io.Writer) error {
		if _, err := io.WriteString(a, "first"); err != nil {
			return err
		}
		_, err := io.WriteString(b, "second")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Expected: exactly the bytes written above, each in its own file.
	for name, want := range map[string]string{"a.txt": "first", "b.txt": "second"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestWritePairError(t *testing.T) {
	bad := errors.New("write failed")
	err := WritePair(t.TempDir(), "a", "b", func(io.Writer, io.Writer) error { return bad })
	if !errors.Is(err, bad) {
		t.Fatalf("err = %v, want the error of write", err)
	}
	// A directory that cannot be made: its parent is a file.
	parent := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(parent, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	called := false
	err = WritePair(filepath.Join(parent, "dir"), "a", "b", func(io.Writer, io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Fatalf("err = %v, write called %v; want an error before write", err, called)
	}
}

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// atomicFile is an output file written to a temporary name in the same
// directory and renamed into place by Commit, so that a failed run never
// leaves a half-written file.
type atomicFile struct {
	*os.File
	path string
	done bool
}

func createAtomic(path string) (*atomicFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file private (0600); an output file should get
	// the usual permissions, as os.Create would give it.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{File: f, path: path}, nil
}

// Commit closes the file and renames it into place.
func (a *atomicFile) Commit() error {
	if err := a.File.Close(); err != nil {
		os.Remove(a.File.Name())
		return err
	}
	a.done = true
	return os.Rename(a.File.Name(), a.path)
}

// Abort removes the temporary file unless it was committed.
func (a *atomicFile) Abort() {
	if !a.done {
		a.File.Close()
		os.Remove(a.File.Name())
	}
}

// writeOutput runs write against the file at path (atomically), or against
// stdout when path is "" or "-".
func writeOutput(path string, stdout io.Writer, write func(w io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// warn prints the reader's repair lines as warnings.
func warn(stderr io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintf(stderr, "sociogram: warning: %s\n", l)
	}
}

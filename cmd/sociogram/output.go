package main

// Output files. What -o does with what is at its path (RELIABILITY.md,
// "Writing outputs"):
//
//   - nothing, or a regular file: the output is written to a temporary file
//     beside it (".NAME.tmpNNN") and renamed into place only when complete.
//     A new file gets 0666 less the umask, as os.Create gives it; an
//     existing file keeps its permissions (0600 stays 0600) and, where the
//     process may, its owner and group.
//   - a symbolic link: followed; the file it points to is replaced as above
//     and the link stays a link. A link to nothing is refused.
//   - a character device, named pipe or socket (/dev/null, /dev/stdout, a
//     FIFO): written through, never replaced; such writes cannot be undone,
//     so a failure may leave part of the output there.
//   - a directory, where a file is expected: refused.
//   - an input of the same command (the same file, also through another
//     name or a link): refused, before anything is written.
//
// Temporary files and directories are removed on every error path, and on
// SIGINT and SIGTERM by the handler main installs. A process killed
// outright (SIGKILL, the OOM killer) can leave one behind; its name starts
// with "." and holds ".tmp".

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// cleanup holds the temporary files and directories in use, for removal
// when a signal ends the process.
var cleanup = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

func trackTemp(path string) {
	cleanup.Lock()
	cleanup.paths[path] = true
	cleanup.Unlock()
}

func untrackTemp(path string) {
	cleanup.Lock()
	delete(cleanup.paths, path)
	cleanup.Unlock()
}

// removeTemps removes every temporary file and directory still in use; the
// signal handler calls it before the process exits.
func removeTemps() {
	cleanup.Lock()
	defer cleanup.Unlock()
	for p := range cleanup.paths {
		os.RemoveAll(p)
		delete(cleanup.paths, p)
	}
}

// inputs are the files the running command reads; outputs may not replace
// them.
var inputs struct {
	sync.Mutex
	files []inputFile
}

type inputFile struct {
	path string
	fi   os.FileInfo
}

// resetInputs forgets the inputs of an earlier command (run calls it).
func resetInputs() {
	inputs.Lock()
	inputs.files = nil
	inputs.Unlock()
}

// noteInputs records paths as inputs of the running command; a directory
// (a Network Canvas export, a directory of GraphML files) records the files
// in it.
func noteInputs(paths ...string) {
	inputs.Lock()
	defer inputs.Unlock()
	for _, p := range paths {
		if p == "" || p == "-" {
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			continue // the reader will say what is wrong
		}
		if !fi.IsDir() {
			inputs.files = append(inputs.files, inputFile{p, fi})
			continue
		}
		ents, _ := os.ReadDir(p)
		for _, e := range ents {
			q := filepath.Join(p, e.Name())
			if fi, err := os.Stat(q); err == nil && fi.Mode().IsRegular() {
				inputs.files = append(inputs.files, inputFile{q, fi})
			}
		}
	}
}

// checkNotInput refuses an output path that is one of the inputs.
func checkNotInput(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	inputs.Lock()
	defer inputs.Unlock()
	for _, in := range inputs.files {
		if os.SameFile(fi, in.fi) {
			return fmt.Errorf("%s: is an input of this command (%s); refusing to write over it", path, in.path)
		}
	}
	return nil
}

// atomicFile is an output file written to a temporary name in the same
// directory and renamed into place by Commit, so that a failed run never
// leaves a half-written file. For a device or pipe it writes through (tmp
// is "").
type atomicFile struct {
	*os.File
	path string // where Commit puts the file (a symlink's target)
	tmp  string // the temporary file's name; "" when writing through
	mode fs.FileMode
	keep os.FileInfo // the file being replaced, nil for a new one
	done bool
}

// outputTarget says how to write to path: the path to rename onto (a
// symlink resolved), the existing regular file there (nil if none), or
// through=true for a device, pipe or socket.
func outputTarget(path string) (target string, existing os.FileInfo, through bool, err error) {
	target = path
	li, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return target, nil, false, nil
	}
	if err != nil {
		return "", nil, false, err
	}
	if li.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", nil, false, fmt.Errorf("%s: a symbolic link to nothing (%v); remove it or name another output", path, err)
		}
		if li, err = os.Lstat(target); err != nil {
			return "", nil, false, err
		}
	}
	switch m := li.Mode(); {
	case m.IsRegular():
		return target, li, false, nil
	case m.IsDir():
		return "", nil, false, fmt.Errorf("%s: is a directory; name a file", path)
	case m&(fs.ModeCharDevice|fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket) != 0:
		return target, nil, true, nil
	default:
		return "", nil, false, fmt.Errorf("%s: is not a regular file (%v); refusing to replace it", path, m.Type())
	}
}

func createAtomic(path string) (*atomicFile, error) {
	if err := checkNotInput(path); err != nil {
		return nil, err
	}
	target, existing, through, err := outputTarget(path)
	if err != nil {
		return nil, err
	}
	if through {
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &atomicFile{File: f, path: target}, nil
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, dirMode()); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return nil, err
	}
	trackTemp(f.Name())
	a := &atomicFile{File: f, path: target, tmp: f.Name(), mode: fileMode(), keep: existing}
	if existing != nil {
		a.mode = existing.Mode().Perm()
	}
	// CreateTemp makes the file 0600; give it its final mode now, so that
	// the rename exposes no other permissions.
	if err := f.Chmod(a.mode); err != nil {
		a.Abort()
		return nil, err
	}
	if existing != nil {
		keepOwner(f, existing)
	}
	return a, nil
}

// Commit closes the file and renames it into place. Only after the rename
// succeeded is the file done; on failure the temporary file is removed.
func (a *atomicFile) Commit() error {
	if a.done {
		return nil
	}
	if err := a.File.Close(); err != nil {
		a.remove()
		return err
	}
	if a.tmp == "" {
		a.done = true
		return nil
	}
	if err := os.Rename(a.tmp, a.path); err != nil {
		a.remove()
		return err
	}
	untrackTemp(a.tmp)
	a.done = true
	return nil
}

// Abort removes the temporary file unless it was committed.
func (a *atomicFile) Abort() {
	if !a.done {
		a.File.Close()
		a.remove()
	}
}

func (a *atomicFile) remove() {
	if a.tmp != "" {
		os.Remove(a.tmp)
		untrackTemp(a.tmp)
	}
	a.done = true
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

// writeDir runs write against a new temporary directory beside path and
// then moves the result into place: by renaming the directory when path
// does not exist yet (atomic), else by renaming each file into path (each
// file atomic; files of path that are not written are left alone, and a
// file replaced keeps its permissions). Before anything is moved, a file
// that would replace an input of the command is refused. On failure, and
// on SIGINT/SIGTERM, the temporary directory is removed: path is as it was.
// A new directory gets 0777 less the umask, its files 0666 less the umask.
func writeDir(path string, write func(dir string) error) error {
	path = filepath.Clean(path)
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s: exists and is not a directory", path)
	}
	parent := filepath.Dir(path)
	if err := os.MkdirAll(parent, dirMode()); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	trackTemp(tmp)
	defer func() {
		os.RemoveAll(tmp)
		untrackTemp(tmp)
	}()
	if err := write(tmp); err != nil {
		return err
	}
	ents, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	// Check every destination before moving any, so that a refusal leaves
	// path as it was.
	for _, e := range ents {
		dst := filepath.Join(path, e.Name())
		if err := checkNotInput(dst); err != nil {
			return err
		}
		if fi, err := os.Lstat(dst); err == nil && !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: is not a regular file; refusing to replace it", dst)
		}
	}
	if err := os.Chmod(tmp, dirMode()); err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, path)
	}
	for _, e := range ents {
		src, dst := filepath.Join(tmp, e.Name()), filepath.Join(path, e.Name())
		if fi, err := os.Lstat(dst); err == nil {
			os.Chmod(src, fi.Mode().Perm()) // keep the replaced file's mode
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	return nil
}

// fileMode is the mode of a new output file: 0666 less the umask.
func fileMode() fs.FileMode { return 0o666 &^ umask() }

// dirMode is the mode of a new output directory: 0777 less the umask.
func dirMode() fs.FileMode { return 0o777 &^ umask() }

// warn prints the reader's repair lines as warnings.
func warn(stderr io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintf(stderr, "sociogram: warning: %s\n", l)
	}
}

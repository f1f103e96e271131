//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// umask returns the process's file mode creation mask. On Linux it is read
// from /proc/self/status, which changes nothing; elsewhere it is read by
// setting it and setting it back.
func umask() fs.FileMode {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range bytes.Split(b, []byte("\n")) {
			if v, ok := bytes.CutPrefix(line, []byte("Umask:")); ok {
				if m, err := strconv.ParseUint(string(bytes.TrimSpace(v)), 8, 32); err == nil {
					return fs.FileMode(m) & fs.ModePerm
				}
			}
		}
	}
	m := syscall.Umask(0o022)
	syscall.Umask(m)
	return fs.FileMode(m) & fs.ModePerm
}

// keepOwner gives f the owner and group of the file it replaces, where the
// process may (as root; otherwise the group when the user is in it).
func keepOwner(f *os.File, old os.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		if f.Chown(int(st.Uid), int(st.Gid)) != nil {
			f.Chown(-1, int(st.Gid))
		}
	}
}

//go:build !unix

package main

import (
	"io/fs"
	"os"
)

// umask is 0o022 where the system has none.
func umask() fs.FileMode { return 0o022 }

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, os.FileInfo) {}

package outfiles

import (
	"io"
	"os"
	"path/filepath"
)

// WritePair creates dir if needed, creates dir/first and dir/second, hands
// them to write and closes them, returning the first error of these steps
// (a close error included, so that a short write on close is not lost).
func WritePair(dir, first, second string, write func(first, second io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ff, err := os.Create(filepath.Join(dir, first))
	if err != nil {
		return err
	}
	defer ff.Close()
	sf, err := os.Create(filepath.Join(dir, second))
	if err != nil {
		return err
	}
	defer sf.Close()
	if err := write(ff, sf); err != nil {
		return err
	}
	if err := ff.Close(); err != nil {
		return err
	}
	return sf.Close()
}

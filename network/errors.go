package network

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors for the kinds of bad input a caller may want to test for
// with errors.Is. Readers wrap them in a *ParseError that says where.
var (
	ErrMissingColumn  = errors.New("missing required column")
	ErrFieldCount     = errors.New("wrong number of fields")
	ErrUnknownEgo     = errors.New("unknown ego")
	ErrUnknownAlter   = errors.New("unknown alter")
	ErrUnknownNode    = errors.New("unknown node")
	ErrDuplicateID    = errors.New("duplicate ID")
	ErrEmptyID        = errors.New("empty ID")
	ErrBadWeight      = errors.New("bad weight")
	ErrEmptyFile      = errors.New("empty file")
	ErrSyntax         = errors.New("syntax error")
	ErrUnknownKey     = errors.New("unknown GraphML key")
	ErrTooLarge       = errors.New("input too large")
	ErrInvalidUTF8    = errors.New("invalid UTF-8")
	ErrMixedDirection = errors.New("mixed directed and undirected edges")
	ErrMissingWeight  = errors.New("missing weight")
)

// ParseError records where in which file a reader found bad input.
// Line and Column are 1-based; zero means unknown.
type ParseError struct {
	File   string
	Line   int
	Column int
	// Field is the options field that names the column or key at fault,
	// such as "EgoCSVOptions.EgoID", when setting it differently could fix
	// the error; "" otherwise. A program with its own names for these
	// options (a command-line tool's flags) can translate it.
	Field string
	Err   error
}

// Error formats the error as "FILE:LINE:COLUMN: what is wrong", leaving out
// the parts that are unknown.
//
// Whatever the input held, the message is short and safe to print on a
// terminal: control characters are escaped (\x1b, not a raw ESC) and the
// text after the position is cut at 400 bytes.
func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	msg := safeMessage(fmt.Sprint(e.Err))
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, msg)
	default:
		return fmt.Sprintf("%s: %s", file, msg)
	}
}

// invalidAt reports whether s holds an invalid UTF-8 byte at i.
func invalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// maxMessage is the most bytes of an error message after its position.
const maxMessage = 400

// safeMessage escapes control characters and invalid UTF-8 in s and cuts
// it at maxMessage bytes.
func safeMessage(s string) string {
	var b strings.Builder
	for i, r := range s {
		if b.Len() >= maxMessage {
			b.WriteString("…")
			break
		}
		switch {
		case r == utf8.RuneError && invalidAt(s, i):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// errAt builds a *ParseError at file:line wrapping err with a message.
func errAt(file string, line int, err error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if msg != "" {
		err = fmt.Errorf("%w: %s", err, msg)
	}
	return &ParseError{File: file, Line: line, Err: err}
}

package network

import (
	"errors"
	"fmt"
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
func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", file, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", file, e.Line, e.Err)
	default:
		return fmt.Sprintf("%s: %v", file, e.Err)
	}
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

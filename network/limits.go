package network

import (
	"io"
	"unicode/utf8"
)

// maxExcerpt is how many characters of offending text an error message
// quotes at most.
const maxExcerpt = 40

// excerpt shortens s to at most maxExcerpt characters for an error message,
// marking a cut with "…". Messages quote it with %q, which escapes control
// characters, so a terminal never receives them raw.
func excerpt(s string) string {
	if utf8.RuneCountInString(s) <= maxExcerpt {
		return s
	}
	n := 0
	for i := range s {
		if n == maxExcerpt {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Limits bound what reading one input may cost, whatever the input holds:
// memory and time follow the model, not the text (RELIABILITY.md,
// "Limits"). The zero value gives the defaults; a negative field lifts that
// limit.
type Limits struct {
	// MaxRecordBytes is the most bytes one CSV record (a line, or several
	// when a quoted field holds line breaks) may have; default 16 MiB.
	MaxRecordBytes int
	// MaxFields is the most fields one CSV record may have; default 65,536.
	MaxFields int
	// MaxGzipRatio bounds decompression: past the first 64 MiB, a gzip
	// input may give at most this many bytes per compressed byte read
	// (default 200; CSV and GraphML exports compress 5 to 30 times, a gzip
	// bomb about 1,000 times).
	MaxGzipRatio int
}

const (
	defaultMaxRecordBytes = 16 << 20
	defaultMaxFields      = 1 << 16
	defaultMaxGzipRatio   = 200
	gzipFreeBytes         = 64 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxRecordBytes == 0 {
		l.MaxRecordBytes = defaultMaxRecordBytes
	}
	if l.MaxFields == 0 {
		l.MaxFields = defaultMaxFields
	}
	if l.MaxGzipRatio == 0 {
		l.MaxGzipRatio = defaultMaxGzipRatio
	}
	return l
}

// guard sits between the file (decompressed) and the Input's buffer. It
// counts compressed and decompressed bytes (gzip ratio), and, once an
// Input is read as CSV (setCSV), the bytes and fields of the current record
// and bare carriage returns, so that a reader fails with a short error
// before a hostile record costs memory.
type guard struct {
	r      io.Reader
	name   string
	lim    Limits
	comp   *countingReader // the compressed bytes, nil when not gzip
	out    int64           // decompressed bytes given
	csv    bool
	comma  byte
	quoted bool
	rec    int   // bytes in the current record
	fields int   // fields in the current record
	line   int   // 1-based line of the byte being read
	cr     bool  // the last byte was a carriage return outside quotes
	bareCR int   // the line of the first bare carriage return, 0 if none
	err    error // the guard's own error, returned from then on
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (g *guard) fail(line int, err error, format string, args ...any) (int, error) {
	g.err = errAt(g.name, line, err, format, args...)
	return 0, g.err
}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	g.out += int64(n)
	if g.comp != nil && g.lim.MaxGzipRatio > 0 && g.out > gzipFreeBytes && g.out > int64(g.lim.MaxGzipRatio)*g.comp.n+gzipFreeBytes {
		return g.fail(0, ErrTooLarge, "gzip data expands more than %d times (%d bytes from %d; a gzip bomb?); Limits.MaxGzipRatio raises the limit", g.lim.MaxGzipRatio, g.out, g.comp.n)
	}
	for i := 0; i < n; i++ {
		c := p[i]
		if g.cr && c != '\n' && g.bareCR == 0 {
			g.bareCR = g.line
			if g.csv {
				return g.fail(g.line, ErrSyntax, crOnly)
			}
		}
		g.cr = false
		switch {
		case c == '"':
			g.quoted = !g.quoted
		case c == '\n':
			g.line++
			if !g.quoted {
				g.rec, g.fields = 0, 0
				continue
			}
		case c == '\r' && !g.quoted:
			g.cr = true
		case c == g.comma && !g.quoted:
			g.fields++
		}
		g.rec++
		if !g.csv {
			continue
		}
		if g.lim.MaxRecordBytes > 0 && g.rec > g.lim.MaxRecordBytes {
			return g.fail(g.line, ErrTooLarge, "a record longer than %d bytes; Limits.MaxRecordBytes raises the limit", g.lim.MaxRecordBytes)
		}
		if g.lim.MaxFields > 0 && g.fields >= g.lim.MaxFields {
			return g.fail(g.line, ErrTooLarge, "a record of more than %d fields; Limits.MaxFields raises the limit", g.lim.MaxFields)
		}
	}
	return n, err
}

const crOnly = "a carriage return without a line feed: the file has old Mac (CR-only) line ends; save it with LF or CRLF line ends"

// setCSV makes in's guard check CSV records with the given delimiter. The
// bytes read ahead before it (the Input's first buffer) were seen too: a
// bare carriage return among them is an error now.
func (in *Input) setCSV(comma rune) error {
	if in.g == nil {
		return nil
	}
	in.g.csv = true
	if comma < utf8.RuneSelf {
		in.g.comma = byte(comma)
	}
	if in.g.bareCR > 0 && in.g.err == nil {
		in.g.fail(in.g.bareCR, ErrSyntax, crOnly)
	}
	return in.g.err
}

// setLimits sets lim on every input that is not nil.
func setLimits(lim Limits, ins ...*Input) {
	for _, in := range ins {
		if in != nil {
			in.SetLimits(lim)
		}
	}
}

// SetLimits sets the limits an Input is read with (see Limits); the
// readers set them from their options.
func (in *Input) SetLimits(lim Limits) {
	if in.g != nil {
		in.g.lim = lim.withDefaults()
	}
}

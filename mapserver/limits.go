package mapserver

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what the API keeps, so that a pasted paragraph cannot wreck a
// person's map, its sentences or the PDF (README, "The mapping page").
const (
	// MaxName is the most characters (runes) of a pseudonym, an alter's
	// name or a goal's name.
	MaxName = 200
	// MaxText is the most characters of a note or a goal's description.
	MaxText = 4000
	// MaxWave is the most characters of a wave label.
	MaxWave = 32
)

// badRune reports whether r may not appear in a name: a control character
// (C0, DEL, C1) or a bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069), which would reverse the rest of a
// sentence the name is put in.
func badRune(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// checkName refuses an empty name (after trimming), one longer than
// MaxName characters, and one with a control or bidi character; field
// names the JSON field in the message.
func checkName(field, s string) error {
	if s == "" {
		return fmt.Errorf("%w: %s: empty", errBadRequest, field)
	}
	if n := utf8.RuneCountInString(s); n > MaxName {
		return fmt.Errorf("%w: %s: %d characters, at most %d", errBadRequest, field, n, MaxName)
	}
	if i := strings.IndexFunc(s, badRune); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("%w: %s: control character %U at byte %d", errBadRequest, field, r, i)
	}
	return nil
}

// checkText refuses a note or description longer than MaxText characters
// or with a control or bidi character other than tab and line breaks.
func checkText(field, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxText {
		return fmt.Errorf("%w: %s: %d characters, at most %d", errBadRequest, field, n, MaxText)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r != '\t' && r != '\n' && r != '\r' && badRune(r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("%w: %s: control character %U at byte %d", errBadRequest, field, r, i)
	}
	return nil
}

// checkWave refuses a wave label that is not 1 to MaxWave of A-Z, a-z,
// 0-9, '.', '_', '-', or is "." or "..": a label is part of URLs and of
// exported file names.
func checkWave(field, w string) error {
	ok := w != "" && len(w) <= MaxWave && w != "." && w != ".."
	for i := 0; ok && i < len(w); i++ {
		c := w[i]
		ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
	}
	if !ok {
		return fmt.Errorf("%w: %s %q: want 1 to %d of A-Z a-z 0-9 . _ - (not . or ..)", errBadRequest, field, w, MaxWave)
	}
	return nil
}

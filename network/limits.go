package network

import "unicode/utf8"

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

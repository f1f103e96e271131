package network

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNamePart is the most bytes one part of a file name keeps (a name
// has a few parts; file systems allow 255 bytes in all).
const maxNamePart = 64

// FileNames returns one file name per key, for writing one file per ego
// (or per anything) into one directory. Each key is a list of parts (an ego
// ID and its wave, say); the name is the parts, cleaned, joined with "_",
// plus "." and ext. The names are
//
//   - safe: no path separator, no "." or ".." part, no leading dot, no
//     control character, no name Windows reserves (CON, NUL, COM1, ...):
//     a name never leaves the directory it is joined to;
//   - readable: letters and digits of any script (Zoë, 张三), "-" and "."
//     are kept; every other character becomes "_", and a part is cut
//     at 64 bytes;
//   - unique: when a part had to be changed (A B → A_B) the name gets "-"
//     and 8 hexadecimal digits of a hash of the exact key, so "A B" and
//     "A_B" differ; names still equal after that, ignoring letter case (as
//     macOS and Windows file systems compare them), get "-2", "-3", ... in
//     the order of keys.
//
// The same keys in the same order always give the same names.
func FileNames(keys [][]string, ext string) []string {
	out := make([]string, len(keys))
	seen := make(map[string]bool, len(keys))
	for i, key := range keys {
		parts := make([]string, len(key))
		lossy := false
		for j, p := range key {
			c, changed := cleanNamePart(p)
			parts[j] = c
			lossy = lossy || changed
		}
		base := strings.Join(parts, "_")
		if base == "" {
			base, lossy = "_", true
		}
		if lossy {
			h := fnv.New32a()
			for _, p := range key {
				h.Write([]byte(p))
				h.Write([]byte{0})
			}
			base += fmt.Sprintf("-%08x", h.Sum32())
		}
		if isReservedName(base) {
			base += "_"
		}
		name := base
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = base + "-" + strconv.Itoa(n)
		}
		seen[strings.ToLower(name)] = true
		if ext != "" {
			name += "." + ext
		}
		out[i] = name
	}
	return out
}

// cleanNamePart keeps letters, digits, marks, "-", "." and "_" of p (no
// leading dot), replaces anything else with "_", cuts the result at
// maxNamePart bytes, and reports whether p changed.
func cleanNamePart(p string) (string, bool) {
	var b strings.Builder
	changed := false
	for i, r := range p {
		keep := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_' || (r == '.' && i > 0)
		if r == utf8.RuneError {
			keep = false
		}
		if b.Len()+utf8.RuneLen(max(r, 0)) > maxNamePart {
			changed = true
			break
		}
		if keep {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
			changed = true
		}
	}
	return b.String(), changed
}

// isReservedName reports whether a file name (without extension) is one
// Windows reserves for a device.
func isReservedName(s string) bool {
	switch u := strings.ToUpper(s); u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	default:
		return len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9'
	}
}

package visualize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// FillString implements vg.Canvas: it hands vgpdf the text in
// Windows-1252 (see pdfText), the encoding of the fonts vgpdf (gonum/plot
// v0.17.0) embeds, instead of UTF-8, which it would print byte by byte
// ("Zoë" came out as "ZoÃ«"). Every PDF of the package, figures and
// reports, is drawn through straightAlphaCanvas and so through this.
func (c straightAlphaCanvas) FillString(f font.Face, pt vg.Point, s string) {
	c.CanvasWriterTo.FillString(f, pt, pdfText(s))
}

// pdfLetters are letters with no Windows-1252 code and no decomposition
// to one, written as the nearest letters (as a person would type them on
// a keyboard without them).
var pdfLetters = map[rune]string{
	'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'Ħ': "H", 'ħ': "h", 'ı': "i",
	'Ŧ': "T", 'ŧ': "t", 'ŋ': "n", 'Ŋ': "N", 'ĸ': "k",
	'−': "-", '‐': "-", '‑': "-", '≤': "<=", '≥': ">=", '→': "->", '←': "<-", '≠': "!=",
	'\u2009': " ", '\u202F': " ", '\u2007': " ",
}

// pdfText returns s in Windows-1252 bytes, the encoding vgpdf's fonts use:
// each rune with a Windows-1252 code becomes that byte (é 0xE9, – 0x96,
// € 0x80); a rune without one is written as its canonical decomposition's
// base letter when that has a code (č → c, ő → o, ș → s), as pdfLetters
// says, or else as "?". Plain ASCII is returned as it is.
func pdfText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if c, ok := charmap.Windows1252.EncodeRune(r); ok && r != utf8.RuneError {
			b.WriteByte(c)
			continue
		}
		if t, ok := pdfLetters[r]; ok {
			b.WriteString(t)
			continue
		}
		done := false
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			if c, ok := charmap.Windows1252.EncodeRune(d); ok && !done {
				b.WriteByte(c)
				done = true
			}
		}
		if !done {
			b.WriteByte('?')
		}
	}
	return b.String()
}

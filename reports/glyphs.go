package reports

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// The report's face: Noto Sans, made for documents, with every Danish and Western European
// letter and a real hyphen (the Go font drew "-" like a dash). Licence: fonts/LICENSE (OFL 1.1).
// fpdf embeds only the glyphs a report uses (a subset named ABCDEF+NotoSans-…).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	notoItalic []byte
)

// faces are the embedded fonts, parsed once, to learn which characters they can show.
var faces = sync.OnceValue(func() []*sfnt.Font {
	var out []*sfnt.Font
	for _, ttf := range [][]byte{notoRegular, notoBold, notoItalic} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			// The fonts are compiled in; failing to parse them is a build defect.
			panic("reports: parse embedded font: " + err.Error())
		}
		out = append(out, f)
	}
	return out
})

// replacement stands in for a character the fonts cannot show.
const replacement = '?'

// glyphs cleans text before it reaches the PDF: a character missing from the fonts would
// print as an empty box or break the font subset, so it becomes '?'. Each rune is looked up
// once; the cache belongs to one renderer (sfnt.Buffer is not safe for concurrent use).
type glyphs struct {
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
	// bmp caches the answer for the Basic Multilingual Plane, where nearly all text is: a
	// slice lookup instead of a map's (the findings clean every line of thousands of pages).
	bmp []glyphState
}

type glyphState uint8

const (
	glyphUnknown glyphState = iota
	glyphShown
	glyphMissing
)

func newGlyphs() *glyphs { return &glyphs{fonts: faces(), known: map[rune]bool{}} }

func (g *glyphs) has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		if g.bmp == nil {
			g.bmp = make([]glyphState, 0x10000)
		}
		switch g.bmp[r] {
		case glyphShown:
			return true
		case glyphMissing:
			return false
		}
		ok := g.lookup(r)
		g.bmp[r] = glyphMissing
		if ok {
			g.bmp[r] = glyphShown
		}
		return ok
	}
	if ok, seen := g.known[r]; seen {
		return ok
	}
	ok := g.lookup(r)
	g.known[r] = ok
	return ok
}

// lookup asks every face for r.
func (g *glyphs) lookup(r rune) bool {
	for _, f := range g.fonts {
		if i, err := f.GlyphIndex(&g.buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// clean returns s with line ends normalised to \n, tabs as spaces, decomposed letters
// composed (a Mac's "å" is "a" plus a ring) and every other character the fonts lack replaced.
func (g *glyphs) clean(s string) string {
	if plainASCII(s) {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if g.clear(s) {
		return s // the usual case: Danish letters and punctuation the fonts have
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == utf8.RuneError || r < ' ' || !g.has(r):
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clear reports whether s needs no change: no control character but newline, nothing the
// fonts lack.
func (g *glyphs) clear(s string) bool {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r == utf8.RuneError || r < ' ' || !g.has(r) {
			return false
		}
	}
	return true
}

// plainASCII reports whether s is printable ASCII (and newlines), which the fonts cover.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' && c != '\n') || c > '~' {
			return false
		}
	}
	return true
}

package reports_test

import (
	"bytes"
	"testing"

	"gdprtjek/i18n"
	"gdprtjek/internal/fuzzcount"
	"gdprtjek/reports"
)

// FuzzReportText puts arbitrary text wherever people type it — the company name, a note, an
// owner, a comment, a system's name, the assessor — and renders the report: it must render,
// whole, in both languages.
func FuzzReportText(f *testing.F) {
	for _, seed := range []string{"Æblegården ApS", "", "   ", "🍎 emoji 👩‍💼", "شركة التفاح", "A\u030arhus", "før\x00efter",
		"\x1b[31m\a\r\n\t", "S\xf8ren", "ﬁ ligatur ǅ", "\u200b\u200f\u202e", "a\nb\n\n\nc", "——————————————————————————————"} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		fuzzcount.Tried("FuzzReportText")
		for _, lang := range i18n.Langs {
			set, snap, opts := fixture()
			opts.Lang = lang
			snap.Company.Name = name
			snap.Assessment.Assessor = text
			for id, ans := range snap.Answers {
				ans.Note, ans.Owner, ans.Evidence = text, name, text
				snap.Answers[id] = ans
			}
			for i := range snap.Comments {
				snap.Comments[i].Body, snap.Comments[i].Author = text, name
			}
			for i := range snap.Systems {
				snap.Systems[i].Name, snap.Systems[i].Partner = name, text
			}
			var buf bytes.Buffer
			if err := reports.Render(&buf, set, snap, opts); err != nil {
				t.Fatalf("%s report of %q / %q: %v", lang, name, text, err)
			}
			pdf := buf.Bytes()
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
				t.Fatalf("%s report of %q / %q is not a whole PDF", lang, name, text)
			}
		}
	})
}

package reports_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// TestFontIsSubsetNotoSans: the report's face is Noto Sans in all three styles, embedded as
// subsets (pdffonts: the ABCDEF+ name, "emb sub uni" all yes), and the PDF is far smaller
// than the three fonts (1.5 MB) it draws from.
func TestFontIsSubsetNotoSans(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.Danish
	pdf := render(t, set, snap, opts)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	out := string(b)
	row := regexp.MustCompile(`(?m)^([A-Z]{6})\+(NotoSans\S*)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	rows := row.FindAllStringSubmatch(out, -1)
	if len(rows) != 3 {
		t.Fatalf("want three subset Noto Sans fonts (regular, bold, italic), pdffonts says:\n%s", out)
	}
	tags := map[string]bool{}
	for _, m := range rows {
		tags[m[1]] = true
	}
	if len(tags) != 3 {
		t.Errorf("each subset needs its own tag: %v", tags)
	}
	if strings.Count(out, "\n") != 2+3 {
		t.Errorf("other fonts in the report:\n%s", out)
	}
	if len(pdf) > 400<<10 {
		t.Errorf("the report is %d KB: the fonts are not subset", len(pdf)>>10)
	}
}

// TestHyphenIsAHyphen: an ASCII hyphen is extracted as itself, not a dash.
func TestHyphenIsAHyphen(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.Danish
	text := poppler(t, render(t, set, snap, opts), "pdftotext")
	if !regexp.MustCompile(`(?m)^GDPR-rapport$`).MatchString(text) {
		t.Errorf("no line \"GDPR-rapport\" with an ASCII hyphen")
	}
	if strings.Contains(text, "GDPR–rapport") || strings.Contains(text, "CPR–") {
		t.Errorf("a hyphen came out as a dash")
	}
}

// TestTableWordsWhole: every word of the systems table comes out whole, including the
// Danish kind "Markedsføring", which once broke as "Markedsf øring" / "Marketin g".
func TestTableWordsWhole(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			set, snap, opts := fixture()
			opts.Lang = lang
			opts.Sections = []reports.Section{reports.SectionSystems} // the fixture's areas have these words too
			snap.Systems = append(snap.Systems, assessment.System{ID: 4, Kind: "marketing", Product: "custom",
				Name: "Nyhedsbrevsværktøj", Vendor: "Mailhøj ApS", Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementNo})
			text := poppler(t, render(t, set, snap, opts), "pdftotext", "-layout")
			loc := i18n.New(lang)
			words := []string{loc.T("system.kind.marketing"), "Nyhedsbrevsværktøj", loc.T("report.agreement"),
				"Salgsværktøj", loc.T("hosting.eu")}
			for _, w := range strings.Fields(strings.Join(words, " ")) {
				if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(w) + `(\s|$)`).MatchString(text) {
					t.Errorf("%q is not whole in the report", w)
				}
			}
		})
	}
}

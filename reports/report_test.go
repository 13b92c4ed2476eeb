package reports_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

var update = flag.Bool("update", false, "rewrite the golden text files in testdata")

func render(t testing.TB, set *checklists.Set, snap *assessment.Snapshot, opts reports.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := reports.Render(&buf, set, snap, opts); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.Bytes()
}

// poppler runs a poppler-utils tool on pdf and returns its output. The Makefile installs
// poppler-utils, so a missing tool is a broken setup, not a reason to skip.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing; install poppler-utils (make deps)", tool)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// lines counts the text's lines, trimmed. Headings are matched as whole lines: their words also
// occur in prose (the "how to read" paragraph names the sections) and in the table of contents,
// where a page number follows them.
func lines(text string) map[string]int {
	n := map[string]int{}
	for _, l := range strings.Split(text, "\n") {
		n[strings.TrimSpace(strings.Trim(l, "\f"))]++
	}
	return n
}

func TestRenderIsReproducible(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			set, snap, opts := fixture()
			opts.Lang = lang
			first, second := render(t, set, snap, opts), render(t, set, snap, opts)
			if !bytes.Equal(first, second) {
				t.Fatalf("two renders differ (%d and %d bytes)", len(first), len(second))
			}
			opts.Now = opts.Now.AddDate(0, 0, 1)
			if bytes.Equal(first, render(t, set, snap, opts)) {
				t.Error("the date does not reach the report")
			}
		})
	}
}

// TestGolden compares the report's text with testdata/report-LANG.golden.txt; run
// `go test ./reports -run Golden -update` after an intended change and review the diff.
func TestGolden(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			set, snap, opts := fixture()
			opts.Lang = lang
			pdf := render(t, set, snap, opts)
			// To look at the fixture's report: GDPRTJEK_REPORT_DIR=/tmp/x go test ./reports -run Golden
			if dir := os.Getenv("GDPRTJEK_REPORT_DIR"); dir != "" {
				if err := os.WriteFile(filepath.Join(dir, "fixture-"+string(lang)+".pdf"), pdf, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got := poppler(t, pdf, "pdftotext", "-layout")
			path := filepath.Join("testdata", "report-"+string(lang)+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs from line %d:\ngot:  %q\nwant: %q\n(run with -update if intended)", path, i+1, g, w)
					}
				}
			}
		})
	}
}

func TestReportText(t *testing.T) {
	tests := []struct {
		lang     i18n.Lang
		headings []string // each once as a line of its own
		want     []string // anywhere
		pageOfRe string
	}{
		{i18n.Danish, []string{
			"Indhold", "Sammenfatning", "Score pr. område", "IT-systemer", "Resultater pr. område", "Handlingsplan",
			"Til implementeringspartneren", "Godkendelse", "Bilag", "Sådan læser du rapporten",
			"Sorteret fra", "Sådan beregnes scoren",
		}, []string{
			"FORTROLIGT", "GDPR-rapport", "Æblegården ApS", "CVR-nummer", "38745123", "Søren Åkjær", "Nordlys IT ApS",
			"Fortegnelse og behandlingsgrundlag", "Birthe Østergård", "1. maj 2026", "Kirsten Møller",
			"Lov nr. 502 af 23. maj 2018", "databeskyttelsesforordningen",
			"Virksomheden bruger Oracle NetSuite", "Virksomheden overvåger medarbejdere", "Underskrift",
			"Godkendt med handlingsplanen som aftalt.", "Træk en liste over felter", "tjekket ?",
			"Partnerens svar", "Accepteret", "6,5 t · planlagt 15. april", "Udtrækket leveres i",
			"Kræver afklaring", "Ikke besvaret endnu", "Partnerens estimat for disse opgaver: 6,5 timer.", "Partnerens estimat for disse opgaver: 0 timer.",
		}, `Side (\d+) af (\d+)`},
		{i18n.English, []string{
			"Contents", "Summary", "Score by area", "IT systems", "Findings per area", "Action plan",
			"For the implementation partner", "Review and sign-off", "Appendix", "How to read this report",
			"Scoped out", "How the score is computed",
		}, []string{
			"CONFIDENTIAL", "GDPR report", "Æblegården ApS", "Records and lawful basis", "Birthe Østergård", "1 May 2026",
			"Regulation (EU) 2016/679", "The company uses Oracle NetSuite", "Signature", "Configure a retention job",
			"GDPR Article 6(1)", "Databeskyttelsesloven section 6", "GDPR Article 5(1)(e)", "Datatilsynet: vejledning om fortegnelser",
			"Partner's response", "Accepted", "6.5 h · planned 15 April", "Needs clarification", "Not answered yet",
			"Estimated by the partner for these tasks: 6.5 hours.",
		}, `Page (\d+) of (\d+)`},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			set, snap, opts := fixture()
			opts.Lang = tt.lang
			got := poppler(t, render(t, set, snap, opts), "pdftotext", "-layout")
			have := lines(got)
			for _, h := range tt.headings {
				if have[h] != 1 {
					t.Errorf("heading %q is a line of its own %d times, want once", h, have[h])
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("report lacks %q", w)
				}
			}
			if strings.Contains(got, "{nb}") {
				t.Error("the page-count placeholder was not replaced")
			}
			pages := strings.Count(got, "\f")
			matches := regexp.MustCompile(tt.pageOfRe).FindAllStringSubmatch(got, -1)
			// Every page but the cover has a footer, numbered in order, with the right total.
			if len(matches) != pages-1 || pages < 8 {
				t.Fatalf("%d page footers on %d pages", len(matches), pages)
			}
			for i, m := range matches {
				if m[1] != strconv.Itoa(i+2) || m[2] != strconv.Itoa(pages) {
					t.Errorf("footer %d reads %q", i+2, m[0])
				}
			}
		})
	}
}

// The "how to read" paragraph names the findings section by its heading, in each language.
func TestHowToReadNamesTheFindingsHeading(t *testing.T) {
	for _, lang := range i18n.Langs {
		loc := i18n.New(lang)
		text, heading := loc.T("report.how_to_read_text", i18n.Args{"Green": "80 %", "Amber": "50 %"}), loc.T("report.findings")
		if !strings.Contains(text, heading) {
			t.Errorf("%s: the how-to-read text does not name the heading %q:\n%s", lang, heading, text)
		}
	}
}

// TestFindingsLeaveScopedOutToAppendix: a question that does not apply is not among the
// findings but is in the appendix, with why.
func TestFindingsLeaveScopedOutToAppendix(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.English
	got := poppler(t, render(t, set, snap, opts), "pdftotext", "-layout")
	all := strings.Split(got, "\n")
	// The findings run from their heading to the action plan's; the appendix comes after.
	heading := func(h string, from int) int {
		t.Helper()
		for i := from; i < len(all); i++ {
			if strings.TrimSpace(strings.Trim(all[i], "\f")) == h {
				return i
			}
		}
		t.Fatalf("no heading %q as a line of its own after line %d", h, from+1)
		return 0
	}
	start := heading("Findings per area", 0)
	end := heading("Action plan", start+1)
	appendix := heading("Appendix", end+1)
	const q = "Is customer anonymisation enabled in NetSuite?"
	if strings.Contains(strings.Join(all[start:end], "\n"), q) {
		t.Error("a scoped-out question is among the findings")
	}
	if !strings.Contains(strings.Join(all[appendix:], "\n"), q) {
		t.Error("the scoped-out question is not in the appendix")
	}
}

func TestWriteFileLeavesNothingOnFailure(t *testing.T) {
	set, snap, opts := fixture()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{
		"missing folder": filepath.Join(dir, "missing", "report.pdf"),
		"file as folder": filepath.Join(file, "report.pdf"),
	} {
		t.Run(name, func(t *testing.T) {
			err := reports.WriteFile(path, set, snap, opts)
			var e *i18n.Error
			if !errors.As(err, &e) || e.ID != "file.write_failed" {
				t.Fatalf("got %v, want file.write_failed", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the folder holds %d entries after a failed write", len(entries))
			}
		})
	}
	good := filepath.Join(dir, "report.pdf")
	if err := reports.WriteFile(good, set, snap, opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-10:], []byte("%%EOF")) {
		t.Fatalf("written report is not a whole PDF: %v", err)
	}
}

// TestLabelsTranslated: every vocabulary the report names has a label in both languages.
// TestCancelledReportKeepsTheOldFile: a report cancelled while it is written leaves the file
// that was there as it was, and no temporary file beside it.
func TestCancelledReportKeepsTheOldFile(t *testing.T) {
	set, snap, opts := fixture()
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.pdf")
	if err := os.WriteFile(path, []byte("the earlier report"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := reports.WriteFileContext(ctx, path, set, snap, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "the earlier report" {
		t.Errorf("the earlier file was changed to %d bytes", len(data))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after a cancelled write", len(entries))
	}
	if err := reports.WriteFileContext(context.Background(), path, set, snap, opts); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("an uncancelled write did not replace the file with the report")
	}
}

func TestLabelsTranslated(t *testing.T) {
	var ids []string
	for _, s := range checklists.Sources {
		ids = append(ids, "source."+s, "cite."+s)
	}
	for _, k := range checklists.SystemKinds {
		ids = append(ids, "system.kind."+k, "condition.system."+k)
	}
	for _, sev := range []string{"high", "medium", "low"} {
		ids = append(ids, "severity."+sev, "report.gap_severity."+sev)
	}
	for _, p := range checklists.Products {
		ids = append(ids, "product."+p)
	}
	for _, c := range checklists.ProfileConditions {
		ids = append(ids, "profile."+c)
	}
	for _, a := range assessment.Agreements {
		ids = append(ids, "agreement."+a)
	}
	for _, h := range assessment.Hostings {
		ids = append(ids, "hosting."+h)
	}
	for _, r := range []string{"red", "amber", "green", "none"} {
		ids = append(ids, "risk."+r, "report.risk_explained."+r)
	}
	ids = append(ids, "condition.outside_eea", "condition.product")
	for _, lang := range i18n.Langs {
		for _, id := range ids {
			if !i18n.Has(lang, id) {
				t.Errorf("%s has no %s", lang, id)
			}
		}
	}
}

// TestRenderBareAssessment: nothing answered, no systems, no comments, no previous round.
func TestRenderBareAssessment(t *testing.T) {
	set, snap, _ := fixture()
	snap.Answers, snap.Systems, snap.Comments, snap.SignOffs = nil, nil, nil, nil
	snap.Company.CVR, snap.Assessment.Checklists, snap.Assessment.Participants = "", nil, ""
	got := poppler(t, render(t, set, snap, reports.Options{Lang: i18n.English, Now: fixedNow}), "pdftotext", "-layout")
	for _, want := range []string{"Not answered", "There are no gaps.", "The company has registered no IT systems.",
		"There are no comments.", "The gaps call for no configuration work"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(got, "(previous)") {
		t.Error("a previous round is shown though there was none")
	}
	if strings.Contains(got, "Workshop participants") {
		t.Error("a participants line is shown though there was no workshop")
	}
}

// TestLongFreeTextShortened: a note pasted by mistake is cut to about a page with its full length
// given, and a company name as long as the store allows still fits the page header.
func TestLongFreeTextShortened(t *testing.T) {
	set, snap, _ := fixture()
	snap.Company.Name = string([]rune(strings.Repeat("Østergårds Maskinfabrik ", 9))[:assessment.MaxNameLength])
	id := set.Checklists[0].Questions[0].ID
	ans := snap.Answers[id]
	ans.Note = strings.Repeat("lang note ", 12000) + "SLUTORD"
	snap.Answers[id] = ans
	got := poppler(t, render(t, set, snap, reports.Options{Lang: i18n.Danish, Now: fixedNow}), "pdftotext")
	if !strings.Contains(got, "forkortet i rapporten: 120.007 tegn i alt") {
		t.Error("the shortened note does not say so with its full length")
	}
	if strings.Contains(got, "SLUTORD") {
		t.Error("the end of a 120,000-character note was printed")
	}
	if n := strings.Count(got, "lang note"); n < 250 || n > 320 {
		t.Errorf("printed %d repeats of the note, want about 300 (3,000 characters)", n)
	}
}

// TestSectionsChosen: a report of some sections has their headings, in the table of contents
// too, and none of the others; an unknown section name is refused with the names that exist.
func TestSectionsChosen(t *testing.T) {
	set, snap, _ := fixture()
	all := poppler(t, render(t, set, snap, reports.Options{Lang: i18n.English, Now: fixedNow}), "pdftotext")
	got := poppler(t, render(t, set, snap, reports.Options{Lang: i18n.English, Now: fixedNow,
		Sections: []reports.Section{reports.SectionSummary, reports.SectionActions}}), "pdftotext")
	// Whole lines: the summary's "how to read" paragraph names the other sections in prose.
	whole, part := lines(all), lines(got)
	for _, want := range []string{"Summary", "Action plan"} {
		if part[want] == 0 {
			t.Errorf("the report of summary and actions lacks the heading %q", want)
		}
	}
	for _, left := range []string{"Findings per area", "Review and sign-off", "Appendix", "IT systems"} {
		if whole[left] == 0 {
			t.Fatalf("the whole report lacks the heading %q; the test's headings are out of date", left)
		}
		if part[left] != 0 {
			t.Errorf("the report of summary and actions still has the heading %q", left)
		}
	}
	if _, err := reports.ParseSections("summary, actions,summary"); err != nil {
		t.Errorf("a list with spaces and a repeat: %v", err)
	}
	_, err := reports.ParseSections("summary,bilag")
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.ID != "report.section_unknown" || !strings.Contains(i18n.New(i18n.Danish).Error(err), "appendix") {
		t.Errorf("unknown section: %v", err)
	}
}

// TestOverdueMarked: in the action plan, a due date passed on the report's day is marked
// overdue, unless the action is done; a report made before the date marks nothing.
func TestOverdueMarked(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.Danish
	if got := strings.Count(poppler(t, render(t, set, snap, opts), "pdftotext"), "overskredet"); got != 0 {
		t.Errorf("%d overdue marks before any due date", got)
	}
	// 20 May 2026: 1 May (open) has passed; 1 April is done; 15 June and 30 September are ahead.
	opts.Now = time.Date(2026, time.May, 20, 9, 0, 0, 0, time.UTC)
	if got := strings.Count(poppler(t, render(t, set, snap, opts), "pdftotext"), "overskredet"); got != 1 {
		t.Errorf("%d overdue marks on 20 May 2026, want 1", got)
	}
}

// TestDanishReportReadsDanish: the Danish report cites law the Danish way, names checklists by
// their titles on the cover and says godkendelse, not review, anywhere.
func TestDanishReportReadsDanish(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.Danish
	got := poppler(t, render(t, set, snap, opts), "pdftotext", "-layout")
	for _, want := range []string{"GDPR art. 6, stk. 1", "GDPR art. 5, stk. 1, litra e", "databeskyttelseslovens § 6",
		"Datatilsynets vejledning om fortegnelser", "Retskilder og vejledning", "Henvist til: art. 5, stk. 1, litra e; art. 6, stk. 1; art. 30;",
		"Version 3: Fortegnelse og behandlingsgrundlag"} {
		if !strings.Contains(got, want) {
			t.Errorf("Danish report lacks %q", want)
		}
	}
	for _, bad := range []*regexp.Regexp{regexp.MustCompile(`(?i)\breview`), regexp.MustCompile(`\(\d+\)\(`),
		regexp.MustCompile(`§\d`), regexp.MustCompile(`\bv\d+\b`), regexp.MustCompile(`\((Gul|Grøn|Rød)\)`),
		regexp.MustCompile(`Article|section \d`), regexp.MustCompile(`et (Løn|Indkøb|Markedsføring|Andet|HR)-system`)} {
		if loc := bad.FindStringIndex(got); loc != nil {
			t.Errorf("Danish report has %q: …%s…", got[loc[0]:loc[1]], got[max(0, loc[0]-80):min(len(got), loc[1]+40)])
		}
	}
	cover, _, _ := strings.Cut(got, "\f")
	for _, c := range set.Checklists {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(c.ID) + `\b`).MatchString(cover) {
			t.Errorf("the cover names checklist %s by its ID", c.ID)
		}
	}
}

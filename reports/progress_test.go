package reports_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// earlierRound is the fixture's previous round as a whole assessment:
//
//	                              before            now (fixture)
//	behandling.fortegnelse  w3    no, open     0    no                0
//	behandling.grundlag     w2    no           0    partly            1
//	behandling.cpr          w3    partly       1.5  yes               3
//	sletning.bogfoering     w3    –            0    don't know        0
//	sletning.fordringer     w1    –            0    n/a               –
//	medarbejdere.ansaet…    w2    –            0    yes               2
//	loen.adgang             w2    no           0    partly, done      1
//	markedsfoering.samtykke w3    partly       1.5  yes               3
//	markedsfoering.overf…   w3    partly       1.5  no                0
//
// Records and lawful basis 1.5/8 = 18.75 % (shown 18 %) → 4/8 = 50 %: +32 points.
// Erasure 0/4 = 0 % → 0/3 = 0 %: ±0. Employees 0/4 = 0 % → 3/4 = 75 %: +75.
// Marketing 3/6 = 50 % → 3/6 = 50 %: ±0.
// Improved (answered in both rounds): grundlag, cpr, loen.adgang, samtykke = 4. Worse:
// overfoersel = 1. Closed: cpr and samtykke (now yes), loen.adgang (done) = 3.
func earlierRound(snap *assessment.Snapshot) *assessment.Snapshot {
	a := snap.Assessment
	a.ID, a.Title, a.PreviousID = 3, "GDPR-gennemgang 2025", 0
	a.CreatedAt = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return &assessment.Snapshot{Company: snap.Company, Systems: snap.Systems, Assessment: a,
		Answers: map[string]assessment.Answer{
			"behandling.fortegnelse":     {Value: assessment.No, ActionStatus: assessment.ActionOpen},
			"behandling.grundlag":        {Value: assessment.No},
			"behandling.cpr":             {Value: assessment.Partly},
			"loen.adgang":                {Value: assessment.No, Due: "2025-06-01"},
			"markedsfoering.samtykke":    {Value: assessment.Partly},
			"markedsfoering.overfoersel": {Value: assessment.Partly},
		}}
}

func TestSinceTheLastRound(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.English
	opts.Previous = nil
	opts.PreviousRound = earlierRound(snap)
	text := poppler(t, render(t, set, snap, opts), "pdftotext", "-layout")
	start := strings.Index(text, "Since the last round\n")
	end := strings.Index(text, "\nIT systems\n")
	if start < 0 || end < start {
		t.Fatalf("no section \"Since the last round\" before \"IT systems\":\n%s", text)
	}
	section := text[start:end]
	for area, delta := range map[string]string{"Records and lawful basis": "+32 points", "Erasure and retention": "±0 points",
		"Employees and recruitment": "+75 points", "Marketing and cookies": "±0 points"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(area) + `\s.*\s` + regexp.QuoteMeta(delta) + `$`).MatchString(section) {
			t.Errorf("no line %q … %q in:\n%s", area, delta, section)
		}
	}
	for _, want := range []string{"18%", "50%", "75%", "Answers that improved (4)", "Answers that got worse (1)", "Actions closed (3)",
		"GDPR-gennemgang 2025", "Marked done", "Answered “Yes”"} {
		if !strings.Contains(section, want) {
			t.Errorf("the section lacks %q:\n%s", want, section)
		}
	}
	if n := strings.Count(section, "Answered “Yes”"); n != 2 {
		t.Errorf("%d actions closed by a yes, want 2 (cpr, samtykke)", n)
	}
	// The chart's previous-round marks come from the earlier round too.
	if !strings.Contains(text, "50% (18%)") {
		t.Error("the score chart lacks the earlier round's 18% for records and lawful basis")
	}
}

func TestSinceTheLastRoundOffWithoutEarlierRound(t *testing.T) {
	set, snap, opts := fixture() // a previous score for the chart, but no earlier round
	for _, lang := range i18n.Langs {
		opts.Lang = lang
		text := poppler(t, render(t, set, snap, opts), "pdftotext")
		heading := i18n.New(lang).T("report.progress")
		if regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(heading) + `$`).MatchString(text) {
			t.Errorf("%s: %q without an earlier round", lang, heading)
		}
	}
	// Chosen alone, with an earlier round, it is there in Danish too.
	opts.Lang, opts.Sections, opts.PreviousRound = i18n.Danish, []reports.Section{reports.SectionProgress}, earlierRound(snap)
	text := poppler(t, render(t, set, snap, opts), "pdftotext")
	for _, want := range []string{"Siden forrige runde\n", "+32 procentpoint", "Svar, der er blevet bedre (4)", "Lukkede handlinger (3)"} {
		if !strings.Contains(text, want) {
			t.Errorf("Danish section lacks %q", want)
		}
	}
}

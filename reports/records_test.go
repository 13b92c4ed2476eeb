package reports_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

func demo(t *testing.T) (*checklists.Set, *assessment.Snapshot) {
	t.Helper()
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	s, err := assessment.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC) }
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return set, snap
}

func renderDoc(t *testing.T, set *checklists.Set, snap *assessment.Snapshot, doc reports.Document, lang i18n.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	opts := reports.Options{Lang: lang, Now: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)}
	if err := reports.RenderDocument(&buf, set, snap, doc, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// flat joins the lines of pdftotext -raw (content order, so a table cell's lines stay
// together) so that a heading wrapped in a table cell still matches.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestRecordOfProcessing(t *testing.T) {
	set, snap := demo(t)
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			loc := i18n.New(lang)
			pdf := renderDoc(t, set, snap, reports.DocRecord, lang)
			if !bytes.Equal(pdf, renderDoc(t, set, snap, reports.DocRecord, lang)) {
				t.Error("two renders differ")
			}
			text := flat(poppler(t, pdf, "pdftotext", "-raw"))
			// Every art. 30(1) heading: (a) controller, (b) purposes, (c) subjects and data,
			// (d) recipients, (e) transfers, (f) erasure, (g) security.
			for _, id := range []string{"datamap.col.controller", "datamap.col.purpose", "datamap.col.subjects",
				"datamap.col.data", "datamap.col.recipients", "datamap.col.transfers", "datamap.col.retention",
				"datamap.col.security"} {
				if h := loc.T(id); !strings.Contains(text, h) {
					t.Errorf("no heading %q", h)
				}
			}
			if !strings.Contains(text, assessment.DemoCompanyName) || !strings.Contains(text, "Birthe Østergård") {
				t.Error("the controller and contact are missing")
			}
			// The CRM's transfer to the USA without a basis is flagged, in the warning and its row.
			if n := strings.Count(text, loc.T("datamap.transfer_flag")); n != 1 {
				t.Errorf("the flag appears %d times, want once in the CRM's row", n)
			}
			if !strings.Contains(text, loc.T("datamap.warn_transfers")) || !strings.Contains(text, "Kundekartotek (CRM): Salg") {
				t.Error("the warning does not name the CRM's activity")
			}
			for i := range snap.Activities {
				if !strings.Contains(text, loc.T("datamap.activity_n", i18n.Args{"N": i + 1})) {
					t.Errorf("activity %d is missing", i+1)
				}
			}
		})
	}
}

func TestRetentionAndProcessorDocuments(t *testing.T) {
	set, snap := demo(t)
	da := flat(poppler(t, renderDoc(t, set, snap, reports.DocRetention, i18n.Danish), "pdftotext", "-raw"))
	for _, want := range []string{"Sletteregler", "5 år efter regnskabsårets afslutning", "Anonymiseres", "3 år efter seneste aktivitet", "Lønansvarlig"} {
		if !strings.Contains(da, want) {
			t.Errorf("retention schedule lacks %q", want)
		}
	}
	en := flat(poppler(t, renderDoc(t, set, snap, reports.DocProcessors, i18n.English), "pdftotext", "-raw"))
	for _, want := range []string{"Processor overview", "Visma Danløn", "Sub-processors known", "OVERDUE", "Salgsværktøj Inc."} {
		if !strings.Contains(en, want) {
			t.Errorf("processor overview lacks %q", want)
		}
	}
	if strings.Count(en, "OVERDUE") != 1 {
		t.Errorf("%d overdue marks, want Danløn's only", strings.Count(en, "OVERDUE"))
	}
}

// TestReportShowsDataMap: the main report flags the transfer without a basis and gives the
// partner the deletion rules as tasks with the company's own periods.
func TestReportShowsDataMap(t *testing.T) {
	set, snap := demo(t)
	text := flat(poppler(t, render(t, set, snap, reports.Options{Lang: i18n.English, Now: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)}), "pdftotext", "-raw"))
	for _, want := range []string{"Transfers outside the EU/EEA without a transfer basis:", "Kundekartotek (CRM): Salg",
		"Deletion rules to configure", "Dynamics 365 Business Central: anonymise “Kontakter og stamdata"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestReportNamesActivitiesWithoutRetention: where the checklist answer says retention periods
// are not set, the report and the record name the activities that lack one (the demo's
// newsletter); where it says yes, they do not.
func TestReportNamesActivitiesWithoutRetention(t *testing.T) {
	set, snap := demo(t)
	opts := reports.Options{Lang: i18n.Danish, Now: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)}
	const warning = "Tjeklisten siger, at slettefristerne ikke er fastsat"
	if text := flat(poppler(t, render(t, set, snap, opts), "pdftotext", "-raw")); strings.Contains(text, warning) {
		t.Fatal("the demo answers yes, yet the report warns")
	}
	ans := snap.Answers[assessment.RetentionQuestion]
	ans.Value = assessment.No
	snap.Answers[assessment.RetentionQuestion] = ans
	for name, pdf := range map[string][]byte{
		"report": render(t, set, snap, opts),
		"record": renderDoc(t, set, snap, reports.DocRecord, i18n.Danish),
	} {
		_, after, ok := strings.Cut(flat(poppler(t, pdf, "pdftotext", "-raw")), warning)
		block := after[:min(len(after), 200)]
		if !ok || !strings.Contains(block, "Nyhedsbrevsværktøj: Udsendelse af nyhedsbreve") {
			t.Errorf("the %s does not name the newsletter as lacking a retention period: %q", name, block)
		}
		if strings.Contains(block, "Danløn") {
			t.Errorf("the %s names the payroll activity, which has a period: %q", name, block)
		}
	}
}

// TestRecordFlagsMissingSpecialBasis: payroll with CPR numbers but without DBL § 11 is named
// in the record and its legal-basis row says what is missing; the demo as made has no such gap.
func TestRecordFlagsMissingSpecialBasis(t *testing.T) {
	set, snap := demo(t)
	loc := i18n.New(i18n.English)
	heading := loc.T("datamap.warn_bases")
	if text := flat(poppler(t, renderDoc(t, set, snap, reports.DocRecord, i18n.English), "pdftotext", "-raw")); strings.Contains(text, heading) {
		t.Fatal("the demo's record warns of a missing special basis")
	}
	for i, a := range snap.Activities {
		if strings.HasPrefix(a.Purpose, "Lønudbetaling") {
			snap.Activities[i].Bases = []string{"art6_1_b", "art6_1_c", "dbl_12"}
		}
	}
	text := flat(poppler(t, renderDoc(t, set, snap, reports.DocRecord, i18n.English), "pdftotext", "-raw"))
	_, after, ok := strings.Cut(text, heading)
	if !ok || !strings.HasPrefix(strings.TrimSpace(after), "• Danløn: Lønudbetaling") {
		t.Errorf("the warning does not name the payroll activity: %q", after[:min(len(after), 120)])
	}
	if !strings.Contains(text, loc.T("datamap.needs_cpr_basis")) {
		t.Error("the legal-basis row does not say § 11 is missing")
	}
	if strings.Contains(text, loc.T("datamap.needs_art9_basis")) {
		t.Error("DBL § 12 covers the absence data; no art. 9 warning expected")
	}
}

package assessment_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// demoSnapshot is the demo company, whose data map comes from the built-in templates.
func demoSnapshot(t *testing.T) *assessment.Snapshot {
	t.Helper()
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func readCSV(t *testing.T, raw string) [][]string {
	t.Helper()
	body, ok := strings.CutPrefix(raw, "\ufeff")
	if !ok {
		t.Fatal("no UTF-8 byte-order mark")
	}
	r := csv.NewReader(strings.NewReader(body))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestRecordCSV(t *testing.T) {
	snap := demoSnapshot(t)
	if len(snap.Activities) < 5 {
		t.Fatalf("the demo has %d activities, want its payroll, ERP, CRM and newsletter maps", len(snap.Activities))
	}
	for _, lang := range []i18n.Lang{i18n.Danish, i18n.English} {
		var buf bytes.Buffer
		if err := assessment.WriteRecordCSV(&buf, snap, lang); err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, buf.String())
		if len(rows) != 1+len(snap.Activities) {
			t.Errorf("%s: %d rows, want a header and one per activity (%d)", lang, len(rows), len(snap.Activities))
		}
		if !strings.Contains(strings.SplitN(buf.String(), "\r\n", 2)[0], ";") {
			t.Errorf("%s: header not separated by semicolons", lang)
		}
		loc := i18n.New(lang)
		flag := loc.T("datamap.transfer_flag")
		flagged := 0
		for _, row := range rows[1:] {
			if strings.Contains(row[7], flag) {
				flagged++
				if row[1] != "Kundekartotek (CRM)" {
					t.Errorf("%s: flagged transfer in %q", lang, row[1])
				}
			}
			if !strings.HasPrefix(row[0], assessment.DemoCompanyName) {
				t.Errorf("%s: controller column %q", lang, row[0])
			}
		}
		if flagged != 1 {
			t.Errorf("%s: %d rows flag a transfer without a basis, want 1 (the CRM in the USA)", lang, flagged)
		}
		payroll := rows[1+indexOfPurpose(snap, "Lønudbetaling")]
		for _, want := range []string{loc.T("datamap.data.cpr") + " (CPR)", loc.T("datamap.basis.dbl_11"), loc.N("datamap.period_years", 5)} {
			if !strings.Contains(strings.Join(payroll, "|"), want) {
				t.Errorf("%s: payroll row lacks %q: %v", lang, want, payroll)
			}
		}
	}
}

func indexOfPurpose(snap *assessment.Snapshot, prefix string) int {
	for i, a := range snap.Activities {
		if strings.HasPrefix(a.Purpose, prefix) {
			return i
		}
	}
	return -1
}

func TestRetentionAndProcessorsCSV(t *testing.T) {
	snap := demoSnapshot(t)
	var buf bytes.Buffer
	if err := assessment.WriteRetentionCSV(&buf, snap, i18n.Danish); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.String())
	if len(rows) != 1+len(snap.Activities) {
		t.Fatalf("retention rows %d", len(rows))
	}
	if got := strings.Join(rows[1+indexOfPurpose(snap, "Lønudbetaling")], "|"); !strings.Contains(got, "5 år efter regnskabsårets afslutning") ||
		!strings.Contains(got, "Slettes") || !strings.Contains(got, "Lønansvarlig") {
		t.Errorf("payroll retention row %s", got)
	}
	buf.Reset()
	today := time.Now().UTC()
	if err := assessment.WriteProcessorsCSV(&buf, snap, i18n.English, today); err != nil {
		t.Fatal(err)
	}
	rows = readCSV(t, buf.String())
	if len(rows) != 1+len(snap.Systems) {
		t.Fatalf("processor rows %d, want one per system", len(rows))
	}
	overdue := 0
	for _, r := range rows[1:] {
		if strings.Contains(r[6], "OVERDUE") {
			overdue++
			if r[0] != "Danløn" {
				t.Errorf("overdue supervision on %s", r[0])
			}
		}
	}
	if overdue != 1 {
		t.Errorf("%d overdue supervisions, want Danløn's", overdue)
	}
}

// TestMissingRetention: where the checklist answer says retention periods are not set, the
// activities lacking one are named; where it says yes, none.
func TestMissingRetention(t *testing.T) {
	snap := demoSnapshot(t)
	snap.Answers[assessment.RetentionQuestion] = assessment.Answer{Value: assessment.No}
	missing := snap.MissingRetention()
	if len(missing) != 1 || missing[0].Purpose != "Udsendelse af nyhedsbreve og tilbud til dem, der har givet samtykke" {
		t.Fatalf("missing retention: %+v", missing)
	}
	snap.Answers[assessment.RetentionQuestion] = assessment.Answer{Value: assessment.Yes}
	if got := snap.MissingRetention(); got != nil {
		t.Errorf("answer yes still names %d activities", len(got))
	}
}

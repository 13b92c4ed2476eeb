package assessment_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

func payrollActivity(systemID int64) assessment.Activity {
	return assessment.Activity{SystemID: systemID, Purpose: "Lønudbetaling", Subjects: []string{"employees"},
		Data: []string{"contact", "cpr", "absence"}, Bases: []string{"art6_1_b", "art6_1_c", "dbl_11", "dbl_12"},
		Recipients: "Skattestyrelsen, pensionsselskab", Transfer: checklists.TransferNone, RetentionMonths: 60,
		RetentionTrigger: "financial_year_end", RetentionAction: "delete", RetentionOwner: "Bogholderiet",
		Security: "Tofaktorlogin; adgang kun for lønansvarlige."}
}

func newSystem(t testing.TB, s *assessment.Store, companyID int64, kind, hosting string) assessment.System {
	t.Helper()
	sys := assessment.System{CompanyID: companyID, Kind: kind, Product: "custom", Name: "System " + kind, Vendor: "Leverandør A/S", Hosting: hosting}
	if err := s.SaveSystem(context.Background(), &sys); err != nil {
		t.Fatal(err)
	}
	return sys
}

// TestActivities: activities are saved, read back in order, updated, refused when invalid (with
// nothing saved), kept to their company, and deleted with their system.
func TestActivities(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := newCompany(t, s, "Løn & Co ApS")
	other := newCompany(t, s, "Andet ApS")
	sys := newSystem(t, s, c.ID, "payroll", assessment.HostingEU)
	a := payrollActivity(sys.ID)
	if err := s.SaveActivity(ctx, c.ID, &a); err != nil {
		t.Fatal(err)
	}
	b := assessment.Activity{SystemID: sys.ID, Purpose: "  Fraværsstatistik  "}
	if err := s.SaveActivity(ctx, c.ID, &b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Activities(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != a.ID || !slices.Equal(got[0].Bases, a.Bases) || got[0].Security != a.Security ||
		got[1].Purpose != "Fraværsstatistik" {
		t.Fatalf("activities read back as %+v", got)
	}
	if !got[0].Complete() || got[1].Complete() {
		t.Errorf("complete: %v %v, want true false", got[0].Complete(), got[1].Complete())
	}

	for name, tc := range map[string]struct {
		edit func(*assessment.Activity)
		id   string
	}{
		"no purpose":     {func(a *assessment.Activity) { a.Purpose = " " }, "datamap.purpose_required"},
		"unknown basis":  {func(a *assessment.Activity) { a.Bases = []string{"art6_1_g"} }, "datamap.unknown_value"},
		"unknown data":   {func(a *assessment.Activity) { a.Data = []string{"shoe_size"} }, "datamap.unknown_value"},
		"unknown basis2": {func(a *assessment.Activity) { a.Transfer, a.TransferBasis = "usa", "bcr" }, "datamap.unknown_value"},
		"trigger":        {func(a *assessment.Activity) { a.RetentionTrigger = "whenever" }, "datamap.unknown_value"},
		"months":         {func(a *assessment.Activity) { a.RetentionMonths = -1 }, "datamap.retention_invalid"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := got[0]
			bad.Bases = slices.Clone(bad.Bases)
			tc.edit(&bad)
			wantErrID(t, s.SaveActivity(ctx, c.ID, &bad), tc.id)
		})
	}
	if again, _ := s.Activities(ctx, c.ID); !slices.Equal(again[0].Bases, a.Bases) || again[0].Purpose != a.Purpose {
		t.Errorf("a refused save changed the activity: %+v", again[0])
	}

	// Another company's ID does not reach this company's system or activity.
	x := payrollActivity(sys.ID)
	wantErrID(t, s.SaveActivity(ctx, other.ID, &x), "system.not_found")
	wantErrID(t, s.DeleteActivity(ctx, other.ID, a.ID), "datamap.not_found")

	got[0].RetentionMonths = 66
	if err := s.SaveActivity(ctx, c.ID, &got[0]); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Activities(ctx, c.ID); again[0].RetentionMonths != 66 {
		t.Errorf("update not saved: %d months", again[0].RetentionMonths)
	}
	if err := s.DeleteActivity(ctx, c.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSystem(ctx, c.ID, sys.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Activities(ctx, c.ID); len(again) != 0 {
		t.Errorf("deleting the system left %d activities", len(again))
	}
}

func TestCompleteAndTransferFlag(t *testing.T) {
	a := payrollActivity(1)
	if !a.Complete() || a.TransferWithoutBasis() {
		t.Fatal("the payroll activity should be complete with no flagged transfer")
	}
	a.Transfer = checklists.TransferUSA
	if a.Complete() || !a.TransferWithoutBasis() {
		t.Error("a transfer to the USA without an answered basis should be incomplete and flagged")
	}
	a.TransferBasis = checklists.BasisNone
	if !a.Complete() || !a.TransferWithoutBasis() {
		t.Error("basis 'none' is an answer (complete) and still flagged")
	}
	a.TransferBasis = checklists.BasisDPF
	if a.TransferWithoutBasis() {
		t.Error("a DPF transfer is not flagged")
	}
	a.Security = ""
	if a.Complete() {
		t.Error("no security measures: not complete")
	}
}

func TestSupervision(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := newCompany(t, s, "Tilsyn ApS")
	sys := newSystem(t, s, c.ID, "erp", assessment.HostingEU)
	sv := assessment.Supervision{SystemID: sys.ID, Last: "2025-03-01", Next: "2026-03-01"}
	if err := s.SaveSupervision(ctx, c.ID, &sv); err != nil {
		t.Fatal(err)
	}
	bad := assessment.Supervision{SystemID: sys.ID, Next: "1. marts"}
	wantErrID(t, s.SaveSupervision(ctx, c.ID, &bad), "datamap.date_invalid")
	got, err := s.Supervisions(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[sys.ID] != (assessment.Supervision{SystemID: sys.ID, Subprocessors: "unknown", Last: "2025-03-01", Next: "2026-03-01"}) {
		t.Fatalf("supervision %+v", got[sys.ID])
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	if got[sys.ID].Overdue(day("2026-03-01")) || !got[sys.ID].Overdue(day("2026-03-02")) {
		t.Error("overdue should start the day after the next supervision's date")
	}
}

// TestTransferScopesIn: a data-map transfer to the USA from an EU-hosted system scopes the
// transfer questions in.
func TestTransferScopesIn(t *testing.T) {
	systems := []assessment.System{{Kind: "crm", Product: "custom", Hosting: assessment.HostingEU}}
	if assessment.Facts(nil, systems)[checklists.OutsideEEA] {
		t.Fatal("EU hosting alone should not give outside_eea")
	}
	a := payrollActivity(1)
	a.Transfer = checklists.TransferUSA
	if !assessment.Facts(nil, systems, a)[checklists.OutsideEEA] {
		t.Error("a transfer to the USA in the data map should give outside_eea")
	}
}

// TestExchangeCarriesDataMap: the data map travels in the exchange file and the company export;
// a file without one has no data-map fields (so it encodes as before) and imports with none.
func TestExchangeCarriesDataMap(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	c := newCompany(t, s, "Kort ApS")
	a := newAssessment(t, s, set, c.ID)
	sys := newSystem(t, s, c.ID, "payroll", assessment.HostingEU)
	plain := export(t, s, a.ID)
	for _, field := range []string{`"activities"`, `"supervision"`} {
		if strings.Contains(string(plain), field) {
			t.Errorf("a file without a data map has %s", field)
		}
	}
	act := payrollActivity(sys.ID)
	act.Transfer, act.TransferBasis = checklists.TransferUSA, checklists.BasisSCC
	if err := s.SaveActivity(ctx, c.ID, &act); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSupervision(ctx, c.ID, &assessment.Supervision{SystemID: sys.ID, Subprocessors: "yes", Last: "2026-01-31"}); err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	id, err := dst.ImportExchange(ctx, set, export(t, s, a.ID), false)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := dst.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Activities) != 1 || snap.Activities[0].SystemID != snap.Systems[0].ID {
		t.Fatalf("imported activities %+v", snap.Activities)
	}
	got := snap.Activities[0]
	got.ID, got.SystemID = act.ID, act.SystemID
	if fmt.Sprint(got) != fmt.Sprint(act) {
		t.Errorf("imported %+v, want %+v", got, act)
	}
	if sv := snap.Supervision[snap.Systems[0].ID]; sv.Last != "2026-01-31" || sv.Subprocessors != "yes" {
		t.Errorf("imported supervision %+v", sv)
	}
	all, err := s.ExportCompany(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(all), `"retention_trigger": "financial_year_end"`) {
		t.Error("the company export lacks the data map")
	}
	// A bad value in the file is refused with nothing imported.
	bad, err := assessment.Reseal([]byte(strings.Replace(string(export(t, s, a.ID)), `"dbl_11"`, `"dbl_99"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	other := openStore(t)
	_, err = other.ImportExchange(ctx, set, bad, false)
	wantErrID(t, err, "datamap.unknown_value")
	if cs, _ := other.Companies(ctx); len(cs) != 0 {
		t.Error("a refused import left a company behind")
	}
}

func TestMissingBases(t *testing.T) {
	a := payrollActivity(1) // CPR and absence (art. 9) with DBL §§ 11 and 12
	if got := a.MissingBases(); len(got) != 0 {
		t.Fatalf("the payroll activity lacks %v", got)
	}
	a.Bases = []string{"art6_1_b", "art6_1_c"}
	a.Data = append(a.Data, "criminal_record")
	got := a.MissingBases()
	if !slices.Equal(got, []string{"datamap.needs_cpr_basis", "datamap.needs_art9_basis", "datamap.needs_art10_basis"}) {
		t.Errorf("missing %v", got)
	}
	a.Bases = []string{"art6_1_b", "dbl_11", "art9_2_b", "dbl_8"}
	if got := a.MissingBases(); len(got) != 0 {
		t.Errorf("all special bases given, still missing %v", got)
	}
	a.Bases = nil
	if got := a.MissingBases(); got != nil {
		t.Errorf("no bases yet is incompleteness, not %v", got)
	}
}

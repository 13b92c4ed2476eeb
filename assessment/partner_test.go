package assessment_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// partnerFixture is a company with two ERP systems (Business Central and NetSuite) and an
// assessment in which b1 is a gap without a partner action, e1 a gap with one that concerns
// both ERP systems, e2 a gap with one that concerns NetSuite only, and b2 no gap.
func partnerFixture(t *testing.T, s *assessment.Store, set *checklists.Set) int64 {
	t.Helper()
	ctx := context.Background()
	c := newCompany(t, s, "Æblegården ApS")
	for _, sys := range []assessment.System{
		{CompanyID: c.ID, Kind: "erp", Product: "business-central", Name: "BC", Partner: "Nordlys IT ApS",
			Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementYes},
		{CompanyID: c.ID, Kind: "erp", Product: "netsuite", Name: "NS", Hosting: assessment.HostingUSA,
			ProcessorAgreement: assessment.AgreementUnknown},
	} {
		if err := s.SaveSystem(ctx, &sys); err != nil {
			t.Fatal(err)
		}
	}
	a := newAssessment(t, s, set, c.ID)
	save(t, s, set, a.ID, "b1", assessment.No)
	save(t, s, set, a.ID, "b2", assessment.Yes)
	save(t, s, set, a.ID, "e1", assessment.No)
	save(t, s, set, a.ID, "e2", assessment.Partly)
	return a.ID
}

func snapshot(t *testing.T, s *assessment.Store, id int64) *assessment.Snapshot {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestSaveResponseRefusals(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	id := partnerFixture(t, s, set)
	ok := func() assessment.Response {
		return assessment.Response{AssessmentID: id, QuestionID: "e1", Decision: assessment.DecisionAccepted,
			Hours: 12.5, Planned: "2026-09-01", Comment: "Sletning sættes op i BC.", By: "Jens Ærø"}
	}
	tests := []struct {
		name string
		edit func(*assessment.Response)
		want string
	}{
		{"a gap without a partner action", func(r *assessment.Response) { r.QuestionID = "b1" }, "response.no_partner_task"},
		{"not a gap", func(r *assessment.Response) { r.QuestionID = "b2" }, "response.no_partner_task"},
		{"unanswered", func(r *assessment.Response) { r.QuestionID = "b3" }, "response.no_partner_task"},
		{"unknown question", func(r *assessment.Response) { r.QuestionID = "findes-ikke" }, "response.no_partner_task"},
		{"unknown decision", func(r *assessment.Response) { r.Decision = "maybe" }, "response.decision_invalid"},
		{"no decision", func(r *assessment.Response) { r.Decision = "" }, "response.decision_invalid"},
		{"negative hours", func(r *assessment.Response) { r.Hours = -1 }, "response.hours_invalid"},
		{"hours not a number", func(r *assessment.Response) { r.Hours = math.NaN() }, "response.hours_invalid"},
		{"Danish date", func(r *assessment.Response) { r.Planned = "01.09.2026" }, "response.planned_invalid"},
		{"impossible date", func(r *assessment.Response) { r.Planned = "2026-02-30" }, "response.planned_invalid"},
		{"nobody", func(r *assessment.Response) { r.By = "  " }, "response.by_required"},
		{"unknown assessment", func(r *assessment.Response) { r.AssessmentID = 999 }, "assessment.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := dump(t, s)
			r := ok()
			tt.edit(&r)
			wantErrID(t, s.SaveResponse(ctx, set, &r), tt.want)
			if dump(t, s) != before {
				t.Fatal("a refused response changed the database")
			}
		})
	}

	r := ok()
	if err := s.SaveResponse(ctx, set, &r); err != nil {
		t.Fatal(err)
	}
	// A second response to the same task replaces the first.
	r2 := ok()
	r2.Decision, r2.Hours, r2.Planned, r2.Comment = assessment.DecisionQuestion, 0, "", "Hvilke felter?"
	if err := s.SaveResponse(ctx, set, &r2); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, s, id).Responses
	if len(got) != 1 || got["e1"] != r2 || r2.At.IsZero() {
		t.Fatalf("responses %+v, want only %+v", got, r2)
	}

	// An approved assessment takes no response.
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := s.SetStatus(ctx, id, to, "Søren"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: id, Reviewer: "Jens Ærø", Organisation: "Nordlys IT ApS",
		Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	r3 := ok()
	wantErrID(t, s.SaveResponse(ctx, set, &r3), "response.approved")
	if dump(t, s) != before {
		t.Fatal("a response to an approved assessment changed the database")
	}
}

func TestParseDecision(t *testing.T) {
	for _, d := range assessment.Decisions {
		if got, ok := assessment.ParseDecision(string(d)); !ok || got != d {
			t.Errorf("ParseDecision(%q) = %q, %v", d, got, ok)
		}
	}
	for _, s := range []string{"", "Accepted", "approved", "yes"} {
		if _, ok := assessment.ParseDecision(s); ok {
			t.Errorf("ParseDecision(%q) accepted", s)
		}
	}
}

func TestPartnerTasks(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	id := partnerFixture(t, s, set)
	for _, r := range []assessment.Response{
		{AssessmentID: id, QuestionID: "e1", Decision: assessment.DecisionAccepted, Hours: 12.5, By: "Jens"},
		{AssessmentID: id, QuestionID: "e2", Decision: assessment.DecisionDeclined, Hours: 4, By: "Jens"},
	} {
		if err := s.SaveResponse(ctx, set, &r); err != nil {
			t.Fatal(err)
		}
	}
	groups := assessment.PartnerTasks(set, snapshot(t, s, id))
	var got []string
	for _, g := range groups {
		line := "general"
		if g.System != nil {
			line = g.System.Name
		}
		for _, task := range g.Tasks {
			line += " " + task.Gap.Question.ID
			if task.Response != nil {
				line += "=" + string(task.Response.Decision)
			}
		}
		got = append(got, fmt.Sprintf("%s %gh", line, g.Hours))
	}
	// e1 concerns both ERP systems and counts in both; e2 only NetSuite; b1 has no partner action.
	want := []string{"BC e1=accepted 12.5h", "NS e1=accepted e2=declined 16.5h"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("tasks %q, want %q", got, want)
	}
}

// returned plays the partner: it imports the company's file into its own database, responds,
// comments and returns the assessment, and exports the result.
func returned(t *testing.T, set *checklists.Set, data []byte, passphrase string) []byte {
	t.Helper()
	ctx := context.Background()
	b := openStore(t)
	b.Now = func() time.Time { return epoch.Add(24 * time.Hour) } // the partner works a day later
	id, err := b.ImportProtected(ctx, set, data, passphrase, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []assessment.Response{
		{AssessmentID: id, QuestionID: "e1", Decision: assessment.DecisionAccepted, Hours: 12.5, Planned: "2026-09-01", By: "Jens Ærø"},
		{AssessmentID: id, QuestionID: "e2", Decision: assessment.DecisionQuestion, Comment: "Hvilke roller?", By: "Jens Ærø"},
	} {
		if err := b.SaveResponse(ctx, set, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.AddComment(ctx, &assessment.Comment{AssessmentID: id, QuestionID: "e1", Author: "Jens Ærø", Body: "Vi tager den i uge 36."}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetStatus(ctx, id, assessment.Submitted, "Jens Ærø"); err != nil {
		t.Fatal(err)
	}
	if err := b.SignOff(ctx, &assessment.SignOff{AssessmentID: id, Reviewer: "Jens Ærø", Organisation: "Nordlys IT ApS",
		Decision: assessment.Returned, Statement: "Se spørgsmålet til e2."}); err != nil {
		t.Fatal(err)
	}
	out := export(t, b, id)
	if passphrase != "" {
		if out, err = assessment.EncryptExchange(out, passphrase); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestMergeExchange(t *testing.T) {
	for _, passphrase := range []string{"", "Rødgrød med fløde"} {
		t.Run("passphrase="+passphrase, func(t *testing.T) {
			ctx := context.Background()
			set := testSet()
			a := openStore(t)
			id := partnerFixture(t, a, set)
			sent := export(t, a, id)
			if passphrase != "" {
				var err error
				if sent, err = assessment.EncryptExchange(sent, passphrase); err != nil {
					t.Fatal(err)
				}
			}
			back := returned(t, set, sent, passphrase)

			// Meanwhile the company changes an answer and comments.
			save(t, a, set, id, "b2", assessment.Partly)
			if err := a.AddComment(ctx, &assessment.Comment{AssessmentID: id, Author: "Birthe", Body: "Intern note"}); err != nil {
				t.Fatal(err)
			}

			if passphrase != "" {
				before := dump(t, a)
				_, err := a.MergeExchange(ctx, set, back, "forkert")
				wantErrID(t, err, "exchange.wrong_passphrase")
				if dump(t, a) != before {
					t.Fatal("a merge with the wrong passphrase changed the database")
				}
			}
			if got, err := a.ExchangeAssessmentID(ctx, back, passphrase); err != nil || got != id {
				t.Fatalf("ExchangeAssessmentID = %d, %v; want %d", got, err, id)
			}
			res, err := a.MergeExchange(ctx, set, back, passphrase)
			if err != nil {
				t.Fatal(err)
			}
			if res.AssessmentID != id || res.Comments != 1 || res.SignOffs != 1 || res.Responses != 2 || len(res.Conflicts) != 1 {
				t.Fatalf("merge result %+v", res)
			}
			c := res.Conflicts[0]
			if c.QuestionID != "b2" || c.Local.Value != assessment.Partly || c.Theirs.Value != assessment.Yes {
				t.Fatalf("conflict %+v", c)
			}
			snap := snapshot(t, a, id)
			if snap.Answers["b2"].Value != assessment.Partly {
				t.Errorf("the local answer was not kept: %+v", snap.Answers["b2"])
			}
			if len(snap.Comments) != 2 || len(snap.SignOffs) != 1 || snap.SignOffs[0].Organisation != "Nordlys IT ApS" {
				t.Errorf("comments %+v, sign-offs %+v", snap.Comments, snap.SignOffs)
			}
			if r := snap.Responses["e1"]; r.Decision != assessment.DecisionAccepted || r.Hours != 12.5 || r.Planned != "2026-09-01" || r.By != "Jens Ærø" {
				t.Errorf("response e1 %+v", r)
			}
			if r := snap.Responses["e2"]; r.Decision != assessment.DecisionQuestion || r.Comment != "Hvilke roller?" {
				t.Errorf("response e2 %+v", r)
			}
			if len(snap.Conflicts) != 1 || snap.Conflicts[0].QuestionID != "b2" {
				t.Errorf("snapshot conflicts %+v", snap.Conflicts)
			}
			// The partner returned it: so is the company's copy, on record.
			if snap.Assessment.Status != assessment.Returned {
				t.Errorf("status %s after merging a returned sign-off", snap.Assessment.Status)
			}

			// The same file again adds nothing and changes nothing.
			before := dump(t, a)
			res, err = a.MergeExchange(ctx, set, back, passphrase)
			if err != nil {
				t.Fatal(err)
			}
			if res.Changed() || res.AssessmentID != id {
				t.Fatalf("second merge: %+v", res)
			}
			if dump(t, a) != before {
				t.Fatal("the second merge of the same file changed the database")
			}
		})
	}
}

func TestResolveConflict(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	a := openStore(t)
	id := partnerFixture(t, a, set)
	back := returned(t, set, export(t, a, id), "")
	save(t, a, set, id, "b2", assessment.Partly)
	save(t, a, set, id, "b1", assessment.Yes)
	res, err := a.MergeExchange(ctx, set, back, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 2 {
		t.Fatalf("conflicts %+v, want b1 and b2", res.Conflicts)
	}
	wantErrID(t, a.ResolveConflict(ctx, set, id, "b3", false), "conflict.not_found")

	// Keep the local b2; take the file's b1.
	if err := a.ResolveConflict(ctx, set, id, "b2", false); err != nil {
		t.Fatal(err)
	}
	if err := a.ResolveConflict(ctx, set, id, "b1", true); err != nil {
		t.Fatal(err)
	}
	snap := snapshot(t, a, id)
	if snap.Answers["b2"].Value != assessment.Partly || snap.Answers["b1"].Value != assessment.No {
		t.Errorf("after resolving: b1 %s (want the file's no), b2 %s (want the local partly)", snap.Answers["b1"].Value, snap.Answers["b2"].Value)
	}
	if list, err := a.Conflicts(ctx, id); err != nil || len(list) != 0 {
		t.Fatalf("conflicts after resolving: %+v, %v", list, err)
	}
	wantErrID(t, a.ResolveConflict(ctx, set, id, "b2", true), "conflict.not_found")

	// A resolved conflict does not come back when the same file is merged again…
	res, err = a.MergeExchange(ctx, set, back, "")
	if err != nil || res.Changed() {
		t.Fatalf("merge after resolving: %+v, %v", res, err)
	}
	// …but a file with yet another answer raises it anew.
	snap = snapshot(t, a, id)
	snap.Answers["b2"] = assessment.Answer{QuestionID: "b2", Value: assessment.No, UpdatedAt: epoch}
	res, err = a.MergeExchange(ctx, set, mustMarshal(t, snap), "")
	if err != nil || len(res.Conflicts) != 1 || res.Conflicts[0].Theirs.Value != assessment.No {
		t.Fatalf("merge of another answer: %+v, %v", res, err)
	}
}

func mustMarshal(t *testing.T, snap *assessment.Snapshot) []byte {
	t.Helper()
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMergeResponsesNewestWins(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	a := openStore(t)
	id := partnerFixture(t, a, set)
	snap := snapshot(t, a, id)
	stale := assessment.Response{QuestionID: "e1", Decision: assessment.DecisionDeclined, By: "Jens", At: epoch.Add(-time.Hour)}
	snap.Responses = map[string]assessment.Response{"e1": stale}
	older := mustMarshal(t, snap)
	r := assessment.Response{AssessmentID: id, QuestionID: "e1", Decision: assessment.DecisionAccepted, By: "Jens"}
	if err := a.SaveResponse(ctx, set, &r); err != nil {
		t.Fatal(err)
	}
	if res, err := a.MergeExchange(ctx, set, older, ""); err != nil || res.Responses != 0 {
		t.Fatalf("a stale response was merged: %+v, %v", res, err)
	}
	newer := stale
	newer.At = r.At.Add(time.Hour)
	snap.Responses = map[string]assessment.Response{"e1": newer}
	if res, err := a.MergeExchange(ctx, set, mustMarshal(t, snap), ""); err != nil || res.Responses != 1 {
		t.Fatalf("a newer response was not merged: %+v, %v", res, err)
	}
	if got := snapshot(t, a, id).Responses["e1"]; got.Decision != assessment.DecisionDeclined {
		t.Errorf("response %+v after merging the newer one", got)
	}
}

func TestMergeRefusals(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	a := openStore(t)
	id := partnerFixture(t, a, set)
	data := export(t, a, id)

	other := target(t, set)
	before := dump(t, other)
	_, err := other.MergeExchange(ctx, set, data, "")
	wantErrID(t, err, "exchange.merge_not_found")
	if got, err := other.ExchangeAssessmentID(ctx, data, ""); err != nil || got != 0 {
		t.Errorf("ExchangeAssessmentID of a foreign file = %d, %v", got, err)
	}

	// A response the checks refuse leaves nothing merged, not even the comment before it.
	snap := snapshot(t, a, id)
	snap.Comments = append(snap.Comments, assessment.Comment{Author: "Jens", Body: "ny", CreatedAt: epoch})
	snap.Responses = map[string]assessment.Response{"e1": {QuestionID: "e1", Decision: "maybe", By: "Jens", At: epoch}}
	before = dump(t, a)
	_, err = a.MergeExchange(ctx, set, mustMarshal(t, snap), "")
	wantErrID(t, err, "response.decision_invalid")
	snap.Responses = map[string]assessment.Response{"e1": {QuestionID: "e1", Decision: "accepted", Hours: -2, By: "Jens", At: epoch}}
	_, err = a.MergeExchange(ctx, set, mustMarshal(t, snap), "")
	wantErrID(t, err, "response.hours_invalid")
	// A sign-off decision only the database's CHECK refuses: the transaction is rolled back.
	snap.Responses = nil
	snap.SignOffs = append(snap.SignOffs, assessment.SignOff{Reviewer: "Jens", Organisation: "N", Decision: "maybe", SignedAt: epoch})
	_, err = a.MergeExchange(ctx, set, mustMarshal(t, snap), "")
	wantErrID(t, err, "exchange.damaged")
	if dump(t, a) != before {
		t.Fatal("a refused merge changed the database")
	}
}

// A file the previous release (exchange format version 1) wrote still imports, plain and
// protected. The files in testdata were written by that release's `gdprtjek demo` and
// `gdprtjek export` (see testdata/README.md).
func TestImportVersion1File(t *testing.T) {
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	pass, err := os.ReadFile(filepath.Join("testdata", "exchange-v1-demo-protected.passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, passphrase string }{
		{"exchange-v1-demo.json", ""},
		{"exchange-v1-demo-protected.json", string(pass)},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if tc.passphrase == "" && !strings.Contains(string(data), `"schema_version": 1,`) {
				t.Fatal("the test file is not a version-1 file")
			}
			s := openStore(t)
			id, err := s.ImportProtected(ctx, set, data, tc.passphrase, false)
			if err != nil {
				t.Fatal(err)
			}
			snap := snapshot(t, s, id)
			if snap.Company.Name != "Æblegården ApS" || len(snap.Systems) != 4 || len(snap.Answers) != 170 || len(snap.Responses) != 0 {
				t.Fatalf("imported %s with %d systems, %d answers, %d responses", snap.Company.Name, len(snap.Systems), len(snap.Answers), len(snap.Responses))
			}
			// Merging the same file into its import adds nothing.
			if res, err := s.MergeExchange(ctx, set, data, tc.passphrase); err != nil || res.Changed() {
				t.Fatalf("merge of the same version-1 file: %+v, %v", res, err)
			}
			// Exported again, it is a version-2 file that another database reads.
			again := export(t, s, id)
			if !strings.Contains(string(again), `"schema_version": 2,`) || strings.Contains(string(again), `"responses"`) {
				t.Errorf("re-export is not a version-2 file without responses")
			}
			if _, err := openStore(t).ImportExchange(ctx, set, again, false); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestDetectFileKind(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	id := partnerFixture(t, s, set)
	plain := export(t, s, id)
	protected, err := assessment.EncryptExchange(plain, "hemmelig")
	if err != nil {
		t.Fatal(err)
	}
	company, err := s.ExportCompany(ctx, snapshot(t, s, id).Company.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The import says what a company export is, rather than "not an exchange file".
	_, err = openStore(t).ImportProtected(ctx, set, company, "", false)
	wantErrID(t, err, "exchange.company_export")
	for _, tc := range []struct {
		name string
		data []byte
		want assessment.FileKind
	}{
		{"exchange", plain, assessment.FileExchange},
		{"protected", protected, assessment.FileExchangeProtected},
		{"company export", company, assessment.FileCompanyExport},
		{"other JSON", []byte(`{"format": "noget-andet"}`), assessment.FileUnknown},
		{"a PDF", []byte("%PDF-1.7\n"), assessment.FileUnknown},
		{"empty", nil, assessment.FileUnknown},
	} {
		if got := assessment.DetectFileKind(tc.data); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestExchangeFileName(t *testing.T) {
	day := time.Date(2026, 5, 1, 23, 30, 0, 0, time.UTC)
	for company, want := range map[string]string{
		"Æblegården ApS":           "Æblegården-ApS-2026-05-01.gdprtjek.json",
		"  Bøgeskov   Smedie A/S ": "Bøgeskov-Smedie-AS-2026-05-01.gdprtjek.json",
		`A.P. Møller: "Ø" <x>|*?`:  "AP-Møller-Ø-x-2026-05-01.gdprtjek.json",
		"CON":                      "CON-2026-05-01.gdprtjek.json",
		"../..":                    "gdprtjek-2026-05-01.gdprtjek.json",
		"":                         "gdprtjek-2026-05-01.gdprtjek.json",
		strings.Repeat("ø", 100):   strings.Repeat("ø", 60) + "-2026-05-01.gdprtjek.json",
	} {
		if got := assessment.ExchangeFileName(company, day); got != want {
			t.Errorf("ExchangeFileName(%q) = %q, want %q", company, got, want)
		}
	}
}

func TestAddCommentNeedsAuthor(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	id := partnerFixture(t, s, set)
	before := dump(t, s)
	wantErrID(t, s.AddComment(ctx, &assessment.Comment{AssessmentID: id, Author: " ", Body: "Hvem skrev?"}), "review.author_required")
	if dump(t, s) != before {
		t.Fatal("a refused comment changed the database")
	}
}

// Responses travel in the exchange file: a fresh import holds them, and exports the same file.
func TestResponsesTravel(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	a := openStore(t)
	id := partnerFixture(t, a, set)
	r := assessment.Response{AssessmentID: id, QuestionID: "e2", Decision: assessment.DecisionDeclined, Hours: 0.25,
		Planned: "2027-01-04", Comment: "Ikke i år – \"budget\" <&>", By: "Jens Ærø"}
	if err := a.SaveResponse(ctx, set, &r); err != nil {
		t.Fatal(err)
	}
	data := export(t, a, id)
	if !strings.Contains(string(data), `"responses": [`) || !strings.Contains(string(data), `"schema_version": 2,`) {
		t.Fatalf("the export lacks the responses or version 2:\n%s", data)
	}
	b := openStore(t)
	bid, err := b.ImportExchange(ctx, set, data, false)
	if err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, b, bid).Responses["e2"]
	r.AssessmentID = bid
	if got != r {
		t.Errorf("imported response %+v, want %+v", got, r)
	}
	if again := export(t, b, bid); string(again) != string(data) {
		t.Error("re-export of the import differs")
	}
}

func TestHoursText(t *testing.T) {
	da, en := i18n.New(i18n.Danish), i18n.New(i18n.English)
	for h, want := range map[float64][2]string{
		12:      {"12", "12"},
		12.5:    {"12,5", "12.5"},
		0.25:    {"0,25", "0.25"},
		1234.5:  {"1.234,5", "1,234.5"},
		1.0 / 3: {"0,33", "0.33"},
	} {
		if got := [2]string{assessment.HoursText(da, h), assessment.HoursText(en, h)}; got != want {
			t.Errorf("HoursText(%v) = %q, want %q", h, got, want)
		}
	}
}

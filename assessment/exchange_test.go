package assessment_test

import (
	"bytes"
	"context"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// demoExport makes the demo in a new database, adds a comment, a returned sign-off and a
// comment on the whole, and returns the store, the assessment's ID and its exchange file.
func demoExport(t *testing.T, set *checklists.Set) (*assessment.Store, int64, []byte) {
	t.Helper()
	ctx := context.Background()
	s := openStore(t)
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []assessment.Comment{
		{AssessmentID: id, QuestionID: "b1", Author: "Nordlys IT ApS", Body: "Hvor ligger fortegnelsen? \"Drev\"; mappe 3\nLinje 2"},
		{AssessmentID: id, Author: "Nordlys IT ApS", Body: "Samlet: godt arbejde <&>"},
	} {
		if err := s.AddComment(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := s.SetStatus(ctx, id, to, "Søren Åkjær"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: id, Reviewer: "Jens Ærø", Organisation: "Nordlys IT ApS",
		Decision: assessment.Returned, Statement: "Ret b1 og send igen."}); err != nil {
		t.Fatal(err)
	}
	return s, id, export(t, s, id)
}

func export(t *testing.T, s *assessment.Store, id int64) []byte {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExchangeRoundTrip(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	src, srcID, data := demoExport(t, set)
	want, err := src.Snapshot(ctx, srcID)
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	id, err := dst.ImportExchange(ctx, set, data, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := dst.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// Everything but the database's own IDs must have come across.
	if got.Company.Name != want.Company.Name || got.Company.CVR != want.Company.CVR || got.Company.Address != want.Company.Address ||
		got.Company.Contact != want.Company.Contact || got.Company.SizeBand != want.Company.SizeBand || got.Company.Industry != want.Company.Industry {
		t.Errorf("company %+v, want %+v", got.Company, want.Company)
	}
	if len(got.Systems) != 5 || len(got.Systems) != len(want.Systems) {
		t.Fatalf("%d systems, want %d", len(got.Systems), len(want.Systems))
	}
	for i := range want.Systems {
		w, g := want.Systems[i], got.Systems[i]
		w.ID, w.CompanyID, g.ID, g.CompanyID = 0, 0, 0, 0
		if w != g {
			t.Errorf("system %d: %+v, want %+v", i, g, w)
		}
	}
	ga, wa := got.Assessment, want.Assessment
	if ga.UID != wa.UID || ga.Title != wa.Title || ga.Assessor != wa.Assessor || ga.Status != assessment.Returned ||
		ga.Status != wa.Status || !ga.CreatedAt.Equal(wa.CreatedAt) || !ga.UpdatedAt.Equal(wa.UpdatedAt) ||
		len(ga.Profile) != len(wa.Profile) || len(ga.Checklists) != len(wa.Checklists) {
		t.Errorf("assessment %+v, want %+v", ga, wa)
	}
	if len(want.Answers) == 0 || len(got.Answers) != len(want.Answers) {
		t.Fatalf("%d answers, want %d", len(got.Answers), len(want.Answers))
	}
	for q, w := range want.Answers {
		g := got.Answers[q]
		w.AssessmentID, g.AssessmentID = 0, 0
		if !g.UpdatedAt.Equal(w.UpdatedAt) {
			t.Errorf("answer %s updated %v, want %v", q, g.UpdatedAt, w.UpdatedAt)
		}
		w.UpdatedAt = g.UpdatedAt // compared with Equal above: the locations may differ
		if g != w {
			t.Errorf("answer %s: %+v, want %+v", q, g, w)
		}
	}
	if len(got.Comments) != 2 || got.Comments[0].Body != want.Comments[0].Body || got.Comments[0].QuestionID != "b1" ||
		got.Comments[1].Body != want.Comments[1].Body || !got.Comments[1].CreatedAt.Equal(want.Comments[1].CreatedAt) {
		t.Errorf("comments %+v, want %+v", got.Comments, want.Comments)
	}
	if len(got.SignOffs) != 1 || got.SignOffs[0].Reviewer != "Jens Ærø" || got.SignOffs[0].Statement != want.SignOffs[0].Statement ||
		got.SignOffs[0].Organisation != "Nordlys IT ApS" || got.SignOffs[0].Decision != assessment.Returned ||
		!got.SignOffs[0].SignedAt.Equal(want.SignOffs[0].SignedAt) {
		t.Errorf("sign-offs %+v, want %+v", got.SignOffs, want.SignOffs)
	}
	// And exporting the import gives the same file, byte for byte.
	if again := export(t, dst, id); !bytes.Equal(again, data) {
		t.Errorf("re-export differs from the original export")
	}
}

// target is a database that already holds something, so that "unchanged" means something.
func target(t *testing.T, set *checklists.Set) *assessment.Store {
	t.Helper()
	s := openStore(t)
	c := newCompany(t, s, "Bøgeskov Smedie A/S")
	a := newAssessment(t, s, set, c.ID)
	save(t, s, set, a.ID, "b1", assessment.Yes)
	return s
}

func TestImportRefusesBadFiles(t *testing.T) {
	set := testSet()
	_, _, data := demoExport(t, set)
	edit := func(old, new string) []byte {
		t.Helper()
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("the export holds no %q", old)
		}
		return bytes.Replace(data, []byte(old), []byte(new), 1)
	}
	resealed := func(old, new string) []byte {
		t.Helper()
		out, err := assessment.Reseal(edit(old, new))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"one byte changed in a value", edit("Frugtavl", "Frugtavm"), "exchange.digest_mismatch"},
		{"digest changed", edit(`"digest": "sha256:`, `"digest": "sha256:0`), "exchange.digest_mismatch"},
		{"truncated", data[:len(data)*2/3], "exchange.damaged"},
		{"truncated to nothing", nil, "exchange.damaged"},
		{"not an exchange file", []byte(`{"format": "noget-andet"}`), "exchange.not_exchange"},
		{"newer format version", edit(`"schema_version": 2`, `"schema_version": 3`), "exchange.version_unsupported"},
		{"unknown field", edit(`"cvr":`, `"hemmeligt": "x", "cvr":`), "exchange.damaged"},
		{"unknown question", resealed(`"question": "s2"`, `"question": "findes-ikke"`), "answer.unknown_question"},
		{"bad due date", resealed(`"due": "2026`, `"due": "31.12.2026`), "answer.due_invalid"},
		{"bad profile", resealed("\"profile\": [\n        \"employees\"", "\"profile\": [\n        \"rumfart\""), "assessment.profile_invalid"},
		// Passes every check before the transaction; the database's CHECK refuses the last
		// row written, after the company, systems, assessment and answers went in.
		{"bad sign-off decision", resealed(`"decision": "returned"`, `"decision": "maybe"`), "exchange.damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := target(t, set)
			before := dump(t, s)
			_, err := s.ImportExchange(context.Background(), set, tt.data, true)
			wantErrID(t, err, tt.want)
			if after := dump(t, s); after != before {
				t.Fatalf("the refused import changed the database:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}

func TestImportExistingUID(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	src, srcID, data := demoExport(t, set)
	dst := target(t, set)
	firstID, err := dst.ImportExchange(ctx, set, data, false)
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, dst)
	_, err = dst.ImportExchange(ctx, set, data, false)
	wantErrID(t, err, "exchange.exists")
	if dump(t, dst) != before {
		t.Fatal("a refused import changed the database")
	}
	// The partner changes an answer and sends the file back: replace takes it.
	if err := src.SetStatus(ctx, srcID, assessment.Draft, "Søren"); err != nil {
		t.Fatal(err)
	}
	save(t, src, set, srcID, "b1", assessment.Partly)
	changed := export(t, src, srcID)
	newID, err := dst.ImportExchange(ctx, set, changed, true)
	if err != nil {
		t.Fatal(err)
	}
	all, err := dst.Assessments(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Fatalf("%d assessments after replace, want 2 (the target's own and the replaced one)", len(all))
	}
	if _, err := dst.Assessment(ctx, firstID); firstID != newID && errID(err) != "assessment.not_found" {
		t.Errorf("the replaced assessment %d is still there", firstID)
	}
	got, err := dst.Answers(ctx, newID)
	if err != nil {
		t.Fatal(err)
	}
	if got["b1"].Value != assessment.Partly {
		t.Errorf("b1 = %s after replace, want partly", got["b1"].Value)
	}
	companies, _ := dst.Companies(ctx)
	if len(companies) != 2 {
		t.Errorf("%d companies after replace, want 2 (same CVR reuses the company)", len(companies))
	}
}

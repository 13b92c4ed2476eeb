package assessment_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"testing"
	"time"

	"gdprtjek/assessment"
)

// fullCompany makes a company with a system and two rounds holding answers, comments, a
// sign-off and status history; secret is written into notes, comments and statements.
func fullCompany(t *testing.T, s *assessment.Store, name, cvr, secret string) (assessment.Company, []assessment.Assessment) {
	t.Helper()
	ctx := context.Background()
	set := testSet()
	c := assessment.Company{Name: name, CVR: cvr, Contact: "Kontakt " + secret}
	if err := s.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSystem(ctx, &assessment.System{CompanyID: c.ID, Kind: "erp", Product: "custom", Name: "ERP " + secret}); err != nil {
		t.Fatal(err)
	}
	first := newAssessment(t, s, set, c.ID)
	if err := s.SaveAnswer(ctx, set, &assessment.Answer{AssessmentID: first.ID, QuestionID: "b1", Value: assessment.No,
		Note: "Note " + secret, Owner: "Ejer " + secret}); err != nil {
		t.Fatal(err)
	}
	save(t, s, set, first.ID, "b2", assessment.Yes)
	if err := s.AddComment(ctx, &assessment.Comment{AssessmentID: first.ID, QuestionID: "b1", Author: "Revisor", Body: "Kommentar " + secret}); err != nil {
		t.Fatal(err)
	}
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := s.SetStatus(ctx, first.ID, to, "Søren"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: first.ID, Reviewer: "Jens", Organisation: "Revisionsfirmaet", Decision: assessment.Approved,
		Statement: "Godkendt " + secret}); err != nil {
		t.Fatal(err)
	}
	if err := s.Reopen(ctx, first.ID, "Birthe", "Genåbnet "+secret); err != nil {
		t.Fatal(err)
	}
	// The partner's file comes back with a response and another answer to b2: a conflict.
	snap, err := s.Snapshot(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	snap.Responses = map[string]assessment.Response{"b1": {QuestionID: "b1", Decision: assessment.DecisionAccepted,
		Comment: "Svar " + secret, By: "Jens", At: epoch}}
	snap.Answers["b2"] = assessment.Answer{QuestionID: "b2", Value: assessment.No, Note: "Deres " + secret, UpdatedAt: epoch}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := s.MergeExchange(ctx, set, data, ""); err != nil || res.Responses != 1 || len(res.Conflicts) != 1 {
		t.Fatalf("merge: %+v, %v", res, err)
	}
	second, err := s.StartRound(ctx, set, first.ID, "Runde 2", "Birthe")
	if err != nil {
		t.Fatal(err)
	}
	return c, []assessment.Assessment{first, second}
}

type exportedCompany struct {
	Format  string `json:"format"`
	Company struct {
		Name string `json:"name"`
	} `json:"company"`
	Systems     []json.RawMessage `json:"systems"`
	Assessments []struct {
		UID         string `json:"uid"`
		PreviousUID string `json:"previous_uid"`
		Answers     []struct {
			Question  string `json:"question"`
			Note      string `json:"note"`
			Reconfirm bool   `json:"reconfirm"`
		} `json:"answers"`
		Comments      []struct{ Body string }      `json:"comments"`
		SignOffs      []struct{ Statement string } `json:"signoffs"`
		StatusChanges []struct {
			From, To, Note string
		} `json:"status_changes"`
		Responses      []struct{ Comment string } `json:"responses"`
		MergeConflicts []struct {
			Question string
			Theirs   struct{ Note string }
		} `json:"merge_conflicts"`
	} `json:"assessments"`
}

func TestExportCompany(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c, rounds := fullCompany(t, s, "Æblegården ApS", "38745123", "Æble")
	fullCompany(t, s, "Bøgeskov Smedie A/S", "12345674", "Bøg")
	data, err := s.ExportCompany(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Bøg")) {
		t.Fatal("the export holds another company's data")
	}
	var got exportedCompany
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != assessment.CompanyDataFormat || got.Company.Name != "Æblegården ApS" || len(got.Systems) != 1 {
		t.Fatalf("export head: %+v", got)
	}
	if len(got.Assessments) != len(rounds) {
		t.Fatalf("%d assessments exported, want %d", len(got.Assessments), len(rounds))
	}
	for i, a := range rounds {
		if got.Assessments[i].UID != a.UID {
			t.Errorf("assessment %d: uid %s, want %s", i, got.Assessments[i].UID, a.UID)
		}
	}
	first, second := got.Assessments[0], got.Assessments[1]
	if len(first.Answers) != 2 || first.Answers[0].Note != "Note Æble" || len(first.Comments) != 1 ||
		len(first.SignOffs) != 1 || first.SignOffs[0].Statement != "Godkendt Æble" {
		t.Errorf("first round exported as %+v", first)
	}
	// submitted, in_review, approved (sign-off), in_review again (reopen, with its reason)
	if n := len(first.StatusChanges); n != 4 || first.StatusChanges[3].Note != "Genåbnet Æble" || first.StatusChanges[3].From != "approved" {
		t.Errorf("status history %+v", first.StatusChanges)
	}
	if len(first.Responses) != 1 || first.Responses[0].Comment != "Svar Æble" || len(first.MergeConflicts) != 1 ||
		first.MergeConflicts[0].Question != "b2" || first.MergeConflicts[0].Theirs.Note != "Deres Æble" {
		t.Errorf("the partner's response and the merge conflict are not exported: %+v %+v", first.Responses, first.MergeConflicts)
	}
	if second.PreviousUID != first.UID || len(second.Answers) != 2 || !second.Answers[0].Reconfirm {
		t.Errorf("second round exported as %+v", second)
	}
	_, err = s.ExportCompany(ctx, 9999)
	wantErrID(t, err, "company.not_found")
}

// fileBytes is the database as it lies on disk: the main file and its write-ahead log.
func fileBytes(t *testing.T, s *assessment.Store) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestDeleteCompany(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	const name, secret = "Hemmelighedsfulde Æblemost ApS", "Fortroligt-4711-ÆØÅ"
	gone, rounds := fullCompany(t, s, name, "38745123", secret)
	kept, _ := fullCompany(t, s, "Bøgeskov Smedie A/S", "12345674", "Bøg")
	s.Now = func() time.Time { return epoch } // the exports below must not differ by their time
	keptBefore, err := s.ExportCompany(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(fileBytes(t, s), []byte(secret)) {
		t.Fatal("the secret is not in the file before deletion; the test proves nothing")
	}

	if err := s.DeleteCompany(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}

	db, err := sql.Open("sqlite3", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ids := []any{rounds[0].ID, rounds[1].ID}
	for query, args := range map[string][]any{
		`SELECT count(*) FROM companies WHERE id = ?`:                       {gone.ID},
		`SELECT count(*) FROM systems WHERE company_id = ?`:                 {gone.ID},
		`SELECT count(*) FROM assessments WHERE company_id = ?`:             {gone.ID},
		`SELECT count(*) FROM answers WHERE assessment_id IN (?, ?)`:        ids,
		`SELECT count(*) FROM comments WHERE assessment_id IN (?, ?)`:       ids,
		`SELECT count(*) FROM signoffs WHERE assessment_id IN (?, ?)`:       ids,
		`SELECT count(*) FROM status_changes WHERE assessment_id IN (?, ?)`: ids,
	} {
		var n int
		if err := db.QueryRow(query, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows left", query, n)
		}
	}
	keptAfter, err := s.ExportCompany(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(keptBefore, keptAfter) {
		t.Error("deleting one company changed another")
	}
	raw := fileBytes(t, s)
	for _, s := range []string{name, secret} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("%q is still in the database file's bytes", s)
		}
	}
	wantErrID(t, s.DeleteCompany(ctx, gone.ID), "company.not_found")
}

package assessment_test

import (
	"context"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

func versionedSet(version int, firstText string) *checklists.Set {
	q := func(id, da, en string) checklists.Question {
		return checklists.Question{ID: id, Weight: 2, Refs: []string{"GDPR art. 30"},
			Text: checklists.Text{DA: da, EN: en}, Guidance: checklists.Text{DA: "v", EN: "g"}, Remediation: checklists.Text{DA: "r", EN: "r"}}
	}
	return checklists.NewSet([]*checklists.Checklist{{ID: "gov", Version: version, Area: "gov",
		Title: checklists.Text{DA: "Ledelse", EN: "Governance"},
		Questions: []checklists.Question{
			q("gov.records", firstText, "Do you keep records of processing?"),
			q("gov.training", "Får alle undervisning?", "Does everyone get training?"),
		}}})
}

// A newer checklist version keeps every answer and asks again only where the wording changed.
func TestUpdateChecklistsMarksRewordedQuestions(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	v1 := versionedSet(1, "Har I en fortegnelse?")
	a := newAssessment(t, s, v1, newCompany(t, s, "Æblegården ApS").ID)
	for _, id := range []string{"gov.records", "gov.training"} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: assessment.Yes}
		if err := s.SaveAnswer(ctx, v1, &ans); err != nil {
			t.Fatal(err)
		}
	}
	v2 := versionedSet(2, "Har I en fortegnelse over alle behandlinger (art. 30)?")
	if out := assessment.Outdated(v2, a); len(out) != 1 || out[0].Version != 2 {
		t.Fatalf("Outdated = %+v, want gov v2", out)
	}
	if out := assessment.Outdated(v1, a); len(out) != 0 {
		t.Fatalf("Outdated against the pinned set = %+v, want none", out)
	}
	marked, err := s.UpdateChecklists(ctx, v2, a.ID)
	if err != nil || marked != 1 {
		t.Fatalf("UpdateChecklists = %d, %v; want 1 marked", marked, err)
	}
	answers, err := s.Answers(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !answers["gov.records"].Reconfirm || answers["gov.training"].Reconfirm {
		t.Errorf("reconfirm marks: records %v, training %v; want only the reworded one",
			answers["gov.records"].Reconfirm, answers["gov.training"].Reconfirm)
	}
	if answers["gov.records"].Value != assessment.Yes {
		t.Error("the answer itself must stay")
	}
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || len(got.Checklists) != 1 || got.Checklists[0].Version != 2 {
		t.Fatalf("pinned after update: %+v %v", got.Checklists, err)
	}
	// Answering again under v2 confirms it, with the new wording's fingerprint.
	ans := answers["gov.records"]
	ans.Reconfirm = false
	if err := s.SaveAnswer(ctx, v2, &ans); err != nil {
		t.Fatal(err)
	}
	if marked, err := s.UpdateChecklists(ctx, v2, a.ID); err != nil || marked != 0 {
		t.Errorf("a second update marked %d (%v), want 0", marked, err)
	}
}

func TestPreviousResult(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	set := versionedSet(1, "Har I en fortegnelse?")
	c := assessment.Company{Name: "Østergård A/S"}
	if err := s.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	first := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1", Checklists: set.Refs()}
	if err := s.CreateAssessment(ctx, &first); err != nil {
		t.Fatal(err)
	}
	ans := assessment.Answer{AssessmentID: first.ID, QuestionID: "gov.records", Value: assessment.Yes}
	if err := s.SaveAnswer(ctx, set, &ans); err != nil {
		t.Fatal(err)
	}
	if prev, err := s.PreviousResult(ctx, set, first); err != nil || prev != nil {
		t.Fatalf("a first round has no previous result: %v %v", prev, err)
	}
	second, err := s.StartRound(ctx, set, first.ID, "Runde 2", "")
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PreviousResult(ctx, set, second)
	// yes on one weight-2 question, the other unanswered: 2 of 4 points.
	if err != nil || prev == nil || prev.Overall.Percent() != 50 {
		t.Fatalf("previous result: %+v %v, want 50%%", prev, err)
	}
}

// An approved assessment is read-only: moving it to newer checklist versions is refused, and
// neither its pinned versions nor its answers change.
func TestUpdateChecklistsRefusesApproved(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	v1 := versionedSet(1, "Har I en fortegnelse?")
	a := newAssessment(t, s, v1, newCompany(t, s, "Æblegården ApS").ID)
	save(t, s, v1, a.ID, "gov.records", assessment.Yes)
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := s.SetStatus(ctx, a.ID, to, "Søren"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Kirsten Møller", Organisation: "Nordlys IT ApS", Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	v2 := versionedSet(2, "Har I en fortegnelse over alle behandlinger (art. 30)?")
	_, err := s.UpdateChecklists(ctx, v2, a.ID)
	wantErrID(t, err, "assessment.read_only")
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || len(got.Checklists) != 1 || got.Checklists[0].Version != 1 {
		t.Errorf("pinned versions after the refused update: %+v %v, want gov v1", got.Checklists, err)
	}
	if answers, err := s.Answers(ctx, a.ID); err != nil || answers["gov.records"].Reconfirm {
		t.Errorf("the refused update marked the answer for re-confirmation: %+v %v", answers["gov.records"], err)
	}
}

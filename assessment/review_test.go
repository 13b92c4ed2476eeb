package assessment_test

import (
	"context"
	"slices"
	"testing"

	"gdprtjek/assessment"
)

var allStatuses = []assessment.Status{assessment.Draft, assessment.Submitted, assessment.InReview,
	assessment.Approved, assessment.Returned}

// inStatus makes an assessment and walks it to status by allowed steps.
func inStatus(t *testing.T, s *assessment.Store, status assessment.Status) assessment.Assessment {
	t.Helper()
	ctx := context.Background()
	set := testSet()
	a := newAssessment(t, s, set, newCompany(t, s, "Æblegården ApS").ID)
	step := func(to assessment.Status) {
		t.Helper()
		if err := s.SetStatus(ctx, a.ID, to, "Søren"); err != nil {
			t.Fatalf("to %s: %v", to, err)
		}
	}
	switch status {
	case assessment.Submitted:
		step(assessment.Submitted)
	case assessment.InReview:
		step(assessment.Submitted)
		step(assessment.InReview)
	case assessment.Returned:
		step(assessment.Submitted)
		step(assessment.InReview)
		step(assessment.Returned)
	case assessment.Approved:
		step(assessment.Submitted)
		step(assessment.InReview)
		if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Nordlys IT ApS", Organisation: "Nordlys IT ApS", Decision: assessment.Approved}); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func statusOf(t *testing.T, s *assessment.Store, id int64) assessment.Status {
	t.Helper()
	a, err := s.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Status
}

func TestSetStatusTransitions(t *testing.T) {
	// The allowed steps, written out here independently of the package's table.
	allowed := map[assessment.Status][]assessment.Status{
		assessment.Draft:     {assessment.Submitted},
		assessment.Submitted: {assessment.InReview, assessment.Draft},
		assessment.InReview:  {assessment.Returned},
		assessment.Returned:  {assessment.Draft, assessment.Submitted},
		assessment.Approved:  nil, // only Reopen leaves approved
	}
	ctx := context.Background()
	for _, from := range allStatuses {
		for _, to := range allStatuses {
			ok := slices.Contains(allowed[from], to)
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				s := openStore(t)
				a := inStatus(t, s, from)
				before, _ := s.StatusChanges(ctx, a.ID)
				err := s.SetStatus(ctx, a.ID, to, "Birthe")
				after, _ := s.StatusChanges(ctx, a.ID)
				if ok {
					if err != nil {
						t.Fatalf("refused: %v", err)
					}
					if got := statusOf(t, s, a.ID); got != to {
						t.Fatalf("status %s, want %s", got, to)
					}
					last := after[len(after)-1]
					if len(after) != len(before)+1 || last.From != from || last.To != to || last.By != "Birthe" {
						t.Fatalf("not recorded: %+v", after)
					}
					return
				}
				wantErrID(t, err, "assessment.status_change_invalid")
				if got := statusOf(t, s, a.ID); got != from {
					t.Fatalf("status moved to %s on a refused change", got)
				}
				if len(after) != len(before) {
					t.Fatal("a refused change was recorded")
				}
			})
		}
	}
}

func TestSignOff(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		from     assessment.Status
		decision assessment.Status
		reviewer string
		org      string
		want     string // error ID; "" for accepted
	}{
		{assessment.InReview, assessment.Approved, "Jens Ærø", "Nordlys IT ApS", ""},
		{assessment.InReview, assessment.Returned, "Jens Ærø", "Nordlys IT ApS", ""},
		{assessment.Submitted, assessment.Approved, "Jens Ærø", "Nordlys IT ApS", ""},
		{assessment.Draft, assessment.Approved, "Jens Ærø", "Nordlys IT ApS", "assessment.status_change_invalid"},
		{assessment.Returned, assessment.Approved, "Jens Ærø", "Nordlys IT ApS", "assessment.status_change_invalid"},
		{assessment.Approved, assessment.Approved, "Jens Ærø", "Nordlys IT ApS", "assessment.status_change_invalid"},
		{assessment.InReview, assessment.Draft, "Jens Ærø", "Nordlys IT ApS", "review.decision_invalid"},
		{assessment.InReview, assessment.Approved, "  ", "Nordlys IT ApS", "review.reviewer_required"},
		{assessment.InReview, assessment.Approved, "Jens Ærø", " ", "review.organisation_required"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"/"+string(tt.decision)+"/"+tt.reviewer+"/"+tt.org, func(t *testing.T) {
			s := openStore(t)
			a := inStatus(t, s, tt.from)
			before, _ := s.Snapshot(ctx, a.ID)
			err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: tt.reviewer, Organisation: tt.org, Decision: tt.decision,
				Statement: "Gennemgået på mødet"})
			snap, _ := s.Snapshot(ctx, a.ID)
			if tt.want != "" {
				wantErrID(t, err, tt.want)
				if len(snap.SignOffs) != len(before.SignOffs) || snap.Assessment.Status != tt.from {
					t.Fatal("a refused sign-off changed the assessment")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			last := snap.SignOffs[len(snap.SignOffs)-1]
			if snap.Assessment.Status != tt.decision || last.Decision != tt.decision || last.Statement != "Gennemgået på mødet" {
				t.Fatalf("after sign-off: status %s, sign-off %+v", snap.Assessment.Status, last)
			}
		})
	}
}

func TestApprovedIsReadOnly(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	set := testSet()
	a := inStatus(t, s, assessment.InReview)
	save(t, s, set, a.ID, "b1", assessment.No)
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Nordlys", Organisation: "Nordlys IT ApS", Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	err := s.SaveAnswer(ctx, set, &assessment.Answer{AssessmentID: a.ID, QuestionID: "b1", Value: assessment.Yes})
	wantErrID(t, err, "assessment.read_only")
	answers, _ := s.Answers(ctx, a.ID)
	if answers["b1"].Value != assessment.No {
		t.Fatalf("b1 = %s after a refused save, want no", answers["b1"].Value)
	}
	err = s.SaveAnswer(ctx, set, &assessment.Answer{AssessmentID: a.ID, QuestionID: "b2", Value: assessment.Yes})
	wantErrID(t, err, "assessment.read_only")
	if answers, _ = s.Answers(ctx, a.ID); len(answers) != 1 {
		t.Fatal("a new answer was added to an approved assessment")
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	t.Run("approved is reopened with the reason on record", func(t *testing.T) {
		s := openStore(t)
		a := inStatus(t, s, assessment.Approved)
		if err := s.Reopen(ctx, a.ID, "Birthe Østergård", "Nyt lønsystem skal med"); err != nil {
			t.Fatal(err)
		}
		if got := statusOf(t, s, a.ID); got != assessment.InReview {
			t.Fatalf("status %s after reopen, want in_review", got)
		}
		changes, err := s.StatusChanges(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := changes[len(changes)-1]
		if last.From != assessment.Approved || last.To != assessment.InReview || last.By != "Birthe Østergård" ||
			last.Note != "Nyt lønsystem skal med" || last.At.IsZero() {
			t.Fatalf("reopen recorded as %+v", last)
		}
		save(t, s, set, a.ID, "b1", assessment.Yes) // editable again
	})
	t.Run("only approved can be reopened", func(t *testing.T) {
		for _, from := range []assessment.Status{assessment.Draft, assessment.Submitted, assessment.InReview, assessment.Returned} {
			s := openStore(t)
			a := inStatus(t, s, from)
			wantErrID(t, s.Reopen(ctx, a.ID, "Birthe", "fordi"), "assessment.status_change_invalid")
			if got := statusOf(t, s, a.ID); got != from {
				t.Fatalf("%s moved to %s", from, got)
			}
		}
	})
	t.Run("a reason is required", func(t *testing.T) {
		s := openStore(t)
		a := inStatus(t, s, assessment.Approved)
		wantErrID(t, s.Reopen(ctx, a.ID, "Birthe", " "), "review.reopen_reason_required")
		if got := statusOf(t, s, a.ID); got != assessment.Approved {
			t.Fatalf("status %s, want approved", got)
		}
	})
}

package assessment_test

import (
	"context"
	"strings"
	"testing"

	"gdprtjek/assessment"
)

// TestParticipants: who took part in a workshop is kept with the assessment, travels in the
// exchange file and the company export, is left out of a file when empty (so earlier versions
// still read it), and cannot change once the assessment is approved.
func TestParticipants(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	c := newCompany(t, s, "Værksted ApS")
	a := newAssessment(t, s, set, c.ID)

	data := export(t, s, a.ID)
	if strings.Contains(string(data), `"participants"`) {
		t.Error("an assessment without a workshop should export no participants field")
	}
	const who = "Birthe Østergård, Søren Åkjær (Nordlys IT)"
	if err := s.SetParticipants(ctx, a.ID, who); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Assessment(ctx, a.ID); err != nil || got.Participants != who {
		t.Fatalf("participants %q (%v), want %q", got.Participants, err, who)
	}
	dst := openStore(t)
	id, err := dst.ImportExchange(ctx, set, export(t, s, a.ID), false)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := dst.Assessment(ctx, id); got.Participants != who {
		t.Errorf("imported participants %q, want %q", got.Participants, who)
	}
	all, err := s.ExportCompany(ctx, c.ID)
	if err != nil || !strings.Contains(string(all), "Søren Åkjær (Nordlys IT)") {
		t.Errorf("the company export lacks the participants (%v)", err)
	}

	save(t, s, set, a.ID, set.Checklists[0].Questions[0].ID, assessment.Yes)
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := s.SetStatus(ctx, a.ID, to, "Revisor"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Nordlys IT ApS", Organisation: "Nordlys IT ApS", Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	wantErrID(t, s.SetParticipants(ctx, a.ID, "ændret bagefter"), "assessment.read_only")
	wantErrID(t, s.SetParticipants(ctx, 999999, who), "assessment.not_found")
}

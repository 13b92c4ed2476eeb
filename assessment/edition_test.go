package assessment_test

import (
	"context"
	"os"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// firstEdition is the built-in checklists as first published (testdata/edition1), against which
// real assessments have been answered.
func firstEdition(t *testing.T) *checklists.Set {
	t.Helper()
	set, err := checklists.LoadEdition(os.DirFS("testdata"), "edition1")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func builtinSet(t *testing.T) *checklists.Set {
	t.Helper()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// An assessment answered against the first edition updates to the current built-in checklists:
// every answer stays as it was, exactly the answers whose question was reworded are marked for
// re-confirmation, and the assessment pins the new versions.
func TestFirstEditionAssessmentUpdatesToBuiltin(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	v1, v2 := firstEdition(t), builtinSet(t)
	id, err := s.CreateDemo(ctx, v1)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Answers(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) < 100 {
		t.Fatalf("the demo answered %d first-edition questions, want a realistic assessment", len(before))
	}
	a, err := s.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	outdated := map[string]bool{}
	for _, ref := range assessment.Outdated(v2, a) {
		outdated[ref.ID] = true
	}
	for _, c := range v2.Checklists {
		old := v1.Checklist(c.ID)
		if old == nil {
			continue
		}
		if want := c.Version > old.Version; outdated[c.ID] != want {
			t.Errorf("checklist %s: outdated %v, want %v (v%d → v%d)", c.ID, outdated[c.ID], want, old.Version, c.Version)
		}
	}
	if len(outdated) < 10 {
		t.Errorf("%d checklists outdated, want every changed one (at least 10)", len(outdated))
	}

	// Which answers should be asked again, worked out from the two editions' wording.
	reworded := map[string]bool{}
	for qid := range before {
		q1, _, ok1 := v1.Question(qid)
		q2, _, ok2 := v2.Question(qid)
		if !ok1 || !ok2 {
			t.Fatalf("%s: answered in the first edition but missing from the second; nothing may be lost", qid)
		}
		if q1.Fingerprint() != q2.Fingerprint() {
			reworded[qid] = true
		}
	}
	for _, qid := range []string{"marketing.email-consent", "marketing.b2b-included", "breaches.notify-72h",
		"breaches.inform-people", "hr.criminal-record", "lawful-basis.cpr-disclosure"} {
		if _, answered := before[qid]; answered && !reworded[qid] {
			t.Errorf("%s was reworded in the second edition but its fingerprint did not change", qid)
		}
	}

	marked, err := s.UpdateChecklists(ctx, v2, id)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d first-edition answers, %d reworded questions marked for re-confirmation", len(before), marked)
	if marked != len(reworded) || marked == 0 {
		t.Errorf("UpdateChecklists marked %d answers, want the %d reworded ones", marked, len(reworded))
	}
	after, err := s.Answers(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("%d answers after the update, %d before", len(after), len(before))
	}
	for qid, b := range before {
		got := after[qid]
		if got.Value != b.Value || got.Note != b.Note || got.Owner != b.Owner || got.Due != b.Due ||
			got.ActionStatus != b.ActionStatus || got.QuestionHash != b.QuestionHash {
			t.Errorf("%s changed in the update: %+v → %+v", qid, b, got)
		}
		if got.Reconfirm != reworded[qid] {
			t.Errorf("%s: reconfirm %v, want %v", qid, got.Reconfirm, reworded[qid])
		}
	}
	a, err = s.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range a.Checklists {
		if c := v2.Checklist(ref.ID); c != nil && ref.Version != c.Version {
			t.Errorf("checklist %s pinned at v%d after the update, want v%d", ref.ID, ref.Version, c.Version)
		}
	}
	if out := assessment.Outdated(v2, a); len(out) != 0 {
		t.Errorf("still outdated after the update: %v", out)
	}
}

// The demo answers every question its profile and systems scope in, the second edition's new
// questions included.
func TestDemoAnswersEveryScopedQuestion(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	set := builtinSet(t)
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	systems, err := s.Systems(ctx, a.CompanyID)
	if err != nil {
		t.Fatal(err)
	}
	answers, err := s.Answers(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	scoped := 0
	for _, sc := range set.Scope(assessment.Facts(a.Profile, systems)) {
		if !sc.Applies {
			continue
		}
		scoped++
		if ans, ok := answers[sc.Question.ID]; !ok || ans.QuestionHash != sc.Question.Fingerprint() {
			t.Errorf("%s is in scope but the demo has no answer for its current wording", sc.Question.ID)
		}
	}
	// New in the second edition and in the demo's scope (employees, recruitment, Business Central,
	// Danløn as payroll system).
	for _, qid := range []string{"payroll.working-time", "payroll.portal-leavers", "hr.whistleblower",
		"hr.ai-recruitment", "erp.bc-eu-data-boundary", "erp.bc-excel-export", "purchasing.bank-account-changes"} {
		if _, ok := answers[qid]; !ok {
			t.Errorf("the demo does not answer the new question %s", qid)
		}
	}
	if scoped != len(answers) {
		t.Errorf("%d answers for %d questions in scope", len(answers), scoped)
	}
}

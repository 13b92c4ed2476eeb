package assessment

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// TestSecondInstanceWaitsThenSaysBusy: while one window holds the database for a write, another
// waits for it (SQLite's busy timeout) and saves once it is free; held longer than the timeout,
// the save fails with a message that says why, and neither window's data is harmed.
func TestSecondInstanceWaitsThenSaysBusy(t *testing.T) {
	// A shorter timeout than the app's keeps the test under a second; the behaviour does not
	// depend on its length. Both stores open after the change, so both connection strings carry it.
	saved := busyTimeout
	busyTimeout = 400 * time.Millisecond
	t.Cleanup(func() { busyTimeout = saved })
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	// One question is all a save needs; parsing the built-ins would cost more than the test.
	set := checklists.NewSet([]*checklists.Checklist{{ID: "basis", Version: 1, Area: "basis",
		Questions: []checklists.Question{{ID: "basis.records", Weight: 2}}}})
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	c := Company{Name: "Fælles Database ApS", Contact: "Søren Åkjær"}
	if err := first.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a := Assessment{CompanyID: c.ID, Title: "To vinduer"}
	if err := first.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	id := a.ID
	second, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	qid := "basis.records"

	// hold starts a write in the first instance and ends it after d.
	hold := func(d time.Duration) <-chan error {
		tx, err := first.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE companies SET contact = 'held' WHERE id = (SELECT company_id FROM assessments WHERE id = ?)`, id); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			time.Sleep(d)
			done <- tx.Commit()
		}()
		return done
	}

	released := hold(busyTimeout / 4)
	start := time.Now()
	ans := Answer{AssessmentID: id, QuestionID: qid, Value: Partly, Note: "gemt efter ventetid"}
	if err := second.SaveAnswer(ctx, set, &ans); err != nil {
		t.Fatalf("a save while the other instance writes briefly should wait and succeed: %v", err)
	}
	if waited := time.Since(start); waited < busyTimeout/8 {
		t.Errorf("the save did not wait for the other instance (%v)", waited)
	}
	if err := <-released; err != nil {
		t.Fatal(err)
	}

	released = hold(busyTimeout + busyTimeout/2)
	ans.Note = "skal ikke gemmes"
	err = second.SaveAnswer(ctx, set, &ans)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.ID != "store.busy" {
		t.Fatalf("save while held past the timeout: %v, want store.busy", err)
	}
	if err := <-released; err != nil {
		t.Fatalf("the first instance's write was harmed: %v", err)
	}
	answers, err := first.Answers(ctx, id)
	if err != nil || answers[qid].Note != "gemt efter ventetid" {
		t.Errorf("after the busy refusal the answer is %q (%v), want the one saved before", answers[qid].Note, err)
	}
	if err := second.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

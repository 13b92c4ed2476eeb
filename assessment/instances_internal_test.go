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
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	id, err := first.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	qid := set.Checklists[0].Questions[0].ID

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

	released := hold(500 * time.Millisecond)
	start := time.Now()
	ans := Answer{AssessmentID: id, QuestionID: qid, Value: Partly, Note: "gemt efter ventetid"}
	if err := second.SaveAnswer(ctx, set, &ans); err != nil {
		t.Fatalf("a save while the other instance writes briefly should wait and succeed: %v", err)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("the save did not wait for the other instance (%v)", waited)
	}
	if err := <-released; err != nil {
		t.Fatal(err)
	}

	released = hold(busyTimeout + 1500*time.Millisecond)
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

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// TestTwoProgramsOnOneDatabase runs two copies of the program at once, each answering questions
// in the same database, as a window and a command would: every save either process reported
// is there, and the database is intact.
func TestTwoProgramsOnOneDatabase(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "shared.db")
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	store, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := assessment.Company{Name: "Fælles Database ApS"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{CompanyID: c.ID, Title: "To vinduer"}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}

	var questions []string
	for _, cl := range set.Checklists {
		for _, q := range cl.Questions {
			questions = append(questions, q.ID)
		}
	}
	const perProgram = 15
	if len(questions) < 2*perProgram {
		t.Fatalf("only %d questions", len(questions))
	}
	var wg sync.WaitGroup
	failures := make(chan string, 2*perProgram)
	for p := range 2 {
		wg.Go(func() {
			for i := range perProgram {
				qid := questions[p*perProgram+i]
				cmd := childCommand("answer", "--db", db, "--assessment", fmt.Sprint(a.ID), "--question", qid,
					"--value", "partly", "--note", fmt.Sprintf("program %d, svar %d", p, i))
				if out, err := cmd.CombinedOutput(); err != nil {
					failures <- fmt.Sprintf("program %d, %s: %v\n%s", p, qid, err, out)
				}
			}
		})
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	answers, err := store.Answers(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(answers) != 2*perProgram {
		t.Errorf("%d answers saved, want %d", len(answers), 2*perProgram)
	}
	for p := range 2 {
		for i := range perProgram {
			if got := answers[questions[p*perProgram+i]].Note; got != fmt.Sprintf("program %d, svar %d", p, i) {
				t.Errorf("program %d answer %d: note %q", p, i, got)
			}
		}
	}
	if err := store.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

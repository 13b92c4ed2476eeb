package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// journeySet has 25 questions, five of them only for companies with an ERP system.
func journeySet() *checklists.Set {
	var qs []checklists.Question
	for i := 1; i <= 25; i++ {
		q := checklists.Question{ID: fmt.Sprintf("j.q%02d", i), Weight: 1 + i%3, Refs: []string{"GDPR art. 5"},
			Text:        text(fmt.Sprintf("Dansk spørgsmål %d?", i), fmt.Sprintf("English question %d?", i)),
			Guidance:    text("Vejledning", "Guidance"),
			Remediation: text(fmt.Sprintf("Ret %d", i), fmt.Sprintf("Fix %d", i))}
		if i > 20 {
			q.AppliesWhen = []string{"system:erp"}
		}
		qs = append(qs, q)
	}
	return checklists.NewSet([]*checklists.Checklist{{ID: "j", Version: 1, Area: "j", Title: text("Rejse", "Journey"), Questions: qs}})
}

// overlayObjects walks the open dialogs.
func overlayObjects(u *UI, visit func(fyne.CanvasObject)) {
	for _, o := range u.win.Canvas().Overlays().List() {
		objects(o, visit)
	}
}

func overlayButton(t *testing.T, u *UI, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	overlayObjects(u, func(o fyne.CanvasObject) {
		if b, ok := asButton(o); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no dialog button %q", label)
	}
	return found
}

// TestUserJourney drives the whole app as a consultant would: new company, a system, scoping,
// 20 answers by keyboard, results, and a saved report.
func TestUserJourney(t *testing.T) {
	a := test.NewTempApp(t)
	store, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "journey.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	u := New(a, Config{Store: store, Checklists: journeySet(), Lang: i18n.English, Version: "test"})
	ctx := context.Background()

	test.Tap(findButton(t, u, "New company"))
	test.Type(entries(u)[0], "Ærø Æbler ApS")
	test.Tap(findButton(t, u, "Create company"))

	// An ERP system through the inventory dialog (it opens with ERP and Business Central chosen).
	test.Tap(findButton(t, u, "Add system"))
	test.Tap(overlayButton(t, u, "Save"))
	companies, _ := store.Companies(ctx)
	systems, err := store.Systems(ctx, companies[0].ID)
	if err != nil || len(systems) != 1 || systems[0].Kind != "erp" || systems[0].Product != "business-central" {
		t.Fatalf("system not saved: %+v %v", systems, err)
	}

	test.Tap(findButton(t, u, "New assessment"))
	if !hasLabel(u, "25 questions apply") {
		t.Error("with an ERP system all 25 questions should apply")
	}
	test.Tap(findButton(t, u, "Start the assessment"))

	c := u.win.Canvas()
	for i := 0; i < 20; i++ {
		c.OnTypedRune()(rune('1' + i%5))
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	}
	list, _ := store.Assessments(ctx, companies[0].ID)
	answers, err := store.Answers(ctx, list[0].ID)
	if err != nil || len(answers) != 20 {
		t.Fatalf("the database holds %d answers, want 20 (%v)", len(answers), err)
	}
	for i := 0; i < 20; i++ {
		id := fmt.Sprintf("j.q%02d", i+1)
		if want := assessment.Values[i%5]; answers[id].Value != want {
			t.Errorf("%s = %s, want %s", id, answers[id].Value, want)
		}
	}

	test.Tap(findButton(t, u, "Results"))
	if !hasLabel(u, "20 of 25 questions answered.") {
		t.Error("the results screen should count 20 of 25 answered")
	}

	path := filepath.Join(t.TempDir(), ReportFileName("Ærø Æbler ApS", i18n.Danish))
	u.writeReport(path, list[0].ID, reports.Options{Lang: i18n.Danish})
	u.work.Wait()
	if info, err := os.Stat(path); err != nil || info.Size() < 1000 {
		t.Fatalf("no report written: %v", err)
	}
}

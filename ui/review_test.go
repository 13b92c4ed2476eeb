package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func typeInto(t *testing.T, u *UI, placeholder, text string) {
	t.Helper()
	for _, e := range entries(u) {
		if e.PlaceHolder == placeholder {
			test.Type(e, text)
			return
		}
	}
	t.Fatalf("no field %q", placeholder)
}

// The partner's path: submit, start the review, comment, approve; the approved assessment is
// read-only until it is reopened with a reason.
func TestReviewApproveAndReopen(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	ctx := context.Background()
	_, a := newAssessment(t, store)
	u.showReview(a.ID)
	typeInto(t, u, "Your name", "Pia Partner")
	test.Tap(findButton(t, u, "Submit for review"))
	test.Tap(findButton(t, u, "Start review"))
	typeInto(t, u, "Comment", "Mangler fortegnelse for løn")
	typeInto(t, u, "Organisation", "Nordlys IT ApS")
	test.Tap(findButton(t, u, "Add comment"))
	test.Tap(findButton(t, u, "Approve"))

	got, err := store.Assessment(ctx, a.ID)
	if err != nil || got.Status != assessment.Approved {
		t.Fatalf("status after approval: %v %v", got.Status, err)
	}
	snap, _ := store.Snapshot(ctx, a.ID)
	if len(snap.Comments) != 1 || snap.Comments[0].Author != "Pia Partner (Nordlys IT ApS)" || len(snap.SignOffs) != 1 ||
		snap.SignOffs[0].Reviewer != "Pia Partner" || snap.SignOffs[0].Organisation != "Nordlys IT ApS" {
		t.Errorf("comment and sign-off: %+v %+v", snap.Comments, snap.SignOffs)
	}

	u.showQuestionnaire(a.ID)
	if !hasLabel(u, "Approved by Pia Partner (Nordlys IT ApS)") {
		t.Error("an approved assessment must say who approved it")
	}
	u.win.Canvas().OnTypedRune()('1')
	if answers, _ := store.Answers(ctx, a.ID); len(answers) != 0 {
		t.Error("a key press changed an approved assessment")
	}

	u.showReview(a.ID)
	test.Tap(findButton(t, u, "Reopen"))
	var reason *widget.Entry
	overlayObjects(u, func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok {
			reason = e
		}
	})
	test.Type(reason, "Ny løn-leverandør")
	test.Tap(overlayButton(t, u, "Reopen"))
	changes, err := store.StatusChanges(ctx, a.ID)
	if err != nil || len(changes) == 0 || changes[len(changes)-1].Note != "Ny løn-leverandør" {
		t.Errorf("the reopening and its reason must be on record: %+v %v", changes, err)
	}
}

// A partner imports the company's file twice: the second time the app offers to merge or to
// replace, and replaces only when told to.
func TestImportAsksBeforeReplacing(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	ctx := context.Background()
	_, a := newAssessment(t, store)
	data := exchangeOf(t, store, a.ID)
	// Answer after the export: replacing with the file's version must take the answer away.
	ans := assessment.Answer{AssessmentID: a.ID, QuestionID: "basis.records", Value: assessment.Yes}
	if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
		t.Fatal(err)
	}
	u.importData(data, "", false)
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("importing an assessment that exists should ask before replacing it")
	}
	overlayButton(t, u, "Flet")
	test.Tap(overlayButton(t, u, "Erstat"))
	list, _ := store.Assessments(ctx, 0)
	if len(list) != 1 || list[0].UID != a.UID {
		t.Fatalf("after replacing: %+v", list)
	}
	if answers, _ := store.Answers(ctx, list[0].ID); len(answers) != 0 {
		t.Errorf("the file's version (no answers) should have replaced the assessment, found %d answers", len(answers))
	}
	if !hasLabel(u, "Status: Kladde") {
		t.Error("the import should open the review screen")
	}
}

func TestRecoveryExplainsAndOffersAnotherDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	cause := i18n.NewError("store.not_a_database", i18n.Args{"Path": "/tmp/x.db"}, nil)
	w := ShowRecovery(a, Config{Checklists: fixtureSet(), Lang: i18n.Danish}, cause, nil)
	var texts []string
	objects(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			texts = append(texts, x.Text)
		}
	})
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"/tmp/x.db er ikke en GDPR-tjek-database", "Filen er ikke ændret", "Åbn en anden database", "Start en ny database"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the recovery window lacks %q:\n%s", want, joined)
		}
	}
}

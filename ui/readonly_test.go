package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// approvedAssessment is a company with two systems and an assessment with answers and a note,
// submitted and approved by a partner.
func approvedAssessment(t *testing.T, store *assessment.Store, u *UI) (assessment.Company, assessment.Assessment) {
	t.Helper()
	ctx := context.Background()
	c, a := newAssessment(t, store, "employees")
	sys := assessment.System{CompanyID: c.ID, Kind: "erp", Product: "business-central", Partner: "Nordlys IT ApS"}
	if err := store.SaveSystem(ctx, &sys); err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]assessment.Value{"basis.records": assessment.No, "basis.training": assessment.Partly} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: v, Note: "Kun for løn", Owner: "Birthe Østergård", Due: "2027-01-31"}
		if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SetStatus(ctx, a.ID, assessment.Submitted, "Søren"); err != nil {
		t.Fatal(err)
	}
	if err := store.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Pia Partner", Organisation: "Nordlys IT ApS",
		Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	return c, a
}

func labelsIn(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	objects(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l)
		}
	})
	return out
}

// TestReadOnlyQuestionnaireShowsChosenAnswer: an approved assessment shows its answer marked
// among the others dimmed, the note and owner as text, who approved it, and no key hints.
func TestReadOnlyQuestionnaireShowsChosenAnswer(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	_, a := approvedAssessment(t, store, u)
	for _, show := range []func(int64){u.showQuestionnaire, u.showWorkshop} {
		show(a.ID) // the first question, basis.records, is answered No
		var chosen, dimmed []string
		texts := []string{}
		for _, l := range labelsIn(u.win.Content()) {
			texts = append(texts, l.Text)
			for _, v := range assessment.Values {
				if l.Text != u.T("value."+string(v)) {
					continue
				}
				switch {
				case l.TextStyle.Bold && l.Importance != widget.LowImportance:
					chosen = append(chosen, l.Text)
				case l.Importance == widget.LowImportance:
					dimmed = append(dimmed, l.Text)
				}
			}
		}
		if !slices.Equal(chosen, []string{"No"}) || len(dimmed) != len(assessment.Values)-1 {
			t.Errorf("chosen %v, dimmed %v; want No marked and the other four dimmed", chosen, dimmed)
		}
		joined := strings.Join(texts, "\n")
		for _, want := range []string{"Approved by Pia Partner (Nordlys IT ApS)", "reopen it", "Kun for løn"} {
			if !strings.Contains(joined, want) {
				t.Errorf("the read-only screen lacks %q:\n%s", want, joined)
			}
		}
		if strings.Contains(joined, "1–5") || strings.Contains(joined, "1 · ") {
			t.Errorf("a read-only screen shows key hints for answering:\n%s", joined)
		}
		u.endWorkshopMode()
	}
	// Typing into the screen changes nothing and pops no error.
	u.showQuestionnaire(a.ID)
	u.win.Canvas().OnTypedRune()('1')
	if answers, _ := store.Answers(context.Background(), a.ID); answers["basis.records"].Value != assessment.No {
		t.Errorf("a key press changed an approved answer: %+v", answers["basis.records"])
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("typing on a read-only screen opened %d dialogs", n)
	}
}

// nonEditing are the controls a read-only screen may have: moving around, looking things up,
// saving reports and files, the review steps, the company's details and report branding; none
// of them changes an answer, a note, an action, the participants or a system.
var nonEditing = map[i18n.Lang][]string{
	i18n.English: {"Start", "About", "Back", "Previous", "Next", "Results", "Save report (PDF)", "Workshop mode",
		"Leave workshop (Esc)", "Open", "Review", "Compare rounds", "Action plan as CSV (Excel)", "Edit details", "Logos and colours",
		"Guidance and legal references", "Export all data held about the company (not for the partner) …", "Exchange file for the partner …", "Exchange file back to the company …", "Exchange file …", "Documents from the data map …", "Delete the company and all its data", "New assessment",
		"Search questions (Ctrl+F)", "select:All questions", "Show guidance"},
}

// TestNothingLooksEditableAfterApproval walks every screen of an approved assessment: every
// entry, select and button found must be in nonEditing (the top bar's theme and language
// choices aside). A disabled field counts too: it still looks like a field.
func TestNothingLooksEditableAfterApproval(t *testing.T) {
	u, store := newTestUIWith(t, i18n.English, partnerSet())
	c, a := approvedAssessment(t, store, u)
	allowed := nonEditing[i18n.English]
	screens := map[string]func(){
		"questionnaire": func() { u.showQuestionnaire(a.ID) },
		"workshop":      func() { u.showWorkshop(a.ID) },
		"results":       func() { u.showResults(a.ID) },
		"company":       func() { u.showCompany(c.ID) },
		"partner tasks": func() { u.showPartnerTasks(a.ID) },
	}
	for name, show := range screens {
		show()
		objects(u.win.Content(), func(o fyne.CanvasObject) {
			var what string
			if x, ok := asEntry(o); ok {
				what = x.PlaceHolder
				if x.Password || x.MultiLine {
					what = "multi-line:" + x.PlaceHolder
				}
			} else if x, ok := asSelect(o); ok {
				if strings.HasPrefix(x.Selected, "Theme:") || x.Selected == "English" || x.Selected == "Dansk" {
					return
				}
				what = "select:" + x.Selected
			} else if x, ok := asButton(o); ok {
				what = x.Text
			} else {
				return
			}
			if !slices.Contains(allowed, what) {
				t.Errorf("%s: %T %q looks editable on an approved assessment", name, o, what)
			}
		})
		u.endWorkshopMode()
	}
}

// TestReviewNeedsAndRemembersWho: a comment without a name or organisation is refused before
// anything is saved; the name and organisation stay after each action and come back in a new
// session; a comment on a question is headed by the question.
func TestReviewNeedsAndRemembersWho(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	ctx := context.Background()
	_, a := newAssessment(t, store)
	u.showReview(a.ID)
	typeInto(t, u, "Comment", "Mangler fortegnelse")
	test.Tap(findButton(t, u, "Add comment"))
	if snap, _ := store.Snapshot(ctx, a.ID); len(snap.Comments) != 0 {
		t.Fatalf("a comment without an author was saved: %+v", snap.Comments)
	}
	if !overlayHasLabel(u, "Give your name first") {
		t.Error("no message asking for the name")
	}
	dismissOverlays(u)
	typeInto(t, u, "Your name", "Pia Partner")
	test.Tap(findButton(t, u, "Add comment"))
	if !overlayHasLabel(u, "Give your organisation too") {
		t.Error("no message asking for the organisation")
	}
	dismissOverlays(u)
	typeInto(t, u, "Organisation", "Nordlys IT ApS")
	var about *widget.Select
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := asSelect(o); ok && s.Selected == "The whole assessment" {
			about = s
		}
	})
	if about == nil {
		t.Fatal("no choice of what the comment is about")
	}
	about.SetSelected("Do you keep records of processing?")
	test.Tap(findButton(t, u, "Add comment"))
	snap, _ := store.Snapshot(ctx, a.ID)
	if len(snap.Comments) != 1 || snap.Comments[0].Author != "Pia Partner (Nordlys IT ApS)" || snap.Comments[0].QuestionID != "basis.records" {
		t.Fatalf("comment: %+v", snap.Comments)
	}
	if !hasLabel(u, "on “Do you keep records of processing?”") || hasLabel(u, "?:") {
		t.Error("a comment on a question should be headed by the question, not run into it")
	}
	// After the action and in a new window on the same preferences, the fields are filled.
	for _, screen := range []*UI{u, New(u.app, u.cfg)} {
		screen.showReview(a.ID)
		got := map[string]string{}
		for _, e := range entries(screen) {
			got[e.PlaceHolder] = e.Text
		}
		if got["Your name"] != "Pia Partner" || got["Organisation"] != "Nordlys IT ApS" {
			t.Errorf("name and organisation not remembered: %v", got)
		}
	}
}

func overlayHasLabel(u *UI, substr string) bool {
	found := false
	overlayObjects(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, substr) {
			found = true
		}
	})
	return found
}

func dismissOverlays(u *UI) {
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
}

// TestSubmittedIsLockedUntilTakenBack: a submitted assessment is read-only with who submitted
// it and how to change it; taking it back to draft on the review screen makes it editable.
func TestSubmittedIsLockedUntilTakenBack(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	_, a := newAssessment(t, store)
	u.showReview(a.ID)
	typeInto(t, u, "Your name", "Søren Åkjær")
	test.Tap(findButton(t, u, "Submit for review"))
	u.showQuestionnaire(a.ID)
	if !hasLabel(u, "Submitted for review by Søren Åkjær") || !hasLabel(u, "take it back to draft") {
		t.Error("a submitted assessment should say who submitted it and how to change it")
	}
	for _, e := range entries(u) {
		if e.PlaceHolder == "Owner" {
			t.Error("a submitted assessment shows an owner field")
		}
	}
	u.showReview(a.ID)
	if !hasLabel(u, "Withdraws the submission") {
		t.Error("the step back to draft should be explained where it is chosen")
	}
	test.Tap(findButton(t, u, "Take back to draft"))
	if got, _ := store.Assessment(context.Background(), a.ID); got.Status != assessment.Draft {
		t.Fatalf("status %s after taking it back", got.Status)
	}
	u.showQuestionnaire(a.ID)
	findButton(t, u, "1 · Yes")
}

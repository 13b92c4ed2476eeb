package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

func newTestUIWith(t *testing.T, lang i18n.Lang, set *checklists.Set) (*UI, *assessment.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return New(a, Config{Store: store, Checklists: set, Lang: lang, Version: "test"}), store
}

func exchangeOf(t *testing.T, store *assessment.Store, id int64) []byte {
	t.Helper()
	snap, err := store.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// roundTrip is the hand-over on two databases: the company answers and exports; the partner
// imports, responds to a task, comments and returns the assessment; meanwhile the company
// changes an answer. It returns the company's UI, its store and assessment, and the partner's
// returned file.
func roundTrip(t *testing.T, lang i18n.Lang) (*UI, *assessment.Store, assessment.Assessment, []byte) {
	t.Helper()
	ctx := context.Background()
	set := partnerSet()
	company, companyStore := newTestUIWith(t, lang, set)
	_, a := newAssessment(t, companyStore)
	for id, v := range map[string]assessment.Value{"basis.records": assessment.No, "basis.dpa": assessment.Partly} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: v, UpdatedBy: "Søren"}
		if err := companyStore.SaveAnswer(ctx, set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	if err := companyStore.SetStatus(ctx, a.ID, assessment.Submitted, "Søren"); err != nil {
		t.Fatal(err)
	}
	sent := exchangeOf(t, companyStore, a.ID)

	partner, partnerStore := newTestUIWith(t, lang, set)
	(&fakeFiles{dir: t.TempDir()}).install(partner, sent)
	partner.importExchange()
	list, _ := partnerStore.Assessments(ctx, 0)
	if len(list) != 1 {
		t.Fatalf("the partner's import: %+v", list)
	}
	pid := list[0].ID
	if err := partnerStore.SaveResponse(ctx, set, &assessment.Response{AssessmentID: pid, QuestionID: "basis.records",
		Decision: assessment.DecisionAccepted, Hours: 6.5, Planned: "2027-02-01", Comment: "Opsættes i BC", By: "Pia Partner"}); err != nil {
		t.Fatal(err)
	}
	if err := partnerStore.AddComment(ctx, &assessment.Comment{AssessmentID: pid, QuestionID: "basis.dpa", Author: "Pia Partner",
		Body: "Mangler aftale med Danløn"}); err != nil {
		t.Fatal(err)
	}
	if err := partnerStore.SignOff(ctx, &assessment.SignOff{AssessmentID: pid, Reviewer: "Pia Partner", Organisation: "Nordlys IT ApS",
		Decision: assessment.Returned}); err != nil {
		t.Fatal(err)
	}
	returned := exchangeOf(t, partnerStore, pid)

	// Meanwhile the company takes the assessment back and changes an answer.
	if err := companyStore.SetStatus(ctx, a.ID, assessment.Draft, "Søren"); err != nil {
		t.Fatal(err)
	}
	ans := assessment.Answer{AssessmentID: a.ID, QuestionID: "basis.records", Value: assessment.Yes, Note: "Fortegnelse lavet", UpdatedBy: "Søren"}
	if err := companyStore.SaveAnswer(ctx, set, &ans); err != nil {
		t.Fatal(err)
	}
	return company, companyStore, a, returned
}

// TestMergeShowsResultAndSettlesConflicts: importing the partner's file offers merge; the
// merge says what it added, lists the changed answer as a conflict with both versions, and
// each conflict is settled on its own; merging the same file again adds nothing.
func TestMergeShowsResultAndSettlesConflicts(t *testing.T) {
	ctx := context.Background()
	u, store, a, returned := roundTrip(t, i18n.English)
	(&fakeFiles{dir: t.TempDir()}).install(u, returned)
	u.importExchange()
	test.Tap(overlayButton(t, u, "Merge"))
	said := overlayText(u)
	if !strings.Contains(said, "Added 1 comment, 1 sign-off and 1 partner response; 1 conflict.") {
		t.Errorf("the merge should say what it added:\n%s", said)
	}
	dismissOverlays(u)
	for _, want := range []string{"Do you keep records of processing?", "Yours: Yes – Fortegnelse lavet", "The file's: No (Søren"} {
		if !hasLabel(u, want) {
			t.Errorf("the conflict list lacks %q", want)
		}
	}
	if answers, _ := store.Answers(ctx, a.ID); answers["basis.records"].Value != assessment.Yes {
		t.Error("the merge changed a local answer")
	}
	test.Tap(findButton(t, u, "Take the file's"))
	if answers, _ := store.Answers(ctx, a.ID); answers["basis.records"].Value != assessment.No {
		t.Errorf("taking the file's answer: %+v", answers["basis.records"])
	}
	if !hasLabel(u, "No conflicts left") {
		t.Error("a settled conflict should leave the list")
	}
	snap, _ := store.Snapshot(ctx, a.ID)
	if len(snap.Comments) != 1 || len(snap.Responses) != 1 || snap.Assessment.Status != assessment.Returned {
		t.Errorf("after the merge: %d comments, %d responses, status %s", len(snap.Comments), len(snap.Responses), snap.Assessment.Status)
	}

	u.importExchange()
	test.Tap(overlayButton(t, u, "Merge"))
	if said := overlayText(u); !strings.Contains(said, "The file brought nothing new") {
		t.Errorf("a second merge of the same file should add nothing:\n%s", said)
	}
}

// TestKeepMineSettlesWithoutChange: keeping the local answer settles the conflict and leaves
// the answer as it was.
func TestKeepMineSettlesWithoutChange(t *testing.T) {
	ctx := context.Background()
	u, store, a, returned := roundTrip(t, i18n.Danish)
	if _, err := store.MergeExchange(ctx, u.set, returned, ""); err != nil {
		t.Fatal(err)
	}
	u.showResults(a.ID)
	if !hasLabel(u, "1 svar fra en flettet fil mangler at blive afgjort") {
		t.Error("the results screen should say that a conflict waits")
	}
	test.Tap(findButton(t, u, "Afgør konflikter"))
	test.Tap(findButton(t, u, "Behold mit"))
	if answers, _ := store.Answers(ctx, a.ID); answers["basis.records"].Value != assessment.Yes {
		t.Errorf("keeping mine changed the answer: %+v", answers["basis.records"])
	}
	if c, _ := store.Conflicts(ctx, a.ID); len(c) != 0 {
		t.Errorf("conflicts left: %+v", c)
	}
}

// TestPartnerTasksByKeyboard: the partner works down the task list with the keyboard – the
// decision with the arrow keys, then Tab to hours, planned date and comment – and each row is
// saved as it is filled in; the company then sees the response on its results screen.
func TestPartnerTasksByKeyboard(t *testing.T) {
	ctx := context.Background()
	set := partnerSet()
	u, store := newTestUIWith(t, i18n.English, set)
	_, a := newAssessment(t, store)
	for id, v := range map[string]assessment.Value{"basis.records": assessment.No, "basis.dpa": assessment.Partly, "basis.training": assessment.No} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: v}
		if err := store.SaveAnswer(ctx, set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	u.showReview(a.ID)
	test.Tap(findButton(t, u, "Partner tasks"))
	for _, want := range []string{"No system in particular – estimated 0 h", "Set up basis.records in the ERP", "Set up basis.dpa in the ERP"} {
		if !hasLabel(u, want) {
			t.Errorf("the task list lacks %q", want)
		}
	}
	if hasLabel(u, "Do staff get GDPR training?") {
		t.Error("a gap without a partner action is not the partner's task")
	}
	var selects []*widget.Select
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := asSelect(o); ok && slices.Contains(s.Options, u.T("decision.accepted")) {
			selects = append(selects, s)
		}
	})
	if len(selects) != 2 {
		t.Fatalf("%d decision fields, want one per task", len(selects))
	}
	c := u.win.Canvas()
	if name, ok := c.Focused().(*keyEntry); !ok || name.PlaceHolder != "Your name" {
		t.Errorf("without a name, the list should open with the name field focused, not %T", c.Focused())
	}
	// Without a name nothing is saved, and the row says why.
	c.Focus(selects[0])
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if snap, _ := store.Snapshot(ctx, a.ID); len(snap.Responses) != 0 || !hasLabel(u, "Give your name above to save") {
		t.Fatalf("a response without a name: %+v", snap.Responses)
	}
	typeInto(t, u, "Your name", "Pia Partner")
	c.Focus(selects[0])
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // Accepted → Needs clarification
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})  // back to Accepted
	c.FocusNext()
	test.Type(c.Focused(), "6.5")
	c.FocusNext()
	test.Type(c.Focused(), "2027-02-01")
	c.FocusNext()
	test.Type(c.Focused(), "Opsættes i BC")
	snap, _ := store.Snapshot(ctx, a.ID)
	r, ok := snap.Responses["basis.records"]
	if !ok || r.Decision != assessment.DecisionAccepted || r.Hours != 6.5 || r.Planned != "2027-02-01" || r.Comment != "Opsættes i BC" || r.By != "Pia Partner" {
		t.Fatalf("response saved as %+v", r)
	}
	if !hasLabel(u, "estimated 6.5 h") {
		t.Error("the group's total should follow the estimates")
	}
	// A bad estimate is not saved and pops no dialog.
	c.Focus(selects[1])
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	c.FocusNext()
	test.Type(c.Focused(), "x")
	if !hasLabel(u, "“x” is not a number of hours") || len(c.Overlays().List()) != 0 {
		t.Error("a bad estimate should be explained in its row, without a dialog")
	}

	u.showPartnerTasks(a.ID)
	if c.Focused() != fyne.Focusable(firstDecision(u)) {
		t.Errorf("with a name, the list should open on the first decision, not %T", c.Focused())
	}

	u.showResults(a.ID)
	if !hasLabel(u, "Partner: Accepted · 6.5 h · planned 2027-02-01 · “Opsættes i BC” (Pia Partner") {
		t.Error("the results screen should show the partner's response")
	}
}

func firstDecision(u *UI) *widget.Select {
	var first *widget.Select
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := asSelect(o); ok && first == nil && slices.Contains(s.Options, u.T("decision.accepted")) {
			first = s
		}
	})
	return first
}

// TestMergeSummaryNamesWhatCame: the message after a merge names only what the file brought.
func TestMergeSummaryNamesWhatCame(t *testing.T) {
	u, _ := newTestUI(t, i18n.Danish)
	for _, tt := range []struct {
		res  assessment.MergeResult
		want string
	}{
		{assessment.MergeResult{Responses: 1}, "Tilføjet 1 partnersvar."},
		{assessment.MergeResult{Comments: 2, Responses: 3}, "Tilføjet 2 kommentarer og 3 partnersvar."},
		{assessment.MergeResult{SignOffs: 1, Conflicts: make([]assessment.Conflict, 2)}, "Tilføjet 1 godkendelse; 2 konflikter."},
		{assessment.MergeResult{Conflicts: make([]assessment.Conflict, 1)}, "1 konflikt."},
	} {
		if got := u.mergeSummary(tt.res); got != tt.want {
			t.Errorf("mergeSummary(%+v) = %q, want %q", tt.res, got, tt.want)
		}
	}
}

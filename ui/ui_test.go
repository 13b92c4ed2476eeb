package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

func text(da, en string) checklists.Text { return checklists.Text{DA: da, EN: en} }

// fixtureSet is a small checklist set, so the flows do not depend on the built-in content.
func fixtureSet() *checklists.Set {
	q := func(id, da, en string, conds ...string) checklists.Question {
		return checklists.Question{ID: id, Text: text(da, en), Guidance: text("Vejledning til "+id, "Guidance for "+id),
			Remediation: text("Ret "+id, "Fix "+id), Refs: []string{"GDPR art. 30"}, Weight: 2, AppliesWhen: conds}
	}
	return checklists.NewSet([]*checklists.Checklist{{
		ID: "basis", Version: 1, Area: "basis", Title: text("Grundlag", "Basics"),
		Questions: []checklists.Question{
			q("basis.records", "Har I en fortegnelse over behandlinger?", "Do you keep records of processing?"),
			q("basis.training", "Får medarbejderne undervisning i GDPR?", "Do staff get GDPR training?", "employees"),
			q("basis.dpa", "Har I databehandleraftaler med alle leverandører?", "Do you have processor agreements with every vendor?"),
		},
	}})
}

func newTestUI(t *testing.T, lang i18n.Lang) (*UI, *assessment.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	u := New(a, Config{Store: store, Checklists: fixtureSet(), Lang: lang, Version: "test"})
	return u, store
}

// objects walks the visible tree below o: containers' children and widgets' rendered parts.
func objects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			objects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			objects(c, visit)
		}
	}
}

// asButton, asSelect and asEntry see the app's key-aware widgets (keys.go) as Fyne's.
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *keyButton:
		return &b.Button, true
	}
	return nil, false
}

func asSelect(o fyne.CanvasObject) (*widget.Select, bool) {
	switch s := o.(type) {
	case *widget.Select:
		return s, true
	case *keySelect:
		return &s.Select, true
	}
	return nil, false
}

func asEntry(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e, true
	case *keyEntry:
		return &e.Entry, true
	}
	return nil, false
}

func findButton(t *testing.T, u *UI, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := asButton(o); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q on screen", label)
	}
	return found
}

func entries(u *UI) []*widget.Entry {
	var out []*widget.Entry
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok {
			out = append(out, e)
		}
	})
	return out
}

func hasLabel(u *UI, substr string) bool {
	found := false
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, substr) {
			found = true
		}
		if l, ok := o.(*hoverLabel); ok && strings.Contains(l.Text, substr) {
			found = true
		}
	})
	return found
}

func TestCompanyToAnswersByKeyboard(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	ctx := context.Background()

	test.Tap(findButton(t, u, "Ny virksomhed"))
	fields := entries(u)
	test.Type(fields[0], "Æblegården ApS")
	test.Type(fields[1], "38745123")
	test.Tap(findButton(t, u, "Opret virksomhed"))

	companies, err := store.Companies(ctx)
	if err != nil || len(companies) != 1 || companies[0].Name != "Æblegården ApS" || companies[0].CVR != "38745123" {
		t.Fatalf("company not saved as typed: %+v %v", companies, err)
	}
	if !hasLabel(u, "Æblegården ApS") {
		t.Error("the company screen does not show the company")
	}

	test.Tap(findButton(t, u, "Ny gennemgang"))
	if !hasLabel(u, "2 spørgsmål gælder") {
		t.Error("the scoping screen should count 2 questions without employees")
	}
	test.Tap(findButton(t, u, "Start gennemgangen"))

	// Answer by keyboard: 1 = yes, arrow down, 3 = no.
	c := u.win.Canvas()
	c.OnTypedRune()('1')
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	c.OnTypedRune()('3')

	list, err := store.Assessments(ctx, companies[0].ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("assessments: %v %v", list, err)
	}
	answers, err := store.Answers(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if answers["basis.records"].Value != assessment.Yes || answers["basis.dpa"].Value != assessment.No || len(answers) != 2 {
		t.Errorf("answers saved: %+v", answers)
	}
	if !hasLabel(u, "Gemt") {
		t.Error("no saved indicator after answering")
	}
}

func TestInvalidCVRChangesNothing(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	test.Tap(findButton(t, u, "New company"))
	fields := entries(u)
	test.Type(fields[0], "Bad CVR ApS")
	test.Type(fields[1], "12345678")
	if err := fields[1].Validate(); err == nil || !strings.Contains(err.Error(), "modulus-11") {
		t.Errorf("the CVR field should explain the check, got %v", err)
	}
	test.Tap(findButton(t, u, "Create company"))
	if companies, _ := store.Companies(context.Background()); len(companies) != 0 {
		t.Errorf("a company with an invalid CVR was saved: %+v", companies)
	}
}

func TestLanguageSwitchesAtOnce(t *testing.T) {
	u, _ := newTestUI(t, i18n.Danish)
	findButton(t, u, "Ny virksomhed")
	var sel *widget.Select
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := asSelect(o); ok && sel == nil && slices.Contains(s.Options, "English") {
			sel = s
		}
	})
	if sel == nil {
		t.Fatal("no language selector")
	}
	if got := lang.L("Cancel"); got != "Annullér" {
		t.Errorf("Fyne's own texts in Danish: Cancel = %q", got)
	}
	sel.SetSelectedIndex(1)
	findButton(t, u, "New company")
	if got := lang.L("Cancel"); got != "Cancel" {
		t.Errorf("Fyne's own texts in English: Cancel = %q", got)
	}
	if got := u.app.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("language not remembered: %q", got)
	}
}

func TestWriteReportInBackground(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	ctx := context.Background()
	c := assessment.Company{Name: "Ørsted Øl ApS"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1"}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	f := installFakeFiles(t, u)
	u.chooseReportFile(c.Name, a.ID, reports.Options{Lang: i18n.Danish}) // through the save dialog
	u.work.Wait()
	if len(f.proposed) != 1 {
		t.Fatalf("the save dialog was shown %d times", len(f.proposed))
	}
	path := filepath.Join(f.dir, f.proposed[0])
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("the report was not written: %v", err)
	}
	if filepath.Base(path) != "Ørsted-Øl-ApS-gdpr-rapport.pdf" {
		t.Errorf("file name %q", filepath.Base(path))
	}
}

func TestReportFileNameIsSafe(t *testing.T) {
	tests := map[string]string{
		"Æblegården ApS":    "Æblegården-ApS-gdpr-report.pdf",
		`A/S "Nord" <Vest>`: "AS-Nord-Vest-gdpr-report.pdf",
		"../../etc":         "etc-gdpr-report.pdf",
		"   ":               "gdprtjek-gdpr-report.pdf",
	}
	for in, want := range tests {
		if got := ReportFileName(in, i18n.English); got != want {
			t.Errorf("ReportFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every dynamic message the screens build from a vocabulary exists in both languages.
func TestVocabularyIsTranslated(t *testing.T) {
	var ids []string
	for _, k := range checklists.SystemKinds {
		ids = append(ids, "system.kind."+k)
	}
	for _, p := range checklists.Products {
		ids = append(ids, "product."+p)
	}
	for _, h := range assessment.Hostings {
		ids = append(ids, "hosting."+h)
	}
	for _, c := range checklists.ProfileConditions {
		ids = append(ids, "profile."+c)
	}
	for _, v := range assessment.Values {
		ids = append(ids, "value."+string(v))
	}
	for _, s := range []assessment.Status{assessment.Draft, assessment.Submitted, assessment.InReview, assessment.Approved, assessment.Returned} {
		ids = append(ids, "status."+string(s))
	}
	for _, lang := range i18n.Langs {
		for _, id := range ids {
			if !i18n.Has(lang, id) {
				t.Errorf("%s lacks %s", lang, id)
			}
		}
	}
}

// newAssessment makes a company and an assessment through the store, for screens that start there.
func newAssessment(t *testing.T, store *assessment.Store, profile ...string) (assessment.Company, assessment.Assessment) {
	t.Helper()
	ctx := context.Background()
	c := assessment.Company{Name: "Æblegården ApS"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1", Profile: profile}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	return c, a
}

func TestResultsFollowAnswers(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	_, a := newAssessment(t, store, "employees")
	u.showResults(a.ID)
	if !hasLabel(u, "Overall score: 0%") || !hasLabel(u, "0 of 3 questions answered.") {
		t.Error("an unanswered assessment should score 0% with 0 of 3 answered")
	}
	for id, v := range map[string]assessment.Value{"basis.records": assessment.Yes, "basis.training": assessment.Partly, "basis.dpa": assessment.NA} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: v}
		if err := store.SaveAnswer(context.Background(), u.set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	u.showResults(a.ID)
	// yes (2 of 2) + partly (1 of 2), not applicable left out: 3 of 4 points.
	if !hasLabel(u, "Overall score: 75% (amber)") {
		t.Error("the results screen should show 75% (amber) after yes, partly and n/a")
	}
	if !hasLabel(u, "Low · Do staff get GDPR training?") {
		t.Error("a partly answer to a weight-2 question should be a low gap in the action plan")
	}
}

func TestWorkshopAnswersAndEscLeaves(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	u.showWorkshop(a.ID)
	if !u.win.FullScreen() || u.scale != workshopScale {
		t.Fatal("workshop mode should be full screen with large type")
	}
	c := u.win.Canvas()
	c.OnTypedRune()('2')
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	c.OnTypedRune()('5')
	answers, err := store.Answers(context.Background(), a.ID)
	if err != nil || answers["basis.records"].Value != assessment.Partly || answers["basis.dpa"].Value != assessment.Unknown {
		t.Errorf("workshop answers: %+v %v", answers, err)
	}
	var participants *widget.Entry
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Deltagere (navne, adskilt med komma)" {
			participants = e
		}
	})
	if participants == nil {
		t.Fatal("no participants field in workshop mode")
	}
	test.Type(participants, "Birthe, Jørgen")
	if got, err := store.Assessment(context.Background(), a.ID); err != nil || got.Participants != "Birthe, Jørgen" {
		t.Errorf("participants saved as %q (%v)", got.Participants, err)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.FullScreen() || u.scale != 1 {
		t.Error("Esc should leave full screen and large type")
	}
	findButton(t, u, "Workshop-tilstand") // back in the questionnaire
	u.showWorkshop(a.ID)
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == participants.PlaceHolder && e.Text != "Birthe, Jørgen" {
			t.Errorf("workshop mode opened again shows participants %q", e.Text)
		}
	})
}

func TestDeleteCompanyAfterConfirmation(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	c, _ := newAssessment(t, store)
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Slet virksomheden og alle dens data"))
	var yes *widget.Button
	for _, o := range u.win.Canvas().Overlays().List() {
		objects(o, func(o fyne.CanvasObject) {
			if b, ok := asButton(o); ok && b.Text == "Ja" {
				yes = b
			}
		})
	}
	if yes == nil {
		t.Fatal("no Danish confirmation button")
	}
	test.Tap(yes)
	if companies, _ := store.Companies(context.Background()); len(companies) != 0 {
		t.Errorf("company not deleted: %+v", companies)
	}
}

// TestKeysAndWorkshopEndWithTheirScreen: leaving the questionnaire or workshop mode through the
// top bar ends their keys and workshop mode's large type; typing on the start screen answers
// nothing.
func TestKeysAndWorkshopEndWithTheirScreen(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	for _, open := range []func(int64){u.showQuestionnaire, u.showWorkshop} {
		open(a.ID)
		test.Tap(findButton(t, u, "Start"))
		if u.win.FullScreen() || u.scale != 1 {
			t.Error("the start screen is still in workshop mode")
		}
		c := u.win.Canvas()
		if c.OnTypedRune() != nil {
			c.OnTypedRune()('3')
		}
		if c.OnTypedKey() != nil {
			c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		answers, err := store.Answers(context.Background(), a.ID)
		if err != nil || len(answers) != 0 {
			t.Errorf("typing on the start screen answered: %+v %v", answers, err)
		}
		findButton(t, u, "Ny virksomhed") // still on the start screen
	}
}

// TestReportDialogChoosesSections: the report dialog offers every section, all chosen, named
// as the report's headings in the UI's language; with none chosen it says so and goes no
// further.
func TestReportDialogChoosesSections(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	u.saveReport(a.ID)
	var checks []*keyCheck
	var confirm *widget.Button
	overlayObjects(u, func(o fyne.CanvasObject) {
		if x, ok := o.(*keyCheck); ok {
			checks = append(checks, x)
		}
		if x, ok := asButton(o); ok && x.Text == "Vælg fil …" {
			confirm = x
		}
	})
	if len(checks) == 0 || confirm == nil {
		t.Fatal("the report dialog has no section choice or no confirm button")
	}
	var names []string
	for _, c := range checks {
		if c.Checked {
			names = append(names, c.Text)
		}
	}
	if len(checks) != len(reports.Sections) || len(names) != len(reports.Sections) {
		t.Errorf("sections offered %d, chosen %v; want all %d chosen", len(checks), names, len(reports.Sections))
	}
	if !slices.Contains(names, "Handlingsplan") || !slices.Contains(names, "Bilag") {
		t.Errorf("sections are not named by their Danish headings: %v", names)
	}
	for _, c := range checks {
		c.SetChecked(false)
	}
	test.Tap(confirm)
	found := false
	overlayObjects(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "Vælg mindst ét afsnit") {
			found = true
		}
	})
	if !found {
		t.Error("no message when no section is chosen")
	}
}

package ui

import (
	"context"
	"errors"
	"image/color"
	"math"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// recordingApp is the test app, recording Quit and failing OpenURL as on a machine without
// a file manager.
type recordingApp struct {
	fyne.App
	quit    bool
	opened  []string
	openErr error
}

func (a *recordingApp) Quit() { a.quit = true }
func (a *recordingApp) OpenURL(u *url.URL) error {
	a.opened = append(a.opened, u.String())
	return a.openErr
}

func newRecordingUI(t *testing.T, l i18n.Lang, set *checklists.Set) (*UI, *assessment.Store, *recordingApp) {
	t.Helper()
	a := &recordingApp{App: test.NewTempApp(t)}
	store, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if set == nil {
		set = fixtureSet()
	}
	u := New(a, Config{Store: store, Checklists: set, Lang: l, Version: "test"})
	u.win.Resize(fyne.NewSize(1100, 760))
	return u, store, a
}

func mustCompany(t *testing.T, store *assessment.Store, c assessment.Company) assessment.Company {
	t.Helper()
	if err := store.CreateCompany(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func mustAssessment(t *testing.T, u *UI, store *assessment.Store, companyID int64, profile ...string) assessment.Assessment {
	t.Helper()
	a := assessment.Assessment{CompanyID: companyID, Title: "Runde 1", Profile: profile, Checklists: u.set.Refs()}
	if err := store.CreateAssessment(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// longName is 200 characters, the most a company name may have.
var longName = string([]rune(strings.Repeat("Æblegården Østjylland ", 10))[:198]) + "AS"

func topOverlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

// TestLongNameDoesNotWidenWindow: a 200-character company name, system name and assessment
// title leave every screen, and the delete confirmation, within the window's width.
func TestLongNameDoesNotWidenWindow(t *testing.T) {
	if n := len([]rune(longName)); n != 200 {
		t.Fatalf("longName has %d characters", n)
	}
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	ctx := context.Background()
	c := mustCompany(t, store, assessment.Company{Name: longName, CVR: "38745123", Address: longName, Partner: longName})
	sys := assessment.System{CompanyID: c.ID, Kind: "payroll", Product: "custom", Name: longName, Partner: longName}
	if err := store.SaveSystem(ctx, &sys); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{CompanyID: c.ID, Title: longName, Checklists: u.set.Refs()}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	u.app.Preferences().SetInt(prefLastCompany, int(c.ID))
	const width = 1100
	for name, show := range map[string]func(){
		"start": u.showStart, "company": func() { u.showCompany(c.ID) }, "questionnaire": func() { u.showQuestionnaire(a.ID) },
		"results": func() { u.showResults(a.ID) }, "review": func() { u.showReview(a.ID) }, "compare": func() { u.showCompare(c.ID) },
		"new-assessment": func() { u.showNewAssessment(c.ID) },
	} {
		show()
		if w := u.win.Content().MinSize().Width; w > width {
			t.Errorf("%s screen needs %.0f px, more than the window's %d", name, w, width)
		}
	}
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Slet virksomheden og alle dens data"))
	if o := topOverlay(u); o == nil || o.MinSize().Width > width || o.Size().Width > width {
		t.Errorf("the delete confirmation is wider than the window: %v", o)
	}
}

// longSet has a one-line question between two long ones.
func longSet() *checklists.Set {
	long := strings.Repeat("Har I en skriftlig og opdateret procedure for, hvordan en anmodning om indsigt besvares? ", 4)
	q := func(id, da string) checklists.Question {
		return checklists.Question{ID: id, Text: text(da, da), Guidance: text("Vejledning", "Guidance"),
			Remediation: text("Ret", "Fix"), Refs: []string{"GDPR art. 15"}, Weight: 1}
	}
	return checklists.NewSet([]*checklists.Checklist{{ID: "basis", Version: 1, Area: "basis", Title: text("Grundlag", "Basics"),
		Questions: []checklists.Question{q("basis.a", "Kort?"), q("basis.b", long), q("basis.c", "Kort igen?")}}})
}

func absY(o fyne.CanvasObject) float32 {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
}

// TestHeaderFollowsQuestionLength: going from a one-line question to a long one and back,
// the question gets its full height, the answer buttons stay between it and the guidance,
// and no gap is left afterwards. (Fyne re-lays out only one changed parent per frame, so the
// header kept its old height.)
func TestHeaderFollowsQuestionLength(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, longSet())
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	u.showQuestionnaire(a.ID)
	check := func(when string) float32 {
		t.Helper()
		var question *widget.Label
		objects(u.win.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && strings.HasSuffix(strings.TrimSpace(l.Text), "?") {
				question = l
			}
		})
		yes := findButton(t, u, "1 · Ja")
		guidance := findButton(t, u, u.T("questionnaire.guidance"))
		if question == nil {
			t.Fatalf("%s: no question shown", when)
		}
		if h, min := question.Size().Height, question.MinSize().Height; h+1 < min {
			t.Errorf("%s: the question has %.0f px of the %.0f it needs", when, h, min)
		}
		if absY(yes)+1 < absY(question)+question.Size().Height {
			t.Errorf("%s: the answers cover the question", when)
		}
		gap := absY(guidance) - (absY(yes) + yes.Size().Height)
		if gap < 0 {
			t.Errorf("%s: the answers cover the guidance by %.0f px", when, -gap)
		}
		return gap
	}
	short := check("one line")
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	check("long question")
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	if g := check("back to one line"); math.Abs(float64(g-short)) > 1 {
		t.Errorf("back to one line: %.0f px between answers and guidance, want %.0f", g, short)
	}
}

// TestReopenReasonFieldIsWide: the reopen dialog's reason field has room for a sentence.
func TestReopenReasonFieldIsWide(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.English, nil)
	ctx := context.Background()
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	for _, to := range []assessment.Status{assessment.Submitted, assessment.InReview} {
		if err := store.SetStatus(ctx, a.ID, to, "Søren"); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: "Jens", Organisation: "Nordlys IT ApS", Decision: assessment.Approved}); err != nil {
		t.Fatal(err)
	}
	u.app.Preferences().SetString(prefReviewer, "Pia Partner")
	u.app.Preferences().SetString(prefOrganisation, "Nordlys IT ApS")
	u.showReview(a.ID)
	test.Tap(findButton(t, u, "Reopen"))
	var reason *widget.Entry
	overlayObjects(u, func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok {
			reason = e
		}
	})
	if reason == nil {
		t.Fatal("no reason field")
	}
	if w := reason.Size().Width; w < 300 {
		t.Errorf("the reason field is %.0f px wide; want room for a sentence (300 px or more)", w)
	}
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestProgressPercent: in the light theme the questionnaire's percentage is readable (WCAG AA
// contrast against the background) and written the Danish way, "33 %".
func TestProgressPercent(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	u.app.Preferences().SetString(prefTheme, themeLight)
	u.applyTheme()
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	u.showQuestionnaire(a.ID)
	u.win.Canvas().OnTypedRune()('1') // 1 of 2 answered
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	found := false
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		txt, ok := o.(*canvas.Text)
		if !ok || !strings.Contains(txt.Text, "%") {
			return
		}
		if !strings.Contains(txt.Text, "\u00a0%") {
			t.Errorf("%q: Danish writes a space before %%", txt.Text)
		}
		if r := contrast(txt.Color, bg); r < 4.5 {
			t.Errorf("%q: contrast %.1f:1 against the background, want 4.5:1", txt.Text, r)
		}
		found = found || strings.Contains(txt.Text, "50\u00a0%")
	})
	if !found {
		t.Error("no 50 % on the questionnaire after 1 of 2 answers")
	}
}

// questionListOf finds the questionnaire's list of questions.
func questionListOf(t *testing.T, u *UI) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *questionList:
			found = l
		case *widget.List:
			found = l
		}
	})
	if found == nil {
		t.Fatal("no question list")
	}
	return found
}

// TestKeysWorkWithListFocused: after a click on a question (the list has focus), 1–5 and the
// arrows still answer and move; the keys are shown on the screen.
func TestKeysWorkWithListFocused(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	u.showQuestionnaire(a.ID)
	cv := u.win.Canvas()
	cv.Focus(questionListOf(t, u))
	cv.Focused().TypedRune('2')
	cv.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	cv.Focused().TypedRune('3')
	answers, err := store.Answers(context.Background(), a.ID)
	if err != nil || answers["basis.records"].Value != assessment.Values[1] || answers["basis.dpa"].Value != assessment.Values[2] {
		t.Errorf("keys with the list focused: %+v %v", answers, err)
	}
	if !hasLabel(u, "Taster: 1–5 svarer") {
		t.Error("no hint of the keys on the questionnaire")
	}
}

// TestDialogKeys: Escape cancels and Enter confirms; a destructive confirmation opens with
// the safe answer focused, so Enter deletes nothing.
func TestDialogKeys(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	ctx := context.Background()
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	cv := u.win.Canvas()
	press := func(k fyne.KeyName) {
		t.Helper()
		f := cv.Focused()
		if f == nil {
			t.Fatalf("%s: nothing has focus in the dialog", k)
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
	}
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Slet virksomheden og alle dens data"))
	if o, _ := cv.Focused().(fyne.CanvasObject); o == nil {
		t.Error("delete confirmation opens with nothing focused, want Nej")
	} else if b, ok := asButton(o); !ok || b.Text != "Nej" {
		t.Errorf("delete confirmation opens with %v focused, want Nej", cv.Focused())
	}
	press(fyne.KeyReturn)
	if topOverlay(u) != nil {
		t.Error("Enter left the dialog open")
	}
	test.Tap(findButton(t, u, "Slet virksomheden og alle dens data"))
	press(fyne.KeyEscape)
	if topOverlay(u) != nil {
		t.Error("Escape left the dialog open")
	}
	if companies, _ := store.Companies(ctx); len(companies) != 1 {
		t.Fatal("Enter or Escape deleted the company")
	}

	// A form: Escape cancels, Enter in a field saves.
	test.Tap(findButton(t, u, "Tilføj system"))
	press(fyne.KeyEscape)
	if systems, _ := store.Systems(ctx, c.ID); topOverlay(u) != nil || len(systems) != 0 {
		t.Errorf("Escape in the system form: dialog open %v, systems %d", topOverlay(u) != nil, len(systems))
	}
	test.Tap(findButton(t, u, "Tilføj system"))
	press(fyne.KeyReturn)
	if systems, _ := store.Systems(ctx, c.ID); len(systems) != 1 {
		t.Errorf("Enter in the system form saved %d systems, want 1", len(systems))
	}

	// A message: Escape closes it.
	test.Tap(findButton(t, u, "Om"))
	press(fyne.KeyEscape)
	if topOverlay(u) != nil {
		t.Error("Escape left the About box open")
	}
}

// TestCtrlQQuits: Ctrl+Q quits (ShowAndRun then waits for files being written).
func TestCtrlQQuits(t *testing.T) {
	u, _, a := newRecordingUI(t, i18n.Danish, nil)
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
	if !a.quit {
		t.Error("Ctrl+Q did not quit")
	}
}

// questionShown is the question text the questionnaire shows.
func questionShown(u *UI) string {
	shown := ""
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && strings.HasSuffix(l.Text, "?") {
			shown = l.Text
		}
	})
	return shown
}

// TestSearchKeepsCurrentQuestion: typing a search filters the list without leaving the
// current question; clearing it keeps the question; no hits says so.
func TestSearchKeepsCurrentQuestion(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID, "employees")
	u.showQuestionnaire(a.ID)
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	const second = "Får medarbejderne undervisning i GDPR?"
	if got := questionShown(u); got != second {
		t.Fatalf("after ↓: %q", got)
	}
	search := entries(u)[0]
	test.Type(search, "fortegnelse")
	if got := questionShown(u); got != second {
		t.Errorf("the search jumped to %q", got)
	}
	search.SetText("")
	if got := questionShown(u); got != second {
		t.Errorf("clearing the search jumped to %q", got)
	}
	search.SetText("zzzz")
	if !hasLabel(u, "Ingen spørgsmål passer") {
		t.Error("a search without hits does not say so")
	}
	if got := questionShown(u); got != second {
		t.Errorf("a search without hits shows %q", got)
	}
}

// TestWorkshopStartsAndReturnsAtCurrent: workshop mode opens at the questionnaire's question,
// and leaving it returns to the question reached; its guidance opens on demand.
func TestWorkshopStartsAndReturnsAtCurrent(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID, "employees")
	u.showQuestionnaire(a.ID)
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	test.Tap(findButton(t, u, "Workshop-tilstand"))
	if got := questionShown(u); got != "Får medarbejderne undervisning i GDPR?" {
		t.Errorf("workshop opened at %q", got)
	}
	if hasLabel(u, "Vejledning til basis.training") {
		t.Error("the guidance is shown before it is asked for")
	}
	test.Tap(findButton(t, u, "Vis vejledning"))
	if !hasLabel(u, "Vejledning til basis.training") {
		t.Error("the guidance does not open in workshop mode")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := questionShown(u); got != "Har I databehandleraftaler med alle leverandører?" {
		t.Errorf("leaving the workshop returned to %q", got)
	}
}

// TestBackFromResultsReturns: Back on the results returns to the questionnaire at its
// question when the results were opened from there.
func TestBackFromResultsReturns(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	u.showQuestionnaire(a.ID)
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	test.Tap(findButton(t, u, "Resultater"))
	test.Tap(findButton(t, u, "Tilbage"))
	if got := questionShown(u); got != "Har I databehandleraftaler med alle leverandører?" {
		t.Errorf("Back from the results went to %q, not the question the user was on", got)
	}
}

// TestCompanyPartnerAndDuplicateCVR: the company's partner is the default for a new system;
// a second company with the same CVR number is warned about and can open the first.
func TestCompanyPartnerAndDuplicateCVR(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	ctx := context.Background()
	test.Tap(findButton(t, u, "Ny virksomhed"))
	fields := entries(u)
	test.Type(fields[0], "Æblegården ApS")
	test.Type(fields[1], "38745123")
	test.Type(fields[len(fields)-1], "Nordlys IT ApS")
	test.Tap(findButton(t, u, "Opret virksomhed"))
	companies, _ := store.Companies(ctx)
	if len(companies) != 1 || companies[0].Partner != "Nordlys IT ApS" {
		t.Fatalf("company's partner not saved: %+v", companies)
	}
	test.Tap(findButton(t, u, "Tilføj system"))
	test.Tap(overlayButton(t, u, "Gem"))
	if systems, _ := store.Systems(ctx, companies[0].ID); len(systems) != 1 || systems[0].Partner != "Nordlys IT ApS" {
		t.Errorf("a new system does not default to the company's partner: %+v", systems)
	}

	u.showNewCompany()
	fields = entries(u)
	test.Type(fields[0], "Æblegården (igen)")
	test.Type(fields[1], "DK 38 74 51 23")
	test.Tap(findButton(t, u, "Opret virksomhed"))
	if companies, _ := store.Companies(ctx); len(companies) != 1 {
		t.Fatalf("a second company with the same CVR was saved without a warning")
	}
	test.Tap(overlayButton(t, u, "Åbn den eksisterende"))
	if !hasLabel(u, "Æblegården ApS") {
		t.Error("the existing company was not opened")
	}
}

// TestProductsFollowKind: the product list holds the kind's products; choosing payroll
// offers payroll products with a payroll default, never an ERP product.
func TestProductsFollowKind(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.English, nil)
	ctx := context.Background()
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Add system"))
	var kind, product *widget.Select
	overlayObjects(u, func(o fyne.CanvasObject) {
		if s, ok := asSelect(o); ok {
			switch {
			case kind == nil:
				kind = s
			case product == nil:
				product = s
			}
		}
	})
	if kind == nil || product == nil {
		t.Fatal("no kind and product choices")
	}
	kind.SetSelected("Payroll")
	if product.Selected != "Danløn" || strings.Contains(strings.Join(product.Options, ","), "Business Central") ||
		product.Options[len(product.Options)-1] != "Other (name it)" {
		t.Errorf("payroll products: %v, selected %q", product.Options, product.Selected)
	}
	kind.SetSelected("CRM")
	if !strings.Contains(strings.Join(product.Options, ","), "HubSpot") {
		t.Errorf("CRM products: %v", product.Options)
	}
	test.Tap(overlayButton(t, u, "Save"))
	if systems, _ := store.Systems(ctx, c.ID); len(systems) != 1 || systems[0].Product != "hubspot" {
		t.Errorf("saved: %+v", systems)
	}
}

// TestScopingStartsFromWhatIsKnown: "has employees" is ticked for a company above 1–9 or with
// a payroll system, and not for a one-person company without one.
func TestScopingStartsFromWhatIsKnown(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	ctx := context.Background()
	employeesTicked := func() bool {
		on := false
		objects(u.win.Content(), func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == u.T("profile.employees") {
				on = c.Checked
			}
		})
		return on
	}
	small := mustCompany(t, store, assessment.Company{Name: "Ene ApS", SizeBand: "1-9"})
	u.showNewAssessment(small.ID)
	if employeesTicked() {
		t.Error("employees ticked for a 1–9 company without payroll")
	}
	if err := store.SaveSystem(ctx, &assessment.System{CompanyID: small.ID, Kind: "payroll", Product: "danloen"}); err != nil {
		t.Fatal(err)
	}
	u.showNewAssessment(small.ID)
	if !employeesTicked() {
		t.Error("employees not ticked for a company with a payroll system")
	}
	big := mustCompany(t, store, assessment.Company{Name: "Stor A/S", SizeBand: "50-249"})
	u.showNewAssessment(big.ID)
	if !employeesTicked() || !hasLabel(u, "3 spørgsmål gælder") {
		t.Error("employees not ticked (and counted) for a 50–249 company")
	}
}

// TestOverdueOnScreen: a passed due date on an open action is flagged in the action plan.
func TestOverdueOnScreen(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	for id, due := range map[string]string{"basis.records": "2001-01-31", "basis.dpa": "2999-01-31"} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: assessment.No, Due: due}
		if err := store.SaveAnswer(context.Background(), u.set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	u.showResults(a.ID)
	n := 0
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Overskredet" {
			n++
		}
	})
	if n != 1 {
		t.Errorf("%d actions flagged overdue, want 1 (2001 passed, 2999 not)", n)
	}
}

// TestFyneTextsInDanish: Fyne's own texts that reach the Danish UI are Danish: the select
// placeholder, the file dialog's title; the language list names each language in its own.
func TestFyneTextsInDanish(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	u.showNewCompany()
	var langs []string
	for _, show := range []func(){u.showNewCompany, func() { u.showNewAssessment(c.ID) }} {
		show()
		objects(u.win.Content(), func(o fyne.CanvasObject) {
			if s, ok := asSelect(o); ok {
				if s.PlaceHolder == "(Select one)" {
					t.Errorf("a select shows Fyne's English placeholder (options %v)", s.Options)
				}
				if len(s.Options) == 2 && strings.Contains(s.Options[1], "ngl") {
					langs = s.Options
				}
			}
		})
	}
	if strings.Join(langs, ",") != "Dansk,English" {
		t.Errorf("language list %v, want each in its own language", langs)
	}
	if got := lang.L("Save") + " " + lang.L("File"); got != "Gem fil" {
		t.Errorf("file dialog title %q", got)
	}
}

// TestOpenFolderWithoutFileManager: a machine without a file manager gets a translated
// message with the folder, not Go's error.
func TestOpenFolderWithoutFileManager(t *testing.T) {
	u, _, a := newRecordingUI(t, i18n.Danish, nil)
	a.openErr = errors.New(`exec: "xdg-open": executable file not found in $PATH`)
	u.offerFolder("Gemt", "Filen er gemt.", "/tmp/rapporter")
	test.Tap(overlayButton(t, u, "Åbn mappen"))
	found := false
	overlayObjects(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			if strings.Contains(l.Text, "xdg-open") || strings.Contains(l.Text, "exec:") {
				t.Errorf("Go's error reaches the user: %q", l.Text)
			}
			found = found || strings.Contains(l.Text, "/tmp/rapporter") && strings.Contains(l.Text, "kunne ikke åbnes")
		}
	})
	if len(a.opened) != 1 || !found {
		t.Errorf("opened %v; translated message shown: %v", a.opened, found)
	}
}

// TestImportSaysSo: an import ends with a message that names what came in.
func TestImportSaysSo(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	data := exchangeOf(t, store, a.ID)
	other, _, _ := newRecordingUI(t, i18n.Danish, nil)
	other.importData(data, "", false)
	found := false
	overlayObjects(other, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "er importeret") && strings.Contains(l.Text, "Æblegården ApS") {
			found = true
		}
	})
	if !found {
		t.Error("no message that the import succeeded")
	}
}

// TestLongNameInListShownOnHover: in the start screen's list a long name is cut with an
// ellipsis, and pointing at it shows the whole name.
func TestLongNameInListShownOnHover(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	mustCompany(t, store, assessment.Company{Name: longName})
	u.showStart()
	var row fyne.CanvasObject
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if x, ok := o.(*hoverLabel); ok && x.Text == longName {
			row = x
		}
		if x, ok := o.(*widget.Label); ok && x.Text == longName {
			row = x
		}
	})
	if row == nil {
		t.Fatal("the company is not in the list")
	}
	if w := u.win.Content().MinSize().Width; w > 1100 {
		t.Errorf("the start screen needs %.0f px", w)
	}
	h, ok := row.(desktop.Hoverable)
	if !ok {
		t.Fatal("the list row shows no full name on hover")
	}
	h.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{AbsolutePosition: fyne.NewPos(100, 150)}})
	shown := false
	overlayObjects(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == longName {
			shown = true
		}
	})
	if !shown {
		t.Error("hovering shows no pop-up with the whole name")
	}
	h.MouseOut()
	if topOverlay(u) != nil {
		t.Error("the pop-up stays after the pointer left")
	}
}

// TestDemoScreensFitASmallWindow: with the demo's data (long webshop line, partner, data map,
// three systems) every screen fits a 1024-pixel-wide window in both languages; rows of buttons
// are what grows first when a label gets longer in one language.
func TestDemoScreensFitASmallWindow(t *testing.T) {
	for _, l := range i18n.Langs {
		u, store, _ := newRecordingUI(t, l, nil)
		ctx := context.Background()
		id, err := store.CreateDemo(ctx, u.set)
		if err != nil {
			t.Fatal(err)
		}
		a, err := store.Assessment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		systems, err := store.Systems(ctx, a.CompanyID)
		if err != nil || len(systems) == 0 {
			t.Fatalf("demo systems %v, %v", systems, err)
		}
		for name, show := range map[string]func(){
			"start": u.showStart, "company": func() { u.showCompany(a.CompanyID) }, "questionnaire": func() { u.showQuestionnaire(id) },
			"results": func() { u.showResults(id) }, "review": func() { u.showReview(id) }, "compare": func() { u.showCompare(a.CompanyID) },
			"new-assessment": func() { u.showNewAssessment(a.CompanyID) }, "data map": func() { u.showDataMap(a.CompanyID, systems[0].ID) },
			"backups": u.showBackups, "branding": func() { u.showBranding(a.CompanyID) }, "partner tasks": func() { u.showPartnerTasks(id) },
		} {
			show()
			if w := u.win.Content().MinSize().Width; w > 1024 {
				t.Errorf("%s: the %s screen needs %.0f px, more than 1024", l, name, w)
			}
		}
	}
}

// TestWorkshopFitsAProjector: workshop mode, in its large type and full screen, fits a
// 1024-pixel-wide projector in both languages. The five answer buttons were each as wide as
// the widest ("4 · Not applicable"): 1,226 pixels in English.
func TestWorkshopFitsAProjector(t *testing.T) {
	for _, l := range i18n.Langs {
		u, store, _ := newRecordingUI(t, l, nil)
		id, err := store.CreateDemo(context.Background(), u.set)
		if err != nil {
			t.Fatal(err)
		}
		u.showWorkshop(id)
		if u.scale == 1 {
			t.Fatal("workshop mode did not enlarge the type")
		}
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("%s: workshop mode needs %.0f px, more than a 1024-pixel projector", l, w)
		}
	}
}

// TestCompanyFormStartsInTheName: "New company" and "Edit details" open with the cursor in the
// name, so typing starts at once (it went nowhere until the user clicked the field).
func TestCompanyFormStartsInTheName(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	for name, show := range map[string]func(){
		"new":  u.showNewCompany,
		"edit": func() { u.showCompany(c.ID); test.Tap(findButton(t, u, "Ret oplysninger")) },
	} {
		show()
		o, _ := u.win.Canvas().Focused().(fyne.CanvasObject)
		e, ok := asEntry(o)
		if !ok {
			t.Fatalf("%s: the form opens with %T focused, want the name", name, u.win.Canvas().Focused())
		}
		want := ""
		if name == "edit" {
			want = c.Name
		}
		if e.Text != want {
			t.Errorf("%s: the focused field holds %q, want the name %q", name, e.Text, want)
		}
	}
}

// TestBlankSystemNameShowsAsNone: a system saved with a blank name (before names were
// trimmed) is shown by its product alone, not "Dynamics 365 Business Central ( )".
func TestBlankSystemNameShowsAsNone(t *testing.T) {
	u, _, _ := newRecordingUI(t, i18n.Danish, nil)
	line := u.systemLine(assessment.System{Kind: "erp", Product: "business-central", Name: " ", Hosting: "eu", ProcessorAgreement: "yes"})
	if strings.Contains(line, "(") {
		t.Errorf("system line %q", line)
	}
}

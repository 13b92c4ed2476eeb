package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// pressOn sends a key to the widget that has focus, as the window does; it fails when
// nothing has focus, since the key would then go to the screen behind the dialog.
func pressOn(t *testing.T, u *UI, k fyne.KeyName) {
	t.Helper()
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("%s: nothing has focus", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// focusedText is the label of the focused button, or "" when something else has focus.
func focusedText(u *UI) string {
	if o, ok := u.win.Canvas().Focused().(fyne.CanvasObject); ok {
		if b, ok := asButton(o); ok {
			return b.Text
		}
	}
	return ""
}

// TestKeysFromSelectsAndChecksInDialogs: Fyne hands a key to the focused widget only, so a
// drop-down or a check box in a dialog used to swallow Escape and Enter. Now Escape cancels
// and Enter confirms from them too; Space and the arrows still work the drop-down.
func TestKeysFromSelectsAndChecksInDialogs(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	c, a := newAssessment(t, store)
	f := installFakeFiles(t, u)
	firstOf := func(match func(fyne.CanvasObject) bool) fyne.Focusable {
		t.Helper()
		var found fyne.Focusable
		overlayObjects(u, func(o fyne.CanvasObject) {
			if found == nil && match(o) {
				found = o.(fyne.Focusable)
			}
		})
		if found == nil {
			t.Fatal("the dialog has no such field")
		}
		return found
	}
	isSelect := func(o fyne.CanvasObject) bool { _, ok := o.(*keySelect); return ok }
	isCheck := func(o fyne.CanvasObject) bool { _, ok := o.(*keyCheck); return ok }

	for name, field := range map[string]func(fyne.CanvasObject) bool{"drop-down": isSelect, "check box": isCheck} {
		u.saveReport(a.ID)
		u.win.Canvas().Focus(firstOf(field))
		pressOn(t, u, fyne.KeyEscape)
		if topOverlay(u) != nil {
			t.Errorf("Escape on a %s left the report dialog open", name)
			closeOverlays(u)
		}
	}
	if len(f.proposed) != 0 {
		t.Fatal("Escape went on to the file dialog")
	}

	// Space opens the drop-down as before; Enter on it confirms the dialog.
	u.saveReport(a.ID)
	sel := firstOf(isSelect).(*keySelect)
	u.win.Canvas().Focus(sel)
	pressOn(t, u, fyne.KeySpace)
	if len(u.win.Canvas().Overlays().List()) != 2 {
		t.Error("Space on the drop-down did not open its list")
	}
	// Escape in the open list closes the list, not the dialog.
	pressOn(t, u, fyne.KeyEscape)
	if n := len(u.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("after Escape in the open list %d overlays are open, want the dialog alone", n)
	}
	u.win.Canvas().Focus(sel)
	pressOn(t, u, fyne.KeyReturn)
	u.work.Wait()
	if len(f.proposed) != 1 || f.proposed[0] != ReportFileName(c.Name, i18n.Danish) {
		t.Errorf("Enter on the drop-down: save dialog shown for %v, want the report", f.proposed)
	}
	closeOverlays(u)

	// The system form: Escape from its kind drop-down adds nothing.
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Tilføj system"))
	u.win.Canvas().Focus(firstOf(isSelect))
	pressOn(t, u, fyne.KeyEscape)
	if systems, _ := store.Systems(context.Background(), c.ID); topOverlay(u) != nil || len(systems) != 0 {
		t.Errorf("Escape on the kind drop-down: dialog open %v, systems %d", topOverlay(u) != nil, len(systems))
	}
}

// TestDestructiveConfirmationsDefaultToNo: restoring a backup and removing a data-map
// activity open with "Nej" focused, so that Enter pressed by habit changes nothing.
func TestDestructiveConfirmationsDefaultToNo(t *testing.T) {
	ctx := context.Background()
	u, store := newTestUI(t, i18n.Danish)
	newAssessment(t, store)
	if _, err := store.Backup(ctx, assessment.BackupDaily); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCompany(ctx, &assessment.Company{Name: "Ny Virksomhed ApS"}); err != nil {
		t.Fatal(err)
	}
	u.showBackups()
	test.Tap(findButton(t, u, "Genskab …"))
	if got := focusedText(u); got != "Nej" {
		t.Errorf("the restore question opens with %q focused, want Nej", got)
	}
	pressOn(t, u, fyne.KeyReturn)
	if companies, _ := store.Companies(ctx); topOverlay(u) != nil || len(companies) != 2 {
		t.Errorf("Enter on the restore question: dialog open %v, companies %d (want 2: nothing restored)",
			topOverlay(u) != nil, len(companies))
	}

	u, store, c, _ := dataMapState(t, i18n.Danish)
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Datakort"))
	test.Tap(findButton(t, u, "Start fra skabelon: Lønsystem"))
	keys := u.win.Canvas().OnTypedKey()
	keys(&fyne.KeyEvent{Name: fyne.KeyDown})
	keys(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := focusedText(u); got != "Nej" {
		t.Errorf("removing an activity opens with %q focused, want Nej", got)
	}
	pressOn(t, u, fyne.KeyEscape)
	if acts := activities(t, store, c.ID); topOverlay(u) != nil || len(acts) != 1 {
		t.Errorf("Escape on the removal: dialog open %v, activities %d (want 1)", topOverlay(u) != nil, len(acts))
	}
}

// TestImportOfKnownAssessmentByKeys: the file of an assessment that is here already asks
// merge, replace or cancel; merge (which keeps every local answer) is focused, Escape cancels.
func TestImportOfKnownAssessmentByKeys(t *testing.T) {
	ctx := context.Background()
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	data := exchangeOf(t, store, a.ID)
	u.importOrMerge(data, "")
	if got := focusedText(u); got != "Flet" {
		t.Errorf("the known-assessment question opens with %q focused, want Flet", got)
	}
	pressOn(t, u, fyne.KeyEscape)
	if list, _ := store.Assessments(ctx, a.CompanyID); topOverlay(u) != nil || len(list) != 1 {
		t.Errorf("Escape: dialog open %v, assessments %d", topOverlay(u) != nil, len(list))
	}
}

// TestExchangeExportByKeys: typing starts in the passphrase; a repetition that differs says so
// and brings the dialog back with both fields as typed; Escape from a field cancels.
func TestExchangeExportByKeys(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	f := installFakeFiles(t, u)
	u.exportExchange(a.ID)
	keyEntries := func() []*keyEntry {
		var out []*keyEntry
		overlayObjects(u, func(o fyne.CanvasObject) {
			if e, ok := o.(*keyEntry); ok {
				out = append(out, e)
			}
		})
		return out
	}
	fields := keyEntries()
	if len(fields) != 2 {
		t.Fatalf("%d fields in the export dialog, want passphrase and repetition", len(fields))
	}
	if u.win.Canvas().Focused() != fields[0] {
		t.Error("typing does not start in the passphrase")
	}
	test.Type(fields[0], "hemmelig")
	test.Type(fields[1], "hemmelik")
	u.win.Canvas().Focus(fields[1])
	pressOn(t, u, fyne.KeyReturn)
	if !hasOverlayText(u, u.T("export.passphrase_mismatch")) {
		t.Fatalf("no message for a differing repetition:\n%s", overlayText(u))
	}
	closeTop(u)
	again := keyEntries()
	if len(again) != 2 || again[0].Text != "hemmelig" || again[1].Text != "hemmelik" || topOverlay(u) == nil {
		t.Fatalf("the export dialog did not come back as typed: %d fields", len(again))
	}
	u.win.Canvas().Focus(again[1])
	pressOn(t, u, fyne.KeyEscape)
	if topOverlay(u) != nil || len(f.proposed) != 0 {
		t.Errorf("Escape: dialog open %v, save dialogs %v", topOverlay(u) != nil, f.proposed)
	}
}

// TestReportProgressCancels: the progress dialog's Cancel has focus, and Escape stops the
// report: no file is left, and no message follows.
func TestReportProgressCancels(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	u.writeReport(path, a.ID, reports.Options{Lang: i18n.Danish})
	if got := focusedText(u); got != "Annullér" {
		t.Fatalf("the progress dialog opens with %q focused, want Annullér", got)
	}
	// The report takes far longer than this key press (it reads the store, then renders).
	pressOn(t, u, fyne.KeyEscape)
	u.work.Wait()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled report left a file: %v", err)
	}
	if topOverlay(u) != nil {
		t.Errorf("a dialog is open after cancelling:\n%s", overlayText(u))
	}
	// Not cancelled, the report is written and said so.
	u.writeReport(path, a.ID, reports.Options{Lang: i18n.Danish})
	u.work.Wait()
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("the report was not written: %v", err)
	}
	if !hasOverlayText(u, u.T("report.saved", i18n.Args{"Path": path})) {
		t.Errorf("no message where the report went:\n%s", overlayText(u))
	}
}

// TestSpaceThatOpensAFormIsNotTyped: a Space on a button that opens a form arrives as a
// character just after the form's field has taken focus (the window delivers the key, then
// its character); it is not typed into the field. A space typed later, or in the middle, is.
func TestSpaceThatOpensAFormIsNotTyped(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	c, _ := newAssessment(t, store)
	u.showCompany(c.ID)
	add := findButton(t, u, "Tilføj system")
	u.win.Canvas().Focus(add)
	// As the window does it: the key, which opens the form and focuses its name, then the character.
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	u.win.Canvas().Focused().TypedRune(' ')
	name, ok := u.win.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("the system form opens with %T focused, want its name", u.win.Canvas().Focused())
	}
	if name.Text != "" {
		t.Errorf("the Space that opened the form was typed into the name: %q", name.Text)
	}
	for _, r := range "Løn 2" {
		name.TypedRune(r)
	}
	name.focusedAt = time.Now().Add(-time.Second)
	name.SetText("")
	name.typed = false
	name.TypedRune(' ')
	if name.Text != " " {
		t.Errorf("a space typed a second after the form opened was dropped: %q", name.Text)
	}

	pressOn(t, u, fyne.KeyEscape) // closes the system form
	u.showStart()
	newCompany := findButton(t, u, "Ny virksomhed")
	u.win.Canvas().Focus(newCompany)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	u.win.Canvas().Focused().TypedRune(' ')
	for _, r := range "Æblegården ApS" {
		u.win.Canvas().Focused().TypedRune(r)
	}
	if e, _ := asEntry(u.win.Canvas().Focused().(fyne.CanvasObject)); e == nil || e.Text != "Æblegården ApS" {
		t.Errorf("the company name reads %q, want it without the Space that opened the form", e.Text)
	}
}

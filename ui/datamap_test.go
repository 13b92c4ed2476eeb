package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// overlay returns the entries and the button labelled label in the topmost dialog.
func overlay(t *testing.T, u *UI, label string) ([]*widget.Entry, *widget.Button) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var es []*widget.Entry
	var button *widget.Button
	objects(top, func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok {
			es = append(es, e)
		}
		if b, ok := asButton(o); ok && b.Text == label && button == nil {
			button = b
		}
	})
	return es, button
}

func closeOverlays(u *UI) {
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
}

func dataMapState(t *testing.T, lang i18n.Lang) (*UI, *assessment.Store, assessment.Company, assessment.System) {
	t.Helper()
	u, store := newTestUI(t, lang)
	ctx := context.Background()
	c := assessment.Company{Name: "Løn & Co ApS"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	sys := assessment.System{CompanyID: c.ID, Kind: "payroll", Product: "danloen", Vendor: "Visma Danløn", Hosting: "eu", ProcessorAgreement: "yes"}
	if err := store.SaveSystem(ctx, &sys); err != nil {
		t.Fatal(err)
	}
	return u, store, c, sys
}

func activities(t *testing.T, store *assessment.Store, companyID int64) []assessment.Activity {
	t.Helper()
	acts, err := store.Activities(context.Background(), companyID)
	if err != nil {
		t.Fatal(err)
	}
	return acts
}

// TestDataMapByKeyboard: from the company screen to the data map, a template, a new activity
// typed by keyboard, a refused bad period that keeps the form, editing the selected row with
// Enter, and the progress.
func TestDataMapByKeyboard(t *testing.T) {
	u, store, c, _ := dataMapState(t, i18n.Danish)
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Datakort"))
	if !hasLabel(u, "Datakort: Danløn") || !hasLabel(u, "0 af 0 behandlingsaktiviteter er udfyldt") {
		t.Fatal("the data map screen does not show the system and its empty progress")
	}
	test.Tap(findButton(t, u, "Start fra skabelon: Lønsystem"))
	acts := activities(t, store, c.ID)
	if len(acts) != 1 || acts[0].Purpose != "Lønudbetaling, indberetning af løn, skat og pension samt registrering af fravær" {
		t.Fatalf("template activities %+v", acts)
	}
	if !hasLabel(u, "1 af 1 behandlingsaktivitet er udfyldt") {
		t.Error("progress after the template should be 1 of 1")
	}

	canvas := u.win.Canvas()
	canvas.OnTypedRune()('n')
	es, save := overlay(t, u, "Gem")
	// Entries in form order: purpose, recipients, months, owner, security.
	test.Type(es[0], "Fraværsstatistik")
	test.Type(es[2], "fem")
	test.Tap(save)
	if n := len(activities(t, store, c.ID)); n != 1 {
		t.Fatalf("a period of \"fem\" months was saved (%d activities)", n)
	}
	if !hasOverlayText(u, "»fem« er ikke et helt antal måneder.") {
		t.Error("no translated message for a bad period")
	}
	closeTop(u) // the message; the form is shown again as typed
	es, save = overlay(t, u, "Gem")
	if es[0].Text != "Fraværsstatistik" {
		t.Fatalf("the form lost what was typed: %q", es[0].Text)
	}
	es[2].SetText("12")
	test.Tap(save)
	acts = activities(t, store, c.ID)
	if len(acts) != 2 || acts[1].Purpose != "Fraværsstatistik" || acts[1].RetentionMonths != 12 {
		t.Fatalf("new activity not saved as typed: %+v", acts)
	}
	if !hasLabel(u, "1 af 2 behandlingsaktiviteter er udfyldt") {
		t.Error("an incomplete new activity should leave progress at 1 of 2")
	}

	// Arrow down twice selects the second row; Enter edits it.
	canvas.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	canvas.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	canvas.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	es, save = overlay(t, u, "Gem")
	if es[0].Text != "Fraværsstatistik" {
		t.Fatalf("Enter opened %q, want the selected second row", es[0].Text)
	}
	es[0].SetText("Fraværsstatistik pr. afdeling")
	test.Tap(save)
	if acts = activities(t, store, c.ID); acts[1].Purpose != "Fraværsstatistik pr. afdeling" || len(acts) != 2 {
		t.Errorf("edit not saved: %+v", acts)
	}
	closeOverlays(u)
}

func hasOverlayText(u *UI, s string) bool {
	found := false
	for _, o := range u.win.Canvas().Overlays().List() {
		objects(o, func(x fyne.CanvasObject) {
			switch l := x.(type) {
			case *widget.Label:
				found = found || l.Text == s
			case *widget.RichText:
				found = found || l.String() == s
			}
		})
	}
	return found
}

func closeTop(u *UI) {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
}

// TestDataMapSupervisionAndWorkshop: supervision dates are checked before saving; W switches
// workshop mode on and Esc off, on the same screen.
func TestDataMapSupervisionAndWorkshop(t *testing.T) {
	u, store, c, sys := dataMapState(t, i18n.English)
	u.showDataMap(c.ID, sys.ID)
	fields := entries(u) // last, next supervision
	if len(fields) != 2 {
		t.Fatalf("%d entries on the screen, want the two supervision dates", len(fields))
	}
	test.Type(fields[1], "1 March")
	test.Tap(findButton(t, u, "Save"))
	got, err := store.Supervisions(context.Background(), c.ID)
	if err != nil || len(got) != 0 {
		t.Fatalf("a bad date was saved: %+v %v", got, err)
	}
	closeOverlays(u)
	fields[1].SetText("2027-03-01")
	test.Tap(findButton(t, u, "Save"))
	if got, _ = store.Supervisions(context.Background(), c.ID); got[sys.ID].Next != "2027-03-01" {
		t.Errorf("supervision %+v", got)
	}
	closeOverlays(u)

	u.win.Canvas().OnTypedRune()('w')
	if u.scale != workshopScale || !hasLabel(u, "Data map: Danløn") {
		t.Fatalf("W should show the data map in workshop mode (scale %v)", u.scale)
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.scale != 1 || !hasLabel(u, "Data map: Danløn") {
		t.Errorf("Esc should leave workshop mode on the data map (scale %v)", u.scale)
	}
}

// TestDataMapDocumentsFromTheApp: the company screen makes the record of processing, the
// retention schedule and the processor overview, as the command line does, so that a company
// without a terminal gets them: the document and language chosen, a PDF and, when asked, a
// CSV for Danish Excel beside it under the same name.
func TestDataMapDocumentsFromTheApp(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	id, err := store.CreateDemo(context.Background(), u.set)
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	f := installFakeFiles(t, u)
	u.showCompany(a.CompanyID)
	test.Tap(findButton(t, u, "Dokumenter fra datakortet …"))
	var doc *keySelect
	var csv *keyCheck
	overlayObjects(u, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *keySelect:
			if doc == nil {
				doc = x
			}
		case *keyCheck:
			csv = x
		}
	})
	if doc == nil || csv == nil || len(doc.Options) != 3 || doc.Selected != "Fortegnelse over behandlingsaktiviteter" {
		t.Fatalf("the documents dialog offers %v (chosen %q), CSV choice %v", doc.Options, doc.Selected, csv != nil)
	}
	doc.SetSelected("Sletteregler")
	csv.SetChecked(true)
	test.Tap(overlayButton(t, u, "Vælg fil …"))
	if len(f.proposed) != 1 || f.proposed[0] != "Æblegården-ApS-sletteregler.pdf" {
		t.Fatalf("proposed %v", f.proposed)
	}
	pdf, err := os.ReadFile(filepath.Join(f.dir, "Æblegården-ApS-sletteregler.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(f.dir, "Æblegården-ApS-sletteregler.csv"))
	if err != nil || !bytes.HasPrefix(data, []byte("\ufeff")) || !bytes.Contains(data, []byte(";")) {
		t.Fatalf("no CSV for Danish Excel beside it: %v", err)
	}
	if !strings.Contains(overlayText(u), "og som CSV til Excel i") {
		t.Errorf("the message does not name both files:\n%s", overlayText(u))
	}
}

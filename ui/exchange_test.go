package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// fakeFiles stands in for the file dialogs: a save goes to dir under the proposed name, an
// open hands over data, and the file manager is missing.
type fakeFiles struct {
	dir      string
	proposed []string // names the app proposed, in order
	opened   []string // folders the app tried to open
}

func (f *fakeFiles) install(u *UI, data []byte) {
	u.files = files{
		save: func(_, name, _ string, done func(string)) {
			f.proposed = append(f.proposed, name)
			done(filepath.Join(f.dir, name))
		},
		open: func(_ string, _ []string, done func([]byte, string)) {
			done(data, filepath.Join(f.dir, "offered.json"))
		},
		openFolder: func(dir string) error {
			f.opened = append(f.opened, dir)
			return errors.New("exec: \"xdg-open\": executable file not found in $PATH")
		},
	}
}

// installFakeFiles puts fake file dialogs on u that save into a new temporary folder and offer
// nothing to open.
func installFakeFiles(t *testing.T, u *UI) *fakeFiles {
	t.Helper()
	f := &fakeFiles{dir: t.TempDir()}
	f.install(u, nil)
	return f
}

func overlayText(u *UI) string {
	var texts []string
	overlayObjects(u, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			texts = append(texts, "["+x.Text+"]")
		case *keyButton:
			texts = append(texts, "["+x.Text+"]")
		}
	})
	return strings.Join(texts, "\n")
}

func overlayEntries(u *UI) []*widget.Entry {
	var out []*widget.Entry
	overlayObjects(u, func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok {
			out = append(out, e)
		}
	})
	return out
}

// fixedClock makes the store's dates (and so the proposed file names) predictable.
func fixedClock(store *assessment.Store) {
	clock := time.Date(2026, time.December, 3, 9, 0, 0, 0, time.UTC)
	store.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
}

// TestExportExchangeSaysWhereAndProtects: the exchange file is proposed under the company's
// name and the date, protected when a passphrase is given twice alike, and the app says where
// it went; a machine without a file manager gets the folder in words, not a Go error.
func TestExportExchangeSaysWhereAndProtects(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	fixedClock(store)
	_, a := newAssessment(t, store)
	f := installFakeFiles(t, u)

	// Two different passphrases: refused, nothing written.
	u.exportExchange(a.ID)
	if !strings.Contains(overlayText(u), "It is not the copy of all data about the company") {
		t.Errorf("the export dialog does not tell the exchange file from the company export:\n%s", overlayText(u))
	}
	pass := overlayEntries(u)
	if len(pass) != 2 || !pass[0].Password || !pass[1].Password {
		t.Fatalf("want a passphrase and its repetition, got %d fields", len(pass))
	}
	test.Type(pass[0], "hemmelig æøå")
	test.Type(pass[1], "hemmelig")
	test.Tap(overlayButton(t, u, "Choose file …"))
	if !strings.Contains(overlayText(u), "The two passphrases differ") || len(f.proposed) != 0 {
		t.Fatalf("different passphrases should be refused before a file is chosen:\n%s", overlayText(u))
	}
	dismissOverlays(u)

	u.exportExchange(a.ID)
	pass = overlayEntries(u)
	test.Type(pass[0], "hemmelig æøå")
	test.Type(pass[1], "hemmelig æøå")
	test.Tap(overlayButton(t, u, "Choose file …"))
	if len(f.proposed) != 1 || f.proposed[0] != "Æblegården-ApS-2026-12-03.gdprtjek.json" {
		t.Fatalf("proposed names %v, want the company and the date", f.proposed)
	}
	path := filepath.Join(f.dir, f.proposed[0])
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if assessment.DetectFileKind(data) != assessment.FileExchangeProtected {
		t.Error("a file exported with a passphrase is not protected")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("exchange file mode %v, want 0600", info.Mode().Perm())
	}
	said := overlayText(u)
	if !strings.Contains(said, path) || !strings.Contains(said, "protected with the passphrase") {
		t.Errorf("the app should say where the protected file went:\n%s", said)
	}
	test.Tap(overlayButton(t, u, "Open folder"))
	said = overlayText(u)
	if len(f.opened) != 1 || f.opened[0] != f.dir || !strings.Contains(said, "No file manager could be opened") ||
		strings.Contains(said, "xdg-open") {
		t.Errorf("without a file manager the app should name the folder in words:\n%s", said)
	}

	// The file goes back in, with the passphrase, into another database.
	other, otherStore := newTestUI(t, i18n.English)
	(&fakeFiles{dir: t.TempDir()}).install(other, data)
	other.importExchange()
	test.Type(overlayEntries(other)[0], "hemmelig æøå")
	test.Tap(overlayButton(t, other, "OK"))
	if list, _ := otherStore.Assessments(context.Background(), 0); len(list) != 1 || list[0].UID != a.UID {
		t.Fatalf("the protected file did not import: %+v", list)
	}
}

// TestImportSaysWhatCameIn: after an import the app names the company, the assessment and how
// many answers and comments came, and where to find them.
func TestImportSaysWhatCameIn(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	ctx := context.Background()
	_, a := newAssessment(t, store)
	for _, id := range []string{"basis.records", "basis.dpa"} {
		ans := assessment.Answer{AssessmentID: a.ID, QuestionID: id, Value: assessment.No}
		if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.AddComment(ctx, &assessment.Comment{AssessmentID: a.ID, Author: "Søren", Body: "Se løn"}); err != nil {
		t.Fatal(err)
	}
	snap, _ := store.Snapshot(ctx, a.ID)
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	partner, partnerStore := newTestUI(t, i18n.Danish)
	(&fakeFiles{dir: t.TempDir()}).install(partner, data)
	partner.importExchange()
	said := overlayText(partner)
	for _, want := range []string{"»Runde 1« for Æblegården ApS er importeret med 2 svar og 1 kommentar", "ligger under Æblegården ApS"} {
		if !strings.Contains(said, want) {
			t.Errorf("the import should say %q:\n%s", want, said)
		}
	}
	if list, _ := partnerStore.Assessments(ctx, 0); len(list) != 1 {
		t.Errorf("imported %d assessments, want 1", len(list))
	}
	if !hasLabel(partner, "Status: Kladde") {
		t.Error("the imported assessment should be open on the review screen")
	}
}

// TestImportRecognisesCompanyExport: the company-data export offered to the import is named
// for what it is, and nothing is imported.
func TestImportRecognisesCompanyExport(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	c, _ := newAssessment(t, store)
	data, err := store.ExportCompany(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	other, otherStore := newTestUI(t, i18n.English)
	(&fakeFiles{dir: t.TempDir()}).install(other, data)
	other.importExchange()
	said := overlayText(other)
	if !strings.Contains(said, "is a company export") || strings.Contains(said, "damaged") {
		t.Errorf("a company export should be recognised, not called damaged:\n%s", said)
	}
	if list, _ := otherStore.Assessments(context.Background(), 0); len(list) != 0 {
		t.Errorf("a company export was imported: %+v", list)
	}
	_ = u
}

// TestExportsAreNamedApart: the company screen names the two exports so that they cannot be
// taken for each other, and their proposed file names differ.
func TestExportsAreNamedApart(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	fixedClock(store)
	c, a := newAssessment(t, store)
	f := installFakeFiles(t, u)
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Eksportér alle data om virksomheden (ikke til partneren) …"))
	dismissOverlays(u)
	test.Tap(findButton(t, u, "Udvekslingsfil til partneren …"))
	test.Tap(overlayButton(t, u, "Vælg fil …"))
	if len(f.proposed) != 2 || f.proposed[0] != "Æblegården-ApS-alle-data.json" || f.proposed[1] != "Æblegården-ApS-2026-12-03.gdprtjek.json" {
		t.Errorf("proposed file names %v", f.proposed)
	}
	_ = a
}

// partnerSet is fixtureSet with a task for the partner on two questions.
func partnerSet() *checklists.Set {
	set := fixtureSet()
	for _, id := range []string{"basis.records", "basis.dpa"} {
		q, _, _ := set.Question(id)
		q.PartnerAction = text("Opsæt "+id+" i ERP", "Set up "+id+" in the ERP")
	}
	return set
}

// TestPartnerSendsTheFileBack: on the partner's task screen the exchange file is offered as
// going back to the company, and the dialog says so; the company screen still offers it to
// the partner.
func TestPartnerSendsTheFileBack(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	c, a := newAssessment(t, store)
	f := installFakeFiles(t, u)
	u.showCompany(c.ID)
	findButton(t, u, "Udvekslingsfil til partneren …")
	u.showPartnerTasks(a.ID)
	test.Tap(findButton(t, u, "Udvekslingsfil tilbage til virksomheden …"))
	if !hasOverlayText(u, "Udvekslingsfil tilbage til virksomheden") || !strings.Contains(overlayText(u), "fletter den ind") ||
		!strings.Contains(overlayText(u), "Giv virksomheden adgangsfrasen") {
		t.Fatalf("the dialog is not worded for sending the file back:\n%s", overlayText(u))
	}
	pressOn(t, u, fyne.KeyReturn) // no passphrase: on to the file
	// Named apart from the file the partner received, which is likely in the same folder.
	if len(f.proposed) != 1 || !strings.HasSuffix(f.proposed[0], "-svar.gdprtjek.json") {
		t.Errorf("file names proposed: %v", f.proposed)
	}
	if !strings.Contains(overlayText(u), "Send den tilbage til virksomheden.") {
		t.Errorf("the message after saving does not say to send the file back:\n%s", overlayText(u))
	}
}

// TestReviewScreenExchangeIsNeutral: the review screen serves both sides (the company before
// sending, the partner after signing off), so its exchange file names no direction.
func TestReviewScreenExchangeIsNeutral(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	_, a := newAssessment(t, store)
	f := installFakeFiles(t, u)
	u.showReview(a.ID)
	test.Tap(findButton(t, u, "Udvekslingsfil …"))
	said := overlayText(u)
	if strings.Contains(said, "til implementeringspartneren") || strings.Contains(said, "tilbage til virksomheden") ||
		!strings.Contains(said, "Giv modtageren adgangsfrasen") {
		t.Fatalf("the review screen's exchange dialog names a direction:\n%s", said)
	}
	pressOn(t, u, fyne.KeyReturn)
	if len(f.proposed) != 1 || !strings.Contains(overlayText(u), "Send den til modtageren.") {
		t.Errorf("proposed %v; message:\n%s", f.proposed, overlayText(u))
	}
}

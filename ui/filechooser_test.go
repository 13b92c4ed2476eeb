package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// chooserHome makes a home folder for the chooser's places: Documents named by
// xdg-user-dirs as "Dokumenter" (as on a Danish desktop), a plain ~/Desktop, and Downloads
// as "Hentede filer". It forgets the folder a chooser of an earlier test remembered.
func chooserHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	for _, d := range []string{"Dokumenter", "Desktop", "Hentede filer", ".config"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	dirs := "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumenter\"\n" +
		"XDG_DOWNLOAD_DIR=\"$HOME/Hentede filer\"\nXDG_MUSIC_DIR=\"$HOME/Musik\"\nXDG_DESKTOP_DIR=\"$HOME/\"\n"
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o600); err != nil {
		t.Fatal(err)
	}
	rememberDir("")
	t.Cleanup(func() { rememberDir("") })
	return home
}

// chooserWindow is a window of the documented size, with a home of chooserHome's.
func chooserWindow(t *testing.T, l i18n.Lang) (fyne.Window, *i18n.Localizer) {
	t.Helper()
	chooserHome(t)
	w := test.NewTempApp(t).NewWindow("GDPR-tjek")
	w.Resize(fyne.NewSize(1100, 760))
	return w, i18n.New(l)
}

// press types keys into whatever has focus, as the keyboard does.
func press(t *testing.T, w fyne.Window, keys ...fyne.KeyName) {
	t.Helper()
	for _, k := range keys {
		f := w.Canvas().Focused()
		if f == nil {
			t.Fatalf("%s: nothing has focus", k)
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// windowTexts are the texts of the labels and buttons in w's dialogs.
func windowTexts(w fyne.Window) []string {
	var out []string
	for _, o := range w.Canvas().Overlays().List() {
		objects(o, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Label:
				out = append(out, x.Text)
			case *pathLabel:
				out = append(out, x.Text)
			default:
				if b, ok := asButton(o); ok {
					out = append(out, b.Text)
				}
			}
		})
	}
	return out
}

func hasText(texts []string, substr string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, substr) })
}

// TestChooserPlacesInDanish: the places are named in the app's language, the desktop's
// folders found where xdg-user-dirs puts them, and no English is left in the Danish chooser.
// It opens in Documents.
func TestChooserPlacesInDanish(t *testing.T) {
	w, loc := chooserWindow(t, i18n.Danish)
	home, _ := os.UserHomeDir()
	c := chooseFile(w, loc, fileRequest{Save: true, Name: "rapport.pdf", Exts: []string{".pdf"}}, func(string) {})
	places := map[string]string{}
	for _, b := range c.buttons {
		places[b.Text] = ""
		b.OnTapped()
		places[b.Text] = c.dir
	}
	want := map[string]string{"Hjem": home, "Skrivebord": filepath.Join(home, "Desktop"),
		"Dokumenter": filepath.Join(home, "Dokumenter"), "Overførsler": filepath.Join(home, "Hentede filer"),
		"Denne computer": "/"}
	for label, dir := range want {
		if got, ok := places[label]; !ok || got != dir {
			t.Errorf("place %q goes to %q (offered %v), want %q", label, got, ok, dir)
		}
	}
	texts := windowTexts(w)
	for _, english := range []string{"Home", "Computer", "Desktop", "Documents", "Downloads", "Save", "Cancel", "File name", "Parent folder"} {
		if slices.Contains(texts, english) {
			t.Errorf("the Danish chooser shows %q:\n%s", english, strings.Join(texts, "\n"))
		}
	}
	for _, danish := range []string{"Gem", "Annullér", "Filnavn", "Overordnet mappe"} {
		if !slices.Contains(texts, danish) {
			t.Errorf("the Danish chooser lacks %q:\n%s", danish, strings.Join(texts, "\n"))
		}
	}
	c.k.cancel.OnTapped()

	c = chooseFile(w, loc, fileRequest{Exts: []string{".json"}}, func(string) {})
	if want := filepath.Join(home, "Dokumenter"); c.dir != want {
		t.Errorf("the chooser opens in %q, want Documents %q", c.dir, want)
	}
	c.k.cancel.OnTapped()

	w, loc = chooserWindow(t, i18n.English)
	c = chooseFile(w, loc, fileRequest{Exts: []string{".json"}}, func(string) {})
	texts = windowTexts(w)
	for _, english := range []string{"Home", "Desktop", "Documents", "Downloads", "Computer", "Open", "Cancel"} {
		if !slices.Contains(texts, english) {
			t.Errorf("the English chooser lacks %q:\n%s", english, strings.Join(texts, "\n"))
		}
	}
}

// TestChooserSaveByKeyboard: Enter in the name field saves under the proposed name; a name
// without the extension gets it; a bad name is refused with a message and the chooser stays;
// an existing file asks first, with No focused.
func TestChooserSaveByKeyboard(t *testing.T) {
	w, loc := chooserWindow(t, i18n.Danish)
	dir := t.TempDir()
	var got []string
	save := func(name string) *fileChooser {
		t.Helper()
		got = nil
		c := chooseFile(w, loc, fileRequest{Save: true, Name: name, Exts: []string{".pdf"}, Dir: dir},
			func(p string) { got = append(got, p) })
		if w.Canvas().Focused() != fyne.Focusable(c.name) || c.name.Text != name {
			t.Fatalf("the chooser opens with %v focused and %q proposed, want the name field with %q", w.Canvas().Focused(), c.name.Text, name)
		}
		return c
	}

	save("Æblegården rapport.pdf")
	press(t, w, fyne.KeyReturn)
	if want := filepath.Join(dir, "Æblegården rapport.pdf"); len(got) != 1 || got[0] != want {
		t.Errorf("saved as %v, want %s", got, want)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the chooser stayed open")
	}
	if _, err := os.Stat(got[0]); !os.IsNotExist(err) {
		t.Errorf("the chooser created the file (%v); the caller writes it", err)
	}

	c := save("rapport")
	c.name.SetText("rapport")
	press(t, w, fyne.KeyReturn)
	if want := filepath.Join(dir, "rapport.pdf"); len(got) != 1 || got[0] != want {
		t.Errorf("saved as %v, want %s", got, want)
	}

	for name, msg := range map[string]string{"a/b": "Et filnavn kan ikke indeholde", `rap:port`: "Et filnavn kan ikke indeholde", "  ": "Skriv et navn til filen"} {
		c = save(name)
		press(t, w, fyne.KeyReturn)
		if len(got) != 0 || w.Canvas().Overlays().Top() == nil || !strings.Contains(c.status.Text, msg) {
			t.Errorf("%q: chose %v, status %q, open %v", name, got, c.status.Text, w.Canvas().Overlays().Top() != nil)
		}
		press(t, w, fyne.KeyEscape)
	}

	if err := os.WriteFile(filepath.Join(dir, "gammel.pdf"), []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	save("gammel.pdf")
	press(t, w, fyne.KeyReturn)
	if f, ok := w.Canvas().Focused().(*keyButton); !ok || f.Text != "Nej" {
		t.Fatalf("replacing asks with %v focused, want Nej", w.Canvas().Focused())
	}
	if !hasText(windowTexts(w), "gammel.pdf findes allerede") {
		t.Errorf("no question about replacing:\n%s", strings.Join(windowTexts(w), "\n"))
	}
	press(t, w, fyne.KeyReturn) // No
	if len(got) != 0 || len(w.Canvas().Overlays().List()) != 1 {
		t.Fatalf("No: chose %v with %d dialogs open, want the chooser alone", got, len(w.Canvas().Overlays().List()))
	}
	press(t, w, fyne.KeyReturn) // the name field has focus again
	test.Tap(overlayKeyButton(t, w, "Ja"))
	if want := filepath.Join(dir, "gammel.pdf"); len(got) != 1 || got[0] != want || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Yes: chose %v, want %s and no dialog left", got, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "gammel.pdf")); string(data) != "%PDF" {
		t.Error("the chooser changed the existing file")
	}
}

func overlayKeyButton(t *testing.T, w fyne.Window, label string) *keyButton {
	t.Helper()
	var found *keyButton
	objects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the top dialog", label)
	}
	return found
}

// TestChooserEscapeEverywhere: Escape cancels wherever focus is in the chooser: the name
// field, the list, a place, the parent button and the dialog's own buttons.
func TestChooserEscapeEverywhere(t *testing.T) {
	w, loc := chooserWindow(t, i18n.English)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "archive"), 0o700)
	targets := map[string]func(c *fileChooser) fyne.Focusable{
		"name field": func(c *fileChooser) fyne.Focusable { return c.name },
		"list":       func(c *fileChooser) fyne.Focusable { return c.list },
		"place":      func(c *fileChooser) fyne.Focusable { return c.buttons[0] },
		"parent":     func(c *fileChooser) fyne.Focusable { return c.up },
		"cancel":     func(c *fileChooser) fyne.Focusable { return c.k.cancel },
		"save":       func(c *fileChooser) fyne.Focusable { return c.k.confirm },
	}
	for what, target := range targets {
		for _, saving := range []bool{true, false} {
			if (what == "name field" || what == "save") && !saving {
				continue
			}
			called := false
			c := chooseFile(w, loc, fileRequest{Save: saving, Name: "x.json", Exts: []string{".json"}, Dir: dir}, func(string) { called = true })
			w.Canvas().Focus(target(c))
			press(t, w, fyne.KeyEscape)
			if called || w.Canvas().Overlays().Top() != nil {
				t.Errorf("Escape on the %s (save %v): done called %v, dialog open %v", what, saving, called, w.Canvas().Overlays().Top() != nil)
				w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
			}
		}
	}
}

// TestChooserTabReachesEveryPart: Tab goes through the parent button, the places, the list,
// the name field and both buttons.
func TestChooserTabReachesEveryPart(t *testing.T) {
	w, loc := chooserWindow(t, i18n.English)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), nil, 0o600)
	c := chooseFile(w, loc, fileRequest{Save: true, Name: "x.pdf", Exts: []string{".pdf"}, Dir: dir}, func(string) {})
	reached := map[fyne.Focusable]bool{}
	for range 30 {
		w.Canvas().FocusNext()
		reached[w.Canvas().Focused()] = true
	}
	want := []fyne.Focusable{c.up, c.list, c.name, c.k.cancel, c.k.confirm}
	for _, b := range c.buttons {
		want = append(want, b)
	}
	for _, f := range want {
		if !reached[f] {
			t.Errorf("Tab never reaches %T %v", f, f)
		}
	}
}

// TestChooserClicksAndFolders: one click on a folder enters it, Enter on a focused folder
// too, Backspace and the parent button go up; a click on a file fills the name (save) or
// enables Open (open); a folder that cannot be read says so in words.
func TestChooserClicksAndFolders(t *testing.T) {
	w, loc := chooserWindow(t, i18n.Danish)
	dir := t.TempDir()
	sub := filepath.Join(dir, "Arkiv")
	os.Mkdir(sub, 0o700)
	os.WriteFile(filepath.Join(sub, "gammel.json"), []byte("{}"), 0o600)
	os.WriteFile(filepath.Join(dir, "udveksling.json"), []byte("{}"), 0o600)

	c := chooseFile(w, loc, fileRequest{Save: true, Name: "ny.json", Exts: []string{".json"}, Dir: dir}, func(string) {})
	clock := time.Now()
	c.now = func() time.Time { return clock }
	c.list.Select(0) // what a click does
	if c.dir != sub {
		t.Fatalf("a click on a folder: in %q, want %q", c.dir, sub)
	}
	c.list.Select(0) // the second click of a double-click
	if c.name.Text != "ny.json" {
		t.Errorf("the second click of a double-click on a folder picked %q in it", c.name.Text)
	}
	clock = clock.Add(time.Second)
	c.list.Select(0)
	if c.name.Text != "gammel.json" {
		t.Errorf("a click on a file in a save: name %q", c.name.Text)
	}
	test.Tap(c.up)
	if c.dir != dir {
		t.Errorf("parent folder: in %q, want %q", c.dir, dir)
	}
	c.escape()

	c = chooseFile(w, loc, fileRequest{Exts: []string{".json"}, Dir: dir}, func(string) {})
	if !c.k.confirm.Disabled() {
		t.Error("Open is enabled before a file is chosen")
	}
	press(t, w, fyne.KeyReturn) // the list has focus: Enter enters the folder
	if c.dir != sub || w.Canvas().Focused() != fyne.Focusable(c.list) {
		t.Fatalf("Enter on a folder: in %q with %v focused", c.dir, w.Canvas().Focused())
	}
	c.list.Select(0)
	if c.k.confirm.Disabled() {
		t.Error("a click on a file does not enable Open")
	}
	press(t, w, fyne.KeyBackspace)
	if c.dir != dir {
		t.Errorf("Backspace: in %q, want %q", c.dir, dir)
	}

	os.RemoveAll(sub) // gone between listing and clicking, as a folder without access fails
	c.list.Select(0)
	texts := windowTexts(w)
	if !hasText(texts, "Mappen kan ikke læses") || hasText(texts, "no such file") {
		t.Errorf("an unreadable folder:\n%s", strings.Join(texts, "\n"))
	}
	press(t, w, fyne.KeyBackspace)
	if f := w.Canvas().Focused(); f != fyne.Focusable(c.up) {
		t.Errorf("after an unreadable folder %v has focus, want the parent button", f)
	}
	test.Tap(c.up)
	if c.dir != dir || c.list == nil {
		t.Errorf("the user cannot go elsewhere: in %q", c.dir)
	}
}

// TestChooserFitsSmallWindow: in a 900×600 window the chooser stays inside it, and a long
// path is cut from the left rather than widening anything.
func TestChooserFitsSmallWindow(t *testing.T) {
	w, loc := chooserWindow(t, i18n.Danish)
	w.Resize(fyne.NewSize(900, 600))
	dir := t.TempDir()
	for i := range 12 {
		dir = filepath.Join(dir, strings.Repeat("æ", 20)+string(rune('a'+i)))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	c := chooseFile(w, loc, fileRequest{Save: true, Name: "rapport.pdf", Exts: []string{".pdf"}, Dir: dir}, func(string) {})
	o := w.Canvas().Overlays().Top()
	var widest float32
	objects(o, func(x fyne.CanvasObject) { widest = max(widest, x.Size().Width) })
	if widest > 900 || o.Size().Width > 900 || w.Canvas().Size().Width > 900 {
		t.Errorf("the chooser is %v wide (widest part %v) in a 900 px window", o.Size().Width, widest)
	}
	if !strings.HasPrefix(c.path.Text, "…") || !strings.HasSuffix(c.path.Text, filepath.Base(dir)) {
		t.Errorf("a long path shows as %q, want it cut from the left", c.path.Text)
	}
	if c.path.MinSize().Width > 200 {
		t.Errorf("the path asks for %v px", c.path.MinSize().Width)
	}
}

// TestChooserRemembersFolder: the next chooser of the run opens in the folder last chosen.
func TestChooserRemembersFolder(t *testing.T) {
	w, loc := chooserWindow(t, i18n.English)
	dir := t.TempDir()
	chooseFile(w, loc, fileRequest{Save: true, Name: "x.pdf", Exts: []string{".pdf"}, Dir: dir}, func(string) {})
	press(t, w, fyne.KeyReturn)
	if c := chooseFile(w, loc, fileRequest{Exts: []string{".json"}}, func(string) {}); c.dir != dir {
		t.Errorf("opens in %q, want the last chosen %q", c.dir, dir)
	}
}

// TestImportThroughChooser: the real files hook: the exchange file chosen by keyboard in
// the chooser ends in the store.
func TestImportThroughChooser(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	home := chooserHome(t)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	a := mustAssessment(t, u, store, c.ID)
	data := exchangeOf(t, store, a.ID)
	if err := os.WriteFile(filepath.Join(home, "Dokumenter", "Æblegården.gdprtjek.json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	other, otherStore, _ := newRecordingUI(t, i18n.Danish, nil)
	other.importExchange()
	found := false
	for _, o := range other.win.Canvas().Overlays().List() {
		objects(o, func(x fyne.CanvasObject) {
			if l, ok := x.(*widget.Label); ok && l.Text == "Importér udvekslingsfil" {
				found = true
			}
		})
	}
	if !found {
		t.Error("the chooser is not titled by what it is for (Importér udvekslingsfil)")
	}
	press(t, other.win, fyne.KeyReturn) // the list has focus, on the one file
	companies, err := otherStore.Companies(context.Background())
	if err != nil || len(companies) != 1 || companies[0].Name != "Æblegården ApS" {
		t.Fatalf("imported companies %+v, %v", companies, err)
	}
	if list, err := otherStore.Assessments(context.Background(), companies[0].ID); err != nil || len(list) != 1 || list[0].Title != "Runde 1" {
		t.Errorf("imported %+v, %v", list, err)
	}
}

// TestReportThroughChooser: the real files hook: the report's proposed name, Enter, and
// the PDF is written where the chooser says.
func TestReportThroughChooser(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.English, nil)
	home := chooserHome(t)
	c := mustCompany(t, store, assessment.Company{Name: "Ørsted Øl ApS"})
	a := mustAssessment(t, u, store, c.ID)
	u.chooseReportFile(c.Name, a.ID, reports.Options{Lang: i18n.Danish})
	// Enter on the Save button: Enter in the field would go on redrawing the field after
	// the report's goroutine started, which the test driver, having no main thread of its
	// own, reports as a race.
	u.win.Canvas().FocusNext() // Cancel
	u.win.Canvas().FocusNext()
	if b, ok := u.win.Canvas().Focused().(*keyButton); !ok || b.Text != "Save" {
		t.Fatalf("after the name field and Cancel, Tab goes to %v, want Save", u.win.Canvas().Focused())
	}
	press(t, u.win, fyne.KeyReturn)
	u.work.Wait()
	path := filepath.Join(home, "Dokumenter", "Ørsted-Øl-ApS-gdpr-rapport.pdf")
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("the report was not written to %s: %v", path, err)
	}
}

// showRecoveryRecording opens the recovery window for a file that is not a database, in
// Danish; the list it returns gathers the paths the window then opens as the database.
func showRecoveryRecording(t *testing.T, a fyne.App) (fyne.Window, *[]string) {
	t.Helper()
	var opened []string
	open := func(p string) (*assessment.Store, error) {
		opened = append(opened, p)
		s, err := assessment.Open(context.Background(), p)
		if err == nil {
			t.Cleanup(func() { s.Close() })
		}
		return s, err
	}
	cause := i18n.NewError("store.not_a_database", i18n.Args{"Path": "/tmp/x.db"}, nil)
	return ShowRecovery(a, Config{Checklists: fixtureSet(), Lang: i18n.Danish}, cause, open), &opened
}

// TestRecoveryNewDatabaseThroughChooser: the recovery window's new database is a name
// chosen in the save chooser: a missing file becomes the database; an existing one is
// refused, not written over.
func TestRecoveryNewDatabaseThroughChooser(t *testing.T) {
	a := test.NewTempApp(t)
	home := chooserHome(t)
	existing := filepath.Join(home, "Dokumenter", "gdprtjek.db")
	w, opened := showRecoveryRecording(t, a)
	w.Resize(fyne.NewSize(900, 600))
	tapIn := func(label string) {
		t.Helper()
		var found *widget.Button
		objects(w.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == label {
				found = b
			}
		})
		if found == nil {
			t.Fatalf("no button %q", label)
		}
		test.Tap(found)
	}

	os.WriteFile(existing, []byte("mine"), 0o600)
	tapIn("Start en ny database …")
	press(t, w, fyne.KeyReturn)
	if len(*opened) != 0 || !hasText(windowTexts(w), "gdprtjek.db findes allerede") {
		t.Fatalf("an existing file: opened %v\n%s", *opened, strings.Join(windowTexts(w), "\n"))
	}
	if data, _ := os.ReadFile(existing); string(data) != "mine" {
		t.Error("the existing file was changed")
	}
	c := w.Canvas().Focused().(*keyEntry)
	c.SetText("ny database")
	press(t, w, fyne.KeyReturn)
	want := filepath.Join(home, "Dokumenter", "ny database.db")
	if len(*opened) != 1 || (*opened)[0] != want {
		t.Fatalf("opened %v, want %s", *opened, want)
	}
	if info, err := os.Stat(want); err != nil || info.Size() == 0 {
		t.Errorf("no new database at %s: %v", want, err)
	}
}

// TestLogoThroughChooser: the branding's logo is chosen in the chooser (PNG and JPEG only,
// whatever the case of the extension) and read bounded: a file over the limit is refused
// with the reason and the field keeps what it had.
func TestLogoThroughChooser(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.English, nil)
	home := chooserHome(t)
	docs := filepath.Join(home, "Dokumenter")
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	logo := pngBytes(t, 300, 90)
	os.WriteFile(filepath.Join(docs, "Logo.PNG"), logo, 0o600)
	os.WriteFile(filepath.Join(docs, "notes.txt"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(docs, "huge.jpg"), make([]byte, assessment.MaxLogoBytes+4096), 0o600)
	f := u.newBrandingForm(c.ID)

	u.chooseLogo(f.logo, f.status)
	if texts := windowTexts(u.win); hasText(texts, "notes.txt") || !hasText(texts, "Logo.PNG") || !hasText(texts, "huge.jpg") {
		t.Errorf("the logo chooser offers:\n%s", strings.Join(texts, "\n"))
	}
	press(t, u.win, fyne.KeyReturn) // huge.jpg, the first
	if !strings.Contains(f.status.Text, "larger than") || f.logo.data != nil {
		t.Errorf("a huge logo: status %q, %d bytes taken", f.status.Text, len(f.logo.data))
	}
	u.chooseLogo(f.logo, f.status)
	press(t, u.win, fyne.KeyDown, fyne.KeyReturn)
	if f.status.Text != "" || !slices.Equal(f.logo.data, logo) {
		t.Errorf("Logo.PNG: status %q, %d bytes taken", f.status.Text, len(f.logo.data))
	}
}

// TestRecoveryOpensAnotherDatabase: "Open another database" offers .db files in the chooser
// and opens the one chosen.
func TestRecoveryOpensAnotherDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	home := chooserHome(t)
	other := filepath.Join(home, "Dokumenter", "kunder.db")
	s, err := assessment.Open(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	w, opened := showRecoveryRecording(t, a)
	objects(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Åbn en anden database …" {
			test.Tap(b)
		}
	})
	press(t, w, fyne.KeyReturn)
	if len(*opened) != 1 || (*opened)[0] != other {
		t.Errorf("opened %v, want %s", *opened, other)
	}
}

// TestAppsFileDialogsSpeakDanish: every way the Danish app asks for a file (saving, importing,
// a logo) shows Danish places and buttons. Fyne's file dialog, used before, named its places
// "Home", "Computer", "Documents" in English whatever the language, and took no Escape.
func TestAppsFileDialogsSpeakDanish(t *testing.T) {
	u, store, _ := newRecordingUI(t, i18n.Danish, nil)
	chooserHome(t)
	c := mustCompany(t, store, assessment.Company{Name: "Æblegården ApS"})
	f := u.newBrandingForm(c.ID)
	for name, ask := range map[string]func(){
		"save":   func() { u.files.save("Gem rapport (PDF)", "rapport.pdf", ".pdf", func(string) {}) },
		"import": u.importExchange,
		"logo":   func() { u.chooseLogo(f.logo, f.status) },
	} {
		ask()
		texts := windowTexts(u.win)
		for _, english := range []string{"Home", "Computer", "Documents", "Desktop", "Downloads", "Cancel", "Save", "Open"} {
			if slices.Contains(texts, english) {
				t.Errorf("%s: the Danish app's file dialog shows %q", name, english)
			}
		}
		if !slices.Contains(texts, "Hjem") || !slices.Contains(texts, "Dokumenter") {
			t.Errorf("%s: no Danish places in the file dialog:\n%s", name, strings.Join(texts, "\n"))
		}
		press(t, u.win, fyne.KeyEscape)
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: Escape left the file dialog open", name)
			top.Hide()
		}
	}
}

package ui

import (
	"context"
	"errors"
	"flag"
	"image/png"
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

var backupsPNG = flag.String("backups-png", "", "write the backups and recovery screens as PNG files into this folder, to look at")

// tapInOverlay taps the button labelled label in the window's dialogs.
func tapInOverlay(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	var found *widget.Button
	for _, o := range c.Overlays().List() {
		objects(o, func(o fyne.CanvasObject) {
			if b, ok := asButton(o); ok && b.Text == label && found == nil {
				found = b
			}
		})
	}
	if found == nil {
		t.Fatalf("no button %q in a dialog", label)
	}
	test.Tap(found)
}

func labelsOf(o fyne.CanvasObject) string {
	var texts []string
	objects(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			texts = append(texts, x.Text)
		}
	})
	return strings.Join(texts, "\n")
}

func savePNG(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	if *backupsPNG == "" {
		return
	}
	f, err := os.Create(filepath.Join(*backupsPNG, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestBackupsScreenRestoresAfterConfirmation: the start screen leads to the backups, which
// show date, kind, size and companies; restoring one asks first, brings the earlier state
// back, and lists the backup of the state before it.
func TestBackupsScreenRestoresAfterConfirmation(t *testing.T) {
	ctx := context.Background()
	u, store := newTestUI(t, i18n.Danish)
	c, _ := newAssessment(t, store)
	if _, err := store.Backup(ctx, assessment.BackupDaily); err != nil {
		t.Fatal(err)
	}
	// A company added after the backup; restoring takes it away again. (A deleted company
	// cannot come back: deletion reaches into the backups too.)
	if err := store.CreateCompany(ctx, &assessment.Company{Name: "Ny Virksomhed ApS"}); err != nil {
		t.Fatal(err)
	}
	u.showStart()
	test.Tap(findButton(t, u, "Sikkerhedskopier …"))
	u.win.Resize(fyne.NewSize(1100, 500))
	shown := labelsOf(u.win.Content())
	for _, want := range []string{"Sikkerhedskopier", "Daglig", "1 virksomhed", " KB", " kl. ", "De seneste 14 daglige og 5"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the backups screen lacks %q:\n%s", want, shown)
		}
	}
	savePNG(t, "backups-da.png", u.win.Canvas())
	// Cancelled: nothing changes.
	test.Tap(findButton(t, u, "Genskab …"))
	tapInOverlay(t, u.win.Canvas(), "Nej")
	if companies, _ := store.Companies(ctx); len(companies) != 2 {
		t.Fatal("a cancelled restore restored")
	}
	test.Tap(findButton(t, u, "Genskab …"))
	tapInOverlay(t, u.win.Canvas(), "Ja")
	companies, err := store.Companies(ctx)
	if err != nil || len(companies) != 1 || companies[0].Name != c.Name {
		t.Fatalf("after restoring: %+v, %v", companies, err)
	}
	list, _ := assessment.ListBackups(ctx, store.Path())
	if len(list) != 2 || list[0].Kind != assessment.BackupPreChange || list[0].Companies != 2 {
		t.Errorf("the state before the restore (two companies) should be the newest backup: %+v", list)
	}
	if shown := labelsOf(u.win.Content()); !strings.Contains(shown, "Før en ændring") || !strings.Contains(shown, "2 virksomheder") {
		t.Errorf("the screen does not list the new backup:\n%s", shown)
	}
}

// TestRecoveryOffersNewestGoodBackup: a damaged database opens the recovery window, which
// offers the newest backup that passes the integrity check; after confirmation the app opens
// on the restored database, and the damaged file is kept.
func TestRecoveryOffersNewestGoodBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "gdprtjek.db")
	store, err := assessment.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	newAssessment(t, store)
	if _, err := store.Backup(ctx, assessment.BackupDaily); err != nil {
		t.Fatal(err)
	}
	store.Close()
	os.Remove(path + "-wal")
	if err := os.WriteFile(path, []byte(strings.Repeat("ødelagt ", 2000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, cause := assessment.Open(ctx, path)
	if cause == nil {
		t.Fatal("the damaged database opened")
	}
	a := test.NewTempApp(t)
	var opened *assessment.Store
	open := func(p string) (*assessment.Store, error) {
		s, err := assessment.Open(ctx, p)
		if err == nil {
			opened = s
			t.Cleanup(func() { s.Close() })
		}
		return s, err
	}
	w := ShowRecovery(a, Config{Checklists: fixtureSet(), Lang: i18n.Danish, DatabasePath: path}, cause, open)
	w.Resize(fyne.NewSize(900, 320))
	savePNG(t, "recovery-da.png", w.Canvas())
	var restore *widget.Button
	objects(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Genskab den nyeste gode sikkerhedskopi, fra ") {
			restore = b
		}
	})
	if restore == nil {
		t.Fatalf("the recovery window offers no backup:\n%s", labelsOf(w.Content()))
	}
	test.Tap(restore)
	tapInOverlay(t, w.Canvas(), "Ja")
	if opened == nil {
		t.Fatal("the app did not open the restored database")
	}
	companies, err := opened.Companies(ctx)
	if err != nil || len(companies) != 1 {
		t.Fatalf("restored database: %+v, %v", companies, err)
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) != 1 {
		t.Errorf("the damaged database was not kept: %v", kept)
	}
}

// TestRecoveryOffersNoRestoreWhenNotDamaged: a database from a newer version is not damaged,
// so no backup is offered in its place; a damaged one without a good backup says so.
func TestRecoveryOffersNoRestoreWhenNotDamaged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gdprtjek.db")
	for _, tc := range []struct {
		cause error
		want  string
	}{
		{i18n.NewError("store.too_new", i18n.Args{"Path": path, "Version": 99, "Supported": 3}, nil), ""},
		{i18n.NewError("store.damaged", i18n.Args{"Path": path}, errors.New("short")), "Der er ingen sikkerhedskopi, der består integritetstjekket."},
	} {
		a := test.NewTempApp(t)
		w := ShowRecovery(a, Config{Checklists: fixtureSet(), Lang: i18n.Danish, DatabasePath: path}, tc.cause, nil)
		shown := labelsOf(w.Content())
		if strings.Contains(shown, "Genskab") {
			t.Errorf("%v: a restore is offered without a good backup:\n%s", tc.cause, shown)
		}
		if tc.want != "" && !strings.Contains(shown, tc.want) {
			t.Errorf("%v: the window does not say %q", tc.cause, tc.want)
		}
	}
}

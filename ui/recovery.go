package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// Opener opens (or creates) the database at path.
type Opener func(path string) (*assessment.Store, error)

// ShowRecovery is shown instead of the app when the database cannot be opened (damaged, not a
// database, from a newer version, busy): it says why, leaves the file alone, and offers to
// open another database or start a new one.
func ShowRecovery(a fyne.App, cfg Config, cause error, open Opener) fyne.Window {
	lang := cfg.Lang
	if lang == "" {
		if saved, err := i18n.ParseLang(a.Preferences().String(prefLanguage)); err == nil {
			lang = saved
		} else {
			lang = i18n.Detect()
		}
	}
	loc := i18n.New(lang)
	setFyneLanguage(loc.Lang())
	w := a.NewWindow(loc.T("app.title"))
	w.SetMaster()
	msg := widget.NewLabel(loc.Error(cause))
	msg.Wrapping = fyne.TextWrapWord
	start := func(path string) {
		store, err := open(path)
		if err != nil {
			informIn(w, loc, loc.T("common.error_title"), loc.Error(err))
			return
		}
		cfg.Store = store
		cfg.Lang = loc.Lang()
		u := New(a, cfg)
		u.win.Show()
		w.Close()
	}
	openOther := widget.NewButton(loc.T("recovery.open_other"), func() {
		chooseFile(w, loc, fileRequest{Exts: []string{".db"}}, start)
	})
	// A missing file is a new database to Open; an existing one is refused by the chooser
	// rather than replaced, since it may be the very database that could not be opened.
	newDB := widget.NewButton(loc.T("recovery.new_database"), func() {
		chooseFile(w, loc, fileRequest{Save: true, Name: "gdprtjek.db", Exts: []string{".db"}, NewOnly: true}, start)
	})
	quit := widget.NewButton(loc.T("recovery.quit"), a.Quit)
	buttons := container.NewHBox(openOther, newDB, quit)
	content := container.NewVBox(
		widget.NewLabelWithStyle(loc.T("recovery.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		msg, widget.NewLabel(loc.T("recovery.untouched")))
	if restore := restoreOffer(w, loc, cfg.DatabasePath, cause, start); restore != nil {
		content.Add(restore)
	}
	content.Add(buttons)
	w.SetContent(container.NewPadded(content))
	w.Resize(fyne.NewSize(640, 280))
	w.Show()
	return w
}

// restoreOffer is the recovery window's offer of the newest backup that passes the integrity
// check, when the database is damaged or not a database (a database from a newer version, or
// one that is busy, needs no restore). Nil when there is nothing to offer; a line saying so
// when there is no good backup.
func restoreOffer(w fyne.Window, loc *i18n.Localizer, dbPath string, cause error, start func(string)) fyne.CanvasObject {
	var ie *i18n.Error
	if dbPath == "" || !errors.As(cause, &ie) || (ie.ID != "store.damaged" && ie.ID != "store.not_a_database") {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b, ok := assessment.NewestGoodBackup(ctx, dbPath)
	if !ok {
		return widget.NewLabel(loc.T("recovery.no_backup"))
	}
	date := backupTime(loc, b.Time)
	button := widget.NewButton(loc.T("recovery.restore", i18n.Args{"Date": date}), func() {
		msg := loc.T("recovery.restore_confirm", i18n.Args{"Date": date, "Companies": loc.N("backups.companies", b.Companies)})
		// Yes is the default here: the damaged file is kept beside the restored one.
		confirmIn(w, loc.T("backups.restore_title"), msg, loc.T("common.yes"), loc.T("common.no"), false, func(ok bool) {
			if !ok {
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			if _, err := assessment.RestoreInto(ctx, b.Path, dbPath); err != nil {
				informIn(w, loc, loc.T("common.error_title"), loc.Error(err))
				return
			}
			start(dbPath)
		})
	})
	button.Importance = widget.HighImportance
	return button
}

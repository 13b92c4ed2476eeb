package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showBackups shows the database's backups, newest first, each with a restore button.
func (u *UI) showBackups() { u.show(u.backupsScreen) }

func (u *UI) backupsScreen() fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	list, err := assessment.ListBackups(ctx, u.store.Path())
	if err != nil {
		u.showError(err)
	}
	heading := widget.NewLabelWithStyle(u.T("backups.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.T("backups.intro", i18n.Args{"Folder": assessment.BackupDir(u.store.Path())}))
	intro.Wrapping = fyne.TextWrapWord
	backupNow := widget.NewButton(u.T("backups.backup_now"), func() {
		ctx, cancel := u.opCtx()
		defer cancel()
		path, err := u.store.Backup(ctx, assessment.BackupPreChange)
		if err != nil {
			u.showError(err)
			return
		}
		u.showBackups()
		u.inform(u.T("backups.title"), u.T("backups.saved", i18n.Args{"Path": path}))
	})
	rows := container.NewVBox()
	if len(list) == 0 {
		rows.Add(widget.NewLabel(u.T("backups.none")))
	}
	grid := container.NewGridWithColumns(5)
	for _, b := range list {
		companies := u.T("backups.unreadable")
		if b.Companies >= 0 {
			companies = u.loc.N("backups.companies", b.Companies)
		}
		restore := widget.NewButton(u.T("backups.restore"), func() { u.confirmRestore(b) })
		grid.Add(widget.NewLabel(u.when(b.Time)))
		grid.Add(widget.NewLabel(u.kindLabel(b.Kind)))
		grid.Add(widget.NewLabel(assessment.FormatSize(b.Size)))
		grid.Add(widget.NewLabel(companies))
		grid.Add(restore)
	}
	rows.Add(grid)
	top := container.NewVBox(border(nil, nil, heading, backupNow), intro, widget.NewSeparator())
	return container.NewPadded(border(top, nil, nil, nil, container.NewVScroll(rows)))
}

// kindLabel names why a backup was taken.
func (u *UI) kindLabel(k assessment.BackupKind) string {
	if k == assessment.BackupPreChange {
		return u.T("backups.kind_pre_change")
	}
	return u.T("backups.kind_daily")
}

func (u *UI) when(t time.Time) string { return backupTime(u.loc, t) }

// backupTime writes a backup's time in local time: "3. december 2026 kl. 07.15",
// "3 December 2026 at 07:15".
func backupTime(loc *i18n.Localizer, t time.Time) string {
	t = t.Local()
	clock := t.Format("15:04")
	if loc.Lang() == i18n.Danish {
		clock = t.Format("15.04")
	}
	return loc.T("backups.when", i18n.Args{"Date": loc.Date(t), "Time": clock})
}

// confirmRestore restores b after the user confirms; the current database is kept as a
// backup first, so the restore can itself be undone from this screen.
func (u *UI) confirmRestore(b assessment.BackupInfo) {
	date := u.when(b.Time)
	// Restoring replaces today's data, so No is the default (today's is kept as a backup).
	u.confirmDialog(u.T("backups.restore_title"), u.T("backups.restore_confirm", i18n.Args{"Date": date}),
		u.T("common.yes"), u.T("common.no"), true, func(ok bool) {
			if !ok {
				return
			}
			ctx, cancel := context.WithTimeout(u.ctx, 5*time.Minute) // a large database takes a while
			defer cancel()
			kept, err := u.store.Restore(ctx, b.Path)
			if err != nil {
				u.showError(err)
				return
			}
			u.showBackups()
			u.inform(u.T("backups.title"), u.T("backups.restored", i18n.Args{"Date": date, "Kept": kept}))
		})
}

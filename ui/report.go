package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// saveReport asks where to save the assessment's report and writes it off the UI thread.
func (u *UI) saveReport(assessmentID int64) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		// The dialog has created the file; the report replaces it atomically.
		w.Close()
		u.writeReport(path, snap.Assessment.ID)
	}, u.win)
	save.SetFileName(ReportFileName(snap.Company.Name, u.loc.Lang()))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	save.Show()
}

// writeReport renders in the background with a progress dialog; widgets are touched only
// through fyne.Do.
func (u *UI) writeReport(path string, assessmentID int64) {
	progress := dialog.NewCustomWithoutButtons(u.T("report.writing"), widget.NewProgressBarInfinite(), u.win)
	progress.Show()
	lang := u.loc.Lang()
	go func() {
		ctx, cancel := u.opCtx()
		defer cancel()
		snap, err := u.store.Snapshot(ctx, assessmentID)
		if err == nil {
			err = reports.WriteFile(path, u.set, snap, reports.Options{Lang: lang})
		}
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(u.T("report.saved_title"), u.T("report.saved", i18n.Args{"Path": path}), u.win)
		})
	}()
}

// ReportFileName proposes a file name from the company's name, keeping æøå but dropping
// characters that are unsafe in file names on Windows, macOS or Linux.
func ReportFileName(company string, lang i18n.Lang) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r < 32 || strings.ContainsRune(`<>:"/\|?*`, r):
			return -1
		case r == ' ':
			return '-'
		}
		return r
	}, strings.TrimSpace(company))
	name = strings.Trim(name, ".-")
	if name == "" {
		name = "gdprtjek"
	}
	return filepath.Base(name + "-" + i18n.New(lang).T("report.file_suffix") + ".pdf")
}

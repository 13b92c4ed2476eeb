package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// saveReport asks for the report's language (independent of the UI's), its sections and
// where to save it, then writes it off the UI thread.
func (u *UI) saveReport(assessmentID int64) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	langSelect := u.newSelect(langNames())
	langSelect.SetSelectedIndex(langIndex(u.loc.Lang()))
	// Check boxes of our own, not a CheckGroup, so that Escape and Enter reach the dialog
	// from any of them.
	sectionChecks := container.NewVBox()
	checks := make([]*keyCheck, len(reports.Sections))
	for i, s := range reports.Sections {
		checks[i] = newKeyCheck(u.T(s.LabelID()))
		checks[i].SetChecked(true)
		sectionChecks.Add(checks[i])
	}
	u.formDialog(u.T("report.save_button"), u.T("report.choose_file"), u.T("common.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(u.T("report.language"), langSelect),
			widget.NewFormItem(u.T("report.sections"), sectionChecks),
		}, func(ok bool) {
			if !ok {
				return
			}
			opts := reports.Options{Lang: i18n.Langs[max(langSelect.SelectedIndex(), 0)]}
			for i, s := range reports.Sections {
				if checks[i].Checked {
					opts.Sections = append(opts.Sections, s)
				}
			}
			if len(opts.Sections) == 0 {
				u.showError(i18n.NewError("report.no_sections", nil, nil))
				return
			}
			u.chooseReportFile(snap.Company.Name, assessmentID, opts)
		})
}

func (u *UI) chooseReportFile(company string, assessmentID int64, opts reports.Options) {
	// The chooser only names the file; the report is written to a temporary name and renamed.
	u.files.save(u.T("report.save_button"), ReportFileName(company, opts.Lang), ".pdf", func(path string) {
		u.writeReport(path, assessmentID, opts)
	})
}

// writeReport renders in the background with a progress dialog whose Cancel (or Escape)
// stops it: a cancelled report leaves no file and an earlier file as it was. Widgets are
// touched only through fyne.Do.
func (u *UI) writeReport(path string, assessmentID int64, opts reports.Options) {
	ctx, cancel := context.WithCancel(u.ctx)
	progress := u.newKeyDialog(u.T("report.writing"), widget.NewProgressBarInfinite(), u.T("common.cancel"), "",
		func(bool) { cancel() })
	progress.d.Resize(fyne.NewSize(min(420, u.win.Canvas().Size().Width*0.9), 0))
	progress.show()
	u.work.Go(func() {
		defer cancel()
		snap, err := u.store.Snapshot(ctx, assessmentID)
		var previous *assessment.Snapshot
		if err == nil {
			previous, err = u.store.PreviousSnapshot(ctx, snap.Assessment)
		}
		var brand assessment.Branding
		if err == nil {
			brand, err = u.store.Branding(ctx, snap.Company.ID)
		}
		if err == nil {
			opts.PreviousRound, opts.Branding = previous, brand
			err = reports.WriteFileContext(ctx, path, u.set, snap, opts)
		}
		fyne.Do(func() {
			if errors.Is(err, context.Canceled) {
				return // the user chose it; the dialog is gone already
			}
			progress.answered = true // finished: a late Escape must not count as a cancel
			progress.d.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			u.offerFolder(u.T("report.saved_title"), u.T("report.saved", i18n.Args{"Path": path}), filepath.Dir(path))
		})
	})
}

// ReportFileName proposes a report's file name from the company's name.
func ReportFileName(company string, lang i18n.Lang) string {
	return safeFileName(company) + "-" + i18n.New(lang).T("report.file_suffix") + ".pdf"
}

// safeFileName keeps æøå but drops characters that are unsafe in file names on Windows, macOS
// or Linux, and any path.
func safeFileName(company string) string {
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
	return filepath.Base(name)
}

package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// maxImportSize bounds what the import reads into memory (docs/robustness.md).
const maxImportSize = assessment.MaxExchangeFileSize

// importExchange lets a partner open a company's exchange file, and the company the file the
// partner sends back: a protected file asks for its passphrase; an assessment that exists
// already is merged (or, if the user says so, replaced).
func (u *UI) importExchange() {
	u.files.open([]string{".json", ".gdprtjek"}, u.importFile)
}

// importFile tells what data is before importing it: a company-data export is explained, not
// called damaged.
func (u *UI) importFile(data []byte, path string) {
	if len(data) > maxImportSize {
		u.showError(assessment.TooLargeError(path, maxImportSize))
		return
	}
	switch assessment.DetectFileKind(data) {
	case assessment.FileCompanyExport:
		u.inform(u.T("import.company_export_title"), u.T("import.company_export", i18n.Args{"Path": path}))
	case assessment.FileExchangeProtected:
		u.askPassphrase(func(pass string) { u.importOrMerge(data, pass) })
	case assessment.FileExchange:
		u.importOrMerge(data, "")
	default:
		u.showError(i18n.NewError("exchange.not_exchange", nil, nil))
	}
}

// readChosen reads the file the user chose, bounded by limit: a folder, a device or a pipe is
// refused before reading, and the size is checked first.
func readChosen(path string, limit int64) ([]byte, error) {
	return assessment.ReadFileLimited(path, limit)
}

func (u *UI) askPassphrase(then func(string)) {
	pass := newKeyEntry()
	pass.Password = true
	u.formDialog(u.T("import.passphrase_title"), u.T("common.ok"), u.T("common.cancel"),
		[]*widget.FormItem{widget.NewFormItem(u.T("import.passphrase"), pass)}, func(ok bool) {
			if ok {
				then(pass.Text)
			}
		})
}

// importOrMerge imports a new assessment, or, when it exists here already, offers to merge
// the file into it (keeping every local answer) or to replace it.
func (u *UI) importOrMerge(data []byte, passphrase string) {
	ctx, cancel := u.opCtx()
	existing, err := u.store.ExchangeAssessmentID(ctx, data, passphrase)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	if existing == 0 {
		u.importData(data, passphrase, false)
		return
	}
	ctx, cancel = u.opCtx()
	a, err := u.store.Assessment(ctx, existing)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	// Merge, which keeps every local answer, is the default; replacing is a third button.
	k := u.newKeyDialog(u.T("import.exists_title"), wrapped(u.T("import.exists", i18n.Args{"Title": a.Title, "ID": a.ID})),
		u.T("import.merge"), u.T("common.cancel"), func(ok bool) {
			if ok {
				u.mergeData(data, passphrase)
			}
		})
	replace := newKeyButton(u.T("import.replace_button"), func() { k.d.Hide(); u.importData(data, passphrase, true) })
	replace.onEscape = k.cancel.OnTapped
	k.d.SetButtons([]fyne.CanvasObject{k.cancel, replace, k.confirm})
	k.d.Resize(fyne.NewSize(600, 0))
	k.show()
}

// importData imports the file as a new assessment (replace: over the one with the same UID),
// opens it on the review screen and says what came in.
func (u *UI) importData(data []byte, passphrase string, replace bool) {
	ctx, cancel := u.opCtx()
	defer cancel()
	id, err := u.store.ImportProtected(ctx, u.set, data, passphrase, replace)
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.ID == "exchange.exists" && !replace {
		// Another window imported it meanwhile: ask, as for a file whose assessment exists.
		u.importOrMerge(data, passphrase)
		return
	}
	if err != nil {
		u.showError(err)
		return
	}
	snap, err := u.store.Snapshot(ctx, id)
	if err != nil {
		u.showError(err)
		return
	}
	u.showReview(id)
	u.inform(u.T("import.done_title"), u.T("import.done", i18n.Args{
		"Company": snap.Company.Name, "Title": snap.Assessment.Title,
		"Answers":  u.loc.N("import.answers_count", len(snap.Answers)),
		"Comments": u.loc.N("import.comments_count", len(snap.Comments))}))
}

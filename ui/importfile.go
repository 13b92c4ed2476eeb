package ui

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
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

// readChosen reads a file the user chose in a file dialog, bounded by limit. A local file is
// read again by its path, so that a folder, a device or a pipe is refused before reading and
// the size checked first; the dialog's own reader serves only files that have no path.
func readChosen(r fyne.URIReadCloser, limit int64) ([]byte, error) {
	defer r.Close()
	if r.URI().Scheme() == "file" {
		return assessment.ReadFileLimited(r.URI().Path(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, i18n.NewError("file.read_failed", i18n.Args{"Path": r.URI().String()}, err)
	}
	if int64(len(data)) > limit {
		return nil, assessment.TooLargeError(r.URI().Name(), limit)
	}
	return data, nil
}

// regularFiles lists in a file dialog only ordinary files that ext matches. Fyne's dialog
// opens the chosen file itself, before GDPR-tjek can check it, and opening a FIFO waits for a
// writer for ever: so a FIFO or a device is not offered at all.
type regularFiles struct{ ext storage.FileFilter }

func (f regularFiles) Matches(u fyne.URI) bool {
	if !f.ext.Matches(u) {
		return false
	}
	if u.Scheme() != "file" {
		return true
	}
	info, err := os.Stat(u.Path())
	return err == nil && info.Mode().IsRegular()
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

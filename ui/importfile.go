package ui

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// maxImportSize bounds what the import reads into memory; real exchange files are far smaller.
const maxImportSize = 256 << 20

// importExchange lets a partner open a company's exchange file: a protected file asks for its
// passphrase, and an assessment that exists already is replaced only after asking.
func (u *UI) importExchange() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
		r.Close()
		if err != nil {
			u.showError(i18n.NewError("file.read_failed", i18n.Args{"Path": r.URI().Path()}, err))
			return
		}
		if assessment.IsEncryptedExchange(data) {
			u.askPassphrase(func(pass string) { u.importData(data, pass, false) })
			return
		}
		u.importData(data, "", false)
	}, u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".gdprtjek"}))
	open.Show()
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

func (u *UI) importData(data []byte, passphrase string, replace bool) {
	ctx, cancel := u.opCtx()
	defer cancel()
	id, err := u.store.ImportProtected(ctx, u.set, data, passphrase, replace)
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.ID == "exchange.exists" && !replace {
		u.confirmDialog(u.T("import.replace_title"), u.T("import.replace", ie.Args), u.T("common.yes"), u.T("common.no"), true,
			func(ok bool) {
				if ok {
					u.importData(data, passphrase, true)
				}
			})
		return
	}
	if err != nil {
		u.showError(err)
		return
	}
	u.showReview(id)
	// Say that it worked and what came in: the review screen alone does not tell a partner
	// whether the file was read or an earlier import is shown.
	ctx2, cancel2 := u.opCtx()
	defer cancel2()
	if snap, err := u.store.Snapshot(ctx2, id); err == nil {
		u.inform(u.T("import.done_title"), u.T("import.done", i18n.Args{"Title": snap.Assessment.Title, "Company": snap.Company.Name}))
	}
}

package ui

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

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
		data, err := readChosen(r, assessment.MaxExchangeFileSize)
		if err != nil {
			u.showError(err)
			return
		}
		if assessment.IsEncryptedExchange(data) {
			u.askPassphrase(func(pass string) { u.importData(data, pass, false) })
			return
		}
		u.importData(data, "", false)
	}, u.win)
	open.SetFilter(regularFiles{storage.NewExtensionFileFilter([]string{".json", ".gdprtjek"})})
	open.Show()
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
	pass := widget.NewPasswordEntry()
	dialog.ShowForm(u.T("import.passphrase_title"), u.T("common.ok"), u.T("common.cancel"),
		[]*widget.FormItem{widget.NewFormItem(u.T("import.passphrase"), pass)}, func(ok bool) {
			if ok {
				then(pass.Text)
			}
		}, u.win)
}

func (u *UI) importData(data []byte, passphrase string, replace bool) {
	ctx, cancel := u.opCtx()
	defer cancel()
	id, err := u.store.ImportProtected(ctx, u.set, data, passphrase, replace)
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.ID == "exchange.exists" && !replace {
		dialog.ShowConfirm(u.T("import.replace_title"), u.T("import.replace", ie.Args), func(ok bool) {
			if ok {
				u.importData(data, passphrase, true)
			}
		}, u.win)
		return
	}
	if err != nil {
		u.showError(err)
		return
	}
	u.showReview(id)
}

package ui

import (
	"net/url" // only to hand a local folder to the desktop's file manager; no network use
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// files are the app's ways out to the file system. Tests replace them: the file chooser
// browses a real disk, and the test driver has no file manager to open a folder in.
type files struct {
	// save asks where to save a file called name (ext is its extension, added when the user
	// leaves it out); done gets the chosen path, and is not called when the user cancels. The
	// file is not created: the caller writes it whole.
	save func(title, name, ext string, done func(path string))
	// open asks for a file with one of exts and reads it, at most maxImportSize bytes.
	open func(title string, exts []string, done func(data []byte, path string))
	// openFolder shows a folder in the desktop's file manager.
	openFolder func(dir string) error
}

// dialogFiles are the real ones: the app's file chooser (filechooser.go).
func (u *UI) dialogFiles() files {
	return files{
		save: func(title, name, ext string, done func(string)) {
			chooseFile(u.win, u.loc, fileRequest{Title: title, Save: true, Name: name, Exts: []string{ext}}, done)
		},
		open: func(title string, exts []string, done func([]byte, string)) {
			chooseFile(u.win, u.loc, fileRequest{Title: title, Exts: exts}, func(path string) {
				data, err := readChosen(path, maxImportSize)
				if err != nil {
					u.showError(err)
					return
				}
				done(data, path)
			})
		},
		openFolder: func(dir string) error { return u.app.OpenURL(&url.URL{Scheme: "file", Path: dir}) },
	}
}

// offerFolder tells where a file went, with a button that opens its folder. A machine without
// a file manager gets the folder's path again, in words.
func (u *UI) offerFolder(title, message, dir string) {
	k := u.newKeyDialog(title, wrapped(message), u.T("common.open_folder"), u.T("common.close"), func(open bool) {
		if !open {
			return
		}
		if err := u.files.openFolder(dir); err != nil {
			u.inform(u.T("common.open_folder"), u.T("common.open_folder_failed", i18n.Args{"Path": dir}))
		}
	})
	k.d.Resize(fyne.NewSize(560, 0))
	k.show()
}

// exportExchange writes the exchange file for the implementation partner: one assessment
// with its answers, comments and sign-offs, optionally protected with a passphrase. It is
// named and worded apart from the company-data export, which the partner has no use for.
func (u *UI) exportExchange(assessmentID int64) {
	u.exchangeDialog(assessmentID, exchangeWording{title: "export.exchange_title", intro: "export.exchange_intro",
		hint: "export.passphrase_hint", saved: "export.exchange_saved", savedProtected: "export.exchange_saved_protected"})
}

// returnExchange is the same file written by the partner, with the responses, for the
// company to merge back: worded for that way, and named apart from the file the partner
// received, which is likely in the same folder.
func (u *UI) returnExchange(assessmentID int64) {
	u.exchangeDialog(assessmentID, exchangeWording{title: "export.return_title", intro: "export.return_intro",
		hint: "export.return_passphrase_hint", suffix: "export.return_suffix",
		saved: "export.return_saved", savedProtected: "export.return_saved_protected"})
}

// shareExchange is the same file from the review screen, which both sides use (the company
// before it sends the file, the partner after signing off): worded for either way.
func (u *UI) shareExchange(assessmentID int64) {
	u.exchangeDialog(assessmentID, exchangeWording{title: "export.share_title", intro: "export.share_intro",
		hint: "export.share_passphrase_hint", saved: "export.share_saved", savedProtected: "export.share_saved_protected"})
}

// exchangeWording are the message IDs the exchange dialog and its message afterwards use for
// one way of the file; suffix, when set, goes at the end of the proposed file name.
type exchangeWording struct{ title, intro, hint, suffix, saved, savedProtected string }

func (u *UI) exchangeDialog(assessmentID int64, words exchangeWording) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	pass := newKeyEntry()
	pass.Password = true
	pass.SetPlaceHolder(u.T("export.passphrase_optional"))
	repeat := newKeyEntry()
	repeat.Password = true
	repeat.SetPlaceHolder(u.T("export.passphrase_repeat"))
	form := widget.NewForm(
		widget.NewFormItem(u.T("import.passphrase"), pass),
		widget.NewFormItem(u.T("export.passphrase_again"), repeat))
	intro := wrapped(u.T(words.intro, i18n.Args{"Company": snap.Company.Name, "Title": snap.Assessment.Title}))
	var k *keyDialog
	k = u.newKeyDialog(u.T(words.title), container.NewVBox(intro, form, wrapped(u.T(words.hint))),
		u.T("report.choose_file"), u.T("common.cancel"), func(ok bool) {
			if !ok {
				return
			}
			if pass.Text != repeat.Text {
				k.reopen() // to correct the repetition, not to type both again
				u.showError(i18n.NewError("export.passphrase_mismatch", nil, nil))
				return
			}
			name := assessment.ExchangeFileName(snap.Company.Name, u.store.Now())
			if words.suffix != "" {
				name = strings.TrimSuffix(name, assessment.ExchangeFileExt) + "-" + u.T(words.suffix) + assessment.ExchangeFileExt
			}
			u.files.save(u.T(words.title), name, ".json", func(path string) {
				u.writeExchange(path, assessmentID, pass.Text, words)
			})
		})
	k.d.Resize(fyne.NewSize(620, 0))
	k.d.Show()
	u.win.Canvas().Focus(pass)
}

// writeExchange writes the exchange file to path, protected when passphrase is not empty, and
// says where it went.
func (u *UI) writeExchange(path string, assessmentID int64, passphrase string, words exchangeWording) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	var data []byte
	if err == nil {
		data, err = assessment.MarshalExchange(snap)
	}
	if err == nil && passphrase != "" {
		data, err = assessment.EncryptExchange(data, passphrase)
	}
	if err == nil {
		err = assessment.WriteFileAtomic(path, data)
	}
	if err != nil {
		u.showError(err)
		return
	}
	msg := words.saved
	if passphrase != "" {
		msg = words.savedProtected
	}
	u.offerFolder(u.T("export.exchange_saved_title"), u.T(msg, i18n.Args{"Path": path, "Company": snap.Company.Name,
		"Title": snap.Assessment.Title}), filepath.Dir(path))
}

package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// dataMapDocuments are the documents the company screen offers, in the order offered.
var dataMapDocuments = []reports.Document{reports.DocRecord, reports.DocRetention, reports.DocProcessors}

// saveDocument asks which data-map document (record of processing, retention schedule,
// processor overview), in which language and whether also as CSV for Excel, then where to
// save it. It is made as the command line makes it: from the company's data map and the
// assessment's snapshot.
func (u *UI) saveDocument(a assessment.Assessment, company string) {
	names := make([]string, len(dataMapDocuments))
	for i, d := range dataMapDocuments {
		names[i] = u.T(d.TitleID())
	}
	docSelect := u.newSelect(names)
	docSelect.SetSelectedIndex(0)
	langSelect := u.newSelect(langNames())
	langSelect.SetSelectedIndex(langIndex(u.loc.Lang()))
	withCSV := newKeyCheck(u.T("documents.also_csv"))
	u.formDialog(u.T("documents.title"), u.T("report.choose_file"), u.T("common.cancel"), []*widget.FormItem{
		widget.NewFormItem("", wrapped(u.T("documents.intro", i18n.Args{"Title": a.Title}))),
		widget.NewFormItem(u.T("documents.document"), docSelect),
		widget.NewFormItem(u.T("documents.language"), langSelect),
		widget.NewFormItem("", withCSV),
	}, func(ok bool) {
		if !ok {
			return
		}
		doc := dataMapDocuments[max(docSelect.SelectedIndex(), 0)]
		lang := i18n.Langs[max(langSelect.SelectedIndex(), 0)]
		name := safeFileName(company) + "-" + i18n.New(lang).T("documents.file."+string(doc)) + ".pdf"
		u.files.save(u.T(doc.TitleID()), name, ".pdf", func(path string) {
			u.writeDocument(path, a.ID, doc, lang, withCSV.Checked)
		})
	})
}

// writeDocument writes the document as PDF to path and, when asked, as CSV beside it under
// the same name, and says where they went.
func (u *UI) writeDocument(path string, assessmentID int64, doc reports.Document, lang i18n.Lang, withCSV bool) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	now := u.store.Now()
	if err == nil {
		err = reports.WriteDocument(path, u.set, snap, doc, reports.Options{Lang: lang, Now: now})
	}
	csvPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".csv"
	if err == nil && withCSV {
		err = reports.WriteDocumentCSV(csvPath, snap, doc, lang, now)
	}
	if err != nil {
		u.showError(err)
		return
	}
	args := i18n.Args{"Document": u.T(doc.TitleID()), "Company": snap.Company.Name, "Path": path, "CSV": csvPath}
	msg := u.T("documents.saved", args)
	if withCSV {
		msg = u.T("documents.saved_csv", args)
	}
	u.offerFolder(u.T("documents.saved_title"), msg, filepath.Dir(path))
}

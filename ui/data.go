package ui

import (
	"bytes"
	"path/filepath"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// confirmDeleteCompany names what goes before deleting a company and everything about it;
// the store then vacuums the database so the data is really gone.
func (u *UI) confirmDeleteCompany(c assessment.Company, systems, assessments int) {
	msg := u.T("data.delete_confirm", i18n.Args{"Name": c.Name,
		"Systems":     u.loc.N("data.systems_count", systems),
		"Assessments": u.loc.N("data.assessments_count", assessments)})
	// Destructive: "No" is the default, so Enter pressed by habit deletes nothing.
	u.confirmDialog(u.T("data.delete_title"), msg, u.T("common.yes"), u.T("common.no"), true, func(ok bool) {
		if !ok {
			return
		}
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.DeleteCompany(ctx, c.ID); err != nil {
			u.showError(err)
			return
		}
		u.showStart()
	})
}

// exportCompany saves everything the app holds about a company as JSON: the data-subject
// access copy the tool owes for its own data.
func (u *UI) exportCompany(c assessment.Company) {
	ctx, cancel := u.opCtx()
	data, err := u.store.ExportCompany(ctx, c.ID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	u.saveFile(u.T("data.export_company"), safeFileName(c.Name)+"-"+u.T("data.export_suffix")+".json", ".json", data)
}

// exportActionPlanCSV saves the action plan as CSV that Danish Excel opens as it should.
func (u *UI) exportActionPlanCSV(assessmentID int64) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	var buf bytes.Buffer
	if err := assessment.WriteActionPlanCSV(&buf, u.set, snap, u.loc.Lang(), u.store.Now()); err != nil {
		u.showError(err)
		return
	}
	u.saveFile(u.T("results.export_csv"), safeFileName(snap.Company.Name)+"-"+u.T("data.plan_suffix")+".csv", ".csv", buf.Bytes())
}

// saveFile asks where to save data and writes it atomically, readable by the user only.
func (u *UI) saveFile(title, name, ext string, data []byte) {
	u.files.save(title, name, ext, func(path string) {
		if err := assessment.WriteFileAtomic(path, data); err != nil {
			u.showError(err)
			return
		}
		u.offerFolder(u.T("data.saved_title"), u.T("data.saved", i18n.Args{"Path": path}), filepath.Dir(path))
	})
}

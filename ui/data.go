package ui

import (
	"fyne.io/fyne/v2/dialog"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// confirmDeleteCompany names what goes before deleting a company and everything about it;
// the store then vacuums the database so the data is really gone.
func (u *UI) confirmDeleteCompany(c assessment.Company, systems, assessments int) {
	msg := u.T("data.delete_confirm", i18n.Args{"Name": c.Name,
		"Systems":     u.loc.N("data.systems_count", systems),
		"Assessments": u.loc.N("data.assessments_count", assessments)})
	dialog.ShowConfirm(u.T("data.delete_title"), msg, func(ok bool) {
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
	}, u.win)
}

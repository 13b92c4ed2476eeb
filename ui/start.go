package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showStart shows the start screen: the companies, with search, and a button for a new one.
func (u *UI) showStart() { u.show(u.startScreen) }

func (u *UI) startScreen() fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	overview, err := u.store.Overview(ctx, u.set)
	if err != nil {
		u.showError(err)
	}
	shown := overview
	list := widget.NewList(
		func() int { return len(shown) },
		func() fyne.CanvasObject {
			// Truncated, not wrapped: list rows have one height. The whole text shows on
			// hover, and the company screen shows the whole name.
			return container.NewVBox(newHoverLabel(fyne.TextStyle{Bold: true}), newHoverLabel(fyne.TextStyle{}))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			c := shown[i]
			box.Objects[0].(*hoverLabel).SetText(c.Company.Name)
			box.Objects[1].(*hoverLabel).SetText(u.companyLine(c))
		})
	list.OnSelected = func(i widget.ListItemID) {
		u.app.Preferences().SetInt(prefLastCompany, int(shown[i].Company.ID))
		u.showCompany(shown[i].Company.ID)
	}
	search := widget.NewEntry()
	search.SetPlaceHolder(u.T("start.search"))
	search.OnChanged = func(q string) {
		shown = filterCompanies(overview, q)
		list.UnselectAll()
		list.Refresh()
	}
	newCompany := widget.NewButton(u.T("start.new_company"), u.showNewCompany)
	newCompany.Importance = widget.HighImportance
	importButton := widget.NewButton(u.T("start.import"), u.importExchange)
	backups := widget.NewButton(u.T("backups.open"), u.showBackups)
	actions := container.NewHBox(backups, importButton, newCompany)
	// Pick up where the user left off.
	if last := int64(u.app.Preferences().Int(prefLastCompany)); last != 0 {
		for _, c := range overview {
			if c.Company.ID == last {
				actions.Objects = append([]fyne.CanvasObject{widget.NewButton(u.T("start.continue", i18n.Args{"Name": shorten(c.Company.Name, 40)}),
					func() { u.showCompany(last) })}, actions.Objects...)
			}
		}
	}
	heading := widget.NewLabelWithStyle(u.T("start.companies"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var body fyne.CanvasObject = list
	if len(overview) == 0 {
		body = container.NewVBox(widget.NewLabel(u.T("start.empty")))
	}
	top := container.NewVBox(border(nil, nil, heading, actions), search)
	return container.NewPadded(border(top, nil, nil, nil, body))
}

// companyLine summarises a company's CVR and its newest assessment for the list.
func (u *UI) companyLine(c assessment.CompanySummary) string {
	parts := []string{}
	if c.Company.CVR != "" {
		parts = append(parts, u.T("company.cvr_short", i18n.Args{"CVR": c.Company.CVR}))
	}
	if len(c.Assessments) == 0 {
		parts = append(parts, u.T("start.no_assessments"))
	} else {
		a := c.Assessments[0]
		parts = append(parts, fmt.Sprintf("%s · %s · %s", a.Assessment.Title, u.T("status."+string(a.Assessment.Status)),
			u.T("start.progress", i18n.Args{"Percent": u.loc.Percent(float64(a.Percent()))})))
	}
	return strings.Join(parts, " · ")
}

func filterCompanies(all []assessment.CompanySummary, q string) []assessment.CompanySummary {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return all
	}
	var out []assessment.CompanySummary
	for _, c := range all {
		if strings.Contains(strings.ToLower(c.Company.Name), q) || strings.Contains(c.Company.CVR, q) {
			out = append(out, c)
		}
	}
	return out
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// showNewCompany shows the form for a new company.
func (u *UI) showNewCompany() { u.show(u.newCompanyScreen) }

func (u *UI) newCompanyScreen() fyne.CanvasObject {
	name, cvr, address, contact, industry := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	cvr.Validator = func(s string) error {
		s = assessment.NormalizeCVR(s)
		if s != "" && !assessment.ValidCVR(s) {
			return &shownError{u.T("company.cvr_invalid", i18n.Args{"CVR": s})}
		}
		return nil
	}
	size := widget.NewSelect(assessment.SizeBands, nil)
	form := &widget.Form{
		Items: []*widget.FormItem{
			{Text: u.T("company.name"), Widget: name},
			{Text: u.T("company.cvr"), Widget: cvr, HintText: u.T("company.cvr_hint")},
			{Text: u.T("company.address"), Widget: address},
			{Text: u.T("company.contact"), Widget: contact},
			{Text: u.T("company.size"), Widget: size},
			{Text: u.T("company.industry"), Widget: industry},
		},
		SubmitText: u.T("company.create"),
		CancelText: u.T("common.cancel"),
		OnCancel:   u.showStart,
	}
	form.OnSubmit = func() {
		c := assessment.Company{Name: name.Text, CVR: cvr.Text, Address: address.Text, Contact: contact.Text,
			SizeBand: size.Selected, Industry: industry.Text}
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.CreateCompany(ctx, &c); err != nil {
			u.showError(err)
			return
		}
		u.showCompany(c.ID)
	}
	title := widget.NewLabelWithStyle(u.T("company.new_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(container.NewVBox(title, form))
}

// showCompany shows a company: its profile, its systems and its assessments.
func (u *UI) showCompany(id int64) { u.show(func() fyne.CanvasObject { return u.companyScreen(id) }) }

func (u *UI) companyScreen(id int64) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	c, err := u.store.Company(ctx, id)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	systems, err := u.store.Systems(ctx, id)
	if err != nil {
		u.showError(err)
	}
	assessments, err := u.store.Assessments(ctx, id)
	if err != nil {
		u.showError(err)
	}
	title := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel(u.T("company.cvr_short", i18n.Args{"CVR": orDash(c.CVR)}) + "\n" + orDash(c.Address))

	systemsBox := container.NewVBox(widget.NewLabelWithStyle(u.T("company.systems"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, s := range systems {
		systemsBox.Add(widget.NewLabel(u.systemLine(s)))
	}
	systemsBox.Add(u.addSystemRow(id))

	assessBox := container.NewVBox(widget.NewLabelWithStyle(u.T("company.assessments"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, a := range assessments {
		a := a
		assessBox.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(
				widget.NewButton(u.T("company.open_assessment"), func() { u.showQuestionnaire(a.ID) }),
				widget.NewButton(u.T("nav.results"), func() { u.showResults(a.ID) }),
				widget.NewButton(u.T("report.save_button"), func() { u.saveReport(a.ID) })),
			widget.NewLabel(a.Title+" · "+u.T("status."+string(a.Status)))))
	}
	newAssessment := widget.NewButton(u.T("company.new_assessment"), func() { u.showNewAssessment(id) })
	newAssessment.Importance = widget.HighImportance
	assessBox.Add(newAssessment)
	remove := widget.NewButton(u.T("data.delete_company"), func() { u.confirmDeleteCompany(c, len(systems), len(assessments)) })
	remove.Importance = widget.DangerImportance
	return container.NewPadded(container.NewVScroll(container.NewVBox(title, info, widget.NewSeparator(), systemsBox,
		widget.NewSeparator(), assessBox, widget.NewSeparator(), container.NewHBox(remove))))
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (u *UI) systemLine(s assessment.System) string {
	name := s.Name
	if name == "" {
		name = u.T("product." + s.Product)
	}
	return u.T("system.kind."+s.Kind) + ": " + name + " · " + u.T("hosting."+s.Hosting)
}

// addSystemRow adds a system from the known products to the inventory in one line.
func (u *UI) addSystemRow(companyID int64) fyne.CanvasObject {
	kindNames := make([]string, len(checklists.SystemKinds))
	for i, k := range checklists.SystemKinds {
		kindNames[i] = u.T("system.kind." + k)
	}
	productNames := make([]string, len(checklists.Products))
	for i, p := range checklists.Products {
		productNames[i] = u.T("product." + p)
	}
	hostingNames := make([]string, len(assessment.Hostings))
	for i, h := range assessment.Hostings {
		hostingNames[i] = u.T("hosting." + h)
	}
	kind, product, hosting := widget.NewSelect(kindNames, nil), widget.NewSelect(productNames, nil), widget.NewSelect(hostingNames, nil)
	kind.PlaceHolder, product.PlaceHolder, hosting.PlaceHolder = u.T("system.kind"), u.T("system.product"), u.T("system.hosting")
	name := widget.NewEntry()
	name.SetPlaceHolder(u.T("system.name"))
	add := widget.NewButton(u.T("system.add"), func() {
		if kind.SelectedIndex() < 0 || product.SelectedIndex() < 0 {
			u.showError(i18nError("system.choose_kind_product"))
			return
		}
		sys := assessment.System{CompanyID: companyID, Kind: checklists.SystemKinds[kind.SelectedIndex()],
			Product: checklists.Products[product.SelectedIndex()], Name: name.Text}
		if hosting.SelectedIndex() >= 0 {
			sys.Hosting = assessment.Hostings[hosting.SelectedIndex()]
		}
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.SaveSystem(ctx, &sys); err != nil {
			u.showError(err)
			return
		}
		u.showCompany(companyID)
	})
	return container.NewGridWithColumns(5, kind, product, name, hosting, add)
}

func i18nError(id string) error { return i18n.NewError(id, nil, nil) }

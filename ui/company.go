package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// showNewCompany shows the form for a new company.
func (u *UI) showNewCompany() { u.showCompanyForm(assessment.Company{}) }

// showCompanyForm shows a company's form with the cursor in its name, ready to type.
func (u *UI) showCompanyForm(c assessment.Company) {
	var name fyne.Focusable
	u.show(func() fyne.CanvasObject {
		form, first := u.companyForm(c)
		name = first
		return form
	})
	u.win.Canvas().Focus(name)
}

// companyForm edits a company's profile; a company with ID 0 is created on submit. It returns
// the form and its first field.
func (u *UI) companyForm(c assessment.Company) (fyne.CanvasObject, fyne.Focusable) {
	// The name is a keyEntry: the form opens with the cursor there, often by a Space on a button.
	name, cvr, address, contact, industry := newKeyEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	partner := widget.NewEntry()
	partner.SetText(c.Partner)
	name.SetText(c.Name)
	cvr.SetText(c.CVR)
	address.SetText(c.Address)
	contact.SetText(c.Contact)
	industry.SetText(c.Industry)
	name.Validator = func(s string) error {
		probe := assessment.Company{Name: s}
		return u.fieldError(probe.Validate())
	}
	cvr.Validator = func(s string) error {
		s = assessment.NormalizeCVR(s)
		if s != "" && !assessment.ValidCVR(s) {
			return &shownError{u.T("company.cvr_invalid", i18n.Args{"CVR": s})}
		}
		return nil
	}
	size := u.newSelect(assessment.SizeBands)
	size.SetSelected(c.SizeBand)
	submit, title := u.T("company.create"), u.T("company.new_title")
	cancel := u.showStart
	if c.ID != 0 {
		submit, title = u.T("common.save"), u.T("company.edit_title")
		cancel = func() { u.showCompany(c.ID) }
	}
	form := &widget.Form{
		Items: []*widget.FormItem{
			{Text: u.T("company.name"), Widget: name},
			{Text: u.T("company.cvr"), Widget: cvr, HintText: u.T("company.cvr_hint")},
			{Text: u.T("company.address"), Widget: address},
			{Text: u.T("company.contact"), Widget: contact},
			{Text: u.T("company.size"), Widget: size},
			{Text: u.T("company.industry"), Widget: industry},
			{Text: u.T("company.partner"), Widget: partner, HintText: u.T("company.partner_hint")},
		},
		SubmitText: submit,
		CancelText: u.T("common.cancel"),
		OnCancel:   cancel,
	}
	save := func(next assessment.Company) {
		ctx, done := u.opCtx()
		defer done()
		var err error
		if next.ID == 0 {
			err = u.store.CreateCompany(ctx, &next)
		} else {
			err = u.store.UpdateCompany(ctx, &next)
		}
		if err != nil {
			u.showError(err)
			return
		}
		u.showCompany(next.ID)
	}
	form.OnSubmit = func() {
		next := c
		next.Name, next.CVR, next.Address, next.Contact, next.SizeBand, next.Industry, next.Partner =
			name.Text, cvr.Text, address.Text, contact.Text, size.Selected, industry.Text, partner.Text
		if other, ok := u.sameCVR(next); ok {
			u.warnSameCVR(other, func() { save(next) })
			return
		}
		save(next)
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(container.NewVBox(heading, form)), name
}

// sameCVR finds another company registered with c's CVR number.
func (u *UI) sameCVR(c assessment.Company) (assessment.Company, bool) {
	ctx, cancel := u.opCtx()
	defer cancel()
	found, err := u.store.CompaniesWithCVR(ctx, c.CVR)
	if err != nil {
		fyne.LogError("look up CVR", err) // the warning is a courtesy; saving still checks
		return assessment.Company{}, false
	}
	for _, o := range found {
		if o.ID != c.ID {
			return o, true
		}
	}
	return assessment.Company{}, false
}

// warnSameCVR says the CVR number is taken and offers to open that company; Escape goes back
// to the form, and saving anyway stays possible (a group may register one CVR twice on purpose).
func (u *UI) warnSameCVR(other assessment.Company, saveAnyway func()) {
	k := u.newKeyDialog(u.T("company.cvr_exists_title"),
		wrapped(u.T("company.cvr_exists", i18n.Args{"CVR": other.CVR, "Name": other.Name})),
		u.T("company.open_existing"), u.T("common.back"), func(open bool) {
			if open {
				u.showCompany(other.ID)
			}
		})
	anyway := newKeyButton(u.T("company.save_anyway"), func() { k.d.Hide(); saveAnyway() })
	anyway.onEscape = k.cancel.OnTapped
	k.d.SetButtons([]fyne.CanvasObject{k.cancel, anyway, k.confirm})
	k.d.Resize(fyne.NewSize(min(560, u.win.Canvas().Size().Width*0.9), 0))
	k.show()
}

// fieldError turns a domain error into the translated error a form field shows.
func (u *UI) fieldError(err error) error {
	if err == nil {
		return nil
	}
	return &shownError{u.loc.Error(err)}
}

// showCompany shows a company: its profile, its systems and its assessments.
func (u *UI) showCompany(id int64) {
	u.app.Preferences().SetInt(prefLastCompany, int(id))
	u.show(func() fyne.CanvasObject { return u.companyScreen(id) })
}

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
	bold := fyne.TextStyle{Bold: true}
	// Names and addresses wrap: no text may widen the window (a name has up to 200 characters).
	title := boldWrapped(c.Name)
	infoText := u.T("company.cvr_short", i18n.Args{"CVR": orDash(c.CVR)}) + " · " + orDash(c.Address) +
		"\n" + u.T("company.contact") + ": " + orDash(c.Contact)
	if c.Partner != "" {
		infoText += "\n" + u.T("company.partner") + ": " + c.Partner
	}
	info := wrapped(infoText)
	edit := widget.NewButton(u.T("company.edit"), func() { u.showCompanyForm(c) })

	systemsBox := container.NewVBox(widget.NewLabelWithStyle(u.T("company.systems"), fyne.TextAlignLeading, bold))
	if len(systems) == 0 {
		systemsBox.Add(widget.NewLabel(u.T("company.no_systems")))
	}
	// The systems decide which questions an assessment covers (Snapshot takes the company's
	// current ones), so they stay as they are while the newest assessment is read-only.
	systemsLocked := len(assessments) > 0 && locked(assessments[0])
	for _, s := range systems {
		s := s
		if systemsLocked {
			systemsBox.Add(widget.NewLabel(u.systemLine(s)))
			continue
		}
		systemsBox.Add(border(nil, nil, nil,
			container.NewHBox(
				widget.NewButton(u.T("datamap.open"), func() { u.showDataMap(id, s.ID) }),
				widget.NewButton(u.T("common.edit"), func() { u.editSystem(s) }),
				widget.NewButton(u.T("common.remove"), func() { u.removeSystem(s) })),
			oneLine(u.systemLine(s))))
	}
	systemActions := container.NewHBox()
	if systemsLocked {
		systemsBox.Add(border(nil, nil, widget.NewIcon(lockIcon), nil, wrapped(u.T("company.systems_locked",
			i18n.Args{"Title": assessments[0].Title, "Status": u.T("status." + string(assessments[0].Status))}))))
	} else {
		systemActions.Add(widget.NewButton(u.T("system.add"), func() {
			u.editSystem(assessment.System{CompanyID: id, Kind: "erp", Product: checklists.ProductsFor("erp")[0], Partner: c.Partner})
		}))
	}
	// The record of processing and its siblings come from the data map and an assessment's
	// snapshot (the newest); reading them is fine while the systems are locked.
	if len(systems) > 0 && len(assessments) > 0 {
		systemActions.Add(widget.NewButton(u.T("documents.button"), func() { u.saveDocument(assessments[0], c.Name) }))
	}
	if len(systemActions.Objects) > 0 {
		systemsBox.Add(systemActions)
	}

	assessBox := container.NewVBox(widget.NewLabelWithStyle(u.T("company.assessments"), fyne.TextAlignLeading, bold))
	for _, a := range assessments {
		a := a
		assessBox.Add(border(nil, nil, nil,
			container.NewHBox(
				widget.NewButton(u.T("company.open_assessment"), func() { u.showQuestionnaire(a.ID) }),
				widget.NewButton(u.T("nav.results"), func() { u.showResults(a.ID) }),
				widget.NewButton(u.T("nav.review"), func() { u.showReview(a.ID) }),
				widget.NewButton(u.T("report.save_button"), func() { u.saveReport(a.ID) }),
				widget.NewButton(u.T("export.exchange_button"), func() { u.exportExchange(a.ID) })),
			oneLine(a.Title+" · "+u.T("status."+string(a.Status))+" · "+u.loc.ShortDate(a.CreatedAt))))
	}
	newAssessment := widget.NewButton(u.T("company.new_assessment"), func() { u.showNewAssessment(id) })
	newAssessment.Importance = widget.HighImportance
	actions := container.NewHBox(newAssessment)
	if len(assessments) >= 2 {
		actions.Add(widget.NewButton(u.T("nav.compare"), func() { u.showCompare(id) }))
	}
	assessBox.Add(actions)

	brand := widget.NewButton(u.T("branding.button"), func() { u.showBranding(c.ID) })
	export := widget.NewButton(u.T("data.export_company"), func() { u.exportCompany(c) })
	remove := widget.NewButton(u.T("data.delete_company"), func() { u.confirmDeleteCompany(c, len(systems), len(assessments)) })
	remove.Importance = widget.DangerImportance
	return container.NewPadded(container.NewVScroll(container.NewVBox(
		border(nil, nil, nil, edit, title), info, widget.NewSeparator(), systemsBox,
		widget.NewSeparator(), assessBox, widget.NewSeparator(), container.NewHBox(brand, export, remove))))
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (u *UI) systemLine(s assessment.System) string {
	name := u.T("product." + s.Product)
	own := strings.TrimSpace(s.Name) // a blank name saved before names were trimmed shows as none
	switch {
	case s.Product == "custom" && own != "":
		name = own // "Other (name it)": the name is the product
	case own != "" && own != name:
		name += " (" + own + ")"
	}
	line := u.T("system.kind."+s.Kind) + ": " + name + " · " + u.T("hosting."+s.Hosting) + " · " +
		u.T("agreement."+s.ProcessorAgreement)
	if s.Partner != "" {
		line += " · " + u.T("system.partner") + ": " + s.Partner
	}
	return line
}

// choice is a Select over fixed codes whose labels are translated messages.
func (u *UI) choice(codes []string, prefix, selected string) (*keySelect, func() string) {
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = u.T(prefix + c)
	}
	sel := u.newSelect(labels)
	for i, c := range codes {
		if c == selected {
			sel.SetSelectedIndex(i)
		}
	}
	return sel, func() string {
		if i := sel.SelectedIndex(); i >= 0 {
			return codes[i]
		}
		return ""
	}
}

// editSystem adds (ID 0) or edits a system in a form dialog; products come from the known
// list, with "custom" and a free name for anything else.
func (u *UI) editSystem(s assessment.System) {
	kind, kindValue := u.choice(checklists.SystemKinds, "system.kind.", s.Kind)
	// The products offered follow the kind; one outside the kind's list (saved by an older
	// version) stays selectable for this system.
	productCodes := func(k string) []string {
		codes := checklists.ProductsFor(k)
		if k == s.Kind && s.Product != "" && !slices.Contains(codes, s.Product) {
			codes = append([]string{s.Product}, codes...)
		}
		return codes
	}
	codes := productCodes(s.Kind)
	product, _ := u.choice(codes, "product.", s.Product)
	productValue := func() string {
		if i := product.SelectedIndex(); i >= 0 && i < len(codes) {
			return codes[i]
		}
		return ""
	}
	kind.OnChanged = func(string) {
		codes = productCodes(kindValue())
		labels := make([]string, len(codes))
		for i, c := range codes {
			labels[i] = u.T("product." + c)
		}
		product.SetOptions(labels)
		product.SetSelectedIndex(0)
	}
	hosting, hostingValue := u.choice(assessment.Hostings, "hosting.", defaultString(s.Hosting, assessment.HostingUnknown))
	agreement, agreementValue := u.choice(assessment.Agreements, "agreement.", defaultString(s.ProcessorAgreement, assessment.AgreementUnknown))
	name, vendor, partner := newKeyEntry(), newKeyEntry(), newKeyEntry()
	name.SetText(s.Name)
	vendor.SetText(s.Vendor)
	partner.SetText(s.Partner)
	name.SetPlaceHolder(u.T("system.name_hint"))
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("system.kind"), kind),
		widget.NewFormItem(u.T("system.product"), product),
		widget.NewFormItem(u.T("system.name"), name),
		widget.NewFormItem(u.T("system.vendor"), vendor),
		widget.NewFormItem(u.T("system.partner"), partner),
		widget.NewFormItem(u.T("system.hosting"), hosting),
		widget.NewFormItem(u.T("system.agreement"), agreement),
	}
	title := u.T("system.add")
	if s.ID != 0 {
		title = u.T("system.edit")
	}
	u.formDialog(title, u.T("common.save"), u.T("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		next := s
		next.Kind, next.Product, next.Name = kindValue(), productValue(), name.Text
		next.Vendor, next.Partner = vendor.Text, partner.Text
		next.Hosting, next.ProcessorAgreement = hostingValue(), agreementValue()
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.SaveSystem(ctx, &next); err != nil {
			u.showError(err)
			return
		}
		u.showCompany(s.CompanyID)
	})
}

func defaultString(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func (u *UI) removeSystem(s assessment.System) {
	u.confirmDialog(u.T("system.remove_title"), u.T("system.remove_confirm", i18n.Args{"System": u.systemLine(s)}),
		u.T("common.remove"), u.T("common.cancel"), true, func(ok bool) {
			if !ok {
				return
			}
			ctx, cancel := u.opCtx()
			defer cancel()
			if err := u.store.DeleteSystem(ctx, s.CompanyID, s.ID); err != nil {
				u.showError(err)
				return
			}
			u.showCompany(s.CompanyID)
		})
}

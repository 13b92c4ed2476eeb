package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The data-map screen: one system's processing activities as a table, the progress (activities
// with every required field filled), a template to start from, and what is known of the vendor
// as processor. Keys when no field has focus: N adds an activity, Enter edits the selected row,
// Delete removes it, W toggles workshop mode (large type, full screen), Esc leaves workshop mode.

// dataMapColumns are the table's columns: message ID and width at scale 1.
var dataMapColumns = []struct {
	id    string
	width float32
}{
	{"datamap.short.purpose", 220}, {"datamap.short.subjects", 130}, {"datamap.short.data", 210},
	{"datamap.short.basis", 160}, {"datamap.short.transfers", 130}, {"datamap.short.retention", 140}, {"datamap.short.complete", 70},
}

type dataMapScreen struct {
	u         *UI
	companyID int64
	sys       assessment.System
	acts      []assessment.Activity
	texts     []assessment.ActivityText
	selected  int // row index into acts; -1 for none
	table     *widget.Table
	progress  *widget.Label
	bar       *widget.ProgressBar
}

// showDataMap shows the data map of one of a company's systems.
func (u *UI) showDataMap(companyID, systemID int64) {
	u.show(func() fyne.CanvasObject { return u.dataMapScreen(companyID, systemID) })
}

func (u *UI) dataMapScreen(companyID, systemID int64) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	systems, err := u.store.Systems(ctx, companyID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	i := slices.IndexFunc(systems, func(s assessment.System) bool { return s.ID == systemID })
	if i < 0 {
		err := i18n.NewError("system.not_found", i18n.Args{"ID": systemID}, nil)
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	supervision, err := u.store.Supervisions(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	m := &dataMapScreen{u: u, companyID: companyID, sys: systems[i], selected: -1}
	if err := m.load(); err != nil {
		u.showError(err)
	}
	m.progress = widget.NewLabel("")
	m.bar = widget.NewProgressBar()
	m.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(m.acts), len(dataMapColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.cell(id)) })
	m.table.ShowHeaderColumn = false
	m.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(u.T(dataMapColumns[id.Col].id))
		}
	}
	for c, col := range dataMapColumns {
		m.table.SetColumnWidth(c, col.width*u.scale)
	}
	m.table.OnSelected = func(id widget.TableCellID) { m.selected = id.Row }
	m.refresh()

	title := widget.NewLabelWithStyle(u.T("datamap.title", i18n.Args{"System": assessment.SystemLabel(u.loc, &m.sys)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	back := widget.NewButton(u.T("common.back"), func() { u.endWorkshopMode(); u.showCompany(companyID) })
	workshop := widget.NewButton(u.T("datamap.workshop"), m.toggleWorkshop)
	add := widget.NewButton(u.T("datamap.add"), func() { m.edit(assessment.Activity{SystemID: systemID}) })
	add.Importance = widget.HighImportance
	edit := widget.NewButton(u.T("common.edit"), m.editSelected)
	remove := widget.NewButton(u.T("common.remove"), m.removeSelected)
	buttons := container.NewHBox(add, edit, remove)
	templates, err := checklists.Templates()
	if err == nil {
		if t := checklists.TemplateFor(templates, m.sys.Kind, m.sys.Product); t != nil {
			buttons.Add(widget.NewButton(u.T("datamap.from_template", i18n.Args{"Template": t.Title.In(u.loc.Lang())}),
				func() { m.applyTemplate(t) }))
		}
	}
	m.registerKeys()
	help := widget.NewLabel(u.T("datamap.help"))
	top := container.NewVBox(border(nil, nil, nil, container.NewHBox(workshop, back), title), help, border(nil, nil, nil, m.progress, m.bar), buttons)
	return container.NewPadded(border(top, m.supervisionForm(supervision[systemID]), nil, nil, m.table))
}

func (m *dataMapScreen) load() error {
	ctx, cancel := m.u.opCtx()
	defer cancel()
	all, err := m.u.store.Activities(ctx, m.companyID)
	if err != nil {
		return err
	}
	m.acts = assessment.ActivitiesOf(all, m.sys.ID)
	m.texts = make([]assessment.ActivityText, len(m.acts))
	for i, a := range m.acts {
		m.texts[i] = assessment.Describe(m.u.loc, &m.sys, a)
	}
	return nil
}

func (m *dataMapScreen) cell(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(m.texts) {
		return ""
	}
	t := m.texts[id.Row]
	switch id.Col {
	case 0:
		return t.Purpose
	case 1:
		return t.Subjects
	case 2:
		return t.Data
	case 3:
		return t.Bases
	case 4:
		return t.Transfer
	case 5:
		return t.Retention
	}
	if m.acts[id.Row].Complete() {
		return "✓"
	}
	return "–"
}

// refresh shows the progress: activities with every required field filled.
func (m *dataMapScreen) refresh() {
	done := 0
	for _, a := range m.acts {
		if a.Complete() {
			done++
		}
	}
	m.progress.SetText(m.u.loc.N("datamap.progress", len(m.acts), i18n.Args{"Done": done}))
	if len(m.acts) > 0 {
		m.bar.SetValue(float64(done) / float64(len(m.acts)))
	} else {
		m.bar.SetValue(0)
	}
	m.table.Refresh()
}

func (m *dataMapScreen) reload() {
	if err := m.load(); err != nil {
		m.u.showError(err)
	}
	if m.selected >= len(m.acts) {
		m.selected = -1
		m.table.UnselectAll()
	}
	m.refresh()
}

func (m *dataMapScreen) registerKeys() {
	c := m.u.win.Canvas()
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case 'n', 'N':
			m.edit(assessment.Activity{SystemID: m.sys.ID})
		case 'w', 'W':
			m.toggleWorkshop()
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			m.editSelected()
		case fyne.KeyDelete:
			m.removeSelected()
		case fyne.KeyEscape:
			if m.u.scale != 1 {
				m.toggleWorkshop()
			}
		case fyne.KeyDown:
			m.move(1)
		case fyne.KeyUp:
			m.move(-1)
		}
	})
}

// move selects the next or previous row, so that the table is usable without the mouse.
func (m *dataMapScreen) move(delta int) {
	if len(m.acts) == 0 {
		return
	}
	next := min(max(m.selected+delta, 0), len(m.acts)-1)
	m.table.Select(widget.TableCellID{Row: next, Col: 0})
}

// toggleWorkshop switches workshop mode (large type for a projector) on this screen.
func (m *dataMapScreen) toggleWorkshop() {
	u := m.u
	if u.scale == 1 {
		u.scale = workshopScale
		u.applyTheme()
		u.win.SetFullScreen(true)
	} else {
		u.endWorkshopMode()
	}
	u.showDataMap(m.companyID, m.sys.ID)
}

func (m *dataMapScreen) editSelected() {
	if m.selected >= 0 && m.selected < len(m.acts) {
		m.edit(m.acts[m.selected])
	}
}

func (m *dataMapScreen) removeSelected() {
	if m.selected < 0 || m.selected >= len(m.acts) {
		return
	}
	a := m.acts[m.selected]
	u := m.u
	u.confirmDialog(u.T("datamap.remove_title"), u.T("datamap.remove_confirm", i18n.Args{"Purpose": a.Purpose}),
		u.T("common.yes"), u.T("common.no"), true, func(ok bool) {
			if !ok {
				return
			}
			ctx, cancel := u.opCtx()
			defer cancel()
			if err := u.store.DeleteActivity(ctx, m.companyID, a.ID); err != nil {
				u.showError(err)
				return
			}
			m.reload()
		})
}

func (m *dataMapScreen) applyTemplate(t *checklists.Template) {
	u := m.u
	ctx, cancel := u.opCtx()
	defer cancel()
	if _, err := u.store.ApplyTemplate(ctx, m.companyID, m.sys.ID, t, u.loc.Lang()); err != nil {
		u.showError(err)
		return
	}
	m.reload()
}

// checks is a grid of check boxes over fixed codes with translated labels, two to a row so
// that a long list (twenty legal bases) stays inside the dialog.
func (u *UI) checks(codes []string, prefix string, selected []string) (fyne.CanvasObject, func() []string) {
	boxes := make([]*keyCheck, len(codes))
	grid := container.NewGridWithColumns(2)
	for i, c := range codes {
		boxes[i] = newKeyCheck(u.T(prefix + c))
		boxes[i].SetChecked(slices.Contains(selected, c))
		grid.Add(boxes[i])
	}
	return grid, func() []string {
		var out []string
		for i, b := range boxes {
			if b.Checked {
				out = append(out, codes[i])
			}
		}
		return out
	}
}

// edit opens the form for an activity (ID 0: a new one). Nothing is saved until the form is
// saved, and a refused save keeps the form's content for correcting.
func (m *dataMapScreen) edit(a assessment.Activity) {
	u := m.u
	purpose, recipients, owner, security, months := newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	purpose.SetText(a.Purpose)
	recipients.SetText(a.Recipients)
	owner.SetText(a.RetentionOwner)
	security.SetText(a.Security)
	security.MultiLine, security.Wrapping = true, fyne.TextWrapWord
	if a.RetentionMonths > 0 {
		months.SetText(strconv.Itoa(a.RetentionMonths))
	}
	months.SetPlaceHolder(u.T("datamap.months_hint"))
	subjects, subjectsValue := u.checks(checklists.SubjectCategories, "datamap.subject.", a.Subjects)
	data, dataValue := u.checks(checklists.DataCategoryKeys(), "datamap.data.", a.Data)
	bases, basesValue := u.checks(checklists.LegalBases, "datamap.basis.", a.Bases)
	transfer, transferValue := u.choice(checklists.Transfers, "datamap.transfer.", a.Transfer)
	basis, basisValue := u.choice(checklists.TransferBases, "datamap.transfer_basis.", a.TransferBasis)
	trigger, triggerValue := u.choice(checklists.RetentionTriggers, "datamap.trigger.", a.RetentionTrigger)
	action, actionValue := u.choice(checklists.RetentionActions, "datamap.action.", a.RetentionAction)
	for _, sel := range []*keySelect{transfer, basis, trigger, action} {
		sel.PlaceHolder = u.T("datamap.choose")
	}
	// Labels above their fields, not beside: the check-box grids need the dialog's full width.
	form := container.NewVBox()
	for _, f := range []struct {
		label string
		field fyne.CanvasObject
	}{
		{"datamap.col.purpose", purpose}, {"datamap.col.subjects", subjects}, {"datamap.col.data", data},
		{"datamap.col.basis", bases}, {"datamap.col.recipients", recipients}, {"datamap.col.transfers", transfer},
		{"datamap.transfer_basis", basis}, {"datamap.retention_months", months}, {"datamap.retention_trigger", trigger},
		{"datamap.col.action", action}, {"datamap.col.owner", owner}, {"datamap.col.security", security},
	} {
		form.Add(widget.NewLabelWithStyle(u.T(f.label), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		form.Add(f.field)
	}
	title := u.T("datamap.add")
	if a.ID != 0 {
		title = u.T("datamap.edit")
	}
	content := container.NewVScroll(form)
	var k *keyDialog
	k = u.newKeyDialog(title, content, u.T("common.save"), u.T("common.cancel"), func(ok bool) {
		if !ok {
			return
		}
		next := a
		next.Purpose, next.Recipients, next.RetentionOwner, next.Security = purpose.Text, recipients.Text, owner.Text, security.Text
		next.Subjects, next.Data, next.Bases = subjectsValue(), dataValue(), basesValue()
		next.Transfer, next.TransferBasis = transferValue(), basisValue()
		next.RetentionTrigger, next.RetentionAction = triggerValue(), actionValue()
		n, err := parseMonths(months.Text)
		if err == nil {
			next.RetentionMonths = n
			ctx, cancel := u.opCtx()
			err = u.store.SaveActivity(ctx, m.companyID, &next)
			cancel()
		}
		if err != nil {
			// The form comes back as it was typed, under the message.
			k.reopen()
			u.showError(err)
			return
		}
		m.reload()
	})
	k.d.Resize(fyne.NewSize(980*u.scale, 680*u.scale))
	k.d.Show()
	u.win.Canvas().Focus(purpose)
}

// parseMonths reads a retention period in whole months; empty is 0 (not set).
func parseMonths(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, i18n.NewError("datamap.months_invalid", i18n.Args{"Text": s}, err)
	}
	return n, nil
}

// supervisionForm records what is known of the system's vendor as processor.
func (m *dataMapScreen) supervisionForm(sv assessment.Supervision) fyne.CanvasObject {
	u := m.u
	subs, subsValue := u.choice(assessment.Agreements, "datamap.yesno.", defaultString(sv.Subprocessors, assessment.AgreementUnknown))
	last, next := widget.NewEntry(), widget.NewEntry()
	last.SetText(sv.Last)
	next.SetText(sv.Next)
	last.SetPlaceHolder(u.T("datamap.date_hint"))
	next.SetPlaceHolder(u.T("datamap.date_hint"))
	save := widget.NewButton(u.T("common.save"), func() {
		rec := assessment.Supervision{SystemID: m.sys.ID, Subprocessors: subsValue(), Last: strings.TrimSpace(last.Text),
			Next: strings.TrimSpace(next.Text)}
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.SaveSupervision(ctx, m.companyID, &rec); err != nil {
			u.showError(err)
			return
		}
		u.inform(u.T("datamap.supervision"), u.T("questionnaire.saved"))
	})
	heading := widget.NewLabelWithStyle(u.T("datamap.supervision_heading", i18n.Args{"Vendor": orDash(m.sys.Vendor),
		"Agreement": u.T("agreement." + m.sys.ProcessorAgreement)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Rows of label–field pairs; a grid of forms, or one row in workshop type, would make the
	// window wider than a laptop's or a projector's.
	row := container.NewHBox(widget.NewLabel(u.T("datamap.col.last_supervision")), minWidth(last, 130*u.scale),
		widget.NewLabel(u.T("datamap.col.next_supervision")), minWidth(next, 130*u.scale), save)
	return container.NewVBox(widget.NewSeparator(), container.NewHBox(heading, widget.NewLabel(u.T("datamap.col.subprocessors")), subs), row)
}

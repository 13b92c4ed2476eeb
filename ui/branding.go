package ui

import (
	"bytes"
	"image/color"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showBranding shows the report's logos and colours: the consultancy's (for every company)
// and the company's own logo.
func (u *UI) showBranding(companyID int64) {
	u.show(func() fyne.CanvasObject { return u.newBrandingForm(companyID).content })
}

// brandingForm is the branding screen's state.
type brandingForm struct {
	content              fyne.CanvasObject
	consultancy, contact *widget.Entry
	accent               *widget.Entry
	logo, companyLogo    *logoField
	status               *widget.Label
	form                 *widget.Form
}

// logoField is a logo being chosen: a preview, a file chooser and a remove button.
type logoField struct {
	data    []byte
	preview *fyne.Container
	none    string
}

func (f *logoField) set(data []byte) {
	f.data = data
	f.preview.RemoveAll()
	if len(data) == 0 {
		f.preview.Add(widget.NewLabel(f.none))
		return
	}
	img := canvas.NewImageFromReader(bytes.NewReader(data), "logo")
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(160, 48))
	f.preview.Add(img)
}

func (u *UI) newBrandingForm(companyID int64) *brandingForm {
	ctx, cancel := u.opCtx()
	defer cancel()
	company, err := u.store.Company(ctx, companyID)
	if err != nil {
		u.showError(err)
		return &brandingForm{content: widget.NewLabel(u.loc.Error(err))}
	}
	b, err := u.store.Branding(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	consultancy, contact, accent := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	consultancy.SetText(b.Consultancy)
	contact.SetText(b.Contact)
	accent.SetText(b.Accent)
	accent.SetPlaceHolder("#1f4e79")
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.SetMinSize(fyne.NewSize(28, 28))
	showSwatch := func(s string) {
		swatch.FillColor = color.Transparent
		if _, c, err := assessment.ParseAccent(s); err == nil {
			swatch.FillColor = color.NRGBA{R: c[0], G: c[1], B: c[2], A: 255}
		}
		swatch.Refresh()
	}
	showSwatch(b.Accent)
	accent.OnChanged = showSwatch
	accent.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, _, err := assessment.ParseAccent(s)
		return u.fieldError(err)
	}
	pick := widget.NewButton(u.T("branding.accent_choose"), func() { u.chooseAccent(accent.SetText) })

	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	logo := &logoField{preview: container.NewStack(), none: u.T("branding.no_logo")}
	logo.set(b.Logo)
	companyLogo := &logoField{preview: container.NewStack(), none: u.T("branding.no_logo")}
	companyLogo.set(b.CompanyLogo)
	logoRow := func(f *logoField) fyne.CanvasObject {
		choose := widget.NewButton(u.T("branding.logo_choose"), func() { u.chooseLogo(f, status) })
		remove := widget.NewButton(u.T("common.remove"), func() { f.set(nil) })
		return border(nil, nil, nil, container.NewHBox(choose, remove), f.preview)
	}

	form := &widget.Form{
		Items: []*widget.FormItem{
			{Text: u.T("branding.consultancy_label"), Widget: consultancy},
			{Text: u.T("branding.contact_label"), Widget: contact},
			{Text: u.T("branding.accent_label"), Widget: border(nil, nil, nil, container.NewHBox(swatch, pick), accent),
				HintText: u.T("branding.accent_hint")},
			{Text: u.T("branding.logo_label"), Widget: logoRow(logo)},
			{Text: u.T("branding.company_logo_label", i18n.Args{"Company": company.Name}), Widget: logoRow(companyLogo)},
		},
		SubmitText: u.T("common.save"),
		CancelText: u.T("common.back"),
		OnCancel:   func() { u.showCompany(companyID) },
	}
	form.OnSubmit = func() {
		next := assessment.Branding{Consultancy: consultancy.Text, Contact: contact.Text, Accent: accent.Text, Logo: logo.data}
		ctx, done := u.opCtx()
		defer done()
		// Checked in full first, so that a wrong field changes neither part.
		check := next
		check.CompanyLogo = companyLogo.data
		if err := check.Validate(); err != nil {
			status.SetText(u.loc.Error(err))
			return
		}
		if err := u.store.SaveBranding(ctx, next); err != nil {
			status.SetText(u.loc.Error(err))
			return
		}
		if err := u.store.SetCompanyLogo(ctx, companyID, companyLogo.data); err != nil {
			status.SetText(u.loc.Error(err))
			return
		}
		status.SetText(u.T("branding.saved"))
	}
	heading := widget.NewLabelWithStyle(u.T("branding.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.T("branding.intro"))
	intro.Wrapping = fyne.TextWrapWord
	return &brandingForm{content: container.NewPadded(container.NewVScroll(container.NewVBox(heading, intro, form, status))),
		consultancy: consultancy, contact: contact, accent: accent, logo: logo, companyLogo: companyLogo,
		status: status, form: form}
}

// accentPalette are accent colours that all pass the report's contrast check against white.
// Fyne's colour picker offered yellow and pastel tones that the check then refused, and took
// no keys.
var accentPalette = []string{
	"#1f4e79", "#1a237e", "#005f73", "#0b6e4f", "#2e5e1e", "#6d4c41",
	"#7a4b00", "#b03a2e", "#8b1e3f", "#9c2c77", "#5b2a86", "#37474f",
}

// chooseAccent offers the palette as buttons: a click, or Enter on the focused one, takes a
// colour; Tab moves through them and Escape cancels.
func (u *UI) chooseAccent(set func(string)) {
	grid := container.NewGridWithColumns(6)
	k := u.newKeyDialog(u.T("branding.accent_label"), grid, u.T("common.cancel"), "", nil)
	var first *keyButton
	for _, hex := range accentPalette {
		_, c, _ := assessment.ParseAccent(hex) // the palette is checked by a test
		sw := canvas.NewRectangle(color.NRGBA{R: c[0], G: c[1], B: c[2], A: 255})
		sw.SetMinSize(fyne.NewSize(72, 28))
		b := newKeyButton(hex, func() { k.answered = true; k.d.Hide(); set(hex) })
		b.onEscape = func() { k.confirm.OnTapped() }
		if first == nil {
			first = b
		}
		grid.Add(container.NewVBox(sw, b))
	}
	k.def = first
	k.show()
}

// chooseLogo opens the file chooser for PNG and JPEG files and loads the chosen one, read
// bounded: one byte over the limit is enough for CheckLogo to refuse it as too large.
func (u *UI) chooseLogo(f *logoField, status *widget.Label) {
	chooseFile(u.win, u.loc, fileRequest{Exts: []string{".png", ".jpg", ".jpeg"}}, func(path string) {
		data, err := readChosen(path, assessment.MaxLogoBytes+1)
		if err != nil {
			status.SetText(u.loc.Error(err))
			return
		}
		u.loadLogo(f, status, bytes.NewReader(data))
	})
}

// loadLogo reads a chosen file into f after checking it; a file that is no logo is refused
// with the reason, and f keeps what it had.
func (u *UI) loadLogo(f *logoField, status *widget.Label, r io.Reader) {
	data, err := io.ReadAll(io.LimitReader(r, assessment.MaxLogoBytes+1))
	if err != nil {
		status.SetText(u.loc.Error(err))
		return
	}
	if _, _, _, err := assessment.CheckLogo(data); err != nil {
		status.SetText(u.loc.Error(err))
		return
	}
	status.SetText("")
	f.set(data)
}

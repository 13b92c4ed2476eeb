package ui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// Traffic-light colours, chosen to read on light and dark themes and on a projector.
var riskColors = map[assessment.Risk]color.Color{
	assessment.RiskRed:   color.NRGBA{R: 0xc8, G: 0x10, B: 0x2e, A: 0xff},
	assessment.RiskAmber: color.NRGBA{R: 0xe8, G: 0xa2, B: 0x00, A: 0xff},
	assessment.RiskGreen: color.NRGBA{R: 0x2e, G: 0x85, B: 0x40, A: 0xff},
	assessment.RiskNone:  color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff},
}

// showResults shows the scores per area, the overall traffic light and the action plan.
// Back returns to the screen it was opened from (the questionnaire at its question, or the
// company).
func (u *UI) showResults(assessmentID int64) {
	from := u.screen
	u.show(func() fyne.CanvasObject { return u.resultsScreen(assessmentID, from) })
}

func (u *UI) resultsScreen(assessmentID int64, from func() fyne.CanvasObject) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	res := assessment.ScoreSnapshot(u.set, snap)
	lang := u.loc.Lang()

	light := canvas.NewCircle(riskColors[res.Overall.Risk()])
	light.StrokeWidth = 0
	lightBox := container.NewGridWrap(fyne.NewSize(36, 36), light)
	overall := widget.NewLabelWithStyle(u.T("results.overall", i18n.Args{"Score": u.loc.Percent(res.Overall.Percent()),
		"Risk": u.T("risk." + riskKey(res.Overall.Risk()))}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	answered := widget.NewLabel(u.loc.N("results.answered", res.Overall.Answered, i18n.Args{"Total": res.Overall.Applicable}))

	bars := container.New(layoutTwoColumns{})
	for _, a := range res.Areas {
		label := widget.NewLabel(a.Area.Title.In(lang))
		bars.Add(label)
		bars.Add(newScoreBar(a.Tally, u.loc))
	}
	legend := widget.NewLabel(u.T("results.legend", i18n.Args{"Amber": u.loc.Percent(assessment.AmberFrom), "Green": u.loc.Percent(assessment.GreenFrom)}))

	plan := container.NewVBox()
	if len(res.Gaps) == 0 {
		plan.Add(widget.NewLabel(u.T("report.no_gaps")))
	}
	for _, g := range res.Gaps {
		plan.Add(u.actionRow(snap, g))
	}
	back := widget.NewButton(u.T("common.back"), func() {
		if from != nil {
			u.show(from)
		} else {
			u.showCompany(snap.Company.ID)
		}
	})
	answer := widget.NewButton(u.T("company.open_assessment"), func() { u.showQuestionnaire(assessmentID) })
	report := widget.NewButton(u.T("report.save_button"), func() { u.saveReport(assessmentID) })
	csv := widget.NewButton(u.T("results.export_csv"), func() { u.exportActionPlanCSV(assessmentID) })
	exchange := widget.NewButton(u.T("export.exchange_button"), func() { u.exportExchange(assessmentID) })
	heading := boldWrapped(snap.Company.Name + " · " + snap.Assessment.Title)
	top := container.NewVBox(heading, container.NewHBox(lightBox, overall), answered)
	if reason := u.lockReason(snap); reason != "" {
		top.Add(u.lockBanner(reason))
	}
	if n := len(snap.Conflicts); n > 0 {
		top.Add(u.conflictsNotice(assessmentID, n))
	}
	body := container.NewVBox(
		widget.NewLabelWithStyle(u.T("report.area_scores"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), bars, legend,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(u.T("report.action_plan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), plan)
	return container.NewPadded(border(top, container.NewHBox(back, answer, report, csv, exchange), nil, nil, container.NewVScroll(body)))
}

func riskKey(r assessment.Risk) string {
	if r == assessment.RiskNone {
		return "none"
	}
	return string(r)
}

// actionRow edits one gap's owner, due date and status; each change is saved at once. A
// read-only assessment shows them as text.
func (u *UI) actionRow(snap *assessment.Snapshot, g assessment.Gap) fyne.CanvasObject {
	lang := u.loc.Lang()
	ans := g.Answer
	title := widget.NewLabel(u.T("severity."+g.Severity.String()) + " · " + g.Question.Text.In(lang))
	title.Wrapping = fyne.TextWrapWord
	remedy := widget.NewLabel(g.Question.Remediation.In(lang))
	remedy.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(title, remedy)
	if r, ok := snap.Responses[g.Question.ID]; ok {
		head.Add(u.responseLine(r))
	}
	if locked(snap.Assessment) {
		status := ""
		if ans.ActionStatus != "" {
			status = u.T("action." + string(ans.ActionStatus))
		}
		shown := widget.NewLabel(u.T("results.action_shown", i18n.Args{"Owner": orDash(ans.Owner), "Due": orDash(ans.Due), "Status": orDash(status)}))
		shown.Wrapping = fyne.TextWrapWord
		return container.NewVBox(head, shown, widget.NewSeparator())
	}
	owner := widget.NewEntry()
	owner.SetPlaceHolder(u.T("report.owner"))
	owner.SetText(ans.Owner)
	due := widget.NewEntry()
	due.SetPlaceHolder(u.T("results.due_placeholder"))
	due.SetText(ans.Due)
	due.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return &shownError{u.T("answer.due_invalid", i18n.Args{"Due": s})}
		}
		return nil
	}
	statuses := []assessment.ActionStatus{assessment.ActionOpen, assessment.ActionInProgress, assessment.ActionDone}
	names := make([]string, len(statuses))
	for i, s := range statuses {
		names[i] = u.T("action." + string(s))
	}
	status := u.newSelect(names)
	for i, s := range statuses {
		if s == ans.ActionStatus {
			status.SetSelectedIndex(i)
		}
	}
	save := func() {
		if due.Validate() != nil {
			return // the field shows why; nothing is saved until the date is valid
		}
		next := ans
		next.Owner, next.Due = owner.Text, due.Text
		if i := status.SelectedIndex(); i >= 0 {
			next.ActionStatus = statuses[i]
		}
		ctx, cancel := u.opCtx()
		defer cancel()
		if err := u.store.SaveAnswer(ctx, u.set, &next); err != nil {
			u.showError(err)
			return
		}
		ans = next
		snap.Answers[ans.QuestionID] = ans
	}
	// Overdue: the due date has passed and the action is not done; updated as they change.
	overdue := widget.NewLabelWithStyle(u.T("action.overdue"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	overdue.Importance = widget.DangerImportance
	markOverdue := func() {
		if ans.Overdue(u.store.Now()) {
			overdue.Show()
		} else {
			overdue.Hide()
		}
	}
	markOverdue()
	owner.OnSubmitted = func(string) { save(); markOverdue() }
	owner.OnChanged = func(string) { save() }
	due.OnChanged = func(string) { save(); markOverdue() }
	status.OnChanged = func(string) { save(); markOverdue() }
	return container.NewVBox(head, border(nil, nil, nil, overdue,
		container.NewGridWithColumns(3, owner, due, status)), widget.NewSeparator())
}

// scoreBar draws a score as a bar with marks at the amber and green thresholds.
type scoreBar struct {
	widget.BaseWidget
	tally assessment.Tally
	loc   *i18n.Localizer
}

func newScoreBar(t assessment.Tally, loc *i18n.Localizer) *scoreBar {
	b := &scoreBar{tally: t, loc: loc}
	b.ExtendBaseWidget(b)
	return b
}

func (b *scoreBar) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x40})
	fill := canvas.NewRectangle(riskColors[b.tally.Risk()])
	amber := canvas.NewRectangle(color.NRGBA{A: 0xb0})
	green := canvas.NewRectangle(color.NRGBA{A: 0xb0})
	text := "–"
	if b.tally.Scored() {
		text = b.loc.Percent(b.tally.Percent())
	}
	label := canvas.NewText(text, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff})
	label.TextStyle.Bold = true
	return &scoreBarRenderer{bar: b, bg: bg, fill: fill, amber: amber, green: green, label: label}
}

type scoreBarRenderer struct {
	bar                    *scoreBar
	bg, fill, amber, green *canvas.Rectangle
	label                  *canvas.Text
}

func (r *scoreBarRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	frac := float32(r.bar.tally.Percent() / 100)
	r.fill.Resize(fyne.NewSize(size.Width*frac, size.Height))
	for _, m := range []struct {
		line *canvas.Rectangle
		at   float64
	}{{r.amber, assessment.AmberFrom}, {r.green, assessment.GreenFrom}} {
		m.line.Move(fyne.NewPos(size.Width*float32(m.at/100)-1, 0))
		m.line.Resize(fyne.NewSize(2, size.Height))
	}
	ts := r.label.MinSize()
	r.label.Move(fyne.NewPos(6, (size.Height-ts.Height)/2))
}

func (r *scoreBarRenderer) MinSize() fyne.Size { return fyne.NewSize(240, r.label.MinSize().Height+10) }
func (r *scoreBarRenderer) Refresh()           { r.Layout(r.bar.Size()) }
func (r *scoreBarRenderer) Destroy()           {}
func (r *scoreBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.fill, r.amber, r.green, r.label}
}

// layoutTwoColumns lays out label/value pairs: the first column as wide as its widest
// child, the second taking the rest.
type layoutTwoColumns struct{}

func (layoutTwoColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left := float32(0)
	for i := 0; i < len(objs); i += 2 {
		left = max(left, objs[i].MinSize().Width)
	}
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(left, h))
		objs[i+1].Move(fyne.NewPos(left+8, y+4))
		objs[i+1].Resize(fyne.NewSize(size.Width-left-8, h-8))
		y += h
	}
}

func (layoutTwoColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	left, right, h := float32(0), float32(0), float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		left = max(left, objs[i].MinSize().Width)
		right = max(right, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(left+8+right, h)
}

// responseLine is the implementation partner's response to a gap's task, as the company sees it.
func (u *UI) responseLine(r assessment.Response) fyne.CanvasObject {
	parts := []string{u.T("decision." + string(r.Decision))}
	if r.Hours > 0 {
		parts = append(parts, u.T("partner.hours_short", i18n.Args{"Hours": u.hoursText(r.Hours)}))
	}
	if r.Planned != "" {
		parts = append(parts, u.T("partner.planned_short", i18n.Args{"Date": r.Planned}))
	}
	if r.Comment != "" {
		parts = append(parts, "“"+r.Comment+"”")
	}
	l := widget.NewLabelWithStyle(u.T("results.response", i18n.Args{"Response": strings.Join(parts, " · "), "By": r.By,
		"Date": u.loc.ShortDate(r.At)}), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// conflictsNotice says that a merge left answers to settle, with the way there.
func (u *UI) conflictsNotice(assessmentID int64, n int) fyne.CanvasObject {
	open := widget.NewButton(u.T("merge.resolve"), func() { u.showConflicts(assessmentID) })
	open.Importance = widget.WarningImportance
	return border(nil, nil, nil, open, wrapped(u.loc.N("merge.conflicts_pending", n)))
}

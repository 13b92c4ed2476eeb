package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showCompare sets two rounds of a company side by side: score change per area and the
// answers that changed, improvements and setbacks coloured.
func (u *UI) showCompare(companyID int64) {
	u.show(func() fyne.CanvasObject { return u.compareScreen(companyID) })
}

func (u *UI) compareScreen(companyID int64) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	list, err := u.store.Assessments(ctx, companyID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(companyID) })
	if len(list) < 2 {
		return container.NewPadded(container.NewVBox(widget.NewLabel(u.T("compare.need_two")), back))
	}
	titles := make([]string, len(list))
	for i, a := range list {
		titles[i] = fmt.Sprintf("%s (%s)", a.Title, u.loc.ShortDate(a.CreatedAt))
	}
	// Newest first: compare the previous round (index 1) with the latest (index 0).
	before, after := u.newSelect(titles), u.newSelect(titles)
	before.SetSelectedIndex(1)
	after.SetSelectedIndex(0)
	result := container.NewVBox()
	update := func() {
		result.RemoveAll()
		if before.SelectedIndex() < 0 || after.SelectedIndex() < 0 {
			return
		}
		ctx, cancel := u.opCtx()
		defer cancel()
		cmp, err := u.store.Compare(ctx, u.set, list[before.SelectedIndex()].ID, list[after.SelectedIndex()].ID)
		if err != nil {
			u.showError(err)
			return
		}
		u.fillComparison(result, cmp)
	}
	before.OnChanged = func(string) { update() }
	after.OnChanged = func(string) { update() }
	update()
	form := widget.NewForm(widget.NewFormItem(u.T("compare.before"), before), widget.NewFormItem(u.T("compare.after"), after))
	heading := widget.NewLabelWithStyle(u.T("nav.compare"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(border(container.NewVBox(heading, form), container.NewHBox(back), nil, nil, container.NewVScroll(result)))
}

var (
	better = color.NRGBA{R: 0x2e, G: 0x85, B: 0x40, A: 0xff}
	worse  = color.NRGBA{R: 0xc8, G: 0x10, B: 0x2e, A: 0xff}
)

func (u *UI) fillComparison(box *fyne.Container, cmp assessment.Comparison) {
	lang := u.loc.Lang()
	grid := container.NewGridWithColumns(4,
		bold(u.T("compare.area")), bold(u.T("compare.before")), bold(u.T("compare.after")), bold(u.T("compare.change")))
	rows := append([]assessment.ScoreChange{cmp.Overall}, cmp.Areas...)
	for i, sc := range rows {
		name := sc.Title.In(lang)
		if i == 0 {
			name = u.T("compare.overall")
		}
		grid.Add(widget.NewLabel(name))
		grid.Add(widget.NewLabel(u.scoreText(sc.Before, sc.BeforeScored)))
		grid.Add(widget.NewLabel(u.scoreText(sc.After, sc.AfterScored)))
		grid.Add(u.deltaText(sc))
	}
	box.Add(grid)
	box.Add(widget.NewSeparator())
	box.Add(bold(u.loc.N("compare.changed", len(cmp.Changed))))
	for _, ch := range cmp.Changed {
		text := ch.QuestionID
		if q, _, ok := u.set.Question(ch.QuestionID); ok {
			text = q.Text.In(lang)
		}
		line := canvas.NewText(u.T("compare.answer_change", i18n.Args{"Before": u.valueText(ch.Before), "After": u.valueText(ch.After)}), changeColor(ch))
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		box.Add(container.NewVBox(label, line))
	}
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (u *UI) scoreText(p float64, scored bool) string {
	if !scored {
		return "–"
	}
	return u.loc.Percent(p)
}

func (u *UI) deltaText(sc assessment.ScoreChange) fyne.CanvasObject {
	d := sc.Delta()
	if !sc.BeforeScored || !sc.AfterScored || d == 0 {
		return widget.NewLabel("–")
	}
	c := color.Color(better)
	sign := "+"
	if d < 0 {
		c, sign = worse, ""
	}
	t := canvas.NewText(sign+u.loc.Number(d, 0)+" "+u.T("compare.points"), c)
	t.TextStyle.Bold = true
	return container.NewPadded(t)
}

func (u *UI) valueText(v assessment.Value) string {
	if v == "" {
		return u.T("value.unanswered")
	}
	return u.T("value." + string(v))
}

// changeColor is green when the new answer earns more than the old one, red when less.
func changeColor(ch assessment.AnswerChange) color.Color {
	rank := map[assessment.Value]int{assessment.Yes: 3, assessment.Partly: 2, assessment.NA: 2, assessment.No: 1, assessment.Unknown: 1, "": 0}
	switch {
	case rank[ch.After] > rank[ch.Before]:
		return better
	case rank[ch.After] < rank[ch.Before]:
		return worse
	}
	return color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
}

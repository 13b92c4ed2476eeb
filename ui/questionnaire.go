package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// questionnaire is the state of the answering screen for one assessment.
type questionnaire struct {
	u         *UI
	snap      *assessment.Snapshot
	questions []checklists.Scoped // those in scope, in checklist order
	current   int

	list     *widget.List // nil in workshop mode
	text     *widget.Label
	area     *widget.Label
	guidance *widget.Label
	refs     *widget.Label
	note     *widget.Entry
	buttons  []*widget.Button
	progress *widget.ProgressBar
	saved    *widget.Label
}

// showQuestionnaire shows one question at a time, every answer saved the moment it is given.
func (u *UI) showQuestionnaire(assessmentID int64) {
	u.show(func() fyne.CanvasObject { return u.questionnaireScreen(assessmentID) })
}

func (u *UI) questionnaireScreen(assessmentID int64) fyne.CanvasObject {
	q, err := u.loadQuestionnaire(assessmentID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	if len(q.questions) == 0 {
		return widget.NewLabel(u.T("questionnaire.none_in_scope"))
	}
	return q.build()
}

// loadQuestionnaire reads an assessment and the questions in its scope.
func (u *UI) loadQuestionnaire(assessmentID int64) (*questionnaire, error) {
	ctx, cancel := u.opCtx()
	defer cancel()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	if err != nil {
		return nil, err
	}
	q := &questionnaire{u: u, snap: snap}
	for _, sc := range assessment.Pinned(u.set, snap.Assessment).Scope(assessment.Facts(snap.Assessment.Profile, snap.Systems)) {
		if sc.Applies {
			q.questions = append(q.questions, sc)
		}
	}
	return q, nil
}

// initWidgets makes the widgets both the questionnaire and the workshop view show.
func (q *questionnaire) initWidgets() {
	u := q.u
	q.area = widget.NewLabel("")
	q.text = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.text.Wrapping = fyne.TextWrapWord
	q.guidance = widget.NewLabel("")
	q.guidance.Wrapping = fyne.TextWrapWord
	q.refs = widget.NewLabel("")
	q.refs.Wrapping = fyne.TextWrapWord
	q.note = widget.NewMultiLineEntry()
	q.note.SetPlaceHolder(u.T("questionnaire.note"))
	q.note.OnChanged = func(string) { q.saveNote() }
	q.saved = widget.NewLabel("")
	q.progress = widget.NewProgressBar()
	for i, v := range assessment.Values {
		v := v
		b := widget.NewButton(u.T("questionnaire.key", i18n.Args{"Key": i + 1, "Label": u.T("value." + string(v))}), func() { q.answer(v) })
		q.buttons = append(q.buttons, b)
	}
}

func (q *questionnaire) build() fyne.CanvasObject {
	u := q.u
	q.initWidgets()
	q.list = widget.NewList(
		func() int { return len(q.questions) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			mark := "○ "
			if _, ok := q.snap.Answers[q.questions[i].Question.ID]; ok {
				mark = "● "
			}
			o.(*widget.Label).SetText(mark + q.questions[i].Question.Text.In(u.loc.Lang()))
			o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
		})
	q.list.OnSelected = func(i widget.ListItemID) { q.showQuestion(i) }

	answerRow := container.NewGridWithColumns(len(assessment.Values))
	for _, b := range q.buttons {
		answerRow.Add(b)
	}
	prev := widget.NewButton(u.T("questionnaire.previous"), func() { q.move(-1) })
	next := widget.NewButton(u.T("questionnaire.next"), func() { q.move(1) })
	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(q.snap.Company.ID) })
	report := widget.NewButton(u.T("report.save_button"), func() { u.saveReport(q.snap.Assessment.ID) })
	results := widget.NewButton(u.T("nav.results"), func() { u.showResults(q.snap.Assessment.ID) })
	workshop := widget.NewButton(u.T("workshop.start"), func() { u.showWorkshop(q.snap.Assessment.ID) })

	guidance := widget.NewAccordion(widget.NewAccordionItem(u.T("questionnaire.guidance"), container.NewVBox(q.guidance, q.refs)))
	right := container.NewBorder(
		container.NewVBox(q.area, q.text, answerRow),
		container.NewVBox(q.saved, container.NewHBox(back, prev, next, results, report, workshop)),
		nil, nil,
		container.NewVScroll(container.NewVBox(guidance, q.note)))
	split := container.NewHSplit(q.list, container.NewPadded(right))
	split.Offset = 0.33
	q.registerKeys()
	q.list.Select(0)
	return container.NewBorder(container.NewPadded(q.progress), nil, nil, nil, split)
}

func (q *questionnaire) showQuestion(i int) {
	u, lang := q.u, q.u.loc.Lang()
	q.current = i
	sc := q.questions[i]
	q.area.SetText(u.T("questionnaire.position", i18n.Args{"Area": sc.Checklist.Title.In(lang), "N": i + 1, "Total": len(q.questions)}))
	q.text.SetText(sc.Question.Text.In(lang))
	q.guidance.SetText(sc.Question.Guidance.In(lang))
	q.refs.SetText(u.T("questionnaire.refs") + ": " + joinRefs(sc.Question.Refs))
	ans := q.snap.Answers[sc.Question.ID]
	q.note.OnChanged = nil // loading a note is not editing it
	q.note.SetText(ans.Note)
	q.note.OnChanged = func(string) { q.saveNote() }
	q.saved.SetText("")
	q.refreshState()
}

func joinRefs(refs []string) string {
	out := ""
	for i, r := range refs {
		if i > 0 {
			out += "; "
		}
		out += r
	}
	return out
}

// refreshState marks the chosen answer and updates the progress bar.
func (q *questionnaire) refreshState() {
	ans, answered := q.snap.Answers[q.questions[q.current].Question.ID]
	for i, b := range q.buttons {
		if answered && assessment.Values[i] == ans.Value {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	done := 0
	for _, sc := range q.questions {
		if _, ok := q.snap.Answers[sc.Question.ID]; ok {
			done++
		}
	}
	q.progress.SetValue(float64(done) / float64(len(q.questions)))
}

func (q *questionnaire) answer(v assessment.Value) {
	id := q.questions[q.current].Question.ID
	ans := q.snap.Answers[id]
	ans.AssessmentID, ans.QuestionID, ans.Value, ans.Note = q.snap.Assessment.ID, id, v, q.note.Text
	ans.Reconfirm = false
	q.save(ans)
}

func (q *questionnaire) saveNote() {
	id := q.questions[q.current].Question.ID
	ans, ok := q.snap.Answers[id]
	if !ok {
		return // a note is saved with the answer; until then it waits in the field
	}
	ans.Note = q.note.Text
	q.save(ans)
}

func (q *questionnaire) save(ans assessment.Answer) {
	ctx, cancel := q.u.opCtx()
	defer cancel()
	if err := q.u.store.SaveAnswer(ctx, q.u.set, &ans); err != nil {
		q.u.showError(err)
		return
	}
	q.snap.Answers[ans.QuestionID] = ans
	q.saved.SetText(q.u.T("questionnaire.saved"))
	q.refreshState()
	if q.list != nil {
		q.list.RefreshItem(q.current)
	}
}

func (q *questionnaire) move(delta int) {
	i := q.current + delta
	if i < 0 || i >= len(q.questions) {
		return
	}
	if q.list == nil {
		q.showQuestion(i)
		return
	}
	q.list.Select(i)
}

// registerKeys lets a consultant answer with 1–5 and move with the arrow and page keys. Keys
// typed into the note go to the note; these apply when nothing has focus.
func (q *questionnaire) registerKeys() {
	c := q.u.win.Canvas()
	c.SetOnTypedRune(func(r rune) {
		if r >= '1' && r <= rune('0'+len(assessment.Values)) {
			q.answer(assessment.Values[r-'1'])
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyDown, fyne.KeyPageDown, fyne.KeyRight:
			q.move(1)
		case fyne.KeyUp, fyne.KeyPageUp, fyne.KeyLeft:
			q.move(-1)
		}
	})
}

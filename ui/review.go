package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showReview is the implementation partner's screen: comments per question, the status
// steps, and the sign-off that approves or returns the assessment.
func (u *UI) showReview(assessmentID int64) {
	u.show(func() fyne.CanvasObject { return u.reviewScreen(assessmentID) })
}

func (u *UI) reviewScreen(assessmentID int64) fyne.CanvasObject {
	q, err := u.loadQuestionnaire(assessmentID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	snap, lang := q.snap, u.loc.Lang()
	a := snap.Assessment
	reload := func() { u.showReview(assessmentID) }
	run := func(op func() error) {
		if err := op(); err != nil {
			u.showError(err)
			return
		}
		reload()
	}

	reviewer := widget.NewEntry()
	reviewer.SetPlaceHolder(u.T("review.reviewer"))
	organisation := widget.NewEntry()
	organisation.SetPlaceHolder(u.T("review.organisation"))
	status := bold(u.T("review.status", i18n.Args{"Status": u.T("status." + string(a.Status))}))

	steps := container.NewHBox()
	step := func(label string, to assessment.Status) {
		steps.Add(widget.NewButton(label, func() {
			run(func() error {
				ctx, cancel := u.opCtx()
				defer cancel()
				return u.store.SetStatus(ctx, a.ID, to, reviewer.Text)
			})
		}))
	}
	switch a.Status {
	case assessment.Draft, assessment.Returned:
		step(u.T("review.submit"), assessment.Submitted)
	case assessment.Submitted:
		step(u.T("review.start_review"), assessment.InReview)
	}

	// Comments: on one question, or on the whole assessment.
	questionTitles := []string{u.T("review.whole_assessment")}
	questionIDs := []string{""}
	for _, sc := range q.questions {
		questionTitles = append(questionTitles, sc.Question.Text.In(lang))
		questionIDs = append(questionIDs, sc.Question.ID)
	}
	about := u.newSelect(questionTitles)
	about.SetSelectedIndex(0)
	body := widget.NewMultiLineEntry()
	body.SetPlaceHolder(u.T("review.comment"))
	addComment := widget.NewButton(u.T("review.add_comment"), func() {
		run(func() error {
			ctx, cancel := u.opCtx()
			defer cancel()
			return u.store.AddComment(ctx, &assessment.Comment{AssessmentID: a.ID, QuestionID: questionIDs[about.SelectedIndex()],
				Author: reviewer.Text, Body: body.Text})
		})
	})
	comments := container.NewVBox()
	for _, c := range snap.Comments {
		where := u.T("review.whole_assessment")
		if qq, _, ok := u.set.Question(c.QuestionID); ok {
			where = qq.Text.In(lang)
		}
		l := widget.NewLabel(u.T("review.comment_line", i18n.Args{"Author": orDash(c.Author), "Date": u.loc.ShortDate(c.CreatedAt),
			"Question": where, "Body": c.Body}))
		l.Wrapping = fyne.TextWrapWord
		comments.Add(l)
	}
	if len(snap.Comments) == 0 {
		comments.Add(widget.NewLabel(u.T("review.no_comments")))
	}

	// Sign-off, or reopening once approved.
	signoff := container.NewVBox()
	switch a.Status {
	case assessment.Submitted, assessment.InReview:
		statement := widget.NewMultiLineEntry()
		statement.SetPlaceHolder(u.T("review.statement"))
		decide := func(decision assessment.Status) func() {
			return func() {
				run(func() error {
					ctx, cancel := u.opCtx()
					defer cancel()
					return u.store.SignOff(ctx, &assessment.SignOff{AssessmentID: a.ID, Reviewer: reviewer.Text,
						Organisation: organisation.Text, Decision: decision, Statement: statement.Text})
				})
			}
		}
		approve := widget.NewButton(u.T("review.approve"), decide(assessment.Approved))
		approve.Importance = widget.HighImportance
		signoff.Add(statement)
		signoff.Add(container.NewHBox(approve, widget.NewButton(u.T("review.return"), decide(assessment.Returned))))
	case assessment.Approved:
		signoff.Add(widget.NewLabel(u.T("review.read_only")))
		signoff.Add(widget.NewButton(u.T("review.reopen"), func() {
			reason := newKeyEntry()
			u.formDialog(u.T("review.reopen"), u.T("review.reopen"), u.T("common.cancel"),
				[]*widget.FormItem{widget.NewFormItem(u.T("review.reopen_reason"), reason)}, func(ok bool) {
					if ok {
						run(func() error {
							ctx, cancel := u.opCtx()
							defer cancel()
							return u.store.Reopen(ctx, a.ID, reviewer.Text, reason.Text)
						})
					}
				})
		}))
	}
	for _, so := range snap.SignOffs {
		signoff.Add(widget.NewLabel(u.T("review.signed", i18n.Args{"Decision": u.T("status." + string(so.Decision)),
			"Reviewer": so.Reviewer, "Organisation": orDash(so.Organisation), "Date": u.loc.Date(so.SignedAt)})))
	}

	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(snap.Company.ID) })
	heading := boldWrapped(snap.Company.Name + " · " + a.Title)
	content := container.NewVBox(heading, status, container.NewGridWithColumns(2, reviewer, organisation), steps,
		widget.NewSeparator(), bold(u.T("review.comments")), comments, about, body, container.NewHBox(addComment),
		widget.NewSeparator(), bold(u.T("review.signoff")), signoff)
	return container.NewPadded(container.NewBorder(nil, container.NewHBox(back), nil, nil, container.NewVScroll(content)))
}

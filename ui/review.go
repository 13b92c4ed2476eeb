package ui

import (
	"strings"

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

	// Who acts is kept in the preferences, so that it survives each action and the next start.
	prefs := u.app.Preferences()
	reviewer := widget.NewEntry()
	reviewer.SetPlaceHolder(u.T("review.reviewer"))
	reviewer.SetText(prefs.String(prefReviewer))
	reviewer.OnChanged = func(s string) { prefs.SetString(prefReviewer, s) }
	organisation := widget.NewEntry()
	organisation.SetPlaceHolder(u.T("review.organisation"))
	organisation.SetText(prefs.String(prefOrganisation))
	organisation.OnChanged = func(s string) { prefs.SetString(prefOrganisation, s) }
	// needWho refuses an action until the name (and, where it goes on record, the
	// organisation) is given, before anything is saved.
	needWho := func(withOrganisation bool) error {
		if strings.TrimSpace(reviewer.Text) == "" {
			return i18n.NewError("review.need_name", nil, nil)
		}
		if withOrganisation && strings.TrimSpace(organisation.Text) == "" {
			return i18n.NewError("review.need_organisation", nil, nil)
		}
		return nil
	}
	status := bold(u.T("review.status", i18n.Args{"Status": u.T("status." + string(a.Status))}))

	// Each step with one line on what it does.
	steps := container.NewVBox()
	explained := func(b *widget.Button, explanation string) fyne.CanvasObject {
		return border(nil, nil, b, nil, wrapped(explanation))
	}
	step := func(label, explanation string, to assessment.Status) {
		steps.Add(explained(widget.NewButton(label, func() {
			run(func() error {
				if err := needWho(false); err != nil {
					return err
				}
				ctx, cancel := u.opCtx()
				defer cancel()
				return u.store.SetStatus(ctx, a.ID, to, reviewer.Text)
			})
		}), explanation))
	}
	switch a.Status {
	case assessment.Draft, assessment.Returned:
		step(u.T("review.submit"), u.T("review.submit_explained"), assessment.Submitted)
	case assessment.Submitted:
		step(u.T("review.start_review"), u.T("review.start_review_explained"), assessment.InReview)
		step(u.T("review.to_draft"), u.T("review.to_draft_explained"), assessment.Draft)
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
			if err := needWho(true); err != nil {
				return err
			}
			ctx, cancel := u.opCtx()
			defer cancel()
			return u.store.AddComment(ctx, &assessment.Comment{AssessmentID: a.ID, QuestionID: questionIDs[about.SelectedIndex()],
				Author: assessment.CommentAuthor(reviewer.Text, organisation.Text), Body: body.Text})
		})
	})
	comments := container.NewVBox()
	for _, c := range snap.Comments {
		// The question's wording as a heading of its own; run into the comment it read "…?:".
		head := u.T("review.comment_on_whole", i18n.Args{"Author": orDash(c.Author), "Date": u.loc.ShortDate(c.CreatedAt)})
		if qq, _, ok := u.set.Question(c.QuestionID); ok {
			head = u.T("review.comment_on_question", i18n.Args{"Author": orDash(c.Author), "Date": u.loc.ShortDate(c.CreatedAt),
				"Question": qq.Text.In(lang)})
		}
		h := bold(head)
		h.Wrapping = fyne.TextWrapWord
		comments.Add(container.NewVBox(h, wrapped(c.Body)))
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
					if err := needWho(true); err != nil {
						return err
					}
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
		signoff.Add(explained(approve, u.T("review.approve_explained")))
		signoff.Add(explained(widget.NewButton(u.T("review.return"), decide(assessment.Returned)), u.T("review.return_explained")))
	case assessment.Approved:
		signoff.Add(u.lockBanner(u.lockReason(snap)))
		signoff.Add(explained(widget.NewButton(u.T("review.reopen"), func() {
			if err := needWho(false); err != nil {
				u.showError(err)
				return
			}
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
		}), u.T("review.reopen_explained")))
	}
	for _, so := range snap.SignOffs {
		signoff.Add(widget.NewLabel(u.T("review.signed", i18n.Args{"Decision": u.T("status." + string(so.Decision)),
			"Reviewer": so.Reviewer, "Organisation": orDash(so.Organisation), "Date": u.loc.Date(so.SignedAt)})))
	}

	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(snap.Company.ID) })
	tasks := widget.NewButton(u.T("partner.open"), func() { u.showPartnerTasks(assessmentID) })
	exchange := widget.NewButton(u.T("export.share_button"), func() { u.shareExchange(assessmentID) })
	heading := boldWrapped(snap.Company.Name + " · " + a.Title)
	top := container.NewVBox(heading, status)
	if n := len(snap.Conflicts); n > 0 {
		top.Add(u.conflictsNotice(assessmentID, n))
	}
	content := container.NewVBox(top, container.NewGridWithColumns(2, reviewer, organisation), steps,
		widget.NewSeparator(), bold(u.T("review.comments")), comments, about, body, container.NewHBox(addComment),
		widget.NewSeparator(), bold(u.T("review.signoff")), signoff)
	return container.NewPadded(border(nil, container.NewHBox(back, tasks, exchange), nil, nil, container.NewVScroll(content)))
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// mergeData merges a returned exchange file into the assessment it came from and shows what it
// brought; conflicts lead on to the screen that resolves them.
func (u *UI) mergeData(data []byte, passphrase string) {
	ctx, cancel := u.opCtx()
	res, err := u.store.MergeExchange(ctx, u.set, data, passphrase)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	u.showMergeResult(res)
}

// mergeSummary is the merge's result in one sentence.
func (u *UI) mergeSummary(res assessment.MergeResult) string {
	if !res.Changed() {
		return u.T("merge.nothing_new")
	}
	// Only what came: "Tilføjet 1 partnersvar.", not "0 kommentarer, 0 godkendelser og …".
	var added []string
	for _, part := range []struct {
		id    string
		count int
	}{{"import.comments_count", res.Comments}, {"merge.signoffs_count", res.SignOffs}, {"merge.responses_count", res.Responses}} {
		if part.count > 0 {
			added = append(added, u.loc.N(part.id, part.count))
		}
	}
	conflicts := u.loc.N("merge.conflicts_count", len(res.Conflicts))
	switch {
	case len(added) == 0:
		return conflicts + "."
	case len(res.Conflicts) == 0:
		return u.T("merge.added", i18n.Args{"List": u.loc.List(added)})
	}
	return u.T("merge.added_conflicts", i18n.Args{"List": u.loc.List(added), "Conflicts": conflicts})
}

// showMergeResult opens the merged assessment's conflicts (or, with none, its review) and
// says what the merge added.
func (u *UI) showMergeResult(res assessment.MergeResult) {
	if len(res.Conflicts) > 0 {
		u.showConflicts(res.AssessmentID)
	} else {
		u.showReview(res.AssessmentID)
	}
	msg := u.mergeSummary(res)
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, res.AssessmentID)
	cancel()
	if err == nil {
		msg = u.T("merge.into", i18n.Args{"Title": snap.Assessment.Title, "Company": snap.Company.Name}) + "\n" + msg
	}
	if len(res.Conflicts) > 0 {
		msg += "\n\n" + u.T("merge.conflicts_explained")
	}
	k := u.newKeyDialog(u.T("merge.done_title"), wrapped(msg), u.T("common.close"), "", nil)
	k.d.Resize(fyne.NewSize(560, 0))
	k.show()
}

// showConflicts lists the answers a merged file gave differently from the local ones; each is
// settled on its own by keeping the local answer or taking the file's.
func (u *UI) showConflicts(assessmentID int64) {
	u.show(func() fyne.CanvasObject { return u.conflictsScreen(assessmentID) })
}

func (u *UI) conflictsScreen(assessmentID int64) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	lang := u.loc.Lang()
	// One column that sizes each row to its width first, so that a long question wraps
	// without running into the answers below it.
	list := container.New(&tableLayout{weights: []float32{1}})
	if len(snap.Conflicts) == 0 {
		list.Add(widget.NewLabel(u.T("merge.no_conflicts")))
	}
	readOnly := !snap.Assessment.Editable()
	for _, c := range snap.Conflicts {
		c := c
		title := c.QuestionID
		if q, _, ok := u.set.Question(c.QuestionID); ok {
			title = q.Text.In(lang)
		}
		heading := bold(title)
		heading.Wrapping = fyne.TextWrapWord
		mine := wrapped(u.T("merge.mine", i18n.Args{"Answer": u.answerText(c.Local)}))
		theirs := wrapped(u.T("merge.theirs", i18n.Args{"Answer": u.answerText(c.Theirs), "By": orDash(c.Theirs.UpdatedBy),
			"Date": u.loc.ShortDate(c.Theirs.UpdatedAt)}))
		resolve := func(takeTheirs bool) func() {
			return func() {
				ctx, cancel := u.opCtx()
				defer cancel()
				if err := u.store.ResolveConflict(ctx, u.set, assessmentID, c.QuestionID, takeTheirs); err != nil {
					u.showError(err)
					return
				}
				u.showConflicts(assessmentID)
			}
		}
		// Keeping the local answer changes nothing, so it is offered even on an approved
		// assessment; taking the file's answer waits until it is reopened.
		buttons := container.NewHBox(widget.NewButton(u.T("merge.keep_mine"), resolve(false)))
		if !readOnly {
			buttons.Add(widget.NewButton(u.T("merge.take_theirs"), resolve(true)))
		}
		row := container.NewVBox(heading, mine, theirs, buttons)
		row.Add(widget.NewSeparator())
		list.Add(row)
	}
	var top fyne.CanvasObject = bold(snap.Company.Name + " · " + snap.Assessment.Title)
	intro := wrapped(u.loc.N("merge.conflicts_intro", len(snap.Conflicts)))
	header := container.NewVBox(top, intro)
	if readOnly {
		header.Add(u.lockBanner(u.lockReason(snap)))
	}
	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(snap.Company.ID) })
	review := widget.NewButton(u.T("nav.review"), func() { u.showReview(assessmentID) })
	return container.NewPadded(border(header, container.NewHBox(back, review), nil, nil, container.NewVScroll(list)))
}

// answerText is an answer's value with its note, for comparing two versions of it.
func (u *UI) answerText(a assessment.Answer) string {
	if a.Value == "" {
		return u.T("merge.no_answer")
	}
	s := u.T("value." + string(a.Value))
	if a.Note != "" {
		s += " – " + a.Note
	}
	return s
}

package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Questionnaire filters.
const (
	filterAll        = "all"
	filterUnanswered = "unanswered"
	filterGaps       = "gaps"
	filterReconfirm  = "reconfirm"
)

var filters = []string{filterAll, filterUnanswered, filterGaps, filterReconfirm}

// questionnaire is the state of the answering screen for one assessment.
type questionnaire struct {
	u         *UI
	snap      *assessment.Snapshot
	questions []checklists.Scoped // those in scope, in checklist order
	visible   []int               // indexes into questions that pass the filter and search
	current   int                 // index into questions

	list     *questionList // nil in workshop mode
	noMatch  *widget.Label // shown instead of the list when the search finds nothing
	search   *widget.Entry
	filter   string
	right    *fyne.Container // the question's side; laid out again as the question's length changes
	text     *widget.Label
	area     *widget.Label
	guidance *widget.Label
	refs     *widget.Label
	note     *widget.Entry
	evidence *widget.Entry
	owner    *widget.Entry
	due      *widget.Entry
	buttons  []*widget.Button
	// answerRow holds the answer buttons, or, read-only, the answer scale with the chosen
	// answer marked.
	answerRow *fyne.Container
	readOnly  bool
	// shown is the note, evidence, owner and due date as text when the assessment is read-only.
	shown    struct{ note, evidence, owner, due *widget.Label }
	progress *widget.ProgressBar
	percent  *widget.Label // "7 % besvaret", beside the bar in the theme's text colour
	saved    *widget.Label
	loading  bool // true while fields are filled from the store, so that is not an edit
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
	q := &questionnaire{u: u, snap: snap, filter: filterAll, readOnly: locked(snap.Assessment)}
	for _, sc := range assessment.Pinned(u.set, snap.Assessment).Scope(assessment.Facts(snap.Assessment.Profile, snap.Systems, snap.Activities...)) {
		if sc.Applies {
			q.questions = append(q.questions, sc)
		}
	}
	q.applyFilter()
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
	q.note.SetMinRowsVisible(3)
	q.evidence = widget.NewEntry()
	q.evidence.SetPlaceHolder(u.T("questionnaire.evidence"))
	q.owner = widget.NewEntry()
	q.owner.SetPlaceHolder(u.T("report.owner"))
	q.due = widget.NewEntry()
	q.due.SetPlaceHolder(u.T("results.due_placeholder"))
	q.due.Validator = func(s string) error {
		if _, err := time.Parse(time.DateOnly, s); s != "" && err != nil {
			return &shownError{u.T("answer.due_invalid", i18n.Args{"Due": s})}
		}
		return nil
	}
	for _, e := range []*widget.Entry{q.note, q.evidence, q.owner, q.due} {
		e.OnChanged = func(string) { q.saveDetails() }
	}
	q.saved = widget.NewLabel("")
	q.progress = widget.NewProgressBar()
	// Fyne writes "13%" in white across the bar and its pale background, unreadable in the
	// light theme and not Danish; the percentage goes in a label beside the bar instead.
	q.progress.TextFormatter = func() string { return "" }
	q.percent = widget.NewLabel("")
	q.answerRow = container.New(evenRow{})
	if q.readOnly {
		// Text, not disabled fields: a disabled field looks editable yet greys out what it holds.
		q.shown.note, q.shown.evidence, q.shown.owner, q.shown.due = readOnlyText(""), readOnlyText(""), readOnlyText(""), readOnlyText("")
		return
	}
	for i, v := range assessment.Values {
		v := v
		b := widget.NewButton(u.T("questionnaire.key", i18n.Args{"Key": i + 1, "Label": u.T("value." + string(v))}), func() { q.answer(v) })
		q.buttons = append(q.buttons, b)
		q.answerRow.Add(b)
	}
}

// detailsForm is the note, evidence, owner and due date: fields to fill in, or text when the
// assessment is read-only.
func (q *questionnaire) detailsForm() *widget.Form {
	u := q.u
	var note, evidence, owner, due fyne.CanvasObject = q.note, q.evidence, q.owner, q.due
	if q.readOnly {
		note, evidence, owner, due = q.shown.note, q.shown.evidence, q.shown.owner, q.shown.due
	}
	return widget.NewForm(
		widget.NewFormItem(u.T("questionnaire.note_label"), note),
		widget.NewFormItem(u.T("questionnaire.evidence_label"), evidence),
		widget.NewFormItem(u.T("report.owner"), owner),
		widget.NewFormItem(u.T("report.due"), due))
}

func (q *questionnaire) build() fyne.CanvasObject {
	u := q.u
	q.initWidgets()
	q.list = newQuestionList(q)
	q.list.OnSelected = func(i widget.ListItemID) { q.showQuestion(q.visible[i]) }
	q.noMatch = widget.NewLabel(u.T("questionnaire.no_match"))
	q.noMatch.Hide()

	q.search = widget.NewEntry()
	q.search.SetPlaceHolder(u.T("questionnaire.search"))
	q.search.OnChanged = func(string) { q.refilter() }
	filterNames := make([]string, len(filters))
	for i, f := range filters {
		filterNames[i] = u.T("questionnaire.filter." + f)
	}
	filterSelect := u.newSelect(filterNames)
	filterSelect.SetSelectedIndex(0)
	filterSelect.OnChanged = func(string) {
		q.filter = filters[filterSelect.SelectedIndex()]
		q.refilter()
	}

	prev := widget.NewButton(u.T("questionnaire.previous"), func() { q.move(-1) })
	next := widget.NewButton(u.T("questionnaire.next"), func() { q.move(1) })
	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(q.snap.Company.ID) })
	hint := widget.NewLabel(u.T("questionnaire.keys_hint"))
	hint.Truncation = fyne.TextTruncateEllipsis
	if q.readOnly {
		hint.Hide() // the keys answer nothing here
	}
	report := widget.NewButton(u.T("report.save_button"), func() { u.saveReport(q.snap.Assessment.ID) })
	results := widget.NewButton(u.T("nav.results"), func() { u.showResults(q.snap.Assessment.ID) })
	workshop := widget.NewButton(u.T("workshop.start"), func() { u.showWorkshop(q.snap.Assessment.ID) })

	guidance := widget.NewAccordion(widget.NewAccordionItem(u.T("questionnaire.guidance"), container.NewVBox(q.guidance, q.refs)))
	details := q.detailsForm()
	q.area.Wrapping = fyne.TextWrapWord
	header := container.NewVBox(q.area, q.text, q.answerRow)
	if q.readOnly {
		header.Add(u.lockBanner(u.lockReason(q.snap)))
	} else if outdated := assessment.Outdated(u.set, q.snap.Assessment); len(outdated) > 0 {
		header.Add(widget.NewButton(u.loc.N("questionnaire.update_checklists", len(outdated)), q.updateChecklists))
	}
	right := border(header,
		container.NewVBox(q.saved, container.NewHBox(back, prev, next, results, report, workshop), hint),
		nil, nil,
		container.NewVScroll(container.NewVBox(guidance, details)))
	q.right = right
	left := border(container.NewVBox(q.search, filterSelect), nil, nil, nil,
		container.NewStack(q.list, container.NewVBox(q.noMatch)))
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.33
	q.registerKeys()
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.win.Canvas().Focus(q.search) })
	q.list.Select(max(q.position(q.resumeAt()), 0))
	return border(container.NewPadded(border(nil, nil, nil, q.percent, q.progress)), nil, nil, nil, split)
}

// updateChecklists moves the assessment to the newer checklist versions; answers to reworded
// questions are marked to re-confirm, and the filter shows them.
func (q *questionnaire) updateChecklists() {
	u := q.u
	ctx, cancel := u.opCtx()
	marked, err := u.store.UpdateChecklists(ctx, u.set, q.snap.Assessment.ID)
	cancel()
	if err != nil {
		u.showError(err)
		return
	}
	u.showQuestionnaire(q.snap.Assessment.ID)
	u.inform(u.T("questionnaire.updated_title"), u.loc.N("questionnaire.updated", marked))
}

func (q *questionnaire) listLine(i int) string {
	sc := q.questions[i]
	mark := "○ "
	if ans, ok := q.snap.Answers[sc.Question.ID]; ok {
		mark = "● "
		if ans.Reconfirm {
			mark = "↻ "
		}
	}
	return mark + sc.Question.Text.In(q.u.loc.Lang())
}

// applyFilter recomputes which questions the list shows.
func (q *questionnaire) applyFilter() {
	term := ""
	if q.search != nil {
		term = strings.ToLower(strings.TrimSpace(q.search.Text))
	}
	lang := q.u.loc.Lang()
	q.visible = q.visible[:0]
	for i, sc := range q.questions {
		ans, answered := q.snap.Answers[sc.Question.ID]
		keep := true
		switch q.filter {
		case filterUnanswered:
			keep = !answered
		case filterGaps:
			keep = answered && assessment.IsGap(ans.Value)
		case filterReconfirm:
			keep = answered && ans.Reconfirm
		}
		if keep && term != "" {
			keep = strings.Contains(strings.ToLower(sc.Question.Text.In(lang)+" "+sc.Question.Guidance.In(lang)), term) ||
				strings.Contains(sc.Question.ID, term)
		}
		if keep {
			q.visible = append(q.visible, i)
		}
	}
}

// refilter applies the filter and search to the list without moving away from the current
// question: it stays shown (and selected, if the list still holds it), and a search that
// finds nothing says so instead of showing some other question.
func (q *questionnaire) refilter() {
	q.applyFilter()
	q.list.UnselectAll()
	q.list.Refresh()
	if pos := q.position(q.current); pos >= 0 {
		q.list.Select(pos)
		q.list.ScrollTo(pos)
	}
	if len(q.visible) == 0 {
		q.noMatch.Show()
	} else {
		q.noMatch.Hide()
	}
}

// position is the list position of question index i, or -1 when the list does not show it.
func (q *questionnaire) position(i int) int {
	for p, x := range q.visible {
		if x == i {
			return p
		}
	}
	return -1
}

// resumeAt is the index of the question last shown in this assessment, or 0.
func (q *questionnaire) resumeAt() int {
	id := q.u.lastQuestion[q.snap.Assessment.ID]
	for i, sc := range q.questions {
		if sc.Question.ID == id {
			return i
		}
	}
	return 0
}

func (q *questionnaire) showQuestion(i int) {
	u, lang := q.u, q.u.loc.Lang()
	q.current = i
	sc := q.questions[i]
	q.u.lastQuestion[q.snap.Assessment.ID] = sc.Question.ID
	q.area.SetText(u.T("questionnaire.position", i18n.Args{"Area": sc.Checklist.Title.In(lang), "N": i + 1, "Total": len(q.questions)}))
	q.text.SetText(sc.Question.Text.In(lang))
	q.guidance.SetText(sc.Question.Guidance.In(lang))
	refs := make([]string, len(sc.Question.Refs))
	for i, ref := range sc.Question.Refs {
		refs[i] = u.loc.Cite(ref)
	}
	q.refs.SetText(u.T("questionnaire.refs") + ": " + strings.Join(refs, "; "))
	ans := q.snap.Answers[sc.Question.ID]
	q.loading = true
	q.note.SetText(ans.Note)
	q.evidence.SetText(ans.Evidence)
	q.owner.SetText(ans.Owner)
	q.due.SetText(ans.Due)
	q.loading = false
	if q.readOnly {
		q.shown.note.SetText(orDash(ans.Note))
		q.shown.evidence.SetText(orDash(ans.Evidence))
		q.shown.owner.SetText(orDash(ans.Owner))
		q.shown.due.SetText(orDash(ans.Due))
	}
	q.saved.SetText("")
	if ans.Reconfirm {
		q.saved.SetText(u.T("questionnaire.reconfirm"))
	}
	q.refreshState()
	// A question of one line after one of two (or the reverse) changes the header's height;
	// the screen must be laid out again or the answers cover the guidance (or leave a gap).
	if q.right != nil {
		q.right.Refresh()
	}
}

// refreshState marks the chosen answer and updates the progress bar.
func (q *questionnaire) refreshState() {
	ans, answered := q.snap.Answers[q.questions[q.current].Question.ID]
	if q.readOnly {
		q.answerRow.Objects = q.u.answerChips(ans.Value, answered)
		q.answerRow.Refresh()
	}
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
	q.percent.SetText(q.u.T("questionnaire.progress", i18n.Args{"Percent": q.u.loc.Percent(100 * float64(done) / float64(len(q.questions)))}))
}

func (q *questionnaire) answer(v assessment.Value) {
	if q.readOnly {
		return
	}
	id := q.questions[q.current].Question.ID
	ans := q.snap.Answers[id]
	ans.AssessmentID, ans.QuestionID, ans.Value = q.snap.Assessment.ID, id, v
	ans.Note, ans.Evidence, ans.Owner = q.note.Text, q.evidence.Text, q.owner.Text
	if q.due.Validate() == nil {
		ans.Due = q.due.Text
	}
	ans.Reconfirm = false // answering is confirming
	q.save(ans)
}

// saveDetails saves note, evidence, owner and due date with an existing answer; before the
// question is answered they wait in their fields and are saved with the answer.
func (q *questionnaire) saveDetails() {
	if q.loading || q.readOnly {
		return
	}
	id := q.questions[q.current].Question.ID
	ans, ok := q.snap.Answers[id]
	if !ok || q.due.Validate() != nil {
		return
	}
	ans.Note, ans.Evidence, ans.Owner, ans.Due = q.note.Text, q.evidence.Text, q.owner.Text, q.due.Text
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
		q.list.Refresh()
	}
}

// move goes to the next or previous question the list shows.
func (q *questionnaire) move(delta int) {
	if q.list == nil { // workshop mode: every question in order
		if i := q.current + delta; i >= 0 && i < len(q.questions) {
			q.showQuestion(i)
		}
		return
	}
	pos := q.position(q.current)
	if p := pos + delta; p >= 0 && p < len(q.visible) {
		q.list.Select(p)
	}
}

// registerKeys lets a consultant answer with 1–5 and move with the arrow and page keys. Keys
// typed into a text field go to the field; these apply when nothing has focus, and the
// question list passes them on when it has focus (after a click on a question).
func (q *questionnaire) registerKeys() {
	c := q.u.win.Canvas()
	c.SetOnTypedRune(func(r rune) { q.typedRune(r) })
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { q.typedKey(e) })
}

// typedRune answers with 1–5; it reports whether it used the key.
func (q *questionnaire) typedRune(r rune) bool {
	if q.dialogOpen() || r < '1' || r > rune('0'+len(assessment.Values)) {
		return false
	}
	q.answer(assessment.Values[r-'1'])
	return true
}

// typedKey moves with the arrow and page keys; it reports whether it used the key.
func (q *questionnaire) typedKey(e *fyne.KeyEvent) bool {
	if q.dialogOpen() {
		return false
	}
	switch e.Name {
	case fyne.KeyDown, fyne.KeyPageDown, fyne.KeyRight:
		q.move(1)
	case fyne.KeyUp, fyne.KeyPageUp, fyne.KeyLeft:
		q.move(-1)
	default:
		return false
	}
	return true
}

// dialogOpen: while a dialog is open, 1–5 must not answer the question behind it.
func (q *questionnaire) dialogOpen() bool {
	return q.u.win.Canvas().Overlays().Top() != nil
}

// questionList is the list of questions; with focus it answers to the questionnaire's keys
// (Fyne's list would only move its own highlight with the arrows and ignore 1–5).
type questionList struct {
	widget.List
	q *questionnaire
}

func newQuestionList(q *questionnaire) *questionList {
	l := &questionList{q: q}
	l.Length = func() int { return len(q.visible) }
	l.CreateItem = func() fyne.CanvasObject {
		lbl := widget.NewLabel("")
		lbl.Truncation = fyne.TextTruncateEllipsis
		return lbl
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(q.listLine(q.visible[i]))
	}
	l.ExtendBaseWidget(l)
	return l
}

func (l *questionList) TypedRune(r rune) {
	if !l.q.typedRune(r) {
		l.List.TypedRune(r)
	}
}

func (l *questionList) TypedKey(e *fyne.KeyEvent) {
	if !l.q.typedKey(e) {
		l.List.TypedKey(e)
	}
}

// evenRow lays its objects out in one row, all as wide as the widest when there is room for
// that, else each as wide as it needs plus an equal share of what is left. Five answer buttons
// in a grid were each as wide as the widest ("4 · Not applicable"): in workshop type wider
// than a projector.
type evenRow struct{}

func (evenRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	shown := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		size.Width += m.Width
		size.Height = max(size.Height, m.Height)
		shown++
	}
	if shown > 1 {
		size.Width += theme.Padding() * float32(shown-1)
	}
	return size
}

func (evenRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var shown []fyne.CanvasObject
	var needed, widest float32
	for _, o := range objects {
		if o.Visible() {
			shown = append(shown, o)
			w := o.MinSize().Width
			needed += w
			widest = max(widest, w)
		}
	}
	if len(shown) == 0 {
		return
	}
	n := float32(len(shown))
	room := size.Width - theme.Padding()*(n-1)
	equal := room / n
	share := max(room-needed, 0) / n
	x := float32(0)
	for _, o := range shown {
		w := equal
		if widest > equal {
			w = o.MinSize().Width + share
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

package ui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// showPartnerTasks is the implementation partner's work list: per system, each gap that calls
// for work in the systems, with the partner's response. A row is a line of fields the partner
// works along with Tab (the decision changes with the arrow keys); it is saved as soon as it
// is complete, like an answer in the questionnaire.
func (u *UI) showPartnerTasks(assessmentID int64) {
	var start fyne.Focusable
	u.show(func() fyne.CanvasObject {
		screen, focus := u.partnerScreen(assessmentID)
		start = focus
		return screen
	})
	if start != nil {
		u.win.Canvas().Focus(start) // ready to type: the name, or else the first decision
	}
}

// taskRow is one task's fields; a task that concerns two systems has a row under each.
type taskRow struct {
	questionID string
	decision   *widget.Select
	hours      *widget.Entry
	planned    *widget.Entry
	comment    *widget.Entry
	status     *widget.Label
}

// partnerScreen builds the task list and names the field to start typing in (nil for none).
func (u *UI) partnerScreen(assessmentID int64) (fyne.CanvasObject, fyne.Focusable) {
	ctx, cancel := u.opCtx()
	snap, err := u.store.Snapshot(ctx, assessmentID)
	cancel()
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err)), nil
	}
	lang := u.loc.Lang()
	groups := assessment.PartnerTasks(u.set, snap)
	// The store refuses responses on an approved assessment: then the list is text.
	readOnly := !snap.Assessment.Editable()

	prefs := u.app.Preferences()
	name := newKeyEntry() // focused when the screen opens: see keyEntry
	name.SetPlaceHolder(u.T("review.reviewer"))
	name.SetText(prefs.String(prefReviewer))
	name.OnChanged = func(s string) { prefs.SetString(prefReviewer, s) }

	decisionNames := make([]string, len(assessment.Decisions))
	for i, d := range assessment.Decisions {
		decisionNames[i] = u.T("decision." + string(d))
	}
	rows := map[string][]*taskRow{}
	loading := false
	totals := map[int]*widget.Label{}

	// save records a row once it is complete; until then, and on a refusal, the row says why,
	// without a dialog in the middle of typing.
	var save func(r *taskRow)
	save = func(r *taskRow) {
		if loading {
			return
		}
		resp := assessment.Response{AssessmentID: assessmentID, QuestionID: r.questionID, By: name.Text,
			Planned: strings.TrimSpace(r.planned.Text), Comment: r.comment.Text}
		i := r.decision.SelectedIndex()
		if i < 0 {
			r.status.SetText(u.T("partner.choose_decision"))
			return
		}
		resp.Decision = assessment.Decisions[i]
		hours, ok := u.parseHours(r.hours.Text)
		if !ok {
			r.status.SetText(u.T("partner.hours_invalid", i18n.Args{"Hours": r.hours.Text}))
			return
		}
		resp.Hours = hours
		if strings.TrimSpace(name.Text) == "" {
			r.status.SetText(u.T("partner.need_name"))
			return
		}
		ctx, cancel := u.opCtx()
		err := u.store.SaveResponse(ctx, u.set, &resp)
		cancel()
		if err != nil {
			r.status.SetText(u.loc.Error(err))
			return
		}
		snap.Responses[r.questionID] = resp
		// The same task under another system shows the same response.
		loading = true
		for _, other := range rows[r.questionID] {
			if other != r {
				other.decision.SetSelectedIndex(i)
				other.hours.SetText(r.hours.Text)
				other.planned.SetText(r.planned.Text)
				other.comment.SetText(r.comment.Text)
			}
			other.status.SetText(u.T("partner.saved", i18n.Args{"By": resp.By, "Date": u.loc.ShortDate(resp.At)}))
		}
		loading = false
		for gi, l := range totals {
			l.SetText(u.groupHeading(groups[gi], snap))
		}
	}

	table := container.NewVBox()
	if len(groups) == 0 {
		table.Add(widget.NewLabel(u.T("partner.no_tasks")))
	}
	for gi, g := range groups {
		heading := bold(u.groupHeading(g, snap))
		totals[gi] = heading
		table.Add(heading)
		grid := container.New(&tableLayout{weights: []float32{2.7, 2.7, 2.1, 0.8, 1.5, 2.4}})
		for _, h := range []string{"partner.col_gap", "partner.col_action", "partner.col_decision", "partner.col_hours",
			"partner.col_planned", "partner.col_comment"} {
			l := widget.NewLabelWithStyle(u.T(h), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			grid.Add(l)
		}
		for _, t := range g.Tasks {
			gap := wrapped(u.T("severity."+t.Gap.Severity.String()) + " · " + t.Gap.Question.Text.In(lang) +
				" (" + u.T("value."+string(t.Gap.Answer.Value)) + ")")
			action := wrapped(t.Gap.Question.PartnerAction.In(lang))
			resp := snap.Responses[t.Gap.Question.ID]
			if readOnly {
				decision := "–"
				if resp.Decision != "" {
					decision = u.T("decision." + string(resp.Decision))
				}
				grid.Add(gap)
				grid.Add(action)
				grid.Add(wrapped(decision))
				grid.Add(wrapped(u.hoursText(resp.Hours)))
				grid.Add(wrapped(orDash(resp.Planned)))
				grid.Add(wrapped(orDash(resp.Comment)))
				continue
			}
			r := &taskRow{questionID: t.Gap.Question.ID, decision: widget.NewSelect(decisionNames, nil),
				hours: widget.NewEntry(), planned: widget.NewEntry(), comment: widget.NewEntry(), status: widget.NewLabel("")}
			r.status.Wrapping = fyne.TextWrapWord
			r.status.Importance = widget.LowImportance
			r.decision.PlaceHolder = u.T("common.select_one")
			r.hours.SetPlaceHolder(u.T("partner.hours_placeholder"))
			r.planned.SetPlaceHolder(u.T("partner.planned_placeholder"))
			r.comment.SetPlaceHolder(u.T("review.comment"))
			if t.Response != nil {
				for i, d := range assessment.Decisions {
					if d == t.Response.Decision {
						r.decision.SetSelectedIndex(i)
					}
				}
				if t.Response.Hours > 0 {
					r.hours.SetText(u.hoursText(t.Response.Hours))
				}
				r.planned.SetText(t.Response.Planned)
				r.comment.SetText(t.Response.Comment)
				r.status.SetText(u.T("partner.saved", i18n.Args{"By": t.Response.By, "Date": u.loc.ShortDate(t.Response.At)}))
			}
			r.decision.OnChanged = func(string) { save(r) }
			for _, e := range []*widget.Entry{r.hours, r.planned, r.comment} {
				e.OnChanged = func(string) { save(r) }
			}
			rows[r.questionID] = append(rows[r.questionID], r)
			grid.Add(gap)
			grid.Add(container.NewVBox(action, r.status))
			grid.Add(r.decision)
			grid.Add(r.hours)
			grid.Add(r.planned)
			grid.Add(r.comment)
		}
		table.Add(grid)
		table.Add(widget.NewSeparator())
	}

	heading := bold(snap.Company.Name + " · " + snap.Assessment.Title + " · " + u.T("partner.title"))
	header := container.NewVBox(heading)
	if readOnly {
		header.Add(u.lockBanner(u.lockReason(snap)))
	} else {
		// Two short lines, not a wrapped label: a wrapped label in a border's top is given the
		// height of one line before it knows its width.
		header.Add(widget.NewLabel(u.T("partner.intro")))
		header.Add(border(nil, nil, widget.NewLabel(u.T("partner.by")), nil, name))
	}
	back := widget.NewButton(u.T("common.back"), func() { u.showReview(assessmentID) })
	export := widget.NewButton(u.T("export.return_button"), func() { u.returnExchange(assessmentID) })
	var focus fyne.Focusable
	switch {
	case readOnly:
	case strings.TrimSpace(name.Text) == "":
		focus = name
	default:
		for _, g := range groups {
			if len(g.Tasks) > 0 && focus == nil {
				focus = rows[g.Tasks[0].Gap.Question.ID][0].decision
			}
		}
	}
	return container.NewPadded(border(header, container.NewHBox(back, export), nil, nil, container.NewVScroll(table))), focus
}

// groupHeading names a group's system (or none in particular) and its estimated hours.
func (u *UI) groupHeading(g assessment.SystemTasks, snap *assessment.Snapshot) string {
	system := u.T("partner.no_system")
	if g.System != nil {
		system = u.systemLine(*g.System)
	}
	hours := 0.0
	for _, t := range g.Tasks {
		hours += snap.Responses[t.Gap.Question.ID].Hours
	}
	return u.T("partner.group", i18n.Args{"System": system, "Hours": u.hoursText(hours)})
}

// hoursText writes an estimate in the UI's language, as the report does.
func (u *UI) hoursText(h float64) string { return assessment.HoursText(u.loc, h) }

// parseHours reads an estimate as typed: empty is none (0); a decimal comma or point as the
// language writes it.
func (u *UI) parseHours(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, true
	}
	if u.loc.Lang() == i18n.Danish {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.ReplaceAll(s, ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	h, err := strconv.ParseFloat(s, 64)
	if err != nil || h < 0 || math.IsNaN(h) || math.IsInf(h, 0) {
		return 0, false
	}
	return h, true
}

// tableLayout lays out its objects as rows of len(weights) cells, each column as wide as its
// share of the width, each cell as high as it needs (fields keep their height; a row is as
// high as its tallest cell). Cells are sized to their column before their height is asked
// for, so that wrapped text takes the lines it needs.
type tableLayout struct {
	weights []float32
	width   float32 // from the last layout; MinSize works out heights for it
}

func (t *tableLayout) columns(width float32) []float32 {
	total := float32(0)
	for _, w := range t.weights {
		total += w
	}
	pad := float32(8)
	avail := width - pad*float32(len(t.weights)-1)
	out := make([]float32, len(t.weights))
	for i, w := range t.weights {
		out[i] = avail * w / total
	}
	return out
}

// rowHeights sizes every cell to its column's width and returns each row's height.
func (t *tableLayout) rowHeights(objs []fyne.CanvasObject, width float32) []float32 {
	cols := t.columns(width)
	n := len(t.weights)
	var heights []float32
	for r := 0; r*n < len(objs); r++ {
		h := float32(0)
		for c := 0; c < n && r*n+c < len(objs); c++ {
			o := objs[r*n+c]
			o.Resize(fyne.NewSize(cols[c], o.MinSize().Height))
			h = max(h, o.MinSize().Height)
		}
		heights = append(heights, h)
	}
	return heights
}

func (t *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t.width = size.Width
	cols := t.columns(size.Width)
	n := len(t.weights)
	y := float32(0)
	for r, h := range t.rowHeights(objs, size.Width) {
		x := float32(0)
		for c := 0; c < n && r*n+c < len(objs); c++ {
			o := objs[r*n+c]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(cols[c], o.MinSize().Height))
			x += cols[c] + 8
		}
		y += h + 4
	}
}

func (t *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	width := t.width
	if width == 0 {
		width = 900 // before the first layout: a typical window's width
	}
	h := float32(0)
	for _, rh := range t.rowHeights(objs, width) {
		h += rh + 4
	}
	return fyne.NewSize(float32(len(t.weights))*60, h)
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/i18n"
)

// workshopScale enlarges text and controls for a projector.
const workshopScale = 1.7

// showWorkshop shows one question at a time in full screen with large type and big answer
// buttons; Esc leaves it. Answers and notes are saved exactly as in the questionnaire. It
// starts at the question the questionnaire was on, and leaving returns to the one reached.
func (u *UI) showWorkshop(assessmentID int64) {
	u.scale = workshopScale
	u.applyTheme()
	u.win.SetFullScreen(true)
	u.show(func() fyne.CanvasObject { return u.workshopScreen(assessmentID) })
}

func (u *UI) leaveWorkshop(assessmentID int64) {
	u.endWorkshopMode()
	u.showQuestionnaire(assessmentID)
}

// endWorkshopMode returns to normal type and a normal window, if workshop mode is on.
func (u *UI) endWorkshopMode() {
	if u.scale == 1 {
		return
	}
	u.scale = 1
	u.applyTheme()
	u.win.SetFullScreen(false)
}

func (u *UI) workshopScreen(assessmentID int64) fyne.CanvasObject {
	q, err := u.loadQuestionnaire(assessmentID)
	if err != nil {
		u.showError(err)
		return widget.NewLabel(u.loc.Error(err))
	}
	if len(q.questions) == 0 {
		return widget.NewLabel(u.T("questionnaire.none_in_scope"))
	}
	q.initWidgets()
	var participantsBox fyne.CanvasObject
	if q.readOnly {
		participantsBox = widget.NewLabel(u.T("workshop.participants_shown", i18n.Args{"Names": orDash(q.snap.Assessment.Participants)}))
	} else {
		participants := widget.NewEntry()
		participants.SetPlaceHolder(u.T("workshop.participants"))
		participants.SetText(q.snap.Assessment.Participants)
		// Saved as typed, like a note: the list of who took part goes on the report's cover.
		participants.OnChanged = func(text string) {
			ctx, cancel := u.opCtx()
			defer cancel()
			if err := u.store.SetParticipants(ctx, assessmentID, text); err != nil {
				u.showError(err)
				return
			}
			q.snap.Assessment.Participants = text
			q.saved.SetText(u.T("questionnaire.saved"))
		}
		participantsBox = participants
	}
	leave := widget.NewButton(u.T("workshop.leave"), func() { u.leaveWorkshop(assessmentID) })
	prev := widget.NewButton(u.T("questionnaire.previous"), func() { q.move(-1) })
	next := widget.NewButton(u.T("questionnaire.next"), func() { q.move(1) })
	// The guidance, on demand: in the workshop's large type, for the room to read together.
	guidance := container.NewVBox(q.guidance, q.refs)
	guidance.Hide()
	var toggle *widget.Button
	toggle = widget.NewButton(u.T("workshop.show_guidance"), func() {
		if guidance.Visible() {
			guidance.Hide()
			toggle.SetText(u.T("workshop.show_guidance"))
		} else {
			guidance.Show()
			toggle.SetText(u.T("workshop.hide_guidance"))
		}
	})
	q.registerKeys()
	prevKeys := u.win.Canvas().OnTypedKey()
	u.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			u.leaveWorkshop(assessmentID)
			return
		}
		prevKeys(e)
	})
	q.area.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(border(nil, nil, nil, leave, participantsBox),
		border(nil, nil, nil, q.percent, q.progress), q.area, q.text, q.answerRow)
	bottom := container.NewVBox(q.saved, container.NewHBox(prev, next, toggle))
	keys := widget.NewLabel(u.T("workshop.keys"))
	keys.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(q.note, guidance, keys)
	if q.readOnly {
		// No key hints: the keys answer nothing here.
		body = container.NewVBox(u.lockBanner(u.lockReason(q.snap)),
			widget.NewForm(widget.NewFormItem(u.T("questionnaire.note_label"), q.shown.note)), guidance,
			widget.NewLabel(u.T("workshop.keys_read_only")))
	}
	q.right = border(top, bottom, nil, nil, container.NewVScroll(body))
	q.showQuestion(q.resumeAt())
	return container.NewPadded(q.right)
}

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
// buttons; Esc leaves it. Answers and notes are saved exactly as in the questionnaire.
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
	q.registerKeys()
	prevKeys := u.win.Canvas().OnTypedKey()
	u.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			u.leaveWorkshop(assessmentID)
			return
		}
		prevKeys(e)
	})
	q.showQuestion(0)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, leave, participantsBox), q.progress, q.area, q.text)
	bottom := container.NewVBox(q.saved, container.NewHBox(prev, next))
	body := container.NewVBox(q.answerRow, q.note, widget.NewLabel(u.T("workshop.keys")))
	if q.readOnly {
		// No key hints: the keys answer nothing here.
		body = container.NewVBox(q.answerRow, u.lockBanner(u.lockReason(q.snap)),
			widget.NewForm(widget.NewFormItem(u.T("questionnaire.note_label"), q.shown.note)),
			widget.NewLabel(u.T("workshop.keys_read_only")))
	}
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, body))
}

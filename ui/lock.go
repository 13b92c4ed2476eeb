package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// lockIcon is Material Design's "lock" (Apache 2.0, the set Fyne's own icons come from);
// Fyne has none of its own.
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path fill="#000000" d="M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zm-6 9c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2zm3.1-9H8.9V6c0-1.71 1.39-3.1 3.1-3.1 1.71 0 3.1 1.39 3.1 3.1v2z"/></svg>`)))

// locked reports whether the app shows an assessment read-only: approved (the store refuses
// changes until it is reopened), or with the implementation partner (submitted or in review),
// where a change would move the ground under the reviewer's feet.
func locked(a assessment.Assessment) bool {
	switch a.Status {
	case assessment.Approved, assessment.Submitted, assessment.InReview:
		return true
	}
	return false
}

// lockReason says why an assessment is read-only and what makes it editable again; "" when
// it is editable.
func (u *UI) lockReason(snap *assessment.Snapshot) string {
	a := snap.Assessment
	if !locked(a) {
		return ""
	}
	// When it happened and who did it: the latest sign-off for an approval, else the latest
	// change into the status; a file from elsewhere may lack both, then the last update counts.
	when, by, org := a.UpdatedAt, "", ""
	ctx, cancel := u.opCtx()
	changes, err := u.store.StatusChanges(ctx, a.ID)
	cancel()
	if err == nil {
		for _, c := range changes {
			if c.To == a.Status {
				when, by = c.At, c.By
			}
		}
	}
	if a.Status == assessment.Approved {
		for _, so := range snap.SignOffs {
			if so.Decision == assessment.Approved {
				when, by, org = so.SignedAt, so.Reviewer, so.Organisation
			}
		}
		if org != "" {
			by += " (" + org + ")"
		}
	}
	return u.T("lock."+string(a.Status), i18n.Args{"By": orDash(by), "Date": u.loc.Date(when)})
}

// lockBanner shows a lock and the reason an assessment cannot be changed.
func (u *UI) lockBanner(reason string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(reason, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return border(nil, nil, widget.NewIcon(lockIcon), nil, l)
}

// answerChips shows the answer scale read-only: the chosen answer framed, filled and marked,
// the others dimmed; nothing in it looks as if it could be pressed.
func (u *UI) answerChips(chosen assessment.Value, answered bool) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(assessment.Values))
	for _, v := range assessment.Values {
		label := widget.NewLabelWithStyle(u.T("value."+string(v)), fyne.TextAlignCenter, fyne.TextStyle{})
		bg := canvas.NewRectangle(color.Transparent)
		bg.CornerRadius = theme.InputRadiusSize()
		bg.StrokeWidth = 1
		bg.StrokeColor = theme.Color(theme.ColorNameDisabled)
		var content fyne.CanvasObject = label
		if answered && v == chosen {
			label.TextStyle.Bold = true
			bg.FillColor = theme.Color(theme.ColorNameSelection)
			bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
			bg.StrokeWidth = 2
			content = container.NewCenter(container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), label))
		} else {
			label.Importance = widget.LowImportance
		}
		out = append(out, container.NewStack(bg, content))
	}
	return out
}

// readOnlyText is a field's value shown as text, a dash when empty.
func readOnlyText(s string) *widget.Label {
	l := widget.NewLabel(orDash(s))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapped is a label that wraps at word boundaries.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/i18n"
)

// Fyne's dialogs take no keys: Escape and Enter do nothing, and no button has focus. The
// app's dialogs are built here instead, from Fyne's custom dialog with buttons that answer to
// the keyboard, and one of them focused when the dialog opens.

// keyButton is a button that Enter presses (Fyne's answers to Space only) and on which
// Escape cancels the dialog it sits in.
type keyButton struct {
	widget.Button
	onEscape func()
}

func newKeyButton(label string, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
		}
	default:
		b.Button.TypedKey(e)
	}
}

// keyEntry is a one-line entry for dialogs: Enter confirms and Escape cancels the dialog,
// as they do on its buttons. It is also the field the app puts the cursor in when a button
// opens a form, so it drops the Space that pressed that button (see TypedRune).
type keyEntry struct {
	widget.Entry
	onEscape  func()
	focusedAt time.Time
	typed     bool // a character has come since focus was gained
}

// spaceLeak is how soon after taking focus a first character Space is taken for the one that
// pressed the button opening the field: the window delivers a key press and then its
// character, and the press moved the focus here in between. No one starts with a space that
// fast on purpose.
const spaceLeak = 150 * time.Millisecond

func (e *keyEntry) FocusGained() {
	e.focusedAt, e.typed = time.Now(), false
	e.Entry.FocusGained()
}

func (e *keyEntry) TypedRune(r rune) {
	first := !e.typed
	e.typed = true
	if first && r == ' ' && time.Since(e.focusedAt) < spaceLeak {
		return
	}
	e.Entry.TypedRune(r)
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// keySelect is a Select that passes Escape and Enter on to the dialog it sits in; Space and
// the arrows still open it and step through its options.
type keySelect struct {
	widget.Select
	onEscape, onEnter func()
}

func newKeySelect(options []string) *keySelect {
	s := &keySelect{}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(e *fyne.KeyEvent) {
	if !dialogKey(e, s.onEscape, s.onEnter) {
		s.Select.TypedKey(e)
	}
}

// keyCheck is a Check that passes Escape and Enter on to the dialog it sits in; Space ticks it.
type keyCheck struct {
	widget.Check
	onEscape, onEnter func()
}

func newKeyCheck(label string) *keyCheck {
	c := &keyCheck{}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(e *fyne.KeyEvent) {
	if !dialogKey(e, c.onEscape, c.onEnter) {
		c.Check.TypedKey(e)
	}
}

// dialogKey runs escape for Escape and enter for Enter, when set, and says whether it did.
func dialogKey(e *fyne.KeyEvent, escape, enter func()) bool {
	switch {
	case e.Name == fyne.KeyEscape && escape != nil:
		escape()
	case (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) && enter != nil:
		enter()
	default:
		return false
	}
	return true
}

// wireDialogKeys makes Escape cancel and Enter confirm from every key-aware widget in a
// dialog's content. Fyne hands a key only to the focused widget, so a plain Select, Check or
// Entry in a dialog would swallow both. A multi-line entry keeps Enter for new lines.
func wireDialogKeys(o fyne.CanvasObject, escape, enter func()) {
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			wireDialogKeys(c, escape, enter)
		}
	case *container.Scroll:
		wireDialogKeys(w.Content, escape, enter)
	case *widget.Form:
		for _, it := range w.Items {
			wireDialogKeys(it.Widget, escape, enter)
		}
	case *keyEntry:
		w.onEscape = escape
		if !w.MultiLine && w.OnSubmitted == nil {
			w.OnSubmitted = func(string) { enter() }
		}
	case *keySelect:
		w.onEscape, w.onEnter = escape, enter
	case *keyCheck:
		w.onEscape, w.onEnter = escape, enter
	case *keyButton:
		if w.onEscape == nil {
			w.onEscape = escape
		}
	}
}

// keyDialog is a dialog with a cancel and a confirm button (or one button, when cancel is
// empty); def is the button focused when it opens, which Enter presses.
type keyDialog struct {
	d               *dialog.CustomDialog
	confirm, cancel *keyButton
	def             *keyButton
	win             fyne.Window
	answered        bool // a dialog answers once: a second Enter must not save twice
}

// reopen shows the dialog again as it was, for correcting a refused answer.
func (k *keyDialog) reopen() {
	k.answered = false
	k.d.Show()
}

func (u *UI) newKeyDialog(title string, content fyne.CanvasObject, confirmText, cancelText string, callback func(bool)) *keyDialog {
	return newKeyDialog(u.win, title, content, confirmText, cancelText, callback)
}

// newKeyDialog is a keyDialog on any window: the recovery window has no UI yet.
func newKeyDialog(win fyne.Window, title string, content fyne.CanvasObject, confirmText, cancelText string, callback func(bool)) *keyDialog {
	k := &keyDialog{d: dialog.NewCustomWithoutButtons(title, content, win), win: win}
	answer := func(ok bool) {
		if k.answered {
			return
		}
		k.answered = true
		k.d.Hide()
		if callback != nil {
			callback(ok)
		}
	}
	k.confirm = newKeyButton(confirmText, func() { answer(true) })
	k.confirm.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{k.confirm}
	escape := func() { answer(false) }
	if cancelText != "" {
		k.cancel = newKeyButton(cancelText, escape)
		buttons = []fyne.CanvasObject{k.cancel, k.confirm}
	} else {
		escape = func() { answer(true) } // a message only: Escape closes it like OK
	}
	k.confirm.onEscape = escape
	if k.cancel != nil {
		k.cancel.onEscape = escape
	}
	wireDialogKeys(content, escape, func() { k.confirm.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	k.d.SetButtons(buttons)
	k.def = k.confirm
	return k
}

// show opens the dialog with its default button focused.
func (k *keyDialog) show() {
	k.d.Show()
	k.win.Canvas().Focus(k.def)
}

// confirmDialog asks a yes/no question. A destructive one (deleting, replacing) has the safe
// answer as its default, so that Enter pressed by habit loses nothing.
func (u *UI) confirmDialog(title, message, confirmText, cancelText string, destructive bool, callback func(bool)) *keyDialog {
	return confirmIn(u.win, title, message, confirmText, cancelText, destructive, callback)
}

// confirmIn is confirmDialog on any window.
func confirmIn(win fyne.Window, title, message, confirmText, cancelText string, destructive bool, callback func(bool)) *keyDialog {
	label := widget.NewLabel(message)
	label.Wrapping = fyne.TextWrapWord
	k := newKeyDialog(win, title, label, confirmText, cancelText, callback)
	if destructive {
		k.confirm.Importance = widget.DangerImportance
		k.def = k.cancel
	}
	k.d.Resize(dialogSize(win, message))
	k.show()
	return k
}

// inform shows a message with one OK button; Enter and Escape close it.
func (u *UI) inform(title, message string) *keyDialog {
	return informIn(u.win, u.loc, title, message)
}

// informIn is inform on any window.
func informIn(win fyne.Window, loc *i18n.Localizer, title, message string) *keyDialog {
	label := widget.NewLabel(message)
	label.Wrapping = fyne.TextWrapWord
	k := newKeyDialog(win, title, label, loc.T("common.ok"), "", nil)
	k.d.Resize(dialogSize(win, message))
	k.show()
	return k
}

// dialogSize is wide enough for a short message on one line and never wider than the window,
// so that a long name or path wraps instead of pushing the dialog off-screen.
func dialogSize(win fyne.Window, message string) fyne.Size {
	w := widget.NewLabel(message).MinSize().Width + 80
	w = max(min(w, 640, win.Canvas().Size().Width*0.9), 320)
	return fyne.NewSize(w, 0)
}

// formDialog shows form items with confirm and cancel; the confirm button is disabled while
// a field is invalid. Enter confirms and Escape cancels from any field (see wireDialogKeys). The
// fields fill the dialog's width, which is sized for typing rather than for the labels.
func (u *UI) formDialog(title, confirmText, cancelText string, items []*widget.FormItem, callback func(bool)) *keyDialog {
	form := widget.NewForm(items...)
	k := u.newKeyDialog(title, form, confirmText, cancelText, callback)
	form.SetOnValidationChanged(func(err error) {
		if err != nil {
			k.confirm.Disable()
		} else {
			k.confirm.Enable()
		}
	})
	var first *keyEntry
	for _, it := range items {
		if e, ok := it.Widget.(*keyEntry); ok && first == nil {
			first = e
		}
	}
	if form.Validate() != nil {
		k.confirm.Disable()
	}
	k.d.Resize(fyne.NewSize(min(560, u.win.Canvas().Size().Width*0.9), 0))
	k.d.Show()
	// Typing starts in the first field; without one, Enter confirms.
	if first != nil {
		u.win.Canvas().Focus(first)
	} else {
		u.win.Canvas().Focus(k.def)
	}
	return k
}

// registerQuit makes Ctrl+Q (Cmd+Q on macOS) quit. The app then waits for files being
// written before it exits (ShowAndRun), and every answer is saved as it is given.
func (u *UI) registerQuit() {
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.app.Quit() })
}

// boldWrapped is a bold heading that wraps.
func boldWrapped(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// shorten cuts text to n characters with an ellipsis, for places that cannot wrap (buttons).
func shorten(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}

// hoverLabel is a one-line label that truncates with an ellipsis and shows its whole text in
// a small pop-up while the pointer is over it: for list rows, which have one height and so
// cannot wrap a 200-character name.
type hoverLabel struct {
	widget.Label
	tip *widget.PopUp
}

func newHoverLabel(style fyne.TextStyle) *hoverLabel {
	l := &hoverLabel{}
	l.TextStyle = style
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// truncated reports whether the text is wider than the label.
func (l *hoverLabel) truncated() bool {
	full := widget.NewLabelWithStyle(l.Text, l.Alignment, l.TextStyle)
	return full.MinSize().Width > l.Size().Width
}

func (l *hoverLabel) MouseIn(e *desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil || !l.truncated() {
		return
	}
	text := widget.NewLabel(l.Text)
	text.Wrapping = fyne.TextWrapWord
	width := min(520, c.Size().Width-20)
	l.tip = widget.NewPopUp(text, c)
	l.tip.Resize(fyne.NewSize(width, text.MinSize().Height))
	l.tip.Resize(fyne.NewSize(width, l.tip.MinSize().Height))
	pos := e.AbsolutePosition.Add(fyne.NewPos(12, 16))
	pos.X = max(0, min(pos.X, c.Size().Width-width-4))
	l.tip.ShowAtPosition(pos)
}

func (l *hoverLabel) MouseMoved(*desktop.MouseEvent) {}

// oneLine is a hoverLabel holding text: for rows beside buttons, where a wrapped label's
// second line is not given room by Fyne's layout and would run into the next row.
func oneLine(text string) *hoverLabel {
	l := newHoverLabel(fyne.TextStyle{})
	l.SetText(text)
	return l
}

func (l *hoverLabel) MouseOut() {
	if l.tip != nil {
		l.tip.Hide()
		l.tip = nil
	}
}

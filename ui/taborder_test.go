package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"gdprtjek/i18n"
)

// tabOrder names the widgets Tab visits from the start of the window, once round.
func tabOrder(u *UI) []string {
	c := u.win.Canvas()
	c.Unfocus()
	var names []string
	var first fyne.Focusable
	for range 200 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || f == first {
			break
		}
		if first == nil {
			first = f
		}
		name := "?"
		if o, ok := f.(fyne.CanvasObject); ok {
			if b, ok := asButton(o); ok {
				name = b.Text
			} else if e, ok := asEntry(o); ok {
				name = "entry:" + e.PlaceHolder
			} else if s, ok := asSelect(o); ok {
				name = "select:" + s.Selected
			} else if _, ok := o.(fyne.Widget); ok {
				name = "list"
			}
		}
		names = append(names, name)
	}
	return names
}

// TestTabFollowsReadingOrder: Tab goes through a screen as it reads, top to bottom: the top
// bar, then the screen's buttons and search above the company list, then the list. (Fyne
// visits a Border container's centre before its top, so the list came before the buttons
// above it.)
func TestTabFollowsReadingOrder(t *testing.T) {
	u, store := newTestUI(t, i18n.Danish)
	newAssessment(t, store)
	u.showStart()
	order := tabOrder(u)
	at := func(name string) int {
		i := slices.Index(order, name)
		if i < 0 {
			t.Fatalf("Tab never reaches %q: %v", name, order)
		}
		return i
	}
	start, newCompany, search, list := at("Start"), at("Ny virksomhed"), at("entry:"+u.T("start.search")), at("list")
	if !(start < newCompany && newCompany < search && search < list) {
		t.Errorf("Tab order %v: want the top bar, then the buttons, the search and last the list", order)
	}
}

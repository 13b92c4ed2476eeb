package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// profileChecks returns the scoping screen's profile checkboxes by label.
func profileChecks(u *UI) map[string]*widget.Check {
	out := map[string]*widget.Check{}
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			out[c.Text] = c
		}
	})
	return out
}

// A registered webshop ticks "has a website" when a new assessment is scoped; the user can
// untick it, and what is saved is what the boxes show.
func TestWebshopTicksWebsiteProfile(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	ctx := context.Background()
	plain := assessment.Company{Name: "Smedien ApS"}
	shop := assessment.Company{Name: "Gårdbutikken ApS"}
	for _, c := range []*assessment.Company{&plain, &shop} {
		if err := store.CreateCompany(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SaveSystem(ctx, &assessment.System{CompanyID: shop.ID, Kind: "webshop", Product: "woocommerce"}); err != nil {
		t.Fatal(err)
	}
	label := u.T("profile.website")

	u.showNewAssessment(plain.ID)
	if c := profileChecks(u)[label]; c == nil || c.Checked {
		t.Fatalf("without a web system the website box should be there and unticked: %v", c)
	}

	u.showNewAssessment(shop.ID)
	checks := profileChecks(u)
	if c := checks[label]; c == nil || !c.Checked {
		t.Fatalf("with a webshop the website box should be ticked: %v", c)
	}
	if c := checks[u.T("profile.employees")]; c == nil || c.Checked {
		t.Errorf("only the website box should be ticked: %v", c)
	}
	findButton(t, u, u.T("assessment.start")).OnTapped()
	list, err := store.Assessments(ctx, shop.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("assessments: %v %v", list, err)
	}
	if got := list[0].Profile; len(got) != 1 || got[0] != "website" {
		t.Errorf("saved profile %v, want [website]", got)
	}

	// Unticked by the user, it stays off.
	u.showNewAssessment(shop.ID)
	profileChecks(u)[label].SetChecked(false)
	findButton(t, u, u.T("assessment.start")).OnTapped()
	list, err = store.Assessments(ctx, shop.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("assessments: %v %v", list, err)
	}
	unticked := 0
	for _, a := range list {
		if len(a.Profile) == 0 {
			unticked++
		}
	}
	if unticked != 1 {
		t.Errorf("the unticked round should have an empty profile: %+v", list)
	}
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// showNewAssessment shows the scoping profile for a new assessment of a company.
func (u *UI) showNewAssessment(companyID int64) {
	u.show(func() fyne.CanvasObject { return u.newAssessmentScreen(companyID) })
}

func (u *UI) newAssessmentScreen(companyID int64) fyne.CanvasObject {
	ctx, cancel := u.opCtx()
	defer cancel()
	systems, err := u.store.Systems(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	earlier, err := u.store.Assessments(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	// A data-map transfer outside the EU/EEA scopes questions in, as in the questionnaire.
	activities, err := u.store.Activities(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	title := widget.NewEntry()
	title.SetText(u.T("assessment.default_title"))
	assessor := widget.NewEntry()
	profile := map[string]bool{}
	count := widget.NewLabel("")
	updateCount := func() {
		n := 0
		for _, sc := range u.set.Scope(assessment.Facts(selected(profile), systems, activities...)) {
			if sc.Applies {
				n++
			}
		}
		count.SetText(u.loc.N("assessment.question_count", n))
	}
	checks := container.NewVBox()
	company, err := u.store.Company(ctx, companyID)
	if err != nil {
		u.showError(err)
	}
	known := knownProfile(company, systems)
	for _, c := range assessment.SuggestedProfile(systems) {
		known[c] = true
	}
	for _, cond := range checklists.ProfileConditions {
		cond := cond
		check := widget.NewCheck(u.T("profile."+cond), func(on bool) {
			profile[cond] = on
			updateCount()
		})
		// Start from what the company's record and inventory already show; the user can untick it.
		check.SetChecked(known[cond])
		checks.Add(check)
	}
	updateCount()
	// Start from scratch, or from an earlier round whose answers are carried over to re-confirm.
	origins := []string{u.T("assessment.from_scratch")}
	for _, a := range earlier {
		origins = append(origins, u.T("assessment.from_round", i18n.Args{"Title": a.Title, "Date": u.loc.ShortDate(a.CreatedAt)}))
	}
	origin := u.newSelect(origins)
	origin.SetSelectedIndex(0)
	origin.OnChanged = func(string) {
		// A new round keeps the earlier round's profile; the checkboxes show only for a fresh start.
		if origin.SelectedIndex() > 0 {
			checks.Hide()
		} else {
			checks.Show()
		}
	}
	start := widget.NewButton(u.T("assessment.start"), func() {
		ctx, cancel := u.opCtx()
		defer cancel()
		if i := origin.SelectedIndex(); i > 0 {
			a, err := u.store.StartRound(ctx, u.set, earlier[i-1].ID, title.Text, assessor.Text)
			if err != nil {
				u.showError(err)
				return
			}
			u.showQuestionnaire(a.ID)
			return
		}
		a := assessment.Assessment{CompanyID: companyID, Title: title.Text, Assessor: assessor.Text,
			Profile: selected(profile), Checklists: u.set.Refs()}
		if err := u.store.CreateAssessment(ctx, &a); err != nil {
			u.showError(err)
			return
		}
		u.showQuestionnaire(a.ID)
	})
	start.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(u.T("assessment.title"), title),
		widget.NewFormItem(u.T("assessment.assessor"), assessor),
		widget.NewFormItem(u.T("assessment.origin"), origin))
	heading := widget.NewLabelWithStyle(u.T("assessment.new_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.T("assessment.profile_intro"))
	intro.Wrapping = fyne.TextWrapWord
	back := widget.NewButton(u.T("common.back"), func() { u.showCompany(companyID) })
	return container.NewPadded(container.NewVScroll(container.NewVBox(heading, form, intro, checks, count,
		container.NewHBox(back, start))))
}

// knownProfile is what the company's record already tells about its profile: it has
// employees when its size band is above 1–9 (a band of 1–9 may be the owner alone) or it has
// a payroll or HR system.
func knownProfile(c assessment.Company, systems []assessment.System) map[string]bool {
	known := map[string]bool{}
	if c.SizeBand != "" && c.SizeBand != assessment.SizeBands[0] {
		known["employees"] = true
	}
	for _, s := range systems {
		if s.Kind == "payroll" || s.Kind == "hr" {
			known["employees"] = true
		}
	}
	return known
}

// selected lists the profile conditions switched on, in their fixed order.
func selected(profile map[string]bool) []string {
	var out []string
	for _, c := range checklists.ProfileConditions {
		if profile[c] {
			out = append(out, c)
		}
	}
	return out
}

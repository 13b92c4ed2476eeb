package assessment_test

import (
	"context"
	"slices"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// setV1 is testSet plus a checklist that a later version drops; setV2 is the later version:
// basics at version 2 without b3, the "old" checklist gone.
func setV1() *checklists.Set {
	lists := slices.Clone(testSet().Checklists)
	lists = append(lists, &checklists.Checklist{ID: "old", Version: 1, Area: "old", Order: 9, Title: text("Old"),
		Questions: []checklists.Question{{ID: "o1", Text: text("Old question?"), Remediation: text("Old fix."), Weight: 1}}})
	return checklists.NewSet(lists)
}

func setV2() *checklists.Set {
	var lists []*checklists.Checklist
	for _, c := range testSet().Checklists {
		if c.ID == "basics" {
			nc := *c
			nc.Version = 2
			nc.Questions = []checklists.Question{c.Questions[0], c.Questions[1]}
			nc.Questions[0].Text = text("Records of processing, kept up to date?")
			c = &nc
		}
		lists = append(lists, c)
	}
	return checklists.NewSet(lists)
}

// firstRound is an assessment under set v1 with b1 yes, b2 partly (with owner and note),
// b3 yes, e1 no, s1 yes, o1 no.
func firstRound(t *testing.T, s *assessment.Store) assessment.Assessment {
	t.Helper()
	v1 := setV1()
	c := newCompany(t, s, "Æblegården ApS")
	a := newAssessment(t, s, v1, c.ID)
	for q, v := range map[string]assessment.Value{"b1": assessment.Yes, "b3": assessment.Yes, "e1": assessment.No,
		"s1": assessment.Yes, "o1": assessment.No} {
		save(t, s, v1, a.ID, q, v)
	}
	if err := s.SaveAnswer(context.Background(), v1, &assessment.Answer{AssessmentID: a.ID, QuestionID: "b2",
		Value: assessment.Partly, Owner: "Birthe Østergård", Note: "Mangler for sæsonfolk", Due: "2026-09-01",
		ActionStatus: assessment.ActionInProgress, UpdatedBy: "Søren"}); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestStartRound(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	first := firstRound(t, s)
	v2 := setV2()
	next, err := s.StartRound(ctx, v2, first.ID, "Runde 2", "Birthe Østergård")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Assessment(ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.CompanyID != first.CompanyID || got.PreviousID != first.ID || got.Status != assessment.Draft ||
		got.Title != "Runde 2" || got.Assessor != "Birthe Østergård" || got.UID == first.UID {
		t.Fatalf("new round = %+v", got)
	}
	if !slices.Equal(got.Profile, first.Profile) {
		t.Errorf("profile = %v, want %v", got.Profile, first.Profile)
	}
	if !slices.Equal(got.Checklists, v2.Refs()) {
		t.Errorf("pinned %v, want the current versions %v", got.Checklists, v2.Refs())
	}
	answers, err := s.Answers(ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id, ans := range answers {
		ids = append(ids, id)
		if !ans.Reconfirm {
			t.Errorf("%s carried over without the re-confirm mark", id)
		}
	}
	slices.Sort(ids)
	// b1's checklist changed version and is still carried; b3 and o1 are no longer asked.
	if want := []string{"b1", "b2", "e1", "s1"}; !slices.Equal(ids, want) {
		t.Fatalf("carried answers %v, want %v", ids, want)
	}
	b2 := answers["b2"]
	if b2.Value != assessment.Partly || b2.Owner != "Birthe Østergård" || b2.Note != "Mangler for sæsonfolk" ||
		b2.Due != "2026-09-01" || b2.ActionStatus != assessment.ActionInProgress {
		t.Errorf("b2 carried as %+v", b2)
	}
	// The earlier round is left as it was.
	old, err := s.Answers(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(old) != 6 || old["b1"].Reconfirm {
		t.Errorf("the first round changed: %d answers, b1 reconfirm %v", len(old), old["b1"].Reconfirm)
	}
}

func TestStartRoundRefuses(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	first := firstRound(t, s)
	tests := []struct {
		name   string
		prevID int64
		title  string
		want   string
	}{
		{"unknown previous", 9999, "Runde 2", "assessment.not_found"},
		{"no title", first.ID, "  ", "assessment.title_required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.StartRound(ctx, setV2(), tt.prevID, tt.title, "")
			wantErrID(t, err, tt.want)
			if all, _ := s.Assessments(ctx, 0); len(all) != 1 {
				t.Fatalf("%d assessments after a refused round, want 1", len(all))
			}
		})
	}
}

func TestCompare(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	first := firstRound(t, s)
	v2 := setV2()
	next, err := s.StartRound(ctx, v2, first.ID, "Runde 2", "")
	if err != nil {
		t.Fatal(err)
	}
	save(t, s, v2, next.ID, "b2", assessment.Yes)
	save(t, s, v2, next.ID, "s1", assessment.No)
	save(t, s, v2, next.ID, "s2", assessment.Yes)

	cmp, err := s.Compare(ctx, v2, first.ID, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Worked by hand under v2 (no ERP system, so "systems" is out of scope):
	// basics before: b1 yes 3/3 + b2 partly 1/2 = 4/5 = 80 %; after: 5/5 = 100 %.
	// staff before: s1 yes 2/2 + s2 unanswered 0/1 = 2/3; after: s1 no 0/2 + s2 yes 1/1 = 1/3.
	// overall before 6/8 = 75 %, after 6/8 = 75 %.
	approx := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	tests := []struct {
		area          string
		before, after float64
	}{
		{"basics", 80, 100},
		{"staff", 200.0 / 3, 100.0 / 3},
	}
	for _, tt := range tests {
		c, ok := cmp.Area(tt.area)
		if !ok {
			t.Fatalf("no change for area %s in %+v", tt.area, cmp.Areas)
		}
		if !approx(c.Before, tt.before) || !approx(c.After, tt.after) || !approx(c.Delta(), tt.after-tt.before) {
			t.Errorf("%s: %.2f → %.2f (Δ %.2f), want %.2f → %.2f", tt.area, c.Before, c.After, c.Delta(), tt.before, tt.after)
		}
	}
	if _, ok := cmp.Area("systems"); ok {
		t.Error("an area out of scope on both sides is compared")
	}
	if !approx(cmp.Overall.Before, 75) || !approx(cmp.Overall.After, 75) {
		t.Errorf("overall %.2f → %.2f, want 75 → 75", cmp.Overall.Before, cmp.Overall.After)
	}
	want := []assessment.AnswerChange{
		{QuestionID: "b2", Before: assessment.Partly, After: assessment.Yes},
		{QuestionID: "s1", Before: assessment.Yes, After: assessment.No},
		{QuestionID: "s2", Before: "", After: assessment.Yes},
		{QuestionID: "b3", Before: assessment.Yes, After: ""},
		{QuestionID: "o1", Before: assessment.No, After: ""},
	}
	if !slices.Equal(cmp.Changed, want) {
		t.Errorf("changed answers\n got %v\nwant %v", cmp.Changed, want)
	}
	if _, err := s.Compare(ctx, v2, first.ID, 9999); errID(err) != "assessment.not_found" {
		t.Errorf("compare with a missing assessment: %v", err)
	}
}

package assessment_test

import (
	"slices"
	"testing"

	"gdprtjek/assessment"
)

// TestProgressSince with numbers worked by hand. Profile "employees", an ERP system, so basics
// (b1 w3, b2 w2, b3 w1), systems (e1 w3; e2 only for NetSuite) and staff (s1 w2, s2 w1) apply.
//
//	        before                          after
//	b1 w3   no, action open          0      yes                 3
//	b2 w2   partly, in progress      1      partly, done        1
//	b3 w1   yes                      1      no                  0
//	e1 w3   don't know, action open  0      partly, open        1.5
//	e2      (scoped out) no                 yes
//	s1 w2   –                        0      yes                 2
//	s2 w1   n/a                      –      no                  0
//
// basics 2/6 = 33.3 % → 4/6 = 66.7 %; systems 0/3 = 0 % → 1.5/3 = 50 %; staff 0/2 = 0 % → 2/3 = 66.7 %.
// Improved (answered in both, earning more): b1, e1. Worse: b3. s1 is a first answer, s2 was
// n/a, e2 does not apply. Closed: b1 (no longer a gap), b2 (done); e1 is still open.
func TestProgressSince(t *testing.T) {
	set := testSet()
	systems := []assessment.System{{Kind: "erp", Product: "business-central"}}
	before := &assessment.Snapshot{Systems: systems,
		Assessment: assessment.Assessment{Profile: []string{"employees"}, Checklists: set.Refs()},
		Answers: map[string]assessment.Answer{
			"b1": {Value: assessment.No, ActionStatus: assessment.ActionOpen},
			"b2": {Value: assessment.Partly, ActionStatus: assessment.ActionInProgress},
			"b3": {Value: assessment.Yes},
			"e1": {Value: assessment.Unknown},
			"e2": {Value: assessment.No},
			"s2": {Value: assessment.NA},
		}}
	after := &assessment.Snapshot{Systems: systems,
		Assessment: assessment.Assessment{Profile: []string{"employees"}, Checklists: set.Refs(), PreviousID: 1},
		Answers: map[string]assessment.Answer{
			"b1": {Value: assessment.Yes},
			"b2": {Value: assessment.Partly, ActionStatus: assessment.ActionDone},
			"b3": {Value: assessment.No},
			"e1": {Value: assessment.Partly, ActionStatus: assessment.ActionOpen},
			"e2": {Value: assessment.Yes},
			"s1": {Value: assessment.Yes},
			"s2": {Value: assessment.No},
		}}
	p := assessment.ProgressSince(set, before, after)
	want := map[string][2]float64{"basics": {100.0 / 3, 200.0 / 3}, "systems": {0, 50}, "staff": {0, 200.0 / 3}}
	if len(p.Areas) != len(want) {
		t.Fatalf("areas: %+v", p.Areas)
	}
	for _, a := range p.Areas {
		w := want[a.AreaID]
		if !a.BeforeScored || !a.AfterScored || !near(a.Before, w[0]) || !near(a.After, w[1]) {
			t.Errorf("%s: %.2f → %.2f, want %.2f → %.2f", a.AreaID, a.Before, a.After, w[0], w[1])
		}
	}
	ids := func(cs []assessment.AnswerChange) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.QuestionID)
		}
		return out
	}
	if got := ids(p.Improved); !slices.Equal(got, []string{"b1", "e1"}) {
		t.Errorf("improved: %v, want [b1 e1]", got)
	}
	if got := ids(p.Worse); !slices.Equal(got, []string{"b3"}) {
		t.Errorf("worse: %v, want [b3]", got)
	}
	if p.Worse[0].Before != assessment.Yes || p.Worse[0].After != assessment.No {
		t.Errorf("b3 changed %s → %s, want yes → no", p.Worse[0].Before, p.Worse[0].After)
	}
	if !slices.Equal(p.Closed, []string{"b1", "b2"}) {
		t.Errorf("closed: %v, want [b1 b2]", p.Closed)
	}
}

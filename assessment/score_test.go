package assessment_test

import (
	"math"
	"slices"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

func answers(vals map[string]assessment.Value) map[string]assessment.Answer {
	out := map[string]assessment.Answer{}
	for q, v := range vals {
		out[q] = assessment.Answer{QuestionID: q, Value: v}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestScoreWorkedExample checks a score worked out by hand (see docs/scoring.md):
//
//	basics: b1 yes 3/3, b2 partly 1/2, b3 n/a left out      → 4/5 = 80 %  green (at the line)
//	staff:  s1 no 0/2, s2 unanswered = don't know 0/1       → 0/3 = 0 %   red
//	systems: no ERP system, so out of scope and not shown
//	overall: 4/8 = 50 %                                     → amber (at the line)
func TestScoreWorkedExample(t *testing.T) {
	res := assessment.Score(testSet(), checklists.Facts{"employees": true}, answers(map[string]assessment.Value{
		"b1": assessment.Yes, "b2": assessment.Partly, "b3": assessment.NA, "s1": assessment.No,
	}))
	o := res.Overall
	if o.Earned != 4 || o.Possible != 8 || !near(o.Percent(), 50) || o.Risk() != assessment.RiskAmber {
		t.Errorf("overall %v/%v = %.2f %% %s, want 4/8 = 50 %% amber", o.Earned, o.Possible, o.Percent(), o.Risk())
	}
	if o.Applicable != 5 || o.Answered != 4 || o.Unanswered() != 1 {
		t.Errorf("applicable %d answered %d unanswered %d, want 5 4 1", o.Applicable, o.Answered, o.Unanswered())
	}
	wantCounts := map[assessment.Value]int{assessment.Yes: 1, assessment.Partly: 1, assessment.NA: 1, assessment.No: 1}
	for v, n := range wantCounts {
		if o.Counts[v] != n {
			t.Errorf("count of %s = %d, want %d", v, o.Counts[v], n)
		}
	}
	type area struct {
		id               string
		earned, possible float64
		risk             assessment.Risk
	}
	var got []area
	for _, a := range res.Areas {
		got = append(got, area{a.Area.ID, a.Earned, a.Possible, a.Risk()})
	}
	want := []area{{"basics", 4, 5, assessment.RiskGreen}, {"staff", 0, 3, assessment.RiskRed}}
	if !slices.Equal(got, want) {
		t.Errorf("areas %+v, want %+v", got, want)
	}
	var out []string
	for _, sc := range res.ScopedOut {
		out = append(out, sc.Question.ID)
		if !slices.Contains(sc.Missing, "system:erp") {
			t.Errorf("%s scoped out for %v, want system:erp among the reasons", sc.Question.ID, sc.Missing)
		}
	}
	if !slices.Equal(out, []string{"e1", "e2"}) {
		t.Errorf("scoped out %v, want e1 e2", out)
	}
	// s2 is unanswered: it lowers the score but is not listed as a gap.
	var gaps []string
	for _, g := range res.Gaps {
		gaps = append(gaps, g.Question.ID)
	}
	// s1 (no, weight 2: medium) before b2 (partly, weight 2: low).
	if !slices.Equal(gaps, []string{"s1", "b2"}) {
		t.Errorf("gaps %v, want s1 b2", gaps)
	}
}

func TestScoreNothingScorable(t *testing.T) {
	res := assessment.Score(testSet(), checklists.Facts{}, answers(map[string]assessment.Value{
		"b1": assessment.NA, "b2": assessment.NA, "b3": assessment.NA,
	}))
	if res.Overall.Scored() || res.Overall.Percent() != 0 || res.Overall.Risk() != assessment.RiskNone {
		t.Errorf("all n/a: scored %v, %.1f %%, risk %q; want not scored, 0, none", res.Overall.Scored(), res.Overall.Percent(), res.Overall.Risk())
	}
	if len(res.Areas) != 1 || res.Areas[0].Area.ID != "basics" {
		t.Errorf("areas %+v, want only basics (the others are out of scope)", res.Areas)
	}
}

func TestScoreUnansweredCountsAsDontKnow(t *testing.T) {
	set, facts := testSet(), checklists.Facts{}
	blank := assessment.Score(set, facts, nil)
	unknown := assessment.Score(set, facts, answers(map[string]assessment.Value{
		"b1": assessment.Unknown, "b2": assessment.Unknown, "b3": assessment.Unknown}))
	if blank.Overall.Possible != 6 || blank.Overall.Earned != 0 || blank.Overall.Risk() != assessment.RiskRed {
		t.Errorf("unanswered: %v/%v %s, want 0/6 red", blank.Overall.Earned, blank.Overall.Possible, blank.Overall.Risk())
	}
	if blank.Overall.Percent() != unknown.Overall.Percent() {
		t.Errorf("unanswered scores %.1f, don't know %.1f: they must be equal", blank.Overall.Percent(), unknown.Overall.Percent())
	}
}

func TestRiskOf(t *testing.T) {
	tests := []struct {
		percent float64
		want    assessment.Risk
	}{
		{100, assessment.RiskGreen}, {80, assessment.RiskGreen}, {79.99, assessment.RiskAmber},
		{50, assessment.RiskAmber}, {49.99, assessment.RiskRed}, {0, assessment.RiskRed},
	}
	for _, tt := range tests {
		if got := assessment.RiskOf(tt.percent); got != tt.want {
			t.Errorf("RiskOf(%v) = %s, want %s", tt.percent, got, tt.want)
		}
	}
}

func TestSeverityOf(t *testing.T) {
	tests := []struct {
		weight int
		value  assessment.Value
		want   assessment.Severity
	}{
		{3, assessment.No, assessment.SeverityHigh},
		{3, assessment.Unknown, assessment.SeverityHigh},
		{3, assessment.Partly, assessment.SeverityMedium},
		{2, assessment.No, assessment.SeverityMedium},
		{2, assessment.Unknown, assessment.SeverityMedium},
		{2, assessment.Partly, assessment.SeverityLow},
		{1, assessment.No, assessment.SeverityLow},
		{1, assessment.Unknown, assessment.SeverityLow},
		{1, assessment.Partly, assessment.SeverityLow},
	}
	for _, tt := range tests {
		if got := assessment.SeverityOf(tt.weight, tt.value); got != tt.want {
			t.Errorf("SeverityOf(%d, %s) = %s, want %s", tt.weight, tt.value, got, tt.want)
		}
	}
}

// TestGapOrder: severity first, then weight, then checklist order (and question order within).
func TestGapOrder(t *testing.T) {
	facts := checklists.Facts{"employees": true, "system:erp": true, "product:netsuite": true}
	res := assessment.Score(testSet(), facts, answers(map[string]assessment.Value{
		"b1": assessment.Partly,  // w3 partly: medium
		"b2": assessment.No,      // w2 no: medium
		"b3": assessment.No,      // w1: low
		"e1": assessment.Unknown, // w3 don't know: high
		"e2": assessment.Partly,  // w2 partly: low
		"s1": assessment.No,      // w2 no: medium
		"s2": assessment.Unknown, // w1: low
	}))
	var got []string
	for _, g := range res.Gaps {
		got = append(got, g.Question.ID+"/"+g.Severity.String())
	}
	want := []string{"e1/high", "b1/medium", "b2/medium", "s1/medium", "e2/low", "b3/low", "s2/low"}
	if !slices.Equal(got, want) {
		t.Errorf("gap order\n got %v\nwant %v", got, want)
	}
}

func TestPartnerActions(t *testing.T) {
	lists := slices.Clone(testSet().Checklists)
	lists = append(lists, &checklists.Checklist{ID: "general", Version: 1, Area: "general", Order: 4, Title: text("General"),
		Questions: []checklists.Question{{ID: "g1", Text: text("Backups?"), Remediation: text("Test restores."),
			PartnerAction: text("Document the backup."), Weight: 1}}})
	set := checklists.NewSet(lists)
	systems := []assessment.System{
		{ID: 1, Kind: "erp", Product: "netsuite"},
		{ID: 2, Kind: "erp", Product: "uniconta"},
		{ID: 3, Kind: "payroll", Product: "danloen"},
	}
	res := assessment.Score(set, assessment.Facts(nil, systems), answers(map[string]assessment.Value{
		"b1": assessment.No, // a gap without a partner action: not listed
		"e1": assessment.No, "e2": assessment.Partly, "g1": assessment.Unknown,
	}))
	var got []string
	for _, group := range assessment.PartnerActions(res, systems) {
		name := "general"
		if group.System != nil {
			name = group.System.Product
		}
		for _, g := range group.Gaps {
			got = append(got, name+":"+g.Question.ID)
		}
	}
	// e1 (any ERP) concerns both ERP systems; e2 (NetSuite only) not the Uniconta one; g1 no
	// particular system; the payroll system has nothing to do.
	want := []string{"netsuite:e1", "netsuite:e2", "uniconta:e1", "general:g1"}
	if !slices.Equal(got, want) {
		t.Errorf("partner actions\n got %v\nwant %v", got, want)
	}
}

package assessment_test

import (
	"testing"
	"time"

	"gdprtjek/assessment"
)

func TestAnswerOverdue(t *testing.T) {
	// 14 March 2026 late in the evening: the 13th is past, the 14th is not.
	now := time.Date(2026, 3, 14, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    assessment.Answer
		want bool
	}{
		{"due yesterday, open", assessment.Answer{Value: assessment.No, Due: "2026-03-13"}, true},
		{"due yesterday, in progress", assessment.Answer{Value: assessment.Partly, Due: "2026-03-13", ActionStatus: assessment.ActionInProgress}, true},
		{"due yesterday, don't know", assessment.Answer{Value: assessment.Unknown, Due: "2025-12-31"}, true},
		{"due today", assessment.Answer{Value: assessment.No, Due: "2026-03-14"}, false},
		{"due tomorrow", assessment.Answer{Value: assessment.No, Due: "2026-03-15"}, false},
		{"done", assessment.Answer{Value: assessment.No, Due: "2026-03-01", ActionStatus: assessment.ActionDone}, false},
		{"no due date", assessment.Answer{Value: assessment.No}, false},
		{"unreadable due date", assessment.Answer{Value: assessment.No, Due: "1. marts"}, false},
	}
	for _, tc := range tests {
		if got := tc.a.Overdue(now); got != tc.want {
			t.Errorf("%s: Overdue = %v, want %v", tc.name, got, tc.want)
		}
	}
}

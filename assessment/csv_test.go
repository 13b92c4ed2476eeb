package assessment_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

func csvSnapshot() *assessment.Snapshot {
	return &assessment.Snapshot{
		Assessment: assessment.Assessment{Profile: []string{"employees"}},
		Systems:    []assessment.System{{Kind: "erp", Product: "business-central"}},
		Responses: map[string]assessment.Response{
			"e1": {QuestionID: "e1", Decision: assessment.DecisionAccepted, Hours: 12.5, Planned: "2027-02-01",
				Comment: "=sættes op i BC", By: "Jens Ærø"},
			"b1": {QuestionID: "b1", Decision: assessment.DecisionDeclined, By: "Jens Ærø"}, // no partner task: left out
		},
		Answers: map[string]assessment.Answer{
			"e1": {QuestionID: "e1", Value: assessment.No},
			"b1": {QuestionID: "b1", Value: assessment.No, Owner: "Birthe Østergård", Due: "2026-12-31",
				ActionStatus: assessment.ActionInProgress, Note: "Mangler; se \"mappe 3\"\nog linje 2"},
			"b2": {QuestionID: "b2", Value: assessment.Yes},
			"s1": {QuestionID: "s1", Value: assessment.Partly, Owner: "=HYPERLINK(\"http://x\")", Note: "- ikke startet"},
		},
	}
}

// beforeDue is a day before every due date in csvSnapshot.
var beforeDue = time.Date(2026, time.December, 1, 12, 0, 0, 0, time.UTC)

// TestActionPlanCSVMarksOverdue: a due date that has passed, on an action not done, is marked
// in the due column; the due day itself is not overdue yet.
func TestActionPlanCSVMarksOverdue(t *testing.T) {
	for _, tt := range []struct {
		now  time.Time
		lang i18n.Lang
		want string
	}{
		{time.Date(2026, time.December, 31, 23, 0, 0, 0, time.UTC), i18n.Danish, "31.12.2026"},
		{time.Date(2027, time.January, 1, 8, 0, 0, 0, time.UTC), i18n.Danish, "31.12.2026 (overskredet)"},
		{time.Date(2027, time.January, 1, 8, 0, 0, 0, time.UTC), i18n.English, "2026-12-31 (overdue)"},
	} {
		var buf bytes.Buffer
		if err := assessment.WriteActionPlanCSV(&buf, testSet(), csvSnapshot(), tt.lang, tt.now); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[1][5] != tt.want {
			t.Errorf("%s on %s: due cell %q, want %q", tt.lang, tt.now.Format(time.DateOnly), rows[1][5], tt.want)
		}
	}
	done := assessment.Answer{Due: "2026-12-31", ActionStatus: assessment.ActionDone}
	if done.Overdue(time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("a done action is never overdue")
	}
}

func TestWriteActionPlanCSV(t *testing.T) {
	tests := []struct {
		lang   i18n.Lang
		header string
		b1     []string
		e1     []string // the partner's response columns
	}{
		{i18n.Danish, "Alvorlighed;Område;Spørgsmål;Det skal I gøre;Ansvarlig;Frist;Status;Note;Partnerens svar;Timer (estimat);Planlagt;Partnerens kommentar;Besvaret af",
			[]string{"Høj", "Basics (da)", "Records of processing? (da)", "Write the records. (da)", "Birthe Østergård",
				"31.12.2026", "I gang", "Mangler; se \"mappe 3\"\nog linje 2", "", "", "", "", ""},
			[]string{"Accepteret", "12,5", "01.02.2027", "'=sættes op i BC", "Jens Ærø"}},
		{i18n.English, "Severity;Area;Question;What to do;Owner;Due date;Status;Note;Partner's response;Hours (estimate);Planned;Partner's comment;Answered by",
			[]string{"High", "Basics", "Records of processing?", "Write the records.", "Birthe Østergård",
				"2026-12-31", "In progress", "Mangler; se \"mappe 3\"\nog linje 2", "", "", "", "", ""},
			[]string{"Accepted", "12.5", "2027-02-01", "'=sættes op i BC", "Jens Ærø"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := assessment.WriteActionPlanCSV(&buf, testSet(), csvSnapshot(), tt.lang, beforeDue); err != nil {
				t.Fatal(err)
			}
			raw := buf.String()
			body, ok := strings.CutPrefix(raw, "\ufeff")
			if !ok {
				t.Fatalf("no UTF-8 byte-order mark: %q", raw[:min(len(raw), 10)])
			}
			if !strings.HasPrefix(body, tt.header+"\r\n") {
				t.Fatalf("header line %q, want %q with CRLF", strings.SplitN(body, "\n", 2)[0], tt.header)
			}
			if strings.Count(body, "\n") != strings.Count(body, "\r\n") {
				t.Error("a line ends in a bare LF")
			}
			// The separator, quotes and the line break in the note are quoted, quotes doubled.
			if !strings.Contains(body, "\"Mangler; se \"\"mappe 3\"\"\r\nog linje 2\"") {
				t.Errorf("note not escaped as Excel expects:\n%q", body)
			}
			r := csv.NewReader(strings.NewReader(body))
			r.Comma = ';'
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			// b1 and e1 (no, weight 3: high) first, then s1 (partly, weight 2: low); b2 is no gap.
			if len(rows) != 4 {
				t.Fatalf("%d rows, want header and 3 gaps: %q", len(rows), rows)
			}
			if !slices.Equal(rows[1], tt.b1) {
				t.Errorf("b1 row\n got %q\nwant %q", rows[1], tt.b1)
			}
			if got := rows[2][8:]; rows[2][2] != text("Deletion in ERP?").In(tt.lang) || !slices.Equal(got, tt.e1) {
				t.Errorf("e1 row %q, want the response %q", rows[2], tt.e1)
			}
			if rows[3][4] != "'=HYPERLINK(\"http://x\")" || rows[3][7] != "'- ikke startet" {
				t.Errorf("text that Excel would run as a formula is not neutralised: %q", rows[3])
			}
		})
	}
}

func TestWriteActionPlanCSVNoGaps(t *testing.T) {
	var buf bytes.Buffer
	snap := &assessment.Snapshot{Answers: map[string]assessment.Answer{}}
	set := checklists.NewSet(nil)
	if err := assessment.WriteActionPlanCSV(&buf, set, snap, i18n.Danish, beforeDue); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\r\n"); got != 1 {
		t.Errorf("%d lines for an empty plan, want the header only", got)
	}
}

// Every start that Excel (and LibreOffice) would run as a formula gets the apostrophe: = + - @,
// and a tab or carriage return before one; other text is left as it is.
func TestActionPlanCSVNeutralisesFormulas(t *testing.T) {
	for _, tt := range []struct {
		text    string
		guarded bool
	}{
		{"=1+1", true},
		{"+1+1", true},
		{"-1+1", true},
		{"@SUM(A1:A9)", true},
		{"\t=1+1", true},
		{"\r=1+1", true},
		{"1+1", false},
		{"Søren = ansvarlig", false},
	} {
		snap := &assessment.Snapshot{Answers: map[string]assessment.Answer{
			"b1": {QuestionID: "b1", Value: assessment.No, Owner: tt.text, Note: tt.text},
		}}
		var buf bytes.Buffer
		if err := assessment.WriteActionPlanCSV(&buf, testSet(), snap, i18n.English, beforeDue); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("%q: %d rows, %v", tt.text, len(rows), err)
		}
		for _, col := range []int{4, 7} { // owner, note
			got := rows[1][col]
			if strings.HasPrefix(got, "'") != tt.guarded || !strings.Contains(got, strings.TrimLeft(tt.text, "\t\r")) {
				t.Errorf("%q in column %d written as %q; guarded with an apostrophe: want %v", tt.text, col, got, tt.guarded)
			}
		}
	}
}

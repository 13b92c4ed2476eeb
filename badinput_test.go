package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// badInputs are texts people paste, type or import by mistake.
var badInputs = map[string]string{
	"emoji":             "Æblegården 🍎🍏 ApS 👩‍💼",
	"right-to-left":     "شركة التفاح ApS",
	"combining marks":   "A\u030arhus Sma\u030arkager",
	"control chars":     "Linje1\tfane\rvogn\x07klokke\x1b[31m",
	"NUL byte":          "før\x00efter",
	"SQL metachars":     "Robert'); DROP TABLE companies;--",
	"1 MB":              strings.Repeat("lang note med æøå ", 1<<20/20),
	"empty":             "",
	"spaces":            "   ",
	"leading, trailing": "  Østergård A/S  ",
	"invalid UTF-8":     "S\xf8ren",
}

// TestBadInputMatrix saves each bad input as a company name and as an answer's note and owner,
// through the store and the command line:
// it is either kept exactly as given or refused with a translated message; the report still
// renders; nothing else changes.
func TestBadInputMatrix(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "bad.db")
	store, err := assessment.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	// A bystander company whose data must never change.
	demoID, err := store.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	// A fixed clock, so that the export's own time stamp does not differ between the two.
	store.Now = func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }
	before, err := store.ExportCompany(ctx, mustSnapshot(t, store, demoID).Company.ID)
	if err != nil {
		t.Fatal(err)
	}
	qid := set.Checklists[0].Questions[0].ID
	tried, kept, refused := 0, 0, 0
	for name, input := range badInputs {
		t.Run(name, func(t *testing.T) {
			tried++
			c := assessment.Company{Name: input}
			err := store.CreateCompany(ctx, &c)
			switch {
			case strings.TrimSpace(input) == "" || utf8.RuneCountInString(input) > assessment.MaxNameLength:
				if strings.TrimSpace(input) == "" {
					wantTranslated(t, err, "company.name_required")
				} else {
					wantTranslated(t, err, "company.name_too_long")
				}
				refused++
				c = assessment.Company{Name: "Navnløs ApS"}
				if err := store.CreateCompany(ctx, &c); err != nil {
					t.Fatal(err)
				}
			default:
				if err != nil {
					t.Fatalf("refused a name that has text: %v", err)
				}
				got, err := store.Company(ctx, c.ID)
				if err != nil || got.Name != input {
					t.Fatalf("name not kept exactly: %q (%v)", got.Name, err)
				}
				kept++
			}
			a := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1"}
			if err := store.CreateAssessment(ctx, &a); err != nil {
				t.Fatal(err)
			}
			ans := assessment.Answer{AssessmentID: a.ID, QuestionID: qid, Value: assessment.No, Note: input, Owner: input}
			if err := store.SaveAnswer(ctx, set, &ans); err != nil {
				t.Fatalf("a note is free text and must be kept: %v", err)
			}
			answers, err := store.Answers(ctx, a.ID)
			if err != nil || answers[qid].Note != input || answers[qid].Owner != input {
				t.Fatalf("note not kept exactly (%v)", err)
			}
			// The same through the command line, as a script would pass it.
			id := strconv.FormatInt(a.ID, 10)
			r := runCmd(t, "answer", "--db", dbPath, "--assessment", id, "--question", qid, "--value", "partly", "--note", input, "--lang", "en")
			answers, err = store.Answers(ctx, a.ID)
			switch {
			case !utf8.ValidString(input): // a terminal in another character set: refused, nothing saved
				if r.code != 2 || !strings.Contains(r.stderr, "--note is not valid UTF-8") {
					t.Fatalf("answer --note with invalid UTF-8: exit %d, %q", r.code, r.stderr)
				}
				if err != nil || answers[qid].Value != assessment.No {
					t.Fatalf("the refused command changed the answer (%v)", err)
				}
			case r.code != 0:
				t.Fatalf("answer --note refused free text: exit %d, %s", r.code, r.stderr)
			case err != nil || answers[qid].Note != input || answers[qid].Value != assessment.Partly:
				t.Fatalf("note given on the command line not kept exactly (%v)", err)
			}
			if r := runCmd(t, "report", "--db", dbPath, "--assessment", id, "--lang", "en", "--out", filepath.Join(dir, "cli.pdf")); r.code != 0 {
				t.Fatalf("report command failed: exit %d, %s", r.code, r.stderr)
			}
			snap := mustSnapshot(t, store, a.ID)
			out := filepath.Join(dir, "r.pdf")
			if err := reports.WriteFile(out, set, snap, reports.Options{Lang: i18n.Danish}); err != nil {
				t.Fatalf("the report did not render: %v", err)
			}
			if info, err := os.Stat(out); err != nil || info.Size() == 0 {
				t.Fatalf("no report: %v", err)
			}
		})
	}
	after, err := store.ExportCompany(ctx, mustSnapshot(t, store, demoID).Company.ID)
	if err != nil || string(after) != string(before) {
		t.Error("saving bad input changed another company's data")
	}
	t.Logf("bad inputs tried: %d; kept exactly: %d; refused with a message: %d", tried, kept, refused)
}

func TestBadValuesRefused(t *testing.T) {
	ctx := context.Background()
	store, err := assessment.Open(ctx, filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	set, _ := checklists.LoadBuiltin()
	id, err := store.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	qid := set.Checklists[0].Questions[0].ID
	before, _ := store.Answers(ctx, id)
	for _, tc := range []struct {
		ans  assessment.Answer
		want string
	}{
		{assessment.Answer{AssessmentID: id, QuestionID: "no.such.question", Value: assessment.Yes}, "answer.unknown_question"},
		{assessment.Answer{AssessmentID: id, QuestionID: qid, Value: "maybe"}, "answer.value_invalid"},
		{assessment.Answer{AssessmentID: id, QuestionID: qid, Value: assessment.Yes, Due: "31-12-2026"}, "answer.due_invalid"},
		{assessment.Answer{AssessmentID: id, QuestionID: qid, Value: assessment.Yes, Due: "10000-01-01"}, "answer.due_invalid"},
		{assessment.Answer{AssessmentID: 999999, QuestionID: qid, Value: assessment.Yes}, "assessment.not_found"},
	} {
		wantTranslated(t, store.SaveAnswer(ctx, set, &tc.ans), tc.want)
	}
	for _, due := range []string{"0001-01-01", "9999-12-31"} {
		ans := before[qid]
		ans.Due = due
		if err := store.SaveAnswer(ctx, set, &ans); err != nil {
			t.Errorf("due date %s far in the past or future is a date: %v", due, err)
		}
	}
	// Another company's system cannot be removed through this company.
	snap := mustSnapshot(t, store, id)
	other := assessment.Company{Name: "Anden ApS"}
	if err := store.CreateCompany(ctx, &other); err != nil {
		t.Fatal(err)
	}
	wantTranslated(t, store.DeleteSystem(ctx, other.ID, snap.Systems[0].ID), "system.not_found")
	if systems, _ := store.Systems(ctx, snap.Company.ID); len(systems) != len(snap.Systems) {
		t.Error("another company's system was removed")
	}
}

func mustSnapshot(t *testing.T, s *assessment.Store, id int64) *assessment.Snapshot {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// wantTranslated checks that err carries message id, and that the message exists in Danish.
func wantTranslated(t *testing.T, err error, id string) {
	t.Helper()
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.ID != id {
		t.Fatalf("err = %v, want %s", err, id)
	}
	if msg := i18n.New(i18n.Danish).Error(err); msg == id || msg == "" {
		t.Errorf("%s has no Danish message", id)
	}
}

package assessment_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// epoch is the fixed start of every test clock.
var epoch = time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)

// steppingClock returns a deterministic clock that moves one second per reading, so that
// rows written one after another have distinct, predictable times.
func steppingClock() func() time.Time {
	t := epoch
	return func() time.Time {
		now := t
		t = t.Add(time.Second)
		return now
	}
}

// openStore opens a fresh database in a test folder with a deterministic clock.
func openStore(t testing.TB) *assessment.Store {
	t.Helper()
	s, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "data", "gdprtjek.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Now = steppingClock()
	t.Cleanup(func() { s.Close() })
	return s
}

func text(s string) checklists.Text { return checklists.Text{DA: s + " (da)", EN: s} }

// testSet is a small set whose scores are easy to work out by hand:
//
//	basics  (area "basics", always):        b1 w3, b2 w2, b3 w1
//	erp     (area "systems", system:erp):   e1 w3 partner action, e2 w2 product:netsuite partner action
//	staff   (area "staff", employees):      s1 w2, s2 w1
func testSet() *checklists.Set {
	return checklists.NewSet([]*checklists.Checklist{
		{ID: "basics", Version: 1, Area: "basics", Order: 1, Title: text("Basics"), Questions: []checklists.Question{
			{ID: "b1", Text: text("Records of processing?"), Remediation: text("Write the records."), Weight: 3},
			{ID: "b2", Text: text("Privacy notice?"), Remediation: text("Publish a notice."), Weight: 2},
			{ID: "b3", Text: text("Contact person?"), Remediation: text("Name one."), Weight: 1},
		}},
		{ID: "erp", Version: 1, Area: "systems", Order: 2, Title: text("ERP"), AppliesWhen: []string{"system:erp"},
			Questions: []checklists.Question{
				{ID: "e1", Text: text("Deletion in ERP?"), Remediation: text("Set up deletion."), PartnerAction: text("Configure deletion."), Weight: 3},
				{ID: "e2", Text: text("NetSuite roles?"), Remediation: text("Review roles."), PartnerAction: text("Restrict roles."),
					Weight: 2, AppliesWhen: []string{"product:netsuite"}},
			}},
		{ID: "staff", Version: 1, Area: "staff", Order: 3, Title: text("Staff"), AppliesWhen: []string{"employees"},
			Questions: []checklists.Question{
				{ID: "s1", Text: text("Employee notice?"), Remediation: text("Tell employees."), Weight: 2},
				{ID: "s2", Text: text("Personnel files?"), Remediation: text("Sort the files."), Weight: 1},
			}},
	})
}

// newCompany saves a company with a valid CVR number.
func newCompany(t testing.TB, s *assessment.Store, name string) assessment.Company {
	t.Helper()
	c := assessment.Company{Name: name, CVR: "12345674"} // not the demo's CVR
	if err := s.CreateCompany(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// newAssessment saves a draft assessment pinning the whole set.
func newAssessment(t testing.TB, s *assessment.Store, set *checklists.Set, companyID int64) assessment.Assessment {
	t.Helper()
	a := assessment.Assessment{CompanyID: companyID, Title: "Runde 1", Assessor: "Søren Åkjær",
		Profile: []string{"employees"}, Checklists: set.Refs()}
	if err := s.CreateAssessment(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func save(t testing.TB, s *assessment.Store, set *checklists.Set, aid int64, qid string, v assessment.Value) {
	t.Helper()
	if err := s.SaveAnswer(context.Background(), set, &assessment.Answer{AssessmentID: aid, QuestionID: qid, Value: v}); err != nil {
		t.Fatalf("save %s=%s: %v", qid, v, err)
	}
}

// errID is the message ID of the outermost translatable error, or "" when there is none.
func errID(err error) string {
	var e *i18n.Error
	if errors.As(err, &e) {
		return e.ID
	}
	return ""
}

func wantErrID(t testing.TB, err error, id string) {
	t.Helper()
	if got := errID(err); got != id {
		t.Fatalf("error = %v (ID %q), want ID %q", err, got, id)
	}
}

// dump reads every row of every table through a separate read-only connection, as text, so
// that a test can tell whether a refused operation changed anything.
func dump(t testing.TB, s *assessment.Store) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := queryStrings(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	var b strings.Builder
	for _, table := range tables {
		fmt.Fprintf(&b, "== %s\n", table)
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		slices.Sort(lines)
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

func queryStrings(t testing.TB, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

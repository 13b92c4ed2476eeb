package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// answersOf reads the answers of assessment id in db straight from the store.
func answersOf(t *testing.T, db, id string) map[string]assessment.Answer {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	aid, _ := strconv.ParseInt(id, 10, 64)
	answers, err := s.Answers(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	return answers
}

func conflictsOf(t *testing.T, db, id string) []assessment.Conflict {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	aid, _ := strconv.ParseInt(id, 10, 64)
	list, err := s.Conflicts(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func tasksJSON(t *testing.T, db, id string) []listedGroup {
	t.Helper()
	r := runCmd(t, "tasks", "--assessment", id, "--json", "--db", db)
	var groups []listedGroup
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &groups) != nil {
		t.Fatalf("tasks --json: %+v", r)
	}
	return groups
}

// TestPartnerRoundTrip is the hand-over as the issue describes it, each step on the command
// line, company A and partner B on two databases: A exports the demo; B imports it, responds to
// three tasks (one of each decision), comments, returns it and exports; meanwhile A changes an
// answer; A merges B's file. Plain and with a passphrase.
func TestPartnerRoundTrip(t *testing.T) {
	for _, protected := range []bool{false, true} {
		t.Run("protected="+strconv.FormatBool(protected), func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "company.db"), filepath.Join(dir, "partner.db")
			var pass []string // the --passphrase-file flag, when protected
			if protected {
				path := filepath.Join(dir, "pass.txt")
				if err := os.WriteFile(path, []byte("Rødgrød med fløde\n"), 0o600); err != nil {
					t.Fatal(err)
				}
				pass = []string{"--passphrase-file", path}
			}
			r := runCmd(t, "demo", "--db", a, "--out", dir)
			if r.code != 0 {
				t.Fatalf("demo: %+v", r)
			}
			aid := strings.TrimSpace(r.stdout)
			sent := filepath.Join(dir, "æblegården-til-partner.json")
			if r := runCmd(t, append([]string{"export", "--assessment", aid, "--out", sent, "--db", a}, pass...)...); r.code != 0 {
				t.Fatalf("export: %+v", r)
			}
			if data, _ := os.ReadFile(sent); protected != bytes.Contains(data, []byte(assessment.EncryptedFormat)) {
				t.Fatalf("protected=%v but the file reads otherwise", protected)
			}

			// The partner.
			r = runCmd(t, append([]string{"import", sent, "--db", b}, pass...)...)
			if r.code != 0 {
				t.Fatalf("partner import: %+v", r)
			}
			bid := strings.TrimSpace(r.stdout)
			var tasks []string
			for _, g := range tasksJSON(t, b, bid) {
				for _, task := range g.Tasks {
					if task.Response != nil {
						t.Fatalf("a fresh import has a response: %+v", task)
					}
					if len(tasks) < 3 && !contains(tasks, task.Question) {
						tasks = append(tasks, task.Question)
					}
				}
			}
			if len(tasks) < 3 {
				t.Fatalf("the demo has %d partner tasks, want at least 3", len(tasks))
			}
			for i, args := range [][]string{
				{"--decision", "accepted", "--hours", "12,5", "--planned", "2027-02-01", "--comment", "Sættes op i BC i uge 5."},
				{"--decision", "question", "--comment", "Hvilke brugere drejer det sig om?"},
				{"--decision", "declined", "--comment", "Ligger uden for vores aftale."},
			} {
				args = append([]string{"respond", "--assessment", bid, "--question", tasks[i], "--by", "Jens Ærø", "--db", b}, args...)
				if r := runCmd(t, args...); r.code != 0 {
					t.Fatalf("respond %v: %+v", args, r)
				}
			}
			if r := runCmd(t, "comment", "--assessment", bid, "--question", tasks[1], "--author", "Jens Ærø",
				"--organisation", "Nordlys IT ApS", "--text", "Lad os tage adgangene på mødet.", "--db", b); r.code != 0 {
				t.Fatalf("comment: %+v", r)
			}
			if r := runCmd(t, "signoff", "--assessment", bid, "--decision", "returned", "--reviewer", "Jens Ærø",
				"--organisation", "Nordlys IT ApS", "--statement", "Se spørgsmålet om adgange.", "--db", b); r.code != 0 {
				t.Fatalf("signoff: %+v", r)
			}
			back := filepath.Join(dir, "retur-fra-nordlys.json")
			if r := runCmd(t, append([]string{"export", "--assessment", bid, "--out", back, "--db", b}, pass...)...); r.code != 0 {
				t.Fatalf("partner export: %+v", r)
			}

			// Meanwhile the company changes an answer the partner's file has otherwise.
			changed := ""
			for q, ans := range answersOf(t, a, aid) {
				if ans.Value == assessment.Yes && (changed == "" || q < changed) {
					changed = q
				}
			}
			if r := runCmd(t, "answer", "--assessment", aid, "--question", changed, "--value", "partly", "--note", "Ændret efter eksporten", "--db", a); r.code != 0 {
				t.Fatalf("answer: %+v", r)
			}

			r = runCmd(t, append([]string{"import", back, "--merge", "--db", a, "--lang", "en"}, pass...)...)
			if r.code != 0 {
				t.Fatalf("merge: %+v", r)
			}
			if want := aid + "\nadded 1 comment, 1 sign-off, 3 responses; 1 conflict\n"; r.stdout != want {
				t.Fatalf("merge printed %q, want %q", r.stdout, want)
			}
			if got := answersOf(t, a, aid)[changed]; got.Value != assessment.Partly || got.Note != "Ændret efter eksporten" {
				t.Errorf("the company's changed answer was not kept: %+v", got)
			}
			if c := conflictsOf(t, a, aid); len(c) != 1 || c[0].QuestionID != changed || c[0].Theirs.Value != assessment.Yes {
				t.Errorf("conflicts %+v, want one on %s with the file's yes", c, changed)
			}

			// A's report shows the responses, the comment and the sign-off.
			for _, lang := range []string{"en", "da"} {
				out := filepath.Join(dir, "report-"+lang+".pdf")
				if r := runCmd(t, "report", "--assessment", aid, "--lang", lang, "--out", out, "--db", a); r.code != 0 {
					t.Fatalf("report: %+v", r)
				}
				text := strings.Join(strings.Fields(pdfText(t, out)), " ")
				want := map[string][]string{
					"en": {"Partner's response", "Accepted", "Needs clarification", "Declined", "12.5 h", "Estimated by the partner",
						"Lad os tage adgangene på mødet.", "Se spørgsmålet om adgange.", "Nordlys IT ApS", "Returned"},
					"da": {"Partnerens svar", "Accepteret", "Kræver afklaring", "Afvist", "12,5 t", "Partnerens estimat",
						"Lad os tage adgangene på mødet.", "Se spørgsmålet om adgange.", "Nordlys IT ApS", "Sendt retur"},
				}[lang]
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("A's %s report lacks %q", lang, w)
					}
				}
			}

			// tasks --json on A lists the three responses.
			decided := map[string]string{}
			for _, g := range tasksJSON(t, a, aid) {
				for _, task := range g.Tasks {
					if task.Response != nil {
						decided[task.Question] = task.Response.Decision
						if task.Response.By != "Jens Ærø" {
							t.Errorf("response by %q", task.Response.By)
						}
					}
				}
			}
			if len(decided) != 3 || decided[tasks[0]] != "accepted" || decided[tasks[1]] != "question" || decided[tasks[2]] != "declined" {
				t.Errorf("A's tasks carry the responses %v", decided)
			}

			// A second merge of the same file adds nothing: the exported assessment is unchanged.
			before, after := filepath.Join(dir, "before.json"), filepath.Join(dir, "after.json")
			if r := runCmd(t, "export", "--assessment", aid, "--out", before, "--db", a); r.code != 0 {
				t.Fatal(r)
			}
			r = runCmd(t, append([]string{"import", back, "--merge", "--db", a, "--lang", "da"}, pass...)...)
			if want := aid + "\ntilføjet 0 kommentarer, 0 afgørelser, 0 svar; 0 konflikter\n"; r.code != 0 || r.stdout != want {
				t.Fatalf("second merge: %+v, want %q", r, want)
			}
			if r := runCmd(t, "export", "--assessment", aid, "--out", after, "--db", a); r.code != 0 {
				t.Fatal(r)
			}
			x, _ := os.ReadFile(before)
			y, _ := os.ReadFile(after)
			if !bytes.Equal(x, y) {
				t.Error("the second merge changed the assessment")
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReviewCommandRefusals: a bad value is wrong usage (exit 2), a refusal by the store is
// exit 1 with one clear line; neither changes the database.
func TestReviewCommandRefusals(t *testing.T) {
	dir, db, id := demoDB(t)
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	task, noTask := "", ""
	for _, g := range tasksJSON(t, db, id) {
		if task == "" {
			task = g.Tasks[0].Question
		}
	}
	for q, ans := range answersOf(t, db, id) {
		if question, _, ok := set.Question(q); ok && ans.Value == assessment.No && !question.HasPartnerAction() {
			noTask = q // a gap, but nothing for the partner
		}
	}
	if task == "" || noTask == "" {
		t.Fatalf("the demo lacks a partner task (%q) or a gap without one (%q)", task, noTask)
	}
	exported := filepath.Join(dir, "x.json")
	snapshotDB := func() []byte {
		t.Helper()
		if r := runCmd(t, "export", "--assessment", id, "--out", exported, "--db", db); r.code != 0 {
			t.Fatal(r)
		}
		data, _ := os.ReadFile(exported)
		return data
	}
	respond := []string{"respond", "--assessment", id, "--question", task, "--by", "Jens", "--db", db, "--lang", "en"}
	before := snapshotDB()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{append(respond, "--decision", "maybe"), 2, `Invalid decision "maybe"`},
		{append(respond, "--decision", "accepted", "--hours", "mange"), 2, `Invalid estimate "mange"`},
		{append(respond, "--decision", "accepted", "--hours", "-1"), 2, `Invalid estimate "-1"`},
		{append(respond, "--decision", "accepted", "--planned", "2027-13-01"), 2, `Invalid planned date "2027-13-01"`},
		{[]string{"respond", "--assessment", id, "--question", task, "--decision", "accepted", "--db", db, "--lang", "en"}, 2, "--by is required"},
		{[]string{"respond", "--assessment", id, "--question", noTask, "--decision", "accepted", "--by", "Jens", "--db", db, "--lang", "en"},
			1, `The question "` + noTask + `" has no task for the partner`},
		{[]string{"comment", "--assessment", id, "--text", "Hej", "--db", db, "--lang", "en"}, 2, "--author is required"},
		{[]string{"comment", "--assessment", id, "--author", "Jens", "--question", "findes.ikke", "--text", "Hej", "--db", db, "--lang", "en"}, 1, "findes.ikke"},
		{[]string{"signoff", "--assessment", id, "--decision", "returned", "--reviewer", "Jens", "--db", db, "--lang", "en"}, 2, "--organisation is required"},
		{[]string{"signoff", "--assessment", id, "--decision", "maybe", "--reviewer", "Jens", "--organisation", "N", "--db", db, "--lang", "en"}, 2, `Invalid decision "maybe"`},
		{[]string{"import", exported, "--merge", "--replace", "--db", db, "--lang", "en"}, 2, "cannot be used together"},
		{[]string{"tasks", "--db", db, "--lang", "en"}, 2, "--assessment is required"},
	} {
		r := runCmd(t, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args[:2], r.code, r.stderr, tc.code, tc.want)
		}
		if tc.code == 1 && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%v: stderr should be one line: %q", tc.args[:2], r.stderr)
		}
	}
	if !bytes.Equal(before, snapshotDB()) {
		t.Error("a refused command changed the assessment")
	}

	// Merging a file whose assessment is not here says so.
	other := filepath.Join(dir, "other.db")
	if r := runCmd(t, "import", exported, "--merge", "--db", other, "--lang", "en"); r.code != 1 || !strings.Contains(r.stderr, "Import it without --merge") {
		t.Errorf("merge into a database without the assessment: %+v", r)
	}

	// Once approved, the partner cannot respond.
	if r := runCmd(t, "signoff", "--assessment", id, "--decision", "approved", "--reviewer", "Jens Ærø", "--organisation", "Nordlys IT ApS", "--db", db); r.code != 0 {
		t.Fatalf("signoff approved: %+v", r)
	}
	r := runCmd(t, append(respond, "--decision", "accepted")...)
	if r.code != 1 || strings.TrimSpace(r.stderr) != "Assessment "+id+" is approved: a partner response cannot be recorded until it is reopened." {
		t.Errorf("respond on an approved assessment: %+v", r)
	}
}

// TestImportVersion1Files: the exchange files the previous release wrote (format version 1,
// kept in assessment/testdata) import on the command line, plain and protected.
func TestImportVersion1Files(t *testing.T) {
	dir := t.TempDir()
	testdata := filepath.Join("assessment", "testdata")
	for _, tc := range []struct {
		file string
		pass []string
	}{
		{"exchange-v1-demo.json", nil},
		{"exchange-v1-demo-protected.json", []string{"--passphrase-file", filepath.Join(testdata, "exchange-v1-demo-protected.passphrase")}},
	} {
		db := filepath.Join(dir, tc.file+".db")
		r := runCmd(t, append([]string{"import", filepath.Join(testdata, tc.file), "--db", db}, tc.pass...)...)
		if r.code != 0 {
			t.Fatalf("%s: %+v", tc.file, r)
		}
		id := strings.TrimSpace(r.stdout)
		if n := len(answersOf(t, db, id)); n != 170 {
			t.Errorf("%s: %d answers imported, want 170", tc.file, n)
		}
		r = runCmd(t, append([]string{"import", filepath.Join(testdata, tc.file), "--merge", "--db", db, "--lang", "en"}, tc.pass...)...)
		if r.code != 0 || !strings.HasSuffix(r.stdout, "added 0 comments, 0 sign-offs, 0 responses; 0 conflicts\n") {
			t.Errorf("%s: merge into its own import: %+v", tc.file, r)
		}
	}
}

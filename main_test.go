package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets a test start this test binary as the real program (see runChild), so that
// process-level behaviour — package init order, stderr — is tested as users meet it.
func TestMain(m *testing.M) {
	if args := os.Getenv("GDPRTJEK_TEST_CHILD_ARGS"); args != "" {
		os.Exit(run(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// childEnv is the environment in which this test binary, started again, runs as the program
// with args (see TestMain), with extra variables added.
//
// Under -race every process sleeps a second as it exits (GORACE's atexit_sleep_ms, default
// 1000), so that late race reports get out; the tests here start a few hundred children, so
// that sleep is turned off for them. A race found in a child still fails it (exit code 66),
// and a GORACE the caller set is kept.
func childEnv(args []string, extra ...string) []string {
	gorace := "atexit_sleep_ms=0"
	if v := os.Getenv("GORACE"); v != "" {
		gorace = v + " " + gorace
	}
	env := append(os.Environ(), extra...)
	return append(env, "GORACE="+gorace, "GDPRTJEK_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
}

func runChild(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = childEnv(args, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (make test installs poppler-utils)", path, err)
	}
	return string(out)
}

func TestVersionAndHelp(t *testing.T) {
	r := runCmd(t, "--version")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "gdprtjek "+version {
		t.Errorf("--version: %+v", r)
	}
	r = runCmd(t, "--help", "--lang", "da")
	if r.code != 0 || !strings.Contains(r.stdout, "Brug:") || !strings.Contains(r.stdout, "gdprtjek validate FIL...") {
		t.Errorf("--help --lang da: %+v", r)
	}
	r = runCmd(t, "help", "--lang", "en")
	if r.code != 0 || !strings.Contains(r.stdout, "Usage:") {
		t.Errorf("help --lang en: %+v", r)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"list", "--bogus"},
		{"report", "--lang", "en", "--out", "x.pdf"}, // no --assessment
		{"report", "--assessment", "abc", "--out", "x.pdf", "--lang", "en"},
		{"import", "--lang", "en"}, // no file
		{"validate", "--lang", "en"},
		{"list", "--lang", "fr"},
	} {
		r := runCmd(t, args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}

func TestValidateReportsFileAndLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(path, []byte("id = \"x\"\nversion = 1\narea = [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "validate", "--lang", "en", path)
	if r.code != 1 || !strings.HasPrefix(r.stdout, path+":3: TOML syntax error") {
		t.Errorf("validate: %+v", r)
	}
	// One problem is one, not "1 problems".
	if !strings.Contains(r.stderr, "The checklists have 1 problem.") {
		t.Errorf("validate's count of problems: %q", r.stderr)
	}
	r = runCmd(t, "validate", "--lang", "da", filepath.Join("checklists", "testdata", "valid.toml"))
	if r.code != 0 || !strings.Contains(r.stdout, "1 fil er i orden.") {
		t.Errorf("validate valid file: %+v", r)
	}
}

func TestReportOfMissingAssessmentFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.pdf")
	// Child processes with the locale settings servers, CI machines and desktops have: stderr
	// and stdout must hold our one line and nothing from the GUI toolkit (Fyne logs an error
	// for a C.UTF-8 locale unless i18n/localeenv steps in).
	for _, env := range [][]string{
		{"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="},
		{"LC_ALL=C.UTF-8", "LANGUAGE="},
		{"LANG=da_DK.UTF-8", "LC_ALL=", "LC_MESSAGES=POSIX.UTF-8", "LANGUAGE="},
		{"LC_ALL=da_DK.UTF-8", "LANGUAGE=da"},
		{"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=en"},
	} {
		r := runChild(t, env,
			"report", "--assessment", "999999", "--lang", "en", "--out", out, "--db", filepath.Join(dir, "x.db"))
		if r.code != 1 {
			t.Fatalf("%v: exit %d, want 1: %+v", env, r.code, r)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || lines[0] != "Assessment 999999 does not exist." || r.stdout != "" {
			t.Errorf("%v: stderr should be one clear line and stdout empty, got %q and %q", env, r.stderr, r.stdout)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%v: a report file was written: %v", env, err)
		}
	}
}

func TestDemoWritesBothReports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	r := runCmd(t, "demo", "--db", db, "--out", dir, "--lang", "en")
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	if _, err := strconv.ParseInt(strings.TrimSpace(r.stdout), 10, 64); err != nil {
		t.Errorf("demo should print the assessment ID, printed %q", r.stdout)
	}
	// Headings and the footer's label are matched as whole lines: their words also occur in
	// prose ("Handlingsplanen samler …").
	headings := map[string][]string{
		"da": {"GDPR-rapport", "Sammenfatning", "Handlingsplan", "Fortroligt"},
		"en": {"GDPR report", "Summary", "Action plan", "Confidential"},
	}
	pageOf := map[string]string{"da": "Side 2 af", "en": "Page 2 of"}
	for lang, want := range headings {
		text := pdfText(t, filepath.Join(dir, "report-"+lang+".pdf"))
		lines := map[string]bool{}
		for _, line := range strings.Split(text, "\n") {
			lines[strings.TrimSpace(strings.Trim(line, "\f"))] = true
		}
		for _, h := range want {
			if !lines[h] {
				t.Errorf("report-%s.pdf lacks %q as a line of its own", lang, h)
			}
		}
		for _, s := range []string{pageOf[lang], "Æblegården ApS", "Søren Åkjær"} {
			if !strings.Contains(text, s) {
				t.Errorf("report-%s.pdf lacks %q", lang, s)
			}
		}
	}
	// The database and the reports hold personal data: readable by the user only.
	for _, name := range []string{"demo.db", "report-da.pdf", "report-en.pdf"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode: %v %v", name, info.Mode(), err)
		}
	}
}

func TestAnswerExportImportAndList(t *testing.T) {
	dir, db, id := demoDB(t)

	r := runCmd(t, "list", "--json", "--db", db)
	var listed []listedCompany
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &listed) != nil || len(listed) != 1 {
		t.Fatalf("list --json: %+v", r)
	}
	a := listed[0].Assessments[0]
	if a.Answered != a.Total || a.Total == 0 || a.Progress != 100 {
		t.Errorf("the demo should be fully answered: %+v", a)
	}

	r = runCmd(t, "answer", "--assessment", id, "--question", "no.such.question", "--value", "yes", "--db", db, "--lang", "en")
	if r.code != 1 || !strings.Contains(r.stderr, "no.such.question") {
		t.Errorf("answer to an unknown question: %+v", r)
	}

	exported := filepath.Join(dir, "export.json")
	if r := runCmd(t, "export", "--assessment", id, "--out", exported, "--db", db); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	other := filepath.Join(dir, "other.db")
	if info, err := os.Stat(exported); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("export mode: %v %v", info.Mode(), err)
	}
	r = runCmd(t, "import", exported, "--db", other)
	if r.code != 0 || strings.TrimSpace(r.stdout) == "" {
		t.Fatalf("import: %+v", r)
	}
	if r := runCmd(t, "import", exported, "--db", other, "--lang", "en"); r.code != 1 || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("second import without --replace: %+v", r)
	}
	if r := runCmd(t, "import", exported, "--db", other, "--replace"); r.code != 0 {
		t.Errorf("import --replace: %+v", r)
	}

	// One changed byte in the content is refused, and nothing is imported.
	data, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	altered := bytes.Replace(data, []byte("Søndergade 12"), []byte("Søndergade 13"), 1)
	if bytes.Equal(altered, data) {
		t.Fatal("the export does not hold the address")
	}
	alteredPath := filepath.Join(dir, "altered.json")
	if err := os.WriteFile(alteredPath, altered, 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.db")
	r = runCmd(t, "import", alteredPath, "--db", fresh, "--lang", "en")
	if r.code != 1 || !strings.Contains(r.stderr, "changed after export") {
		t.Errorf("altered import: %+v", r)
	}
	if r := runCmd(t, "list", "--json", "--db", fresh); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("the refused import left data behind: %s", r.stdout)
	}
}

// The partner's copy reads the same as the company's: demo → export → import into a new
// database → report gives the same text as the original's report.
func TestExportImportKeepsTheReport(t *testing.T) {
	dir := t.TempDir()
	db, other := filepath.Join(dir, "company.db"), filepath.Join(dir, "partner.db")
	r := runCmd(t, "demo", "--db", db, "--out", dir)
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	id := strings.TrimSpace(r.stdout)
	exchange := filepath.Join(dir, "æblegården.json")
	if r := runCmd(t, "export", "--assessment", id, "--out", exchange, "--db", db); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	r = runCmd(t, "import", exchange, "--db", other)
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	imported := strings.TrimSpace(r.stdout)
	for _, lang := range []string{"da", "en"} {
		a, b := filepath.Join(dir, "a-"+lang+".pdf"), filepath.Join(dir, "b-"+lang+".pdf")
		if r := runCmd(t, "report", "--assessment", id, "--lang", lang, "--out", a, "--db", db); r.code != 0 {
			t.Fatalf("report: %+v", r)
		}
		if r := runCmd(t, "report", "--assessment", imported, "--lang", lang, "--out", b, "--db", other); r.code != 0 {
			t.Fatalf("report of the import: %+v", r)
		}
		if ta, tb := pdfText(t, a), pdfText(t, b); ta != tb {
			t.Errorf("%s: the imported assessment's report differs from the original's", lang)
		}
	}
}

func TestReportSections(t *testing.T) {
	dir, db, id := demoDB(t)
	out := filepath.Join(dir, "plan.pdf")
	if r := runCmd(t, "report", "--db", db, "--assessment", id, "--lang", "da", "--out", out, "--sections", "summary,bilag"); r.code != 2 ||
		!strings.Contains(r.stderr, `Ukendt afsnit »bilag«`) {
		t.Errorf("an unknown section should be a usage error naming it: %+v", r)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a report was written despite the unknown section: %v", err)
	}
	if r := runCmd(t, "report", "--db", db, "--assessment", id, "--lang", "da", "--out", out, "--sections", "summary,actions"); r.code != 0 {
		t.Fatalf("report --sections: %+v", r)
	}
	headings := map[string]bool{}
	for _, line := range strings.Split(pdfText(t, out), "\n") {
		headings[strings.TrimSpace(strings.Trim(line, "\f"))] = true
	}
	for heading, want := range map[string]bool{"Sammenfatning": true, "Handlingsplan": true, "Bilag": false, "Resultater pr. område": false} {
		if headings[heading] != want {
			t.Errorf("heading %q in the report of summary and actions: %v, want %v", heading, headings[heading], want)
		}
	}
}

// demoDB makes the demo company in a new database in a test folder; it returns the folder, the
// database and the demo assessment's ID.
func demoDB(t *testing.T) (dir, db, id string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "demo.db")
	r := runCmd(t, "demo", "--db", db, "--out", dir)
	if r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	return dir, db, strings.TrimSpace(r.stdout)
}

// TestUnknownCommand: a word that is no command is named as such, with the list of commands,
// instead of reaching the desktop app's flags ("flag provided but not defined").
func TestUnknownCommand(t *testing.T) {
	r := runCmd(t, "recrods", "--assessment", "1", "--lang", "en")
	if r.code != 2 || !strings.Contains(r.stderr, "Unknown command: recrods. The commands are: ") ||
		!strings.Contains(r.stderr, "demo, ") || !strings.Contains(r.stderr, "report, ") || strings.Contains(r.stderr, "--help,") ||
		strings.Contains(r.stderr, "flag provided") {
		t.Errorf("unknown command: %+v", r)
	}
	r = runCmd(t, "rapport", "--lang", "da")
	if r.code != 2 || !strings.Contains(r.stderr, "Ukendt kommando: rapport.") {
		t.Errorf("unknown command in Danish: %+v", r)
	}
}

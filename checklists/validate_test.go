package checklists_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

func TestValidateBrokenFiles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "broken", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	in := func(name string) string { return filepath.Join("testdata", "broken", name) }
	want := []checklists.Problem{
		{File: in("bad-ref.toml"), Line: 13, ID: "checklist.bad_ref"},
		{File: in("condition.toml"), Line: 14, ID: "checklist.unknown_condition"},
		{File: in("cross-b.toml"), Line: 11, ID: "checklist.duplicate_question_id"},
		{File: in("duplicate.toml"), Line: 28, ID: "checklist.duplicate_question_id"},
		{File: in("empty-text.toml"), Line: 20, ID: "checklist.empty_text"},
		{File: in("latin1.toml"), Line: 6, ID: "checklist.not_utf8"},
		{File: in("missing-lang.toml"), Line: 15, ID: "checklist.missing_lang"},
		{File: in("no-questions.toml"), Line: 1, ID: "checklist.no_questions"},
		{File: in("syntax.toml"), Line: 10, ID: "checklist.syntax"},
		{File: in("unknown-key.toml"), Line: 14, ID: "checklist.unknown_key"},
		{File: in("weight.toml"), Line: 12, ID: "checklist.bad_weight"},
	}
	got := checklists.ValidateFiles(paths)
	key := func(p checklists.Problem) string { return p.File + ":" + p.ID }
	slices.SortFunc(got, func(a, b checklists.Problem) int { return strings.Compare(key(a), key(b)) })
	if len(got) != len(want) {
		for _, p := range got {
			t.Log(p.Message(i18n.New(i18n.English)))
		}
		t.Fatalf("got %d problems, want %d (one per broken file)", len(got), len(want))
	}
	for i := range want {
		if got[i].File != want[i].File || got[i].Line != want[i].Line || got[i].ID != want[i].ID {
			t.Errorf("problem %d: got %s:%d %s, want %s:%d %s", i, got[i].File, got[i].Line, got[i].ID,
				want[i].File, want[i].Line, want[i].ID)
		}
	}
}

func TestProblemMessageIsTranslated(t *testing.T) {
	p := checklists.Problem{File: "x.toml", Line: 7, ID: "checklist.bad_weight", Args: i18n.Args{"Question": "a.b", "Weight": 9}}
	if got := p.Message(i18n.New(i18n.Danish)); got != "x.toml:7: spørgsmål a.b: vægt skal være 1, 2 eller 3 (fandt 9)" {
		t.Errorf("Danish: %q", got)
	}
	if got := p.Message(i18n.New(i18n.English)); !strings.HasPrefix(got, "x.toml:7: question a.b: weight must be") {
		t.Errorf("English: %q", got)
	}
}

func TestValidCustomFileLoads(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "valid.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "own.toml"), src, 0o600); err != nil {
		t.Fatal(err)
	}
	if problems := checklists.ValidateFiles([]string{filepath.Join(dir, "own.toml")}); len(problems) != 0 {
		t.Fatalf("valid file has problems: %v", problems)
	}
	set, problems, err := checklists.Load(dir)
	if err != nil || len(problems) != 0 {
		t.Fatalf("Load: %v %v", problems, err)
	}
	c := set.Checklist("test-custom")
	if c == nil || c.Source != filepath.Join(dir, "own.toml") || c.Version != 2 || len(c.Questions) != 2 {
		t.Fatalf("custom checklist not loaded as written: %+v", c)
	}
	builtin, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if set.QuestionCount() != builtin.QuestionCount()+2 {
		t.Errorf("set has %d questions, want the %d built-in plus 2", set.QuestionCount(), builtin.QuestionCount())
	}
}

func TestBrokenCustomFileIsSkippedNotFatal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.toml"), []byte("id = \"x\"\nversion = \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	set, problems, err := checklists.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 2 || problems[0].ID != "checklist.syntax" {
		t.Fatalf("problems: %+v", problems)
	}
	if set.Checklist("x") != nil {
		t.Error("the broken checklist was loaded")
	}
}

func TestMissingCustomFolderIsFine(t *testing.T) {
	if _, problems, err := checklists.Load(filepath.Join(t.TempDir(), "none")); err != nil || len(problems) != 0 {
		t.Fatalf("Load of a missing folder: %v %v", problems, err)
	}
}

// A custom file cannot replace a built-in checklist: one with a built-in's ID is refused by
// Load and by validate alike, at the line of its id, and the built-in stays, once. (A copy of
// governance.toml in the folder used to load beside the built-in: the scope grew by its 16
// questions, and one "no" counted as two gaps.)
func TestCustomFileWithBuiltinIDIsRefused(t *testing.T) {
	builtin, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("data", "governance.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// A consultant's edited copy: a comment on top moves the id off the line it had.
	data = append([]byte("# Vores udgave af governance\n\n"), data...)
	idLine := 0
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "id = ") {
			idLine = i + 1
			break
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "governance.toml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want := checklists.Problem{File: path, Line: idLine, ID: "checklist.builtin_list_id"}
	check := func(who string, problems []checklists.Problem) {
		t.Helper()
		if len(problems) != 1 || problems[0].File != want.File || problems[0].Line != want.Line || problems[0].ID != want.ID {
			for _, p := range problems {
				t.Log(p.Message(i18n.New(i18n.English)))
			}
			t.Fatalf("%s: %d problems, want exactly %s:%d %s", who, len(problems), want.File, want.Line, want.ID)
		}
	}

	set, problems, err := checklists.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	check("Load", problems)
	if got := problems[0].Message(i18n.New(i18n.Danish)); !strings.HasPrefix(got, fmt.Sprintf("%s:%d: tjekliste-id »governance« tilhører en indbygget", path, idLine)) {
		t.Errorf("Danish message: %q", got)
	}
	if got, want := len(set.Scope(nil)), len(builtin.Scope(nil)); got != want {
		t.Errorf("the scope has %d questions, want the built-ins' %d", got, want)
	}
	if c := set.Checklist("governance"); c == nil || c.Source != checklists.Builtin {
		t.Errorf("governance should be the built-in: %+v", c)
	}
	check("validate", checklists.ValidateFiles([]string{path}))

	// With an ID of its own (and its questions' IDs) the edited copy loads beside the built-in.
	own := strings.ReplaceAll(string(data), `"governance`, `"own-governance`)
	if err := os.WriteFile(path, []byte(own), 0o600); err != nil {
		t.Fatal(err)
	}
	set, problems, err = checklists.Load(dir)
	if err != nil || len(problems) != 0 {
		t.Fatalf("Load of the renamed copy: %v %v", problems, err)
	}
	if got, want := len(set.Scope(nil)), len(builtin.Scope(nil))+len(builtin.Checklist("governance").Questions); got != want {
		t.Errorf("with the renamed copy the scope has %d questions, want %d", got, want)
	}
}

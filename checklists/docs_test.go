package checklists_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The example in docs/checklist-format.md is what consultants copy; it must stay valid.
func TestDocumentedExampleValidates(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "checklist-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no ```toml block in docs/checklist-format.md")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "example.toml")
	if err := os.WriteFile(path, []byte(example), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range checklists.ValidateFiles([]string{path}) {
		t.Error(p.Message(i18n.New(i18n.English)))
	}
	set, problems, err := checklists.Load(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Load: %v %v", problems, err)
	}
	c := set.Checklist("own-cctv")
	if c == nil || len(c.Questions) != 2 || !c.Questions[1].HasPartnerAction() {
		t.Fatalf("the example did not load as documented: %+v", c)
	}
	// Every key the model knows is shown in the example, so the page documents them all.
	for _, key := range []string{"id =", "version =", "area =", "order =", "applies_when =", "[title]", "[description]",
		"[[questions]]", "weight =", "refs =", "[questions.text]", "[questions.guidance]", "[questions.remediation]",
		"[questions.partner_action]"} {
		if !strings.Contains(example, key) {
			t.Errorf("the example lacks %q", key)
		}
	}
}

// docs/checklist-sources.md has a line for every built-in question, and every source key used
// in those lines is defined in the page's list of source documents.
func TestEveryQuestionHasASourceLine(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "checklist-sources.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	defined := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if key, ok := strings.CutPrefix(line, "- **"); ok {
			if k, _, ok := strings.Cut(key, "**"); ok {
				defined[k] = true
			}
		}
	}
	lines := map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		if id, ok := strings.CutPrefix(line, "| `"); ok {
			if id, _, ok := strings.Cut(id, "`"); ok {
				lines[id] = strings.Split(line, "|")
			}
		}
	}
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			cells, ok := lines[q.ID]
			if !ok {
				t.Errorf("%s: no source line in docs/checklist-sources.md", q.ID)
				continue
			}
			// | id | refs | sources | edition | reviewed |
			if len(cells) < 7 || strings.TrimSpace(cells[3]) == "" || strings.TrimSpace(cells[5]) == "" {
				t.Errorf("%s: source line without sources or review date: %q", q.ID, strings.Join(cells, "|"))
				continue
			}
			for _, key := range strings.Split(cells[3], ",") {
				if key = strings.TrimSpace(key); !defined[key] {
					t.Errorf("%s: source key %q is not in the list of source documents", q.ID, key)
				}
			}
		}
	}
}

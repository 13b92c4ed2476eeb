package checklists_test

import (
	"os"
	"path/filepath"
	"regexp"
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

// docs/checklist-sources.md has a line for every built-in question, with its sources and the date
// they were read. Two table layouts are in use: the per-question table of the first edition's
// checklists (| `id` | refs | source keys | edition | date |), whose source keys must be defined
// in the page's list of source documents, and a checklist's own table (| id | sources | date |).
func TestEveryQuestionHasASourceLine(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "checklist-sources.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	defined := map[string]bool{}
	rows := map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		if key, ok := strings.CutPrefix(line, "- **"); ok {
			if k, _, ok := strings.Cut(key, "**"); ok {
				defined[k] = true
			}
		}
		cells := strings.Split(line, "|")
		if len(cells) < 5 || strings.TrimSpace(cells[0]) != "" {
			continue
		}
		id := strings.Trim(strings.TrimSpace(cells[1]), "`")
		rows[id] = cells
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			cells, ok := rows[q.ID]
			if !ok {
				t.Errorf("%s: no source line in docs/checklist-sources.md", q.ID)
				continue
			}
			sources, read := cells[2], cells[len(cells)-2]
			if len(cells) == 7 {
				sources = cells[3]
				for _, key := range strings.Split(sources, ",") {
					if key = strings.TrimSpace(key); !defined[key] {
						t.Errorf("%s: source key %q is not in the list of source documents", q.ID, key)
					}
				}
			}
			if strings.TrimSpace(sources) == "" || !date.MatchString(strings.TrimSpace(read)) {
				t.Errorf("%s: source line without sources or date read: %q", q.ID, strings.Join(cells, "|"))
			}
		}
	}
}

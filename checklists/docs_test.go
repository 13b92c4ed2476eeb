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

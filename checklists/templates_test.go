package checklists

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gdprtjek/i18n"
)

func TestBuiltinTemplates(t *testing.T) {
	ts, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	payroll := TemplateFor(ts, "payroll", "danloen")
	if payroll == nil || payroll.ID != "payroll" {
		t.Fatalf("payroll template for Danløn: %+v", payroll)
	}
	a := payroll.Activities[0]
	for _, d := range []string{"cpr", "bank_account", "salary", "tax", "absence"} {
		if !slices.Contains(a.Data, d) {
			t.Errorf("payroll data lacks %s", d)
		}
	}
	for _, b := range []string{"art6_1_b", "art6_1_c", "dbl_11", "dbl_12"} {
		if !slices.Contains(a.Bases, b) {
			t.Errorf("payroll bases lack %s", b)
		}
	}
	if a.RetentionMonths != 60 || a.RetentionTrigger != "financial_year_end" || !slices.Equal(a.Subjects[:1], []string{"employees"}) {
		t.Errorf("payroll retention %d %s, subjects %v", a.RetentionMonths, a.RetentionTrigger, a.Subjects)
	}
	if got := TemplateFor(ts, "erp", "business-central"); got == nil || got.ID != "business-central" {
		t.Errorf("Business Central should get its product template, got %+v", got)
	}
	if got := TemplateFor(ts, "erp", "uniconta"); got == nil || got.ID != "erp" {
		t.Errorf("Uniconta should get the ERP template, got %+v", got)
	}
	if got := TemplateFor(ts, "other", "custom"); got != nil {
		t.Errorf("no template for kind other, got %s", got.ID)
	}
}

func TestTemplateProblems(t *testing.T) {
	dir := t.TempDir()
	bad := `id = "løn"
kind = "payroll"
colour = "red"

[title]
da = "Løn"

[[activities]]
subjects = ["employees", "pets"]
bases = ["art6_1_g"]
transfer = "none"
transfer_basis = "scc"
retention_months = 5000

[activities.purpose]
da = "Løn"
en = "Løn"
`
	path := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	// A copy of a built-in stands in for it; a second copy in the same run is a duplicate.
	ok, err := templateFiles.ReadFile("data/templates/crm.toml")
	if err != nil {
		t.Fatal(err)
	}
	copy1, dup := filepath.Join(dir, "crm.toml"), filepath.Join(dir, "dup.toml")
	for _, p := range []string{copy1, dup} {
		if err := os.WriteFile(p, ok, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	loc := i18n.New(i18n.English)
	var got []string
	for _, p := range ValidateTemplateFiles([]string{path, copy1, dup}) {
		got = append(got, p.Message(loc))
	}
	want := []string{
		path + ":3: unknown key \"colour\"",
		path + ":1: ",                            // bad ID
		path + ":5: title lacks the language en", // missing language
		path + ":9: unknown value \"pets\" in subjects",
		path + ":10: unknown value \"art6_1_g\" in bases",
		path + ":13: unknown value \"5000\" in retention_months",
		path + ":12: transfer_basis is given",
		path + ":15: the purpose is the same",
		dup + ":2: the template crm already exists in " + copy1,
	}
	all := strings.Join(got, "\n")
	if strings.Contains(all, copy1+":") {
		t.Errorf("a copy of a built-in template is reported:\n%s", all)
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing problem %q in:\n%s", w, all)
		}
	}
}

// The example in docs/datamap-templates.md is what consultants copy; it must stay valid and
// show every key.
func TestDocumentedTemplateExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "datamap-templates.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```toml\n")
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("no ```toml block")
	}
	path := filepath.Join(t.TempDir(), "example.toml")
	if err := os.WriteFile(path, []byte(example), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range ValidateTemplateFiles([]string{path}) {
		t.Error(p.Message(i18n.New(i18n.English)))
	}
	for _, key := range []string{"id =", "kind =", "[title]", "[[activities]]", "subjects =", "data =", "bases =",
		"transfer =", "retention_months =", "retention_trigger =", "retention_action =", "[activities.purpose]",
		"[activities.recipients]", "[activities.retention_owner]", "[activities.security]"} {
		if !strings.Contains(example, key) {
			t.Errorf("the example lacks %q", key)
		}
	}
	// Every vocabulary key is documented.
	for _, list := range [][]string{SubjectCategories, DataCategoryKeys(), Transfers, TransferBases, RetentionTriggers, RetentionActions} {
		for _, k := range list {
			if !strings.Contains(string(doc), "`"+k+"`") {
				t.Errorf("docs/datamap-templates.md does not name %q", k)
			}
		}
	}
}

package checklists

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"gdprtjek/i18n"
)

// A data-map template gives a system of a kind (or a product) the processing activities such
// systems usually have, so that the user edits rather than types. docs/datamap-templates.md
// documents the format.

//go:embed data/templates/*.toml
var templateFiles embed.FS

// Template is the starting data map for a system kind or product.
type Template struct {
	ID         string             `toml:"id"`
	Kind       string             `toml:"kind"`
	Products   []string           `toml:"products"` // empty: every product of the kind
	Title      Text               `toml:"title"`
	Activities []TemplateActivity `toml:"activities"`
	Source     string             `toml:"-"`
}

// TemplateActivity is one processing activity in a template; see assessment.Activity.
type TemplateActivity struct {
	Purpose          Text     `toml:"purpose"`
	Subjects         []string `toml:"subjects"`
	Data             []string `toml:"data"`
	Bases            []string `toml:"bases"`
	Recipients       Text     `toml:"recipients"`
	Transfer         string   `toml:"transfer"`
	TransferBasis    string   `toml:"transfer_basis"`
	RetentionMonths  int      `toml:"retention_months"`
	RetentionTrigger string   `toml:"retention_trigger"`
	RetentionAction  string   `toml:"retention_action"`
	RetentionOwner   Text     `toml:"retention_owner"`
	Security         Text     `toml:"security"`
}

var builtinTemplates = sync.OnceValues(func() ([]*Template, error) {
	ts, problems := parseTemplatesFS(templateFiles, "data/templates")
	if len(problems) > 0 {
		// The built-ins are checked by the package's tests; reaching this is a build defect.
		return nil, fmt.Errorf("built-in data-map templates: %s", problems[0].Message(i18n.New(i18n.English)))
	}
	return ts, nil
})

// Templates returns the built-in data-map templates.
func Templates() ([]*Template, error) { return builtinTemplates() }

// TemplateFor returns the template for a system: one naming its product, else one for its
// kind that names no product; nil when there is none.
func TemplateFor(ts []*Template, kind, product string) *Template {
	var byKind *Template
	for _, t := range ts {
		if t.Kind != kind {
			continue
		}
		if slices.Contains(t.Products, product) {
			return t
		}
		if len(t.Products) == 0 && byKind == nil {
			byKind = t
		}
	}
	return byKind
}

// ValidateTemplateFiles checks data-map template files as a consultant writes them, each on
// its own and their IDs across them. As with checklists, a file may stand in for the built-in
// template of the same ID (when editing a copy of one), so built-in IDs are no duplicates.
func ValidateTemplateFiles(paths []string) []Problem {
	var problems []Problem
	seen := map[string]string{}
	for _, path := range paths {
		data, p := readLimited(path)
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		t, loc, ps := parseTemplate(path, data)
		problems = append(problems, ps...)
		if t == nil {
			continue
		}
		if other, dup := seen[t.ID]; dup {
			problems = append(problems, Problem{File: path, Line: loc.line("id"), ID: "datamap.template_duplicate_id",
				Args: i18n.Args{"ID": t.ID, "Other": other}})
		} else {
			seen[t.ID] = path
		}
	}
	return problems
}

func parseTemplatesFS(fsys fs.FS, dir string) ([]*Template, []Problem) {
	names, err := fs.Glob(fsys, dir+"/*.toml")
	if err != nil {
		return nil, []Problem{*readFailed(dir, err)}
	}
	var out []*Template
	var problems []Problem
	seen := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, *readFailed(name, err))
			continue
		}
		t, loc, ps := parseTemplate(name, data)
		problems = append(problems, ps...)
		if t == nil {
			continue
		}
		if other, dup := seen[t.ID]; dup {
			problems = append(problems, Problem{File: name, Line: loc.line("id"), ID: "datamap.template_duplicate_id",
				Args: i18n.Args{"ID": t.ID, "Other": other}})
			continue
		}
		seen[t.ID] = name
		out = append(out, t)
	}
	return out, problems
}

// parseTemplate decodes and checks one template file; nil when it could not be decoded.
func parseTemplate(file string, data []byte) (*Template, *locator, []Problem) {
	var t Template
	v, problems := decodeFile(file, data, &t)
	if v == nil {
		return nil, nil, problems
	}
	t.Source = file
	v.template(&t)
	return &t, v.loc, v.problems
}

func (v *fileCheck) template(t *Template) {
	if !listIDPattern.MatchString(t.ID) {
		v.add(v.loc.line("id"), "checklist.bad_list_id", i18n.Args{"ID": t.ID})
	}
	if !slices.Contains(SystemKinds, t.Kind) {
		v.add(v.loc.line("kind"), "datamap.template_bad_value", i18n.Args{"Field": "kind", "Value": t.Kind})
	}
	for _, p := range t.Products {
		if !slices.Contains(Products, p) {
			v.add(v.loc.line("products"), "datamap.template_bad_value", i18n.Args{"Field": "products", "Value": p})
		}
	}
	v.text("title", "", t.Title, true)
	if len(t.Activities) == 0 {
		v.add(1, "datamap.template_no_activities", nil)
	}
	for i := range t.Activities {
		v.templateActivity(i, &t.Activities[i])
	}
}

func (v *fileCheck) templateActivity(i int, a *TemplateActivity) {
	prefix := fmt.Sprintf("activities[%d]", i)
	line := func(field string) int { return v.loc.line(prefix+"."+field, prefix) }
	v.text(prefix+".purpose", "", a.Purpose, true)
	v.text(prefix+".recipients", "", a.Recipients, false)
	v.text(prefix+".retention_owner", "", a.RetentionOwner, false)
	v.text(prefix+".security", "", a.Security, false)
	for _, l := range []struct {
		field  string
		values []string
		known  []string
	}{
		{"subjects", a.Subjects, SubjectCategories},
		{"data", a.Data, DataCategoryKeys()},
		{"bases", a.Bases, LegalBases},
	} {
		for _, val := range l.values {
			if !slices.Contains(l.known, val) {
				v.add(line(l.field), "datamap.template_bad_value", i18n.Args{"Field": l.field, "Value": val})
			}
		}
	}
	for _, f := range []struct {
		field, value string
		known        []string
	}{
		{"transfer", a.Transfer, Transfers},
		{"transfer_basis", a.TransferBasis, TransferBases},
		{"retention_trigger", a.RetentionTrigger, RetentionTriggers},
		{"retention_action", a.RetentionAction, RetentionActions},
	} {
		if f.value != "" && !slices.Contains(f.known, f.value) {
			v.add(line(f.field), "datamap.template_bad_value", i18n.Args{"Field": f.field, "Value": f.value})
		}
	}
	if a.RetentionMonths < 0 || a.RetentionMonths > MaxRetentionMonths {
		v.add(line("retention_months"), "datamap.template_bad_value",
			i18n.Args{"Field": "retention_months", "Value": fmt.Sprint(a.RetentionMonths)})
	}
	if a.Transfer == TransferNone && a.TransferBasis != "" {
		v.add(line("transfer_basis"), "datamap.template_basis_without_transfer", nil)
	}
	if strings.TrimSpace(a.Purpose.DA) != "" && strings.TrimSpace(a.Purpose.DA) == strings.TrimSpace(a.Purpose.EN) {
		v.add(line("purpose"), "datamap.template_same_text", nil)
	}
}

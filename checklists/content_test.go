package checklists_test

import (
	"regexp"
	"strings"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The built-in content is the product's substance; these tests hold it to the bar the
// checklists issue sets.

func builtin(t *testing.T) *checklists.Set {
	t.Helper()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestBuiltinCoverage(t *testing.T) {
	set := builtin(t)
	if n := len(set.Areas()); n < 12 {
		t.Errorf("%d areas, want at least 12", n)
	}
	if n := set.QuestionCount(); n < 160 {
		t.Errorf("%d questions, want at least 160", n)
	}
	for _, area := range set.Areas() {
		n := 0
		for _, c := range area.Lists {
			n += len(c.Questions)
		}
		if n < 8 {
			t.Errorf("area %s has %d questions, want at least 8", area.ID, n)
		}
	}
	for _, id := range []string{"governance", "lawful-basis", "marketing", "retention", "rights", "security",
		"breaches", "payroll", "purchasing", "hr", "erp", "vendors"} {
		if set.Checklist(id) == nil {
			t.Errorf("no built-in checklist %q", id)
		}
	}
}

// Well-formed locators after each source: "GDPR art. 30(5)", "Databeskyttelsesloven §11, stk. 2".
// An act whose section could not be confirmed on its text is cited by subject instead
// ("Bogføringsloven regler om opbevaring af regnskabsmateriale"), so as to claim no section.
var locators = map[string]*regexp.Regexp{
	"GDPR":  regexp.MustCompile(`^art\. \d+(\(\d+\))?(\([a-z]\))?(–\d+)?$`),
	"act":   regexp.MustCompile(`^(§ ?\d+[a-z]?(, stk\. \d+)?(–\d+)?(, nr\. \d+)?|regler om [a-zæøå][a-zæøå -]*[a-zæøå])$`),
	"other": regexp.MustCompile(`^\S.*$`),
}

func TestBuiltinQuestionsComplete(t *testing.T) {
	set := builtin(t)
	seen := map[string]bool{}
	for _, c := range set.Checklists {
		if c.Source != checklists.Builtin {
			continue
		}
		for _, q := range c.Questions {
			if seen[q.ID] {
				t.Errorf("%s: duplicate question id", q.ID)
			}
			seen[q.ID] = true
			if !strings.HasPrefix(q.ID, c.ID+".") {
				t.Errorf("%s: id should start with its checklist's id %q", q.ID, c.ID)
			}
			for name, text := range map[string]checklists.Text{"text": q.Text, "guidance": q.Guidance, "remediation": q.Remediation} {
				for _, lang := range i18n.Langs {
					if strings.TrimSpace(text.In(lang)) == "" {
						t.Errorf("%s: %s.%s is empty", q.ID, name, lang)
					}
				}
			}
			if q.Text.DA == q.Text.EN {
				t.Errorf("%s: Danish and English text are identical", q.ID)
			}
			if !strings.HasSuffix(strings.TrimSpace(q.Text.DA), "?") || !strings.HasSuffix(strings.TrimSpace(q.Text.EN), "?") {
				t.Errorf("%s: the question text should end with a question mark in both languages", q.ID)
			}
			if q.HasPartnerAction() && (q.PartnerAction.DA == "" || q.PartnerAction.EN == "") {
				t.Errorf("%s: partner action in one language only", q.ID)
			}
			if q.Weight < 1 || q.Weight > 3 {
				t.Errorf("%s: weight %d", q.ID, q.Weight)
			}
			if len(q.Refs) == 0 {
				t.Errorf("%s: no legal reference", q.ID)
			}
			for _, ref := range q.Refs {
				checkRef(t, q.ID, ref)
			}
		}
	}
}

func checkRef(t *testing.T, question, ref string) {
	t.Helper()
	source := checklists.RefSource(ref)
	if source == "" {
		t.Errorf("%s: reference %q cites no known source", question, ref)
		return
	}
	locator := strings.TrimPrefix(ref, source+" ")
	pattern := locators["other"]
	switch source {
	case "GDPR", "AI-forordningen":
		pattern = locators["GDPR"]
	case "Databeskyttelsesloven", "Markedsføringsloven", "Bogføringsloven", "Ansættelsesbevisloven", "Forældelsesloven",
		"Helbredsoplysningsloven", "Arbejdstidsloven", "Whistleblowerloven", "Børneattestloven":
		pattern = locators["act"]
	}
	if !pattern.MatchString(locator) {
		t.Errorf("%s: reference %q is not well-formed (locator %q)", question, ref, locator)
	}
}

// Danish text written without æ, ø and å ("ae", "oe", "aa") reads as a foreign keyboard.
func TestBuiltinDanishUsesDanishLetters(t *testing.T) {
	set := builtin(t)
	letters := 0
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			letters += strings.Count(q.Text.DA+q.Guidance.DA, "æ") + strings.Count(q.Text.DA+q.Guidance.DA, "ø") +
				strings.Count(q.Text.DA+q.Guidance.DA, "å")
		}
	}
	if letters < set.QuestionCount() {
		t.Errorf("only %d of æ, ø, å in %d Danish questions and guidance texts", letters, set.QuestionCount())
	}
}

func TestProductQuestionsScopedByProduct(t *testing.T) {
	set := builtin(t)
	for _, product := range []string{"netsuite", "business-central", "sap-b1", "economic", "uniconta"} {
		facts := checklists.Facts{"system:erp": true}
		without, with := 0, 0
		for _, sc := range set.Scope(facts) {
			if sc.Applies {
				without++
			}
		}
		facts[checklists.ProductCondition(product)] = true
		for _, sc := range set.Scope(facts) {
			if sc.Applies {
				with++
			}
		}
		if with-without < 2 {
			t.Errorf("%s in the inventory adds %d questions, want at least 2 product-specific ones", product, with-without)
		}
	}
}

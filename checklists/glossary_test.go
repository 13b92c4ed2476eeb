package checklists_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"gdprtjek/checklists"
)

// The built-in checklists speak Datatilsynet's Danish: one term per concept, the same in every
// question, and the company addressed as I/jeres. glossary.toml lists the terms.

type glossaryTerm struct {
	DA      string   `toml:"da"`
	EN      string   `toml:"en"`
	Avoid   []string `toml:"avoid"`
	AvoidEN []string `toml:"avoid_en"`
	Paired  bool     `toml:"paired"`
	// ExceptEN are English phrases that contain EN but name another concept.
	ExceptEN []string `toml:"except_en"`
}

func loadGlossary(t *testing.T) []glossaryTerm {
	t.Helper()
	var g struct {
		Term []glossaryTerm `toml:"term"`
	}
	md, err := toml.DecodeFile("glossary.toml", &g)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Fatalf("glossary.toml: unknown keys %v", undecoded)
	}
	return g.Term
}

// wholeWord matches word with no letter or digit right before or after it, ignoring case, so
// that "persondata" does not match "persondatasikkerheden".
func wholeWord(word string) *regexp.Regexp {
	if re, ok := wordPatterns[word]; ok {
		return re
	}
	re := regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(word) + `($|[^\p{L}\p{N}])`)
	wordPatterns[word] = re
	return re
}

var wordPatterns = map[string]*regexp.Regexp{}

type textField struct {
	where  string
	da, en string
}

func builtinTexts(t *testing.T) []textField {
	t.Helper()
	var out []textField
	for _, c := range builtin(t).Checklists {
		if c.Source != checklists.Builtin {
			continue
		}
		out = append(out, textField{c.ID + ".title", c.Title.DA, c.Title.EN},
			textField{c.ID + ".description", c.Description.DA, c.Description.EN})
		for _, q := range c.Questions {
			for name, text := range map[string]checklists.Text{"text": q.Text, "guidance": q.Guidance,
				"remediation": q.Remediation, "partner_action": q.PartnerAction} {
				out = append(out, textField{q.ID + "." + name, text.DA, text.EN})
			}
		}
	}
	return out
}

// glossaryViolations returns what a Danish/English pair of texts does wrong against the glossary.
func glossaryViolations(terms []glossaryTerm, da, en string) []string {
	var out []string
	for _, term := range terms {
		for _, v := range term.Avoid {
			if wholeWord(v).MatchString(da) {
				out = append(out, "uses "+v+" for "+term.DA)
			}
		}
		for _, v := range term.AvoidEN {
			if wholeWord(v).MatchString(en) {
				out = append(out, "uses "+v+" for "+term.EN)
			}
		}
		enLower := strings.ToLower(en)
		for _, e := range term.ExceptEN {
			enLower = strings.ReplaceAll(enLower, strings.ToLower(e), "")
		}
		if term.Paired && strings.Contains(enLower, strings.ToLower(term.EN)) &&
			!strings.Contains(strings.ToLower(da), strings.ToLower(term.DA)) {
			out = append(out, "says "+term.EN+" in English but not "+term.DA+" in Danish")
		}
	}
	return out
}

func TestGlossaryWellFormed(t *testing.T) {
	terms := loadGlossary(t)
	if len(terms) < 10 {
		t.Fatalf("%d glossary terms, want at least 10", len(terms))
	}
	for _, term := range terms {
		if term.DA == "" || term.EN == "" || len(term.Avoid) == 0 {
			t.Errorf("term %+v: da, en and avoid are required", term)
		}
		for _, v := range term.Avoid {
			if wholeWord(v).MatchString(term.DA) {
				t.Errorf("term %q avoids itself (%q)", term.DA, v)
			}
		}
	}
}

// The check itself must catch what it is for: a banned variant, a variant inside a longer
// hyphenated word, and an English term without its Danish partner; and it must let through
// Datatilsynet's own compound "persondatasikkerheden".
func TestGlossaryCatchesVariants(t *testing.T) {
	terms := loadGlossary(t)
	for _, c := range []struct {
		da, en string
		bad    bool
	}{
		{"Slå to-faktor-login til for alle brugere.", "Switch on two-factor login for all users.", true},
		{"Brug f.eks. en app.", "Use an app, for example.", true},
		{"Kan du se loggen?", "Can you see the log?", true},
		{"Slå totrinslogin til.", "Switch on two-step verification.", true},
		{"Slå login med kode til.", "Switch on two-factor login.", true},
		{"Et brud på persondatasikkerheden skal anmeldes.", "A personal data breach must be notified.", false},
		{"Slå totrinslogin til, fx med en app.", "Switch on two-factor login, for example with an app.", false},
	} {
		if got := glossaryViolations(terms, c.da, c.en); (len(got) > 0) != c.bad {
			t.Errorf("%q / %q: violations %v, want bad=%v", c.da, c.en, got, c.bad)
		}
	}
}

func TestBuiltinTerminology(t *testing.T) {
	terms := loadGlossary(t)
	for _, f := range builtinTexts(t) {
		for _, v := range glossaryViolations(terms, f.da, f.en) {
			t.Errorf("%s %s", f.where, v)
		}
	}
}

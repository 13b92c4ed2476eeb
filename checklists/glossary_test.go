package checklists_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The built-in checklists speak Datatilsynet's Danish: one term per concept, the same in every
// question, and the company addressed as I/jeres. glossary.toml lists the terms.

type glossaryTerm struct {
	DA        string   `toml:"da"`
	EN        string   `toml:"en"`
	Avoid     []string `toml:"avoid"`
	AvoidCase []string `toml:"avoid_case"`
	AvoidEN   []string `toml:"avoid_en"`
	Paired    bool     `toml:"paired"`
	// ExceptEN are English phrases that contain EN but name another concept.
	ExceptEN []string `toml:"except_en"`
	// Scope is "checklists", "catalogue" or empty for both.
	Scope string `toml:"scope"`
}

type glossary struct {
	Term    []glossaryTerm `toml:"term"`
	English struct {
		Banned      []string `toml:"banned"`
		Allow       []string `toml:"allow"`
		CLIMessages []string `toml:"cli_messages"`
	} `toml:"english"`
	Explain struct {
		Terms []string `toml:"terms"`
	} `toml:"explain"`
	Heading struct {
		DA       string   `toml:"da"`
		Messages []string `toml:"messages"`
	} `toml:"heading"`
	Quotes struct {
		Avoid []string `toml:"avoid"`
	} `toml:"quotes"`
	Comma struct {
		Verbs   []string `toml:"verbs"`
		Clauses []string `toml:"clauses"`
	} `toml:"comma"`
}

func loadFullGlossary(t *testing.T) glossary {
	t.Helper()
	var g glossary
	md, err := toml.DecodeFile("glossary.toml", &g)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Fatalf("glossary.toml: unknown keys %v", undecoded)
	}
	return g
}

// loadGlossary returns the terms that hold where scope is ("checklists" or "catalogue").
func loadGlossary(t *testing.T, scope ...string) []glossaryTerm {
	t.Helper()
	where := "checklists"
	if len(scope) > 0 {
		where = scope[0]
	}
	var out []glossaryTerm
	for _, term := range loadFullGlossary(t).Term {
		if term.Scope == "" || term.Scope == where {
			out = append(out, term)
		}
	}
	return out
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

// caseWord is wholeWord with case kept: "SMS" matches, "sms" does not.
func caseWord(word string) *regexp.Regexp {
	if re, ok := casePatterns[word]; ok {
		return re
	}
	re := regexp.MustCompile(`(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(word) + `($|[^\p{L}\p{N}'])`)
	casePatterns[word] = re
	return re
}

var casePatterns = map[string]*regexp.Regexp{}

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
		for _, v := range term.AvoidCase {
			if caseWord(v).MatchString(da) {
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
	terms := loadFullGlossary(t).Term
	if len(terms) < 10 {
		t.Fatalf("%d glossary terms, want at least 10", len(terms))
	}
	for _, term := range terms {
		if term.DA == "" || term.EN == "" || len(term.Avoid)+len(term.AvoidCase) == 0 {
			t.Errorf("term %+v: da, en and avoid are required", term)
		}
		if term.Scope != "" && term.Scope != "checklists" && term.Scope != "catalogue" {
			t.Errorf("term %q: scope %q is neither checklists nor catalogue", term.DA, term.Scope)
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

// danishCatalogue returns the app's Danish messages by ID; a plural message gives one entry per
// form ("id.one", "id.other").
func danishCatalogue(t *testing.T) map[string]string {
	t.Helper()
	raw, err := i18n.MessageFile(i18n.Danish)
	if err != nil {
		t.Fatal(err)
	}
	var msgs map[string]any
	if err := toml.Unmarshal(raw, &msgs); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for id, v := range msgs {
		switch v := v.(type) {
		case string:
			out[id] = v
		case map[string]any:
			for form, text := range v {
				if s, ok := text.(string); ok {
					out[id+"."+form] = s
				}
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d Danish messages read", len(out))
	}
	return out
}

// danishViolations returns what one Danish text does wrong beyond the terms: English words,
// English terms left without a Danish explanation, and quotation marks other than »…«.
func danishViolations(g glossary, da string) []string {
	var out []string
	text := da
	for _, a := range g.English.Allow {
		text = strings.ReplaceAll(text, a, "")
	}
	for _, w := range g.English.Banned {
		if wholeWord(w).MatchString(text) {
			out = append(out, "English word "+w)
		}
	}
	for _, q := range g.Quotes.Avoid {
		if strings.Contains(da, q) {
			out = append(out, "quotation mark "+q+" (use »…«)")
		}
	}
	if m := sectionNoSpace.FindString(da); m != "" {
		out = append(out, m+" (Danish writes § with a space: § 7)")
	}
	if m := englishArticle.FindString(da); m != "" {
		out = append(out, m+" (Danish cites artikel 6, stk. 1, litra f)")
	}
	for _, v := range g.Comma.Verbs {
		for _, c := range g.Comma.Clauses {
			if caseWord(v + " " + c).MatchString(da) {
				out = append(out, "»"+v+" "+c+"« lacks the comma before the clause")
			}
		}
	}
	return out
}

var (
	sectionNoSpace = regexp.MustCompile(`§\d+`)
	englishArticle = regexp.MustCompile(`\b(art\.|artikel) ?\d+\(\w+\)`)
)

// explainedFirst checks that the first mention of each English term in texts (in reading
// order) is bracketed after a Danish word: "fælles login (single sign-on)".
func explainedFirst(g glossary, texts []string) []string {
	var out []string
	for _, term := range g.Explain.Terms {
		for _, s := range texts {
			i := strings.Index(strings.ToLower(s), strings.ToLower(term))
			if i < 0 {
				continue
			}
			if i == 0 || s[i-1] != '(' || !strings.HasPrefix(s[i+len(term):], ")") {
				out = append(out, term+" first used without a Danish word before it: "+s)
			}
			break
		}
	}
	return out
}

var (
	placeholder = regexp.MustCompile(`{{[^}]*}}`)
	// Command-line syntax: flags, environment variables and value lists such as
	// yes|partly|no or summary,systems.
	cliSyntax = regexp.MustCompile(`--[\w-]+|\b[A-Z]+_[A-Z_]+\b|\S+[|,]\S+`)
)

// catalogueText is the Danish a user reads in a message: placeholders (their names are
// English identifiers) taken out, and in a command-line message the flags and values too.
func catalogueText(g glossary, id, da string) string {
	da = placeholder.ReplaceAllString(da, "")
	base, _, _ := strings.Cut(id, ".one")
	base, _, _ = strings.Cut(base, ".other")
	if slices.Contains(g.English.CLIMessages, base) {
		da = cliSyntax.ReplaceAllString(da, "")
	}
	return da
}

func TestDanishCatalogueTerminology(t *testing.T) {
	g := loadFullGlossary(t)
	terms := loadGlossary(t, "catalogue")
	msgs := danishCatalogue(t)
	for id, raw := range msgs {
		da := catalogueText(g, id, raw)
		for _, v := range glossaryViolations(terms, da, "") {
			t.Errorf("i18n %s %s", id, v)
		}
		for _, v := range danishViolations(g, da) {
			t.Errorf("i18n %s: %s", id, v)
		}
		for _, v := range explainedFirst(g, []string{da}) {
			t.Errorf("i18n %s: %s", id, v)
		}
	}
	for _, id := range g.Heading.Messages {
		if msgs[id] != g.Heading.DA {
			t.Errorf("i18n %s = %q, want the one heading for references, %q", id, msgs[id], g.Heading.DA)
		}
	}
}

func TestBuiltinDanishWords(t *testing.T) {
	g := loadFullGlossary(t)
	for _, f := range builtinTexts(t) {
		for _, v := range danishViolations(g, f.da) {
			t.Errorf("%s: %s", f.where, v)
		}
	}
	for _, c := range builtin(t).Checklists {
		if c.Source != checklists.Builtin {
			continue
		}
		texts := []string{c.Title.DA, c.Description.DA}
		for _, q := range c.Questions {
			texts = append(texts, q.Text.DA, q.Guidance.DA, q.Remediation.DA, q.PartnerAction.DA)
		}
		for _, v := range explainedFirst(g, texts) {
			t.Errorf("%s: %s", c.ID, v)
		}
	}
}

// Each banned variant, English word and quotation mark the glossary names is caught in a
// sentence that is otherwise right, so that no entry is dead.
func TestGlossaryCatchesEveryBannedVariant(t *testing.T) {
	g := loadFullGlossary(t)
	for _, term := range g.Term {
		for _, v := range append(slices.Clone(term.Avoid), term.AvoidCase...) {
			if got := glossaryViolations([]glossaryTerm{term}, "Her står "+v+" midt i en sætning.", ""); len(got) == 0 {
				t.Errorf("term %q: variant %q not caught", term.DA, v)
			}
		}
		if len(term.AvoidCase) > 0 {
			if got := glossaryViolations([]glossaryTerm{term}, "Her står "+strings.ToLower(term.AvoidCase[0])+" midt i en sætning.", ""); len(got) > 0 {
				t.Errorf("term %q: the lower-case form is refused too: %v", term.DA, got)
			}
		}
	}
	for _, w := range g.English.Banned {
		if got := danishViolations(g, "Her står "+w+" midt i en sætning."); len(got) == 0 {
			t.Errorf("English word %q not caught", w)
		}
	}
	for _, q := range g.Quotes.Avoid {
		if got := danishViolations(g, "Klik på "+q+"Gem"+q+"."); len(got) == 0 {
			t.Errorf("quotation mark %q not caught", q)
		}
	}
	if got := danishViolations(g, "Se databeskyttelseslovens §8, stk. 3."); len(got) == 0 {
		t.Error("§8 without a space not caught")
	}
	if got := danishViolations(g, "Det følger af artikel 6(1)(f)."); len(got) == 0 {
		t.Error("artikel 6(1)(f) not caught")
	}
	for _, v := range g.Comma.Verbs {
		if got := danishViolations(g, v+" at filen findes."); len(got) == 0 {
			t.Errorf("»%s at« without the comma not caught", v)
		}
		if got := danishViolations(g, v+", at filen findes."); len(got) > 0 {
			t.Errorf("»%s, at« refused: %v", v, got)
		}
	}
	if got := danishViolations(g, "Klik på »Gem«; feltet Privacy Blocked spærrer, jf. § 8."); len(got) > 0 {
		t.Errorf("a right sentence with an allowed product name refused: %v", got)
	}
	for _, term := range g.Explain.Terms {
		if got := explainedFirst(g, []string{"Brug " + term + " til alle.", "Et dansk ord (" + term + ")."}); len(got) == 0 {
			t.Errorf("%q used first without explanation not caught", term)
		}
		if got := explainedFirst(g, []string{"Et dansk ord (" + term + ").", "Brug " + term + " til alle."}); len(got) > 0 {
			t.Errorf("%q explained first refused: %v", term, got)
		}
	}
}

package checklists_test

import (
	"regexp"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Every reference in the built-in checklists is written the language's way: the Danish report
// says "art. 6, stk. 1, litra f" and "§ 12", never the English "(1)(f)" or a "§12" without
// space; the English one says "Article 6(1)(f)" and "section 12", never "stk." or "§".
func TestEveryBuiltinRefCites(t *testing.T) {
	leftovers := map[i18n.Lang]*regexp.Regexp{
		i18n.Danish:  regexp.MustCompile(`\(\d+\)|\([a-z]\)|§\d|\bArticles?\b|\bsection\b|\d[a-z]\b`),
		i18n.English: regexp.MustCompile(`§|\bstk\.|\blitra\b|\bart\. \d|\bnr\. \d|\bregler om\b`),
	}
	n := 0
	for _, c := range builtin(t).Checklists {
		for _, q := range c.Questions {
			for _, ref := range q.Refs {
				n++
				src := checklists.RefSource(ref)
				for _, lang := range i18n.Langs {
					got := i18n.New(lang).Cite(ref)
					if got == ref && lang == i18n.English {
						t.Errorf("%s: %q rendered unchanged in English", q.ID, ref)
					}
					// Guidance and judgments keep their own Danish titles; only the locator grammar is checked there.
					if src == "Datatilsynet" || src == "Forbrugerombudsmanden" || src == "EU-Retten" {
						continue
					}
					if bad := leftovers[lang].FindString(got); bad != "" {
						t.Errorf("%s: %q in %s is %q, which still has %q", q.ID, ref, lang, got, bad)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d references checked", n)
	}
}

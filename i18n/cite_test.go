package i18n

import "testing"

func TestCite(t *testing.T) {
	for _, c := range []struct{ ref, da, en string }{
		{"GDPR art. 6(1)(f)", "GDPR art. 6, stk. 1, litra f", "GDPR Article 6(1)(f)"},
		{"GDPR art. 6(1)", "GDPR art. 6, stk. 1", "GDPR Article 6(1)"},
		{"GDPR art. 30", "GDPR art. 30", "GDPR Article 30"},
		{"GDPR art. 44–49", "GDPR art. 44–49", "GDPR Articles 44–49"},
		{"GDPR art. 4(11)", "GDPR art. 4, nr. 11", "GDPR Article 4(11)"},
		{"AI-forordningen art. 6(2)", "AI-forordningens art. 6, stk. 2", "AI-forordningen Article 6(2)"},
		{"Bogføringsloven §12", "bogføringslovens § 12", "Bogføringsloven section 12"},
		{"Markedsføringsloven §10, stk. 2", "markedsføringslovens § 10, stk. 2", "Markedsføringsloven section 10(2)"},
		{"Databeskyttelsesloven §11, stk. 2, nr. 3", "databeskyttelseslovens § 11, stk. 2, nr. 3", "Databeskyttelsesloven section 11(2), no. 3"},
		{"Databeskyttelsesloven §8, stk. 3–5", "databeskyttelseslovens § 8, stk. 3–5", "Databeskyttelsesloven section 8(3)–(5)"},
		{"Arbejdstidsloven §4b", "arbejdstidslovens § 4 b", "Arbejdstidsloven section 4b"},
		{"Bogføringsloven regler om opbevaring af regnskabsmateriale", "bogføringslovens regler om opbevaring af regnskabsmateriale",
			"Bogføringsloven, rules on keeping accounting material"},
		{"Datatilsynet vejledning om tv-overvågning", "Datatilsynets vejledning om tv-overvågning", "Datatilsynet: vejledning om tv-overvågning"},
		{"EU-Retten dom af 3. september 2025, sag T-553/23", "EU-Rettens dom af 3. september 2025, sag T-553/23", "EU-Retten: dom af 3. september 2025, sag T-553/23"},
		// Not a known source: shown as written rather than guessed at.
		{"Persondataloven §5", "Persondataloven §5", "Persondataloven §5"},
		{"GDPR", "GDPR", "GDPR"},
	} {
		if got := New(Danish).Cite(c.ref); got != c.da {
			t.Errorf("da %q = %q, want %q", c.ref, got, c.da)
		}
		if got := New(English).Cite(c.ref); got != c.en {
			t.Errorf("en %q = %q, want %q", c.ref, got, c.en)
		}
	}
}

func TestCiteLocator(t *testing.T) {
	for _, c := range []struct{ src, loc, da, en string }{
		{"GDPR", "art. 5(1)(a)", "art. 5, stk. 1, litra a", "Article 5(1)(a)"},
		{"Databeskyttelsesloven", "§6", "§ 6", "section 6"},
		{"Datatilsynet", "afgørelse 2018-32-0357 (DMI)", "afgørelse 2018-32-0357 (DMI)", "afgørelse 2018-32-0357 (DMI)"},
	} {
		if got := New(Danish).CiteLocator(c.src, c.loc); got != c.da {
			t.Errorf("da %q = %q, want %q", c.loc, got, c.da)
		}
		if got := New(English).CiteLocator(c.src, c.loc); got != c.en {
			t.Errorf("en %q = %q, want %q", c.loc, got, c.en)
		}
	}
}

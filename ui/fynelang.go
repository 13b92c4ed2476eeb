package ui

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"gdprtjek/i18n"
)

// Fyne ships no Danish for its own dialog texts (Cancel, Save, Yes, …); these are ours.
//
//go:embed translations/base.da.json
var fyneTranslations embed.FS

var fyneDanish, _ = fyneTranslations.ReadFile("translations/base.da.json") // embedded; read cannot fail

// setFyneLanguage makes Fyne's own texts follow the app's language, whatever the locale
// environment says. Fyne has no switch for its language: it reads the environment each time
// translations are added, taking the first of LC_ALL, LC_MESSAGES and LANG and, unless that is
// C or POSIX, gettext's LANGUAGE before it (Ubuntu sets LANGUAGE, e.g. "da:en"). So for the
// moment of adding our translations the environment names the app's language in all of them
// that count, and afterwards it is put back as it was: programs the app starts, and Fyne's
// other uses of the system locale (first weekday, font fallback), keep following the system.
func setFyneLanguage(l i18n.Lang) {
	locale := "en_GB"
	if l == i18n.Danish {
		locale = "da_DK"
	}
	restore := setEnv(map[string]string{"LC_ALL": "", "LC_MESSAGES": locale, "LANGUAGE": locale})
	defer restore()
	if err := lang.AddTranslationsForLocale(fyneDanish, fyne.Locale("da")); err != nil {
		fyne.LogError("add Danish translations for Fyne", err)
	}
}

// setEnv sets the variables (an empty value unsets one) and returns a function that puts
// them back as they were.
func setEnv(vars map[string]string) (restore func()) {
	type saved struct {
		value string
		set   bool
	}
	before := map[string]saved{}
	for k, v := range vars {
		old, set := os.LookupEnv(k)
		before[k] = saved{old, set}
		if v == "" {
			os.Unsetenv(k)
		} else {
			os.Setenv(k, v)
		}
	}
	return func() {
		for k, s := range before {
			if s.set {
				os.Setenv(k, s.value)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}

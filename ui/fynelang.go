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

// setFyneLanguage makes Fyne's own texts follow the app's language. Fyne picks its language
// from the locale environment each time translations are added, and has no other switch; so
// set LC_MESSAGES (it affects message language only) and add translations to re-pick.
// Where LC_ALL is set it overrides LC_MESSAGES, and Fyne keeps the system's language.
func setFyneLanguage(l i18n.Lang) {
	locale := "en_GB"
	if l == i18n.Danish {
		locale = "da_DK"
	}
	os.Setenv("LC_MESSAGES", locale)
	if err := lang.AddTranslationsForLocale(fyneDanish, fyne.Locale("da")); err != nil {
		fyne.LogError("add Danish translations for Fyne", err)
	}
}

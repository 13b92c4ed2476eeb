// Package localeenv makes Fyne read a "C.UTF-8" locale as the plain "C" it means for
// messages. Fyne 2.7 parses the locale in its lang package's init and logs an error for
// "C.UTF-8" — noise on the command line's stderr (and in --version's output), which must carry
// one clear line.
//
// It must run before Fyne's init. Go initialises packages in import-path order once their
// imports are ready; this package imports only what Fyne's locale reader (go-locale) imports,
// and "gdprtjek/…" sorts before "github.com/jeandeaual/…", so it runs first. main imports it
// for that side effect alone; tests in main check the effect.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	// Fyne takes the first of LC_ALL, LC_MESSAGES and LANG that is set; when that is C or POSIX
	// with a character set ("C.UTF-8", as servers, containers and CI set it), LANGUAGE comes
	// next. LANGUAGE=C makes Fyne read plain C. It changes nothing else: LANGUAGE only chooses
	// the language of messages, which in a C locale are untranslated anyway, and the C
	// library's character handling (LC_CTYPE, which X11 text input relies on) keeps its UTF-8.
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	locale := ""
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = os.Getenv(key); locale != "" {
			break
		}
	}
	if base, _, ok := strings.Cut(locale, "."); ok && (base == "C" || base == "POSIX") {
		os.Setenv("LANGUAGE", base)
	}
}

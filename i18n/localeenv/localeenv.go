// Package localeenv makes Fyne read a "C.UTF-8" locale as the plain "C" it means for
// messages. Fyne 2.7 parses the locale in its lang package's init and logs an error for
// "C.UTF-8" — noise on the command line's stderr, which must carry one clear line.
//
// It must run before Fyne's init. Go initialises packages in import-path order once their
// imports are ready; this package imports only what Fyne's locale reader (go-locale) imports,
// and "gdprtjek/…" sorts before "github.com/jeandeaual/…", so it runs first. main imports it
// for that side effect alone; a test in main checks the effect.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	// Only LC_MESSAGES is set: the C library's character handling (LC_CTYPE, which X11 text
	// input relies on) keeps following LANG.
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" {
		return
	}
	lang := os.Getenv("LANG")
	if base, _, ok := strings.Cut(lang, "."); ok && (base == "C" || base == "POSIX") {
		os.Setenv("LC_MESSAGES", base)
	}
}

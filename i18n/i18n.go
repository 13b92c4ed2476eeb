// Package i18n holds the app's translations (Danish and English) and formats dates and
// numbers the way each language writes them. Every string a user sees passes through here.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Lang is a language the app speaks.
type Lang string

const (
	Danish  Lang = "da"
	English Lang = "en"
)

// Langs lists the supported languages, Danish first.
var Langs = []Lang{Danish, English}

//go:embed active.da.toml active.en.toml
var messageFiles embed.FS

// MessageFiles names the embedded message files, one per language.
var MessageFiles = map[Lang]string{Danish: "active.da.toml", English: "active.en.toml"}

var bundle = sync.OnceValue(func() *goi18n.Bundle {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range MessageFiles {
		// The files are embedded and checked by the package's tests, so a failure here is a
		// build defect, not a user error.
		if _, err := b.LoadMessageFileFS(messageFiles, name); err != nil {
			panic(fmt.Sprintf("i18n: load %s: %v", name, err))
		}
	}
	return b
})

// MessageFile returns the raw content of a language's message file (for tests and tools).
func MessageFile(lang Lang) ([]byte, error) {
	return messageFiles.ReadFile(MessageFiles[lang])
}

// ParseLang accepts "da" or "en" (any case, surrounding space ignored).
func ParseLang(s string) (Lang, error) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case Danish:
		return Danish, nil
	case English:
		return English, nil
	}
	return "", NewError("error.lang_unknown", Args{"Lang": s}, nil)
}

// Detect picks Danish when the operating system's locale is Danish, else English.
func Detect() Lang {
	return detectFrom(os.Getenv)
}

func detectFrom(getenv func(string) string) Lang {
	// gettext's order, which desktop programs (Fyne among them) follow: the first of LC_ALL,
	// LC_MESSAGES and LANG that is set is the locale; unless it is C or POSIX, LANGUAGE, a list
	// of languages by preference that desktops such as Ubuntu set, comes before it. The first
	// language of the two we have wins.
	locale := ""
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(key); locale != "" {
			break
		}
	}
	if base, _, _ := strings.Cut(locale, "."); locale == "" || base == "C" || base == "POSIX" {
		return English
	}
	for _, l := range append(strings.Split(getenv("LANGUAGE"), ":"), locale) {
		switch l = strings.ToLower(l); {
		case strings.HasPrefix(l, "da"):
			return Danish
		case strings.HasPrefix(l, "en"):
			return English
		}
	}
	return English
}

// Args holds the values a message's placeholders take.
type Args = map[string]any

// Localizer translates messages into one language.
type Localizer struct {
	lang Lang
	loc  *goi18n.Localizer
}

// New returns a localizer for lang; an unknown language falls back to English.
func New(lang Lang) *Localizer {
	if lang != Danish {
		lang = English
	}
	return &Localizer{lang: lang, loc: goi18n.NewLocalizer(bundle(), string(lang))}
}

// Lang is the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// T translates message id, filling its placeholders from args (at most one map).
// A missing message shows its ID, so the gap is visible rather than silent; the package's
// tests check that every ID used in the code exists in both files.
func (l *Localizer) T(id string, args ...Args) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(args) > 0 {
		cfg.TemplateData = args[0]
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		return id
	}
	return s
}

// N translates a message with plural forms for count; args may use {{.Count}}.
func (l *Localizer) N(id string, count int, args ...Args) string {
	data := Args{}
	if len(args) > 0 {
		for k, v := range args[0] {
			data[k] = v
		}
	}
	data["Count"] = count
	s, err := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

// Error is a failure that carries a translatable message. Packages below the UI return it
// so that the command line and the GUI can show the user a sentence in their language.
type Error struct {
	ID   string // message ID in the message files
	Args Args   // placeholder values
	Err  error  // the underlying cause, if any
}

// NewError returns an *Error for message id.
func NewError(id string, args Args, cause error) *Error {
	return &Error{ID: id, Args: args, Err: cause}
}

func (e *Error) Error() string {
	msg := New(English).Error(&Error{ID: e.ID, Args: e.Args})
	if e.Err != nil {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Error turns err into one line for the user: the translated message of the outermost
// *Error in the chain, or a generic sentence with the technical detail when there is none.
func (l *Localizer) Error(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		// A message about a number of things has plural forms: "1 problem", "2 problems".
		if n, ok := e.Args["Count"].(int); ok {
			return l.N(e.ID, n, e.Args)
		}
		return l.T(e.ID, e.Args)
	}
	return l.T("error.unexpected", Args{"Detail": err.Error()})
}

// Has reports whether lang has a message with this ID; tests use it to check that every
// message a vocabulary (statuses, answer values, …) needs exists.
func Has(lang Lang, id string) bool {
	_, err := New(lang).loc.Localize(&goi18n.LocalizeConfig{MessageID: id})
	return err == nil
}

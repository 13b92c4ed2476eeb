package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

func parseFile(t *testing.T, lang Lang) map[string]*goi18n.MessageTemplate {
	t.Helper()
	data, err := MessageFile(lang)
	if err != nil {
		t.Fatal(err)
	}
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	mf, err := b.ParseMessageFileBytes(data, MessageFiles[lang])
	if err != nil {
		t.Fatalf("%s: %v", MessageFiles[lang], err)
	}
	out := map[string]*goi18n.MessageTemplate{}
	for _, m := range mf.Messages {
		out[m.ID] = goi18n.NewMessageTemplate(m)
	}
	return out
}

var placeholder = regexp.MustCompile(`\{\{[^}]*\.([A-Za-z]+)[^}]*\}\}`)

func placeholders(m *goi18n.Message) []string {
	set := map[string]bool{}
	for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		for _, p := range placeholder.FindAllStringSubmatch(s, -1) {
			set[p[1]] = true
		}
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func TestMessageFilesMatch(t *testing.T) {
	da, en := parseFile(t, Danish), parseFile(t, English)
	for id := range da {
		if en[id] == nil {
			t.Errorf("%s is in the Danish file but not the English one", id)
		}
	}
	for id, m := range en {
		d := da[id]
		if d == nil {
			t.Errorf("%s is in the English file but not the Danish one", id)
			continue
		}
		if p1, p2 := placeholders(d.Message), placeholders(m.Message); !slices.Equal(p1, p2) {
			t.Errorf("%s: placeholders differ: da %v, en %v", id, p1, p2)
		}
		for lang, msg := range map[Lang]*goi18n.Message{Danish: d.Message, English: m.Message} {
			if strings.TrimSpace(msg.Other) == "" {
				t.Errorf("%s (%s) is empty", id, lang)
			}
			if msg.One != "" && msg.Other == "" {
				t.Errorf("%s (%s): a plural message needs both one and other", id, lang)
			}
		}
	}
}

// usedIDs finds the message IDs the module's code passes literally to the localizer.
var usedPattern = regexp.MustCompile(`(?:\.T|\.N|NewError|i18nError|add)\(\s*(?:[a-zA-Z.()]+,\s*)?"([a-z0-9_]+\.[a-z0-9_.]*[a-z0-9_])"`)
var pluralPattern = regexp.MustCompile(`\.N\(\s*"([a-z0-9_.]+)"`)

func TestEveryUsedMessageExists(t *testing.T) {
	root := filepath.Join("..")
	used, plural := map[string]string{}, map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range usedPattern.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = path
		}
		for _, m := range pluralPattern.FindAllStringSubmatch(string(src), -1) {
			plural[m[1]] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 50 {
		t.Fatalf("found only %d message IDs in the code; the pattern is broken", len(used))
	}
	for _, lang := range Langs {
		msgs := parseFile(t, lang)
		for id, path := range used {
			if msgs[id] == nil {
				t.Errorf("%s uses %q, missing from %s", path, id, MessageFiles[lang])
			}
		}
		for id, path := range plural {
			if m := msgs[id]; m != nil && (m.Message.One == "" || m.Message.Other == "") {
				t.Errorf("%s counts with %q, which needs one and other forms in %s", path, id, MessageFiles[lang])
			}
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		lang  Lang
		count int
		want  string
	}{
		{Danish, 1, "1 fil er i orden."},
		{Danish, 3, "3 filer er i orden."},
		{English, 1, "1 file is valid."},
		{English, 0, "0 files are valid."},
	}
	for _, tt := range tests {
		if got := New(tt.lang).N("cli.validate_ok", tt.count); got != tt.want {
			t.Errorf("%s %d: got %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2026, time.November, 28, 15, 4, 0, 0, time.UTC)
	if got := New(Danish).Date(d); got != "28. november 2026" {
		t.Errorf("Danish date: %q", got)
	}
	if got := New(English).Date(d); got != "28 November 2026" {
		t.Errorf("English date: %q", got)
	}
	if got := New(Danish).Date(time.Date(2027, time.May, 1, 0, 0, 0, 0, time.UTC)); got != "1. maj 2027" {
		t.Errorf("Danish date: %q", got)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		lang     Lang
		f        float64
		decimals int
		want     string
	}{
		{Danish, 1234.5, 1, "1.234,5"},
		{English, 1234.5, 1, "1,234.5"},
		{Danish, 1234567, 0, "1.234.567"},
		{Danish, -0.04, 1, "0,0"},
		{Danish, -12.25, 2, "-12,25"},
		{English, 999, 0, "999"},
	}
	for _, tt := range tests {
		if got := New(tt.lang).Number(tt.f, tt.decimals); got != tt.want {
			t.Errorf("%s Number(%v, %d) = %q, want %q", tt.lang, tt.f, tt.decimals, got, tt.want)
		}
	}
	if got := New(Danish).Percent(72.4); got != "72\u00a0%" {
		t.Errorf("Danish percent: %q", got)
	}
	// 100·0.57 is 56.99999999999999 in floating point: a computed 57 % must still show as 57.
	share := 0.57
	for f, want := range map[float64]string{72.5: "72%", 79.6: "79%", 99.7: "99%", 100: "100%", 0: "0%", 100 * share: "57%"} {
		if got := New(English).Percent(f); got != want {
			t.Errorf("English Percent(%v) = %q, want %q (rounded down)", f, got, want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "da_DK.UTF-8"}, Danish},
		{map[string]string{"LANG": "en_GB.UTF-8"}, English},
		{map[string]string{"LC_ALL": "da_DK.UTF-8", "LANG": "en_US.UTF-8"}, Danish},
		{map[string]string{"LC_MESSAGES": "C", "LANG": "da_DK.UTF-8"}, English},
		{map[string]string{}, English},
		// LANGUAGE, as Ubuntu sets it, comes before the locale, unless the locale is C or POSIX.
		{map[string]string{"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"}, Danish},
		{map[string]string{"LANGUAGE": "en", "LC_ALL": "da_DK.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "de:da", "LANG": "en_GB.UTF-8"}, Danish},
		{map[string]string{"LANGUAGE": "de", "LANG": "da_DK.UTF-8"}, Danish},
		{map[string]string{"LANGUAGE": "da", "LC_ALL": "C.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "da"}, English},
	}
	for _, tt := range tests {
		if got := detectFrom(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: got %s, want %s", tt.env, got, tt.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"da": Danish, " EN ": English} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	_, err := ParseLang("de")
	var e *Error
	if !errors.As(err, &e) || e.ID != "error.lang_unknown" {
		t.Fatalf("ParseLang(de): %v", err)
	}
	if got := New(Danish).Error(err); !strings.Contains(got, "»de«") || !strings.Contains(got, "sprog") {
		t.Errorf("translated error: %q", got)
	}
}

func TestErrorFallsBackToGenericMessage(t *testing.T) {
	got := New(English).Error(fmt.Errorf("disk on fire"))
	if !strings.Contains(got, "disk on fire") || !strings.HasPrefix(got, "Something went wrong") {
		t.Errorf("got %q", got)
	}
	wrapped := fmt.Errorf("saving: %w", NewError("store.busy", nil, errors.New("SQLITE_BUSY")))
	if got := New(Danish).Error(wrapped); !strings.Contains(got, "optaget") {
		t.Errorf("wrapped error not translated: %q", got)
	}
}

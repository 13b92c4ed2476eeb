package ui

import (
	"fmt"
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"gdprtjek/i18n"
)

// TestMain gives the tests one locale environment whatever the machine's (a developer's
// desktop sets LANGUAGE, a server LC_ALL=C.UTF-8): every test picks its language explicitly,
// and only TestFyneFollowsTheAppsLanguage sets the environment on purpose.
func TestMain(m *testing.M) {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		os.Unsetenv(k)
	}
	os.Setenv("LANG", "en_GB.UTF-8")
	os.Exit(m.Run())
}

// Fyne's own texts (dialog buttons) follow the app's language, not the locale environment:
// Fyne reads LANGUAGE before LC_MESSAGES, and LC_ALL before both. The environment is left as
// it was, for the programs the app starts.
func TestFyneFollowsTheAppsLanguage(t *testing.T) {
	for _, env := range []map[string]string{
		{"LANGUAGE": "en"},
		{"LANGUAGE": "da", "LC_ALL": "da_DK.UTF-8"},
		{"LC_ALL": "C.UTF-8"},
		{"LC_ALL": "C"},
		{"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"},
		{"LANG": "da_DK.UTF-8", "LC_MESSAGES": "POSIX"},
	} {
		t.Run(fmt.Sprint(env), func(t *testing.T) {
			for k, v := range env {
				t.Setenv(k, v)
			}
			for _, l := range i18n.Langs {
				setFyneLanguage(l)
				want := map[i18n.Lang]string{i18n.Danish: "Annullér", i18n.English: "Cancel"}[l]
				if got := lang.L("Cancel"); got != want {
					t.Errorf("app in %s: Fyne's Cancel is %q, want %q", l, got, want)
				}
				for k, v := range env {
					if got, ok := os.LookupEnv(k); !ok || got != v {
						t.Errorf("app in %s: %s is %q afterwards, want %q as before", l, k, got, v)
					}
				}
			}
		})
	}
}

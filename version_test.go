package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestVersionFromLdflags checks the wiring that `make build` and `make dist` rely on: the
// version given to the linker with -X reaches --version. Renaming or moving main.version would
// silently leave every release saying "dev"; this build catches it. The build cache is warm,
// so this costs a link step.
func TestVersionFromLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	exe := filepath.Join(t.TempDir(), "gdprtjek")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", exe, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), "gdprtjek v9.8.7"; got != want {
		t.Errorf("--version printed %q, want %q", got, want)
	}
}

// TestPackagingMetadata keeps the three places that name the app in step: the app ID in
// main.go (Fyne's preferences and window identity), FyneApp.toml (read by `fyne package`) and
// the Linux menu entry that `make dist` ships. A menu entry whose Icon or file name differs from
// the ID shows a blank icon; one whose Exec differs does not start the program.
func TestPackagingMetadata(t *testing.T) {
	var meta struct {
		Details struct{ Icon, Name, ID, Version string }
	}
	if _, err := toml.DecodeFile("FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.ID != appID {
		t.Errorf("FyneApp.toml ID %q, main.go appID %q", meta.Details.ID, appID)
	}
	if _, err := os.Stat(meta.Details.Icon); err != nil {
		t.Errorf("FyneApp.toml Icon: %v", err)
	}

	f, err := os.Open(filepath.Join("packaging", "linux", appID+".desktop"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entry := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			entry[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"Name":           meta.Details.Name,
		"Icon":           appID,
		"Exec":           "gdprtjek",
		"StartupWMClass": meta.Details.Name, // GLFW's X11 class is the window title, "GDPR-tjek"
	} {
		if entry[key] != want {
			t.Errorf("desktop entry %s=%q, want %q", key, entry[key], want)
		}
	}
}

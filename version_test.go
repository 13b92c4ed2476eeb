package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
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

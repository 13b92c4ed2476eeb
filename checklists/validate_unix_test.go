//go:build unix

package checklists_test

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// TestLoadRefusesSpecialAndLargeFiles: a custom-checklist folder holding a FIFO, a folder, a
// link to /dev/zero or an oversized file under a .toml name loads the rest at once and names
// each refused file; none of them is read.
func TestLoadRefusesSpecialAndLargeFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.toml"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create(filepath.Join(dir, "big.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(4<<20 + 1); err != nil { // one byte over the limit
		t.Fatal(err)
	}
	big.Close()
	set, problems, err := checklists.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := checklists.LoadBuiltin()
	if len(set.Checklists) != len(builtin.Checklists) {
		t.Errorf("%d checklists loaded, want the %d built-ins", len(set.Checklists), len(builtin.Checklists))
	}
	got := map[string]string{}
	for _, p := range problems {
		got[filepath.Base(p.File)] = p.ID
	}
	want := map[string]string{"pipe.toml": "checklist.not_regular", "folder.toml": "checklist.not_regular",
		"zero.toml": "checklist.not_regular", "big.toml": "checklist.too_large"}
	if !maps.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	for _, p := range problems {
		if p.ID == "checklist.too_large" && !strings.Contains(p.Message(i18n.New(i18n.Danish)), "større end 4 MB") {
			t.Errorf("the message does not name the limit: %s", p.Message(i18n.New(i18n.Danish)))
		}
	}
}

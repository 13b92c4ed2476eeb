//go:build unix

package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"

	"gdprtjek/i18n"
)

// TestImportDialogReadIsBounded: the file the chooser hands over is read by its path through
// the bounded reader: a device is refused unread, a file over the limit is refused naming the
// limit.
func TestImportDialogReadIsBounded(t *testing.T) {
	big := filepath.Join(t.TempDir(), "video.json")
	if err := os.WriteFile(big, make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/dev/zero": "file.not_regular", big: "file.too_large"} {
		_, err := readChosen(path, 1024)
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.ID != want {
			t.Errorf("%s: %v, want %s", path, err, want)
		}
	}
	small := filepath.Join(t.TempDir(), "ok.json")
	os.WriteFile(small, []byte(`{}`), 0o600)
	if data, err := readChosen(small, 1024); err != nil || string(data) != "{}" {
		t.Errorf("a small file: %q, %v", data, err)
	}
}

// TestChooserHidesSpecialFiles: the open chooser does not offer a FIFO, even one named like
// an exchange file (reading it would wait for a writer for ever), nor hidden files or other
// extensions; folders come first, then files, each without regard to case. By keyboard:
// Down to the second file, Enter chooses it.
func TestChooserHidesSpecialFiles(t *testing.T) {
	w, loc := chooserWindow(t, i18n.English)
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b.gdprtjek", "A.JSON", "film.mp4", ".skjult.json"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "Arkiv"), 0o700); err != nil {
		t.Fatal(err)
	}
	var got []string
	c := chooseFile(w, loc, fileRequest{Exts: []string{".json", ".gdprtjek"}, Dir: dir}, func(p string) { got = append(got, p) })
	var names []string
	for _, e := range c.entries {
		names = append(names, e.name)
	}
	if want := []string{"Arkiv", "A.JSON", "b.gdprtjek"}; !slices.Equal(names, want) {
		t.Fatalf("offered %v, want %v", names, want)
	}
	press(t, w, fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn)
	if want := filepath.Join(dir, "b.gdprtjek"); len(got) != 1 || got[0] != want {
		t.Errorf("chose %v, want %s", got, want)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the chooser stayed open after choosing")
	}
}

//go:build unix

package ui

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"

	"gdprtjek/i18n"
)

// TestImportDialogReadIsBounded: what the app's file dialog hands over is read again by its
// path through the bounded reader: a device is refused unread, a file over the limit is
// refused naming the limit.
func TestImportDialogReadIsBounded(t *testing.T) {
	big := filepath.Join(t.TempDir(), "video.json")
	if err := os.WriteFile(big, make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/dev/zero": "file.not_regular", big: "file.too_large"} {
		r, err := storage.Reader(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		_, err = readChosen(r, 1024)
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.ID != want {
			t.Errorf("%s: %v, want %s", path, err, want)
		}
	}
	small := filepath.Join(t.TempDir(), "ok.json")
	os.WriteFile(small, []byte(`{}`), 0o600)
	r, _ := storage.Reader(storage.NewFileURI(small))
	if data, err := readChosen(r, 1024); err != nil || string(data) != "{}" {
		t.Errorf("a small file: %q, %v", data, err)
	}
}

// TestImportDialogHidesSpecialFiles: the import dialog does not offer a FIFO, even one named
// like an exchange file (Fyne's dialog would block opening it), nor other extensions.
func TestImportDialogHidesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "udveksling.json")
	other := filepath.Join(dir, "film.mp4")
	for _, p := range []string{plain, other} {
		if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f := regularFiles{storage.NewExtensionFileFilter([]string{".json", ".gdprtjek"})}
	for path, want := range map[string]bool{plain: true, fifo: false, other: false} {
		if got := f.Matches(storage.NewFileURI(path)); got != want {
			t.Errorf("%s offered: %v, want %v", filepath.Base(path), got, want)
		}
	}
}

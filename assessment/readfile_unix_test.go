//go:build unix

package assessment_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func TestReadFileLimited(t *testing.T) {
	dir := t.TempDir()
	const limit = 1000
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, bytes.Repeat([]byte("æ"), size/2), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	atLimit := write("at-limit.json", limit)
	over := write("over.json", limit+2)
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.sock") // made with syscall: this module imports no net package
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}

	data, err := assessment.ReadFileLimited(atLimit, limit)
	if err != nil || len(data) != limit {
		t.Fatalf("a file of exactly the limit: %d bytes, %v", len(data), err)
	}
	for _, tc := range []struct{ name, path, want string }{
		{"one byte over", over, "file.too_large"},
		{"a folder", dir, "file.not_regular"},
		{"/dev/zero", "/dev/zero", "file.not_regular"},
		{"a link to /dev/zero", link, "file.not_regular"},
		{"a FIFO without a writer", fifo, "file.not_regular"},
		{"a socket", sock, "file.not_regular"},
		{"missing", filepath.Join(dir, "nope.json"), "file.read_failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := assessment.ReadFileLimited(tc.path, limit)
			wantErrID(t, err, tc.want)
		})
	}
	// The message names the limit, in both languages.
	_, err = assessment.ReadFileLimited(write("big.json", 8<<10), 4<<10)
	for lang, want := range map[i18n.Lang]string{i18n.English: "larger than 4 KB", i18n.Danish: "større end 4 KB"} {
		if msg := i18n.New(lang).Error(err); !strings.Contains(msg, want) {
			t.Errorf("%s: %q does not name the limit (%q)", lang, msg, want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		512: "512 bytes", 4 << 10: "4 KB", 64 << 20: "64 MB", 17_800_000: "17 MB", 1<<20 + 1<<19: "2 MB",
	} {
		if got := assessment.FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestOpenRefusesSpecialFiles: a FIFO, a device or a folder given as the database, or as a
// backup to restore, is refused at once (opening the FIFO would wait for a writer for ever).
func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero", dir} {
		_, err := assessment.Open(context.Background(), path)
		wantErrID(t, err, "store.not_a_database")
	}
	// Nor is any of them restored from.
	s := openStore(t)
	for _, path := range []string{fifo, "/dev/zero", dir} {
		_, err := s.Restore(context.Background(), path)
		wantErrID(t, err, "backup.not_ours")
		_, err = assessment.RestoreInto(context.Background(), path, filepath.Join(dir, "x.db"))
		wantErrID(t, err, "backup.not_ours")
	}
}

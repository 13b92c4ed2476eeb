package assessment

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"gdprtjek/i18n"
)

// Limits on the files the program reads, chosen from real use; docs/robustness.md gives the
// measurements behind them.
const (
	// MaxExchangeFileSize bounds an exchange file, plain or passphrase-protected. The largest
	// realistic one (10,000 answers, each with a 600-character note, evidence and owner, and
	// 10,000 comments of 300 characters) is 13 MB plain and 18 MB protected.
	MaxExchangeFileSize = 64 << 20
	// MaxPassphraseFileSize bounds a --passphrase-file: a passphrase is a line of text.
	MaxPassphraseFileSize = 4 << 10
	// MaxImageFileSize bounds an image the user chooses, such as a logo for the report: a
	// logo is tens of kilobytes, a photograph from a phone a few megabytes.
	MaxImageFileSize = 8 << 20
	// MaxTemplateFileSize bounds a template or other text document the user chooses, such as
	// a data-map template.
	MaxTemplateFileSize = 8 << 20
)

// ReadFileLimited reads the file at path, refusing it with a translated message when it is
// not an ordinary file (a folder, a device such as /dev/zero, a FIFO, a socket) or is larger
// than limit bytes. Every file the program reads on the user's behalf goes through it, so that
// picking the wrong file gives a message at once rather than a frozen machine.
//
// The size is checked before reading, and the read goes through a limit anyway: a file may
// grow while it is read, or be swapped for a FIFO between the check and the open.
func ReadFileLimited(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path) // follows a link: what matters is what is read
	if err != nil {
		return nil, readFailed(path, err)
	}
	if err := checkRegular(path, info, limit); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the path have become a FIFO since the check, opening it must not wait
	// for a writer. It does nothing to an ordinary file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readFailed(path, err)
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, readFailed(path, err)
	}
	if err := checkRegular(path, opened, limit); err != nil {
		return nil, err
	}
	data := make([]byte, 0, opened.Size()+1) // +1: the read that finds the end
	buf := bytesWriter{data}
	n, err := io.Copy(&buf, io.LimitReader(f, limit+1))
	if err != nil {
		return nil, readFailed(path, err)
	}
	if n > limit {
		return nil, TooLargeError(path, limit)
	}
	return buf.b, nil
}

// bytesWriter appends to a slice allocated for the expected size, so that reading a file
// of known size makes one allocation rather than a doubling series.
type bytesWriter struct{ b []byte }

func (w *bytesWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func checkRegular(path string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return i18n.NewError("file.not_regular", i18n.Args{"Path": path}, fmt.Errorf("mode %s", info.Mode()))
	}
	if info.Size() > limit {
		return TooLargeError(path, limit)
	}
	return nil
}

// TooLargeError is the message for a file larger than limit bytes, naming the limit; readers
// that take a stream rather than a path (the app's file dialog) use it too.
func TooLargeError(path string, limit int64) error {
	return i18n.NewError("file.too_large", i18n.Args{"Path": path, "Limit": FormatSize(limit)}, nil)
}

func readFailed(path string, err error) error {
	return i18n.NewError("file.read_failed", i18n.Args{"Path": path}, err)
}

// FormatSize writes a size for people in whole units: "64 MB", "4 KB", "512 bytes". Binary
// multiples, as file managers on Windows show them; no decimals, so the text is the same in
// Danish and English.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", (n+1<<19)>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

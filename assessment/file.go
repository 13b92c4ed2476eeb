package assessment

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"gdprtjek/i18n"
)

// WriteFileAtomic writes data to path through a temporary file in the same folder, synced and
// renamed into place: a failure never leaves a partial file. The file is readable by the user
// only, since reports and exports hold personal data.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic is WriteFileAtomic for content that write produces as it goes, so that a large
// report need not be held twice in memory. An error from write is returned as it is when it
// carries a message of its own, else as file.write_failed.
func WriteAtomic(path string, write func(io.Writer) error) error {
	fail := func(err error) error {
		var ie *i18n.Error
		if errors.As(err, &ie) {
			return err
		}
		return i18n.NewError("file.write_failed", i18n.Args{"Path": path}, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

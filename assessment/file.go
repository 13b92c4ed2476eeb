package assessment

import (
	"os"
	"path/filepath"

	"gdprtjek/i18n"
)

// WriteFileAtomic writes data to path through a temporary file in the same folder, synced and
// renamed into place: a failure never leaves a partial file. The file is readable by the user
// only, since reports and exports hold personal data.
func WriteFileAtomic(path string, data []byte) error {
	fail := func(err error) error { return i18n.NewError("file.write_failed", i18n.Args{"Path": path}, err) }
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
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

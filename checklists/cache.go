package checklists

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// A consultant's own checklists can hold thousands of questions: 10,000 are about 12 MB of
// TOML, which takes a second of CPU to decode and check, on every start of every command.
// LoadCached keeps what Load made of them in a cache file and uses it for as long as every
// file is as it was: same names, sizes, modification times and SHA-256. Hashing the files
// costs a few milliseconds; decoding the cache a few tens.
//
// The cache is never trusted blindly: it starts with a magic line and the SHA-256 of the rest,
// a cache that fails either (cut short, damaged, another version's) is ignored and rewritten,
// and it records the format and the built-in checklists it was checked against.

// cacheMagic starts a cache file; bump the number when cacheData changes.
const cacheMagic = "gdprtjek checklist cache 1\n"

type cachedFile struct {
	Name    string // base name in the folder
	Size    int64
	ModTime int64 // UnixNano
	SHA256  [sha256.Size]byte
}

type cacheData struct {
	Program  string            // the executable that checked them (path, size, time): its rules
	Builtin  [sha256.Size]byte // the built-in checklists' files, which custom ones are checked against
	Dir      string            // the folder, as given: paths in the problems' texts name it
	Files    []cachedFile      // every *.toml in the folder, sorted by name
	Lists    []*Checklist      // the custom checklists Load kept
	Problems []Problem         // what Load reported
}

// builtinDigest identifies the built-in checklists of this build.
var builtinDigest = sync.OnceValue(func() [sha256.Size]byte {
	h := sha256.New()
	names, _ := fs.Glob(builtinFiles, "data/*.toml") // the pattern is valid
	for _, name := range names {
		data, _ := fs.ReadFile(builtinFiles, name) // embedded: cannot fail
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
})

// LoadCached is Load with a cache of the custom checklists at cachePath. Any trouble with the
// cache (missing, stale, damaged, not writable) falls back to Load; it never changes the result.
func LoadCached(dir, cachePath string) (*Set, []Problem, error) {
	if dir == "" || cachePath == "" {
		return Load(dir)
	}
	base, err := LoadBuiltin()
	if err != nil {
		return nil, nil, err
	}
	files, err := statFolder(dir)
	program := programID()
	if err != nil || len(files) == 0 || program == "" {
		return Load(dir) // Load reports a folder it cannot list, and handles an empty one
	}
	if c, ok := readCache(cachePath); ok && c.Program == program && c.Builtin == builtinDigest() && c.Dir == dir &&
		slices.Equal(c.Files, files) {
		return NewSet(append(slices.Clone(base.Checklists), c.Lists...)), c.Problems, nil
	}
	set, problems, err := Load(dir)
	if err != nil {
		return nil, nil, err
	}
	// Only files that did not change while they were read may be cached.
	if again, err := statFolder(dir); err == nil && slices.Equal(again, files) {
		var custom []*Checklist
		for _, c := range set.Checklists {
			if c.Source != Builtin {
				custom = append(custom, c)
			}
		}
		writeCache(cachePath, cacheData{Program: program, Builtin: builtinDigest(), Dir: dir, Files: files, Lists: custom, Problems: problems})
	}
	return set, problems, nil
}

// programID names this build of the program: another build may check files by other rules,
// so its cache is not trusted. "" when the executable cannot be found (then no cache).
var programID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d", exe, info.Size(), info.ModTime().UnixNano())
})

// statFolder lists the *.toml files of dir with their size, time and SHA-256, sorted by name.
func statFolder(dir string) ([]cachedFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	out := make([]cachedFile, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		h := sha256.New()
		if !info.IsDir() {
			if _, err := io.Copy(h, f); err != nil {
				f.Close()
				return nil, err
			}
		}
		f.Close()
		cf := cachedFile{Name: filepath.Base(p), Size: info.Size(), ModTime: info.ModTime().UnixNano()}
		h.Sum(cf.SHA256[:0])
		out = append(out, cf)
	}
	return out, nil
}

func readCache(path string) (*cacheData, bool) {
	raw, err := os.ReadFile(path)
	if err != nil || len(raw) < len(cacheMagic)+sha256.Size || string(raw[:len(cacheMagic)]) != cacheMagic {
		return nil, false
	}
	sum, body := raw[len(cacheMagic):len(cacheMagic)+sha256.Size], raw[len(cacheMagic)+sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	var c cacheData
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&c); err != nil {
		return nil, false
	}
	return &c, true
}

// writeCache writes the cache through a temporary file renamed into place, so that a reader
// never sees half of one; failing to write it is no error (the next start parses again).
func writeCache(path string, c cacheData) {
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(&c); err != nil {
		return
	}
	sum := sha256.Sum256(body.Bytes())
	_ = writeAtomic(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, cacheMagic); err != nil {
			return err
		}
		if _, err := w.Write(sum[:]); err != nil {
			return err
		}
		_, err := w.Write(body.Bytes())
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	ok = true
	return nil
}

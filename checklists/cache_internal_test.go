package checklists

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// cacheFolder copies the valid test checklist and a broken one into a new folder.
func cacheFolder(t *testing.T) (dir, cache string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "checklists")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"valid.toml", "broken/duplicate.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(root, "gdprtjek.db.checklists-cache")
}

// sameLoad checks that LoadCached gives what Load gives.
func sameLoad(t *testing.T, dir, cache, when string) {
	t.Helper()
	want, wantProblems, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, gotProblems, err := LoadCached(dir, cache)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if !reflect.DeepEqual(got.Checklists, want.Checklists) || !reflect.DeepEqual(gotProblems, wantProblems) {
		t.Errorf("%s: LoadCached differs from Load:\n%d lists, problems %v\nwant %d lists, problems %v",
			when, len(got.Checklists), gotProblems, len(want.Checklists), wantProblems)
	}
}

func TestLoadCachedMatchesLoad(t *testing.T) {
	dir, cache := cacheFolder(t)
	sameLoad(t, dir, cache, "first load")
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	sameLoad(t, dir, cache, "from the cache")
	if _, problems, _ := LoadCached(dir, cache); len(problems) == 0 {
		t.Error("the broken file's problems are lost in the cache")
	}
}

// TestLoadCachedUsesTheCache plants a cache whose key matches but whose content differs from
// the files: LoadCached must return the planted content, and drop it as soon as a key differs.
func TestLoadCachedUsesTheCache(t *testing.T) {
	dir, cache := cacheFolder(t)
	files, err := statFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	planted := &Checklist{ID: "planted", Version: 1, Area: "planted", Order: 900, Source: filepath.Join(dir, "valid.toml"),
		Title: Text{DA: "Plantet", EN: "Planted"}, Questions: []Question{{ID: "planted.q", Weight: 1}}}
	writeCache(cache, cacheData{Program: programID(), Builtin: builtinDigest(), Dir: dir, Files: files, Lists: []*Checklist{planted}})
	set, problems, err := LoadCached(dir, cache)
	if err != nil || set.Checklist("planted") == nil || set.Checklist("test-custom") != nil || len(problems) != 0 {
		t.Fatalf("the matching cache was not used: %v, %v", err, problems)
	}
	base, _ := LoadBuiltin()
	if len(set.Checklists) != len(base.Checklists)+1 {
		t.Errorf("%d lists, want the built-ins and the planted one", len(set.Checklists))
	}

	for name, change := range map[string]func(){
		// Same size, same time, one letter different: only the SHA-256 tells.
		"content": func() {
			path := filepath.Join(dir, "valid.toml")
			info, _ := os.Stat(path)
			data, _ := os.ReadFile(path)
			data[len(data)-2] ^= 0x20
			os.WriteFile(path, data, 0o600)
			os.Chtimes(path, info.ModTime(), info.ModTime())
		},
		"time":         func() { os.Chtimes(filepath.Join(dir, "valid.toml"), time.Now(), time.Now().Add(time.Hour)) },
		"a new file":   func() { os.WriteFile(filepath.Join(dir, "new.toml"), []byte("id = \"x\"\n"), 0o600) },
		"a file gone":  func() { os.Remove(filepath.Join(dir, "duplicate.toml")) },
		"another dir":  func() { dir += string(filepath.Separator) + "." },
		"cut short":    func() { data, _ := os.ReadFile(cache); os.WriteFile(cache, data[:len(data)/2], 0o600) },
		"a byte wrong": func() { data, _ := os.ReadFile(cache); data[len(data)-5] ^= 1; os.WriteFile(cache, data, 0o600) },
		"not a cache":  func() { os.WriteFile(cache, []byte("hello"), 0o600) },
		"another build of the program": func() {
			c, _ := readCache(cache)
			c.Program += " (rebuilt)"
			writeCache(cache, *c)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir, cache = cacheFolder(t)
			files, _ := statFolder(dir)
			writeCache(cache, cacheData{Program: programID(), Builtin: builtinDigest(), Dir: dir, Files: files, Lists: []*Checklist{planted}})
			change()
			set, _, err := LoadCached(dir, cache)
			if err != nil {
				t.Fatal(err)
			}
			if set.Checklist("planted") != nil {
				t.Fatalf("after %s the stale cache was used", name)
			}
			sameLoad(t, dir, cache, "after "+name)
			// And it was rewritten: the next load is from a good cache again.
			if c, ok := readCache(cache); !ok || c.Dir != dir {
				t.Errorf("after %s the cache was not rebuilt", name)
			}
		})
	}
}

func TestLoadCachedUnwritableCache(t *testing.T) {
	dir, _ := cacheFolder(t)
	cache := filepath.Join(t.TempDir(), "no-such-folder", "cache")
	sameLoad(t, dir, cache, "cache not writable")
	if _, err := os.Stat(cache); !os.IsNotExist(err) {
		t.Errorf("a cache appeared where none can be written: %v", err)
	}
}

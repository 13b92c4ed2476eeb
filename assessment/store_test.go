package assessment_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"gdprtjek/assessment"
)

// newDatabase makes a current database with one company and returns its path, closed.
func newDatabase(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gdprtjek.db")
	s, err := assessment.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCompany(context.Background(), &assessment.Company{Name: "Æblegården ApS"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := newDatabase(t)
	// Set the version as a newer build would, through the driver the package registers.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = assessment.Open(context.Background(), path)
	wantErrID(t, err, "store.too_new")
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the newer database was changed")
	}
	if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
		t.Fatalf("a backup was taken of a database that is refused: %v", baks)
	}
}

func TestOpenRefusesNotADatabase(t *testing.T) {
	noise := make([]byte, 4096)
	rand.Read(noise)
	tests := []struct {
		name string
		data []byte
	}{
		{"text", []byte("Dette er ikke en database, men en indkøbsliste: æbler, pærer.\n")},
		{"random bytes", noise},
		{"header then garbage", append([]byte("SQLite format 3\x00"), noise...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "gdprtjek.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := assessment.Open(context.Background(), path)
			wantErrID(t, err, "store.not_a_database")
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, tt.data) {
				t.Fatal("the file was changed")
			}
		})
	}
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "gdprtjek")
	path := filepath.Join(dir, "gdprtjek.db")
	s, err := assessment.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, filepath.Dir(dir): 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", p, got, want)
		}
	}
	if err := s.CreateCompany(context.Background(), &assessment.Company{Name: "Æblegården ApS"}); err != nil {
		t.Fatal(err)
	}
	// The write-ahead log holds the same data; SQLite gives it the database's mode.
	if info, err := os.Stat(path + "-wal"); err == nil && info.Mode().Perm()&0o077 != 0 {
		t.Errorf("WAL file mode %v is readable by others", info.Mode().Perm())
	}
}

func TestOpenEmptyFileIsNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gdprtjek.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := assessment.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Companies(context.Background()); err != nil {
		t.Fatalf("the empty file did not become a database: %v", err)
	}
}

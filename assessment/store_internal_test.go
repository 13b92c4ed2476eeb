package assessment

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// withMigrations replaces the schema steps for one test: the first, real one plus extra.
func withMigrations(t *testing.T, extra map[string]string) {
	t.Helper()
	first, err := fs.ReadFile(migrationFiles, "migrations/0001_initial.sql")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{"migrations/0001_initial.sql": {Data: first}}
	for name, body := range extra {
		m["migrations/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	old := migrations
	migrations = m
	t.Cleanup(func() { migrations = old })
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// buildV1 makes a database at the first schema holding one company.
func buildV1(t *testing.T) string {
	t.Helper()
	withMigrations(t, nil)
	path := filepath.Join(t.TempDir(), "gdprtjek.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// In SQL, not CreateCompany: that writes the newest schema's columns.
	if _, err := s.db.Exec(`INSERT INTO companies (name, cvr, address, contact, size_band, industry, created_at, updated_at)
		VALUES ('Æblegården ApS', '', '', '', '', '', '2026-05-01T10:00:00Z', '2026-05-01T10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v := userVersion(t, path); v != 1 {
		t.Fatalf("v1 database has user_version %d", v)
	}
	return path
}

func TestMigrateFromFirstSchema(t *testing.T) {
	ctx := context.Background()
	path := buildV1(t)
	withMigrations(t, map[string]string{
		"0002_company_note.sql": `ALTER TABLE companies ADD COLUMN note TEXT NOT NULL DEFAULT 'ny';`,
	})
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var name, note string
	if err := s.db.QueryRow(`SELECT name, note FROM companies`).Scan(&name, &note); err != nil {
		t.Fatalf("after migration: %v", err)
	}
	if name != "Æblegården ApS" || note != "ny" {
		t.Fatalf("company after migration = %q, %q", name, note)
	}
	if v := userVersion(t, path); v != 2 {
		t.Fatalf("user_version = %d, want 2", v)
	}
	backups, _ := filepath.Glob(path + ".v1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one copy of the v1 database", backups)
	}
	info, err := os.Stat(backups[0])
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", info.Mode().Perm())
	}
	if v := userVersion(t, backups[0]); v != 1 {
		t.Errorf("backup user_version = %d, want 1", v)
	}
	// Opening again finds nothing to do and takes no further copy.
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := filepath.Glob(path + ".*.bak"); len(again) != 1 {
		t.Errorf("reopening an up-to-date database took another backup: %v", again)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	path := buildV1(t)
	// The first statement succeeds, the second fails: the transaction must undo the first.
	withMigrations(t, map[string]string{
		"0002_broken.sql": `ALTER TABLE companies ADD COLUMN half_done TEXT; INSERT INTO no_such_table VALUES (1);`,
	})
	_, err := Open(context.Background(), path)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.ID != "store.migrate_failed" {
		t.Fatalf("Open with a broken migration: err = %v, want store.migrate_failed", err)
	}
	if v := userVersion(t, path); v != 1 {
		t.Fatalf("user_version = %d after a failed migration, want 1", v)
	}
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info('companies') WHERE name = 'half_done'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatal("the failed migration's first statement was kept")
	}
	if err := db.QueryRow(`SELECT count(*) FROM companies`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("companies after failed migration = %d (%v), want 1", n, err)
	}
}

// Every pooled connection must carry the settings, not just the first one.
func TestConnectionSettingsOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "gdprtjek.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var conns []*sql.Conn
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var fk, secure, timeout int
		var journal string
		if err := c.QueryRowContext(ctx, `SELECT * FROM pragma_foreign_keys, pragma_secure_delete, pragma_busy_timeout, pragma_journal_mode`).
			Scan(&fk, &secure, &timeout, &journal); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || secure != 1 || timeout != 5000 || journal != "wal" {
			t.Errorf("connection %d: foreign_keys=%d secure_delete=%d busy_timeout=%d journal_mode=%s", i, fk, secure, timeout, journal)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestBackupNameUsesClock(t *testing.T) {
	path := buildV1(t)
	withMigrations(t, map[string]string{"0002_noop.sql": `CREATE TABLE extra (x INTEGER);`})
	s := &Store{path: path, Now: func() time.Time { return time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC) }}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	s.db = db
	defer db.Close()
	if err := s.migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".v1-20260501T100000Z.bak"); err != nil {
		t.Fatalf("backup not named after the clock: %v", err)
	}
}

// The real second step on a real first-schema database: answers keep their values and gain
// an empty fingerprint (never marked for re-confirmation by a checklist update).
func TestRealMigrationToQuestionHash(t *testing.T) {
	ctx := context.Background()
	path := buildV1(t)
	// Answers as the first version saved them, written with its schema's columns.
	v1, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	const at = "2025-03-01T09:00:00Z"
	for _, stmt := range []string{
		`INSERT INTO assessments (id, uid, company_id, title, checklists, created_at, updated_at)
			VALUES (7, 'uid-v1', (SELECT id FROM companies), 'Første runde', '[{"id":"basis","version":1}]', '` + at + `', '` + at + `')`,
		`INSERT INTO answers (assessment_id, question_id, value, note, owner, due_date, action_status, updated_at)
			VALUES (7, 'basis.records', 'no', 'Mangler – æøå', 'Birthe', '2025-12-31', 'in_progress', '` + at + `')`,
		`INSERT INTO answers (assessment_id, question_id, value, updated_at) VALUES (7, 'basis.dpa', 'yes', '` + at + `')`,
	} {
		if _, err := v1.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	v1.Close()

	migrations = migrationFiles // the real steps, after buildV1's first-only set
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	answers, err := s.Answers(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Answer{
		"basis.records": {AssessmentID: 7, QuestionID: "basis.records", Value: No, Note: "Mangler – æøå", Owner: "Birthe",
			Due: "2025-12-31", ActionStatus: ActionInProgress},
		"basis.dpa": {AssessmentID: 7, QuestionID: "basis.dpa", Value: Yes, ActionStatus: ActionOpen},
	}
	if len(answers) != len(want) {
		t.Fatalf("%d answers after migrating, want %d", len(answers), len(want))
	}
	for id, w := range want {
		got := answers[id]
		if got.Value != w.Value || got.Note != w.Note || got.Owner != w.Owner || got.Due != w.Due ||
			got.ActionStatus != w.ActionStatus || got.Reconfirm || got.QuestionHash != "" {
			t.Errorf("%s after migrating: %+v, want its values kept and an empty fingerprint", id, got)
		}
	}
	// Nothing is known about the text they answered, so a newer checklist marks none of them.
	set := checklists.NewSet([]*checklists.Checklist{{ID: "basis", Version: 2, Area: "basis", Questions: []checklists.Question{
		{ID: "basis.records", Weight: 2, Text: checklists.Text{DA: "Ny tekst?", EN: "New text?"}},
		{ID: "basis.dpa", Weight: 2, Text: checklists.Text{DA: "Ny tekst 2?", EN: "New text 2?"}},
	}}})
	if marked, err := s.UpdateChecklists(ctx, set, 7); err != nil || marked != 0 {
		t.Errorf("a checklist update after migrating marked %d answers (%v), want 0", marked, err)
	}
	if v := userVersion(t, path); v != SchemaVersion() || v < 2 {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM pragma_table_info('answers') WHERE name = 'question_hash'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("answers.question_hash after migrating: %d %v", n, err)
	}
	if backups, _ := filepath.Glob(path + ".v1-*.bak"); len(backups) != 1 {
		t.Errorf("backups = %v, want one copy of the v1 database", backups)
	}
}

// Both checks for a database from a newer version refuse the first version past this one's
// (not only a far newer one): refuseNewer before anything is opened for writing, and migrate
// should the file have changed since. Each is tested on its own, as the first hides the second.
func TestNewerSchemaRefusedAtTheBoundary(t *testing.T) {
	ctx := context.Background()
	latest := len(migrationNames())
	for _, tt := range []struct {
		version int
		refused bool
	}{{latest, false}, {latest + 1, true}, {99, true}} {
		path := filepath.Join(t.TempDir(), "gdprtjek.db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(tt.version)); err != nil {
			t.Fatal(err)
		}
		want := ""
		if tt.refused {
			want = "store.too_new"
		}
		if got := errIDOf(refuseNewer(ctx, path)); got != want {
			t.Errorf("refuseNewer at user_version %d (this version: %d): %q, want %q", tt.version, latest, got, want)
		}
		if got := errIDOf(s.migrate(ctx)); got != want {
			t.Errorf("migrate at user_version %d (this version: %d): %q, want %q", tt.version, latest, got, want)
		}
		s.Close()
	}
}

func errIDOf(err error) string {
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return ie.ID
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

package assessment_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// backupStore is a store holding one company and one answered assessment, on a settable
// clock at noon local time (so that whole-day steps never cross midnight in any time zone).
func backupStore(t *testing.T) (*assessment.Store, *clock, *checklists.Set, assessment.Assessment) {
	t.Helper()
	s := openStore(t)
	c := &clock{time.Date(2026, 12, 1, 12, 0, 0, 0, time.Local)}
	s.Now = c.now
	set := testSet()
	co := newCompany(t, s, "Bøgeskov Smedie A/S")
	a := newAssessment(t, s, set, co.ID)
	save(t, s, set, a.ID, "b1", assessment.Yes)
	return s, c, set, a
}

func kinds(t *testing.T, s *assessment.Store) map[assessment.BackupKind]int {
	t.Helper()
	list, err := assessment.ListBackups(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	n := map[assessment.BackupKind]int{}
	for _, b := range list {
		n[b.Kind]++
	}
	return n
}

func TestDailyBackupOncePerDay(t *testing.T) {
	ctx := context.Background()
	empty := openStore(t)
	if p, err := empty.DailyBackupIfDue(ctx); err != nil || p != "" {
		t.Fatalf("an empty database was backed up: %q, %v", p, err)
	}
	s, clk, _, _ := backupStore(t)
	first, err := s.DailyBackupIfDue(ctx)
	if err != nil || first == "" {
		t.Fatalf("no backup on the day's first start: %q, %v", first, err)
	}
	clk.t = clk.t.Add(3 * time.Hour)
	if p, err := s.DailyBackupIfDue(ctx); err != nil || p != "" {
		t.Fatalf("a second start the same day backed up again: %q, %v", p, err)
	}
	clk.t = clk.t.Add(21 * time.Hour) // the next day, noon
	if p, err := s.DailyBackupIfDue(ctx); err != nil || p == "" || p == first {
		t.Fatalf("no backup on the next day's first start: %q, %v", p, err)
	}
	if got := kinds(t, s); got[assessment.BackupDaily] != 2 || got[assessment.BackupPreChange] != 0 {
		t.Errorf("backups %v, want 2 daily", got)
	}
	dir, err := os.Stat(assessment.BackupDir(s.Path()))
	if err != nil || dir.Mode().Perm() != 0o700 {
		t.Errorf("backups folder: %v, %v; want 0700", dir.Mode().Perm(), err)
	}
	if info, err := os.Stat(first); err != nil {
		t.Error(err)
	} else if info.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode %v, want 0600", info.Mode().Perm())
	}
}

func TestBackupBeforeImportAndChecklistUpdate(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	_, _, data := demoExport(t, set)
	s, clk, _, a := backupStore(t)
	if _, err := s.ImportExchange(ctx, set, data, false); err != nil {
		t.Fatal(err)
	}
	if n := kinds(t, s)[assessment.BackupPreChange]; n != 0 {
		t.Fatalf("%d backups with automatic backups off", n)
	}
	s.SetAutoBackup(true)
	before := dump(t, s)
	clk.t = clk.t.Add(time.Minute)
	if _, err := s.ImportExchange(ctx, set, data, true); err != nil {
		t.Fatal(err)
	}
	list, err := assessment.ListBackups(ctx, s.Path())
	if err != nil || len(list) != 1 || list[0].Kind != assessment.BackupPreChange {
		t.Fatalf("after an import: %+v, %v; want one pre-change backup", list, err)
	}
	if !list[0].Time.Equal(clk.t) || list[0].Companies != 2 || list[0].Size == 0 {
		t.Errorf("backup info %+v: want the clock's time %v and 2 companies", list[0], clk.t)
	}
	// The backup holds the state before the import.
	restored := openCopy(t, list[0].Path)
	if got := dump(t, restored); got != before {
		t.Error("the pre-import backup does not hold the database as it was before the import")
	}
	// An import refused because the assessment exists takes no backup.
	clk.t = clk.t.Add(time.Minute)
	_, err = s.ImportExchange(ctx, set, data, false)
	wantErrID(t, err, "exchange.exists")
	clk.t = clk.t.Add(time.Minute)
	if _, err := s.UpdateChecklists(ctx, set, a.ID); err != nil {
		t.Fatal(err)
	}
	if n := kinds(t, s)[assessment.BackupPreChange]; n != 2 {
		t.Errorf("%d pre-change backups after an import, a refused import and a checklist update; want 2", n)
	}
}

// openCopy opens a copy of a backup as a store, leaving the backup itself untouched.
func openCopy(t *testing.T, path string) *assessment.Store {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := assessment.Open(context.Background(), cp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestBackupsOnOneInstant: backups taken at the same instant (a fixed clock) all succeed,
// listed in the order they were taken.
func TestBackupsOnOneInstant(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := backupStore(t)
	var made []string
	for i := 0; i < 3; i++ {
		p, err := s.Backup(ctx, assessment.BackupPreChange)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	list, err := assessment.ListBackups(ctx, s.Path())
	if err != nil || len(list) != 3 || list[0].Path != made[2] || list[2].Path != made[0] {
		t.Fatalf("three backups at one instant: %+v, %v", list, err)
	}
}

func TestBackupRotation(t *testing.T) {
	ctx := context.Background()
	s, clk, _, _ := backupStore(t)
	var daily []string
	for day := 0; day < 20; day++ {
		p, err := s.DailyBackupIfDue(ctx)
		if err != nil || p == "" {
			t.Fatalf("day %d: %q, %v", day, p, err)
		}
		daily = append(daily, p)
		for i := 0; i < 2; i++ { // two changes a day
			clk.t = clk.t.Add(time.Minute)
			if _, err := s.Backup(ctx, assessment.BackupPreChange); err != nil {
				t.Fatal(err)
			}
		}
		clk.t = clk.t.Add(24*time.Hour - 2*time.Minute)
	}
	list, err := assessment.ListBackups(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(t, s)
	if got[assessment.BackupDaily] != assessment.KeepDaily || got[assessment.BackupPreChange] != assessment.KeepPreChange {
		t.Fatalf("after 20 days with 2 changes each: %v, want %d daily and %d pre-change", got, assessment.KeepDaily, assessment.KeepPreChange)
	}
	// The newest are kept: the last 14 daily, the last 5 pre-change; newest first.
	var keptDaily []string
	for i, b := range list {
		if i > 0 && b.Time.After(list[i-1].Time) {
			t.Error("the list is not newest first")
		}
		if b.Kind == assessment.BackupDaily {
			keptDaily = append(keptDaily, b.Path)
		}
		if b.Kind == assessment.BackupPreChange && b.Time.Before(clk.t.Add(-3*24*time.Hour)) {
			t.Errorf("an old pre-change backup of %v was kept", b.Time)
		}
	}
	for i, p := range keptDaily {
		if want := daily[len(daily)-1-i]; p != want {
			t.Errorf("daily backup %d kept is %s, want %s", i, filepath.Base(p), filepath.Base(want))
		}
	}
	entries, _ := os.ReadDir(assessment.BackupDir(s.Path()))
	if len(entries) != assessment.KeepDaily+assessment.KeepPreChange {
		t.Errorf("%d files in the backups folder, want %d (no temporary files left)", len(entries), assessment.KeepDaily+assessment.KeepPreChange)
	}
}

func TestRestoreBringsBackEarlierState(t *testing.T) {
	ctx := context.Background()
	s, clk, set, a := backupStore(t)
	before := dump(t, s)
	backup, err := s.Backup(ctx, assessment.BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	// Changes after the backup: an answer changed, another added, a company added. (Not a
	// company deleted: deletion reaches into the backups too, TestDeleteCompanyPurgesBackups.)
	save(t, s, set, a.ID, "b1", assessment.No)
	save(t, s, set, a.ID, "b2", assessment.Partly)
	newCompany(t, s, "Ny Virksomhed ApS")
	changed := dump(t, s)
	if changed == before {
		t.Fatal("the changes changed nothing")
	}
	clk.t = clk.t.Add(time.Hour)
	kept, err := s.Restore(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s); got != before {
		t.Errorf("restore did not bring back the earlier state exactly:\nwant\n%s\ngot\n%s", before, got)
	}
	// The store goes on working, and the state before the restore was kept.
	save(t, s, set, a.ID, "b3", assessment.Yes)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, openCopy(t, kept)); got != changed {
		t.Error("the backup taken before the restore does not hold the state before it")
	}
}

func TestRestoreRefusesDamagedAndForeignFiles(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := backupStore(t)
	good, err := s.Backup(ctx, assessment.BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	damaged := filepath.Join(dir, "damaged.db")
	data, _ := os.ReadFile(good)
	if len(data) < 4*4096 {
		t.Fatalf("the backup is only %d bytes", len(data))
	}
	corrupt := append([]byte(nil), data...)
	for i := 2 * 4096; i < len(corrupt)-4096; i++ { // every page but the first and the last
		corrupt[i] = byte(i * 7)
	}
	must(t, os.WriteFile(damaged, corrupt, 0o600))
	text := filepath.Join(dir, "notes.db")
	must(t, os.WriteFile(text, []byte(strings.Repeat("ikke en database\n", 300)), 0o600))
	truncated := filepath.Join(dir, "short.db")
	must(t, os.WriteFile(truncated, data[:len(data)/2], 0o600))
	foreign := filepath.Join(dir, "foreign.db") // a SQLite database of another program
	db, err := sql.Open("sqlite3", foreign)
	must(t, err)
	_, err = db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('ferie.jpg')`)
	must(t, err)
	db.Close()

	before := dump(t, s)
	backups := kinds(t, s)
	for _, tc := range []struct{ name, path, want string }{
		{"damaged pages", damaged, "backup.damaged"},
		{"truncated", truncated, "backup.damaged"},
		{"a text file", text, "backup.not_ours"},
		{"another program's database", foreign, "backup.not_ours"},
		{"missing", filepath.Join(dir, "nope.db"), "file.read_failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Restore(ctx, tc.path)
			wantErrID(t, err, tc.want)
			if dump(t, s) != before {
				t.Error("a refused restore changed the database")
			}
			if got := kinds(t, s); got[assessment.BackupPreChange] != backups[assessment.BackupPreChange] {
				t.Error("a refused restore took a backup (it would push a good one out)")
			}
		})
	}
	// The recovery screen offers the newest backup that passes the check: not a damaged newer one.
	newest, ok := assessment.NewestGoodBackup(ctx, s.Path())
	if !ok || newest.Path != good {
		t.Fatalf("newest good backup %+v, want %s", newest, good)
	}
	newer := filepath.Join(assessment.BackupDir(s.Path()), "gdprtjek-20301201T110000.000Z-daily.db")
	must(t, os.WriteFile(newer, corrupt, 0o600))
	if newest, ok := assessment.NewestGoodBackup(ctx, s.Path()); !ok || newest.Path != good {
		t.Errorf("a damaged newer backup was offered: %+v", newest)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRestoreIntoReplacesUnopenableDatabase(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := backupStore(t)
	backup, err := s.Backup(ctx, assessment.BackupDaily)
	must(t, err)
	want := dump(t, s)
	path := s.Path()
	s.Close()
	garbage := []byte(strings.Repeat("beskadiget ", 1000))
	must(t, os.WriteFile(path, garbage, 0o600))
	os.Remove(path + "-wal") // a log beside the garbage would make it an interrupted checkpoint
	_, err = assessment.Open(ctx, path)
	wantErrID(t, err, "store.not_a_database")
	kept, err := assessment.RestoreInto(ctx, backup, path)
	must(t, err)
	if got, _ := os.ReadFile(kept); string(got) != string(garbage) {
		t.Error("the unopenable file was not kept as it was")
	}
	restored, err := assessment.Open(ctx, path)
	must(t, err)
	defer restored.Close()
	if got := dump(t, restored); got != want {
		t.Error("the restored database differs from the backup")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("restored database: %v", err)
	}
}

// Deleting a company deletes it from the automatic backups too: "all its data" includes the
// copies the app keeps on its own.
func TestDeleteCompanyPurgesBackups(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	const name, secret = "Hemmelighedsfulde Æblemost ApS", "Fortroligt-4711-ÆØÅ"
	gone, _ := fullCompany(t, s, name, "38745123", secret)
	kept, _ := fullCompany(t, s, "Bøgeskov Smedie A/S", "12345674", "Bøg")
	for _, kind := range []assessment.BackupKind{assessment.BackupDaily, assessment.BackupPreChange} {
		if _, err := s.Backup(ctx, kind); err != nil {
			t.Fatal(err)
		}
	}
	backups, err := assessment.ListBackups(ctx, s.Path())
	if err != nil || len(backups) != 2 {
		t.Fatalf("backups: %v, %v", backups, err)
	}
	for _, b := range backups {
		if raw, _ := os.ReadFile(b.Path); !strings.Contains(string(raw), secret) {
			t.Fatal("the secret is not in a backup before deletion; the test proves nothing")
		}
	}

	if err := s.DeleteCompany(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}

	after, err := assessment.ListBackups(ctx, s.Path())
	if err != nil || len(after) != 2 {
		t.Fatalf("backups after deletion: %v, %v (none may be lost when they can be cleaned)", after, err)
	}
	for _, b := range after {
		raw, err := os.ReadFile(b.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{name, secret} {
			if strings.Contains(string(raw), s) {
				t.Errorf("%s: %q is still in the backup's bytes", filepath.Base(b.Path), s)
			}
		}
		if err := assessment.VerifyBackup(ctx, b.Path); err != nil {
			t.Errorf("%s no longer verifies: %v", filepath.Base(b.Path), err)
		}
		if b.Companies != 1 {
			t.Errorf("%s holds %d companies, want the kept one only", filepath.Base(b.Path), b.Companies)
		}
		if _, err := openCopy(t, b.Path).Company(ctx, kept.ID); err != nil {
			t.Errorf("%s lost the company that was kept: %v", filepath.Base(b.Path), err)
		}
	}
}

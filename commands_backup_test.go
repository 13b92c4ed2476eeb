package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gdprtjek/assessment"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	dir, db, id := demoDB(t)
	ctx := context.Background()
	// A command on a database with data takes the day's backup.
	if r := runCmd(t, "list", "--db", db, "--lang", "en"); r.code != 0 {
		t.Fatalf("list: %+v", r)
	}
	list, err := assessment.ListBackups(ctx, db)
	if err != nil || len(list) != 1 || list[0].Kind != assessment.BackupDaily || list[0].Companies != 1 {
		t.Fatalf("after the day's first command: %+v, %v; want one daily backup of 1 company", list, err)
	}
	out := filepath.Join(dir, "kopi før ændring.db")
	if r := runCmd(t, "backup", "--db", db, "--out", out, "--lang", "en"); r.code != 0 || strings.TrimSpace(r.stdout) != out {
		t.Fatalf("backup --out: %+v", r)
	}
	if r := runCmd(t, "backup", "--db", db, "--out", out, "--lang", "en"); r.code != 1 || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("backup --out onto an existing file: %+v", r)
	}
	before := exportOf(t, db, id)
	if r := runCmd(t, "answer", "--db", db, "--assessment", id, "--question", firstQuestion(t), "--value", "no", "--note", "ændret"); r.code != 0 {
		t.Fatalf("answer: %+v", r)
	}
	if exportOf(t, db, id) == before {
		t.Fatal("the answer changed nothing")
	}
	r := runCmd(t, "restore", out, "--db", db, "--lang", "da")
	if r.code != 0 || !strings.Contains(r.stdout, "Genskabte "+out) {
		t.Fatalf("restore: %+v", r)
	}
	if exportOf(t, db, id) != before {
		t.Error("restore did not bring back the state of the backup")
	}
	// A damaged or foreign file is refused with one line, exit 1, and nothing changes.
	damaged := filepath.Join(dir, "beskadiget.db")
	data, _ := os.ReadFile(out)
	for i := 2 * 4096; i < len(data)-4096; i++ {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "noter.txt")
	os.WriteFile(notes, []byte("ikke en database"), 0o600)
	backups, _ := assessment.ListBackups(ctx, db)
	for file, want := range map[string]string{damaged: "is damaged", notes: "is not a GDPR check database"} {
		r := runCmd(t, "restore", file, "--db", db, "--lang", "en")
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); r.code != 1 || len(lines) != 1 || !strings.Contains(lines[0], want) {
			t.Errorf("restore %s: exit %d, stderr %q; want exit 1 and one line saying %q", filepath.Base(file), r.code, r.stderr, want)
		}
		if exportOf(t, db, id) != before {
			t.Errorf("the refused restore of %s changed the database", filepath.Base(file))
		}
	}
	if after, _ := assessment.ListBackups(ctx, db); len(after) != len(backups) {
		t.Errorf("refused restores took backups: %d before, %d after", len(backups), len(after))
	}
	// A damaged database is put aside, not overwritten, and the backup takes its place.
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(db + suffix)
	}
	if err := os.WriteFile(db, []byte(strings.Repeat("x", 8192)), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "restore", out, "--db", db, "--lang", "en"); r.code != 0 {
		t.Fatalf("restore over a damaged database: %+v", r)
	}
	if exportOf(t, db, id) != before {
		t.Error("the restore over a damaged database did not bring back the backup")
	}
	if kept, _ := filepath.Glob(db + ".damaged-*"); len(kept) != 1 {
		t.Errorf("the damaged database was not kept: %v", kept)
	}
}

func exportOf(t *testing.T, db, id string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "e.json")
	if r := runCmd(t, "export", "--db", db, "--assessment", id, "--out", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func firstQuestion(t *testing.T) string {
	t.Helper()
	store, set, _, err := openAll(context.Background(), filepath.Join(t.TempDir(), "q.db"), "")
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	return set.Checklists[0].Questions[0].ID
}

func TestUsageNamesBackupCommands(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		r := runCmd(t, "--help", "--lang", lang)
		if !strings.Contains(r.stdout, "gdprtjek backup [--out") || !strings.Contains(r.stdout, "gdprtjek restore ") {
			t.Errorf("--help --lang %s lacks backup and restore", lang)
		}
	}
	if r := runCmd(t, "restore", "--lang", "en"); r.code != 2 {
		t.Errorf("restore without a file: exit %d, want 2", r.code)
	}
}

// TestKillDuringBackup kills `gdprtjek backup` at random points, many times: the database
// must stay intact, and every backup listed must be whole (pass the integrity check); what a
// killed backup left behind is a hidden temporary file that is never listed.
func TestKillDuringBackup(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	dir := t.TempDir()
	file, _, _ := largeExchange(t, dir, 10000)
	db := filepath.Join(dir, "backup.db")
	if out, err := childCommand("import", file, "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	info, _ := os.Stat(db)
	start := time.Now()
	if out, err := childCommand("backup", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("a whole backup failed: %v\n%s", err, out)
	}
	whole := time.Since(start)
	ctx := context.Background()
	const cycles = 20
	killed, finished := 0, 0
	for i := 0; i < cycles; i++ {
		cmd := childCommand("backup", "--db", db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(whole))))
		if cmd.Process.Kill() == nil {
			killed++
		}
		if cmd.Wait() == nil {
			finished++
		}
		s, err := assessment.Open(ctx, db)
		if err != nil {
			t.Fatalf("cycle %d: open after kill: %v", i, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
		s.Close()
		list, err := assessment.ListBackups(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range list {
			if err := assessment.VerifyBackup(ctx, b.Path); err != nil || b.Companies != 1 {
				t.Fatalf("cycle %d: half a backup listed: %s (%d companies, %v)", i, filepath.Base(b.Path), b.Companies, err)
			}
		}
	}
	list, _ := assessment.ListBackups(ctx, db)
	temps, _ := filepath.Glob(filepath.Join(assessment.BackupDir(db), ".backup-*"))
	t.Logf("database %d MB, whole backup %v; %d kill cycles, %d kills landed, %d backups finished first; "+
		"%d backups listed, all whole; %d temporary files left by kills, none listed",
		info.Size()>>20, whole.Round(time.Millisecond), cycles, killed, finished, len(list), len(temps))
}

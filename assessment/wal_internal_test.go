package assessment

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"gdprtjek/checklists"
)

// TestOpenCompletesInterruptedCheckpoint: a program killed while SQLite copied the write-ahead
// log into the database leaves the file shorter than its header says, with the log beside it.
// That is not damage: the database opens, with everything the log holds (TestKillDuringImport
// met this now and then before Open knew it).
func TestOpenCompletesInterruptedCheckpoint(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := Company{Name: "Før Demoen ApS"}
	if err := s.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.Close() // the file now holds everything; no log
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// One connection with automatic checkpoints off: the demo stays in the log.
	s.db.SetMaxOpenConns(1)
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}

	// The files as a kill in the middle of a checkpoint leaves them: the log whole, the
	// file's first page (with the new, larger page count) written, the pages after it not.
	crashed := filepath.Join(dir, "crashed.db")
	main, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("the demo is not in the log (%d bytes, %v)", len(wal), err)
	}
	pageSize := int(binary.BigEndian.Uint16(main[16:18]))
	binary.BigEndian.PutUint32(main[28:32], uint32(len(main)/pageSize+20))
	if !truncated(main[:100], int64(len(main))) {
		t.Fatal("the test's file does not look truncated")
	}
	if err := os.WriteFile(crashed, main, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crashed+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}

	after, err := Open(ctx, crashed)
	if err != nil {
		t.Fatalf("a database left by an interrupted checkpoint was refused: %v", err)
	}
	defer after.Close()
	if err := after.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	snap, err := after.Snapshot(ctx, id)
	if err != nil || len(snap.Answers) == 0 {
		t.Fatalf("the demo in the log did not come back: %v", err)
	}
}

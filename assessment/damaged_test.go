package assessment_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// A truncated database is refused with store.damaged and left exactly as it was.
func TestOpenRefusesTruncatedDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gdprtjek.db")
	s, err := assessment.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDemo(ctx, set); err != nil {
		t.Fatal(err)
	}
	s.Close() // checkpoints the WAL into the file
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:len(data)/2]
	if err := os.WriteFile(path, cut, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = assessment.Open(ctx, path)
	wantErrID(t, err, "store.damaged")
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, cut) {
		t.Error("the truncated file was changed")
	}
}

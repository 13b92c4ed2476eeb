package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullDiskLeavesNoPartialFile writes a report and an export while the file size the
// program may write is limited (prlimit's RLIMIT_FSIZE, which fails writes as a full disk
// does): each command says it could not write the file, exits 1, and leaves the folder as it
// was: no partial file, and an earlier file of the same name untouched.
func TestFullDiskLeavesNoPartialFile(t *testing.T) {
	// Not a skip: a safety test that skips where the tool is missing is a silent hole in CI.
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Fatal("prlimit is missing; make test installs it (util-linux, scripts/deps.sh)")
	}
	dir, db, id := demoDB(t)
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	earlier := []byte("an earlier file that a failed write must not touch")
	for _, tc := range []struct {
		name, file, limit, message string
	}{
		// 48 KB: the database opens (its shared-memory file takes 32 KB), the file does not fit.
		{"report", "rapport.pdf", "49152", "Kunne ikke skrive filen"},
		{"export", "udveksling.json", "49152", "Kunne ikke skrive filen"},
		// 8 KB: not even the database opens; the message must not call it damaged.
		{"report", "rapport.pdf", "8192", "Tjek, at der er plads på disken"},
	} {
		t.Run(tc.name+"/"+tc.limit, func(t *testing.T) {
			target := filepath.Join(out, tc.file)
			if err := os.WriteFile(target, earlier, 0o600); err != nil {
				t.Fatal(err)
			}
			args := []string{tc.name, "--db", db, "--assessment", id, "--out", target}
			if tc.name == "report" {
				args = append(args, "--lang", "da")
			}
			cmd := exec.Command(prlimit, "--fsize="+tc.limit, os.Args[0], "-test.run=^$")
			cmd.Env = childEnv(args, "GDPRTJEK_LANG=da")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != 1 {
				t.Fatalf("%s with no space left: %v, want exit 1; stderr: %s", tc.name, err, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.message) {
				t.Errorf("no clear Danish message: %q", stderr.String())
			}
			entries, err := os.ReadDir(out)
			if err != nil || len(entries) != 1 {
				t.Errorf("the folder holds %d entries after the failed write, want 1 (%v)", len(entries), err)
			}
			if got, _ := os.ReadFile(target); !bytes.Equal(got, earlier) {
				t.Error("the failed write changed the earlier file")
			}
			if err := os.Remove(target); err != nil {
				t.Fatal(err)
			}
		})
	}
}

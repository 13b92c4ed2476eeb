//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gdprtjek/assessment"
)

// TestImportRefusesUnboundedFiles starts the program on files a careless or hostile user may
// give import: each must be refused with one clear line and exit 1, at once, without reading
// it. The child's peak memory (its maximum resident set) is measured against that of a child
// refusing a missing file; reading any of these files would add at least 64 MB, since each is
// at least that large or endless.
func TestImportRefusesUnboundedFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.json")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	over := filepath.Join(dir, "over.json")
	f, err := os.Create(over)
	if err != nil {
		t.Fatal(err)
	}
	// Written, not sparse, so that reading it would really cost memory.
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for i := 0; i < assessment.MaxExchangeFileSize>>20; i++ {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.Write([]byte{'\n'}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	base := childRSS(t, "import", filepath.Join(dir, "missing.json"), "--db", db)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"/dev/zero", []string{"import", "/dev/zero"}, "/dev/zero is not an ordinary file"},
		{"a FIFO", []string{"import", fifo}, fifo + " is not an ordinary file"},
		{"a folder", []string{"import", folder}, folder + " is not an ordinary file"},
		{"one byte over the limit", []string{"import", over}, "is larger than 64 MB"},
		{"a FIFO as passphrase file", []string{"import", over, "--passphrase-file", fifo}, fifo + " is not an ordinary file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := childCommand(append(tc.args, "--db", db)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second): // a guard against hanging, not a speed target
				cmd.Process.Kill()
				<-done
				t.Fatal("the program did not return within 30 s")
			}
			took := time.Since(start)
			rss := maxRSS(cmd.ProcessState)
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit %d, want 1; stderr %q", code, stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr should be one line saying %q, got %q", tc.want, stderr.String())
			}
			if rss-base >= assessment.MaxExchangeFileSize/2 {
				t.Errorf("peak memory %d MB, %d MB above a refused missing file: the file was read", rss>>20, (rss-base)>>20)
			}
			t.Logf("exit %d in %v, peak resident memory %d MB (a missing file: %d MB): %s", cmd.ProcessState.ExitCode(),
				took.Round(time.Millisecond), rss>>20, base>>20, lines[0])
		})
	}
}

// maxRSS is a finished child's peak resident memory in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	return ps.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
}

// childRSS runs the program with args and returns its peak resident memory.
func childRSS(t *testing.T, args ...string) int64 {
	t.Helper()
	cmd := childCommand(args...)
	cmd.Run() // its exit code is not the point
	if cmd.ProcessState == nil {
		t.Fatal("the child did not run")
	}
	return maxRSS(cmd.ProcessState)
}

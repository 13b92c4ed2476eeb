package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// customChecklists writes n questions of realistic length (about 1.2 KB each in the file, as
// the built-ins) into files of 1,000 questions in dir.
func customChecklists(tb testing.TB, dir string, n int) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	long := func(s string, id string) string { return fmt.Sprintf("%s (%s): %s", s, id, strings.Repeat(s+" ", 2)) }
	for f := 0; f*1000 < n; f++ {
		c := &checklists.Checklist{ID: fmt.Sprintf("custom-%d", f), Version: 1, Area: fmt.Sprintf("custom-%d", f), Order: 500 + f,
			Title: checklists.Text{DA: fmt.Sprintf("Egen tjekliste %d", f), EN: fmt.Sprintf("Own checklist %d", f)}}
		for i := f * 1000; i < min(n, (f+1)*1000); i++ {
			id := fmt.Sprintf("custom-%d.q%d", f, i)
			c.Questions = append(c.Questions, checklists.Question{ID: id, Weight: 1 + i%3,
				Refs: []string{"GDPR art. 5", "Databeskyttelsesloven § 6"},
				Text: checklists.Text{DA: long("Behandles personoplysningerne lovligt og gennemsigtigt?", id),
					EN: long("Is personal data processed lawfully and transparently?", id)},
				Guidance: checklists.Text{DA: long("Se Datatilsynets vejledning om behandlingsgrundlag.", id),
					EN: long("See the Danish DPA's guidance on lawful basis.", id)},
				Remediation: checklists.Text{DA: long("Dokumentér grundlaget i fortegnelsen.", id),
					EN: long("Document the basis in the record of processing.", id)}})
		}
		data, err := checklists.Marshal(c)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.ID+".toml"), data, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkStartWith10000CustomQuestions is the whole process of `gdprtjek list` on a
// database with 10,000 custom questions installed beside it: start, load the checklists,
// open the database, print. The test binary runs itself as the child (see TestMain).
func BenchmarkStartWith10000CustomQuestions(b *testing.B) {
	dir := b.TempDir()
	customChecklists(b, filepath.Join(dir, "checklists"), 10000)
	db := filepath.Join(dir, "gdprtjek.db")
	run := func() *syscall.Rusage { return child(b, "list", "--db", db) }
	run() // the first start builds the cache; every later one is what a user waits for
	b.ResetTimer()
	measureChild(b, run)
}

// child runs the test binary as gdprtjek with args and returns its resource usage.
func child(b *testing.B, args ...string) *syscall.Rusage {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GDPRTJEK_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", args[0], err, out)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage)
}

// measureChild runs run b.N times and reports, per run, the wall time and the CPU time (user
// and system) of the child: on a shared machine the wall time includes waiting for a core.
func measureChild(b *testing.B, run func() *syscall.Rusage) {
	var cpu time.Duration
	var maxRSS int64
	start := time.Now()
	for b.Loop() {
		u := run()
		cpu += time.Duration(u.Utime.Nano() + u.Stime.Nano())
		maxRSS = max(maxRSS, u.Maxrss)
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "wall-ms")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms")
	b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MB")
}

func BenchmarkReportProcess1000(b *testing.B)  { benchmarkReportProcess(b, 1000) }
func BenchmarkReportProcess10000(b *testing.B) { benchmarkReportProcess(b, 10000) }

// benchmarkReportProcess is the whole process of `gdprtjek report` for an assessment of n
// answered custom questions (with the built-in ones unanswered beside them): start, load,
// score, render, write the PDF. Peak RSS is the process's resident memory at its highest.
func benchmarkReportProcess(b *testing.B, n int) {
	dir := b.TempDir()
	db, id := reportDB(b, dir, n)
	out := filepath.Join(dir, "report.pdf")
	b.ResetTimer()
	measureChild(b, func() *syscall.Rusage {
		return child(b, "report", "--db", db, "--assessment", fmt.Sprint(id), "--lang", "da", "--out", out)
	})
	b.StopTimer()
	if info, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "PDF-MB")
	}
}

// reportDB makes a database in dir with n custom questions beside it and an assessment
// answering all of them; it returns the database and the assessment's ID.
func reportDB(b testing.TB, dir string, n int) (string, int64) {
	ctx := context.Background()
	customChecklists(b, filepath.Join(dir, "checklists"), n)
	db := filepath.Join(dir, "gdprtjek.db")
	set, problems, err := loadChecklists(db, "")
	if err != nil || len(problems) > 0 {
		b.Fatal(err, problems)
	}
	store, err := assessment.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	snap := &assessment.Snapshot{Company: assessment.Company{Name: "Æblegården ApS"},
		Assessment: assessment.Assessment{UID: "bench", Title: "Runde 1", Status: assessment.Draft, Checklists: set.Refs(),
			CreatedAt: time.Now(), UpdatedAt: time.Now()},
		Answers: map[string]assessment.Answer{}}
	values := []assessment.Value{assessment.Yes, assessment.Partly, assessment.No, assessment.Unknown, assessment.NA}
	i := 0
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			if c.Source != checklists.Builtin {
				snap.Answers[q.ID] = assessment.Answer{QuestionID: q.ID, Value: values[i%len(values)], Note: "Noteret under workshoppen.",
					Owner: "Birthe Østergård", Due: "2026-09-01", UpdatedAt: time.Now()}
				i++
			}
		}
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		b.Fatal(err)
	}
	id, err := store.ImportExchange(ctx, set, data, false)
	store.Close()
	if err != nil {
		b.Fatal(err)
	}
	return db, id
}

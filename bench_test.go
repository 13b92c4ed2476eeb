package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	run := func() {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GDPRTJEK_TEST_CHILD_ARGS="+strings.Join([]string{"list", "--db", db}, "\x1f"))
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("list: %v\n%s", err, out)
		}
	}
	run() // the first start may build a cache; every later one is what a user waits for
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/start")
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// childCommand starts this test binary as the real program (see TestMain).
func childCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = childEnv(args, "GDPRTJEK_LANG=en")
	return cmd
}

// largeExchange writes an exchange file of the demo assessment with many comments, so that an
// import takes long enough to be killed in the middle.
func largeExchange(t *testing.T, dir string, comments int) (path, uid string, answers int) {
	t.Helper()
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	s, err := assessment.Open(ctx, filepath.Join(dir, "source.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < comments; i++ {
		snap.Comments = append(snap.Comments, assessment.Comment{Author: "Søren Åkjær",
			Body: fmt.Sprintf("Kommentar %d: %s", i, strings.Repeat("æøå ", 40)), CreatedAt: s.Now()})
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "large.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, snap.Assessment.UID, len(snap.Answers)
}

// killPoints returns the source of a kill test's random kill points and logs its seed, which a
// failed run prints: GDPRTJEK_KILL_SEED=<seed> draws the same points again (as fractions of
// the time a whole run takes, which differs between machines and runs).
func killPoints(t *testing.T) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("GDPRTJEK_KILL_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("GDPRTJEK_KILL_SEED: %v", err)
		}
	}
	t.Logf("kill points from seed %d (GDPRTJEK_KILL_SEED=%d replays them)", seed, seed)
	return rand.New(rand.NewPCG(seed, seed))
}

// killAfter starts cmd, kills it after d unless it has ended, and says whether the kill ended
// it. A child that ended by itself must have succeeded; its output is in the failure.
func killAfter(t *testing.T, cmd *exec.Cmd, d time.Duration) (killed bool) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(d):
		// The child may end between the timer and the signal: Kill then finds it gone, or a
		// zombie, and the wait status below tells which happened.
		cmd.Process.Kill()
		<-done
	}
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok {
		t.Fatalf("no wait status: %v", cmd.ProcessState)
	}
	if ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return true
	}
	if !ws.Exited() || ws.ExitStatus() != 0 {
		t.Fatalf("the child ended with %v without a kill:\n%s", cmd.ProcessState, out.String())
	}
	return false
}

// TestKillDuringImport kills the program at random points of an import, many times: the
// database must stay intact, and the assessment wholly there or not at all. Kills must also
// be seen to land during the import, before it committed, or the test has shown nothing.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	points := killPoints(t)
	dir := t.TempDir()
	const comments = 10000
	file, uid, answers := largeExchange(t, dir, comments)
	db := filepath.Join(dir, "target.db")

	// How long one whole import takes here bounds the random kill points, which reach a little
	// past it, so that some kills come after the commit.
	start := time.Now()
	if out, err := childCommand("import", file, "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("a whole import failed: %v\n%s", err, out)
	}
	whole := time.Since(start)
	fileContact := companyContact(t, db, uid)

	const cycles = 20
	var killed, exited int
	var beforeOpen, interrupted, complete int // fresh cycles: where the kill left the database
	var kept, replaced int                    // replacing cycles: which whole import is there
	for i := range cycles {
		// Odd cycles import into a fresh database (the kill must leave nothing), even ones
		// replace a complete import (the kill must leave the old one whole). The old one is
		// marked, so that which of the two survived can be seen.
		fresh := i%2 == 1
		marker := fmt.Sprintf("før drab %d", i)
		if fresh {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(db + suffix)
			}
		} else {
			markCompany(t, db, uid, marker)
		}
		cmd := childCommand("import", file, "--db", db, "--replace")
		wasKilled := killAfter(t, cmd, time.Duration(points.Float64()*float64(whole)*5/4))
		if wasKilled {
			killed++
		} else {
			exited++
		}
		opened := fileSize(db) > 0 || fileSize(db+"-wal") > 0 // the child had created the schema

		found := checkImported(t, db, uid, answers, comments)
		contact := companyContact(t, db, uid)
		if !wasKilled && (!found || contact != fileContact) {
			t.Fatalf("cycle %d: the import ended by itself, but the database does not hold it (found %v, contact %q)", i, found, contact)
		}
		switch {
		case fresh && found:
			complete++
		case fresh && opened:
			interrupted++
		case fresh:
			beforeOpen++
		case !found:
			t.Fatalf("cycle %d: the kill of a replacing import lost the assessment it replaced", i)
		case contact == marker:
			kept++
		case contact == fileContact:
			replaced++
		default:
			t.Fatalf("cycle %d: the company's contact is %q, neither the old %q nor the file's %q", i, contact, marker, fileContact)
		}
		if fresh && !found { // leave a complete import for the next, replacing, cycle
			if out, err := childCommand("import", file, "--db", db, "--replace").CombinedOutput(); err != nil {
				t.Fatalf("import: %v\n%s", err, out)
			}
		}
	}
	t.Logf("whole import %v; %d cycles: %d children killed, %d ended first; fresh: %d killed before opening the database, "+
		"%d during the import (nothing left), %d complete; replacing: %d kept the old import whole, %d replaced it; 0 half imports",
		whole.Round(time.Millisecond), cycles, killed, exited, beforeOpen, interrupted, complete, kept, replaced)
	if interrupted == 0 || kept == 0 {
		t.Errorf("no kill landed during an import (fresh %d, replacing %d): the test showed nothing about half imports; "+
			"a whole import took %v", interrupted, kept, whole)
	}
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

// markCompany sets the contact of the company of assessment uid, so that a later look tells
// whether an import replaced it.
func markCompany(t *testing.T, db, uid, contact string) {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := findAssessment(t, s, uid)
	c, err := s.Company(ctx, a.CompanyID)
	if err != nil {
		t.Fatal(err)
	}
	c.Contact = contact
	if err := s.UpdateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
}

// companyContact is the contact of the company of assessment uid, or "" without one.
func companyContact(t *testing.T, db, uid string) string {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := findAssessment(t, s, uid)
	if a == nil {
		return ""
	}
	c, err := s.Company(ctx, a.CompanyID)
	if err != nil {
		t.Fatal(err)
	}
	return c.Contact
}

func findAssessment(t *testing.T, s *assessment.Store, uid string) *assessment.Assessment {
	t.Helper()
	list, err := s.Assessments(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range list {
		if list[i].UID == uid {
			return &list[i]
		}
	}
	return nil
}

// checkImported opens the database after a kill: it must pass the integrity check, and the
// assessment must be whole (every answer and comment) or absent. It says whether it is there.
func checkImported(t *testing.T, db, uid string, answers, comments int) bool {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity check after kill: %v", err)
	}
	list, err := s.Assessments(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, a := range list {
		if a.UID != uid {
			continue
		}
		found++
		snap, err := s.Snapshot(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.Comments) != comments || len(snap.Answers) != answers {
			t.Fatalf("half an import: %d of %d comments, %d of %d answers", len(snap.Comments), comments, len(snap.Answers), answers)
		}
	}
	if found > 1 {
		t.Fatalf("%d copies of the assessment", found)
	}
	return found == 1
}

// TestKillDuringAnswers kills the program while it saves answers: every save it reported done
// must be in the database afterwards.
func TestKillDuringAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	points := killPoints(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "answers.db")
	out, err := childCommand("demo", "--db", db, "--out", dir).Output()
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(string(out))
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			ids = append(ids, q.ID)
		}
	}
	// How long one save takes here (process start included), the longest of three, bounds the
	// random kill points, which reach past it, so that about half the children finish first.
	var whole time.Duration
	for range 3 {
		start := time.Now()
		if out, err := childCommand("answer", "--assessment", id, "--question", ids[0], "--value", "yes", "--db", db).CombinedOutput(); err != nil {
			t.Fatalf("answer: %v\n%s", err, out)
		}
		whole = max(whole, time.Since(start))
	}
	reported := map[string]int{} // question → the last cycle the child reported saved
	const cycles = 40
	killed, saves := 0, 0
	for i := range cycles {
		q := ids[i%len(ids)]
		note := fmt.Sprintf("%d – ændret", i)
		cmd := childCommand("answer", "--assessment", id, "--question", q, "--value", "partly", "--note", note, "--db", db)
		// A child that exited reported its save; one that was killed did not (whether or not
		// its save had committed).
		if killAfter(t, cmd, time.Duration(points.Float64()*float64(whole)*2)) {
			killed++
		} else {
			reported[q] = i
			saves++
		}
	}
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	var aid int64
	fmt.Sscan(id, &aid)
	got, err := s.Answers(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	// A question saved in a reported cycle must hold that cycle's note or a later one (a later
	// child may have committed just before it was killed).
	lost := 0
	for q, cycle := range reported {
		var stored int
		if _, err := fmt.Sscanf(got[q].Note, "%d – ændret", &stored); err != nil || stored < cycle {
			lost++
			t.Errorf("%s: reported saved in cycle %d, database has note %q", q, cycle, got[q].Note)
		}
	}
	t.Logf("%d answer cycles, %d killed before finishing, %d reported saved, %d lost", cycles, killed, saves, lost)
	if killed == 0 || saves == 0 {
		t.Errorf("%d children killed, %d reported saves: the kill points missed the saves (one took %v)", killed, saves, whole)
	}
}

// returnedExchange prepares a merge worth killing: a database holding the demo assessment as
// the company has it (base), and the partner's returned file with many new comments, a response
// to every partner task and one differing answer. It returns the file and what a whole merge adds.
func returnedExchange(t *testing.T, dir string, comments int) (file, base string, aid int64, responses int) {
	t.Helper()
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	base = filepath.Join(dir, "base.db")
	s, err := assessment.Open(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if aid, err = s.CreateDemo(ctx, set); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	snap.Responses = map[string]assessment.Response{}
	for _, g := range assessment.PartnerTasks(set, snap) {
		for _, task := range g.Tasks {
			q := task.Gap.Question.ID
			snap.Responses[q] = assessment.Response{QuestionID: q, Decision: assessment.DecisionAccepted, Hours: 3, By: "Jens Ærø", At: s.Now()}
		}
	}
	for i := 0; i < comments; i++ {
		snap.Comments = append(snap.Comments, assessment.Comment{Author: "Jens Ærø (Nordlys IT ApS)",
			Body: fmt.Sprintf("Svar %d: %s", i, strings.Repeat("æøå ", 40)), CreatedAt: s.Now()})
	}
	for q, ans := range snap.Answers {
		if ans.Value == assessment.Yes {
			ans.Value = assessment.No // the partner's copy differs here: one conflict
			snap.Answers[q] = ans
			break
		}
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(dir, "returned.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return file, base, aid, len(snap.Responses)
}

// copyDB copies a closed database (no write-ahead log beside it) over dst and removes dst's log.
func copyDB(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dst + suffix)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestKillDuringMerge kills `import --merge` at random points, many times: afterwards the
// database is intact and the merge is wholly there (every comment, response and the conflict)
// or not at all.
func TestKillDuringMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	points := killPoints(t)
	dir := t.TempDir()
	const comments = 10000
	file, base, aid, responses := returnedExchange(t, dir, comments)
	if _, err := os.Stat(base + "-wal"); err == nil {
		t.Fatal("the base database was not checkpointed on close")
	}
	db := filepath.Join(dir, "target.db")
	id := strconv.FormatInt(aid, 10)

	copyDB(t, base, db)
	start := time.Now()
	out, err := childCommand("import", file, "--merge", "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("a whole merge failed: %v\n%s", err, out)
	}
	whole := time.Since(start)
	if want := fmt.Sprintf("%s\nadded %d comments, 0 sign-offs, %d responses; 1 conflict\n", id, comments, responses); string(out) != want {
		t.Fatalf("whole merge printed %q, want %q", out, want)
	}
	if got := checkMerged(t, db, aid, comments, responses); !got {
		t.Fatal("a whole merge is not complete")
	}

	const cycles = 20
	killed, exited, complete, absent := 0, 0, 0, 0
	for i := 0; i < cycles; i++ {
		copyDB(t, base, db)
		cmd := childCommand("import", file, "--merge", "--db", db)
		// The transaction is the latter part of a run (after start-up and reading the file);
		// some kills land after it, so that both outcomes are seen.
		wasKilled := killAfter(t, cmd, whole/4+time.Duration(points.Float64()*float64(whole)))
		if wasKilled {
			killed++
		} else {
			exited++
		}
		merged := checkMerged(t, db, aid, comments, responses)
		switch {
		case !wasKilled && !merged:
			t.Fatalf("cycle %d: the merge ended by itself, but the database does not hold it", i)
		case merged:
			complete++
		default:
			absent++
		}
	}
	t.Logf("whole merge (%d comments, %d responses, 1 conflict) %v; %d cycles: %d children killed, %d ended first; afterwards %d times complete, %d times absent, 0 half merges",
		comments, responses, whole.Round(time.Millisecond), cycles, killed, exited, complete, absent)
	if absent == 0 {
		t.Errorf("no kill landed before a merge committed: the test showed nothing about half merges (a whole merge took %v)", whole)
	}
}

// checkMerged opens the database after a kill: it must pass the integrity check, and hold all of
// the merge (true) or none of it (false); anything in between fails the test.
func checkMerged(t *testing.T, db string, aid int64, comments, responses int) bool {
	t.Helper()
	ctx := context.Background()
	s, err := assessment.Open(ctx, db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity check after kill: %v", err)
	}
	snap, err := s.Snapshot(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	got := [3]int{len(snap.Comments), len(snap.Responses), len(snap.Conflicts)}
	switch got {
	case [3]int{comments, responses, 1}:
		return true
	case [3]int{0, 0, 0}:
		return false
	}
	t.Fatalf("half a merge: %d of %d comments, %d of %d responses, %d of 1 conflicts", got[0], comments, got[1], responses, got[2])
	return false
}

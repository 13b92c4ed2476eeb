package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// handoverShots are the documentation's screens of the hand-over to the partner, each on the
// demo company (docState) brought to the point the screen shows.
var handoverShots = []struct {
	name string
	show func(t *testing.T, u *UI, store *assessment.Store, first, second int64)
}{
	{"questionnaire-read-only", func(t *testing.T, u *UI, store *assessment.Store, first, _ int64) {
		ctx := context.Background()
		if err := store.SetStatus(ctx, first, assessment.Submitted, "Søren Åkjær"); err != nil {
			t.Fatal(err)
		}
		if err := store.SignOff(ctx, &assessment.SignOff{AssessmentID: first, Reviewer: "Pia Partner", Organisation: "Nordlys IT ApS",
			Decision: assessment.Approved}); err != nil {
			t.Fatal(err)
		}
		u.showQuestionnaire(first)
	}},
	{"partner-tasks", func(t *testing.T, u *UI, store *assessment.Store, _, second int64) {
		respondToThree(t, u, store, second)
		u.app.Preferences().SetString(prefReviewer, "Pia Partner")
		u.showPartnerTasks(second)
	}},
	{"merge-result", func(t *testing.T, u *UI, store *assessment.Store, _, second int64) {
		ctx := context.Background()
		// The partner's side: a database of its own, the company's file imported, three
		// responses, a comment, the assessment returned, and the file sent back.
		partner, err := assessment.Open(ctx, filepath.Join(t.TempDir(), "partner.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer partner.Close()
		snap, err := store.Snapshot(ctx, second)
		if err != nil {
			t.Fatal(err)
		}
		sent, err := assessment.MarshalExchange(snap)
		if err != nil {
			t.Fatal(err)
		}
		pid, err := partner.ImportExchange(ctx, u.set, sent, false)
		if err != nil {
			t.Fatal(err)
		}
		tasks := respondToThree(t, u, partner, pid)
		if err := partner.AddComment(ctx, &assessment.Comment{AssessmentID: pid, QuestionID: tasks[0],
			Author: assessment.CommentAuthor("Pia Partner", "Nordlys IT ApS"), Body: "Vi tager det på opstartsmødet."}); err != nil {
			t.Fatal(err)
		}
		if err := partner.SetStatus(ctx, pid, assessment.Submitted, "Pia Partner"); err != nil {
			t.Fatal(err)
		}
		if err := partner.SignOff(ctx, &assessment.SignOff{AssessmentID: pid, Reviewer: "Pia Partner", Organisation: "Nordlys IT ApS",
			Decision: assessment.Returned, Statement: "Se kommentarerne."}); err != nil {
			t.Fatal(err)
		}
		psnap, err := partner.Snapshot(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		returned, err := assessment.MarshalExchange(psnap)
		if err != nil {
			t.Fatal(err)
		}
		// Meanwhile the company answered two of the questions anew.
		for _, id := range tasks[1:] {
			ans := snap.Answers[id]
			ans.Value, ans.Note = assessment.Yes, "Rettet i december"
			if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
				t.Fatal(err)
			}
		}
		u.mergeData(returned, "")
	}},
	{"file-chooser", func(t *testing.T, u *UI, store *assessment.Store, first, _ int64) {
		snap, err := store.Snapshot(context.Background(), first)
		if err != nil {
			t.Fatal(err)
		}
		docsHome(t, u.loc.Lang())
		u.chooseReportFile(snap.Company.Name, first, reports.Options{Lang: u.loc.Lang()})
	}},
}

// docsHome is a user's home for the file chooser's screenshot, named as the desktop names
// its folders in the language, with a few files; a short path, since the chooser shows it.
func docsHome(t *testing.T, l i18n.Lang) {
	t.Helper()
	// A fixed path, so that the screenshot, which shows it, is the same on every run.
	base := filepath.Join(os.TempDir(), "gdprtjek-screenshot")
	if err := os.RemoveAll(base); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	home := filepath.Join(base, "mette")
	names := map[i18n.Lang][3]string{i18n.Danish: {"Skrivebord", "Dokumenter", "Hentede filer"}, i18n.English: {"Desktop", "Documents", "Downloads"}}[l]
	docs := filepath.Join(home, names[1])
	for _, d := range []string{names[0], names[2], filepath.Join(names[1], "Kunder"), filepath.Join(names[1], "Workshops 2026"), ".config"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"Nordlys-IT-ApS-gdpr-rapport.pdf", "Bageriet-Østergade-gdpr-rapport.pdf", "tilbud.docx", "Æblegården-ApS-2026-12-03.gdprtjek.json"} {
		if err := os.WriteFile(filepath.Join(docs, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	dirs := fmt.Sprintf("XDG_DESKTOP_DIR=\"$HOME/%s\"\nXDG_DOCUMENTS_DIR=\"$HOME/%s\"\nXDG_DOWNLOAD_DIR=\"$HOME/%s\"\n", names[0], names[1], names[2])
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	rememberDir("")
}

// respondToThree records the partner's response to the first three tasks, one of each
// decision, and returns their question IDs.
func respondToThree(t *testing.T, u *UI, store *assessment.Store, id int64) []string {
	t.Helper()
	ctx := context.Background()
	snap, err := store.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, g := range assessment.PartnerTasks(u.set, snap) {
		for _, task := range g.Tasks {
			if len(ids) < 3 && (len(ids) == 0 || ids[len(ids)-1] != task.Gap.Question.ID) {
				ids = append(ids, task.Gap.Question.ID)
			}
		}
	}
	if len(ids) < 3 {
		t.Fatalf("the demo has %d partner tasks, want at least 3", len(ids))
	}
	responses := []assessment.Response{
		{Decision: assessment.DecisionAccepted, Hours: 6, Planned: "2027-02-01", Comment: "Sættes op i testmiljøet først."},
		{Decision: assessment.DecisionQuestion, Comment: "Hvilke felter bruger lønbureauet?"},
		{Decision: assessment.DecisionDeclined, Comment: "Ligger hos leverandøren af Danløn."},
	}
	for i, r := range responses {
		r.AssessmentID, r.QuestionID, r.By = id, ids[i], "Pia Partner"
		if err := store.SaveResponse(ctx, u.set, &r); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

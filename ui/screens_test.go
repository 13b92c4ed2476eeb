package ui

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

var (
	update      = flag.Bool("update", false, "rewrite the screen goldens in testdata/")
	screenshots = flag.String("screenshots", "", "also write every screen as a PNG into this folder")
)

// screenState is a company with systems and two rounds, built on a fixed clock so that every
// screen renders the same pixels each time.
func screenState(t *testing.T, lang i18n.Lang) (*UI, int64, int64) {
	t.Helper()
	u, store := newTestUI(t, lang)
	clock := time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC)
	store.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	ctx := context.Background()
	c := assessment.Company{Name: "Æblegården ApS", CVR: "38745123", Address: "Søndergade 12, 8000 Aarhus C", Contact: "Birthe Østergård", SizeBand: "10-49"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, s := range []assessment.System{
		{CompanyID: c.ID, Kind: "erp", Product: "business-central", Partner: "Nordlys IT ApS", Hosting: "eu", ProcessorAgreement: "yes"},
		{CompanyID: c.ID, Kind: "payroll", Product: "danloen", Hosting: "eu", ProcessorAgreement: "unknown"},
	} {
		if err := store.SaveSystem(ctx, &s); err != nil {
			t.Fatal(err)
		}
	}
	first := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1", Assessor: "Søren Åkjær", Profile: []string{"employees"}, Checklists: u.set.Refs()}
	if err := store.CreateAssessment(ctx, &first); err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]assessment.Value{"basis.records": assessment.No, "basis.training": assessment.Partly, "basis.dpa": assessment.Yes} {
		ans := assessment.Answer{AssessmentID: first.ID, QuestionID: id, Value: v, Owner: "Birthe Østergård", Due: "2027-01-31"}
		if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
			t.Fatal(err)
		}
	}
	second, err := store.StartRound(ctx, u.set, first.ID, "Runde 2", "Søren Åkjær")
	if err != nil {
		t.Fatal(err)
	}
	ans := assessment.Answer{AssessmentID: second.ID, QuestionID: "basis.records", Value: assessment.Yes}
	if err := store.SaveAnswer(ctx, u.set, &ans); err != nil {
		t.Fatal(err)
	}
	return u, c.ID, second.ID
}

// TestScreens renders every main screen in both languages and compares it with its golden
// image in testdata/ (go test ./ui -run TestScreens -update rewrites them).
func TestScreens(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, s := range screenList {
			t.Run(s.name+"-"+string(lang), func(t *testing.T) {
				u, companyID, assessmentID := screenState(t, lang)
				u.win.Resize(fyne.NewSize(1100, 760))
				s.show(u, companyID, assessmentID)
				img := u.win.Canvas().Capture()
				compareGolden(t, filepath.Join("testdata", "screens", s.name+"-"+string(lang)+".png"), img)
			})
		}
	}
}

// screenList is every main screen, shown for a company and one of its assessments.
var screenList = []struct {
	name string
	show func(u *UI, companyID, assessmentID int64)
}{
	{"start", func(u *UI, _, _ int64) { u.showStart() }},
	{"company", func(u *UI, c, _ int64) { u.showCompany(c) }},
	{"new-company", func(u *UI, _, _ int64) { u.showNewCompany() }},
	{"new-assessment", func(u *UI, c, _ int64) { u.showNewAssessment(c) }},
	{"questionnaire", func(u *UI, _, a int64) { u.showQuestionnaire(a) }},
	{"results", func(u *UI, _, a int64) { u.showResults(a) }},
	{"compare", func(u *UI, c, _ int64) { u.showCompare(c) }},
	{"review", func(u *UI, _, a int64) { u.showReview(a) }},
	{"workshop", func(u *UI, _, a int64) { u.showWorkshop(a) }},
	{"datamap", func(u *UI, c, _ int64) { u.showDataMap(c, payrollSystem(u, c)) }},
}

// payrollSystem is the ID of the company's payroll system, whose data map the screenshots show.
func payrollSystem(u *UI, companyID int64) int64 {
	systems, _ := u.store.Systems(context.Background(), companyID)
	for _, s := range systems {
		if s.Kind == "payroll" {
			return s.ID
		}
	}
	return 0
}

// TestDocScreenshots writes the screenshots in docs/screenshots (make screenshots): the same
// screens as TestScreens, with the built-in checklists and the demo company, so that readers
// see the real questions. It has no goldens, since the content changes with the checklists.
func TestDocScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("writes docs/screenshots only when asked: -screenshots DIR")
	}
	set, err := checklists.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range i18n.Langs {
		for _, s := range screenList {
			t.Run(s.name+"-"+string(lang), func(t *testing.T) {
				u, _, companyID, _, second := docState(t, set, lang)
				s.show(u, companyID, second)
				writePNG(t, filepath.Join(*screenshots, s.name+"-"+string(lang)+".png"), u.win.Canvas().Capture())
			})
		}
		for _, s := range handoverShots {
			t.Run(s.name+"-"+string(lang), func(t *testing.T) {
				u, store, _, first, second := docState(t, set, lang)
				s.show(t, u, store, first, second)
				writePNG(t, filepath.Join(*screenshots, s.name+"-"+string(lang)+".png"), u.win.Canvas().Capture())
			})
		}
	}
}

// docState is the demo company with a second round, some gaps closed in it, on the built-in
// checklists, in a window of the documented size.
func docState(t *testing.T, set *checklists.Set, lang i18n.Lang) (u *UI, store *assessment.Store, companyID, first, second int64) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := assessment.Open(context.Background(), filepath.Join(t.TempDir(), "docs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ctx := context.Background()
	first, err = store.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := store.Snapshot(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	// A second round with some gaps closed, for the comparison and the results.
	round, err := store.StartRound(ctx, set, first, "GDPR-gennemgang 2027", "Søren Åkjær")
	if err != nil {
		t.Fatal(err)
	}
	closed := 0
	for _, id := range slices.Sorted(maps.Keys(snap.Answers)) {
		if ans := snap.Answers[id]; ans.Value == assessment.No && closed < 8 {
			ans.AssessmentID, ans.Value = round.ID, assessment.Yes
			if err := store.SaveAnswer(ctx, set, &ans); err != nil {
				t.Fatal(err)
			}
			closed++
		}
	}
	u = New(a, Config{Store: store, Checklists: set, Lang: lang, Version: "docs"})
	u.win.Resize(fyne.NewSize(1100, 760))
	return u, store, snap.Company.ID, first, round.ID
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func compareGolden(t *testing.T, path string, img image.Image) {
	t.Helper()
	if *update {
		writePNG(t, path, img)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no golden %s (run with -update): %v", path, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if diff := pixelDiff(want, img); diff > 0 {
		failed := filepath.Join("testdata", "failed", filepath.Base(path))
		writePNG(t, failed, img)
		t.Errorf("%s: %d pixels differ; the new rendering is in %s", path, diff, failed)
	}
}

func pixelDiff(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				n++
			}
		}
	}
	return n
}

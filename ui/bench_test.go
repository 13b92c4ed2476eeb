package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// BenchmarkStartup1000Companies measures opening the app to a shown start screen on a database
// of 1,000 companies, each with an assessment (target: under 1 s).
func BenchmarkStartup1000Companies(b *testing.B) {
	set, err := checklists.LoadBuiltin()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	store, err := assessment.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 1000; i++ {
		c := assessment.Company{Name: fmt.Sprintf("Virksomhed %04d ApS", i)}
		if err := store.CreateCompany(ctx, &c); err != nil {
			b.Fatal(err)
		}
		a := assessment.Assessment{CompanyID: c.ID, Title: "Runde 1", Profile: []string{"employees"}, Checklists: set.Refs()}
		if err := store.CreateAssessment(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
	store.Close()
	a := test.NewTempApp(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := assessment.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		u := New(a, Config{Store: s, Checklists: set, Lang: i18n.Danish, Version: "bench"})
		if u.win.Content() == nil {
			b.Fatal("no start screen")
		}
		s.Close()
	}
}

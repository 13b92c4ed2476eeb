package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoWritesDataMapDocuments: make demo's command writes the three documents in both
// languages, and the record's CSV has a BOM, semicolons and one row per activity.
func TestDemoWritesDataMapDocuments(t *testing.T) {
	dir, _, _ := demoDB(t)
	for _, doc := range []string{"records", "retention", "processors"} {
		for _, lang := range []string{"da", "en"} {
			if _, err := os.Stat(filepath.Join(dir, doc+"-"+lang+".pdf")); err != nil {
				t.Errorf("demo did not write %s-%s.pdf: %v", doc, lang, err)
			}
		}
	}
	if text := pdfText(t, filepath.Join(dir, "records-da.pdf")); !strings.Contains(text, "Fortegnelse over behandlingsaktiviteter") {
		t.Error("records-da.pdf is not the Danish record of processing")
	}
	raw, err := os.ReadFile(filepath.Join(dir, "records-da.csv"))
	if err != nil {
		t.Fatal(err)
	}
	body, ok := strings.CutPrefix(string(raw), "\ufeff")
	if !ok {
		t.Fatal("records-da.csv has no byte-order mark")
	}
	lines := strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "Dataansvarlig og kontaktoplysninger;System;Formål med behandlingen;") {
		t.Errorf("CSV header %q", lines[0])
	}
	// The demo's data map: two Business Central activities, Danløn, the CRM and the newsletter.
	if len(lines) != 1+5 {
		t.Errorf("%d CSV lines, want a header and 5 activities:\n%s", len(lines), body)
	}
}

// TestDataMapRoundTrip: demo → export → import into a new database → records gives the same
// text; and the usage of the new commands.
func TestDataMapRoundTrip(t *testing.T) {
	dir, db, id := demoDB(t)
	before := filepath.Join(dir, "before.pdf")
	if r := runCmd(t, "records", "--assessment", id, "--lang", "en", "--out", before, "--db", db); r.code != 0 {
		t.Fatalf("records: %+v", r)
	}
	file := filepath.Join(dir, "demo.gdprtjek")
	if r := runCmd(t, "export", "--assessment", id, "--out", file, "--db", db); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	other := filepath.Join(dir, "other.db")
	r := runCmd(t, "import", file, "--db", other)
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	after := filepath.Join(dir, "after.pdf")
	csvOut := filepath.Join(dir, "after.csv")
	if r := runCmd(t, "records", "--assessment", strings.TrimSpace(r.stdout), "--lang", "en", "--out", after, "--csv", csvOut, "--db", other); r.code != 0 {
		t.Fatalf("records after import: %+v", r)
	}
	// The date line says when each was made; everything else must agree.
	strip := func(s string) string {
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(l, "made on") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	b, a := strip(pdfText(t, before)), strip(pdfText(t, after))
	if b != a {
		t.Errorf("the record differs after the round trip:\n--- before\n%s\n--- after\n%s", b, a)
	}
	if !strings.Contains(a, "TRANSFER WITHOUT A BASIS") || !strings.Contains(a, "Lønudbetaling") {
		t.Error("the imported record lacks the data map")
	}
	if _, err := os.Stat(csvOut); err != nil {
		t.Error("--csv wrote no file")
	}

	for _, cmd := range []string{"records", "retention", "processors"} {
		if r := runCmd(t, cmd, "--out", before, "--db", db); r.code != 2 {
			t.Errorf("%s without --assessment: exit %d, want 2", cmd, r.code)
		}
	}
	if r := runCmd(t, "processors", "--assessment", "999", "--out", filepath.Join(dir, "x.pdf"), "--db", db, "--lang", "da"); r.code != 1 ||
		!strings.Contains(r.stderr, "999") {
		t.Errorf("unknown assessment: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed command left a file")
	}
}

func TestValidateTemplates(t *testing.T) {
	good := filepath.Join("checklists", "data", "templates", "payroll.toml")
	if r := runCmd(t, "validate", "--templates", "--lang", "en", good); r.code != 0 {
		t.Errorf("a built-in template (which a copy may stand in for) fails: %+v", r)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("id = \"x\"\nkind = \"payroll\"\n\n[title]\nda = \"X\"\nen = \"X\"\n\n[[activities]]\nbases = [\"art6_1_z\"]\n\n[activities.purpose]\nda = \"Løn\"\nen = \"Pay\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "validate", "--templates", "--lang", "en", bad)
	if r.code != 1 || !strings.Contains(r.stdout, bad+":9: unknown value \"art6_1_z\" in bases") ||
		!strings.Contains(r.stderr, "The templates have 1 problem.") {
		t.Errorf("validate --templates: %+v", r)
	}
}

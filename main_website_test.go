package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gdprtjek/checklists"
)

// `checklists --json` lists the website checklist with every question in both languages.
func TestChecklistsJSONHasWebsiteChecklist(t *testing.T) {
	dir := t.TempDir()
	r := runCmd(t, "checklists", "--json", "--db", filepath.Join(dir, "x.db"), "--checklists", filepath.Join(dir, "none"))
	if r.code != 0 {
		t.Fatalf("checklists --json: %+v", r)
	}
	var lists []checklists.Checklist
	if err := json.Unmarshal([]byte(r.stdout), &lists); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var web *checklists.Checklist
	for i := range lists {
		if lists[i].ID == "website" {
			web = &lists[i]
		}
	}
	if web == nil {
		t.Fatal("no website checklist in checklists --json")
	}
	if web.Title.DA != "Hjemmeside, webshop og leadgenerering online" || web.Title.EN != "Website, webshop and online lead generation" {
		t.Errorf("title %+v", web.Title)
	}
	if len(web.AppliesWhen) != 1 || web.AppliesWhen[0] != "system:website" {
		t.Errorf("applies_when %v, want [system:website]", web.AppliesWhen)
	}
	for _, q := range web.Questions {
		for name, text := range map[string]checklists.Text{"text": q.Text, "guidance": q.Guidance, "remediation": q.Remediation} {
			if strings.TrimSpace(text.DA) == "" || strings.TrimSpace(text.EN) == "" {
				t.Errorf("%s: %s not in both languages: %+v", q.ID, name, text)
			}
		}
		if len(q.Refs) == 0 {
			t.Errorf("%s: no references", q.ID)
		}
	}
}

// The demo company's WooCommerce webshop brings the website area into both reports, and the
// web agency's tasks into the partner section.
func TestDemoReportsShowWebshopAndAgency(t *testing.T) {
	dir := t.TempDir()
	if r := runCmd(t, "demo", "--db", filepath.Join(dir, "demo.db"), "--out", dir, "--lang", "en"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	want := map[string][]string{
		"da": {"Hjemmeside, webshop og leadgenerering online", "Gårdbutikkens webshop", "Til implementeringspartneren",
			"Webshop: Gårdbutikkens webshop – partner: Kvist Webbureau ApS", "WordPress + WooCommerce"},
		"en": {"Website, webshop and online lead generation", "Gårdbutikkens webshop", "For the implementation partner",
			"Webshop: Gårdbutikkens webshop – partner: Kvist Webbureau ApS", "WordPress + WooCommerce"},
	}
	for lang, phrases := range want {
		// pdftotext breaks table cells into lines; compare with the whitespace squeezed.
		text := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "report-"+lang+".pdf"))), " ")
		for _, s := range phrases {
			if !strings.Contains(text, s) {
				t.Errorf("report-%s.pdf lacks %q", lang, s)
			}
		}
		// A webshop task for the agency: the order retention the demo answered "partly".
		i := strings.Index(text, "partner: Kvist Webbureau ApS")
		if i < 0 || !strings.Contains(text[i:], "website.shop-order-retention") {
			t.Errorf("report-%s.pdf: no webshop task under the web agency", lang)
		}
	}
}

// TestChecklistsCommandUsesTheCache: the `checklists` command reads the custom folder beside
// the database through the same parsed-checklist cache as the app, so it lists a custom
// checklist and leaves the cache the app then starts from.
func TestChecklistsCommandUsesTheCache(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	custom := filepath.Join(dir, "checklists")
	valid, err := os.ReadFile(filepath.Join("checklists", "testdata", "valid.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(custom, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(custom, "valid.toml"), valid, 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second run reads the cache the first wrote
		r := runCmd(t, "checklists", "--lang", "en", "--db", db)
		if r.code != 0 || !strings.Contains(r.stdout, "test-custom") {
			t.Fatalf("checklists: %+v", r)
		}
		if _, err := os.Stat(db + ".checklists-cache"); err != nil {
			t.Fatalf("no cache beside the database: %v", err)
		}
	}
}

package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// A webshop is a website too, and WooCommerce runs on WordPress: the facts say so, so that a
// website or WordPress question applies to the shop.
func TestFactsOfWebSystems(t *testing.T) {
	shop := assessment.Facts(nil, []assessment.System{{Kind: "webshop", Product: "woocommerce", Hosting: assessment.HostingEU}})
	for _, c := range []string{"system:webshop", "system:website", "product:woocommerce", "product:wordpress"} {
		if !shop[c] {
			t.Errorf("a WooCommerce webshop should make %s hold: %v", c, shop)
		}
	}
	site := assessment.Facts(nil, []assessment.System{{Kind: "website", Product: "wordpress", Hosting: assessment.HostingEU}})
	if !site["system:website"] || site["system:webshop"] || site["product:woocommerce"] {
		t.Errorf("a WordPress website is not a webshop: %v", site)
	}
	if erp := assessment.Facts(nil, []assessment.System{{Kind: "erp", Product: "netsuite"}}); erp["system:website"] {
		t.Errorf("an ERP system is no website: %v", erp)
	}
}

func TestSuggestedProfile(t *testing.T) {
	for _, tt := range []struct {
		systems []assessment.System
		want    []string
	}{
		{nil, nil},
		{[]assessment.System{{Kind: "erp", Product: "netsuite"}}, nil},
		{[]assessment.System{{Kind: "erp", Product: "netsuite"}, {Kind: "webshop", Product: "shopify"}}, []string{"website"}},
		{[]assessment.System{{Kind: "website", Product: "custom", Name: "Eget CMS"}}, []string{"website"}},
	} {
		if got := assessment.SuggestedProfile(tt.systems); !slices.Equal(got, tt.want) {
			t.Errorf("SuggestedProfile(%+v) = %v, want %v", tt.systems, got, tt.want)
		}
	}
}

// Website questions go to the web agency of the system they concern: a webshop question not to
// the plain website, a WordPress question not to the Shopify shop, and a shop-to-ERP question
// to both the shop's and the ERP's partner.
func TestPartnerActionsForWebSystems(t *testing.T) {
	q := func(id string, conds ...string) checklists.Question {
		return checklists.Question{ID: id, Text: text(id + "?"), Remediation: text("Fix " + id), PartnerAction: text("Do " + id),
			Weight: 2, AppliesWhen: conds}
	}
	set := checklists.NewSet([]*checklists.Checklist{{ID: "web", Version: 1, Area: "web", Title: text("Web"),
		AppliesWhen: []string{"system:website"}, Questions: []checklists.Question{
			q("w-any"), q("w-shop", "system:webshop"), q("w-erp", "system:webshop", "system:erp"), q("w-wp", "product:wordpress"),
		}}})
	systems := []assessment.System{
		{ID: 1, Kind: "erp", Product: "business-central", Partner: "ERP-partner"},
		{ID: 2, Kind: "website", Product: "wordpress", Partner: "Bureau A"},
		{ID: 3, Kind: "webshop", Product: "shopify", Partner: "Bureau B"},
	}
	answers := map[string]assessment.Answer{}
	for _, id := range []string{"w-any", "w-shop", "w-erp", "w-wp"} {
		answers[id] = assessment.Answer{QuestionID: id, Value: assessment.No}
	}
	res := assessment.Score(set, assessment.Facts(nil, systems), answers)
	var got []string
	for _, group := range assessment.PartnerActions(res, systems) {
		for _, g := range group.Gaps {
			got = append(got, group.System.Partner+":"+g.Question.ID)
		}
	}
	slices.Sort(got)
	want := []string{"Bureau A:w-any", "Bureau A:w-wp", "Bureau B:w-any", "Bureau B:w-erp", "Bureau B:w-shop", "ERP-partner:w-erp"}
	if !slices.Equal(got, want) {
		t.Errorf("partner actions\n got %v\nwant %v", got, want)
	}
}

// A file with website and webshop systems imports and exports again byte for byte.
func TestExchangeWithWebshopRoundTrips(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	src := openStore(t)
	c := newCompany(t, src, "Hørkram Webshop ApS")
	web := []assessment.System{
		{Kind: "webshop", Product: "woocommerce", Name: "Butikken", Vendor: "Ålbæk Hosting ApS", Partner: "Kvist Webbureau ApS",
			Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementYes},
		{Kind: "webshop", Product: "shopify", Name: "Outlet", Vendor: "Shopify", Hosting: assessment.HostingOther},
		{Kind: "website", Product: "custom", Name: "Eget CMS", Partner: "Kvist Webbureau ApS"},
	}
	for i := range web {
		web[i].CompanyID = c.ID
		if err := src.SaveSystem(ctx, &web[i]); err != nil {
			t.Fatalf("save %s system: %v", web[i].Kind, err)
		}
	}
	a := newAssessment(t, src, set, c.ID)
	save(t, src, set, a.ID, "b1", assessment.Partly)
	data := export(t, src, a.ID)

	dst := openStore(t)
	id, err := dst.ImportExchange(ctx, set, data, false)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	snap, err := dst.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Systems) != len(web) {
		t.Fatalf("%d systems imported, want %d", len(snap.Systems), len(web))
	}
	for i, g := range snap.Systems {
		w := web[i]
		g.ID, g.CompanyID, w.ID, w.CompanyID = 0, 0, 0, 0
		if w.ProcessorAgreement == "" {
			w.ProcessorAgreement = assessment.AgreementUnknown
		}
		if w.Hosting == "" {
			w.Hosting = assessment.HostingUnknown
		}
		if g != w {
			t.Errorf("system %d: %+v, want %+v", i, g, w)
		}
	}
	if again := export(t, dst, id); !bytes.Equal(again, data) {
		t.Errorf("re-export differs from the original export")
	}
}

// An exchange file written before the website and webshop kinds existed (kept in testdata as
// that release wrote it) imports unchanged: same systems, and the same content and digest
// when exported again.
func TestExchangeFromBeforeWebKindsImportsUnchanged(t *testing.T) {
	ctx := context.Background()
	data, err := os.ReadFile(filepath.Join("testdata", "exchange", "before-web-kinds.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	id, err := s.ImportExchange(ctx, testSet(), data, false)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, sys := range snap.Systems {
		kinds = append(kinds, sys.Kind)
	}
	if want := []string{"erp", "payroll", "crm", "marketing"}; !slices.Equal(kinds, want) {
		t.Errorf("systems %v, want %v", kinds, want)
	}
	// Compare content and digest, not the envelope: the schema version is the writer's.
	type envelope struct {
		Digest  string          `json:"digest"`
		Content json.RawMessage `json:"content"`
	}
	var before, after envelope
	if err := json.Unmarshal(data, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(export(t, s, id), &after); err != nil {
		t.Fatal(err)
	}
	if after.Digest != before.Digest || !bytes.Equal(after.Content, before.Content) {
		t.Errorf("the re-exported content differs from the file's (digest %s, want %s)", after.Digest, before.Digest)
	}
}

// TestSystemTextIsTrimmed: blanks around a system's name, vendor and partner are not kept; a
// name of " " (a Space that slipped into the field) showed as "( )" after the product.
func TestSystemTextIsTrimmed(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := newCompany(t, s, "Æblegården ApS")
	sys := assessment.System{CompanyID: c.ID, Kind: "erp", Product: "business-central", Name: " ", Vendor: " Microsoft ", Partner: "Nordlys IT ApS\t"}
	if err := s.SaveSystem(ctx, &sys); err != nil {
		t.Fatal(err)
	}
	got, err := s.Systems(ctx, c.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("systems %+v, %v", got, err)
	}
	if got[0].Name != "" || got[0].Vendor != "Microsoft" || got[0].Partner != "Nordlys IT ApS" {
		t.Errorf("stored name %q, vendor %q, partner %q", got[0].Name, got[0].Vendor, got[0].Partner)
	}
}

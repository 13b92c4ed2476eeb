package checklists_test

import (
	"slices"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

func TestWebConditionsAreKnown(t *testing.T) {
	for _, cond := range []string{"system:website", "system:webshop", "product:wordpress", "product:woocommerce",
		"product:shopify", "product:dandomain", "product:magento", "product:wix", "product:squarespace", "product:umbraco"} {
		if !checklists.KnownCondition(cond) {
			t.Errorf("%s should be a known condition", cond)
		}
	}
}

func TestSystemFactsAndImplied(t *testing.T) {
	got := checklists.SystemFacts("webshop", "woocommerce")
	for _, c := range []string{"system:webshop", "product:woocommerce", "system:website", "product:wordpress"} {
		if !slices.Contains(got, c) {
			t.Errorf("SystemFacts(webshop, woocommerce) = %v lacks %s", got, c)
		}
	}
	if got := checklists.SystemFacts("website", "shopify"); slices.Contains(got, "system:webshop") || len(got) != 2 {
		t.Errorf("SystemFacts(website, shopify) = %v, want only its kind and product", got)
	}
	if !checklists.ImpliedBy("system:website", []string{"system:website", "system:webshop"}) {
		t.Error("system:website is implied by system:webshop")
	}
	if checklists.ImpliedBy("system:website", []string{"system:website", "system:erp"}) ||
		checklists.ImpliedBy("system:webshop", []string{"system:website", "system:webshop"}) {
		t.Error("only the more general condition is implied")
	}
}

// facts builds the conditions for a profile and some systems ("kind/product"), as the
// assessment does.
func facts(profile []string, systems ...[2]string) checklists.Facts {
	f := checklists.Facts{}
	for _, p := range profile {
		f[p] = true
	}
	for _, s := range systems {
		for _, c := range checklists.SystemFacts(s[0], s[1]) {
			f[c] = true
		}
	}
	return f
}

func applying(set *checklists.Set, f checklists.Facts, list string) []string {
	var ids []string
	for _, sc := range set.Scope(f) {
		if sc.Applies && sc.Checklist.ID == list {
			ids = append(ids, sc.Question.ID)
		}
	}
	return ids
}

// The website checklist applies only when a website or webshop is registered, whatever the
// profile says; its webshop and platform questions only for those.
func TestWebsiteChecklistScopedBySystems(t *testing.T) {
	set := builtin(t)
	c := set.Checklist("website")
	if c == nil {
		t.Fatal("no built-in checklist \"website\"")
	}
	all := append([]string(nil), checklists.ProfileConditions...)
	if got := applying(set, facts(all, [2]string{"erp", "business-central"}, [2]string{"crm", "custom"}), "website"); len(got) != 0 {
		t.Errorf("without a website or webshop, %d website questions apply: %v", len(got), got)
	}

	site := applying(set, facts(all, [2]string{"website", "custom"}), "website")
	shop := applying(set, facts(all, [2]string{"webshop", "woocommerce"}, [2]string{"erp", "business-central"}), "website")
	shopify := applying(set, facts(all, [2]string{"webshop", "shopify"}), "website")
	if len(site) < 10 {
		t.Errorf("a website brings in only %d questions", len(site))
	}
	for _, id := range site {
		if !slices.Contains(shop, id) {
			t.Errorf("%s applies to a website but not to a webshop", id)
		}
	}
	for _, tt := range []struct {
		id              string
		site, woo, shpf bool
	}{
		{"website.cookie-blocking", true, true, true},
		{"website.shop-order-retention", false, true, true},
		{"website.shop-erp-integration", false, true, false},
		{"website.wordpress-privacy-tools", false, true, false},
		{"website.woocommerce-retention", false, true, false},
		{"website.shopify-apps", false, false, true},
	} {
		if slices.Contains(site, tt.id) != tt.site || slices.Contains(shop, tt.id) != tt.woo || slices.Contains(shopify, tt.id) != tt.shpf {
			t.Errorf("%s applies: website %v, WooCommerce+ERP %v, Shopify %v; want %v %v %v", tt.id,
				slices.Contains(site, tt.id), slices.Contains(shop, tt.id), slices.Contains(shopify, tt.id), tt.site, tt.woo, tt.shpf)
		}
	}
}

// Every website question is complete in both languages and names a partner task where the
// web agency or the ERP partner has work to do.
func TestWebsiteChecklistContent(t *testing.T) {
	c := builtin(t).Checklist("website")
	if c == nil {
		t.Fatal("no built-in checklist \"website\"")
	}
	if len(c.Questions) < 20 {
		t.Errorf("%d questions, want at least 20 for the topics of issue 17", len(c.Questions))
	}
	withPartner := 0
	for _, q := range c.Questions {
		for _, lang := range i18n.Langs {
			for name, text := range map[string]checklists.Text{"text": q.Text, "guidance": q.Guidance, "remediation": q.Remediation} {
				if text.In(lang) == "" {
					t.Errorf("%s: %s in %s is empty", q.ID, name, lang)
				}
			}
		}
		if q.HasPartnerAction() {
			withPartner++
		}
	}
	if withPartner < len(c.Questions)-2 {
		t.Errorf("only %d of %d questions have a partner action", withPartner, len(c.Questions))
	}
}

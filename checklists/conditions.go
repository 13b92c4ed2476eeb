package checklists

import (
	"slices"
	"strings"
)

// Profile conditions are answered in an assessment's scoping profile.
var ProfileConditions = []string{
	"employees",       // the company has employees
	"recruitment",     // it recruits staff
	"consumers",       // it sells to consumers (B2C)
	"email_marketing", // it sends marketing e-mail or SMS
	"lead_lists",      // it buys, rents or shares lead lists
	"events",          // it collects leads at events and offline
	"monitoring",      // it monitors employees (CCTV, GPS, logs)
	"website",         // it has a website with forms or tracking
}

// OutsideEEA holds when a system in the inventory is hosted outside the EU/EEA or where
// nobody knows; it is derived from the systems, not asked.
const OutsideEEA = "outside_eea"

// SystemKinds are the kinds of system in a company's inventory; "system:KIND" holds when the
// inventory has one.
var SystemKinds = slices.Concat([]string{"erp", "payroll", "hr", "purchasing", "crm", "marketing"}, WebKinds,
	[]string{"other"})

// Products are the known products; "product:ID" holds when the inventory has one.
var Products = slices.Concat([]string{"netsuite", "business-central", "sap-b1", "economic", "uniconta", "odoo",
	"danloen", "zenegy", "lessor", "proloen", "intect"}, WebProducts, OfficeProducts, []string{"custom"})

// OfficeProducts are common CRM, HR and spend-management products in Danish SMEs.
var OfficeProducts = []string{"hubspot", "salesforce", "dynamics-sales", "pipedrive", "emply", "hr-manager",
	"simployer", "pleo", "spendesk"}

// KindProducts lists, per system kind, the products offered for it, the most common first;
// the first is the default. "custom" (another product, named by the user) ends every list.
// A product outside its kind's list is still valid: older inventories may hold one.
var KindProducts = map[string][]string{
	"erp":        {"business-central", "economic", "uniconta", "netsuite", "sap-b1", "odoo", "custom"},
	"payroll":    {"danloen", "zenegy", "proloen", "lessor", "intect", "custom"},
	"hr":         {"emply", "hr-manager", "simployer", "zenegy", "custom"},
	"purchasing": {"pleo", "spendesk", "business-central", "economic", "uniconta", "custom"},
	"crm":        {"hubspot", "salesforce", "dynamics-sales", "pipedrive", "custom"},
	"marketing":  {"hubspot", "salesforce", "custom"},
	"website":    {"wordpress", "umbraco", "wix", "squarespace", "custom"},
	"webshop":    {"shopify", "woocommerce", "dandomain", "magento", "wix", "squarespace", "custom"},
	"other":      {"custom"},
}

// ProductsFor returns the products offered for a kind; an unknown kind gets "custom" only.
func ProductsFor(kind string) []string {
	if p, ok := KindProducts[kind]; ok {
		return p
	}
	return []string{"custom"}
}

// WebKinds are the kinds for a company's website and its webshop; WebProducts the platforms
// they run on (any other platform is "custom", named by the user).
var (
	WebKinds    = []string{"website", "webshop"}
	WebProducts = []string{"wordpress", "woocommerce", "shopify", "dandomain", "magento", "wix", "squarespace", "umbraco"}
)

// implied lists what a kind or product brings with it: a webshop is a website too, and a
// WooCommerce shop runs on WordPress, so that one question can cover both.
var implied = map[string][]string{
	"system:webshop":      {"system:website"},
	"product:woocommerce": {"product:wordpress"},
}

// SystemFacts are the conditions a system of this kind and product makes hold: its kind, its
// product, and what they imply.
func SystemFacts(kind, product string) []string {
	out := []string{SystemCondition(kind), ProductCondition(product)}
	for _, c := range out[:2] {
		out = append(out, implied[c]...)
	}
	return out
}

// ImpliedBy reports whether another condition in conds already implies cond (as
// "system:webshop" implies "system:website"), so that cond adds nothing to them.
func ImpliedBy(cond string, conds []string) bool {
	for _, c := range conds {
		if c != cond && slices.Contains(implied[c], cond) {
			return true
		}
	}
	return false
}

// SystemCondition and ProductCondition name the conditions a system contributes.
func SystemCondition(kind string) string     { return "system:" + kind }
func ProductCondition(product string) string { return "product:" + product }

// KnownCondition reports whether name may stand in an applies_when list.
func KnownCondition(name string) bool {
	if name == OutsideEEA || slices.Contains(ProfileConditions, name) {
		return true
	}
	if kind, ok := strings.CutPrefix(name, "system:"); ok {
		return slices.Contains(SystemKinds, kind)
	}
	if product, ok := strings.CutPrefix(name, "product:"); ok {
		return slices.Contains(Products, product)
	}
	return false
}

// Sources are the legal sources a reference may cite; a reference is "SOURCE locator".
var Sources = []string{"GDPR", "Databeskyttelsesloven", "Markedsføringsloven", "Bogføringsloven",
	"Datatilsynet", "Cookiebekendtgørelsen", "Ansættelsesbevisloven", "Forældelsesloven",
	"Helbredsoplysningsloven", "Arbejdstidsloven", "Whistleblowerloven", "Børneattestloven", "AI-forordningen",
	"Forbrugerombudsmanden", "EU-Retten"}

// RefSource returns the source a reference cites, or "" when it cites none of Sources.
func RefSource(ref string) string {
	for _, s := range Sources {
		if rest, ok := strings.CutPrefix(ref, s+" "); ok && strings.TrimSpace(rest) != "" {
			return s
		}
	}
	return ""
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

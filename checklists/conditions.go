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
var SystemKinds = []string{"erp", "payroll", "hr", "purchasing", "crm", "marketing", "other"}

// Products are the known products; "product:ID" holds when the inventory has one.
var Products = []string{"netsuite", "business-central", "sap-b1", "economic", "uniconta", "odoo",
	"danloen", "zenegy", "lessor", "proloen", "intect", "custom",
	"hubspot", "salesforce", "dynamics-sales", "pipedrive", "emply", "hr-manager", "simployer",
	"pleo", "spendesk"}

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
	"other":      {"custom"},
}

// ProductsFor returns the products offered for a kind; an unknown kind gets "custom" only.
func ProductsFor(kind string) []string {
	if p, ok := KindProducts[kind]; ok {
		return p
	}
	return []string{"custom"}
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
	"Datatilsynet", "Cookiebekendtgørelsen", "Ansættelsesbevisloven", "Forældelsesloven"}

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

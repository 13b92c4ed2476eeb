package checklists_test

import (
	"slices"
	"testing"

	"gdprtjek/checklists"
)

func scopeFixture() *checklists.Set {
	q := func(id string, conds ...string) checklists.Question {
		return checklists.Question{ID: id, Weight: 1, AppliesWhen: conds}
	}
	return checklists.NewSet([]*checklists.Checklist{
		{ID: "b-list", Area: "b", Order: 2, Questions: []checklists.Question{q("b.always"), q("b.netsuite", "product:netsuite")}},
		{ID: "a-list", Area: "a", Order: 1, AppliesWhen: []string{"employees"},
			Questions: []checklists.Question{q("a.always"), q("a.recruit", "recruitment")}},
	})
}

func TestScope(t *testing.T) {
	set := scopeFixture()
	tests := []struct {
		facts   checklists.Facts
		applies []string
		missing map[string][]string
	}{
		{checklists.Facts{}, []string{"b.always"},
			map[string][]string{"a.always": {"employees"}, "a.recruit": {"employees", "recruitment"}, "b.netsuite": {"product:netsuite"}}},
		{checklists.Facts{"employees": true, "product:netsuite": true}, []string{"a.always", "b.always", "b.netsuite"},
			map[string][]string{"a.recruit": {"recruitment"}}},
	}
	for _, tt := range tests {
		var applies []string
		for _, sc := range set.Scope(tt.facts) {
			if sc.Applies {
				applies = append(applies, sc.Question.ID)
				continue
			}
			if want := tt.missing[sc.Question.ID]; !slices.Equal(sc.Missing, want) {
				t.Errorf("%v: %s missing %v, want %v", tt.facts, sc.Question.ID, sc.Missing, want)
			}
		}
		if !slices.Equal(applies, tt.applies) {
			t.Errorf("%v: applies %v, want %v (checklists in Order)", tt.facts, applies, tt.applies)
		}
	}
}

func TestAreasAndLookup(t *testing.T) {
	set := scopeFixture()
	areas := set.Areas()
	if len(areas) != 2 || areas[0].ID != "a" || areas[1].ID != "b" {
		t.Fatalf("areas: %+v", areas)
	}
	q, c, ok := set.Question("b.netsuite")
	if !ok || q.ID != "b.netsuite" || c.ID != "b-list" {
		t.Fatalf("Question: %v %v %v", q, c, ok)
	}
	if _, _, ok := set.Question("nope"); ok {
		t.Error("found a question that does not exist")
	}
	if refs := set.Refs(); len(refs) != 2 || refs[0].ID != "a-list" {
		t.Errorf("refs: %+v", refs)
	}
}

func TestKnownCondition(t *testing.T) {
	for cond, want := range map[string]bool{"employees": true, "outside_eea": true, "system:erp": true,
		"product:uniconta": true, "product:excel": false, "system:": false, "robots": false} {
		if got := checklists.KnownCondition(cond); got != want {
			t.Errorf("KnownCondition(%q) = %v", cond, got)
		}
	}
}

// TestKindProducts: every kind offers products that exist, ending with "custom"; none offers
// an ERP product first unless it is ERP (a payroll system defaulted to Business Central).
func TestKindProducts(t *testing.T) {
	erp := checklists.KindProducts["erp"]
	for _, kind := range checklists.SystemKinds {
		products := checklists.ProductsFor(kind)
		if len(products) == 0 || products[len(products)-1] != "custom" {
			t.Errorf("%s: products %v do not end with custom", kind, products)
		}
		for _, p := range products {
			if !slices.Contains(checklists.Products, p) {
				t.Errorf("%s: unknown product %q", kind, p)
			}
		}
		if kind != "erp" && kind != "purchasing" && slices.Contains(erp[:len(erp)-1], products[0]) {
			t.Errorf("%s defaults to the ERP product %q", kind, products[0])
		}
	}
	if checklists.ProductsFor("payroll")[0] != "danloen" {
		t.Errorf("payroll's default: %q", checklists.ProductsFor("payroll")[0])
	}
}

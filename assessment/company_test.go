package assessment_test

import (
	"context"
	"strings"
	"testing"

	"gdprtjek/assessment"
)

// TestCVR: a CVR number is 8 digits, not starting with 0, whose digits weighted 2,7,6,5,4,3,2,1
// sum to a multiple of 11; people type it with spaces, a "DK" prefix or pasted non-breaking spaces.
func TestCVR(t *testing.T) {
	tests := []struct {
		typed string
		want  string
		valid bool
	}{
		{"10150817", "10150817", true}, // 2·1+7·0+6·1+5·5+4·0+3·8+2·1+1·7 = 66 = 6·11
		{"DK 10 15 08 17", "10150817", true},
		{"dk10150817", "10150817", true},
		{"10\u00a015\u00a008\u00a017", "10150817", true}, // copied from a web page
		{"38745123", "38745123", true},                   // the demo company's
		{"10150818", "10150818", false},                  // one digit off: sum 67
		{"01501817", "01501817", false},                  // leading zero
		// Leading zeros whose digits pass the modulus check: only the leading-zero rule refuses them.
		{"00000000", "00000000", false},
		{"01234560", "01234560", false}, // 0+7+12+15+16+15+12+0 = 77 = 7·11
		{"1015081", "1015081", false},   // seven digits
		{"101508170", "101508170", false},
		{"1015O817", "1015O817", false}, // letter O for zero
		{"１０１５０８１７", "１０１５０８１７", false}, // full-width digits are not typed as a CVR
	}
	for _, tt := range tests {
		got := assessment.NormalizeCVR(tt.typed)
		if got != tt.want {
			t.Errorf("NormalizeCVR(%q) = %q, want %q", tt.typed, got, tt.want)
		}
		if assessment.ValidCVR(got) != tt.valid {
			t.Errorf("ValidCVR(%q) = %v, want %v", got, !tt.valid, tt.valid)
		}
	}
}

// TestCompanyPartner: the implementation partner is saved, read back, carried in the exchange
// file only when set (a file without it re-encodes without it), and in the company-data export.
func TestCompanyPartner(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	s := openStore(t)
	c := assessment.Company{Name: "Æblegården ApS", CVR: "38745123", Partner: "Nordlys IT ApS"}
	if err := s.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Company(ctx, c.ID)
	if err != nil || got.Partner != "Nordlys IT ApS" {
		t.Fatalf("partner after create: %q %v", got.Partner, err)
	}
	got.Partner = "Østjysk ERP A/S"
	if err := s.UpdateCompany(ctx, &got); err != nil {
		t.Fatal(err)
	}
	a := newAssessment(t, s, set, c.ID)
	data := export(t, s, a.ID)
	if !strings.Contains(string(data), `"partner": "Østjysk ERP A/S"`) {
		t.Errorf("exchange file lacks the company's partner:\n%s", data)
	}
	other := openStore(t)
	id, err := other.ImportExchange(ctx, set, data, false)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := other.Snapshot(ctx, id)
	if err != nil || snap.Company.Partner != "Østjysk ERP A/S" {
		t.Errorf("partner after import: %q %v", snap.Company.Partner, err)
	}
	dump, err := s.ExportCompany(ctx, c.ID)
	if err != nil || !strings.Contains(string(dump), `"partner": "Østjysk ERP A/S"`) {
		t.Errorf("company-data export lacks the partner: %v", err)
	}
	// Without a partner the field is left out: a version-1 file keeps its bytes and digest.
	plain := newCompany(t, s, "Uden Partner ApS")
	if data := export(t, s, newAssessment(t, s, set, plain.ID).ID); strings.Contains(string(data), `"partner"`) {
		t.Error("an empty partner is written to the exchange file")
	}
	found, err := s.CompaniesWithCVR(ctx, "DK 3874 5123")
	if err != nil || len(found) != 1 || found[0].ID != c.ID {
		t.Errorf("CompaniesWithCVR: %+v %v", found, err)
	}
}

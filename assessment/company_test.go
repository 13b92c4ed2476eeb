package assessment_test

import (
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

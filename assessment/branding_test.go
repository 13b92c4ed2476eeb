package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"gdprtjek/assessment"
)

// picture encodes a w×h picture as PNG or JPEG.
func picture(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, x%max(h, 1), color.NRGBA{R: 200, G: 30, B: 40, A: 255})
	}
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheckLogo(t *testing.T) {
	pngLogo := picture(t, "png", 300, 100)
	big := append(bytes.Clone(pngLogo), make([]byte, assessment.MaxLogoBytes)...) // a PNG followed by 2 MB
	tests := []struct {
		name   string
		data   []byte
		wantID string
	}{
		{"png", pngLogo, ""},
		{"jpeg", picture(t, "jpeg", 120, 80), ""},
		{"text", []byte("Nordlys IT ApS\n"), "branding.logo_not_image"},
		{"empty", nil, "branding.logo_not_image"},
		{"cut short", pngLogo[:len(pngLogo)/2], "branding.logo_not_image"},
		{"over 2 MB", big, "branding.logo_too_large"},
		{"a pixel", picture(t, "png", 1, 1), "branding.logo_bad_size"},
		{"a thin line", picture(t, "png", 1300, 100), "branding.logo_bad_size"},
		{"a poster", picture(t, "png", 6001, 600), "branding.logo_bad_size"},
	}
	for _, tc := range tests {
		format, w, h, err := assessment.CheckLogo(tc.data)
		if got := errID(err); got != tc.wantID {
			t.Errorf("%s: error %q (%v), want %q", tc.name, got, err, tc.wantID)
		}
		if tc.wantID == "" && (w == 0 || h == 0 || (format != "png" && format != "jpeg")) {
			t.Errorf("%s: %s %d×%d", tc.name, format, w, h)
		}
	}
}

func TestParseAccent(t *testing.T) {
	for in, want := range map[string]string{"#1F4E79": "#1f4e79", "1f4e79": "#1f4e79", " #000000 ": "#000000"} {
		got, _, err := assessment.ParseAccent(in)
		if err != nil || got != want {
			t.Errorf("ParseAccent(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, wantID := range map[string]string{"#ffff00": "branding.accent_low_contrast", "#ffffff": "branding.accent_low_contrast",
		"#999999": "branding.accent_low_contrast", "blue": "branding.accent_invalid", "#12345": "branding.accent_invalid", "#12345g": "branding.accent_invalid"} {
		if _, _, err := assessment.ParseAccent(in); errID(err) != wantID {
			t.Errorf("ParseAccent(%q): %v, want %s", in, err, wantID)
		}
	}
	// WCAG's figures: black on white 21:1, #767676 just above 4.5:1.
	if r := assessment.ContrastWithWhite([3]uint8{0, 0, 0}); r < 20.99 || r > 21.01 {
		t.Errorf("black: %.3f", r)
	}
	if r := assessment.ContrastWithWhite([3]uint8{0x76, 0x76, 0x76}); r < 4.5 || r > 4.6 {
		t.Errorf("#767676: %.3f", r)
	}
}

func TestBrandingStored(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := newCompany(t, s, "Æblegården ApS")
	b, err := s.Branding(ctx, c.ID)
	if err != nil || b.Consultancy != "" || b.Logo != nil || b.CompanyLogo != nil {
		t.Fatalf("fresh database: %+v, %v", b, err)
	}
	logo, companyLogo := picture(t, "png", 200, 60), picture(t, "jpeg", 64, 64)
	want := assessment.Branding{Consultancy: " Nordlys IT ApS ", Contact: "Kirsten Møller · 70 20 30 40", Accent: "#1F4E79", Logo: logo}
	if err := s.SaveBranding(ctx, want); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCompanyLogo(ctx, c.ID, companyLogo); err != nil {
		t.Fatal(err)
	}
	got, err := s.Branding(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Consultancy != "Nordlys IT ApS" || got.Contact != want.Contact || got.Accent != "#1f4e79" ||
		!bytes.Equal(got.Logo, logo) || !bytes.Equal(got.CompanyLogo, companyLogo) {
		t.Errorf("read back %+v", got)
	}
	// Bad input changes nothing.
	if err := s.SaveBranding(ctx, assessment.Branding{Consultancy: "X", Accent: "#ffff00"}); errID(err) != "branding.accent_low_contrast" {
		t.Errorf("light accent: %v", err)
	}
	if err := s.SaveBranding(ctx, assessment.Branding{Consultancy: "X", Logo: []byte("not a picture")}); errID(err) != "branding.logo_not_image" {
		t.Errorf("text as logo: %v", err)
	}
	if err := s.SetCompanyLogo(ctx, c.ID, []byte("GIF89a")); errID(err) != "branding.logo_not_image" {
		t.Errorf("text as company logo: %v", err)
	}
	if err := s.SetCompanyLogo(ctx, 999, companyLogo); errID(err) != "company.not_found" {
		t.Errorf("logo for a missing company: %v", err)
	}
	if again, _ := s.Branding(ctx, c.ID); again.Consultancy != "Nordlys IT ApS" || !bytes.Equal(again.CompanyLogo, companyLogo) {
		t.Errorf("refused input changed the branding: %+v", again)
	}
	// The company's logo goes with the company; the consultancy's stays.
	if err := s.DeleteCompany(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	// SQLite gives the next company the deleted one's ID: it must not inherit the logo.
	c2 := newCompany(t, s, "Bærholm A/S")
	if c2.ID != c.ID {
		t.Fatalf("the new company has ID %d, not the deleted %d: the test needs the ID reused", c2.ID, c.ID)
	}
	if after, _ := s.Branding(ctx, c2.ID); after.CompanyLogo != nil || !bytes.Equal(after.Logo, logo) {
		t.Errorf("after deleting the company: company logo %d bytes (want none), consultancy logo kept %v",
			len(after.CompanyLogo), bytes.Equal(after.Logo, logo))
	}
	// Removing a logo.
	s.SetCompanyLogo(ctx, c2.ID, companyLogo)
	if err := s.SetCompanyLogo(ctx, c2.ID, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.Branding(ctx, c2.ID); b.CompanyLogo != nil {
		t.Error("the company logo was not removed")
	}
}

// TestExportCompanyHoldsLogo: the company's copy of its data includes its logo.
func TestExportCompanyHoldsLogo(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := newCompany(t, s, "Æblegården ApS")
	data, err := s.ExportCompany(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(`"logo"`)) {
		t.Error("a logo field in the export of a company without a logo")
	}
	logo := picture(t, "png", 64, 32)
	if err := s.SetCompanyLogo(ctx, c.ID, logo); err != nil {
		t.Fatal(err)
	}
	data, err = s.ExportCompany(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Company struct {
			Logo []byte `json:"logo"`
		} `json:"company"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Company.Logo, logo) {
		t.Errorf("the export's logo is %d bytes, want the %d stored", len(got.Company.Logo), len(logo))
	}
}

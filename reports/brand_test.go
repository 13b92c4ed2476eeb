package reports_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func logoPNG(t *testing.T, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// coverPixel renders the cover at 25 dpi and returns the colour at (x, y) millimetres.
func coverPixel(t *testing.T, pdf []byte, x, y float64) color.RGBA {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "25.4", "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "c")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "c.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

func TestBrandingInReport(t *testing.T) {
	set, snap, opts := fixture()
	opts.Lang = i18n.English
	opts.Branding = assessment.Branding{Consultancy: "Nordlys IT ApS", Contact: "Kirsten Møller · +45 70 20 30 40",
		Accent: "#7b1fa2", Logo: logoPNG(t, 300, 100, color.NRGBA{0, 128, 0, 255}),
		CompanyLogo: logoPNG(t, 100, 100, color.NRGBA{200, 0, 0, 255})}
	pdf := render(t, set, snap, opts)
	text := poppler(t, pdf, "pdftotext", "-layout")
	if !regexp.MustCompile(`(?m)^Confidential · Nordlys IT ApS · Kirsten Møller · \+45 70 20 30 40\s+Page 2 of \d+$`).MatchString(text) {
		t.Error("no footer with the consultancy's name and contact line on page 2")
	}
	// The band across the cover's top edge is in the accent colour; the company's logo sits
	// at the left under it (red), the consultancy's at the right (green).
	if c := coverPixel(t, pdf, 100, 3); c != (color.RGBA{0x7b, 0x1f, 0xa2, 255}) {
		t.Errorf("cover band is %v, want the accent #7b1fa2", c)
	}
	if c := coverPixel(t, pdf, 20, 22); c.R < 180 || c.G > 40 {
		t.Errorf("no company logo at the cover's top left: %v", c)
	}
	if c := coverPixel(t, pdf, 185, 22); c.G < 100 || c.R > 40 {
		t.Errorf("no consultancy logo at the cover's top right: %v", c)
	}
	// Both logos are one image each, however many pages show them.
	if n := bytes.Count(pdf, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d image objects, want 2", n)
	}

	// A logo that is no picture, or a colour too light, leaves the report as it would be
	// without: nothing half-drawn, no failure.
	opts.Branding = assessment.Branding{Logo: []byte("not a picture"), Accent: "#ffff00"}
	pdf = render(t, set, snap, opts)
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("an image from a logo that is no picture")
	}
	if c := coverPixel(t, pdf, 100, 3); c != (color.RGBA{20, 50, 90, 255}) {
		t.Errorf("cover band is %v with a refused accent, want the report's navy", c)
	}
	if strings.Contains(poppler(t, pdf, "pdftotext"), " · Nordlys") {
		t.Error("footer brand without branding")
	}
}

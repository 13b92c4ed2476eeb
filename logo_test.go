package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pageImages lists the images pdfimages finds on page from..to of a PDF.
func pageImages(t *testing.T, path string, page int) int {
	t.Helper()
	out, err := exec.Command("pdfimages", "-list", "-f", "1", "-l", "1", path).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	return len(regexp.MustCompile(`(?m)^\s+1\s+\d+\s+image\s`).FindAll(out, -1))
}

func TestReportLogoFromCommandLine(t *testing.T) {
	dir, db, id := demoDB(t)
	img := image.NewNRGBA(image.Rect(0, 0, 240, 80))
	for x := 0; x < 240; x++ {
		for y := 0; y < 80; y++ {
			img.Set(x, y, color.NRGBA{R: uint8(x), G: 80, B: 120, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "med-logo.pdf")
	if r := runCmd(t, "report", "--db", db, "--assessment", id, "--lang", "da", "--out", out, "--logo", logo); r.code != 0 {
		t.Fatalf("report --logo: %+v", r)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the PDF holds no image XObject")
	}
	if n := pageImages(t, out, 1); n != 1 {
		t.Errorf("%d images on the cover, want the logo", n)
	}
	// For that report only: the next one has none.
	plain := filepath.Join(dir, "uden-logo.pdf")
	if r := runCmd(t, "report", "--db", db, "--assessment", id, "--lang", "da", "--out", plain); r.code != 0 {
		t.Fatalf("report: %+v", r)
	}
	if n := pageImages(t, plain, 1); n != 0 {
		t.Errorf("the logo stayed for the next report: %d images on its cover", n)
	}

	huge := append(bytes.Clone(buf.Bytes()), make([]byte, 2<<20)...) // a picture, then 2 MB
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"logo.txt": {[]byte("Nordlys IT ApS\n"), "The logo is not a picture that can be used. Choose a PNG or JPEG file."},
		"huge.png": {huge, fmt.Sprintf("The logo file is %d KB; a logo may be at most 2 MB.", (len(huge)+1023)>>10)},
	} {
		bad := filepath.Join(dir, name)
		if err := os.WriteFile(bad, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		failed := filepath.Join(dir, "fejl.pdf")
		r := runCmd(t, "report", "--db", db, "--assessment", id, "--lang", "en", "--out", failed, "--logo", bad)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], tc.want) {
			t.Errorf("%s as logo: exit %d, stderr %q; want exit 1 and one line %q", name, r.code, r.stderr, tc.want)
		}
		if _, err := os.Stat(failed); !os.IsNotExist(err) {
			t.Errorf("%s as logo: a report was written anyway", name)
		}
	}
}

package reports

import (
	"bytes"
	"image"
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/draw"

	"gdprtjek/assessment"
)

// logo is a picture registered with the PDF once and placed on the cover and every header.
type logo struct {
	name string
	w, h float64 // pixels, for the aspect ratio
}

// logoMaxPixels is the long side a logo is scaled down to: 45 mm at about 450 dpi, sharp in
// print, and a 6,000-pixel photo does not make every report 20 MB.
const logoMaxPixels = 800

// registerLogo decodes a PNG or JPEG, scales it down when large and registers it as an 8-bit
// PNG, which fpdf reads in every variant (it refuses 16-bit and interlaced PNGs). A picture
// that fails the checks is left out: the report is still made.
func (r *renderer) registerLogo(name string, data []byte) *logo {
	if len(data) == 0 {
		return nil
	}
	if _, _, _, err := assessment.CheckLogo(data); err != nil {
		return nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > logoMaxPixels {
		w, h = max(1, w*logoMaxPixels/long), max(1, h*logoMaxPixels/long)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil
	}
	r.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	if r.pdf.Err() {
		r.pdf.ClearError() // a logo fpdf cannot read is left out, the report is not lost
		return nil
	}
	return &logo{name: name, w: float64(w), h: float64(h)}
}

// drawLogo places l inside the box at (x, y) of at most bw × bh mm, keeping its aspect ratio,
// aligned to the box's left or right ("L"/"R") and vertically centred; it returns the width used.
func (r *renderer) drawLogo(l *logo, x, y, bw, bh float64, align string) float64 {
	if l == nil {
		return 0
	}
	w, h := bw, bw*l.h/l.w
	if h > bh {
		w, h = bh*l.w/l.h, bh
	}
	if align == "R" {
		x += bw - w
	}
	r.pdf.ImageOptions(l.name, x, y+(bh-h)/2, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return w
}

// applyBranding sets the accent colour and registers the logos.
func (r *renderer) applyBranding(b assessment.Branding) {
	if strings.TrimSpace(b.Accent) != "" {
		if _, c, err := assessment.ParseAccent(b.Accent); err == nil {
			r.accent = rgb{int(c[0]), int(c[1]), int(c[2])}
		}
	}
	r.companyLogo = r.registerLogo("company-logo", b.CompanyLogo)
	r.brandLogo = r.registerLogo("consultancy-logo", b.Logo)
}

// footerBrand is the consultancy's name and contact line for the footer, or "".
func (r *renderer) footerBrand() string {
	b := r.opts.Branding
	var parts []string
	for _, s := range []string{b.Consultancy, b.Contact} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

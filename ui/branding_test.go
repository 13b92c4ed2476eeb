package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.NRGBA{R: 30, G: 80, B: 120, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hasImage(o fyne.CanvasObject) bool {
	found := false
	objects(o, func(x fyne.CanvasObject) {
		if _, ok := x.(*canvas.Image); ok {
			found = true
		}
	})
	return found
}

func TestBrandingScreen(t *testing.T) {
	u, store := newTestUI(t, i18n.English)
	ctx := context.Background()
	c := assessment.Company{Name: "Æblegården ApS"}
	if err := store.CreateCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// Reached from the company screen.
	u.showCompany(c.ID)
	test.Tap(findButton(t, u, "Logos and colours"))
	if !hasLabel(u, "Logos and colours in the report") {
		t.Fatal("the company screen's button does not open the branding screen")
	}

	f := u.newBrandingForm(c.ID)
	u.show(func() fyne.CanvasObject { return f.content })
	test.Type(f.consultancy, "Nordlys IT ApS")
	test.Type(f.contact, "Kirsten Møller · 70 20 30 40")
	test.Type(f.accent, "#ffff00") // too light for headings on white
	if f.accent.Validate() == nil {
		t.Error("the accent field takes a colour too light to read")
	}
	test.Tap(findButton(t, u, "Save"))
	if !strings.Contains(f.status.Text, "too light") {
		t.Errorf("saving a light accent: status %q", f.status.Text)
	}
	if b, _ := store.Branding(ctx, c.ID); b.Consultancy != "" || b.Accent != "" {
		t.Errorf("a refused save stored %+v", b)
	}

	// A text file as logo is refused with the reason; the field keeps what it had.
	u.loadLogo(f.logo, f.status, strings.NewReader("Nordlys IT ApS\n"))
	if !strings.Contains(f.status.Text, "not a picture") || f.logo.data != nil || hasImage(f.logo.preview) {
		t.Errorf("text as logo: status %q, data %d bytes", f.status.Text, len(f.logo.data))
	}
	logo, companyLogo := pngBytes(t, 300, 90), pngBytes(t, 64, 64)
	u.loadLogo(f.logo, f.status, bytes.NewReader(logo))
	u.loadLogo(f.companyLogo, f.status, bytes.NewReader(companyLogo))
	if f.status.Text != "" || !hasImage(f.logo.preview) || !hasImage(f.companyLogo.preview) {
		t.Errorf("chosen logos not shown: status %q", f.status.Text)
	}
	if b, _ := store.Branding(ctx, c.ID); b.Consultancy != "" || b.Logo != nil {
		t.Errorf("saved before Save: %+v", b)
	}

	f.accent.SetText("")
	test.Type(f.accent, "#1F4E79")
	save := findButton(t, u, "Save")
	test.Tap(save)
	b, err := store.Branding(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Consultancy != "Nordlys IT ApS" || b.Contact != "Kirsten Møller · 70 20 30 40" || b.Accent != "#1f4e79" ||
		!bytes.Equal(b.Logo, logo) || !bytes.Equal(b.CompanyLogo, companyLogo) {
		t.Errorf("stored %+v", b)
	}
	if !strings.HasPrefix(f.status.Text, "Saved.") {
		t.Errorf("status after saving: %q", f.status.Text)
	}

	// Removing the company's logo and saving removes it from the store; the screen, built
	// again, shows what is stored, in Danish too.
	var removes []*widget.Button
	objects(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Remove" {
			removes = append(removes, b)
		}
	})
	if len(removes) != 2 {
		t.Fatalf("%d Remove buttons, want one per logo", len(removes))
	}
	test.Tap(removes[1]) // the company's, the second logo on the form
	test.Tap(save)
	if b, _ := store.Branding(ctx, c.ID); b.CompanyLogo != nil || !bytes.Equal(b.Logo, logo) {
		t.Errorf("after removing the company logo: company %d bytes, consultancy %d bytes", len(b.CompanyLogo), len(b.Logo))
	}
	u.setLanguage(i18n.Danish)
	again := u.newBrandingForm(c.ID)
	if again.consultancy.Text != "Nordlys IT ApS" || again.accent.Text != "#1f4e79" || !hasImage(again.logo.preview) || hasImage(again.companyLogo.preview) {
		t.Error("the branding screen does not show what is stored")
	}
}

// TestAccentPaletteByKeys: every colour offered passes the report's contrast check (Fyne's
// picker offered yellow, which the check then refused); the first has focus, Enter takes it,
// Escape takes none.
func TestAccentPaletteByKeys(t *testing.T) {
	for _, hex := range accentPalette {
		if _, _, err := assessment.ParseAccent(hex); err != nil {
			t.Errorf("palette colour %s: %v", hex, err)
		}
	}
	u, _ := newTestUI(t, i18n.Danish)
	var got []string
	u.chooseAccent(func(s string) { got = append(got, s) })
	if focusedText(u) != accentPalette[0] {
		t.Fatalf("the palette opens with %q focused, want %s", focusedText(u), accentPalette[0])
	}
	pressOn(t, u, fyne.KeyEscape)
	if topOverlay(u) != nil || len(got) != 0 {
		t.Fatalf("Escape: dialog open %v, colours taken %v", topOverlay(u) != nil, got)
	}
	u.chooseAccent(func(s string) { got = append(got, s) })
	pressOn(t, u, fyne.KeyReturn)
	if topOverlay(u) != nil || len(got) != 1 || got[0] != accentPalette[0] {
		t.Errorf("Enter: dialog open %v, colours taken %v", topOverlay(u) != nil, got)
	}
}

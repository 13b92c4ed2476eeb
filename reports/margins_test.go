package reports_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gdprtjek/i18n"
)

// Page zones in points (1 mm = 72/25.4 pt), matching report.go: the body inside the 18 mm
// margins, and the header and footer lines in the top and bottom margins.
const mm = 72 / 25.4

var (
	pageWPt   = 210 * mm
	marginPt  = 18 * mm
	bodyZone  = [2]float64{18 * mm, (297 - 18) * mm}
	headZone  = [2]float64{9 * mm, 16 * mm}
	footZone  = [2]float64{284 * mm, 290 * mm}
	pageStart = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
)

// TestLargeReportStaysInMargins renders 2,000 questions with long texts, notes, unbroken
// words and characters the font lacks, and checks every word's box on every page.
func TestLargeReportStaysInMargins(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a report of hundreds of pages")
	}
	set, snap := generated(2000)
	_, _, opts := fixture()
	opts.Lang = i18n.Danish
	out := poppler(t, render(t, set, snap, opts), "pdftotext", "-bbox")
	pages := pageStart.FindAllStringSubmatch(out, -1)
	if len(pages) < 100 {
		t.Fatalf("only %d pages for 2,000 questions", len(pages))
	}
	for _, p := range pages {
		if p[1] != "595.280000" || p[2] != "841.890000" {
			t.Fatalf("page is %s x %s pt, not A4", p[1], p[2])
		}
	}
	const slack = 0.5
	in := func(v float64, zone [2]float64) bool { return v >= zone[0]-slack && v <= zone[1]+slack }
	words, bad := 0, 0
	// Scanned line by line: a regular expression over tens of megabytes is slow under -race.
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "<word ") {
			continue
		}
		words++
		var x0, y0, x1, y1 float64
		attrs, word, _ := strings.Cut(strings.TrimPrefix(line, "<word "), ">")
		for _, kv := range strings.Fields(attrs) {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(strings.Trim(v, `"`), 64)
			switch k {
			case "xMin":
				x0 = f
			case "yMin":
				y0 = f
			case "xMax":
				x1 = f
			case "yMax":
				y1 = f
			}
		}
		inX := x0 >= marginPt-slack && x1 <= pageWPt-marginPt+slack
		inY := (in(y0, bodyZone) && in(y1, bodyZone)) || (in(y0, headZone) && in(y1, headZone)) ||
			(in(y0, footZone) && in(y1, footZone))
		if !inX || !inY {
			bad++
			if bad <= 10 {
				t.Errorf("word %q at x %.1f–%.1f, y %.1f–%.1f pt is outside the margins", strings.TrimSuffix(word, "</word>"), x0, x1, y0, y1)
			}
		}
	}
	if words < 10000 {
		t.Fatalf("only %d words read back; is pdftotext's output format different?", words)
	}
	if bad > 10 {
		t.Errorf("%d words outside the margins in all", bad)
	}
}

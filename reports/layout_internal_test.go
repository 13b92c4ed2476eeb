package reports

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// oneByte writes what it is given a byte at a time, to cut every name in two somewhere.
type oneByte struct{ w *bytes.Buffer }

func (o oneByte) Write(p []byte) (int, error) {
	for _, b := range p {
		o.w.WriteByte(b)
	}
	return len(p), nil
}

func TestSubsetNamerKeepsLengthAcrossWrites(t *testing.T) {
	in := "<</BaseFont /utf8" + fontFamilyKey + "\n/FontName /utf8" + fontFamilyKey + "B /Ascent 1>>" +
		"/BaseFont /utf8" + fontFamilyKey + "I>>(/utf8" + fontFamilyKey + "X) /utf8" + fontFamilyKey
	want := "<</BaseFont /GDPRTR+NotoSans\n/FontName /GDPRTB+NotoSansB /Ascent 1>>" +
		"/BaseFont /GDPRTI+NotoSansI>>(/utf8" + fontFamilyKey + "X) /GDPRTR+NotoSans"
	for _, chunk := range []int{1, 3, 7, len(in)} {
		var out bytes.Buffer
		s := &subsetNamer{w: &out}
		for i := 0; i < len(in); i += chunk {
			if _, err := s.Write([]byte(in[i:min(len(in), i+chunk)])); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("chunks of %d:\ngot  %q\nwant %q", chunk, out.String(), want)
		}
		if out.Len() != len(in) {
			t.Errorf("chunks of %d: length changed from %d to %d: the xref offsets would be wrong", chunk, len(in), out.Len())
		}
	}
	var out bytes.Buffer
	s := &subsetNamer{w: oneByte{&out}}
	s.Write([]byte(in))
	s.Close()
	if out.String() != want {
		t.Errorf("to a byte-at-a-time writer: got %q", out.String())
	}
}

func TestShareWidth(t *testing.T) {
	cols := []column{{w: 10}, {w: 30}, {w: 60}}
	// Every need met by the proportional share: widths as asked (scaled to 200).
	got := shareWidth(cols, []float64{5, 5, 5}, 200)
	for i, want := range []float64{20, 60, 120} {
		if math.Abs(got[i].w-want) > 1e-9 {
			t.Errorf("plain: column %d is %.2f, want %.2f", i, got[i].w, want)
		}
	}
	// The first column needs 50: it gets 50, the others share 150 as 1:2.
	got = shareWidth(cols, []float64{50, 5, 5}, 200)
	for i, want := range []float64{50, 50, 100} {
		if math.Abs(got[i].w-want) > 1e-9 {
			t.Errorf("widened: column %d is %.2f, want %.2f", i, got[i].w, want)
		}
	}
	// Needs over the total: scaled down in proportion, 100:100:200 of 200.
	got = shareWidth(cols, []float64{100, 100, 200}, 200)
	for i, want := range []float64{50, 50, 100} {
		if math.Abs(got[i].w-want) > 1e-9 {
			t.Errorf("too wide: column %d is %.2f, want %.2f", i, got[i].w, want)
		}
	}
}

func TestWrapHyphenatesOnlyWordsLongerThanTheLine(t *testing.T) {
	r := newRenderer(checklists.NewSet(nil), &assessment.Snapshot{}, Options{})
	r.font("", tableSize)
	w := r.pdf.GetStringWidth("Databehandler") + 2*r.pdf.GetCellMargin()
	lines := r.wrap("Databehandleraftale med leverandøren", w)
	if len(lines) < 3 || !strings.HasSuffix(lines[0], "-") || lines[0] == "-" {
		t.Fatalf("a word longer than the line should break with a hyphen: %q", lines)
	}
	if joined := strings.ReplaceAll(strings.Join(lines, " "), "- ", ""); joined != "Databehandleraftale med leverandøren" {
		t.Errorf("letters lost or moved: %q", lines)
	}
	for _, l := range lines {
		if r.pdf.GetStringWidth(l) > w-2*r.pdf.GetCellMargin()+1e-9 {
			t.Errorf("line %q is wider than the cell", l)
		}
	}
	// An existing hyphen is the place to break.
	lines = r.wrap("B2B-leads-kampagner", r.pdf.GetStringWidth("B2B-leads-k")+2*r.pdf.GetCellMargin())
	if len(lines) != 2 || lines[0] != "B2B-leads-" || lines[1] != "kampagner" {
		t.Errorf("break at the word's own hyphen: %q", lines)
	}
	// Words that fit are never broken.
	lines = r.wrap("Markedsføring og salg", r.pdf.GetStringWidth("Markedsføring")+2*r.pdf.GetCellMargin()+0.1)
	if strings.Join(lines, "|") != "Markedsføring|og salg" {
		t.Errorf("got %q", lines)
	}
}

// Package reports renders an assessment as the PDF report a company hands its ERP
// implementation partner, in Danish or English.
package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Options choose how a report is made.
type Options struct {
	Lang i18n.Lang
	// Now stamps the report's date and PDF metadata; fixed in tests for byte-identical output.
	Now time.Time
	// Previous is the score of the round this assessment was started from, shown beside each
	// area in the chart; nil when there was no previous round.
	Previous *assessment.Result
	// PreviousRound is the round this assessment was started from, for "Since the last round";
	// nil leaves that section out. When Previous is nil it is scored from this.
	PreviousRound *assessment.Snapshot
	// Sections are the parts to include; none means all of them.
	Sections []Section
	// Branding puts the company's and the consultancy's logos on the cover and in the
	// header, the consultancy's name and contact line in the footer, and the accent colour on
	// headings and the charts. Empty: the report's own look.
	Branding assessment.Branding
}

// Section is a part of the report a reader may leave out; the cover with its table of
// contents is always there.
type Section string

// The sections in report order.
const (
	SectionSummary  Section = "summary"  // the summary and the score chart
	SectionProgress Section = "progress" // since the last round; only when there was one
	SectionSystems  Section = "systems"
	SectionFindings Section = "findings"
	SectionActions  Section = "actions"
	SectionPartner  Section = "partner"
	SectionReview   Section = "review"
	SectionAppendix Section = "appendix"
)

// Sections lists every section in report order.
var Sections = []Section{SectionSummary, SectionProgress, SectionSystems, SectionFindings, SectionActions, SectionPartner,
	SectionReview, SectionAppendix}

// LabelID is the message ID of the section's heading, which also names it in choices.
func (s Section) LabelID() string {
	switch s {
	case SectionActions:
		return "report.action_plan"
	case SectionPartner:
		return "report.partner_section"
	}
	return "report." + string(s)
}

// ParseSections reads a comma-separated list of section names, such as "summary,actions".
func ParseSections(list string) ([]Section, error) {
	var out []Section
	for _, name := range strings.Split(list, ",") {
		s := Section(strings.TrimSpace(name))
		if !slices.Contains(Sections, s) {
			known := make([]string, len(Sections))
			for i, k := range Sections {
				known[i] = string(k)
			}
			return nil, i18n.NewError("report.section_unknown", i18n.Args{"Name": string(s), "Known": strings.Join(known, ", ")}, nil)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

func (o Options) includes(s Section) bool {
	return len(o.Sections) == 0 || slices.Contains(o.Sections, s)
}

// whole reports whether every section is included.
func (o Options) whole() bool {
	return !slices.ContainsFunc(Sections, func(s Section) bool { return !o.includes(s) })
}

// Page geometry in millimetres (A4). The header and footer live in the top and bottom
// margins; everything else stays inside bodyTop..bodyBottom and margin..pageW-margin.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	contentW     = pageW - 2*margin
	bodyTop      = margin + 6
	bodyBottom   = pageH - margin - 4
	headerY      = 10.0
	footerY      = pageH - 12
	lineH        = 5.0
	compressUpTo = 80
	// The family's name is chosen so that fpdf's font names are as long as the tagged subset
	// names that replace them (see subsetNamer).
	fontFamily = "NotoSansPDF"
	// fpdf keeps family names in lower case.
	fontFamilyKey = "notosanspdf"
)

// Render writes the report of snap, scored against set, as PDF to w.
func Render(w io.Writer, set *checklists.Set, snap *assessment.Snapshot, opts Options) error {
	r := newRenderer(set, snap, opts)
	r.cover()
	for _, part := range []struct {
		section Section
		draw    func()
	}{
		{SectionSummary, func() { r.summary(); r.chart() }},
		{SectionProgress, r.progress},
		{SectionSystems, r.systems},
		{SectionFindings, r.findings},
		{SectionActions, r.actionPlan},
		{SectionPartner, r.partnerActions},
		{SectionReview, r.review},
		{SectionAppendix, r.appendix},
	} {
		if opts.includes(part.section) {
			part.draw()
		}
	}
	r.tableOfContents()
	return r.write(w)
}

// write finishes the document and writes it to w: page numbers, compression, and the fonts
// named as the subsets they are.
func (r *renderer) write(w io.Writer) error {
	r.pageNumbers()
	// fpdf compresses each page with a new zlib writer of about 1 MB; for a report of
	// realistic size that is cheap and makes the file several times smaller, but for a report
	// of hundreds of pages it doubles the time. Beyond compressUpTo pages speed wins.
	r.pdf.SetCompression(r.pdf.PageCount() <= compressUpTo)
	// fpdf holds every page and then the whole file: let what the pages were made from go
	// first (tens of megabytes at thousands of questions).
	// (Output still draws the last page's footer, which needs only the localizer and brand.)
	r.set, r.snap, r.result, r.prev, r.toc, r.opts.PreviousRound = nil, nil, assessment.Result{}, nil, nil, nil
	sw := &subsetNamer{w: w}
	if err := r.pdf.Output(sw); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	if err := sw.Close(); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// WriteFile renders the report to path through a temporary file in the same folder, so a
// failure never leaves a partial PDF behind. The PDF goes straight to the file: a report of
// thousands of questions is tens of megabytes, better not held twice.
func WriteFile(path string, set *checklists.Set, snap *assessment.Snapshot, opts Options) error {
	return WriteFileContext(context.Background(), path, set, snap, opts)
}

// WriteFileContext is WriteFile that can be cancelled: a report cancelled before it is
// finished leaves no file, and a file that was there before stays as it was. The error is
// then ctx's.
func WriteFileContext(ctx context.Context, path string, set *checklists.Set, snap *assessment.Snapshot, opts Options) error {
	err := assessment.WriteAtomic(path, func(w io.Writer) error {
		// Handed on, not kept: Render lets go of them before it writes the file.
		s, sn := set, snap
		set, snap, opts.PreviousRound, opts.Previous = nil, nil, nil, nil
		if err := Render(w, s, sn, opts); err != nil {
			return err
		}
		return ctx.Err() // before the rename, which would replace what the user had
	})
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return ctx.Err()
	}
	return err
}

type renderer struct {
	opts   Options
	pdf    *fpdf.Fpdf
	loc    *i18n.Localizer
	lang   i18n.Lang
	set    *checklists.Set
	snap   *assessment.Snapshot
	result assessment.Result
	prev   *assessment.Result
	now    time.Time
	glyphs *glyphs
	accent rgb // headings and the chart

	companyLogo, brandLogo *logo // nil when not set

	toc  []tocEntry
	tocY float64 // where the table of contents starts on the cover
	// docTitle is the title of a data-map document (records.go), which has no cover: its
	// first page gets the header and footer too. Empty for the report.
	docTitle string
}

func newRenderer(set *checklists.Set, snap *assessment.Snapshot, opts Options) *renderer {
	loc := i18n.New(opts.Lang)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &renderer{
		opts:   opts,
		pdf:    fpdf.New("P", "mm", "A4", ""),
		loc:    loc,
		lang:   loc.Lang(),
		set:    assessment.Pinned(set, snap.Assessment),
		snap:   snap,
		prev:   opts.Previous,
		now:    now,
		glyphs: newGlyphs(),
		accent: navy,
	}
	r.result = assessment.ScoreSnapshot(set, snap)
	if r.prev == nil && opts.PreviousRound != nil {
		prev := assessment.ScoreSnapshot(set, opts.PreviousRound)
		r.prev = &prev
	}
	p := r.pdf
	p.AddUTF8FontFromBytes(fontFamily, "", notoRegular)
	p.AddUTF8FontFromBytes(fontFamily, "B", notoBold)
	p.AddUTF8FontFromBytes(fontFamily, "I", notoItalic)
	r.applyBranding(opts.Branding)
	p.SetMargins(margin, bodyTop, margin)
	p.SetAutoPageBreak(true, pageH-bodyBottom)
	p.SetCreationDate(now)
	p.SetModificationDate(now)
	p.SetCatalogSort(true)
	// fpdf's metadata encoder panics on invalid UTF-8 (found by FuzzReportText); the page
	// text goes through r.glyphs.clean, these through metadataText.
	p.SetTitle(metadataText(loc.T("report.title")+" – "+snap.Company.Name), true)
	p.SetSubject(metadataText(snap.Company.Name+" – "+snap.Assessment.Title), true)
	p.SetAuthor(metadataText(snap.Assessment.Assessor), true)
	p.SetCreator("GDPR-tjek", true)
	p.SetLang(string(r.lang))
	p.SetHeaderFunc(r.header)
	p.SetFooterFunc(r.footer)
	return r
}

func (r *renderer) header() {
	if r.pdf.PageNo() == 1 && r.docTitle == "" {
		return // the cover has none
	}
	title := r.loc.T("report.title")
	if r.docTitle != "" {
		title = r.docTitle
	}
	p := r.pdf
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	// Logos at the two ends, 4.5 mm high; the company's name and the title move inwards.
	const logoW, logoH = 24.0, 4.5
	left, right := 0.0, 0.0
	if w := r.drawLogo(r.companyLogo, margin, headerY-0.3, logoW, logoH, "L"); w > 0 {
		left = w + 2
	}
	if w := r.drawLogo(r.brandLogo, pageW-margin-logoW, headerY-0.3, logoW, logoH, "R"); w > 0 {
		right = w + 2
	}
	p.SetXY(margin+left, headerY)
	r.cell(contentW/2-left, 4, r.fit(r.snap.Company.Name, contentW/2-left-2), "L")
	r.cell(contentW/2-right, 4, r.fit(title, contentW/2-right-2), "R")
	p.SetDrawColor(200, 200, 200)
	p.SetLineWidth(0.2)
	p.Line(margin, headerY+5, pageW-margin, headerY+5)
	p.SetTextColor(0, 0, 0)
	p.SetXY(margin, bodyTop)
}

func (r *renderer) footer() {
	if r.pdf.PageNo() == 1 && r.docTitle == "" {
		return
	}
	p := r.pdf
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	p.SetXY(margin, footerY)
	left := r.loc.T("report.confidential")
	if brand := r.footerBrand(); brand != "" {
		left += " · " + brand
	}
	r.cell(contentW-pageNumW, 4, r.fit(left, contentW-pageNumW-2), "L")
	p.SetTextColor(0, 0, 0)
}

// pageNumW is the footer's room for "Side 1234 af 1234".
const pageNumW = 32.0

// pageNumbers writes "Page n of N" into every footer but the cover's, once N is known. fpdf's
// own alias for N ({nb}) copies every page's content twice when the PDF is written, which at
// thousands of pages costs more than going back to each page.
func (r *renderer) pageNumbers() {
	p := r.pdf
	last := p.PageCount()
	auto, breakMargin := p.GetAutoPageBreak()
	p.SetAutoPageBreak(false, 0) // writing in the bottom margin must not add a page
	r.textColor(grey)
	first := 2 // the report's cover has no footer; a data-map document has no cover
	if r.docTitle != "" {
		first = 1
	}
	for n := first; n <= last; n++ {
		p.SetPage(n)
		p.SetFont(fontFamily, "", 8) // on each page: its content ends in whatever font it last used
		p.SetXY(pageW-margin-pageNumW, footerY)
		r.cell(pageNumW, 4, r.loc.T("report.page_of", i18n.Args{"Page": n, "Pages": last}), "R")
	}
	p.SetAutoPageBreak(auto, breakMargin)
	p.SetPage(last)
	r.textColor(black)
}

// cell writes one line of text, cleaned of characters the font lacks, and moves right.
func (r *renderer) cell(w, h float64, s, align string) {
	r.pdf.CellFormat(w, h, r.glyphs.clean(s), "", 0, align, false, 0, "")
}

// fit shortens s with an ellipsis until it fits w in the current font.
// metadataText makes s valid UTF-8 for the document properties, which PDF viewers show in
// their own fonts.
func metadataText(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

func (r *renderer) fit(s string, w float64) string {
	s = r.glyphs.clean(s)
	if r.pdf.GetStringWidth(s) <= w {
		return s
	}
	// Widths add up rune by rune, so one pass finds the cut even in a very long text.
	room := w - r.pdf.GetStringWidth("…")
	width, cut := 0.0, 0
	for i, c := range s {
		width += r.pdf.GetStringWidth(string(c))
		if width > room {
			break
		}
		cut = i + utf8.RuneLen(c)
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

// section starts a numbered section on a new page (or, with sameRoom, on the current page
// when at least need millimetres are left), with an outline entry and a table-of-contents
// entry.
func (r *renderer) section(title string, need float64) {
	p := r.pdf
	if need <= 0 || p.GetY()+need > bodyBottom || p.PageNo() <= 1 {
		p.AddPage()
	} else {
		p.Ln(6)
	}
	r.mark(title, 0)
	p.SetFont(fontFamily, "B", 16)
	r.flow(para{style: "B", size: 16, lh: 8, text: title, color: r.accent})
	p.SetTextColor(0, 0, 0)
	p.Ln(2)
}

// subheading starts a sub-section, keeping it with at least some of what follows.
func (r *renderer) subheading(text string, level int) {
	p := r.pdf
	if p.GetY()+30 > bodyBottom {
		p.AddPage()
	} else if p.GetY() > bodyTop+1 {
		p.Ln(3)
	}
	r.mark(text, level)
	size := 12.0
	if level > 1 {
		size = 10.5
	}
	r.flow(para{style: "B", size: size, lh: size / 2, text: text, color: r.accent})
	p.Ln(1)
}

// mark records where a (sub-)section starts: an outline entry always, a table-of-contents
// entry and link for sections and areas.
func (r *renderer) mark(title string, level int) {
	p := r.pdf
	p.SetFont(fontFamily, "B", 12) // Bookmark encodes its text for the current font's kind
	p.Bookmark(r.glyphs.clean(title), level, -1)
	if level <= 1 {
		link := p.AddLink()
		p.SetLink(link, p.GetY(), p.PageNo())
		r.toc = append(r.toc, tocEntry{title: title, level: level, page: p.PageNo(), link: link})
	}
}

func (r *renderer) text(style string, size float64, s string) {
	r.flow(para{style: style, size: size, lh: size * 0.5, text: s})
}

func (r *renderer) muted(size float64, s string) {
	r.flow(para{style: "", size: size, lh: size * 0.5, text: s, color: rgb{90, 90, 90}})
}

func riskKey(r assessment.Risk) string {
	if r == assessment.RiskNone {
		return "none"
	}
	return string(r)
}

// dash stands in for an empty field.
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// dueDate writes an action's due date in the report's language.
func (r *renderer) dueDate(due string) string {
	if due == "" {
		return "–"
	}
	if t, err := time.Parse(time.DateOnly, due); err == nil {
		return r.loc.Date(t)
	}
	return due
}

// dueCell is an action's due date, in red and marked when it has passed and the action is
// not done.
func (r *renderer) dueCell(a assessment.Answer) tcell {
	c := tcell{text: r.dueDate(a.Due)}
	if a.Overdue(r.now) {
		c.text += " " + r.loc.T("action.overdue_mark")
		c.color = red
	}
	return c
}

// questionArea finds the area title of the checklist holding a question.
func (r *renderer) checklistOf(questionID string) (*checklists.Question, *checklists.Checklist) {
	q, c, ok := r.set.Question(questionID)
	if !ok {
		return nil, nil
	}
	return q, c
}

// Package reports renders an assessment as the PDF report a company hands its ERP
// implementation partner, in Danish or English.
package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Options choose how a report is made.
type Options struct {
	Lang i18n.Lang
	// Now stamps the report's date and PDF metadata; fixed in tests for byte-identical output.
	Now time.Time
}

// page geometry in millimetres (A4).
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	contentW     = pageW - 2*margin
	lineH        = 5.0
	fontFamily   = "Go"
)

// Render writes the report of snap, scored against set, as PDF to w.
func Render(w io.Writer, set *checklists.Set, snap *assessment.Snapshot, opts Options) error {
	r := newRenderer(set, snap, opts)
	r.cover()
	r.summary()
	r.findings()
	r.actionPlan()
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// WriteFile renders the report to path through a temporary file in the same folder, so a
// failure never leaves a partial PDF behind.
func WriteFile(path string, set *checklists.Set, snap *assessment.Snapshot, opts Options) error {
	var buf bytes.Buffer
	if err := Render(&buf, set, snap, opts); err != nil {
		return err
	}
	return assessment.WriteFileAtomic(path, buf.Bytes())
}

type renderer struct {
	pdf    *fpdf.Fpdf
	loc    *i18n.Localizer
	lang   i18n.Lang
	set    *checklists.Set
	snap   *assessment.Snapshot
	result assessment.Result
	now    time.Time
}

func newRenderer(set *checklists.Set, snap *assessment.Snapshot, opts Options) *renderer {
	loc := i18n.New(opts.Lang)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &renderer{
		pdf:  fpdf.New("P", "mm", "A4", ""),
		loc:  loc,
		lang: loc.Lang(),
		set:  assessment.Pinned(set, snap.Assessment),
		snap: snap,
		now:  now,
	}
	r.result = assessment.ScoreSnapshot(set, snap)
	p := r.pdf
	p.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	p.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	p.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	p.SetMargins(margin, margin+6, margin)
	p.SetAutoPageBreak(true, margin+4)
	p.SetCreationDate(now)
	p.SetModificationDate(now)
	p.SetCatalogSort(true)
	p.SetTitle(loc.T("report.title"), true)
	p.SetSubject(snap.Company.Name+" – "+snap.Assessment.Title, true)
	p.SetAuthor(snap.Assessment.Assessor, true)
	p.SetCreator("GDPR-tjek", true)
	p.SetLang(string(r.lang))
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(r.header)
	p.SetFooterFunc(r.footer)
	return r
}

func (r *renderer) header() {
	if r.pdf.PageNo() == 1 {
		return // the cover has none
	}
	p := r.pdf
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	p.SetXY(margin, 10)
	p.CellFormat(contentW/2, 4, r.snap.Company.Name, "", 0, "L", false, 0, "")
	p.CellFormat(contentW/2, 4, r.loc.T("report.title"), "", 0, "R", false, 0, "")
	p.SetDrawColor(200, 200, 200)
	p.Line(margin, 15, pageW-margin, 15)
	p.SetTextColor(0, 0, 0)
	p.SetY(margin + 6)
}

func (r *renderer) footer() {
	if r.pdf.PageNo() == 1 {
		return
	}
	p := r.pdf
	p.SetFont(fontFamily, "", 8)
	p.SetTextColor(90, 90, 90)
	p.SetXY(margin, pageH-12)
	p.CellFormat(contentW/2, 4, r.loc.T("report.confidential"), "", 0, "L", false, 0, "")
	p.CellFormat(contentW/2, 4, r.loc.T("report.page_of", i18n.Args{"Page": p.PageNo(), "Pages": "{nb}"}), "", 0, "R", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

// heading starts a section on a new page, with a bookmark for the PDF outline.
func (r *renderer) heading(text string) {
	p := r.pdf
	p.AddPage()
	p.Bookmark(text, 0, -1)
	p.SetFont(fontFamily, "B", 16)
	p.MultiCell(contentW, 8, text, "", "L", false)
	p.Ln(3)
}

func (r *renderer) subheading(text string) {
	p := r.pdf
	if p.GetY() > pageH-60 {
		p.AddPage()
	}
	p.Bookmark(text, 1, -1)
	p.SetFont(fontFamily, "B", 12)
	p.MultiCell(contentW, 6, text, "", "L", false)
	p.Ln(1)
}

func (r *renderer) text(style string, size float64, s string) {
	r.pdf.SetFont(fontFamily, style, size)
	r.pdf.MultiCell(contentW, lineH, s, "", "L", false)
}

func (r *renderer) cover() {
	p, loc, a := r.pdf, r.loc, r.snap.Assessment
	p.AddPage()
	p.Bookmark(loc.T("report.cover"), 0, -1)
	p.SetY(60)
	p.SetFont(fontFamily, "B", 26)
	p.MultiCell(contentW, 12, loc.T("report.title"), "", "L", false)
	p.Ln(4)
	p.SetFont(fontFamily, "", 16)
	p.MultiCell(contentW, 8, r.snap.Company.Name, "", "L", false)
	p.Ln(10)
	rows := [][2]string{
		{loc.T("report.cvr"), r.snap.Company.CVR},
		{loc.T("report.assessment"), a.Title},
		{loc.T("report.date"), loc.Date(r.now)},
		{loc.T("report.assessor"), a.Assessor},
		{loc.T("report.partner"), partners(r.snap.Systems)},
		{loc.T("report.status"), loc.T("status." + string(a.Status))},
		{loc.T("report.checklist_versions"), versions(a.Checklists)},
	}
	for _, row := range rows {
		p.SetFont(fontFamily, "B", 10)
		p.CellFormat(50, 6, row[0], "", 0, "L", false, 0, "")
		p.SetFont(fontFamily, "", 10)
		p.MultiCell(contentW-50, 6, row[1], "", "L", false)
	}
	p.SetY(pageH - 50)
	p.SetFont(fontFamily, "B", 14)
	p.SetTextColor(170, 30, 30)
	p.CellFormat(contentW, 8, strings.ToUpper(loc.T("report.confidential")), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

func partners(systems []assessment.System) string {
	var names []string
	seen := map[string]bool{}
	for _, s := range systems {
		if s.Partner != "" && !seen[s.Partner] {
			seen[s.Partner] = true
			names = append(names, s.Partner)
		}
	}
	if len(names) == 0 {
		return "–"
	}
	return strings.Join(names, ", ")
}

func versions(refs []checklists.Ref) string {
	parts := make([]string, 0, len(refs))
	for _, ref := range refs {
		parts = append(parts, fmt.Sprintf("%s v%d", ref.ID, ref.Version))
	}
	return strings.Join(parts, ", ")
}

func (r *renderer) summary() {
	loc, res := r.loc, r.result
	r.heading(loc.T("report.summary"))
	r.text("B", 12, loc.T("report.overall_score", i18n.Args{"Score": loc.Percent(res.Overall.Percent()),
		"Risk": loc.T("risk." + riskKey(res.Overall.Risk()))}))
	r.pdf.Ln(2)
	r.text("", 10, loc.N("report.answered_count", res.Overall.Answered, i18n.Args{"Total": res.Overall.Applicable}))
	for _, v := range assessment.Values {
		r.text("", 10, "• "+loc.T("value."+string(v))+": "+loc.Number(float64(res.Overall.Counts[v]), 0))
	}
	r.pdf.Ln(3)
	r.text("B", 11, loc.T("report.top_gaps"))
	for i, g := range res.Gaps {
		if i == 5 {
			break
		}
		r.text("", 10, fmt.Sprintf("%d. %s (%s)", i+1, g.Question.Text.In(r.lang), loc.T("severity."+g.Severity.String())))
	}
	r.pdf.Ln(3)
	r.text("B", 11, loc.T("report.area_scores"))
	for _, a := range res.Areas {
		r.text("", 10, fmt.Sprintf("%s: %s (%s)", a.Area.Title.In(r.lang), loc.Percent(a.Percent()), loc.T("risk."+riskKey(a.Risk()))))
	}
}

func riskKey(r assessment.Risk) string {
	if r == assessment.RiskNone {
		return "none"
	}
	return string(r)
}

func (r *renderer) findings() {
	loc := r.loc
	r.heading(loc.T("report.findings"))
	for _, c := range r.set.Checklists {
		r.subheading(c.Title.In(r.lang))
		for i := range c.Questions {
			q := &c.Questions[i]
			ans, ok := r.snap.Answers[q.ID]
			value := loc.T("value.unanswered")
			if ok {
				value = loc.T("value." + string(ans.Value))
			}
			r.text("B", 10, q.Text.In(r.lang))
			r.text("", 9, loc.T("report.answer")+": "+value+"   "+loc.T("report.refs")+": "+strings.Join(q.Refs, "; "))
			if ok && ans.Note != "" {
				r.text("I", 9, loc.T("report.note")+": "+ans.Note)
			}
			if ok && assessment.IsGap(ans.Value) {
				r.text("", 9, loc.T("report.remediation")+": "+q.Remediation.In(r.lang))
			}
			r.pdf.Ln(2)
		}
	}
}

func (r *renderer) actionPlan() {
	loc := r.loc
	r.heading(loc.T("report.action_plan"))
	if len(r.result.Gaps) == 0 {
		r.text("", 10, loc.T("report.no_gaps"))
		return
	}
	for _, g := range r.result.Gaps {
		r.text("B", 10, loc.T("severity."+g.Severity.String())+": "+g.Question.Remediation.In(r.lang))
		owner, due := g.Answer.Owner, g.Answer.Due
		if owner == "" {
			owner = "–"
		}
		if due == "" {
			due = "–"
		} else if t, err := time.Parse(time.DateOnly, due); err == nil {
			due = loc.Date(t)
		}
		r.text("", 9, loc.T("report.owner")+": "+owner+"   "+loc.T("report.due")+": "+due+"   "+
			loc.T("report.action_status")+": "+loc.T("action."+string(g.Answer.ActionStatus)))
		r.pdf.Ln(2)
	}
}

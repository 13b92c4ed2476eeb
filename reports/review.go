package reports

import (
	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// review shows what reviewers said and decided, and leaves room to sign.
func (r *renderer) review() {
	p, loc := r.pdf, r.loc
	r.section(loc.T("report.review"), 0)

	r.subheading(loc.T("report.comments"), 2)
	if len(r.snap.Comments) == 0 {
		r.text("", 9.5, loc.T("report.no_comments"))
	} else {
		cols := widths([]string{loc.T("report.question"), loc.T("report.comment_by"), loc.T("report.comment")}, 60, 32, 82)
		rows := make([][]tcell, 0, len(r.snap.Comments))
		for _, c := range r.snap.Comments {
			about := tcell{text: loc.T("report.comment_general"), style: "I"}
			if c.QuestionID != "" {
				about = tcell{text: c.QuestionID}
				if q, _ := r.checklistOf(c.QuestionID); q != nil {
					about = tcell{text: q.Text.In(r.lang), sub: c.QuestionID}
				}
			}
			rows = append(rows, []tcell{about, {text: dash(c.Author), sub: loc.ShortDate(c.CreatedAt)}, {text: c.Body}})
		}
		r.table(cols, rows)
	}

	r.subheading(loc.T("report.signoffs"), 2)
	if len(r.snap.SignOffs) == 0 {
		r.text("", 9.5, loc.T("report.no_signoffs"))
	}
	for _, so := range r.snap.SignOffs {
		c := amber
		if so.Decision == assessment.Approved {
			c = green
		}
		paras := []para{
			{style: "B", size: 10, lh: 5, text: loc.T("status." + string(so.Decision))},
			{size: 9, lh: 4.6, text: loc.T("report.signoff_by", i18n.Args{"Reviewer": dash(so.Reviewer),
				"Organisation": dash(so.Organisation), "Date": loc.Date(so.SignedAt)})},
		}
		if so.Statement != "" {
			paras = append(paras, para{style: "I", size: 9, lh: 4.6, text: so.Statement, before: 0.8})
		}
		r.flowBox(box{bar: &c, pad: 1.2}, paras...)
		p.Ln(2)
	}

	r.subheading(loc.T("report.signatures"), 2)
	r.muted(9, loc.T("report.signatures_intro"))
	p.Ln(2)
	r.signatureBlock(loc.T("report.signature_company", i18n.Args{"Company": r.snap.Company.Name}))
	r.signatureBlock(loc.T("report.signature_partner", i18n.Args{"Partner": partners(r.snap.Systems)}))
}

// signatureBlock draws empty lines for a name, a date and a signature.
func (r *renderer) signatureBlock(title string) {
	p, loc := r.pdf, r.loc
	const height = 40.0
	if p.GetY()+height > bodyBottom {
		p.AddPage()
	}
	r.flow(para{style: "B", size: 10, lh: 5, text: title})
	y := p.GetY() + 10
	fields := []struct {
		label string
		x, w  float64
	}{
		{loc.T("report.signature_name"), margin, 70},
		{loc.T("report.signature_date"), margin + 76, 32},
		{loc.T("report.signature_signature"), margin + 114, contentW - 114},
	}
	r.drawColor(black)
	p.SetLineWidth(0.3)
	for _, f := range fields {
		p.Line(f.x, y, f.x+f.w, y)
		p.SetFont(fontFamily, "", 8)
		r.textColor(grey)
		p.SetXY(f.x, y+0.8)
		r.cell(f.w, 4, r.fit(f.label, f.w-1), "L")
	}
	r.textColor(black)
	p.SetXY(margin, y+12)
}

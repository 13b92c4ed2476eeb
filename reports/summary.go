package reports

import (
	"fmt"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func riskColor(risk assessment.Risk) rgb {
	switch risk {
	case assessment.RiskRed:
		return red
	case assessment.RiskAmber:
		return amber
	case assessment.RiskGreen:
		return green
	}
	return slate
}

func severityColor(s assessment.Severity) rgb {
	switch s {
	case assessment.SeverityHigh:
		return red
	case assessment.SeverityMedium:
		return amber
	}
	return slate
}

// summary is the page management reads: the overall score with its traffic light, the
// answers, the most serious gaps, and how to read the rest.
func (r *renderer) summary() {
	p, loc, res := r.pdf, r.loc, r.result
	r.section(loc.T("report.summary"), 0)

	// Traffic light: a coloured disc with the score beside it.
	y := p.GetY()
	risk := res.Overall.Risk()
	r.fillColor(riskColor(risk))
	p.Circle(margin+7, y+7, 6.5, "F")
	score := "–"
	if res.Overall.Scored() {
		score = loc.Percent(res.Overall.Percent())
	}
	p.SetXY(margin+18, y)
	p.SetFont(fontFamily, "B", 20)
	r.textColor(black)
	r.cell(contentW-18, 9, loc.T("report.overall_score", i18n.Args{"Score": score,
		"Risk": loc.T("risk." + riskKey(risk))}), "L")
	p.SetXY(margin+18, y+9)
	p.SetFont(fontFamily, "", 10)
	r.textColor(grey)
	r.cell(contentW-18, 5, loc.T("report.risk_explained."+riskKey(risk)), "L")
	p.SetXY(margin, y+18)
	r.textColor(black)

	r.text("", 10, loc.N("report.answered_count", res.Overall.Answered, i18n.Args{"Total": res.Overall.Applicable}))
	if n := res.Overall.Unanswered(); n > 0 {
		r.flow(para{style: "B", size: 9.5, lh: 5, color: red, text: loc.N("report.unanswered_note", n)})
	}
	p.Ln(2)

	// Answers by value, as a row of small boxes.
	counts := []struct {
		label string
		n     int
		color rgb
	}{
		{loc.T("value.yes"), res.Overall.Counts[assessment.Yes], green},
		{loc.T("value.partly"), res.Overall.Counts[assessment.Partly], amber},
		{loc.T("value.no"), res.Overall.Counts[assessment.No], red},
		{loc.T("value.unknown"), res.Overall.Counts[assessment.Unknown], red},
		{loc.T("value.na"), res.Overall.Counts[assessment.NA], slate},
		{loc.T("value.unanswered"), res.Overall.Unanswered(), slate},
	}
	boxW := contentW / float64(len(counts))
	y = p.GetY()
	for i, c := range counts {
		x := margin + float64(i)*boxW
		r.fillColor(headFill)
		p.Rect(x+0.8, y, boxW-1.6, 16, "F")
		r.fillColor(c.color)
		p.Rect(x+0.8, y, boxW-1.6, 1.2, "F")
		p.SetFont(fontFamily, "B", 14)
		r.textColor(black)
		p.SetXY(x+0.8, y+2.5)
		r.cell(boxW-1.6, 7, loc.Number(float64(c.n), 0), "C")
		p.SetFont(fontFamily, "", 8)
		r.textColor(grey)
		p.SetXY(x+0.8, y+9.5)
		r.cell(boxW-1.6, 5, r.fit(c.label, boxW-3), "C")
	}
	p.SetXY(margin, y+20)
	r.textColor(black)

	r.flow(para{style: "B", size: 11, lh: 6, text: loc.T("report.top_gaps"), before: 2})
	if len(res.Gaps) == 0 {
		r.text("", 10, loc.T("report.no_gaps"))
	}
	for i, g := range res.Gaps {
		if i == 5 {
			break
		}
		sev := g.Severity
		c := severityColor(sev)
		r.flowBox(box{bar: &c, pad: 0.8},
			para{style: "B", size: 9.5, lh: 4.8, text: fmt.Sprintf("%d. %s", i+1, g.Question.Text.In(r.lang))},
			para{size: 8.5, lh: 4.3, color: grey, text: loc.T("severity."+sev.String()) + " · " +
				loc.T("value."+string(g.Answer.Value)) + " · " + g.Checklist.Title.In(r.lang)})
		p.Ln(1.2)
	}
	if n := len(res.Gaps); n > 5 && r.opts.includes(SectionActions) {
		r.muted(9, loc.N("report.more_gaps", n-5))
	}

	// The guide to reading names every section; a report of some sections goes without it.
	if !r.opts.whole() {
		return
	}
	r.flow(para{style: "B", size: 11, lh: 6, text: loc.T("report.how_to_read"), before: 4})
	r.flow(para{size: 9.5, lh: 4.8, text: loc.T("report.how_to_read_text", i18n.Args{
		"Green": loc.Percent(assessment.GreenFrom), "Amber": loc.Percent(assessment.AmberFrom)})})
}

// chart draws one bar per area against the traffic-light thresholds, with the previous
// round's score beside it when there was one.
func (r *renderer) chart() {
	p, loc := r.pdf, r.loc
	const rowH = 9.0
	need := 40 + rowH*float64(min(len(r.result.Areas), 4))
	r.section(loc.T("report.chart"), need)

	prev := map[string]assessment.Tally{}
	if r.prev != nil {
		for _, a := range r.prev.Areas {
			prev[a.Area.ID] = a.Tally
		}
	}
	const labelW = 58.0
	const valueW = 34.0
	barX := margin + labelW
	barW := contentW - labelW - valueW
	xOf := func(pct float64) float64 { return barX + barW*pct/100 }

	legend := func() {
		y := p.GetY()
		p.SetFont(fontFamily, "", 7.5)
		r.textColor(grey)
		for _, t := range []float64{0, assessment.AmberFrom, assessment.GreenFrom, 100} {
			label := loc.Percent(t)
			w := p.GetStringWidth(label) + 2*p.GetCellMargin()
			x, align := xOf(t)-w/2, "C"
			switch t {
			case 0:
				x, align = xOf(t)-p.GetCellMargin(), "L"
			case 100:
				x, align = xOf(t)-w+p.GetCellMargin(), "R"
			}
			p.SetXY(x, y)
			r.cell(w, 4, label, align)
		}
		p.SetXY(margin+labelW+barW+2, y)
		if r.prev != nil {
			r.cell(valueW-2, 4, r.fit(loc.T("report.chart_now_previous"), valueW-3), "L")
		}
		p.SetXY(margin, y+5)
	}
	if len(r.result.Areas) == 0 {
		r.text("", 10, loc.T("report.no_areas"))
		return
	}
	legend()
	for _, a := range r.result.Areas {
		if p.GetY()+rowH > bodyBottom {
			p.AddPage()
			legend()
		}
		y := p.GetY()
		// Label, at most two lines.
		p.SetFont(fontFamily, "", 8.5)
		r.textColor(black)
		lines := r.wrap(r.glyphs.clean(a.Area.Title.In(r.lang)), labelW-2)
		if len(lines) > 2 {
			lines = []string{lines[0], r.fit(lines[1]+" "+lines[2], labelW-4)}
		}
		for i, l := range lines {
			p.SetXY(margin, y+(rowH-float64(len(lines))*3.8)/2+float64(i)*3.8)
			p.CellFormat(labelW-2, 3.8, l, "", 0, "L", false, 0, "")
		}
		// The scale: red, amber and green zones, pale, behind the bar.
		by, bh := y+1.5, rowH-3
		zones := []struct {
			from, to float64
			c        rgb
		}{{0, assessment.AmberFrom, rgb{246, 216, 214}}, {assessment.AmberFrom, assessment.GreenFrom, rgb{250, 234, 200}},
			{assessment.GreenFrom, 100, rgb{212, 236, 218}}}
		for _, z := range zones {
			r.fillColor(z.c)
			p.Rect(xOf(z.from), by, xOf(z.to)-xOf(z.from), bh, "F")
		}
		value := "–"
		if a.Scored() {
			pct := a.Percent()
			r.fillColor(riskColor(a.Risk()))
			p.Rect(barX, by+1.2, barW*pct/100, bh-2.4, "F")
			value = loc.Percent(pct)
		}
		// Threshold lines across the bar.
		r.drawColor(grey)
		p.SetLineWidth(0.3)
		for _, t := range []float64{assessment.AmberFrom, assessment.GreenFrom} {
			p.Line(xOf(t), by-0.5, xOf(t), by+bh+0.5)
		}
		if pt, ok := prev[a.Area.ID]; ok && pt.Scored() {
			// The previous score as a dark tick on the scale.
			r.fillColor(black)
			p.Rect(xOf(pt.Percent())-0.4, by-0.8, 0.8, bh+1.6, "F")
			value += " (" + loc.Percent(pt.Percent()) + ")"
		}
		p.SetFont(fontFamily, "B", 9)
		r.textColor(black)
		p.SetXY(barX+barW+2, y)
		r.cell(valueW-2, rowH, r.fit(value, valueW-3), "L")
		p.SetXY(margin, y+rowH)
	}
	p.Ln(2)
	r.muted(8, loc.T("report.chart_legend", i18n.Args{"Green": loc.Percent(assessment.GreenFrom),
		"Amber": loc.Percent(assessment.AmberFrom)}))
	if r.prev != nil {
		r.muted(8, loc.T("report.chart_previous_legend"))
	}
}

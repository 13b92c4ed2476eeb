package reports

import (
	"math"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// progress is "Since the last round": each area's score then and now as two bars with the
// change, the answers that got better and worse, and the actions closed. Only drawn when the
// assessment has an earlier round (Options.PreviousRound).
func (r *renderer) progress() {
	before := r.opts.PreviousRound
	if before == nil {
		return
	}
	p, loc := r.pdf, r.loc
	prog := assessment.ProgressSince(r.set, before, r.snap)
	r.section(loc.T("report.progress"), 60)
	r.muted(9.5, loc.T("report.progress_intro", i18n.Args{"Title": before.Assessment.Title,
		"Date": loc.Date(before.Assessment.CreatedAt)}))
	p.Ln(2)

	const labelW, pctW, deltaW, rowH = 52.0, 14.0, 34.0, 11.0
	barX := margin + labelW
	barW := contentW - labelW - pctW - deltaW
	earlier := rgb{175, 183, 192}

	legend := func() {
		y := p.GetY()
		x := barX
		for _, l := range []struct {
			c     rgb
			label string
		}{{earlier, loc.T("report.progress_before")}, {r.accent, loc.T("report.progress_after")}} {
			r.fillColor(l.c)
			p.Rect(x, y+1, 3.5, 2.5, "F")
			p.SetFont(fontFamily, "", 8)
			r.textColor(grey)
			p.SetXY(x+4.5, y)
			w := p.GetStringWidth(r.glyphs.clean(l.label)) + 2*p.GetCellMargin()
			r.cell(w, 4.5, l.label, "L")
			x += 4.5 + w + 6
		}
		p.SetXY(barX+barW+pctW, y)
		p.SetFont(fontFamily, "B", 8)
		r.cell(deltaW, 4.5, r.fit(loc.T("report.progress_change"), deltaW-2), "R")
		p.SetXY(margin, y+6)
	}
	legend()
	for _, a := range prog.Areas {
		if p.GetY()+rowH > bodyBottom {
			p.AddPage()
			legend()
		}
		y := p.GetY()
		p.SetFont(fontFamily, "", 8.5)
		r.textColor(black)
		lines := r.wrap(r.glyphs.clean(a.Title.In(r.lang)), labelW-2)
		if len(lines) > 2 {
			lines = []string{lines[0], r.fit(lines[1]+" "+lines[2], labelW-4)}
		}
		for i, l := range lines {
			p.SetXY(margin, y+(rowH-float64(len(lines))*3.8)/2+float64(i)*3.8)
			p.CellFormat(labelW-2, 3.8, l, "", 0, "L", false, 0, "")
		}
		for i, side := range []struct {
			pct    float64
			scored bool
			c      rgb
		}{{a.Before, a.BeforeScored, earlier}, {a.After, a.AfterScored, r.accent}} {
			by := y + 1.5 + float64(i)*4.2
			r.fillColor(headFill)
			p.Rect(barX, by, barW, 3.6, "F")
			value := "–"
			if side.scored {
				r.fillColor(side.c)
				p.Rect(barX, by, barW*side.pct/100, 3.6, "F")
				value = loc.Percent(side.pct)
			}
			p.SetFont(fontFamily, "", 7.5)
			r.textColor(grey)
			p.SetXY(barX+barW, by-0.2)
			r.cell(pctW, 4, value, "R")
		}
		p.SetFont(fontFamily, "B", 9)
		r.textColor(black)
		delta := "–"
		if a.BeforeScored && a.AfterScored {
			d := shownPoints(a.After) - shownPoints(a.Before)
			delta = loc.T("report.progress_points", i18n.Args{"Delta": signed(loc, d)})
			switch {
			case d > 0:
				r.textColor(green)
			case d < 0:
				r.textColor(red)
			}
		}
		p.SetXY(barX+barW+pctW, y)
		r.cell(deltaW, rowH, r.fit(delta, deltaW-2), "R")
		p.SetXY(margin, y+rowH)
	}
	r.textColor(black)
	p.Ln(1)
	r.muted(8, loc.T("report.progress_legend"))

	changes := func(title string, list []assessment.AnswerChange) {
		r.subheading(loc.T(title, i18n.Args{"Count": len(list)}), 1)
		if len(list) == 0 {
			r.text("", 9.5, loc.T("report.progress_none"))
			return
		}
		cols := widths([]string{loc.T("report.question"), loc.T("report.progress_before_answer"),
			loc.T("report.progress_after_answer")}, 110, 32, 32)
		rows := make([][]tcell, 0, len(list))
		for _, c := range list {
			text := c.QuestionID
			if q, _ := r.checklistOf(c.QuestionID); q != nil {
				text = q.Text.In(r.lang)
			}
			rows = append(rows, []tcell{{text: text, id: c.QuestionID},
				{text: loc.T("value." + string(c.Before))}, {text: loc.T("value." + string(c.After)), style: "B"}})
		}
		r.table(cols, rows)
	}
	changes("report.progress_improved", prog.Improved)
	changes("report.progress_worse", prog.Worse)

	r.subheading(loc.T("report.progress_closed", i18n.Args{"Count": len(prog.Closed)}), 1)
	if len(prog.Closed) == 0 {
		r.text("", 9.5, loc.T("report.progress_none"))
		return
	}
	cols := widths([]string{loc.T("report.action"), loc.T("report.progress_how_closed")}, 130, 44)
	rows := make([][]tcell, 0, len(prog.Closed))
	for _, id := range prog.Closed {
		q, c := r.checklistOf(id)
		if q == nil {
			continue
		}
		now := r.snap.Answers[id]
		how := loc.T("report.progress_closed_done")
		if !assessment.IsGap(now.Value) {
			how = loc.T("report.progress_closed_answer", i18n.Args{"Value": loc.T("value." + string(now.Value))})
		}
		rows = append(rows, []tcell{{text: q.Remediation.In(r.lang), sub: c.Title.In(r.lang), id: id},
			{text: how, color: green}})
	}
	r.table(cols, rows)
}

// shownPoints is a percentage as the report shows it (rounded down, see Localizer.Percent),
// so that a change always matches the two figures beside it.
func shownPoints(pct float64) int { return int(math.Floor(pct + 1e-9)) }

// signed writes a change with its sign: +32, −5 (a minus sign, not a hyphen), ±0.
func signed(loc *i18n.Localizer, d int) string {
	n := loc.Number(math.Abs(float64(d)), 0)
	switch {
	case d > 0:
		return "+" + n
	case d < 0:
		return "\u2212" + n
	}
	return "±" + n
}

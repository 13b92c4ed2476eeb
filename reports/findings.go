package reports

import (
	"strings"
	"unicode/utf8"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// findings goes through every area and every question in scope: the answer, the note, the
// references and, for a gap, what to do. Gaps are shaded with a bar in their severity's colour.
func (r *renderer) findings() {
	loc := r.loc
	r.section(loc.T("report.findings"), 0)
	r.muted(9.5, loc.T("report.findings_intro"))
	scores := map[string]assessment.AreaScore{}
	for _, a := range r.result.Areas {
		scores[a.Area.ID] = a
	}
	out := map[string]bool{}
	for _, sc := range r.result.ScopedOut {
		out[sc.Question.ID] = true
	}
	for _, area := range r.set.Areas() {
		score, ok := scores[area.ID]
		if !ok {
			continue // nothing in scope; the appendix says why
		}
		r.subheading(area.Title.In(r.lang), 1)
		value := "–"
		if score.Scored() {
			value = loc.Percent(score.Percent())
		}
		r.muted(9, loc.T("report.area_line", i18n.Args{"Score": value, "Risk": loc.T("risk." + riskKey(score.Risk())),
			"Answered": score.Answered, "Total": score.Applicable}))
		r.pdf.Ln(1.5)
		for _, c := range area.Lists {
			if len(area.Lists) > 1 && c.Title != area.Title {
				r.subheading(c.Title.In(r.lang), 2)
			}
			for i := range c.Questions {
				q := &c.Questions[i]
				if out[q.ID] {
					continue
				}
				r.finding(q)
			}
		}
	}
}

func (r *renderer) finding(q *checklists.Question) {
	loc := r.loc
	ans, answered := r.snap.Answers[q.ID]
	value := loc.T("value.unanswered")
	if answered {
		value = loc.T("value." + string(ans.Value))
	}
	gap := answered && assessment.IsGap(ans.Value)
	meta := []string{loc.T("report.answer") + ": " + value}
	bar, fill := lightGrey, (*rgb)(nil)
	switch {
	case gap:
		sev := assessment.SeverityOf(q.Weight, ans.Value)
		bar = severityColor(sev)
		fill = &gapFill
		meta = append(meta, loc.T("report.gap_severity."+sev.String()))
	case answered && ans.Value == assessment.Yes:
		bar = green
	case !answered:
		bar = slate
	}
	meta = append(meta, loc.T("report.weight", i18n.Args{"Weight": q.Weight}))
	if answered && ans.Reconfirm {
		meta = append(meta, loc.T("report.reconfirm"))
	}
	paras := []para{
		{style: "B", size: 9.5, lh: 4.8, text: q.Text.In(r.lang)},
		{size: 8.5, lh: 4.3, color: grey, text: strings.Join(meta, " · ")},
	}
	if answered && strings.TrimSpace(ans.Note) != "" {
		paras = append(paras, para{style: "I", size: 8.5, lh: 4.3, text: loc.T("report.note") + ": " + r.shorten(ans.Note), before: 0.8})
	}
	if answered && strings.TrimSpace(ans.Evidence) != "" {
		paras = append(paras, para{size: 8.5, lh: 4.3, text: loc.T("report.evidence") + ": " + r.shorten(ans.Evidence)})
	}
	if len(q.Refs) > 0 {
		paras = append(paras, para{size: 8, lh: 4.1, color: grey, text: loc.T("report.refs") + ": " + cites(loc, q.Refs)})
	}
	// The ID goes last, small: a partner refers back to it, a reader need not read it.
	paras = append(paras, para{size: idSize, lh: 3.2, color: grey, text: q.ID})
	if gap {
		paras = append(paras, para{style: "B", size: 8.5, lh: 4.3, text: loc.T("report.remediation") + ":", before: 0.8},
			para{size: 8.5, lh: 4.3, text: q.Remediation.In(r.lang)})
	}
	r.flowBox(box{bar: &bar, fill: fill, pad: 1.2}, paras...)
	r.pdf.Ln(1.8)
}

// maxFreeText is how much of a note or evidence text the report prints: about a page. A longer
// text is nearly always a paste by mistake, and would push the findings apart.
const maxFreeText = 3000

// shorten cuts a free text to maxFreeText characters and says so, with the full length.
func (r *renderer) shorten(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= maxFreeText {
		return s
	}
	runes := []rune(s)[:maxFreeText]
	return strings.TrimSpace(string(runes)) + " … " + r.loc.T("report.shortened", i18n.Args{"Length": r.loc.Number(float64(n), 0)})
}

// cites writes a question's legal references the way the report's language cites law.
func cites(loc *i18n.Localizer, refs []string) string {
	out := make([]string, len(refs))
	for i, ref := range refs {
		out[i] = loc.Cite(ref)
	}
	return strings.Join(out, "; ")
}

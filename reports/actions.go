package reports

import (
	"strings"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func (r *renderer) severityCell(s assessment.Severity) tcell {
	c := severityColor(s)
	return tcell{text: r.loc.T("severity." + s.String()), chip: &c}
}

// actionPlan is the table a company works from: every gap's remediation, most serious first,
// with who does it and by when.
func (r *renderer) actionPlan() {
	loc := r.loc
	r.section(loc.T("report.action_plan"), 0)
	if len(r.result.Gaps) == 0 {
		r.text("", 10, loc.T("report.no_gaps"))
		return
	}
	r.muted(9.5, loc.N("report.action_plan_intro", len(r.result.Gaps)))
	r.pdf.Ln(2)
	cols := widths([]string{loc.T("report.severity"), loc.T("report.action"), loc.T("report.owner"),
		loc.T("report.due"), loc.T("report.action_status")}, 19, 79, 30, 25, 21)
	rows := make([][]tcell, 0, len(r.result.Gaps))
	for _, g := range r.result.Gaps {
		st := g.Answer.ActionStatus
		if st == "" {
			st = assessment.ActionOpen
		}
		status := tcell{text: loc.T("action." + string(st))}
		if g.Answer.ActionStatus == assessment.ActionDone {
			status.color = green
		}
		rows = append(rows, []tcell{
			r.severityCell(g.Severity),
			{text: g.Question.Remediation.In(r.lang), sub: g.Checklist.Title.In(r.lang), id: g.Question.ID},
			{text: dash(g.Answer.Owner)},
			r.dueCell(g.Answer),
			status,
		})
	}
	r.table(cols, rows)
}

// partnerActions tells the implementation partner, system by system, what configuration
// work the gaps call for, with the partner's response to each task where there is one and the
// hours the responses estimate per system.
func (r *renderer) partnerActions() {
	loc := r.loc
	r.section(loc.T("report.partner_section"), 0)
	r.muted(9.5, loc.T("report.partner_intro"))
	groups := assessment.PartnerTasks(r.set, r.snap)
	// The retention schedule's deletion rules come last, as concrete configuration tasks.
	defer r.retentionTasks()
	if len(groups) == 0 {
		r.pdf.Ln(2)
		r.text("", 10, loc.T("report.no_partner_actions"))
		return
	}
	cols := widths([]string{loc.T("report.severity"), loc.T("report.partner_action"), loc.T("report.question"),
		loc.T("report.partner_response")}, 19, 68, 47, 40)
	for _, g := range groups {
		title := loc.T("report.partner_general")
		if s := g.System; s != nil {
			title = loc.T("report.partner_system", i18n.Args{"Kind": loc.T("system.kind." + s.Kind),
				"Name": r.systemName(s), "Partner": dash(s.Partner)})
		}
		r.subheading(title, 2)
		rows := make([][]tcell, 0, len(g.Tasks))
		answered := false
		for _, task := range g.Tasks {
			gap := task.Gap
			rows = append(rows, []tcell{
				r.severityCell(gap.Severity),
				{text: gap.Question.PartnerAction.In(r.lang)},
				{text: gap.Question.Text.In(r.lang), id: gap.Question.ID},
				r.responseCell(task.Response),
			})
			answered = answered || task.Response != nil
		}
		r.table(cols, rows)
		if answered {
			r.muted(9.5, loc.T("report.partner_hours", i18n.Args{"Hours": assessment.HoursText(loc, g.Hours)}))
		}
	}
}

// responseCell shows the partner's decision, then estimate, planned date, comment and who.
func (r *renderer) responseCell(resp *assessment.Response) tcell {
	if resp == nil {
		return tcell{text: r.loc.T("report.no_response"), color: grey}
	}
	c := tcell{text: r.loc.T("decision." + string(resp.Decision)), style: "B"}
	switch resp.Decision {
	case assessment.DecisionAccepted:
		c.color = green
	case assessment.DecisionDeclined:
		c.color = red
	}
	var details []string
	if resp.Hours > 0 {
		details = append(details, r.loc.T("report.response_hours", i18n.Args{"Hours": assessment.HoursText(r.loc, resp.Hours)}))
	}
	if resp.Planned != "" {
		details = append(details, r.loc.T("report.response_planned", i18n.Args{"Date": r.dueDate(resp.Planned)}))
	}
	if resp.Comment != "" {
		details = append(details, resp.Comment)
	}
	details = append(details, resp.By)
	c.sub = strings.Join(details, " · ")
	return c
}

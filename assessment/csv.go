package assessment

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// utf8BOM tells Excel the file is UTF-8; without it Danish Excel reads æøå as Windows-1252.
const utf8BOM = "\ufeff"

// WriteActionPlanCSV writes the action plan – the gaps, most serious first – as CSV that
// Danish Excel opens with a double click: UTF-8 with a byte-order mark, semicolons (Excel
// with Danish regional settings expects them, since the comma is the decimal mark) and CRLF
// line ends. The header and the severity and status words are in lang; due dates are
// written as lang writes them (Danish 31.12.2026), and a date passed on now's day while the
// action is not done is marked overdue. The last columns hold the implementation partner's
// response to the gaps that are partner tasks (empty otherwise); hours are written with lang's
// decimal mark, so that Excel reads them as numbers.
func WriteActionPlanCSV(w io.Writer, set *checklists.Set, snap *Snapshot, lang i18n.Lang, now time.Time) error {
	loc := i18n.New(lang)
	pinned := Pinned(set, snap.Assessment)
	areaTitle := map[string]string{}
	for _, a := range pinned.Areas() {
		areaTitle[a.ID] = a.Title.In(lang)
	}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("write action plan: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	_ = cw.Write([]string{loc.T("csv.severity"), loc.T("csv.area"), loc.T("csv.question"), loc.T("csv.remediation"),
		loc.T("csv.owner"), loc.T("csv.due"), loc.T("csv.status"), loc.T("csv.note"),
		loc.T("csv.partner_decision"), loc.T("csv.partner_hours"), loc.T("csv.partner_planned"), loc.T("csv.partner_comment"),
		loc.T("csv.partner_by")})
	for _, g := range ScoreSnapshot(set, snap).Gaps {
		due := g.Answer.Due
		if t, err := time.Parse(time.DateOnly, due); err == nil {
			due = loc.ShortDate(t)
		}
		if g.Answer.Overdue(now) {
			due += " " + loc.T("action.overdue_mark")
		}
		status := g.Answer.ActionStatus
		if status == "" {
			status = ActionOpen
		}
		// The partner's response, where the gap is a partner task that has one.
		var decision, hours, planned, comment, by string
		if r, ok := snap.Responses[g.Question.ID]; ok && g.Question.HasPartnerAction() {
			decision, comment, by = loc.T("decision."+string(r.Decision)), cell(r.Comment), cell(r.By)
			if r.Hours > 0 {
				hours = HoursText(loc, r.Hours)
			}
			planned = r.Planned
			if t, err := time.Parse(time.DateOnly, planned); err == nil {
				planned = loc.ShortDate(t)
			}
		}
		_ = cw.Write([]string{loc.T("severity." + g.Severity.String()), cell(areaTitle[g.Checklist.Area]),
			cell(g.Question.Text.In(lang)), cell(g.Question.Remediation.In(lang)), cell(g.Answer.Owner), due,
			loc.T("action." + string(status)), cell(g.Answer.Note), decision, hours, planned, comment, by})
	}
	cw.Flush() // csv.Writer keeps the first error; Flush and Error report it
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write action plan: %w", err)
	}
	return nil
}

// cell keeps free text from being run as a formula: Excel treats a cell beginning with
// = + - @ (or a tab or carriage return before one) as a formula, so such text gets a
// leading apostrophe, which Excel shows as plain text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

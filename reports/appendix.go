package reports

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// appendix holds what a careful reader checks: the legal sources cited, what was scoped
// out and why, and how the score is computed.
func (r *renderer) appendix() {
	loc := r.loc
	r.section(loc.T("report.appendix"), 0)
	r.sources()
	r.scopedOut()
	r.scoring()
}

// sources lists each legal source the questions in scope cite, with its full title and the
// places cited, in the order of checklists.Sources.
func (r *renderer) sources() {
	loc := r.loc
	r.subheading(loc.T("report.sources"), 2)
	out := map[string]bool{}
	for _, sc := range r.result.ScopedOut {
		out[sc.Question.ID] = true
	}
	cited := map[string][]string{} // source → locators, first use first
	var other []string
	seen := map[string]bool{}
	for _, c := range r.set.Checklists {
		for i := range c.Questions {
			q := &c.Questions[i]
			if out[q.ID] {
				continue
			}
			for _, ref := range q.Refs {
				if seen[ref] {
					continue
				}
				seen[ref] = true
				src := checklists.RefSource(ref)
				if src == "" {
					other = append(other, ref)
					continue
				}
				cited[src] = append(cited[src], strings.TrimSpace(strings.TrimPrefix(ref, src)))
			}
		}
	}
	if len(cited) == 0 && len(other) == 0 {
		r.text("", 9.5, loc.T("report.no_sources"))
	}
	for _, src := range checklists.Sources {
		raw, ok := cited[src]
		if !ok {
			continue
		}
		// In the statute's order, as a lawyer lists them: art. 5, stk. 2 before art. 24.
		slices.SortStableFunc(raw, func(a, b string) int { return slices.Compare(placeKey(a), placeKey(b)) })
		locs := make([]string, len(raw))
		for i, l := range raw {
			locs[i] = loc.CiteLocator(src, l)
		}
		r.flowBox(box{pad: 0.6},
			para{style: "B", size: 9.5, lh: 4.8, text: src},
			para{size: 9, lh: 4.5, text: loc.T("source." + src)},
			para{size: 8, lh: 4.1, color: grey, text: loc.T("report.cited") + ": " + strings.Join(locs, "; ")})
		r.pdf.Ln(1.5)
	}
	if len(other) > 0 {
		r.flowBox(box{pad: 0.6},
			para{style: "B", size: 9.5, lh: 4.8, text: loc.T("report.other_refs")},
			para{size: 8, lh: 4.1, color: grey, text: strings.Join(other, "; ")})
	}
}

var placeParts = regexp.MustCompile(`\d+|\([a-z]\)|\b[a-z]\b`)

// placeKey orders machine-form locators ("art. 6(1)(f)", "§11, stk. 2, nr. 3", "§4b") by their
// numbers and letters; guidance titles have none and keep their order.
func placeKey(loc string) []int {
	if !strings.HasPrefix(loc, "art.") && !strings.HasPrefix(loc, "§") {
		return nil
	}
	var key []int
	for _, p := range placeParts.FindAllString(loc, 4) {
		p = strings.Trim(p, "()")
		if n, err := strconv.Atoi(p); err == nil {
			key = append(key, n)
		} else {
			key = append(key, int(p[0])) // a letter sorts after no letter (0 is never a part)
		}
	}
	return key
}

// conditionLabel says in words what a scoping condition means.
func (r *renderer) conditionLabel(c string) string {
	loc := r.loc
	switch {
	case c == checklists.OutsideEEA:
		return loc.T("condition.outside_eea")
	case slices.Contains(checklists.ProfileConditions, c):
		return loc.T("profile." + c)
	}
	if kind, ok := strings.CutPrefix(c, "system:"); ok {
		// One whole message per kind: Danish compounds the kind ("et lønsystem"), so a
		// fragment cannot be slotted in.
		return loc.T("condition.system." + kind)
	}
	if product, ok := strings.CutPrefix(c, "product:"); ok {
		return loc.T("condition.product", i18n.Args{"Product": loc.T("product." + product)})
	}
	return c
}

func (r *renderer) scopedOut() {
	loc := r.loc
	r.subheading(loc.T("report.scoped_out"), 2)
	if len(r.result.ScopedOut) == 0 {
		r.text("", 9.5, loc.T("report.nothing_scoped_out"))
		return
	}
	r.muted(9, loc.N("report.scoped_out_intro", len(r.result.ScopedOut)))
	r.pdf.Ln(1.5)
	cols := widths([]string{loc.T("report.question"), loc.T("report.area"), loc.T("report.applies_only_when")}, 78, 36, 60)
	rows := make([][]tcell, 0, len(r.result.ScopedOut))
	for _, sc := range r.result.ScopedOut {
		why := make([]string, 0, len(sc.Missing))
		for _, m := range sc.Missing {
			why = append(why, r.conditionLabel(m))
		}
		rows = append(rows, []tcell{{text: sc.Question.Text.In(r.lang), id: sc.Question.ID},
			{text: sc.Checklist.Title.In(r.lang)}, {text: strings.Join(why, "\n")}})
	}
	r.table(cols, rows)
}

func (r *renderer) scoring() {
	loc := r.loc
	r.subheading(loc.T("report.scoring"), 2)
	r.flow(para{size: 9.5, lh: 4.8, text: loc.T("report.scoring_text", i18n.Args{
		"Green": loc.Percent(assessment.GreenFrom), "Amber": loc.Percent(assessment.AmberFrom)})})
}

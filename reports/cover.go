package reports

import (
	"fmt"
	"strings"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

func (r *renderer) cover() {
	p, loc, a := r.pdf, r.loc, r.snap.Assessment
	p.AddPage()
	p.SetFont(fontFamily, "B", 12)
	p.Bookmark(r.glyphs.clean(loc.T("report.cover")), 0, -1)

	// A band across the top edge, and the confidentiality marking inside the margins.
	r.fillColor(r.accent)
	p.Rect(0, 0, pageW, 8, "F")
	// The logos, when set, in a row under the band: the company's left, the consultancy's
	// right; the confidentiality marking and the title move down to make room.
	top := 34.0
	markY := float64(margin)
	if r.companyLogo != nil || r.brandLogo != nil {
		const logoW, logoH = 60.0, 18.0
		r.drawLogo(r.companyLogo, margin, 13, logoW, logoH, "L")
		r.drawLogo(r.brandLogo, pageW-margin-logoW, 13, logoW, logoH, "R")
		markY, top = 34, 46
	}
	p.SetFont(fontFamily, "B", 11)
	r.textColor(red)
	p.SetXY(margin, markY)
	r.cell(contentW, 6, strings.ToUpper(loc.T("report.confidential")), "R")

	p.SetXY(margin, top)
	r.flow(para{style: "B", size: 26, lh: 12, text: loc.T("report.title"), color: r.accent})
	p.Ln(2)
	r.flow(para{style: "", size: 16, lh: 8, text: r.snap.Company.Name})
	p.Ln(6)
	r.drawColor(lightGrey)
	p.SetLineWidth(0.3)
	p.Line(margin, p.GetY(), pageW-margin, p.GetY())
	p.Ln(4)

	rows := [][2]string{
		{loc.T("report.cvr"), dash(r.snap.Company.CVR)},
		{loc.T("report.assessment"), dash(a.Title)},
		{loc.T("report.date"), loc.Date(r.now)},
		{loc.T("report.assessor"), dash(a.Assessor)},
	}
	if strings.TrimSpace(a.Participants) != "" {
		rows = append(rows, [2]string{loc.T("report.participants"), a.Participants})
	}
	rows = append(rows,
		[2]string{loc.T("report.partner"), partners(r.snap.Systems)},
		[2]string{loc.T("report.status"), loc.T("status." + string(a.Status))},
		[2]string{loc.T("report.checklist_versions"), r.versions(a.Checklists)})
	const labelW = 48.0
	for _, row := range rows {
		y := p.GetY()
		p.SetFont(fontFamily, "B", 10)
		r.textColor(grey)
		p.SetXY(margin, y)
		r.cell(labelW, 5.5, r.fit(row[0], labelW-2), "L")
		p.SetFont(fontFamily, "", 10)
		r.textColor(black)
		lines := r.wrap(r.glyphs.clean(row[1]), contentW-labelW)
		if len(lines) > 7 { // a long list of checklist versions must not push the contents off
			lines = append(lines[:6], r.fit(strings.Join(lines[6:], " "), contentW-labelW-2))
		}
		for i, l := range lines {
			p.SetXY(margin+labelW, y+float64(i)*5.5)
			p.CellFormat(contentW-labelW, 5.5, l, "", 0, "L", false, 0, "")
		}
		p.SetXY(margin, y+5.5*float64(max(1, len(lines))))
	}
	p.Ln(8)
	r.tocY = p.GetY()
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

// versions names the pinned checklists by their titles in the report's language, which a
// reader knows from the findings, grouped by version so that thirteen titles fit the cover
// ("Version 2: Ledelse og fortegnelser; … · Version 1: …"); the ID stands only for a checklist
// no longer in the set.
func (r *renderer) versions(refs []checklists.Ref) string {
	if len(refs) == 0 {
		return "–"
	}
	titles := map[string]string{}
	for _, c := range r.set.Checklists {
		titles[c.ID] = c.Title.In(r.lang)
	}
	var order []int
	byVersion := map[int][]string{}
	for _, ref := range refs {
		title, ok := titles[ref.ID]
		if !ok {
			title = ref.ID
		}
		if _, seen := byVersion[ref.Version]; !seen {
			order = append(order, ref.Version)
		}
		byVersion[ref.Version] = append(byVersion[ref.Version], title)
	}
	parts := make([]string, 0, len(order))
	for _, v := range order {
		parts = append(parts, r.loc.T("report.checklist_version", i18n.Args{"Version": v, "Titles": strings.Join(byVersion[v], "; ")}))
	}
	return strings.Join(parts, " · ")
}

// tocEntry is a line of the table of contents.
type tocEntry struct {
	title string
	level int
	page  int
	link  int
}

// tableOfContents is written last, onto the cover, when every section's page is known.
// Areas are listed under their section while they fit; the outline always has them all.
func (r *renderer) tableOfContents() {
	p := r.pdf
	last := p.PageNo()
	p.SetPage(1)
	// Areas get a tighter line than sections, so that thirteen of them fit under a long list of
	// checklist versions.
	lineH := func(e tocEntry) float64 {
		if e.level > 0 {
			return 4.9
		}
		return 5.6
	}
	var need float64
	for _, e := range r.toc {
		need += lineH(e)
	}
	entries := r.toc
	if need > pageH-22-r.tocY-9 {
		entries = nil
		for _, e := range r.toc {
			if e.level == 0 {
				entries = append(entries, e)
			}
		}
	}
	p.SetXY(margin, r.tocY)
	p.SetFont(fontFamily, "B", 13)
	r.textColor(r.accent)
	r.cell(contentW, 7, r.loc.T("report.toc"), "L")
	y := r.tocY + 9
	for _, e := range entries {
		indent, style, size := 0.0, "B", 10.5
		if e.level > 0 {
			indent, style, size = 6, "", 9.5
		}
		lh := lineH(e)
		page := fmt.Sprint(e.page)
		p.SetFont(fontFamily, style, size)
		r.textColor(black)
		numW := p.GetStringWidth("0000")
		title := r.fit(e.title, contentW-indent-numW-8)
		p.SetXY(margin+indent, y)
		r.cell(contentW-indent-numW, lh, title, "L")
		// Dotted leader from the title to the page number.
		start := margin + indent + p.GetStringWidth(title) + 3
		end := pageW - margin - numW - 1
		r.fillColor(lightGrey)
		for x := start; x < end; x += 1.6 {
			p.Rect(x, y+lh*0.68, 0.35, 0.35, "F")
		}
		p.SetXY(pageW-margin-numW, y)
		r.cell(numW, lh, page, "R")
		p.Link(margin, y, contentW, lh, e.link)
		y += lh
	}
	p.SetPage(last)
	r.textColor(black)
}

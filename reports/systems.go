package reports

import "gdprtjek/assessment"

// systemName is how the report names a system: its own name, else its product's.
func (r *renderer) systemName(s *assessment.System) string {
	if s.Name != "" {
		return s.Name
	}
	return r.loc.T("product." + s.Product)
}

// systems lists the company's IT systems: what the partner works on.
func (r *renderer) systems() {
	loc := r.loc
	r.section(loc.T("report.systems"), 0)
	r.muted(9.5, loc.T("report.systems_intro"))
	r.pdf.Ln(2)
	if len(r.snap.Systems) == 0 {
		r.text("", 10, loc.T("report.no_systems"))
		return
	}
	cols := widths([]string{loc.T("system.kind"), loc.T("system.product"), loc.T("report.vendor"),
		loc.T("report.partner_short"), loc.T("system.hosting"), loc.T("report.agreement")}, 10, 44, 22, 22, 12, 24)
	rows := make([][]tcell, 0, len(r.snap.Systems))
	for i := range r.snap.Systems {
		s := &r.snap.Systems[i]
		product := loc.T("product." + s.Product)
		switch {
		case s.Product == "custom" && s.Name != "":
			product = s.Name // "Other (name it)": the name is the product
		case s.Name != "" && s.Name != product:
			product = s.Name + " (" + product + ")"
		}
		hosting := tcell{text: loc.T("hosting." + s.Hosting)}
		if s.Hosting != assessment.HostingEU {
			hosting.style, hosting.color = "B", red
		}
		agreement := tcell{text: loc.T("agreement." + s.ProcessorAgreement)}
		if s.ProcessorAgreement != assessment.AgreementYes {
			agreement.style, agreement.color = "B", red
		}
		rows = append(rows, []tcell{{text: loc.T("system.kind." + s.Kind)}, {text: product, style: "B"},
			{text: dash(s.Vendor)}, {text: dash(s.Partner)}, hosting, agreement})
	}
	r.table(cols, rows)
	r.dataMapFindings()
}

package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Document is one of the documents made from the data map.
type Document string

// The data-map documents.
const (
	DocRecord     Document = "records"    // record of processing, GDPR art. 30(1)
	DocRetention  Document = "retention"  // retention schedule
	DocProcessors Document = "processors" // processor overview
)

// TitleID is the message ID of the document's title.
func (d Document) TitleID() string { return "datamap.doc." + string(d) }

// RenderDocument writes a data-map document of snap as PDF to w. Like the report it is
// deterministic for a given Options.Now, which also decides which supervisions are overdue.
func RenderDocument(w io.Writer, set *checklists.Set, snap *assessment.Snapshot, doc Document, opts Options) error {
	r := newRenderer(set, snap, opts)
	r.docTitle = r.loc.T(doc.TitleID())
	r.pdf.SetTitle(metadataText(r.docTitle+" – "+snap.Company.Name), true)
	switch doc {
	case DocRecord:
		r.record()
	case DocRetention:
		r.retentionSchedule()
	case DocProcessors:
		r.processorOverview()
	default:
		return fmt.Errorf("unknown document %q", doc)
	}
	return r.write(w)
}

// WriteDocument renders a data-map document to path through a temporary file.
func WriteDocument(path string, set *checklists.Set, snap *assessment.Snapshot, doc Document, opts Options) error {
	return assessment.WriteAtomic(path, func(w io.Writer) error {
		return RenderDocument(w, set, snap, doc, opts)
	})
}

// WriteDocumentCSV writes a data-map document's table to path as CSV for Danish Excel (UTF-8
// with BOM, semicolons, one row per activity or system), through a temporary file. today
// decides which supervisions the processor overview marks as overdue.
func WriteDocumentCSV(path string, snap *assessment.Snapshot, doc Document, lang i18n.Lang, today time.Time) error {
	return assessment.WriteAtomic(path, func(w io.Writer) error {
		switch doc {
		case DocRecord:
			return assessment.WriteRecordCSV(w, snap, lang)
		case DocRetention:
			return assessment.WriteRetentionCSV(w, snap, lang)
		case DocProcessors:
			return assessment.WriteProcessorsCSV(w, snap, lang, today)
		}
		return fmt.Errorf("unknown document %q", doc)
	})
}

// docStart writes a document's title, its company and date, and an introduction.
func (r *renderer) docStart(introID string) {
	r.section(r.docTitle, 0)
	r.muted(9.5, r.snap.Company.Name+" – "+r.loc.T("datamap.made_on", i18n.Args{"Date": r.loc.Date(r.now)}))
	r.pdf.Ln(1)
	r.muted(9.5, r.loc.T(introID))
	r.pdf.Ln(2)
}

// warnings lists, in a red box, the transfers without a basis and, where the checklist answer
// says retention periods are not set, the activities lacking one.
func (r *renderer) dataMapWarnings() {
	loc := r.loc
	var paras []para
	if bad := r.snap.UnbasedTransfers(); len(bad) > 0 {
		paras = append(paras, para{style: "B", size: 10, lh: 5, text: loc.T("datamap.warn_transfers"), color: red})
		for _, a := range bad {
			paras = append(paras, para{size: 9.5, lh: 4.8, indent: 3, text: "• " + r.activityName(a)})
		}
	}
	if missing := r.snap.MissingSpecialBases(); len(missing) > 0 {
		paras = append(paras, para{style: "B", size: 10, lh: 5, text: loc.T("datamap.warn_bases"), color: red, before: 2})
		for _, a := range missing {
			paras = append(paras, para{size: 9.5, lh: 4.8, indent: 3, text: "• " + r.activityName(a)})
		}
	}
	if missing := r.snap.MissingRetention(); len(missing) > 0 {
		paras = append(paras, para{style: "B", size: 10, lh: 5, text: loc.T("datamap.warn_retention"), color: red, before: 2})
		for _, a := range missing {
			paras = append(paras, para{size: 9.5, lh: 4.8, indent: 3, text: "• " + r.activityName(a)})
		}
	}
	if len(paras) > 0 {
		r.flowBox(box{bar: &red, fill: &gapFill, pad: 2}, paras...)
		r.pdf.Ln(3)
	}
}

func (r *renderer) activityName(a assessment.Activity) string {
	name := "?"
	if s := r.snap.SystemByID(a.SystemID); s != nil {
		name = r.systemName(s)
	}
	return name + ": " + a.Purpose
}

// record writes the record of processing: the controller (art. 30(1)(a)), then per system
// each activity with the headings of art. 30(1)(b)–(g), the legal basis and the processor.
func (r *renderer) record() {
	loc := r.loc
	r.docStart("datamap.record_intro")
	r.flow(para{style: "B", size: 10, lh: 5, text: loc.T("datamap.col.controller")},
		para{size: 10, lh: 5, text: r.snap.Controller(loc)})
	r.pdf.Ln(3)
	r.dataMapWarnings()
	if len(r.snap.Activities) == 0 {
		r.text("", 10, loc.T("datamap.no_activities"))
		return
	}
	texts := r.snap.Describe(loc)
	n := 0
	for i := range r.snap.Systems {
		sys := &r.snap.Systems[i]
		acts := assessment.ActivitiesOf(r.snap.Activities, sys.ID)
		if len(acts) == 0 {
			continue
		}
		r.subheading(r.systemName(sys), 1)
		for j, a := range r.snap.Activities {
			if a.SystemID != sys.ID {
				continue
			}
			n++
			t := texts[j]
			cols := widths([]string{loc.T("datamap.activity_n", i18n.Args{"N": n}), t.Purpose}, 32, 68)
			transfer := tcell{text: t.Transfer}
			if t.NoBasis {
				transfer.style, transfer.color = "B", red
			}
			retention := tcell{text: t.Retention}
			if t.NoRetention {
				retention.style, retention.color = "B", red
			} else {
				retention.sub = t.Action + " – " + t.Owner
			}
			bases := tcell{text: t.Bases}
			if t.MissingBases != "" {
				bases.style, bases.color, bases.sub = "B", red, t.MissingBases
			}
			label := func(id string) tcell { return tcell{text: loc.T(id), style: "B", color: navy} }
			r.table(cols, [][]tcell{
				{label("datamap.col.purpose"), {text: t.Purpose}},
				{label("datamap.col.basis"), bases},
				{label("datamap.col.subjects"), {text: t.Subjects}},
				{label("datamap.col.data"), {text: t.Data}},
				{label("datamap.col.recipients"), {text: t.Recipients}},
				{label("datamap.col.transfers"), transfer},
				{label("datamap.col.retention"), retention},
				{label("datamap.col.security"), {text: t.Security}},
				{label("datamap.col.processor"), {text: t.Processor, sub: t.Agreement}},
			})
		}
	}
	var without []string
	for i := range r.snap.Systems {
		if len(assessment.ActivitiesOf(r.snap.Activities, r.snap.Systems[i].ID)) == 0 {
			without = append(without, r.systemName(&r.snap.Systems[i]))
		}
	}
	if len(without) > 0 {
		r.pdf.Ln(2)
		r.muted(9.5, loc.T("datamap.systems_without", i18n.Args{"Systems": strings.Join(without, ", ")}))
	}
}

// retentionSchedule writes, per system, what is deleted or anonymised, when and by whom.
func (r *renderer) retentionSchedule() {
	loc := r.loc
	r.docStart("datamap.retention_intro")
	r.dataMapWarnings()
	if len(r.snap.Activities) == 0 {
		r.text("", 10, loc.T("datamap.no_activities"))
		return
	}
	cols := widths([]string{loc.T("datamap.col.system"), loc.T("datamap.col.purpose"), loc.T("datamap.col.action"),
		loc.T("datamap.col.when"), loc.T("datamap.col.owner")}, 22, 44, 18, 30, 26)
	var rows [][]tcell
	for _, t := range r.snap.Describe(loc) {
		when := tcell{text: t.Retention}
		if t.NoRetention {
			when.style, when.color = "B", red
		}
		rows = append(rows, []tcell{{text: t.System, style: "B"}, {text: t.Purpose, sub: t.Data}, {text: t.Action}, when,
			{text: t.Owner}})
	}
	r.table(cols, rows)
}

// processorOverview writes every system's vendor as processor, with overdue supervision and
// missing agreements in red.
func (r *renderer) processorOverview() {
	loc := r.loc
	r.docStart("datamap.processors_intro")
	if len(r.snap.Systems) == 0 {
		r.text("", 10, loc.T("report.no_systems"))
		return
	}
	cols := widths(assessment.ProcessorHeadings(loc), 25, 24, 16, 15, 28, 20, 28)
	var rows [][]tcell
	for _, p := range r.snap.Processors(loc, r.now) {
		agreement := tcell{text: p.Agreement}
		if p.NoAgreement {
			agreement.style, agreement.color = "B", red
		}
		next := tcell{text: p.Next}
		if p.Overdue {
			next.style, next.color = "B", red
		}
		rows = append(rows, []tcell{{text: p.System, style: "B"}, {text: p.Vendor}, agreement, {text: p.Hosting},
			{text: p.Subprocessors}, {text: p.Last}, next})
	}
	r.table(cols, rows)
}

// retentionTasks lists, in the partner section, the deletion rules to configure system by
// system, with the company's own periods.
func (r *renderer) retentionTasks() {
	loc := r.loc
	var lines []para
	texts := r.snap.Describe(loc)
	for i, a := range r.snap.Activities {
		if !a.HasRetention() || a.RetentionAction == "" {
			continue
		}
		t := texts[i]
		lines = append(lines, para{size: 9.5, lh: 4.8, indent: 3, text: "• " + loc.T("datamap.task", i18n.Args{
			"System": t.System, "Action": loc.T("datamap.task_action." + a.RetentionAction), "What": a.Purpose,
			"When": t.Retention, "Who": t.Owner})})
	}
	if len(lines) == 0 {
		return
	}
	r.subheading(loc.T("datamap.tasks_heading"), 2)
	r.muted(9.5, loc.T("datamap.tasks_intro"))
	r.pdf.Ln(1)
	r.flow(lines...)
}

// dataMapFindings notes in the systems section what the data map shows that needs action.
func (r *renderer) dataMapFindings() {
	if len(r.snap.UnbasedTransfers()) == 0 && len(r.snap.MissingRetention()) == 0 && len(r.snap.MissingSpecialBases()) == 0 {
		return
	}
	r.pdf.Ln(2)
	r.dataMapWarnings()
}

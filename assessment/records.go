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

// The record of processing (GDPR art. 30(1)), the retention schedule and the processor overview
// are made from a snapshot's data map. Their words are put together here once, so that the PDF
// (reports/records.go) and the CSV files say the same.

// RetentionQuestion is the checklist question that asks whether retention periods are set.
const RetentionQuestion = "retention.periods-defined"

// ActivityText is one activity in words, in one language.
type ActivityText struct {
	System     string
	Purpose    string
	Bases      string
	Subjects   string
	Data       string
	Recipients string
	Transfer   string
	Retention  string // period and trigger, or "not filled in"
	Action     string // deleted or anonymised
	Owner      string
	Security   string
	Processor  string // the system's vendor
	Agreement  string
	// NoBasis marks a transfer outside the EU/EEA without a basis.
	NoBasis bool
	// NoRetention marks an activity without a retention period or trigger.
	NoRetention bool
	// MissingBases says which special legal bases the data categories call for and lack.
	MissingBases string
}

// SystemLabel names a system: its own name, else its product's.
func SystemLabel(loc *i18n.Localizer, s *System) string {
	if strings.TrimSpace(s.Name) != "" {
		return s.Name
	}
	return loc.T("product." + s.Product)
}

// SystemByID finds a snapshot's system; nil when absent.
func (snap *Snapshot) SystemByID(id int64) *System {
	for i := range snap.Systems {
		if snap.Systems[i].ID == id {
			return &snap.Systems[i]
		}
	}
	return nil
}

func labels(loc *i18n.Localizer, prefix string, keys []string, mark func(string) string) string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		s := loc.T(prefix + k)
		if mark != nil {
			s += mark(k)
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// RetentionPeriod writes a period in months as years where it is whole years.
func RetentionPeriod(loc *i18n.Localizer, months int) string {
	if months%12 == 0 {
		return loc.N("datamap.period_years", months/12)
	}
	return loc.N("datamap.period_months", months)
}

// Describe puts an activity into words in loc's language. Free text stays as typed; an empty
// required field reads "not filled in".
func Describe(loc *i18n.Localizer, sys *System, a Activity) ActivityText {
	unfilled := loc.T("datamap.unfilled")
	or := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return unfilled
		}
		return s
	}
	t := ActivityText{Purpose: a.Purpose, Recipients: or(a.Recipients), Owner: or(a.RetentionOwner), Security: or(a.Security),
		NoBasis: a.TransferWithoutBasis(), NoRetention: !a.HasRetention()}
	if sys != nil {
		t.System = SystemLabel(loc, sys)
		t.Processor = or(sys.Vendor)
		t.Agreement = loc.T("agreement." + sys.ProcessorAgreement)
	}
	t.Subjects = or(labels(loc, "datamap.subject.", a.Subjects, nil))
	t.Data = or(labels(loc, "datamap.data.", a.Data, func(k string) string {
		if class, _ := checklists.DataClass(k); class != checklists.ClassOrdinary {
			return " (" + loc.T("datamap.class."+class) + ")"
		}
		return ""
	}))
	t.Bases = or(labels(loc, "datamap.basis.", a.Bases, nil))
	var missing []string
	for _, id := range a.MissingBases() {
		missing = append(missing, loc.T(id))
	}
	t.MissingBases = strings.Join(missing, " ")
	switch {
	case a.Transfer == "":
		t.Transfer = unfilled
	case a.Transfer == checklists.TransferNone:
		t.Transfer = loc.T("datamap.transfer.none")
	case t.NoBasis:
		t.Transfer = loc.T("datamap.transfer."+a.Transfer) + " – " + loc.T("datamap.transfer_flag")
	default:
		t.Transfer = loc.T("datamap.transfer."+a.Transfer) + " – " + loc.T("datamap.transfer_basis."+a.TransferBasis)
	}
	if t.NoRetention {
		t.Retention = unfilled
	} else {
		t.Retention = RetentionPeriod(loc, a.RetentionMonths) + " " + loc.T("datamap.trigger."+a.RetentionTrigger)
	}
	t.Action = unfilled
	if a.RetentionAction != "" {
		t.Action = loc.T("datamap.action." + a.RetentionAction)
	}
	return t
}

// Describe puts every activity of the snapshot into words, system by system.
func (snap *Snapshot) Describe(loc *i18n.Localizer) []ActivityText {
	out := make([]ActivityText, 0, len(snap.Activities))
	for _, a := range snap.Activities {
		out = append(out, Describe(loc, snap.SystemByID(a.SystemID), a))
	}
	return out
}

// UnbasedTransfers returns the activities that transfer data outside the EU/EEA without a basis.
func (snap *Snapshot) UnbasedTransfers() []Activity {
	var out []Activity
	for _, a := range snap.Activities {
		if a.TransferWithoutBasis() {
			out = append(out, a)
		}
	}
	return out
}

// MissingSpecialBases returns the activities whose data categories call for a special legal
// basis they lack (Activity.MissingBases).
func (snap *Snapshot) MissingSpecialBases() []Activity {
	var out []Activity
	for _, a := range snap.Activities {
		if len(a.MissingBases()) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// MissingRetention returns the activities without a retention period when the checklist
// answer says retention periods are not (fully) set; nil when the answer is yes or absent.
func (snap *Snapshot) MissingRetention() []Activity {
	ans, ok := snap.Answers[RetentionQuestion]
	if !ok || !IsGap(ans.Value) {
		return nil
	}
	var out []Activity
	for _, a := range snap.Activities {
		if !a.HasRetention() {
			out = append(out, a)
		}
	}
	return out
}

// Controller is the art. 30(1)(a) line: the company, its CVR number and its contact.
func (snap *Snapshot) Controller(loc *i18n.Localizer) string {
	c := snap.Company
	parts := []string{c.Name}
	if c.CVR != "" {
		parts = append(parts, "CVR "+c.CVR)
	}
	if c.Address != "" {
		parts = append(parts, c.Address)
	}
	s := strings.Join(parts, ", ")
	if c.Contact != "" {
		s += " – " + loc.T("datamap.contact") + ": " + c.Contact
	}
	return s
}

// newCSV starts a CSV for Danish Excel: byte-order mark, semicolons, CRLF.
func newCSV(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	return cw, nil
}

func cells(ss ...string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = cell(s)
	}
	return out
}

func flushCSV(cw *csv.Writer, what string) error {
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// RecordHeadings are the record of processing's column headings: art. 30(1)(a)–(g) as in
// Datatilsynet's template for controllers, with the system, the legal basis and the processor.
func RecordHeadings(loc *i18n.Localizer) []string {
	return []string{loc.T("datamap.col.controller"), loc.T("datamap.col.system"), loc.T("datamap.col.purpose"),
		loc.T("datamap.col.basis"), loc.T("datamap.col.subjects"), loc.T("datamap.col.data"),
		loc.T("datamap.col.recipients"), loc.T("datamap.col.transfers"), loc.T("datamap.col.retention"),
		loc.T("datamap.col.security"), loc.T("datamap.col.processor")}
}

// WriteRecordCSV writes the record of processing as CSV for Danish Excel, one row per
// processing activity.
func WriteRecordCSV(w io.Writer, snap *Snapshot, lang i18n.Lang) error {
	loc := i18n.New(lang)
	cw, err := newCSV(w)
	if err != nil {
		return fmt.Errorf("write record of processing: %w", err)
	}
	_ = cw.Write(RecordHeadings(loc))
	controller := snap.Controller(loc)
	for _, t := range snap.Describe(loc) {
		bases := t.Bases
		if t.MissingBases != "" {
			bases += " – " + t.MissingBases
		}
		_ = cw.Write(cells(controller, t.System, t.Purpose, bases, t.Subjects, t.Data, t.Recipients, t.Transfer,
			t.Retention, t.Security, t.Processor+" ("+t.Agreement+")"))
	}
	return flushCSV(cw, "record of processing")
}

// WriteRetentionCSV writes the retention schedule: per activity what is deleted or
// anonymised, when, on what trigger and by whom.
func WriteRetentionCSV(w io.Writer, snap *Snapshot, lang i18n.Lang) error {
	loc := i18n.New(lang)
	cw, err := newCSV(w)
	if err != nil {
		return fmt.Errorf("write retention schedule: %w", err)
	}
	_ = cw.Write([]string{loc.T("datamap.col.system"), loc.T("datamap.col.purpose"), loc.T("datamap.col.subjects"),
		loc.T("datamap.col.data"), loc.T("datamap.col.action"), loc.T("datamap.col.when"), loc.T("datamap.col.owner")})
	for _, t := range snap.Describe(loc) {
		_ = cw.Write(cells(t.System, t.Purpose, t.Subjects, t.Data, t.Action, t.Retention, t.Owner))
	}
	return flushCSV(cw, "retention schedule")
}

// ProcessorRow is one system's vendor as processor, in words.
type ProcessorRow struct {
	System, Vendor, Agreement, Hosting, Subprocessors, Last, Next string
	NoAgreement, Overdue                                          bool
}

// Processors describes every system's vendor as processor; today decides what is overdue.
func (snap *Snapshot) Processors(loc *i18n.Localizer, today time.Time) []ProcessorRow {
	date := func(s string) string {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return loc.ShortDate(t)
		}
		return "–"
	}
	out := make([]ProcessorRow, 0, len(snap.Systems))
	for i := range snap.Systems {
		s := &snap.Systems[i]
		sv := snap.Supervision[s.ID]
		if sv.Subprocessors == "" {
			sv.Subprocessors = AgreementUnknown
		}
		vendor := s.Vendor
		if strings.TrimSpace(vendor) == "" {
			vendor = loc.T("datamap.unfilled")
		}
		row := ProcessorRow{System: SystemLabel(loc, s), Vendor: vendor,
			Agreement: loc.T("datamap.yesno." + s.ProcessorAgreement), Hosting: loc.T("hosting." + s.Hosting),
			Subprocessors: loc.T("datamap.yesno." + sv.Subprocessors), Last: date(sv.Last), Next: date(sv.Next),
			NoAgreement: s.ProcessorAgreement != AgreementYes, Overdue: sv.Overdue(today)}
		if row.Overdue {
			row.Next += " – " + loc.T("datamap.overdue")
		}
		out = append(out, row)
	}
	return out
}

// ProcessorHeadings are the processor overview's column headings.
func ProcessorHeadings(loc *i18n.Localizer) []string {
	return []string{loc.T("datamap.col.system"), loc.T("datamap.col.processor"), loc.T("datamap.col.agreement"),
		loc.T("datamap.col.hosting"), loc.T("datamap.col.subprocessors"), loc.T("datamap.col.last_supervision"),
		loc.T("datamap.col.next_supervision")}
}

// WriteProcessorsCSV writes the processor overview, one row per system.
func WriteProcessorsCSV(w io.Writer, snap *Snapshot, lang i18n.Lang, today time.Time) error {
	loc := i18n.New(lang)
	cw, err := newCSV(w)
	if err != nil {
		return fmt.Errorf("write processor overview: %w", err)
	}
	_ = cw.Write(ProcessorHeadings(loc))
	for _, p := range snap.Processors(loc, today) {
		_ = cw.Write(cells(p.System, p.Vendor, p.Agreement, p.Hosting, p.Subprocessors, p.Last, p.Next))
	}
	return flushCSV(cw, "processor overview")
}

package assessment

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Activity is one processing activity in a system: a line of the record of processing
// (GDPR art. 30(1)) and of the retention schedule. List fields hold the keys of the
// vocabularies in checklists/datamap.go; free text is kept as typed.
type Activity struct {
	ID               int64
	SystemID         int64
	Purpose          string
	Subjects         []string // checklists.SubjectCategories
	Data             []string // checklists.DataCategories
	Bases            []string // checklists.LegalBases
	Recipients       string
	Transfer         string // checklists.Transfers; empty until answered
	TransferBasis    string // checklists.TransferBases; empty until answered
	RetentionMonths  int    // 0 until answered
	RetentionTrigger string // checklists.RetentionTriggers
	RetentionAction  string // checklists.RetentionActions
	RetentionOwner   string // who deletes or anonymises
	Security         string // the security measures, in a sentence
}

// Supervision is what the company knows of a system's vendor as processor, beside the
// agreement recorded in the inventory.
type Supervision struct {
	SystemID      int64
	Subprocessors string // Agreements' yes/no/unknown: are the sub-processors known
	Last, Next    string // YYYY-MM-DD or empty
}

// Validate checks an activity before it is saved. An activity may be saved incomplete (the
// data map is filled in over time); what is filled in must be valid.
func (a *Activity) Validate() error {
	a.Purpose = strings.TrimSpace(a.Purpose)
	if a.Purpose == "" {
		return i18n.NewError("datamap.purpose_required", nil, nil)
	}
	for _, l := range []struct {
		field  string
		values []string
		known  []string
	}{
		{"subjects", a.Subjects, checklists.SubjectCategories},
		{"data", a.Data, checklists.DataCategoryKeys()},
		{"bases", a.Bases, checklists.LegalBases},
	} {
		for _, v := range l.values {
			if !slices.Contains(l.known, v) {
				return i18n.NewError("datamap.unknown_value", i18n.Args{"Field": l.field, "Value": v}, nil)
			}
		}
	}
	for _, f := range []struct {
		field, value string
		known        []string
	}{
		{"transfer", a.Transfer, checklists.Transfers},
		{"transfer_basis", a.TransferBasis, checklists.TransferBases},
		{"retention_trigger", a.RetentionTrigger, checklists.RetentionTriggers},
		{"retention_action", a.RetentionAction, checklists.RetentionActions},
	} {
		if f.value != "" && !slices.Contains(f.known, f.value) {
			return i18n.NewError("datamap.unknown_value", i18n.Args{"Field": f.field, "Value": f.value}, nil)
		}
	}
	if a.RetentionMonths < 0 || a.RetentionMonths > checklists.MaxRetentionMonths {
		return i18n.NewError("datamap.retention_invalid", i18n.Args{"Months": a.RetentionMonths, "Max": checklists.MaxRetentionMonths}, nil)
	}
	if a.Transfer == checklists.TransferNone {
		a.TransferBasis = "" // no transfer, no basis
	}
	return nil
}

// Complete reports whether every field the record of processing and the retention schedule
// need is filled in; the data-map screen counts complete activities as progress.
func (a Activity) Complete() bool {
	filled := strings.TrimSpace(a.Purpose) != "" && len(a.Subjects) > 0 && len(a.Data) > 0 && len(a.Bases) > 0 &&
		strings.TrimSpace(a.Recipients) != "" && a.Transfer != "" && a.RetentionMonths > 0 &&
		a.RetentionTrigger != "" && a.RetentionAction != "" && strings.TrimSpace(a.RetentionOwner) != "" &&
		strings.TrimSpace(a.Security) != ""
	return filled && (a.Transfer == checklists.TransferNone || a.TransferBasis != "")
}

// TransferWithoutBasis reports a transfer outside the EU/EEA with no basis given or "none":
// unlawful unless an art. 49 derogation applies, so the record and the report flag it.
func (a Activity) TransferWithoutBasis() bool {
	return (a.Transfer == checklists.TransferUSA || a.Transfer == checklists.TransferThird) &&
		(a.TransferBasis == "" || a.TransferBasis == checklists.BasisNone)
}

// HasRetention reports whether the activity has a retention period and what starts it.
func (a Activity) HasRetention() bool { return a.RetentionMonths > 0 && a.RetentionTrigger != "" }

// Validate checks a supervision record, defaulting an empty sub-processor answer to unknown.
func (sv *Supervision) Validate() error {
	if sv.Subprocessors == "" {
		sv.Subprocessors = AgreementUnknown
	}
	if !slices.Contains(Agreements, sv.Subprocessors) {
		return i18n.NewError("datamap.unknown_value", i18n.Args{"Field": "subprocessors", "Value": sv.Subprocessors}, nil)
	}
	for _, d := range []string{sv.Last, sv.Next} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return i18n.NewError("datamap.date_invalid", i18n.Args{"Date": d}, err)
		}
	}
	return nil
}

// Overdue reports whether the next supervision's date has passed on today.
func (sv Supervision) Overdue(today time.Time) bool {
	next, err := time.Parse(time.DateOnly, sv.Next)
	return err == nil && next.Before(today.Truncate(24*time.Hour))
}

// systemOfCompany checks in tx that a system belongs to the company.
func systemOfCompany(ctx context.Context, tx *sql.Tx, companyID, systemID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM systems WHERE id = ? AND company_id = ?`, systemID, companyID).Scan(&n); err != nil {
		return fmt.Errorf("look up system: %w", err)
	}
	if n == 0 {
		return i18n.NewError("system.not_found", i18n.Args{"ID": systemID}, nil)
	}
	return nil
}

// SaveActivity adds (ID 0) or updates a processing activity of one of the company's systems.
func (s *Store) SaveActivity(ctx context.Context, companyID int64, a *Activity) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := systemOfCompany(ctx, tx, companyID, a.SystemID); err != nil {
			return err
		}
		if a.ID == 0 {
			return insertActivity(ctx, tx, a)
		}
		res, err := tx.ExecContext(ctx, `UPDATE processing_activities SET system_id = ?, purpose = ?, subjects = ?, data = ?,
			bases = ?, recipients = ?, transfer = ?, transfer_basis = ?, retention_months = ?, retention_trigger = ?,
			retention_action = ?, retention_owner = ?, security = ?
			WHERE id = ? AND system_id IN (SELECT id FROM systems WHERE company_id = ?)`,
			append(activityArgs(a), a.ID, companyID)...)
		if err != nil {
			return fmt.Errorf("update activity: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("datamap.not_found", i18n.Args{"ID": a.ID}, nil)
		}
		return nil
	})
}

func jsonList(l []string) string {
	b, _ := json.Marshal(nonNil(l)) // a []string always encodes
	return string(b)
}

func activityArgs(a *Activity) []any {
	return []any{a.SystemID, a.Purpose, jsonList(a.Subjects), jsonList(a.Data), jsonList(a.Bases), a.Recipients,
		a.Transfer, a.TransferBasis, a.RetentionMonths, a.RetentionTrigger, a.RetentionAction, a.RetentionOwner, a.Security}
}

func insertActivity(ctx context.Context, tx *sql.Tx, a *Activity) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO processing_activities (system_id, purpose, subjects, data, bases,
		recipients, transfer, transfer_basis, retention_months, retention_trigger, retention_action, retention_owner,
		security) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, activityArgs(a)...)
	if err != nil {
		return fmt.Errorf("insert activity: %w", err)
	}
	a.ID, err = res.LastInsertId()
	return err
}

// DeleteActivity removes a processing activity of one of the company's systems.
func (s *Store) DeleteActivity(ctx context.Context, companyID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM processing_activities
			WHERE id = ? AND system_id IN (SELECT id FROM systems WHERE company_id = ?)`, id, companyID)
		if err != nil {
			return fmt.Errorf("delete activity: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("datamap.not_found", i18n.Args{"ID": id}, nil)
		}
		return nil
	})
}

// Activities returns the processing activities of a company's systems, system by system in
// inventory order, each system's in the order they were entered.
func (s *Store) Activities(ctx context.Context, companyID int64) ([]Activity, error) {
	return queryActivities(ctx, s.db, companyID)
}

func queryActivities(ctx context.Context, q queryer, companyID int64) ([]Activity, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.system_id, a.purpose, a.subjects, a.data, a.bases, a.recipients,
		a.transfer, a.transfer_basis, a.retention_months, a.retention_trigger, a.retention_action, a.retention_owner,
		a.security FROM processing_activities a JOIN systems s ON s.id = a.system_id
		WHERE s.company_id = ? ORDER BY s.id, a.id`, companyID)
	if err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	defer rows.Close()
	var out []Activity
	for rows.Next() {
		var a Activity
		var subjects, data, bases string
		if err := rows.Scan(&a.ID, &a.SystemID, &a.Purpose, &subjects, &data, &bases, &a.Recipients, &a.Transfer,
			&a.TransferBasis, &a.RetentionMonths, &a.RetentionTrigger, &a.RetentionAction, &a.RetentionOwner, &a.Security); err != nil {
			return nil, fmt.Errorf("read activity: %w", err)
		}
		for _, l := range []struct {
			src string
			dst *[]string
		}{{subjects, &a.Subjects}, {data, &a.Data}, {bases, &a.Bases}} {
			if err := json.Unmarshal([]byte(l.src), l.dst); err != nil {
				return nil, fmt.Errorf("read activity %d: %w", a.ID, err)
			}
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SaveSupervision records what is known of a system's vendor as processor.
func (s *Store) SaveSupervision(ctx context.Context, companyID int64, sv *Supervision) error {
	if err := sv.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := systemOfCompany(ctx, tx, companyID, sv.SystemID); err != nil {
			return err
		}
		return upsertSupervision(ctx, tx, sv)
	})
}

func upsertSupervision(ctx context.Context, tx *sql.Tx, sv *Supervision) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO system_supervision (system_id, subprocessors, last_supervision, next_supervision)
		VALUES (?, ?, ?, ?) ON CONFLICT (system_id) DO UPDATE SET subprocessors = excluded.subprocessors,
		last_supervision = excluded.last_supervision, next_supervision = excluded.next_supervision`,
		sv.SystemID, sv.Subprocessors, sv.Last, sv.Next); err != nil {
		return fmt.Errorf("save supervision: %w", err)
	}
	return nil
}

// Supervisions returns, by system ID, what is recorded of the company's vendors as processors;
// a system with nothing recorded is absent.
func (s *Store) Supervisions(ctx context.Context, companyID int64) (map[int64]Supervision, error) {
	return querySupervisions(ctx, s.db, companyID)
}

func querySupervisions(ctx context.Context, q queryer, companyID int64) (map[int64]Supervision, error) {
	rows, err := q.QueryContext(ctx, `SELECT v.system_id, v.subprocessors, v.last_supervision, v.next_supervision
		FROM system_supervision v JOIN systems s ON s.id = v.system_id WHERE s.company_id = ?`, companyID)
	if err != nil {
		return nil, fmt.Errorf("list supervision: %w", err)
	}
	defer rows.Close()
	out := map[int64]Supervision{}
	for rows.Next() {
		var sv Supervision
		if err := rows.Scan(&sv.SystemID, &sv.Subprocessors, &sv.Last, &sv.Next); err != nil {
			return nil, fmt.Errorf("read supervision: %w", err)
		}
		out[sv.SystemID] = sv
	}
	return out, rows.Err()
}

// ActivitiesOf returns the activities of one system, in order.
func ActivitiesOf(all []Activity, systemID int64) []Activity {
	var out []Activity
	for _, a := range all {
		if a.SystemID == systemID {
			out = append(out, a)
		}
	}
	return out
}

// FromTemplate makes a system's activities from a data-map template, free text in lang.
func FromTemplate(t *checklists.Template, lang i18n.Lang, systemID int64) []Activity {
	out := make([]Activity, 0, len(t.Activities))
	for _, x := range t.Activities {
		out = append(out, Activity{SystemID: systemID, Purpose: x.Purpose.In(lang), Subjects: slices.Clone(x.Subjects),
			Data: slices.Clone(x.Data), Bases: slices.Clone(x.Bases), Recipients: x.Recipients.In(lang),
			Transfer: x.Transfer, TransferBasis: x.TransferBasis, RetentionMonths: x.RetentionMonths,
			RetentionTrigger: x.RetentionTrigger, RetentionAction: x.RetentionAction,
			RetentionOwner: x.RetentionOwner.In(lang), Security: x.Security.In(lang)})
	}
	return out
}

// ApplyTemplate adds a template's activities to one of the company's systems in one
// transaction and returns them with their IDs.
func (s *Store) ApplyTemplate(ctx context.Context, companyID, systemID int64, t *checklists.Template, lang i18n.Lang) ([]Activity, error) {
	acts := FromTemplate(t, lang, systemID)
	for i := range acts {
		if err := acts[i].Validate(); err != nil {
			return nil, err
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := systemOfCompany(ctx, tx, companyID, systemID); err != nil {
			return err
		}
		for i := range acts {
			if err := insertActivity(ctx, tx, &acts[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return acts, nil
}

// MissingBases names the special legal bases an activity's data categories call for and its
// bases lack, as message IDs: CPR numbers need Databeskyttelsesloven § 11; art. 9 data an
// art. 9(2) exception (or DBL § 7 or § 12, which build on it); art. 10 data DBL § 8 (or § 12
// in employment). Empty when nothing is missing or no basis is given yet (then the activity
// is simply incomplete).
func (a Activity) MissingBases() []string {
	if len(a.Bases) == 0 {
		return nil
	}
	has := func(prefixes ...string) bool {
		return slices.ContainsFunc(a.Bases, func(b string) bool {
			return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(b, p) })
		})
	}
	classes := map[string]bool{}
	for _, d := range a.Data {
		if c, ok := checklists.DataClass(d); ok {
			classes[c] = true
		}
	}
	var out []string
	if classes[checklists.ClassCPR] && !has("dbl_11") {
		out = append(out, "datamap.needs_cpr_basis")
	}
	if classes[checklists.ClassArt9] && !has("art9_2_", "dbl_7", "dbl_12") {
		out = append(out, "datamap.needs_art9_basis")
	}
	if classes[checklists.ClassArt10] && !has("dbl_8", "dbl_12") {
		out = append(out, "datamap.needs_art10_basis")
	}
	return out
}

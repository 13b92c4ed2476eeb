package assessment

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// CompanyDataFormat names the file ExportCompany writes.
const CompanyDataFormat = "gdprtjek-company-data"

type companyData struct {
	Format      string             `json:"format"`
	ExportedAt  time.Time          `json:"exported_at"`
	Company     companyRecord      `json:"company"`
	Systems     []exSystem         `json:"systems"`
	Assessments []assessmentRecord `json:"assessments"`
}

type companyRecord struct {
	exCompany
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Logo is the company's own logo for its reports (PNG or JPEG, base64); left out when none.
	Logo []byte `json:"logo,omitempty"`
}

type assessmentRecord struct {
	exAssessment
	ID            int64            `json:"id"`
	PreviousUID   string           `json:"previous_uid"`
	Checklists    []checklists.Ref `json:"checklists"`
	Answers       []exAnswer       `json:"answers"`
	Comments      []exComment      `json:"comments"`
	SignOffs      []exSignOff      `json:"signoffs"`
	StatusChanges []exStatusChange `json:"status_changes"`
	Responses     []exResponse     `json:"responses"`
	// The answers merged files held where they differed from the local ones, kept until (and,
	// resolved, after) the user chose: data the database holds, so the export has it.
	MergeConflicts []exConflict `json:"merge_conflicts"`
}

type exConflict struct {
	Question   string    `json:"question"`
	Theirs     exAnswer  `json:"theirs"`
	MergedAt   time.Time `json:"merged_at"`
	ResolvedAt string    `json:"resolved_at"` // "" while unresolved
}

type exStatusChange struct {
	From Status    `json:"from"`
	To   Status    `json:"to"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

// ExportCompany returns, as indented JSON, everything the database holds about a company:
// its profile, systems, and every assessment with answers, comments, sign-offs and status
// history. It answers a data subject's (or the company's own) request for a copy of its
// data, so it leaves nothing out; it is read in one transaction.
func (s *Store) ExportCompany(ctx context.Context, id int64) ([]byte, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.explain(err, "begin read")
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	c, err := scanCompany(tx.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, i18n.NewError("company.not_found", i18n.Args{"ID": id}, err)
	}
	if err != nil {
		return nil, fmt.Errorf("read company %d: %w", id, err)
	}
	out := companyData{Format: CompanyDataFormat, ExportedAt: s.Now(),
		Company: companyRecord{exCompany: exCompany{Name: c.Name, CVR: c.CVR, Address: c.Address, Contact: c.Contact,
			SizeBand: c.SizeBand, Industry: c.Industry, Partner: c.Partner}, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt},
		Systems: []exSystem{}, Assessments: []assessmentRecord{}}
	err = tx.QueryRowContext(ctx, `SELECT logo FROM company_logos WHERE company_id = ?`, id).Scan(&out.Company.Logo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read company logo: %w", err)
	}
	systems, err := querySystems(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	activities, err := queryActivities(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	supervision, err := querySupervisions(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	for _, sys := range systems {
		x := exSystem{Kind: sys.Kind, Product: sys.Product, Name: sys.Name, Vendor: sys.Vendor,
			Partner: sys.Partner, Hosting: sys.Hosting, ProcessorAgreement: sys.ProcessorAgreement}
		exDataMap(&x, sys.ID, activities, supervision)
		out.Systems = append(out.Systems, x)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE company_id = ? ORDER BY created_at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	var list []Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read assessment: %w", err)
		}
		list = append(list, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	uids := map[int64]string{}
	for _, a := range list {
		uids[a.ID] = a.UID
	}
	for _, a := range list {
		rec, err := assessmentData(ctx, tx, a)
		if err != nil {
			return nil, err
		}
		rec.PreviousUID = uids[a.PreviousID]
		out.Assessments = append(out.Assessments, rec)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode company data: %w", err)
	}
	return append(data, '\n'), nil
}

func assessmentData(ctx context.Context, tx *sql.Tx, a Assessment) (assessmentRecord, error) {
	rec := assessmentRecord{ID: a.ID, exAssessment: exAssessment{UID: a.UID, Title: a.Title, Assessor: a.Assessor,
		Participants: a.Participants,
		Status:       a.Status, Profile: nonNil(a.Profile), CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt},
		Checklists: nonNil(a.Checklists), Answers: []exAnswer{}, Comments: []exComment{}, SignOffs: []exSignOff{},
		StatusChanges: []exStatusChange{}, Responses: []exResponse{}, MergeConflicts: []exConflict{}}
	answers, err := queryAnswers(ctx, tx, a.ID)
	if err != nil {
		return rec, err
	}
	for _, x := range answers {
		rec.Answers = append(rec.Answers, exAnswer{Question: x.QuestionID, Value: x.Value, Note: x.Note, Evidence: x.Evidence,
			Owner: x.Owner, Due: x.Due, ActionStatus: x.ActionStatus, Reconfirm: x.Reconfirm, UpdatedAt: x.UpdatedAt, UpdatedBy: x.UpdatedBy})
	}
	slices.SortFunc(rec.Answers, func(x, y exAnswer) int { return strings.Compare(x.Question, y.Question) })
	comments, err := queryComments(ctx, tx, a.ID)
	if err != nil {
		return rec, err
	}
	for _, c := range comments {
		rec.Comments = append(rec.Comments, exComment{Question: c.QuestionID, Author: c.Author, Body: c.Body, CreatedAt: c.CreatedAt})
	}
	signOffs, err := querySignOffs(ctx, tx, a.ID)
	if err != nil {
		return rec, err
	}
	for _, so := range signOffs {
		rec.SignOffs = append(rec.SignOffs, exSignOff{Reviewer: so.Reviewer, Organisation: so.Organisation, Decision: so.Decision,
			Statement: so.Statement, SignedAt: so.SignedAt})
	}
	changes, err := queryStatusChanges(ctx, tx, a.ID)
	if err != nil {
		return rec, err
	}
	for _, c := range changes {
		rec.StatusChanges = append(rec.StatusChanges, exStatusChange{From: c.From, To: c.To, By: c.By, At: c.At, Note: c.Note})
	}
	responses, err := queryResponses(ctx, tx, a.ID)
	if err != nil {
		return rec, err
	}
	for _, r := range responses {
		rec.Responses = append(rec.Responses, exResponse{Question: r.QuestionID, Decision: r.Decision, Hours: r.Hours,
			Planned: r.Planned, Comment: r.Comment, By: r.By, At: r.At})
	}
	slices.SortFunc(rec.Responses, func(x, y exResponse) int { return strings.Compare(x.Question, y.Question) })
	rows, err := tx.QueryContext(ctx, `SELECT question_id, their_value, their_note, their_evidence, their_owner,
		their_due_date, their_action_status, their_updated_at, their_updated_by, merged_at, resolved_at
		FROM merge_conflicts WHERE assessment_id = ? ORDER BY question_id`, a.ID)
	if err != nil {
		return rec, fmt.Errorf("list conflicts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c exConflict
		var updated, merged string
		if err := rows.Scan(&c.Question, &c.Theirs.Value, &c.Theirs.Note, &c.Theirs.Evidence, &c.Theirs.Owner, &c.Theirs.Due,
			&c.Theirs.ActionStatus, &updated, &c.Theirs.UpdatedBy, &merged, &c.ResolvedAt); err != nil {
			return rec, fmt.Errorf("read conflict: %w", err)
		}
		c.Theirs.Question, c.Theirs.UpdatedAt, c.MergedAt = c.Question, parseTime(updated), parseTime(merged)
		rec.MergeConflicts = append(rec.MergeConflicts, c)
	}
	return rec, rows.Err()
}

package assessment

import (
	"context"
	"crypto/rand"
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

// newUID returns a random RFC 4122 version-4 UUID.
func newUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// CreateAssessment saves a new draft assessment for a company and sets its ID and UID.
func (s *Store) CreateAssessment(ctx context.Context, a *Assessment) error {
	if strings.TrimSpace(a.Title) == "" {
		return i18n.NewError("assessment.title_required", nil, nil)
	}
	for _, p := range a.Profile {
		if !slices.Contains(checklists.ProfileConditions, p) {
			return i18n.NewError("assessment.profile_invalid", i18n.Args{"Condition": p}, nil)
		}
	}
	if a.UID == "" {
		a.UID = newUID()
	}
	if a.Status == "" {
		a.Status = Draft
	}
	now := s.Now()
	a.CreatedAt, a.UpdatedAt = now, now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := companyExists(ctx, tx, a.CompanyID); err != nil {
			return err
		}
		id, err := insertAssessment(ctx, tx, a)
		a.ID = id
		return err
	})
}

func companyExists(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM companies WHERE id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("look up company: %w", err)
	}
	if n == 0 {
		return false, i18n.NewError("company.not_found", i18n.Args{"ID": id}, nil)
	}
	return true, nil
}

func insertAssessment(ctx context.Context, tx *sql.Tx, a *Assessment) (int64, error) {
	profile, _ := json.Marshal(nonNil(a.Profile))
	pinned, _ := json.Marshal(nonNil(a.Checklists))
	var previous any
	if a.PreviousID != 0 {
		previous = a.PreviousID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments
		(uid, company_id, title, assessor, participants, status, profile, checklists, previous_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.UID, a.CompanyID, a.Title, a.Assessor, a.Participants, string(a.Status), string(profile), string(pinned), previous,
		formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	if err != nil {
		return 0, fmt.Errorf("insert assessment: %w", err)
	}
	return res.LastInsertId()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

const assessmentColumns = `id, uid, company_id, title, assessor, participants, status, profile, checklists,
	coalesce(previous_id, 0), created_at, updated_at`

func scanAssessment(row interface{ Scan(...any) error }) (Assessment, error) {
	var a Assessment
	var status, profile, pinned, created, updated string
	if err := row.Scan(&a.ID, &a.UID, &a.CompanyID, &a.Title, &a.Assessor, &a.Participants, &status, &profile, &pinned,
		&a.PreviousID, &created, &updated); err != nil {
		return a, err
	}
	a.Status = Status(status)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	if err := json.Unmarshal([]byte(profile), &a.Profile); err != nil {
		return a, fmt.Errorf("assessment %d profile: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(pinned), &a.Checklists); err != nil {
		return a, fmt.Errorf("assessment %d checklists: %w", a.ID, err)
	}
	return a, nil
}

// Assessment returns one assessment.
func (s *Store) Assessment(ctx context.Context, id int64) (Assessment, error) {
	a, err := scanAssessment(s.db.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, i18n.NewError("assessment.not_found", i18n.Args{"ID": id}, err)
	}
	if err != nil {
		return a, fmt.Errorf("read assessment %d: %w", id, err)
	}
	return a, nil
}

// Assessments returns a company's assessments, newest first; companyID 0 returns all.
func (s *Store) Assessments(ctx context.Context, companyID int64) ([]Assessment, error) {
	query := `SELECT ` + assessmentColumns + ` FROM assessments`
	var args []any
	if companyID != 0 {
		query += ` WHERE company_id = ?`
		args = append(args, companyID)
	}
	rows, err := s.db.QueryContext(ctx, query+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	var out []Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, fmt.Errorf("read assessment: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AnswerCounts returns how many questions each assessment has answered, by assessment ID.
func (s *Store) AnswerCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT assessment_id, count(*) FROM answers GROUP BY assessment_id`)
	if err != nil {
		return nil, fmt.Errorf("count answers: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count answers: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// Editable reports whether answers may change: an approved assessment is read-only until
// it is reopened.
func (a Assessment) Editable() bool { return a.Status != Approved }

// SaveAnswer stores one answer at once, replacing any earlier answer to the same question.
// set is the checklist set the question must belong to.
func (s *Store) SaveAnswer(ctx context.Context, set *checklists.Set, ans *Answer) error {
	q, _, ok := set.Question(ans.QuestionID)
	if !ok {
		return i18n.NewError("answer.unknown_question", i18n.Args{"Question": ans.QuestionID}, nil)
	}
	ans.QuestionHash = q.Fingerprint()
	if _, ok := ParseValue(string(ans.Value)); !ok {
		return i18n.NewError("answer.value_invalid", i18n.Args{"Value": string(ans.Value)}, nil)
	}
	if ans.Due != "" {
		if _, err := time.Parse(time.DateOnly, ans.Due); err != nil {
			return i18n.NewError("answer.due_invalid", i18n.Args{"Due": ans.Due}, err)
		}
	}
	if ans.ActionStatus == "" {
		ans.ActionStatus = ActionOpen
	}
	ans.UpdatedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := requireEditable(ctx, tx, ans.AssessmentID); err != nil {
			return err
		}
		if err := upsertAnswer(ctx, tx, ans); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ? WHERE id = ?`,
			formatTime(ans.UpdatedAt), ans.AssessmentID)
		return err
	})
}

// requireEditable refuses a change to an assessment that does not exist or is approved.
func requireEditable(ctx context.Context, tx *sql.Tx, id int64) error {
	status, err := currentStatus(ctx, tx, id)
	if err != nil {
		return err
	}
	if status == Approved {
		return i18n.NewError("assessment.read_only", i18n.Args{"ID": id}, nil)
	}
	return nil
}

// SetParticipants records who took part in the assessment's workshop.
func (s *Store) SetParticipants(ctx context.Context, assessmentID int64, participants string) error {
	now := formatTime(s.Now())
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := requireEditable(ctx, tx, assessmentID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE assessments SET participants = ?, updated_at = ? WHERE id = ?`,
			participants, now, assessmentID)
		return err
	})
}

func upsertAnswer(ctx context.Context, tx *sql.Tx, ans *Answer) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO answers
		(assessment_id, question_id, value, note, evidence, owner, due_date, action_status, reconfirm, updated_at, updated_by, question_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, question_id) DO UPDATE SET
			value = excluded.value, note = excluded.note, evidence = excluded.evidence, owner = excluded.owner,
			due_date = excluded.due_date, action_status = excluded.action_status, reconfirm = excluded.reconfirm,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by, question_hash = excluded.question_hash`,
		ans.AssessmentID, ans.QuestionID, string(ans.Value), ans.Note, ans.Evidence, ans.Owner, ans.Due,
		string(ans.ActionStatus), ans.Reconfirm, formatTime(ans.UpdatedAt), ans.UpdatedBy, ans.QuestionHash)
	if err != nil {
		return fmt.Errorf("save answer: %w", err)
	}
	return nil
}

// Answers returns an assessment's answers by question ID.
func (s *Store) Answers(ctx context.Context, assessmentID int64) (map[string]Answer, error) {
	return queryAnswers(ctx, s.db, assessmentID)
}

func queryAnswers(ctx context.Context, q queryer, assessmentID int64) (map[string]Answer, error) {
	rows, err := q.QueryContext(ctx, `SELECT assessment_id, question_id, value, note, evidence, owner, due_date,
		action_status, reconfirm, updated_at, updated_by, question_hash FROM answers WHERE assessment_id = ?`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	defer rows.Close()
	out := map[string]Answer{}
	for rows.Next() {
		var a Answer
		var value, status, updated string
		if err := rows.Scan(&a.AssessmentID, &a.QuestionID, &value, &a.Note, &a.Evidence, &a.Owner, &a.Due,
			&status, &a.Reconfirm, &updated, &a.UpdatedBy, &a.QuestionHash); err != nil {
			return nil, fmt.Errorf("read answer: %w", err)
		}
		a.Value, a.ActionStatus, a.UpdatedAt = Value(value), ActionStatus(status), parseTime(updated)
		out[a.QuestionID] = a
	}
	return out, rows.Err()
}

// Snapshot reads everything about one assessment in one read transaction, so that a report
// or an export never mixes two moments.
func (s *Store) Snapshot(ctx context.Context, assessmentID int64) (*Snapshot, error) {
	// The answers and the rest are read through separate calls; a read-only transaction
	// pins them to one WAL snapshot.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.explain(err, "begin read")
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	return readSnapshot(ctx, tx, assessmentID)
}

// readSnapshot reads one assessment's snapshot inside a transaction the caller holds.
func readSnapshot(ctx context.Context, tx *sql.Tx, assessmentID int64) (*Snapshot, error) {
	var err error
	snap := &Snapshot{}
	snap.Assessment, err = scanAssessment(tx.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, assessmentID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, i18n.NewError("assessment.not_found", i18n.Args{"ID": assessmentID}, err)
	}
	if err != nil {
		return nil, fmt.Errorf("read assessment %d: %w", assessmentID, err)
	}
	snap.Company, err = scanCompany(tx.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies WHERE id = ?`, snap.Assessment.CompanyID))
	if err != nil {
		return nil, fmt.Errorf("read company: %w", err)
	}
	if snap.Systems, err = querySystems(ctx, tx, snap.Company.ID); err != nil {
		return nil, err
	}
	if snap.Answers, err = queryAnswers(ctx, tx, assessmentID); err != nil {
		return nil, err
	}
	if snap.Activities, err = queryActivities(ctx, tx, snap.Company.ID); err != nil {
		return nil, err
	}
	if snap.Supervision, err = querySupervisions(ctx, tx, snap.Company.ID); err != nil {
		return nil, err
	}
	if snap.Comments, err = queryComments(ctx, tx, assessmentID); err != nil {
		return nil, err
	}
	if snap.SignOffs, err = querySignOffs(ctx, tx, assessmentID); err != nil {
		return nil, err
	}
	if snap.Responses, err = queryResponses(ctx, tx, assessmentID); err != nil {
		return nil, err
	}
	if snap.Conflicts, err = queryConflicts(ctx, tx, assessmentID); err != nil {
		return nil, err
	}
	return snap, nil
}

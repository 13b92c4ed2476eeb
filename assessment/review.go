package assessment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gdprtjek/i18n"
)

// transitions lists the status changes SetStatus allows. Approval goes through SignOff, and
// leaving Approved through Reopen, so that both are on record.
var transitions = map[Status][]Status{
	Draft:     {Submitted},
	Submitted: {InReview, Draft},
	InReview:  {Returned},
	Returned:  {Draft, Submitted},
}

// SetStatus moves an assessment along its life, recording who did it.
func (s *Store) SetStatus(ctx context.Context, id int64, to Status, by string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		from, err := currentStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		if !slices.Contains(transitions[from], to) {
			return i18n.NewError("assessment.status_change_invalid", i18n.Args{"From": string(from), "To": string(to)}, nil)
		}
		return s.changeStatus(ctx, tx, id, from, to, by, "")
	})
}

// Reopen makes an approved assessment editable again; the reason is kept on record.
func (s *Store) Reopen(ctx context.Context, id int64, by, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return i18n.NewError("review.reopen_reason_required", nil, nil)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		from, err := currentStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		if from != Approved {
			return i18n.NewError("assessment.status_change_invalid", i18n.Args{"From": string(from), "To": string(InReview)}, nil)
		}
		return s.changeStatus(ctx, tx, id, from, InReview, by, reason)
	})
}

// SignOff records a reviewer's decision on an assessment under review and sets its status.
func (s *Store) SignOff(ctx context.Context, so *SignOff) error {
	return s.signOff(ctx, so, false)
}

// SignOffReceived is SignOff for a reviewer who holds the assessment as received: an imported
// exchange file is the company's submission whatever step its copy was at, so a draft or
// returned assessment is first recorded as submitted (by the reviewer, on receipt), in the same
// transaction. The command line's signoff uses it; it has no other way to submit.
func (s *Store) SignOffReceived(ctx context.Context, so *SignOff) error {
	return s.signOff(ctx, so, true)
}

func (s *Store) signOff(ctx context.Context, so *SignOff, received bool) error {
	if strings.TrimSpace(so.Reviewer) == "" {
		return i18n.NewError("review.reviewer_required", nil, nil)
	}
	// A sign-off speaks for an organisation (the partner, the auditor): the report names it.
	if strings.TrimSpace(so.Organisation) == "" {
		return i18n.NewError("review.organisation_required", nil, nil)
	}
	if so.Decision != Approved && so.Decision != Returned {
		return i18n.NewError("review.decision_invalid", i18n.Args{"Decision": string(so.Decision)}, nil)
	}
	so.SignedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		from, err := currentStatus(ctx, tx, so.AssessmentID)
		if err != nil {
			return err
		}
		if received && (from == Draft || from == Returned) {
			if err := s.changeStatus(ctx, tx, so.AssessmentID, from, Submitted, so.Reviewer, ""); err != nil {
				return err
			}
			from = Submitted
		}
		if from != InReview && from != Submitted {
			return i18n.NewError("assessment.status_change_invalid", i18n.Args{"From": string(from), "To": string(so.Decision)}, nil)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO signoffs (assessment_id, reviewer, organisation, decision, statement, signed_at)
			VALUES (?, ?, ?, ?, ?, ?)`, so.AssessmentID, so.Reviewer, so.Organisation, string(so.Decision), so.Statement, formatTime(so.SignedAt))
		if err != nil {
			return fmt.Errorf("insert sign-off: %w", err)
		}
		if so.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.changeStatus(ctx, tx, so.AssessmentID, from, so.Decision, so.Reviewer, so.Statement)
	})
}

func currentStatus(ctx context.Context, tx *sql.Tx, id int64) (Status, error) {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM assessments WHERE id = ?`, id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", i18n.NewError("assessment.not_found", i18n.Args{"ID": id}, err)
	}
	if err != nil {
		return "", fmt.Errorf("read status: %w", err)
	}
	return Status(status), nil
}

func (s *Store) changeStatus(ctx context.Context, tx *sql.Tx, id int64, from, to Status, by, note string) error {
	now := formatTime(s.Now())
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET status = ?, updated_at = ? WHERE id = ?`, string(to), now, id); err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO status_changes (assessment_id, from_status, to_status, changed_by, changed_at, note)
		VALUES (?, ?, ?, ?, ?, ?)`, id, string(from), string(to), by, now, note); err != nil {
		return fmt.Errorf("record status change: %w", err)
	}
	return nil
}

// CommentAuthor names a comment's author with the organisation they write for, when given:
// "Jens Ærø (Nordlys IT ApS)". Comments keep one author field; the organisation is part of it.
func CommentAuthor(name, organisation string) string {
	name, organisation = strings.TrimSpace(name), strings.TrimSpace(organisation)
	if organisation == "" || name == "" {
		return name
	}
	return name + " (" + organisation + ")"
}

// AddComment records a reviewer's comment on a question (or, with no question, the whole).
func (s *Store) AddComment(ctx context.Context, c *Comment) error {
	if strings.TrimSpace(c.Body) == "" {
		return i18n.NewError("review.comment_empty", nil, nil)
	}
	if strings.TrimSpace(c.Author) == "" {
		return i18n.NewError("review.author_required", nil, nil)
	}
	c.CreatedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := currentStatus(ctx, tx, c.AssessmentID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO comments (assessment_id, question_id, author, body, created_at)
			VALUES (?, ?, ?, ?, ?)`, c.AssessmentID, c.QuestionID, c.Author, c.Body, formatTime(c.CreatedAt))
		if err != nil {
			return fmt.Errorf("insert comment: %w", err)
		}
		c.ID, err = res.LastInsertId()
		return err
	})
}

func queryComments(ctx context.Context, q queryer, assessmentID int64) ([]Comment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, assessment_id, question_id, author, body, created_at
		FROM comments WHERE assessment_id = ? ORDER BY created_at, id`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var created string
		if err := rows.Scan(&c.ID, &c.AssessmentID, &c.QuestionID, &c.Author, &c.Body, &created); err != nil {
			return nil, fmt.Errorf("read comment: %w", err)
		}
		c.CreatedAt = parseTime(created)
		out = append(out, c)
	}
	return out, rows.Err()
}

func querySignOffs(ctx context.Context, q queryer, assessmentID int64) ([]SignOff, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, assessment_id, reviewer, organisation, decision, statement, signed_at
		FROM signoffs WHERE assessment_id = ? ORDER BY signed_at, id`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list sign-offs: %w", err)
	}
	defer rows.Close()
	var out []SignOff
	for rows.Next() {
		var so SignOff
		var decision, signed string
		if err := rows.Scan(&so.ID, &so.AssessmentID, &so.Reviewer, &so.Organisation, &decision, &so.Statement, &signed); err != nil {
			return nil, fmt.Errorf("read sign-off: %w", err)
		}
		so.Decision, so.SignedAt = Status(decision), parseTime(signed)
		out = append(out, so)
	}
	return out, rows.Err()
}

// StatusChanges returns an assessment's status history, oldest first.
func (s *Store) StatusChanges(ctx context.Context, assessmentID int64) ([]StatusChange, error) {
	return queryStatusChanges(ctx, s.db, assessmentID)
}

func queryStatusChanges(ctx context.Context, q queryer, assessmentID int64) ([]StatusChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, assessment_id, from_status, to_status, changed_by, changed_at, note
		FROM status_changes WHERE assessment_id = ? ORDER BY changed_at, id`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list status changes: %w", err)
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		var from, to, at string
		if err := rows.Scan(&c.ID, &c.AssessmentID, &from, &to, &c.By, &at, &c.Note); err != nil {
			return nil, fmt.Errorf("read status change: %w", err)
		}
		c.From, c.To, c.At = Status(from), Status(to), parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

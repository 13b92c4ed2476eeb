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
	"unicode"
	"unicode/utf8"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Conflict: a question whose answer in a merged file differs from the local answer. The local
// answer is kept; the file's answer is stored until the user resolves the conflict.
type Conflict struct {
	AssessmentID int64
	QuestionID   string
	Local        Answer // the zero Answer (Value "") when the question has no local answer
	Theirs       Answer
	MergedAt     time.Time
}

// MergeResult is what one merge added.
type MergeResult struct {
	AssessmentID                  int64
	Comments, SignOffs, Responses int        // newly added by this merge
	Conflicts                     []Conflict // newly found by this merge
}

// Changed reports whether the merge added anything.
func (m MergeResult) Changed() bool {
	return m.Comments+m.SignOffs+m.Responses+len(m.Conflicts) > 0
}

// openExchange decrypts a protected file with passphrase and parses it.
func openExchange(data []byte, passphrase string) (*exchangeContent, error) {
	if IsEncryptedExchange(data) {
		plain, err := DecryptExchange(data, passphrase)
		if err != nil {
			return nil, err
		}
		data = plain
	}
	return parseExchange(data)
}

// ExchangeAssessmentID finds the local assessment of an exchange file (0, nil when there is
// none), so that the app can offer merge when the assessment already exists.
func (s *Store) ExchangeAssessmentID(ctx context.Context, data []byte, passphrase string) (int64, error) {
	c, err := openExchange(data, passphrase)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.QueryRowContext(ctx, `SELECT id FROM assessments WHERE uid = ?`, c.Assessment.UID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, s.explain(err, "look up assessment")
	}
	return id, nil
}

// MergeExchange merges a returned exchange file (plain or protected; passphrase "" for plain) into
// the assessment with the same UID, in one transaction. It adds the comments, sign-offs and
// partner responses that are new, keeps every local answer, and records each answer that differs
// from the local one as a conflict. Importing the same file twice adds nothing the second time.
// When the newest sign-off is one the file brought, the assessment takes its decision as status
// (recorded in the status history), as a sign-off made here would have done.
// It refuses (i18n error) a file whose assessment does not exist locally.
func (s *Store) MergeExchange(ctx context.Context, set *checklists.Set, data []byte, passphrase string) (MergeResult, error) {
	c, err := openExchange(data, passphrase)
	if err != nil {
		return MergeResult{}, err
	}
	if err := validateContent(set, c); err != nil {
		return MergeResult{}, err
	}
	// Backed up first, unless the file is refused below for want of its assessment.
	var here int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM assessments WHERE uid = ?`, c.Assessment.UID).Scan(&here); err == nil && here > 0 {
		if err := s.BeforeChange(ctx); err != nil {
			return MergeResult{}, err
		}
	}
	var res MergeResult
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res = MergeResult{}
		err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE uid = ?`, c.Assessment.UID).Scan(&res.AssessmentID)
		if errors.Is(err, sql.ErrNoRows) {
			return i18n.NewError("exchange.merge_not_found", i18n.Args{"Title": c.Assessment.Title}, nil)
		}
		if err != nil {
			return fmt.Errorf("look up assessment: %w", err)
		}
		local, err := readSnapshot(ctx, tx, res.AssessmentID)
		if err != nil {
			return err
		}
		id := res.AssessmentID
		now := s.Now()

		// Comments and sign-offs have no identity of their own across databases: one is the
		// same as another when every field is. Counting (not just a set) keeps two identical
		// comments in a file as two.
		have := map[exComment]int{}
		for _, cm := range local.Comments {
			have[exComment{Question: cm.QuestionID, Author: cm.Author, Body: cm.Body, CreatedAt: cm.CreatedAt.UTC()}]++
		}
		for _, cm := range c.Comments {
			key := cm
			key.CreatedAt = key.CreatedAt.UTC()
			if have[key] > 0 {
				have[key]--
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO comments (assessment_id, question_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)`,
				id, cm.Question, cm.Author, cm.Body, formatTime(cm.CreatedAt)); err != nil {
				return fmt.Errorf("insert comment: %w", err)
			}
			res.Comments++
		}

		haveSO := map[exSignOff]int{}
		var newest time.Time
		for _, so := range local.SignOffs {
			haveSO[exSignOff{Reviewer: so.Reviewer, Organisation: so.Organisation, Decision: so.Decision,
				Statement: so.Statement, SignedAt: so.SignedAt.UTC()}]++
			if so.SignedAt.After(newest) {
				newest = so.SignedAt
			}
		}
		var latest *exSignOff // the newest sign-off the file brought, if newer than every local one
		for i, so := range c.SignOffs {
			key := so
			key.SignedAt = key.SignedAt.UTC()
			if haveSO[key] > 0 {
				haveSO[key]--
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO signoffs (assessment_id, reviewer, organisation, decision, statement, signed_at)
				VALUES (?, ?, ?, ?, ?, ?)`, id, so.Reviewer, so.Organisation, string(so.Decision), so.Statement, formatTime(so.SignedAt)); err != nil {
				return fmt.Errorf("insert sign-off: %w", err)
			}
			res.SignOffs++
			if !so.SignedAt.Before(newest) {
				newest, latest = so.SignedAt, &c.SignOffs[i]
			}
		}
		if latest != nil && latest.Decision != local.Assessment.Status {
			if err := s.changeStatus(ctx, tx, id, local.Assessment.Status, latest.Decision, latest.Reviewer, latest.Statement); err != nil {
				return err
			}
		}

		// A response from the file replaces the local one only when it was given later: the
		// partner's newest word counts, and a stale file cannot undo a newer local response.
		for _, x := range c.Responses {
			r := x.response(id)
			if old, ok := local.Responses[r.QuestionID]; ok && (old == r || !r.At.After(old.At)) {
				continue
			}
			if err := upsertResponse(ctx, tx, &r); err != nil {
				return err
			}
			res.Responses++
		}

		for _, x := range c.Answers {
			theirs := x.answer(id)
			mine, answered := local.Answers[x.Question]
			if answered && sameAnswer(mine, theirs) {
				// Equal again (the user took the file's answer, or changed back): nothing to resolve.
				if _, err := tx.ExecContext(ctx, `DELETE FROM merge_conflicts WHERE assessment_id = ? AND question_id = ? AND resolved_at = ''`,
					id, x.Question); err != nil {
					return fmt.Errorf("clear conflict: %w", err)
				}
				continue
			}
			known, err := storedConflict(ctx, tx, id, x.Question)
			if err != nil {
				return err
			}
			if known != nil && sameAnswer(*known, theirs) {
				continue // recorded by an earlier merge of this file, resolved or not
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO merge_conflicts
				(assessment_id, question_id, their_value, their_note, their_evidence, their_owner, their_due_date,
				 their_action_status, their_updated_at, their_updated_by, their_question_hash, merged_at, resolved_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
				id, x.Question, string(theirs.Value), theirs.Note, theirs.Evidence, theirs.Owner, theirs.Due,
				string(theirs.ActionStatus), formatTime(theirs.UpdatedAt), theirs.UpdatedBy, theirs.QuestionHash, formatTime(now)); err != nil {
				return fmt.Errorf("record conflict: %w", err)
			}
			res.Conflicts = append(res.Conflicts, Conflict{AssessmentID: id, QuestionID: x.Question, Local: mine, Theirs: theirs, MergedAt: now})
		}
		if res.Changed() {
			if _, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ? WHERE id = ?`, formatTime(now), id); err != nil {
				return fmt.Errorf("touch assessment: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return MergeResult{}, damagedIfConstraint(err)
	}
	return res, nil
}

// sameAnswer compares what a person answered, not when or by whom it was saved.
func sameAnswer(a, b Answer) bool {
	status := func(s ActionStatus) ActionStatus { return ActionStatus(defaultTo(string(s), string(ActionOpen))) }
	return a.Value == b.Value && a.Note == b.Note && a.Evidence == b.Evidence && a.Owner == b.Owner &&
		a.Due == b.Due && status(a.ActionStatus) == status(b.ActionStatus)
}

// storedConflict reads the file's answer recorded for a question, resolved or not; nil if none.
func storedConflict(ctx context.Context, tx *sql.Tx, assessmentID int64, questionID string) (*Answer, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+conflictColumns+` FROM merge_conflicts c
		LEFT JOIN answers a ON a.assessment_id = c.assessment_id AND a.question_id = c.question_id
		WHERE c.assessment_id = ? AND c.question_id = ?`, assessmentID, questionID)
	if err != nil {
		return nil, fmt.Errorf("read conflict: %w", err)
	}
	list, err := scanConflicts(rows)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0].Theirs, nil
}

const conflictColumns = `c.assessment_id, c.question_id, c.their_value, c.their_note, c.their_evidence, c.their_owner,
	c.their_due_date, c.their_action_status, c.their_updated_at, c.their_updated_by, c.their_question_hash, c.merged_at,
	coalesce(a.value, ''), coalesce(a.note, ''), coalesce(a.evidence, ''), coalesce(a.owner, ''), coalesce(a.due_date, ''),
	coalesce(a.action_status, ''), coalesce(a.reconfirm, 0), coalesce(a.updated_at, ''), coalesce(a.updated_by, ''),
	coalesce(a.question_hash, '')`

func scanConflicts(rows *sql.Rows) ([]Conflict, error) {
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		var c Conflict
		var tv, ts, tAt, merged, lv, ls, lAt string
		if err := rows.Scan(&c.AssessmentID, &c.QuestionID, &tv, &c.Theirs.Note, &c.Theirs.Evidence, &c.Theirs.Owner,
			&c.Theirs.Due, &ts, &tAt, &c.Theirs.UpdatedBy, &c.Theirs.QuestionHash, &merged,
			&lv, &c.Local.Note, &c.Local.Evidence, &c.Local.Owner, &c.Local.Due, &ls, &c.Local.Reconfirm, &lAt,
			&c.Local.UpdatedBy, &c.Local.QuestionHash); err != nil {
			return nil, fmt.Errorf("read conflict: %w", err)
		}
		c.Theirs.AssessmentID, c.Theirs.QuestionID = c.AssessmentID, c.QuestionID
		c.Theirs.Value, c.Theirs.ActionStatus, c.Theirs.UpdatedAt = Value(tv), ActionStatus(ts), parseTime(tAt)
		if lv != "" {
			c.Local.AssessmentID, c.Local.QuestionID = c.AssessmentID, c.QuestionID
			c.Local.Value, c.Local.ActionStatus, c.Local.UpdatedAt = Value(lv), ActionStatus(ls), parseTime(lAt)
		}
		c.MergedAt = parseTime(merged)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Conflicts returns the assessment's unresolved merge conflicts, by question ID.
func (s *Store) Conflicts(ctx context.Context, assessmentID int64) ([]Conflict, error) {
	return queryConflicts(ctx, s.db, assessmentID)
}

func queryConflicts(ctx context.Context, q queryer, assessmentID int64) ([]Conflict, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+conflictColumns+` FROM merge_conflicts c
		LEFT JOIN answers a ON a.assessment_id = c.assessment_id AND a.question_id = c.question_id
		WHERE c.assessment_id = ? AND c.resolved_at = '' ORDER BY c.question_id`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	return scanConflicts(rows)
}

// ResolveConflict keeps the local answer (takeTheirs false) or replaces it by the file's answer;
// either way the conflict is gone. Taking the file's answer changes an answer, so an approved
// assessment refuses it until reopened.
func (s *Store) ResolveConflict(ctx context.Context, set *checklists.Set, assessmentID int64, questionID string, takeTheirs bool) error {
	now := s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := currentStatus(ctx, tx, assessmentID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+conflictColumns+` FROM merge_conflicts c
			LEFT JOIN answers a ON a.assessment_id = c.assessment_id AND a.question_id = c.question_id
			WHERE c.assessment_id = ? AND c.question_id = ? AND c.resolved_at = ''`, assessmentID, questionID)
		if err != nil {
			return fmt.Errorf("read conflict: %w", err)
		}
		list, err := scanConflicts(rows)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return i18n.NewError("conflict.not_found", i18n.Args{"Question": questionID}, nil)
		}
		if takeTheirs {
			if err := requireEditable(ctx, tx, assessmentID); err != nil {
				return err
			}
			ans := list[0].Theirs
			if q, _, ok := set.Question(questionID); ok {
				if ans.QuestionHash != q.Fingerprint() {
					// Answered to another wording than the checklist's here: have it re-confirmed.
					ans.Reconfirm = ans.QuestionHash != ""
				}
			} else {
				return i18n.NewError("answer.unknown_question", i18n.Args{"Question": questionID}, nil)
			}
			if err := upsertAnswer(ctx, tx, &ans); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ? WHERE id = ?`, formatTime(now), assessmentID); err != nil {
				return fmt.Errorf("touch assessment: %w", err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE merge_conflicts SET resolved_at = ? WHERE assessment_id = ? AND question_id = ?`,
			formatTime(now), assessmentID, questionID)
		if err != nil {
			return fmt.Errorf("resolve conflict: %w", err)
		}
		return nil
	})
}

// FileKind tells the files a user may offer the import apart.
type FileKind int

const (
	FileUnknown           FileKind = iota
	FileExchange                   // a plain exchange file
	FileExchangeProtected          // a passphrase-protected exchange file
	FileCompanyExport              // a company-data export (ExportCompany), not for import
)

// DetectFileKind tells an exchange file from a company-data export (so the app can say "this is a
// company export, not an exchange file") and from anything else. It looks only at the format
// field; whether the file is intact is for the import to say.
func DetectFileKind(data []byte) FileKind {
	if IsEncryptedExchange(data) {
		return FileExchangeProtected
	}
	var head struct {
		Format string `json:"format"`
	}
	if len(data) > MaxExchangeFileSize || json.Unmarshal(data, &head) != nil {
		return FileUnknown
	}
	switch head.Format {
	case ExchangeFormat:
		return FileExchange
	case CompanyDataFormat:
		return FileCompanyExport
	}
	return FileUnknown
}

// ExchangeFileExt ends every exchange file's name, so that it cannot be taken for the company
// export or a report.
const ExchangeFileExt = ".gdprtjek.json"

// ExchangeFileName builds the exchange file's name from the company and the date, e.g.
// "Æblegården-ApS-2026-05-01.gdprtjek.json". Letters stay as they are (æøå included); spaces
// become hyphens; characters Windows or macOS refuse in a name (< > : " / \ | ? *, control
// characters) are dropped; at most 60 characters of the name are kept.
func ExchangeFileName(company string, date time.Time) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.TrimSpace(company) {
		switch {
		case unicode.IsSpace(r) || r == '-' || r == '_':
			hyphen = b.Len() > 0
		case strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) || r == utf8.RuneError || r == '.':
			// dots too: a name must not end in one on Windows, and "." alone means the folder
		default:
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			b.WriteRune(r)
		}
		if utf8.RuneCountInString(b.String()) >= 60 {
			break
		}
	}
	name := b.String()
	if name == "" {
		name = "gdprtjek"
	}
	return name + "-" + date.Format(time.DateOnly) + ExchangeFileExt
}

// validateContent checks a file's content against the checklists and the domain's rules before
// anything is written.
func validateContent(set *checklists.Set, c *exchangeContent) error {
	company := Company{Name: c.Company.Name, CVR: c.Company.CVR, Address: c.Company.Address, Contact: c.Company.Contact,
		SizeBand: c.Company.SizeBand, Industry: c.Company.Industry}
	if err := company.Validate(); err != nil {
		return err
	}
	for _, x := range c.Systems {
		sys := System{Kind: x.Kind, Product: x.Product, Name: x.Name, Vendor: x.Vendor, Partner: x.Partner,
			Hosting: x.Hosting, ProcessorAgreement: x.ProcessorAgreement}
		if err := sys.Validate(); err != nil {
			return err
		}
	}
	for _, a := range c.Answers {
		if _, _, ok := set.Question(a.Question); !ok {
			return i18n.NewError("answer.unknown_question", i18n.Args{"Question": a.Question}, nil)
		}
		if _, ok := ParseValue(string(a.Value)); !ok {
			return i18n.NewError("answer.value_invalid", i18n.Args{"Value": string(a.Value)}, nil)
		}
		if a.Due != "" {
			if _, err := time.Parse(time.DateOnly, a.Due); err != nil {
				return i18n.NewError("answer.due_invalid", i18n.Args{"Due": a.Due}, err)
			}
		}
	}
	for _, x := range c.Responses {
		if _, _, ok := set.Question(x.Question); !ok {
			return i18n.NewError("answer.unknown_question", i18n.Args{"Question": x.Question}, nil)
		}
		r := x.response(0)
		if err := r.validate(); err != nil {
			return err
		}
	}
	for _, p := range c.Assessment.Profile {
		if !slices.Contains(checklists.ProfileConditions, p) {
			return i18n.NewError("assessment.profile_invalid", i18n.Args{"Condition": p}, nil)
		}
	}
	if strings.TrimSpace(c.Assessment.UID) == "" || strings.TrimSpace(c.Assessment.Title) == "" {
		return i18n.NewError("exchange.damaged", nil, errors.New("assessment without uid or title"))
	}
	return nil
}

package assessment

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Outdated lists the checklists an assessment pinned of which set holds a newer version.
func Outdated(set *checklists.Set, a Assessment) []checklists.Ref {
	var out []checklists.Ref
	for _, ref := range a.Checklists {
		if c := set.Checklist(ref.ID); c != nil && c.Version > ref.Version {
			out = append(out, checklists.Ref{ID: c.ID, Version: c.Version})
		}
	}
	return out
}

// UpdateChecklists moves an assessment to the versions of its checklists in set. Answers
// stay, matched by question ID; an answer whose question was reworded since it was given is
// marked to be re-confirmed. It returns how many answers were marked.
func (s *Store) UpdateChecklists(ctx context.Context, set *checklists.Set, assessmentID int64) (int, error) {
	if err := s.BeforeChange(ctx); err != nil {
		return 0, err
	}
	marked := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := scanAssessment(tx.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, assessmentID))
		if err != nil {
			return i18n.NewError("assessment.not_found", i18n.Args{"ID": assessmentID}, err)
		}
		if !a.Editable() {
			return i18n.NewError("assessment.read_only", i18n.Args{"ID": assessmentID}, nil)
		}
		answers, err := queryAnswers(ctx, tx, assessmentID)
		if err != nil {
			return err
		}
		for _, ans := range answers {
			q, _, ok := set.Question(ans.QuestionID)
			// An answer saved before fingerprints were kept has none: nothing says it changed.
			if !ok || ans.QuestionHash == "" || ans.QuestionHash == q.Fingerprint() || ans.Reconfirm {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE answers SET reconfirm = 1 WHERE assessment_id = ? AND question_id = ?`,
				assessmentID, ans.QuestionID); err != nil {
				return fmt.Errorf("mark answer for re-confirmation: %w", err)
			}
			marked++
		}
		pinned := make([]checklists.Ref, 0, len(a.Checklists))
		for _, ref := range a.Checklists {
			if c := set.Checklist(ref.ID); c != nil {
				ref.Version = c.Version
			}
			pinned = append(pinned, ref)
		}
		data, err := json.Marshal(pinned)
		if err != nil {
			return fmt.Errorf("encode pinned checklists: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET checklists = ?, updated_at = ? WHERE id = ?`,
			string(data), formatTime(s.Now()), assessmentID)
		return err
	})
	return marked, err
}

package assessment

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Decision is the implementation partner's answer to a partner task.
type Decision string

const (
	DecisionAccepted Decision = "accepted"
	DecisionQuestion Decision = "question" // needs clarification
	DecisionDeclined Decision = "declined"
)

// Decisions lists the decisions in the order the UI and the command line offer them.
var Decisions = []Decision{DecisionAccepted, DecisionQuestion, DecisionDeclined}

// ParseDecision accepts one of Decisions.
func ParseDecision(s string) (Decision, bool) {
	for _, d := range Decisions {
		if string(d) == s {
			return d, true
		}
	}
	return "", false
}

// Response is the implementation partner's answer to one partner task (a gap with a partner action).
type Response struct {
	AssessmentID int64
	QuestionID   string
	Decision     Decision
	Hours        float64 // estimate; 0 = none given
	Planned      string  // YYYY-MM-DD or ""
	Comment      string
	By           string
	At           time.Time
}

// validate checks what a response must hold wherever it comes from (the partner's hand, a file).
func (r *Response) validate() error {
	if _, ok := ParseDecision(string(r.Decision)); !ok {
		return i18n.NewError("response.decision_invalid", i18n.Args{"Decision": string(r.Decision)}, nil)
	}
	if r.Hours < 0 || math.IsNaN(r.Hours) || math.IsInf(r.Hours, 0) || r.Hours > maxHours {
		return i18n.NewError("response.hours_invalid", i18n.Args{"Hours": r.Hours}, nil)
	}
	if r.Planned != "" {
		if _, err := time.Parse(time.DateOnly, r.Planned); err != nil {
			return i18n.NewError("response.planned_invalid", i18n.Args{"Planned": r.Planned}, err)
		}
	}
	if strings.TrimSpace(r.By) == "" {
		return i18n.NewError("response.by_required", nil, nil)
	}
	return nil
}

// ValidateResponse checks a response's own values (decision, hours, planned date, who) without
// the database, so that the command line can call a bad value wrong usage before opening it.
func ValidateResponse(r *Response) error { return r.validate() }

// HoursText writes an estimate as the language writes numbers, with no more decimals than it
// has (at most two): "12", "12,5" in Danish, "12.5" in English.
func HoursText(loc *i18n.Localizer, h float64) string {
	for d := 0; d < 2; d++ {
		if p := math.Pow(10, float64(d)); math.Abs(h*p-math.Round(h*p)) < 1e-9 {
			return loc.Number(h, d)
		}
	}
	return loc.Number(h, 2)
}

// maxHours bounds an estimate: ten working years for one task is a typing mistake.
const maxHours = 100000

// SaveResponse records (or replaces) the response to a question's partner task. It refuses, with a
// translated i18n error, a question that has no partner task in this assessment (not a gap, or no
// partner action), an approved assessment, an unknown decision, negative hours, a bad date, empty By.
func (s *Store) SaveResponse(ctx context.Context, set *checklists.Set, r *Response) error {
	if err := r.validate(); err != nil {
		return err
	}
	r.At = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		snap, err := readSnapshot(ctx, tx, r.AssessmentID)
		if err != nil {
			return err
		}
		if snap.Assessment.Status == Approved {
			return i18n.NewError("response.approved", i18n.Args{"ID": r.AssessmentID}, nil)
		}
		if !hasPartnerTask(set, snap, r.QuestionID) {
			return i18n.NewError("response.no_partner_task", i18n.Args{"Question": r.QuestionID}, nil)
		}
		return upsertResponse(ctx, tx, r)
	})
}

// hasPartnerTask reports whether the question is a gap with a partner action in the assessment.
func hasPartnerTask(set *checklists.Set, snap *Snapshot, questionID string) bool {
	for _, g := range ScoreSnapshot(set, snap).Gaps {
		if g.Question.ID == questionID {
			return g.Question.HasPartnerAction()
		}
	}
	return false
}

func upsertResponse(ctx context.Context, tx *sql.Tx, r *Response) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO responses
		(assessment_id, question_id, decision, hours, planned, comment, responded_by, responded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, question_id) DO UPDATE SET
			decision = excluded.decision, hours = excluded.hours, planned = excluded.planned,
			comment = excluded.comment, responded_by = excluded.responded_by, responded_at = excluded.responded_at`,
		r.AssessmentID, r.QuestionID, string(r.Decision), r.Hours, r.Planned, r.Comment, r.By, formatTime(r.At))
	if err != nil {
		return fmt.Errorf("save response: %w", err)
	}
	return nil
}

func queryResponses(ctx context.Context, q queryer, assessmentID int64) (map[string]Response, error) {
	rows, err := q.QueryContext(ctx, `SELECT assessment_id, question_id, decision, hours, planned, comment,
		responded_by, responded_at FROM responses WHERE assessment_id = ?`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list responses: %w", err)
	}
	defer rows.Close()
	out := map[string]Response{}
	for rows.Next() {
		var r Response
		var decision, at string
		if err := rows.Scan(&r.AssessmentID, &r.QuestionID, &decision, &r.Hours, &r.Planned, &r.Comment, &r.By, &at); err != nil {
			return nil, fmt.Errorf("read response: %w", err)
		}
		r.Decision, r.At = Decision(decision), parseTime(at)
		out[r.QuestionID] = r
	}
	return out, rows.Err()
}

// PartnerTask is one row of the partner's work list.
type PartnerTask struct {
	Gap      Gap       // as in Result.Gaps (question, checklist, answer, severity…)
	Response *Response // nil when not yet answered
}

// SystemTasks groups tasks by system like SystemActions (System nil = no system in particular).
type SystemTasks struct {
	System *System
	Tasks  []PartnerTask
	Hours  float64 // sum of the responses' estimates
}

// PartnerTasks is the partner's work list: the gaps with a partner action, grouped by system as
// in the report's partner section, each with the partner's response if there is one. A task
// that concerns two systems is listed under both, and its estimate counts in both totals.
func PartnerTasks(set *checklists.Set, snap *Snapshot) []SystemTasks {
	groups := PartnerActions(ScoreSnapshot(set, snap), snap.Systems)
	out := make([]SystemTasks, 0, len(groups))
	for _, g := range groups {
		st := SystemTasks{System: g.System, Tasks: make([]PartnerTask, 0, len(g.Gaps))}
		for _, gap := range g.Gaps {
			task := PartnerTask{Gap: gap}
			if r, ok := snap.Responses[gap.Question.ID]; ok {
				task.Response = &r
				st.Hours += r.Hours
			}
			st.Tasks = append(st.Tasks, task)
		}
		out = append(out, st)
	}
	return out
}

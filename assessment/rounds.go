package assessment

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// StartRound starts the next round of an earlier assessment: same company and profile, the
// checklist versions in set now (not the earlier round's), and every earlier answer to a
// question still in set carried over, marked to be re-confirmed. Answers are matched by
// question ID, so a question whose checklist got a new version keeps its answer (to be
// re-confirmed like the rest); a question no longer in set is dropped.
func (s *Store) StartRound(ctx context.Context, set *checklists.Set, previousID int64, title, assessor string) (Assessment, error) {
	var a Assessment
	if strings.TrimSpace(title) == "" {
		return a, i18n.NewError("assessment.title_required", nil, nil)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		prev, err := scanAssessment(tx.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, previousID))
		if errors.Is(err, sql.ErrNoRows) {
			return i18n.NewError("assessment.not_found", i18n.Args{"ID": previousID}, err)
		}
		if err != nil {
			return err
		}
		answers, err := queryAnswers(ctx, tx, previousID)
		if err != nil {
			return err
		}
		now := s.Now()
		a = Assessment{UID: newUID(), CompanyID: prev.CompanyID, Title: title, Assessor: assessor, Status: Draft,
			Profile: slices.Clone(prev.Profile), Checklists: set.Refs(), PreviousID: prev.ID, CreatedAt: now, UpdatedAt: now}
		if a.ID, err = insertAssessment(ctx, tx, &a); err != nil {
			return err
		}
		for _, ans := range answers {
			if _, _, ok := set.Question(ans.QuestionID); !ok {
				continue
			}
			// Who answered and when stay as they were: the answer is the earlier round's
			// until someone confirms it.
			ans.AssessmentID, ans.Reconfirm = a.ID, true
			if err := upsertAnswer(ctx, tx, &ans); err != nil {
				return err
			}
		}
		return nil
	})
	return a, err
}

// ScoreChange is how one area's (or the overall) score moved between two assessments.
// A side with nothing scorable has Scored false and a percentage of 0.
type ScoreChange struct {
	AreaID       string // "" for the overall score
	Title        checklists.Text
	Before       float64 // percent
	After        float64 // percent
	BeforeScored bool
	AfterScored  bool
}

// Delta is the change in percentage points; 0 unless both sides are scored.
func (c ScoreChange) Delta() float64 {
	if !c.BeforeScored || !c.AfterScored {
		return 0
	}
	return c.After - c.Before
}

// AnswerChange is a question whose answer differs between two assessments; an empty Value
// means the question was not answered on that side.
type AnswerChange struct {
	QuestionID string
	Before     Value
	After      Value
}

// Comparison sets two assessments side by side, e.g. two rounds for the same company.
type Comparison struct {
	Before, After Assessment
	Overall       ScoreChange
	Areas         []ScoreChange  // by area ID, in the order of set's areas
	Changed       []AnswerChange // in checklist order; questions no longer in set last, by ID
}

// Area returns the score change of one area.
func (c Comparison) Area(id string) (ScoreChange, bool) {
	for _, a := range c.Areas {
		if a.AreaID == id {
			return a, true
		}
	}
	return ScoreChange{}, false
}

// Compare scores two assessments (before, after) each against its own pinned checklists,
// profile and the company's systems, and lists the areas' score changes and the answers
// that changed. Both are read in one transaction, so neither moves while they are compared.
func (s *Store) Compare(ctx context.Context, set *checklists.Set, beforeID, afterID int64) (Comparison, error) {
	var cmp Comparison
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return cmp, s.explain(err, "begin read")
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	before, err := readSnapshot(ctx, tx, beforeID)
	if err != nil {
		return cmp, err
	}
	after, err := readSnapshot(ctx, tx, afterID)
	if err != nil {
		return cmp, err
	}
	return CompareSnapshots(set, before, after), nil
}

// CompareSnapshots is Compare on assessments already read.
func CompareSnapshots(set *checklists.Set, before, after *Snapshot) Comparison {
	var cmp Comparison
	cmp.Before, cmp.After = before.Assessment, after.Assessment
	rb, ra := ScoreSnapshot(set, before), ScoreSnapshot(set, after)
	cmp.Overall = ScoreChange{Before: rb.Overall.Percent(), After: ra.Overall.Percent(),
		BeforeScored: rb.Overall.Scored(), AfterScored: ra.Overall.Scored()}
	for _, area := range set.Areas() {
		c := ScoreChange{AreaID: area.ID, Title: area.Title}
		found := false
		for _, x := range rb.Areas {
			if x.Area.ID == area.ID {
				c.Before, c.BeforeScored, found = x.Percent(), x.Scored(), true
			}
		}
		for _, x := range ra.Areas {
			if x.Area.ID == area.ID {
				c.After, c.AfterScored, found = x.Percent(), x.Scored(), true
			}
		}
		if found {
			cmp.Areas = append(cmp.Areas, c)
		}
	}
	seen := map[string]bool{}
	changed := func(id string) {
		seen[id] = true
		b, a := before.Answers[id].Value, after.Answers[id].Value
		if b != a {
			cmp.Changed = append(cmp.Changed, AnswerChange{QuestionID: id, Before: b, After: a})
		}
	}
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			changed(q.ID)
		}
	}
	var rest []string
	for _, answers := range []map[string]Answer{before.Answers, after.Answers} {
		for id := range answers {
			if !seen[id] {
				seen[id] = true
				rest = append(rest, id)
			}
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		changed(id)
	}
	return cmp
}

// PreviousResult scores the round an assessment was started from, for a report's "previous
// round" marks; nil when it has none (or that round has been deleted).
func (s *Store) PreviousResult(ctx context.Context, set *checklists.Set, a Assessment) (*Result, error) {
	prev, err := s.PreviousSnapshot(ctx, a)
	if prev == nil || err != nil {
		return nil, err
	}
	res := ScoreSnapshot(set, prev)
	return &res, nil
}

// Progress is what changed since the round an assessment was started from: a report's
// "Since the last round".
type Progress struct {
	Areas []ScoreChange // areas scored in either round, in the order of set's areas
	// Improved and Worse are the questions that apply now and were answered in both rounds
	// (neither "not applicable") whose answer earns more, or less, than before: a first
	// answer is no change of answer.
	Improved, Worse []AnswerChange
	// Closed are the questions whose action was open in the earlier round (a gap, not
	// marked done) and is closed now: marked done, or answered so that it is no gap.
	Closed []string
}

// ProgressSince compares an assessment (after) with the earlier round it was started from
// (before), in checklist order.
func ProgressSince(set *checklists.Set, before, after *Snapshot) Progress {
	cmp := CompareSnapshots(set, before, after)
	p := Progress{Areas: cmp.Areas}
	pinned := Pinned(set, after.Assessment)
	scopedOut := map[string]bool{}
	for _, s := range ScoreSnapshot(set, after).ScopedOut {
		scopedOut[s.Question.ID] = true
	}
	applies := func(id string) bool {
		_, _, ok := pinned.Question(id)
		return ok && !scopedOut[id]
	}
	for _, c := range cmp.Changed {
		if !applies(c.QuestionID) || c.Before == "" || c.After == "" || c.Before == NA || c.After == NA {
			continue
		}
		switch b, a := creditOf(c.Before), creditOf(c.After); {
		case a > b:
			p.Improved = append(p.Improved, c)
		case a < b:
			p.Worse = append(p.Worse, c)
		}
	}
	for _, c := range pinned.Checklists {
		for _, q := range c.Questions {
			was, ok := before.Answers[q.ID]
			if !ok || !IsGap(was.Value) || was.ActionStatus == ActionDone || !applies(q.ID) {
				continue
			}
			now, answered := after.Answers[q.ID]
			if answered && (now.ActionStatus == ActionDone || !IsGap(now.Value)) {
				p.Closed = append(p.Closed, q.ID)
			}
		}
	}
	return p
}

// PreviousSnapshot reads the round an assessment was started from; nil when it has none (or
// that round has been deleted).
func (s *Store) PreviousSnapshot(ctx context.Context, a Assessment) (*Snapshot, error) {
	if a.PreviousID == 0 {
		return nil, nil
	}
	prev, err := s.Snapshot(ctx, a.PreviousID)
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.ID == "assessment.not_found" {
		return nil, nil
	}
	return prev, err
}

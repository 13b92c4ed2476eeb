package assessment

import (
	"context"
	"fmt"

	"gdprtjek/checklists"
)

// AssessmentSummary is an assessment with its progress.
type AssessmentSummary struct {
	Assessment Assessment
	Answered   int // answered questions that are in scope
	Applicable int // questions in scope
}

// Percent is the share of questions in scope that are answered, rounded down.
func (a AssessmentSummary) Percent() int {
	if a.Applicable == 0 {
		return 0
	}
	return 100 * a.Answered / a.Applicable
}

// CompanySummary is a company with its assessments, newest first.
type CompanySummary struct {
	Company     Company
	Assessments []AssessmentSummary
}

// Overview lists every company with its assessments and their progress.
func (s *Store) Overview(ctx context.Context, set *checklists.Set) ([]CompanySummary, error) {
	companies, err := s.Companies(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.Assessments(ctx, 0)
	if err != nil {
		return nil, err
	}
	byCompany := map[int64][]Assessment{}
	for _, a := range all {
		byCompany[a.CompanyID] = append(byCompany[a.CompanyID], a)
	}
	out := make([]CompanySummary, 0, len(companies))
	for _, c := range companies {
		cs := CompanySummary{Company: c}
		if len(byCompany[c.ID]) > 0 {
			systems, err := s.Systems(ctx, c.ID)
			if err != nil {
				return nil, err
			}
			activities, err := s.Activities(ctx, c.ID)
			if err != nil {
				return nil, err
			}
			for _, a := range byCompany[c.ID] {
				sum, err := s.summarise(ctx, set, a, systems, activities)
				if err != nil {
					return nil, err
				}
				cs.Assessments = append(cs.Assessments, sum)
			}
		}
		out = append(out, cs)
	}
	return out, nil
}

func (s *Store) summarise(ctx context.Context, set *checklists.Set, a Assessment, systems []System, activities []Activity) (AssessmentSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question_id FROM answers WHERE assessment_id = ?`, a.ID)
	if err != nil {
		return AssessmentSummary{}, fmt.Errorf("list answered questions: %w", err)
	}
	defer rows.Close()
	answered := map[string]bool{}
	for rows.Next() {
		var q string
		if err := rows.Scan(&q); err != nil {
			return AssessmentSummary{}, fmt.Errorf("read answered question: %w", err)
		}
		answered[q] = true
	}
	if err := rows.Err(); err != nil {
		return AssessmentSummary{}, err
	}
	sum := AssessmentSummary{Assessment: a}
	for _, sc := range Pinned(set, a).Scope(Facts(a.Profile, systems, activities...)) {
		if sc.Applies {
			sum.Applicable++
			if answered[sc.Question.ID] {
				sum.Answered++
			}
		}
	}
	return sum, nil
}

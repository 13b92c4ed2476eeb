package checklists

import (
	"cmp"
	"slices"
)

// Set is a loaded, validated collection of checklists with question IDs unique across it.
type Set struct {
	Checklists []*Checklist

	questions map[string]*Question
	owner     map[string]*Checklist
}

// NewSet indexes checklists, ordered by (Order, ID). Callers validate first: NewSet trusts
// that question IDs are unique.
func NewSet(lists []*Checklist) *Set {
	s := &Set{Checklists: slices.Clone(lists), questions: map[string]*Question{}, owner: map[string]*Checklist{}}
	slices.SortStableFunc(s.Checklists, func(a, b *Checklist) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	for _, c := range s.Checklists {
		for i := range c.Questions {
			q := &c.Questions[i]
			s.questions[q.ID] = q
			s.owner[q.ID] = c
		}
	}
	return s
}

// Question finds a question and the checklist holding it.
func (s *Set) Question(id string) (*Question, *Checklist, bool) {
	q, ok := s.questions[id]
	return q, s.owner[id], ok
}

// Checklist finds a checklist by ID.
func (s *Set) Checklist(id string) *Checklist {
	for _, c := range s.Checklists {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// QuestionCount is the number of questions in the set.
func (s *Set) QuestionCount() int { return len(s.questions) }

// Refs lists the checklist versions in the set, for an assessment to pin.
func (s *Set) Refs() []Ref {
	refs := make([]Ref, 0, len(s.Checklists))
	for _, c := range s.Checklists {
		refs = append(refs, Ref{ID: c.ID, Version: c.Version})
	}
	return refs
}

// Area is a scoring area: one or more checklists that share an area ID.
type Area struct {
	ID    string
	Title Text // the title of the area's first checklist
	Lists []*Checklist
}

// Areas groups the checklists by area, in checklist order.
func (s *Set) Areas() []Area {
	var areas []Area
	index := map[string]int{}
	for _, c := range s.Checklists {
		i, ok := index[c.Area]
		if !ok {
			i = len(areas)
			index[c.Area] = i
			areas = append(areas, Area{ID: c.Area, Title: c.Title})
		}
		areas[i].Lists = append(areas[i].Lists, c)
	}
	return areas
}

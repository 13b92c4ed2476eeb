package checklists

// Facts are the conditions that hold for a company: its profile answers, the kinds and
// products of its systems, and whether any system is outside the EU/EEA.
type Facts map[string]bool

// Scoped is a question with whether it applies and, when not, the conditions that failed.
type Scoped struct {
	Question  *Question
	Checklist *Checklist
	Applies   bool
	Missing   []string // conditions (checklist's and question's) that did not hold
}

// Scope decides for every question in the set whether it applies. Questions that do not
// apply are kept, with why, so that what was scoped out stays visible.
func (s *Set) Scope(f Facts) []Scoped {
	out := make([]Scoped, 0, len(s.questions))
	for _, c := range s.Checklists {
		listMissing := missing(c.AppliesWhen, f)
		for i := range c.Questions {
			q := &c.Questions[i]
			m := append(append([]string(nil), listMissing...), missing(q.AppliesWhen, f)...)
			out = append(out, Scoped{Question: q, Checklist: c, Applies: len(m) == 0, Missing: m})
		}
	}
	return out
}

func missing(conds []string, f Facts) []string {
	var m []string
	for _, c := range conds {
		if !f[c] {
			m = append(m, c)
		}
	}
	return m
}

package assessment

import (
	"cmp"
	"slices"
	"strings"

	"gdprtjek/checklists"
)

// Risk is an area's traffic light.
type Risk string

const (
	RiskRed   Risk = "red"
	RiskAmber Risk = "amber"
	RiskGreen Risk = "green"
	RiskNone  Risk = "" // nothing scorable: every question not applicable
)

// Thresholds for the traffic light, in percent; docs/scoring.md explains them.
const (
	GreenFrom = 80.0
	AmberFrom = 50.0
)

// RiskOf gives the traffic light for a percentage.
func RiskOf(percent float64) Risk {
	switch {
	case percent >= GreenFrom:
		return RiskGreen
	case percent >= AmberFrom:
		return RiskAmber
	}
	return RiskRed
}

// Tally is a score over some questions.
type Tally struct {
	Earned     float64       // weighted points earned
	Possible   float64       // weighted points possible (not-applicable answers left out)
	Applicable int           // questions in scope
	Answered   int           // of those, answered
	Counts     map[Value]int // answers by value

	byValue [5]int // Counts while scoring, indexed like Values: cheaper than a map per answer
}

// valueIndex is v's index in Values, or -1.
func valueIndex(v Value) int {
	switch v {
	case Yes:
		return 0
	case Partly:
		return 1
	case No:
		return 2
	case NA:
		return 3
	case Unknown:
		return 4
	}
	return -1
}

// finish fills Counts from the counts kept while scoring.
func (t *Tally) finish() {
	for i, n := range t.byValue {
		if n > 0 {
			t.Counts[Values[i]] += n
		}
	}
}

// Percent is the score in percent; 0 when nothing is scorable (see Scored).
func (t Tally) Percent() float64 {
	if t.Possible == 0 {
		return 0
	}
	return 100 * t.Earned / t.Possible
}

// Scored reports whether any question counts towards the score.
func (t Tally) Scored() bool { return t.Possible > 0 }

// Risk is the tally's traffic light.
func (t Tally) Risk() Risk {
	if !t.Scored() {
		return RiskNone
	}
	return RiskOf(t.Percent())
}

// Unanswered is the number of questions in scope with no answer yet.
func (t Tally) Unanswered() int { return t.Applicable - t.Answered }

func (t *Tally) add(weight int, v Value, answered bool) {
	t.Applicable++
	if !answered {
		// An unanswered question counts as "don't know": the score never looks better
		// for skipping questions.
		t.Possible += float64(weight)
		return
	}
	t.Answered++
	if i := valueIndex(v); i >= 0 {
		t.byValue[i]++
	} else {
		t.Counts[v]++ // a value from a damaged row: still counted, as itself
	}
	if v == NA {
		return
	}
	t.Possible += float64(weight)
	t.Earned += float64(weight) * creditOf(v)
}

// creditOf is the share of a question's weight an answer earns: yes all, partly half, no and
// don't know nothing. Not applicable never gets here: it is left out of the score.
func creditOf(v Value) float64 {
	switch v {
	case Yes:
		return 1
	case Partly:
		return 0.5
	}
	return 0
}

// AreaScore is one area's tally.
type AreaScore struct {
	Area checklists.Area
	Tally
}

// Severity ranks a gap.
type Severity int

const (
	SeverityLow Severity = iota + 1
	SeverityMedium
	SeverityHigh
)

// String names the severity as in message IDs ("severity.high").
func (s Severity) String() string {
	switch s {
	case SeverityHigh:
		return "high"
	case SeverityMedium:
		return "medium"
	}
	return "low"
}

// SeverityOf ranks a gap: a full gap (no, don't know) on a weight-3 question is high; a
// partial one on weight 3, or a full one on weight 2, medium; the rest low.
func SeverityOf(weight int, v Value) Severity {
	points := weight
	if v == Partly {
		points--
	}
	switch {
	case points >= 3:
		return SeverityHigh
	case points == 2:
		return SeverityMedium
	}
	return SeverityLow
}

// Gap is a question answered no, partly or don't know.
type Gap struct {
	Question  *checklists.Question
	Checklist *checklists.Checklist
	Answer    Answer
	Severity  Severity
}

// Result is an assessment's score, gaps and scope.
type Result struct {
	Overall   Tally
	Areas     []AreaScore
	Gaps      []Gap               // most serious first
	ScopedOut []checklists.Scoped // questions that do not apply, with why
}

// IsGap reports whether an answer leaves something to do.
func IsGap(v Value) bool { return v == No || v == Partly || v == Unknown }

// Score scores answers against the questions of set that apply under facts.
func Score(set *checklists.Set, facts checklists.Facts, answers map[string]Answer) Result {
	// At most every answer is a gap: one allocation up front instead of growing a slice of
	// large values.
	res := Result{Overall: Tally{Counts: map[Value]int{}}, Gaps: make([]Gap, 0, min(len(answers), set.QuestionCount()))}
	areaIndex := map[string]int{}
	for _, area := range set.Areas() {
		areaIndex[area.ID] = len(res.Areas)
		res.Areas = append(res.Areas, AreaScore{Area: area, Tally: Tally{Counts: map[Value]int{}}})
	}
	var list *checklists.Checklist
	var area *AreaScore
	for _, sc := range set.Scope(facts) {
		if !sc.Applies {
			res.ScopedOut = append(res.ScopedOut, sc)
			continue
		}
		if sc.Checklist != list { // Scope goes checklist by checklist: look the area up once each
			list, area = sc.Checklist, &res.Areas[areaIndex[sc.Checklist.Area]]
		}
		ans, answered := answers[sc.Question.ID]
		res.Overall.add(sc.Question.Weight, ans.Value, answered)
		area.add(sc.Question.Weight, ans.Value, answered)
		if answered && IsGap(ans.Value) {
			res.Gaps = append(res.Gaps, Gap{Question: sc.Question, Checklist: sc.Checklist, Answer: ans,
				Severity: SeverityOf(sc.Question.Weight, ans.Value)})
		}
	}
	res.Gaps = sortGaps(res.Gaps)
	res.Overall.finish()
	for i := range res.Areas {
		res.Areas[i].finish()
	}
	// Areas with no question in scope say nothing; leave them out.
	res.Areas = slices.DeleteFunc(res.Areas, func(a AreaScore) bool { return a.Applicable == 0 })
	return res
}

// sortGaps orders gaps most serious first: by severity, then weight, then checklist order.
// The gaps arrive in checklist order (Scope's order) and take only a few distinct
// (severity, weight) pairs, so a counting sort on that pair keeps the arrival order within
// a pair: linear, where a comparison sort moving the large Gap values took most of the time
// of scoring 10,000 answers.
func sortGaps(gaps []Gap) []Gap {
	type key struct {
		severity Severity
		weight   int
	}
	var keys []key // the distinct pairs, at most 9 with weights 1–3: a linear search is fastest
	var count []int
	slot := make([]int, len(gaps))
	for i := range gaps {
		k := key{gaps[i].Severity, gaps[i].Question.Weight}
		j := slices.Index(keys, k)
		if j < 0 {
			j = len(keys)
			keys, count = append(keys, k), append(count, 0)
		}
		slot[i] = j
		count[j]++
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[b].severity, keys[a].severity), cmp.Compare(keys[b].weight, keys[a].weight))
	})
	start := make([]int, len(keys))
	next := 0
	for _, j := range order {
		start[j] = next
		next += count[j]
	}
	sorted := make([]Gap, len(gaps))
	for i := range gaps {
		sorted[start[slot[i]]] = gaps[i]
		start[slot[i]]++
	}
	return sorted
}

// ScoreSnapshot scores an assessment with its own profile, its company's systems and only the
// checklists it pinned.
func ScoreSnapshot(set *checklists.Set, snap *Snapshot) Result {
	return Score(Pinned(set, snap.Assessment), Facts(snap.Assessment.Profile, snap.Systems, snap.Activities...), snap.Answers)
}

// Pinned narrows set to the checklists an assessment pinned; with none pinned, all of set.
func Pinned(set *checklists.Set, a Assessment) *checklists.Set {
	if len(a.Checklists) == 0 {
		return set
	}
	var lists []*checklists.Checklist
	for _, ref := range a.Checklists {
		if c := set.Checklist(ref.ID); c != nil {
			lists = append(lists, c)
		}
	}
	return checklists.NewSet(lists)
}

// SystemActions are the partner actions the gaps call for on one system; System is nil for
// actions that concern no particular system.
type SystemActions struct {
	System *System
	Gaps   []Gap
}

// PartnerActions groups the gaps that carry a partner action by the systems they concern: a
// question (or its checklist) conditioned on a system kind or product concerns the company's
// systems of that kind or product; any other concerns none in particular.
func PartnerActions(res Result, systems []System) []SystemActions {
	out := make([]SystemActions, len(systems)+1)
	for i := range systems {
		out[i].System = &systems[i]
	}
	for _, g := range res.Gaps {
		if !g.Question.HasPartnerAction() {
			continue
		}
		conds := append(slices.Clone(g.Checklist.AppliesWhen), g.Question.AppliesWhen...)
		matched := false
		for i, sys := range systems {
			if concerns(conds, sys) {
				out[i].Gaps = append(out[i].Gaps, g)
				matched = true
			}
		}
		if !matched {
			out[len(systems)].Gaps = append(out[len(systems)].Gaps, g)
		}
	}
	return slices.DeleteFunc(out, func(a SystemActions) bool { return len(a.Gaps) == 0 })
}

// concerns reports whether the conditions name this system's kind or product, and no other
// product (a NetSuite question does not concern a company's Uniconta, though both are ERP).
// A condition implied by a more specific one in the list does not count: a webshop question
// (website checklist, "system:webshop") concerns the webshop, not the plain website.
func concerns(conds []string, sys System) bool {
	own := checklists.SystemFacts(sys.Kind, sys.Product)
	kindOrProduct, otherProduct := false, false
	for _, c := range conds {
		switch {
		case checklists.ImpliedBy(c, conds):
		case slices.Contains(own, c):
			kindOrProduct = true
		case strings.HasPrefix(c, "product:"):
			otherProduct = true
		}
	}
	return kindOrProduct && !otherProduct
}

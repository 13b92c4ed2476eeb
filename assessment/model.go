// Package assessment is the domain core: companies, their systems, assessments and answers,
// scoring and the action plan, review, and the exchange files partners receive. State lives
// in a SQLite store with embedded migrations.
package assessment

import (
	"time"

	"gdprtjek/checklists"
)

// Company is the business being assessed.
type Company struct {
	ID        int64
	Name      string
	CVR       string // 8 digits, modulus-11 checked; may be empty
	Address   string
	Contact   string
	SizeBand  string // see SizeBands
	Industry  string
	Partner   string // the implementation partner; the default for its systems' partner
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SizeBands are the employee-count bands a company picks from.
var SizeBands = []string{"1-9", "10-49", "50-249", "250+"}

// Hosting is where a system keeps its data.
const (
	HostingEU      = "eu"
	HostingUSA     = "usa"
	HostingOther   = "other"
	HostingUnknown = "unknown"
)

// Hostings lists the hosting locations in display order.
var Hostings = []string{HostingEU, HostingUSA, HostingOther, HostingUnknown}

// Tristate answers for a processor agreement.
const (
	AgreementYes     = "yes"
	AgreementNo      = "no"
	AgreementUnknown = "unknown"
)

// Agreements lists the processor-agreement states in display order.
var Agreements = []string{AgreementYes, AgreementNo, AgreementUnknown}

// System is one IT system in a company's inventory.
type System struct {
	ID                 int64
	CompanyID          int64
	Kind               string // one of checklists.SystemKinds
	Product            string // one of checklists.Products
	Name               string // free name, used for "custom" and as a label
	Vendor             string
	Partner            string // implementation partner
	Hosting            string // one of Hostings
	ProcessorAgreement string // one of Agreements
}

// Status is where an assessment is in its life.
type Status string

const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
	InReview  Status = "in_review"
	Approved  Status = "approved"
	Returned  Status = "returned"
)

// Assessment is one round of answering the checklists for a company.
type Assessment struct {
	ID        int64
	UID       string // stable across exchange files
	CompanyID int64
	Title     string
	Assessor  string
	// Participants are the people who took part in a workshop on the assessment, as typed.
	Participants string
	Status       Status
	Profile      []string         // the profile conditions that hold
	Checklists   []checklists.Ref // pinned checklist versions
	PreviousID   int64            // the round this one was started from; 0 for none
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Value is an answer to a question.
type Value string

const (
	Yes     Value = "yes"
	Partly  Value = "partly"
	No      Value = "no"
	NA      Value = "na"
	Unknown Value = "unknown" // don't know; counts as a gap
)

// Values lists the answer scale in the order the UI offers it (keys 1–5).
var Values = []Value{Yes, Partly, No, NA, Unknown}

// ParseValue accepts one of Values.
func ParseValue(s string) (Value, bool) {
	for _, v := range Values {
		if string(v) == s {
			return v, true
		}
	}
	return "", false
}

// ActionStatus is how far the remediation of a gap has come.
type ActionStatus string

const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
)

// Answer is the answer to one question in one assessment, with what the action plan needs.
type Answer struct {
	AssessmentID int64
	QuestionID   string
	Value        Value
	Note         string
	Evidence     string
	Owner        string
	Due          string // YYYY-MM-DD or empty
	ActionStatus ActionStatus
	Reconfirm    bool   // carried over from an earlier round, or reworded since; not yet confirmed
	QuestionHash string // the question's Fingerprint when it was answered
	UpdatedAt    time.Time
	UpdatedBy    string
}

// Overdue reports whether an action's due date has passed on the day of now (in now's time
// zone) while the action is not done. A due date is the last day, so it is overdue the day after.
func (a Answer) Overdue(now time.Time) bool {
	if a.ActionStatus == ActionDone || a.Due == "" {
		return false
	}
	due, err := time.Parse(time.DateOnly, a.Due)
	if err != nil {
		return false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return today.After(due)
}

// Comment is a reviewer's remark, on a question or (QuestionID empty) on the whole.
type Comment struct {
	ID           int64
	AssessmentID int64
	QuestionID   string
	Author       string
	Body         string
	CreatedAt    time.Time
}

// SignOff is a reviewer's decision on a submitted assessment.
type SignOff struct {
	ID           int64
	AssessmentID int64
	Reviewer     string
	Organisation string
	Decision     Status // Approved or Returned
	Statement    string
	SignedAt     time.Time
}

// StatusChange is one step in an assessment's life, kept so that e.g. reopening an approved
// assessment stays on record with its reason.
type StatusChange struct {
	ID           int64
	AssessmentID int64
	From, To     Status
	By           string
	At           time.Time
	Note         string // the reason for a reopening, a sign-off's statement
}

// Snapshot is everything held about one assessment: what a report, an exchange file and the
// results screen are made from.
type Snapshot struct {
	Company    Company
	Systems    []System
	Assessment Assessment
	Answers    map[string]Answer // by question ID
	Comments   []Comment
	SignOffs   []SignOff
	Responses  map[string]Response // the partner's responses, by question ID
	Conflicts  []Conflict          // unresolved merge conflicts, by question ID
	// The company's data map: processing activities per system, and per system ID what is
	// known of the vendor as processor.
	Activities  []Activity
	Supervision map[int64]Supervision
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// The review group: what the implementation partner does with an imported assessment
// (respond to its tasks, comment, sign off) and the company's view of the answers.
func init() {
	register(map[string]command{
		"respond": cmdRespond, "comment": cmdComment, "signoff": cmdSignOff, "tasks": cmdTasks,
	})
}

func cmdRespond(ctx context.Context, e *env, args []string) error {
	fs := e.flags("respond")
	id, qid, db := assessmentFlag(fs), fs.String("question", "", ""), dbFlag(fs)
	decision, hours, planned := fs.String("decision", "", ""), fs.String("hours", "", ""), fs.String("planned", "", "")
	comment, by := fs.String("comment", "", ""), fs.String("by", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("question", *qid), required("decision", *decision),
		required("by", *by)); err != nil {
		return firstUsage(err)
	}
	aid, err := parseID(*id)
	if err != nil {
		return err
	}
	d, ok := assessment.ParseDecision(*decision)
	if !ok {
		return usageError{i18n.NewError("response.decision_invalid", i18n.Args{"Decision": *decision}, nil)}
	}
	r := assessment.Response{AssessmentID: aid, QuestionID: *qid, Decision: d, Planned: *planned, Comment: *comment, By: *by}
	if *hours != "" {
		// A Danish user writes 12,5; both marks are read as the decimal point.
		h, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(*hours), ",", ".", 1), 64)
		if err != nil {
			return usageError{i18n.NewError("response.hours_invalid", i18n.Args{"Hours": *hours}, err)}
		}
		r.Hours = h
	}
	if err := assessment.ValidateResponse(&r); err != nil {
		return usageError{err} // a bad value on the command line: wrong usage
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	return store.SaveResponse(ctx, set, &r)
}

func cmdComment(ctx context.Context, e *env, args []string) error {
	fs := e.flags("comment")
	id, qid, db := assessmentFlag(fs), fs.String("question", "", ""), dbFlag(fs)
	author, org, text := fs.String("author", "", ""), fs.String("organisation", "", ""), fs.String("text", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("author", *author), required("text", *text)); err != nil {
		return firstUsage(err)
	}
	aid, err := parseID(*id)
	if err != nil {
		return err
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	if *qid != "" {
		if _, _, ok := set.Question(*qid); !ok {
			return i18n.NewError("answer.unknown_question", i18n.Args{"Question": *qid}, nil)
		}
	}
	return store.AddComment(ctx, &assessment.Comment{AssessmentID: aid, QuestionID: *qid,
		Author: assessment.CommentAuthor(*author, *org), Body: *text})
}

func cmdSignOff(ctx context.Context, e *env, args []string) error {
	fs := e.flags("signoff")
	id, db := assessmentFlag(fs), dbFlag(fs)
	decision, reviewer, org := fs.String("decision", "", ""), fs.String("reviewer", "", ""), fs.String("organisation", "", "")
	statement := fs.String("statement", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("decision", *decision), required("reviewer", *reviewer),
		required("organisation", *org)); err != nil {
		return firstUsage(err)
	}
	aid, err := parseID(*id)
	if err != nil {
		return err
	}
	d := assessment.Status(*decision)
	if d != assessment.Approved && d != assessment.Returned {
		return usageError{i18n.NewError("review.decision_invalid", i18n.Args{"Decision": *decision}, nil)}
	}
	store, _, _, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	return store.SignOffReceived(ctx, &assessment.SignOff{AssessmentID: aid, Reviewer: *reviewer, Organisation: *org,
		Decision: d, Statement: *statement})
}

// listedTask is one partner task in `tasks --json`.
type listedTask struct {
	Question      string          `json:"question"`
	Checklist     string          `json:"checklist"`
	Severity      string          `json:"severity"`
	Answer        string          `json:"answer"`
	PartnerAction string          `json:"partner_action"`
	Response      *listedResponse `json:"response"` // null when not answered yet
}

type listedResponse struct {
	Decision string    `json:"decision"`
	Hours    float64   `json:"hours"`
	Planned  string    `json:"planned"`
	Comment  string    `json:"comment"`
	By       string    `json:"by"`
	At       time.Time `json:"at"`
}

type listedSystem struct {
	Kind    string `json:"kind"`
	Product string `json:"product"`
	Name    string `json:"name"`
	Partner string `json:"partner"`
}

type listedGroup struct {
	System *listedSystem `json:"system"` // null: not tied to a particular system
	Hours  float64       `json:"hours"`
	Tasks  []listedTask  `json:"tasks"`
}

func cmdTasks(ctx context.Context, e *env, args []string) error {
	fs := e.flags("tasks")
	id, asJSON, db := assessmentFlag(fs), fs.Bool("json", false, ""), dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := required("assessment", *id); err != nil {
		return err
	}
	store, set, snap, err := e.openSnapshot(ctx, *db, *id)
	if err != nil {
		return err
	}
	defer store.Close()
	lang := e.loc.Lang()
	out := []listedGroup{}
	for _, g := range assessment.PartnerTasks(set, snap) {
		lg := listedGroup{Hours: g.Hours, Tasks: []listedTask{}}
		if s := g.System; s != nil {
			lg.System = &listedSystem{Kind: s.Kind, Product: s.Product, Name: s.Name, Partner: s.Partner}
		}
		for _, t := range g.Tasks {
			lt := listedTask{Question: t.Gap.Question.ID, Checklist: t.Gap.Checklist.ID, Severity: t.Gap.Severity.String(),
				Answer: string(t.Gap.Answer.Value), PartnerAction: t.Gap.Question.PartnerAction.In(lang)}
			if r := t.Response; r != nil {
				lt.Response = &listedResponse{Decision: string(r.Decision), Hours: r.Hours, Planned: r.Planned,
					Comment: r.Comment, By: r.By, At: r.At}
			}
			lg.Tasks = append(lg.Tasks, lt)
		}
		out = append(out, lg)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, e.loc.T("cli.tasks_none"))
		return nil
	}
	for i, g := range out {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		title := e.loc.T("report.partner_general")
		if s := g.System; s != nil {
			name := s.Name
			if name == "" {
				name = e.loc.T("product." + s.Product)
			}
			partner := s.Partner
			if partner == "" {
				partner = "–"
			}
			title = e.loc.T("report.partner_system", i18n.Args{"Kind": e.loc.T("system.kind." + s.Kind), "Name": name, "Partner": partner})
		}
		fmt.Fprintln(e.stdout, title)
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, e.loc.T("cli.tasks_header"))
		for _, t := range g.Tasks {
			decision, hours, planned, by := "–", "", "", ""
			if r := t.Response; r != nil {
				decision, by = e.loc.T("decision."+r.Decision), r.By
				if r.Hours > 0 {
					hours = assessment.HoursText(e.loc, r.Hours)
				}
				if d, err := time.Parse(time.DateOnly, r.Planned); err == nil {
					planned = e.loc.ShortDate(d)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.Question, e.loc.T("severity."+t.Severity), decision, hours, planned, by)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.loc.T("cli.tasks_hours", i18n.Args{"Hours": assessment.HoursText(e.loc, g.Hours)}))
	}
	return nil
}

// printMerge writes what a merge added: the assessment's ID, then one line.
func printMerge(e *env, res assessment.MergeResult) {
	fmt.Fprintln(e.stdout, res.AssessmentID)
	fmt.Fprintln(e.stdout, e.loc.T("cli.merge_result", i18n.Args{
		"Comments":  e.loc.N("cli.merge_comments", res.Comments),
		"SignOffs":  e.loc.N("cli.merge_signoffs", res.SignOffs),
		"Responses": e.loc.N("cli.merge_responses", res.Responses),
		"Conflicts": e.loc.N("cli.merge_conflicts", len(res.Conflicts)),
	}))
}

package assessment

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The exchange file: what a company sends its implementation partner and gets back.
// docs/exchange-format.md documents it; bump ExchangeVersion on any incompatible change.
const (
	ExchangeFormat  = "gdprtjek-exchange"
	ExchangeVersion = 1
	digestPrefix    = "sha256:"
)

type exchangeFile struct {
	Format        string          `json:"format"`
	SchemaVersion int             `json:"schema_version"`
	Digest        string          `json:"digest"`
	Content       json.RawMessage `json:"content"`
}

type exchangeContent struct {
	Company    exCompany        `json:"company"`
	Systems    []exSystem       `json:"systems"`
	Assessment exAssessment     `json:"assessment"`
	Checklists []checklists.Ref `json:"checklists"`
	Answers    []exAnswer       `json:"answers"`
	Comments   []exComment      `json:"comments"`
	SignOffs   []exSignOff      `json:"signoffs"`
}

type exCompany struct {
	Name     string `json:"name"`
	CVR      string `json:"cvr"`
	Address  string `json:"address"`
	Contact  string `json:"contact"`
	SizeBand string `json:"size_band"`
	Industry string `json:"industry"`
	// Partner is new in version 2; omitted when empty, so a version-1 file re-encodes the same.
	Partner string `json:"partner,omitempty"`
}

type exSystem struct {
	Kind               string `json:"kind"`
	Product            string `json:"product"`
	Name               string `json:"name"`
	Vendor             string `json:"vendor"`
	Partner            string `json:"partner"`
	Hosting            string `json:"hosting"`
	ProcessorAgreement string `json:"processor_agreement"`
}

type exAssessment struct {
	UID      string `json:"uid"`
	Title    string `json:"title"`
	Assessor string `json:"assessor"`
	// Omitted when empty, so that files without a workshop stay readable by earlier versions.
	Participants string    `json:"participants,omitempty"`
	Status       Status    `json:"status"`
	Profile      []string  `json:"profile"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

type exAnswer struct {
	Question     string       `json:"question"`
	Value        Value        `json:"value"`
	Note         string       `json:"note"`
	Evidence     string       `json:"evidence"`
	Owner        string       `json:"owner"`
	Due          string       `json:"due"`
	ActionStatus ActionStatus `json:"action_status"`
	Reconfirm    bool         `json:"reconfirm"`
	UpdatedAt    time.Time    `json:"updated_at"`
	UpdatedBy    string       `json:"updated_by"`
	QuestionHash string       `json:"question_hash,omitempty"` // omitted when unknown, as in older files
}

type exComment struct {
	Question  string    `json:"question"`
	Author    string    `json:"author"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

type exSignOff struct {
	Reviewer     string    `json:"reviewer"`
	Organisation string    `json:"organisation"`
	Decision     Status    `json:"decision"`
	Statement    string    `json:"statement"`
	SignedAt     time.Time `json:"signed_at"`
}

// MarshalExchange turns a snapshot into an exchange file.
func MarshalExchange(snap *Snapshot) ([]byte, error) {
	c := exchangeContent{
		Company: exCompany{Name: snap.Company.Name, CVR: snap.Company.CVR, Address: snap.Company.Address,
			Contact: snap.Company.Contact, SizeBand: snap.Company.SizeBand, Industry: snap.Company.Industry,
			Partner: snap.Company.Partner},
		Systems: []exSystem{}, Answers: []exAnswer{}, Comments: []exComment{}, SignOffs: []exSignOff{},
		Assessment: exAssessment{UID: snap.Assessment.UID, Title: snap.Assessment.Title, Assessor: snap.Assessment.Assessor,
			Participants: snap.Assessment.Participants,
			Status:       snap.Assessment.Status, Profile: nonNil(snap.Assessment.Profile),
			CreatedAt: snap.Assessment.CreatedAt, UpdatedAt: snap.Assessment.UpdatedAt},
		Checklists: nonNil(snap.Assessment.Checklists),
	}
	for _, s := range snap.Systems {
		c.Systems = append(c.Systems, exSystem{Kind: s.Kind, Product: s.Product, Name: s.Name, Vendor: s.Vendor,
			Partner: s.Partner, Hosting: s.Hosting, ProcessorAgreement: s.ProcessorAgreement})
	}
	for _, a := range snap.Answers {
		c.Answers = append(c.Answers, exAnswer{Question: a.QuestionID, Value: a.Value, Note: a.Note, Evidence: a.Evidence,
			Owner: a.Owner, Due: a.Due, ActionStatus: a.ActionStatus, Reconfirm: a.Reconfirm, UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedBy,
			QuestionHash: a.QuestionHash})
	}
	slices.SortFunc(c.Answers, func(a, b exAnswer) int { return strings.Compare(a.Question, b.Question) })
	for _, cm := range snap.Comments {
		c.Comments = append(c.Comments, exComment{Question: cm.QuestionID, Author: cm.Author, Body: cm.Body, CreatedAt: cm.CreatedAt})
	}
	for _, so := range snap.SignOffs {
		c.SignOffs = append(c.SignOffs, exSignOff{Reviewer: so.Reviewer, Organisation: so.Organisation, Decision: so.Decision,
			Statement: so.Statement, SignedAt: so.SignedAt})
	}
	canonical, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode exchange content: %w", err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, canonical, "  ", "  "); err != nil {
		return nil, fmt.Errorf("indent exchange content: %w", err)
	}
	out, err := json.MarshalIndent(exchangeFile{Format: ExchangeFormat, SchemaVersion: ExchangeVersion,
		Digest: digest(canonical), Content: pretty.Bytes()}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode exchange file: %w", err)
	}
	return append(out, '\n'), nil
}

func digest(canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return digestPrefix + hex.EncodeToString(sum[:])
}

// maxExchangeSize bounds what import reads; a 10,000-answer file with long notes is a few MB.
const maxExchangeSize = 256 << 20

// parseExchange checks format, version and digest, then decodes the content strictly.
func parseExchange(data []byte) (*exchangeContent, error) {
	if len(data) > maxExchangeSize {
		return nil, i18n.NewError("exchange.too_large", nil, nil)
	}
	if IsEncryptedExchange(data) {
		return nil, i18n.NewError("exchange.passphrase_required", nil, nil)
	}
	var f exchangeFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, i18n.NewError("exchange.damaged", nil, err)
	}
	if f.Format != ExchangeFormat {
		return nil, i18n.NewError("exchange.not_exchange", nil, nil)
	}
	if f.SchemaVersion != ExchangeVersion {
		return nil, i18n.NewError("exchange.version_unsupported", i18n.Args{"Version": f.SchemaVersion, "Supported": ExchangeVersion}, nil)
	}
	dec := json.NewDecoder(bytes.NewReader(f.Content))
	dec.DisallowUnknownFields()
	var c exchangeContent
	if err := dec.Decode(&c); err != nil {
		return nil, i18n.NewError("exchange.damaged", nil, err)
	}
	canonical, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode exchange content: %w", err)
	}
	// Compare the digest of the re-encoded content: layout may change in transit, content not.
	if digest(canonical) != f.Digest {
		return nil, i18n.NewError("exchange.digest_mismatch", nil, nil)
	}
	return &c, nil
}

// ImportExchange imports an exchange file in one transaction and returns the assessment's ID.
// An assessment with the same UID is replaced only when replace is true. The company is the
// one that already holds the assessment, else the one with the same CVR number, else new.
func (s *Store) ImportExchange(ctx context.Context, set *checklists.Set, data []byte, replace bool) (int64, error) {
	c, err := parseExchange(data)
	if err != nil {
		return 0, err
	}
	company := Company{Name: c.Company.Name, CVR: c.Company.CVR, Address: c.Company.Address, Contact: c.Company.Contact,
		SizeBand: c.Company.SizeBand, Industry: c.Company.Industry, Partner: c.Company.Partner}
	if err := company.Validate(); err != nil {
		return 0, err
	}
	systems := make([]System, 0, len(c.Systems))
	for _, x := range c.Systems {
		sys := System{Kind: x.Kind, Product: x.Product, Name: x.Name, Vendor: x.Vendor, Partner: x.Partner,
			Hosting: x.Hosting, ProcessorAgreement: x.ProcessorAgreement}
		if err := sys.Validate(); err != nil {
			return 0, err
		}
		systems = append(systems, sys)
	}
	for _, a := range c.Answers {
		if _, _, ok := set.Question(a.Question); !ok {
			return 0, i18n.NewError("answer.unknown_question", i18n.Args{"Question": a.Question}, nil)
		}
		if _, ok := ParseValue(string(a.Value)); !ok {
			return 0, i18n.NewError("answer.value_invalid", i18n.Args{"Value": string(a.Value)}, nil)
		}
		if a.Due != "" {
			if _, err := time.Parse(time.DateOnly, a.Due); err != nil {
				return 0, i18n.NewError("answer.due_invalid", i18n.Args{"Due": a.Due}, err)
			}
		}
	}
	for _, p := range c.Assessment.Profile {
		if !slices.Contains(checklists.ProfileConditions, p) {
			return 0, i18n.NewError("assessment.profile_invalid", i18n.Args{"Condition": p}, nil)
		}
	}
	if strings.TrimSpace(c.Assessment.UID) == "" || strings.TrimSpace(c.Assessment.Title) == "" {
		return 0, i18n.NewError("exchange.damaged", nil, errors.New("assessment without uid or title"))
	}
	var assessmentID int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var existingID, companyID int64
		err := tx.QueryRowContext(ctx, `SELECT id, company_id FROM assessments WHERE uid = ?`, c.Assessment.UID).Scan(&existingID, &companyID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("look up assessment: %w", err)
		case !replace:
			return i18n.NewError("exchange.exists", i18n.Args{"Title": c.Assessment.Title, "ID": existingID}, nil)
		default:
			if _, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = ?`, existingID); err != nil {
				return fmt.Errorf("remove replaced assessment: %w", err)
			}
		}
		now := s.Now()
		if companyID == 0 && company.CVR != "" {
			err := tx.QueryRowContext(ctx, `SELECT id FROM companies WHERE cvr = ? ORDER BY id LIMIT 1`, company.CVR).Scan(&companyID)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("look up company: %w", err)
			}
		}
		if companyID == 0 {
			if err := insertCompany(ctx, tx, &company, now); err != nil {
				return err
			}
			companyID = company.ID
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE companies SET name = ?, cvr = ?, address = ?, contact = ?, size_band = ?,
				industry = ?, partner = ?, updated_at = ? WHERE id = ?`, company.Name, company.CVR, company.Address, company.Contact,
				company.SizeBand, company.Industry, company.Partner, formatTime(now), companyID); err != nil {
				return fmt.Errorf("update company: %w", err)
			}
			// The file's inventory is the company's as its sender knows it.
			if _, err := tx.ExecContext(ctx, `DELETE FROM systems WHERE company_id = ?`, companyID); err != nil {
				return fmt.Errorf("replace systems: %w", err)
			}
		}
		for _, sys := range systems {
			sys.CompanyID = companyID
			if err := insertSystem(ctx, tx, &sys); err != nil {
				return err
			}
		}
		a := Assessment{UID: c.Assessment.UID, CompanyID: companyID, Title: c.Assessment.Title, Assessor: c.Assessment.Assessor,
			Participants: c.Assessment.Participants,
			Status:       c.Assessment.Status, Profile: c.Assessment.Profile, Checklists: c.Checklists,
			CreatedAt: c.Assessment.CreatedAt, UpdatedAt: c.Assessment.UpdatedAt}
		if assessmentID, err = insertAssessment(ctx, tx, &a); err != nil {
			return err
		}
		for _, x := range c.Answers {
			ans := Answer{AssessmentID: assessmentID, QuestionID: x.Question, Value: x.Value, Note: x.Note, Evidence: x.Evidence,
				Owner: x.Owner, Due: x.Due, ActionStatus: ActionStatus(defaultTo(string(x.ActionStatus), string(ActionOpen))),
				Reconfirm: x.Reconfirm, UpdatedAt: x.UpdatedAt, UpdatedBy: x.UpdatedBy, QuestionHash: x.QuestionHash}
			if err := upsertAnswer(ctx, tx, &ans); err != nil {
				return err
			}
		}
		for _, cm := range c.Comments {
			if _, err := tx.ExecContext(ctx, `INSERT INTO comments (assessment_id, question_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)`,
				assessmentID, cm.Question, cm.Author, cm.Body, formatTime(cm.CreatedAt)); err != nil {
				return fmt.Errorf("insert comment: %w", err)
			}
		}
		for _, so := range c.SignOffs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO signoffs (assessment_id, reviewer, organisation, decision, statement, signed_at)
				VALUES (?, ?, ?, ?, ?, ?)`, assessmentID, so.Reviewer, so.Organisation, string(so.Decision), so.Statement, formatTime(so.SignedAt)); err != nil {
				return fmt.Errorf("insert sign-off: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		// A CHECK constraint the validation above did not foresee still means a bad file.
		var ie *i18n.Error
		if !errors.As(err, &ie) && strings.Contains(err.Error(), "constraint failed") {
			return 0, i18n.NewError("exchange.damaged", nil, err)
		}
		return 0, err
	}
	return assessmentID, nil
}

func defaultTo(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

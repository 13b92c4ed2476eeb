package assessment

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// The exchange file: what a company sends its implementation partner and gets back.
// docs/exchange-format.md documents it; bump ExchangeVersion on any incompatible change.
// Version 2 added the partner's responses; a version-1 file is still read (it is a version-2
// file without them).
const (
	ExchangeFormat  = "gdprtjek-exchange"
	ExchangeVersion = 2
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
	// Version 2. Omitted when empty, so that a version-1 file re-encodes to the same bytes and
	// its digest still verifies.
	Responses []exResponse `json:"responses,omitempty"`
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
	// The data map (exchange_datamap.go), left out when empty: new in version 2.
	Activities  []exActivity   `json:"activities,omitempty"`
	Supervision *exSupervision `json:"supervision,omitempty"`
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

// exResponse is a partner's response to one partner task (version 2).
type exResponse struct {
	Question string    `json:"question"`
	Decision Decision  `json:"decision"`
	Hours    float64   `json:"hours"`
	Planned  string    `json:"planned"`
	Comment  string    `json:"comment"`
	By       string    `json:"by"`
	At       time.Time `json:"at"`
}

func (x exResponse) response(assessmentID int64) Response {
	return Response{AssessmentID: assessmentID, QuestionID: x.Question, Decision: x.Decision, Hours: x.Hours,
		Planned: x.Planned, Comment: x.Comment, By: x.By, At: x.At.UTC()}
}

func (x exAnswer) answer(assessmentID int64) Answer {
	return Answer{AssessmentID: assessmentID, QuestionID: x.Question, Value: x.Value, Note: x.Note, Evidence: x.Evidence,
		Owner: x.Owner, Due: x.Due, ActionStatus: ActionStatus(defaultTo(string(x.ActionStatus), string(ActionOpen))),
		Reconfirm: x.Reconfirm, UpdatedAt: x.UpdatedAt, UpdatedBy: x.UpdatedBy, QuestionHash: x.QuestionHash}
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
		x := exSystem{Kind: s.Kind, Product: s.Product, Name: s.Name, Vendor: s.Vendor,
			Partner: s.Partner, Hosting: s.Hosting, ProcessorAgreement: s.ProcessorAgreement}
		exDataMap(&x, s.ID, snap.Activities, snap.Supervision)
		c.Systems = append(c.Systems, x)
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
	for _, r := range snap.Responses {
		c.Responses = append(c.Responses, exResponse{Question: r.QuestionID, Decision: r.Decision, Hours: r.Hours,
			Planned: r.Planned, Comment: r.Comment, By: r.By, At: r.At})
	}
	slices.SortFunc(c.Responses, func(a, b exResponse) int { return strings.Compare(a.Question, b.Question) })
	canonical, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode exchange content: %w", err)
	}
	// Text that is not valid UTF-8 (a store written by another program can hold it) comes out
	// of json.Marshal as "\ufffd", which the importer decodes and re-encodes as the character
	// itself. Rarely needed, so only then: digest what the importer will see.
	if bytes.Contains(canonical, []byte(`\ufffd`)) {
		var seen exchangeContent
		if err := json.Unmarshal(canonical, &seen); err != nil {
			return nil, fmt.Errorf("re-read exchange content: %w", err)
		}
		if canonical, err = json.Marshal(seen); err != nil {
			return nil, fmt.Errorf("encode exchange content: %w", err)
		}
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

// parseExchange checks format, version and digest, then decodes the content strictly.
func parseExchange(data []byte) (*exchangeContent, error) {
	if len(data) > MaxExchangeFileSize {
		return nil, exchangeTooLarge()
	}
	if IsEncryptedExchange(data) {
		return nil, i18n.NewError("exchange.passphrase_required", nil, nil)
	}
	var f exchangeHeader
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, i18n.NewError("exchange.damaged", nil, err)
	}
	if f.Format == CompanyDataFormat {
		// The other file the app writes; say what it is rather than "not an exchange file".
		return nil, i18n.NewError("exchange.company_export", nil, nil)
	}
	if f.Format != ExchangeFormat {
		return nil, i18n.NewError("exchange.not_exchange", nil, nil)
	}
	if f.SchemaVersion < 1 || f.SchemaVersion > ExchangeVersion {
		return nil, i18n.NewError("exchange.version_unsupported", i18n.Args{"Version": f.SchemaVersion, "Supported": ExchangeVersion}, nil)
	}
	// Decoded strictly (a field this version does not know makes the file damaged) and one
	// list element at a time, so that the content is never copied whole.
	var c exchangeContent
	if err := decodeContent(f.Content, &c); err != nil {
		return nil, i18n.NewError("exchange.damaged", nil, err)
	}
	sum, err := contentDigest(&c)
	if err != nil {
		return nil, fmt.Errorf("encode exchange content: %w", err)
	}
	// Compare the digest of the re-encoded content: layout may change in transit, content not.
	if sum != f.Digest {
		return nil, i18n.NewError("exchange.digest_mismatch", nil, nil)
	}
	return &c, nil
}

// decodeContent decodes content into c as a json.Decoder with DisallowUnknownFields decodes
// it whole (a fuzz test holds it to that), but each top-level field, and each element of a
// top-level list, on its own: the decoder's buffer then holds one answer or comment at a time,
// not a copy of the whole content. It follows the fields' json tags, so fields added to
// exchangeContent need no change here.
func decodeContent(data []byte, c *exchangeContent) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	tok, err := dec.Token()
	switch {
	case err != nil:
		return err
	case tok == nil: // null: nothing, as encoding/json decodes it
		if _, err := dec.Token(); err != io.EOF {
			return errors.New("data after the content")
		}
		return nil
	case tok != json.Delim('{'):
		return fmt.Errorf("the content is %v, not an object", tok)
	}
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	fields := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if !t.Field(i).IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = t.Field(i).Name
		}
		fields[foldKey(name)] = i
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		i, ok := fields[foldKey(key.(string))]
		if !ok {
			return fmt.Errorf("json: unknown field %q", key)
		}
		fv := v.Field(i)
		if fv.Kind() != reflect.Slice || fv.Type().Elem().Kind() == reflect.Uint8 {
			if err := dec.Decode(fv.Addr().Interface()); err != nil {
				return err
			}
			continue
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if tok == nil { // null
			fv.Set(reflect.Zero(fv.Type()))
			continue
		}
		if tok != json.Delim('[') {
			return fmt.Errorf("json: %s is %v, not a list", key, tok)
		}
		// Into the slice as encoding/json fills one: a key given twice reuses its elements.
		n := 0
		for ; dec.More(); n++ {
			if n >= fv.Cap() {
				fv.Grow(1)
			}
			if n >= fv.Len() {
				fv.SetLen(n + 1)
			}
			if err := dec.Decode(fv.Index(n).Addr().Interface()); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return err
		}
		if n < fv.Len() {
			fv.SetLen(n)
		}
		if n == 0 {
			fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the content")
	}
	return nil
}

// foldKey folds a key as encoding/json matches names (its foldName): ASCII letters to upper
// case, other letters to the upper case of their lower case; "CVR", "Cvr" and "cvr" are one.
func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			return r
		}
		return unicode.ToUpper(unicode.ToLower(r))
	}, s)
}

// exchangeHeader is an exchange file as parseExchange reads it: the content stays a slice of
// the file's bytes (contentSpan), so that a large file is not held twice.
type exchangeHeader struct {
	Format        string      `json:"format"`
	SchemaVersion int         `json:"schema_version"`
	Digest        string      `json:"digest"`
	Content       contentSpan `json:"content"`
}

// contentSpan keeps the raw JSON of a value without copying it. json.Unmarshal passes a
// slice of its input, which parseExchange's caller does not change while it runs; unlike
// json.RawMessage, which copies.
type contentSpan []byte

func (c *contentSpan) UnmarshalJSON(b []byte) error {
	*c = b
	return nil
}

// contentDigest is digest(json.Marshal(c)) computed without building the encoding whole:
// writeCanonical feeds the hash one field and one list element at a time.
func contentDigest(c *exchangeContent) (string, error) {
	h := sha256.New()
	if err := writeCanonical(h, c); err != nil {
		return "", err
	}
	return digestPrefix + hex.EncodeToString(h.Sum(nil)), nil
}

// writeCanonical writes exactly what json.Marshal(c) writes (a test holds it to that), but
// encodes each top-level field, and each element of a top-level list, on its own, so that the
// memory it takes is that of the largest answer or comment, not of the whole content. It
// follows the fields' json tags, so fields added to exchangeContent need no change here.
func writeCanonical(w io.Writer, c *exchangeContent) error {
	bw := bufio.NewWriter(w)
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	bw.WriteByte('{')
	first := true
	for i := 0; i < t.NumField(); i++ {
		field := t.Field(i)
		name, opts, _ := strings.Cut(field.Tag.Get("json"), ",")
		if !field.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = field.Name
		}
		fv := v.Field(i)
		if omitted(fv, opts) {
			continue
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		bw.Write(key)
		bw.WriteByte(':')
		if fv.Kind() == reflect.Slice && !fv.IsNil() && fv.Type().Elem().Kind() != reflect.Uint8 {
			bw.WriteByte('[')
			for j := 0; j < fv.Len(); j++ {
				if j > 0 {
					bw.WriteByte(',')
				}
				if err := marshalTo(bw, fv.Index(j)); err != nil {
					return err
				}
			}
			bw.WriteByte(']')
			continue
		}
		if err := marshalTo(bw, fv); err != nil {
			return err
		}
	}
	bw.WriteByte('}')
	return bw.Flush()
}

func marshalTo(w io.Writer, v reflect.Value) error {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// omitted applies encoding/json's omitempty and omitzero rules to a field.
func omitted(v reflect.Value, opts string) bool {
	for _, o := range strings.Split(opts, ",") {
		switch o {
		case "omitzero":
			if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
				if z.IsZero() {
					return true
				}
			} else if v.IsZero() {
				return true
			}
		case "omitempty":
			switch v.Kind() {
			case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
				if v.Len() == 0 {
					return true
				}
			case reflect.Bool:
				if !v.Bool() {
					return true
				}
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				if v.Int() == 0 {
					return true
				}
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				if v.Uint() == 0 {
					return true
				}
			case reflect.Float32, reflect.Float64:
				if v.Float() == 0 {
					return true
				}
			case reflect.Interface, reflect.Pointer:
				if v.IsNil() {
					return true
				}
			}
		}
	}
	return false
}

// ImportExchange imports an exchange file in one transaction and returns the assessment's ID.
// An assessment with the same UID is replaced only when replace is true. The company is the
// one that already holds the assessment, else the one with the same CVR number, else new.
func (s *Store) ImportExchange(ctx context.Context, set *checklists.Set, data []byte, replace bool) (int64, error) {
	c, err := parseExchange(data)
	if err != nil {
		return 0, err
	}
	if err := validateContent(set, c); err != nil {
		return 0, err
	}
	company := Company{Name: c.Company.Name, CVR: c.Company.CVR, Address: c.Company.Address, Contact: c.Company.Contact,
		SizeBand: c.Company.SizeBand, Industry: c.Company.Industry, Partner: c.Company.Partner}
	systems := make([]System, 0, len(c.Systems))
	maps := make([]importedDataMap, 0, len(c.Systems))
	for _, x := range c.Systems {
		mp, err := validateExDataMap(x)
		if err != nil {
			return 0, err
		}
		systems = append(systems, System{Kind: x.Kind, Product: x.Product, Name: x.Name, Vendor: x.Vendor, Partner: x.Partner,
			Hosting: x.Hosting, ProcessorAgreement: x.ProcessorAgreement})
		maps = append(maps, mp)
	}
	// A file refused as already there takes no backup (it would push a useful one out).
	var existing int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM assessments WHERE uid = ?`, c.Assessment.UID).Scan(&existing); err == nil && !replace {
		return 0, i18n.NewError("exchange.exists", i18n.Args{"Title": c.Assessment.Title, "ID": existing}, nil)
	}
	if err := s.BeforeChange(ctx); err != nil {
		return 0, err
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
		for i, sys := range systems {
			sys.CompanyID = companyID
			if err := insertSystem(ctx, tx, &sys); err != nil {
				return err
			}
			if err := maps[i].insert(ctx, tx, sys.ID); err != nil {
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
			ans := x.answer(assessmentID)
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
		for _, x := range c.Responses {
			r := x.response(assessmentID)
			if err := upsertResponse(ctx, tx, &r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, damagedIfConstraint(err)
	}
	return assessmentID, nil
}

func exchangeTooLarge() error {
	return i18n.NewError("exchange.too_large", i18n.Args{"Limit": FormatSize(MaxExchangeFileSize)}, nil)
}

// damagedIfConstraint reports a CHECK constraint that validation did not foresee as what it
// means: a bad file.
func damagedIfConstraint(err error) error {
	var ie *i18n.Error
	if !errors.As(err, &ie) && strings.Contains(err.Error(), "constraint failed") {
		return i18n.NewError("exchange.damaged", nil, err)
	}
	return err
}

func defaultTo(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

package assessment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gdprtjek/i18n"
)

// ValidCVR reports whether s is a Danish CVR number: 8 digits, the first not 0, whose
// digits weighted 2,7,6,5,4,3,2,1 sum to a multiple of 11.
func ValidCVR(s string) bool {
	if len(s) != 8 || s[0] == '0' {
		return false
	}
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := 0; i < 8; i++ {
		d := s[i]
		if d < '0' || d > '9' {
			return false
		}
		sum += int(d-'0') * weights[i]
	}
	return sum%11 == 0
}

// NormalizeCVR removes the spaces and a "DK" prefix people type around a CVR number.
func NormalizeCVR(s string) string {
	// Rune by rune, so that a non-breaking space pasted from a web page goes too, and invalid
	// UTF-8 becomes U+FFFD once (joining fields could splice two stray bytes into a space).
	s = strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
	for strings.HasPrefix(s, "DK") { // so that normalising twice changes nothing
		s = s[len("DK"):]
	}
	return s
}

// MaxNameLength is the longest company name kept, in characters: far above any real name,
// low enough that a paste by mistake cannot fill the report's cover and page headers.
const MaxNameLength = 200

// Validate checks a company before it is saved.
func (c *Company) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return i18n.NewError("company.name_required", nil, nil)
	}
	if n := utf8.RuneCountInString(c.Name); n > MaxNameLength {
		return i18n.NewError("company.name_too_long", i18n.Args{"Max": MaxNameLength, "Length": n}, nil)
	}
	if c.CVR != "" && !ValidCVR(c.CVR) {
		return i18n.NewError("company.cvr_invalid", i18n.Args{"CVR": c.CVR}, nil)
	}
	return nil
}

// CreateCompany saves a new company and sets its ID and timestamps.
func (s *Store) CreateCompany(ctx context.Context, c *Company) error {
	c.CVR = NormalizeCVR(c.CVR)
	if err := c.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return insertCompany(ctx, tx, c, s.Now())
	})
}

func insertCompany(ctx context.Context, tx *sql.Tx, c *Company, now time.Time) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO companies
		(name, cvr, address, contact, size_band, industry, partner, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, c.CVR, c.Address, c.Contact, c.SizeBand, c.Industry, c.Partner, formatTime(now), formatTime(now))
	if err != nil {
		return fmt.Errorf("insert company: %w", err)
	}
	c.ID, err = res.LastInsertId()
	c.CreatedAt, c.UpdatedAt = now, now
	return err
}

// UpdateCompany saves changes to a company's profile.
func (s *Store) UpdateCompany(ctx context.Context, c *Company) error {
	c.CVR = NormalizeCVR(c.CVR)
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE companies SET name = ?, cvr = ?, address = ?, contact = ?,
			size_band = ?, industry = ?, partner = ?, updated_at = ? WHERE id = ?`,
			c.Name, c.CVR, c.Address, c.Contact, c.SizeBand, c.Industry, c.Partner, formatTime(now), c.ID)
		if err != nil {
			return fmt.Errorf("update company: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("company.not_found", i18n.Args{"ID": c.ID}, nil)
		}
		c.UpdatedAt = now
		return nil
	})
}

const companyColumns = `id, name, cvr, address, contact, size_band, industry, partner, created_at, updated_at`

func scanCompany(row interface{ Scan(...any) error }) (Company, error) {
	var c Company
	var created, updated string
	err := row.Scan(&c.ID, &c.Name, &c.CVR, &c.Address, &c.Contact, &c.SizeBand, &c.Industry, &c.Partner, &created, &updated)
	c.CreatedAt, c.UpdatedAt = parseTime(created), parseTime(updated)
	return c, err
}

// CompaniesWithCVR returns the companies registered with a CVR number (normalised first),
// so that the app can warn before the same company is entered twice.
func (s *Store) CompaniesWithCVR(ctx context.Context, cvr string) ([]Company, error) {
	cvr = NormalizeCVR(cvr)
	if cvr == "" {
		return nil, nil
	}
	out, err := s.queryCompanies(ctx, `WHERE cvr = ? ORDER BY id`, cvr)
	if err != nil {
		return nil, fmt.Errorf("find company by CVR: %w", err)
	}
	return out, nil
}

// Company returns one company.
func (s *Store) Company(ctx context.Context, id int64) (Company, error) {
	c, err := scanCompany(s.db.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, i18n.NewError("company.not_found", i18n.Args{"ID": id}, err)
	}
	if err != nil {
		return c, fmt.Errorf("read company %d: %w", id, err)
	}
	return c, nil
}

// Companies returns every company, by name.
func (s *Store) Companies(ctx context.Context) ([]Company, error) {
	out, err := s.queryCompanies(ctx, `ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("list companies: %w", err)
	}
	return out, nil
}

// queryCompanies reads the companies that the rest of a query (after FROM companies) selects.
func (s *Store) queryCompanies(ctx context.Context, rest string, args ...any) ([]Company, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+companyColumns+` FROM companies `+rest, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Company
	for rows.Next() {
		c, err := scanCompany(rows)
		if err != nil {
			return nil, fmt.Errorf("read company: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteCompany removes a company and everything about it (systems, assessments, answers,
// comments, sign-offs), then vacuums so that the deleted data is gone from the file too, and
// removes it from the automatic backups in the same way.
func (s *Store) DeleteCompany(ctx context.Context, id int64) error {
	var createdAt string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT created_at FROM companies WHERE id = ?`, id).Scan(&createdAt)
		if errors.Is(err, sql.ErrNoRows) {
			return i18n.NewError("company.not_found", i18n.Args{"ID": id}, nil)
		}
		if err != nil {
			return fmt.Errorf("read company: %w", err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM companies WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete company: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("company.not_found", i18n.Args{"ID": id}, nil)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// secure_delete zeroes freed pages; VACUUM also drops them and rewrites the WAL's content.
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum after delete: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint after delete: %w", err)
	}
	return purgeCompanyFromBackups(ctx, s.path, id, createdAt)
}

package assessment

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gdprtjek/i18n"
)

// Branding is how a report carries the brand of the consultancy (or implementation partner)
// that made it, and the company's own logo.
type Branding struct {
	Consultancy string // name, in the footer
	Contact     string // contact line, in the footer
	Accent      string // "#rrggbb" for headings and charts; "" for the report's own colour
	Logo        []byte // the consultancy's or partner's logo, PNG or JPEG; nil for none
	CompanyLogo []byte // the company's own logo; nil for none
}

// Limits on a logo: a file larger than this, or a picture outside these dimensions, is not
// a logo (a photo, a scan, a one-pixel tracker).
const (
	MaxLogoBytes   = 2 << 20
	MinLogoPixels  = 16
	MaxLogoPixels  = 6000
	MaxLogoAspect  = 12.0 // width to height (or height to width)
	MaxBrandLength = 200  // consultancy name and contact line, in characters
	// MinAccentContrast is WCAG 2's contrast ratio for normal text against white: headings
	// in the accent colour must stay readable, printed or on screen.
	MinAccentContrast = 4.5
)

// CheckLogo checks that data is a PNG or JPEG picture of sensible size and returns its
// format ("png" or "jpeg") and pixel dimensions.
func CheckLogo(data []byte) (format string, width, height int, err error) {
	if len(data) > MaxLogoBytes {
		return "", 0, 0, i18n.NewError("branding.logo_too_large", i18n.Args{"Size": (len(data) + 1023) >> 10}, nil)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return "", 0, 0, i18n.NewError("branding.logo_not_image", nil, err)
	}
	w, h := cfg.Width, cfg.Height
	if w < MinLogoPixels || h < MinLogoPixels || w > MaxLogoPixels || h > MaxLogoPixels ||
		float64(w) > MaxLogoAspect*float64(h) || float64(h) > MaxLogoAspect*float64(w) {
		return "", 0, 0, i18n.NewError("branding.logo_bad_size", i18n.Args{"Width": w, "Height": h,
			"Min": MinLogoPixels, "Max": MaxLogoPixels, "Aspect": int(MaxLogoAspect)}, nil)
	}
	// The header says little about the rest: decode it all, so that a truncated file is
	// refused here rather than breaking a report later.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return "", 0, 0, i18n.NewError("branding.logo_not_image", nil, err)
	}
	return format, w, h, nil
}

// ParseAccent reads a colour written "#rrggbb" (or "rrggbb") and checks its contrast against
// white; it returns the colour normalised to "#rrggbb".
func ParseAccent(s string) (string, [3]uint8, error) {
	var c [3]uint8
	hex := strings.TrimPrefix(strings.TrimSpace(s), "#")
	v, err := strconv.ParseUint(hex, 16, 32)
	if len(hex) != 6 || err != nil {
		return "", c, i18n.NewError("branding.accent_invalid", i18n.Args{"Value": s}, err)
	}
	c = [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}
	if r := ContrastWithWhite(c); r < MinAccentContrast {
		return "", c, i18n.NewError("branding.accent_low_contrast", i18n.Args{"Value": "#" + strings.ToLower(hex)},
			fmt.Errorf("contrast %.2f:1", r))
	}
	return "#" + strings.ToLower(hex), c, nil
}

// ContrastWithWhite is WCAG 2's contrast ratio of an sRGB colour against white, 1 to 21.
func ContrastWithWhite(c [3]uint8) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
	return 1.05 / (l + 0.05)
}

// Validate checks branding before it is saved.
func (b *Branding) Validate() error {
	b.Consultancy, b.Contact = strings.TrimSpace(b.Consultancy), strings.TrimSpace(b.Contact)
	for _, v := range []string{b.Consultancy, b.Contact} {
		if n := utf8.RuneCountInString(v); n > MaxBrandLength || !utf8.ValidString(v) {
			return i18n.NewError("branding.too_long", i18n.Args{"Max": MaxBrandLength, "Length": n}, nil)
		}
	}
	if strings.TrimSpace(b.Accent) != "" {
		norm, _, err := ParseAccent(b.Accent)
		if err != nil {
			return err
		}
		b.Accent = norm
	} else {
		b.Accent = ""
	}
	for _, logo := range [][]byte{b.Logo, b.CompanyLogo} {
		if len(logo) > 0 {
			if _, _, _, err := CheckLogo(logo); err != nil {
				return err
			}
		}
	}
	return nil
}

// Branding returns the consultancy's branding and, for companyID (0: none), the company's
// logo.
func (s *Store) Branding(ctx context.Context, companyID int64) (Branding, error) {
	var b Branding
	err := s.db.QueryRowContext(ctx, `SELECT consultancy, contact, accent, logo FROM branding WHERE id = 1`).
		Scan(&b.Consultancy, &b.Contact, &b.Accent, &b.Logo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return b, s.explain(err, "read branding")
	}
	if companyID != 0 {
		err = s.db.QueryRowContext(ctx, `SELECT logo FROM company_logos WHERE company_id = ?`, companyID).Scan(&b.CompanyLogo)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return b, s.explain(err, "read company logo")
		}
	}
	return b, nil
}

// SaveBranding saves the consultancy's name, contact line, accent colour and logo (not the
// company logo: see SetCompanyLogo), after checking them; nothing is changed when one is wrong.
func (s *Store) SaveBranding(ctx context.Context, b Branding) error {
	b.CompanyLogo = nil
	if err := b.Validate(); err != nil {
		return err
	}
	var logo any
	if len(b.Logo) > 0 {
		logo = b.Logo
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO branding (id, consultancy, contact, accent, logo) VALUES (1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET consultancy = excluded.consultancy, contact = excluded.contact,
			accent = excluded.accent, logo = excluded.logo`, b.Consultancy, b.Contact, b.Accent, logo)
		if err != nil {
			return fmt.Errorf("save branding: %w", err)
		}
		return nil
	})
}

// SetCompanyLogo saves a company's logo after checking it; nil or empty removes it.
func (s *Store) SetCompanyLogo(ctx context.Context, companyID int64, logo []byte) error {
	if len(logo) > 0 {
		if _, _, _, err := CheckLogo(logo); err != nil {
			return err
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM companies WHERE id = ?)`, companyID).Scan(&exists); err != nil {
			return fmt.Errorf("find company: %w", err)
		}
		if !exists {
			return i18n.NewError("company.not_found", i18n.Args{"ID": companyID}, nil)
		}
		var err error
		if len(logo) == 0 {
			_, err = tx.ExecContext(ctx, `DELETE FROM company_logos WHERE company_id = ?`, companyID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO company_logos (company_id, logo) VALUES (?, ?)
				ON CONFLICT (company_id) DO UPDATE SET logo = excluded.logo`, companyID, logo)
		}
		if err != nil {
			return fmt.Errorf("save company logo: %w", err)
		}
		return nil
	})
}

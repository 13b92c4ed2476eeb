package assessment

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Validate checks a system before it is saved, filling in the defaults for empty fields.
func (sys *System) Validate() error {
	// Free text is kept without surrounding blanks: a name of " " would show as "( )".
	sys.Name, sys.Vendor, sys.Partner = strings.TrimSpace(sys.Name), strings.TrimSpace(sys.Vendor), strings.TrimSpace(sys.Partner)
	if sys.Hosting == "" {
		sys.Hosting = HostingUnknown
	}
	if sys.ProcessorAgreement == "" {
		sys.ProcessorAgreement = AgreementUnknown
	}
	switch {
	case !slices.Contains(checklists.SystemKinds, sys.Kind):
		return i18n.NewError("system.kind_invalid", i18n.Args{"Kind": sys.Kind}, nil)
	case !slices.Contains(checklists.Products, sys.Product):
		return i18n.NewError("system.product_invalid", i18n.Args{"Product": sys.Product}, nil)
	case sys.Product == "custom" && sys.Name == "":
		return i18n.NewError("system.name_required", nil, nil)
	case !slices.Contains(Hostings, sys.Hosting):
		return i18n.NewError("system.hosting_invalid", i18n.Args{"Hosting": sys.Hosting}, nil)
	case !slices.Contains(Agreements, sys.ProcessorAgreement):
		return i18n.NewError("system.agreement_invalid", i18n.Args{"Agreement": sys.ProcessorAgreement}, nil)
	}
	return nil
}

// SaveSystem adds a system (ID 0) or updates one.
func (s *Store) SaveSystem(ctx context.Context, sys *System) error {
	if err := sys.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if sys.ID == 0 {
			return insertSystem(ctx, tx, sys)
		}
		res, err := tx.ExecContext(ctx, `UPDATE systems SET kind = ?, product = ?, name = ?, vendor = ?,
			partner = ?, hosting = ?, processor_agreement = ? WHERE id = ? AND company_id = ?`,
			sys.Kind, sys.Product, sys.Name, sys.Vendor, sys.Partner, sys.Hosting, sys.ProcessorAgreement, sys.ID, sys.CompanyID)
		if err != nil {
			return fmt.Errorf("update system: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("system.not_found", i18n.Args{"ID": sys.ID}, nil)
		}
		return nil
	})
}

func insertSystem(ctx context.Context, tx *sql.Tx, sys *System) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO systems
		(company_id, kind, product, name, vendor, partner, hosting, processor_agreement)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		sys.CompanyID, sys.Kind, sys.Product, sys.Name, sys.Vendor, sys.Partner, sys.Hosting, sys.ProcessorAgreement)
	if err != nil {
		return fmt.Errorf("insert system: %w", err)
	}
	sys.ID, err = res.LastInsertId()
	return err
}

// DeleteSystem removes a system from a company's inventory.
func (s *Store) DeleteSystem(ctx context.Context, companyID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM systems WHERE id = ? AND company_id = ?`, id, companyID)
		if err != nil {
			return fmt.Errorf("delete system: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return i18n.NewError("system.not_found", i18n.Args{"ID": id}, nil)
		}
		return nil
	})
}

// Systems returns a company's inventory in the order it was entered.
func (s *Store) Systems(ctx context.Context, companyID int64) ([]System, error) {
	return querySystems(ctx, s.db, companyID)
}

func querySystems(ctx context.Context, q queryer, companyID int64) ([]System, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, company_id, kind, product, name, vendor, partner, hosting,
		processor_agreement FROM systems WHERE company_id = ? ORDER BY id`, companyID)
	if err != nil {
		return nil, fmt.Errorf("list systems: %w", err)
	}
	defer rows.Close()
	var out []System
	for rows.Next() {
		var sys System
		if err := rows.Scan(&sys.ID, &sys.CompanyID, &sys.Kind, &sys.Product, &sys.Name, &sys.Vendor,
			&sys.Partner, &sys.Hosting, &sys.ProcessorAgreement); err != nil {
			return nil, fmt.Errorf("read system: %w", err)
		}
		out = append(out, sys)
	}
	return out, rows.Err()
}

// Facts are the scoping conditions that hold for an assessment's profile and a company's
// systems; a data-map activity that transfers data outside the EU/EEA scopes the transfer
// questions in even where its system is hosted in the EU (support access from the USA, say).
func Facts(profile []string, systems []System, activities ...Activity) checklists.Facts {
	f := checklists.Facts{}
	for _, p := range profile {
		f[p] = true
	}
	for _, sys := range systems {
		for _, c := range checklists.SystemFacts(sys.Kind, sys.Product) {
			f[c] = true
		}
		if sys.Hosting != HostingEU {
			f[checklists.OutsideEEA] = true
		}
	}
	for _, a := range activities {
		if a.Transfer == checklists.TransferUSA || a.Transfer == checklists.TransferThird {
			f[checklists.OutsideEEA] = true
		}
	}
	return f
}

// SuggestedProfile lists the profile conditions a company's inventory already shows to hold,
// for a new assessment's profile to start from: a registered website or webshop means the
// company has a website.
func SuggestedProfile(systems []System) []string {
	for _, sys := range systems {
		if slices.Contains(checklists.WebKinds, sys.Kind) {
			return []string{"website"}
		}
	}
	return nil
}

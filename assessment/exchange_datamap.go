package assessment

import (
	"context"
	"database/sql"
)

// The data map in the exchange file and the company export: each system carries its
// processing activities and its supervision record. Both are left out when empty, so that a
// file without a data map encodes exactly as before (and its digest still verifies), and a file
// from an earlier version, which has neither, imports with an empty data map.

type exActivity struct {
	Purpose          string   `json:"purpose"`
	Subjects         []string `json:"subjects"`
	Data             []string `json:"data"`
	Bases            []string `json:"bases"`
	Recipients       string   `json:"recipients"`
	Transfer         string   `json:"transfer"`
	TransferBasis    string   `json:"transfer_basis"`
	RetentionMonths  int      `json:"retention_months"`
	RetentionTrigger string   `json:"retention_trigger"`
	RetentionAction  string   `json:"retention_action"`
	RetentionOwner   string   `json:"retention_owner"`
	Security         string   `json:"security"`
}

type exSupervision struct {
	Subprocessors string `json:"subprocessors"`
	Last          string `json:"last"`
	Next          string `json:"next"`
}

// exDataMap fills a system's data-map fields from the snapshot's activities and supervision.
func exDataMap(x *exSystem, systemID int64, activities []Activity, supervision map[int64]Supervision) {
	for _, a := range activities {
		if a.SystemID != systemID {
			continue
		}
		x.Activities = append(x.Activities, exActivity{Purpose: a.Purpose, Subjects: nonNil(a.Subjects), Data: nonNil(a.Data),
			Bases: nonNil(a.Bases), Recipients: a.Recipients, Transfer: a.Transfer, TransferBasis: a.TransferBasis,
			RetentionMonths: a.RetentionMonths, RetentionTrigger: a.RetentionTrigger, RetentionAction: a.RetentionAction,
			RetentionOwner: a.RetentionOwner, Security: a.Security})
	}
	if sv, ok := supervision[systemID]; ok {
		x.Supervision = &exSupervision{Subprocessors: sv.Subprocessors, Last: sv.Last, Next: sv.Next}
	}
}

// importedDataMap is a system's data map read from a file and validated, waiting for the
// system's new ID.
type importedDataMap struct {
	activities  []Activity
	supervision *Supervision
}

func validateExDataMap(x exSystem) (importedDataMap, error) {
	var m importedDataMap
	for _, ea := range x.Activities {
		a := Activity{Purpose: ea.Purpose, Subjects: ea.Subjects, Data: ea.Data, Bases: ea.Bases, Recipients: ea.Recipients,
			Transfer: ea.Transfer, TransferBasis: ea.TransferBasis, RetentionMonths: ea.RetentionMonths,
			RetentionTrigger: ea.RetentionTrigger, RetentionAction: ea.RetentionAction, RetentionOwner: ea.RetentionOwner,
			Security: ea.Security}
		if err := a.Validate(); err != nil {
			return m, err
		}
		m.activities = append(m.activities, a)
	}
	if x.Supervision != nil {
		sv := Supervision{Subprocessors: x.Supervision.Subprocessors, Last: x.Supervision.Last, Next: x.Supervision.Next}
		if err := sv.Validate(); err != nil {
			return m, err
		}
		m.supervision = &sv
	}
	return m, nil
}

func (m importedDataMap) insert(ctx context.Context, tx *sql.Tx, systemID int64) error {
	for _, a := range m.activities {
		a.SystemID = systemID
		if err := insertActivity(ctx, tx, &a); err != nil {
			return err
		}
	}
	if m.supervision != nil {
		sv := *m.supervision
		sv.SystemID = systemID
		return upsertSupervision(ctx, tx, &sv)
	}
	return nil
}

package assessment

import (
	"context"
	"database/sql"
	"hash/fnv"
	"time"

	"gdprtjek/checklists"
)

// DemoCompanyName is the sample company the demo command creates.
const DemoCompanyName = "Æblegården ApS"

// CreateDemo creates the sample company with its systems and a fully answered assessment,
// all in one transaction, and returns the assessment's ID. The answers are a fixed function
// of the question IDs, so the same checklists always give the same demo.
func (s *Store) CreateDemo(ctx context.Context, set *checklists.Set) (int64, error) {
	now := s.Now()
	company := Company{Name: DemoCompanyName, CVR: "38745123", Address: "Søndergade 12, 8000 Aarhus C",
		Contact: "Birthe Østergård", SizeBand: "10-49", Industry: "Frugtavl og gårdbutik"}
	systems := []System{
		{Kind: "erp", Product: "business-central", Name: "Dynamics 365 Business Central", Vendor: "Microsoft",
			Partner: "Nordlys IT ApS", Hosting: HostingEU, ProcessorAgreement: AgreementYes},
		{Kind: "payroll", Product: "danloen", Name: "Danløn", Vendor: "Visma Danløn", Hosting: HostingEU,
			ProcessorAgreement: AgreementYes},
		{Kind: "crm", Product: "custom", Name: "Kundekartotek (CRM)", Vendor: "Salgsværktøj Inc.", Hosting: HostingUSA,
			ProcessorAgreement: AgreementUnknown},
		{Kind: "marketing", Product: "custom", Name: "Nyhedsbrevsværktøj", Vendor: "Mailhøj ApS", Hosting: HostingEU,
			ProcessorAgreement: AgreementNo},
		// The farm shop's webshop, looked after by a web agency: the website checklist and the
		// agency's partner tasks come from it.
		{Kind: "webshop", Product: "woocommerce", Name: "Gårdbutikkens webshop", Vendor: "Ålbæk Hosting ApS",
			Partner: "Kvist Webbureau ApS", Hosting: HostingEU, ProcessorAgreement: AgreementUnknown},
	}
	a := Assessment{UID: newUID(), Title: "GDPR-gennemgang 2026", Assessor: "Søren Åkjær", Status: Draft,
		Participants: "Birthe Østergård (direktør), Jørgen Bæk (IT), Søren Åkjær (konsulent)",
		Profile:      []string{"employees", "recruitment", "consumers", "email_marketing", "events", "website"},
		Checklists:   set.Refs(), CreatedAt: now, UpdatedAt: now}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertCompany(ctx, tx, &company, now); err != nil {
			return err
		}
		for i := range systems {
			systems[i].CompanyID = company.ID
			if err := insertSystem(ctx, tx, &systems[i]); err != nil {
				return err
			}
		}
		a.CompanyID = company.ID
		var err error
		if id, err = insertAssessment(ctx, tx, &a); err != nil {
			return err
		}
		for _, sc := range set.Scope(Facts(a.Profile, systems)) {
			if !sc.Applies {
				continue
			}
			ans := demoAnswer(sc.Question, now)
			ans.AssessmentID = id
			if err := upsertAnswer(ctx, tx, &ans); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

var demoNotes = []string{
	"Gennemgået med økonomiansvarlig på mødet i maj; rutinen er skrevet ned i håndbogen.",
	"Delvist på plads: gårdbutikkens kasseapparat mangler, og sæsonmedarbejdere er ikke omfattet.",
	"Ingen ved, hvem der har ansvaret; Søren undersøger det før næste års høst.",
}

// demoWebsiteAnswers fix the few website answers the demo should show as gaps: the webshop
// copies customers into Business Central, a task for the ERP partner and the web agency.
var demoWebsiteAnswers = map[string]Value{"website.shop-erp-integration": Partly}

var demoOwners = []string{"Birthe Østergård", "Søren Åkjær", "Jørgen Bæk"}

func demoAnswer(q *checklists.Question, now time.Time) Answer {
	h := fnv.New32a()
	h.Write([]byte(q.ID))
	n := h.Sum32()
	var v Value
	switch n % 10 {
	case 0, 1, 2, 3, 4:
		v = Yes
	case 5, 6:
		v = Partly
	case 7:
		v = No
	case 8:
		v = Unknown
	default:
		v = NA
	}
	if w, ok := demoWebsiteAnswers[q.ID]; ok {
		v = w
	}
	ans := Answer{QuestionID: q.ID, Value: v, ActionStatus: ActionOpen, UpdatedAt: now, UpdatedBy: "Søren Åkjær",
		QuestionHash: q.Fingerprint()}
	if n%3 == 0 {
		ans.Note = demoNotes[n/3%uint32(len(demoNotes))]
	}
	if IsGap(v) {
		ans.Owner = demoOwners[n%uint32(len(demoOwners))]
		ans.Due = now.AddDate(0, 1+int(n%6), 0).Format(time.DateOnly)
		if n%4 == 0 {
			ans.ActionStatus = ActionInProgress
		}
	}
	return ans
}

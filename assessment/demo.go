package assessment

import (
	"context"
	"database/sql"
	"hash/fnv"
	"time"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
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
		activities, err := insertDemoDataMap(ctx, tx, systems, now)
		if err != nil {
			return err
		}
		for _, sc := range set.Scope(Facts(a.Profile, systems, activities...)) {
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

// insertDemoDataMap gives the demo's systems a data map from the built-in templates, in Danish:
// payroll, ERP and newsletter as the templates have them (the newsletter without a retention
// period, as the template leaves it), and a CRM hosted in the USA whose transfer has no basis,
// so that the documents show the flag. Supervision dates are relative to now: Danløn's next
// assurance report is overdue.
func insertDemoDataMap(ctx context.Context, tx *sql.Tx, systems []System, now time.Time) ([]Activity, error) {
	templates, err := checklists.Templates()
	if err != nil {
		return nil, err
	}
	var all []Activity
	for _, sys := range systems {
		t := checklists.TemplateFor(templates, sys.Kind, sys.Product)
		if t == nil {
			continue
		}
		acts := FromTemplate(t, i18n.Danish, sys.ID)
		for i := range acts {
			if sys.Kind == "crm" {
				acts[i].Transfer, acts[i].TransferBasis = checklists.TransferUSA, checklists.BasisNone
				acts[i].Recipients = "Salgsværktøj Inc. (USA) som databehandler"
			}
			if err := insertActivity(ctx, tx, &acts[i]); err != nil {
				return nil, err
			}
		}
		all = append(all, acts...)
	}
	day := func(months int) string { return now.AddDate(0, months, 0).Format(time.DateOnly) }
	for _, sv := range []Supervision{
		{SystemID: systems[0].ID, Subprocessors: AgreementYes, Last: day(-3), Next: day(9)},
		{SystemID: systems[1].ID, Subprocessors: AgreementYes, Last: day(-14), Next: day(-2)},
		{SystemID: systems[2].ID, Subprocessors: AgreementUnknown},
	} {
		if err := upsertSupervision(ctx, tx, &sv); err != nil {
			return nil, err
		}
	}
	return all, nil
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

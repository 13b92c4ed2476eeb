package reports_test

import (
	"fmt"
	"strings"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/reports"
)

// fixedNow stamps every test report, so that output is byte-for-byte comparable.
var fixedNow = time.Date(2026, time.March, 14, 10, 30, 0, 0, time.UTC)

func text(da, en string) checklists.Text { return checklists.Text{DA: da, EN: en} }

// fixture is a small, fixed assessment that exercises every section: three areas (one of two
// checklists), every answer value, scoped-out questions, partner actions on two systems,
// comments, sign-offs and a previous round.
func fixture() (*checklists.Set, *assessment.Snapshot, reports.Options) {
	lists := []*checklists.Checklist{
		{ID: "behandling", Version: 3, Area: "behandling", Order: 10,
			Title: text("Fortegnelse og behandlingsgrundlag", "Records and lawful basis"),
			Questions: []checklists.Question{
				{ID: "behandling.fortegnelse", Weight: 3, Refs: []string{"GDPR art. 30", "Datatilsynet vejledning om fortegnelser"},
					Text:        text("Har virksomheden en fortegnelse over alle behandlinger af personoplysninger?", "Does the company keep a record of all processing of personal data?"),
					Remediation: text("Udarbejd en fortegnelse efter Datatilsynets skabelon, og gennemgå den årligt.", "Draw up a record using the Danish DPA's template and review it every year."),
					PartnerAction: text("Træk en liste over felter med personoplysninger ud af ERP-systemet.",
						"Export a list of the ERP fields that hold personal data.")},
				{ID: "behandling.grundlag", Weight: 2, Refs: []string{"GDPR art. 6(1)", "Databeskyttelsesloven § 6"},
					Text:        text("Er behandlingsgrundlaget dokumenteret for hver behandling?", "Is the lawful basis documented for each processing activity?"),
					Remediation: text("Skriv grundlaget ind i fortegnelsen ud for hver behandling.", "Record the basis next to each activity in the record.")},
				{ID: "behandling.cpr", Weight: 3, Refs: []string{"Databeskyttelsesloven § 11"},
					Text:        text("Behandles CPR-numre kun, når loven tillader det?", "Are CPR numbers processed only where the law allows it?"),
					Remediation: text("Fjern CPR-numre fra kundekartoteket, og begræns adgangen i lønsystemet.", "Remove CPR numbers from the customer file and restrict access in payroll."),
					PartnerAction: text("Skjul CPR-feltet for alle roller undtagen løn.",
						"Hide the CPR field from every role except payroll.")},
			}},
		{ID: "sletning", Version: 1, Area: "sletning", Order: 20,
			Title: text("Sletning og opbevaring", "Erasure and retention"),
			Questions: []checklists.Question{
				{ID: "sletning.bogfoering", Weight: 3, Refs: []string{"Bogføringsloven § 10", "GDPR art. 5(1)(e)"},
					Text:        text("Slettes bilag efter de fem år, bogføringsloven kræver?", "Are vouchers deleted after the five years the Bookkeeping Act requires?"),
					Remediation: text("Opsæt en årlig sletterutine for bilag ældre end fem år plus indeværende år.", "Set up a yearly routine deleting vouchers older than five years plus the current year."),
					PartnerAction: text("Konfigurér en sletteopgave i Business Central for bilag ældre end 5 år.",
						"Configure a retention job in Business Central for vouchers older than 5 years."),
					AppliesWhen: []string{"system:erp"}},
				{ID: "sletning.netsuite", Weight: 2, Refs: []string{"GDPR art. 17"},
					Text:        text("Er anonymisering af kunder slået til i NetSuite?", "Is customer anonymisation enabled in NetSuite?"),
					Remediation: text("Slå anonymisering til.", "Enable anonymisation."),
					AppliesWhen: []string{"product:netsuite"}},
				{ID: "sletning.fordringer", Weight: 1, Refs: []string{"Forældelsesloven § 3"},
					Text:        text("Slettes oplysninger om betalte fordringer, når forældelsesfristen er udløbet?", "Are details of paid claims deleted when the limitation period has run out?"),
					Remediation: text("Slet afsluttede debitorsager efter tre år.", "Delete closed debtor cases after three years.")},
			}},
		{ID: "medarbejdere", Version: 2, Area: "medarbejdere", Order: 30,
			Title:       text("Medarbejdere og rekruttering", "Employees and recruitment"),
			AppliesWhen: []string{"employees"},
			Questions: []checklists.Question{
				{ID: "medarbejdere.ansaettelsesbevis", Weight: 2, Refs: []string{"Ansættelsesbevisloven § 2"},
					Text:        text("Får alle ansatte et ansættelsesbevis, der nævner behandlingen af deres oplysninger?", "Does every employee receive a statement of employment that mentions how their data is processed?"),
					Remediation: text("Tilføj et afsnit om persondata til skabelonen for ansættelsesbeviser.", "Add a personal-data section to the employment-statement template.")},
				{ID: "medarbejdere.overvaagning", Weight: 3, Refs: []string{"Databeskyttelsesloven § 12", "Datatilsynet vejledning om tv-overvågning"},
					Text:        text("Er medarbejderne informeret om kameraovervågning?", "Are employees informed about camera surveillance?"),
					Remediation: text("Sæt skilte op, og informér skriftligt.", "Put up signs and inform in writing."),
					AppliesWhen: []string{"monitoring"}},
			}},
		{ID: "medarbejdere-loen", Version: 1, Area: "medarbejdere", Order: 31,
			Title: text("Løn", "Payroll"),
			Questions: []checklists.Question{
				{ID: "loen.adgang", Weight: 2, Refs: []string{"GDPR art. 32"},
					Text:        text("Har kun lønansvarlige adgang til lønsedler i Danløn?", "Do only payroll staff have access to payslips in Danløn?"),
					Remediation: text("Gennemgå brugerne i Danløn hvert kvartal.", "Review the Danløn users every quarter."),
					PartnerAction: text("Opret en rolle uden adgang til lønsedler.",
						"Create a role without access to payslips."),
					AppliesWhen: []string{"system:payroll"}},
			}},
		{ID: "markedsfoering", Version: 1, Area: "markedsfoering", Order: 40,
			Title: text("Markedsføring og cookies", "Marketing and cookies"),
			Questions: []checklists.Question{
				{ID: "markedsfoering.samtykke", Weight: 3, Refs: []string{"Markedsføringsloven § 10", "Cookiebekendtgørelsen § 3"},
					Text:        text("Indhentes samtykke, før der sendes nyhedsbreve og sættes cookies?", "Is consent obtained before newsletters are sent and cookies set?"),
					Remediation: text("Indfør dobbelt opt-in og en cookiebanner med et reelt valg.", "Introduce double opt-in and a cookie banner with a real choice."),
					AppliesWhen: []string{"email_marketing"}},
				{ID: "markedsfoering.overfoersel", Weight: 3, Refs: []string{"GDPR art. 44", "GDPR art. 46"},
					Text:        text("Er overførsler til lande uden for EU/EØS dækket af standardkontraktbestemmelser?", "Are transfers outside the EU/EEA covered by standard contractual clauses?"),
					Remediation: text("Indgå standardkontraktbestemmelser med CRM-leverandøren, og lav en TIA.", "Sign standard contractual clauses with the CRM vendor and carry out a TIA."),
					PartnerAction: text("Dokumentér, hvor CRM-data fysisk ligger.",
						"Document where the CRM data is physically stored."),
					AppliesWhen: []string{"outside_eea", "system:crm"}},
			}},
	}
	set := checklists.NewSet(lists)
	snap := &assessment.Snapshot{
		Company: assessment.Company{ID: 1, Name: "Æblegården ApS", CVR: "38745123", Address: "Søndergade 12, 8000 Aarhus C"},
		Systems: []assessment.System{
			{ID: 1, Kind: "erp", Product: "business-central", Name: "Dynamics 365 Business Central", Vendor: "Microsoft",
				Partner: "Nordlys IT ApS", Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementYes},
			{ID: 2, Kind: "payroll", Product: "danloen", Vendor: "Visma Danløn", Hosting: assessment.HostingEU,
				ProcessorAgreement: assessment.AgreementYes},
			{ID: 3, Kind: "crm", Product: "custom", Name: "Kundekartotek", Vendor: "Salgsværktøj Inc.",
				Hosting: assessment.HostingUSA, ProcessorAgreement: assessment.AgreementUnknown},
		},
		Assessment: assessment.Assessment{ID: 7, UID: "fixture", CompanyID: 1, Title: "GDPR-gennemgang 2026",
			Assessor: "Søren Åkjær", Participants: "Birthe Østergård, Jørgen Bæk", Status: assessment.Approved, Profile: []string{"employees", "email_marketing"},
			Checklists: set.Refs(), PreviousID: 3},
		Answers: map[string]assessment.Answer{
			"behandling.fortegnelse": {Value: assessment.No, Owner: "Birthe Østergård", Due: "2026-05-01",
				Note: "Fortegnelsen findes kun som et gammelt regneark fra 2019; ingen ved, om den er opdateret. ✓ tjekket 🍎"},
			"behandling.grundlag": {Value: assessment.Partly, Owner: "Søren Åkjær", Due: "2026-06-15", ActionStatus: assessment.ActionInProgress},
			"behandling.cpr":      {Value: assessment.Yes, Note: "Kun i Danløn.", Evidence: "Adgangsliste af 3. marts 2026"},
			"sletning.bogfoering": {Value: assessment.Unknown, ActionStatus: assessment.ActionOpen,
				Note: "Revisor siger fem år; økonomichefen siger ti.\nDet skal afklares før årsafslutningen."},
			"sletning.fordringer":            {Value: assessment.NA, Note: "Vi har ingen fordringer på privatpersoner."},
			"medarbejdere.ansaettelsesbevis": {Value: assessment.Yes, Reconfirm: true},
			"loen.adgang":                    {Value: assessment.Partly, Owner: "Jørgen Bæk", Due: "2026-04-01", ActionStatus: assessment.ActionDone},
			"markedsfoering.overfoersel":     {Value: assessment.No, Owner: "Birthe Østergård", Due: "2026-09-30"},
			"markedsfoering.samtykke":        {Value: assessment.Yes},
			"sletning.netsuite":              {Value: assessment.No}, // scoped out: no NetSuite
			"medarbejdere.overvaagning":      {Value: assessment.No}, // scoped out: no monitoring
		},
		Comments: []assessment.Comment{
			{QuestionID: "behandling.fortegnelse", Author: "Kirsten Møller", Body: "Fortegnelsen skal være klar før næste gennemgang.",
				CreatedAt: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)},
			{Author: "Kirsten Møller", Body: "Flot arbejde med lønområdet.", CreatedAt: time.Date(2026, 3, 10, 9, 5, 0, 0, time.UTC)},
		},
		SignOffs: []assessment.SignOff{
			{Reviewer: "Kirsten Møller", Organisation: "Nordlys IT ApS", Decision: assessment.Returned,
				Statement: "Sendt retur: fortegnelsen mangler.", SignedAt: time.Date(2026, 3, 10, 9, 10, 0, 0, time.UTC)},
			{Reviewer: "Kirsten Møller", Organisation: "Nordlys IT ApS", Decision: assessment.Approved,
				Statement: "Godkendt med handlingsplanen som aftalt.", SignedAt: time.Date(2026, 3, 12, 14, 0, 0, 0, time.UTC)},
		},
	}
	// The partner's responses to two of its tasks; the others are not answered yet.
	snap.Responses = map[string]assessment.Response{
		"behandling.fortegnelse": {QuestionID: "behandling.fortegnelse", Decision: assessment.DecisionAccepted, Hours: 6.5,
			Planned: "2026-04-15", Comment: "Udtrækket leveres i uge 16.", By: "Kirsten Møller", At: time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC)},
		"sletning.bogfoering": {QuestionID: "sletning.bogfoering", Decision: assessment.DecisionQuestion,
			Comment: "Fem eller ti år?", By: "Kirsten Møller", At: time.Date(2026, 3, 11, 8, 5, 0, 0, time.UTC)},
	}
	// The previous round: fewer answers, lower scores.
	prevAnswers := map[string]assessment.Answer{
		"behandling.fortegnelse": {Value: assessment.No}, "behandling.grundlag": {Value: assessment.No},
		"behandling.cpr": {Value: assessment.Partly}, "loen.adgang": {Value: assessment.No},
		"markedsfoering.samtykke": {Value: assessment.Partly},
	}
	prev := assessment.Score(set, assessment.Facts(snap.Assessment.Profile, snap.Systems), prevAnswers)
	return set, snap, reports.Options{Now: fixedNow, Previous: &prev}
}

// generated builds a checklist set of n questions in areas of 50, with long texts, and a
// snapshot answering every question, cycling through the answer values. Long notes, long
// unbroken words and characters the font lacks test the layout.
func generated(n int) (*checklists.Set, *assessment.Snapshot) {
	long := strings.Repeat("Behandlingen af personoplysninger skal være lovlig, rimelig og gennemsigtig for den registrerede, ", 2)
	longEN := strings.Repeat("Processing of personal data must be lawful, fair and transparent towards the data subject, ", 2)
	var lists []*checklists.Checklist
	answers := map[string]assessment.Answer{}
	values := []assessment.Value{assessment.Yes, assessment.Partly, assessment.No, assessment.NA, assessment.Unknown}
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			a := i / 50
			lists = append(lists, &checklists.Checklist{ID: fmt.Sprintf("omr-%03d", a), Version: 1,
				Area: fmt.Sprintf("omr-%03d", a), Order: a,
				Title: text(fmt.Sprintf("Område %d med en ret lang titel om sletning, opbevaring og overførsel af data", a),
					fmt.Sprintf("Area %d with a fairly long title about erasure, retention and transfer of data", a))})
		}
		c := lists[len(lists)-1]
		id := fmt.Sprintf("%s.q%05d", c.ID, i)
		q := checklists.Question{ID: id, Weight: 1 + i%3,
			Refs:          []string{fmt.Sprintf("GDPR art. %d", 1+i%99), "Databeskyttelsesloven § 6", "Datatilsynet vejledning"},
			Text:          text(fmt.Sprintf("Spørgsmål %d: %s", i, long), fmt.Sprintf("Question %d: %s", i, longEN)),
			Remediation:   text("Gør dette: "+long[:90], "Do this: "+longEN[:90]),
			PartnerAction: text("Konfigurér ERP-systemet: "+long[:60], "Configure the ERP system: "+longEN[:60]),
		}
		if i%7 == 0 {
			q.AppliesWhen = []string{"system:erp"}
		}
		if i%97 == 0 {
			q.AppliesWhen = []string{"monitoring", "product:netsuite", "outside_eea"} // scoped out
		}
		c.Questions = append(c.Questions, q)
		ans := assessment.Answer{QuestionID: id, Value: values[i%len(values)], ActionStatus: assessment.ActionOpen}
		if i%5 == 0 {
			ans.Note = "Note med æøå og et meget langt ord: " + strings.Repeat("Databehandleraftalegennemgang", 8) +
				" ✓ 🍎\n" + long + long
			ans.Owner = "Birthe Østergård-Kristiansen fra økonomiafdelingen i Aarhus"
			ans.Due = "2026-12-31"
		}
		answers[id] = ans
	}
	set := checklists.NewSet(lists)
	snap := &assessment.Snapshot{
		Company: assessment.Company{Name: "Æblegården ApS med et meget langt firmanavn, der ikke kan stå på én linje i sidehovedet", CVR: "38745123"},
		Systems: []assessment.System{{Kind: "erp", Product: "uniconta", Vendor: "Uniconta A/S", Partner: strings.Repeat("Partner ", 12),
			Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementNo}},
		Assessment: assessment.Assessment{Title: "Stor gennemgang", Assessor: "Søren Åkjær", Status: assessment.Draft,
			Checklists: set.Refs()},
		Answers: answers,
		Comments: []assessment.Comment{{QuestionID: lists[0].Questions[1].ID, Author: "Revisor", Body: long,
			CreatedAt: fixedNow}},
	}
	return set, snap
}

// typical builds a set of n questions with texts of the length real checklists have, in
// areas of 25, and answers them the way the demo does (half yes, the rest spread out); the
// benchmarks use it.
func typical(n int) (*checklists.Set, *assessment.Snapshot) {
	var lists []*checklists.Checklist
	answers := map[string]assessment.Answer{}
	values := []assessment.Value{assessment.Yes, assessment.Yes, assessment.Yes, assessment.Yes, assessment.Yes,
		assessment.Partly, assessment.Partly, assessment.No, assessment.Unknown, assessment.NA}
	for i := 0; i < n; i++ {
		if i%25 == 0 {
			a := i / 25
			lists = append(lists, &checklists.Checklist{ID: fmt.Sprintf("omr-%03d", a), Version: 1,
				Area: fmt.Sprintf("omr-%03d", a%12), Order: a,
				Title: text(fmt.Sprintf("Sletning og opbevaring %d", a), fmt.Sprintf("Erasure and retention %d", a))})
		}
		c := lists[len(lists)-1]
		id := fmt.Sprintf("%s.q%05d", c.ID, i)
		q := checklists.Question{ID: id, Weight: 1 + i%3, Refs: []string{fmt.Sprintf("GDPR art. %d", 1+i%99), "Databeskyttelsesloven § 6"},
			Text: text(fmt.Sprintf("Spørgsmål %d: Slettes oplysninger om tidligere ansatte, når opbevaringsfristen i bogføringsloven er udløbet?", i),
				fmt.Sprintf("Question %d: Is data on former employees deleted when the retention period of the Bookkeeping Act has expired?", i)),
			Remediation: text("Indfør en fast årlig rutine, der sletter oplysninger om tidligere ansatte fem år efter fratrædelsen, og dokumentér den.",
				"Set up a fixed yearly routine that deletes data on former employees five years after they left, and document it."),
		}
		if i%3 == 0 {
			q.PartnerAction = text("Opsæt en sletteopgave i ERP-systemet for medarbejderkort uden aktivitet i fem år.",
				"Configure a deletion job in the ERP system for employee cards with no activity for five years.")
			q.AppliesWhen = []string{"system:erp"}
		}
		c.Questions = append(c.Questions, q)
		ans := assessment.Answer{QuestionID: id, Value: values[i%len(values)], ActionStatus: assessment.ActionOpen}
		if i%3 == 1 {
			ans.Note = "Gennemgået med økonomiansvarlig på mødet i maj; rutinen er skrevet ned i håndbogen."
		}
		if assessment.IsGap(ans.Value) {
			ans.Owner, ans.Due = "Birthe Østergård", "2026-09-30"
		}
		answers[id] = ans
	}
	set := checklists.NewSet(lists)
	snap := &assessment.Snapshot{
		Company: assessment.Company{Name: "Æblegården ApS", CVR: "38745123"},
		Systems: []assessment.System{{Kind: "erp", Product: "business-central", Vendor: "Microsoft", Partner: "Nordlys IT ApS",
			Hosting: assessment.HostingEU, ProcessorAgreement: assessment.AgreementYes}},
		Assessment: assessment.Assessment{Title: "GDPR-gennemgang 2026", Assessor: "Søren Åkjær", Status: assessment.Draft,
			Checklists: set.Refs()},
		Answers: answers,
	}
	return set, snap
}

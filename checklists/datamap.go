package checklists

// The data map's fixed vocabularies. They live here, beside the conditions, because the data-map
// templates (templates.go) are validated against them; the assessment package stores their
// keys and the reports translate them (i18n IDs "datamap.<list>.<key>").

// SubjectCategories are the categories of data subjects an activity may concern.
var SubjectCategories = []string{"employees", "former_employees", "applicants", "customers", "leads",
	"supplier_contacts", "subscribers", "website_visitors", "next_of_kin"}

// Data classes: what makes a category of personal data need more than an art. 6 basis.
const (
	ClassOrdinary = ""      // art. 6 only
	ClassArt9     = "art9"  // special categories (GDPR art. 9(1))
	ClassArt10    = "art10" // criminal convictions and offences (GDPR art. 10)
	ClassCPR      = "cpr"   // CPR number (Databeskyttelsesloven § 11)
)

// DataCategory is one category of personal data and its class.
type DataCategory struct {
	Key   string
	Class string
}

// DataCategories are the categories of personal data in display order.
var DataCategories = []DataCategory{
	{"contact", ClassOrdinary},
	{"cpr", ClassCPR},
	{"bank_account", ClassOrdinary},
	{"salary", ClassOrdinary},
	{"tax", ClassOrdinary},
	{"pension", ClassOrdinary},
	{"absence", ClassArt9}, // sickness absence is data concerning health
	{"employment", ClassOrdinary},
	{"application", ClassOrdinary},
	{"health", ClassArt9},
	{"trade_union", ClassArt9},
	{"criminal_record", ClassArt10},
	{"orders", ClassOrdinary},
	{"correspondence", ClassOrdinary},
	{"marketing", ClassOrdinary},
	{"online", ClassOrdinary},
}

// DataClass returns a data category's class and whether the category is known.
func DataClass(key string) (string, bool) {
	for _, c := range DataCategories {
		if c.Key == key {
			return c.Class, true
		}
	}
	return "", false
}

// DataCategoryKeys lists the keys of DataCategories.
func DataCategoryKeys() []string {
	out := make([]string, len(DataCategories))
	for i, c := range DataCategories {
		out[i] = c.Key
	}
	return out
}

// LegalBases are the legal bases an activity may rest on: GDPR art. 6(1)(a)–(f), the points of
// art. 9(2), and Databeskyttelsesloven §§ 7 (special categories), 8 (criminal offences),
// 11 (CPR numbers) and 12 (employment).
var LegalBases = []string{
	"art6_1_a", "art6_1_b", "art6_1_c", "art6_1_d", "art6_1_e", "art6_1_f",
	"art9_2_a", "art9_2_b", "art9_2_c", "art9_2_d", "art9_2_e", "art9_2_f", "art9_2_g", "art9_2_h", "art9_2_i", "art9_2_j",
	"dbl_7", "dbl_8", "dbl_11", "dbl_12",
}

// Transfers outside the EU/EEA.
const (
	TransferNone  = "none"
	TransferUSA   = "usa"
	TransferThird = "third_country" // another country outside the EU/EEA
)

// Transfers lists where an activity's data goes outside the EU/EEA.
var Transfers = []string{TransferNone, TransferUSA, TransferThird}

// Transfer bases (GDPR chapter V).
const (
	BasisNone     = "none"
	BasisAdequacy = "adequacy" // art. 45 decision for the country
	BasisDPF      = "dpf"      // art. 45 decision of 10 July 2023: EU-US Data Privacy Framework
	BasisSCC      = "scc"      // art. 46(2)(c) standard contractual clauses
)

// TransferBases lists the bases a transfer may rest on; "none" records that it has none.
var TransferBases = []string{BasisAdequacy, BasisDPF, BasisSCC, BasisNone}

// RetentionTriggers are the events that start a retention period.
var RetentionTriggers = []string{"financial_year_end", "employment_end", "recruitment_end", "last_activity", "consent_withdrawn"}

// RetentionActions are what happens when a retention period ends.
var RetentionActions = []string{"delete", "anonymise"}

// MaxRetentionMonths bounds a retention period (100 years); more is a typing error.
const MaxRetentionMonths = 1200

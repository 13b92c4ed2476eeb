package i18n

import (
	"regexp"
	"strings"
)

// Checklists keep one machine-readable form of a legal reference, "SOURCE locator":
// "GDPR art. 6(1)(f)", "GDPR art. 44–49", "Databeskyttelsesloven §11, stk. 2, nr. 3",
// "Arbejdstidsloven §4b", "Datatilsynet vejledning om tv-overvågning". Cite writes it as the
// reader's language cites law: Danish "GDPR art. 6, stk. 1, litra f",
// "databeskyttelseslovens § 11, stk. 2, nr. 3", "arbejdstidslovens § 4 b",
// "Datatilsynets vejledning om tv-overvågning"; English "GDPR Article 6(1)(f)",
// "Databeskyttelsesloven section 11(2), no. 3".

var (
	// art. 6 / art. 6(1) / art. 6(1)(f) / art. 44–49
	articleRe = regexp.MustCompile(`^art\. (\d+)(?:(–)(\d+)|\((\d+)\)(?:\(([a-z])\))?)?$`)
	// §11 / §4b / §11, stk. 2 / §11, stk. 2, nr. 3 / §8, stk. 3–5
	sectionRe = regexp.MustCompile(`^§ ?(\d+)([a-z]?)(?:, stk\. (\d+(?:–\d+)?))?(?:, nr\. (\d+))?$`)
)

// Cite renders a checklist reference in the localizer's language. A reference that does not
// start with a known source word is returned as it is.
func (l *Localizer) Cite(ref string) string {
	src, loc, ok := strings.Cut(strings.TrimSpace(ref), " ")
	if !ok {
		return ref
	}
	label := l.T("cite." + src)
	if label == "cite."+src {
		return ref
	}
	loc = strings.TrimSpace(loc)
	out := l.CiteLocator(src, loc)
	if strings.HasPrefix(loc, rulesPrefix) && l.lang == English {
		return label + ", " + out // "Bogføringsloven, rules on keeping accounting material"
	}
	if out == loc && l.lang == English {
		// A Danish title after an English source name reads as one phrase without the colon.
		return label + ": " + out
	}
	return label + " " + out
}

// CiteLocator renders the place within a source ("art. 6(1)(f)", "§11, stk. 2") in the
// localizer's language, for lists that name the source once (the report's appendix).
func (l *Localizer) CiteLocator(src, loc string) string {
	loc = strings.TrimSpace(loc)
	if m := articleRe.FindStringSubmatch(loc); m != nil {
		return l.article(src, m[1], m[3], m[4], m[5])
	}
	if m := sectionRe.FindStringSubmatch(loc); m != nil {
		return l.section(m[1], m[2], m[3], m[4])
	}
	// An act cited for its rules on a subject, where no section could be confirmed.
	if subject, ok := strings.CutPrefix(loc, rulesPrefix); ok && l.lang == English {
		if en := l.T("cite.rules." + subject); en != "cite.rules."+subject {
			return "rules on " + en
		}
	}
	// Guidance, decisions and judgments are cited by their own (Danish) title.
	return loc
}

// rulesPrefix starts a locator that names a subject instead of a section: "regler om
// opbevaring af regnskabsmateriale". English gets the subject from "cite.rules.SUBJECT".
const rulesPrefix = "regler om "

func (l *Localizer) article(src, art, to, para, point string) string {
	if l.lang == Danish {
		s := "art. " + art
		switch {
		case to != "":
			s += "–" + to
		case para != "" && src == "GDPR" && art == "4":
			// Article 4's definitions are numbered points: "artikel 4, nr. 11".
			s += ", nr. " + para
		case para != "":
			s += ", stk. " + para
		}
		if point != "" {
			s += ", litra " + point
		}
		return s
	}
	if to != "" {
		return "Articles " + art + "–" + to
	}
	s := "Article " + art
	if para != "" {
		s += "(" + para + ")"
	}
	if point != "" {
		s += "(" + point + ")"
	}
	return s
}

func (l *Localizer) section(sec, letter, stk, nr string) string {
	if l.lang == Danish {
		// Danish statutes write a lettered section with a space: "§ 4 b".
		s := "§ " + sec
		if letter != "" {
			s += " " + letter
		}
		if stk != "" {
			s += ", stk. " + stk
		}
		if nr != "" {
			s += ", nr. " + nr
		}
		return s
	}
	s := "section " + sec + letter
	if stk != "" {
		from, to, isRange := strings.Cut(stk, "–")
		s += "(" + from + ")"
		if isRange {
			s += "–(" + to + ")"
		}
	}
	if nr != "" {
		s += ", no. " + nr
	}
	return s
}

package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

var danishMonths = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"}

// Date writes a calendar date as the language does: "28. november 2026", "28 November 2026".
func (l *Localizer) Date(t time.Time) string {
	if l.lang == Danish {
		return strconv.Itoa(t.Day()) + ". " + danishMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("2 January 2006")
}

// ShortDate writes a date compactly for tables: "28.11.2026", "2026-11-28".
func (l *Localizer) ShortDate(t time.Time) string {
	if l.lang == Danish {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// Number writes f with the given number of decimals and the language's separators:
// Danish "1.234,5", English "1,234.5".
func (l *Localizer) Number(f float64, decimals int) string {
	group, point := ",", "."
	if l.lang == Danish {
		group, point = ".", ","
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if f < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// Percent writes a percentage as a whole number, rounded down: Danish "72 %", English "72%".
// Rounded down, so that a score of 79.6 % does not show as 80 % beside an amber light (green
// starts at 80), and 99.7 % answered does not read as all answered. The small allowance keeps
// a computed 80 that came out as 79.99999 at 80.
func (l *Localizer) Percent(f float64) string {
	n := l.Number(math.Floor(f+1e-9), 0)
	if l.lang == Danish {
		return n + "\u00a0%"
	}
	return n + "%"
}

// List joins items as a sentence does: "a", "a og b", "a, b og c" (English "a, b and c",
// without the serial comma).
func (l *Localizer) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.T("list.and") + " " + items[len(items)-1]
}

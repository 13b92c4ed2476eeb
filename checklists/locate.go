package checklists

import (
	"regexp"
	"strconv"
	"strings"
)

// locator maps TOML key paths to line numbers, so that a problem found after decoding can
// still be reported as FILE:LINE. BurntSushi/toml gives positions only for syntax errors.
// Paths carry array-table indices: "questions[2].text.da".
type locator struct {
	entries []located
}

type located struct {
	path string
	line int
}

var (
	arrayHeader = regexp.MustCompile(`^\s*\[\[\s*([^\]]+?)\s*\]\]`)
	tableHeader = regexp.MustCompile(`^\s*\[\s*([^\]]+?)\s*\]`)
	keyLine     = regexp.MustCompile(`^\s*([A-Za-z0-9_.\-"' ]+?)\s*=`)
)

func newLocator(src string) *locator {
	l := &locator{}
	counts := map[string]int{} // array-table name → entries seen
	current := ""
	inMultiline := ""
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if inMultiline != "" {
			if strings.Count(line, inMultiline)%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case arrayHeader.MatchString(line):
			name := cleanKey(arrayHeader.FindStringSubmatch(line)[1])
			counts[name]++
			current = indexed(name, counts) + "[" + strconv.Itoa(counts[name]-1) + "]"
			l.entries = append(l.entries, located{current, n})
			continue
		case tableHeader.MatchString(line):
			current = indexed(cleanKey(tableHeader.FindStringSubmatch(line)[1]), counts)
			l.entries = append(l.entries, located{current, n})
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			path := cleanKey(m[1])
			if current != "" {
				path = current + "." + path
			}
			l.entries = append(l.entries, located{path, n})
			rest := line[len(m[0]):]
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(rest, q)%2 == 1 {
					inMultiline = q
				}
			}
		}
	}
	return l
}

// indexed adds the current index to every prefix of name that is an array table, except
// the whole name itself (a [[name]] header adds its own index).
func indexed(name string, counts map[string]int) string {
	parts := strings.Split(name, ".")
	var b strings.Builder
	prefix := ""
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('.')
			prefix += "."
		}
		prefix += p
		b.WriteString(p)
		if c := counts[prefix]; c > 0 && prefix != name {
			b.WriteString("[" + strconv.Itoa(c-1) + "]")
		}
	}
	return b.String()
}

func cleanKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// line returns the line of the first path found, trying each in turn; 1 when none is.
func (l *locator) line(paths ...string) int {
	for _, p := range paths {
		for _, e := range l.entries {
			if e.path == p {
				return e.line
			}
		}
	}
	return 1
}

var indexPattern = regexp.MustCompile(`\[\d+\]`)

// linesOf returns every line whose path, indices removed, is key.
func (l *locator) linesOf(key string) []int {
	var lines []int
	for _, e := range l.entries {
		if indexPattern.ReplaceAllString(e.path, "") == key {
			lines = append(lines, e.line)
		}
	}
	return lines
}

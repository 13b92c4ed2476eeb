package checklists

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"gdprtjek/i18n"
)

//go:embed data/*.toml
var builtinFiles embed.FS

// Problem is one thing wrong in a checklist file, located by line.
type Problem struct {
	File string
	Line int
	ID   string // message ID
	Args i18n.Args
}

// Message renders the problem as "FILE:LINE: message" in the localizer's language.
func (p Problem) Message(l *i18n.Localizer) string {
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, l.T(p.ID, p.Args))
}

var (
	listIDPattern     = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	questionIDPattern = regexp.MustCompile(`^[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
)

// maxFileSize bounds a checklist file; the largest built-in is a few tens of kilobytes
// (docs/robustness.md).
const maxFileSize = 4 << 20

var builtin = sync.OnceValues(func() (*Set, error) {
	lists, problems := parseFS(builtinFiles, "data", Builtin)
	if len(problems) > 0 {
		// Built-ins are checked by the package's tests; reaching this is a build defect.
		return nil, fmt.Errorf("built-in checklists: %s", problems[0].Message(i18n.New(i18n.English)))
	}
	return NewSet(lists), nil
})

// LoadBuiltin returns the checklists embedded in the binary.
func LoadBuiltin() (*Set, error) { return builtin() }

// LoadEdition returns the checklists in dir of fsys on their own, without the built-ins: a past
// edition of the built-in checklists, kept so that tests can check that assessments answered
// against it update to the current one. Any problem is an error.
func LoadEdition(fsys fs.FS, dir string) (*Set, error) {
	lists, problems := parseFS(fsys, dir, Builtin)
	if len(problems) > 0 {
		return nil, fmt.Errorf("checklist edition %s: %s", dir, problems[0].Message(i18n.New(i18n.English)))
	}
	if len(lists) == 0 {
		return nil, fmt.Errorf("checklist edition %s: no checklists", dir)
	}
	return NewSet(lists), nil
}

// Load returns the built-in checklists plus the valid custom ones in dir (*.toml). A missing
// dir is no error. A custom file with problems is left out, and its problems are returned so
// that the caller can warn; the rest still load. A custom file cannot replace a built-in
// checklist: one with a built-in's ID is such a problem (see validatePaths).
func Load(dir string) (*Set, []Problem, error) {
	base, err := LoadBuiltin()
	if err != nil {
		return nil, nil, err
	}
	if dir == "" {
		return base, nil, nil
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, nil, fmt.Errorf("list custom checklists: %w", err)
	}
	if len(paths) == 0 {
		return base, nil, nil
	}
	slices.Sort(paths)
	custom, problems := validatePaths(paths, base)
	bad := map[string]bool{}
	for _, p := range problems {
		bad[p.File] = true
	}
	lists := slices.Clone(base.Checklists)
	for _, c := range custom {
		if !bad[c.Source] {
			lists = append(lists, c)
		}
	}
	return NewSet(lists), problems, nil
}

// ValidateFiles checks checklist files as a consultant writes them: each on its own, then
// IDs across all of them and against the built-ins, with the same rules as Load.
func ValidateFiles(paths []string) []Problem {
	base, err := LoadBuiltin()
	if err != nil {
		base = NewSet(nil)
	}
	_, problems := validatePaths(paths, base)
	return problems
}

func validatePaths(paths []string, base *Set) ([]*Checklist, []Problem) {
	var lists []*Checklist
	var problems []Problem
	lines := map[*Checklist]*locator{}
	for _, path := range paths {
		data, p := readLimited(path)
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		c, loc, ps := parse(path, data)
		problems = append(problems, ps...)
		if c != nil {
			c.Source = path
			lists = append(lists, c)
			lines[c] = loc
		}
	}
	// The built-ins always take part, so a file that reuses a built-in's ID is refused rather
	// than loaded in its place: assessments and exchange files pin a checklist by ID and
	// version only, and another copy of the program (the partner's) would show the built-in's
	// questions under the same pin. Loading both instead would count every question twice.
	all := append(slices.Clone(base.Checklists), lists...)
	problems = append(problems, crossCheck(all, lines)...)
	return lists, problems
}

// readLimited reads a custom checklist file as assessment.ReadFileLimited reads the other
// files the user gives (this package cannot import assessment): a folder, device, FIFO or
// socket is refused before it is opened, the size is checked first, and the read is bounded
// anyway. Any failure is a Problem for the file.
func readLimited(path string) ([]byte, *Problem) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, readFailed(path, err)
	}
	if p := checkFile(path, info); p != nil {
		return nil, p
	}
	// O_NONBLOCK: a path swapped for a FIFO after the check must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readFailed(path, err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, readFailed(path, err)
	}
	if p := checkFile(path, info); p != nil {
		return nil, p
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, readFailed(path, err)
	}
	if len(data) > maxFileSize {
		return nil, tooLarge(path)
	}
	return data, nil
}

// readFailed is the problem of a file or folder that could not be read.
func readFailed(file string, err error) *Problem {
	return &Problem{File: file, Line: 1, ID: "checklist.read_failed", Args: i18n.Args{"Detail": err.Error()}}
}

func checkFile(path string, info fs.FileInfo) *Problem {
	if !info.Mode().IsRegular() {
		return &Problem{File: path, Line: 1, ID: "checklist.not_regular"}
	}
	if info.Size() > maxFileSize {
		return tooLarge(path)
	}
	return nil
}

func tooLarge(path string) *Problem {
	return &Problem{File: path, Line: 1, ID: "checklist.too_large", Args: i18n.Args{"Limit": fmt.Sprintf("%d MB", maxFileSize>>20)}}
}

// crossCheck reports checklist and question IDs used twice across lists; the later one is
// the problem. Lists without a locator (built-ins) are only ever the earlier side.
func crossCheck(lists []*Checklist, lines map[*Checklist]*locator) []Problem {
	type seen struct {
		file string
		line int
	}
	listIDs := map[string]seen{}
	questionIDs := map[string]seen{}
	var problems []Problem
	for _, c := range lists {
		loc := lines[c]
		lineOf := func(paths ...string) int {
			if loc == nil {
				return 0
			}
			return loc.line(paths...)
		}
		if first, dup := listIDs[c.ID]; dup && loc != nil {
			id := "checklist.duplicate_list_id"
			if first.file == Builtin {
				id = "checklist.builtin_list_id"
			}
			problems = append(problems, Problem{File: c.Source, Line: lineOf("id"), ID: id,
				Args: i18n.Args{"ID": c.ID, "Other": where(first.file, first.line)}})
			// Its questions are not compared: in a copy of another checklist every one would
			// repeat this problem. They are once the file has an ID of its own.
			continue
		} else if !dup {
			listIDs[c.ID] = seen{c.Source, lineOf("id")}
		}
		inFile := map[string]bool{}
		for i, q := range c.Questions {
			if inFile[q.ID] {
				continue // reported by parse
			}
			inFile[q.ID] = true
			at := lineOf(fmt.Sprintf("questions[%d].id", i), fmt.Sprintf("questions[%d]", i))
			if first, dup := questionIDs[q.ID]; dup && loc != nil {
				problems = append(problems, Problem{File: c.Source, Line: at, ID: "checklist.duplicate_question_id",
					Args: i18n.Args{"ID": q.ID, "Other": where(first.file, first.line)}})
			} else if !dup {
				questionIDs[q.ID] = seen{c.Source, at}
			}
		}
	}
	return problems
}

func where(file string, line int) string {
	if line == 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

func parseFS(fsys fs.FS, dir, source string) ([]*Checklist, []Problem) {
	entries, err := fs.Glob(fsys, dir+"/*.toml")
	if err != nil {
		return nil, []Problem{*readFailed(dir, err)}
	}
	var lists []*Checklist
	var problems []Problem
	lines := map[*Checklist]*locator{}
	for _, name := range entries {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, *readFailed(name, err))
			continue
		}
		c, loc, ps := parse(name, data)
		problems = append(problems, ps...)
		if c != nil {
			c.Source = name // the embedded name, so that a cross-check problem points at the file
			lists = append(lists, c)
			lines[c] = loc
		}
	}
	problems = append(problems, crossCheck(lists, lines)...)
	for _, c := range lists {
		c.Source = source
	}
	return lists, problems
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parse decodes and checks one file. It returns the checklist even when it has problems
// (for cross-checks), or nil when the file could not be decoded at all.
func parse(file string, data []byte) (*Checklist, *locator, []Problem) {
	var c Checklist
	v, problems := decodeFile(file, data, &c)
	if v == nil {
		return nil, nil, problems
	}
	v.checklist(&c)
	return &c, v.loc, v.problems
}

// decodeFile decodes a TOML file of ours (checklist or template) into into: a byte-order mark
// is allowed; invalid UTF-8, a syntax error or a type mismatch is a problem at its line, and
// then the checker is nil; keys the type does not know are problems in the returned checker.
func decodeFile(file string, data []byte, into any) (*fileCheck, []Problem) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return nil, []Problem{{File: file, Line: line, ID: "checklist.not_utf8"}}
	}
	src := string(data)
	md, err := toml.Decode(src, into)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, []Problem{{File: file, Line: max(pe.Position.Line, 1), ID: "checklist.syntax", Args: i18n.Args{"Detail": pe.Message}}}
		}
		// A type mismatch (say, weight = "high") is not a ParseError; BurntSushi names the key.
		return nil, []Problem{{File: file, Line: typeErrorLine(src, err), ID: "checklist.type", Args: i18n.Args{"Detail": err.Error()}}}
	}
	v := &fileCheck{file: file, loc: newLocator(src)}
	for _, key := range md.Undecoded() {
		k := key.String()
		lines := v.loc.linesOf(k)
		if len(lines) == 0 {
			lines = []int{1}
		}
		for _, line := range lines {
			v.add(line, "checklist.unknown_key", i18n.Args{"Key": k})
		}
	}
	return v, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

var quotedKey = regexp.MustCompile(`toml: line (\d+)`)

func typeErrorLine(src string, err error) int {
	if m := quotedKey.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		if n > 0 {
			return n
		}
	}
	return 1
}

type fileCheck struct {
	file     string
	loc      *locator
	problems []Problem
}

func (v *fileCheck) add(line int, id string, args i18n.Args) {
	v.problems = append(v.problems, Problem{File: v.file, Line: line, ID: id, Args: args})
}

func (v *fileCheck) checklist(c *Checklist) {
	if !listIDPattern.MatchString(c.ID) {
		v.add(v.loc.line("id"), "checklist.bad_list_id", i18n.Args{"ID": c.ID})
	}
	if c.Version < 1 {
		v.add(v.loc.line("version"), "checklist.bad_version", i18n.Args{"Version": c.Version})
	}
	if !listIDPattern.MatchString(c.Area) {
		v.add(v.loc.line("area"), "checklist.bad_area", i18n.Args{"Area": c.Area})
	}
	v.text("title", "", c.Title, true)
	v.text("description", "", c.Description, false)
	v.conditions("applies_when", c.AppliesWhen)
	if len(c.Questions) == 0 {
		v.add(1, "checklist.no_questions", nil)
	}
	seen := map[string]int{} // question ID → line of its first use
	for i := range c.Questions {
		v.question(i, &c.Questions[i], seen)
	}
}

func (v *fileCheck) question(i int, q *Question, seen map[string]int) {
	prefix := fmt.Sprintf("questions[%d]", i)
	line := func(field string) int { return v.loc.line(prefix+"."+field, prefix) }
	if !questionIDPattern.MatchString(q.ID) {
		v.add(line("id"), "checklist.bad_question_id", i18n.Args{"ID": q.ID})
	} else if first, dup := seen[q.ID]; dup {
		v.add(line("id"), "checklist.duplicate_question_id", i18n.Args{"ID": q.ID, "Other": where(v.file, first)})
	} else {
		seen[q.ID] = line("id")
	}
	v.text(prefix+".text", q.ID, q.Text, true)
	v.text(prefix+".guidance", q.ID, q.Guidance, true)
	v.text(prefix+".remediation", q.ID, q.Remediation, true)
	v.text(prefix+".partner_action", q.ID, q.PartnerAction, false)
	if !blank(q.Text.DA) && strings.TrimSpace(q.Text.DA) == strings.TrimSpace(q.Text.EN) {
		v.add(line("text"), "checklist.same_text", i18n.Args{"Question": q.ID})
	}
	if q.Weight < 1 || q.Weight > 3 {
		v.add(line("weight"), "checklist.bad_weight", i18n.Args{"Question": q.ID, "Weight": q.Weight})
	}
	if len(q.Refs) == 0 {
		v.add(line("refs"), "checklist.no_refs", i18n.Args{"Question": q.ID})
	}
	for _, r := range q.Refs {
		if RefSource(r) == "" {
			v.add(line("refs"), "checklist.bad_ref", i18n.Args{"Question": q.ID, "Ref": r, "Sources": strings.Join(Sources, ", ")})
		}
	}
	v.conditions(prefix+".applies_when", q.AppliesWhen)
}

// text checks a bilingual field. A required one needs both languages; an optional one may be
// left out entirely but not given in one language only.
func (v *fileCheck) text(path, question string, t Text, required bool) {
	if !required && t.Empty() {
		return
	}
	field := path[strings.LastIndex(path, ".")+1:]
	for _, lang := range []struct {
		code i18n.Lang
		val  string
	}{{i18n.Danish, t.DA}, {i18n.English, t.EN}} {
		if !blank(lang.val) {
			continue
		}
		keyPath := path + "." + string(lang.code)
		parent := path[:max(strings.LastIndex(path, "."), 0)]
		args := i18n.Args{"Field": field, "Lang": string(lang.code), "Question": question}
		if v.hasPath(keyPath) {
			v.add(v.loc.line(keyPath), "checklist.empty_text", args)
		} else {
			v.add(v.loc.line(path, parent), "checklist.missing_lang", args)
		}
	}
}

func (v *fileCheck) hasPath(p string) bool {
	for _, e := range v.loc.entries {
		if e.path == p {
			return true
		}
	}
	return false
}

func (v *fileCheck) conditions(path string, conds []string) {
	for _, c := range conds {
		if !KnownCondition(c) {
			v.add(v.loc.line(path), "checklist.unknown_condition", i18n.Args{"Condition": c})
		}
	}
}

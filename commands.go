package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
	loc            *i18n.Localizer
	positional     []string // the arguments that are not flags, set by parse
}

type command func(ctx context.Context, e *env, args []string) error

// commands maps a subcommand's name to its function. Each commands*.go file registers its own
// group in an init function, so that adding a group touches no shared table.
var commands = map[string]command{}

func register(group map[string]command) {
	for name, cmd := range group {
		if _, dup := commands[name]; dup {
			panic("command registered twice: " + name)
		}
		commands[name] = cmd
	}
}

func init() {
	register(map[string]command{
		"demo": cmdDemo, "checklists": cmdChecklists, "validate": cmdValidate, "report": cmdReport,
		"export": cmdExport, "import": cmdImport, "list": cmdList, "answer": cmdAnswer,
		"help": cmdHelp, "--help": cmdHelp, "-h": cmdHelp, "-help": cmdHelp,
	})
}

// usageError is a mistake in how a command was called: exit code 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// langFromArgs finds --lang before flags are parsed, so that even a usage error is reported
// in the chosen language. Without it: GDPRTJEK_LANG, then the system locale.
func langFromArgs(args []string) i18n.Lang {
	for i, a := range args {
		val, ok := "", false
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				val, ok = args[i+1], true
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			val, ok = a[strings.Index(a, "=")+1:], true
		}
		if ok {
			if l, err := i18n.ParseLang(val); err == nil {
				return l
			}
		}
	}
	if l, err := i18n.ParseLang(os.Getenv("GDPRTJEK_LANG")); err == nil {
		return l
	}
	return i18n.Detect()
}

func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)  // errors are reported translated, by report
	fs.String("lang", "", "") // read early by langFromArgs; accepted everywhere
	return fs
}

// parse parses flags, allowing positional arguments anywhere, and checks their number.
func (e *env) parse(fs *flag.FlagSet, args []string, positional int) error {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return errHelp
			}
			return usageError{i18n.NewError("cli.bad_flag", i18n.Args{"Detail": err.Error()}, err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
	if positional >= 0 && len(rest) != positional {
		return usageError{i18n.NewError("cli.wrong_args", i18n.Args{"Command": fs.Name()}, nil)}
	}
	// A terminal set to Latin-1 hands us "Søren" as invalid UTF-8; stored, it would turn into
	// replacement characters in every export. Better to say so before anything is saved.
	var invalid string
	fs.Visit(func(f *flag.Flag) {
		if invalid == "" && !utf8.ValidString(f.Value.String()) {
			invalid = "--" + f.Name
		}
	})
	if invalid != "" {
		return usageError{i18n.NewError("cli.not_utf8", i18n.Args{"Flag": invalid}, nil)}
	}
	e.positional = rest
	if f := fs.Lookup("lang"); f != nil && f.Value.String() != "" {
		if _, err := i18n.ParseLang(f.Value.String()); err != nil {
			return usageError{err}
		}
	}
	return nil
}

// errHelp asks for the usage text; it is not a failure.
var errHelp = errors.New("help requested")

// report prints err as one translated line and returns the exit code for it.
func report(e *env, err error) int {
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		fmt.Fprint(e.stdout, e.loc.T("cli.usage", i18n.Args{"Version": version, "DefaultDB": defaultDBForHelp()}))
		return 0
	case errors.As(err, &u):
		fmt.Fprintln(e.stderr, e.loc.Error(err))
		fmt.Fprintln(e.stderr, e.loc.T("cli.see_help"))
		return 2
	}
	fmt.Fprintln(e.stderr, e.loc.Error(err))
	return 1
}

func defaultDBForHelp() string {
	if p, err := assessment.DefaultPath(); err == nil {
		return p
	}
	return "gdprtjek.db"
}

func cmdHelp(context.Context, *env, []string) error { return errHelp }

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "")
}

// dbPath resolves the database: --db, else GDPRTJEK_DB, else the user's config folder.
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := os.Getenv("GDPRTJEK_DB"); v != "" {
		return v, nil
	}
	return assessment.DefaultPath()
}

// openAll opens the store and loads the checklists: built-ins plus the custom folder (by
// default "checklists" beside the database).
func openAll(ctx context.Context, db, customDir string) (*assessment.Store, *checklists.Set, []checklists.Problem, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, nil, nil, err
	}
	set, problems, err := loadChecklists(path, customDir)
	if err != nil {
		return nil, nil, nil, err
	}
	store, err := assessment.Open(ctx, path)
	if err != nil {
		return nil, nil, nil, err
	}
	startBackups(ctx, store)
	return store, set, problems, nil
}

// loadChecklists loads the built-ins and the custom folder, by default beside the database.
func loadChecklists(dbPath, customDir string) (*checklists.Set, []checklists.Problem, error) {
	if customDir == "" {
		customDir = filepath.Join(filepath.Dir(dbPath), "checklists")
	}
	// The parsed custom checklists are kept beside the database, as its other files are.
	return checklists.LoadCached(customDir, dbPath+".checklists-cache")
}

func (e *env) warn(problems []checklists.Problem) {
	for _, p := range problems {
		fmt.Fprintln(e.stderr, e.loc.T("cli.custom_checklist_skipped", i18n.Args{"Problem": p.Message(e.loc)}))
	}
}

func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := e.flags("demo")
	db := dbFlag(fs)
	out := fs.String("out", ".", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	builtin, err := checklists.LoadBuiltin()
	if err != nil {
		return err
	}
	id, err := store.CreateDemo(ctx, builtin)
	if err != nil {
		return err
	}
	snap, err := store.Snapshot(ctx, id)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o700); err != nil {
		return i18n.NewError("file.write_failed", i18n.Args{"Path": *out}, err)
	}
	for _, lang := range i18n.Langs {
		path := filepath.Join(*out, "report-"+string(lang)+".pdf")
		if err := reports.WriteFile(path, set, snap, reports.Options{Lang: lang, Now: store.Now()}); err != nil {
			return err
		}
	}
	if err := writeDemoDocuments(set, snap, store, *out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

func cmdChecklists(ctx context.Context, e *env, args []string) error {
	fs := e.flags("checklists")
	asJSON := fs.Bool("json", false, "")
	customDir := fs.String("checklists", "", "")
	db := dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	var set *checklists.Set
	var problems []checklists.Problem
	var err error
	if *customDir != "" {
		set, problems, err = checklists.Load(*customDir)
	} else {
		// The folder beside the database, through the same cache as the app.
		var path string
		if path, err = dbPath(*db); err == nil {
			set, problems, err = loadChecklists(path, "")
		}
	}
	if err != nil {
		return err
	}
	e.warn(problems)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(set.Checklists)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, e.loc.T("cli.checklists_header"))
	for _, c := range set.Checklists {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%s\n", c.ID, c.Version, c.Area, len(c.Questions), c.Title.In(e.loc.Lang()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.N("cli.checklists_total", set.QuestionCount(), i18n.Args{"Lists": len(set.Checklists)}))
	return nil
}

func cmdValidate(ctx context.Context, e *env, args []string) error {
	fs := e.flags("validate")
	templates := fs.Bool("templates", false, "") // data-map templates instead of checklists
	if err := e.parse(fs, args, -1); err != nil {
		return err
	}
	if len(e.positional) == 0 {
		return usageError{i18n.NewError("cli.wrong_args", i18n.Args{"Command": "validate"}, nil)}
	}
	validate, failed := checklists.ValidateFiles, "cli.validate_failed"
	if *templates {
		validate, failed = checklists.ValidateTemplateFiles, "cli.validate_templates_failed"
	}
	problems := validate(e.positional)
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p.Message(e.loc))
	}
	if len(problems) > 0 {
		return i18n.NewError(failed, i18n.Args{"Count": len(problems)}, nil)
	}
	fmt.Fprintln(e.stdout, e.loc.N("cli.validate_ok", len(e.positional)))
	return nil
}

func assessmentFlag(fs *flag.FlagSet) *string { return fs.String("assessment", "", "") }

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{i18n.NewError("cli.bad_id", i18n.Args{"ID": s}, err)}
	}
	return id, nil
}

func required(name, value string) error {
	if strings.TrimSpace(value) == "" {
		return usageError{i18n.NewError("cli.flag_required", i18n.Args{"Flag": "--" + name}, nil)}
	}
	return nil
}

// openSnapshot opens the store and the checklists (warning of custom files that were skipped)
// and reads the assessment whose ID was given; the caller closes the store.
func (e *env) openSnapshot(ctx context.Context, db, id string) (*assessment.Store, *checklists.Set, *assessment.Snapshot, error) {
	aid, err := parseID(id)
	if err != nil {
		return nil, nil, nil, err
	}
	store, set, problems, err := openAll(ctx, db, "")
	if err != nil {
		return nil, nil, nil, err
	}
	e.warn(problems)
	snap, err := store.Snapshot(ctx, aid)
	if err != nil {
		store.Close()
		return nil, nil, nil, err
	}
	return store, set, snap, nil
}

func cmdReport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("report")
	id, out, db := assessmentFlag(fs), fs.String("out", "", ""), dbFlag(fs)
	sectionList := fs.String("sections", "", "")
	logoFile := fs.String("logo", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("out", *out)); err != nil {
		return firstUsage(err)
	}
	var sections []reports.Section // none: all of them
	if *sectionList != "" {
		var err error
		if sections, err = reports.ParseSections(*sectionList); err != nil {
			return usageError{err}
		}
	}
	store, set, snap, err := e.openSnapshot(ctx, *db, *id)
	if err != nil {
		return err
	}
	defer store.Close()
	previous, err := store.PreviousSnapshot(ctx, snap.Assessment)
	if err != nil {
		return err
	}
	brand, err := store.Branding(ctx, snap.Company.ID)
	if err != nil {
		return err
	}
	if *logoFile != "" { // the company's logo for this report only
		if brand.CompanyLogo, err = readLogo(*logoFile); err != nil {
			return err
		}
	}
	limitReportMemory()
	return reports.WriteFile(*out, set, snap, reports.Options{Lang: e.loc.Lang(), PreviousRound: previous,
		Sections: sections, Branding: brand})
}

// reportMemoryLimit is a soft limit on the heap while a report is written. fpdf keeps every
// page and then the whole file in memory (docs/benchmarks.md): about 115 MB live for 10,000
// questions, and with Go's default GOGC=100 the heap grows to twice that before it is
// collected. With the limit the collector runs earlier instead: peak RSS 250–280 to 190 MB for
// 10,000 questions, for about 0.1 s more CPU; small reports never reach it.
const reportMemoryLimit = 128 << 20

// limitReportMemory sets reportMemoryLimit unless the user set GOMEMLIMIT themselves.
func limitReportMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(reportMemoryLimit)
	}
}

// readLogo reads and checks a logo file, reading no more than a logo may hold.
func readLogo(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, i18n.NewError("file.read_failed", i18n.Args{"Path": path}, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > assessment.MaxLogoBytes {
		return nil, i18n.NewError("branding.logo_too_large", i18n.Args{"Size": (info.Size() + 1023) >> 10}, nil)
	}
	data, err := io.ReadAll(io.LimitReader(f, assessment.MaxLogoBytes+1))
	if err != nil {
		return nil, i18n.NewError("file.read_failed", i18n.Args{"Path": path}, err)
	}
	if _, _, _, err := assessment.CheckLogo(data); err != nil {
		return nil, err
	}
	return data, nil
}

// firstUsage keeps the first of several joined usage errors: one clear line.
func firstUsage(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return j.Unwrap()[0]
	}
	return err
}

func cmdExport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("export")
	id, out, db := assessmentFlag(fs), fs.String("out", "", ""), dbFlag(fs)
	passFile := fs.String("passphrase-file", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("out", *out)); err != nil {
		return firstUsage(err)
	}
	aid, err := parseID(*id)
	if err != nil {
		return err
	}
	passphrase, err := readPassphrase(*passFile)
	if err != nil {
		return err
	}
	store, _, _, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	snap, err := store.Snapshot(ctx, aid)
	if err != nil {
		return err
	}
	data, err := assessment.MarshalExchange(snap)
	if err != nil {
		return err
	}
	if passphrase != "" {
		if data, err = assessment.EncryptExchange(data, passphrase); err != nil {
			return err
		}
	}
	return assessment.WriteFileAtomic(*out, data)
}

// readPassphrase reads the passphrase from a file (so that it never shows in the process
// list), else from GDPRTJEK_PASSPHRASE; "" when neither is given. The file's final line
// break is not part of the passphrase.
func readPassphrase(path string) (string, error) {
	if path == "" {
		return os.Getenv("GDPRTJEK_PASSPHRASE"), nil
	}
	data, err := assessment.ReadFileLimited(path, assessment.MaxPassphraseFileSize)
	if err != nil {
		return "", err
	}
	passphrase := strings.TrimRight(string(data), "\r\n")
	if strings.TrimSpace(passphrase) == "" {
		return "", i18n.NewError("exchange.passphrase_empty", nil, nil)
	}
	return passphrase, nil
}

func cmdImport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("import")
	db, replace := dbFlag(fs), fs.Bool("replace", false, "")
	merge := fs.Bool("merge", false, "")
	passFile := fs.String("passphrase-file", "", "")
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	if *merge && *replace {
		return usageError{i18n.NewError("cli.merge_or_replace", nil, nil)}
	}
	passphrase, err := readPassphrase(*passFile)
	if err != nil {
		return err
	}
	data, err := assessment.ReadFileLimited(e.positional[0], assessment.MaxExchangeFileSize)
	if err != nil {
		return err
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	if *merge {
		res, err := store.MergeExchange(ctx, set, data, passphrase)
		if err != nil {
			return err
		}
		printMerge(e, res)
		return nil
	}
	id, err := store.ImportProtected(ctx, set, data, passphrase, *replace)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

type listedAssessment struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Answered int    `json:"answered"`
	Total    int    `json:"total"`
	Progress int    `json:"progress_percent"`
}

type listedCompany struct {
	ID          int64              `json:"id"`
	Name        string             `json:"name"`
	CVR         string             `json:"cvr"`
	Assessments []listedAssessment `json:"assessments"`
}

func cmdList(ctx context.Context, e *env, args []string) error {
	fs := e.flags("list")
	asJSON, db := fs.Bool("json", false, ""), dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	overview, err := store.Overview(ctx, set)
	if err != nil {
		return err
	}
	var out []listedCompany
	for _, c := range overview {
		lc := listedCompany{ID: c.Company.ID, Name: c.Company.Name, CVR: c.Company.CVR, Assessments: []listedAssessment{}}
		for _, a := range c.Assessments {
			lc.Assessments = append(lc.Assessments, listedAssessment{ID: a.Assessment.ID, Title: a.Assessment.Title,
				Status: string(a.Assessment.Status), Answered: a.Answered, Total: a.Applicable, Progress: a.Percent()})
		}
		out = append(out, lc)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []listedCompany{} // an empty list, not null
		}
		return enc.Encode(out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, e.loc.T("cli.list_empty"))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, c := range out {
		fmt.Fprintf(tw, "%s\t%s\n", c.Name, c.CVR)
		for _, a := range c.Assessments {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", a.ID, a.Title, e.loc.T("status."+a.Status),
				e.loc.T("cli.progress", i18n.Args{"Answered": a.Answered, "Total": a.Total, "Percent": e.loc.Percent(float64(a.Progress))}))
		}
	}
	return tw.Flush()
}

func cmdAnswer(ctx context.Context, e *env, args []string) error {
	fs := e.flags("answer")
	id, qid, value, note, db := assessmentFlag(fs), fs.String("question", "", ""), fs.String("value", "", ""), fs.String("note", "", ""), dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := errors.Join(required("assessment", *id), required("question", *qid), required("value", *value)); err != nil {
		return firstUsage(err)
	}
	aid, err := parseID(*id)
	if err != nil {
		return err
	}
	v, ok := assessment.ParseValue(*value)
	if !ok {
		return usageError{i18n.NewError("answer.value_invalid", i18n.Args{"Value": *value}, nil)}
	}
	store, set, problems, err := openAll(ctx, *db, "")
	if err != nil {
		return err
	}
	defer store.Close()
	e.warn(problems)
	// Keep what the GUI stored beside the value (owner, due date, evidence) when only the
	// value and note change here.
	answers, err := store.Answers(ctx, aid)
	if err != nil {
		return err
	}
	ans := answers[*qid]
	ans.AssessmentID, ans.QuestionID, ans.Value = aid, *qid, v
	if isFlagSet(fs, "note") {
		ans.Note = *note
	}
	ans.Reconfirm = false
	return store.SaveAnswer(ctx, set, &ans)
}

func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// Command gdprtjek is GDPR-tjek: a desktop app, and a command line over the same database,
// that takes a Danish SME through GDPR checklists and produces a report for its ERP partner.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
	_ "gdprtjek/i18n/localeenv" // before Fyne's init: see the package comment
	"gdprtjek/ui"
)

// version is set at build time from the git tag (see the Makefile).
var version = "dev"

//go:embed Icon.png
var icon []byte

// appID is the app's identity for Fyne (preferences, desktop integration).
const appID = "dk.gdprtjek.app"

func main() {
	attachConsole() // before anything is printed: os.Stdout may change on Windows
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to the GUI or a command and returns the exit code: 0 success, 1 bad input
// or a failed operation, 2 a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	loc := i18n.New(langFromArgs(args))
	e := &env{stdout: stdout, stderr: stderr, loc: loc}
	ctx = context.WithValue(ctx, envKey{}, e) // for warnings from openAll (startBackups)
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			return report(e, cmd(ctx, e, args[1:]))
		}
		// A word that is not a command would otherwise reach the desktop app's flags and be
		// reported as a wrong flag further on ("gdprtjek records --assessment 1").
		if !strings.HasPrefix(args[0], "-") {
			return report(e, usageError{i18n.NewError("cli.unknown_command",
				i18n.Args{"Command": args[0], "Commands": commandNames()}, nil)})
		}
	}
	return report(e, runGUI(ctx, e, args))
}

// commandNames lists the commands for the "unknown command" message: the words, not the
// -h/--help spellings.
func commandNames() string {
	var names []string
	for name := range commands {
		if !strings.HasPrefix(name, "-") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func runGUI(ctx context.Context, e *env, args []string) error {
	fs := e.flags("gdprtjek")
	dbFlag := fs.String("db", "", "")
	customDir := fs.String("checklists", "", "")
	showVersion := fs.Bool("version", false, "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if *showVersion {
		fmt.Fprintln(e.stdout, "gdprtjek", version)
		return nil
	}
	var forced i18n.Lang // empty: the saved setting, then the system's language
	if lang := fs.Lookup("lang").Value.String(); lang != "" {
		forced, _ = i18n.ParseLang(lang) // parse has checked it
	}
	path, err := dbPath(*dbFlag)
	if err != nil {
		return err
	}
	set, problems, err := loadChecklists(path, *customDir)
	if err != nil {
		return err
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	cfg := ui.Config{Checklists: set, ChecklistProblems: problems, Lang: forced, Version: version}
	var opened []*assessment.Store
	defer func() {
		for _, s := range opened {
			s.Close()
		}
	}()
	open := func(p string) (*assessment.Store, error) {
		s, err := assessment.Open(ctx, p)
		if err == nil {
			opened = append(opened, s)
			cfg.BackupFailure = startBackups(ctx, s)
		}
		return s, err
	}
	store, err := open(path)
	if err != nil {
		// The desktop user gets a window that explains and offers a backup or another database.
		cfg.DatabasePath = path
		ui.ShowRecovery(a, cfg, err, open)
		a.Run()
		return nil
	}
	cfg.Store = store
	ui.New(a, cfg).ShowAndRun()
	return nil
}

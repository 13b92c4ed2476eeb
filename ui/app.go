// Package ui is the Fyne desktop app: one file per screen. It holds no SQL and no PDF code;
// it calls assessment, checklists and reports.
package ui

import (
	"context"
	"image/color"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// Preference keys; kept as constants so that a typo cannot split one setting in two.
const (
	prefLanguage    = "language"
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefLastCompany = "last_company"
	prefTheme       = "theme"
	// Who acts on the review screen, and for which organisation.
	prefReviewer     = "review.name"
	prefOrganisation = "review.organisation"
)

// Config is what the app needs from main.
type Config struct {
	Store             *assessment.Store
	Checklists        *checklists.Set
	ChecklistProblems []checklists.Problem // custom checklist files that were left out
	Lang              i18n.Lang            // forced by --lang; empty: saved setting, then system locale
	Version           string
	BackupFailure     error // the day's automatic backup failed: the user is told at start
	// DatabasePath is the database that could not be opened, for the recovery window to
	// offer its newest good backup.
	DatabasePath string
}

// UI is the running app: one window whose content is the current screen.
type UI struct {
	app    fyne.App
	win    fyne.Window
	cfg    Config
	store  *assessment.Store
	set    *checklists.Set
	loc    *i18n.Localizer
	ctx    context.Context
	screen func() fyne.CanvasObject // rebuilds the current screen, e.g. after a language switch
	scale  float32                  // text and control scale: 1, or larger in workshop mode
	// lastQuestion is the question last shown per assessment, so that the questionnaire,
	// workshop mode and Back from the results continue where the user was.
	lastQuestion map[int64]string
	// work counts files being written in the background; the app waits for them before it
	// exits, so that closing the window never leaves a temporary file half written.
	work  sync.WaitGroup
	files files // file dialogs and the file manager; tests put their own in place
}

// New builds the app's window on a (real or test) Fyne app.
func New(a fyne.App, cfg Config) *UI {
	u := &UI{app: a, cfg: cfg, store: cfg.Store, set: cfg.Checklists, ctx: context.Background(), scale: 1,
		lastQuestion: map[int64]string{}}

	lang := cfg.Lang
	if lang == "" {
		saved, err := i18n.ParseLang(a.Preferences().String(prefLanguage))
		if err != nil {
			saved = i18n.Detect()
		}
		lang = saved
	}
	u.files = u.dialogFiles()
	u.loc = i18n.New(lang)
	setFyneLanguage(u.loc.Lang())
	u.win = a.NewWindow("GDPR-tjek")
	u.win.Resize(fyne.NewSize(
		float32(a.Preferences().FloatWithFallback(prefWidth, 1100)),
		float32(a.Preferences().FloatWithFallback(prefHeight, 760))))
	u.win.SetMaster()
	u.win.SetOnClosed(u.rememberSize)
	u.registerQuit()
	u.applyTheme()
	u.showStart()
	if len(cfg.ChecklistProblems) > 0 {
		u.warnChecklists(cfg.ChecklistProblems)
	}
	if cfg.BackupFailure != nil {
		u.inform(u.T("backups.title"),
			u.T("backup.daily_failed", i18n.Args{"Message": u.loc.Error(cfg.BackupFailure)}))
	}
	return u
}

// Window is the app's main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (u *UI) ShowAndRun() {
	u.win.ShowAndRun()
	u.work.Wait()
}

func (u *UI) rememberSize() {
	size := u.win.Canvas().Size()
	u.app.Preferences().SetFloat(prefWidth, float64(size.Width))
	u.app.Preferences().SetFloat(prefHeight, float64(size.Height))
}

// T translates for the current language.
func (u *UI) T(id string, args ...i18n.Args) string { return u.loc.T(id, args...) }

// show makes build the current screen and shows it, below the common top bar.
func (u *UI) show(build func() fyne.CanvasObject) {
	u.screen = build
	// Keys belong to the screen that registered them: without this, typing 3 on the start
	// screen would answer the last question shown in the questionnaire.
	c := u.win.Canvas()
	c.SetOnTypedRune(nil)
	c.SetOnTypedKey(nil)
	u.win.SetTitle(u.T("app.title"))
	u.win.SetContent(border(u.topBar(), nil, nil, nil, build()))
}

func (u *UI) topBar() fyne.CanvasObject {
	langSelect := u.newSelect(langNames())
	langSelect.SetSelectedIndex(langIndex(u.loc.Lang()))
	langSelect.OnChanged = func(string) {
		u.setLanguage(i18n.Langs[langSelect.SelectedIndex()])
	}
	themeNames := make([]string, len(themeChoices))
	for i, c := range themeChoices {
		themeNames[i] = u.T("theme." + c)
	}
	themeSelect := u.newSelect(themeNames)
	current := u.app.Preferences().StringWithFallback(prefTheme, themeSystem)
	for i, c := range themeChoices {
		if c == current {
			themeSelect.SetSelectedIndex(i)
		}
	}
	themeSelect.OnChanged = func(string) {
		u.app.Preferences().SetString(prefTheme, themeChoices[themeSelect.SelectedIndex()])
		u.applyTheme()
	}
	// Start and About leave workshop mode: its large type and full screen belong to it alone.
	home := widget.NewButton(u.T("nav.start"), func() { u.endWorkshopMode(); u.showStart() })
	about := widget.NewButton(u.T("nav.about"), func() { u.endWorkshopMode(); u.showAbout() })
	title := widget.NewLabelWithStyle(u.T("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Selects truncate to their smallest size; give them room for the longest label.
	return border(nil, widget.NewSeparator(), container.NewHBox(title, home),
		container.NewHBox(minWidth(themeSelect, 160*u.scale), minWidth(langSelect, 120*u.scale), about))
}

// langNames names each language in its own language, so that a user who cannot read the
// current one still finds theirs.
func langNames() []string {
	names := make([]string, len(i18n.Langs))
	for i, l := range i18n.Langs {
		names[i] = i18n.New(l).T("lang." + string(l))
	}
	return names
}

// newSelect is a Select whose placeholder is translated (Fyne's is "(Select one)"), and which
// in a dialog lets Escape and Enter through to it.
func (u *UI) newSelect(options []string) *keySelect {
	s := newKeySelect(options)
	s.PlaceHolder = u.T("common.select_one")
	return s
}

func langIndex(l i18n.Lang) int {
	for i, x := range i18n.Langs {
		if x == l {
			return i
		}
	}
	return 0
}

// setLanguage switches the whole UI at once and remembers the choice.
func (u *UI) setLanguage(l i18n.Lang) {
	if l == u.loc.Lang() {
		return
	}
	u.loc = i18n.New(l)
	setFyneLanguage(l)
	u.app.Preferences().SetString(prefLanguage, string(l))
	if u.screen != nil {
		u.show(u.screen)
	}
}

// minWidth gives o at least width w.
func minWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(spacer, o)
}

// border is container.NewBorder with its parts in reading order (top, left, centre, right,
// bottom). Tab follows the order of a container's objects, and Fyne's NewBorder puts the
// centre first: Tab went to a list before the buttons and search field above it.
func border(top, bottom, left, right fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	var objects []fyne.CanvasObject
	for _, o := range slices.Concat([]fyne.CanvasObject{top, left}, center, []fyne.CanvasObject{right, bottom}) {
		if o != nil {
			objects = append(objects, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), objects...)
}

// showAbout tells the version and that nothing leaves the machine.
func (u *UI) showAbout() {
	u.inform(u.T("about.title"), u.T("about.text", i18n.Args{"Version": u.cfg.Version, "Database": u.store.Path()})+
		"\n\n"+u.T("about.keys"))
}

// showError shows a translated error dialog.
func (u *UI) showError(err error) {
	u.inform(u.T("common.error_title"), u.loc.Error(err))
}

type shownError struct{ msg string }

func (e *shownError) Error() string { return e.msg }

func (u *UI) warnChecklists(problems []checklists.Problem) {
	text := ""
	for _, p := range problems {
		text += p.Message(u.loc) + "\n"
	}
	u.inform(u.T("checklists.skipped_title"), text)
}

// opCtx bounds one store operation started from the UI.
func (u *UI) opCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(u.ctx, 30*time.Second)
}

package ui

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

// GDPR-tjek's own file chooser. Fyne's file dialog names its places ("Home", "Documents", …)
// in English whatever the language, and takes no keys; this one is translated and answers
// Escape, Enter, the arrows and Tab wherever focus is in it. It only chooses a path: callers
// read the file bounded (assessment.ReadFileLimited) or write it atomically themselves.

// fileRequest says what to choose.
type fileRequest struct {
	Title string
	Save  bool
	Name  string   // the proposed name (save)
	Exts  []string // e.g. ".json"; matched case-insensitively; the first is added to a saved name that has none
	Dir   string   // the folder to start in; empty: the last one chosen, else Documents, else home
	// NewOnly refuses an existing file instead of offering to replace it (a new database
	// must never be written over a file).
	NewOnly bool
}

// lastDir is the folder of the last chosen file, for the next chooser of this run; it is
// never written to disk.
var lastDir struct {
	sync.Mutex
	dir string
}

func rememberedDir() string {
	lastDir.Lock()
	defer lastDir.Unlock()
	return lastDir.dir
}

func rememberDir(dir string) {
	lastDir.Lock()
	lastDir.dir = dir
	lastDir.Unlock()
}

// chooseFile opens the chooser on win; done gets the chosen file's absolute path, and is not
// called when the user cancels.
func chooseFile(win fyne.Window, loc *i18n.Localizer, req fileRequest, done func(path string)) *fileChooser {
	c := &fileChooser{win: win, loc: loc, req: req, now: time.Now}
	title, confirm := req.Title, loc.T("filechooser.open")
	if req.Save {
		confirm = loc.T("filechooser.save")
		if title == "" {
			title = loc.T("filechooser.save_title")
		}
	} else if title == "" {
		title = loc.T("filechooser.open_title")
	}

	c.path = newPathLabel()
	c.up = newKeyButton(loc.T("filechooser.parent"), func() { c.load(filepath.Dir(c.dir)) })
	c.up.Icon = theme.MoveUpIcon()
	c.listBox = container.NewStack()
	c.status = widget.NewLabel("")
	c.status.Importance = widget.DangerImportance
	c.status.Truncation = fyne.TextTruncateEllipsis

	var bottom []fyne.CanvasObject
	if req.Save {
		c.name = newKeyEntry()
		c.name.SetText(req.Name)
		c.name.OnSubmitted = func(string) { c.confirm() }
		bottom = append(bottom, border(nil, nil, widget.NewLabel(loc.T("filechooser.file_name")), nil, c.name))
	}
	if len(req.Exts) > 0 {
		shown := widget.NewLabel(loc.T("filechooser.shown", i18n.Args{"Exts": strings.Join(req.Exts, ", ")}))
		shown.Truncation = fyne.TextTruncateEllipsis
		bottom = append(bottom, shown)
	}
	bottom = append(bottom, c.status)

	places := container.NewVBox()
	found := findPlaces(loc)
	for _, p := range found {
		b := newKeyButton(p.label, func() { c.load(p.path) })
		b.Icon, b.Alignment, b.Importance = p.icon, widget.ButtonAlignLeading, widget.LowImportance
		c.buttons = append(c.buttons, b)
		places.Add(b)
	}
	top := border(nil, nil, c.up, nil, c.path)
	left := border(nil, nil, nil, widget.NewSeparator(), container.NewVScroll(places))
	south := container.NewVBox(bottom...)
	// Tab goes through the parts in reading order: parent folder, places, list, file name, buttons.
	content := border(top, south, left, nil, c.listBox)

	c.k = newKeyDialog(win, title, content, confirm, loc.T("common.cancel"), func(ok bool) {
		if ok {
			rememberDir(filepath.Dir(c.result))
			done(c.result)
		}
	})
	c.answer = c.k.confirm.OnTapped
	c.k.confirm.OnTapped = c.confirm
	c.escape = c.k.cancel.OnTapped
	c.up.onEscape = c.escape
	for _, b := range c.buttons {
		b.onEscape = c.escape
	}
	if c.name != nil {
		c.name.onEscape = c.escape
	}

	c.load(startDir(req, found)) // in an open, Open stays disabled until a file is picked
	size := win.Canvas().Size()
	c.k.d.Resize(fyne.NewSize(min(900, size.Width*0.9), min(640, size.Height*0.9)))
	c.k.d.Show()
	switch {
	case c.name != nil:
		win.Canvas().Focus(c.name)
	case c.list != nil:
		win.Canvas().Focus(c.list)
	default:
		win.Canvas().Focus(c.k.cancel)
	}
	return c
}

// fileChooser is one open chooser.
type fileChooser struct {
	win     fyne.Window
	loc     *i18n.Localizer
	req     fileRequest
	k       *keyDialog
	answer  func() // closes the dialog as confirmed, handing c.result to done
	escape  func() // closes it as cancelled
	result  string
	dir     string
	entries []dirEntry
	chosen  string    // open: the file selected in the list
	entered time.Time // when a click last entered a folder
	now     func() time.Time

	path    *pathLabel
	up      *keyButton
	buttons []*keyButton // the places
	listBox *fyne.Container
	list    *keyList // nil while the folder is empty or cannot be read
	name    *keyEntry
	status  *widget.Label
}

// doubleClick is longer than desktops' double-click interval (400–500 ms by default).
const doubleClick = 600 * time.Millisecond

type dirEntry struct {
	name string
	dir  bool
}

// load shows dir. A folder that cannot be read says so in the list's place; the user goes
// elsewhere with the places or the parent button.
func (c *fileChooser) load(dir string) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	hadFocus := c.list != nil && c.win.Canvas().Focused() == fyne.Focusable(c.list)
	c.dir, c.chosen = dir, ""
	c.path.set(dir)
	c.status.SetText("")
	if filepath.Dir(dir) == dir {
		c.up.Disable()
	} else {
		c.up.Enable()
	}
	if !c.req.Save && c.k != nil {
		c.k.confirm.Disable()
	}
	entries, err := listDir(dir, c.req.Exts)
	c.entries = entries
	c.list = nil
	var shown fyne.CanvasObject
	switch {
	case err != nil:
		shown = wrapped(c.loc.T("filechooser.unreadable"))
	case len(entries) == 0:
		shown = wrapped(c.loc.T("filechooser.empty"))
	default:
		c.list = c.newList(entries)
		shown = c.list
	}
	c.listBox.Objects = []fyne.CanvasObject{shown}
	c.listBox.Refresh()
	if hadFocus {
		if c.list != nil {
			c.win.Canvas().Focus(c.list)
		} else if !c.up.Disabled() {
			c.win.Canvas().Focus(c.up)
		} else {
			c.win.Canvas().Focus(c.k.cancel)
		}
	}
}

// newList is a fresh list for a folder's entries: widget.List keeps its keyboard position to
// itself, and a position from the last folder could lie past this one's end. The list keeps
// its own entries, since a list just left may still be redrawn once.
func (c *fileChooser) newList(entries []dirEntry) *keyList {
	l := &keyList{onEscape: c.escape, onBack: func() {
		if !c.up.Disabled() {
			c.load(filepath.Dir(c.dir))
		}
	}}
	l.Length = func() int { return len(entries) }
	l.CreateItem = func() fyne.CanvasObject {
		name := widget.NewLabel("")
		name.Truncation = fyne.TextTruncateEllipsis
		return border(nil, nil, widget.NewIcon(theme.FileIcon()), nil, name)
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		if id < 0 || id >= len(entries) {
			return
		}
		e := entries[id]
		row.Objects[1].(*widget.Label).SetText(e.name)
		icon := theme.FileIcon()
		if e.dir {
			icon = theme.FolderIcon()
		}
		row.Objects[0].(*widget.Icon).SetResource(icon)
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.cur = id // a click moves the list's keyboard position there too
		if c.now().Sub(c.entered) < doubleClick {
			// The second click of a double-click, by habit, on a folder just entered with
			// the first: it must not pick whatever row is now under the pointer.
			l.Unselect(id)
			return
		}
		c.picked(id, false)
	}
	l.onEnter = func(id int) { c.picked(id, true) }
	l.ExtendBaseWidget(l)
	return l
}

// picked acts on the list's entry id: a folder is entered; a file is selected (a click) or
// chosen (Enter).
func (c *fileChooser) picked(id int, enter bool) {
	if id < 0 || id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	switch {
	case e.dir:
		if !enter {
			c.entered = c.now()
		}
		c.load(filepath.Join(c.dir, e.name))
	case c.req.Save:
		c.name.SetText(e.name)
		if enter {
			c.confirm()
		}
	default:
		c.chosen = e.name
		c.k.confirm.Enable()
		if enter {
			c.confirm()
		}
	}
}

// confirm is the Save/Open button: a save checks the name and asks before replacing a file.
func (c *fileChooser) confirm() {
	if !c.req.Save {
		if c.chosen != "" {
			c.finish(filepath.Join(c.dir, c.chosen))
		}
		return
	}
	name := strings.TrimSpace(c.name.Text)
	if msg := c.badName(name); msg != "" {
		c.refuse(msg)
		return
	}
	if !hasExt(name, c.req.Exts) && len(c.req.Exts) > 0 {
		name += c.req.Exts[0]
	}
	path := filepath.Join(c.dir, name)
	info, err := os.Stat(path)
	switch {
	case err != nil:
		c.finish(path)
	case info.IsDir():
		c.refuse(c.loc.T("filechooser.is_folder", i18n.Args{"Name": name}))
	case c.req.NewOnly:
		c.refuse(c.loc.T("filechooser.exists_new", i18n.Args{"Name": name}))
	default:
		confirmIn(c.win, c.loc.T("filechooser.replace_title"),
			c.loc.T("filechooser.replace_question", i18n.Args{"Name": name, "Folder": c.dir}),
			c.loc.T("common.yes"), c.loc.T("common.no"), true, func(ok bool) {
				if ok {
					c.finish(path)
				} else {
					c.win.Canvas().Focus(c.name)
				}
			})
	}
}

// badName is why name cannot be a file's name, or "". The characters Windows refuses are
// refused everywhere, so that a file saved on Linux can be copied to a Windows machine.
func (c *fileChooser) badName(name string) string {
	if name == "" {
		return c.loc.T("filechooser.name_empty")
	}
	if name == "." || name == ".." || strings.ContainsAny(name, `<>:"/\|?*`) ||
		strings.ContainsFunc(name, unicode.IsControl) {
		return c.loc.T("filechooser.name_invalid")
	}
	return ""
}

func (c *fileChooser) refuse(msg string) {
	c.status.SetText(msg)
	if c.name != nil {
		c.win.Canvas().Focus(c.name)
	}
}

func (c *fileChooser) finish(path string) {
	c.result = path
	c.answer()
}

func hasExt(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	lower := strings.ToLower(name)
	return slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(lower, strings.ToLower(e)) })
}

// listDir is dir's folders, then its ordinary files that exts matches, each sorted without
// regard to case; hidden (dot) entries are left out. A FIFO or a device is never offered:
// reading one would block or never end.
func listDir(dir string, exts []string) ([]dirEntry, error) {
	all, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []dirEntry
	for _, e := range all {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			info, err := os.Stat(filepath.Join(dir, e.Name()))
			if err != nil {
				continue // a broken link
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			out = append(out, dirEntry{name: e.Name(), dir: true})
		case mode.IsRegular() && hasExt(e.Name(), exts):
			out = append(out, dirEntry{name: e.Name()})
		}
	}
	slices.SortFunc(out, func(a, b dirEntry) int {
		if a.dir != b.dir {
			if a.dir {
				return -1
			}
			return 1
		}
		if c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	return out, nil
}

// place is a shortcut on the chooser's left; kind names the home and documents places, which
// the chooser may start in.
type place struct {
	label, path string
	icon        fyne.Resource
	kind        string
}

// findPlaces is home, desktop, documents, downloads and the computer's root (on Windows its
// drives), those that exist. On Linux the desktop's folders are where xdg-user-dirs says: a
// Danish desktop calls them "Skrivebord", "Dokumenter" and "Hentede filer".
func findPlaces(loc *i18n.Localizer) []place {
	var out []place
	add := func(kind, label, path string, icon fyne.Resource) {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			out = append(out, place{label, path, icon, kind})
		}
	}
	home, err := os.UserHomeDir()
	if err == nil {
		user := userDirs(home)
		add("home", loc.T("filechooser.home"), home, theme.HomeIcon())
		add("desktop", loc.T("filechooser.desktop"), user["DESKTOP"], theme.ComputerIcon())
		add("documents", loc.T("filechooser.documents"), user["DOCUMENTS"], theme.DocumentIcon())
		add("downloads", loc.T("filechooser.downloads"), user["DOWNLOAD"], theme.DownloadIcon())
	}
	if runtime.GOOS == "windows" {
		for d := 'A'; d <= 'Z'; d++ {
			root := string(d) + `:\`
			add("root", root, root, theme.StorageIcon())
		}
	} else {
		add("root", loc.T("filechooser.computer"), "/", theme.StorageIcon())
	}
	return out
}

// userDirs is the desktop's, documents' and downloads' folders: from xdg-user-dirs'
// user-dirs.dirs when it names them, else home's Desktop, Documents and Downloads.
func userDirs(home string) map[string]string {
	dirs := map[string]string{
		"DESKTOP":   filepath.Join(home, "Desktop"),
		"DOCUMENTS": filepath.Join(home, "Documents"),
		"DOWNLOAD":  filepath.Join(home, "Downloads"),
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return dirs
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(config) {
		config = filepath.Join(home, ".config")
	}
	data, err := assessment.ReadFileLimited(filepath.Join(config, "user-dirs.dirs"), 64<<10)
	if err != nil {
		return dirs
	}
	// Lines are XDG_DESKTOP_DIR="$HOME/Skrivebord" or an absolute path; one set to $HOME
	// alone means the folder is not used.
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, value, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		name, isDir := strings.CutSuffix(strings.TrimPrefix(key, "XDG_"), "_DIR")
		if !ok || !isDir || !strings.HasPrefix(key, "XDG_") {
			continue
		}
		if _, wanted := dirs[name]; !wanted {
			continue
		}
		value = strings.ReplaceAll(strings.Trim(value, `"`), `\"`, `"`)
		if rest, ok := strings.CutPrefix(value, "$HOME"); ok {
			value = home + rest
		}
		if value = filepath.Clean(value); filepath.IsAbs(value) && value != filepath.Clean(home) {
			dirs[name] = value
		}
	}
	return dirs
}

// startDir is the request's folder, else the one last chosen, else Documents, else home:
// the first of them that exists (places hold only folders that exist).
func startDir(req fileRequest, places []place) string {
	candidates := []string{req.Dir, rememberedDir()}
	for _, kind := range []string{"documents", "home"} {
		if i := slices.IndexFunc(places, func(p place) bool { return p.kind == kind }); i >= 0 {
			candidates = append(candidates, places[i].path)
		}
	}
	for _, d := range candidates {
		if info, err := os.Stat(d); d != "" && err == nil && info.IsDir() {
			return d
		}
	}
	if len(places) > 0 {
		return places[len(places)-1].path
	}
	return string(filepath.Separator)
}

// keyList is a list on which Enter picks the focused row, Escape cancels the chooser and
// Backspace goes to the parent folder. The arrows move as in widget.List, which keeps its
// position to itself: cur follows it.
type keyList struct {
	widget.List
	cur      int
	onEnter  func(id int)
	onEscape func()
	onBack   func()
}

func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.onEnter(l.cur)
		return
	case fyne.KeyEscape:
		l.onEscape()
		return
	case fyne.KeyBackspace:
		l.onBack()
		return
	case fyne.KeyDown:
		if l.cur < l.Length()-1 {
			l.cur++
		}
	case fyne.KeyUp:
		if l.cur > 0 {
			l.cur--
		}
	}
	l.List.TypedKey(e)
}

// pathLabel shows a folder's path on one line, cut from the left when it is too long (the
// end of a path says most), and never asks for more width than it is given.
type pathLabel struct {
	widget.Label
	full string
}

func newPathLabel() *pathLabel {
	p := &pathLabel{}
	p.Truncation = fyne.TextTruncateClip
	p.ExtendBaseWidget(p)
	return p
}

func (p *pathLabel) set(full string) {
	p.full = full
	p.fit(p.Size().Width)
}

func (p *pathLabel) Resize(s fyne.Size) {
	p.Label.Resize(s)
	p.fit(s.Width)
}

func (p *pathLabel) fit(width float32) {
	text := p.full
	room := width - 2*theme.InnerPadding()
	measure := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), p.TextStyle).Width }
	if width > 0 && measure(text) > room {
		r := []rune(text)
		for i := 1; i < len(r); i++ {
			if text = "…" + string(r[i:]); measure(text) <= room {
				break
			}
		}
	}
	if text != p.Text {
		p.Text = text
		p.Refresh()
	}
}

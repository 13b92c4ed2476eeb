package assessment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"gdprtjek/i18n"
)

// BackupKind says why a backup was taken; each kind is rotated on its own.
type BackupKind string

const (
	// BackupDaily is taken on the first start of each day.
	BackupDaily BackupKind = "daily"
	// BackupPreChange is taken before an import, a merge, a checklist update or a restore.
	BackupPreChange BackupKind = "pre-change"
)

// How many backups of each kind are kept; the oldest beyond these are deleted.
const (
	KeepDaily     = 14
	KeepPreChange = 5
)

// BackupFolder is the folder beside the database that automatic backups go into.
const BackupFolder = "backups"

// backupStamp names a backup by the moment it was taken (UTC, to the millisecond so that two
// backups in one second do not collide); sorting the names sorts the backups by time.
const backupStamp = "20060102T150405.000Z"

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path      string
	Kind      BackupKind
	Time      time.Time
	Size      int64
	Companies int // -1 when the file could not be read
}

// BackupDir is the folder of automatic backups of the database at dbPath.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), BackupFolder)
}

// SetAutoBackup makes the store take a pre-change backup before an import, a merge or a
// checklist update. The app and the command line switch it on; tests of other things leave it
// off, so that they do not pay for a copy of the database on every import.
func (s *Store) SetAutoBackup(on bool) { s.autoBackup = on }

// BeforeChange takes a pre-change backup when automatic backups are on and the database holds
// anything. A change that cannot be backed up is not made: the error says so.
func (s *Store) BeforeChange(ctx context.Context) error {
	if !s.autoBackup {
		return nil
	}
	if empty, err := s.empty(ctx); err != nil || empty {
		return err
	}
	_, err := s.Backup(ctx, BackupPreChange)
	return err
}

// empty reports whether the database holds no company, and so nothing a backup could keep.
func (s *Store) empty(ctx context.Context) (bool, error) {
	var companies int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM companies`).Scan(&companies); err != nil {
		return false, s.explain(err, "count companies")
	}
	return companies == 0, nil
}

// Backup writes a verified copy of the database into the backups folder and deletes the
// oldest backups of the kind beyond the number kept. The copy is made by SQLite (VACUUM INTO),
// which reads one consistent state of the live database; it is written under a temporary
// name, synced, checked with integrity_check, and only then renamed into place, so that a
// failed or interrupted backup never shows as one and never replaces a good one.
func (s *Store) Backup(ctx context.Context, kind BackupKind) (string, error) {
	dir := BackupDir(s.path)
	// Two backups in one millisecond (or on a test's fixed clock) get successive names.
	var path string
	for t := s.Now().UTC(); ; t = t.Add(time.Millisecond) {
		path = filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", dbBase(s.path), t.Format(backupStamp), kind))
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", i18n.NewError("backup.failed", i18n.Args{"Path": dir}, err)
	}
	removeStaleTemps(dir, time.Now()) // the files' real age, whatever the store's clock says
	if err := s.BackupTo(ctx, path); err != nil {
		return "", err
	}
	keep := KeepDaily
	if kind == BackupPreChange {
		keep = KeepPreChange
	}
	if err := rotate(s.path, kind, keep); err != nil {
		return path, i18n.NewError("backup.failed", i18n.Args{"Path": dir}, err)
	}
	return path, nil
}

// BackupTo writes a verified copy of the database to path (which must not exist), as Backup
// does but without rotation: `gdprtjek backup --out FILE`.
func (s *Store) BackupTo(ctx context.Context, path string) error {
	fail := func(err error) error { return i18n.NewError("backup.failed", i18n.Args{"Path": path}, err) }
	if _, err := os.Lstat(path); err == nil {
		return i18n.NewError("backup.exists", i18n.Args{"Path": path}, nil)
	}
	// An empty file made first, so that the copy is 0600 whatever the umask; VACUUM INTO
	// accepts an empty file as its target.
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*"+tempSuffix)
	if err != nil {
		return fail(err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath) // after the rename there is nothing left to remove
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmpPath); err != nil {
		return fail(s.explain(err, "copy database"))
	}
	if err := syncFile(tmpPath); err != nil {
		return fail(err)
	}
	if _, err := verifyDatabase(ctx, tmpPath); err != nil {
		return fail(err)
	}
	// Rename would replace a file made meanwhile; a link fails instead.
	if err := os.Link(tmpPath, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return i18n.NewError("backup.exists", i18n.Args{"Path": path}, nil)
		}
		if err := os.Rename(tmpPath, path); err != nil { // a file system without hard links
			return fail(err)
		}
	}
	syncDir(filepath.Dir(path))
	return nil
}

const (
	tempPrefix = ".backup-"
	tempSuffix = ".tmp"
)

// removeStaleTemps deletes what a backup killed half-way left behind. Only old ones: a
// backup another window is writing at this moment has a young temporary file (a backup
// takes seconds at most).
func removeStaleTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) || !strings.HasSuffix(e.Name(), tempSuffix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > 10*time.Minute {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func dbBase(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; where a folder cannot be synced (Windows) the rename still
// happened, so an error is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// rotate deletes the oldest backups of kind beyond keep.
func rotate(dbPath string, kind BackupKind, keep int) error {
	list, err := scanBackups(dbPath)
	if err != nil {
		return err
	}
	var same []string
	for _, b := range list {
		if b.Kind == kind {
			same = append(same, b.Path)
		}
	}
	// scanBackups lists the newest first.
	for _, p := range same[min(keep, len(same)):] {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

// scanBackups lists the backups of the database at dbPath, newest first, from their names
// alone: temporary files of unfinished backups are not listed.
func scanBackups(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := dbBase(dbPath) + "-"
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
		stamp, kind, ok := strings.Cut(rest, "-")
		if !ok {
			continue
		}
		t, err := time.Parse(backupStamp, stamp)
		if err != nil || (BackupKind(kind) != BackupDaily && BackupKind(kind) != BackupPreChange) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Kind: BackupKind(kind), Time: t, Size: info.Size(), Companies: -1})
	}
	slices.SortFunc(out, func(a, b BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// ListBackups lists the automatic backups of the database at dbPath, newest first, with the
// number of companies in each (-1 for a file that cannot be read as a database).
func ListBackups(ctx context.Context, dbPath string) ([]BackupInfo, error) {
	list, err := scanBackups(dbPath)
	if err != nil {
		return nil, i18n.NewError("file.read_failed", i18n.Args{"Path": BackupDir(dbPath)}, err)
	}
	for i := range list {
		if n, err := countCompanies(ctx, list[i].Path); err == nil {
			list[i].Companies = n
		}
	}
	return list, nil
}

// NewestGoodBackup is the newest backup of the database at dbPath that passes the integrity
// check, for the recovery screen; ok is false when there is none.
func NewestGoodBackup(ctx context.Context, dbPath string) (BackupInfo, bool) {
	list, err := ListBackups(ctx, dbPath)
	if err != nil {
		return BackupInfo{}, false
	}
	for _, b := range list {
		if _, err := verifyDatabase(ctx, b.Path); err == nil {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// DailyBackupIfDue takes the day's backup on the first start of a day (by the store's clock,
// in local time). An empty database has nothing to keep and is not backed up. It returns the
// backup's path, or "" when none was due.
func (s *Store) DailyBackupIfDue(ctx context.Context) (string, error) {
	list, err := scanBackups(s.path)
	if err != nil {
		return "", i18n.NewError("backup.failed", i18n.Args{"Path": BackupDir(s.path)}, err)
	}
	now := s.Now().Local()
	y, m, d := now.Date()
	for _, b := range list {
		if by, bm, bd := b.Time.Local().Date(); b.Kind == BackupDaily && by == y && bm == m && bd == d {
			return "", nil
		}
	}
	if empty, err := s.empty(ctx); err != nil || empty {
		return "", err
	}
	return s.Backup(ctx, BackupDaily)
}

// VerifyBackup checks, read-only, that the file at path is a GDPR-tjek database that passes
// SQLite's integrity check: backup.damaged or backup.not_ours when it is not.
func VerifyBackup(ctx context.Context, path string) error {
	if _, err := verifyDatabase(ctx, path); err != nil {
		return verifyError(path, err)
	}
	return nil
}

func verifyError(path string, err error) error {
	switch {
	case errors.Is(err, errDamaged):
		return i18n.NewError("backup.damaged", i18n.Args{"Path": path}, err)
	case errors.Is(err, errNotOurs):
		return i18n.NewError("backup.not_ours", i18n.Args{"Path": path}, err)
	}
	return i18n.NewError("file.read_failed", i18n.Args{"Path": path}, err)
}

// verifyDatabase checks that path is a GDPR-tjek database in good order, read-only: SQLite's
// header, integrity_check, a schema version this build knows, and the app's tables. It returns
// the schema version.
func verifyDatabase(ctx context.Context, path string) (int, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	if !info.Mode().IsRegular() { // a FIFO would block the open below
		return 0, fmt.Errorf("%w: mode %s", errNotOurs, info.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	header := make([]byte, 100)
	_, err = io.ReadFull(f, header)
	info, serr := f.Stat()
	f.Close()
	if err != nil || serr != nil || !info.Mode().IsRegular() || string(header[:len(sqliteHeader)]) != string(sqliteHeader) {
		return 0, errNotOurs
	}
	if truncated(header, info.Size()) {
		return 0, fmt.Errorf("%w: file shorter than its header says", errDamaged)
	}
	// A SQLite file from here on: a failure to read it is damage, unless it is someone else's.
	damagedOr := func(err error) error {
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code == sqlite3.ErrCorrupt {
			return fmt.Errorf("%w: %w", errDamaged, err)
		}
		return fmt.Errorf("%w: %w", errNotOurs, err)
	}
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, damagedOr(err)
	}
	if version < 1 || version > SchemaVersion() {
		return 0, fmt.Errorf("%w: schema version %d", errNotOurs, version)
	}
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('companies', 'assessments', 'answers')`).Scan(&tables); err != nil {
		return 0, damagedOr(err)
	}
	if tables != 3 {
		return 0, fmt.Errorf("%w: tables missing", errNotOurs)
	}
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return 0, fmt.Errorf("%w: %w", errDamaged, err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return 0, fmt.Errorf("%w: %w", errDamaged, err)
		}
		if line != "ok" {
			return 0, fmt.Errorf("%w: %s", errDamaged, line)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("%w: %w", errDamaged, err)
	}
	return version, nil
}

var (
	errNotOurs = errors.New("not a GDPR-tjek database")
	errDamaged = errors.New("integrity check failed")
)

func countCompanies(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM companies`).Scan(&n)
	return n, err
}

// Restore replaces the database's content with the backup at path. The backup is checked
// first (a GDPR-tjek database that passes integrity_check; anything else is refused and
// nothing changes), then the current database is kept as a pre-change backup, then SQLite's
// online backup copies the file into the live database in one transaction, and an older
// schema is brought up to date. It returns the path of the backup of the current state.
func (s *Store) Restore(ctx context.Context, path string) (string, error) {
	if err := VerifyBackup(ctx, path); err != nil {
		return "", err
	}
	kept, err := s.Backup(ctx, BackupPreChange)
	if err != nil {
		return "", err
	}
	src, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return kept, fmt.Errorf("open %s: %w", path, err)
	}
	defer src.Close()
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return kept, i18n.NewError("file.read_failed", i18n.Args{"Path": path}, err)
	}
	defer srcConn.Close()
	dstConn, err := s.db.Conn(ctx)
	if err != nil {
		return kept, s.explain(err, "open database")
	}
	defer dstConn.Close()
	err = dstConn.Raw(func(dst any) error {
		return srcConn.Raw(func(src any) error {
			b, err := dst.(*sqlite3.SQLiteConn).Backup("main", src.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			// All pages in one step: the destination is written in one transaction.
			done, err := b.Step(-1)
			if ferr := b.Finish(); err == nil {
				err = ferr
			}
			if err == nil && !done {
				err = errors.New("backup did not complete")
			}
			return err
		})
	})
	if err != nil {
		return kept, i18n.NewError("backup.restore_failed", i18n.Args{"Path": path}, s.explain(err, "restore"))
	}
	if err := s.migrate(ctx); err != nil {
		return kept, err
	}
	return kept, nil
}

// RestoreInto puts the backup at backupPath in place of the database at dbPath when that
// database cannot be opened (damaged, or not a database): the recovery screen and `gdprtjek
// restore` use it. The backup is checked first, as Restore does; the unopenable file (with
// its write-ahead log) is kept beside it under a new name, never deleted; then SQLite writes
// the backup's content to dbPath. It returns the name the old file was kept under ("" when
// there was none).
func RestoreInto(ctx context.Context, backupPath, dbPath string) (string, error) {
	if err := VerifyBackup(ctx, backupPath); err != nil {
		return "", err
	}
	fail := func(err error) error {
		return i18n.NewError("backup.restore_failed", i18n.Args{"Path": backupPath}, err)
	}
	// Written beside the database first, so that a failure leaves the old file in place.
	tmp, err := os.CreateTemp(filepath.Dir(dbPath), tempPrefix+"*"+tempSuffix)
	if err != nil {
		return "", fail(err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	src, err := sql.Open("sqlite3", dsn(backupPath, true))
	if err != nil {
		return "", fail(err)
	}
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", tmpPath)
	src.Close()
	if err != nil {
		return "", fail(err)
	}
	if err := syncFile(tmpPath); err != nil {
		return "", fail(err)
	}
	kept := ""
	if _, err := os.Stat(dbPath); err == nil {
		kept = fmt.Sprintf("%s.damaged-%s", dbPath, time.Now().UTC().Format("20060102T150405Z"))
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(dbPath + suffix); err == nil {
				if err := os.Rename(dbPath+suffix, kept+suffix); err != nil {
					return "", fail(err)
				}
			}
		}
		if err := os.Rename(dbPath, kept); err != nil {
			return "", fail(err)
		}
	}
	if err := os.Rename(tmpPath, dbPath); err != nil {
		return kept, fail(err)
	}
	syncDir(filepath.Dir(dbPath))
	return kept, nil
}

// purgeCompanyFromBackups removes a deleted company from every automatic backup, so that
// "delete the company and all its data" also holds for the copies the app keeps. The company is
// matched by ID and creation time, which a backup shares with the live database it was copied
// from. A backup that cannot be cleaned is deleted whole: losing one backup is better than
// keeping data the user asked to delete.
func purgeCompanyFromBackups(ctx context.Context, dbPath string, id int64, createdAt string) error {
	backups, err := scanBackups(dbPath)
	if err != nil {
		return fmt.Errorf("list backups: %w", err)
	}
	for _, b := range backups {
		if err := purgeCompany(ctx, b.Path, id, createdAt); err != nil {
			if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("remove backup %s that still holds a deleted company: %w", b.Path, err)
			}
		}
	}
	return nil
}

func purgeCompany(ctx context.Context, path string, id int64, createdAt string) error {
	if _, err := verifyDatabase(ctx, path); err != nil {
		return err
	}
	// Rollback journal, not WAL: the cleaned backup stays one self-contained file.
	db, err := sql.Open("sqlite3", "file:"+uriEscaper.Replace(path)+
		"?_foreign_keys=on&_secure_delete=on&_journal_mode=DELETE&_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	res, err := db.ExecContext(ctx, `DELETE FROM companies WHERE id = ? AND created_at = ?`, id, createdAt)
	if err != nil {
		return fmt.Errorf("delete company from backup: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	// secure_delete zeroes the freed pages; VACUUM drops them from the file.
	if _, err := db.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum backup: %w", err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := syncFile(path); err != nil {
		return err
	}
	_, err = verifyDatabase(ctx, path)
	return err
}

package assessment

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3" // also registers the "sqlite3" driver

	"gdprtjek/i18n"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations is where the schema steps are read from; tests swap in an extra step to prove
// that upgrading an older database works.
var migrations fs.FS = migrationFiles

// Store keeps all of the app's state in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock; tests replace it to get fixed timestamps.
	Now func() time.Time
	// autoBackup: take a backup before an import, merge or checklist update (SetAutoBackup).
	autoBackup bool
}

// DefaultPath is the database the GUI and the commands share unless told otherwise.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user's config folder: %w", err)
	}
	return filepath.Join(dir, "gdprtjek", "gdprtjek.db"), nil
}

var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens (creating when missing) the database at path and brings its schema up to date.
// The folder is created 0700 and the file 0600. A file that is not a database, or one written
// by a newer version of the app, is refused and left untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, i18n.NewError("store.create_folder_failed", i18n.Args{"Path": filepath.Dir(path)}, err)
	}
	fresh, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	if !fresh {
		if err := refuseNewer(ctx, path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// busyTimeout is how long a write waits while another window or command writes to the same
// database, before the user is told it is busy. A variable so that a test can shorten it.
var busyTimeout = 5 * time.Second

// dsn puts every connection setting into mattn's connection string: a PRAGMA run with Exec
// would reach only one pooled connection.
func dsn(path string, readOnly bool) string {
	params := []string{"_foreign_keys=on", fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds()), "_secure_delete=on"}
	if readOnly {
		params = append(params, "mode=ro")
	} else {
		params = append(params, "_journal_mode=WAL", "_synchronous=NORMAL", "_txlock=immediate")
	}
	return "file:" + uriEscaper.Replace(path) + "?" + strings.Join(params, "&")
}

// uriEscaper escapes what SQLite's URI parser would otherwise take as syntax in a file name.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// prepareFile creates an empty 0600 file when there is none (so SQLite never creates it with
// the umask's wider permissions) and checks that an existing one is a SQLite database.
func prepareFile(path string) (fresh bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return true, f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, i18n.NewError("store.open_failed", i18n.Args{"Path": path}, err)
	}
	// A folder, a device or a FIFO given as the database is refused before it is opened: opening
	// a FIFO would wait for a writer for ever.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return false, i18n.NewError("store.not_a_database", i18n.Args{"Path": path}, fmt.Errorf("mode %s", info.Mode()))
	}
	f, err = os.Open(path)
	if err != nil {
		return false, i18n.NewError("store.open_failed", i18n.Args{"Path": path}, err)
	}
	defer f.Close()
	header := make([]byte, 100) // SQLite's file header
	n, err := io.ReadFull(f, header)
	if n == 0 && errors.Is(err, io.EOF) {
		return true, nil // an empty file is a new database
	}
	if err != nil || !bytes.Equal(header[:len(sqliteHeader)], sqliteHeader) {
		return false, i18n.NewError("store.not_a_database", i18n.Args{"Path": path}, err)
	}
	// A program killed while SQLite copied its write-ahead log into the file leaves the file
	// short of its header's page count, with the log still beside it: SQLite completes the copy
	// from the log when it opens the database. Only without such a log is a short file damaged.
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return false, nil
	}
	if info, err := f.Stat(); err == nil && truncated(header, info.Size()) {
		return false, i18n.NewError("store.damaged", i18n.Args{"Path": path}, errors.New("file shorter than its header says"))
	}
	return false, nil
}

// truncated reports whether a database file is shorter than the page count in its header.
// SQLite would open such a file and fail later, on whichever page is missing; refusing it at
// once keeps the file untouched and the message clear. The header's count is trusted only
// when its "version valid for" number matches the change counter, as SQLite does.
func truncated(header []byte, size int64) bool {
	pageSize := int64(binary.BigEndian.Uint16(header[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(header[28:32]))
	valid := binary.BigEndian.Uint32(header[24:28]) == binary.BigEndian.Uint32(header[92:96])
	return valid && pages > 0 && size < pages*pageSize
}

// refuseNewer reads the schema version read-only, before anything could write to the file.
func refuseNewer(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return fmt.Errorf("open %s read-only: %w", path, err)
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notADatabaseOr(err, path)
	}
	if latest := len(migrationNames()); version > latest {
		return i18n.NewError("store.too_new", i18n.Args{"Path": path, "Version": version, "Supported": latest}, nil)
	}
	return nil
}

// notADatabaseOr tells a file SQLite cannot read from one it cannot write (a full disk, no
// permission): only the first is the file's fault.
func notADatabaseOr(err error, path string) error {
	var ie *i18n.Error
	if errors.As(explainSQLite(err, path, "read schema version"), &ie) {
		return ie
	}
	return i18n.NewError("store.not_a_database", i18n.Args{"Path": path}, err)
}

func migrationNames() []string {
	names, _ := fs.Glob(migrations, "migrations/*.sql") // the pattern is valid
	slices.Sort(names)
	return names
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int { return len(migrationNames()) }

// migrate applies the migrations the database lacks, each in its own transaction, after a
// copy of the database is taken.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notADatabaseOr(err, s.path)
	}
	names := migrationNames()
	if version > len(names) {
		return i18n.NewError("store.too_new", i18n.Args{"Path": s.path, "Version": version, "Supported": len(names)}, nil)
	}
	if version == len(names) {
		return nil
	}
	if version > 0 {
		if err := s.backup(ctx, version); err != nil {
			return err
		}
	}
	for i := version; i < len(names); i++ {
		body, err := fs.ReadFile(migrations, names[i])
		if err != nil {
			return fmt.Errorf("read %s: %w", names[i], err)
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("apply %s: %w", names[i], err)
			}
			// PRAGMA takes no parameters; the value is our own integer.
			_, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(i+1))
			return err
		}); err != nil {
			return i18n.NewError("store.migrate_failed", i18n.Args{"Path": s.path}, err)
		}
	}
	return nil
}

// backup writes a consistent copy of the database beside it before a migration.
func (s *Store) backup(ctx context.Context, version int) error {
	name := fmt.Sprintf("%s.v%d-%s.bak", s.path, version, s.Now().Format("20060102T150405Z"))
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		return i18n.NewError("store.backup_failed", i18n.Args{"Path": name}, err)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		return fmt.Errorf("restrict %s: %w", name, err)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// queryer is what reads need of *sql.DB and *sql.Tx, so one function serves both.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in one immediate transaction: all of it is written, or none.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err, "begin transaction")
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	if err := fn(tx); err != nil {
		var ie *i18n.Error
		if errors.As(err, &ie) {
			return err
		}
		return s.explain(err, "write")
	}
	if err := tx.Commit(); err != nil {
		return s.explain(err, "commit")
	}
	return nil
}

// explain turns the SQLite errors a user can act on into messages: another program writing
// (busy), and a disk that is full or a file that cannot be written.
func (s *Store) explain(err error, what string) error {
	return explainSQLite(err, s.path, what)
}

func explainSQLite(err error, path, what string) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return i18n.NewError("store.busy", nil, err)
		case sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return i18n.NewError("store.write_failed", i18n.Args{"Path": path}, err)
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}

const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s) // written by formatTime; a zero time shows a damaged row
	return t
}

// IntegrityCheck runs SQLite's full integrity check; a damaged file gives store.damaged.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return i18n.NewError("store.damaged", i18n.Args{"Path": s.path}, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return i18n.NewError("store.damaged", i18n.Args{"Path": s.path}, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return i18n.NewError("store.damaged", i18n.Args{"Path": s.path}, err)
	}
	if len(problems) > 0 {
		return i18n.NewError("store.damaged", i18n.Args{"Path": s.path}, errors.New(strings.Join(problems, "; ")))
	}
	return nil
}

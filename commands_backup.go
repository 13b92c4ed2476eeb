package main

import (
	"context"
	"errors"
	"fmt"

	"gdprtjek/assessment"
	"gdprtjek/i18n"
)

func init() {
	register(map[string]command{"backup": cmdBackup, "restore": cmdRestore})
}

// envKey finds the command's env in its context, so that openAll can warn without every
// command passing its env along.
type envKey struct{}

// startBackups switches on the backups before imports, merges and checklist updates, and
// takes the day's backup on the day's first start. A failed daily backup is a warning, not a
// failure: the user's work goes on, and the message says the backup is missing. The failure is
// also returned, for the app to show.
func startBackups(ctx context.Context, store *assessment.Store) error {
	store.SetAutoBackup(true)
	_, err := store.DailyBackupIfDue(ctx)
	if err != nil {
		if e, ok := ctx.Value(envKey{}).(*env); ok {
			fmt.Fprintln(e.stderr, e.loc.T("backup.daily_failed", i18n.Args{"Message": e.loc.Error(err)}))
		}
	}
	return err
}

// cmdBackup writes a verified copy of the database: into the backups folder beside it (kept
// with the other backups, not rotated away by them), or to --out.
func cmdBackup(ctx context.Context, e *env, args []string) error {
	fs := e.flags("backup")
	db, out := dbFlag(fs), fs.String("out", "", "")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	store, err := assessment.Open(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	if *out != "" {
		if err := store.BackupTo(ctx, *out); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, *out)
		return nil
	}
	made, err := store.Backup(ctx, assessment.BackupPreChange)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, made)
	return nil
}

// cmdRestore replaces the database with a backup, keeping the current one as a backup first.
// A database that cannot be opened (damaged) is kept beside itself under a new name instead.
func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := e.flags("restore")
	db := dbFlag(fs)
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	file := e.positional[0]
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	store, err := assessment.Open(ctx, path)
	var ie *i18n.Error
	if err != nil && errors.As(err, &ie) && (ie.ID == "store.damaged" || ie.ID == "store.not_a_database") {
		kept, err := assessment.RestoreInto(ctx, file, path)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.loc.T("cli.restored", i18n.Args{"Path": file, "Kept": kept}))
		return nil
	}
	if err != nil {
		return err
	}
	defer store.Close()
	kept, err := store.Restore(ctx, file)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.loc.T("cli.restored", i18n.Args{"Path": file, "Kept": kept}))
	return nil
}

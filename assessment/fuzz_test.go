package assessment

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/internal/fuzzcount"
)

// The fuzz targets here feed arbitrary files to import. A bad file must be refused with a
// translated message and leave the database as it was; a file that is imported must read back
// whole. `make test` replays the seeds and testdata/fuzz; `make fuzz` searches for new inputs.

// fuzzStore opens one database per fuzzing process, with the demo assessment as a seed file.
func fuzzStore(f *testing.F) (*Store, *checklists.Set, []byte) {
	f.Helper()
	ctx := context.Background()
	set, err := checklists.LoadBuiltin()
	if err != nil {
		f.Fatal(err)
	}
	s, err := Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	id, err := s.CreateDemo(ctx, set)
	if err != nil {
		f.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		f.Fatal(err)
	}
	demo, err := MarshalExchange(snap)
	if err != nil {
		f.Fatal(err)
	}
	return s, set, demo
}

// checkImport runs import and holds it to the rules above.
func checkImport(t *testing.T, s *Store, set *checklists.Set, doImport func() (int64, error)) {
	ctx := context.Background()
	count := func() (n int) {
		if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM assessments) + (SELECT count(*) FROM answers)
			+ (SELECT count(*) FROM comments) + (SELECT count(*) FROM companies)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	id, err := doImport()
	if err != nil {
		var ie *i18n.Error
		if !errors.As(err, &ie) || !i18n.Has(i18n.Danish, ie.ID) {
			t.Fatalf("a bad file gave no translated message: %v", err)
		}
		if after := count(); after != before {
			t.Fatalf("a refused import changed the database: %d rows, then %d", before, after)
		}
		return
	}
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatalf("an imported assessment does not read back: %v", err)
	}
	again, err := MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseExchange(again); err != nil {
		t.Fatalf("an imported assessment does not export as a valid file: %v", err)
	}
	ScoreSnapshot(set, snap) // must not panic on whatever was imported
}

func FuzzImportExchange(f *testing.F) {
	s, set, demo := fuzzStore(f)
	f.Add(demo)
	f.Add(demo[:len(demo)/2])
	f.Add([]byte(strings.Replace(string(demo), `"yes"`, `"ja"`, 1)))
	f.Add([]byte(`{"format":"gdprtjek-exchange","schema_version":3}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzcount.Tried("FuzzImportExchange")
		checkImport(t, s, set, func() (int64, error) {
			return s.ImportExchange(context.Background(), set, data, true)
		})
	})
}

// FuzzImportContent signs whatever content it is given, so that the checks after the digest
// (values, dates, questions, the company) meet arbitrary input too.
func FuzzImportContent(f *testing.F) {
	s, set, demo := fuzzStore(f)
	var file exchangeFile
	if err := json.Unmarshal(demo, &file); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(file.Content))
	f.Add([]byte(`{"company":{"name":"Ø"},"assessment":{"uid":"u","title":"t","status":"approved"},"answers":[{"question":"governance.records","value":"yes","due":"0000-00-00"}]}`))
	f.Add([]byte(`{"company":{"name":"Ø"},"assessment":{"uid":"u","title":"t","status":"draft"},"responses":[{"question":"governance.records","decision":"accepted","hours":1e308,"planned":"2026-02-30","by":" "}]}`))
	f.Fuzz(func(t *testing.T, content []byte) {
		fuzzcount.Tried("FuzzImportContent")
		var c exchangeContent
		if json.Unmarshal(content, &c) != nil {
			return
		}
		canonical, err := json.Marshal(c)
		if err != nil {
			return
		}
		signed, err := json.Marshal(exchangeFile{Format: ExchangeFormat, SchemaVersion: ExchangeVersion,
			Digest: digest(canonical), Content: canonical})
		if err != nil {
			t.Fatal(err)
		}
		checkImport(t, s, set, func() (int64, error) {
			return s.ImportExchange(context.Background(), set, signed, true)
		})
	})
}

func FuzzImportProtected(f *testing.F) {
	s, set, demo := fuzzStore(f)
	// A low scrypt cost keeps each try fast; the cost a file asks for is part of what is fuzzed.
	sealed, err := encryptWithCost(demo, "hemmelig", 1<<4, 8, 1)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sealed, "hemmelig")
	f.Add(sealed, "forkert")
	f.Add(sealed[:len(sealed)-40], "hemmelig")
	f.Add(demo, "")
	f.Fuzz(func(t *testing.T, data []byte, passphrase string) {
		fuzzcount.Tried("FuzzImportProtected")
		checkImport(t, s, set, func() (int64, error) {
			return s.ImportProtected(context.Background(), set, data, passphrase, true)
		})
	})
}

// FuzzCVR: whatever people type as a CVR number is either accepted as eight digits that pass
// the modulus-11 check or refused with a message; normalising twice changes nothing.
func FuzzCVR(f *testing.F) {
	for _, seed := range []string{"", "10150817", "DK 10 15 08 17", "dk10150817", "01234567", "00000000", "1015081", "１０１５０８１７", "10150818", "DKDK10150817", "10\u00a015\u00a008\u00a017"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		fuzzcount.Tried("FuzzCVR")
		cvr := NormalizeCVR(typed)
		if NormalizeCVR(cvr) != cvr {
			t.Fatalf("normalising %q twice gives %q, then %q", typed, cvr, NormalizeCVR(cvr))
		}
		c := Company{Name: "Fuzz ApS", CVR: cvr}
		err := c.Validate()
		if err != nil {
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.ID != "company.cvr_invalid" {
				t.Fatalf("CVR %q refused without the CVR message: %v", cvr, err)
			}
			return
		}
		if cvr == "" {
			return
		}
		if len(cvr) != 8 || strings.IndexFunc(cvr, func(r rune) bool { return r < '0' || r > '9' }) >= 0 || cvr[0] == '0' {
			t.Fatalf("accepted %q (typed %q) as a CVR number", cvr, typed)
		}
	})
}

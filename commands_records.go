package main

import (
	"context"
	"errors"
	"path/filepath"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
	"gdprtjek/i18n"
	"gdprtjek/reports"
)

// The documents made from the data map: the record of processing (art. 30(1)), the retention
// schedule and the processor overview, each as PDF and optionally CSV for Danish Excel.

func init() {
	register(map[string]command{
		"records":    documentCommand(reports.DocRecord),
		"retention":  documentCommand(reports.DocRetention),
		"processors": documentCommand(reports.DocProcessors),
	})
}

func documentCommand(doc reports.Document) command {
	return func(ctx context.Context, e *env, args []string) error {
		fs := e.flags(string(doc))
		id, out, db := assessmentFlag(fs), fs.String("out", "", ""), dbFlag(fs)
		csvOut := fs.String("csv", "", "")
		if err := e.parse(fs, args, 0); err != nil {
			return err
		}
		if err := errors.Join(required("assessment", *id), required("out", *out)); err != nil {
			return firstUsage(err)
		}
		store, set, snap, err := e.openSnapshot(ctx, *db, *id)
		if err != nil {
			return err
		}
		defer store.Close()
		return writeDocument(set, snap, doc, e.loc.Lang(), store, *out, *csvOut)
	}
}

// writeDocument writes one data-map document as PDF to out and, when csvOut is set, as CSV.
func writeDocument(set *checklists.Set, snap *assessment.Snapshot, doc reports.Document, lang i18n.Lang,
	store *assessment.Store, out, csvOut string) error {
	now := store.Now()
	if err := reports.WriteDocument(out, set, snap, doc, reports.Options{Lang: lang, Now: now}); err != nil {
		return err
	}
	if csvOut == "" {
		return nil
	}
	return reports.WriteDocumentCSV(csvOut, snap, doc, lang, now)
}

// writeDemoDocuments writes the three documents in both languages beside the demo's reports,
// and the record of processing as CSV.
func writeDemoDocuments(set *checklists.Set, snap *assessment.Snapshot, store *assessment.Store, dir string) error {
	for _, lang := range i18n.Langs {
		for _, doc := range []reports.Document{reports.DocRecord, reports.DocRetention, reports.DocProcessors} {
			csvOut := ""
			if doc == reports.DocRecord {
				csvOut = filepath.Join(dir, string(doc)+"-"+string(lang)+".csv")
			}
			if err := writeDocument(set, snap, doc, lang, store, filepath.Join(dir, string(doc)+"-"+string(lang)+".pdf"), csvOut); err != nil {
				return err
			}
		}
	}
	return nil
}

-- The data map: per system, the processing activities that make up the record of processing
-- (GDPR art. 30(1)) and the retention schedule; per system, what is known about the vendor as
-- processor. Lists are JSON arrays of the keys in checklists/datamap.go. Both go with their
-- system (ON DELETE CASCADE), so deleting a system or a company deletes its map.
CREATE TABLE processing_activities (
    id                INTEGER PRIMARY KEY,
    system_id         INTEGER NOT NULL REFERENCES systems (id) ON DELETE CASCADE,
    purpose           TEXT NOT NULL CHECK (trim(purpose) <> ''),
    subjects          TEXT NOT NULL DEFAULT '[]',
    data              TEXT NOT NULL DEFAULT '[]',
    bases             TEXT NOT NULL DEFAULT '[]',
    recipients        TEXT NOT NULL DEFAULT '',
    transfer          TEXT NOT NULL DEFAULT '' CHECK (transfer IN ('', 'none', 'usa', 'third_country')),
    transfer_basis    TEXT NOT NULL DEFAULT '' CHECK (transfer_basis IN ('', 'none', 'adequacy', 'dpf', 'scc')),
    retention_months  INTEGER NOT NULL DEFAULT 0 CHECK (retention_months BETWEEN 0 AND 1200),
    retention_trigger TEXT NOT NULL DEFAULT '',
    retention_action  TEXT NOT NULL DEFAULT '' CHECK (retention_action IN ('', 'delete', 'anonymise')),
    retention_owner   TEXT NOT NULL DEFAULT '',
    security          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX processing_activities_system ON processing_activities (system_id);

-- The vendor as processor: whether its sub-processors are known, and the user's dates of the
-- last and the next supervision (e.g. the yearly assurance report), YYYY-MM-DD or empty.
CREATE TABLE system_supervision (
    system_id        INTEGER PRIMARY KEY REFERENCES systems (id) ON DELETE CASCADE,
    subprocessors    TEXT NOT NULL DEFAULT 'unknown' CHECK (subprocessors IN ('yes', 'no', 'unknown')),
    last_supervision TEXT NOT NULL DEFAULT '',
    next_supervision TEXT NOT NULL DEFAULT ''
);

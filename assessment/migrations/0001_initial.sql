-- The first schema. Dates are stored as RFC 3339 text in UTC; due dates as YYYY-MM-DD.
CREATE TABLE companies (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    cvr        TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    size_band  TEXT NOT NULL DEFAULT '',
    industry   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE systems (
    id         INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    product    TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    vendor     TEXT NOT NULL DEFAULT '',
    partner    TEXT NOT NULL DEFAULT '',
    hosting    TEXT NOT NULL DEFAULT 'unknown' CHECK (hosting IN ('eu', 'usa', 'other', 'unknown')),
    processor_agreement TEXT NOT NULL DEFAULT 'unknown' CHECK (processor_agreement IN ('yes', 'no', 'unknown'))
);
CREATE INDEX systems_company ON systems (company_id);

CREATE TABLE assessments (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    company_id  INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (trim(title) <> ''),
    assessor    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'in_review', 'approved', 'returned')),
    profile     TEXT NOT NULL DEFAULT '[]', -- JSON array of the profile conditions that hold
    checklists  TEXT NOT NULL DEFAULT '[]', -- JSON array of pinned {id, version}
    previous_id INTEGER REFERENCES assessments (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX assessments_company ON assessments (company_id);

CREATE TABLE answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    value         TEXT NOT NULL CHECK (value IN ('yes', 'partly', 'no', 'na', 'unknown')),
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    due_date      TEXT NOT NULL DEFAULT '',
    action_status TEXT NOT NULL DEFAULT 'open' CHECK (action_status IN ('open', 'in_progress', 'done')),
    reconfirm     INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX comments_assessment ON comments (assessment_id);

CREATE TABLE signoffs (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    reviewer      TEXT NOT NULL,
    organisation  TEXT NOT NULL DEFAULT '',
    decision      TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
    statement     TEXT NOT NULL DEFAULT '',
    signed_at     TEXT NOT NULL
);
CREATE INDEX signoffs_assessment ON signoffs (assessment_id);

-- Every status change, so that reopening an approved assessment stays on record.
CREATE TABLE status_changes (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    changed_by    TEXT NOT NULL DEFAULT '',
    changed_at    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX status_changes_assessment ON status_changes (assessment_id);

-- Branding for the report. The consultancy's (or implementation partner's) name, contact line,
-- logo and accent colour belong to whoever runs this database: one row. A company's own logo
-- belongs to the company and goes with it when it is deleted. Logos are PNG or JPEG, checked
-- before they are saved (at most 2 MB, sensible dimensions).
CREATE TABLE branding (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    consultancy TEXT NOT NULL DEFAULT '',
    contact     TEXT NOT NULL DEFAULT '',
    accent      TEXT NOT NULL DEFAULT '', -- '#rrggbb', or '' for the report's own navy
    logo        BLOB
);

CREATE TABLE company_logos (
    company_id INTEGER PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    logo       BLOB NOT NULL
);

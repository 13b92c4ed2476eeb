-- Who took part in the assessment's workshop, as the consultant typed it: the record of who
-- was asked, which a company may need to show. Free text; empty when there was no workshop.
ALTER TABLE assessments ADD COLUMN participants TEXT NOT NULL DEFAULT '';

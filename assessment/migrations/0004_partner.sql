-- The implementation partner's answer to each partner task (a gap with a partner action): one
-- response per question, replaced when the partner changes its mind. Hours 0 means no estimate.
CREATE TABLE responses (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('accepted', 'question', 'declined')),
    hours         REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    planned       TEXT NOT NULL DEFAULT '',
    comment       TEXT NOT NULL DEFAULT '',
    responded_by  TEXT NOT NULL CHECK (trim(responded_by) <> ''),
    responded_at  TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

-- A question whose answer in a merged exchange file differed from the local answer. The local
-- answer stays in answers; the file's is kept here until the user resolves the conflict. A
-- resolved conflict is kept (resolved_at set) so that merging the same file again does not
-- raise it a second time; a file with yet another answer raises it anew.
CREATE TABLE merge_conflicts (
    assessment_id       INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id         TEXT NOT NULL,
    their_value         TEXT NOT NULL CHECK (their_value IN ('yes', 'partly', 'no', 'na', 'unknown')),
    their_note          TEXT NOT NULL DEFAULT '',
    their_evidence      TEXT NOT NULL DEFAULT '',
    their_owner         TEXT NOT NULL DEFAULT '',
    their_due_date      TEXT NOT NULL DEFAULT '',
    their_action_status TEXT NOT NULL DEFAULT 'open' CHECK (their_action_status IN ('open', 'in_progress', 'done')),
    their_updated_at    TEXT NOT NULL,
    their_updated_by    TEXT NOT NULL DEFAULT '',
    their_question_hash TEXT NOT NULL DEFAULT '',
    merged_at           TEXT NOT NULL,
    resolved_at         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

-- The fingerprint of the question text an answer was given to, so that a newer checklist
-- version can mark exactly the changed questions for re-confirmation. Empty for answers
-- saved before this step: nothing is known about their text, so they are never marked.
ALTER TABLE answers ADD COLUMN question_hash TEXT NOT NULL DEFAULT '';

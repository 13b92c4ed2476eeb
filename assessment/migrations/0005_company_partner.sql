-- The company's ERP implementation partner: the default for its systems' partner field (each
-- system can still name another). Empty when the company has none or has not said.
ALTER TABLE companies ADD COLUMN partner TEXT NOT NULL DEFAULT '';

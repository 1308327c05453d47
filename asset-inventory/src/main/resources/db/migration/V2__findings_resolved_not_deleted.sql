-- The record is never rewritten (ADR 0007): a finding that stops applying is resolved with its date and cause,
-- never deleted. RETIREMENT, DECOMMISSIONING and MIGRATION come from the subject's own dated facts; CORRECTION
-- and POLICY close a finding the rules no longer produce, on the day that happened.
ALTER TABLE inventory_finding ADD COLUMN resolution varchar(24);
UPDATE inventory_finding f SET resolution = 'RETIREMENT' WHERE f.rule = 'AI-1' AND f.resolved_on IS NOT NULL;
UPDATE inventory_finding f SET resolution = CASE s.status WHEN 'MIGRATED' THEN 'MIGRATION' ELSE 'DECOMMISSIONING' END
  FROM server s WHERE f.rule = 'AI-2' AND f.subject_id = s.id AND f.resolved_on IS NOT NULL;

-- A provider's classification holds from a date (ADR 0002, issue "rules to the day"): the rules read the
-- classification in force on each day. Classifications seeded from seeds/policy held from the start; a
-- regulator's earlier reclassification held from the day (in Beijing) it was made.
ALTER TABLE provider_classification ADD COLUMN effective_from date;
UPDATE provider_classification
   SET effective_from = CASE WHEN changed_by = 'system' THEN DATE '1900-01-01'
                             ELSE (changed_at AT TIME ZONE 'Asia/Shanghai')::date END;
ALTER TABLE provider_classification ALTER COLUMN effective_from SET NOT NULL;
CREATE INDEX provider_classification_effective_idx ON provider_classification (provider_slug, effective_from);

-- A contract can break a rule in more than one span (its provider a third party, then not, then again): one
-- finding per span, told apart by the day it starts.
DROP INDEX contract_finding_natural_key;
CREATE UNIQUE INDEX contract_finding_natural_key
    ON contract_finding (rule, subject_id, coalesce(cause_id, subject_id), detected_on);

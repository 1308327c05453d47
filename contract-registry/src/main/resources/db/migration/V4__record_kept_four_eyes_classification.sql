-- The record is never rewritten (ADR 0007): a finding that stops applying is resolved with its date and cause,
-- never deleted. `resolution` says what ended it; `superseded` marks a finding the rules no longer produce (kept
-- as history, resolved on the day that happened, never paired with a new one).
ALTER TABLE contract_finding ADD COLUMN resolution varchar(24);
ALTER TABLE contract_finding ADD COLUMN superseded boolean NOT NULL DEFAULT false;
DROP INDEX contract_finding_natural_key;
CREATE UNIQUE INDEX contract_finding_natural_key
    ON contract_finding (rule, subject_id, coalesce(cause_id, subject_id), detected_on) WHERE NOT superseded;

-- A termination or migration completion filed long after its date changes what the record says of days already
-- past: it names its evidence and is flagged to regulators.
ALTER TABLE contract ADD COLUMN end_recorded_on date;
ALTER TABLE contract ADD COLUMN end_evidence varchar(500);
ALTER TABLE contract ADD COLUMN backdated boolean NOT NULL DEFAULT false;
CREATE INDEX contract_backdated_idx ON contract (created_at DESC, id) WHERE backdated;

-- A reclassification is proposed by one regulator and confirmed by another (four eyes, by token sub).
ALTER TABLE provider ADD COLUMN proposed_classification varchar(16);
ALTER TABLE provider ADD COLUMN proposed_effective_from date;
ALTER TABLE provider ADD COLUMN proposed_reason varchar(1000);
ALTER TABLE provider ADD COLUMN proposed_by varchar(256);
ALTER TABLE provider ADD COLUMN proposed_by_sub varchar(255);
ALTER TABLE provider ADD COLUMN proposed_at timestamptz;
ALTER TABLE provider_classification ADD COLUMN confirmed_by varchar(256);

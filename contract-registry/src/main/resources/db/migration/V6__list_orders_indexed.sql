-- Every list reads its page from an index in the order asked for (the default order, then the id), so that a page
-- costs the same at any depth and any size (cursor paging, ADR 0010).
CREATE INDEX contract_created_idx ON contract (created_at DESC, id);
CREATE INDEX contract_finding_detected_idx ON contract_finding (detected_on DESC, id);
DROP INDEX contract_finding_rule_idx;
CREATE INDEX contract_finding_rule_idx ON contract_finding (rule, detected_on DESC, id);
DROP INDEX contract_finding_firm_idx;
CREATE INDEX contract_finding_firm_idx ON contract_finding (firm_id, detected_on DESC, id);
CREATE INDEX contract_finding_subject_idx ON contract_finding (subject_id);

-- Resolved findings are the few: the list of them (status=RESOLVED) reads an index of them alone.
CREATE INDEX contract_finding_resolved_idx ON contract_finding (detected_on DESC, id) WHERE resolved_on IS NOT NULL;

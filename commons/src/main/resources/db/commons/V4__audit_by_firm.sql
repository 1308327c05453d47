-- A firm's audit trail in chain order (the console's firm page, ?firmId= on each service's audit log): an index
-- range from the firm's first entry after a seq, whatever the size of the log.
CREATE INDEX audit_entry_firm_seq_idx ON audit_entry (firm_id, seq);
DROP INDEX audit_entry_firm_idx;

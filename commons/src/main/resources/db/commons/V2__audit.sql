-- commons: append-only, hash-chained audit log of every change. Each row's hash covers its content and the
-- previous row's hash, so altering, inserting or deleting a row breaks the chain from there on.
CREATE TABLE audit_entry (
    seq          bigint       PRIMARY KEY,
    at           timestamptz  NOT NULL,
    actor        varchar(256) NOT NULL,
    firm_id      varchar(18),
    request_id   varchar(128),
    action       varchar(64)  NOT NULL,
    subject_type varchar(64)  NOT NULL,
    subject_id   varchar(128) NOT NULL,
    before       text,
    after        text,
    prev_hash    char(64)     NOT NULL,
    hash         char(64)     NOT NULL
);

CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id);
CREATE INDEX audit_entry_firm_idx ON audit_entry (firm_id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

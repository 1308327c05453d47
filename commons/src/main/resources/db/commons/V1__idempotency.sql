-- commons: the first answer to each (caller, Idempotency-Key), replayed for a repeat of the same request.
CREATE TABLE idempotency_record (
    caller       varchar(128) NOT NULL,
    key          varchar(128) NOT NULL,
    request_hash char(64)     NOT NULL,
    status       integer,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller, key)
);

CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at);

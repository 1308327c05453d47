-- Accession numbers come from one sequence: a number is taken once and never handed out again, even when the
-- transaction that took it rolls back (so numbers may have gaps, never repeats).
CREATE SEQUENCE accession_seq;

-- An overseas listing application and where it stands in the review (Measures for Cybersecurity Review).
CREATE TABLE listing_application (
    id                           uuid         PRIMARY KEY,
    firm_id                      varchar(18)  NOT NULL,
    exchange                     varchar(16)  NOT NULL,
    exchange_country             varchar(2)   NOT NULL,
    listing_type                 varchar(16)  NOT NULL,
    users_with_personal_info     bigint       NOT NULL CHECK (users_with_personal_info >= 0),
    sector                       varchar(32)  NOT NULL,
    holds_core_or_important_data boolean      NOT NULL,
    planned_listing_on           date,
    stage                        varchar(24)  NOT NULL,
    -- SUPPLEMENT_REQUESTED returns to this stage when the firm answers.
    resume_stage                 varchar(24),
    accession_number             varchar(24)  UNIQUE,
    submitted_on                 date,
    amendment_count              integer      NOT NULL DEFAULT 0,
    assessment                   text,
    review_required              boolean,
    -- The stage clock: the stage ends stage_limit working days after stage_started_on (which does not count),
    -- plus the working days inside the completed pauses ("from/to;..." while the firm supplied materials, Art. 15);
    -- paused_on is set while the clock is stopped.
    stage_started_on             date,
    stage_limit                  integer,
    pauses                       text,
    paused_on                    date,
    extended                     boolean      NOT NULL DEFAULT false,
    -- Null in a stage without a limit, or when the deadline falls in a year the calendar does not cover yet.
    stage_deadline               date,
    proposed_outcome             varchar(16),
    proposed_reasons             text,
    proposed_by                  varchar(128),
    proposed_at                  timestamptz,
    decided_on                   date,
    decision_reasons             text,
    confirmed_by                 varchar(128),
    withdrawn_on                 date,
    created_at                   timestamptz  NOT NULL,
    updated_at                   timestamptz  NOT NULL,
    version                      bigint       NOT NULL
);
CREATE INDEX listing_application_firm_idx ON listing_application (firm_id);
CREATE INDEX listing_application_queue_idx ON listing_application (stage, stage_deadline);

-- Every transition of an application: who, when, why. Append-only in practice; the audit chain guards it.
CREATE TABLE application_transition (
    id               uuid         PRIMARY KEY,
    firm_id          varchar(18)  NOT NULL,
    application_id   uuid         NOT NULL REFERENCES listing_application (id),
    seq              integer      NOT NULL,
    action           varchar(32)  NOT NULL,
    from_stage       varchar(24),
    to_stage         varchar(24)  NOT NULL,
    actor            varchar(128) NOT NULL,
    actor_role       varchar(16)  NOT NULL,
    occurred_on      date         NOT NULL,
    occurred_at      timestamptz  NOT NULL,
    reason           text,
    accession_number varchar(24),
    CONSTRAINT transition_seq_unique UNIQUE (application_id, seq)
);

-- A document a firm uploaded for its application; the bytes sit apart so listing documents never loads them.
CREATE TABLE application_document (
    id             uuid         PRIMARY KEY,
    firm_id        varchar(18)  NOT NULL,
    application_id uuid         NOT NULL REFERENCES listing_application (id),
    kind           varchar(32)  NOT NULL,
    filename       varchar(200) NOT NULL,
    media_type     varchar(100) NOT NULL,
    size_bytes     bigint       NOT NULL,
    sha256         char(64)     NOT NULL,
    uploaded_by    varchar(128) NOT NULL,
    uploaded_at    timestamptz  NOT NULL,
    -- The accession number the document was filed under (the submission or an amendment); null while a draft.
    filed_under    varchar(24)
);
CREATE INDEX application_document_app_idx ON application_document (application_id);

CREATE TABLE document_content (
    document_id uuid  PRIMARY KEY REFERENCES application_document (id),
    firm_id     varchar(18) NOT NULL,
    content     bytea NOT NULL
);

-- What the compliance gate saw: the firm's open findings in the other services at a moment.
CREATE TABLE gate_snapshot (
    id             uuid         PRIMARY KEY,
    firm_id        varchar(18)  NOT NULL,
    application_id uuid         NOT NULL REFERENCES listing_application (id),
    taken_at       timestamptz  NOT NULL,
    taken_on       date         NOT NULL,
    trigger        varchar(32)  NOT NULL,
    taken_by       varchar(128) NOT NULL,
    blocking_count integer      NOT NULL,
    findings       text         NOT NULL
);
CREATE INDEX gate_snapshot_app_idx ON gate_snapshot (application_id);

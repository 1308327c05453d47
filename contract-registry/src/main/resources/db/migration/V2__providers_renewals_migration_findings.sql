-- Provider registry and the history of every classification a provider has had.
CREATE TABLE provider (
    slug           varchar(64)  PRIMARY KEY,
    name           varchar(128) NOT NULL,
    classification varchar(16)  NOT NULL,
    created_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL
);

CREATE TABLE provider_classification (
    id             uuid         PRIMARY KEY,
    provider_slug  varchar(64)  NOT NULL REFERENCES provider (slug),
    classification varchar(16)  NOT NULL,
    changed_at     timestamptz  NOT NULL,
    changed_by     varchar(256) NOT NULL,
    reason         varchar(1000) NOT NULL
);
CREATE INDEX provider_classification_slug_idx ON provider_classification (provider_slug, changed_at);

-- Termination of a contract.
ALTER TABLE contract ADD COLUMN terminated_on date;
ALTER TABLE contract ADD COLUMN termination_reason varchar(1000);

-- Renewals and extensions of a contract.
CREATE TABLE renewal (
    id           uuid        PRIMARY KEY,
    firm_id      varchar(18) NOT NULL,
    contract_id  uuid        NOT NULL REFERENCES contract (id),
    renewed_on   date        NOT NULL,
    new_ends_on  date        NOT NULL,
    kind         varchar(16) NOT NULL,
    note         varchar(1000),
    created_at   timestamptz NOT NULL
);
CREATE INDEX renewal_contract_idx ON renewal (contract_id);

-- A contract's plan to move to the state cloud, and its milestones.
CREATE TABLE migration_plan (
    contract_id            uuid         PRIMARY KEY REFERENCES contract (id),
    firm_id                varchar(18)  NOT NULL,
    target_provider        varchar(64)  NOT NULL REFERENCES provider (slug),
    planned_completion_on  date         NOT NULL,
    completed_on           date,
    filed_on               date         NOT NULL,
    created_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL
);

CREATE TABLE milestone (
    id            uuid          PRIMARY KEY,
    firm_id       varchar(18)   NOT NULL,
    contract_id   uuid          NOT NULL REFERENCES migration_plan (contract_id),
    title         varchar(200)  NOT NULL,
    due_on        date          NOT NULL,
    progress      integer       NOT NULL CHECK (progress BETWEEN 0 AND 100),
    evidence      text          NOT NULL,
    version       bigint        NOT NULL
);
CREATE INDEX milestone_contract_idx ON milestone (contract_id);

-- Findings: facts dated by the data they were decided on, so that any asOf date can be answered from them.
CREATE TABLE contract_finding (
    id           uuid         PRIMARY KEY,
    firm_id      varchar(18)  NOT NULL,
    rule         varchar(8)   NOT NULL,
    severity     varchar(16)  NOT NULL,
    subject_id   uuid         NOT NULL REFERENCES contract (id),
    cause_id     uuid,
    detected_on  date         NOT NULL,
    resolved_on  date,
    deadline     date,
    inputs       text         NOT NULL,
    evaluated_at timestamptz  NOT NULL
);
CREATE UNIQUE INDEX contract_finding_natural_key ON contract_finding (rule, subject_id, coalesce(cause_id, subject_id));
CREATE INDEX contract_finding_firm_idx ON contract_finding (firm_id);
CREATE INDEX contract_finding_rule_idx ON contract_finding (rule, detected_on);

-- Derived on every change, so lists and filters need no recomputation: the end after lawful and unlawful
-- renewals, and the date by which a third-party contract must be migrated or terminated.
ALTER TABLE contract ADD COLUMN current_ends_on date;
ALTER TABLE contract ADD COLUMN migration_deadline date;
UPDATE contract SET current_ends_on = ends_on;

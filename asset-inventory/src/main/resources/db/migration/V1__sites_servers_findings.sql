-- Data centres (sites) a firm declares.
CREATE TABLE site (
    id                      uuid         PRIMARY KEY,
    firm_id                 varchar(18)  NOT NULL,
    code                    varchar(32)  NOT NULL,
    name                    varchar(200) NOT NULL,
    location                varchar(6)   NOT NULL,
    ownership               varchar(16)  NOT NULL,
    status                  varchar(24)  NOT NULL,
    construction_started_on date,
    commissioned_on         date,
    retired_on              date,
    racks                   integer,
    power_kw                numeric(12, 2),
    created_on              date         NOT NULL,
    created_status          varchar(24)  NOT NULL,
    created_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL,
    CONSTRAINT site_code_unique_per_firm UNIQUE (firm_id, code)
);

-- Servers a firm declares, by hand or by bulk import.
CREATE TABLE server (
    id            uuid         PRIMARY KEY,
    firm_id       varchar(18)  NOT NULL,
    asset_tag     varchar(64)  NOT NULL,
    serial        varchar(128),
    hostname      varchar(253),
    vendor        varchar(128),
    model         varchar(128),
    site_code     varchar(32),
    acquisition   varchar(16)  NOT NULL,
    acquired_on   date         NOT NULL,
    status        varchar(16)  NOT NULL,
    status_on     date,
    role          varchar(128),
    created_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL,
    CONSTRAINT server_asset_tag_unique_per_firm UNIQUE (firm_id, asset_tag)
);
CREATE INDEX server_firm_site_idx ON server (firm_id, site_code, status);

-- Dated notes on a site or a server.
CREATE TABLE journal_entry (
    id           uuid          PRIMARY KEY,
    firm_id      varchar(18)   NOT NULL,
    subject_type varchar(16)   NOT NULL,
    subject_id   uuid          NOT NULL,
    noted_on     date          NOT NULL,
    level        varchar(16)   NOT NULL,
    note         varchar(4000) NOT NULL,
    author       varchar(256)  NOT NULL,
    created_at   timestamptz   NOT NULL
);
CREATE INDEX journal_entry_subject_idx ON journal_entry (subject_type, subject_id, noted_on);

-- Findings AI-1 and AI-2, stored as dated facts (see contract-registry's ADR 0002).
CREATE TABLE inventory_finding (
    id           uuid         PRIMARY KEY,
    firm_id      varchar(18)  NOT NULL,
    rule         varchar(8)   NOT NULL,
    severity     varchar(16)  NOT NULL,
    subject_type varchar(16)  NOT NULL,
    subject_id   uuid         NOT NULL,
    detected_on  date         NOT NULL,
    resolved_on  date,
    inputs       text         NOT NULL,
    evaluated_at timestamptz  NOT NULL,
    CONSTRAINT inventory_finding_natural_key UNIQUE (rule, subject_id)
);
CREATE INDEX inventory_finding_firm_idx ON inventory_finding (firm_id);
CREATE INDEX inventory_finding_rule_idx ON inventory_finding (rule, detected_on);
